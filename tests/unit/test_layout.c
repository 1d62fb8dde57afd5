/* lib/layout.c: from a parsed page to text blocks. Block boundaries per
 * element kind, inline elements joined without invented spaces, <br>,
 * <pre>, table rows and cells, list items, whitespace and entities,
 * hidden elements, markdown, and the boilerplate categories read from
 * tag, class, id and role. Every page here is a few lines written for
 * the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dom.h"
#include "layout.h"
#include "tap.h"

/* A known bug in a file under active work elsewhere: reported, not
 * counted as a failure. Says so when the bug is gone. */
static void
todo(int cond, const char *what)
{
	tap_ok(1, "%s # SKIP TODO known bug%s", what,
	    cond ? " (passes now: make it a real test)" : "");
}

struct lay {
	struct pith_dom dom;
	struct pith_layout l;
};

static void
lay_build(struct lay *x, const char *html, int want_md, int include_hidden)
{
	if (pith_dom_parse(html, strlen(html), &x->dom) != 0) {
		printf("# parse failed\n");
		exit(1);
	}
	pith_layout_build(x->dom.out->root, want_md, include_hidden, &x->l);
}

static void
lay_free(struct lay *x)
{
	pith_layout_free(&x->l);
	pith_dom_free(&x->dom);
}

/* The blocks of a page as "[one][two]" (plain text or markdown). */
static char *
blocks_of(const char *html, int want_md, int include_hidden)
{
	struct lay x;
	struct pbuf b = PBUF_INIT;
	size_t i;

	lay_build(&x, html, want_md, include_hidden);
	pbuf_puts(&b, "");
	for (i = 0; i < x.l.nblocks; i++) {
		const struct pith_block *k = &x.l.blocks[i];

		pbuf_putc(&b, '[');
		if (want_md)
			pbuf_append(&b, x.l.md.p + k->md_off, k->md_len);
		else
			pbuf_append(&b, x.l.text.p + k->off, k->len);
		pbuf_putc(&b, ']');
	}
	lay_free(&x);
	return b.p;
}

/* Blocks of the body's markup (wrapped in a minimal page). */
static void
check(const char *body, const char *want, const char *what)
{
	char *got = blocks_of(body, 0, 0);

	tap_is(got, want, "%s", what);
	free(got);
}

static void
check_md(const char *body, const char *want, const char *what)
{
	char *got = blocks_of(body, PITH_RENDER_MARKDOWN, 0);

	tap_is(got, want, "markdown: %s", what);
	free(got);
}

/* --- block boundaries ------------------------------------------------- */

static void
test_blocks(void)
{
	check("<p>one</p><p>two</p>", "[one][two]", "</p><p>: two blocks");
	check("<p>one</p>\n\n  <p>two</p>", "[one][two]",
	    "whitespace between paragraphs makes no block");
	check("<div>a</div><div>b</div>", "[a][b]",
	    "<div>a</div><div>b</div>: not glued into 'ab'");
	check("<section>a</section><article>b</article><aside>c</aside>"
	    "<header>d</header><footer>e</footer><nav>f</nav><main>g</main>",
	    "[a][b][c][d][e][f][g]", "sectioning elements are blocks");
	check("<h1>Title</h1><h2>Sub</h2><h6>Small</h6>text",
	    "[Title][Sub][Small][text]", "headings are blocks");
	check("<blockquote>q</blockquote><address>adr</address>"
	    "<figure>fig<figcaption>cap</figcaption></figure>",
	    "[q][adr][fig][cap]", "blockquote, address, figure, figcaption");
	check("<dl><dt>term</dt><dd>definition</dd></dl>", "[term][definition]",
	    "<dt> and <dd> are blocks");
	check("<details><summary>More</summary>hidden detail</details>",
	    "[More][hidden detail]", "<details> and <summary>");
	check("before<hr>after", "[before][after]", "<hr> separates");
	check("a<div>b</div>c", "[a][b][c]",
	    "text around a <div> is three blocks");
	check("<div>outer <div>inner</div> tail</div>", "[outer][inner][tail]",
	    "a nested block splits its parent's text");
	check("<form>Search <fieldset><legend>Where</legend>x</fieldset></form>",
	    "[Search][Where][x]", "form, fieldset, legend");
	check("<p>one</p><p></p><p>  </p><div><span></span></div><p>two</p>",
	    "[one][two]", "empty and blank elements make no block");
	check("", "", "empty document: no blocks");
	check("<title>The title</title><p>body</p>", "[body]",
	    "<title> is not a block of the page");
}

