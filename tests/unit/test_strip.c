/* pith_strip_html end to end, in C: encodings (meta charset, BOM,
 * transport charset, invalid UTF-8), the pre-pass (scripts, comments,
 * the depth and attribute caps), the text and markdown renderings,
 * --explain lines, --all, --keep comments, hidden content, metadata
 * through the whole path, and the records of lib/stripdoc.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "htmlprep.h"
#include "strip.h"
#include "stripdoc.h"
#include "tap.h"

#define FFFD "\xEF\xBF\xBD"

static struct pith_strip_opts
opts(int all)
{
	struct pith_strip_opts o;

	memset(&o, 0, sizeof o);
	o.all = all;
	o.keep = PITH_KEEP_TABLES | PITH_KEEP_CAPTIONS;	/* as pith-strip */
	return o;
}

static int
run(const char *html, size_t len, const struct pith_strip_opts *o,
    struct pith_strip_result *r)
{
	const char *err = NULL;
	int rc = pith_strip_html(html, len, o, r, &err);

	if (rc != 0)
		printf("# pith_strip_html: %s\n", err ? err : "?");
	return rc;
}

static const char *
text_of(const struct pith_strip_result *r)
{
	return r->text.p ? r->text.p : "";
}

/* Text of a page with --all (every visible block). */
static void
all_is(const char *html, size_t len, const char *want, const char *what)
{
	struct pith_strip_opts o = opts(1);
	struct pith_strip_result r;

	run(html, len, &o, &r);
	tap_is(text_of(&r), want, "%s", what);
	pith_strip_result_free(&r);
}

#define ALL_IS(html, want, what) all_is(html, sizeof(html) - 1, want, what)

/* A paragraph of plain prose, about forty words. */
#define PARA(n) "<p>Paragraph " #n " of the story: the harbour board met " \
	"on Tuesday evening and agreed, after a long and sometimes heated " \
	"debate, to rebuild the old sea wall before the winter storms, " \
	"paying for it from the reserve fund and a loan.</p>\n"

/* --- encodings ---------------------------------------------------------- */

static void
enc_case(const char *html, size_t len, const char *transport,
    const char *want_text, const char *want_enc, size_t want_repl,
    const char *what)
{
	struct pith_strip_opts o = opts(1);
	struct pith_strip_result r;

	o.transport_charset = transport;
	run(html, len, &o, &r);
	tap_is(text_of(&r), want_text, "%s: text", what);
	tap_is(r.encoding, want_enc, "%s: encoding", what);
	tap_is_int(r.replacements, want_repl, "%s: replacements", what);
	pith_strip_result_free(&r);
}

#define ENC(html, tr, text, enc, repl, what) \
	enc_case(html, sizeof(html) - 1, tr, text, enc, repl, what)

