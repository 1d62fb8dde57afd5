/* The whole strip path: bytes -> UTF-8 -> pre-pass -> tree -> blocks ->
 * main content -> rendered text. */
#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>

#include "dom.h"
#include "encoding.h"
#include "extract.h"
#include "htmlprep.h"
#include "layout.h"
#include "meta.h"
#include "normalize.h"
#include "strip.h"
#include "template.h"

static int
render_mask(const struct pith_strip_opts *o)
{
	return (o->markdown ? PITH_RENDER_MARKDOWN : 0) |
	    (o->keep & PITH_KEEP_LINKS ? PITH_RENDER_LINKS : 0) |
	    (o->keep & PITH_KEEP_IMAGES ? PITH_RENDER_IMAGES : 0);
}

static int
table_of(const struct pith_layout *l, const struct pith_block *b)
{
	int e;

	for (e = b->elem; e >= 0; e = l->elems[e].parent)
		if (l->elems[e].node->v.element.tag == GUMBO_TAG_TABLE)
			return e;
	return -1;
}

/* Markdown's table: rows on consecutive lines, a rule under the first. */
static int
continues_table(const struct pith_layout *l, const struct pith_block *prev,
    const struct pith_block *b)
{
	return prev && (prev->flags & B_ROW) && (b->flags & B_ROW) &&
	    table_of(l, prev) == table_of(l, b);
}

static void
table_rule(const struct pith_layout *l, const struct pith_block *b,
    struct pbuf *out)
{
	size_t i, cells = 1;

	for (i = 0; i < b->len; i++)
		cells += l->text.p[b->off + i] == '\t';
	pbuf_puts(out, "\n|");
	while (cells-- > 0)
		pbuf_puts(out, " --- |");
}

static void
render(const struct pith_layout *l, const struct pith_strip_opts *o,
    struct pbuf *out)
{
	const struct pith_block *prev = NULL;
	size_t i;

	for (i = 0; i < l->nblocks; i++) {
		const struct pith_block *b = &l->blocks[i];
		int row = o->markdown && (b->flags & B_ROW), more_rows;

		if (!b->keep)
			continue;
		/* A blank line between all blocks, list items and table
		 * rows included: each is a paragraph for the tools after.
		 * Markdown's tables are the exception. */
		more_rows = row && continues_table(l, prev, b);
		if (more_rows)
			pbuf_putc(out, '\n');
		else if (prev)
			pbuf_puts(out, "\n\n");
		if (l->want_md) {
			if (o->markdown && (b->flags & B_QUOTE) &&
			    !(b->flags & B_PRE))
				pbuf_puts(out, "> ");
			pbuf_append(out, l->md.p + b->md_off, b->md_len);
			if (row && !more_rows)
				table_rule(l, b, out);
		} else
			pbuf_append(out, l->text.p + b->off, b->len);
		prev = b;
	}
	if (out->len > 0)
		pbuf_putc(out, '\n');
}

/* "\t<div id=x class=y>": the element whose markup decided. */
static void
describe_elem(struct pbuf *out, const struct pith_elem *e)
{
	const char *cls = pith_dom_attr(e->node, "class");
	const char *id = pith_dom_attr(e->node, "id");
	const char *role = pith_dom_attr(e->node, "role");

	pbuf_printf(out, "\t<%s", gumbo_normalized_tagname(
	    e->node->v.element.tag));
	if (id)
		pbuf_printf(out, " id=%.40s", id);
	if (cls)
		pbuf_printf(out, " class=%.60s", cls);
	if (role)
		pbuf_printf(out, " role=%.20s", role);
	pbuf_putc(out, '>');
}

static void
explain(const struct pith_layout *l, struct pbuf *out)
{
	size_t i;

	if (l->region >= 0) {
		const struct pith_elem *e = &l->elems[l->region];
		const char *cls = pith_dom_attr(e->node, "class");
		const char *id = pith_dom_attr(e->node, "id");

		pbuf_printf(out, "# region: <%s%s%s%s%s%s> words=%d score=%.1f\n",
		    gumbo_normalized_tagname(e->node->v.element.tag),
		    id ? " id=" : "", id ? id : "", cls ? " class=" : "",
		    cls ? cls : "", "", e->words, e->score);
	}
	for (i = 0; i < l->nblocks; i++) {
		const struct pith_block *b = &l->blocks[i];
		const GumboNode *n = l->elems[b->elem].node;
		const char *s = l->text.p + b->off;
		size_t k, shown = b->len > 72 ? 72 : b->len;

		pbuf_printf(out, "%s\t%-16s\t%s\tw=%d ld=%.2f g=%.1f\t",
		    b->keep ? "keep" : "drop", pith_cat_name(b->cat),
		    gumbo_normalized_tagname(n->v.element.tag), b->words,
		    b->words ? (double)b->link_words / b->words : 0.0, b->g);
		for (k = 0; k < shown; k++)
			pbuf_putc(out, s[k] == '\n' || s[k] == '\t' ? ' ' : s[k]);
		pbuf_puts(out, shown < b->len ? "..." : "");
		if (b->why >= 0)
			describe_elem(out, &l->elems[b->why]);
		pbuf_putc(out, '\n');
	}
}

