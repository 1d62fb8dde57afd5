/* The sentence layer's lexicon: a hash set of (language, word) entries
 * with a small value each, built once from static word lists. Words are
 * stored folded to lower case. Internal to the segment modules. */
#ifndef PITH_SEGMENT_LEX_H
#define PITH_SEGMENT_LEX_H

#include <stddef.h>

#define PITH_LEX_MAXLEN	32

struct pith_lex_list {
	int lang;		/* enum pith_lang, or -1 for every language */
	int value;		/* non-zero */
	const char *words;	/* space separated, lower case */
};

struct pith_lex;

/* Builds a lexicon from `n` lists. A word listed twice keeps its first
 * value, or with `merge` the bitwise or of its values. Never fails:
 * aborts on out-of-memory like xmalloc. */
struct pith_lex *pith_lex_build(const struct pith_lex_list *lists, size_t n,
    int merge);
/* The value stored for the folded word in `lang`, 0 when absent. */
int pith_lex_get(const struct pith_lex *lx, int lang, const char *folded,
    size_t len);

/* Folds `word` to lower case (ASCII, Latin-1, Latin Extended-A, Greek
 * and Cyrillic capitals) into out; returns the length, or 0 when it is
 * empty or does not fit in `max` - 1 bytes. */
size_t pith_seg_fold(const char *word, size_t len, char *out, size_t max);

#endif
