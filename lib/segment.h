/* Text segmentation: paragraphs, sentences and words, streamed.
 *
 * Paragraphs are runs of lines between blank lines. Sentences start from
 * the UAX #29 idea (a terminal mark, closing punctuation, space) and a
 * language layer decides the hard cases: abbreviations and titles,
 * initials, numbers and ordinals, ellipses, quotes and parentheses, list
 * items, URLs, e-mail addresses, emoticons, other scripts' marks and
 * hard-wrapped lines. Words are UAX #29 word segments. The segmenter holds
 * one paragraph at a time (cut into pieces of at most PITH_SEG_CHUNK
 * bytes), so memory stays flat on any input length. */
#ifndef PITH_SEGMENT_H
#define PITH_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

enum pith_seg_mode {
	PITH_SEG_SENTENCES,
	PITH_SEG_PARAGRAPHS,
	PITH_SEG_WORDS
};

/* Languages with rules; PITH_LANG_AUTO detects among them. */
enum pith_lang {
	PITH_LANG_AUTO = -1,
	PITH_LANG_EN, PITH_LANG_DE, PITH_LANG_FR, PITH_LANG_ES, PITH_LANG_IT,
	PITH_LANG_PT, PITH_LANG_NL, PITH_LANG_RU, PITH_LANG_PL,
	PITH_LANG_COUNT
};

/* Largest piece of one paragraph held at once. */
#define PITH_SEG_CHUNK	((size_t)1 << 20)

struct pith_seg_opts {
	enum pith_seg_mode mode;
	enum pith_lang lang;	/* PITH_LANG_AUTO: detect per document */
	int uax29;		/* plain UAX #29 rules, no language layer */
	int no_punct;		/* words: drop punctuation-only segments */
};

struct pith_seg_unit {
	const char *text;	/* the unit's bytes as in the input */
	size_t len;
	uint64_t start, end;	/* byte offsets into the document */
	uint64_t paragraph;	/* 1-based paragraph number */
};

typedef void (*pith_seg_emit)(void *arg, const struct pith_seg_unit *u);

struct pith_segmenter;

struct pith_segmenter *pith_seg_new(const struct pith_seg_opts *opts,
    pith_seg_emit emit, void *arg);
/* Feeds the next bytes of the current document. */
void pith_seg_feed(struct pith_segmenter *sg, const void *data, size_t len);
/* Ends the document: emits what is held and resets offsets, paragraph
 * numbers and the detected language for the next one. */
void pith_seg_finish(struct pith_segmenter *sg);
void pith_seg_free(struct pith_segmenter *sg);
/* The language used for the current (or last) document. */
enum pith_lang pith_seg_lang(const struct pith_segmenter *sg);

/* Language names (ISO 639-1) and lookup; -2 for an unknown name. */
const char *pith_lang_name(enum pith_lang lang);
int pith_lang_from_name(const char *name);

/* The sentence layer on one paragraph: writes the byte offsets where a
 * sentence starts (after the first) to cuts[], at most `max`, and returns
 * how many. Text is cut at no other place. */
size_t pith_sentence_cuts(const char *text, size_t len, enum pith_lang lang,
    size_t *cuts, size_t max);

/* Language layer data (segment_lang.c, abbrev.c). */
enum pith_abbrev {
	PITH_ABBR_NONE = 0,
	PITH_ABBR_TITLE,	/* never ends a sentence: Mr., Dr., e.g. */
	PITH_ABBR_NUMBER,	/* not before a number: No. 5, Jan. 3, p. 7 */
	PITH_ABBR_GENERAL	/* ends one only before a typical opener */
};
enum pith_abbrev pith_abbrev_lookup(enum pith_lang lang, const char *word,
    size_t len);
/* True when `word` (as written) is a typical sentence opener in `lang`:
 * a capitalised function word such as "The", "Der", "Il". */
int pith_lang_opener(enum pith_lang lang, const char *word, size_t len);
/* True when `word`, in any case, is a function word of `lang`. */
int pith_lang_function(enum pith_lang lang, const char *word, size_t len);
/* True when `word` closes a letter ("Thanks", "Regards", "Grüße"). */
int pith_lang_closing(enum pith_lang lang, const char *word, size_t len);
/* True when `word` opens a letter ("Dear", "Liebe", "Estimado"). */
int pith_lang_greeting(enum pith_lang lang, const char *word, size_t len);
/* True when `word` is a month name in `lang` (for "am 3. Oktober"). */
int pith_lang_month(enum pith_lang lang, const char *word, size_t len);

/* Language guessing from function words and script: add text to the
 * scores, then read the best guess (PITH_LANG_EN when nothing fits). */
struct pith_lang_guess {
	unsigned long score[PITH_LANG_COUNT];
	unsigned long words;
};
void pith_lang_guess_add(struct pith_lang_guess *g, const char *text,
    size_t len);
enum pith_lang pith_lang_guess_best(const struct pith_lang_guess *g);

#endif