static void
test_encodings(void)
{
	struct pbuf big = PBUF_INIT;
	struct pith_strip_opts o = opts(1);
	struct pith_strip_result r;
	int i;

	ENC("<html><head><meta charset=\"windows-1252\"></head><body>"
	    "<p>Caf\xE9 \x93quoted\x94 costs \x80" "5</p></body></html>", NULL,
	    "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D costs \xE2\x82\xAC" "5\n",
	    "windows-1252", 0, "meta charset windows-1252");
	ENC("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html;"
	    " charset=ISO-8859-1\"></head><body><p>\x93" "Gar\xE7on\x94</p>"
	    "</body></html>", NULL,
	    "\xE2\x80\x9CGar\xC3\xA7on\xE2\x80\x9D\n", "windows-1252", 0,
	    "http-equiv ISO-8859-1 is windows-1252 (WHATWG)");
	ENC("<meta charset=\"Shift_JIS\"><p>\x93\xFA\x96\x7B\x8C\xEA\x82\xCC"
	    "\x83\x65\x83\x4C\x83\x58\x83\x67</p>", NULL,
	    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86"
	    "\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88\n", "Shift_JIS", 0,
	    "meta charset Shift_JIS");
	ENC("<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", NULL,
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n", "KOI8-R", 0,
	    "meta charset koi8-r");
	ENC("\xEF\xBB\xBF<p>bom</p>", NULL, "bom\n", "UTF-8", 0,
	    "UTF-8 BOM: not in the text");
	ENC("\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>\xC3\xA9t\xC3\xA9</p>",
	    NULL, "\xC3\xA9t\xC3\xA9\n", "UTF-8", 0, "UTF-8 BOM before a meta "
	    "charset: the BOM wins");
	ENC("\xFF\xFE<\0p\0>\0h\0\xE9\0<\0/\0p\0>\0", NULL, "h\xC3\xA9\n",
	    "UTF-16LE", 0, "UTF-16LE BOM");
	ENC("\xFE\xFF\0<\0p\0>\0h\0\xE9\0<\0/\0p\0>", NULL, "h\xC3\xA9\n",
	    "UTF-16BE", 0, "UTF-16BE BOM");
	ENC("<meta charset=\"windows-1252\"><p>\xC0\xC1</p>", "windows-1251",
	    "\xD0\x90\xD0\x91\n", "windows-1251", 0,
	    "transport charset before meta charset");
	ENC("<p>\xE9t\xE9</p>", "ISO-8859-1", "\xC3\xA9t\xC3\xA9\n",
	    "windows-1252", 0, "transport charset ISO-8859-1");
	ENC("<p>plain</p>", "no-such-charset", "plain\n", "UTF-8", 0,
	    "unknown transport label ignored");
	ENC("\xEF\xBB\xBF<p>\xC3\xA9</p>", "windows-1252", "\xC3\xA9\n", "UTF-8",
	    0, "BOM before transport charset");
	ENC("<meta charset=\"utf-8\"><p>abc \xFF def \xC3</p>", NULL,
	    "abc " FFFD " def " FFFD "\n", "UTF-8", 2,
	    "invalid UTF-8 in a UTF-8 page: U+FFFD, counted");
	ENC("<p>x\xED\xA0\x80y \xC0\xAF z</p>", "utf-8",
	    "x" FFFD FFFD FFFD "y " FFFD FFFD " z\n", "UTF-8", 5,
	    "surrogate and overlong: one U+FFFD per byte (WHATWG)");
	ENC("<p>\xE9t\xE9 in Caf\xE9</p>", NULL,
	    "\xC3\xA9t\xC3\xA9 in Caf\xC3\xA9\n", "windows-1252", 0,
	    "undeclared, not UTF-8: windows-1252");
	ENC("<p>\xC3\xA9t\xC3\xA9</p>", NULL, "\xC3\xA9t\xC3\xA9\n", "UTF-8", 0,
	    "undeclared, valid UTF-8: UTF-8");
	ENC("<p>a\0b</p>", NULL, "ab\n", "UTF-8", 0, "NUL byte dropped");
	ENC("<meta charset=\"utf-16\"><p>caf\xE9</p>", NULL, "caf" FFFD "\n",
	    "UTF-8", 1, "meta charset utf-16 in an ASCII page means UTF-8");
	ENC("<meta charset=\"x-user-defined\"><p>caf\xE9</p>", NULL,
	    "caf\xC3\xA9\n", "windows-1252", 0,
	    "meta charset x-user-defined means windows-1252");
	ENC("<!-- <meta charset=\"koi8-r\"> --><p>caf\xE9</p>", NULL,
	    "caf\xC3\xA9\n", "windows-1252", 0,
	    "a meta charset inside a comment is not read");
	ENC("<meta content=\"text/html; charset='koi8-r'\" "
	    "http-equiv=\"Content-Type\"><p>\xF0</p>", NULL, "\xD0\x9F\n",
	    "KOI8-R", 0, "http-equiv with content first, quoted charset");
	ENC("<p>caf\xE9</p>", "utf-16", "\xE7\x80\xBC\xE6\x8C\xBE\xE6\x99\xA1"
	    "\xE3\xB3\xA9\xE7\x80\xAF" FFFD "\n", "UTF-16LE", 1,
	    "transport utf-16 without a BOM: UTF-16LE, odd byte replaced");

	/* a meta charset past the first 1024 bytes, still in the head */
	pbuf_puts(&big, "<html><head><title>t</title>");
	for (i = 0; i < 40; i++)
		pbuf_printf(&big, "<meta name=\"k%d\" content=\"a value to fill "
		    "the head of the page\">\n", i);
	pbuf_puts(&big, "<meta charset=\"windows-1252\"></head><body>"
	    "<p>na\xEFve</p></body></html>");
	run(big.p, big.len, &o, &r);
	tap_ok(big.len > 2048 && strcmp(text_of(&r), "na\xC3\xAFve\n") == 0 &&
	    strcmp(r.encoding, "windows-1252") == 0,
	    "meta charset after 1024 bytes of head");
	pith_strip_result_free(&r);
	pbuf_free(&big);
}

