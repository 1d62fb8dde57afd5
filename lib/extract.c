/* Choosing the main content among a page's blocks.
 *
 * Every block gets a goodness g: long, sentence-shaped, link-poor text is
 * positive; short fragments and link lists are negative. The main region
 * is the element whose blocks sum to the most goodness (a maximum-scoring
 * subtree), which is a single article body on a news page and the whole
 * run of sections on a service page or forum thread. Inside the region,
 * blocks are dropped when markup or text says they are boilerplate (a
 * share bar inside the article, a newsletter box, an appeal), unless that
 * markup covers most of the region (a wrapper named "sidebar-layout"). */
#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom.h"
#include "extract.h"
#include "textmode.h"

/* Words of non-comment text in a region that make it an article with
 * comments rather than a discussion thread. */
#define COMMENTS_ARTICLE_WORDS 80
/* How far above the region a headline may sit. */
#define HEADLINE_LEVELS 4
/* Link text this long per link reads as a description, not a menu. */
#define TEASER_WORDS_PER_LINK 12
#define TEASER_WEIGHT 0.5
#define BIO_MAX_WORDS 80
#define BOILER_REGION_WEIGHT 0.5
/* Longer blocks are the page's own text even when they mention a
 * newsletter or a donation. */
#define TEXT_CHECK_MAX_WORDS 30
/* "Weiterlesen:", "Foto: dpa" are labels; a caption or a card line that
 * mentions a photo or says "read more" is text. */
#define LABEL_MAX_WORDS 5
/* "Log in to comment", "Sie müssen sich anmelden um Kommentare zu
 * schreiben.": a note about comments is a line; a paragraph that
 * mentions comments is text. */
#define COMMENT_NOTE_MAX_WORDS 12

static double
block_goodness(const struct pith_block *b, int bias)
{
	double w = b->words, ld = w > 0 ? b->link_words / w : 0;
	double eff = w * (1.0 - ld);
	double shortcost = bias > 0 ? 10 : bias < 0 ? 3 : 4;

	if (w == 0)
		return 0;
	/* A card wrapped in one link, its text a sentence or more, is a
	 * teaser's description: listing content, not a menu. */
	if (ld >= 0.5 && b->links > 0 && w / b->links >= TEASER_WORDS_PER_LINK &&
	    b->sentences >= 1 && !(b->flags & B_HEADING))
		return eff * 0 + w * TEASER_WEIGHT - shortcost;
	if (ld >= 0.5)
		return -w;
	if (b->flags & B_HEADING)
		return 0;
	if (b->flags & B_PRE)
		return eff;
	if (w >= 20 || (b->sentences >= 1 && w >= 8) || b->commas >= 2)
		return eff;
	return eff - shortcost;
}

/* A PHP warning printed into the page ("Warning: Use of undefined
 * constant ... in /htdocs/x.php on line 928"): the server's, not the
 * author's words, however long. */
static int
is_error_message(const struct pith_layout *l, const struct pith_block *b)
{
	static const char mark[] = ".php on line ";

	return b->len > sizeof mark && memmem(l->text.p + b->off, b->len,
	    mark, sizeof mark - 1) != NULL;
}

/* "© 2022 The Gazette. This article is the copyrighted property ...",
 * "Copyright 2019 ...": a notice, whatever its length. "Copyright law
 * in Chile ..." is not, nor a credit glued to a caption ("© Provided
 * by ..."): a year follows the mark. */
#define NOTICE_MAX_WORDS 80

