/* Labels, sniffing, and the decoders that need no iconv: UTF-8, UTF-16,
 * the single-byte tables, x-user-defined and replacement. With
 * ../shared: every WHATWG label, every html5lib sniffing case and every
 * byte of every single-byte index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "encoding.h"
#include "tap.h"

#define FFFD "\xEF\xBF\xBD"

static char whatwg[4096];

/* Decodes and compares the UTF-8 result and the error count. */
static void
check_decode(const char *enc, const char *in, size_t inlen, const char *want,
    size_t want_len, size_t want_errors, const char *what)
{
	struct pbuf out = PBUF_INIT;
	size_t errors;

	errors = pith_decode(enc, in, inlen, &out);
	tap_ok(out.p != NULL && out.p[out.len] == '\0' && out.len == want_len &&
	    memcmp(out.p, want, want_len) == 0 && errors == want_errors,
	    "%s: %s", enc, what);
	if (out.len != want_len || errors != want_errors)
		printf("#   got %zu bytes, %zu errors; want %zu bytes, %zu"
		    " errors\n", out.len, errors, want_len, want_errors);
	pbuf_free(&out);
}

#define DEC(enc, in, want, nerr, what) check_decode(enc, in, \
	sizeof(in) - 1, want, sizeof(want) - 1, nerr, what)

static void
test_labels(void)
{
	tap_is(pith_encoding_for_label("latin1", 6), "windows-1252",
	    "latin1 is windows-1252");
	tap_is(pith_encoding_for_label(" \tUTF8\r\n", 8), "UTF-8",
	    "whitespace trimmed, case ignored");
	tap_is(pith_encoding_for_label("utf-16", 6), "UTF-16LE",
	    "utf-16 is UTF-16LE");
	tap_is(pith_encoding_for_label("iso-2022-kr", 11), "replacement",
	    "iso-2022-kr is replacement");
	tap_is(pith_encoding_for_label("X-SJIS", 6), "Shift_JIS",
	    "x-sjis is Shift_JIS");
	tap_is(pith_encoding_for_label("ks_c_5601-1987", 14), "EUC-KR",
	    "ks_c_5601-1987 is EUC-KR");
	tap_ok(pith_encoding_for_label("utf-8x", 5) != NULL,
	    "only len bytes are read");
	tap_ok(pith_encoding_for_label("bogus", 5) == NULL, "unknown label");
	tap_ok(pith_encoding_for_label("", 0) == NULL, "empty label");
	tap_ok(pith_encoding_for_label("   ", 3) == NULL, "blank label");
	tap_ok(pith_encoding_for_label("utf-8\0", 6) == NULL,
	    "a NUL inside the label does not match");
	tap_ok(pith_encoding_for_label("u t f-8", 7) == NULL,
	    "inner whitespace is not trimmed");
	tap_ok(pith_encoding_for_label("\vutf-8", 6) == NULL,
	    "VT is not ASCII whitespace");
}

static void
test_shared_labels(void)
{
	char path[4200], line[256], padded[300], *tab;
	int n = 0, bad = 0;
	const char *got;
	FILE *f;
	size_t i;

	snprintf(path, sizeof path, "%s/labels.tsv", whatwg);
	if ((f = fopen(path, "r")) == NULL) {
		tap_ok(0, "open %s", path);
		return;
	}
	fgets(line, sizeof line, f);	/* header */
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab++ = '\0';
		n++;
		got = pith_encoding_for_label(line, strlen(line));
		/* and upper case with ASCII whitespace around it */
		snprintf(padded, sizeof padded, "\f %s\t\n", line);
		for (i = 0; padded[i]; i++)
			if (padded[i] >= 'a' && padded[i] <= 'z')
				padded[i] -= 32;
		if (got == NULL || strcmp(got, tab) != 0 ||
		    (got = pith_encoding_for_label(padded, strlen(padded))) ==
		    NULL || strcmp(got, tab) != 0) {
			bad++;
			printf("# label %s: got %s, want %s\n", line,
			    got ? got : "(null)", tab);
		}
	}
	fclose(f);
	tap_is_int(n, 228, "labels.tsv has 228 labels");
	tap_is_int(bad, 0, "every WHATWG label maps to its encoding");
}

