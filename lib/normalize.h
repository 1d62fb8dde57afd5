/* Text normalization: the same text always comes out as the same bytes,
 * and text damaged on the way (mojibake, stray HTML character
 * references, invisible characters, invalid UTF-8) is repaired.
 *
 * The work is done a line at a time, so a stream of any length is
 * normalized in constant memory: pith_norm_feed() takes input in pieces
 * of any size and appends every finished line to the output. Unicode
 * normalization never spans a newline, which is a starter that composes
 * with nothing, so the result equals that of the whole text at once. */
#ifndef PITH_NORMALIZE_H
#define PITH_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum pith_norm_form {
	PITH_NFC,
	PITH_NFD,
	PITH_NFKC,
	PITH_NFKD
};

struct pith_norm_opts {
	enum pith_norm_form form;	/* PITH_NFC */
	int casefold;		/* full Unicode case folding: 0 */
	int keep_space;		/* leave whitespace and line ends alone: 0 */
	int keep_bidi;		/* keep bidi embedding/isolate/mark controls: 0 */
	int mojibake;		/* repair UTF-8 read as a legacy code page: 1 */
	int entities;		/* decode HTML character references: 1 */
	int ascii_quotes;	/* curly quotes -> ' and ": 0 */
	int ascii_punct;	/* quotes, dashes, ellipsis -> ASCII: 0 */
	int fullwidth;		/* full-width ASCII forms -> ASCII: 0 */
	int ligatures;		/* Latin ligatures (fi, ffl, ij) -> letters: 0 */
};

struct pith_norm_stats {
	uint64_t lines;		/* input lines seen */
	uint64_t invalid;	/* invalid UTF-8 sequences replaced by U+FFFD */
	uint64_t mojibake;	/* mojibake sequences repaired */
	uint64_t entities;	/* character references decoded */
	uint64_t removed;	/* invisible and control characters removed */
	uint64_t first_invalid_line;	/* 1-based; 0 = none */
};

/* The defaults listed above. */
void pith_norm_defaults(struct pith_norm_opts *o);

/* Streaming. */
struct pith_norm;

struct pith_norm *pith_norm_new(const struct pith_norm_opts *o);
void pith_norm_free(struct pith_norm *n);
/* Normalizes the complete lines in data[0..len) (and any partial line
 * kept from before), appending them to out; keeps a trailing partial
 * line for the next call. A line longer than 1 MiB is cut between two
 * ASCII characters and normalized in parts. */
void pith_norm_feed(struct pith_norm *n, const void *data, size_t len,
    struct pbuf *out);
/* Ends the text: normalizes the last line and resets the line state so
 * the normalizer can start a new text; statistics are kept. */
void pith_norm_finish(struct pith_norm *n, struct pbuf *out);
const struct pith_norm_stats *pith_norm_stats(const struct pith_norm *n);
void pith_norm_clear_stats(struct pith_norm *n);

/* A whole buffer at once; `st` may be NULL. */
void pith_normalize(const struct pith_norm_opts *o, const void *data,
    size_t len, struct pbuf *out, struct pith_norm_stats *st);

/* Only the Unicode normalization form (and case folding) of valid UTF-8
 * `s`, appended to out; no other rule applies. Returns 0, or -1 when s
 * is not valid UTF-8. */
int pith_norm_form(enum pith_norm_form form, int casefold, const char *s,
    size_t len, struct pbuf *out);

/* Mojibake repair alone over valid UTF-8 text (one line or more),
 * appended to out; returns the number of sequences repaired. */
size_t pith_unmojibake(const char *s, size_t len, struct pbuf *out);

#endif
