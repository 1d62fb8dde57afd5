/* WARC reading: one record at a time from a pith_src, in memory bounded
 * by the caller's block limit. Damage is reported and skipped: the
 * reader then scans for the next line that starts with "WARC/1.".
 *
 * ARC files (the older Internet Archive format) are not WARC: their
 * first line is reported as "not a WARC record" and nothing is read from
 * them. Reading ARC would be a separate reader, not a leniency here. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "warc.h"

#define LINE_MAX_BYTES	(64 * 1024)	/* one header line */
#define HEADER_MAX	(1024 * 1024)	/* all header lines of a record */
/* No real record is this large: such a length is damage, and draining
   it would swallow the rest of the stream, so the reader resyncs. */
#define LENGTH_MAX	((uint64_t)1 << 40)

/* Where something starts, in the terms an error message needs. */
struct pos {
	uint64_t off;		/* decompressed offset */
	uint64_t member;	/* gzip: compressed offset of its member */
	int member_start;	/* gzip: it is the first byte of that member */
};

struct pith_warc_reader {
	struct pith_src *src;
	size_t max_block;
	uint64_t errors;
	uint64_t number;	/* records seen, good or bad */
	struct pbuf line;
	struct pos line_pos;	/* where `line` started */
	int have_line;		/* `line` holds a version line found by resync */
	int done;
	struct pith_headers headers;
	unsigned char *block;
	size_t block_cap;
	uint64_t given_back;	/* bytes re-read after a wrong length */
};

void
pith_headers_add(struct pith_headers *h, const char *name, const char *value)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	h->v[h->n].name = xstrdup(name);
	h->v[h->n].value = xstrdup(value);
	h->n++;
}

void
pith_headers_set(struct pith_headers *h, const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcasecmp(h->v[i].name, name) == 0) {
			free(h->v[i].value);
			h->v[i].value = xstrdup(value);
			return;
		}
	pith_headers_add(h, name, value);
}

const char *
pith_headers_get(const struct pith_headers *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcasecmp(h->v[i].name, name) == 0)
			return h->v[i].value;
	return NULL;
}

void
pith_headers_del(struct pith_headers *h, const char *name)
{
	size_t i, j;

	for (i = j = 0; i < h->n; i++) {
		if (strcasecmp(h->v[i].name, name) == 0) {
			free(h->v[i].name);
			free(h->v[i].value);
		} else
			h->v[j++] = h->v[i];
	}
	h->n = j;
}

void
pith_headers_clear(struct pith_headers *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].name);
		free(h->v[i].value);
	}
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}

void
pith_headers_copy(struct pith_headers *dst, const struct pith_headers *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		pith_headers_add(dst, src->v[i].name, src->v[i].value);
}

/* Empties the list but keeps the array for the next record. */
static void
headers_reset(struct pith_headers *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].name);
		free(h->v[i].value);
	}
	h->n = 0;
}

struct pith_warc_reader *
pith_warc_reader_new(struct pith_src *src, size_t max_block)
{
	struct pith_warc_reader *r = xcalloc(1, sizeof *r);

	r->src = src;
	r->max_block = max_block < SIZE_MAX / 2 ? max_block : SIZE_MAX / 2;
	r->block_cap = 16 * 1024;
	r->block = xmalloc(r->block_cap);
	pith_src_set_quiet(src, 1);
	return r;
}

void
pith_warc_reader_free(struct pith_warc_reader *r)
{
	if (r == NULL)
		return;
	pbuf_free(&r->line);
	pith_headers_clear(&r->headers);
	free(r->block);
	free(r);
}

uint64_t
pith_warc_errors(const struct pith_warc_reader *r)
{
	return r->errors;
}

/* The record's memory belongs to the reader (reused for the next
 * record), so clearing only forgets it. */
void
pith_warc_record_clear(struct pith_warc_record *rec)
{
	memset(rec, 0, sizeof *rec);
}

static void
here(struct pith_warc_reader *r, struct pos *p)
{
	const unsigned char *b;

	(void)pith_src_peek(r->src, &b, 1);	/* buffer the next member */
	p->off = pith_src_offset(r->src);
	p->member = pith_src_member_offset(r->src);
	p->member_start = pith_src_at_member_start(r->src);
}

