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

/* Index of the first byte >= 0x80 in the eight bytes of w, which has
 * one. */
static size_t
first_high(uint64_t w)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(w & HIGH_BITS) / 8;
#else
	unsigned char b[8];
	size_t i;

	memcpy(b, &w, 8);
	for (i = 0; b[i] < 0x80; i++)
		;
	return i;
#endif
}

size_t
pith_utf8_valid_prefix(const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;
	uint64_t w0, w1;
	unsigned b;
	int k;

	while (i < len) {
		b = p[i];
		if (b < 0x80) {
			/* ASCII, 16 then 8 bytes at a time. */
			while (i + 16 <= len) {
				memcpy(&w0, p + i, 8);
				memcpy(&w1, p + i + 8, 8);
				if ((w0 | w1) & HIGH_BITS)
					break;
				i += 16;
			}
			while (i + 8 <= len) {
				memcpy(&w0, p + i, 8);
				if (w0 & HIGH_BITS) {
					i += first_high(w0);
					goto multi;
				}
				i += 8;
			}
			while (i < len && p[i] < 0x80)
				i++;
			continue;
		}
multi:
		/* The common two- and three-byte forms inline. */
		b = p[i];
		if (b >= 0xC2 && b <= 0xDF && i + 1 < len &&
		    (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (b >= 0xE1 && b <= 0xEC && i + 2 < len &&
		    ((p[i + 1] & 0xC0) | (p[i + 2] & 0xC0) << 8) == 0x8080) {
			i += 3;
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

	pbuf_reserve(out, len);
	for (;;) {
		ok = pith_utf8_valid_prefix(p, len);
		if (ok > 0) {
			pbuf_reserve(out, ok);
			memcpy(out->p + out->len, p, ok);
			out->len += ok;
			p += ok;
			len -= ok;
		}
		if (len == 0)
			break;
		/* Errors come in bursts in binary junk: stay here. */
		do {
			k = utf8_sequence(p, len);
			if (k > 0)
				break;
			if (out->cap - out->len < 4)
				pbuf_reserve(out, 3 + len);
			memcpy(out->p + out->len, PITH_UTF8_FFFD, 3);
			out->len += 3;
			errors++;
			p += -k;
			len -= (size_t)-k;
		} while (len > 0);
		if (len == 0)
			break;
	}
	out->p[out->len] = '\0';
	return errors;
}
