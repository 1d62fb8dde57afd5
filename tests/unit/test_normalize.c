/* pith_normalize(): whitespace and layout, invisible and control
 * characters, joiners, repairs, foldings, forms, streaming. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tap.h"

static struct pith_norm_opts defaults;

/* Normalizes s with o (NULL: defaults); the result stays valid until the
 * next call. */
static const char *
norm(const struct pith_norm_opts *o, const char *s)
{
	static struct pbuf out = PBUF_INIT;

	pbuf_reset(&out);
	pith_normalize(o ? o : &defaults, s, strlen(s), &out, NULL);
	return out.p ? out.p : "";
}

static void
test_layout(void)
{
	tap_is(norm(NULL, "a  b \t c"), "a b\tc\n",
	    "spaces collapse; a tab is kept, the spaces around it go");
	tap_is(norm(NULL, "  lead and trail  \n"), "lead and trail\n",
	    "both ends of a line are trimmed");
	tap_is(norm(NULL, "a\r\nb\rc\n"), "a\nb\nc\n", "CRLF and CR become LF");
	tap_is(norm(NULL, "\n\n\na\n\n\n\nb\n\n\n"), "a\n\nb\n",
	    "one blank line between paragraphs, none at either end");
	tap_is(norm(NULL, "a\n \t \nb"), "a\n\nb\n",
	    "a line of spaces is blank");
	tap_is(norm(NULL, "x\xc2\xa0y\xe2\x80\x83z\xe3\x80\x80w"), "x y z w\n",
	    "no-break, em and ideographic spaces become plain spaces");
	tap_is(norm(NULL, "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"), "a\nb\n\nc\n",
	    "line and paragraph separators become newlines");
	tap_is(norm(NULL, ""), "", "empty input, empty output");
	tap_is(norm(NULL, "\n \n"), "", "only blank lines: empty output");
}

static void
test_keep_space(void)
{
	struct pith_norm_opts o = defaults;

	o.keep_space = 1;
	tap_is(norm(&o, "a  b\r\n\n\nc\xc2\xa0"), "a  b\r\n\n\nc\xc2\xa0",
	    "--keep-space leaves spaces, CRLF and blank lines");
}

static void
test_invisible(void)
{
	struct pith_norm_opts o = defaults;

	tap_is(norm(NULL, "\xef\xbb\xbfso\xc2\xad" "ft\xe2\x80\x8bly\xe2\x81\xa0!"),
	    "softly!\n", "BOM, soft hyphen, ZWSP and word joiner removed");
	tap_is(norm(NULL, "a\x01" "b\x1b" "c\x7f" "d\xc2\x81"), "abcd\n",
	    "C0, DEL and C1 controls removed (a C1 with no windows-1252 "
	    "meaning)");
	tap_is(norm(NULL, "\x1b[1;31mred\x1b[0m \x1b[Kok"), "red ok\n",
	    "terminal escape sequences removed whole");
	tap_is(norm(NULL, "x\xe2\x80\xaey\xe2\x80\xac\xe2\x80\x8fz"), "xyz\n",
	    "bidi controls removed by default");
	o.keep_bidi = 1;
	tap_is(norm(&o, "x\xe2\x80\xaey\xe2\x80\xac"), "x\xe2\x80\xaey\xe2\x80\xac\n",
	    "--keep-bidi keeps them");
	/* man + ZWJ + laptop: the technologist emoji */
	tap_is(norm(NULL, "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x92\xbb"),
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x92\xbb\n",
	    "ZWJ kept inside an emoji sequence");
	/* Persian mi-khaham: ZWNJ between the prefix and the verb */
	tap_is(norm(NULL, "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85"),
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85\n",
	    "ZWNJ kept in Persian");
	tap_is(norm(NULL, "ab\xe2\x80\x8d" "cd\xe2\x80\x8c" "e"), "abcde\n",
	    "ZWJ and ZWNJ between Latin letters removed");
}

