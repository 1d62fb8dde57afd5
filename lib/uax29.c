/* UAX #29 sentence and word boundaries, rule by rule (Unicode 15.0).
 *
 * Both algorithms first fold each run of Extend/Format (and, for words,
 * ZWJ) characters into the character before it (rules SB5 and WB4), so
 * the remaining rules look only at "units"; a boundary can only fall
 * before a unit. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "uax29.h"

struct unit {
	size_t off;		/* byte offset of the unit's first character */
	uint32_t cp;		/* its first code point */
	uint8_t prop;		/* its break property */
	uint8_t lastraw;	/* property of its last raw character */
};

size_t
pith_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < len) {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

/* Splits text into units. `attachable` says which properties fold into
 * the unit before, `barrier` after which units they do not fold. */
static size_t
make_units(const char *text, size_t len, int word, struct unit *u)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t off = 0, n = 0, k;
	uint32_t cp;
	unsigned p;
	int attach;

	while (off < len) {
		if (s[off] < 0x80) {
			cp = s[off];
			k = 1;
		} else
			k = pith_utf8_decode(s + off, len - off, &cp);
		if (word) {
			p = pith_wb(cp);
			attach = (p == PITH_WB_EXTEND || p == PITH_WB_FORMAT ||
			    p == PITH_WB_ZWJ) && n > 0 &&
			    u[n - 1].prop != PITH_WB_CR &&
			    u[n - 1].prop != PITH_WB_LF &&
			    u[n - 1].prop != PITH_WB_NEWLINE;
		} else {
			p = pith_sb(cp);
			attach = (p == PITH_SB_EXTEND || p == PITH_SB_FORMAT) &&
			    n > 0 && u[n - 1].prop != PITH_SB_CR &&
			    u[n - 1].prop != PITH_SB_LF &&
			    u[n - 1].prop != PITH_SB_SEP;
		}
		if (attach) {
			u[n - 1].lastraw = p;
		} else {
			u[n].off = off;
			u[n].cp = cp;
			u[n].prop = p;
			u[n].lastraw = p;
			n++;
		}
		off += k;
	}
	return n;
}

static int
sb_parasep(int p)
{
	return p == PITH_SB_CR || p == PITH_SB_LF || p == PITH_SB_SEP;
}

static int
sb_saterm(int p)
{
	return p == PITH_SB_ATERM || p == PITH_SB_STERM;
}

int
pith_uax29_sentences(const char *text, size_t len, unsigned char *brk)
{
	struct unit *u;
	signed char *nextsig;
	size_t n, j;
	int st = 0, isa = 0, prev, cur, b;

	memset(brk, 0, len + 1);
	if (len == 0)
		return 0;
	u = xmalloc(len * sizeof *u);
	n = make_units(text, len, 0, u);
	/* nextsig[j]: the first property from unit j on that rule SB8 stops
	 * at (OLetter, Upper, Lower, ParaSep, SATerm), -1 at the end. */
	nextsig = xmalloc(n + 1);
	nextsig[n] = -1;
	for (j = n; j-- > 0;) {
		cur = u[j].prop;
		if (cur == PITH_SB_OLETTER || cur == PITH_SB_UPPER ||
		    cur == PITH_SB_LOWER || sb_parasep(cur) || sb_saterm(cur))
			nextsig[j] = (signed char)cur;
		else
			nextsig[j] = nextsig[j + 1];
	}
	brk[0] = brk[len] = 1;
	for (j = 0; j < n; j++) {
		cur = u[j].prop;
		if (j > 0) {
			prev = u[j - 1].prop;
			if (prev == PITH_SB_CR && cur == PITH_SB_LF)
				b = 0;					/* SB3 */
			else if (sb_parasep(prev))
				b = 1;					/* SB4 */
			else if (prev == PITH_SB_ATERM && cur == PITH_SB_NUMERIC)
				b = 0;					/* SB6 */
			else if (j >= 2 && prev == PITH_SB_ATERM &&
			    cur == PITH_SB_UPPER &&
			    (u[j - 2].prop == PITH_SB_UPPER ||
			    u[j - 2].prop == PITH_SB_LOWER))
				b = 0;					/* SB7 */
			else if (st && isa && nextsig[j] == PITH_SB_LOWER)
				b = 0;					/* SB8 */
			else if (st && (cur == PITH_SB_SCONTINUE ||
			    sb_saterm(cur)))
				b = 0;					/* SB8a */
			else if (st == 1 && (cur == PITH_SB_CLOSE ||
			    cur == PITH_SB_SP || sb_parasep(cur)))
				b = 0;					/* SB9 */
			else if (st && (cur == PITH_SB_SP || sb_parasep(cur)))
				b = 0;					/* SB10 */
			else
				b = st != 0;			/* SB11, SB998 */
			brk[u[j].off] = (unsigned char)b;
		}
		/* Track "SATerm Close*" (1) and "SATerm Close* Sp+" (2). */
		if (sb_saterm(cur)) {
			st = 1;
			isa = cur == PITH_SB_ATERM;
		} else if (cur == PITH_SB_CLOSE && st == 1)
			st = 1;
		else if (cur == PITH_SB_SP && st != 0)
			st = 2;
		else
			st = 0;
	}
	free(nextsig);
	free(u);
	return 0;
}

