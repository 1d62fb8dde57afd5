/* Unicode text segmentation (UAX #29, Unicode 15.0): sentence and word
 * boundaries exactly as the standard's rules give them, and the
 * character properties the language layer (segment.h) builds on. The
 * property tables are generated at build time from the Unicode Character
 * Database (mk/segment-tables.py). */
#ifndef PITH_UAX29_H
#define PITH_UAX29_H

#include <stddef.h>
#include <stdint.h>

enum pith_sb {
	PITH_SB_OTHER, PITH_SB_CR, PITH_SB_LF, PITH_SB_EXTEND, PITH_SB_SEP,
	PITH_SB_FORMAT, PITH_SB_SP, PITH_SB_LOWER, PITH_SB_UPPER,
	PITH_SB_OLETTER, PITH_SB_NUMERIC, PITH_SB_ATERM, PITH_SB_SCONTINUE,
	PITH_SB_STERM, PITH_SB_CLOSE
};

enum pith_wb {
	PITH_WB_OTHER, PITH_WB_CR, PITH_WB_LF, PITH_WB_NEWLINE,
	PITH_WB_EXTEND, PITH_WB_ZWJ, PITH_WB_REGIONAL_INDICATOR,
	PITH_WB_FORMAT, PITH_WB_KATAKANA, PITH_WB_HEBREW_LETTER,
	PITH_WB_ALETTER, PITH_WB_SINGLE_QUOTE, PITH_WB_DOUBLE_QUOTE,
	PITH_WB_MIDNUMLET, PITH_WB_MIDLETTER, PITH_WB_MIDNUM,
	PITH_WB_NUMERIC, PITH_WB_EXTENDNUMLET, PITH_WB_WSEGSPACE
};

#define PITH_UAX29_BLOCK	128
#define PITH_CP_EXTPICT		0x0200
#define PITH_CP_ALNUM		0x0400	/* General_Category L, M or N */
#define PITH_CP_SPACE		0x0800	/* White_Space */
#define PITH_CP_CJK		0x1000	/* Han, Hiragana, Katakana */
#define PITH_CP_CYRILLIC	0x2000

extern const uint16_t pith_uax29_stage1[];
extern const uint16_t pith_uax29_stage2[][PITH_UAX29_BLOCK];

static inline unsigned
pith_cp_props(uint32_t cp)
{
	if (cp > 0x10FFFF)
		return 0;
	return pith_uax29_stage2[pith_uax29_stage1[cp / PITH_UAX29_BLOCK]]
	    [cp % PITH_UAX29_BLOCK];
}

static inline enum pith_sb
pith_sb(uint32_t cp)
{
	return (enum pith_sb)(pith_cp_props(cp) & 0xF);
}

static inline enum pith_wb
pith_wb(uint32_t cp)
{
	return (enum pith_wb)((pith_cp_props(cp) >> 4) & 0x1F);
}

/* Decodes one UTF-8 sequence at s (n > 0 bytes available) into *cp and
 * returns its length. An invalid or truncated sequence decodes as one
 * byte of U+FFFD, so every input has a defined segmentation. */
size_t pith_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Boundaries of text[0..len): writes to `brk` (len + 1 entries, caller
 * allocated) 1 at every byte offset where a UAX #29 sentence (or word)
 * boundary is, 0 elsewhere; brk[0] and brk[len] are 1 when len > 0.
 * Returns 0, or -1 when it cannot allocate its work arrays. */
int pith_uax29_sentences(const char *text, size_t len, unsigned char *brk);
int pith_uax29_words(const char *text, size_t len, unsigned char *brk);

#endif