#define MIN_VISIBLE_WORDS 30
/* Hidden text this many times the visible text means the page itself
 * is what is hidden. */
#define HIDDEN_MAJORITY 2
/* A page whose chosen text is a line of fewer words ("You need to enable
 * JavaScript to run this app.", "View more on example.com", a price) has
 * no main content: its text is built by scripts, or it has none. A
 * product's name and price beside its JSON-LD description are kept. */
#define MIN_MAIN_WORDS 10

static void
select_content(struct pith_layout *l, const struct pith_strip_opts *o)
{
	l->region = pith_extract_region(l, o->bias);
	pith_extract_select(l, l->region, o->bias, o->keep);
}

/* Short blocks seen on other pages of the same host are the site's
 * template; long ones are the page's own even when quoted elsewhere. */
#define TEMPLATE_MAX_WORDS 40

static void
apply_templates(struct pith_layout *l, const struct pith_strip_opts *o,
    struct pith_strip_result *r)
{
	size_t i;

	r->keys = xcalloc(l->nblocks ? l->nblocks : 1, sizeof *r->keys);
	for (i = 0; i < l->nblocks; i++) {
		struct pith_block *b = &l->blocks[i];

		r->keys[r->nkeys++] = pith_templates_block_key(
		    l->text.p + b->off, b->len);
		if (b->keep && b->words < TEMPLATE_MAX_WORDS &&
		    !(b->flags & B_HEADING && b->level == 1) &&
		    pith_templates_is_boilerplate_key(o->templates,
		    o->host ? o->host : "", r->keys[i])) {
			b->keep = 0;
			b->cat = CAT_TEMPLATE;
		}
	}
}

/* Product pages often carry their description only in JSON-LD (the
 * visible one sits in a script-driven tab): put it first when the page
 * text lacks it. */
#define PRODUCT_TEXT_MIN 40

/* mark, then s, as the text's first block. */
static void
prepend_block(struct pbuf *text, const char *mark, const char *s)
{
	struct pbuf t = PBUF_INIT;

	pbuf_puts(&t, mark);
	pbuf_puts(&t, s);
	pbuf_puts(&t, text->len ? "\n\n" : "\n");
	pbuf_append(&t, text->p ? text->p : "", text->len);
	pbuf_free(text);
	*text = t;
}

static void
add_product_text(struct pith_strip_result *r)
{
	const char *d = r->meta.product_text;

	if (d == NULL || strlen(d) < PRODUCT_TEXT_MIN)
		return;
	if (r->text.p && memmem(r->text.p, r->text.len, d, PRODUCT_TEXT_MIN))
		return;
	prepend_block(&r->text, "", d);
}

/* Pages mix composed and decomposed forms of the same letters (a
 * decomposed "য়" in one paragraph, a precomposed one in the next); the
 * text comes out in NFC, the form the W3C asks of web text, so that
 * equal words compare equal downstream. */
static void
compose_text(struct pbuf *text)
{
	struct pbuf nfc = PBUF_INIT;
	size_t i;

	for (i = 0; i < text->len; i++)
		if ((unsigned char)text->p[i] >= 0x80)
			break;
	if (i == text->len)
		return;
	if (pith_norm_form(PITH_NFC, 0, text->p, text->len, &nfc) == 0) {
		pbuf_free(text);
		*text = nfc;
	} else
		pbuf_free(&nfc);
}

/* --keep title: the page's title first, unless the text already
 * opens with it (the headline is usually the title). */
static void
add_title(struct pith_strip_result *r, const struct pith_strip_opts *o)
{
	const char *t = r->meta.title;
	size_t n;

	if (t == NULL || *t == '\0')
		return;
	n = strlen(t);
	if (r->text.len >= n && memcmp(r->text.p + (o->markdown &&
	    r->text.len >= n + 2 && memcmp(r->text.p, "# ", 2) == 0 ? 2 : 0),
	    t, n) == 0)
		return;
	prepend_block(&r->text, o->markdown ? "# " : "", t);
}

static size_t
kept_words(const struct pith_layout *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->nblocks; i++)
		if (l->blocks[i].keep)
			n += (size_t)l->blocks[i].words;
	return n;
}

