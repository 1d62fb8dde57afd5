#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "dom.h"
#include "htmlprep.h"
#include "layout.h"
#include "textmode_impl.h"

static const char *const cat_names[CAT_COUNT] = {
	"content-candidate", "navigation", "header", "footer", "sidebar",
	"breadcrumb", "consent", "newsletter", "appeal", "share", "related",
	"comments", "ad", "byline", "disclaimer", "link-list", "short",
	"metadata", "form", "pagination", "site-template", "outside-main",
	"error-message", "table", "caption", "dialog", "content"
};

const char *
pith_cat_name(enum pith_cat c)
{
	return (unsigned)c < CAT_COUNT ? cat_names[c] : "?";
}

/* Words in class and id names that mark boilerplate, matched against the
 * parts of a name split at non-letters ("article-share-bar" has "share").
 * Longer words also match as prefixes ("newsletters", "sharing"). */
static const struct {
	const char *word;
	enum pith_cat cat;
	int prefix;
} attr_words[] = {
	{"nav", CAT_NAV, 0}, {"navbar", CAT_NAV, 0}, {"navigation", CAT_NAV, 1},
	{"menu", CAT_NAV, 1}, {"topbar", CAT_NAV, 0}, {"skip", CAT_NAV, 0},
	{"toc", CAT_NAV, 0}, {"masthead", CAT_HEADER, 0},
	{"footer", CAT_FOOTER, 1}, {"colophon", CAT_FOOTER, 0},
	{"copyright", CAT_FOOTER, 0},
	{"sidebar", CAT_SIDEBAR, 1}, {"rail", CAT_SIDEBAR, 0},
	{"aside", CAT_SIDEBAR, 0},
	{"breadcrumb", CAT_BREADCRUMB, 1}, {"breadcrumbs", CAT_BREADCRUMB, 0},
	{"cookie", CAT_CONSENT, 1}, {"consent", CAT_CONSENT, 1},
	{"gdpr", CAT_CONSENT, 0},
	{"newsletter", CAT_NEWSLETTER, 1}, {"subscribe", CAT_NEWSLETTER, 1},
	{"subscription", CAT_NEWSLETTER, 1}, {"signup", CAT_NEWSLETTER, 1},
	{"optin", CAT_NEWSLETTER, 0},
	{"donate", CAT_APPEAL, 1}, {"donation", CAT_APPEAL, 1},
	{"paywall", CAT_APPEAL, 1}, {"membership", CAT_APPEAL, 0},
	{"share", CAT_SHARE, 1}, {"sharing", CAT_SHARE, 0},
	{"social", CAT_SHARE, 1}, {"sharebar", CAT_SHARE, 0},
	{"addthis", CAT_SHARE, 0}, {"sociable", CAT_SHARE, 0},
	{"related", CAT_RELATED, 1}, {"recommended", CAT_RELATED, 1},
	{"recommendations", CAT_RELATED, 0}, {"trending", CAT_RELATED, 0},
	{"popular", CAT_RELATED, 0}, {"mostread", CAT_RELATED, 0},
	{"outbrain", CAT_RELATED, 0}, {"taboola", CAT_RELATED, 0},
	{"teaser", CAT_RELATED, 1}, {"upnext", CAT_RELATED, 0},
	{"comment", CAT_COMMENTS, 1}, {"comments", CAT_COMMENTS, 0},
	{"disqus", CAT_COMMENTS, 0}, {"respond", CAT_COMMENTS, 0},
	{"reviews", CAT_COMMENTS, 0},
	{"ad", CAT_AD, 0}, {"ads", CAT_AD, 0}, {"advert", CAT_AD, 1},
	{"advertisement", CAT_AD, 0}, {"sponsor", CAT_AD, 1},
	{"sponsored", CAT_AD, 0}, {"promo", CAT_AD, 1}, {"banner", CAT_AD, 0},
	{"dfp", CAT_AD, 0}, {"adsense", CAT_AD, 0},
	{"byline", CAT_BYLINE, 0}, {"bio", CAT_BYLINE, 0},
	{"authorbox", CAT_BYLINE, 0}, {"authorbio", CAT_BYLINE, 0},
	{"disclaimer", CAT_DISCLAIMER, 1},
	{"pagination", CAT_PAGINATION, 1}, {"pager", CAT_PAGINATION, 0},
	{"tags", CAT_META, 0}, {"tagcloud", CAT_META, 0},
	{"modal", CAT_DIALOG, 0}, {"popup", CAT_DIALOG, 1},
	{"overlay", CAT_DIALOG, 0},
	{NULL, CAT_NONE, 0}
};

