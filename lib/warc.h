/* WARC/1.0 and 1.1 (ISO 28500) reading and writing.
 *
 * Reading: records come one at a time from a pith_src (plain or gzip),
 * each held in memory up to a size limit, so a stream of any length is
 * read in constant memory. A malformed or truncated record is reported
 * on stderr as "prog: NAME: record N at byte offset X: reason" and
 * skipped; the reader resynchronises on the next line that starts with
 * "WARC/1.". For gzip input X is the offset of the record's member; a
 * record inside a member (a whole-file gzip) is placed "at uncompressed
 * byte offset X" instead. A block that fails its CRLF CRLF check is
 * searched for a following record, so one wrong Content-Length does not
 * lose the next record. ARC files are reported as "not a WARC record".
 *
 * Writing: pith_warc_write() renders a whole record (header, block,
 * CRLF CRLF) into a buffer, filling in WARC-Record-ID, WARC-Date,
 * Content-Length and WARC-Block-Digest when the caller did not. */
#ifndef PITH_WARC_H
#define PITH_WARC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "src.h"

struct pith_header {
	char *name;
	char *value;
};

struct pith_headers {
	struct pith_header *v;
	size_t n, cap;
};

void pith_headers_add(struct pith_headers *h, const char *name,
    const char *value);
/* Replaces the first header of that name (case-insensitive) or adds. */
void pith_headers_set(struct pith_headers *h, const char *name,
    const char *value);
/* Case-insensitive lookup; NULL when absent. */
const char *pith_headers_get(const struct pith_headers *h, const char *name);
void pith_headers_del(struct pith_headers *h, const char *name);
void pith_headers_clear(struct pith_headers *h);	/* frees entries */
/* Appends copies of all of src's fields to dst (to edit a read record's
 * fields, e.g. for writing a derived record). */
void pith_headers_copy(struct pith_headers *dst,
    const struct pith_headers *src);

/* A record from pith_warc_next() belongs to the reader: its headers and
 * block are reused for the next record and must not be changed (copy
 * them with pith_headers_copy to edit). The block is followed by a NUL
 * byte not counted in block_len. */
struct pith_warc_record {
	char version[16];		/* "WARC/1.1" */
	struct pith_headers headers;	/* in file order */
	const char *type;		/* WARC-Type value, "" if missing */
	unsigned char *block;		/* Content-Length bytes */
	size_t block_len;
	uint64_t number;		/* 1-based record number in the stream */
	uint64_t offset;		/* byte offset of the record in the file
					   (gzip: of its member) */
};

struct pith_warc_reader;

/* `max_block`: records whose block is larger are reported and skipped
 * (their bytes are read and discarded, not held). Memory grows with the
 * bytes that arrive, never with a claimed Content-Length. The reader
 * sets the source quiet and reports its errors itself. */
struct pith_warc_reader *pith_warc_reader_new(struct pith_src *src,
    size_t max_block);
/* 1: a record was read into *rec (valid until the next call);
 * 0: end of stream; the reader reports bad records itself and goes on,
 * so -1 only for an unrecoverable read error. */
int pith_warc_next(struct pith_warc_reader *r, struct pith_warc_record *rec);
uint64_t pith_warc_errors(const struct pith_warc_reader *r); /* skipped */
void pith_warc_reader_free(struct pith_warc_reader *r);
/* Forgets a record (zeroes it); the memory stays the reader's. */
void pith_warc_record_clear(struct pith_warc_record *rec);

/* Renders a record into `out` (appended). `headers` holds the caller's
 * fields (WARC-Type first is conventional); WARC-Record-ID, WARC-Date,
 * Content-Length, and WARC-Block-Digest (sha1, base32) are added when
 * missing; Content-Length is always recomputed. A WARC-Block-Digest the
 * caller gives is written as is: drop it when the block is new. Line
 * breaks in values are written as spaces. */
void pith_warc_write(struct pbuf *out, const struct pith_headers *headers,
    const void *block, size_t len);
/* Same, compressed as one gzip member (for .warc.gz output). */
void pith_warc_write_gz(struct pbuf *out, const struct pith_headers *headers,
    const void *block, size_t len);

/* "<urn:uuid:...>" with a random v4 UUID; buf must hold 48 bytes. */
void pith_warc_new_id(char buf[48]);
/* Current UTC time as "2026-11-22T07:36:36Z"; buf holds 32 bytes. */
void pith_warc_now(char buf[32]);
/* "sha1:" + base32 of the SHA-1 of data; buf holds 40 bytes. */
void pith_warc_digest(const void *data, size_t len, char buf[40]);
/* Checks a WARC-Block-Digest or WARC-Payload-Digest value against data:
 * 1 when it matches, 0 when not, -1 when the value is not a sha1 digest
 * pith can read (sha1 in base32, hex, base64 or URL-safe base64). */
int pith_warc_digest_check(const char *value, const void *data, size_t len);

#endif