static void
test_inline(void)
{
	check("<p>foo<b>bar</b></p>", "[foobar]",
	    "foo<b>bar</b>: no invented space");
	check("<p>foo <b>bar</b></p>", "[foo bar]", "foo <b>bar</b>");
	check("<p>foo<b> bar</b></p>", "[foo bar]", "foo<b> bar</b>");
	check("<p><i>foo</i> <i>bar</i></p>", "[foo bar]",
	    "space between two inline elements kept");
	check("<p><span>ab</span><span>cd</span></p>", "[abcd]",
	    "adjacent spans join");
	check("<p>un<em>believ</em><strong>able</strong>!</p>",
	    "[unbelievable!]", "word split over several inline elements");
	check("<p>Read <a href=\"/x\">the report</a>, then vote.</p>",
	    "[Read the report, then vote.]", "link inside a sentence");
	check("<p>H<sub>2</sub>O and x<sup>2</sup></p>", "[H2O and x2]",
	    "<sub> and <sup> join");
	check("<p>a<img src=x.png alt=\"picture\">b</p>", "[ab]",
	    "<img> adds no text and no space (alt is not text)");
	check("<p>Click <button>OK</button> to go</p>", "[Click to go]",
	    "<button> text is not laid out, one space remains");
	check("<p>Name <input value=zzz> <select><option>x</option></select>"
	    "<textarea>typed</textarea> end</p>", "[Name end]",
	    "form controls are not laid out");
	check("<p>a<iframe src=x>frame</iframe>b <video>no video</video>c</p>",
	    "[ab c]", "iframe and video are not laid out");
	check("<p>x<wbr>y</p>", "[xy]", "<wbr> joins");
}

static void
test_whitespace(void)
{
	check("<p>  a \n\t  b   </p>", "[a b]",
	    "runs of spaces, tabs and newlines collapse to one space");
	check("<p>\n  leading and trailing  \n</p>", "[leading and trailing]",
	    "leading and trailing whitespace trimmed");
	check("<p>a\r\nb</p>", "[a b]", "CR LF collapses");
	check("<p>a <span> </span> b</p>", "[a b]",
	    "whitespace across inline elements is still one space");
	check("<p>&amp; &lt;b&gt; caf&eacute; it&#8217;s &#x2014; &quot;q&quot;</p>",
	    "[& <b> caf\xC3\xA9 it\xE2\x80\x99s \xE2\x80\x94 \"q\"]",
	    "named, decimal and hex entities decoded");
	check("<p>a&nbsp;b</p>", "[a\xC2\xA0" "b]",
	    "&nbsp; is a no-break space, not collapsed into the words");
	check("<p>5 &lt; 6</p>", "[5 < 6]", "escaped '<' is text");
}

static void
test_br(void)
{
	check("<p>line one<br>line two</p>", "[line one\nline two]",
	    "<br> is a line break inside the block");
	check("<p>a <br> b</p>", "[a\nb]", "spaces around <br> dropped");
	check("<p><br>a</p>", "[a]", "leading <br> adds nothing");
	check("<p>a<br><br/></p>", "[a]", "trailing <br>s trimmed");
	check("<address>Harbour Road 4<br>Kellsby<br>KB1 2XY</address>",
	    "[Harbour Road 4\nKellsby\nKB1 2XY]", "address lines");
}

static void
test_pre(void)
{
	check("<pre>  x = 1\n    y  =  2\n</pre>", "[  x = 1\n    y  =  2]",
	    "<pre>: spaces and newlines kept, trailing newline trimmed");
	check("<pre><code>if (a)\n\treturn  b;</code></pre>",
	    "[if (a)\n\treturn  b;]", "<pre><code>: tabs and spaces kept");
	check("<pre>\nfirst</pre>", "[first]",
	    "newline right after <pre> is dropped (HTML rule)");
	check("<pre>a</pre><p>b   c</p>", "[a][b c]",
	    "collapsing resumes after </pre>");
	check("<pre>a<b>b</b>\n<i>c</i></pre>", "[ab\nc]",
	    "inline markup inside <pre>");
}

