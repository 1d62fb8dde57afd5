/* The multi-byte decoders: real text and the WHATWG error rules for each
 * encoding, random bytes in all 40 encodings, and (with ../shared) every
 * two-byte code of each encoding against the WHATWG index files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"
#include "tap.h"

#define FFFD "\xEF\xBF\xBD"

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
	if (out.len != want_len || memcmp(out.p, want, want_len) != 0 ||
	    errors != want_errors)
		printf("#   got '%.*s' (%zu bytes), %zu errors; want '%s'"
		    " (%zu bytes), %zu errors\n", (int)out.len, out.p, out.len,
		    errors, want, want_len, want_errors);
	pbuf_free(&out);
}

#define DEC(enc, in, want, nerr, what) check_decode(enc, in, \
	sizeof(in) - 1, want, sizeof(want) - 1, nerr, what)

#define NIHONGO "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"	/* 日本語 */
#define ZHONGWEN "\xE4\xB8\xAD\xE6\x96\x87"		/* 中文 */

static void
test_samples(void)
{
	DEC("Shift_JIS", "\x93\xFA\x96\x7B\x8C\xEA", NIHONGO, 0, "Japanese");
	DEC("Shift_JIS", "\x80\xA1\xDF", "\xC2\x80\xEF\xBD\xA1\xEF\xBE\x9F",
	    0, "0x80 and half-width katakana");
	DEC("Shift_JIS", "\xA0\xFD", FFFD FFFD, 2, "0xA0 and 0xFD are errors");
	DEC("Shift_JIS", "\xF0\x40", "\xEE\x80\x80", 0,
	    "user-defined area to U+E000");
	DEC("Shift_JIS", "\x82\x0A", FFFD "\n", 1,
	    "bad trail: ASCII read again");
	DEC("Shift_JIS", "a\x93", "a" FFFD, 1, "lead at the end");

	DEC("EUC-JP", "\xC6\xFC\xCB\xDC\xB8\xEC", NIHONGO, 0, "Japanese");
	DEC("EUC-JP", "\x8E\xA1", "\xEF\xBD\xA1", 0, "half-width katakana");
	DEC("EUC-JP", "\x8F\xA2\xAF", "\xCB\x98", 0, "JIS X 0212 breve");
	DEC("EUC-JP", "\x8F\xA2", FFFD, 1, "truncated JIS X 0212");
	DEC("EUC-JP", "\xC6" "A", FFFD "A", 1, "bad trail: ASCII read again");
	DEC("EUC-JP", "\x80", FFFD, 1, "0x80 is an error");

	DEC("ISO-2022-JP", "\x1B$B\x46\x7C\x4B\x5C\x38\x6C\x1B(Bok",
	    NIHONGO "ok", 0, "Japanese");
	DEC("ISO-2022-JP", "\x1B(J\x5C\x7E", "\xC2\xA5\xE2\x80\xBE", 0,
	    "JIS Roman yen and overline");
	DEC("ISO-2022-JP", "\x1B(I\x21", "\xEF\xBD\xA1", 0, "katakana");
	DEC("ISO-2022-JP", "\x1B(B\x1B(Ba", FFFD "a", 1,
	    "two escapes with nothing between");
	DEC("ISO-2022-JP", "\x1B(Zx", FFFD "(Zx", 1,
	    "unknown escape: ESC dropped, rest read again");
	DEC("ISO-2022-JP", "\x1B$B\x46", FFFD, 1, "lead at the end");
	DEC("ISO-2022-JP", "\x1B$B\x46\x1B(Ba", FFFD "a", 1,
	    "escape after a lead");
	DEC("ISO-2022-JP", "\x0E\x0F\xA4", FFFD FFFD FFFD, 3,
	    "SO, SI and 8-bit bytes are errors");

	DEC("GBK", "\xD6\xD0\xCE\xC4", ZHONGWEN, 0, "Chinese");
	DEC("GBK", "\x80\xFF", "\xE2\x82\xAC" FFFD, 1, "0x80 euro, 0xFF error");
	DEC("GBK", "\x81\x30\x81\x30", "\xC2\x80", 0,
	    "GBK decodes four-byte gb18030 too");
	DEC("gb18030", "\x95\x32\x82\x36", "\xF0\xA0\x80\x80", 0,
	    "four bytes to U+20000");
	DEC("gb18030", "\x84\x31\xA4\x39", "\xEF\xBF\xBF", 0,
	    "last BMP range to U+FFFF");
	DEC("gb18030", "\x81\x35\xF4\x37", "\xEE\x9F\x87", 0,
	    "pointer 7457 to U+E7C7");
	DEC("gb18030", "\x84\x31\xA5\x30", FFFD, 1,
	    "pointer 39420 is an error");
	DEC("gb18030", "\x81\x30\x20", FFFD "0 ", 1,
	    "bad third byte: second read again");
	DEC("gb18030", "\x81\x30\x81\x20", FFFD "0" FFFD " ", 2,
	    "bad fourth byte: second on read again");
	DEC("gb18030", "\x81\x30\x81", FFFD, 1, "truncated four-byte code");

	DEC("Big5", "\xA4\xA4\xA4\xE5", ZHONGWEN, 0, "Chinese");
	DEC("Big5", "\x88\x62\x88\x64\x88\xA3\x88\xA5",
	    "\xC3\x8A\xCC\x84\xC3\x8A\xCC\x8C\xC3\xAA\xCC\x84\xC3\xAA\xCC\x8C",
	    0, "the four two-code-point pointers");
	DEC("Big5", "\x80\xA4", FFFD FFFD, 2, "0x80 and a lead at the end");

	DEC("EUC-KR", "\xC7\xD1\xB1\xB9\xBE\xEE",
	    "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4", 0, "Korean");
	DEC("EUC-KR", "\xB0\x20\xFF", FFFD " " FFFD, 2,
	    "bad trail read again, 0xFF error");
	DEC("EUC-KR", "", "", 0, "empty input");
	DEC("Shift_JIS", "a\0b", "a\0b", 0, "NUL bytes are kept");
}

