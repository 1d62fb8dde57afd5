/* Text mode on texts written for these tests (tests/fixtures/textmode):
 * appeals glued to story sentences, disclaimer tails, follow-us lines,
 * cookie notes, calls to action in several languages, a short content
 * paragraph between long ones, a hard-wrapped text rendering. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tap.h"
#include "template.h"
#include "textmode.h"

static char *
slurp(const char *name, size_t *len)
{
	char path[512];
	struct pbuf b = PBUF_INIT;
	char tmp[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "tests/fixtures/textmode/%s", name);
	if ((f = fopen(path, "r")) == NULL) {
		printf("# cannot open %s\n", path);
		*len = 0;
		return xstrdup("");
	}
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		pbuf_append(&b, tmp, n);
	fclose(f);
	*len = b.len;
	pbuf_putc(&b, '\0');
	return b.p;
}

static char *
extract(const char *text, size_t len, struct pith_textmode_opts *o)
{
	struct pbuf out = PBUF_INIT, ex = PBUF_INIT;
	struct pith_textmode_opts def = {0, 0, NULL, NULL, NULL, NULL};

	pith_textmode_extract(text, len, o ? o : &def, &out, &ex);
	pbuf_free(&ex);
	pbuf_putc(&out, '\0');
	return out.p;
}

static char *
extract_file(const char *name)
{
	size_t len;
	char *text = slurp(name, &len), *out = extract(text, len, NULL);

	free(text);
	return out;
}

#define has(hay, needle) (strstr((hay), (needle)) != NULL)

static void
test_appeal_glued(void)
{
	char *out = extract_file("appeal-glued.txt");

	tap_ok(has(out, "The town council of Eastmere voted on Monday to close "
	    "the old stone bridge"), "story sentence glued to an appeal survives");
	tap_ok(!has(out, "Donate Now") && !has(out, "Your donation") &&
	    !has(out, "Support us today") && !has(out, "paywall"),
	    "the appeal is gone");
	tap_ok(!has(out, "Read more"), "'Read more' between appeal and story "
	    "is gone");
	tap_ok(has(out, "Local hauliers said the detour"),
	    "the last story paragraph is kept");
	tap_ok(strncmp(out, "The town council", 16) == 0,
	    "output starts with the story");
	free(out);
}

static void
test_disclaimer_tail(void)
{
	char *out = extract_file("disclaimer-tail.txt");

	tap_ok(has(out, "The regional orchestra of Valdora played") &&
	    has(out, "The city expects the hall to draw visitors"),
	    "first and last story paragraphs kept");
	tap_ok(has(out, "\nA hall rebuilt by its city\n") &&
	    has(out, "\nA season planned around the harbour\n"),
	    "headings of the story kept");
	tap_ok(!has(out, "This article was produced"),
	    "production disclaimer dropped");
	tap_ok(!has(out, "do not necessarily reflect"),
	    "opinions disclaimer dropped");
	tap_ok(!has(out, "Follow us on") && !has(out, "Stay informed"),
	    "stay informed / follow us line dropped");
	tap_ok(out[strlen(out) - 1] == '\n' && out[strlen(out) - 2] == '.',
	    "no trailing blank lines");
	free(out);
}

static void
test_short_between(void)
{
	char *out = extract_file("short-between.txt");

	tap_ok(has(out, "\nIt was a close vote.\n"),
	    "short paragraph between two long ones stays");
	tap_ok(has(out, "The library on Mill Street") &&
	    has(out, "Seven councillors voted"), "long paragraphs stay");
	free(out);
}

static void
test_lynx(void)
{
	char *out = extract_file("lynx-wrapped.txt");

	tap_ok(has(out, "almost three weeks earlier than usual, after a dry"),
	    "wrapped lines of a paragraph are joined");
	tap_ok(has(out, "Farmers report early harvest"), "headline kept");
	tap_ok(!has(out, "Home") && !has(out, "Skip to main content") &&
	    !has(out, "Search"), "menu and search form dropped");
	tap_ok(!has(out, "cookies") && !has(out, "Share this") &&
	    !has(out, "All rights reserved") && !has(out, "Privacy Policy"),
	    "share bar, cookie note and footer dropped");
	free(out);
}

static void
test_explain(void)
{
	struct pith_textmode_opts o = {1, 0, NULL, NULL, NULL, NULL};
	struct pbuf out = PBUF_INIT, ex = PBUF_INIT;
	size_t len, kept;
	char *text = slurp("disclaimer-tail.txt", &len);

	kept = pith_textmode_extract(text, len, &o, &out, &ex);
	pbuf_putc(&ex, '\0');
	tap_is_int(kept, 8, "8 paragraphs kept");
	tap_is_int(out.len, 0, "explain writes no text");
	tap_ok(strncmp(ex.p, "keep\tcontent\tclass=", 19) == 0,
	    "explain line: verdict, category, signals");
	tap_ok(has(ex.p, "drop\tdisclaimer\t") && has(ex.p, "drop\tshare\t"),
	    "explain names the categories");
	tap_ok(has(ex.p, "\tThe views and opinions expressed by contrib"),
	    "explain ends with the text");
	free(text);
	pbuf_free(&out);
	pbuf_free(&ex);
}

static void
test_categories(void)
{
	static const struct {
		const char *text;
		int cat;
	} cases[] = {
		{"Follow us on Instagram and TikTok", PITH_TEXT_SHARE},
		{"Share this article", PITH_TEXT_SHARE},
		{"We use cookies to give you the best experience. By continuing "
		    "to use this site you accept our cookie policy.",
		    PITH_TEXT_COOKIE},
		{"Sign up for our newsletter and get the best stories "
		    "delivered to your inbox.", PITH_TEXT_NEWSLETTER},
		{"© 2026 Example Media Ltd. All rights reserved.",
		    PITH_TEXT_COPYRIGHT},
		{"Leave a comment", PITH_TEXT_COMMENTS},
		{"Read more", PITH_TEXT_NAV},
		{"You may also like", PITH_TEXT_RELATED},
		{"Folgen Sie uns auf Facebook", PITH_TEXT_SHARE},
		{"Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu "
		    "bieten.", PITH_TEXT_COOKIE},
		{"Alle Rechte vorbehalten", PITH_TEXT_COPYRIGHT},
		{"Abonnez-vous à notre lettre d'information",
		    PITH_TEXT_NEWSLETTER},
		{"Faites un don pour soutenir notre rédaction",
		    PITH_TEXT_APPEAL},
		{"Todos los derechos reservados", PITH_TEXT_COPYRIGHT},
		{"Síguenos en Twitter", PITH_TEXT_SHARE},
		{"Leggi anche", PITH_TEXT_RELATED},
		{"Utilizziamo i cookie per migliorare il sito",
		    PITH_TEXT_COOKIE},
		{"Leia também", PITH_TEXT_RELATED},
		{"Lees verder", PITH_TEXT_NAV},
		{"Wij gebruiken cookies", PITH_TEXT_COOKIE},
		{"Все права защищены", PITH_TEXT_COPYRIGHT},
		{"Поделиться", PITH_TEXT_SHARE},
		{"Wszelkie prawa zastrzeżone", PITH_TEXT_COPYRIGHT},
		{"Czytaj więcej", PITH_TEXT_NAV},
		{"https://example.com/a https://example.com/b", PITH_TEXT_LINKS},
		{"The river rose by two metres overnight and the council "
		    "opened the school hall to families from the lower "
		    "streets.", PITH_TEXT_NONE},
		{"The charity said it would share the money among twelve "
		    "shelters in the region.", PITH_TEXT_NONE},
		{"Die Stadt will die alte Brücke bis zum Sommer sanieren und "
		    "dafür zwei Millionen Euro ausgeben.", PITH_TEXT_NONE},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = pith_text_boilerplate_category(cases[i].text,
		    strlen(cases[i].text), NULL);

		tap_ok(got == cases[i].cat, "category of '%.40s': %s",
		    cases[i].text, pith_text_category_name(cases[i].cat));
		if (got != cases[i].cat)
			printf("#   got %s\n", pith_text_category_name(got));
	}
}

static void
test_lang(void)
{
	static const struct {
		const char *text, *lang;
	} cases[] = {
		{"The council said that it would not be able to pay for the "
		    "repairs this year, but that it was looking for money.", "en"},
		{"Der Rat sagte, dass er die Reparaturen in diesem Jahr nicht "
		    "bezahlen kann, aber nach Geld sucht.", "de"},
		{"Le conseil a dit qu'il ne pourrait pas payer les réparations "
		    "cette année, mais qu'il cherchait de l'argent.", "fr"},
		{"El consejo dijo que no podría pagar las reparaciones este "
		    "año, pero que estaba buscando dinero para la obra.", "es"},
		{"Il consiglio ha detto che non potrà pagare le riparazioni "
		    "quest'anno, ma che sta cercando i soldi per il ponte.", "it"},
		{"O conselho disse que não poderá pagar os reparos este ano, "
		    "mas que está procurando o dinheiro para a obra.", "pt"},
		{"De gemeente zei dat zij de reparaties dit jaar niet kan "
		    "betalen, maar dat zij naar geld zoekt voor de brug.", "nl"},
		{"Совет сказал, что не сможет оплатить ремонт в этом году, "
		    "но что он ищет деньги для моста.", "ru"},
		{"Rada powiedziała, że nie może zapłacić za remont w tym roku, "
		    "ale że szuka pieniędzy na most.", "pl"},
		{"12345 67890", "und"},
	};
	size_t i;
	double r;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		tap_is(pith_detect_lang(cases[i].text, strlen(cases[i].text)),
		    cases[i].lang, "language %s", cases[i].lang);
	r = pith_stopword_ratio(cases[0].text, strlen(cases[0].text), "en");
	tap_ok(r > 0.3 && r < 0.8, "English prose has many function words "
	    "(%.2f)", r);
	r = pith_stopword_ratio("Home News Sport Weather Travel", 30, "en");
	tap_ok(r == 0.0, "a menu has none (%.2f)", r);
	r = pith_stopword_ratio(cases[1].text, strlen(cases[1].text), "xx");
	tap_ok(r == 0.0, "a language without a list gives 0");
}

static void
test_html_detect(void)
{
	static const char page[] = "<!DOCTYPE html>\n<html><body>x</body>";
	static const char frag[] = "<p>One <a href=x>link</a></p><div>two</div>";
	static const char text[] = "a < b and c > d, as <everyone> knows.\n";

	tap_ok(pith_looks_like_html(page, sizeof page - 1), "doctype is HTML");
	tap_ok(pith_looks_like_html(frag, sizeof frag - 1),
	    "fragment with known tags is HTML");
	tap_ok(!pith_looks_like_html(text, sizeof text - 1),
	    "text with angle brackets is not");
	tap_ok(!pith_looks_like_html("", 0), "empty input is not");
}

static void
test_bad_input(void)
{
	static const char junk[] = "\xff\xfe\x00\x01 abc\x00\x80\x80\n\n\xc3";
	char *out, *big;
	size_t i, n = 200000;

	out = extract(junk, sizeof junk - 1, NULL);
	tap_ok(out != NULL, "binary junk does not crash");
	free(out);
	out = extract("", 0, NULL);
	tap_is(out, "", "empty input, empty output");
	free(out);
	big = xmalloc(n);
	for (i = 0; i < n; i++)
		big[i] = "word "[i % 5];
	out = extract(big, n, NULL);
	tap_ok(out != NULL, "one huge line does not crash");
	free(out);
	free(big);
}

/* Paragraphs are at most PITH_TEXT_PARA_MAX bytes: an endless line of
 * prose is cut at sentence ends into paragraphs that are each kept (not
 * dropped as one unjudgeable block), a line without blanks is cut on a
 * UTF-8 boundary, and so is an endless run of wrapped lines. */