static size_t
unescape(const char *s, char *out)
{
	size_t n = 0;
	unsigned v;

	while (*s) {
		if (*s != '\\') {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'n': out[n++] = '\n'; s++; break;
		case 'r': out[n++] = '\r'; s++; break;
		case 't': out[n++] = '\t'; s++; break;
		case '\\': out[n++] = '\\'; s++; break;
		case 'x':
			sscanf(s + 1, "%2x", &v);
			out[n++] = (char)v;
			s += 3;
			break;
		default:
			out[n++] = '\\';
		}
	}
	return n;
}

static void
test_sniff_cases(const char *shared)
{
	char path[4200], *line = NULL, *f[6], *input, *p;
	size_t cap = 0, len;
	int passed = 0, total = 0, i;
	const char *got;
	FILE *fp;

	snprintf(path, sizeof path, "%s/conformance/encoding/sniff-cases.tsv",
	    shared);
	if ((fp = fopen(path, "r")) == NULL) {
		tap_ok(0, "open %s", path);
		return;
	}
	getline(&line, &cap, fp);	/* header */
	while (getline(&line, &cap, fp) > 0) {
		line[strcspn(line, "\n")] = '\0';
		for (i = 0, p = line; i < 6; i++) {
			f[i] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (i < 5)
			continue;
		total++;
		input = malloc(strlen(f[3]) + 1);
		len = unescape(f[3], input);
		if (len != (size_t)atol(f[2])) {
			tap_ok(0, "sniff %s: unescaped %zu bytes, want %s",
			    f[0], len, f[2]);
			free(input);
			continue;
		}
		got = pith_sniff_html_fallback(input, len, NULL,
		    "windows-1252");
		tap_ok(got != NULL && strcasecmp(got, f[5]) == 0,
		    "sniff %s: %s", f[0], f[5]);
		if (got != NULL && strcasecmp(got, f[5]) == 0)
			passed++;
		else
			printf("#   got %s\n", got ? got : "(null)");
		free(input);
	}
	free(line);
	fclose(fp);
	tap_is_int(total, 82, "82 sniffing cases read");
	printf("# sniffing: %d of %d cases pass\n", passed, total);
}

static void
test_sniff(void)
{
	static char big[4096];
	const char *meta = "<meta charset=iso-8859-2>", *p;
	size_t n;

	tap_is(pith_sniff_html("\xEF\xBB\xBF<meta charset=latin2>", 27,
	    "koi8-r"), "UTF-8", "UTF-8 BOM beats transport and meta");
	tap_is(pith_sniff_html("\xFE\xFF\0<", 4, NULL), "UTF-16BE",
	    "UTF-16BE BOM");
	tap_is(pith_sniff_html("\xFF\xFE<\0", 4, NULL), "UTF-16LE",
	    "UTF-16LE BOM");
	tap_is(pith_sniff_html(meta, strlen(meta), " Latin1 "),
	    "windows-1252", "transport label beats meta");
	tap_is(pith_sniff_html(meta, strlen(meta), "nonsense"), "ISO-8859-2",
	    "unknown transport label is ignored");
	tap_is(pith_sniff_html("caf\xC3\xA9", 5, NULL), "UTF-8",
	    "no hint, valid UTF-8: UTF-8");
	tap_is(pith_sniff_html("caf\xE9", 4, NULL), "windows-1252",
	    "no hint, not UTF-8: windows-1252");
	tap_is(pith_sniff_html("", 0, NULL), "UTF-8", "empty input: UTF-8");
	tap_is(pith_sniff_html_fallback("caf\xC3\xA9", 5, NULL, "latin2"),
	    "ISO-8859-2", "explicit fallback label");
	tap_is(pith_sniff_html("<meta charset=x-user-defined>", 29, NULL),
	    "windows-1252", "meta x-user-defined means windows-1252");
	tap_is(pith_sniff_html("<meta charset=utf-16be>", 23, NULL), "UTF-8",
	    "meta UTF-16BE means UTF-8");
	tap_is(pith_sniff_html("<\0?\0x\0m\0l\0", 10, NULL), "UTF-16LE",
	    "UTF-16LE XML declaration");
	tap_is(pith_prescan_meta("<!-->a<meta charset=koi8-r>", 27),
	    "KOI8-R", "<!--> is a whole comment");
	tap_ok(pith_prescan_meta("<!-- <meta charset=koi8-r> -->", 30) == NULL,
	    "a meta in a comment is ignored");
	p = "<meta http-equiv=Content-Type content='text/html;charset ="
	    " \"koi8-u\"'>";
	tap_is(pith_prescan_meta(p, strlen(p)), "KOI8-U",
	    "pragma with quoted charset in content");
	tap_ok(pith_prescan_meta("<meta content='text/html;charset=koi8-u'>",
	    41) == NULL, "content charset needs http-equiv");
	tap_is(pith_prescan_meta("<meta charset=latin2 charset=koi8-r>", 36),
	    "ISO-8859-2", "a repeated attribute is ignored");
	tap_is(pith_prescan_meta("<meta/charset=latin2>", 21), "ISO-8859-2",
	    "<meta/ starts a meta");
	tap_is(pith_prescan_meta("<a title='>'><meta charset=latin2>", 34),
	    "ISO-8859-2", "quoted '>' inside another tag");
	tap_ok(pith_prescan_meta("<x<meta charset=latin2>", 23) == NULL,
	    "a meta inside another tag's name is not a meta");
	p = "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n<p>x";
	tap_is(pith_prescan_meta(p, strlen(p)), "ISO-8859-2",
	    "XML declaration without a meta");
	p = "<?xml version='1.0' encoding = 'koi8-r'?><meta charset=latin2>";
	tap_is(pith_prescan_meta(p, strlen(p)), "ISO-8859-2",
	    "a meta beats the XML declaration");
	p = "<?xml version='1.0' encoding = 'koi8-r'?>";
	tap_is(pith_prescan_meta(p, strlen(p)), "KOI8-R",
	    "XML declaration: spaces around '=', single quotes");
	p = "<?xml version='1.0' encoding=koi8-r?>";
	tap_ok(pith_prescan_meta(p, strlen(p)) == NULL,
	    "XML declaration: unquoted encoding is ignored");
	p = "<?xml version='1.0' encoding='utf-16'?>";
	tap_is(pith_prescan_meta(p, strlen(p)), "UTF-8",
	    "XML declaration: UTF-16 means UTF-8");
	p = " <?xml version='1.0' encoding='koi8-r'?>";
	tap_ok(pith_prescan_meta(p, strlen(p)) == NULL,
	    "XML declaration only at the very start");
	p = "<?xml version='1.0'?><p encoding='koi8-r'>";
	tap_ok(pith_prescan_meta(p, strlen(p)) == NULL,
	    "XML declaration: encoding after its end is ignored");

	/* Beyond 1024 bytes: found while still in the head, not after. */
	memset(big, ' ', sizeof big);
	memcpy(big, "<html><head><title>t</title>", 28);
	memcpy(big + 2000, meta, strlen(meta));
	n = 2000 + strlen(meta);
	tap_ok(pith_prescan_meta(big, n) == NULL,
	    "pith_prescan_meta stops at 1024 bytes");
	tap_is(pith_sniff_html(big, n, NULL), "ISO-8859-2",
	    "a meta past 1024 bytes in the head is found");
	memcpy(big + 1500, "<body>", 6);
	tap_is(pith_sniff_html(big, n, NULL), "UTF-8",
	    "a meta past 1024 bytes after <body> is not");
	memcpy(big + 1500, "</head>", 7);
	tap_is(pith_sniff_html(big, n, NULL), "UTF-8",
	    "nor one after </head>");
	memcpy(big + 1500, "<!-- <p> -->", 12);
	tap_is(pith_sniff_html(big, n, NULL), "ISO-8859-2",
	    "a tag inside a comment does not end the head");
	memcpy(big + 1500, "<script>w('<p>')</script>", 25);
	tap_is(pith_sniff_html(big, n, NULL), "ISO-8859-2",
	    "nor does a tag inside a script");
	memcpy(big + 1500, "<script>w('<p>')</script><p>", 28);
	tap_is(pith_sniff_html(big, n, NULL), "UTF-8",
	    "but a tag after the script does");
	memset(big + 1500, ' ', 28);
	memcpy(big + 100, "<p>", 3);
	memcpy(big + 900, "<meta charset=koi8-r>", 21);
	tap_is(pith_sniff_html(big, n, NULL), "KOI8-R",
	    "within 1024 bytes a meta in the body still counts");
}

static size_t
utf8_of(unsigned cp, char *u)
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	u[0] = (char)(0xE0 | cp >> 12);
	u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	u[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Each of the 256 bytes alone, then all in one buffer, against the code
 * points in cp[]. */
static int
check_single_byte(const char *name, const unsigned cp[256])
{
	struct pbuf out = PBUF_INIT, want = PBUF_INIT;
	unsigned char all[256];
	size_t errors, want_errors = 0, n;
	char u[4];
	int b, bad = 0;

	for (b = 0; b < 256; b++) {
		all[b] = (unsigned char)b;
		n = utf8_of(cp[b], u);
		pbuf_append(&want, u, n);
		want_errors += cp[b] == 0xFFFD;
		pbuf_reset(&out);
		errors = pith_decode(name, &all[b], 1, &out);
		if (out.len != n || memcmp(out.p, u, n) != 0 ||
		    errors != (cp[b] == 0xFFFD)) {
			if (bad++ < 3)
				printf("# %s byte 0x%02X: want U+%04X\n", name,
				    b, cp[b]);
		}
	}
	pbuf_reset(&out);
	errors = pith_decode(name, all, 256, &out);
	if (out.len != want.len || memcmp(out.p, want.p, want.len) != 0 ||
	    errors != want_errors)
		bad++;
	pbuf_free(&out);
	pbuf_free(&want);
	return bad == 0;
}

/* Every byte of every single-byte encoding against its index file. */
static void
test_single_byte_indexes(void)
{
	char path[4200], line[512], name[64], kind[32], index[64];
	unsigned cp[256], v;
	int p, b, total = 0;
	FILE *f, *ix;

	snprintf(path, sizeof path, "%s/encodings.tsv", whatwg);
	if ((f = fopen(path, "r")) == NULL) {
		tap_ok(0, "open %s", path);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%63[^\t]\t%31[^\t]\t%*d\t%63[^\t\n]", name,
		    kind, index) != 3 || strcmp(kind, "single-byte") != 0)
			continue;
		total++;
		snprintf(path, sizeof path, "%s/%s", whatwg, index);
		if ((ix = fopen(path, "r")) == NULL) {
			tap_ok(0, "open %s", path);
			continue;
		}
		for (b = 0; b < 256; b++)
			cp[b] = b < 0x80 ? (unsigned)b : 0xFFFD;
		while (fgets(line, sizeof line, ix) != NULL)
			if (line[0] != '#' &&
			    sscanf(line, " %d\t0x%x", &p, &v) == 2 &&
			    p >= 0 && p < 128)
				cp[0x80 + p] = v;
		fclose(ix);
		tap_ok(check_single_byte(name, cp),
		    "%s: all 256 bytes as %s says", name, index);
	}
	fclose(f);
	tap_is_int(total, 28, "28 single-byte encodings checked");
}

