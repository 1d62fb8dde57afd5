/* lib/meta.c: page metadata from JSON-LD, meta tags (OpenGraph,
 * Twitter, article:*, citation_*, Dublin Core), <title>, <html lang>,
 * <time datetime>, the canonical link and bylines; the order of trust
 * when they disagree; and pith_meta_iso_date on dates as pages write
 * them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dom.h"
#include "meta.h"
#include "tap.h"

/* --- dates -------------------------------------------------------------- */

static void
date_is(const char *in, const char *want, const char *what)
{
	char *got = pith_meta_iso_date(in);

	if (want == NULL) {
		tap_ok(got == NULL, "date: %s ('%s' -> NULL)", what, in);
		if (got)
			printf("#   got: '%s'\n", got);
	} else
		tap_is(got, want, "date: %s ('%s')", what, in);
	free(got);
}

static void
test_dates(void)
{
	/* ISO 8601 */
	date_is("2024-01-05", "2024-01-05", "ISO date");
	date_is("  2024-01-05  ", "2024-01-05", "surrounding spaces");
	date_is("2024-01-05T10:00:00Z", "2024-01-05T10:00:00Z", "UTC");
	date_is("2024-01-05T10:00:00+01:00", "2024-01-05T10:00:00+01:00",
	    "with offset");
	date_is("2024-01-05T10:00:00-05:00", "2024-01-05T10:00:00-05:00",
	    "negative offset");
	date_is("2024-01-05T10:00:00+0100", "2024-01-05T10:00:00+01:00",
	    "offset without colon");
	date_is("2024-01-05T10:00:00+05", "2024-01-05T10:00:00+05:00",
	    "offset in hours only");
	date_is("2024-01-05T10:00:00", "2024-01-05T10:00:00", "no zone");
	date_is("2024-01-05 10:00:00", "2024-01-05T10:00:00",
	    "space instead of T");
	date_is("2024-01-05T10:00:00.123456Z", "2024-01-05T10:00:00Z",
	    "fraction of a second dropped");
	date_is("2024-01-05T10:00:1", "2024-01-05T10:00:01",
	    "one-digit seconds");
	date_is("2024-01-05T9:05:00", "2024-01-05T09:05:00", "one-digit hour");
	date_is("2024-01-05T10:30+01:00", "2024-01-05T10:30:00+01:00",
	    "hours and minutes only, with zone");
	date_is("2024-01-05T10:30", "2024-01-05T10:30:00",
	    "hours and minutes only");
	date_is("2024-1-5", "2024-01-05", "one-digit month and day");
	date_is("2024-12-31T23:59:60Z", "2024-12-31T23:59:60Z",
	    "leap second");
	date_is("2024-02-29", "2024-02-29", "29 February in a leap year");
	date_is("2000-02-29", "2000-02-29", "29 February 2000");
	date_is("2019/07/03", "2019-07-03", "YYYY/MM/DD (citation_* tags)");
	date_is("2010/5/12", "2010-05-12", "YYYY/M/D");

	/* written out */
	date_is("January 5, 2024", "2024-01-05", "Month D, YYYY");
	date_is("Jan 5, 2024", "2024-01-05", "abbreviated month");
	date_is("Jan. 5, 2024", "2024-01-05", "abbreviated month with a dot");
	date_is("Sept. 30, 2023", "2023-09-30", "Sept.");
	date_is("january 05 2024", "2024-01-05", "no comma, lower case");
	date_is("December 25th, 2023", "2023-12-25", "ordinal suffix");
	date_is("5 January 2024", "2024-01-05", "D Month YYYY");
	date_is("05 Jan 2024", "2024-01-05", "DD Mon YYYY");
	date_is("1st March 2024", "2024-03-01", "ordinal day first");
	date_is("Friday, January 5, 2024", "2024-01-05", "with weekday");
	date_is("Fri, 05 Jan 2024 10:00:00 +0000", "2024-01-05T10:00:00+00:00",
	    "RFC 2822");
	date_is("Fri, 5 Jan 2024 09:15:00 GMT", "2024-01-05T09:15:00Z",
	    "RFC 2822 with GMT");
	date_is("Sat, 06 Jan 2024 18:30 -0500", "2024-01-06T18:30:00-05:00",
	    "RFC 2822 without seconds");
	date_is("5. Januar 2024", "2024-01-05", "German");
	date_is("Fr., 1. M\xC3\xA4rz 2024", "2024-03-01",
	    "German with weekday and umlaut");
	date_is("31. Dezember 2023", "2023-12-31", "German December");
	date_is("3. Okt. 2023", "2023-10-03", "German abbreviation");

	/* not dates */
	date_is("", NULL, "empty");
	date_is("yesterday", NULL, "a word");
	date_is("2 hours ago", NULL, "relative time");
	date_is("01/05/2024", NULL, "ambiguous numeric day and month");
	date_is("2024", NULL, "a year alone");
	date_is("January 2024", NULL, "month and year without a day");
	date_is("Junk 5, 2024", NULL, "'Junk' is not June");
	date_is("Marching 5, 2024", NULL, "'Marching' is not March");
	date_is("Monday 5, 2024", NULL, "a weekday is not a month");
	date_is("2024-13-01", NULL, "month 13");
	date_is("2024-00-10", NULL, "month 0");
	date_is("2024-01-32", NULL, "day 32");
	date_is("2024-01-00", NULL, "day 0");
	date_is("2023-02-29", NULL, "29 February in a common year");
	date_is("1900-02-29", NULL, "29 February 1900");
	date_is("2024-04-31", NULL, "31 April");
	date_is("1899-12-31", NULL, "year before 1900");
	date_is("2201-01-01", NULL, "year after 2200");
	date_is("2024-+1-05", NULL, "a sign where a digit belongs");
	date_is("2024- 1-05", NULL, "a space where a digit belongs");
	date_is("20240105", NULL, "no separators");
	date_is("January 32, 2024", NULL, "written day 32");
	date_is("February 30, 2024", NULL, "written 30 February");
	date_is("32 January 2024", NULL, "day-first 32");
	date_is("January 5, 24", NULL, "two-digit year");
	date_is("2024-01-051", NULL, "three-digit day");
	date_is("2024/01-05", NULL, "mixed separators");
	date_is("5 janvier 2024", NULL, "French is not read");
	date_is("Fri 05 Jan 2024", NULL, "weekday without comma");

	/* a bad time leaves the date */
	date_is("2024-01-05T25:00:00Z", "2024-01-05", "hour 25: date only");
	date_is("2024-01-05T10:61:00Z", "2024-01-05", "minute 61: date only");
	date_is("2024-01-05T-1:00:00", "2024-01-05", "negative hour: date only");
	date_is("2024-01-05T10:00:00+25:00", "2024-01-05",
	    "offset of 25 hours: date only");
	date_is("2024-01-05Tnoon", "2024-01-05", "time not a time: date only");
	date_is("Jan 5, 2024 10:00 EST", "2024-01-05",
	    "a zone name we cannot read: date only");
}

