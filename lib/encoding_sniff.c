/* The HTML Standard's "determining the character encoding" and its
 * <meta> prescan ("prescan a byte stream to determine its encoding",
 * with "get an attribute", "extracting a character encoding from a meta
 * element" and, when no meta gives one, "get an XML encoding"), step by
 * step as the standard writes them.
 *
 * How far to prescan: the standard lets the user agent choose and
 * encourages 1024 bytes, and a browser that meets a later <meta> while
 * building the tree re-decodes the page ("change the encoding"). We have
 * no second pass, so pith_sniff_html does what Chromium's meta charset
 * scanner does: the first 1024 bytes are always scanned, and past them
 * the scan goes on while the document is still in its head (only html,
 * head, base, link, meta, noscript, object, script, style and title
 * start tags and their end tags other than </head> and </html> seen so
 * far; tags inside script, style, title and noscript do not count, as
 * they are text to a browser), and stops at the first tag beyond byte
 * 1024 that is not. So a meta after long comments or scripts in the head
 * is found; one in the body is not. pith_prescan_meta is the plain
 * 1024-byte prescan. */
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "encoding_impl.h"

#define PRESCAN_BYTES	1024

struct scan {
	const unsigned char *p;
	size_t len;		/* end of the scanned bytes */
	size_t pos;
	struct pbuf name, value;
};

static int
is_space(unsigned char c)
{
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
starts_with_ci(const struct scan *s, size_t at, const char *lit)
{
	size_t n = strlen(lit), i;

	if (at > s->len || s->len - at < n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower(s->p[at + i]) != (unsigned char)lit[i])
			return 0;
	return 1;
}

static int
equals(const struct pbuf *b, const char *lit)
{
	return b->len == strlen(lit) && memcmp(b->p, lit, b->len) == 0;
}

/* "Get an attribute": 1 with s->name and s->value set, 0 when the tag
 * ends (position at its '>'), -1 when the input runs out first, which
 * aborts the prescan. */
static int
get_attribute(struct scan *s)
{
	unsigned char c, quote;

	while (s->pos < s->len && (is_space(s->p[s->pos]) ||
	    s->p[s->pos] == '/'))
		s->pos++;
	if (s->pos >= s->len)
		return -1;
	if (s->p[s->pos] == '>')
		return 0;
	pbuf_reset(&s->name);
	pbuf_reset(&s->value);
	pbuf_reserve(&s->name, 0);
	pbuf_reserve(&s->value, 0);
	/* The name. */
	for (;; s->pos++) {
		if (s->pos >= s->len)
			return -1;
		c = s->p[s->pos];
		if (c == '=' && s->name.len > 0) {
			s->pos++;
			goto value;
		}
		if (is_space(c))
			break;
		if (c == '/' || c == '>')
			return 1;
		pbuf_putc(&s->name, lower(c));
	}
	/* Spaces, then maybe '=' and a value. */
	while (s->pos < s->len && is_space(s->p[s->pos]))
		s->pos++;
	if (s->pos >= s->len)
		return -1;
	if (s->p[s->pos] != '=')
		return 1;
	s->pos++;
value:
	while (s->pos < s->len && is_space(s->p[s->pos]))
		s->pos++;
	if (s->pos >= s->len)
		return -1;
	c = s->p[s->pos];
	if (c == '"' || c == '\'') {
		quote = c;
		for (s->pos++; s->pos < s->len; s->pos++) {
			if (s->p[s->pos] == quote) {
				s->pos++;
				return 1;
			}
			pbuf_putc(&s->value, lower(s->p[s->pos]));
		}
		return -1;
	}
	if (c == '>')
		return 1;
	for (; s->pos < s->len; s->pos++) {
		c = s->p[s->pos];
		if (is_space(c) || c == '>')
			return 1;
		pbuf_putc(&s->value, lower(c));
	}
	return -1;
}

/* "Extracting a character encoding from a meta element" (the content
 * attribute); NULL when there is none or its label is unknown. */
static const char *
encoding_from_content(const char *v, size_t n)
{
	size_t pos = 0, i, start;
	char quote;

	for (;;) {
		for (i = pos; i + 7 <= n; i++)
			if (strncasecmp(v + i, "charset", 7) == 0)
				break;
		if (i + 7 > n)
			return NULL;
		i += 7;
		while (i < n && is_space((unsigned char)v[i]))
			i++;
		if (i < n && v[i] == '=')
			break;
		pos = i;
	}
	i++;
	while (i < n && is_space((unsigned char)v[i]))
		i++;
	if (i >= n)
		return NULL;
	if (v[i] == '"' || v[i] == '\'') {
		quote = v[i];
		start = ++i;
		while (i < n && v[i] != quote)
			i++;
		if (i >= n)
			return NULL;
		return pith_encoding_for_label(v + start, i - start);
	}
	start = i;
	while (i < n && !is_space((unsigned char)v[i]) && v[i] != ';')
		i++;
	return pith_encoding_for_label(v + start, i - start);
}

/* The <meta ...> branch: position is at the space or '/' after "<meta".
 * Returns 1 with *found set (maybe NULL: nothing usable), -1 when the
 * input runs out. */
static int
scan_meta(struct scan *s, const char **found)
{
	int seen_equiv = 0, seen_content = 0, seen_charset = 0;
	int got_pragma = 0, need_pragma = -1, have_charset = 0, r;
	const char *charset = NULL, *enc;

	*found = NULL;
	while ((r = get_attribute(s)) == 1) {
		if (equals(&s->name, "http-equiv")) {
			if (seen_equiv++)
				continue;
			if (equals(&s->value, "content-type"))
				got_pragma = 1;
		} else if (equals(&s->name, "content")) {
			if (seen_content++)
				continue;
			enc = encoding_from_content(s->value.p, s->value.len);
			if (enc != NULL && !have_charset) {
				charset = enc;
				have_charset = 1;
				need_pragma = 1;
			}
		} else if (equals(&s->name, "charset")) {
			if (seen_charset++)
				continue;
			charset = pith_encoding_for_label(s->value.p,
			    s->value.len);
			have_charset = 1;
			need_pragma = 0;
		}
	}
	if (r < 0)
		return -1;
	if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) ||
	    charset == NULL)
		return 1;
	if (strcmp(charset, "UTF-16BE") == 0 ||
	    strcmp(charset, "UTF-16LE") == 0)
		charset = "UTF-8";
	else if (strcmp(charset, "x-user-defined") == 0)
		charset = "windows-1252";
	*found = pith_encoding_find(charset)->name;
	return 1;
}