static void
test_single_byte(void)
{
	DEC("windows-1252", "\x80\x81\x8D\x8F\x90\x9D\x9F",
	    "\xE2\x82\xAC\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D\xC5\xB8", 0,
	    "0x80-0x9F quirks: euro, the five C1 controls, Y diaeresis");
	DEC("windows-1252", "caf\xE9 \xA0\xFF", "caf\xC3\xA9 \xC2\xA0\xC3\xBF",
	    0, "Latin-1 range");
	DEC("windows-1253", "\xAA", FFFD, 1, "unmapped byte is U+FFFD");
	DEC("ISO-8859-8-I", "\xE0", "\xD7\x90", 0, "uses the ISO-8859-8 index");
	DEC("x-user-defined", "a\x80\xFF", "a\xEF\x9E\x80\xEF\x9F\xBF", 0,
	    "0x80 and 0xFF to U+F780 and U+F7FF");
	DEC("replacement", "abc", FFFD, 1, "non-empty input is one U+FFFD");
	DEC("replacement", "", "", 0, "empty input is nothing");
	DEC("KOI8-R", "\xC1\xC2", "\xD0\xB0\xD0\xB1", 0, "Cyrillic");
	DEC("windows-1252", "a\0b", "a\0b", 0, "NUL bytes are kept");
	DEC("latin1", "\xE9", "\xC3\xA9", 0, "a label works as a name");
}