static void
test_tables(void)
{
	check("<table><tr><td>a</td><td>b</td></tr>"
	    "<tr><th>c</th><td>d e</td></tr></table>",
	    "[a\tb][c\td e]", "one block per row, cells separated by a tab");
	check("<table>\n <tr>\n  <td> a </td>\n  <td> b </td>\n </tr>\n</table>",
	    "[a\tb]", "whitespace around cells is not text");
	check("<table><thead><tr><th>Key</th><th>Value</th></tr></thead>"
	    "<tbody><tr><td>interval</td><td>600</td></tr></tbody></table>",
	    "[Key\tValue][interval\t600]", "thead and tbody rows");
	check("<table><tr><td>a</td><td></td><td>c</td></tr></table>",
	    "[a\t\tc]", "an empty cell in the middle keeps its column");
	check("<table><caption>Tides</caption><tr><td>high</td></tr></table>",
	    "[Tides][high]", "caption is its own block");
	{
		/* layout.c bug: a <p> inside a cell flushes the row. */
		char *got = blocks_of("<table><tr><td><p>x</p></td><td><p>y</p>"
		    "</td></tr></table>", 0, 0);

		todo(strcmp(got, "[x\ty]") == 0,
		    "paragraphs inside cells: still one row, cells tab-separated");
		free(got);
	}
	check("<table><tr><td><b>bold</b> cell</td><td>x<br>y</td></tr></table>",
	    "[bold cell\tx\ny]", "inline markup and <br> inside cells");
}

static void
test_lists(void)
{
	check("<ul><li>one</li><li>two</li></ul>", "[one][two]",
	    "each list item is a block");
	check("<ol><li>one<li>two<li>three</ol>", "[one][two][three]",
	    "unclosed <li>s");
	check("<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>",
	    "[outer][inner][next]", "nested lists");
	check("<ul><li><a href=/a>Home</a></li><li><a href=/b>News</a></li></ul>",
	    "[Home][News]", "menu items: no 'HomeNews'");
}

/* --- block properties --------------------------------------------------- */

static void
test_block_flags(void)
{
	struct lay x;

	lay_build(&x, "<h1>A</h1><h3>B</h3><ul><li>C</li></ul><pre>D</pre>"
	    "<table><tr><td>E</td></tr></table><blockquote><p>F</p></blockquote>"
	    "<figure><figcaption>G</figcaption></figure><dl><dt>H</dt><dd>I</dd>"
	    "</dl><p>J</p><blockquote>K</blockquote>", 0, 0);
	tap_is_int(x.l.nblocks, 11, "flags page: eleven blocks");
	if (x.l.nblocks == 11) {
		struct pith_block *b = x.l.blocks;

		tap_ok((b[0].flags & B_HEADING) && b[0].level == 1,
		    "<h1>: heading, level 1");
		tap_ok((b[1].flags & B_HEADING) && b[1].level == 3,
		    "<h3>: heading, level 3");
		tap_ok(b[2].flags & B_LI, "<li>: list item");
		tap_ok(b[3].flags & B_PRE, "<pre>: preformatted");
		tap_ok(b[4].flags & B_ROW, "<tr>: table row");
		tap_ok(b[5].flags & B_QUOTE, "<blockquote><p>: quote");
		tap_ok(b[6].flags & B_CAPTION, "<figcaption>: caption");
		tap_ok((b[7].flags & B_DT) && (b[8].flags & B_DT),
		    "<dt>, <dd>: definition list");
		tap_ok(b[9].flags == 0 && b[9].level == 0,
		    "<p>: no flags, no level");
		tap_ok(b[10].flags & B_QUOTE, "bare text in <blockquote>: quote");
	}
	lay_free(&x);

	lay_build(&x, "<p>Hello, world. It's a well-known test-case, isn't it!"
	    "</p><p>Read <a href=\"/x\">this story</a> now</p>"
	    "<p><a href=\"/a\">one</a> <a href=\"/b\">two</a></p>"
	    "<p>x<a>anchor without href</a></p>", 0, 0);
	if (x.l.nblocks == 4) {
		struct pith_block *b = x.l.blocks;

		tap_is_int(b[0].words, 8, "words: apostrophes and hyphens "
		    "inside a word do not split it");
		tap_is_int(b[0].sentences, 2, "sentences: '.' and '!' after a "
		    "word");
		tap_is_int(b[0].commas, 2, "commas counted");
		tap_is_int(b[0].links, 0, "no links");
		tap_is_int(b[1].words, 4, "link sentence: four words");
		tap_is_int(b[1].links, 1, "link sentence: one link");
		tap_is_int(b[1].link_words, 2, "link sentence: two link words");
		tap_is_int(b[2].links, 2, "two links counted");
		tap_is_int(b[2].link_words, 2, "all words are link words");
		tap_is_int(b[3].links, 0, "<a> without href is not a link");
		tap_is_int(b[3].link_words, 0, "... nor are its words");
	} else
		tap_ok(0, "counts page: four blocks (got %zu)", x.l.nblocks);
	lay_free(&x);

	/* Each block names the element that owns it. */
	lay_build(&x, "<div data-t=\"box\"><p data-t=\"para\">in p</p>"
	    "loose</div><ul><li data-t=\"item\">in <b>li</b></li></ul>", 0, 0);
	if (x.l.nblocks == 3) {
		const char *a = pith_dom_attr(x.l.elems[x.l.blocks[0].elem].node,
		    "data-t");
		const char *b = pith_dom_attr(x.l.elems[x.l.blocks[1].elem].node,
		    "data-t");
		const char *c = pith_dom_attr(x.l.elems[x.l.blocks[2].elem].node,
		    "data-t");

		tap_is(a, "para", "owner of a paragraph's block is the <p>");
		tap_is(b, "box", "owner of loose text is its <div>");
		tap_is(c, "item", "owner of a list item with inline markup is "
		    "the <li>");
	} else
		tap_ok(0, "owner page: three blocks (got %zu)", x.l.nblocks);
	/* Parents: the <p> is below the <div>. */
	if (x.l.nblocks == 3) {
		int p = x.l.blocks[0].elem, d = x.l.blocks[1].elem;

		tap_ok(x.l.elems[p].parent == d &&
		    x.l.elems[p].depth == x.l.elems[d].depth + 1,
		    "element tree: parent and depth");
	} else
		tap_ok(0, "element tree");
	lay_free(&x);

	/* The <title> is the page's name (the metadata reads it), not a
	 * block, even when a page puts one in its body. */
	check("<html><head><title>Page title</title></head><body><p>x</p>"
	    "<title>Stray</title></body></html>", "[x]",
	    "<title> text is not a block, in the head or the body");
}

