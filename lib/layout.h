/* From a gumbo tree to a flat list of text blocks, the way a browser lays
 * text out: each paragraph, heading, list item, table row, <pre> and
 * caption is a block; inline elements join without invented spaces;
 * <br> is a line break. Every block remembers the element that owns it,
 * and every element its parent and what the page's markup says of it
 * (hidden, navigation, share bar, ...), for the extractor to score. */
#ifndef PITH_LAYOUT_H
#define PITH_LAYOUT_H

#include <stddef.h>

#include <gumbo.h>

#include "buf.h"

struct Curl_URL;

/* Why markup marks an element as boilerplate (also used by --explain). */
enum pith_cat {
	CAT_NONE = 0,
	CAT_NAV, CAT_HEADER, CAT_FOOTER, CAT_SIDEBAR, CAT_BREADCRUMB,
	CAT_CONSENT, CAT_NEWSLETTER, CAT_APPEAL, CAT_SHARE, CAT_RELATED,
	CAT_COMMENTS, CAT_AD, CAT_BYLINE, CAT_DISCLAIMER, CAT_LINKS,
	CAT_SHORT, CAT_META, CAT_FORM, CAT_PAGINATION, CAT_TEMPLATE,
	CAT_OUTSIDE, CAT_ERROR, CAT_TABLE, CAT_CAPTION, CAT_DIALOG,
	CAT_CONTENT,
	CAT_COUNT
};
const char *pith_cat_name(enum pith_cat c);

enum {
	E_BOILER = 1,		/* attribute/tag says boilerplate (cat) */
	E_POSITIVE = 2,		/* attribute says article body */
	E_ARTICLE = 4,		/* <article>, <main>, role=main */
	E_COMMENTS = 8,
	E_CARD = 16		/* one of a run of alike siblings (cards) */
};

struct pith_elem {
	const GumboNode *node;
	int parent;		/* index, -1 for the root */
	int depth;
	unsigned flags;
	enum pith_cat cat;	/* with E_BOILER */
	/* aggregates over the blocks below, filled by the extractor */
	double score;
	int words, link_words, blocks, first_block, last_block;
	int link_blocks;	/* blocks that are mostly link text */
};

enum {
	B_HEADING = 1, B_LI = 2, B_PRE = 4, B_ROW = 8, B_QUOTE = 16,
	B_CAPTION = 32, B_CELL = 64, B_DT = 128
};

struct pith_block {
	int elem;		/* owning element */
	size_t off, len;	/* text in layout.text */
	size_t md_off, md_len;	/* markdown in layout.md */
	int words, link_words;
	int links;		/* <a href> elements with text */
	int sentences, commas;	/* '.', '!', '?' ending words; ',' */
	int level;		/* heading level 1-6 */
	unsigned flags;
	/* extractor's verdict */
	double g;
	int keep;
	enum pith_cat cat;
	int why;		/* element whose markup decided, or -1 */
};

struct pith_layout {
	struct pith_elem *elems;
	size_t nelems, elems_cap;
	struct pith_block *blocks;
	size_t nblocks, blocks_cap;
	struct pbuf text;
	struct pbuf md;		/* only with want_md */
	int want_md;
	size_t show_hidden_above; /* walk hidden elements with more text */
	size_t hidden_skipped;	/* hidden elements not walked */
	size_t hidden_bytes;	/* text bytes inside them */
	/* The page's address, joined with its <base href>, for link and
	 * image targets (libcurl's CURLU), or NULL. */
	struct Curl_URL *base;
	int region;		/* main region element, -1 before */
};

/* How blocks are rendered beside their plain text (want_md, a mask):
 * markdown syntax, link targets, images. With any of them set, each
 * block also has a rendering in layout.md; the plain text the extractor
 * scores is the same either way. */
enum {
	PITH_RENDER_MARKDOWN = 1, PITH_RENDER_LINKS = 2, PITH_RENDER_IMAGES = 4
};

/* include_hidden: lay out elements marked hidden as well (React and
 * similar pages ship their whole content in a hidden element). */
void pith_layout_build(const GumboNode *root, int want_md, int include_hidden,
    struct pith_layout *l);
/* The same, with link and image targets made absolute against
 * base_url (or the page's <base href>), and hidden elements laid out
 * when they hold more than show_hidden_above bytes of text: 0 lays out
 * every one, PITH_HIDDEN_NONE none. */
#define PITH_HIDDEN_NONE ((size_t)-1)
void pith_layout_build_base(const GumboNode *root, int want_md,
    size_t show_hidden_above, const char *base_url, struct pith_layout *l);
void pith_layout_free(struct pith_layout *l);

#endif