static const char *const story[] = {
	"The ferry left the harbour an hour late because the fog had not "
	"lifted from the bay.",
	"Most of the passengers stayed inside, where the windows were "
	"fogged and the coffee was warm.",
	"An old fisherman told us that the crossing had been rougher in the "
	"years before the new pier was built.",
	"By the time we reached the island, the sun had burned through the "
	"clouds and the water was calm.",
	"The village has one school, two churches and a bakery that opens "
	"before five in the morning.",
};

static int
utf8_ok(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 :
		    c >= 0xc2 ? 2 : 0;

		if (k == 0 || i + k > n)
			return 0;
		while (--k > 0)
			if (((unsigned char)s[++i] & 0xc0) != 0x80)
				return 0;
		i++;
	}
	return 1;
}

/* Checks every paragraph of `out` ("para\n\npara\n"): its length, and
 * with `sentence` that it ends a sentence. Returns the paragraph count. */
static size_t
paras_ok(const char *out, int sentence, int *ok)
{
	const char *p = out, *e;
	size_t n = 0, len;

	*ok = 1;
	while (*p != '\0') {
		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		if (len > PITH_TEXT_PARA_MAX || !utf8_ok(p, len) ||
		    (sentence && (len == 0 || p[len - 1] != '.')))
			*ok = 0;
		n++;
		if (e == NULL)
			break;
		p = e[1] == '\n' ? e + 2 : e + 1;
	}
	return n;
}