static int
is_copyright_notice(const struct pith_layout *l, const struct pith_block *b)
{
	const char *s = l->text.p + b->off, *e = s + b->len;
	int mark = 0;

	if (b->words > NOTICE_MAX_WORDS)
		return 0;
	while (s < e && (*s == ' ' || *s == '\n'))
		s++;
	if (e - s >= 9 && strncasecmp(s, "copyright", 9) == 0) {
		mark = 1;
		for (s += 9; s < e && (*s == ' ' || *s == ':'); s++)
			;
	}
	if (e - s >= 2 && memcmp(s, "\xc2\xa9", 2) == 0)
		mark = 1, s += 2;
	else if (e - s >= 3 && strncasecmp(s, "(c)", 3) == 0)
		mark = 1, s += 3;
	while (s < e && *s == ' ')
		s++;
	return mark && e - s >= 4 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
	    isdigit((unsigned char)s[3]);
}

/* A photo credit on its own line: "Foto: Galli/Malteser", "Bild via
 * Pixabay", "(crédito: Minervino Júnior/CB)", "TebNad/Shutterstock.com",
 * "DCV / Oppitz": a credit word with a colon or "via", or names joined
 * by slashes, in a few words and no sentence. */
#define CREDIT_MAX_WORDS 8
#define CREDIT_NAMES_MAX_WORDS 5

static const char *const credit_words[] = {
	"foto", "fotos", "photo", "photos", "bild", "bilder", "image",
	"images", "credit", "credits", "crédito", "créditos", "quelle",
	"source", "fuente", "photograph", "picture", NULL
};

static int
is_credit_line(const struct pith_layout *l, const struct pith_block *b)
{
	const char *s = l->text.p + b->off, *e = s + b->len, *p;
	size_t i, n;

	if (b->words > CREDIT_MAX_WORDS || (b->flags & B_HEADING) ||
	    b->link_words * 2 > b->words)
		return 0;
	while (s < e && (*s == ' ' || *s == '(' || *s == '['))
		s++;
	for (n = 0; s + n < e && (isalpha((unsigned char)s[n]) ||
	    (unsigned char)s[n] >= 0x80); n++)
		;
	for (i = 0; credit_words[i]; i++) {
		size_t k = strlen(credit_words[i]);

		if (n == k && strncasecmp(s, credit_words[i], k) == 0) {
			p = s + n;
			while (p < e && *p == ' ')
				p++;
			if (p < e && (*p == ':' || (e - p > 4 &&
			    strncasecmp(p, "via ", 4) == 0)))
				return 1;
		}
	}
	/* Names joined by slashes, each capitalised, no digits. */
	if (b->words > CREDIT_NAMES_MAX_WORDS ||
	    memchr(s, '/', (size_t)(e - s)) == NULL)
		return 0;
	for (p = s; p < e; p++) {
		if (isdigit((unsigned char)*p))
			return 0;
		if (p == s || p[-1] == '/') {
			while (p < e && *p == ' ')
				p++;
			if (p == e || !isupper((unsigned char)*p))
				return 0;
		}
	}
	return 1;
}

/* A date or time on its own line, under a headline or a post:
 * "23.10.2018", "Dienstag, 4. Juni 2019, 15:54", "March 3, 2021 at 3:59
 * PM". Metadata (the JSON output has the date), not text. Only digits,
 * separators and calendar words, and at least one digit. */
#define DATE_MAX_WORDS 8

static const char *const calendar_words[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
	"sat", "sun", "januar", "februar", "märz", "mai", "juni", "juli",
	"oktober", "dezember", "montag", "dienstag", "mittwoch",
	"donnerstag", "freitag", "samstag", "sonntag", "janvier", "février",
	"mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
	"novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi",
	"vendredi", "samedi", "dimanche", "enero", "febrero", "marzo",
	"abril", "mayo", "junio", "julio", "agosto", "septiembre",
	"octubre", "noviembre", "diciembre", "lunes", "martes",
	"miércoles", "jueves", "viernes", "sábado", "domingo",
	"am", "pm", "uhr", "um", "den", "de", "del", "le", "at", "on", "h",
	NULL
};

