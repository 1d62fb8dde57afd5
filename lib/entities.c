/* HTML character references left in text: "&amp;", "&#8217;", "&#x2019;",
 * "&nbsp;". Only complete references (with the ';') are decoded, so
 * "AT&T" or "&c" in prose stay as they are. Numeric references to
 * 0x80-0x9F mean windows-1252 characters (as in HTML); NUL, surrogates
 * and values past U+10FFFF become U+FFFD. Text escaped twice
 * ("&amp;amp;") is decoded until no reference is left, which keeps the
 * normalizer idempotent. */
#include <string.h>

#include "entities.h"
#include "mojibake.h"
#include "normalize_int.h"

#define NAME_MAX_LEN 32

const struct pith_entity *
pith_entity_lookup(const char *name, size_t len)
{
	size_t lo = 0, hi = pith_nentities;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *e = pith_entities[mid].name;
		int c = strncmp(e, name, len);

		if (c == 0)
			c = e[len] == '\0' ? 0 : 1;
		if (c == 0)
			return &pith_entities[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
hexval(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (int)(c - 'A' + 10);
	return -1;
}

/* Parses a reference starting at cp[i] == '&'. On success returns its
 * length and sets out[0..*nout). */
static size_t
parse_ref(const uint32_t *cp, size_t i, size_t n, uint32_t out[2],
    int *nout)
{
	size_t j = i + 1;

	if (j < n && cp[j] == '#') {
		int hex = 0, digits = 0;
		uint32_t v = 0;

		j++;
		if (j < n && (cp[j] == 'x' || cp[j] == 'X')) {
			hex = 1;
			j++;
		}
		for (; j < n; j++) {
			int d = hex ? hexval(cp[j]) :
			    (cp[j] >= '0' && cp[j] <= '9' ?
			    (int)(cp[j] - '0') : -1);

			if (d < 0)
				break;
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + (uint32_t)d;
			digits++;
		}
		if (digits == 0 || j >= n || cp[j] != ';')
			return 0;
		if (v >= 0x80 && v <= 0x9F)
			v = pith_codepages[0].to_unicode[v - 0x80];
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		out[0] = v;
		*nout = 1;
		return j + 1 - i;
	}
	{
		char name[NAME_MAX_LEN];
		size_t k = 0;
		const struct pith_entity *e;

		for (; j < n && is_alnum(cp[j]) && k < NAME_MAX_LEN; j++)
			name[k++] = (char)cp[j];
		if (k == 0 || j >= n || cp[j] != ';')
			return 0;
		if ((e = pith_entity_lookup(name, k)) == NULL)
			return 0;
		out[0] = e->cp1;
		out[1] = e->cp2;
		*nout = e->cp2 ? 2 : 1;
		return j + 1 - i;
	}
}

static size_t
decode_once(uint32_t *cp, size_t n, uint64_t *count)
{
	size_t i, w = 0;

	for (i = 0; i < n;) {
		uint32_t rep[2];
		int nrep = 0;
		size_t len;

		if (cp[i] == '&' && (len = parse_ref(cp, i, n, rep, &nrep))) {
			/* A reference is at least 3 long and yields at most
			 * 2, so writing in place never overtakes reading. */
			cp[w++] = rep[0];
			if (nrep == 2)
				cp[w++] = rep[1];
			i += len;
			(*count)++;
			continue;
		}
		cp[w++] = cp[i++];
	}
	return w;
}

size_t
pith_entities_decode(uint32_t *cp, size_t n, uint64_t *count)
{
	uint64_t before;
	int round;

	for (round = 0; round < 8; round++) {
		before = *count;
		n = decode_once(cp, n, count);
		if (*count == before)
			break;
	}
	return n;
}
