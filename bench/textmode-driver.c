/* Benchmark driver for text mode, used by bench/textmode.sh until (and
 * besides) pith-strip's own --text: reads a text document on stdin and
 * writes what text mode keeps; with -T LIST, learns site templates over
 * all files of LIST first ("HOST<TAB>INPUT<TAB>OUTPUT" lines), then
 * extracts each; with -S LIST (one file a line), times text mode over
 * the files held in memory and prints MB/s. Not installed; built on the fly by the script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "template.h"
#include "textmode.h"

static void
slurp(FILE *f, struct pbuf *b)
{
	char tmp[65536];
	size_t n;

	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		pbuf_append(b, tmp, n);
}

static int
run_list(const char *list, struct pith_textmode_opts *o)
{
	FILE *f = fopen(list, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int pass;

	if (f == NULL) {
		perror(list);
		return 1;
	}
	o->templates = pith_templates_open(NULL);
	for (pass = 0; pass < 2; pass++) {
		rewind(f);
		while ((n = getline(&line, &cap, f)) > 0) {
			char *host = line, *in, *out;
			struct pbuf text = PBUF_INIT, res = PBUF_INIT;
			FILE *fi, *fo;

			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			if ((in = strchr(host, '\t')) == NULL ||
			    (out = strchr(in + 1, '\t')) == NULL)
				continue;
			*in++ = '\0';
			*out++ = '\0';
			if ((fi = fopen(in, "r")) == NULL)
				continue;
			slurp(fi, &text);
			fclose(fi);
			if (pass == 0)
				pith_textmode_learn(o->templates, host,
				    text.p ? text.p : "", text.len);
			else {
				o->host = host;
				pith_textmode_extract(text.p ? text.p : "",
				    text.len, o, &res, &res);
				if ((fo = fopen(out, "w")) != NULL) {
					fwrite(res.p ? res.p : "", 1, res.len,
					    fo);
					fclose(fo);
				}
			}
			pbuf_free(&text);
			pbuf_free(&res);
		}
	}
	free(line);
	fclose(f);
	pith_templates_close(o->templates);
	return 0;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
run_speed(const char *list, struct pith_textmode_opts *o)
{
	FILE *f = fopen(list, "r");
	struct pbuf *docs = NULL, res = PBUF_INIT;
	size_t n = 0, cap = 0, i, bytes = 0, total = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	double t0, t;

	if (f == NULL) {
		perror(list);
		return 1;
	}
	while ((len = getline(&line, &lcap, f)) > 0) {
		FILE *fi;

		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		if ((fi = fopen(line, "r")) == NULL)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			docs = xrealloc(docs, cap * sizeof *docs);
		}
		memset(&docs[n], 0, sizeof docs[n]);
		slurp(fi, &docs[n]);
		fclose(fi);
		bytes += docs[n].len;
		n++;
	}
	free(line);
	fclose(f);
	t0 = now();
	do {
		for (i = 0; i < n; i++) {
			pbuf_reset(&res);
			pith_textmode_extract(docs[i].p ? docs[i].p : "",
			    docs[i].len, o, &res, NULL);
		}
		total += bytes;
		t = now() - t0;
	} while (t < 2.0);
	printf("%zu docs, %.1f MB, %.2f s: %.1f MB/s\n", n, total / 1e6, t,
	    total / 1e6 / t);
	for (i = 0; i < n; i++)
		pbuf_free(&docs[i]);
	free(docs);
	pbuf_free(&res);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct pith_textmode_opts o = {0, 0, NULL, NULL, NULL, NULL};
	struct pbuf in = PBUF_INIT, out = PBUF_INIT;
	const char *list = NULL, *speed = NULL;
	int c;

	while ((c = getopt(argc, argv, "eb:l:S:T:")) != -1) {
		switch (c) {
		case 'e':
			o.explain = 1;
			break;
		case 'b':
			o.precision_bias = atoi(optarg);
			break;
		case 'l':
			o.lang = optarg;
			break;
		case 'T':
			list = optarg;
			break;
		case 'S':
			speed = optarg;
			break;
		default:
			fprintf(stderr, "usage: textmode-driver [-e] [-b BIAS] "
			    "[-l LANG] [-S LIST | -T LIST]\n");
			return 2;
		}
	}
	if (speed != NULL)
		return run_speed(speed, &o);
	if (list != NULL)
		return run_list(list, &o);
	slurp(stdin, &in);
	pith_textmode_extract(in.p ? in.p : "", in.len, &o, &out, &out);
	fwrite(out.p ? out.p : "", 1, out.len, stdout);
	pbuf_free(&in);
	pbuf_free(&out);
	return 0;
}