/* --- the pre-pass ------------------------------------------------------- */

static void
nested(struct pbuf *b, const char *open, const char *close, int n,
    const char *inner)
{
	int i;

	pbuf_reset(b);
	for (i = 0; i < n; i++)
		pbuf_puts(b, open);
	pbuf_puts(b, inner);
	for (i = 0; i < n; i++)
		pbuf_puts(b, close);
}

static void
test_prepass(void)
{
	struct pbuf b = PBUF_INIT;
	struct pith_strip_opts o = opts(1);
	struct pith_strip_result r;
	int i;

	ALL_IS("<p>a<script>document.write('</p><p>secret')</script>b</p>"
	    "<style>p::after{content:'styled'}</style>"
	    "<!-- <p>commented out</p> --><p>c</p>",
	    "ab\n\nc\n", "script, style and comments are not text");
	ALL_IS("<p>a</p><script><!-- document.write(\"<script src=x>"
	    "</script>\"); --></script><p>b</p>", "a\n\nb\n",
	    "script with a document.write of a script inside '<!--': the "
	    "inner </script> does not end it");
	ALL_IS("<p>a</p><SCRIPT><!-- <Script>x</SCRIPT >y--></script ><p>b</p>",
	    "a\n\nb\n", "double-escaped script, any case");
	ALL_IS("<p>a</p><script>s = \"<!--\"; t = 1;</script><p>b</p>",
	    "a\n\nb\n", "'<!--' in a script string without '<script' after "
	    "it: the first </script> ends it");
	ALL_IS("<p>a</p><script><!--></script><p>b</p>", "a\n\nb\n",
	    "'<!-->' in a script closes at once");
	ALL_IS("<p>a</p><script><!-- <script></script> <p>never</p>",
	    "a\n", "unterminated double-escaped script runs to the end");
	ALL_IS("<p>x</p><template><p>template text</p></template>"
	    "<svg><text>svg text</text><svg><text>inner</text></svg></svg>"
	    "<p>y</p>", "x\n\ny\n", "template and nested svg dropped");
	ALL_IS("<title>a <p> b</title><p>body</p>", "body\n",
	    "markup inside <title> does not open elements");
	ALL_IS("<p>kept</p><!-- unterminated <p>lost</p>", "kept\n",
	    "an unterminated comment runs to the end");
	ALL_IS("<p>a<!-->b<!--->c</p>", "abc\n", "abrupt empty comments");

	nested(&b, "<div>", "</div>", 2000, "deep text");
	pbuf_puts(&b, "<p>after</p>");
	run(b.p, b.len, &o, &r);
	tap_is_int(r.depth_cut, 2000 - PITH_MAX_DEPTH,
	    "2000 nested divs: the start tags past the cap are counted");
	tap_is(text_of(&r), "deep text\n\nafter\n",
	    "2000 nested divs: text kept, what follows still a block");
	pith_strip_result_free(&r);

	nested(&b, "<div>", "</div>", PITH_MAX_DEPTH, "at the cap");
	run(b.p, b.len, &o, &r);
	tap_is_int(r.depth_cut, 0, "nesting exactly at the cap: nothing cut");
	pith_strip_result_free(&r);
	nested(&b, "<div>", "</div>", PITH_MAX_DEPTH + 1, "one past");
	run(b.p, b.len, &o, &r);
	tap_is_int(r.depth_cut, 1, "one past the cap: one cut");
	pith_strip_result_free(&r);

	nested(&b, "<p>", "", 5000, "unclosed paragraphs");
	run(b.p, b.len, &o, &r);
	tap_is_int(r.depth_cut, 0, "5000 unclosed <p>s are not deep");
	tap_is(text_of(&r), "unclosed paragraphs\n", "... and their text is "
	    "there");
	pith_strip_result_free(&r);

	nested(&b, "<span>", "</span>", 100000, "deep inline");
	run(b.p, b.len, &o, &r);
	tap_ok(r.depth_cut > 0 && strcmp(text_of(&r), "deep inline\n") == 0,
	    "100,000 nested spans: no crash, text kept");
	pith_strip_result_free(&r);

	pbuf_reset(&b);
	pbuf_puts(&b, "<p");
	for (i = 0; i < 300; i++)
		pbuf_printf(&b, " data-a%d=\"%d\"", i, i);
	pbuf_puts(&b, ">many attributes</p>");
	run(b.p, b.len, &o, &r);
	tap_is_int(r.attrs_cut, 300 - PITH_MAX_ATTRS,
	    "300 attributes: those past the cap counted");
	tap_is(text_of(&r), "many attributes\n", "300 attributes: text kept");
	pith_strip_result_free(&r);
	pbuf_free(&b);
}

