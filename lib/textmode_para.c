/* Text mode, step one: cut a text document into paragraphs.
 *
 * Two layouts are common. Hard-wrapped text (lynx -dump, mail, WET files
 * of some crawlers) has lines of a near-constant width; a paragraph is a
 * run of lines, ended by a blank line, a line that stops well short of the
 * width, or a list bullet. Unwrapped text (scraper output) has one
 * paragraph per line, blank lines or not. Which one is decided from the
 * distribution of line lengths. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "textmode_para.h"
#include "textmode_impl.h"

/* One per line while a document is split: kept small, since a text of
 * short lines has many. */
struct line {
	size_t off;
	uint32_t len;		/* without the newline and trailing spaces;
				   at most TM_PARA_MAX */
	uint32_t indent;	/* leading blanks (bytes), at most TM_PARA_MAX */
	uint32_t width;		/* characters, indentation included */
	int bullet;		/* starts with a list bullet */
};

static size_t
utf8_width(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static int
is_bullet(const char *s, size_t n)
{
	size_t i;

	if (n >= 2 && (s[0] == '*' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '#') && s[1] == ' ')
		return 1;
	if (n >= 4 && (memcmp(s, "\xe2\x80\xa2 ", 4) == 0 ||	/* bullet */
	    memcmp(s, "\xe2\x97\x8f ", 4) == 0))		/* black circle */
		return 1;
	if (n >= 3 && memcmp(s, "\xc2\xb7 ", 3) == 0)		/* middle dot */
		return 1;
	for (i = 0; i < n && i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

/* Where to end a piece of an over-long line that starts at `b` and may
 * run to `e`: after the last sentence end in the second half of the
 * window, else at its last blank, else at the window's end (moved back
 * to the start of a UTF-8 sequence). */
static size_t
piece_end(const char *s, size_t b, size_t e)
{
	size_t i, half = b + (e - b) / 2;

	for (i = e; i > half; i--)
		if ((s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?') &&
		    (s[i] == ' ' || s[i] == '\t'))
			return i;
	for (i = e; i > half; i--)
		if (s[i] == ' ' || s[i] == '\t')
			return i;
	i = e;
	while (i > b + 1 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static void
push_line(struct line **v, size_t *n, size_t *cap, const char *text,
    size_t b, size_t e, size_t indent)
{
	struct line *l;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	/* Only differences of a few blanks matter: a deeper indent
	 * counts as TM_PARA_MAX. */
	if (indent > TM_PARA_MAX)
		indent = TM_PARA_MAX;
	l = &(*v)[(*n)++];
	l->off = b;
	l->len = (uint32_t)(e - b);
	l->indent = (uint32_t)indent;
	l->width = (uint32_t)(indent + utf8_width(text + b, e - b));
	l->bullet = is_bullet(text + b, e - b);
}

/* Lines, without their end and edge blanks. A line over TM_PARA_MAX
 * bytes is cut into pieces of at most that size (see piece_end), which
 * tm_doc_split does not join again; returns the number of cuts. */
static size_t
split_lines(const char *text, size_t len, struct line **lines, size_t *nlines)
{
	size_t i = 0, cap = 0, n = 0, pieces = 0;
	struct line *v = NULL;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len, e = end, b = i;
		size_t indent;

		while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
		    text[e - 1] == '\r'))
			e--;
		while (b < e && (text[b] == ' ' || text[b] == '\t'))
			b++;
		indent = b - i;
		while (e - b > TM_PARA_MAX) {
			size_t c = piece_end(text, b, b + TM_PARA_MAX);

			push_line(&v, &n, &cap, text, b, c, indent);
			pieces++;
			for (b = c; b < e && (text[b] == ' ' ||
			    text[b] == '\t'); b++)
				;
			indent = 0;
		}
		push_line(&v, &n, &cap, text, b, e, indent);
		i = end + 1;
	}
	*lines = v;
	*nlines = n;
	return pieces;
}

/* The wrap width of hard-wrapped text, or 0 when lines are not wrapped.
 * Wrapped text has a ceiling: many lines end within a few characters of
 * one width, and none (or almost none) goes past it. */
static size_t
wrap_width(const struct line *v, size_t n)
{
	size_t hist[256] = {0}, i, total = 0, over = 0, w, near = 0;
	size_t cum = 0, p95 = 0;

	for (i = 0; i < n; i++) {
		if (v[i].len == 0)
			continue;
		total++;
		if (v[i].width > 255)
			over++;
		else
			hist[v[i].width]++;
	}
	if (total < 8 || over * 50 > total)
		return 0;
	for (w = 0; w < 256; w++) {
		cum += hist[w];
		if (cum * 100 >= total * 97) {
			p95 = w;
			break;
		}
	}
	if (p95 < 30 || p95 > 200)
		return 0;
	for (w = p95 > 12 ? p95 - 12 : 0; w <= p95 + 3 && w < 256; w++)
		near += hist[w];
	/* Of lines that could wrap at all, a good share sits at the ceiling. */
	return near * 5 >= total ? p95 : 0;
}

static void
para_push(struct tm_doc *d, size_t off, size_t len, size_t gaps, int bullet,
    int blank_before)
{
	struct tm_para *p;

	if (len == 0)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	p = &d->v[d->n++];
	memset(p, 0, sizeof *p);
	p->off = off;
	p->len = len;
	p->gaps = (int)gaps;
	p->bullet = bullet;
	p->blank_before = blank_before;
}

/* Appends a line to the paragraph text being built: runs of blanks become
 * one space; runs of three or more inside a line (table columns in a text
 * rendering) are counted as gaps. */
static size_t
append_line(struct pbuf *b, const char *s, size_t n, int join)
{
	size_t i, gaps = 0, run = 0;
	char *w;

	/* At most one byte more than the line: write in place. */
	pbuf_reserve(b, n + 1);
	w = b->p + b->len;
	if (join && b->len > 0 && b->p[b->len - 1] != ' ')
		*w++ = ' ';
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			run++;
			continue;
		}
		if (c == '\0')
			continue;
		/* A no-break space as a plain space. */
		if ((unsigned char)c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xa0) {
			i++;
			run++;
			continue;
		}
		if (run > 0) {
			if (run >= 3)
				gaps++;
			*w++ = ' ';
			run = 0;
		}
		*w++ = c;
	}
	b->len = (size_t)(w - b->p);
	b->p[b->len] = '\0';
	return gaps;
}

void
tm_doc_split(struct tm_doc *d, const char *text, size_t len)
{
	struct line *v;
	size_t n, i, w, start = 0, gaps = 0;
	int open = 0, bullet = 0, blank = 1, blank_before = 1;

	d->split = split_lines(text, len, &v, &n);
	pbuf_reserve(&d->text, len + 1);
	w = wrap_width(v, n);
	d->wrapped = w;
	for (i = 0; i < n; i++) {
		const struct line *l = &v[i];
		int cont;

		if (l->len == 0) {
			if (open)
				para_push(d, start, d->text.len - start, gaps,
				    bullet, blank_before);
			open = 0;
			blank = 1;
			continue;
		}
		/* Continue the open paragraph when the text is wrapped, the
		 * previous line reached the wrap width, and this line is no
		 * new list item. */
		cont = open && w > 0 && !l->bullet && v[i - 1].width + 15 >= w &&
		    l->indent + 2 >= v[i - 1].indent &&
		    l->indent <= v[i - 1].indent + 4;
		if (cont && d->text.len - start + 1 + l->len > TM_PARA_MAX) {
			cont = 0;
			d->split++;
		}
		if (!cont) {
			if (open)
				para_push(d, start, d->text.len - start, gaps,
				    bullet, blank_before);
			if (d->text.len > 0)
				pbuf_putc(&d->text, '\n');
			start = d->text.len;
			gaps = 0;
			bullet = l->bullet;
			blank_before = blank;
			open = 1;
		}
		gaps += append_line(&d->text, text + l->off, l->len, cont);
		blank = 0;
	}
	if (open)
		para_push(d, start, d->text.len - start, gaps, bullet,
		    blank_before);
	if (d->text.p == NULL)
		pbuf_reserve(&d->text, 1);
	free(v);
}

void
tm_doc_free(struct tm_doc *d)
{
	pbuf_free(&d->text);
	free(d->v);
	tm_toks_free(&d->toks);
	memset(d, 0, sizeof *d);
}