static int
wb_ahletter(int p)
{
	return p == PITH_WB_ALETTER || p == PITH_WB_HEBREW_LETTER;
}

static int
wb_midletq(int p)
{
	return p == PITH_WB_MIDLETTER || p == PITH_WB_MIDNUMLET ||
	    p == PITH_WB_SINGLE_QUOTE;
}

static int
wb_midnumq(int p)
{
	return p == PITH_WB_MIDNUM || p == PITH_WB_MIDNUMLET ||
	    p == PITH_WB_SINGLE_QUOTE;
}

static int
wb_newline(int p)
{
	return p == PITH_WB_CR || p == PITH_WB_LF || p == PITH_WB_NEWLINE;
}

/* The WB rules for the boundary before unit j (0 < j < n). */
static int
word_break_before(const struct unit *u, size_t n, size_t j, size_t ri_run)
{
	int pm1 = j >= 2 ? u[j - 2].prop : -1;
	int p0 = u[j - 1].prop, p1 = u[j].prop;
	int p2 = j + 1 < n ? u[j + 1].prop : -1;

	if (p0 == PITH_WB_CR && p1 == PITH_WB_LF)
		return 0;					/* WB3 */
	if (wb_newline(p0) || wb_newline(p1))
		return 1;					/* WB3a, b */
	if (u[j - 1].lastraw == PITH_WB_ZWJ &&
	    (pith_cp_props(u[j].cp) & PITH_CP_EXTPICT))
		return 0;					/* WB3c */
	if (u[j - 1].lastraw == PITH_WB_WSEGSPACE && p1 == PITH_WB_WSEGSPACE)
		return 0;					/* WB3d */
	if (wb_ahletter(p0) && wb_ahletter(p1))
		return 0;					/* WB5 */
	if (wb_ahletter(p0) && wb_midletq(p1) && wb_ahletter(p2))
		return 0;					/* WB6 */
	if (wb_ahletter(pm1) && wb_midletq(p0) && wb_ahletter(p1))
		return 0;					/* WB7 */
	if (p0 == PITH_WB_HEBREW_LETTER && p1 == PITH_WB_SINGLE_QUOTE)
		return 0;					/* WB7a */
	if (p0 == PITH_WB_HEBREW_LETTER && p1 == PITH_WB_DOUBLE_QUOTE &&
	    p2 == PITH_WB_HEBREW_LETTER)
		return 0;					/* WB7b */
	if (pm1 == PITH_WB_HEBREW_LETTER && p0 == PITH_WB_DOUBLE_QUOTE &&
	    p1 == PITH_WB_HEBREW_LETTER)
		return 0;					/* WB7c */
	if ((p0 == PITH_WB_NUMERIC || wb_ahletter(p0)) &&
	    (p1 == PITH_WB_NUMERIC || wb_ahletter(p1)))
		return 0;					/* WB8-10 */
	if (pm1 == PITH_WB_NUMERIC && wb_midnumq(p0) && p1 == PITH_WB_NUMERIC)
		return 0;					/* WB11 */
	if (p0 == PITH_WB_NUMERIC && wb_midnumq(p1) && p2 == PITH_WB_NUMERIC)
		return 0;					/* WB12 */
	if (p0 == PITH_WB_KATAKANA && p1 == PITH_WB_KATAKANA)
		return 0;					/* WB13 */
	if ((wb_ahletter(p0) || p0 == PITH_WB_NUMERIC ||
	    p0 == PITH_WB_KATAKANA || p0 == PITH_WB_EXTENDNUMLET) &&
	    p1 == PITH_WB_EXTENDNUMLET)
		return 0;					/* WB13a */
	if (p0 == PITH_WB_EXTENDNUMLET && (wb_ahletter(p1) ||
	    p1 == PITH_WB_NUMERIC || p1 == PITH_WB_KATAKANA))
		return 0;					/* WB13b */
	if (p0 == PITH_WB_REGIONAL_INDICATOR &&
	    p1 == PITH_WB_REGIONAL_INDICATOR && ri_run % 2 == 1)
		return 0;					/* WB15, 16 */
	return 1;						/* WB999 */
}

int
pith_uax29_words(const char *text, size_t len, unsigned char *brk)
{
	struct unit *u;
	size_t n, j, ri_run = 0;

	memset(brk, 0, len + 1);
	if (len == 0)
		return 0;
	u = xmalloc(len * sizeof *u);
	n = make_units(text, len, 1, u);
	brk[0] = brk[len] = 1;
	for (j = 0; j < n; j++) {
		if (j > 0)
			brk[u[j].off] = (unsigned char)word_break_before(u, n,
			    j, ri_run);
		ri_run = u[j].prop == PITH_WB_REGIONAL_INDICATOR ?
		    ri_run + 1 : 0;
	}
	free(u);
	return 0;
}