/* Random strings made of date pieces: no crash, and whatever comes out
 * has the shape of an ISO date. */
static void
test_dates_random(void)
{
	static const char *const piece[] = {
		"2024", "1999", "0000", "-", "/", "1", "05", "13", "31", "29",
		"02", "T", " ", ",", ".", ":", "10:00", "23:59:59", "Z", "+",
		"-05", "0100", "+01:00", "Jan", "january", "M\xc3\xa4rz", "Sept",
		"Fri", "th", "GMT", "x", "99999", "\xc3", "\t"
	};
	unsigned long x = 12345;
	int i, k, bad = 0, some = 0;
	char s[128];

	for (i = 0; i < 100000; i++) {
		int n;
		char *d;

		x = x * 6364136223846793005UL + 1442695040888963407UL;
		n = (int)((x >> 33) % 9);
		s[0] = '\0';
		for (k = 0; k < n; k++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			strcat(s, piece[(x >> 33) % (sizeof piece /
			    sizeof piece[0])]);
		}
		if ((d = pith_meta_iso_date(s)) != NULL) {
			some++;
			if (strlen(d) < 10 || d[4] != '-' || d[7] != '-' ||
			    (d[10] != '\0' && d[10] != 'T'))
				bad++;
			free(d);
		}
	}
	tap_ok(bad == 0 && some > 0, "random date strings: every result is "
	    "ISO-shaped (%d read)", some);
}