/* --- output ------------------------------------------------------------- */

static void
test_output(void)
{
	struct pith_strip_opts o = opts(1);
	struct pith_strip_result r;

	ALL_IS("<h1>Title</h1><p>First  para.</p><ul><li>one</li><li>two</li>"
	    "</ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td>"
	    "</tr></table><pre>x\n  y</pre><p>line<br>break</p>",
	    "Title\n\nFirst para.\n\none\n\ntwo\n\na\tb\n\nc\td\n\nx\n  y\n\n"
	    "line\nbreak\n",
	    "text: a blank line between blocks (list items and rows too), "
	    "one newline at the end");
	ALL_IS("", "", "empty input: empty text");
	ALL_IS("  \n\t ", "", "whitespace only: empty text");
	ALL_IS("<html><head><title>Only a title</title></head></html>", "",
	    "a title alone is not text");
	ALL_IS("<p>Cafe\xCC\x81</p>", "Caf\xC3\xA9\n", "text comes out in NFC");

	o.markdown = 1;
	{
		const char *h = "<h2>Sub</h2><p>Some <b>bold</b>, <em>em</em> "
		    "and a <a href=\"/l\">link</a>.</p><blockquote><p>quoted</p>"
		    "</blockquote><ul><li>one</li></ul><pre>code *x*</pre>";

		run(h, strlen(h), &o, &r);
	}
	tap_is(text_of(&r), "## Sub\n\nSome **bold**, *em* and a link."
	    "\n\n> quoted\n\n- one\n\n```\ncode *x*\n```\n", "markdown");
	pith_strip_result_free(&r);
	o.keep |= PITH_KEEP_LINKS;
	o.base_url = "https://h.example/x/y.html";
	{
		const char *h = "<p>Some text and a <a href=\"/l\">link</a>.</p>";

		run(h, strlen(h), &o, &r);
	}
	tap_is(text_of(&r), "Some text and a [link](https://h.example/l).\n",
	    "markdown with --keep links: absolute target");
	pith_strip_result_free(&r);
}

/* --- extraction through the whole path ------------------------------------ */

