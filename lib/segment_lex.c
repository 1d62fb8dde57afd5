/* Hashed word lists for the sentence layer (see segment_lex.h). */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "segment_lex.h"
#include "uax29.h"

struct lex_slot {
	char word[PITH_LEX_MAXLEN];
	unsigned char len;
	signed char lang;
	unsigned char value;
};

struct pith_lex {
	struct lex_slot *slot;
	size_t mask;
};

static uint32_t
hash_word(const char *w, size_t len, int lang)
{
	uint32_t h = 2166136261u ^ (uint32_t)(lang + 2);
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static void
lex_add(struct pith_lex *lx, int lang, int value, const char *w, size_t len,
    int merge)
{
	size_t h = hash_word(w, len, lang) & lx->mask;

	if (len == 0 || len >= PITH_LEX_MAXLEN)
		return;
	while (lx->slot[h].len != 0) {
		if (lx->slot[h].lang == lang && lx->slot[h].len == len &&
		    memcmp(lx->slot[h].word, w, len) == 0) {
			if (merge)
				lx->slot[h].value |= (unsigned char)value;
			return;
		}
		h = (h + 1) & lx->mask;
	}
	memcpy(lx->slot[h].word, w, len);
	lx->slot[h].len = (unsigned char)len;
	lx->slot[h].lang = (signed char)lang;
	lx->slot[h].value = (unsigned char)value;
}

struct pith_lex *
pith_lex_build(const struct pith_lex_list *lists, size_t n, int merge)
{
	struct pith_lex *lx = xmalloc(sizeof *lx);
	size_t i, words = 0, size = 64;
	const char *p, *e;

	for (i = 0; i < n; i++)
		for (p = lists[i].words; *p != '\0'; p++)
			words += *p == ' ';
	words += n;
	while (size < words * 4)
		size *= 2;
	lx->slot = xcalloc(size, sizeof *lx->slot);
	lx->mask = size - 1;
	for (i = 0; i < n; i++) {
		p = lists[i].words;
		while (*p != '\0') {
			while (*p == ' ')
				p++;
			for (e = p; *e != '\0' && *e != ' '; e++)
				;
			lex_add(lx, lists[i].lang, lists[i].value, p,
			    (size_t)(e - p), merge);
			p = e;
		}
	}
	return lx;
}

int
pith_lex_get(const struct pith_lex *lx, int lang, const char *w, size_t len)
{
	size_t h = hash_word(w, len, lang) & lx->mask;

	while (lx->slot[h].len != 0) {
		if (lx->slot[h].lang == lang && lx->slot[h].len == len &&
		    memcmp(lx->slot[h].word, w, len) == 0)
			return lx->slot[h].value;
		h = (h + 1) & lx->mask;
	}
	return 0;
}

static uint32_t
lower_cp(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F) {
		/* Latin Extended-A pairs capital/small, even/odd except in
		 * the 0x139-0x148 and 0x179-0x17E stretches. */
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

size_t
pith_seg_fold(const char *word, size_t len, char *out, size_t max)
{
	const unsigned char *s = (const unsigned char *)word;
	size_t i = 0, n = 0, k;
	uint32_t c;

	while (i < len) {
		k = pith_utf8_decode(s + i, len - i, &c);
		c = lower_cp(c);
		if (c < 0x80) {
			if (n + 1 >= max)
				return 0;
			out[n++] = (char)c;
		} else if (c < 0x800) {
			if (n + 2 >= max)
				return 0;
			out[n++] = (char)(0xC0 | c >> 6);
			out[n++] = (char)(0x80 | (c & 0x3F));
		} else {
			/* Nothing above U+07FF folds; copy the bytes. */
			if (n + k >= max)
				return 0;
			memcpy(out + n, s + i, k);
			n += k;
		}
		i += k;
	}
	return n;
}
