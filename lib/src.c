/* Input sources: a file or stdin read in large blocks, with gzip (any
 * number of members) inflated on the fly. Decompressed bytes sit in one
 * buffer that read, getline and peek all serve from, so there is no
 * per-byte system call and no second copy for plain input. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "cli.h"
#include "src.h"

#define RAW_SIZE	(128 * 1024)	/* compressed input block */
#define OUT_SIZE	(256 * 1024)	/* decompressed buffer */
#define PEEK_MAX	4096

/* Where a gzip member starts: its compressed offset and the
 * decompressed offset of its first byte. */
struct member {
	uint64_t dec_off;
	uint64_t comp_off;
};

struct pith_src {
	char *name;
	int fd;
	int owns_fd;
	int quiet;
	int eof;		/* no more raw input */
	int gzip;
	int done;		/* no more decompressed output */
	int pending_err;	/* an error to return once out[] is empty */
	char err[160];		/* last error, for callers that report */
	uint64_t err_off;	/* compressed offset it concerns */

	unsigned char *raw;	/* gzip: compressed input */
	uint64_t raw_base;	/* file offset of raw[0] */
	size_t raw_len;

	z_stream z;
	int z_init;
	int in_member;		/* inside a gzip member (else between) */

	unsigned char *out;	/* decompressed (or plain) bytes */
	size_t out_pos, out_len, out_cap;
	uint64_t out_base;	/* decompressed offset of out[0] */

	struct member *mem;	/* members starting at or after out_pos */
	size_t nmem, capmem;
};