static const char *const caption_words[] = {"caption", NULL};
/* "author" with one of these is a box about the author ("mh-author-box",
 * "author_info", "m-author__description"); alone it may be a post's
 * taxonomy ("entry-author-jane") or a byline in the headline. */
static const char *const author_words[] = {"author", NULL};
static const char *const author_box_words[] = {
	"box", "bio", "info", "area", "description", "about", "card",
	"profile", "details", NULL
};
static const char *const credit_words[] = {"credit", "credits", NULL};
#define CREDIT_MAX_BYTES 80

static const char *const positive_words[] = {
	"article", "content", "entry", "post", "story", "body", "text",
	"main", "blog", "prose", "markdown", "articlebody", "postbody",
	"storybody", "entrycontent", "richtext", NULL
};

/* Words that begin like a boilerplate word but name content: an
 * opinion piece is a "commentary", not the comments under it. */
static const char *const not_boiler_words[] = {
	"commentary", "commentaries",
	"footerfix",	/* the sticky-footer idiom: wraps all above the foot */
	NULL
};

static enum pith_cat
word_cat(const char *w, size_t n, int *positive)
{
	size_t i;

	for (i = 0; not_boiler_words[i]; i++)
		if (n == strlen(not_boiler_words[i]) &&
		    strncmp(w, not_boiler_words[i], n) == 0)
			return CAT_NONE;
	for (i = 0; attr_words[i].word; i++) {
		size_t k = strlen(attr_words[i].word);

		if (n == k && strncmp(w, attr_words[i].word, k) == 0)
			return attr_words[i].cat;
		if (attr_words[i].prefix && n > k &&
		    strncmp(w, attr_words[i].word, k) == 0)
			return attr_words[i].cat;
	}
	for (i = 0; positive_words[i]; i++)
		if (n == strlen(positive_words[i]) &&
		    strncmp(w, positive_words[i], n) == 0)
			*positive = 1;
	return CAT_NONE;
}

/* Splits a class or id value into lower-case alphabetic parts and
 * returns the first boilerplate category found. */
static enum pith_cat
name_cat(const char *s, int *positive)
{
	char w[32];
	size_t n = 0;
	enum pith_cat c = CAT_NONE, r;
	int negated = 0;

	if (s == NULL)
		return CAT_NONE;
	for (;; s++) {
		/* WordPress and similar put the post's taxonomy in its class
		 * list ("category-promo", "tag-ads"): skip those tokens. */
		if (n == 0 && (s[0] != '\0') &&
		    (strncmp(s, "category-", 9) == 0 ||
		    strncmp(s, "tag-", 4) == 0 ||
		    strncmp(s, "tags-", 5) == 0)) {
			while (*s && *s != ' ')
				s++;
			if (*s == '\0')
				break;
			continue;
		}
		if (isalpha((unsigned char)*s)) {
			if (n < sizeof w)
				w[n++] = (char)tolower((unsigned char)*s);
			continue;
		}
		if (n > 0 && n < sizeof w) {
			/* "no-sidebar", "has-sidebar", "not-footer": a layout
			 * switch, not a sidebar. */
			if ((n == 2 && strncmp(w, "no", 2) == 0) ||
			    (n == 3 && strncmp(w, "not", 3) == 0) ||
			    (n == 3 && strncmp(w, "has", 3) == 0) ||
			    (n == 4 && strncmp(w, "with", 4) == 0))
				negated = 1;
			else {
				r = word_cat(w, n, positive);
				if (c == CAT_NONE && !negated)
					c = r;
				negated = 0;
			}
		}
		n = 0;
		if (*s == '\0')
			break;
	}
	return c;
}

/* React's streamed render: each suspended part arrives in a hidden
 * <div id="S:n"> that the page's script moves into place. */
static int
is_streamed_part(const GumboNode *n)
{
	const char *id = pith_dom_attr(n, "id");

	if (id == NULL || id[0] != 'S' || id[1] != ':' || id[2] == '\0')
		return 0;
	for (id += 2; *id; id++)
		if (!isdigit((unsigned char)*id))
			return 0;
	return 1;
}

/* A closed tab, accordion fold or collapsed panel: text the reader
 * opens with one click, part of the page (product details, code in
 * each language). */
static int
is_folded_panel(const GumboNode *n)
{
	const char *role = pith_dom_attr(n, "role");
	const char *class = pith_dom_attr(n, "class");

	if (role && (strcmp(role, "tabpanel") == 0 ||
	    (strcmp(role, "region") == 0 &&
	    pith_dom_attr(n, "aria-labelledby"))))
		return 1;
	return class && (strstr(class, "collapse") || strstr(class, "accordion") ||
	    strstr(class, "tab-pane") || strstr(class, "tabpanel"));
}