static void
report(struct pith_warc_reader *r, const struct pos *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report(struct pith_warc_reader *r, const struct pos *p, const char *fmt, ...)
{
	char why[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	r->errors++;
	if (!pith_src_is_gzip(r->src) || p->member_start)
		pith_warnx(pith_src_name(r->src),
		    "record %llu at byte offset %llu: %s",
		    (unsigned long long)r->number,
		    (unsigned long long)p->member, why);
	else
		pith_warnx(pith_src_name(r->src),
		    "record %llu at uncompressed byte offset %llu: %s",
		    (unsigned long long)r->number,
		    (unsigned long long)p->off, why);
}

static int
starts_record(const struct pbuf *line)
{
	return line->len >= 7 && memcmp(line->p, "WARC/1.", 7) == 0;
}

/* A source error between records: placed where the damage is, since
 * no record has started yet. */
static void
report_src(struct pith_warc_reader *r)
{
	struct pos p;

	p.member = pith_src_error_offset(r->src);
	p.off = p.member;
	p.member_start = 1;
	report(r, &p, "%s", pith_src_error(r->src));
}

/* Reads lines until one starts with "WARC/1." at a line start; leaves it
 * in r->line for the next round. Returns 1 when found, 0 at the end. */
static int
resync(struct pith_warc_reader *r)
{
	struct pos p;
	long n;
	int at_start = 1;

	for (;;) {
		here(r, &p);
		n = pith_src_getline(r->src, &r->line, LINE_MAX_BYTES);
		if (n == 0) {
			r->done = 1;
			return 0;
		}
		if (n < 0) {
			report_src(r);
			at_start = 1;
			continue;
		}
		if (at_start && starts_record(&r->line)) {
			r->line_pos = p;
			r->have_line = 1;
			return 1;
		}
		at_start = r->line.p[n - 1] == '\n';
	}
}

/* Strips the line end (CRLF or LF) in place; returns the new length. */
static size_t
chomp(struct pbuf *line)
{
	while (line->len > 0 && (line->p[line->len - 1] == '\n' ||
	    line->p[line->len - 1] == '\r'))
		line->p[--line->len] = '\0';
	return line->len;
}

static int
is_blank(const struct pbuf *line)
{
	return (line->len == 1 && line->p[0] == '\n') ||
	    (line->len == 2 && line->p[0] == '\r' && line->p[1] == '\n');
}

static char *
trim(char *s, char **end)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = *end;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = '\0';
	*end = e;
	return s;
}

/* Appends a continuation line to the last header's value. */
static void
header_continue(struct pith_headers *h, char *text, char *end)
{
	struct pith_header *last = &h->v[h->n - 1];
	size_t a, b;
	char *v;

	text = trim(text, &end);
	a = strlen(last->value);
	b = (size_t)(end - text);
	v = xmalloc(a + b + 2);
	memcpy(v, last->value, a);
	v[a] = ' ';
	memcpy(v + a + 1, text, b);
	v[a + b + 1] = '\0';
	free(last->value);
	last->value = v;
}

/* Parses a Content-Length value: digits only, no sign, no overflow. */
static int
parse_length(const char *s, uint64_t *out)
{
	uint64_t v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return 0;
}

/* Reads the CRLF CRLF that closes a record. It is required exactly:
 * anything else means the Content-Length did not match the block.
 * Returns 0, or -1 (nothing consumed) when something else follows. */
static int
read_trailer(struct pith_warc_reader *r)
{
	const unsigned char *p;
	unsigned char tmp[4];

	if (pith_src_peek(r->src, &p, 4) != 4 || memcmp(p, "\r\n\r\n", 4) != 0)
		return -1;
	return pith_src_read(r->src, tmp, 4) == 4 ? 0 : -1;
}

/* A block that does not end where its Content-Length says may have run
 * into the next record: when a line in it starts with "WARC/1.", those
 * bytes go back to the source and are read as a record again. A budget
 * keeps re-reading linear in the input, whatever the lengths claim.
 * Returns 1 when bytes were given back. */
static int
give_back(struct pith_warc_reader *r, size_t len)
{
	const unsigned char *b = r->block, *nl;
	size_t k = 0;

	while (k + 7 <= len) {
		if (memcmp(b + k, "WARC/1.", 7) == 0) {
			if (r->given_back + (len - k) >
			    pith_src_offset(r->src) + (16u << 20))
				return 0;
			r->given_back += len - k;
			pith_src_unread(r->src, b + k, len - k);
			return 1;
		}
		if ((nl = memchr(b + k, '\n', len - k)) == NULL)
			break;
		k = (size_t)(nl - b) + 1;
	}
	return 0;
}

/* Reads `len` block bytes, keeping them when `keep`. Returns 0, 1 at end
 * of input (reported), -1 on a source error (reported). */
static int
read_block(struct pith_warc_reader *r, const struct pos *at, uint64_t len,
    int keep)
{
	unsigned char scratch[16 * 1024];
	uint64_t got = 0;
	size_t want, cap;
	long n;

	while (got < len) {
		if (keep) {
			if (got + 1 >= r->block_cap) {
				/* Grow with the bytes that arrived, never to
				   a length that was merely claimed. */
				cap = r->block_cap * 2;
				if (cap > len + 1)
					cap = (size_t)len + 1;
				r->block = xrealloc(r->block, cap);
				r->block_cap = cap;
			}
			want = r->block_cap - 1 - (size_t)got;
			if (want > len - got)
				want = (size_t)(len - got);
			n = pith_src_read(r->src, r->block + got, want);
		} else {
			want = sizeof scratch;
			if (want > len - got)
				want = (size_t)(len - got);
			n = pith_src_read(r->src, scratch, want);
		}
		if (n == 0) {
			report(r, at, "truncated record: end of input after "
			    "%llu of %llu block bytes", (unsigned long long)got,
			    (unsigned long long)len);
			if (!keep || !give_back(r, (size_t)got))
				r->done = 1;
			return 1;
		}
		if (n < 0) {
			report(r, at, "%s after %llu of %llu block bytes",
			    pith_src_error(r->src), (unsigned long long)got,
			    (unsigned long long)len);
			return -1;
		}
		got += (uint64_t)n;
	}
	if (keep)
		r->block[len] = '\0';
	return 0;
}

/* Reads one record whose version line is in r->line. Returns 1 with
 * *rec filled, 0 when the record was bad (reported; r->have_line or
 * r->done tells how to go on). */
static int
read_record(struct pith_warc_reader *r, const struct pos *at,
    struct pith_warc_record *rec)
{
	char version[16];
	struct pos p;
	const char *cl;
	uint64_t len;
	size_t total = 0;
	long n;
	char *colon, *end;
	int rc;

	chomp(&r->line);
	while (r->line.len > 0 && (r->line.p[r->line.len - 1] == ' ' ||
	    r->line.p[r->line.len - 1] == '\t'))
		r->line.p[--r->line.len] = '\0';
	if (strcmp(r->line.p, "WARC/1.0") != 0 &&
	    strcmp(r->line.p, "WARC/1.1") != 0) {
		report(r, at, "bad version line \"%.40s\"", r->line.p);
		return 0;
	}
	snprintf(version, sizeof version, "%s", r->line.p);

	headers_reset(&r->headers);
	for (;;) {
		here(r, &p);
		n = pith_src_getline(r->src, &r->line, LINE_MAX_BYTES);
		if (n == 0) {
			report(r, at, "truncated record: end of input in the "
			    "header");
			r->done = 1;
			return 0;
		}
		if (n < 0) {
			report(r, at, "%s in the header",
			    pith_src_error(r->src));
			return 0;
		}
		if (starts_record(&r->line)) {
			report(r, at, "truncated record: header cut by the "
			    "next record");
			r->line_pos = p;
			r->have_line = 1;
			return 0;
		}
		total += (size_t)n;
		if (total > HEADER_MAX) {
			report(r, at, "header over %d bytes", HEADER_MAX);
			return 0;
		}
		if (r->line.p[n - 1] != '\n') {
			if ((size_t)n < LINE_MAX_BYTES)
				report(r, at, "truncated record: end of input "
				    "in the header");
			else
				report(r, at, "header line over %d bytes",
				    LINE_MAX_BYTES);
			return 0;
		}
		if (chomp(&r->line) == 0)
			break;
		end = r->line.p + r->line.len;
		if (r->line.p[0] == ' ' || r->line.p[0] == '\t') {
			if (r->headers.n == 0) {
				report(r, at, "continuation line before any "
				    "header");
				return 0;
			}
			header_continue(&r->headers, r->line.p, end);
			continue;
		}
		colon = memchr(r->line.p, ':', r->line.len);
		if (colon == NULL || colon == r->line.p) {
			report(r, at, "malformed header line \"%.40s\"",
			    r->line.p);
			return 0;
		}
		*colon = '\0';
		{
			char *nend = colon, *name, *value;

			name = trim(r->line.p, &nend);
			value = trim(colon + 1, &end);
			pith_headers_add(&r->headers, name, value);
		}
	}

	cl = pith_headers_get(&r->headers, "Content-Length");
	if (cl == NULL) {
		report(r, at, "missing Content-Length");
		return 0;
	}
	if (parse_length(cl, &len) < 0) {
		report(r, at, "bad Content-Length \"%.40s\"", cl);
		return 0;
	}
	if (len > LENGTH_MAX) {
		report(r, at, "implausible Content-Length %llu",
		    (unsigned long long)len);
		return 0;
	}
	if (len > r->max_block) {
		rc = read_block(r, at, len, 0);
		if (rc != 0)
			return 0;
		if (read_trailer(r) < 0)
			report(r, at, "block of %llu bytes over the limit of "
			    "%zu, and not followed by CRLF CRLF",
			    (unsigned long long)len, r->max_block);
		else
			report(r, at, "block of %llu bytes over the limit of "
			    "%zu", (unsigned long long)len, r->max_block);
		return 0;
	}
	if (read_block(r, at, len, 1) != 0)
		return 0;
	if (read_trailer(r) < 0) {
		report(r, at, "record not followed by CRLF CRLF (Content-Length "
		    "%llu may be wrong)", (unsigned long long)len);
		(void)give_back(r, (size_t)len);
		return 0;
	}

	memset(rec, 0, sizeof *rec);
	snprintf(rec->version, sizeof rec->version, "%s", version);
	rec->headers = r->headers;
	rec->type = pith_headers_get(&r->headers, "WARC-Type");
	if (rec->type == NULL)
		rec->type = "";
	rec->block = r->block;
	rec->block_len = (size_t)len;
	rec->number = r->number;
	rec->offset = pith_src_is_gzip(r->src) ? at->member : at->off;
	return 1;
}

int
pith_warc_next(struct pith_warc_reader *r, struct pith_warc_record *rec)
{
	struct pos p;
	long n;

	memset(rec, 0, sizeof *rec);
	for (;;) {
		if (r->done)
			return 0;
		if (!r->have_line) {
			here(r, &p);
			n = pith_src_getline(r->src, &r->line, LINE_MAX_BYTES);
			if (n == 0) {
				r->done = 1;
				return 0;
			}
			if (n < 0) {
				r->number++;
				report_src(r);
				if (resync(r) == 0)
					return 0;
				continue;
			}
			if (is_blank(&r->line))
				continue;	/* extra line ends between records */
			r->line_pos = p;
		}
		r->have_line = 0;
		p = r->line_pos;
		r->number++;
		if (r->line.len < 5 || memcmp(r->line.p, "WARC/", 5) != 0) {
			report(r, &p, "not a WARC record%s",
			    r->line.len >= 11 &&
			    memcmp(r->line.p, "filedesc://", 11) == 0 ?
			    " (ARC files are not supported)" : "");
			if (resync(r) == 0)
				return 0;
			continue;
		}
		if (read_record(r, &p, rec))
			return 1;
		if (!r->have_line && !r->done && resync(r) == 0)
			return 0;
	}
}
