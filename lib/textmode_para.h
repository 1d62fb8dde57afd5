/* Internals of text mode: a document cut into paragraphs, and what the
 * classifier records about each. Not part of the public API. */
#ifndef PITH_TEXTMODE_PARA_H
#define PITH_TEXTMODE_PARA_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "textmode.h"
#include "textmode_impl.h"

enum tm_class {
	TM_BAD,
	TM_SHORT,
	TM_NEARGOOD,
	TM_GOOD
};

/* One per paragraph, so a text of many short lines holds many: the
 * fields are no wider than their values need. */
struct tm_para {
	size_t off;		/* text of the paragraph in tm_doc.text */
	uint32_t len;		/* at most TM_PARA_MAX */
	uint32_t ntoks;		/* its words (and numbers) */
	int gaps;		/* column gaps (runs of 3+ blanks) */
	/* signals */
	int words, stops, caps, digits, sentences, urls, endp;
	int address;		/* words addressing the reader: you, we, ... */
	int symbols;		/* separators: | > » · • / */
	int cta_weight, cta_hits, cta_strong;
	uint16_t stops_lang[TM_NLANGS];	/* function words per language */
	signed char bullet;	/* starts with a list bullet */
	signed char blank_before; /* a blank line (or the start) before it */
	signed char copyright;
	signed char tmpl;	/* template level (0, 1, 2) */
	signed char cta_cat;	/* category from the phrases alone */
	/* decisions */
	signed char cat;	/* enum pith_text_category */
	signed char cls;	/* enum tm_class, context-free */
	signed char final;	/* enum tm_class after smoothing */
	signed char keep;	/* 0 drop, 1 keep, 2 keep a part */
	uint32_t part_off, part_len;	/* kept part, from off (keep == 2) */
};

#define TM_PARA_MAX	PITH_TEXT_PARA_MAX	/* see textmode.h */

struct tm_doc {
	struct pbuf text;	/* paragraphs, normalised, '\n' between */
	struct tm_para *v;
	size_t n, cap;
	struct tm_toks toks;	/* words of one paragraph at a time */
	size_t wrapped;		/* wrap width, 0 when not hard-wrapped */
	size_t split;		/* paragraphs cut at TM_PARA_MAX */
	int lang;		/* index into tm_lang_codes, -1 unknown */
};

/* Cuts `text` into paragraphs (d must be zeroed). */
void tm_doc_split(struct tm_doc *d, const char *text, size_t len);
void tm_doc_free(struct tm_doc *d);

#endif
