/* UTF-8 validation and repair after the WHATWG UTF-8 decoder: each
 * maximal subpart of an ill-formed sequence becomes one U+FFFD. Valid
 * text is found in long runs and copied with one memcpy; ASCII is
 * checked eight bytes at a time. */
#include <stdint.h>
#include <string.h>

#include "encoding.h"
#include "encoding_impl.h"

#define HIGH_BITS	0x8080808080808080ULL

/* Bytes of the maximal subpart starting at p[0] that fit the rules of
 * a well-formed sequence: returns the sequence length when it is
 * complete and valid, else -(length of the maximal subpart), which is at
 * least 1. */
static int
utf8_sequence(const unsigned char *p, size_t n)
{
	unsigned char b = p[0], lo = 0x80, hi = 0xBF;
	int need, i;

	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		need = 1;
	else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		if (b == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (b == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		if (b == 0xF0)
			lo = 0x90;	/* overlong */
		else if (b == 0xF4)
			hi = 0x8F;	/* > U+10FFFF */
	} else
		return -1;	/* continuation, C0, C1 or F5-FF */
	for (i = 1; i <= need; i++) {
		if ((size_t)i >= n || p[i] < lo || p[i] > hi)
			return -i;
		lo = 0x80;
		hi = 0xBF;
	}
	return need + 1;
}

size_t
pith_utf8_valid_prefix(const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;
	uint64_t w0, w1;
	int k;

	while (i < len) {
		/* ASCII runs, 16 then 8 bytes at a time. */
		while (i + 16 <= len) {
			memcpy(&w0, p + i, 8);
			memcpy(&w1, p + i + 8, 8);
			if ((w0 | w1) & HIGH_BITS)
				break;
			i += 16;
		}
		if (i + 8 <= len) {
			memcpy(&w0, p + i, 8);
			if ((w0 & HIGH_BITS) == 0) {
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_sequence(p + i, len - i)) < 0)
			return i;
		i += (size_t)k;
	}
	return len;
}

int
pith_utf8_valid(const void *data, size_t len)
{
	return pith_utf8_valid_prefix(data, len) == len;
}

size_t
pith_utf8_sanitize(const void *data, size_t len, struct pbuf *out)
{
	const unsigned char *p = data;
	size_t ok, errors = 0;
	int k;

	for (;;) {
		ok = pith_utf8_valid_prefix(p, len);
		pbuf_append(out, p, ok);
		p += ok;
		len -= ok;
		if (len == 0)
			break;
		k = utf8_sequence(p, len);
		pbuf_append(out, PITH_UTF8_FFFD, 3);
		errors++;
		p += -k;
		len -= (size_t)-k;
	}
	return errors;
}