static const char article_page[] =
	"<html lang=\"en\"><head><title>Sea wall | Harbour News</title>"
	"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	"\"headline\":\"Board rebuilds the sea wall\",\"author\":{\"name\":"
	"\"Ada Brown\"},\"datePublished\":\"2025-11-03T09:00:00Z\"}</script>"
	"<meta property=\"og:title\" content=\"OG: sea wall\">"
	"<meta property=\"og:site_name\" content=\"Harbour News\">"
	"</head><body>"
	"<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/sport\">Sport"
	"</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav>"
	"<article><h1>Board rebuilds the sea wall</h1>"
	"<div class=\"share-bar\"><a href=\"/s/fb\">Facebook</a> "
	"<a href=\"/s/mail\">Email</a></div>"
	PARA(1) PARA(2) PARA(3)
	"<pre>wall:\n  length 140 m</pre>"
	"</article>"
	"<div class=\"comments\"><h3>2 comments</h3>"
	"<div class=\"comment\"><p>Reader one: about time they fixed that "
	"wall, my garden floods every winter.</p></div>"
	"<div class=\"comment\"><p>Reader two: who pays for the loan in the "
	"end, the harbour users or the town?</p></div></div>"
	"<footer><p>&copy; 2025 Harbour News. All rights reserved.</p></footer>"
	"</body></html>";

/* "keep|drop \t category (16 wide) \t tag \t w=N ld=F g=F \t text..." */
static int
explain_line_ok(const char *line, size_t len, int *keep)
{
	char verdict[8], cat[32], tag[16];
	int w, n = 0;
	double ld, g;
	const char *tab;

	if (len < 5 || (strncmp(line, "keep\t", 5) != 0 &&
	    strncmp(line, "drop\t", 5) != 0))
		return 0;
	*keep = line[0] == 'k';
	if (sscanf(line, "%7[a-z]\t%31[a-z-] \t%15[a-z0-9]\tw=%d ld=%lf g=%lf\t%n",
	    verdict, cat, tag, &w, &ld, &g, &n) != 6 || n == 0)
		return 0;
	/* the category column is padded to 16 */
	tab = strchr(line + 5, '\t');
	if (tab == NULL || tab - (line + 5) < 16)
		return 0;
	return ld >= 0 && ld <= 1 && w >= 0 && (size_t)n <= len;
}

static void
test_explain(void)
{
	struct pith_strip_opts o = opts(0);
	struct pith_strip_result r;
	const char *p, *e;
	int nlines = 0, bad = 0, kept = 0, keep;

	o.explain = 1;
	run(article_page, sizeof article_page - 1, &o, &r);
	if (r.explain.p == NULL) {
		tap_ok(0, "explain: filled");
		pith_strip_result_free(&r);
		return;
	}
	p = r.explain.p;
	tap_ok(strncmp(p, "# region: <", 11) == 0 && strstr(p, " words=") &&
	    strstr(p, " score="), "explain: first line names the region");
	if ((e = strchr(p, '\n')) != NULL)
		p = e + 1;
	for (; *p; p = e + 1) {
		e = strchr(p, '\n');
		if (e == NULL)
			break;
		nlines++;
		if (!explain_line_ok(p, (size_t)(e - p), &keep)) {
			if (bad++ == 0)
				printf("#   bad line: %.*s\n", (int)(e - p), p);
		} else
			kept += keep;
	}
	tap_ok(bad == 0 && nlines > 0, "explain: every block line is 'verdict "
	    "\\t category \\t tag \\t w= ld= g= \\t text'");
	tap_is_int(nlines, r.blocks, "explain: one line per block");
	tap_is_int(kept, r.kept, "explain: keep lines match the kept count");
	tap_ok(strstr(r.explain.p, "drop\tnavigation      \tli\t") != NULL,
	    "explain: menu items dropped as navigation");
	tap_ok(strstr(r.explain.p, "drop\tshare           \t") != NULL &&
	    strstr(r.explain.p, "\t<div class=share-bar>\n") != NULL,
	    "explain: share bar dropped, the deciding element shown");
	tap_ok(strstr(r.explain.p, "keep\tcontent         \tp\tw=") != NULL,
	    "explain: paragraphs kept as content");
	tap_ok(strstr(r.explain.p, "\tParagraph 1 of the story: the harbour "
	    "board met on Tuesday evening and a...\n") != NULL,
	    "explain: text cut at 72 bytes with '...'");
	tap_ok(strstr(r.explain.p, "\twall:   length 140 m\n") != NULL,
	    "explain: newlines in a block shown as spaces");
	tap_ok(strstr(r.explain.p, "\t<div class=comments>\n") != NULL,
	    "explain: comments attributed to their box");
	pith_strip_result_free(&r);

	o.explain = 0;
	run(article_page, sizeof article_page - 1, &o, &r);
	tap_ok(r.explain.len == 0, "no explain unless asked");
	pith_strip_result_free(&r);
}