static int
is_hidden(const GumboNode *n)
{
	const char *v;

	if (is_streamed_part(n) || is_folded_panel(n))
		return 0;
	if (pith_dom_attr(n, "hidden"))
		return 1;
	v = pith_dom_attr(n, "aria-hidden");
	if (v && strcasecmp(v, "true") == 0)
		return 1;
	v = pith_dom_attr(n, "style");
	if (v) {
		char buf[256];
		size_t i, k = 0;

		for (i = 0; v[i] && k < sizeof buf - 1; i++)
			if (!isspace((unsigned char)v[i]))
				buf[k++] = (char)tolower((unsigned char)v[i]);
		buf[k] = '\0';
		if (strstr(buf, "display:none") ||
		    strstr(buf, "visibility:hidden"))
			return 1;
	}
	v = pith_dom_attr(n, "class");
	if (v && (strstr(v, "sr-only") || strstr(v, "screen-reader") ||
	    strstr(v, "visually-hidden") || strstr(v, "visuallyhidden")))
		return 1;
	return 0;
}

/* Text held by a subtree, scripts and styles aside: what hiding it
 * takes away from the page. */
static int skipped_tag(GumboTag);

static size_t
subtree_text_bytes(const GumboNode *n, int depth)
{
	const GumboVector *c;
	size_t i, sum = 0;

	if (n->type == GUMBO_NODE_TEXT)
		return n->v.text.original_text.length;
	if (n->type != GUMBO_NODE_ELEMENT || depth > PITH_MAX_DEPTH ||
	    skipped_tag(n->v.element.tag))
		return 0;
	c = &n->v.element.children;
	for (i = 0; i < c->length; i++)
		sum += subtree_text_bytes(c->data[i], depth + 1);
	return sum;
}

static void
classify_elem(const GumboNode *n, struct pith_elem *e)
{
	GumboTag t = n->v.element.tag;
	const char *role = pith_dom_attr(n, "role");
	const char *itemprop = pith_dom_attr(n, "itemprop");
	int pos = 0;
	enum pith_cat c;

	switch (t) {
	case GUMBO_TAG_HTML:
	case GUMBO_TAG_BODY:
		/* Their class lists describe the whole page's layout. */
		return;
	case GUMBO_TAG_NAV:
		e->flags |= E_BOILER, e->cat = CAT_NAV;
		return;
	case GUMBO_TAG_ASIDE:
		e->flags |= E_BOILER, e->cat = CAT_SIDEBAR;
		return;
	case GUMBO_TAG_FOOTER:
		e->flags |= E_BOILER, e->cat = CAT_FOOTER;
		return;
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN:
		e->flags |= E_ARTICLE;
		break;
	default:
		break;
	}
	if (role) {
		if (strcmp(role, "navigation") == 0 || strcmp(role, "menu") == 0 ||
		    strcmp(role, "menubar") == 0) {
			e->flags |= E_BOILER, e->cat = CAT_NAV;
			return;
		}
		if (strcmp(role, "contentinfo") == 0) {
			e->flags |= E_BOILER, e->cat = CAT_FOOTER;
			return;
		}
		if (strcmp(role, "complementary") == 0) {
			e->flags |= E_BOILER, e->cat = CAT_SIDEBAR;
			return;
		}
		if (strcmp(role, "dialog") == 0 ||
		    strcmp(role, "alertdialog") == 0) {
			e->flags |= E_BOILER, e->cat = CAT_DIALOG;
			return;
		}
		if (strcmp(role, "main") == 0 || strcmp(role, "article") == 0)
			e->flags |= E_ARTICLE;
	}
	if (itemprop && (strcasecmp(itemprop, "articleBody") == 0 ||
	    strcasecmp(itemprop, "text") == 0 ||
	    strcasecmp(itemprop, "reviewBody") == 0)) {
		e->flags |= E_POSITIVE;
		return;
	}
	c = name_cat(pith_dom_attr(n, "class"), &pos);
	if (c == CAT_NONE && pith_dom_has_word(pith_dom_attr(n, "class"),
	    author_words, 0) && pith_dom_has_word(pith_dom_attr(n, "class"),
	    author_box_words, 0))
		c = CAT_BYLINE;
	if (c == CAT_NONE)
		c = name_cat(pith_dom_attr(n, "id"), &pos);
	if (c != CAT_NONE) {
		e->flags |= E_BOILER;
		e->cat = c;
		if (c == CAT_COMMENTS)
			e->flags |= E_COMMENTS;
	} else if (pos)
		e->flags |= E_POSITIVE;
}

