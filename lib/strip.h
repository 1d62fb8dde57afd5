/* pith-strip's engine: an HTML page in, its main content out. */
#ifndef PITH_STRIP_H
#define PITH_STRIP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum pith_format { PITH_FMT_TEXT, PITH_FMT_MARKDOWN, PITH_FMT_JSON,
	PITH_FMT_WARC };

/* --keep / --drop flags */
enum {
	PITH_KEEP_COMMENTS = 1, PITH_KEEP_TABLES = 2, PITH_KEEP_CAPTIONS = 4,
	PITH_KEEP_LINKS = 8, PITH_KEEP_IMAGES = 16, PITH_KEEP_TITLE = 32
};

struct pith_templates;

struct pith_strip_opts {
	int markdown;		/* render markdown instead of plain text */
	int all;		/* no extraction: every visible block */
	int bias;		/* -1 recall, 0 balanced, +1 precision */
	unsigned keep;		/* PITH_KEEP_* */
	int explain;		/* fill result.explain */
	const char *transport_charset;	/* HTTP charset, or NULL */
	size_t max_bytes;
	/* Site templates (lib/template.h): blocks that recur on other
	 * pages of `host` are dropped unless they read as strong content;
	 * NULL for none. The caller learns from result.keys afterwards. */
	const struct pith_templates *templates;
	const char *host;
	/* The page's address, for resolving relative link and image
	 * targets (a <base href> in the page wins); NULL when unknown. */
	const char *base_url;
};

struct pith_meta {
	char *title, *author, *date, *sitename, *lang, *description, *url;
	char *product_text;	/* a JSON-LD Product's description */
};

struct pith_strip_result {
	struct pbuf text;	/* main content */
	struct pbuf explain;	/* one line per block with --explain */
	struct pith_meta meta;
	const char *encoding;	/* what the page was decoded from */
	size_t replacements;	/* invalid bytes replaced by U+FFFD */
	size_t depth_cut, attrs_cut;
	size_t blocks, kept;
	uint64_t *keys;		/* template keys of all blocks (with
				   opts.templates), for learning */
	size_t nkeys;
};

/* Returns 0, or -1 with *err set ("parse failed"). An empty result is not
 * an error here: the caller decides what no content means. */
int pith_strip_html(const char *html, size_t len,
    const struct pith_strip_opts *o, struct pith_strip_result *r,
    const char **err);
void pith_strip_result_free(struct pith_strip_result *r);

#endif