static void
src_error(struct pith_src *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
src_error(struct pith_src *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	if (!s->quiet)
		pith_warnx(s->name, "%s", s->err);
}

/* Reads more raw bytes after the unread ones; returns bytes added, 0 at
 * end of input, -1 on error. */
static long
raw_fill(struct pith_src *s, unsigned char *buf, size_t *len, size_t cap)
{
	ssize_t n;

	if (s->eof)
		return 0;
	for (;;) {
		n = read(s->fd, buf + *len, cap - *len);
		if (n >= 0)
			break;
		if (errno == EINTR)
			continue;
		s->err_off = s->raw_base + *len;
		snprintf(s->err, sizeof s->err, "read error: %s",
		    strerror(errno));
		if (!s->quiet)
			pith_warnx(s->name, "%s", s->err);
		s->eof = 1;
		return -1;
	}
	if (n == 0)
		s->eof = 1;
	*len += (size_t)n;
	return n;
}

/* Compressed offset of the next unread raw byte. */
static uint64_t
raw_offset(const struct pith_src *s)
{
	return s->raw_base + (uint64_t)(s->z.next_in - s->raw);
}

/* Moves the unread raw bytes to the front and reads more. */
static long
raw_refill(struct pith_src *s)
{
	size_t keep = s->z.avail_in;
	long n;

	s->raw_base = raw_offset(s);
	if (keep)
		memmove(s->raw, s->z.next_in, keep);
	s->raw_len = keep;
	n = raw_fill(s, s->raw, &s->raw_len, RAW_SIZE);
	s->z.next_in = s->raw;
	s->z.avail_in = (uInt)s->raw_len;
	return n;
}

static void
member_push(struct pith_src *s, uint64_t dec_off, uint64_t comp_off)
{
	if (s->nmem == s->capmem) {
		s->capmem = s->capmem ? s->capmem * 2 : 8;
		s->mem = xrealloc(s->mem, s->capmem * sizeof *s->mem);
	}
	s->mem[s->nmem].dec_off = dec_off;
	s->mem[s->nmem].comp_off = comp_off;
	s->nmem++;
}

/* Compressed offset of the member being inflated (the last started). */
static uint64_t
member_start(const struct pith_src *s)
{
	return s->nmem ? s->mem[s->nmem - 1].comp_off : 0;
}

/* Between members: finds where the next one starts. Garbage is reported
 * and skipped up to the next gzip magic, so one damaged member does not
 * lose the rest of a .warc.gz. Returns 1 when a member starts, 0 at end
 * of input, -1 after reporting garbage (the next call goes on). */
static int
gz_next_member(struct pith_src *s, int after_error)
{
	uint64_t start;
	size_t i;
	int reported = after_error;

	for (;;) {
		while (s->z.avail_in < 3 && !s->eof)
			if (raw_refill(s) < 0)
				return -1;
		if (s->z.avail_in == 0)
			return reported ? -1 : 0;
		start = raw_offset(s);
		for (i = 0; i + 2 < s->z.avail_in; i++)
			if (s->z.next_in[i] == 0x1f &&
			    s->z.next_in[i + 1] == 0x8b &&
			    s->z.next_in[i + 2] == 8)
				break;
		if (i + 2 >= s->z.avail_in && s->eof)
			i = s->z.avail_in;	/* the rest is garbage */
		if (i > 0 && !reported) {
			s->err_off = start;
			src_error(s, "%s at byte offset %llu", s->nmem ?
			    "garbage after gzip member" : "bad gzip header",
			    (unsigned long long)start);
			reported = 1;
		}
		s->z.next_in += i;
		s->z.avail_in -= (uInt)i;
		if (s->z.avail_in >= 3) {
			inflateReset(&s->z);
			s->in_member = 1;
			member_push(s, s->out_base + s->out_len,
			    raw_offset(s));
			return reported ? -1 : 1;
		}
	}
}

/* Appends decompressed bytes to out[] until it holds at least `want`
 * unread bytes or the input ends. A gzip or read error is reported once
 * and left pending, so the bytes decoded before it are delivered first;
 * the stream then goes on after the damage when it can. */
static void
fill(struct pith_src *s, size_t want)
{
	int rc;
	long n;

	if (want > s->out_cap)
		want = s->out_cap;
	if (s->out_pos > 0 && s->out_len - s->out_pos < want &&
	    (s->out_pos >= s->out_cap / 2 || s->out_len + want > s->out_cap)) {
		memmove(s->out, s->out + s->out_pos, s->out_len - s->out_pos);
		s->out_base += s->out_pos;
		s->out_len -= s->out_pos;
		s->out_pos = 0;
	}
	while (s->out_len - s->out_pos < want && !s->done) {
		if (!s->gzip) {
			n = raw_fill(s, s->out, &s->out_len, s->out_cap);
			if (n <= 0) {
				s->done = 1;
				if (n < 0)
					s->pending_err = 1;
			}
			continue;
		}
		if (!s->in_member) {
			rc = gz_next_member(s, 0);
			if (rc < 0)
				s->pending_err = 1;
			if (!s->in_member) {
				s->done = 1;
				break;
			}
			if (rc < 0)
				break;
		}
		if (s->z.avail_in == 0 && raw_refill(s) < 0) {
			s->pending_err = 1;
			s->done = 1;
			break;
		}
		s->z.next_out = s->out + s->out_len;
		s->z.avail_out = (uInt)(s->out_cap - s->out_len);
		rc = inflate(&s->z, Z_NO_FLUSH);
		s->out_len = s->out_cap - s->z.avail_out;
		if (rc == Z_STREAM_END) {
			s->in_member = 0;
			continue;
		}
		if (rc == Z_OK)
			continue;
		if (rc == Z_BUF_ERROR && s->z.avail_in == 0) {
			if (!s->eof)
				continue;
			s->err_off = member_start(s);
			src_error(s, "truncated gzip (member at byte offset "
			    "%llu)", (unsigned long long)member_start(s));
			s->in_member = 0;
			s->done = 1;
			s->pending_err = 1;
			break;
		}
		if (rc == Z_BUF_ERROR)	/* out[] full */
			break;
		s->err_off = member_start(s);
		src_error(s, "bad gzip data (member at byte offset %llu): %s",
		    (unsigned long long)member_start(s),
		    s->z.msg ? s->z.msg : "inflate failed");
		s->pending_err = 1;
		/* Skip to the next member, if any. */
		if (s->z.avail_in > 0) {
			s->z.next_in++;
			s->z.avail_in--;
		}
		s->in_member = 0;
		(void)gz_next_member(s, 1);
		if (!s->in_member)
			s->done = 1;
		break;
	}
}

/* Takes the pending error, if any: 1 when there was one. */
static int
take_error(struct pith_src *s)
{
	int e = s->pending_err;

	s->pending_err = 0;
	return e;
}

struct pith_src *
pith_src_open(const char *path)
{
	struct pith_src *s;
	struct stat st;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = NULL;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		pith_warn(path, "open");
		return NULL;
	} else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		pith_warnx(path, "is a directory");
		close(fd);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->name = xstrdup(path ? path : "stdin");
	s->fd = fd;
	s->owns_fd = path != NULL;
	s->out = xmalloc(OUT_SIZE);
	s->out_cap = OUT_SIZE;

	/* Sniff the gzip magic from the first raw bytes (at most RAW_SIZE,
	   so they fit raw[] when the input is gzip). */
	while (s->out_len < 2 && !s->eof)
		if (raw_fill(s, s->out, &s->out_len, RAW_SIZE) < 0) {
			s->pending_err = 1;	/* the first read says so */
			break;
		}
	if (s->out_len >= 2 && s->out[0] == 0x1f && s->out[1] == 0x8b) {
		s->gzip = 1;
		s->raw = xmalloc(RAW_SIZE);
		memcpy(s->raw, s->out, s->out_len);
		s->raw_len = s->out_len;
		s->out_len = 0;
		if (inflateInit2(&s->z, 15 + 16) != Z_OK) {
			pith_warnx(s->name, "cannot initialise zlib");
			pith_src_close(s);
			return NULL;
		}
		s->z_init = 1;
		s->z.next_in = s->raw;
		s->z.avail_in = (uInt)s->raw_len;
	}
	return s;
}