static int
is_date_line(const struct pith_layout *l, const struct pith_block *b)
{
	const char *s = l->text.p + b->off, *e = s + b->len;
	int digits = 0;
	size_t i, n;

	if (b->words > DATE_MAX_WORDS || b->link_words > 0 ||
	    (b->flags & (B_HEADING | B_LI | B_ROW | B_CELL | B_DT)))
		return 0;
	while (s < e) {
		if (isdigit((unsigned char)*s)) {
			digits = 1;
			s++;
			continue;
		}
		if (strchr(" .,:/-|\t\n", *s)) {
			s++;
			continue;
		}
		for (n = 0; s + n < e && (isalpha((unsigned char)s[n]) ||
		    (unsigned char)s[n] >= 0x80); n++)
			;
		if (n == 0)
			return 0;
		for (i = 0; calendar_words[i]; i++)
			if (strlen(calendar_words[i]) == n &&
			    strncasecmp(s, calendar_words[i], n) == 0)
				break;
		if (calendar_words[i] == NULL)
			return 0;
		s += n;
	}
	return digits;
}

/* A teaser's excerpt: a short text that ends in a link to read on
 * ("... Seht selbst! Weiterlesen", "... Read more »"). */
#define EXCERPT_MAX_WORDS 80

static const char *const read_on[] = {
	"read more", "continue reading", "weiterlesen", "mehr lesen",
	"lire la suite", "leer más", "seguir leyendo", "czytaj dalej",
	"leggi tutto", NULL
};