/* --- hidden elements ---------------------------------------------------- */

static void
test_hidden(void)
{
	static const char *const pages[] = {
		"<p>shown</p><p hidden>secret</p>",
		"<p>shown</p><div aria-hidden=\"true\"><p>secret</p></div>",
		"<p>shown</p><div aria-hidden=\"TRUE\">secret</div>",
		"<p>shown</p><div style=\"display:none\">secret</div>",
		"<p>shown</p><div style=\"color: red; DISPLAY : None\">secret</div>",
		"<p>shown</p><span style=\"visibility: hidden\">secret</span>",
		"<p>shown</p><span class=\"sr-only\">secret</span>",
		"<p>shown</p><span class=\"screen-reader-text\">secret</span>",
		"<p>shown</p><span class=\"label visually-hidden\">secret</span>",
		"<p>shown</p><span class=\"visuallyhidden\">secret</span>",
		NULL
	};
	static const char *const names[] = {
		"hidden attribute", "aria-hidden=true", "aria-hidden=TRUE",
		"style display:none", "style with spaces and capitals",
		"style visibility:hidden", "class sr-only",
		"class screen-reader-text", "class visually-hidden",
		"class visuallyhidden"
	};
	size_t i;
	struct lay x;

	for (i = 0; pages[i]; i++) {
		char *got = blocks_of(pages[i], 0, 0);
		char *all = blocks_of(pages[i], 0, 1);

		tap_is(got, "[shown]", "hidden (%s): not laid out", names[i]);
		tap_ok(strstr(all, "secret") != NULL,
		    "hidden (%s): laid out with include_hidden", names[i]);
		free(got);
		free(all);
	}
	check("<p>shown</p><div aria-hidden=\"false\">visible</div>",
	    "[shown][visible]", "aria-hidden=false is visible");
	check("<p style=\"display:block\">visible</p>", "[visible]",
	    "display:block is visible");
	check("<p class=\"hidden-xs\">visible</p>", "[visible]",
	    "responsive class 'hidden-xs' is not hidden");
	check("<p>a <span hidden>secret</span>b</p>", "[a b]",
	    "hidden inline element inside a sentence");

	lay_build(&x, "<div hidden><p>one</p><p>two</p></div><p hidden>three</p>"
	    "<p>four</p>", 0, 0);
	tap_is_int(x.l.hidden_skipped, 2, "hidden_skipped counts the hidden "
	    "elements not walked (not their children)");
	tap_is_int(x.l.nblocks, 1, "only the visible block");
	lay_free(&x);
	lay_build(&x, "<div hidden><p>one</p><p>two</p></div><p hidden>three</p>"
	    "<p>four</p>", 0, 1);
	tap_is_int(x.l.hidden_skipped, 0, "include_hidden: nothing skipped");
	tap_is_int(x.l.nblocks, 4, "include_hidden: all four blocks");
	lay_free(&x);
}