/* --- JSON-LD ------------------------------------------------------------ */

static void
ld(const char *json, struct pith_meta *m)
{
	memset(m, 0, sizeof *m);
	pith_meta_from_jsonld(json, strlen(json), m);
}

static int
all_null(const struct pith_meta *m)
{
	return !m->title && !m->author && !m->date && !m->sitename &&
	    !m->lang && !m->description && !m->url && !m->product_text;
}

static void
test_jsonld(void)
{
	struct pith_meta m;
	struct pbuf deep = PBUF_INIT;
	int i;

	ld("{\"@context\":\"https://schema.org\",\"@type\":\"Article\","
	    "\"headline\":\"Tidal mill turns again\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Maren Okafor\"},"
	    "\"datePublished\":\"2026-10-14T08:30:00+01:00\","
	    "\"description\":\"Volunteers restore a mill.\","
	    "\"inLanguage\":\"en-GB\","
	    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Ledger\"}}",
	    &m);
	tap_is(m.title, "Tidal mill turns again", "Article: headline");
	tap_is(m.author, "Maren Okafor", "Article: author object");
	tap_is(m.date, "2026-10-14T08:30:00+01:00", "Article: datePublished");
	tap_is(m.description, "Volunteers restore a mill.",
	    "Article: description");
	tap_is(m.lang, "en-GB", "Article: inLanguage");
	tap_is(m.sitename, "The Ledger", "Article: publisher name");
	tap_ok(m.product_text == NULL && m.url == NULL,
	    "Article: no product text, no url");
	pith_meta_free(&m);

	ld("{\"@type\":\"NewsArticle\",\"headline\":\"Ferry returns\","
	    "\"author\":\"Ada Brown\",\"datePublished\":\"2025-03-02\"}", &m);
	tap_is(m.title, "Ferry returns", "NewsArticle: headline");
	tap_is(m.author, "Ada Brown", "NewsArticle: author as a string");
	tap_is(m.date, "2025-03-02", "NewsArticle: date");
	pith_meta_free(&m);

	ld("{\"@type\":\"BlogPosting\",\"name\":\"Notes on rye\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"First Writer\"},"
	    "{\"@type\":\"Person\",\"name\":\"Second Writer\"}],"
	    "\"dateCreated\":\"2024-06-01T12:00:00Z\"}", &m);
	tap_is(m.title, "Notes on rye", "BlogPosting: name when no headline");
	tap_is(m.author, "First Writer", "author array: the first");
	tap_is(m.date, "2024-06-01T12:00:00Z",
	    "dateCreated when no datePublished");
	pith_meta_free(&m);

	ld("{\"@type\":\"blogposting\",\"headline\":\"lower case type\","
	    "\"author\":[\"Solo\",\"Other\"]}", &m);
	tap_is(m.title, "lower case type", "@type compared without case");
	tap_is(m.author, "Solo", "author array of strings");
	pith_meta_free(&m);

	ld("{\"@type\":[\"NewsArticle\",\"Thing\"],\"headline\":\"Two types\"}",
	    &m);
	tap_is(m.title, "Two types", "@type as an array");
	pith_meta_free(&m);

	ld("{\"@type\":\"Article\",\"headline\":\"  Spaced \\n\\t headline  \"}",
	    &m);
	tap_is(m.title, "Spaced headline", "whitespace collapsed and trimmed");
	pith_meta_free(&m);

	ld("{\"@type\":\"Article\",\"headline\":\"   \",\"name\":\"Named\"}", &m);
	tap_is(m.title, "Named", "blank headline: name is used");
	pith_meta_free(&m);

	ld("{\"@type\":\"Article\",\"author\":{\"@type\":\"Person\"},"
	    "\"creator\":\"Creator Name\"}", &m);
	tap_is(m.author, "Creator Name", "author without a name: creator");
	pith_meta_free(&m);

	ld("{\"@type\":\"Article\",\"datePublished\":\"sometime\","
	    "\"dateCreated\":\"2024-02-03\"}", &m);
	tap_is(m.date, "2024-02-03", "unreadable datePublished: dateCreated");
	pith_meta_free(&m);

	ld("{\"@type\":\"Product\",\"name\":\"Harbour Wool Beanie\","
	    "\"description\":\"A ribbed beanie knitted from undyed wool.\","
	    "\"offers\":{\"@type\":\"Offer\",\"price\":\"24.00\"}}", &m);
	tap_is(m.title, "Harbour Wool Beanie", "Product: name");
	tap_is(m.product_text, "A ribbed beanie knitted from undyed wool.",
	    "Product: description as product text");
	tap_is(m.description, "A ribbed beanie knitted from undyed wool.",
	    "Product: description");
	pith_meta_free(&m);

	ld("{\"@context\":\"https://schema.org\",\"@graph\":["
	    "{\"@type\":\"WebSite\",\"name\":\"Field Notes\"},"
	    "{\"@type\":\"WebPage\",\"name\":\"not the title\"},"
	    "{\"@type\":\"BlogPosting\",\"headline\":\"Graph post\","
	    "\"author\":{\"name\":\"G. Author\"}}]}", &m);
	tap_is(m.title, "Graph post", "@graph: the article's headline, not "
	    "the WebPage's name");
	tap_is(m.author, "G. Author", "@graph: author");
	tap_is(m.sitename, "Field Notes", "@graph: WebSite name as site name");
	pith_meta_free(&m);

	ld("[{\"@type\":\"Organization\",\"name\":\"Org Name\"},"
	    "{\"@type\":\"Article\",\"headline\":\"Top-level array\"}]", &m);
	tap_is(m.title, "Top-level array", "top-level array of objects");
	tap_is(m.sitename, "Org Name", "Organization name as site name");
	pith_meta_free(&m);

	ld("{\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":\"Article\","
	    "\"headline\":\"Main entity\"}}", &m);
	tap_is(m.title, "Main entity", "mainEntity");
	pith_meta_free(&m);

	ld("{\"@type\":\"WebPage\",\"name\":\"Just a page\","
	    "\"author\":\"Nobody\"}", &m);
	tap_ok(all_null(&m), "WebPage alone gives no article fields");
	pith_meta_free(&m);

	/* Fields already set are kept: the first source wins. */
	memset(&m, 0, sizeof m);
	m.title = xstrdup("Earlier");
	{
		const char *j = "{\"@type\":\"Article\",\"headline\":\"Later\","
		    "\"author\":\"A\"}";

		pith_meta_from_jsonld(j, strlen(j), &m);
	}
	tap_is(m.title, "Earlier", "a title already set is kept");
	tap_is(m.author, "A", "empty fields are filled");
	pith_meta_free(&m);
	ld("[{\"@type\":\"Article\",\"headline\":\"First\"},"
	    "{\"@type\":\"Article\",\"headline\":\"Second\"}]", &m);
	tap_is(m.title, "First", "two articles: the first wins");
	pith_meta_free(&m);

	/* garbage */
	ld("{\"@type\":\"Article\",\"headline\":42,\"author\":{\"name\":"
	    "{\"deep\":[1,2,{\"x\":null}]}},\"datePublished\":[],"
	    "\"publisher\":true,\"description\":null}", &m);
	tap_ok(all_null(&m), "wrong types: nothing taken, no crash");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\",\"headline\":\"ok\",\"author\":[[[[\"deep\"]]]]}",
	    &m);
	tap_is(m.author, "deep", "author nested in arrays: the first string");
	pith_meta_free(&m);
	ld("{\"@type\":17,\"headline\":\"x\"}", &m);
	tap_ok(all_null(&m), "@type a number: ignored");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\", headline: \"unquoted key\"}", &m);
	tap_ok(all_null(&m), "invalid JSON: nothing, no crash");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\",\"headline\":\"trunc", &m);
	tap_ok(all_null(&m), "truncated JSON: nothing");
	pith_meta_free(&m);
	ld("", &m);
	tap_ok(all_null(&m), "empty JSON-LD: nothing");
	pith_meta_free(&m);
	ld("\"just a string\"", &m);
	tap_ok(all_null(&m), "a bare string: nothing");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\",\"headline\":\"a\\u0000b\"}", &m);
	tap_is(m.title, "a", "NUL inside a string: cut there");
	pith_meta_free(&m);

	/* almost JSON, as pages write it */
	ld("{\"@type\":\"Article\",\"headline\":\"Line one\nline\ttwo\","
	    "\"author\":\"A\"}", &m);
	tap_is(m.title, "Line one line two", "raw line break and tab inside a "
	    "string: read");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\",\"headline\":\"say \\\"hi\\\"\nthere\"}",
	    &m);
	tap_is(m.title, "say \"hi\" there", "raw line break after escaped "
	    "quotes");
	pith_meta_free(&m);
	ld("\n<!--\n{\"@type\":\"Article\",\"headline\":\"In a comment\"}\n-->\n",
	    &m);
	tap_is(m.title, "In a comment", "wrapped in an HTML comment");
	pith_meta_free(&m);
	ld("/*<![CDATA[*/{\"@type\":\"Article\",\"headline\":\"CDATA\"}/*]]>*/",
	    &m);
	tap_is(m.title, "CDATA", "wrapped in a CDATA section");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\",\"headline\":\"Semicolon\"};", &m);
	tap_is(m.title, "Semicolon", "trailing semicolon");
	pith_meta_free(&m);
	ld("<!-- -->", &m);
	tap_ok(all_null(&m), "an empty comment: nothing, no crash");
	pith_meta_free(&m);
	ld("{\"@type\":\"Article\",\"headline\":\"x\"} {\"second\":1}", &m);
	tap_ok(all_null(&m), "two objects side by side: not JSON, nothing");
	pith_meta_free(&m);

	/* deep @graph nesting is bounded */
	for (i = 0; i < 50; i++)
		pbuf_puts(&deep, "{\"@graph\":[");
	pbuf_puts(&deep, "{\"@type\":\"Article\",\"headline\":\"too deep\"}");
	for (i = 0; i < 50; i++)
		pbuf_puts(&deep, "]}");
	ld(deep.p, &m);
	tap_ok(all_null(&m), "@graph nested 50 deep: not followed, no crash");
	pith_meta_free(&m);
	pbuf_reset(&deep);
	for (i = 0; i < 100000; i++)
		pbuf_putc(&deep, '[');
	ld(deep.p, &m);
	tap_ok(all_null(&m), "100,000 open brackets: refused, no crash");
	pith_meta_free(&m);
	pbuf_free(&deep);
}