static void
test_repairs(void)
{
	struct pith_norm_opts o = defaults;
	struct pith_norm_stats st;
	struct pbuf out = PBUF_INIT;

	tap_is(norm(NULL, "don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t"),
	    "don\xe2\x80\x99t\n", "mojibake: donâ€™t -> don’t");
	tap_is(norm(NULL, "\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9"), "\xc3\xa9t\xc3\xa9\n",
	    "mojibake: Ã©tÃ© -> été");
	tap_is(norm(NULL, "Iggy Pop (n\xc3\x83\xc6\x92\xc3\x82\xc2\xa9)"),
	    "Iggy Pop (n\xc3\xa9)\n", "mojibake twice over: nÃƒÂ© -> né");
	tap_is(norm(NULL, "\xc3\x90\xc2\x9f\xc3\x91\xe2\x82\xac\xc3\x90\xc2\xb8"
	    "\xc3\x90\xc2\xb2\xc3\x90\xc2\xb5\xc3\x91\xe2\x80\x9a"),
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\n",
	    "mojibake of Cyrillic: ÐŸÑ€Ð¸Ð²ÐµÑ‚ -> Привет");
	tap_is(norm(NULL, "caf\xc3\xa9 \xc3\x85ngstr\xc3\xb6m"),
	    "caf\xc3\xa9 \xc3\x85ngstr\xc3\xb6m\n", "correct text untouched");
	tap_is(norm(NULL, "5\xc3\x97\xc2\xa3" "35"), "5\xc3\x97\xc2\xa3" "35\n",
	    "negative: 5×£35 is not mojibake of a Hebrew letter");
	tap_is(norm(NULL, "MARQU\xc3\x89\xe2\x80\xa6"), "MARQU\xc3\x89\xe2\x80\xa6\n",
	    "negative: MARQUÉ… stays");
	tap_is(norm(NULL, "Le \xc2\x93mot\xc2\x94 \xc2\x85"),
	    "Le \xe2\x80\x9cmot\xe2\x80\x9d \xe2\x80\xa6\n",
	    "C1 controls read back as windows-1252");
	o.mojibake = 0;
	tap_is(norm(&o, "don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t \xc2\x93"),
	    "don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t\n",
	    "--no-mojibake leaves mojibake (and drops the C1 control)");
	tap_is(norm(NULL, "AT&amp;T &#8217; &#x2019; &lt;b&gt; a&nbsp;b &#150; &bogus; AT&T"),
	    "AT&T \xe2\x80\x99 \xe2\x80\x99 <b> a b \xe2\x80\x93 &bogus; AT&T\n",
	    "character references decoded; unknown and bare '&' kept");
	tap_is(norm(NULL, "&amp;amp;lt;"), "<\n",
	    "references escaped more than once decoded to the end");
	tap_is(norm(NULL, "&#0; &#xD800; &#1114112;"), "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd\n",
	    "NUL, surrogate and out-of-range references become U+FFFD");
	o = defaults;
	o.entities = 0;
	tap_is(norm(&o, "AT&amp;T"), "AT&amp;T\n", "--no-entities");
	pith_normalize(&defaults, "ok\xff\xfe and \xe2\x82 and \xc0\xaf", 19,
	    &out, &st);
	tap_is(out.p, "ok\xef\xbf\xbd\xef\xbf\xbd and \xef\xbf\xbd and "
	    "\xef\xbf\xbd\xef\xbf\xbd\n", "invalid UTF-8 becomes U+FFFD");
	tap_is_int(st.invalid, 5, "and is counted");
	tap_is_int(st.first_invalid_line, 1, "on line 1");
	pbuf_free(&out);
}

static void
test_folding(void)
{
	struct pith_norm_opts o = defaults;

	tap_is(norm(NULL, "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x94 \xe2\x80\xa6 "
	    "\xef\xbc\xa1 \xef\xac\x81"),
	    "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x94 \xe2\x80\xa6 \xef\xbc\xa1 "
	    "\xef\xac\x81\n", "no folding by default");
	o.ascii_punct = 1;
	tap_is(norm(&o, "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x98s\xe2\x80\x99 "
	    "\xe2\x80\x94 \xe2\x80\x93 x\xe2\x80\x91y \xe2\x80\xa6"),
	    "\"q\" 's' - - x-y ...\n", "--ascii-punct");
	o = defaults;
	o.ascii_quotes = 1;
	tap_is(norm(&o, "\xe2\x80\x9eq\xe2\x80\x9c \xe2\x80\x94"),
	    "\"q\" \xe2\x80\x94\n", "--ascii-quotes folds only quotes");
	o = defaults;
	o.fullwidth = 1;
	tap_is(norm(&o, "\xef\xbc\xa1\xef\xbd\x82\xef\xbc\x91\xef\xbc\x81"),
	    "Ab1!\n", "--fullwidth");
	o.keep_space = 1;
	tap_is(norm(&o, "\xef\xbc\xa1\xe3\x80\x80\xef\xbd\xb6\xef\xbe\x9e"),
	    "A \xe3\x82\xac", "--fullwidth: ideographic space, half-width kana "
	    "(composed)");
	o = defaults;
	o.ligatures = 1;
	tap_is(norm(&o, "\xef\xac\x81nd \xef\xac\x84" "e \xc4\xb3s"),
	    "find ffle ijs\n", "--ligatures");
}