static void
test_utf8(void)
{
	static char buf[300];
	struct pbuf out = PBUF_INIT;
	size_t i;
	int ok;

	DEC("UTF-8", "\x80", FFFD, 1, "lone continuation byte");
	DEC("UTF-8", "\xC0\x80", FFFD FFFD, 2, "overlong NUL: two");
	DEC("UTF-8", "\xE0\x80\x80", FFFD FFFD FFFD, 3, "overlong 3-byte");
	DEC("UTF-8", "\xF0\x80\x80\x80", FFFD FFFD FFFD FFFD, 4,
	    "overlong 4-byte");
	DEC("UTF-8", "\xED\xA0\x80", FFFD FFFD FFFD, 3, "surrogate D800");
	DEC("UTF-8", "\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4,
	    "above U+10FFFF");
	DEC("UTF-8", "\xF5\x80", FFFD FFFD, 2, "F5 lead");
	DEC("UTF-8", "\xFF" "a\xFE", FFFD "a" FFFD, 2, "FF and FE");
	DEC("UTF-8", "a\xE2\x82", "a" FFFD, 1, "truncated at the end: one");
	DEC("UTF-8", "\xE2\x82" "A", FFFD "A", 1,
	    "truncated before ASCII: one, ASCII kept");
	DEC("UTF-8", "\xF0\x9F\x98", FFFD, 1, "truncated 4-byte: one");
	DEC("UTF-8", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0, "U+1F600");
	DEC("UTF-8", "\xEF\xBB\xBFx", "x", 0, "BOM dropped");
	DEC("UTF-8", "\xEF\xBB\xBF\xEF\xBB\xBF", "\xEF\xBB\xBF", 0,
	    "only the first BOM dropped");
	DEC("UTF-8", "a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d",
	    "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6,
	    "Unicode 3.9 table 3-8: maximal subparts");
	DEC("UTF-8", "\xEF\xBF\xBD", "\xEF\xBF\xBD", 0,
	    "a real U+FFFD is not an error");
	DEC("UTF-8", "a\0b", "a\0b", 0, "NUL bytes are kept");
	DEC("UTF-8", "", "", 0, "empty input");

	tap_ok(pith_utf8_valid("", 0), "empty is valid UTF-8");
	tap_ok(pith_utf8_valid("\xF4\x8F\xBF\xBF", 4), "U+10FFFF is valid");
	tap_ok(!pith_utf8_valid("\xED\xBF\xBF", 3), "surrogate DFFF invalid");
	/* An error at each position of a long ASCII run (the 8/16-byte
	 * path), and a valid sequence across each alignment. */
	ok = 1;
	for (i = 0; i < 200; i++) {
		memset(buf, 'a', 220);
		buf[i] = (char)0x80;
		if (pith_utf8_valid(buf, 220) ||
		    pith_utf8_valid_prefix(buf, 220) != i)
			ok = 0;
		memcpy(buf + i, "\xE2\x82\xAC", 3);
		if (!pith_utf8_valid(buf, 220))
			ok = 0;
		buf[i + 2] = 'a';
		pbuf_reset(&out);
		if (pith_utf8_sanitize(buf, 220, &out) != 1 || out.len != 221)
			ok = 0;
	}
	tap_ok(ok, "errors and sequences at every offset of a long run");
	pbuf_free(&out);
}