static void
test_extraction(void)
{
	struct pith_strip_opts o = opts(0);
	struct pith_strip_result r;
	const char *t;

	run(article_page, sizeof article_page - 1, &o, &r);
	t = text_of(&r);
	tap_ok(strncmp(t, "Board rebuilds the sea wall\n\nParagraph 1", 40) == 0,
	    "article: headline, then the story");
	tap_ok(strstr(t, "Paragraph 3 of the story") != NULL &&
	    strstr(t, "wall:\n  length 140 m") != NULL, "article: all of it");
	tap_ok(strstr(t, "Home") == NULL && strstr(t, "Weather") == NULL,
	    "article: navigation dropped");
	tap_ok(strstr(t, "Facebook") == NULL, "article: share bar dropped");
	tap_ok(strstr(t, "Reader one") == NULL, "article: comments dropped");
	tap_ok(strstr(t, "All rights reserved") == NULL,
	    "article: footer dropped");
	tap_ok(r.kept > 0 && r.kept < r.blocks, "article: some blocks kept, "
	    "some dropped (%zu of %zu)", r.kept, r.blocks);
	tap_is(r.meta.title, "Board rebuilds the sea wall",
	    "meta: JSON-LD headline before og:title and <title>");
	tap_is(r.meta.author, "Ada Brown", "meta: author from JSON-LD");
	tap_is(r.meta.date, "2025-11-03T09:00:00Z", "meta: date from JSON-LD");
	tap_is(r.meta.sitename, "Harbour News", "meta: og:site_name");
	tap_is(r.meta.lang, "en", "meta: <html lang>");
	tap_ok(strstr(t, "NewsArticle") == NULL, "JSON-LD is not text");
	pith_strip_result_free(&r);

	o.keep |= PITH_KEEP_COMMENTS;
	run(article_page, sizeof article_page - 1, &o, &r);
	t = text_of(&r);
	tap_ok(strstr(t, "Reader one: about time") != NULL &&
	    strstr(t, "Reader two: who pays") != NULL,
	    "--keep comments: comments kept");
	tap_ok(strstr(t, "Paragraph 2 of the story") != NULL,
	    "--keep comments: the story still kept");
	tap_ok(strstr(t, "Facebook") == NULL,
	    "--keep comments: the share bar still dropped");
	pith_strip_result_free(&r);

	o = opts(1);
	run(article_page, sizeof article_page - 1, &o, &r);
	t = text_of(&r);
	tap_ok(strstr(t, "Home") && strstr(t, "Facebook") &&
	    strstr(t, "Reader one") && strstr(t, "All rights reserved"),
	    "--all: every visible block");
	tap_is_int(r.kept, r.blocks, "--all: kept == blocks");
	pith_strip_result_free(&r);
}

