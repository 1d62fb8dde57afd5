/* Speed of the WARC reader (bench/streams.sh):
 *   streamsbench gen MB [gz] > file   writes MB of made-up response
 *                                     records (plain or one gzip member
 *                                     per record, as Common Crawl does)
 *   streamsbench read FILE [payload]  reads every record (and decodes
 *                                     each payload) and prints MB/s */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "record.h"

static int
gen(size_t mb, int gz)
{
	static const char *words[] = { "the", "archive", "record", "stream",
	    "<p>", "</p>", "web", "page", "content", "<div class=x>",
	    "</div>", "and", "of", "pith" };
	struct pbuf out = PBUF_INIT, blk = PBUF_INIT;
	struct pith_headers h = { 0 };
	size_t total = 0, n;
	unsigned int seed = 1;
	char uri[64];
	int i = 0;

	while (total < mb << 20) {
		pbuf_reset(&blk);
		pbuf_puts(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
		    "charset=utf-8\r\n\r\n<html><body>");
		n = 20000 + seed % 40000;
		while (blk.len < n) {
			seed = seed * 1103515245 + 12345;
			pbuf_puts(&blk, words[(seed >> 16) % 14]);
			pbuf_putc(&blk, ' ');
		}
		pbuf_puts(&blk, "</body></html>\n");
		pith_headers_clear(&h);
		pith_headers_add(&h, "WARC-Type", "response");
		snprintf(uri, sizeof uri, "http://example.org/%d", i++);
		pith_headers_add(&h, "WARC-Target-URI", uri);
		pith_headers_add(&h, "Content-Type",
		    "application/http; msgtype=response");
		pbuf_reset(&out);
		if (gz)
			pith_warc_write_gz(&out, &h, blk.p, blk.len);
		else
			pith_warc_write(&out, &h, blk.p, blk.len);
		if (fwrite(out.p, 1, out.len, stdout) != out.len)
			return 1;
		total += blk.len;	/* the same records, plain or gz */
	}
	pith_headers_clear(&h);
	pbuf_free(&out);
	pbuf_free(&blk);
	return 0;
}

static int
readall(const char *path, int payload)
{
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_payload pl;
	struct pith_src *s;
	struct timespec a, b;
	const char *err;
	size_t n = 0;
	double t;

	clock_gettime(CLOCK_MONOTONIC, &a);
	if ((s = pith_src_open(path)) == NULL)
		return 1;
	r = pith_warc_reader_new(s, PITH_MAX_BYTES_DEFAULT);
	while (pith_warc_next(r, &rec) == 1) {
		n++;
		if (payload) {
			pith_record_payload(&rec, PITH_MAX_BYTES_DEFAULT, &pl,
			    &err);
			pith_payload_free(&pl);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) /
	    1e9;
	printf("%-8s %s%s: %zu records, %.0f MB, %.2f s, %.0f MB/s "
	    "(uncompressed)\n", pith_src_is_gzip(s) ? "warc.gz" : "warc",
	    "read", payload ? "+payload" : "", n,
	    (double)pith_src_offset(s) / 1e6, t,
	    (double)pith_src_offset(s) / 1e6 / t);
	pith_warc_reader_free(r);
	pith_src_close(s);
	return 0;
}

int
main(int argc, char *argv[])
{
	pith_cli_init(argv[0]);
	if (argc >= 3 && strcmp(argv[1], "gen") == 0)
		return gen((size_t)atol(argv[2]), argc > 3);
	if (argc >= 3 && strcmp(argv[1], "read") == 0)
		return readall(argv[2], argc > 3);
	fprintf(stderr, "usage: streamsbench gen MB [gz] | read FILE "
	    "[payload]\n");
	return 2;
}