void
pith_src_close(struct pith_src *s)
{
	if (s == NULL)
		return;
	if (s->owns_fd)
		close(s->fd);
	if (s->z_init)
		inflateEnd(&s->z);
	free(s->raw);
	free(s->out);
	free(s->mem);
	free(s->name);
	free(s);
}

const char *
pith_src_name(const struct pith_src *s)
{
	return s->name;
}

void
pith_src_set_quiet(struct pith_src *s, int quiet)
{
	s->quiet = quiet;
}

const char *
pith_src_error(const struct pith_src *s)
{
	return s->err[0] ? s->err : "read error";
}

size_t
pith_src_peek(struct pith_src *s, const unsigned char **p, size_t n)
{
	if (n > PEEK_MAX)
		n = PEEK_MAX;
	/* Errors surface again on the next read. */
	while (s->out_len - s->out_pos < n && !s->done) {
		size_t had = s->out_len - s->out_pos;

		fill(s, n);
		if (s->out_len - s->out_pos == had)
			break;
	}
	*p = s->out + s->out_pos;
	return s->out_len - s->out_pos < n ? s->out_len - s->out_pos : n;
}

int
pith_src_is_warc(struct pith_src *s)
{
	const unsigned char *p;

	return pith_src_peek(s, &p, 5) == 5 && memcmp(p, "WARC/", 5) == 0;
}

int
pith_src_is_gzip(const struct pith_src *s)
{
	return s->gzip;
}

/* Drops member entries that lie wholly before the read position, keeping
 * the one the next byte belongs to. */
static void
consume(struct pith_src *s, size_t n)
{
	uint64_t at;
	size_t i = 0;

	s->out_pos += n;
	at = s->out_base + s->out_pos;
	while (i + 1 < s->nmem && s->mem[i + 1].dec_off <= at)
		i++;
	if (i > 0) {
		memmove(s->mem, s->mem + i, (s->nmem - i) * sizeof *s->mem);
		s->nmem -= i;
	}
}

