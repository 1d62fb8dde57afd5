/* Mojibake repair: text that was UTF-8, decoded as a single-byte code
 * page (windows-1252, latin-1, 1251, ...), maybe more than once.
 *
 * A line is read back into the bytes each code page would have produced
 * and searched for runs that form valid UTF-8 multi-byte sequences.
 * Such a run is repaired only where the evidence is strong, since false
 * repairs are worse than missed ones:
 *
 *  - each sequence scores the characters it is made of: C1 controls
 *    score high, symbols and rare letters medium, characters that often
 *    follow a letter in real text (no-break space, apostrophe, dashes,
 *    ellipsis) low; "Â" and "Ã" as lead bytes, a capital after a small
 *    letter, a symbol inside a word and 3- or 4-byte sequences add to
 *    it;
 *  - a word (text between spaces) is repaired whole or not at all: every
 *    non-ASCII letter in it must belong to a sequence, and no sequence
 *    may decode to something implausible: unassigned or private-use
 *    characters, IPA and phonetic letters, rare scripts, a letter of
 *    another script with no letter of that script beside it, a small
 *    letter inside a word in capitals;
 *  - a word needs a score of 3, or a line that already has such a word
 *    or several weaker ones; the code page with the best total wins.
 *
 * Repairs are repeated (up to four rounds) for text garbled twice. A
 * space may stand for a lost 0xA0 byte, U+FFFD for a lost byte (the
 * sequence then becomes one U+FFFD), and CESU-8 surrogate pairs are
 * joined. C1 controls left over are handled by the caller. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "mojibake.h"
#include "normalize_int.h"

#define MAX_CODEPAGES	8
#define REV_LOW		0x530
#define MAX_ROUNDS	4
#define WORD_STRONG	3
#define LINE_WEAK_SUM	5
#define LINE_WEAK_WORDS	3
#define ISOLATED_OK	5

static uint8_t rev_low[MAX_CODEPAGES][REV_LOW];
struct rev_entry {
	uint16_t u;
	uint8_t b;
};

static struct rev_entry rev_high[MAX_CODEPAGES][128];
static int nhigh[MAX_CODEPAGES];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
/* For each BMP character, a bit per code page where it can stand for a
 * lead byte (0xC2-0xF4), the lead of a 2-byte sequence (0xC2-0xDF), or
 * a continuation byte (0x80-0xBF): one pass over a line then tells which
 * code pages are worth a closer look, and rules out most lines. */
static uint8_t lead_mask[0x10000], lead2_mask[0x10000], cont_mask[0x10000];

static unsigned
mask_of(const uint8_t *m, uint32_t c)
{
	return c < 0x10000 ? m[c] : 0;
}

/* The code pages (bit k) in which some pair of characters of c could
 * start a UTF-8 sequence. */
static unsigned
candidate_pages(const uint32_t *c, size_t n)
{
	unsigned pages = 0;
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		unsigned lead;

		if (c[i] < 0x80 || (lead = mask_of(lead_mask, c[i])) == 0)
			continue;
		if (c[i + 1] == ' ')
			pages |= lead & (mask_of(lead2_mask, c[i]) |
			    (i + 2 < n ? mask_of(cont_mask, c[i + 2]) : 0));
		else
			pages |= lead & mask_of(cont_mask, c[i + 1]);
	}
	return pages;
}

static void
rev_init(void)
{
	size_t k;
	int b;

	for (k = 0; k < pith_ncodepages && k < MAX_CODEPAGES; k++) {
		unsigned kb = 1u << k;

		for (b = 0x80; b < 0xA0; b++)
			cont_mask[b] |= kb;	/* C1 controls, as latin-1 */
		cont_mask[0xFFFD] |= kb;	/* a lost byte */
		for (b = 0x80; b < 0x100; b++) {
			uint16_t u = pith_codepages[k].to_unicode[b - 0x80];

			if (b < 0xC0)
				cont_mask[u] |= kb;
			if (b >= 0xC2 && b <= 0xF4)
				lead_mask[u] |= kb;
			if (b >= 0xC2 && b <= 0xDF)
				lead2_mask[u] |= kb;
			if (u < REV_LOW)
				rev_low[k][u] = (uint8_t)b;
			else
				rev_high[k][nhigh[k]++] =
				    (struct rev_entry){u, (uint8_t)b};
		}
	}
}

