#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "htmlprep.h"

/* Elements whose content is raw text and dropped whole. */
static const char *const dropped[] = {
	"script", "style", "template", "iframe", "noembed",
	"noframes", "xmp", "svg", "math", "object", "canvas", NULL
};

/* Elements whose content is raw text or RCDATA but kept for the parser:
 * inside them '<' starts no tag. */
static const char *const rawkept[] = {"textarea", "title", NULL};

/* Void elements and elements whose end tag is usually implied: neither
 * counts toward the nesting depth, or unclosed <p>s would look deep. */
static const char *const flat[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
	"tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
	"rb", "rt", "rp", "colgroup", "caption", "basefont", "bgsound",
	"frame", "keygen", "image", NULL
};

static int
in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Finds "</name" followed by space, '/' or '>' from p on; returns its
 * start or NULL. */
static const char *
find_end_tag(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);

	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));

		if (lt == NULL)
			return NULL;
		if ((size_t)(end - lt) >= n + 2 && lt[1] == '/' &&
		    strncasecmp(lt + 2, name, n) == 0 &&
		    ((size_t)(end - lt) == n + 2 || is_space(lt[n + 2]) ||
		    lt[n + 2] == '/' || lt[n + 2] == '>'))
			return lt;
		p = lt + 1;
	}
	return NULL;
}

/* "script" at p, as a tag name: followed by space, '/' or '>'. */
static int
script_name_at(const char *p, const char *end)
{
	return end - p >= 7 && strncasecmp(p, "script", 6) == 0 &&
	    (is_space(p[6]) || p[6] == '/' || p[6] == '>');
}

/* Where a <script> body ends, after the tokenizer's script data states:
 * "<!--" escapes, and inside the escape a "<script" starts a double
 * escape in which "</script" does not end the element (old pages
 * document.write scripts that way); "-->" ends either escape. Returns
 * the "</script" that ends it, or NULL. */
static const char *
find_script_end(const char *p, const char *end)
{
	enum { DATA, ESCAPED, DOUBLE } st = DATA;

	while (p < end) {
		const char *c = p;

		while (c < end && *c != '<' && *c != '-')
			c++;
		if (c >= end)
			return NULL;
		if (*c == '-') {
			if (st != DATA && end - c >= 3 && c[1] == '-' &&
			    c[2] == '>') {
				st = DATA;
				p = c + 3;
			} else
				p = c + 1;
			continue;
		}
		/* '<' */
		if (end - c >= 2 && c[1] == '/' && script_name_at(c + 2, end)) {
			if (st != DOUBLE)
				return c;
			st = ESCAPED;
			p = c + 8;
		} else if (st == DATA && end - c >= 4 && c[1] == '!' &&
		    c[2] == '-' && c[3] == '-') {
			/* "<!-->" and "<!--->" close at once */
			p = c + 4;
			if (p < end && *p == '>')
				p++;
			else if (end - p >= 2 && p[0] == '-' && p[1] == '>')
				p += 2;
			else
				st = ESCAPED;
		} else if (st == ESCAPED && script_name_at(c + 1, end)) {
			st = DOUBLE;
			p = c + 7;
		} else
			p = c + 1;
	}
	return NULL;
}

/* Skips from `p` (just after "<name") over attributes to just after '>'.
 * Quoted values may hold '>'. Appends the tag's text to `out` when not
 * NULL, dropping attributes past PITH_MAX_ATTRS. Sets *type_jsonld when
 * a type="application/ld+json" attribute is seen. */
static const char *
scan_attrs(const char *p, const char *end, struct pbuf *out,
    struct pith_htmlprep *st, int *type_jsonld)
{
	size_t nattr = 0;

	while (p < end) {
		const char *a = p, *name, *val = NULL;
		size_t namelen, vallen = 0;

		while (p < end && (is_space(*p) || *p == '/'))
			p++;
		if (p >= end)
			break;
		if (*p == '>') {
			if (out)
				pbuf_append(out, a, (size_t)(p + 1 - a));
			return p + 1;
		}
		name = p;
		while (p < end && !is_space(*p) && *p != '/' && *p != '>' &&
		    (*p != '=' || p == name))
			p++;
		namelen = (size_t)(p - name);
		while (p < end && is_space(*p))
			p++;
		if (p < end && *p == '=') {
			p++;
			while (p < end && is_space(*p))
				p++;
			if (p < end && (*p == '"' || *p == '\'')) {
				const char *q = memchr(p + 1, *p,
				    (size_t)(end - p - 1));

				val = p + 1;
				q = q ? q : end;
				vallen = (size_t)(q - val);
				p = q < end ? q + 1 : end;
			} else {
				val = p;
				while (p < end && !is_space(*p) && *p != '>')
					p++;
				vallen = (size_t)(p - val);
			}
		}
		if (type_jsonld && namelen == 4 &&
		    strncasecmp(name, "type", 4) == 0 && val && vallen >= 19 &&
		    strncasecmp(val, "application/ld+json", 19) == 0)
			*type_jsonld = 1;
		if (++nattr > PITH_MAX_ATTRS) {
			st->attrs_cut++;
			continue;
		}
		if (out)
			pbuf_append(out, a, (size_t)(p - a));
	}
	if (out)
		pbuf_putc(out, '>');
	return end;
}

struct depth_stack {
	char names[PITH_MAX_DEPTH][16];
	size_t n;
	size_t cut_open;	/* dropped start tags not yet closed */
};