static void
test_forms(void)
{
	struct pith_norm_opts o = defaults;

	tap_is(norm(NULL, "e\xcc\x81 \xe2\x84\xab"), "\xc3\xa9 \xc3\x85\n",
	    "NFC by default (composes, maps singletons)");
	o.form = PITH_NFD;
	tap_is(norm(&o, "\xc3\xa9"), "e\xcc\x81\n", "--nfd");
	o.form = PITH_NFKC;
	tap_is(norm(&o, "\xef\xac\x81 \xc2\xb2 e\xcc\x81"), "fi 2 \xc3\xa9\n",
	    "--nfkc");
	o.form = PITH_NFKD;
	tap_is(norm(&o, "\xc2\xbd\xc3\xa9"), "1\xe2\x81\x84" "2e\xcc\x81\n",
	    "--nfkd");
	o.form = PITH_NFC;
	o.casefold = 1;
	tap_is(norm(&o, "Stra\xc3\x9f" "e \xc3\x89T\xc3\x89 ABC"),
	    "strasse \xc3\xa9t\xc3\xa9 abc\n", "--casefold");
}

/* Feeding one byte at a time gives the same bytes as the whole. */
static void
test_streaming(void)
{
	const char *text = "  Le caf\xc3\xa9\r\n\r\n\r\ndon\xc3\xa2\xe2\x82\xac"
	    "\xe2\x84\xa2t &amp; e\xcc\x81\n\xf0\x9f\x91\xa8\xe2\x80\x8d"
	    "\xf0\x9f\x92\xbb  x\n\n";
	struct pbuf whole = PBUF_INIT, parts = PBUF_INIT;
	struct pith_norm *n;
	size_t i, len = strlen(text);
	char *big;

	pith_normalize(&defaults, text, len, &whole, NULL);
	n = pith_norm_new(&defaults);
	for (i = 0; i < len; i++)
		pith_norm_feed(n, text + i, 1, &parts);
	pith_norm_finish(n, &parts);
	tap_is(parts.p, whole.p, "byte-at-a-time feeding equals one buffer");

	/* A 3 MiB line is cut and normalized in parts, with the same
	 * result. */
	big = xmalloc(3 << 20);
	for (i = 0; i < (3u << 20); i++)
		big[i] = "ab c\xc3\xa9"[i % 6];
	pbuf_reset(&parts);
	pith_norm_feed(n, big, 3 << 20, &parts);
	tap_ok(parts.len > 0, "a long line is cut before its end");
	pith_norm_finish(n, &parts);
	pbuf_reset(&whole);
	pith_normalize(&defaults, big, 3 << 20, &whole, NULL);
	tap_ok(parts.len == whole.len &&
	    memcmp(parts.p, whole.p, whole.len) == 0,
	    "and the parts join up to the whole");
	free(big);
	pith_norm_free(n);
	pbuf_free(&whole);
	pbuf_free(&parts);
}