static void
test_hidden_and_product(void)
{
	struct pith_strip_opts o = opts(0);
	struct pith_strip_result r;
	static const char app[] =
	    "<html><body><div id=\"root\"><p>Loading...</p></div>"
	    "<div id=\"ssr\" hidden><article><h1>Server-rendered story</h1>"
	    PARA(1) PARA(2) "</article></div></body></html>";
	static const char visible[] =
	    "<html><body><article>" PARA(1) PARA(2)
	    "<p hidden>A hidden teaser nobody sees on the page.</p>"
	    "</article></body></html>";
	static const char product[] =
	    "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"Product\",\"name\":\"Tide clock\",\"description\":"
	    "\"A brass tide clock that shows the hours to high water, wound "
	    "once a week.\"}</script></head><body><h1>Tide clock</h1>"
	    "<p>Price: 89 EUR</p></body></html>";
	static const char product_shown[] =
	    "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"Product\",\"name\":\"Tide clock\",\"description\":"
	    "\"A brass tide clock that shows the hours to high water, wound "
	    "once a week.\"}</script></head><body><article><h1>Tide clock</h1>"
	    "<p>A brass tide clock that shows the hours to high water, wound "
	    "once a week. Made in Kellsby by a family workshop that has "
	    "repaired ships' clocks since 1921.</p></article></body></html>";

	run(app, sizeof app - 1, &o, &r);
	tap_ok(strstr(text_of(&r), "Paragraph 2 of the story") != NULL,
	    "little visible text: the hidden content is read");
	pith_strip_result_free(&r);
	run(visible, sizeof visible - 1, &o, &r);
	tap_ok(strstr(text_of(&r), "Paragraph 2 of the story") != NULL &&
	    strstr(text_of(&r), "hidden teaser") == NULL,
	    "enough visible text: hidden elements stay out");
	pith_strip_result_free(&r);

	run(product, sizeof product - 1, &o, &r);
	{
		const char *want = "A brass tide clock that shows the hours to "
		    "high water, wound once a week.\n\nTide clock\n";

		tap_ok(strncmp(text_of(&r), want, strlen(want)) == 0,
		    "JSON-LD product description missing from the page goes "
		    "first");
	}
	pith_strip_result_free(&r);
	run(product_shown, sizeof product_shown - 1, &o, &r);
	{
		const char *t = text_of(&r), *a = strstr(t, "A brass tide");

		tap_ok(a != NULL && strstr(a + 1, "A brass tide") == NULL,
		    "product description already on the page: not repeated");
	}
	pith_strip_result_free(&r);
	o.all = 1;
	run(product, sizeof product - 1, &o, &r);
	tap_ok(strstr(text_of(&r), "A brass tide clock") == NULL,
	    "--all: only what the page shows");
	pith_strip_result_free(&r);
}

/* --- records (lib/stripdoc.c) --------------------------------------------- */

