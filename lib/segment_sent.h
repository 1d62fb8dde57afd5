/* Internals of the sentence layer (segment_sent.c), shared with its
 * helpers for lists and lines (segment_list.c) and for the line-like
 * units of web and mail text (segment_mail.c). Not a public API. */
#ifndef PITH_SEGMENT_SENT_H
#define PITH_SEGMENT_SENT_H

#include <stddef.h>
#include <stdint.h>

#include "segment.h"
#include "uax29.h"

/* The state of one paragraph's scan. */
struct cutter {
	const unsigned char *s;
	size_t len;
	enum pith_lang lang;
	size_t *cuts;
	size_t ncut, max;
	size_t first;		/* first non-space byte of the paragraph */
	size_t sent_start;	/* first byte of the current sentence */
	int markers;		/* a sentence starts with a list marker */
	size_t marker;		/* the current sentence's list marker value */
	size_t tok_end;		/* end of the last token read whole */
	int marker_style;
};

/* Cuts found by the structure passes, merged in at the end. */
struct cutlist {
	size_t *v;
	size_t n, cap;
};

/* The code point at i; *k gets its length in bytes. */
static inline uint32_t
cp_at(const struct cutter *c, size_t i, size_t *k)
{
	uint32_t cp;

	*k = pith_utf8_decode(c->s + i, c->len - i, &cp);
	return cp;
}

/* The code point ending just before i (i > 0); *start gets its offset. */
static inline uint32_t
cp_before(const struct cutter *c, size_t i, size_t *start)
{
	size_t j = i - 1;
	uint32_t cp;

	while (j > 0 && i - j < 4 && (c->s[j] & 0xC0) == 0x80)
		j--;
	if (pith_utf8_decode(c->s + j, c->len - j, &cp) != i - j) {
		j = i - 1;
		cp = 0xFFFD;
	}
	*start = j;
	return cp;
}

static inline int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' ||
	    (cp >= 0x80 && (pith_cp_props(cp) & PITH_CP_SPACE));
}

static inline int
is_alnum(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	return (pith_cp_props(cp) & PITH_CP_ALNUM) != 0;
}

static inline int
is_opening(uint32_t cp)
{
	return cp == '(' || cp == '[' || cp == '{' || cp == 0x201C ||
	    cp == 0x2018 || cp == 0x201E || cp == 0x201A;
}

/* Characters that may close a sentence after its mark: quotes and
 * closing brackets (Sentence_Break Close, less the opening ones). */
static inline int
is_closer(uint32_t cp)
{
	return pith_sb(cp) == PITH_SB_CLOSE && !is_opening(cp);
}

static inline int
is_terminal(uint32_t cp)
{
	enum pith_sb p;

	if (cp < 0x80)
		return cp == '.' || cp == '!' || cp == '?';
	if (cp == 0x2026)		/* … */
		return 1;
	p = pith_sb(cp);
	return p == PITH_SB_STERM || p == PITH_SB_ATERM;
}

/* The start of the next word after position i (past white space). */
static inline size_t
skip_space(const struct cutter *c, size_t i)
{
	size_t k;

	while (i < c->len && is_space(cp_at(c, i, &k)))
		i += k;
	return i;
}

static inline int
is_digit_at(const struct cutter *c, size_t i)
{
	return i < c->len && c->s[i] >= '0' && c->s[i] <= '9';
}

/* Records a sentence start at `at` (kept sorted, duplicates dropped). */
void seg_add_cut(struct cutter *c, size_t at);
void seg_cutlist_add(struct cutlist *l, size_t at);

/* segment_list.c */
size_t seg_list_marker(const struct cutter *c, size_t i, size_t *end,
    int *style);
int seg_is_bullet(uint32_t cp);
void seg_inline_bullet(struct cutter *c, size_t i, size_t k);
void seg_list_pass(const struct cutter *c, struct cutlist *out);
void seg_line_pass(const struct cutter *c, struct cutlist *out);

/* segment_mail.c */
int seg_is_url_start(const struct cutter *c, size_t i);
size_t seg_address_token(struct cutter *c, size_t i);
size_t seg_time_stamp(struct cutter *c, size_t i);
size_t seg_date_stamp(struct cutter *c, size_t i);
void seg_header_field(struct cutter *c, size_t i);
size_t seg_closing(struct cutter *c, size_t i);

#endif