/* --- walking ------------------------------------------------------------ */

struct walker {
	struct pith_layout *l;
	int cur_elem;		/* innermost element */
	int block_elem;		/* owner of the open block, -1 when none */
	unsigned block_flags;
	int level;
	size_t start, md_start;	/* open block's start in text/md */
	int pending_space;
	int in_pre, in_link, in_quote;
	size_t link_chars, chars;
	int links;
	int images;		/* images rendered into the open block */
	int depth;
};

static int
is_block_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
	case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
	case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
	case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
	case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_FRAMESET: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
	case GUMBO_TAG_OPTION: case GUMBO_TAG_TITLE:
		return 1;
	default:
		return 0;
	}
}

static int
skipped_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
	case GUMBO_TAG_DATALIST:
		return 1;
	default:
		return 0;
	}
}

/* Words, sentence ends and commas of a block's text. Han and kana are
 * written without spaces: two of their characters count as a word (about
 * the information of an English word), and their full stops and commas
 * count as such. */
static void
count_words(struct pith_block *b, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	int inword = 0, cjk = 0;

	while (i < b->len) {
		unsigned char c = s[i];
		uint32_t cp = c;
		size_t n = 1;
		int wc;

		if (c >= 0x80) {
			n = tm_utf8_decode(s + i, b->len - i, &cp);
			if (tm_is_cjk(cp)) {
				if (cjk++ % 2 == 0)
					b->words++;
				inword = 0;
				i += n;
				continue;
			}
			wc = tm_is_letter(cp);
			if (cp == 0x3002 || cp == 0xff01 || cp == 0xff1f)
				b->sentences++;
			else if (cp == 0x3001 || cp == 0xff0c)
				b->commas++;
		} else {
			wc = isalnum(c);
			if ((c == '.' || c == '!' || c == '?') && i > 0 &&
			    isalnum(s[i - 1]))
				b->sentences++;
			else if (c == ',')
				b->commas++;
		}
		cjk = 0;
		if (wc && !inword)
			b->words++;
		inword = wc || (inword && (c == '\'' || c == '-'));
		i += n;
	}
}

/* A <noscript> whose text is escaped markup ("&lt;img src=...&gt;", a
 * tracking pixel or a "JavaScript is off" box written twice over): what
 * a browser would show there is markup source, never the page's text. */
static int
noscript_holds_markup(const GumboNode *n)
{
	const GumboVector *kids = &n->v.element.children;
	size_t i;

	for (i = 0; i < kids->length; i++) {
		const GumboNode *c = kids->data[i];
		const char *s;

		if (c->type == GUMBO_NODE_WHITESPACE ||
		    c->type == GUMBO_NODE_COMMENT)
			continue;
		if (c->type != GUMBO_NODE_TEXT)
			return 0;
		for (s = c->v.text.text; isspace((unsigned char)*s); s++)
			;
		return s[0] == '<' && (isalpha((unsigned char)s[1]) ||
		    s[1] == '/' || s[1] == '!');
	}
	return 0;
}

static void
flush(struct walker *w)
{
	struct pith_layout *l = w->l;
	struct pith_block *b;
	size_t end = l->text.len;

	/* Trim trailing spaces and newlines. */
	while (end > w->start && (l->text.p[end - 1] == ' ' ||
	    l->text.p[end - 1] == '\n' || l->text.p[end - 1] == '\t'))
		end--;
	if (w->block_elem < 0 || (end == w->start && !w->images)) {
		l->text.len = w->start;
		if (l->text.p)
			l->text.p[w->start] = '\0';
		if (l->want_md) {
			l->md.len = w->md_start;
			if (l->md.p)
				l->md.p[w->md_start] = '\0';
		}
		goto reset;
	}
	l->text.len = end;
	l->text.p[end] = '\0';
	if (l->nblocks == l->blocks_cap) {
		l->blocks_cap = l->blocks_cap ? l->blocks_cap * 2 : 256;
		l->blocks = xrealloc(l->blocks, l->blocks_cap * sizeof *l->blocks);
	}
	b = &l->blocks[l->nblocks++];
	memset(b, 0, sizeof *b);
	b->elem = w->block_elem;
	b->off = w->start;
	b->len = end - w->start;
	b->flags = w->block_flags;
	b->level = w->level;
	if (l->want_md) {
		b->md_off = w->md_start;
		b->md_len = l->md.len - w->md_start;
		pbuf_putc(&l->md, '\0');
	}
	count_words(b, l->text.p + b->off);
	/* A link around the whole block (a card) counts once. */
	b->links = w->links ? w->links : w->link_chars > 0;
	if (w->chars > 0)
		b->link_words = (int)((double)b->words * (double)w->link_chars /
		    (double)w->chars + 0.5);
	pbuf_putc(&l->text, '\0');	/* blocks are NUL-separated */
reset:
	w->start = l->text.len;
	w->md_start = l->md.len;
	w->block_elem = -1;
	w->block_flags = 0;
	w->level = 0;
	w->pending_space = 0;
	w->link_chars = w->chars = 0;
	w->links = 0;
	w->images = 0;
}