static void
test_utf16(void)
{
	DEC("UTF-16LE", "\xFF\xFE" "A\0\xE9\0", "A\xC3\xA9", 0, "LE with BOM");
	DEC("UTF-16BE", "\xFE\xFF\0A\x20\xAC", "A\xE2\x82\xAC", 0,
	    "BE with BOM");
	DEC("UTF-8", "\xFF\xFE" "A\0", "A", 0, "a UTF-16LE BOM overrides");
	DEC("windows-1252", "\xFE\xFF\0A", "A", 0, "a UTF-16BE BOM overrides");
	DEC("UTF-16LE", "=\xD8\0\xDE", "\xF0\x9F\x98\x80", 0, "surrogate pair");
	DEC("UTF-16LE", "=\xD8" "A\0", FFFD "A", 1,
	    "lone lead surrogate, next unit kept");
	DEC("UTF-16LE", "\0\xDE" "A\0", FFFD "A", 1, "lone trail surrogate");
	DEC("UTF-16BE", "\xD8=", FFFD, 1, "lead surrogate at the end");
	DEC("UTF-16LE", "A\0B", "A" FFFD, 1, "odd byte at the end");
	DEC("UTF-16LE", "=\xD8=\xD8\0\xDE", FFFD "\xF0\x9F\x98\x80", 1,
	    "two leads then a trail");
	DEC("UTF-16LE", "\0\0", "\0", 0, "U+0000 kept");
	DEC("UTF-16BE", "", "", 0, "empty input");
}

