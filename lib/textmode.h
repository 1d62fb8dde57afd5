/* Text mode: boilerplate removal for text that is already flattened
 * (scraper dumps, `lynx -dump` output, WET records). A document is cut
 * into paragraphs, each paragraph is classified from text-only signals
 * (length and sentence shape, share of stop words for its language,
 * capitalisation, URLs and handles, calls to action, position), the
 * decisions are smoothed over neighbours, and paragraphs that mix an
 * appeal with story text are cut at a sentence boundary.
 *
 * The pieces are reusable from the HTML extractor: the call-to-action
 * categoriser, the stop-word ratio and the language guess work on any
 * block of UTF-8 text. */
#ifndef PITH_TEXTMODE_H
#define PITH_TEXTMODE_H

#include <stddef.h>

#include "buf.h"

struct pith_templates;

struct pith_textmode_opts {
	int explain;		/* write one line per paragraph to `explain` */
	int precision_bias;	/* -1 favour recall, 0, +1 favour precision */
	const char *lang;	/* "en", "de", ...; NULL = detect */
	struct pith_templates *templates;	/* NULL = none */
	const char *host;	/* key for templates; may be NULL */
	size_t *split;		/* when not NULL: the number of paragraphs
				   cut at PITH_TEXT_PARA_MAX is added here */
};

/* The longest paragraph text mode judges as one, in bytes. A longer line
 * (or run of wrapped lines) is cut into paragraphs of at most this size,
 * at a sentence end or a blank where there is one: real paragraphs are
 * far shorter, and the cap keeps a text that is one endless line to
 * per-paragraph work and memory of a bounded size. */
#define PITH_TEXT_PARA_MAX	((size_t)64 << 10)

/* Boilerplate categories of a block of text. */
enum pith_text_category {
	PITH_TEXT_NONE = 0,
	PITH_TEXT_APPEAL,	/* donate, support us, become a member */
	PITH_TEXT_DISCLAIMER,	/* views expressed..., this article was ... */
	PITH_TEXT_SHARE,	/* share this, follow us on ... */
	PITH_TEXT_NEWSLETTER,	/* subscribe, sign up, in your inbox */
	PITH_TEXT_COOKIE,	/* cookies, consent */
	PITH_TEXT_NAV,		/* read more, skip to content, next page */
	PITH_TEXT_COPYRIGHT,	/* (c), all rights reserved */
	PITH_TEXT_LEGAL,	/* privacy policy, terms of use, imprint */
	PITH_TEXT_COMMENTS,	/* leave a comment, log in to reply */
	PITH_TEXT_AD,		/* advertisement, sponsored */
	PITH_TEXT_RELATED,	/* related articles, you may also like */
	PITH_TEXT_META,		/* posted in, tags, min read, photo: */
	PITH_TEXT_LINKS,	/* URLs, handles, e-mail addresses */
	PITH_TEXT_TEMPLATE,	/* recurs on other pages of the host */
	PITH_TEXT_SHORT,	/* short, and no content around it */
	PITH_TEXT_NOPROSE,	/* long enough but few function words */
	PITH_TEXT_CONTEXT,	/* dropped for its neighbours */
	PITH_TEXT_NCATEGORIES
};

/* Classifies the paragraphs of a UTF-8 text document and appends the kept
 * text (paragraphs separated by a blank line, ending in a newline) to
 * `out`; with opts->explain, appends one line per paragraph to `explain`
 * instead:
 *	VERDICT<TAB>CATEGORY<TAB>SIGNALS<TAB>TEXT
 * VERDICT is "keep", "drop" or "part" (a sentence-level cut), SIGNALS
 * is "name=value" pairs separated by spaces, TEXT is clipped to 80 bytes.
 * Paragraphs are blank-line separated, or one per line when the text has
 * no hard-wrapped lines (detected). Invalid UTF-8 is tolerated (its bytes
 * count as letters). Returns the number of paragraphs kept. */
size_t pith_textmode_extract(const char *text, size_t len,
    const struct pith_textmode_opts *o, struct pbuf *out,
    struct pbuf *explain);

/* Records the paragraphs of a text document as one document of `host` in
 * `t` (the learning pass of template detection; the same paragraph split
 * as pith_textmode_extract). */
void pith_textmode_learn(struct pith_templates *t, const char *host,
    const char *text, size_t len);

/* Heuristic: does this look like HTML (vs plain text)? Looks at the first
 * few kilobytes: a doctype, <html>/<head>/<body>, or a density of known
 * tags. */
int pith_looks_like_html(const void *data, size_t len);

/* The boilerplate category of one block of text (enum pith_text_category;
 * PITH_TEXT_NONE when it reads as content). Uses calls to action in
 * several languages, URL/handle density and copyright marks; the decision
 * weighs how much of the block the matched phrases cover. `lang` may be
 * NULL. */
int pith_text_boilerplate_category(const char *text, size_t len,
    const char *lang);
const char *pith_text_category_name(int category);

/* Share of the words of `text` that are function words of `lang` (NULL:
 * detected from the text itself; a language without a list: 0). */
double pith_stopword_ratio(const char *text, size_t len, const char *lang);

/* The language of `text` from its function words: "en", "de", "fr",
 * "es", "it", "pt", "nl", "ru", "pl", or "und" when none fits. */
const char *pith_detect_lang(const char *text, size_t len);

#endif