static void
open_block_if_needed(struct walker *w)
{
	if (w->block_elem < 0) {
		w->block_elem = w->cur_elem;
		w->start = w->l->text.len;
		w->md_start = w->l->md.len;
	}
}

/* Markdown syntax, only when rendering markdown. */
static void
put_md(struct walker *w, const char *s)
{
	if (w->l->want_md & PITH_RENDER_MARKDOWN)
		pbuf_puts(&w->l->md, s);
}

/* An opening inline marker goes after the space that precedes it:
 * "from `x`", not "from` x`". */
static void
open_md(struct walker *w, const char *s)
{
	struct pith_layout *l = w->l;

	if (!(l->want_md & PITH_RENDER_MARKDOWN))
		return;
	/* A marker that opens the block belongs to it ("**Note:** x"). */
	if (w->block_elem < 0)
		open_block_if_needed(w);
	if (w->pending_space && w->block_elem >= 0 && l->text.len > w->start) {
		pbuf_putc(&l->text, ' ');
		pbuf_putc(&l->md, ' ');
		w->pending_space = 0;
	}
	pbuf_puts(&l->md, s);
}

static void
add_text(struct walker *w, const char *s, size_t n)
{
	struct pith_layout *l = w->l;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!w->in_pre && (c == ' ' || c == '\n' || c == '\t' ||
		    c == '\r' || c == '\f')) {
			w->pending_space = 1;
			continue;
		}
		if (c == '\0')
			continue;
		open_block_if_needed(w);
		if (w->pending_space && l->text.len > w->start) {
			char last = l->text.p[l->text.len - 1];

			if (last != ' ' && last != '\n' && last != '\t') {
				pbuf_putc(&l->text, ' ');
				if (l->want_md)
					pbuf_putc(&l->md, ' ');
			}
		}
		w->pending_space = 0;
		pbuf_putc(&l->text, (char)c);
		if (l->want_md) {
			if ((l->want_md & PITH_RENDER_MARKDOWN) &&
			    !w->in_pre && (c == '*' || c == '_' || c == '`' ||
			    c == '[' || c == ']'))
				pbuf_putc(&l->md, '\\');
			pbuf_putc(&l->md, (char)c);
		}
		if (c != '\r' && c != '\n') {
			w->chars++;
			if (w->in_link)
				w->link_chars++;
		}
	}
}

static void
line_break(struct walker *w)
{
	if (w->block_elem >= 0 && w->l->text.len > w->start) {
		pbuf_putc(&w->l->text, '\n');
		if (w->l->want_md)
			pbuf_puts(&w->l->md,
			    w->l->want_md & PITH_RENDER_MARKDOWN ? "  \n" : "\n");
	}
	w->pending_space = 0;
}

static int
add_elem(struct walker *w, const GumboNode *n)
{
	struct pith_layout *l = w->l;
	struct pith_elem *e;

	if (l->nelems == l->elems_cap) {
		l->elems_cap = l->elems_cap ? l->elems_cap * 2 : 256;
		l->elems = xrealloc(l->elems, l->elems_cap * sizeof *l->elems);
	}
	e = &l->elems[l->nelems];
	memset(e, 0, sizeof *e);
	e->node = n;
	e->parent = w->cur_elem;
	e->depth = w->depth;
	e->first_block = -1;
	classify_elem(n, e);
	return (int)l->nelems++;
}

static void walk(struct walker *w, const GumboNode *n);

static void
walk_children(struct walker *w, const GumboNode *n)
{
	const GumboVector *c = &n->v.element.children;
	unsigned i;

	for (i = 0; i < c->length; i++)
		walk(w, c->data[i]);
}

