/* UTF-8 decoding with replacement, encoding, and the code point array
 * the normalizer works on. */
#include <stdlib.h>
#include <string.h>

#include "normalize_int.h"

void
pith_cpv_reserve(struct pith_cpv *c, size_t extra)
{
	size_t cap;

	if (c->n + extra <= c->cap)
		return;
	cap = c->cap ? c->cap : 64;
	while (cap < c->n + extra)
		cap *= 2;
	c->v = xrealloc(c->v, cap * sizeof *c->v);
	c->cap = cap;
}

void
pith_cpv_free(struct pith_cpv *c)
{
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}

/* Decodes one sequence at s[0..len). Returns its length and sets *cp, or
 * returns the length of the maximal invalid subpart (>= 1) and sets *cp
 * to -1. */
static size_t
decode_one(const unsigned char *s, size_t len, int32_t *cp)
{
	unsigned c = s[0];
	unsigned need, lo = 0x80, hi = 0xBF;
	uint32_t v;
	size_t i;

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi) {
			*cp = -1;
			return i;
		}
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = (int32_t)v;
	return need + 1;
}

size_t
pith_utf8_decode(const unsigned char *s, size_t len, struct pith_cpv *out)
{
	size_t i = 0, bad = 0, k;
	int32_t cp;

	pith_cpv_reserve(out, len);
	while (i < len) {
		if (s[i] < 0x80) {
			out->v[out->n++] = s[i++];
			continue;
		}
		k = decode_one(s + i, len - i, &cp);
		if (cp < 0) {
			bad++;
			cp = 0xFFFD;
		}
		out->v[out->n++] = (uint32_t)cp;
		i += k;
	}
	return bad;
}

void
pith_utf8_encode(const uint32_t *cp, size_t n, struct pbuf *out)
{
	size_t i;
	unsigned char *p;

	pbuf_reserve(out, n * 4);
	p = (unsigned char *)out->p + out->len;
	for (i = 0; i < n; i++) {
		uint32_t c = cp[i];

		if (c < 0x80) {
			*p++ = (unsigned char)c;
		} else if (c < 0x800) {
			*p++ = (unsigned char)(0xC0 | c >> 6);
			*p++ = (unsigned char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			*p++ = (unsigned char)(0xE0 | c >> 12);
			*p++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
			*p++ = (unsigned char)(0x80 | (c & 0x3F));
		} else {
			*p++ = (unsigned char)(0xF0 | c >> 18);
			*p++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
			*p++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
			*p++ = (unsigned char)(0x80 | (c & 0x3F));
		}
	}
	out->len = (size_t)(p - (unsigned char *)out->p);
	out->p[out->len] = '\0';
}