static void
drop_all(struct pith_layout *l)
{
	size_t i;

	for (i = 0; i < l->nblocks; i++)
		if (l->blocks[i].keep) {
			l->blocks[i].keep = 0;
			l->blocks[i].cat = CAT_SHORT;
			l->blocks[i].why = -1;
		}
}

int
pith_strip_html(const char *html, size_t len, const struct pith_strip_opts *o,
    struct pith_strip_result *r, const char **err)
{
	struct pith_htmlprep prep;
	struct pbuf utf8 = PBUF_INIT;
	struct pith_dom dom;
	struct pith_layout l;
	const char *doc;
	size_t doclen, i;

	memset(r, 0, sizeof *r);
	r->encoding = pith_sniff_html(html, len, o->transport_charset);
	if (strcmp(r->encoding, "UTF-8") == 0 && len >= 3 &&
	    memcmp(html, "\xEF\xBB\xBF", 3) == 0) {
		html += 3;	/* the BOM is not text */
		len -= 3;
	}
	if (strcmp(r->encoding, "UTF-8") != 0 || !pith_utf8_valid(html, len)) {
		r->replacements = pith_decode(r->encoding, html, len, &utf8);
		html = utf8.p ? utf8.p : "";
		len = utf8.len;
	}
	pith_htmlprep_run(html, len, &prep);
	doc = prep.html.p ? prep.html.p : "";
	doclen = prep.html.len;
	if (doclen == len && memcmp(doc, html, len) == 0) {
		/* Nothing taken out (markup without scripts or styles):
		 * parse the page itself and spare a copy of it. */
		pbuf_free(&prep.html);
		doc = html;
	} else
		pbuf_free(&utf8);
	r->depth_cut = prep.depth_cut;
	r->attrs_cut = prep.attrs_cut;
	if (pith_dom_parse(doc, doclen, &dom) == -1) {
		pith_htmlprep_free(&prep);
		pbuf_free(&utf8);
		*err = "HTML parser failed";
		return -1;
	}
	for (i = 0; i < prep.njsonld; i++)
		pith_meta_from_jsonld(prep.jsonld[i].p, prep.jsonld[i].len,
		    &r->meta);
	pith_meta_from_tree(dom.out->root, &r->meta);
	pith_layout_build_base(dom.out->root, render_mask(o), PITH_HIDDEN_NONE,
	    o->base_url, &l);
	if (o->all) {
		for (i = 0; i < l.nblocks; i++)
			l.blocks[i].keep = 1, l.blocks[i].cat = CAT_CONTENT;
	} else {
		select_content(&l, o);
		if (l.hidden_skipped && kept_words(&l) < MIN_VISIBLE_WORDS) {
			/* Little visible text but hidden elements: a page
			 * whose script reveals its content. Read it all. */
			pith_layout_free(&l);
			pith_layout_build_base(dom.out->root, render_mask(o),
			    0, o->base_url, &l);
			select_content(&l, o);
		} else if (l.hidden_bytes > HIDDEN_MAJORITY * l.text.len) {
			/* Most of the text hidden: a snapshot taken with a
			 * dialog open, which hides the page behind it. Read
			 * a hidden element holding most of the page. */
			size_t half = (l.text.len + l.hidden_bytes) / 2;

			pith_layout_free(&l);
			pith_layout_build_base(dom.out->root, render_mask(o),
			    half, o->base_url, &l);
			select_content(&l, o);
		}
		if (o->templates)
			apply_templates(&l, o, r);
		if (kept_words(&l) < MIN_MAIN_WORDS && !r->meta.product_text)
			drop_all(&l);
	}
	/* The tree is the largest thing held (several times the page):
	 * let it go before the text is rendered, unless markdown's tables
	 * or the explanation still look at its elements. */
	if (!o->markdown && !o->explain) {
		pith_dom_free(&dom);
		pith_htmlprep_free(&prep);
		pbuf_free(&utf8);
	}
	render(&l, o, &r->text);
	if (!o->all)
		add_product_text(r);
	if (o->keep & PITH_KEEP_TITLE)
		add_title(r, o);
	compose_text(&r->text);
	if (o->explain)
		explain(&l, &r->explain);
	r->blocks = l.nblocks;
	for (i = 0; i < l.nblocks; i++)
		r->kept += l.blocks[i].keep;
	pith_layout_free(&l);
	pith_dom_free(&dom);
	pith_htmlprep_free(&prep);
	pbuf_free(&utf8);
	return 0;
}

void
pith_strip_result_free(struct pith_strip_result *r)
{
	pbuf_free(&r->text);
	pbuf_free(&r->explain);
	pith_meta_free(&r->meta);
	free(r->keys);
	memset(r, 0, sizeof *r);
}