/* The WHATWG UTF-8 decoder written out byte by byte as the standard
 * states it: the reference for the word-at-a-time code. */
static size_t
reference_utf8(const unsigned char *p, size_t len, struct pbuf *out)
{
	unsigned long cp = 0;
	unsigned needed = 0, seen = 0, lower = 0x80, upper = 0xBF, b;
	size_t i = 0, errors = 0;
	char u[4];

	while (i <= len) {
		if (i == len) {
			if (needed) {
				pbuf_append(out, FFFD, 3);
				errors++;
			}
			break;
		}
		b = p[i];
		if (needed == 0) {
			i++;
			if (b < 0x80)
				pbuf_putc(out, (int)b);
			else if (b >= 0xC2 && b <= 0xDF) {
				needed = 1;
				cp = b & 0x1F;
			} else if (b >= 0xE0 && b <= 0xEF) {
				lower = b == 0xE0 ? 0xA0 : 0x80;
				upper = b == 0xED ? 0x9F : 0xBF;
				needed = 2;
				cp = b & 0xF;
			} else if (b >= 0xF0 && b <= 0xF4) {
				lower = b == 0xF0 ? 0x90 : 0x80;
				upper = b == 0xF4 ? 0x8F : 0xBF;
				needed = 3;
				cp = b & 0x7;
			} else {
				pbuf_append(out, FFFD, 3);
				errors++;
			}
			continue;
		}
		if (b < lower || b > upper) {
			/* the byte is read again */
			cp = needed = seen = 0;
			lower = 0x80;
			upper = 0xBF;
			pbuf_append(out, FFFD, 3);
			errors++;
			continue;
		}
		i++;
		lower = 0x80;
		upper = 0xBF;
		cp = cp << 6 | (b & 0x3F);
		if (++seen < needed)
			continue;
		if (cp < 0x800) {
			u[0] = (char)(0xC0 | cp >> 6);
			u[1] = (char)(0x80 | (cp & 0x3F));
			pbuf_append(out, u, 2);
		} else if (cp < 0x10000) {
			u[0] = (char)(0xE0 | cp >> 12);
			u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			u[2] = (char)(0x80 | (cp & 0x3F));
			pbuf_append(out, u, 3);
		} else {
			u[0] = (char)(0xF0 | cp >> 18);
			u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
			u[3] = (char)(0x80 | (cp & 0x3F));
			pbuf_append(out, u, 4);
		}
		cp = needed = seen = 0;
	}
	return errors;
}