/* --- markdown ----------------------------------------------------------- */

static void
test_markdown(void)
{
	check_md("<h2>Sub</h2>", "[## Sub]", "heading");
	check_md("<ul><li>a</li><li>b</li></ul>", "[- a][- b]", "list items");
	check_md("<p>a <b>bold</b> and <em>em</em></p>",
	    "[a **bold** and *em*]", "strong and emphasis");
	check_md("<p>see <a href=\"https://x.example/\">the site</a></p>",
	    "[see the site]", "link text alone unless links are rendered");
	{
		char *got = blocks_of("<p>see <a href=\"https://x.example/\">the "
		    "site</a></p>", PITH_RENDER_MARKDOWN | PITH_RENDER_LINKS, 0);

		tap_is(got, "[see [the site](https://x.example/)]",
		    "markdown: link with its target");
		free(got);
	}
	check_md("<p>from <code>x</code></p>", "[from `x`]",
	    "inline code: the space stays before the marker");
	check_md("<pre>a  *b*</pre>", "[```\na  *b*\n```]",
	    "code block, nothing escaped inside");
	check_md("<p>2 * 3 = [six]</p>", "[2 \\* 3 = \\[six\\]]",
	    "markdown characters in text escaped");
	check_md("<table><tr><td>a</td><td>b</td></tr></table>",
	    "[| a | b |]", "table row");
	check_md("<p>a<br>b</p>", "[a  \nb]", "<br> as a hard line break");
	{
		char *got = blocks_of("<ol><li>first</li><li>second</li></ol>"
		    "<ol start=\"7\"><li>x</li></ol>", PITH_RENDER_MARKDOWN, 0);

		tap_is(got, "[1. first][2. second][7. x]",
		    "markdown: ordered list items numbered, from start=");
		free(got);
	}
	/* A marker opened before the block's first character belongs to
	 * the block (it was once lost). */
	{
		char *got = blocks_of("<p><strong>Note:</strong> x</p>"
		    "<p><a href=\"/y\">Link</a> text</p>",
		    PITH_RENDER_MARKDOWN | PITH_RENDER_LINKS, 0);

		tap_is(got, "[**Note:** x][[Link](/y) text]",
		    "markdown: emphasis or link opening a paragraph keeps its "
		    "opening marker");
		free(got);
	}
}

/* Link and image targets beside the plain text, made absolute. */
static void
test_targets(void)
{
	static const char page[] = "<p>see <a href=\"/a\">A</a>, "
	    "<a href=\"b?x=1\">B</a>, <a href=\"../up\">U</a> and "
	    "<a href=\"mailto:x@y.example\">M</a></p>";
	struct lay x;

	if (pith_dom_parse(page, strlen(page), &x.dom) != 0)
		exit(1);
	pith_layout_build_base(x.dom.out->root, PITH_RENDER_LINKS,
	    PITH_HIDDEN_NONE,
	    "https://x.example/dir/page.html", &x.l);
	tap_ok(x.l.nblocks == 1 && strcmp(x.l.md.p + x.l.blocks[0].md_off,
	    "see A <https://x.example/a>, B <https://x.example/dir/b?x=1>, "
	    "U <https://x.example/up> and M <mailto:x@y.example>") == 0,
	    "plain text with links: targets after the text, made absolute");
	tap_ok(x.l.nblocks == 1 && strcmp(x.l.text.p + x.l.blocks[0].off,
	    "see A, B, U and M") == 0, "... and the scored text unchanged");
	lay_free(&x);

	{
		/* libcurl's URL join alone would lose the page's file
		 * name. */
		static const char frag[] = "<p>go <a href=\"#notes\">N</a></p>";

		if (pith_dom_parse(frag, strlen(frag), &x.dom) != 0)
			exit(1);
		pith_layout_build_base(x.dom.out->root, PITH_RENDER_LINKS,
	    PITH_HIDDEN_NONE,
		    "https://x.example/dir/page.html", &x.l);
		tap_ok(x.l.nblocks == 1 && strcmp(x.l.md.p +
		    x.l.blocks[0].md_off, "go N <https://x.example/dir/"
		    "page.html#notes>") == 0, "a '#fragment' target resolves "
		    "to the page itself (RFC 3986)");
		lay_free(&x);
	}
	check_md("<p>x <img src=\"i.png\" alt=\"a [b]\"> y</p>", "[x y]",
	    "images not rendered unless asked");
	{
		char *got = blocks_of("<p>x <img src=\"i.png\" alt=\"a [b]\"> y"
		    "<img src=\"data:image/png;base64,AAAA\" alt=\"inline\"></p>",
		    PITH_RENDER_MARKDOWN | PITH_RENDER_IMAGES, 0);

		tap_is(got, "[x ![a \\[b\\]](i.png) y]",
		    "markdown image, brackets in alt escaped, data: URLs left out");
		free(got);
		got = blocks_of("<p>x <img src=\"i.png\" alt=\"alt text\"> y</p>",
		    PITH_RENDER_IMAGES, 0);
		tap_is(got, "[x [image: alt text] y]", "plain image placeholder");
		free(got);
	}
}