/* --- the tree ----------------------------------------------------------- */

static void
tree(const char *html, struct pith_meta *m)
{
	struct pith_dom d;

	memset(m, 0, sizeof *m);
	if (pith_dom_parse(html, strlen(html), &d) != 0) {
		printf("# parse failed\n");
		return;
	}
	pith_meta_from_tree(d.out->root, m);
	pith_dom_free(&d);
}

static void
test_tree(void)
{
	struct pith_meta m;

	tree("<html lang=\"de\"><head><title>Plain title | Site</title>"
	    "<meta property=\"og:title\" content=\"OG title\">"
	    "<meta property=\"og:site_name\" content=\"Site\">"
	    "<meta property=\"og:description\" content=\"OG description\">"
	    "<meta property=\"og:url\" content=\"https://x.example/og\">"
	    "<meta property=\"article:published_time\" "
	    "content=\"2025-05-06T07:08:09Z\">"
	    "<meta name=\"author\" content=\"Meta Author\">"
	    "<link rel=\"canonical\" href=\"https://x.example/canon\">"
	    "</head><body><p>x</p></body></html>", &m);
	tap_is(m.title, "OG title", "og:title before <title>");
	tap_is(m.sitename, "Site", "og:site_name");
	tap_is(m.description, "OG description", "og:description");
	tap_is(m.url, "https://x.example/canon", "canonical link before og:url");
	tap_is(m.date, "2025-05-06T07:08:09Z", "article:published_time");
	tap_is(m.author, "Meta Author", "meta name=author");
	tap_is(m.lang, "de", "<html lang>");
	pith_meta_free(&m);

	tree("<html><head><title>\n  Only   the title\n</title></head>"
	    "<body></body></html>", &m);
	tap_is(m.title, "Only the title", "<title> fallback, whitespace "
	    "collapsed");
	tap_ok(m.author == NULL && m.date == NULL && m.lang == NULL &&
	    m.url == NULL, "nothing invented");
	pith_meta_free(&m);

	/* order of trust inside the tags, whatever the document order */
	tree("<meta name=\"twitter:title\" content=\"Twitter\">"
	    "<meta name=\"dc.title\" content=\"DC\">"
	    "<meta name=\"citation_title\" content=\"Citation\">"
	    "<meta property=\"og:title\" content=\"OG\">", &m);
	tap_is(m.title, "OG", "title: og before citation, twitter, DC");
	pith_meta_free(&m);
	tree("<meta name=\"twitter:title\" content=\"Twitter\">"
	    "<meta name=\"DC.title\" content=\"DC\">"
	    "<meta name=\"citation_title\" content=\"Citation\">", &m);
	tap_is(m.title, "Citation", "title: citation before twitter and DC");
	pith_meta_free(&m);
	tree("<meta name=\"DC.Title\" content=\"DC\"><title>T</title>", &m);
	tap_is(m.title, "DC", "DC.Title (any case) before <title>");
	pith_meta_free(&m);
	tree("<meta name=\"twitter:creator\" content=\"@handle\">"
	    "<meta name=\"citation_author\" content=\"Cited, A.\">"
	    "<meta property=\"article:author\" content=\"Article Author\">",
	    &m);
	tap_is(m.author, "Article Author",
	    "author: article:author before citation_author and twitter");
	pith_meta_free(&m);
	tree("<meta name=\"DC.creator\" content=\"Dublin Core\">"
	    "<meta name=\"twitter:creator\" content=\"@handle\">", &m);
	tap_is(m.author, "Dublin Core", "author: DC.creator before twitter");
	pith_meta_free(&m);
	tree("<meta name=\"author\" content=\"\">"
	    "<meta name=\"citation_author\" content=\"Second\">", &m);
	tap_is(m.author, "Second", "an empty content is skipped");
	pith_meta_free(&m);

	tree("<meta property=\"article:modified_time\" content=\"2025-02-02\">"
	    "<meta property=\"og:updated_time\" content=\"2025-01-15\">"
	    "<meta property=\"article:published_time\" content=\"2025-01-01\">",
	    &m);
	tap_is(m.date, "2025-01-01", "date: published before updated and "
	    "modified");
	pith_meta_free(&m);
	tree("<meta name=\"citation_publication_date\" content=\"2019/07/03\">"
	    "<meta name=\"citation_date\" content=\"2019-07-01\">", &m);
	tap_is(m.date, "2019-07-03",
	    "citation_publication_date in Google Scholar's YYYY/MM/DD");
	pith_meta_free(&m);
	tree("<meta name=\"citation_publication_date\" content=\"2019-07-03\">"
	    "<meta name=\"dc.date\" content=\"2018-01-01\">", &m);
	tap_is(m.date, "2019-07-03", "citation_publication_date before dc.date");
	pith_meta_free(&m);
	tree("<meta itemprop=\"datePublished\" content=\"2020-10-10\">"
	    "<meta name=\"date\" content=\"2001-01-01\">", &m);
	tap_is(m.date, "2020-10-10", "itemprop=datePublished counts as "
	    "article:published_time");
	pith_meta_free(&m);
	tree("<body><p>Posted <time>yesterday</time> and "
	    "<time datetime=\"2024-03-01T10:00:00Z\">1 March</time> and "
	    "<time datetime=\"2024-04-01\">1 April</time></p></body>", &m);
	tap_is(m.date, "2024-03-01T10:00:00Z",
	    "<time datetime>: the first with a datetime");
	pith_meta_free(&m);
	tree("<meta property=\"article:published_time\" content=\"soon\">"
	    "<body><time datetime=\"2024-03-01\">x</time></body>", &m);
	tap_is(m.date, "2024-03-01",
	    "unreadable meta date: <time datetime> is used");
	pith_meta_free(&m);
	tree("<meta property=\"article:published_time\" content=\"TBA\">"
	    "<meta property=\"og:updated_time\" content=\"2025-01-15\">"
	    "<body><time datetime=\"2024-03-01\">x</time></body>", &m);
	tap_is(m.date, "2025-01-15", "unreadable published_time: the next "
	    "meta date in rank is used");
	pith_meta_free(&m);
	tree("<meta name=\"date\" content=\"2022-02-02\">"
	    "<body><time datetime=\"2024-03-01\">x</time></body>", &m);
	tap_is(m.date, "2022-02-02", "meta date before <time datetime>");
	pith_meta_free(&m);

	tree("<meta name=\"application-name\" content=\"App\">"
	    "<meta name=\"citation_journal_title\" content=\"Journal\">", &m);
	tap_is(m.sitename, "App", "site: application-name before journal");
	pith_meta_free(&m);
	tree("<meta name=\"citation_journal_title\" content=\"Journal of "
	    "Tides\">", &m);
	tap_is(m.sitename, "Journal of Tides", "site: citation_journal_title");
	pith_meta_free(&m);
	tree("<meta name=\"twitter:description\" content=\"tw\">"
	    "<meta name=\"description\" content=\"plain\">", &m);
	tap_is(m.description, "plain", "description before twitter:description");
	pith_meta_free(&m);
	tree("<meta property=\"og:url\" content=\"https://x.example/og\">", &m);
	tap_is(m.url, "https://x.example/og", "og:url without a canonical link");
	pith_meta_free(&m);
	tree("<link rel=\"Canonical\" href=\"https://x.example/a\">"
	    "<link rel=\"canonical\" href=\"https://x.example/b\">", &m);
	tap_is(m.url, "https://x.example/a", "first canonical link, rel in any "
	    "case");
	pith_meta_free(&m);
	tree("<html><head><meta property=\"og:locale\" content=\"en_GB\">"
	    "</head></html>", &m);
	tap_is(m.lang, "en_GB", "og:locale when <html> has no lang");
	pith_meta_free(&m);
	tree("<html xml:lang=\"fr\"><head></head></html>", &m);
	tap_is(m.lang, "fr", "xml:lang");
	pith_meta_free(&m);
	tree("<html lang=\"nl\"><head><meta name=\"dc.language\" "
	    "content=\"en\"></head></html>", &m);
	tap_is(m.lang, "nl", "<html lang> before meta language");
	pith_meta_free(&m);
	tree("<meta property=\"og:title\" content=\"  two \n  lines \">", &m);
	tap_is(m.title, "two lines", "meta content whitespace collapsed");
	pith_meta_free(&m);

	/* fills only what is still empty */
	memset(&m, 0, sizeof m);
	m.title = xstrdup("From JSON-LD");
	{
		struct pith_dom d;
		const char *h = "<title>From the tree</title>"
		    "<meta name=\"author\" content=\"Tree Author\">";

		pith_dom_parse(h, strlen(h), &d);
		pith_meta_from_tree(d.out->root, &m);
		pith_dom_free(&d);
	}
	tap_is(m.title, "From JSON-LD", "tree does not overwrite a set title");
	tap_is(m.author, "Tree Author", "tree fills the empty author");
	pith_meta_free(&m);
}