/* Normalizing the output again changes nothing, under every option. */
static void
test_idempotent(void)
{
	static const char *const texts[] = {
		"&amp;lt; \xef\xbc\x86" "amp; x\r\ny\xe2\x80\xa9z",
		"\xc3\x83\xc2\xa9 \xc3\x83 s \xc3\x83\xc2\xa0 e\xe2\x80\x8b\xcc\x81",
		"\xc2\x93q\xc2\x94 \xef\xac\x81 \xe2\x80\xa6 \xe1\x84\x80\xe1\x85\xa1",
		"a\xe2\x80\x8d\xe2\x80\x8d" "b \xd9\x85\xe2\x80\x8c\xe2\x80\x8c\xd8\xae",
	};
	struct pith_norm_opts o;
	struct pbuf a = PBUF_INIT, b = PBUF_INIT;
	size_t t;
	int variant, bad = 0;

	for (variant = 0; variant < 6; variant++) {
		o = defaults;
		o.form = (enum pith_norm_form)(variant % 4);
		o.casefold = variant == 4;
		o.ascii_punct = o.fullwidth = o.ligatures = variant == 5;
		for (t = 0; t < sizeof texts / sizeof *texts; t++) {
			pbuf_reset(&a);
			pbuf_reset(&b);
			pith_normalize(&o, texts[t], strlen(texts[t]), &a, NULL);
			pith_normalize(&o, a.p, a.len, &b, NULL);
			if (a.len != b.len || memcmp(a.p, b.p, a.len) != 0) {
				bad++;
				printf("# not idempotent: variant %d text %zu\n",
				    variant, t);
			}
		}
	}
	tap_ok(bad == 0, "normalizing twice equals normalizing once");
	pbuf_free(&a);
	pbuf_free(&b);
}

/* Random lines over an alphabet rich in mojibake material: no crash
 * (the sanitizer build watches), and idempotent. */
static void
test_random(void)
{
	static const char *const alphabet[] = {
		"a", "Z", " ", " ", "\t", "&", ";", "#", "?", "\xc3\x83",
		"\xc3\x82", "\xc3\xa2", "\xc3\xad", "\xc2\xa0", "\xc2\xbd",
		"\xc2\xa9", "\xe2\x82\xac", "\xe2\x84\xa2", "\xc5\x93",
		"\xc2\x80", "\xc2\x9d", "\xc3\x90", "\xd0\xa0", "\xd0\xa1",
		"\xd1\x9f", "\xe2\x88\x9a", "\xef\xbf\xbd", "\xcc\x81",
		"\xe2\x80\x8d", "\xe2\x80\x8c", "\xef\xbb\xbf", "&amp;",
		"&#x41;", "&#150;", "\xf0\x9f\x91\xa8", "\xe1\x85\xa1",
		"\xc3\xa9", "\xce\x88", "\xff", "\xed\xa0\xbd", "\r",
	};
	struct pbuf line = PBUF_INIT, a = PBUF_INIT, b = PBUF_INIT;
	unsigned long seed = 12345;
	int i, k, bad = 0;

	for (i = 0; i < 3000; i++) {
		int len;

		pbuf_reset(&line);
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = (int)(seed >> 33) % 40;
		for (k = 0; k < len; k++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			pbuf_puts(&line, alphabet[(seed >> 33) %
			    (sizeof alphabet / sizeof *alphabet)]);
		}
		pbuf_reset(&a);
		pbuf_reset(&b);
		pith_normalize(&defaults, line.p ? line.p : "", line.len, &a,
		    NULL);
		pith_normalize(&defaults, a.p ? a.p : "", a.len, &b, NULL);
		if (a.len != b.len || (a.len && memcmp(a.p, b.p, a.len))) {
			if (bad++ < 3)
				printf("# not idempotent: '%s' -> '%s' -> '%s'\n",
				    line.p, a.p, b.p);
		}
	}
	tap_ok(bad == 0, "3000 random lines: idempotent, no crash");
	pbuf_free(&line);
	pbuf_free(&a);
	pbuf_free(&b);
}

static void
test_api(void)
{
	struct pbuf out = PBUF_INIT;

	tap_ok(pith_norm_form(PITH_NFD, 0, "\xc3\xa9", 2, &out) == 0 &&
	    strcmp(out.p, "e\xcc\x81") == 0, "pith_norm_form");
	tap_ok(pith_norm_form(PITH_NFC, 0, "\xff", 1, &out) == -1,
	    "pith_norm_form rejects invalid UTF-8");
	pbuf_reset(&out);
	tap_is_int(pith_unmojibake("\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9", 10,
	    &out), 2, "pith_unmojibake counts the sequences it repairs");
	tap_is(out.p, "\xc3\xa9t\xc3\xa9", "and repairs them");
	pbuf_free(&out);
}

int
main(void)
{
	pith_norm_defaults(&defaults);
	test_layout();
	test_keep_space();
	test_invisible();
	test_repairs();
	test_folding();
	test_forms();
	test_streaming();
	test_idempotent();
	test_random();
	test_api();
	return tap_done();
}
