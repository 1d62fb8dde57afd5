/* gumbo tree with one arena per document: gumbo's thousands of small
 * allocations become pointer bumps, and the whole tree is freed at once. */
#ifndef PITH_DOM_H
#define PITH_DOM_H

#include <stddef.h>

#include <gumbo.h>

struct pith_arena;

struct pith_dom {
	GumboOutput *out;
	struct pith_arena *arena;
};

/* Parses `html` (UTF-8). Returns 0, or -1 if gumbo gave up. */
int pith_dom_parse(const char *html, size_t len, struct pith_dom *d);
void pith_dom_free(struct pith_dom *d);

/* Attribute value or NULL. */
const char *pith_dom_attr(const GumboNode *n, const char *name);
/* Does a class or id value hold one of the words (split at non-letters,
 * any case; a word also matches as the start of a longer one when
 * prefix is set: "wp-caption-text" holds "caption")? */
int pith_dom_has_word(const char *v, const char *const *words, int prefix);
/* Bytes the tree holds in its arena (freed blocks waiting for reuse
 * included; untouched chunk space not). */
size_t pith_dom_bytes(const struct pith_dom *d);

#endif