/* Random bytes in every encoding: valid UTF-8 out, no crash. */
static void
test_random(void)
{
	static unsigned char junk[65536];
	struct pbuf out = PBUF_INIT;
	unsigned long x = 12345;
	const char *name;
	size_t i;
	int bad = 0, n = 0;

	for (i = 0; i < sizeof junk; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		junk[i] = (unsigned char)(x >> 56);
		if (i % 7 == 0)		/* escapes for ISO-2022-JP */
			junk[i] = "\x1B$B(J"[x % 6];
	}
	for (i = 0; (name = pith_encoding_nth(i)) != NULL; i++) {
		pbuf_reset(&out);
		pith_decode(name, junk, sizeof junk, &out);
		if (!pith_utf8_valid(out.p, out.len) ||
		    (strcmp(name, "replacement") != 0 && out.len < 1000)) {
			bad++;
			printf("# %s: %zu bytes out\n", name, out.len);
		}
		n++;
	}
	tap_is_int(n, 40, "40 encodings");
	tap_is_int(bad, 0, "random bytes in every encoding give valid UTF-8");
	pbuf_free(&out);
}

static long *
load_index(const char *shared, const char *name, size_t *n)
{
	char path[4096], line[512];
	long *index;
	unsigned cp;
	FILE *f;
	int p;

	snprintf(path, sizeof path,
	    "%s/conformance/encoding/whatwg/index-%s.txt", shared, name);
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	*n = 24000;
	index = malloc(*n * sizeof *index);
	for (p = 0; p < (int)*n; p++)
		index[p] = -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (line[0] != '#' && sscanf(line, " %d\t0x%x", &p, &cp) == 2 &&
		    p >= 0 && p < (int)*n)
			index[p] = cp;
	fclose(f);
	return index;
}

