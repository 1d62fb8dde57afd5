/* The WHATWG multi-byte indexes (pointer -> code point), taken from
 * glibc's iconv(3) converters on first use instead of being carried in
 * the project (they are 2.7 MB of text). Each pointer is turned into the
 * bytes that encode it and decoded alone; a pointer glibc rejects or
 * decodes to more than one code point has no entry (0).
 *
 * Agreement with the WHATWG index files, measured with glibc 2.36 by
 * tests/unit/test_encoding_cjk.c (every pointer, both ways):
 *
 *   jis0208 from CP932        all 7724 entries (Shift_JIS, EUC-JP,
 *                             ISO-2022-JP)
 *   jis0212 from EUC-JP       all 6067 entries (EUC-JP)
 *   euc-kr  from CP949        all 17048 entries
 *   gb18030 from GB18030      23933 of 23940: WHATWG maps 0xA3A0 to
 *                             U+3000 and keeps six 0xFE5x-0xFE9x codes in
 *                             the PUA where glibc gives U+E5E5 and CJK
 *                             Extension B characters
 *   big5    from BIG5-HKSCS   18448 of 18590: glibc lacks 131 HKSCS
 *                             codes and maps 11 others differently
 *
 * Without the converter (no gconv modules) the index is empty and every
 * multi-byte sequence decodes to U+FFFD. */
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "encoding_impl.h"

#define JIS0208_SIZE	11280	/* 60 Shift_JIS lead bytes x 188 */
#define JIS0212_SIZE	8836	/* 94 x 94 */
#define EUC_KR_SIZE	23940	/* 126 x 190 */
#define GB18030_SIZE	23940	/* 126 x 190 */
#define BIG5_SIZE	19782	/* 126 x 157 */

static uint32_t jis0208[JIS0208_SIZE], jis0212[JIS0212_SIZE];
static uint32_t euc_kr[EUC_KR_SIZE], gb18030[GB18030_SIZE], big5[BIG5_SIZE];

/* The bytes for pointer p, as the WHATWG encoders make them. */
static size_t
sjis_bytes(size_t p, unsigned char *b)
{
	size_t lead = p / 188, trail = p % 188;

	if (p >= 8836 && p <= 10715)	/* user-defined area: a rule */
		return 0;
	b[0] = (unsigned char)(lead + (lead < 0x1F ? 0x81 : 0xC1));
	b[1] = (unsigned char)(trail + (trail < 0x3F ? 0x40 : 0x41));
	return 2;
}

static size_t
jis0212_bytes(size_t p, unsigned char *b)
{
	b[0] = 0x8F;
	b[1] = (unsigned char)(p / 94 + 0xA1);
	b[2] = (unsigned char)(p % 94 + 0xA1);
	return 3;
}

static size_t
euc_kr_bytes(size_t p, unsigned char *b)
{
	b[0] = (unsigned char)(p / 190 + 0x81);
	b[1] = (unsigned char)(p % 190 + 0x41);
	return 2;
}

static size_t
gb18030_bytes(size_t p, unsigned char *b)
{
	size_t trail = p % 190;

	b[0] = (unsigned char)(p / 190 + 0x81);
	b[1] = (unsigned char)(trail + (trail < 0x3F ? 0x40 : 0x41));
	return 2;
}

static size_t
big5_bytes(size_t p, unsigned char *b)
{
	size_t trail = p % 157;

	b[0] = (unsigned char)(p / 157 + 0x81);
	b[1] = (unsigned char)(trail + (trail < 0x3F ? 0x40 : 0x62));
	return 2;
}

static const struct {
	const char *charset;
	uint32_t *table;
	size_t size;
	size_t (*bytes)(size_t, unsigned char *);
} sources[PITH_CJK_INDEX_COUNT] = {
	[PITH_JIS0208] = {"CP932", jis0208, JIS0208_SIZE, sjis_bytes},
	[PITH_JIS0212] = {"EUC-JP", jis0212, JIS0212_SIZE, jis0212_bytes},
	[PITH_EUC_KR] = {"CP949", euc_kr, EUC_KR_SIZE, euc_kr_bytes},
	[PITH_GB18030] = {"GB18030", gb18030, GB18030_SIZE, gb18030_bytes},
	[PITH_BIG5] = {"BIG5-HKSCS", big5, BIG5_SIZE, big5_bytes},
};

static void
build(int which)
{
	unsigned char in[4], outbuf[16];
	char *ip, *op;
	size_t p, n, il, ol;
	iconv_t cd;

	if ((cd = iconv_open("UTF-32LE", sources[which].charset)) ==
	    (iconv_t)-1)
		return;
	for (p = 0; p < sources[which].size; p++) {
		if ((n = sources[which].bytes(p, in)) == 0)
			continue;
		iconv(cd, NULL, NULL, NULL, NULL);
		ip = (char *)in;
		il = n;
		op = (char *)outbuf;
		ol = sizeof outbuf;
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
		    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1 ||
		    il != 0 || sizeof outbuf - ol != 4)
			continue;
		sources[which].table[p] = (uint32_t)outbuf[0] |
		    (uint32_t)outbuf[1] << 8 | (uint32_t)outbuf[2] << 16 |
		    (uint32_t)outbuf[3] << 24;
	}
	iconv_close(cd);
}

static void build_jis0208(void) { build(PITH_JIS0208); }
static void build_jis0212(void) { build(PITH_JIS0212); }
static void build_euc_kr(void) { build(PITH_EUC_KR); }
static void build_gb18030(void) { build(PITH_GB18030); }
static void build_big5(void) { build(PITH_BIG5); }

static void (*const builders[PITH_CJK_INDEX_COUNT])(void) = {
	[PITH_JIS0208] = build_jis0208,
	[PITH_JIS0212] = build_jis0212,
	[PITH_EUC_KR] = build_euc_kr,
	[PITH_GB18030] = build_gb18030,
	[PITH_BIG5] = build_big5,
};

static pthread_once_t once[PITH_CJK_INDEX_COUNT] = {
	PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT,
	PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT
};

const uint32_t *
pith_cjk_index(enum pith_cjk_index which, size_t *size)
{
	pthread_once(&once[which], builders[which]);
	*size = sources[which].size;
	return sources[which].table;
}
