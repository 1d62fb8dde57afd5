/* Internals of text mode: a document cut into paragraphs, and what the
 * classifier records about each. Not part of the public API. */
#ifndef PITH_TEXTMODE_PARA_H
#define PITH_TEXTMODE_PARA_H

#include <stddef.h>

#include "buf.h"
#include "textmode_impl.h"

enum tm_class {
	TM_BAD,
	TM_SHORT,
	TM_NEARGOOD,
	TM_GOOD
};

struct tm_para {
	size_t off, len;	/* text of the paragraph in tm_doc.text */
	size_t t0, t1;		/* its words in tm_doc.toks */
	int gaps;		/* column gaps (runs of 3+ blanks) */
	int bullet;		/* starts with a list bullet */
	int blank_before;	/* a blank line (or the start) before it */
	/* signals */
	int words, stops, caps, digits, sentences, urls, endp, copyright;
	int address;		/* words addressing the reader: you, we, ... */
	int symbols;		/* separators: | > » · • / */
	int cta_weight, cta_hits, cta_strong;
	int tmpl;		/* template level (0, 1, 2) */
	int cta_cat;		/* category from the phrases alone */
	/* decisions */
	int cat;		/* enum pith_text_category */
	int cls;		/* enum tm_class, context-free */
	int final;		/* enum tm_class after smoothing */
	int keep;		/* 0 drop, 1 keep, 2 keep a part */
	size_t part_off, part_len;	/* kept part (keep == 2) */
};

struct tm_doc {
	struct pbuf text;	/* paragraphs, normalised, '\n' between */
	struct tm_para *v;
	size_t n, cap;
	struct tm_toks toks;
	size_t wrapped;		/* wrap width, 0 when not hard-wrapped */
	int lang;		/* index into tm_lang_codes, -1 unknown */
};

/* Cuts `text` into paragraphs (d must be zeroed). */
void tm_doc_split(struct tm_doc *d, const char *text, size_t len);
void tm_doc_free(struct tm_doc *d);

#endif