/* The byte code page k gives for c, or -1. C1 controls are their own
 * byte in every code page: that is what latin-1 and the lenient decoders
 * that keep undefined bytes produce. */
static int
encode_byte(size_t k, uint32_t c)
{
	int i;

	if (c <= 0x9F)
		return (int)c;
	if (c < REV_LOW)
		return rev_low[k][c] ? rev_low[k][c] : -1;
	if (c > 0xFFFF)
		return -1;
	for (i = 0; i < nhigh[k]; i++)
		if (rev_high[k][i].u == c)
			return rev_high[k][i].b;
	return -1;
}

struct seq {
	size_t start, len;	/* in code points of the line */
	uint32_t dec;		/* decoded character */
	int ev;			/* evidence */
	int a0;			/* a space stood for byte 0xA0 */
	int word;
};

struct word {
	size_t start, end;
	int score, nseq, bad;
	int embedded;		/* a sequence touches an ASCII letter */
};

struct plan {
	struct seq *s;
	size_t ns, cap;
	struct word *w;
	size_t nw, wcap;
	int *b;			/* byte per code point */
	int *own;		/* sequence index per code point, or -1 */
	size_t bcap;
	unsigned scripts;	/* see line_scripts() */
	int score;
	size_t accepted;
};

static int
is_cont(int b, int lo, int hi)
{
	return b >= lo && b <= hi;
}

/* Parses a UTF-8 sequence from bytes b[i..]; surrogates are returned as
 * they are (the caller joins CESU-8 pairs). */
static int
parse_raw(const uint32_t *c, const int *b, size_t n, size_t i,
    struct seq *s)
{
	int lead, need, j, lo = 0x80, hi = 0xBF, lost = 0, a0 = 0;
	uint32_t v;