/* --- categories --------------------------------------------------------- */

/* Category and flags of the element carrying data-t="t". */
static enum pith_cat
cat_of(const char *html, unsigned *flags)
{
	struct lay x;
	enum pith_cat c = CAT_COUNT;
	size_t i;

	lay_build(&x, html, 0, 0);
	*flags = 0;
	for (i = 0; i < x.l.nelems; i++) {
		const char *t = pith_dom_attr(x.l.elems[i].node, "data-t");

		if (t && strcmp(t, "t") == 0) {
			*flags = x.l.elems[i].flags;
			c = (x.l.elems[i].flags & E_BOILER) ? x.l.elems[i].cat :
			    CAT_NONE;
			break;
		}
	}
	lay_free(&x);
	return c;
}

static void
cat_is(const char *open_tag_attrs, const char *tag, enum pith_cat want,
    const char *what)
{
	char html[512];
	unsigned flags;
	enum pith_cat got;

	snprintf(html, sizeof html, "<%s data-t=t %s><p>text</p></%s>", tag,
	    open_tag_attrs, tag);
	got = cat_of(html, &flags);
	tap_ok(got == want, "category: %s", what);
	if (got != want)
		printf("#   %s: got %s, want %s\n", html, pith_cat_name(got),
		    pith_cat_name(want));
}