static void
test_bylines(void)
{
	struct pith_meta m;

	tree("<body><article><h1>H</h1><p class=\"byline\">By <a "
	    "href=\"/a/jo\">Jo Marsh</a> &middot; <time datetime=\"2024-05-01\">"
	    "1 May 2024</time></p><p>Text.</p></article></body>", &m);
	tap_is(m.author, "Jo Marsh", "byline: 'By <a>name</a> · date'");
	tap_is(m.date, "2024-05-01", "byline: its <time> gives the date");
	pith_meta_free(&m);
	tree("<body><div class=\"article-byline\">by Lena Fischer, Science "
	    "Correspondent</div></body>", &m);
	tap_is(m.author, "Lena Fischer", "byline: 'by' dropped, cut at comma");
	pith_meta_free(&m);
	tree("<body><span class=\"author-name\">Tomasz Brennan</span></body>",
	    &m);
	tap_is(m.author, "Tomasz Brennan", "class author-name");
	pith_meta_free(&m);
	tree("<body><p>Words by <a rel=\"author\" href=\"/u/k\">Kit Moreau</a>"
	    "</p></body>", &m);
	tap_is(m.author, "Kit Moreau", "rel=author link");
	pith_meta_free(&m);
	tree("<body><div itemprop=\"author\" itemscope><span itemprop=\"name\">"
	    "Ines Duarte</span> <span>Staff writer</span></div></body>", &m);
	tap_is(m.author, "Ines Duarte", "itemprop=author with itemprop=name");
	pith_meta_free(&m);
	tree("<body><p class=\"byline\">Von Jonas Becker | 3. Juni 2024</p>"
	    "</body>", &m);
	tap_is(m.author, "Jonas Becker", "German 'Von', cut at '|'");
	pith_meta_free(&m);
	tree("<meta name=\"author\" content=\"Meta Wins\"><body>"
	    "<p class=\"byline\">By Somebody Else</p></body>", &m);
	tap_is(m.author, "Meta Wins", "meta author before a byline");
	pith_meta_free(&m);
	tree("<body><div class=\"author-bio\"><p>Ana Ruiz has covered the "
	    "harbour for twenty years and written three books about the "
	    "fishing fleet, the lifeboat crews and the families who kept the "
	    "lighthouses running through two wars.</p></div></body>", &m);
	tap_ok(m.author == NULL, "a long author bio is not a byline");
	pith_meta_free(&m);
	tree("<body><article><p>Story.</p></article><div class=\"comments\">"
	    "<div class=\"comment\"><span class=\"comment-author\">troll99"
	    "</span><p>First!</p></div></div></body>", &m);
	tap_ok(m.author == NULL, "a commenter is not the author");
	pith_meta_free(&m);
	tree("<body><aside class=\"related\"><p class=\"byline\">By Other "
	    "Writer</p></aside><article><p>Story.</p></article></body>", &m);
	tap_ok(m.author == NULL, "a related story's byline is not the author");
	pith_meta_free(&m);
	tree("<body><span class=\"author\">Byron Hale</span></body>", &m);
	tap_is(m.author, "Byron Hale", "a name starting with 'By' is not cut");
	pith_meta_free(&m);
	tree("<body><div class=\"byline\">Staff</div><p>Text by <a "
	    "rel=\"author\" href=\"/u/r\">Rae Okoro</a>.</p></body>", &m);
	tap_is(m.author, "Rae Okoro", "rel=author before an earlier class "
	    "byline");
	pith_meta_free(&m);
	tree("<body><div itemscope><meta itemprop=\"author\" content=\"Micro "
	    "Data\"></div></body>", &m);
	tap_is(m.author, "Micro Data", "<meta itemprop=author content>");
	pith_meta_free(&m);
	tree("<body><p class=\"byline\">By</p></body>", &m);
	tap_ok(m.author == NULL, "an empty byline gives nothing");
	pith_meta_free(&m);
	tree("<body><p class=\"byline\"><a href=\"/a\">Ann Lee</a> and "
	    "<a href=\"/b\">Bo Chen</a></p></body>", &m);
	tap_is(m.author, "Ann Lee and Bo Chen", "two authors in one byline");
	pith_meta_free(&m);
}

