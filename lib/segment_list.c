/* Lists and lines inside a paragraph: list markers (1. 2. a) b) and
 * bullets), the passes that cut before the next item of a list, and the
 * reading of line breaks (hard-wrapped text, headings, short lines). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "segment.h"
#include "segment_sent.h"

/* A list marker token starting at i: "12." "12)" "a)" "(3)" "iv." followed
 * by a space. Returns its value (1 for "a" or "1", ...) and *end, or 0. */
size_t
seg_list_marker(const struct cutter *c, size_t i, size_t *end, int *style)
{
	size_t j = i;
	size_t v = 0;
	int paren = 0, digits = 0;

	if (j < c->len && c->s[j] == '(') {
		paren = 1;
		j++;
	}
	while (j < c->len && c->s[j] >= '0' && c->s[j] <= '9' && digits < 3) {
		v = v * 10 + (size_t)(c->s[j] - '0');
		digits++;
		j++;
	}
	if (digits == 0 && j < c->len && ((c->s[j] >= 'a' && c->s[j] <= 'z') ||
	    (c->s[j] >= 'A' && c->s[j] <= 'Z'))) {
		/* A capital with a period is an initial, not a marker. */
		if (c->s[j] <= 'Z' && j + 1 < c->len && c->s[j + 1] == '.' &&
		    !paren)
			return 0;
		v = (size_t)((c->s[j] | 0x20) - 'a' + 1);
		j++;
	}
	if (v == 0 || j >= c->len)
		return 0;
	if (c->s[j] == ')')
		j++;
	else if (c->s[j] == '.' && !paren) {
		j++;
		if (j < c->len && c->s[j] == ')')	/* 1.) */
			j++;
	} else
		return 0;
	if (j < c->len && c->s[j] != ' ' && c->s[j] != '\t' &&
	    c->s[j] != '\n')
		return 0;
	*end = j;
	*style = (digits > 0) * 4 + paren * 2 + (c->s[j - 1] == ')');
	return v;
}

int
seg_is_bullet(uint32_t cp)
{
	return cp == 0x2022 || cp == 0x2043 || cp == 0x25E6 || cp == 0x25AA ||
	    cp == 0x2023;
}

/* "• one • two": in a sentence that starts with a bullet, the same
 * bullet after a space starts the next item. `i` is at the bullet, `k`
 * its length. */
void
seg_inline_bullet(struct cutter *c, size_t i, size_t k)
{
	size_t s0 = c->sent_start;

	if (i == s0 || !is_space(c->s[i - 1]) || s0 + k > c->len ||
	    memcmp(c->s + s0, c->s + i, k) != 0)
		return;
	seg_add_cut(c, i);
}

void
seg_cutlist_add(struct cutlist *l, size_t at)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = at;
}

/* Is `i` the first byte of a sentence given the sorted cuts? */
static int
sentence_start_at(const struct cutter *c, size_t i, size_t *oi)
{
	while (*oi < c->ncut && c->cuts[*oi] < i)
		(*oi)++;
	return *oi < c->ncut && c->cuts[*oi] == i;
}

/* Numbered and lettered lists inside a paragraph: after a sentence that
 * starts with a marker, cut before the next marker of the same style
 * (1. ... 2. ... 3. or a) ... b) ...). */
void
seg_list_pass(const struct cutter *c, struct cutlist *out)
{
	size_t i = 0, end, k, oi = 0, want = 0, v;
	int style = 0, st;

	while (i < c->len) {
		while (i < c->len && is_space(cp_at(c, i, &k)))
			i += k;
		if (i >= c->len)
			break;
		v = seg_list_marker(c, i, &end, &st);
		if (v > 0 && (i == c->first || sentence_start_at(c, i, &oi))) {
			want = v + 1;
			style = st;
		} else if (v > 0 && st == style && (v == want ||
		    (want >= 3 && v == want - 2))) {
			seg_cutlist_add(out, i);
			want = v + 1;
		}
		while (i < c->len && !is_space(cp_at(c, i, &k)))
			i += k;
	}
}

static size_t
bullet_len(const struct cutter *c, size_t i)
{
	static const char *const bullets[] = {
		"- ", "* ", "+ ", "\xe2\x80\xa2 ", "\xc2\xb7 ",
		"\xe2\x80\x93 ", "\xe2\x80\x94 ", "\xe2\x96\xaa ",
		"\xe2\x80\xa3 ", "\xe2\x97\xa6 ", "> ", NULL
	};
	size_t n;
	int b;

	for (b = 0; bullets[b] != NULL; b++) {
		n = strlen(bullets[b]);
		if (i + n <= c->len && memcmp(c->s + i, bullets[b], n) == 0)
			return n;
	}
	return 0;
}

/* Lines of a paragraph: hard-wrapped lines run on, but a bulleted or
 * numbered line starts a new sentence, and so does the line after a
 * short line with no final mark (a heading) in text whose lines are
 * otherwise long; when all lines are short, each is a unit. */
void
seg_line_pass(const struct cutter *c, struct cutlist *out)
{
	size_t i, ls = c->first, le, q, longest = 0, end, k, t;
	uint32_t cp;
	int st;

	for (i = c->first; i < c->len; i++)
		if (c->s[i] == '\n') {
			if (i - ls > longest)
				longest = i - ls;
			ls = i + 1;
		}
	ls = c->first;
	for (i = c->first; i < c->len; i++) {
		if (c->s[i] != '\n')
			continue;
		le = i;
		while (le > ls && (c->s[le - 1] == ' ' || c->s[le - 1] == '\t' ||
		    c->s[le - 1] == '\r'))
			le--;
		q = i + 1;
		while (q < c->len && (c->s[q] == ' ' || c->s[q] == '\t'))
			q++;
		if (q >= c->len)
			break;
		if (le > ls && (bullet_len(c, q) > 0 ||
		    seg_list_marker(c, q, &end, &st) > 0))
			seg_cutlist_add(out, q);
		else if (le > ls && longest < 40 && c->ncut == 0) {
			/* Only short lines and no sentence mark between them:
			 * a list or an address, a line each, unless the line
			 * reads on (ends in , ; - or :). */
			cp = cp_before(c, le, &t);
			if (cp != ',' && cp != ';' && cp != '-' && cp != ':')
				seg_cutlist_add(out, q);
		}
		else if (le > ls && longest >= 40 && (le - ls) * 5 < longest * 3) {
			cp = cp_before(c, le, &t);
			if (!is_terminal(cp) && !is_closer(cp) && cp != ',' &&
			    cp != ';' && cp != '-' && cp != ':' &&
			    pith_sb(cp_at(c, q, &k)) == PITH_SB_UPPER)
				seg_cutlist_add(out, q);
		}
		ls = i + 1;
	}
}
