/* Decoding speed of lib/encoding: synthetic 64 MiB inputs per encoding
 * (best of 5 runs), then every page given on the command line sniffed
 * and decoded as pith-strip does (best of 3 passes over all of them).
 * Times are the process's CPU time (one thread), which other load on
 * the machine disturbs less than wall time.
 *
 *   cc -O2 -Ilib -o encodingbench bench/encodingbench.c lib/libpith.a \
 *       -lpthread && ./encodingbench [page.html ...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "encoding.h"

#define SIZE	((size_t)64 << 20)
#define RUNS	5

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* SIZE bytes of `unit` repeated, cut back to a whole sequence of it. */
static char *
repeat(const char *unit, size_t *len)
{
	size_t u = strlen(unit), n = SIZE / u * u, i;
	char *b = malloc(n);

	if (b == NULL)
		exit(1);
	for (i = 0; i < n; i += u)
		memcpy(b + i, unit, u);
	*len = n;
	return b;
}

static void
row(const char *what, const char *enc, const char *data, size_t len)
{
	struct pbuf out = PBUF_INIT;
	double best = 1e9, t;
	size_t errors = 0;
	int r;

	for (r = 0; r < RUNS; r++) {
		pbuf_reset(&out);
		t = now();
		errors = pith_decode(enc, data, len, &out);
		t = now() - t;
		if (t < best)
			best = t;
	}
	printf("%-40s %-13s %7.0f MB/s  %zu U+FFFD\n", what, enc,
	    (double)len / best / 1e6, errors);
	pbuf_free(&out);
}

static void
synthetic(void)
{
	static const struct {
		const char *what, *enc, *unit;
	} inputs[] = {
		{"ASCII HTML", "UTF-8", "<p class=\"x\">The quick brown fox "
		    "jumps over the lazy dog, 0123456789.</p>\n"},
		{"ASCII HTML", "windows-1252", "<p class=\"x\">The quick brown "
		    "fox jumps over the lazy dog, 0123456789.</p>\n"},
		{"German, 7% non-ASCII bytes", "UTF-8", "<p>Die Stra\xC3\x9F"
		    "e f\xC3\xBChrt \xC3\xBC" "ber den Flu\xC3\x9F nach "
		    "K\xC3\xB6ln, sch\xC3\xB6n.</p>\n"},
		{"Russian, 2-byte sequences", "UTF-8", "<p>\xD0\xA1\xD1\x8A"
		    "\xD0\xB5\xD1\x88\xD1\x8C \xD0\xB6\xD0\xB5 \xD0\xB5\xD1\x89"
		    "\xD1\x91 \xD1\x8D\xD1\x82\xD0\xB8\xD1\x85 \xD0\xB1\xD1\x83"
		    "\xD0\xBB\xD0\xBE\xD0\xBA.</p>\n"},
		{"Japanese, 3-byte sequences", "UTF-8", "<p>\xE6\x97\xA5\xE6"
		    "\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD"
		    "\xE3\x82\xB9\xE3\x83\x88\xE3\x80\x82</p>\n"},
		{"German, 8% high bytes", "windows-1252", "<p>Die Stra\xDF"
		    "e f\xFChrt \xFC" "ber den Flu\xDF nach K\xF6ln, sch\xF6n "
		    "\x93quoted\x94.</p>\n"},
		{"Russian, mostly high bytes", "KOI8-R", "<p>\xF3\xFA\xC5\xDD "
		    "\xD6\xC5 \xC5\xDD\xC5 \xDC\xD4\xC9\xC8 "
		    "\xC2\xD5\xCC\xCF\xCB.</p>\n"},
		{"Japanese", "Shift_JIS", "<p>\x93\xFA\x96\x7B\x8C\xEA\x82\xCC"
		    "\x83\x65\x83\x4C\x83\x58\x83\x67\x81\x42</p>\n"},
		{"Chinese", "gb18030", "<p>\xD6\xD0\xCE\xC4\xB5\xC4\xCE\xC4"
		    "\xB1\xBE\xA1\xA3</p>\n"},
		{"Korean", "EUC-KR", "<p>\xC7\xD1\xB1\xB9\xBE\xEE \xC5\xD8"
		    "\xBD\xBA\xC6\xAE.</p>\n"},
	};
	unsigned long x = 1;
	size_t i, len;
	char *data;
	double best = 1e9, t;
	int r, valid = 0;

	printf("%-40s %-13s %12s\n", "synthetic input (64 MiB)", "encoding",
	    "decode speed");
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		data = repeat(inputs[i].unit, &len);
		if (i == 0) {
			for (r = 0; r < RUNS; r++) {
				t = now();
				valid += pith_utf8_valid(data, len);
				t = now() - t;
				if (t < best)
					best = t;
			}
			printf("%-40s %-13s %7.0f MB/s  (valid: %d)\n",
			    "ASCII HTML, pith_utf8_valid only", "-",
			    (double)len / best / 1e6, valid == RUNS);
		}
		row(inputs[i].what, inputs[i].enc, data, len);
		free(data);
	}
	data = malloc(SIZE);
	if (data == NULL)
		exit(1);
	for (i = 0; i < SIZE; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		data[i] = (char)(x >> 56);
	}
	row("random bytes (worst case)", "UTF-8", data, SIZE);
	free(data);
}

static void
pages(int argc, char **argv)
{
	struct pbuf *page, out = PBUF_INIT;
	size_t total = 0, errors = 0, nonutf8 = 0;
	double best = 1e9, t;
	char buf[65536];
	const char *enc;
	size_t n;
	int i, r;
	FILE *f;

	page = calloc((size_t)argc, sizeof *page);
	for (i = 0; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL)
			continue;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			pbuf_append(&page[i], buf, n);
		fclose(f);
		total += page[i].len;
	}
	for (r = 0; r < 3; r++) {
		errors = nonutf8 = 0;
		t = now();
		for (i = 0; i < argc; i++) {
			enc = pith_sniff_html(page[i].p, page[i].len, NULL);
			pbuf_reset(&out);
			errors += pith_decode(enc, page[i].p, page[i].len,
			    &out);
			nonutf8 += strcmp(enc, "UTF-8") != 0;
		}
		t = now() - t;
		if (t < best)
			best = t;
	}
	printf("\n%d pages, %.1f MB: sniff + decode %.0f MB/s (%.1f ms in"
	    " all); %zu not UTF-8, %zu U+FFFD\n", argc, (double)total / 1e6,
	    (double)total / best / 1e6, best * 1e3, nonutf8, errors);
	for (i = 0; i < argc; i++)
		pbuf_free(&page[i]);
	free(page);
	pbuf_free(&out);
}

int
main(int argc, char **argv)
{
	synthetic();
	if (argc > 1)
		pages(argc - 1, argv + 1);
	return 0;
}