static int
is_excerpt(const struct pith_layout *l, const struct pith_block *b)
{
	const char *s = l->text.p + b->off, *e = s + b->len;
	size_t i;

	if (b->words > EXCERPT_MAX_WORDS || b->link_words == 0 ||
	    b->link_words > 4 || b->links > 1 || (b->flags & B_HEADING))
		return 0;
	while (e > s && strchr(" .…»›>→\n", e[-1]) != NULL)
		e--;
	/* "…" and "→" are more than one byte */
	while (e - s >= 3 && ((unsigned char)e[-3] == 0xe2) &&
	    ((unsigned char)e[-2] == 0x80 || (unsigned char)e[-2] == 0x86))
		e -= 3;
	while (e > s && e[-1] == ' ')
		e--;
	for (i = 0; read_on[i]; i++) {
		size_t k = strlen(read_on[i]);

		if ((size_t)(e - s) > k + 10 &&
		    strncasecmp(e - k, read_on[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Nearest ancestor-or-self of element e marked boilerplate by markup. */
static int
boiler_ancestor(const struct pith_layout *l, int e, int stop)
{
	for (; e >= 0 && e != stop; e = l->elems[e].parent)
		if (l->elems[e].flags & E_BOILER)
			return e;
	return -1;
}

static int
is_inside(const struct pith_layout *l, int e, int anc)
{
	for (; e >= 0; e = l->elems[e].parent)
		if (e == anc)
			return 1;
	return 0;
}

/* Siblings with the same tag and class, four or more, each holding a
 * few blocks of text: the cards of a listing or product grid. Their
 * short lines (names, prices) are the page's content. */
#define CARD_MIN_RUN 4
#define CARD_MIN_BLOCKS 2.0
#define CARD_MIN_WORDS 6.0
#define CARD_WEIGHT 0.3
/* A branch of a site's menu tree (a list item holding a list of links)
 * is no card. */
#define CARD_MENU_LINK_SHARE 0.8
/* Fewer long paragraphs than this in the first choice: look for cards. */
#define CARD_FALLBACK_PARAS 1

static unsigned long
elem_sig(const struct pith_elem *e)
{
	const char *c = pith_dom_attr(e->node, "class");
	unsigned long h = 5381u + (unsigned long)e->node->v.element.tag;

	for (; c && *c; c++)
		h = h * 33u + (unsigned char)*c;
	return h;
}

struct sibkey {
	int parent;
	unsigned long sig;
	int idx;
};

static int
sibkey_cmp(const void *a, const void *b)
{
	const struct sibkey *x = a, *y = b;

	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	if (x->sig != y->sig)
		return x->sig < y->sig ? -1 : 1;
	return x->idx - y->idx;
}

static int
is_menu_branch(const GumboNode *n)
{
	const GumboVector *kids = &n->v.element.children;
	size_t i;

	if (n->v.element.tag != GUMBO_TAG_LI)
		return 0;
	for (i = 0; i < kids->length; i++) {
		const GumboNode *c = kids->data[i];

		if (c->type == GUMBO_NODE_ELEMENT &&
		    (c->v.element.tag == GUMBO_TAG_UL ||
		    c->v.element.tag == GUMBO_TAG_OL))
			return 1;
	}
	return 0;
}

/* Needs words and blocks per element. Sorting by (parent, signature)
 * keeps it n log n on pages with many elements. */
static void
mark_cards(struct pith_layout *l)
{
	size_t i, j, n = l->nelems;
	struct sibkey *k = xcalloc(n ? n : 1, sizeof *k);

	for (i = 0; i < n; i++) {
		k[i].parent = l->elems[i].parent;
		k[i].sig = elem_sig(&l->elems[i]);
		k[i].idx = (int)i;
	}
	qsort(k, n, sizeof *k, sibkey_cmp);
	for (i = 0; i < n; i = j) {
		double blocks = 0, words = 0, link_blocks = 0;
		size_t run;

		for (j = i; j < n && k[j].parent == k[i].parent &&
		    k[j].sig == k[i].sig; j++) {
			blocks += l->elems[k[j].idx].blocks;
			words += l->elems[k[j].idx].words;
			link_blocks += l->elems[k[j].idx].link_blocks;
		}
		run = j - i;
		if (run >= CARD_MIN_RUN && blocks / run >= CARD_MIN_BLOCKS &&
		    words / run >= CARD_MIN_WORDS &&
		    !(link_blocks > CARD_MENU_LINK_SHARE * blocks &&
		    is_menu_branch(l->elems[k[i].idx].node))) {
			size_t m;

			for (m = i; m < j; m++)
				l->elems[k[m].idx].flags |= E_CARD;
		}
	}
	free(k);
}

static int
in_card(const struct pith_layout *l, int e)
{
	for (; e >= 0; e = l->elems[e].parent)
		if (l->elems[e].flags & E_CARD)
			return 1;
	return 0;
}

static int region_pass(struct pith_layout *l, int bias, int cards);

/* A product's specification sheet: a <dl>, or a table of name and
 * value rows, with SPEC_MIN_PAIRS entries or more. Its lines are
 * short, yet they are the page's content. */
#define SPEC_MIN_PAIRS 4
#define SPEC_WEIGHT 0.3
#define SPEC_LEVELS 3

static size_t
element_children(const GumboNode *n, GumboTag t1, GumboTag t2)
{
	const GumboVector *c = &n->v.element.children;
	size_t i, k = 0;

	for (i = 0; i < c->length; i++) {
		const GumboNode *x = c->data[i];

		if (x->type == GUMBO_NODE_ELEMENT &&
		    (x->v.element.tag == t1 || x->v.element.tag == t2))
			k++;
	}
	return k;
}

static int
in_spec_sheet(const struct pith_layout *l, const struct pith_block *b)
{
	int e = b->elem, up;

	for (up = 0; up < SPEC_LEVELS && e >= 0; up++, e = l->elems[e].parent) {
		const GumboNode *n = l->elems[e].node;

		if (n == NULL || n->type != GUMBO_NODE_ELEMENT)
			continue;
		switch (n->v.element.tag) {
		case GUMBO_TAG_DL:
			return element_children(n, GUMBO_TAG_DD,
			    GUMBO_TAG_DIV) >= SPEC_MIN_PAIRS;
		case GUMBO_TAG_TR:
			return element_children(n, GUMBO_TAG_TD,
			    GUMBO_TAG_TH) <= 2 && n->parent &&
			    n->parent->type == GUMBO_NODE_ELEMENT &&
			    element_children(n->parent, GUMBO_TAG_TR,
			    GUMBO_TAG_TR) >= SPEC_MIN_PAIRS;
		default:
			break;
		}
	}
	return 0;
}

/* A menu is mostly links. An element whose class merely mentions
 * navigation ("left-navigation-wrapper", the column beside the menu)
 * but holds a hundred words of link-poor prose is not one. <nav> and
 * role=navigation are taken at their word. */
#define PROSE_NAV_WORDS 100
#define PROSE_NAV_MAX_LD 0.25

static void
unmark_prose_navigation(struct pith_layout *l)
{
	size_t i;

	for (i = 0; i < l->nelems; i++) {
		struct pith_elem *el = &l->elems[i];

		if (!(el->flags & E_BOILER) || el->cat != CAT_NAV ||
		    el->node->v.element.tag == GUMBO_TAG_NAV ||
		    pith_dom_attr(el->node, "role") != NULL)
			continue;
		if (el->words >= PROSE_NAV_WORDS &&
		    el->link_words < PROSE_NAV_MAX_LD * el->words) {
			el->flags &= ~E_BOILER;
			el->cat = CAT_NONE;
		}
	}
}

/* Long paragraphs in a region: an article has several; a listing or a
 * product grid has few, and its cards are the content. */
static int
long_paragraphs(const struct pith_layout *l, int region)
{
	int i, n = 0;

	if (region < 0 || l->elems[region].first_block < 0)
		return 0;
	for (i = l->elems[region].first_block;
	    i <= l->elems[region].last_block; i++) {
		const struct pith_block *b = &l->blocks[i];

		if (b->words >= 25 && b->link_words * 3 < b->words)
			n++;
	}
	return n;
}

int
pith_extract_region(struct pith_layout *l, int bias)
{
	int region = region_pass(l, bias, 0);

	if (long_paragraphs(l, region) < CARD_FALLBACK_PARAS)
		region = region_pass(l, bias, 1);
	return region;
}

/* Whether element e holds a level-one heading: a "footer" that does
 * is a layout wrapper, not the page's foot. */
static int
holds_headline(const struct pith_layout *l, int e)
{
	int i;

	if (l->elems[e].first_block < 0)
		return 0;
	for (i = l->elems[e].first_block; i <= l->elems[e].last_block; i++)
		if ((l->blocks[i].flags & B_HEADING) && l->blocks[i].level == 1 &&
		    is_inside(l, l->blocks[i].elem, e))
			return 1;
	return 0;
}

/* A footer is the page's foot unless it holds the headline; asked for
 * every element inside it, so the last answer is kept. */
struct foot_cache {
	int elem, answer;
};

static int
is_page_foot(const struct pith_layout *l, int e, struct foot_cache *c)
{
	if (l->elems[e].cat != CAT_FOOTER)
		return 0;
	if (c->elem != e) {
		c->elem = e;
		c->answer = !holds_headline(l, e);
	}
	return c->answer;
}

static int
region_pass(struct pith_layout *l, int bias, int cards)
{
	size_t i;
	int best = -1;
	double best_score = -INFINITY, page_words = 0;
	struct foot_cache foot_cache = { -1, 0 };

	for (i = 0; i < l->nelems; i++) {
		l->elems[i].flags &= ~E_CARD;
		l->elems[i].score = 0;
		l->elems[i].words = l->elems[i].link_words = 0;
		l->elems[i].blocks = l->elems[i].link_blocks = 0;
		l->elems[i].first_block = l->elems[i].last_block = -1;
	}
	for (i = 0; i < l->nblocks; i++) {
		struct pith_block *b = &l->blocks[i];
		int e;

		for (e = b->elem; e >= 0; e = l->elems[e].parent) {
			struct pith_elem *el = &l->elems[e];

			el->words += b->words;
			el->link_words += b->link_words;
			el->blocks++;
			el->link_blocks += b->link_words * 2 >= b->words &&
			    b->words > 0;
			if (el->first_block < 0)
				el->first_block = (int)i;
			el->last_block = (int)i;
		}
	}
	unmark_prose_navigation(l);
	if (cards)
		mark_cards(l);
	for (i = 0; i < l->nblocks; i++) {
		struct pith_block *b = &l->blocks[i];
		int e;

		b->g = is_error_message(l, b) ? 0 : block_goodness(b, bias);
		if (b->g < 0 && in_card(l, b->elem))
			b->g = b->words * CARD_WEIGHT;
		else if (b->g < 0 && b->link_words * 2 < b->words &&
		    in_spec_sheet(l, b))
			b->g = b->words * SPEC_WEIGHT;
		for (e = b->elem; e >= 0; e = l->elems[e].parent)
			l->elems[e].score += b->g;
	}
	for (i = 0; i < l->nblocks; i++)
		page_words += l->blocks[i].words;
	for (i = 0; i < l->nelems; i++) {
		const struct pith_elem *el = &l->elems[i];
		double s = el->score;
		int be = boiler_ancestor(l, (int)i, -1);

		if (el->flags & (E_POSITIVE | E_ARTICLE))
			s *= 1.15;
		/* A region inside a footer, sidebar or share box is a
		 * last resort. */
		if (be >= 0 && l->elems[be].cat != CAT_COMMENTS && s > 0 &&
		    (l->elems[be].words < 0.5 * page_words ||
		    is_page_foot(l, be, &foot_cache)))
			s *= BOILER_REGION_WEIGHT;
		if (s > best_score) {
			best_score = s;
			best = (int)i;
		}
	}
	return best;
}

/* Words of the region under boilerplate markup, per category: when one
 * category covers most of the region it is the content (a forum thread
 * is a run of "comment" elements, a product grid a run of "teaser"s). */
static void
category_cover(const struct pith_layout *l, int region, double *cover)
{
	size_t i;

	memset(cover, 0, CAT_COUNT * sizeof *cover);
	for (i = 0; i < l->nblocks; i++) {
		const struct pith_block *b = &l->blocks[i];
		int be;

		if (!is_inside(l, b->elem, region))
			continue;
		be = boiler_ancestor(l, b->elem, region);
		if (be >= 0)
			cover[l->elems[be].cat] += b->words;
	}
}

static int
category_is_content(const double *cover, enum pith_cat c, double rwords)
{
	if (cover[c] < 0.5 * rwords)
		return 0;
	/* Comments are the content of a thread, not of an article: an
	 * article's own text beside them decides. */
	if (c == CAT_COMMENTS && rwords - cover[c] >= COMMENTS_ARTICLE_WORDS)
		return 0;
	return 1;
}

/* The headline usually sits just above the article body, outside the
 * region: keep the nearest preceding <h1> when it shares an ancestor
 * with the region within a few levels. */
static void
keep_headline(struct pith_layout *l, int region)
{
	int i, anc = region, up;

	if (l->elems[region].first_block < 0)
		return;
	for (up = 0; up < HEADLINE_LEVELS && l->elems[anc].parent >= 0; up++)
		anc = l->elems[anc].parent;
	for (i = l->elems[region].first_block - 1; i >= 0; i--) {
		struct pith_block *b = &l->blocks[i];

		if (!is_inside(l, b->elem, anc))
			return;
		if ((b->flags & B_HEADING) && b->level == 1) {
			int k;

			if (boiler_ancestor(l, b->elem, anc) >= 0)
				return;
			/* The headline, and the dateline or standfirst
			 * between it and the body. */
			for (k = i; k < l->elems[region].first_block; k++) {
				struct pith_block *c = &l->blocks[k];

				if (k == i || (c->link_words * 2 < c->words &&
				    boiler_ancestor(l, c->elem, anc) < 0)) {
					c->keep = 1;
					c->cat = CAT_CONTENT;
				}
			}
			return;
		}
	}
}

/* What the block's own words say: an appeal, a share line, a
 * newsletter box, a disclaimer, written out as text. */
static enum pith_cat
text_category(const struct pith_layout *l, const struct pith_block *b)
{
	switch (pith_text_boilerplate_category(l->text.p + b->off, b->len,
	    NULL)) {
	case PITH_TEXT_APPEAL:
		return CAT_APPEAL;
	case PITH_TEXT_DISCLAIMER:
		return CAT_DISCLAIMER;
	case PITH_TEXT_SHARE:
		return CAT_SHARE;
	case PITH_TEXT_NEWSLETTER:
		return CAT_NEWSLETTER;
	case PITH_TEXT_COOKIE:
		return CAT_CONSENT;
	case PITH_TEXT_COPYRIGHT:
	case PITH_TEXT_LEGAL:
		return CAT_FOOTER;
	case PITH_TEXT_RELATED:
		return CAT_RELATED;
	case PITH_TEXT_COMMENTS:
		return CAT_COMMENTS;
	case PITH_TEXT_AD:
		return CAT_AD;
	case PITH_TEXT_NAV:
		return CAT_NAV;
	case PITH_TEXT_META:
		return CAT_META;
	default:
		return CAT_NONE;
	}
}

/* Whether what a block's words say of it stands: a navigation or
 * metadata word is a label's only when the block is one (short, and not
 * a card's line); a note about comments is a line, and comments are kept
 * when asked for. */
static int
text_category_holds(const struct pith_layout *l, const struct pith_block *b,
    enum pith_cat c, unsigned keep)
{
	switch (c) {
	case CAT_NAV:
	case CAT_META:
		return b->words <= LABEL_MAX_WORDS && !in_card(l, b->elem);
	case CAT_COMMENTS:
		return !(keep & PITH_KEEP_COMMENTS) &&
		    b->words <= COMMENT_NOTE_MAX_WORDS;
	default:
		return 1;
	}
}

/* Whether block k (after heading h) is still in the section h opens:
 * inside element box, before the next heading of the same or a higher
 * level. */
static int
in_section(const struct pith_layout *l, size_t h, size_t k, int box)
{
	const struct pith_block *b = &l->blocks[k];

	return box >= 0 && is_inside(l, b->elem, box) &&
	    !((b->flags & B_HEADING) && b->level <= l->blocks[h].level);
}

/* A "Related posts" / "Ähnliche Beiträge" heading opens a section of
 * teasers: drop what follows it inside the heading's container.
 * Returns the last block dropped. */
static size_t
drop_section(struct pith_layout *l, size_t h, enum pith_cat c)
{
	int box = l->elems[l->blocks[h].elem].parent;
	size_t i;

	for (i = h + 1; i < l->nblocks && in_section(l, h, i, box); i++) {
		l->blocks[i].keep = 0;
		l->blocks[i].cat = c;
		l->blocks[i].why = -1;
	}
	return i - 1;
}

/* A heading of a dozen words or more is a paragraph in heading markup. */
#define TITLE_MAX_WORDS 12

static int
is_title(const struct pith_block *b)
{
	return (b->flags & B_HEADING) && b->words < TITLE_MAX_WORDS;
}

/* A heading whose section lost all its blocks ("About Matthew
 * Humphries" over a dropped author bio, "Read more from ..." over a
 * dropped link list) heads nothing: it goes with them. */
static void
drop_orphan_headings(struct pith_layout *l, int region)
{
	size_t i, k;

	for (i = 0; i < l->nblocks; i++) {
		struct pith_block *h = &l->blocks[i];
		enum pith_cat why = CAT_SHORT;
		int kept = 0, dropped = 0;

		if (!h->keep || !is_title(h) ||
		    !is_inside(l, h->elem, region))
			continue;
		for (k = i + 1; k < l->nblocks && in_section(l, i, k, region);
		    k++) {
			const struct pith_block *b = &l->blocks[k];

			if (b->keep && !is_title(b)) {
				kept = 1;
				break;
			}
			if (!b->keep && !dropped++)
				why = b->cat;
		}
		if (!kept && dropped) {
			h->keep = 0;
			h->cat = why;
		}
	}
}

void
pith_extract_select(struct pith_layout *l, int region, int bias,
    unsigned keep)
{
	size_t i;
	enum pith_cat c;
	double rwords = region >= 0 ? l->elems[region].words : 0;
	double cover[CAT_COUNT];
	struct foot_cache foot_cache = { -1, 0 };

	if (region >= 0)
		category_cover(l, region, cover);

	for (i = 0; i < l->nblocks; i++) {
		struct pith_block *b = &l->blocks[i];
		double ld = b->words ? (double)b->link_words / b->words : 0;
		int be;

		b->keep = 0;
		b->cat = CAT_CONTENT;
		b->why = -1;
		if (region < 0 || !is_inside(l, b->elem, region)) {
			be = boiler_ancestor(l, b->elem, -1);
			b->cat = be >= 0 ? l->elems[be].cat :
			    is_error_message(l, b) ? CAT_ERROR : CAT_OUTSIDE;
			b->why = be;
			continue;
		}
		be = boiler_ancestor(l, b->elem, region);
		/* An author bio is short; a long "bio" is the subject's. */
		if (be >= 0 && l->elems[be].cat == CAT_BYLINE &&
		    l->elems[be].words > BIO_MAX_WORDS)
			be = -1;
		if (be >= 0 && ((l->elems[be].words < 0.4 * rwords &&
		    !category_is_content(cover, l->elems[be].cat, rwords) &&
		    !((keep & PITH_KEEP_COMMENTS) &&
		    l->elems[be].cat == CAT_COMMENTS)) ||
		    is_page_foot(l, be, &foot_cache))) {
			b->cat = l->elems[be].cat;
			b->why = be;
			continue;
		}
		if (is_error_message(l, b)) {
			b->cat = CAT_ERROR;
			continue;
		}
		if (is_copyright_notice(l, b)) {
			b->cat = CAT_FOOTER;
			continue;
		}
		if (is_credit_line(l, b) || is_date_line(l, b)) {
			b->cat = CAT_META;
			continue;
		}
		if (is_excerpt(l, b)) {
			b->cat = CAT_RELATED;
			continue;
		}
		if (ld >= 0.5 && !(b->flags & B_HEADING) && b->words < 40 &&
		    !in_card(l, b->elem)) {
			b->cat = CAT_LINKS;
			continue;
		}
		if (b->words < TEXT_CHECK_MAX_WORDS &&
		    (c = text_category(l, b)) != CAT_NONE &&
		    text_category_holds(l, b, c, keep)) {
			b->cat = c;
			if (c == CAT_RELATED && (b->flags & B_HEADING))
				i = drop_section(l, i, c);
			continue;
		}
		b->keep = 1;
	}
	if (region >= 0) {
		keep_headline(l, region);
		drop_orphan_headings(l, region);
	}
	for (i = 0; i < l->nblocks; i++) {
		struct pith_block *b = &l->blocks[i];

		if (b->keep && !(keep & PITH_KEEP_TABLES) &&
		    (b->flags & (B_ROW | B_CELL)))
			b->keep = 0, b->cat = CAT_TABLE;
		if (b->keep && !(keep & PITH_KEEP_CAPTIONS) &&
		    (b->flags & B_CAPTION))
			b->keep = 0, b->cat = CAT_CAPTION;
	}
}
