/* The multi-byte encodings (GBK, gb18030, Big5, EUC-JP, ISO-2022-JP,
 * Shift_JIS, EUC-KR) through glibc's iconv(3), which carries their
 * tables, so the project need not. Each WHATWG name maps to the glibc
 * converter that agrees best with the WHATWG index (measured by decoding
 * every index pointer; see tests/unit/test_encoding_cjk.c):
 *
 *   Shift_JIS   CP932        7724 of 7724 jis0208 pointers agree
 *   EUC-KR      CP949        17048 of 17048 euc-kr pointers agree
 *   gb18030     GB18030      23933 of 23940: glibc follows GB 18030-2005
 *   GBK         GB18030        for 7 codes WHATWG maps per GB 18030-2022
 *   Big5        BIG5-HKSCS   18448 of 18590: glibc lacks 131 HKSCS codes
 *                            WHATWG has and maps 11 otherwise
 *   EUC-JP      EUC-JP-MS    6962 of 7336 jis0208 pointers: glibc maps
 *                            374 codes (NEC/IBM rows) otherwise
 *   ISO-2022-JP ISO-2022-JP  6873 of 7336: no NEC row 13 in glibc
 *
 * Errors: where iconv rejects a sequence we write U+FFFD and skip its
 * first byte, and also the second when the first is a lead byte and the
 * second is not ASCII (as the WHATWG decoders do: an ASCII byte after a
 * bad lead is read again); an incomplete sequence at the end is one
 * U+FFFD. Without the converter (no gconv modules) ASCII passes and
 * every other byte becomes U+FFFD, so the document still comes through. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "encoding.h"
#include "encoding_impl.h"

#define OUT_CHUNK	16384

static const struct {
	const char *whatwg, *iconv;
	unsigned char lead_lo, lead_hi;	/* two-byte lead byte range */
} converters[] = {
	{"Shift_JIS", "CP932", 0x81, 0xFC},
	{"EUC-KR", "CP949", 0x81, 0xFE},
	{"gb18030", "GB18030", 0x81, 0xFE},
	{"GBK", "GB18030", 0x81, 0xFE},
	{"Big5", "BIG5-HKSCS", 0x81, 0xFE},
	{"EUC-JP", "EUC-JP-MS", 0x8E, 0xFE},
	{"ISO-2022-JP", "ISO-2022-JP", 0, 0},
};

static size_t
replace_non_ascii(const unsigned char *p, size_t len, struct pbuf *out)
{
	size_t errors = 0, i;

	for (i = 0; i < len; i++) {
		if (p[i] < 0x80)
			pbuf_putc(out, p[i]);
		else {
			pbuf_append(out, PITH_UTF8_FFFD, 3);
			errors++;
		}
	}
	return errors;
}

size_t
pith_decode_cjk(const struct pith_encoding *enc, const void *data,
    size_t len, struct pbuf *out)
{
	const unsigned char *p = data;
	size_t i, errors = 0, inleft, outleft, skip;
	char *in, *o;
	iconv_t cd = (iconv_t)-1;

	for (i = 0; i < sizeof converters / sizeof converters[0]; i++)
		if (strcmp(enc->name, converters[i].whatwg) == 0)
			break;
	if (i < sizeof converters / sizeof converters[0])
		cd = iconv_open("UTF-8", converters[i].iconv);
	if (cd == (iconv_t)-1)
		return replace_non_ascii(p, len, out);
	in = (char *)(uintptr_t)p;
	inleft = len;
	while (inleft > 0) {
		pbuf_reserve(out, OUT_CHUNK);
		o = out->p + out->len;
		outleft = out->cap - out->len - 1;
		if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 ||
		    errno == E2BIG) {
			out->len = (size_t)(o - out->p);
			continue;
		}
		out->len = (size_t)(o - out->p);
		pbuf_append(out, PITH_UTF8_FFFD, 3);
		errors++;
		if (errno == EINVAL)	/* truncated at the end */
			break;
		skip = 1;
		if (inleft > 1 && (unsigned char)in[0] >= converters[i].lead_lo &&
		    (unsigned char)in[0] <= converters[i].lead_hi &&
		    (unsigned char)in[1] >= 0x80)
			skip = 2;
		in += skip;
		inleft -= skip;
	}
	pbuf_reserve(out, OUT_CHUNK);
	o = out->p + out->len;
	outleft = out->cap - out->len - 1;
	iconv(cd, NULL, NULL, &o, &outleft);
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
	iconv_close(cd);
	return errors;
}
