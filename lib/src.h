/* An input source: a named file or stdin ("-"), read as a byte stream.
 * gzip input (any number of members, as .warc.gz files have one per
 * record) is inflated transparently. The first bytes can be peeked so a
 * tool can tell a WARC stream from a plain document before reading. */
#ifndef PITH_SRC_H
#define PITH_SRC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct pith_src;

/* Opens `path` ("-" or NULL = stdin). On failure prints
 * "prog: path: reason" and returns NULL. */
struct pith_src *pith_src_open(const char *path);
void pith_src_close(struct pith_src *s);

const char *pith_src_name(const struct pith_src *s);	/* "stdin" for - */

/* Peeks up to `n` (<= 4096) decompressed bytes without consuming them;
 * returns how many are available (fewer at end of input). */
size_t pith_src_peek(struct pith_src *s, const unsigned char **p, size_t n);

/* True when the stream starts with "WARC/" (after gunzip) */
int pith_src_is_warc(struct pith_src *s);
int pith_src_is_gzip(const struct pith_src *s);

/* Reads up to n decompressed bytes. Returns bytes read, 0 at end of input,
 * -1 on error (message already printed, e.g. "truncated gzip"). The bytes
 * decoded before an error are returned first; after a -1, reading goes
 * on with the next intact gzip member when there is one. */
long pith_src_read(struct pith_src *s, void *buf, size_t n);

/* Reads one line (up to and including '\n', or the rest of input) into
 * `line` (reset first). Lines longer than `max` are cut at max bytes and
 * the rest is returned by the next call. Returns the line length, 0 at
 * end, -1 on error. */
long pith_src_getline(struct pith_src *s, struct pbuf *line, size_t max);

/* Reads the rest of the input into `out` (appended). Returns 0, or -1 if
 * more than `max` bytes (out holds the first max bytes; the rest is
 * drained so the caller can report and go on) or on a read error. */
int pith_src_slurp(struct pith_src *s, struct pbuf *out, size_t max);

/* Decompressed bytes consumed so far; and, for gzip input, the compressed
 * offset where the current gzip member starts (for "at byte offset X").
 * The member of the next byte is only known once it is buffered: peek
 * one byte first when the exact member matters. */
uint64_t pith_src_offset(const struct pith_src *s);
uint64_t pith_src_member_offset(const struct pith_src *s);

/* Additions for the WARC reader, which reports errors in its own
 * "record N at byte offset X" form: quiet mode stops the source from
 * printing, pith_src_error() gives the last error's text and
 * pith_src_error_offset() its place, and
 * pith_src_at_member_start() says whether the next byte is the first of
 * a gzip member (always true for plain input). */
void pith_src_set_quiet(struct pith_src *s, int quiet);
const char *pith_src_error(const struct pith_src *s);
/* The file offset the last error concerns (gzip: the damaged member). */
uint64_t pith_src_error_offset(const struct pith_src *s);
int pith_src_at_member_start(const struct pith_src *s);
/* Puts n bytes (just read) back in front of the unread input: they are
 * read again next, and the offset moves back by n. For a reader that
 * finds it went too far. */
void pith_src_unread(struct pith_src *s, const void *data, size_t n);

#endif
