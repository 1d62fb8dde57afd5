/* Page metadata: title, author, date, site name, language, description
 * and URL, from <title>, <html lang>, meta, OpenGraph, Twitter, article:*,
 * citation_* tags, JSON-LD (schema.org Article, NewsArticle,
 * BlogPosting, Product, ...), <time datetime> and bylines. */
#ifndef PITH_META_H
#define PITH_META_H

#include <stddef.h>

#include <gumbo.h>

#include "buf.h"
#include "strip.h"

/* Fills the fields of *m that are still NULL (malloc'd strings). */
void pith_meta_from_tree(const GumboNode *root, struct pith_meta *m);
void pith_meta_from_jsonld(const char *json, size_t len, struct pith_meta *m);
/* Frees the fields of *m and clears it. */
void pith_meta_free(struct pith_meta *m);
/* "2024-01-05T10:00:00+01:00", "2024-01-05", "January 5, 2024" ... ->
 * ISO 8601 (date, or date and time as given); NULL when not a date. */
char *pith_meta_iso_date(const char *s);

#endif