static int
name_is(const unsigned char *p, size_t n, const char *name)
{
	size_t i;

	if (n != strlen(name))
		return 0;
	for (i = 0; i < n; i++)
		if (lower(p[i]) != (unsigned char)name[i])
			return 0;
	return 1;
}

/* Does a start (or end) tag named by p[0..n) keep us in the head? */
static int
head_tag(const unsigned char *p, size_t n, int end)
{
	static const char *const keep[] = {
		"base", "link", "meta", "noscript", "object", "script",
		"style", "title", NULL
	};
	size_t i;

	for (i = 0; keep[i] != NULL; i++)
		if (name_is(p, n, keep[i]))
			return 1;
	return !end && (name_is(p, n, "html") || name_is(p, n, "head"));
}

/* Elements of the head whose content is text, not tags (as a browser's
 * tokenizer reads them): tags inside do not end the head. */
static const char *
raw_text_element(const unsigned char *p, size_t n)
{
	static const char *const raw[] = {
		"noscript", "script", "style", "title", NULL
	};
	size_t i;

	for (i = 0; raw[i] != NULL; i++)
		if (name_is(p, n, raw[i]))
			return raw[i];
	return NULL;
}

/* "Get an XML encoding": the encoding="..." of an XML declaration at
 * the very start, for pages without a usable meta. */
static const char *
xml_encoding(const unsigned char *p, size_t len)
{
	const unsigned char *end, *q, *close;
	const char *name;
	unsigned char quote;

	if (len < 5 || memcmp(p, "<?xml", 5) != 0 ||
	    (end = memchr(p, '>', len)) == NULL)
		return NULL;
	for (q = p + 5; q + 8 <= end; q++)
		if (memcmp(q, "encoding", 8) == 0)
			break;
	if (q + 8 > end)
		return NULL;
	for (q += 8; q < end && *q <= 0x20; q++)
		;
	if (q >= end || *q++ != '=')
		return NULL;
	while (q < end && *q <= 0x20)
		q++;
	if (q >= end || (*q != '"' && *q != '\''))
		return NULL;
	quote = *q++;
	if ((close = memchr(q, quote, (size_t)(end - q))) == NULL)
		return NULL;
	for (end = q; end < close; end++)
		if (*end <= 0x20)
			return NULL;
	if ((name = pith_encoding_for_label((const char *)q,
	    (size_t)(close - q))) == NULL)
		return NULL;
	if (strcmp(name, "UTF-16BE") == 0 || strcmp(name, "UTF-16LE") == 0)
		name = pith_encoding_find("UTF-8")->name;
	return name;
}