static void
test_records(void)
{
	struct pith_strip_opts o = opts(0);
	struct pith_strip_result r;
	struct pith_docsrc src = {"https://harbour.example/wall",
	    "2025-11-04T00:00:00Z", "<urn:uuid:11111111-2222-4333-8444-"
	    "555555555555>", "wall.html"};
	struct pbuf out = PBUF_INIT;
	json_t *j;
	json_error_t jerr;

	run(article_page, sizeof article_page - 1, &o, &r);

	pith_strip_emit(&out, PITH_FMT_TEXT, &r, PITH_DOC_OK, &src, 1);
	tap_ok(out.len == r.text.len && memcmp(out.p, r.text.p, out.len) == 0,
	    "text record: the text as it is");
	pbuf_reset(&out);
	pith_strip_emit(&out, PITH_FMT_TEXT, &r, PITH_DOC_OK, &src, 2);
	tap_ok(out.len > 2 && memcmp(out.p, "\f\nBoard rebuilds", 16) == 0,
	    "text record: later documents start with a form-feed line");
	pbuf_reset(&out);

	pith_strip_emit(&out, PITH_FMT_JSON, &r, PITH_DOC_OK, &src, 1);
	tap_ok(out.len > 0 && out.p[out.len - 1] == '\n' &&
	    memchr(out.p, '\n', out.len) == out.p + out.len - 1,
	    "JSON record: one line");
	j = json_loadb(out.p, out.len, 0, &jerr);
	tap_ok(j != NULL, "JSON record: parses");
	if (j) {
		tap_is(json_string_value(json_object_get(j, "url")),
		    "https://harbour.example/wall", "JSON: url from the source");
		tap_is(json_string_value(json_object_get(j, "title")),
		    "Board rebuilds the sea wall", "JSON: title");
		tap_is(json_string_value(json_object_get(j, "author")),
		    "Ada Brown", "JSON: author");
		tap_is(json_string_value(json_object_get(j, "date")),
		    "2025-11-03T09:00:00Z", "JSON: date");
		tap_is(json_string_value(json_object_get(j, "status")), "ok",
		    "JSON: status ok");
		tap_is(json_string_value(json_object_get(j, "encoding")),
		    "UTF-8", "JSON: encoding");
		tap_is(json_string_value(json_object_get(j, "text")),
		    r.text.p, "JSON: text");
		tap_ok(json_is_null(json_object_get(j, "description")),
		    "JSON: missing description is null");
		tap_ok(json_object_get(j, "source_url") == NULL,
		    "JSON: no source_url without a canonical URL");
		json_decref(j);
	}
	pbuf_reset(&out);
	r.meta.url = xstrdup("https://harbour.example/canonical");
	pith_strip_emit(&out, PITH_FMT_JSON, &r, PITH_DOC_OK, &src, 1);
	j = json_loadb(out.p, out.len, 0, &jerr);
	tap_ok(j && strcmp(json_string_value(json_object_get(j, "url")),
	    "https://harbour.example/canonical") == 0 &&
	    strcmp(json_string_value(json_object_get(j, "source_url")),
	    "https://harbour.example/wall") == 0,
	    "JSON: canonical url, and the source's as source_url");
	json_decref(j);
	pbuf_reset(&out);
	pith_strip_emit(&out, PITH_FMT_JSON, &r, PITH_DOC_EMPTY, &src, 1);
	tap_ok(strstr(out.p, "\"status\":\"no-content\"") != NULL,
	    "JSON: status no-content");
	pbuf_reset(&out);

	pith_strip_emit(&out, PITH_FMT_WARC, &r, PITH_DOC_OK, &src, 1);
	tap_ok(strncmp(out.p, "WARC/1.1\r\n", 10) == 0 &&
	    strstr(out.p, "\r\nWARC-Type: conversion\r\n") &&
	    strstr(out.p, "\r\nWARC-Target-URI: https://harbour.example/wall"
	    "\r\n") &&
	    strstr(out.p, "\r\nWARC-Refers-To: <urn:uuid:11111111-2222-4333-"
	    "8444-555555555555>\r\n") &&
	    strstr(out.p, "\r\nWARC-Identified-Content-Language: en\r\n") &&
	    strstr(out.p, "\r\nContent-Type: text/plain; charset=utf-8\r\n"),
	    "WARC record: conversion with target, source and language");
	tap_ok(strstr(out.p, "\r\n\r\nBoard rebuilds the sea wall\n\n") != NULL,
	    "WARC record: the text after the header");
	pbuf_reset(&out);
	pith_strip_emit(&out, PITH_FMT_WARC, &r, PITH_DOC_EMPTY, &src, 1);
	tap_is_int(out.len, 0, "WARC: no record for a page without content");
	pith_strip_warcinfo(&out, "pith-strip test");
	tap_ok(strstr(out.p, "WARC-Type: warcinfo\r\n") &&
	    strstr(out.p, "software: pith-strip test\r\n"), "warcinfo record");
	pbuf_free(&out);
	pith_strip_result_free(&r);
	tap_is(pith_docstatus_name(PITH_DOC_ERROR), "error", "status name");
}

int
main(void)
{
	test_encodings();
	test_prepass();
	test_output();
	test_explain();
	test_extraction();
	test_hidden_and_product();
	test_records();
	return tap_done();
}
