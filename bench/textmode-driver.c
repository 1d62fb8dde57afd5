/* Benchmark driver for text mode, used by bench/textmode.sh until (and
 * besides) pith-strip's own --text: reads a text document on stdin and
 * writes what text mode keeps; with -T LIST, learns site templates over
 * all files of LIST first ("HOST<TAB>INPUT<TAB>OUTPUT" lines), then
 * extracts each. Not installed; built on the fly by the script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int
main(int argc, char *argv[])
{
	struct pith_textmode_opts o = {0, 0, NULL, NULL, NULL};
	struct pbuf in = PBUF_INIT, out = PBUF_INIT;
	const char *list = NULL;
	int c;

	while ((c = getopt(argc, argv, "eb:l:T:")) != -1) {
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
		default:
			fprintf(stderr, "usage: textmode-driver [-e] [-b BIAS] "
			    "[-l LANG] [-T LIST]\n");
			return 2;
		}
	}
	if (list != NULL)
		return run_list(list, &o);
	slurp(stdin, &in);
	pith_textmode_extract(in.p ? in.p : "", in.len, &o, &out, &out);
	fwrite(out.p ? out.p : "", 1, out.len, stdout);
	pbuf_free(&in);
	pbuf_free(&out);
	return 0;
}