static void
test_categories(void)
{
	unsigned flags;

	/* tags and roles */
	cat_is("", "nav", CAT_NAV, "<nav>");
	cat_is("", "footer", CAT_FOOTER, "<footer>");
	cat_is("", "aside", CAT_SIDEBAR, "<aside>");
	cat_is("class=\"article-body\"", "nav", CAT_NAV,
	    "<nav> whatever its class");
	cat_is("role=navigation", "div", CAT_NAV, "role=navigation");
	cat_is("role=menubar", "div", CAT_NAV, "role=menubar");
	cat_is("role=contentinfo", "div", CAT_FOOTER, "role=contentinfo");
	cat_is("role=complementary", "div", CAT_SIDEBAR, "role=complementary");
	cat_is("", "div", CAT_NONE, "plain <div>");
	cat_is("", "header", CAT_NONE, "<header> by itself is not boilerplate");

	/* class and id words */
	cat_is("class=\"main-nav\"", "div", CAT_NAV, "class main-nav");
	cat_is("class=\"navigation\"", "div", CAT_NAV, "class navigation");
	cat_is("class=\"menuItems\"", "div", CAT_NAV,
	    "class menuItems (prefix of a longer word)");
	cat_is("class=\"skip-link\"", "div", CAT_NAV, "class skip-link");
	cat_is("class=\"site-footer\"", "div", CAT_FOOTER, "class site-footer");
	cat_is("id=\"footer\"", "div", CAT_FOOTER, "id footer");
	cat_is("class=\"Sidebar\"", "div", CAT_SIDEBAR,
	    "class Sidebar (capitalised)");
	cat_is("class=\"sidebar2\"", "div", CAT_SIDEBAR,
	    "class sidebar2 (digits split words)");
	cat_is("class=\"breadcrumbs\"", "div", CAT_BREADCRUMB, "breadcrumbs");
	cat_is("class=\"cookie-banner\"", "div", CAT_CONSENT, "cookie-banner");
	cat_is("id=\"gdpr\"", "div", CAT_CONSENT, "id gdpr");
	cat_is("class=\"share\"", "div", CAT_SHARE, "class share");
	cat_is("class=\"article-share-bar\"", "div", CAT_SHARE,
	    "class article-share-bar");
	cat_is("class=\"sharing\"", "div", CAT_SHARE, "class sharing");
	cat_is("class=\"shareBar\"", "div", CAT_SHARE, "class shareBar");
	cat_is("class=\"social-links\"", "div", CAT_SHARE, "class social-links");
	cat_is("class=\"newsletter\"", "div", CAT_NEWSLETTER, "class newsletter");
	cat_is("class=\"newsletter-signup\"", "div", CAT_NEWSLETTER,
	    "class newsletter-signup");
	cat_is("class=\"newsletters\"", "div", CAT_NEWSLETTER,
	    "class newsletters (prefix)");
	cat_is("id=\"subscribe-box\"", "div", CAT_NEWSLETTER, "id subscribe-box");
	cat_is("class=\"donate-box\"", "div", CAT_APPEAL, "class donate-box");
	cat_is("class=\"paywall\"", "div", CAT_APPEAL, "class paywall");
	cat_is("class=\"related-stories\"", "div", CAT_RELATED,
	    "class related-stories");
	cat_is("class=\"most-popular\"", "div", CAT_RELATED, "class most-popular");
	cat_is("class=\"comments\"", "div", CAT_COMMENTS, "class comments");
	cat_is("id=\"comment-list\"", "div", CAT_COMMENTS, "id comment-list");
	cat_is("id=\"disqus_thread\"", "div", CAT_COMMENTS, "id disqus_thread");
	cat_is("class=\"ad\"", "div", CAT_AD, "class ad");
	cat_is("class=\"ad-slot\"", "div", CAT_AD, "class ad-slot");
	cat_is("class=\"sponsored\"", "div", CAT_AD, "class sponsored");
	cat_is("class=\"byline\"", "div", CAT_BYLINE, "class byline");
	cat_is("class=\"author-bio\"", "div", CAT_BYLINE, "class author-bio");
	cat_is("class=\"disclaimer\"", "div", CAT_DISCLAIMER, "class disclaimer");
	cat_is("class=\"pagination\"", "div", CAT_PAGINATION, "pagination");
	cat_is("class=\"masthead\"", "div", CAT_HEADER, "class masthead");
	cat_is("class=\"tags\"", "div", CAT_META, "class tags");

	/* words that only look like boilerplate */
	cat_is("class=\"navy shadow loading\"", "div", CAT_NONE,
	    "navy, shadow, loading: no 'nav' or 'ad' inside words");
	cat_is("class=\"add-to-cart\"", "div", CAT_NONE,
	    "add-to-cart is not an ad");
	cat_is("class=\"no-sidebar\"", "div", CAT_NONE,
	    "no-sidebar: a layout switch, not a sidebar");
	cat_is("class=\"has-sidebar layout\"", "div", CAT_NONE, "has-sidebar");
	cat_is("class=\"with-comments\"", "div", CAT_NONE, "with-comments");
	cat_is("class=\"no-js sidebar\"", "div", CAT_SIDEBAR,
	    "'no' negates only the next word (no-js sidebar)");
	cat_is("class=\"post type-post category-promo tag-ads\"", "article",
	    CAT_NONE, "WordPress category-promo and tag-ads tokens ignored");
	cat_is("class=\"post tags-sponsored\"", "div", CAT_NONE,
	    "WordPress tags-sponsored token ignored");
	cat_is("class=\"category-news sidebar\"", "div", CAT_SIDEBAR,
	    "a real word after a taxonomy token still counts");
	cat_is("class=\"commentary\"", "div", CAT_NONE,
	    "commentary is an opinion piece, not comments");
	cat_is("class=\"sect article commentaries\"", "div", CAT_NONE,
	    "commentaries");

	/* class before id, first word wins */
	cat_is("class=\"share\" id=\"comments\"", "div", CAT_SHARE,
	    "class is read before id");
	cat_is("class=\"wrapper\" id=\"sidebar\"", "div", CAT_SIDEBAR,
	    "id read when the class says nothing");
	cat_is("class=\"footer-newsletter\"", "div", CAT_FOOTER,
	    "first boilerplate word decides");

	/* flags */
	cat_of("<div data-t=t class=\"comments\"><p>x</p></div>", &flags);
	tap_ok(flags & E_COMMENTS, "class comments sets E_COMMENTS");
	cat_of("<div data-t=t class=\"commentary\"><p>x</p></div>", &flags);
	tap_ok(!(flags & (E_COMMENTS | E_BOILER)),
	    "class commentary: neither comments nor boilerplate");
	cat_of("<div data-t=t class=\"entry-content\"><p>x</p></div>", &flags);
	tap_ok((flags & E_POSITIVE) && !(flags & E_BOILER),
	    "class entry-content: positive");
	cat_of("<div data-t=t id=\"story\"><p>x</p></div>", &flags);
	tap_ok(flags & E_POSITIVE, "id story: positive");
	cat_of("<article data-t=t><p>x</p></article>", &flags);
	tap_ok(flags & E_ARTICLE, "<article>: article flag");
	cat_of("<main data-t=t><p>x</p></main>", &flags);
	tap_ok(flags & E_ARTICLE, "<main>: article flag");
	cat_of("<div data-t=t role=main><p>x</p></div>", &flags);
	tap_ok(flags & E_ARTICLE, "role=main: article flag");
	tap_ok(cat_of("<div data-t=t itemprop=\"articleBody\" class=\"share\">"
	    "<p>x</p></div>", &flags) == CAT_NONE && (flags & E_POSITIVE),
	    "itemprop=articleBody: positive, its class not read");
	tap_ok(cat_of("<html><body data-t=t class=\"has-sidebar sidebar "
	    "footer\"><p>x</p></body></html>", &flags) == CAT_NONE,
	    "<body> classes describe the page, not boilerplate");

	tap_is(pith_cat_name(CAT_SHARE), "share", "category name: share");
	tap_is(pith_cat_name(CAT_NAV), "navigation", "category name: navigation");
	tap_is(pith_cat_name(CAT_COUNT), "?", "category name out of range");
}