static void
put_utf8(struct pbuf *b, unsigned long cp)
{
	if (cp < 0x80)
		pbuf_putc(b, (int)cp);
	else if (cp < 0x800) {
		pbuf_putc(b, (int)(0xC0 | cp >> 6));
		pbuf_putc(b, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		pbuf_putc(b, (int)(0xE0 | cp >> 12));
		pbuf_putc(b, (int)(0x80 | (cp >> 6 & 0x3F)));
		pbuf_putc(b, (int)(0x80 | (cp & 0x3F)));
	} else {
		pbuf_putc(b, (int)(0xF0 | cp >> 18));
		pbuf_putc(b, (int)(0x80 | (cp >> 12 & 0x3F)));
		pbuf_putc(b, (int)(0x80 | (cp >> 6 & 0x3F)));
		pbuf_putc(b, (int)(0x80 | (cp & 0x3F)));
	}
}

enum form { SJIS, EUCJP, EUCJP212, ISO2022JP, GB, BIG5, EUCKR };

/* The bytes for lead and trail in `form` (into in, *n of them) and the
 * index pointer they name, or -1 when the trail byte is out of range. */
static long
code_for(enum form form, unsigned lead, unsigned trail, unsigned char *in,
    size_t *n)
{
	int t = (int)trail;
	long ptr = -1;

	*n = 0;
	if (form == EUCJP212)
		in[(*n)++] = 0x8F;
	if (form == ISO2022JP) {
		memcpy(in, "\x1B$B", 3);
		in[3] = (unsigned char)(lead - 0x80);
		in[4] = (unsigned char)(trail - 0x80);
		memcpy(in + 5, "\x1B(B", 3);
		*n = 8;
	} else {
		in[(*n)++] = (unsigned char)lead;
		in[(*n)++] = (unsigned char)trail;
	}
	switch (form) {
	case SJIS:
		if (t >= 0x40 && t != 0x7F && t <= 0xFC)
			ptr = (lead - (lead < 0xA0 ? 0x81 : 0xC1)) * 188 + t -
			    (t < 0x7F ? 0x40 : 0x41);
		break;
	case EUCJP:
	case EUCJP212:
	case ISO2022JP:
		if (t >= 0xA1)
			ptr = (lead - 0xA1) * 94 + t - 0xA1;
		break;
	case GB:
		if (t >= 0x40 && t != 0x7F)
			ptr = (lead - 0x81) * 190 + t -
			    (t < 0x7F ? 0x40 : 0x41);
		break;
	case BIG5:
		if ((t >= 0x40 && t <= 0x7E) || t >= 0xA1)
			ptr = (lead - 0x81) * 157 + t -
			    (t < 0x7F ? 0x40 : 0x62);
		break;
	case EUCKR:
		if (t >= 0x41)
			ptr = (lead - 0x81) * 190 + t - 0x41;
		break;
	}
	return ptr;
}

/* Every two-byte code of an encoding (three for JIS X 0212, escaped
 * for ISO-2022-JP) decoded alone, against what the WHATWG index says:
 * its code point, or U+FFFD (then an ASCII trail byte comes out too).
 * Returns how many codes agree; *total gets the number tried. */
static int
check_index(const long *index, size_t size, const char *enc, enum form form,
    int *total, int *entries)
{
	struct pbuf out = PBUF_INIT, want = PBUF_INIT;
	unsigned char in[16];
	unsigned lead, trail, lo, hi;
	long ptr, cp;
	size_t n, errors;
	int agree = 0, shown = 0, special;

	*total = *entries = 0;
	lo = form == SJIS || form == GB || form == BIG5 || form == EUCKR ?
	    0x81 : 0xA1;
	hi = form == SJIS ? 0xFC : 0xFE;
	for (lead = lo; lead <= hi; lead++) {
		if (form == SJIS && lead > 0x9F && lead < 0xE0)
			continue;
		for (trail = 0x21; trail <= 0xFE; trail++) {
			if (form == ISO2022JP && trail < 0xA1)
				continue;
			if (form == GB && trail >= 0x30 && trail <= 0x39)
				continue;	/* a four-byte code */
			ptr = code_for(form, lead, trail, in, &n);
			cp = ptr >= 0 && (size_t)ptr < size ? index[ptr] : -1;
			if (form == SJIS && ptr >= 8836 && ptr <= 10715)
				cp = 0xE000 - 8836 + ptr;
			special = form == BIG5 && (ptr == 1133 ||
			    ptr == 1135 || ptr == 1164 || ptr == 1166);
			pbuf_reset(&want);
			pbuf_reserve(&want, 0);
			if (special) {
				put_utf8(&want, ptr < 1164 ? 0xCA : 0xEA);
				put_utf8(&want, ptr == 1133 || ptr == 1164 ?
				    0x304 : 0x30C);
			} else if (cp >= 0) {
				put_utf8(&want, (unsigned long)cp);
				(*entries)++;
			} else {
				pbuf_append(&want, FFFD, 3);
				if (trail < 0x80 && form != ISO2022JP)
					pbuf_putc(&want, (int)trail);
			}
			(*total)++;
			pbuf_reset(&out);
			errors = pith_decode(enc, in, n, &out);
			if (out.len == want.len &&
			    memcmp(out.p, want.p, want.len) == 0 &&
			    (errors != 0) == (cp < 0 && !special))
				agree++;
			else if (shown++ < 3)
				printf("# %s %02X %02X (pointer %ld): want"
				    " U+%04lX\n", enc, lead, trail, ptr,
				    cp < 0 ? 0xFFFDUL : (unsigned long)cp);
		}
	}
	pbuf_free(&out);
	pbuf_free(&want);
	return agree;
}

static void
test_indexes(const char *shared)
{
	static const struct {
		const char *index, *enc;
		enum form form;
		double floor;	/* share of codes that must agree */
	} cases[] = {
		{"jis0208", "Shift_JIS", SJIS, 1.0},
		{"jis0208", "EUC-JP", EUCJP, 1.0},
		{"jis0212", "EUC-JP", EUCJP212, 1.0},
		{"jis0208", "ISO-2022-JP", ISO2022JP, 1.0},
		{"euc-kr", "EUC-KR", EUCKR, 1.0},
		{"gb18030", "gb18030", GB, 0.999},	/* 7 codes differ */
		{"big5", "Big5", BIG5, 0.99},	/* 142 codes differ */
	};
	size_t i, size;
	long *index;
	int agree, total, entries;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if ((index = load_index(shared, cases[i].index, &size)) ==
		    NULL) {
			tap_ok(0, "read index-%s.txt", cases[i].index);
			continue;
		}
		agree = check_index(index, size, cases[i].enc, cases[i].form,
		    &total, &entries);
		printf("# %s with index-%s.txt: %d of %d codes agree (%d index"
		    " entries reached)\n", cases[i].enc, cases[i].index, agree,
		    total, entries);
		tap_ok(total > 8000 && agree >= cases[i].floor * total,
		    "%s: every code against index-%s.txt (%.1f%% required)",
		    cases[i].enc, cases[i].index, 100 * cases[i].floor);
		free(index);
	}
}

