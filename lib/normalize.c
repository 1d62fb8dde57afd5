/* The normalizer: lines in, canonical lines out.
 *
 * Each line goes through two stages. The first works on its characters:
 * invalid UTF-8 -> U+FFFD, HTML character references, mojibake, control
 * and invisible characters, spaces, foldings, and the Unicode form. It
 * is repeated until the line no longer changes (at most four times), so
 * that normalizing twice gives the same bytes as normalizing once even
 * when one repair uncovers another. A line of printable ASCII without
 * '&' needs none of that (the ASCII fast path).
 *
 * The second stage is the layout: runs of spaces collapse, both ends of
 * each line are trimmed, CR and CRLF became LF in the first stage, at
 * most one blank line separates paragraphs, and leading and trailing
 * blank lines are dropped. It works on bytes and keeps a few flags
 * between lines, which is all the memory a stream of any length needs. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "normalize_int.h"

#define LINE_CUT	((size_t)1 << 20)
#define MAX_PASSES	4

struct pith_norm {
	struct pith_norm_opts o;
	struct pith_norm_stats st;
	struct pith_form *form;
	struct pbuf partial;	/* an unfinished input line */
	struct pbuf a, b;	/* line text between passes */
	struct pith_cpv cp, tmp;
	/* layout state */
	int has_content;	/* the current output line has text */
	int pending_space;	/* a space to write before more text */
	struct pbuf pending_tabs;
	int blank_pending;	/* a blank line to write before more text */
	int any_output;
};

void
pith_norm_defaults(struct pith_norm_opts *o)
{
	memset(o, 0, sizeof *o);
	o->form = PITH_NFC;
	o->mojibake = 1;
	o->entities = 1;
}

/* Byte classes for the ASCII fast path. */
enum { B_PLAIN, B_SPACE, B_TAB, B_SLOW, B_AMP, B_UPPER };

static unsigned char byte_class[256];
static pthread_once_t byte_class_once = PTHREAD_ONCE_INIT;

static void
init_byte_class(void)
{
	int c;

	for (c = 0; c < 256; c++)
		byte_class[c] = (c < 0x20 || c >= 0x7F) ? B_SLOW : B_PLAIN;
	byte_class[' '] = B_SPACE;
	byte_class['\t'] = B_TAB;
	byte_class['&'] = B_AMP;
	for (c = 'A'; c <= 'Z'; c++)
		byte_class[c] = B_UPPER;
}

enum { LINE_SLOW, LINE_ASCII, LINE_CLEAN };

/* Eight bytes at a time: exact per-byte masks (high bit of each byte)
 * for "equals c" and "below c" (c <= 0x80, bytes under 0x80). */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

static inline uint64_t
eq_mask(uint64_t x, unsigned char c)
{
	uint64_t t = x ^ (ONES * c);

	return ~(((t & ~HIGHS) + ~HIGHS) | t) & HIGHS;
}

static inline uint64_t
lt_mask(uint64_t x, unsigned char c)
{
	return ~(((x & ~HIGHS) + ONES * (uint64_t)(0x80 - c)) | x) & HIGHS;
}

/* LINE_CLEAN: printable ASCII already in its final layout (no space at
 * either end, no two in a row, no tab); LINE_ASCII: printable ASCII
 * that only needs the layout stage; LINE_SLOW: the character stage. */
static int
classify(const struct pith_norm *n, const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint64_t prev_space = HIGHS & 0xFF;	/* line start counts as space */
	int clean = 1;

	for (; i + 8 <= len; i += 8) {
		uint64_t x, slow, tab, sp;

		memcpy(&x, s + i, 8);
		tab = eq_mask(x, '\t');
		slow = (x & HIGHS) | eq_mask(x, 0x7F) |
		    (lt_mask(x, 0x20) & ~tab);
		if (n->o.entities)
			slow |= eq_mask(x, '&');
		if (n->o.casefold)
			slow |= lt_mask(x, 'Z' + 1) & ~lt_mask(x, 'A');
		if (slow)
			return LINE_SLOW;
		sp = eq_mask(x, ' ');
		if (tab || (sp & ((sp << 8) | prev_space)))
			clean = 0;
		prev_space = sp >> 56;
	}
	for (; i < len; i++) {
		int sp = 0;

		switch (byte_class[s[i]]) {
		case B_PLAIN:
			break;
		case B_SPACE:
			if (prev_space)
				clean = 0;
			sp = 1;
			break;
		case B_TAB:
			clean = 0;
			break;
		case B_AMP:
			if (n->o.entities)
				return LINE_SLOW;
			break;
		case B_UPPER:
			if (n->o.casefold)
				return LINE_SLOW;
			break;
		default:
			return LINE_SLOW;
		}
		prev_space = sp;
	}
	if (prev_space && len > 0)
		clean = 0;
	return clean ? LINE_CLEAN : LINE_ASCII;
}

