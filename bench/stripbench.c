/* Throughput of pith_strip_html against gumbo's parse alone on the same
 * pages, in one process: the pages are read into memory first, then
 * each pass runs over all of them. Usage: stripbench FILE... (plain
 * HTML files). Prints pages/s, MB/s and the ratio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gumbo.h>

#include "strip.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct pbuf *pages = calloc((size_t)argc, sizeof *pages);
	size_t i, n = 0, bytes = 0;
	double t0, tg, ts;
	struct pith_strip_opts o;
	int rep, reps = 2;

	for (i = 1; i < (size_t)argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		char buf[1 << 16];
		size_t k;

		if (f == NULL)
			continue;
		while ((k = fread(buf, 1, sizeof buf, f)) > 0)
			pbuf_append(&pages[n], buf, k);
		fclose(f);
		bytes += pages[n].len;
		n++;
	}
	memset(&o, 0, sizeof o);
	o.max_bytes = (size_t)64 << 20;
	o.keep = PITH_KEEP_TABLES | PITH_KEEP_CAPTIONS;
	/* Best of `reps` runs each, interleaved, to damp machine noise. */
	tg = ts = 1e30;
	for (rep = 0; rep < reps; rep++) {
		t0 = now();
		for (i = 0; i < n; i++) {
			GumboOutput *g = gumbo_parse_with_options(
			    &kGumboDefaultOptions, pages[i].p, pages[i].len);
			gumbo_destroy_output(&kGumboDefaultOptions, g);
		}
		if (now() - t0 < tg)
			tg = now() - t0;
		t0 = now();
		for (i = 0; i < n; i++) {
			struct pith_strip_result r;
			const char *err;

			if (pith_strip_html(pages[i].p, pages[i].len, &o, &r,
			    &err) == 0)
				pith_strip_result_free(&r);
		}
		if (now() - t0 < ts)
			ts = now() - t0;
	}
	printf("pages %zu, %.1f MB of HTML\n", n, bytes / 1e6);
	printf("%-28s %8.1f pages/s %7.1f MB/s\n", "gumbo parse only",
	    n / tg, bytes / 1e6 / tg);
	printf("%-28s %8.1f pages/s %7.1f MB/s\n", "pith_strip_html (full)",
	    n / ts, bytes / 1e6 / ts);
	printf("ratio strip/gumbo-parse: %.2fx the speed of the parse alone\n",
	    tg / ts);
	return 0;
}