static size_t gumbo_live;	/* bytes gumbo holds, by count_alloc */

static void *
count_alloc(void *ud, size_t n)
{
	size_t *p = malloc(n + sizeof(max_align_t));

	if (p == NULL)
		abort();
	*p = n;
	gumbo_live += n;
	return (char *)p + sizeof(max_align_t);
}

static void
count_free(void *ud, void *q)
{
	size_t *p;

	if (q == NULL)
		return;
	p = (size_t *)((char *)q - sizeof(max_align_t));
	gumbo_live -= *p;
	free(p);
}

/* The tree's arena holds what gumbo keeps, not what it threw away (the
 * buffers each tag and text is built in, vectors that grew): a bump
 * allocator that never reused a freed block held a page of dense markup
 * in a third more than gumbo itself keeps. */
static void
test_arena_reuse(void)
{
	struct pbuf page = PBUF_INIT;
	struct pith_dom dom;
	GumboOptions opts = kGumboDefaultOptions;
	GumboOutput *out;
	size_t i, held;

	pbuf_puts(&page, "<!DOCTYPE html><title>t</title><body>");
	for (i = 0; i < 20000; i++)
		pbuf_printf(&page, "<div class=w><p>The ferry %zu left "
		    "<b>early</b> from the <a href=/p%zu>pier</a>.</p>"
		    "<table><tr><td>%zu<td>harbour</table></div>\n",
		    i, i, i);
	opts.allocator = count_alloc;
	opts.deallocator = count_free;
	out = gumbo_parse_with_options(&opts, page.p, page.len);
	if (out == NULL || pith_dom_parse(page.p, page.len, &dom) != 0) {
		printf("# parse failed\n");
		exit(1);
	}
	held = pith_dom_bytes(&dom);
	tap_ok(held < gumbo_live + gumbo_live / 8,
	    "arena: dense markup held in %zu bytes, gumbo keeps %zu", held,
	    gumbo_live);
	gumbo_destroy_output(&opts, out);
	pith_dom_free(&dom);
	pbuf_free(&page);
}

int
main(void)
{
	test_blocks();
	test_inline();
	test_whitespace();
	test_br();
	test_pre();
	test_tables();
	test_lists();
	test_block_flags();
	test_hidden();
	test_markdown();
	test_targets();
	test_categories();
	test_arena_reuse();
	return tap_done();
}