long
pith_src_read(struct pith_src *s, void *buf, size_t n)
{
	size_t have;

	if (n == 0)
		return 0;
	have = s->out_len - s->out_pos;
	if (have == 0) {
		if (take_error(s))
			return -1;
		fill(s, n);
		have = s->out_len - s->out_pos;
		if (have == 0)
			return take_error(s) ? -1 : 0;
	}
	if (have > n)
		have = n;
	memcpy(buf, s->out + s->out_pos, have);
	consume(s, have);
	return (long)have;
}

long
pith_src_getline(struct pith_src *s, struct pbuf *line, size_t max)
{
	const unsigned char *nl;
	size_t have, take;

	pbuf_reset(line);
	if (max == 0)
		max = 1;
	for (;;) {
		have = s->out_len - s->out_pos;
		if (have == 0) {
			if (s->pending_err) {
				if (line->len > 0)
					break;	/* the error comes next */
				take_error(s);
				return -1;
			}
			fill(s, 1);
			have = s->out_len - s->out_pos;
			if (have == 0) {
				if (s->pending_err && line->len == 0) {
					take_error(s);
					return -1;
				}
				break;
			}
		}
		nl = memchr(s->out + s->out_pos, '\n', have);
		take = nl ? (size_t)(nl - (s->out + s->out_pos)) + 1 : have;
		if (take > max - line->len)
			take = max - line->len;
		pbuf_append(line, s->out + s->out_pos, take);
		consume(s, take);
		if (line->len >= max || (nl && line->p[line->len - 1] == '\n'))
			break;
	}
	if (line->len == 0 && line->p == NULL)
		pbuf_append(line, "", 0);
	return (long)line->len;
}

int
pith_src_slurp(struct pith_src *s, struct pbuf *out, size_t max)
{
	size_t got = 0, have;
	int over = 0;

	for (;;) {
		have = s->out_len - s->out_pos;
		if (have == 0) {
			if (take_error(s))
				return -1;
			fill(s, OUT_SIZE);
			have = s->out_len - s->out_pos;
			if (have == 0) {
				if (take_error(s))
					return -1;
				break;
			}
		}
		if (got < max) {
			size_t take = have < max - got ? have : max - got;

			pbuf_append(out, s->out + s->out_pos, take);
			got += take;
			if (take < have)
				over = 1;
		} else
			over = 1;
		consume(s, have);
	}
	return over ? -1 : 0;
}

void
pith_src_unread(struct pith_src *s, const void *data, size_t n)
{
	size_t have = s->out_len - s->out_pos;
	uint64_t at = pith_src_offset(s);

	if (n == 0)
		return;
	if (n <= s->out_pos) {
		s->out_pos -= n;
		memmove(s->out + s->out_pos, data, n);
		return;
	}
	if (have + n > s->out_cap) {
		s->out_cap = have + n;
		s->out = xrealloc(s->out, s->out_cap);
	}
	memmove(s->out + n, s->out + s->out_pos, have);
	memmove(s->out, data, n);
	s->out_base = at >= n ? at - n : 0;	/* n > at breaks the contract */
	s->out_pos = 0;
	s->out_len = have + n;
}

uint64_t
pith_src_offset(const struct pith_src *s)
{
	return s->out_base + s->out_pos;
}

/* The member the next byte belongs to: the last one starting at or
 * before the read position (entries are pruned lazily). */
static const struct member *
cur_member(const struct pith_src *s)
{
	uint64_t at = pith_src_offset(s);
	size_t i = 0;

	if (s->nmem == 0)
		return NULL;
	while (i + 1 < s->nmem && s->mem[i + 1].dec_off <= at)
		i++;
	return &s->mem[i];
}

uint64_t
pith_src_member_offset(const struct pith_src *s)
{
	const struct member *m;

	if (!s->gzip)
		return pith_src_offset(s);
	m = cur_member(s);
	return m ? m->comp_off : 0;
}

uint64_t
pith_src_error_offset(const struct pith_src *s)
{
	return s->err_off;
}

int
pith_src_at_member_start(const struct pith_src *s)
{
	const struct member *m;

	if (!s->gzip)
		return 1;
	m = cur_member(s);
	return m != NULL && m->dec_off == pith_src_offset(s);
}