static void
test_long_line(void)
{
	struct pith_textmode_opts o = {0, 0, NULL, NULL, NULL, NULL};
	struct pbuf in = PBUF_INIT, wrapped = PBUF_INIT;
	size_t split = 0, n, i;
	char *out;
	int ok;

	o.split = &split;
	for (i = 0; in.len < 300000; i++) {
		pbuf_puts(&in, story[(i * 7 + i / 5) % 5]);
		pbuf_putc(&in, ' ');
	}
	out = extract(in.p, in.len, &o);
	n = paras_ok(out, 1, &ok);
	tap_ok(n >= 5 && ok, "a 300 KB line of prose: %zu paragraphs, each "
	    "at most %zu bytes, cut at sentence ends", n, PITH_TEXT_PARA_MAX);
	tap_is_int(split, n - 1, "the cuts are counted");
	/* Nothing lost: each cut trades a blank for a blank line. */
	tap_ok(strlen(out) + 16 >= in.len, "all of the prose is kept (%zu of "
	    "%zu bytes)", strlen(out), in.len);
	free(out);

	/* No blank at all, in two-byte characters: cut between them. */
	pbuf_reset(&in);
	while (in.len < 200001)
		pbuf_puts(&in, "\xc3\xa9");
	pbuf_append(&in, "x", 1);
	split = 0;
	out = extract(in.p, in.len, &o);
	paras_ok(out, 0, &ok);
	tap_ok(ok && split == 3, "200 KB without a blank: cut into pieces of "
	    "whole characters (%zu cuts)", split);
	free(out);

	/* Wrapped lines without a blank line between them. */
	for (i = 0; wrapped.len < 200000; i++)
		pbuf_puts(&wrapped, "the harbour and the ferry and the fog on "
		    "the bay were all that we saw of it\n");
	split = 0;
	o.explain = 1;
	{
		struct pbuf ex = PBUF_INIT, txt = PBUF_INIT;
		const char *p;

		pith_textmode_extract(wrapped.p, wrapped.len, &o, &txt, &ex);
		for (n = 0, p = ex.p; p && (p = strchr(p, '\n')); p++)
			n++;
		tap_ok(split >= 3 && n == split + 1, "200 KB of wrapped lines "
		    "without a break: %zu paragraphs, %zu cuts", n, split);
		pbuf_free(&ex);
		pbuf_free(&txt);
	}
	pbuf_free(&in);
	pbuf_free(&wrapped);
}

static void
test_bias(void)
{
	struct pith_textmode_opts lo = {0, -1, NULL, NULL, NULL, NULL};
	struct pith_textmode_opts hi = {0, 1, NULL, NULL, NULL, NULL};
	size_t len;
	char *text = slurp("short-between.txt", &len), *a, *b;

	a = extract(text, len, &lo);
	b = extract(text, len, &hi);
	tap_ok(strlen(a) >= strlen(b), "recall bias keeps at least as much "
	    "as precision bias");
	free(a);
	free(b);
	free(text);
}

int
main(void)
{
	test_appeal_glued();
	test_disclaimer_tail();
	test_short_between();
	test_lynx();
	test_explain();
	test_categories();
	test_lang();
	test_html_detect();
	test_bad_input();
	test_bias();
	test_long_line();
	return tap_done();
}
