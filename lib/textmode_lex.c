/* Word tokenizer for text mode: words are runs of letters and digits,
 * hashed case-folded so that stop-word and phrase look-ups need no copy.
 * Case folding covers what the stop-word languages need (ASCII, Latin-1,
 * Latin Extended-A, Cyrillic); other scripts hash as they are. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "textmode_impl.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

size_t
tm_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c = s[0];
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, c &= 0x07;
	else {
		*cp = s[0];
		return 1;
	}
	if (n > len) {
		*cp = s[0];
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = s[0];
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	*cp = c;
	return n;
}

int
tm_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9') || cp == '_';
	if (cp < 0xc0)
		return cp == 0xaa || cp == 0xb5 || cp == 0xba;
	if (cp == 0xd7 || cp == 0xf7)
		return 0;
	if (cp >= 0x2000 && cp <= 0x2bff)	/* punctuation, symbols */
		return 0;
	if (cp >= 0x3000 && cp <= 0x303f)	/* CJK punctuation */
		return 0;
	if (cp >= 0xfe00 && cp <= 0xfe6f)
		return 0;
	if (cp >= 0xff00 && cp <= 0xff0f)
		return 0;
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp >= 0x1f000)			/* emoji, pictographs */
		return 0;
	return 1;
}

int
tm_is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ffff);
}

/* Lower case of `cp` and whether it was upper case. */
static uint32_t
fold(uint32_t cp, int *upper)
{
	*upper = 0;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z') {
			*upper = 1;
			return cp + 32;
		}
		return cp;
	}
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7) {
		*upper = 1;
		return cp + 32;
	}
	if (cp >= 0x100 && cp <= 0x17f) {
		int even_upper = (cp <= 0x137) || (cp >= 0x14a && cp <= 0x177);
		int odd_upper = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;

		if ((even_upper && cp % 2 == 0) || (odd_upper && cp % 2 == 1)) {
			*upper = cp != 0x17f;
			return *upper ? cp + 1 : cp;
		}
		return cp;
	}
	if (cp >= 0x410 && cp <= 0x42f) {
		*upper = 1;
		return cp + 0x20;
	}
	if (cp >= 0x400 && cp <= 0x40f) {
		*upper = 1;
		return cp + 0x50;
	}
	if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2) {
		*upper = 1;
		return cp + 0x20;
	}
	return cp;
}

static uint64_t
hash_cp(uint64_t h, uint32_t cp)
{
	unsigned char b[4];
	size_t n, i;

	if (cp < 0x80) {
		b[0] = cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = 0xc0 | (cp >> 6);
		b[1] = 0x80 | (cp & 0x3f);
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = 0xe0 | (cp >> 12);
		b[1] = 0x80 | ((cp >> 6) & 0x3f);
		b[2] = 0x80 | (cp & 0x3f);
		n = 3;
	} else {
		b[0] = 0xf0 | (cp >> 18);
		b[1] = 0x80 | ((cp >> 12) & 0x3f);
		b[2] = 0x80 | ((cp >> 6) & 0x3f);
		b[3] = 0x80 | (cp & 0x3f);
		n = 4;
	}
	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* 0 not a word character, 1 lower case letter or '_', 2 upper case, 3
 * digit. */
static const unsigned char ascii_class[128] = {
	['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3, ['5'] = 3,
	['6'] = 3, ['7'] = 3, ['8'] = 3, ['9'] = 3, ['_'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
	['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2,
	['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2,
	['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2,
	['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2,
	['Y'] = 2, ['Z'] = 2,
};

static void
push(struct tm_toks *t, size_t off, size_t len, uint64_t h, uint32_t flags)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n].off = (uint32_t)off;
	t->v[t->n].len = (uint32_t)len;
	t->v[t->n].h = h;
	t->v[t->n].flags = flags;
	t->v[t->n].stop = 0;
	t->n++;
}

void
tm_tokenize(const char *text, size_t len, struct tm_toks *t)
{
	size_t i = t->n;

	tm_tokenize_plain(text, len, t);
	for (; i < t->n; i++)
		t->v[i].stop = tm_stop_mask(t->v[i].h);
}

void
tm_tokenize_plain(const char *text, size_t len, struct tm_toks *t)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, start = 0, letters = 0, uppers = 0;
	uint64_t h = FNV_OFFSET;
	uint32_t flags = 0;
	int in = 0;

	while (i < len) {
		uint32_t cp, lc = 0;
		size_t n = 1;
		int up = 0, word;

		if (s[i] < 0x80) {
			/* ASCII by table: the bulk of most text. */
			cp = s[i];
			word = ascii_class[cp] != 0;
			up = ascii_class[cp] == 2;
			lc = up ? cp + 32 : cp;
		} else {
			n = tm_utf8_decode(s + i, len - i, &cp);
			word = tm_is_letter(cp) && !tm_is_cjk(cp);
			if (word)
				lc = fold(cp, &up);
		}
		if (word) {
			if (!in) {
				in = 1;
				start = i;
				h = FNV_OFFSET;
				flags = 0;
				letters = uppers = 0;
				if (up)
					flags |= TM_CAP;
			}
			if (cp >= '0' && cp <= '9')
				flags |= TM_DIGIT;
			else {
				flags |= TM_ALPHA;
				letters++;
				uppers += up;
			}
			if (cp < 0x80) {
				h ^= lc;
				h *= FNV_PRIME;
			} else
				h = hash_cp(h, lc);
		} else {
			if (in) {
				if (letters > 1 && uppers == letters)
					flags |= TM_UPPER;
				push(t, start, i - start, h, flags);
				in = 0;
			}
			if (tm_is_cjk(cp))
				push(t, i, n, hash_cp(FNV_OFFSET, cp),
				    TM_CJK | TM_ALPHA);
		}
		i += n;
	}
	if (in) {
		if (letters > 1 && uppers == letters)
			flags |= TM_UPPER;
		push(t, start, i - start, h, flags);
	}
}

uint64_t
tm_word_hash(const char *s, size_t len)
{
	struct tm_toks t = {NULL, 0, 0};
	uint64_t h;

	tm_tokenize(s, len, &t);
	h = t.n > 0 ? t.v[0].h : FNV_OFFSET;
	tm_toks_free(&t);
	return h;
}

void
tm_toks_free(struct tm_toks *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}