/* <base href> in the head: relative targets resolve against it. */
static const char *
base_href(const GumboNode *root)
{
	const GumboVector *v;
	size_t i;

	if (root->type == GUMBO_NODE_DOCUMENT) {
		v = &root->v.document.children;
		for (i = 0; i < v->length; i++) {
			const GumboNode *c = v->data[i];

			if (c->type == GUMBO_NODE_ELEMENT &&
			    c->v.element.tag == GUMBO_TAG_HTML)
				return base_href(c);
		}
		return NULL;
	}
	if (root->type != GUMBO_NODE_ELEMENT)
		return NULL;
	v = &root->v.element.children;
	for (i = 0; i < v->length; i++) {
		const GumboNode *c = v->data[i];

		if (c->type != GUMBO_NODE_ELEMENT)
			continue;
		if (c->v.element.tag == GUMBO_TAG_HEAD)
			return base_href(c);
		if (c->v.element.tag == GUMBO_TAG_BASE)
			return pith_dom_attr(c, "href");
	}
	return NULL;
}

/* The page's address (base_url) joined with its <base href>, parsed
 * once into l->base; either alone when the other is missing or does
 * not parse, NULL when neither does. */
static void
set_base(struct pith_layout *l, const char *base_url, const GumboNode *root)
{
	const char *href = base_href(root);
	CURLU *u = curl_url(), *v;

	if (u == NULL)
		return;
	if (base_url && curl_url_set(u, CURLUPART_URL, base_url, 0) ==
	    CURLUE_OK)
		l->base = u;
	if (href && *href && (v = curl_url_dup(u)) != NULL) {
		if (curl_url_set(v, CURLUPART_URL, href, 0) == CURLUE_OK) {
			curl_url_cleanup(u);
			l->base = u = v;
		} else
			curl_url_cleanup(v);
	}
	if (l->base == NULL)
		curl_url_cleanup(u);
	else	/* RFC 3986 5.1: a base's fragment takes no part in joins
		 * (libcurl would keep it before a "?q=1"). */
		curl_url_set(l->base, CURLUPART_FRAGMENT, NULL, 0);
}

/* A target made absolute against l->base; as it stands when there is
 * no base or the join fails. "#notes" is the page itself: only the
 * fragment changes (a join would resolve it against the directory). */
static void
put_url(struct walker *w, const char *url)
{
	char *abs = NULL;
	CURLU *u;

	if (w->l->base && (u = curl_url_dup(w->l->base)) != NULL) {
		if ((*url == '#' ?
		    curl_url_set(u, CURLUPART_FRAGMENT, url + 1, 0) :
		    curl_url_set(u, CURLUPART_URL, url, 0)) != CURLUE_OK ||
		    curl_url_get(u, CURLUPART_URL, &abs, 0) != CURLUE_OK)
			abs = NULL;
		curl_url_cleanup(u);
	}
	pbuf_puts(&w->l->md, abs ? abs : url);
	curl_free(abs);
}

/* A link's target after its text: "(url)" closing markdown's
 * "[text]", " <url>" in plain text. Not for links inside <pre>. */
static void
render_target(struct walker *w, const char *href)
{
	struct pbuf *md = &w->l->md;

	if (w->l->want_md & PITH_RENDER_MARKDOWN) {
		pbuf_puts(md, "(");
		put_url(w, href);
		pbuf_puts(md, ")");
	} else if (!w->in_pre && w->block_elem >= 0) {
		pbuf_puts(md, " <");
		put_url(w, href);
		pbuf_puts(md, ">");
	}
}

/* An image where it stands: "![alt](src)" in markdown, "[image: alt]"
 * in plain text (with " <src>" when links are rendered too). The text
 * the extractor scores is left as it was. */
static void
render_image(struct walker *w, const GumboNode *n)
{
	const char *src = pith_dom_attr(n, "src");
	const char *alt = pith_dom_attr(n, "alt");
	struct pbuf *md = &w->l->md;
	int markdown = w->l->want_md & PITH_RENDER_MARKDOWN;
	size_t i;

	if (src == NULL || *src == '\0' || strncmp(src, "data:", 5) == 0)
		return;
	open_block_if_needed(w);
	if (w->pending_space || (md->len > w->md_start &&
	    md->p[md->len - 1] != ' ' && md->p[md->len - 1] != '\n'))
		pbuf_putc(md, ' ');
	pbuf_puts(md, markdown ? "![" : "[image");
	if (!markdown && alt && *alt)
		pbuf_puts(md, ": ");
	for (i = 0; alt && alt[i]; i++) {
		char c = alt[i];

		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
		if (markdown && (c == '[' || c == ']'))
			pbuf_putc(md, '\\');
		pbuf_putc(md, c);
	}
	pbuf_puts(md, "]");
	if (markdown || (w->l->want_md & PITH_RENDER_LINKS)) {
		pbuf_puts(md, markdown ? "(" : " <");
		put_url(w, src);
		pbuf_puts(md, markdown ? ")" : ">");
	}
	w->images++;
}