/* Each gb18030 range's first pointer as four bytes. */
static void
test_gb18030_ranges(const char *shared)
{
	char path[4096], line[256];
	unsigned char in[4];
	struct pbuf out = PBUF_INIT, want = PBUF_INIT;
	unsigned cp;
	long ptr;
	int n = 0, agree = 0;
	FILE *f;

	snprintf(path, sizeof path,
	    "%s/conformance/encoding/whatwg/index-gb18030-ranges.txt", shared);
	if ((f = fopen(path, "r")) == NULL) {
		tap_ok(0, "open %s", path);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '#' ||
		    sscanf(line, " %ld\t0x%x", &ptr, &cp) != 2)
			continue;
		in[0] = (unsigned char)(ptr / 12600 + 0x81);
		in[1] = (unsigned char)(ptr / 1260 % 10 + 0x30);
		in[2] = (unsigned char)(ptr / 10 % 126 + 0x81);
		in[3] = (unsigned char)(ptr % 10 + 0x30);
		n++;
		pbuf_reset(&out);
		pbuf_reset(&want);
		put_utf8(&want, cp);
		if (pith_decode("gb18030", in, 4, &out) == 0 &&
		    out.len == want.len && memcmp(out.p, want.p, want.len) == 0)
			agree++;
		else
			printf("# range %ld: want U+%04X\n", ptr, cp);
	}
	fclose(f);
	tap_ok(n == 207 && agree == n,
	    "gb18030: the first code of each of the %d ranges", n);
	pbuf_free(&out);
	pbuf_free(&want);
}

int
main(void)
{
	const char *shared = tap_shared();

	test_samples();
	test_random();
	if (shared != NULL) {
		test_indexes(shared);
		test_gb18030_ranges(shared);
	} else
		printf("# ../shared absent: WHATWG index files not checked\n");
	return tap_done();
}