/* JSON-LD first, then the tree, as pith_strip_html calls them. */
static void
test_precedence(void)
{
	struct pith_meta m;
	struct pith_dom d;
	const char *json = "{\"@type\":\"NewsArticle\",\"headline\":\"LD title\","
	    "\"datePublished\":\"2024-01-01\"}";
	const char *html = "<html lang=\"en\"><head><title>Tag title</title>"
	    "<meta property=\"og:title\" content=\"OG title\">"
	    "<meta property=\"article:published_time\" content=\"2023-12-31\">"
	    "<meta name=\"author\" content=\"Tag Author\"></head></html>";

	memset(&m, 0, sizeof m);
	pith_meta_from_jsonld(json, strlen(json), &m);
	pith_dom_parse(html, strlen(html), &d);
	pith_meta_from_tree(d.out->root, &m);
	pith_dom_free(&d);
	tap_is(m.title, "LD title", "JSON-LD headline before og:title");
	tap_is(m.date, "2024-01-01", "JSON-LD date before article:published_time");
	tap_is(m.author, "Tag Author", "meta author where JSON-LD has none");
	tap_is(m.lang, "en", "<html lang> where JSON-LD has none");
	pith_meta_free(&m);
}

int
main(void)
{
	test_dates();
	test_dates_random();
	test_jsonld();
	test_tree();
	test_bylines();
	test_precedence();
	return tap_done();
}