void
pith_htmlprep_run(const char *html, size_t len, struct pith_htmlprep *st)
{
	const char *p = html, *end = html + len, *copied = html;
	struct depth_stack *ds = xcalloc(1, sizeof *ds);

	memset(st, 0, sizeof *st);
	pbuf_reserve(&st->html, len / 2 + 64);
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		const char *q;
		char name[16];
		size_t n = 0;
		int closing = 0, jsonld = 0;

		if (lt == NULL)
			break;
		q = lt + 1;
		if (q < end && *q == '!') {
			/* Comment: "<!--" to "-->", "--!>", or the abrupt
			 * "<!-->" / "<!--->"; other "<!" ends at '>'. */
			const char *e;

			if (end - q >= 3 && q[1] == '-' && q[2] == '-') {
				const char *c = q + 3;

				if (c < end && *c == '>')
					e = c + 1;
				else if (end - c >= 2 && c[0] == '-' && c[1] == '>')
					e = c + 2;
				else {
					e = NULL;
					for (; c + 2 < end; c++) {
						c = memchr(c, '-', (size_t)(end - c));
						if (c == NULL || c + 2 >= end)
							break;
						if (c[1] == '-' && c[2] == '>') {
							e = c + 3;
							break;
						}
						if (c[1] == '-' && c[2] == '!' &&
						    c + 3 < end && c[3] == '>') {
							e = c + 4;
							break;
						}
					}
					if (e == NULL)
						e = end;
				}
				pbuf_append(&st->html, copied, (size_t)(lt - copied));
				st->removed_bytes += (size_t)(e - lt);
				copied = p = e;
				continue;
			}
			p = q;
			continue;
		}
		if (q < end && *q == '/') {
			closing = 1;
			q++;
		}
		if (q >= end || !isalpha((unsigned char)*q)) {
			p = lt + 1;
			continue;
		}
		while (q < end && !is_space(*q) && *q != '/' && *q != '>') {
			if (n < sizeof name - 1)
				name[n++] = (char)tolower((unsigned char)*q);
			q++;
		}
		name[n] = '\0';
		if (closing) {
			/* End tag: pops the depth stack; an end tag for an
			 * element dropped for depth is dropped too. */
			const char *e = memchr(q, '>', (size_t)(end - q));
			size_t i;

			e = e ? e + 1 : end;
			if (in_list(flat, name)) {
				p = e;
				continue;
			}
			for (i = ds->n; i > 0; i--)
				if (strcmp(ds->names[i - 1], name) == 0)
					break;
			if (i > 0)
				ds->n = i - 1;
			else if (ds->cut_open > 0) {
				ds->cut_open--;
				pbuf_append(&st->html, copied,
				    (size_t)(lt - copied));
				copied = e;
			}
			p = e;
			continue;
		}
		if (in_list(dropped, name)) {
			const char *body = scan_attrs(q, end, NULL, st, &jsonld);
			const char *close;
			const char *after;

			if (body <= end && body - q >= 2 && body[-2] == '/' &&
			    (strcmp(name, "svg") == 0 || strcmp(name, "math") == 0)) {
				/* Self-closing foreign element: no content. */
				pbuf_append(&st->html, copied, (size_t)(lt - copied));
				copied = p = body;
				continue;
			}
			close = strcmp(name, "script") == 0 ?
			    find_script_end(body, end) :
			    find_end_tag(body, end, name);

			if (strcmp(name, "svg") == 0 || strcmp(name, "math") == 0 ||
			    strcmp(name, "object") == 0) {
				/* Foreign content nests: skip balanced. */
				const char *s = body;
				int open = 1;

				close = NULL;
				while (open > 0 && s < end) {
					const char *o = s, *c = find_end_tag(s, end, name);

					if (c == NULL)
						break;
					while ((o = memchr(o, '<', (size_t)(c - o))) != NULL) {
						if (strncasecmp(o + 1, name, strlen(name)) == 0)
							open++;
						o++;
					}
					open--;
					close = c;
					s = c + 1;
				}
			}
			if (body > end)
				body = end;
			if (jsonld && st->njsonld < PITH_MAX_JSONLD)
				pbuf_append(&st->jsonld[st->njsonld++], body,
				    (size_t)((close ? close : end) - body));
			if (close) {
				after = memchr(close, '>', (size_t)(end - close));
				after = after ? after + 1 : end;
			} else
				after = end;
			pbuf_append(&st->html, copied, (size_t)(lt - copied));
			st->removed_bytes += (size_t)(after - lt);
			copied = p = after;
			continue;
		}
		if (!in_list(flat, name)) {
			if (ds->n >= PITH_MAX_DEPTH) {
				/* Too deep: drop the tag, keep its text. */
				const char *e = scan_attrs(q, end, NULL, st, NULL);

				pbuf_append(&st->html, copied, (size_t)(lt - copied));
				ds->cut_open++;
				st->depth_cut++;
				copied = p = e;
				continue;
			}
			snprintf(ds->names[ds->n++], sizeof ds->names[0], "%s",
			    name);
		}
		/* Copy the tag itself through scan_attrs (which cuts
		 * attributes past the limit). */
		pbuf_append(&st->html, copied, (size_t)(lt - copied));
		pbuf_append(&st->html, lt, (size_t)(q - lt));
		p = copied = scan_attrs(q, end, &st->html, st, NULL);
		if (in_list(rawkept, name)) {
			const char *close = find_end_tag(p, end, name);

			close = close ? close : end;
			pbuf_append(&st->html, p, (size_t)(close - p));
			p = copied = close;
		}
	}
	pbuf_append(&st->html, copied, (size_t)(end - copied));
	free(ds);
}

void
pith_htmlprep_free(struct pith_htmlprep *st)
{
	size_t i;

	pbuf_free(&st->html);
	for (i = 0; i < PITH_MAX_JSONLD; i++)
		pbuf_free(&st->jsonld[i]);
}