/* "- " in a <ul>, "3. " for the third item of an <ol> (counting from
 * its start attribute). */
static void
list_marker(struct walker *w, const GumboNode *n)
{
	const GumboNode *p = n->parent;
	const char *start;
	char buf[24];
	long k;
	size_t i;

	if (p == NULL || p->type != GUMBO_NODE_ELEMENT ||
	    p->v.element.tag != GUMBO_TAG_OL) {
		put_md(w, "- ");
		return;
	}
	start = pith_dom_attr(p, "start");
	k = start ? strtol(start, NULL, 10) : 1;
	if (k < 0 || k > 1000000)
		k = 1;
	for (i = 0; i < p->v.element.children.length; i++) {
		const GumboNode *c = p->v.element.children.data[i];

		if (c == n)
			break;
		if (c->type == GUMBO_NODE_ELEMENT &&
		    c->v.element.tag == GUMBO_TAG_LI)
			k++;
	}
	snprintf(buf, sizeof buf, "%ld. ", k);
	put_md(w, buf);
}

static void
walk_element(struct walker *w, const GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	int block = is_block_tag(t);
	/* <span class=credits> after a caption: a line of its own, and a
	 * photo credit, when short as credits are. (A block classed so
	 * may hold the caption too.) */
	int credit = !block && pith_dom_has_word(pith_dom_attr(n, "class"),
	    credit_words, 0) && subtree_text_bytes(n, 0) <= CREDIT_MAX_BYTES;
	int saved_elem = w->cur_elem;
	int saved_link = w->in_link;
	const char *md_close = NULL;
	char mdbuf[16];
	const char *href = NULL;

	if (t == GUMBO_TAG_TITLE)
		return;		/* the page's name, not its text (meta.c) */
	if (skipped_tag(t))
		return;
	if (t == GUMBO_TAG_NOSCRIPT && noscript_holds_markup(n))
		return;
	if (w->l->show_hidden_above > 0 && is_hidden(n)) {
		size_t bytes = subtree_text_bytes(n, 0);

		if (bytes <= w->l->show_hidden_above) {
			w->l->hidden_skipped++;
			w->l->hidden_bytes += bytes;
			return;
		}
	}
	if (t == GUMBO_TAG_BR) {
		line_break(w);
		return;
	}
	if (t == GUMBO_TAG_IMG) {
		if (w->l->want_md & PITH_RENDER_IMAGES)
			render_image(w, n);
		return;
	}
	if (t == GUMBO_TAG_WBR)
		return;
	if (credit)
		block = 1;
	if (block)
		flush(w);
	else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
		/* Cells of a row are one line, separated by tabs. */
		if (w->block_elem >= 0 && w->l->text.len > w->start) {
			pbuf_putc(&w->l->text, '\t');
			if (w->l->want_md & PITH_RENDER_MARKDOWN)
				put_md(w, " | ");
			else if (w->l->want_md)
				pbuf_putc(&w->l->md, '\t');
		}
		w->pending_space = 0;
	}
	w->depth++;
	w->cur_elem = add_elem(w, n);
	if (credit) {
		w->l->elems[w->cur_elem].flags |= E_BOILER;
		w->l->elems[w->cur_elem].cat = CAT_META;
	}
	if (block) {
		switch (t) {
		case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
		case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
			w->block_elem = w->cur_elem;
			w->start = w->l->text.len;
			w->md_start = w->l->md.len;
			w->block_flags |= B_HEADING;
			w->level = t - GUMBO_TAG_H1 + 1;
			snprintf(mdbuf, sizeof mdbuf, "%.*s ", w->level,
			    "######");
			put_md(w, mdbuf);
			break;
		case GUMBO_TAG_LI:
		case GUMBO_TAG_DT:
		case GUMBO_TAG_DD:
			w->block_elem = w->cur_elem;
			w->start = w->l->text.len;
			w->md_start = w->l->md.len;
			w->block_flags |= t == GUMBO_TAG_LI ? B_LI : B_DT;
			if (t == GUMBO_TAG_LI)
				list_marker(w, n);
			break;
		case GUMBO_TAG_PRE:
		case GUMBO_TAG_LISTING:
		case GUMBO_TAG_PLAINTEXT:
			w->block_elem = w->cur_elem;
			w->start = w->l->text.len;
			w->md_start = w->l->md.len;
			w->block_flags |= B_PRE;
			w->in_pre++;
			put_md(w, "```\n");
			break;
		case GUMBO_TAG_TR:
			w->block_elem = w->cur_elem;
			w->start = w->l->text.len;
			w->md_start = w->l->md.len;
			w->block_flags |= B_ROW;
			put_md(w, "| ");
			break;
		case GUMBO_TAG_FIGCAPTION:
		case GUMBO_TAG_CAPTION:
			w->block_flags |= B_CAPTION;
			break;
		case GUMBO_TAG_BLOCKQUOTE:
			w->in_quote++;
			break;
		default:
			/* <p class="wp-caption-text">, <div class=caption> */
			if (pith_dom_has_word(pith_dom_attr(n, "class"),
			    caption_words, 1))
				w->block_flags |= B_CAPTION;
			break;
		}
	} else {
		switch (t) {
		case GUMBO_TAG_A:
			href = pith_dom_attr(n, "href");
			if (href && *href) {
				w->in_link++;
				w->links++;
				if (w->l->want_md & PITH_RENDER_LINKS) {
					open_md(w, "[");
					md_close = "]";
				} else
					href = NULL;
			}
			break;
		case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_CITE:
			open_md(w, "*");
			md_close = "*";
			break;
		case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
			open_md(w, "**");
			md_close = "**";
			break;
		case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP:
			if (!w->in_pre) {
				open_md(w, "`");
				md_close = "`";
			}
			break;
		case GUMBO_TAG_UNKNOWN:
			/* <dropdown-item href="/c590">: a custom element
			 * that scripts make a link is a link. */
			if (!w->in_link && pith_dom_attr(n, "href")) {
				w->in_link++;
				w->links++;
			}
			break;
		default:
			break;
		}
	}
	if (w->depth < 1024)
		walk_children(w, n);
	if (md_close)
		put_md(w, md_close);
	if (href)
		render_target(w, href);
	if (block) {
		if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING ||
		    t == GUMBO_TAG_PLAINTEXT) {
			put_md(w, "\n```");
			w->in_pre--;
		}
		if (t == GUMBO_TAG_BLOCKQUOTE)
			w->in_quote--;
		if (t == GUMBO_TAG_TR && w->block_elem >= 0)
			put_md(w, " |");
		if (w->in_quote && w->block_elem >= 0)
			w->block_flags |= B_QUOTE;
		flush(w);
	} else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)
		w->pending_space = 1;
	w->in_link = saved_link;
	w->cur_elem = saved_elem;
	w->depth--;
}