static const char *
prescan(const void *data, size_t len, int whole_head)
{
	struct scan s = {data, len, 0, PBUF_INIT, PBUF_INIT};
	const unsigned char *p = data, *hit;
	const char *found = NULL, *raw = NULL;
	size_t start, end;
	int in_head = 1, closing;

	if (!whole_head && s.len > PRESCAN_BYTES)
		s.len = PRESCAN_BYTES;
	/* UTF-16 XML declarations: "<?x" in either byte order. */
	if (s.len >= 6 && memcmp(p, "<\0?\0x\0", 6) == 0)
		return pith_encoding_find("UTF-16LE")->name;
	if (s.len >= 6 && memcmp(p, "\0<\0?\0x", 6) == 0)
		return pith_encoding_find("UTF-16BE")->name;
	for (; s.pos < s.len; s.pos++) {
		hit = memchr(p + s.pos, '<', s.len - s.pos);
		if (hit == NULL)
			break;
		s.pos = (size_t)(hit - p);
		if (!in_head && s.pos >= PRESCAN_BYTES)
			break;
		if (starts_with_ci(&s, s.pos, "<!--")) {
			/* The '>' of a "-->", whose dashes may be the ones
			 * of "<!--". */
			end = s.pos + 4;
			while ((hit = memchr(p + end, '>', s.len - end)) !=
			    NULL) {
				end = (size_t)(hit - p);
				if (p[end - 1] == '-' && p[end - 2] == '-')
					break;
				end++;
			}
			if (hit == NULL)
				break;
			s.pos = end;
		} else if (starts_with_ci(&s, s.pos, "<meta") &&
		    s.pos + 5 < s.len && (is_space(p[s.pos + 5]) ||
		    p[s.pos + 5] == '/')) {
			s.pos += 5;
			if (scan_meta(&s, &found) < 0 || found != NULL)
				break;
		} else if (s.pos + 1 < s.len && (is_alpha(p[s.pos + 1]) ||
		    (p[s.pos + 1] == '/' && s.pos + 2 < s.len &&
		    is_alpha(p[s.pos + 2])))) {
			closing = p[s.pos + 1] == '/';
			start = s.pos + 1 + (size_t)closing;
			for (end = start; end < s.len && !is_space(p[end]) &&
			    p[end] != '/' && p[end] != '>'; end++)
				;
			if (raw != NULL) {
				if (closing && name_is(p + start, end - start,
				    raw))
					raw = NULL;
			} else if (in_head && !head_tag(p + start,
			    end - start, closing))
				in_head = 0;
			else if (!closing)
				raw = raw_text_element(p + start, end - start);
			while (s.pos < s.len && !is_space(p[s.pos]) &&
			    p[s.pos] != '>')
				s.pos++;
			if (s.pos >= s.len)
				break;
			while (get_attribute(&s) == 1)
				;
			if (s.pos >= s.len)
				break;
		} else if (starts_with_ci(&s, s.pos, "<!") ||
		    starts_with_ci(&s, s.pos, "</") ||
		    starts_with_ci(&s, s.pos, "<?")) {
			hit = memchr(p + s.pos + 1, '>', s.len - s.pos - 1);
			if (hit == NULL)
				break;
			s.pos = (size_t)(hit - p);
		}
	}
	pbuf_free(&s.name);
	pbuf_free(&s.value);
	if (found == NULL)
		found = xml_encoding(p, s.len);
	return found;
}

const char *
pith_prescan_meta(const void *data, size_t len)
{
	return prescan(data, len, 0);
}

const char *
pith_prescan_meta_head(const void *data, size_t len)
{
	return prescan(data, len, 1);
}

const char *
pith_sniff_bom(const void *data, size_t len, size_t *bomlen)
{
	const unsigned char *p = data;
	size_t n = 0;
	const char *name = NULL;

	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		name = "UTF-8";
		n = 3;
	} else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		name = "UTF-16BE";
		n = 2;
	} else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		name = "UTF-16LE";
		n = 2;
	}
	if (bomlen != NULL)
		*bomlen = n;
	return name;
}

const char *
pith_sniff_html_fallback(const void *data, size_t len, const char *transport,
    const char *fallback)
{
	const char *name;

	if ((name = pith_sniff_bom(data, len, NULL)) != NULL)
		return name;
	if (transport != NULL && (name = pith_encoding_for_label(transport,
	    strlen(transport))) != NULL)
		return name;
	if ((name = prescan(data, len, 1)) != NULL)
		return name;
	if (fallback != NULL && (name = pith_encoding_for_label(fallback,
	    strlen(fallback))) != NULL)
		return name;
	return pith_utf8_valid(data, len) ? "UTF-8" : "windows-1252";
}

const char *
pith_sniff_html(const void *data, size_t len, const char *transport)
{
	return pith_sniff_html_fallback(data, len, transport, NULL);
}