struct pith_norm *
pith_norm_new(const struct pith_norm_opts *o)
{
	struct pith_norm *n = xcalloc(1, sizeof *n);

	n->o = *o;
	n->form = pith_form_new(o->form, o->casefold);
	pthread_once(&byte_class_once, init_byte_class);
	return n;
}

void
pith_norm_free(struct pith_norm *n)
{
	if (n == NULL)
		return;
	pith_form_free(n->form);
	pbuf_free(&n->partial);
	pbuf_free(&n->a);
	pbuf_free(&n->b);
	pbuf_free(&n->pending_tabs);
	pith_cpv_free(&n->cp);
	pith_cpv_free(&n->tmp);
	free(n);
}

const struct pith_norm_stats *
pith_norm_stats(const struct pith_norm *n)
{
	return &n->st;
}

void
pith_norm_clear_stats(struct pith_norm *n)
{
	memset(&n->st, 0, sizeof n->st);
}

/* One pass of the character stage over s, appended to out. */
static void
char_pass(struct pith_norm *n, const unsigned char *s, size_t len,
    struct pbuf *out, int first)
{
	size_t bad;

	n->cp.n = 0;
	bad = pith_utf8_decode(s, len, &n->cp);
	if (first && bad) {
		n->st.invalid += bad;
		if (n->st.first_invalid_line == 0)
			n->st.first_invalid_line = n->st.lines;
	}
	if (n->o.entities)
		n->cp.n = pith_entities_decode(n->cp.v, n->cp.n,
		    &n->st.entities);
	if (n->o.mojibake)
		n->st.mojibake += pith_mojibake_fix(&n->cp, &n->tmp);
	pith_norm_chars(&n->o, n->cp.v, n->cp.n, &n->tmp, &n->st.removed);
	pith_form_apply(n->form, n->tmp.v, n->tmp.n, out);
}

/* The character stage to its fixed point; returns the result (either
 * s itself or one of n's buffers). */
static const unsigned char *
char_stage(struct pith_norm *n, const unsigned char *s, size_t len,
    size_t *outlen)
{
	struct pbuf *cur = &n->a, *next = &n->b, *t;
	int pass;

	pbuf_reset(cur);
	char_pass(n, s, len, cur, 1);
	for (pass = 1; pass < MAX_PASSES; pass++) {
		if (cur->len == len && memcmp(cur->p, s, len) == 0)
			break;
		s = (const unsigned char *)cur->p;
		len = cur->len;
		pbuf_reset(next);
		char_pass(n, s, len, next, 0);
		t = cur;
		cur = next;
		next = t;
	}
	*outlen = cur->len;
	return (const unsigned char *)cur->p;
}

/* Layout of a line segment (may hold '\n' from the character stage);
 * `eol` says whether the input line ended here. */
static void
layout(struct pith_norm *n, const unsigned char *s, size_t len, int eol,
    struct pbuf *out)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];

		if (c == ' ') {
			if (n->has_content)
				n->pending_space = 1;
			i++;
		} else if (c == '\t') {
			if (n->has_content)
				pbuf_putc(&n->pending_tabs, '\t');
			i++;
		} else if (c == '\n') {
			if (n->has_content)
				pbuf_putc(out, '\n');
			else if (n->any_output)
				n->blank_pending = 1;
			n->has_content = 0;
			n->pending_space = 0;
			pbuf_reset(&n->pending_tabs);
			i++;
		} else {
			size_t j = i + 1;

			if (!n->has_content) {
				if (n->blank_pending)
					pbuf_putc(out, '\n');
				n->blank_pending = 0;
				n->has_content = 1;
				n->any_output = 1;
			} else if (n->pending_tabs.len) {
				pbuf_append(out, n->pending_tabs.p,
				    n->pending_tabs.len);
				pbuf_reset(&n->pending_tabs);
			} else if (n->pending_space)
				pbuf_putc(out, ' ');
			n->pending_space = 0;
			while (j < len && s[j] != ' ' && s[j] != '\t' &&
			    s[j] != '\n')
				j++;
			pbuf_append(out, s + i, j - i);
			i = j;
		}
	}
	if (eol)
		layout(n, (const unsigned char *)"\n", 1, 0, out);
}

/* One input line (without its '\n'; `eol` = it had one). */
static void
do_line(struct pith_norm *n, const unsigned char *s, size_t len, int eol,
    struct pbuf *out)
{
	const unsigned char *r = s;
	size_t rlen = len;
	int kind;

