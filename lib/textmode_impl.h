/* Internals shared by the text-mode files: a word tokenizer with
 * case-folded word hashes, the stop-word table and the call-to-action
 * matcher. Not part of the public API. */
#ifndef PITH_TEXTMODE_IMPL_H
#define PITH_TEXTMODE_IMPL_H

#include <stddef.h>
#include <stdint.h>

enum {
	TM_CAP = 1,	/* first letter is uppercase */
	TM_UPPER = 2,	/* every letter uppercase (and more than one) */
	TM_DIGIT = 4,	/* has a digit */
	TM_ALPHA = 8,	/* has a letter */
	TM_CJK = 16	/* one ideograph or kana: a word of its own */
};

struct tm_tok {
	uint32_t off, len;	/* bytes of the word in the text */
	uint64_t h;		/* FNV-1a of the case-folded word */
	uint32_t flags;
	uint32_t stop;		/* tm_stop_mask(h) */
};

struct tm_toks {
	struct tm_tok *v;
	size_t n, cap;
};

#define TM_NLANGS 9

/* Splits `s` into words (runs of letters and digits; apostrophes, hyphens
 * and punctuation separate words) appended to `t` (offsets relative to
 * `s`). */
void tm_tokenize(const char *s, size_t len, struct tm_toks *t);
/* The same without looking up stop-word masks (stop = 0). */
void tm_tokenize_plain(const char *s, size_t len, struct tm_toks *t);
void tm_toks_free(struct tm_toks *t);
/* The hash tm_tokenize gives the word `s` (case-folded). */
uint64_t tm_word_hash(const char *s, size_t len);
/* Decodes one UTF-8 sequence at s[0..len); returns its length (>= 1) and
 * the code point in *cp (invalid bytes: the byte value, length 1). */
size_t tm_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
int tm_is_letter(uint32_t cp);
/* Han, kana: scripts written without spaces between words. */
int tm_is_cjk(uint32_t cp);

/* Bit mask of the languages (index into tm_lang_codes) whose stop-word
 * list has the word with hash `h`. */
unsigned tm_stop_mask(uint64_t h);
extern const char *const tm_lang_codes[TM_NLANGS];
int tm_lang_index(const char *lang);	/* -1 when not known */
/* Index of the language with most stop-word hits among `t`, or -1. */
int tm_detect_lang_toks(const struct tm_toks *t);
/* The same from counts: hits[l] words of `words` (letters only) are on
 * the list of language l. */
int tm_detect_lang_hits(const size_t hits[TM_NLANGS], size_t words);

#define TM_MAX_SPANS 16

/* Call-to-action and boilerplate phrases found in one block. */
struct tm_cta {
	int weight[32];		/* per category: summed phrase weights */
	int best;		/* category with the largest weight */
	int hits;		/* phrases matched */
	int strong;		/* matched phrases of weight >= 3 */
	size_t covered;		/* words covered by matched phrases */
	int nspans;		/* phrases of weight >= 2: word ranges */
	uint32_t span_from[TM_MAX_SPANS], span_to[TM_MAX_SPANS];
};

/* Matches the phrase tables against the words `t->v[from..to)`. */
void tm_cta_match(const struct tm_toks *t, size_t from, size_t to,
    struct tm_cta *r);
/* The category decision of pith_text_boilerplate_category on a match. */
int tm_cta_decide(const struct tm_cta *r, size_t nwords, int urls,
    int copyright_sign);

/* Whitespace-separated chunks that are URLs, e-mail addresses, @handles
 * or #hashtags. */
int tm_count_urls(const char *s, size_t len);
int tm_has_copyright_sign(const char *s, size_t len);

#endif