static unsigned long rng = 42;

static unsigned
next_random(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* Random strings made mostly of the bytes that matter. */
static void
test_utf8_random(void)
{
	static const unsigned char pick[] = {
		'a', ' ', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
		0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
		0xF3, 0xF4, 0xF5, 0xFF
	};
	unsigned char in[64];
	struct pbuf got = PBUF_INIT, want = PBUF_INIT;
	size_t n, i, e1, e2;
	int round, bad = 0;

	for (round = 0; round < 200000; round++) {
		n = next_random() % sizeof in;
		for (i = 0; i < n; i++)
			in[i] = next_random() % 4 == 0 ? 'x' :
			    pick[next_random() % sizeof pick];
		pbuf_reset(&got);
		pbuf_reset(&want);
		pbuf_reserve(&got, 0);
		pbuf_reserve(&want, 0);
		e1 = pith_utf8_sanitize(in, n, &got);
		e2 = reference_utf8(in, n, &want);
		if (e1 != e2 || got.len != want.len ||
		    memcmp(got.p, want.p, got.len) != 0 ||
		    (pith_utf8_valid(in, n) != 0) != (e2 == 0)) {
			if (bad++ < 3) {
				printf("# input:");
				for (i = 0; i < n; i++)
					printf(" %02X", in[i]);
				printf("\n");
			}
		}
	}
	tap_is_int(bad, 0, "UTF-8: 200000 random strings as the standard's "
	    "byte-by-byte decoder gives them");
	pbuf_free(&got);
	pbuf_free(&want);
}

/* Random markup: the prescan must neither crash nor return a name
 * that is not canonical. */
static void
test_prescan_random(void)
{
	static const char *const pick[] = {
		"<", ">", "<meta", "<meta ", "<META\t", "/", "=", "'", "\"",
		" ", "charset", "http-equiv", "content-type", "content",
		"text/html;", "charset=", "latin2", "utf-16", "koi8-r", "<!--",
		"-->", "<!", "</", "<?", "<p", "<head>", "</head>", "<body>",
		"x", ";", "\n", "\0"
	};
	char in[2600];
	const char *name, *back;
	size_t n, k;
	int round, bad = 0;

	for (round = 0; round < 20000; round++) {
		n = 0;
		while (n < sizeof in - 32 && next_random() % 300 != 0) {
			k = next_random() % (sizeof pick / sizeof pick[0]);
			memcpy(in + n, pick[k], strlen(pick[k]) + (k == 31));
			n += strlen(pick[k]) + (k == 31);
		}
		name = pith_sniff_html(in, n, NULL);
		back = name == NULL ? NULL :
		    pith_encoding_for_label(name, strlen(name));
		if (back == NULL || strcmp(back, name) != 0)
			bad++;
		name = pith_prescan_meta(in, n);
		if (name != NULL && ((back = pith_encoding_for_label(name,
		    strlen(name))) == NULL || strcmp(back, name) != 0))
			bad++;
	}
	tap_is_int(bad, 0, "prescan: 20000 random tag soups give canonical "
	    "names");
}

int
main(void)
{
	const char *shared = tap_shared();

	test_labels();
	test_sniff();
	test_single_byte();
	test_utf8();
	test_utf16();
	test_utf8_random();
	test_prescan_random();
	if (shared != NULL) {
		snprintf(whatwg, sizeof whatwg,
		    "%s/conformance/encoding/whatwg", shared);
		test_shared_labels();
		test_sniff_cases(shared);
		test_single_byte_indexes();
	} else
		printf("# ../shared absent: WHATWG tables and html5lib cases"
		    " not checked\n");
	return tap_done();
}
