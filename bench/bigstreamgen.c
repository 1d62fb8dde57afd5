/* A large WARC stream for bench/bigstream.sh:
 *
 *	bigstreamgen MB < list > out.warc
 *
 * reads the HTML pages named on stdin (one path a line; NAME.html.gz is
 * read uncompressed, as NAME.html), and writes them
 * as WARC response records, pass after pass over the list, until MB
 * megabytes (2^20 bytes) of records are out. The LARGEST largest pages
 * come first in each pass, so that a stream of any size holds them and
 * the memory of streams of different sizes can be compared. Each pass gives the pages
 * hosts of their own (pN.DIR.example, DIR the page's directory), so the
 * template learner meets a repeated page as another site's, as it would
 * in a crawl, not as a page seen before. Prints the record count and the
 * bytes written on stderr: "records N bytes N". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "cli.h"
#include "warc.h"

#define LARGEST 20

struct page {
	char *dir, *name;	/* last directory and file name */
	struct pbuf body;
	int first;		/* among the LARGEST */
};

static int
by_size(const void *a, const void *b)
{
	const struct page *x = *(struct page *const *)a;
	const struct page *y = *(struct page *const *)b;

	return x->body.len < y->body.len ? 1 : x->body.len > y->body.len ?
	    -1 : 0;
}

/* The pass order: the LARGEST largest pages, then the others as listed. */
static struct page **
order(struct page *pages, size_t n)
{
	struct page **v = xcalloc(n, sizeof *v);
	size_t i, k = n < LARGEST ? n : LARGEST, m = k;

	for (i = 0; i < n; i++)
		v[i] = &pages[i];
	qsort(v, n, sizeof *v, by_size);
	for (i = 0; i < k; i++)
		v[i]->first = 1;
	for (i = 0; i < n; i++)
		if (!pages[i].first)
			v[m++] = &pages[i];
	return v;
}

static int
load(const char *path, struct page *pg)
{
	char buf[65536], *copy, *slash;
	gzFile f;
	int n;

	/* gzread reads a file that is not gzip as it is. */
	if ((f = gzopen(path, "rb")) == NULL)
		return -1;
	memset(pg, 0, sizeof *pg);
	while ((n = gzread(f, buf, sizeof buf)) > 0)
		pbuf_append(&pg->body, buf, (size_t)n);
	gzclose(f);
	if (n < 0) {
		pbuf_free(&pg->body);
		return -1;
	}
	copy = xstrdup(path);
	if ((slash = strstr(copy, ".html.gz")) != NULL && slash[8] == '\0')
		slash[5] = '\0';
	if ((slash = strrchr(copy, '/')) != NULL) {
		*slash = '\0';
		pg->name = xstrdup(slash + 1);
		slash = strrchr(copy, '/');
		pg->dir = xstrdup(slash ? slash + 1 : copy);
	} else {
		pg->name = xstrdup(copy);
		pg->dir = xstrdup("pages");
	}
	free(copy);
	return 0;
}

static void
record(struct pbuf *out, struct pbuf *blk, const struct page *pg, int pass)
{
	struct pith_headers h = {NULL, 0, 0};
	char uri[512];

	pbuf_reset(blk);
	pbuf_printf(blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
	    "Content-Length: %zu\r\n\r\n", pg->body.len);
	pbuf_append(blk, pg->body.p, pg->body.len);
	snprintf(uri, sizeof uri, "http://p%d.%s.example/%s", pass, pg->dir,
	    pg->name);
	pith_headers_add(&h, "WARC-Type", "response");
	pith_headers_add(&h, "WARC-Target-URI", uri);
	pith_headers_add(&h, "Content-Type",
	    "application/http; msgtype=response");
	pbuf_reset(out);
	pith_warc_write(out, &h, blk->p, blk->len);
	pith_headers_clear(&h);
}

int
main(int argc, char *argv[])
{
	struct pbuf out = PBUF_INIT, blk = PBUF_INIT;
	struct page *pages = NULL, **pass_order;
	size_t npages = 0, cap = 0, i, records = 0;
	unsigned long long total = 0, want;
	char *line = NULL;
	size_t linecap = 0;
	ssize_t n;
	int pass;

	pith_cli_init(argv[0]);
	if (argc != 2 || (want = strtoull(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: bigstreamgen MB < list > out.warc\n");
		return 2;
	}
	want <<= 20;
	while ((n = getline(&line, &linecap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (npages == cap) {
			cap = cap ? cap * 2 : 256;
			pages = xrealloc(pages, cap * sizeof *pages);
		}
		if (load(line, &pages[npages]) == 0)
			npages++;
		else
			pith_warn(line, "cannot read");
	}
	free(line);
	if (npages == 0)
		pith_die(1, NULL, "no pages");
	pass_order = order(pages, npages);
	for (pass = 1; total < want; pass++)
		for (i = 0; i < npages && total < want; i++) {
			record(&out, &blk, pass_order[i], pass);
			if (fwrite(out.p, 1, out.len, stdout) != out.len)
				pith_die(1, "stdout", "write error");
			total += out.len;
			records++;
		}
	if (fflush(stdout) == EOF)
		pith_die(1, "stdout", "write error");
	fprintf(stderr, "records %zu bytes %llu\n", records, total);
	for (i = 0; i < npages; i++) {
		pbuf_free(&pages[i].body);
		free(pages[i].dir);
		free(pages[i].name);
	}
	free(pages);
	free(pass_order);
	pbuf_free(&out);
	pbuf_free(&blk);
	return 0;
}
