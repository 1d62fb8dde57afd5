/* pith-segment: text -> paragraphs, sentences or words, one per line. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "out.h"
#include "segment.h"
#include "segment_out.h"

static const char usage[] =
    "pith-segment [-s | -p | -w] [-0z] [--no-punct] [--uax29] [-f text|json]\n"
    "                    [-l LANG] [file ...]";

struct output {
	int json, nul, blank_between;
	uint64_t last_para;
	struct pbuf line;
};

static void
write_unit(void *arg, const struct pith_seg_unit *u)
{
	struct output *o = arg;

	pbuf_reset(&o->line);
	if (u->paragraph != o->last_para) {
		if (o->blank_between && o->last_para != 0)
			pbuf_putc(&o->line, '\n');
		o->last_para = u->paragraph;
	}
	if (o->json)
		pith_seg_write_json(&o->line, u);
	else
		pith_seg_write_line(&o->line, u, o->nul);
	pith_out_write(&pith_stdout, o->line.p, o->line.len);
}

static void
end_document(struct pith_segmenter *sg, struct output *o, int nul_docs)
{
	pith_seg_finish(sg);
	o->last_para = 0;
	if (nul_docs)
		pith_out_putc(&pith_stdout, '\0');
	pith_out_flush(&pith_stdout);
}

/* Segments one input; with nul_docs every NUL byte ends a document. */
static int
segment_file(const char *path, struct pith_segmenter *sg, struct output *o,
    int nul_docs)
{
	static char buf[1 << 16];
	const char *name = path == NULL || strcmp(path, "-") == 0 ? "stdin" :
	    path;
	int fd = 0;
	ssize_t n;
	char *p, *nul;
	int pending = 0, rc = 0;

	if (path != NULL && strcmp(path, "-") != 0) {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			pith_warn(path, "open");
			return -1;
		}
	}
	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			pith_warn(name, "read");
			rc = -1;
			break;
		}
		if (n == 0)
			break;
		p = buf;
		while (nul_docs && (nul = memchr(p, '\0', (size_t)n -
		    (size_t)(p - buf))) != NULL) {
			pith_seg_feed(sg, p, (size_t)(nul - p));
			end_document(sg, o, 1);
			pending = 0;
			p = nul + 1;
		}
		if (p < buf + n) {
			pith_seg_feed(sg, p, (size_t)(buf + n - p));
			pending = 1;
		}
	}
	if (!nul_docs || pending)
		end_document(sg, o, nul_docs);
	if (fd > 0)
		close(fd);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"sentences", no_argument, NULL, 's'},
		{"paragraphs", no_argument, NULL, 'p'},
		{"words", no_argument, NULL, 'w'},
		{"no-punct", no_argument, NULL, 'P'},
		{"null", no_argument, NULL, '0'},
		{"null-data", no_argument, NULL, 'z'},
		{"format", required_argument, NULL, 'f'},
		{"lang", required_argument, NULL, 'l'},
		{"uax29", no_argument, NULL, 'U'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct pith_seg_opts opts = {PITH_SEG_SENTENCES, PITH_LANG_AUTO, 0, 0};
	struct output out = {0, 0, 1, 0, PBUF_INIT};
	struct pith_segmenter *sg;
	int c, lang, nul_docs = 0, status = PITH_EXIT_OK;

	pith_cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "spw0zf:l:h", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 's':
			opts.mode = PITH_SEG_SENTENCES;
			break;
		case 'p':
			opts.mode = PITH_SEG_PARAGRAPHS;
			break;
		case 'w':
			opts.mode = PITH_SEG_WORDS;
			break;
		case 'P':
			opts.no_punct = 1;
			break;
		case '0':
			out.nul = 1;
			break;
		case 'z':
			nul_docs = 1;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				out.json = 1;
			else if (strcmp(optarg, "text") == 0)
				out.json = 0;
			else {
				pith_warnx(NULL, "unknown format '%s' (text, json)",
				    optarg);
				pith_usage(usage, 0);
			}
			break;
		case 'l':
			lang = pith_lang_from_name(optarg);
			if (lang == -2) {
				pith_warnx(NULL, "unsupported language '%s' "
				    "(en de fr es it pt nl ru pl, auto)", optarg);
				pith_usage(usage, 0);
			}
			opts.lang = (enum pith_lang)lang;
			break;
		case 'U':
			opts.uax29 = 1;
			break;
		case 'h':
			pith_usage(usage, 1);
		case 'V':
			pith_print_version();
		default:
			pith_usage(usage, 0);
		}
	}
	argc -= optind;
	argv += optind;
	/* An empty line between paragraphs only where it means something. */
	out.blank_between = opts.mode == PITH_SEG_SENTENCES && !out.nul &&
	    !out.json;
	sg = pith_seg_new(&opts, write_unit, &out);
	if (argc == 0) {
		if (segment_file(NULL, sg, &out, nul_docs) != 0)
			status = PITH_EXIT_FAIL;
	}
	for (c = 0; c < argc; c++)
		if (segment_file(argv[c], sg, &out, nul_docs) != 0)
			status = PITH_EXIT_FAIL;
	pith_seg_free(sg);
	pbuf_free(&out.line);
	pith_out_close(&pith_stdout);
	return status;
}