static void
walk(struct walker *w, const GumboNode *n)
{
	switch (n->type) {
	case GUMBO_NODE_DOCUMENT:
		walk_children(w, n);
		break;
	case GUMBO_NODE_ELEMENT:
	case GUMBO_NODE_TEMPLATE:
		walk_element(w, n);
		break;
	case GUMBO_NODE_TEXT:
	case GUMBO_NODE_CDATA:
	case GUMBO_NODE_WHITESPACE:
		if (w->in_quote && w->block_elem < 0)
			w->block_flags |= B_QUOTE;
		add_text(w, n->v.text.text, strlen(n->v.text.text));
		break;
	default:
		break;
	}
}

void
pith_layout_build(const GumboNode *root, int want_md, int include_hidden,
    struct pith_layout *l)
{
	pith_layout_build_base(root, want_md,
	    include_hidden ? 0 : PITH_HIDDEN_NONE, NULL, l);
}

void
pith_layout_build_base(const GumboNode *root, int want_md,
    size_t show_hidden_above, const char *base_url, struct pith_layout *l)
{
	struct walker w;

	memset(l, 0, sizeof *l);
	if (want_md & (PITH_RENDER_LINKS | PITH_RENDER_IMAGES))
		set_base(l, base_url, root);
	l->want_md = want_md;
	l->show_hidden_above = show_hidden_above;
	l->region = -1;
	memset(&w, 0, sizeof w);
	w.l = l;
	w.cur_elem = -1;
	w.block_elem = -1;
	pbuf_reserve(&l->text, 4096);
	if (want_md)
		pbuf_reserve(&l->md, 4096);
	walk(&w, root);
	flush(&w);
}

void
pith_layout_free(struct pith_layout *l)
{
	curl_url_cleanup(l->base);
	free(l->elems);
	free(l->blocks);
	pbuf_free(&l->text);
	pbuf_free(&l->md);
	memset(l, 0, sizeof *l);
}