	n->st.lines++;
	if (!n->o.keep_space && eol && len > 0 && s[len - 1] == '\r')
		len--;	/* CRLF */
	kind = classify(n, s, len);
	if (kind == LINE_SLOW)
		r = char_stage(n, s, len, &rlen);
	else
		rlen = len;
	if (n->o.keep_space) {
		pbuf_append(out, r, rlen);
		if (eol)
			pbuf_putc(out, '\n');
		return;
	}
	if (kind == LINE_CLEAN && len > 0 && eol && !n->has_content) {
		/* The common case: the line goes out as it is. */
		pbuf_reserve(out, len + 2);
		if (n->blank_pending)
			out->p[out->len++] = '\n';
		memcpy(out->p + out->len, s, len);
		out->len += len;
		out->p[out->len++] = '\n';
		out->p[out->len] = '\0';
		n->blank_pending = 0;
		n->any_output = 1;
		return;
	}
	layout(n, r, rlen, eol, out);
}

/* Where a line too long to hold is cut: between two printable ASCII
 * characters, where no Unicode rule can look across. 0 if nowhere. */
static size_t
safe_cut(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = len - 1; i > 0; i--)
		if (s[i] > 0x20 && s[i] < 0x7F && s[i - 1] > 0x20 &&
		    s[i - 1] < 0x7F && s[i] != ';' && s[i - 1] != '&')
			return i;
	return 0;
}

/* Normalizes the front of a partial line longer than LINE_CUT, a piece
 * at a time, so that no line is ever held whole. */
static void
cut_long(struct pith_norm *n, struct pbuf *out)
{
	while (n->partial.len > LINE_CUT) {
		const unsigned char *q = (const unsigned char *)n->partial.p;
		size_t cut = safe_cut(q, LINE_CUT);

		if (cut == 0) {
			/* No ASCII at all: before any lead byte. */
			cut = LINE_CUT;
			while (cut > LINE_CUT - 4 && (q[cut] & 0xC0) == 0x80)
				cut--;
		}
		do_line(n, q, cut, 0, out);
		n->st.lines--;	/* still the same line */
		memmove(n->partial.p, n->partial.p + cut,
		    n->partial.len - cut);
		n->partial.len -= cut;
	}
}

void
pith_norm_feed(struct pith_norm *n, const void *data, size_t len,
    struct pbuf *out)
{
	const unsigned char *p = data, *end = p + len, *nl, *stop;
	size_t take;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl != NULL && n->partial.len == 0 &&
		    (size_t)(nl - p) <= LINE_CUT) {
			do_line(n, p, (size_t)(nl - p), 1, out);
			p = nl + 1;
			continue;
		}
		/* A partial or very long line: through n->partial. */
		stop = nl != NULL ? nl : end;
		take = (size_t)(stop - p);
		if (take > LINE_CUT)
			take = LINE_CUT;
		pbuf_append(&n->partial, p, take);
		p += take;
		cut_long(n, out);
		if (p == nl) {
			do_line(n, (unsigned char *)n->partial.p,
			    n->partial.len, 1, out);
			pbuf_reset(&n->partial);
			p = nl + 1;
		}
	}
}

void
pith_norm_finish(struct pith_norm *n, struct pbuf *out)
{
	if (n->partial.len) {
		do_line(n, (unsigned char *)n->partial.p, n->partial.len, 0,
		    out);
		pbuf_reset(&n->partial);
	}
	if (!n->o.keep_space && n->has_content)
		pbuf_putc(out, '\n');
	n->has_content = n->pending_space = 0;
	n->blank_pending = n->any_output = 0;
	pbuf_reset(&n->pending_tabs);
}

void
pith_normalize(const struct pith_norm_opts *o, const void *data,
    size_t len, struct pbuf *out, struct pith_norm_stats *st)
{
	struct pith_norm *n = pith_norm_new(o);

	pith_norm_feed(n, data, len, out);
	pith_norm_finish(n, out);
	if (st != NULL)
		*st = n->st;
	pith_norm_free(n);
}

int
pith_norm_form(enum pith_norm_form form, int casefold, const char *s,
    size_t len, struct pbuf *out)
{
	struct pith_form *f;
	struct pith_cpv cp = {0};

	if (!pith_utf8_valid(s, len))
		return -1;
	f = pith_form_new(form, casefold);
	pith_utf8_decode((const unsigned char *)s, len, &cp);
	pith_form_apply(f, cp.v, cp.n, out);
	pith_cpv_free(&cp);
	pith_form_free(f);
	return 0;
}

size_t
pith_unmojibake(const char *s, size_t len, struct pbuf *out)
{
	struct pith_cpv cp = {0}, tmp = {0};
	size_t fixed;

	pith_utf8_decode((const unsigned char *)s, len, &cp);
	fixed = pith_mojibake_fix(&cp, &tmp);
	pith_utf8_encode(cp.v, cp.n, out);
	pith_cpv_free(&cp);
	pith_cpv_free(&tmp);
	return fixed;
}
