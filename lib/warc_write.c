/* WARC writing: whole records rendered into a buffer, plain or as one
 * gzip member, with the fields a reader relies on filled in. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "warc.h"

static void
random_bytes(unsigned char *p, size_t n)
{
	size_t got = 0;
	ssize_t k;
	int fd;

	while (got < n) {
		k = getrandom(p + got, n - got, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	if (got == n)
		return;
	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) >= 0) {
		while (got < n && (k = read(fd, p + got, n - got)) > 0)
			got += (size_t)k;
		close(fd);
	}
	if (got < n) {
		/* No kernel randomness at all: still unique enough per
		   process run, which is what a record ID needs. */
		static unsigned long counter;
		unsigned long long x = (unsigned long long)time(NULL) ^
		    ((unsigned long long)getpid() << 32) ^ ++counter;

		for (; got < n; got++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			p[got] = (unsigned char)(x >> 56);
		}
	}
}

void
pith_warc_new_id(char buf[48])
{
	unsigned char b[16];

	random_bytes(b, sizeof b);
	b[6] = (b[6] & 0x0f) | 0x40;	/* version 4 */
	b[8] = (b[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	snprintf(buf, 48, "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x>", b[0], b[1], b[2], b[3],
	    b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
	    b[14], b[15]);
}

void
pith_warc_now(char buf[32])
{
	struct tm tm;
	time_t t = time(NULL);

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Header values must stay on one line: a CR or LF in them would end the
 * header early and let a value forge fields. */
static void
put_field(struct pbuf *out, const char *name, const char *value)
{
	const char *s;

	pbuf_puts(out, name);
	pbuf_puts(out, ": ");
	for (s = value; *s; s++)
		pbuf_putc(out, *s == '\r' || *s == '\n' ? ' ' : *s);
	pbuf_puts(out, "\r\n");
}

void
pith_warc_write(struct pbuf *out, const struct pith_headers *headers,
    const void *block, size_t len)
{
	char id[48], date[32], digest[40], clen[32];
	int need_id, need_date, need_digest, has_len = 0, generated = 0;
	size_t i;

	need_id = pith_headers_get(headers, "WARC-Record-ID") == NULL;
	need_date = pith_headers_get(headers, "WARC-Date") == NULL;
	need_digest = pith_headers_get(headers, "WARC-Block-Digest") == NULL;
	snprintf(clen, sizeof clen, "%zu", len);

	pbuf_puts(out, "WARC/1.1\r\n");
	/* Generated ID and date go after a leading WARC-Type, where the
	   standard's examples put them; else first. */
	for (i = 0; i <= headers->n; i++) {
		if (!generated && (i > 0 || headers->n == 0 ||
		    strcasecmp(headers->v[0].name, "WARC-Type") != 0)) {
			generated = 1;
			if (need_id) {
				pith_warc_new_id(id);
				put_field(out, "WARC-Record-ID", id);
			}
			if (need_date) {
				pith_warc_now(date);
				put_field(out, "WARC-Date", date);
			}
		}
		if (i == headers->n)
			break;
		if (strcasecmp(headers->v[i].name, "Content-Length") == 0) {
			if (has_len)
				continue;	/* one, recomputed */
			has_len = 1;
			put_field(out, headers->v[i].name, clen);
		} else
			put_field(out, headers->v[i].name, headers->v[i].value);
	}
	if (need_digest) {
		pith_warc_digest(block, len, digest);
		put_field(out, "WARC-Block-Digest", digest);
	}
	if (!has_len)
		put_field(out, "Content-Length", clen);
	pbuf_puts(out, "\r\n");
	pbuf_append(out, block, len);
	pbuf_puts(out, "\r\n\r\n");
}

void
pith_warc_write_gz(struct pbuf *out, const struct pith_headers *headers,
    const void *block, size_t len)
{
	struct pbuf plain = PBUF_INIT;
	z_stream z;
	size_t bound, left;
	int rc;

	pith_warc_write(&plain, headers, block, len);
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		fputs("pith: cannot initialise zlib\n", stderr);
		abort();
	}
	z.next_in = (unsigned char *)plain.p;
	bound = deflateBound(&z, (uLong)plain.len) + 64;
	left = plain.len;
	do {
		size_t room, in = left < (1u << 30) ? left : (1u << 30);

		pbuf_reserve(out, bound < (1u << 30) ? bound : (1u << 30));
		room = out->cap - out->len - 1;
		if (room > (1u << 30))
			room = 1u << 30;
		z.avail_in = (uInt)in;
		z.next_out = (unsigned char *)out->p + out->len;
		z.avail_out = (uInt)room;
		rc = deflate(&z, in == left ? Z_FINISH : Z_NO_FLUSH);
		out->len += room - z.avail_out;
		left -= in - z.avail_in;
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			fputs("pith: deflate failed\n", stderr);
			abort();
		}
	} while (rc != Z_STREAM_END);
	out->p[out->len] = '\0';
	deflateEnd(&z);
	pbuf_free(&plain);
}