	if (i >= n)
		return 0;
	lead = b[i];
	if (c[i] < 0x80 || lead < 0xC2 || lead > 0xF4)
		return 0;
	need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
	v = (uint32_t)lead & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
	if (lead == 0xE0)
		lo = 0xA0;
	else if (lead == 0xF0)
		lo = 0x90;
	else if (lead == 0xF4)
		hi = 0x8F;
	for (j = 1; j <= need; j++) {
		uint32_t o;
		int cb;

		if (i + (size_t)j >= n)
			return 0;
		o = c[i + j];
		cb = b[i + j];
		if (o == 0xFFFD) {
			lost = 1;
			cb = 0x80;
		} else if (o == ' ' && is_cont(0xA0, lo, hi)) {
			cb = 0xA0;
			a0 = 1;
		} else if (o == '?' && j == need && need >= 2 && !lost &&
		    !a0) {
			lost = 1;
			cb = 0x80;
		} else if (!is_cont(cb, lo, hi))
			return 0;
		v = v << 6 | ((uint32_t)cb & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	s->start = i;
	s->len = (size_t)need + 1;
	s->dec = lost ? 0xFFFD : v;
	s->a0 = a0;
	return 1;
}

static int
parse_seq(const uint32_t *c, const int *b, size_t n, size_t i,
    struct seq *s)
{
	struct seq lo;

	if (!parse_raw(c, b, n, i, s))
		return 0;
	if (s->dec < 0xD800 || s->dec > 0xDFFF)
		return 1;
	/* CESU-8: a high surrogate must be followed by a low one. */
	if (s->dec > 0xDBFF || !parse_raw(c, b, n, i + 3, &lo) ||
	    lo.dec < 0xDC00 || lo.dec > 0xDFFF)
		return 0;
	s->dec = 0x10000 + ((s->dec - 0xD800) << 10) + (lo.dec - 0xDC00);
	s->len = 6;
	s->a0 |= lo.a0;
	return 1;
}

static int
is_common_follower(uint32_t o)
{
	switch (o) {
	case 0xA0: case 0xAD: case 0xB4: case 0xB7:
	case 0x2013: case 0x2014: case 0x2019: case 0x2026:
		return 1;
	}
	return 0;
}

static int
cat_of(uint32_t c)
{
	return (int)utf8proc_category((utf8proc_int32_t)c);
}

static int
is_letter(uint32_t c)
{
	int k = cat_of(c);

	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* Symbols and punctuation, less the quotes and dashes that do stand
 * next to letters in real text. */
static int
is_symbol(uint32_t c)
{
	int k = cat_of(c);

	if (c >= 0x2010 && c <= 0x201F)
		return 0;
	if (c == 0xB4 || c == 0xB7 || c == 0xAB || c == 0xBB ||
	    c == 0x2039 || c == 0x203A)
		return 0;
	if (k == UTF8PROC_CATEGORY_NO && c < 0x100)
		return 1;	/* superscripts and fractions */
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_SO;
}

static int
is_ascii_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_lower_ascii(uint32_t c)
{
	return c >= 'a' && c <= 'z';
}

static int
evidence(const uint32_t *c, size_t n, const int *b, size_t k,
    const struct seq *s)
{
	int ev = 0;
	size_t j;
	int kind = cat_of(c[s->start]);

	for (j = 1; j < s->len; j++) {
		uint32_t o = c[s->start + j];

		if (o == ' ')
			continue;	/* stood for 0xA0: no evidence */
		if (o == 0xFFFD || (o == '?' && j == s->len - 1))
			ev += 1;
		else if (o >= 0x80 && o <= 0x9F)
			ev += 3;
		else if (o == 0x2019 && j == s->len - 1 &&
		    s->start + j + 1 < n &&
		    is_lower_ascii(c[s->start + j + 1]))
			;	/* "Ã’s": an apostrophe, as in English */
		else if (is_common_follower(o))
			ev += 1;
		else
			ev += 2;
	}
	/* "Â" and "Ã" (and what 0xC2, 0xC3 are in other Latin code
	 * pages) start the encodings of U+0080-U+00FF. */
	if ((b[s->start] == 0xC2 || b[s->start] == 0xC3) &&
	    strcmp(pith_codepages[k].name, "cyrillic") != 0 &&
	    strcmp(pith_codepages[k].name, "greek") != 0)
		ev += 2;
	if (s->a0) {
		/* A lone "Ã " may be any lost byte ("MartÃ National" was
		 * "Martí"); a no-break space that became a space before the
		 * real one ("voilÃ  le") is better evidence. */
		size_t after = s->start + s->len;

		if (after < n && c[after] == ' ')
			ev += 1;
		return ev;
	}
	if (kind == UTF8PROC_CATEGORY_LU && s->start > 0 &&
	    cat_of(c[s->start - 1]) == UTF8PROC_CATEGORY_LL)
		ev += 1;
	{
		/* A symbol inside a word ("10Î¼s", "rÃ©gion"). */
		uint32_t last = c[s->start + s->len - 1];
		size_t after = s->start + s->len;

		if (after < n && is_letter(c[after]) && is_symbol(last))
			ev += 1;
	}
	if (s->len >= 3)
		ev += 1;
	return ev;
}

/* Latin Extended-B letters that real text uses: Vietnamese horned
 * letters, pinyin caron vowels, Romanian comma-below letters. */
static int
latin_b_ok(uint32_t d)
{
	switch (d) {
	case 0x186: case 0x189: case 0x18A: case 0x18E: case 0x18F:
	case 0x190: case 0x198: case 0x199: case 0x1B3: case 0x1B4:
	case 0x1DD:
		return 1;	/* African alphabets, Azerbaijani schwa */
	}
	return d == 0x1A0 || d == 0x1A1 || d == 0x1AF || d == 0x1B0 ||
	    (d >= 0x1CD && d <= 0x1DC) || (d >= 0x218 && d <= 0x21B);
}

/* IPA letters that are ordinary letters of some alphabets (Azerbaijani
 * ə, the open e and o, hooked b and d of West African languages) and
 * the Hawaiian okina and modifier apostrophe. */
static int
ipa_ok(uint32_t d)
{
	switch (d) {
	case 0x253: case 0x254: case 0x256: case 0x257: case 0x259:
	case 0x25B: case 0x263: case 0x272: case 0x2BB: case 0x2BC:
		return 1;
	}
	return 0;
}

static int
implausible_char(uint32_t d)
{
	int k = cat_of(d);

	if (k == UTF8PROC_CATEGORY_CN || k == UTF8PROC_CATEGORY_CO ||
	    k == UTF8PROC_CATEGORY_CS)
		return 1;
	if (d == 0x192 || d == 0x2C6 || d == 0x2DC)
		return 0;	/* windows-1252's own: text garbled twice */
	if (d >= 0x180 && d <= 0x24F)
		return !latin_b_ok(d);
	if (d >= 0x250 && d <= 0x2FF)
		return !ipa_ok(d);
	if ((d >= 0x700 && d <= 0x8FF) ||
	    (d >= 0x1D00 && d <= 0x1DBF))
		return 1;
	return 0;
}

/* The decoded text around sequence si: the character `off` places away
 * (-2, -1, +1), within its word; 0 when outside. */
static uint32_t
decoded_at(const struct plan *p, const uint32_t *c, const struct word *w,
    size_t si, int off)
{
	const struct seq *s = &p->s[si];
	size_t pos;
	int step = off < 0 ? -1 : 1, left = off < 0 ? -off : off;

	pos = off < 0 ? s->start : s->start + s->len - 1;
	while (left-- > 0) {
		if (step < 0) {
			if (pos <= w->start)
				return 0;
			pos--;
			if (p->own[pos] >= 0)
				pos = p->s[p->own[pos]].start;
		} else {
			if (pos + 1 >= w->end)
				return 0;
			pos++;
			if (p->own[pos] >= 0)
				pos = p->s[p->own[pos]].start +
				    p->s[p->own[pos]].len - 1;
		}
	}
	return p->own[pos] >= 0 ? p->s[p->own[pos]].dec : c[pos];
}

/* A decoded letter with no letter of its script beside it. */
static int
lone_letter(const struct plan *p, const uint32_t *c, const struct word *w,
    size_t si)
{
	enum pith_script sc = pith_script_of(p->s[si].dec);
	uint32_t p1 = decoded_at(p, c, w, si, -1);
	uint32_t p2 = decoded_at(p, c, w, si, -2);
	uint32_t n1 = decoded_at(p, c, w, si, 1);

	if (p1 && cat_of(p1) == UTF8PROC_CATEGORY_MN)
		p1 = p2;
	return !(p1 && pith_script_of(p1) == sc) &&
	    !(n1 && pith_script_of(n1) == sc);
}

static int
vetoed(const struct plan *p, const uint32_t *c, const struct word *w,
    size_t si)
{
	const struct seq *s = &p->s[si];
	uint32_t d = s->dec, p1, p2, n1;
	enum pith_script sc;

	if (d == 0xFFFD || (d >= 0x80 && d <= 0x9F))
		return 0;
	if (implausible_char(d))
		return 1;
	p1 = decoded_at(p, c, w, si, -1);
	p2 = decoded_at(p, c, w, si, -2);
	n1 = decoded_at(p, c, w, si, 1);
	if (p1 == 0 && n1 == 0 && cat_of(d) == UTF8PROC_CATEGORY_SK)
		return 1;	/* "Āø" -> a lone cedilla */
	if (cat_of(d) == UTF8PROC_CATEGORY_LL && p1 >= 'A' && p1 <= 'Z' &&
	    ((p2 && cat_of(p2) == UTF8PROC_CATEGORY_LU) ||
	    (n1 && cat_of(n1) == UTF8PROC_CATEGORY_LU)))
		return 1;	/* "AHř": small letter among capitals */
	sc = pith_script_of(d);
	if (is_letter(d) && sc != SCRIPT_LATIN && sc != SCRIPT_OTHER &&
	    s->ev < ISOLATED_OK && !(p->scripts & (1u << sc))) {
		if (d == 0x3BC && n1 && is_ascii_letter(n1))
			return 0;	/* micro: "10μs" */
		if (lone_letter(p, c, w, si))
			return 1;	/* "5ף35" */
	}
	return 0;
}

/* Scripts other than Latin that the line has letters of, in the text as
 * it is or among decoded letters with a neighbour of their script: a
 * one-letter word of such a script ("Η" in Greek) is then plausible. */
static unsigned
line_scripts(const struct plan *p, const uint32_t *c, size_t n)
{
	unsigned mask = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (p->own[i] < 0 && c[i] >= 0x370 && is_letter(c[i]))
			mask |= 1u << pith_script_of(c[i]);
	for (i = 0; i < p->ns; i++) {
		uint32_t d = p->s[i].dec;

		if (d >= 0x370 && d != 0xFFFD && is_letter(d) &&
		    !lone_letter(p, c, &p->w[p->s[i].word], i))
			mask |= 1u << pith_script_of(d);
	}
	return mask & ~(1u << SCRIPT_LATIN) & ~(1u << SCRIPT_OTHER);
}

static void
plan_reserve(struct plan *p, size_t n)
{
	if (n > p->bcap) {
		p->b = xrealloc(p->b, n * sizeof *p->b);
		p->own = xrealloc(p->own, n * sizeof *p->own);
		p->bcap = n;
	}
}

static void
add_seq(struct plan *p, const struct seq *s)
{
	if (p->ns == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->s = xrealloc(p->s, p->cap * sizeof *p->s);
	}
	p->s[p->ns++] = *s;
}

static void
add_word(struct plan *p, size_t start, size_t end)
{
	if (p->nw == p->wcap) {
		p->wcap = p->wcap ? p->wcap * 2 : 16;
		p->w = xrealloc(p->w, p->wcap * sizeof *p->w);
	}
	p->w[p->nw++] = (struct word){start, end, 0, 0, 0, 0};
}

static int
is_boundary(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0xA0;
}

/* Finds the repairs code page k would make; p->score = 0 when none. */
static void
analyze(struct plan *p, const uint32_t *c, size_t n, size_t k)
{
	size_t i, wi, si;
	int has_lead = 0, strong = 0, weak_sum = 0, candidates = 0;
	int embedded = 0;

	p->ns = p->nw = 0;
	p->score = 0;
	p->accepted = 0;
	plan_reserve(p, n);
	for (i = 0; i < n; i++) {
		p->b[i] = encode_byte(k, c[i]);
		p->own[i] = -1;
		if (c[i] >= 0x80 && p->b[i] >= 0xC2 && p->b[i] <= 0xF4)
			has_lead = 1;
	}
	if (!has_lead)
		return;
	for (i = 0; i < n;) {
		struct seq s;

		if (parse_seq(c, p->b, n, i, &s)) {
			size_t j;

			s.ev = 0;
			for (j = 0; j < s.len; j++)
				p->own[i + j] = (int)p->ns;
			add_seq(p, &s);
			i += s.len;
		} else
			i++;
	}
	if (p->ns == 0)
		return;
	/* Words: split at whitespace that no sequence took. */
	for (i = 0; i < n;) {
		size_t st;

		while (i < n && p->own[i] < 0 && is_boundary(c[i]))
			i++;
		if (i >= n)
			break;
		st = i;
		while (i < n && !(p->own[i] < 0 && is_boundary(c[i])))
			i++;
		add_word(p, st, i);
	}
	for (wi = 0; wi < p->nw; wi++) {
		struct word *w = &p->w[wi];

		for (i = w->start; i < w->end; i++) {
			if (p->own[i] >= 0) {
				struct seq *s = &p->s[p->own[i]];

				s->word = (int)wi;
				s->ev = evidence(c, n, p->b, k, s);
				w->score += s->ev;
				w->nseq++;
				if ((s->start > 0 &&
				    is_ascii_letter(c[s->start - 1])) ||
				    (s->start + s->len < n &&
				    is_ascii_letter(c[s->start + s->len])))
					w->embedded = 1;
				i += s->len - 1;
			} else if (c[i] >= 0x80 && (is_letter(c[i]) ||
			    cat_of(c[i]) == UTF8PROC_CATEGORY_MN)) {
				w->bad = 1;	/* a letter no sequence explains */
			}
		}
	}
	p->scripts = line_scripts(p, c, n);
	for (si = 0; si < p->ns; si++) {
		struct word *w = &p->w[p->s[si].word];

		if (!w->bad && vetoed(p, c, w, si))
			w->bad = 1;
	}
	for (wi = 0; wi < p->nw; wi++) {
		struct word *w = &p->w[wi];

		if (w->nseq == 0 || w->bad)
			continue;
		candidates++;
		weak_sum += w->score;
		embedded |= w->embedded;
		if (w->score >= WORD_STRONG)
			strong++;
	}
	/* Without one strong word, several weak ones, one of them inside
	 * a word of ASCII letters ("ÄÆdomu"): not letters quoted alone. */
	if (strong == 0 && (candidates < LINE_WEAK_WORDS ||
	    weak_sum < LINE_WEAK_SUM || !embedded))
		return;
	p->score = weak_sum;
	for (si = 0; si < p->ns; si++)
		if (!p->w[p->s[si].word].bad && p->w[p->s[si].word].nseq)
			p->accepted++;
}

/* "Ã " read back as "à": keep the space when "à" is a word of its own
 * (French "à la"), not after a letter ("voilà") or before another space,
 * nor before the Portuguese contractions "às", "àquele", "àquela",
 * "àquilo". */
static int
keeps_space(const uint32_t *c, size_t n, const struct seq *s)
{
	size_t i = s->start + s->len;
	static const char *const joined[] = {"quel", "quil"};
	size_t j, m;

	if (s->len != 2 || c[s->start + 1] != ' ' || s->dec != 0xE0)
		return 0;
	if (s->start > 0 && is_letter(c[s->start - 1]))
		return 0;
	if (i >= n || is_boundary(c[i]))
		return 0;
	if ((c[i] == 's' || c[i] == 'S') &&
	    (i + 1 >= n || !is_letter(c[i + 1])))
		return 0;
	for (j = 0; j < sizeof joined / sizeof *joined; j++) {
		for (m = 0; joined[j][m] && i + m < n &&
		    c[i + m] == (uint32_t)joined[j][m]; m++)
			;
		if (joined[j][m] == '\0')
			return 0;
	}
	return 1;
}

static void
apply(const struct plan *p, const uint32_t *c, size_t n,
    struct pith_cpv *out)
{
	size_t i;

	out->n = 0;
	pith_cpv_reserve(out, n + 1);
	for (i = 0; i < n;) {
		const struct seq *s;

		if (p->own[i] < 0 || p->w[p->s[p->own[i]].word].bad) {
			pith_cpv_push(out, c[i++]);
			continue;
		}
		s = &p->s[p->own[i]];
		pith_cpv_push(out, s->dec);
		if (s->a0 && keeps_space(c, n, s))
			pith_cpv_push(out, ' ');
		i += s->len;
	}
}

static void
plan_free(struct plan *p)
{
	free(p->s);
	free(p->w);
	free(p->b);
	free(p->own);
}

size_t
pith_mojibake_fix(struct pith_cpv *in, struct pith_cpv *tmp)
{
	struct plan p = {0}, best = {0};
	size_t total = 0, k;
	int round;

	pthread_once(&tables_once, rev_init);
	for (round = 0; round < MAX_ROUNDS; round++) {
		size_t best_k = (size_t)-1;
		int best_score = 0;
		unsigned pages = candidate_pages(in->v, in->n);

		if (pages == 0)
			break;
		for (k = 0; k < pith_ncodepages && k < MAX_CODEPAGES; k++) {
			if (!(pages & (1u << k)))
				continue;
			analyze(&p, in->v, in->n, k);
			if (p.accepted > 0 && p.score > best_score) {
				struct plan t = best;

				best = p;
				p = t;
				best_k = k;
				best_score = best.score;
			}
		}
		if (best_k == (size_t)-1)
			break;
		apply(&best, in->v, in->n, tmp);
		total += best.accepted;
		{
			struct pith_cpv t = *in;

			*in = *tmp;
			*tmp = t;
		}
	}
	plan_free(&p);
	plan_free(&best);
	return total;
}
