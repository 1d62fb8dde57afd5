/* pith-segment: text -> paragraphs, sentences or words, one per line;
 * plain text or the text records of a WARC stream. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cli.h"
#include "out.h"
#include "record.h"
#include "segment.h"
#include "segment_out.h"
#include "src.h"
#include "warc.h"

static const char usage[] =
    "pith-segment [-s | -p | -w] [-0z] [--no-punct] [--uax29] [-f text|json]\n"
    "                    [-l LANG] [--max-bytes SIZE] [file ...]";

struct output {
	int json, nul, blank_between;
	uint64_t last_para;
	struct pbuf line;
	struct pbuf *dest;	/* a WARC record's block, or NULL: stdout */
};

static void
write_unit(void *arg, const struct pith_seg_unit *u)
{
	struct output *o = arg;
	struct pbuf *b = o->dest != NULL ? o->dest : &o->line;

	if (o->dest == NULL)
		pbuf_reset(&o->line);
	if (u->paragraph != o->last_para) {
		if (o->blank_between && o->last_para != 0)
			pbuf_putc(b, '\n');
		o->last_para = u->paragraph;
	}
	if (o->json)
		pith_seg_write_json(b, u);
	else
		pith_seg_write_line(b, u, o->nul);
	if (o->dest == NULL)
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

/* Plain input: one document, or with nul_docs one per NUL-ended piece. */
static int
segment_plain(struct pith_src *src, struct pith_segmenter *sg,
    struct output *o, int nul_docs)
{
	static char buf[1 << 16];
	long n;
	char *p, *nul;
	int pending = 0, rc = 0;

	while ((n = pith_src_read(src, buf, sizeof buf)) > 0) {
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
	if (n < 0)
		rc = -1;
	if (!nul_docs || pending)
		end_document(sg, o, nul_docs);
	return rc;
}

static int
is_text_plain(const char *media_type)
{
	return strcasecmp(media_type, "text/plain") == 0;
}

/* WARC input: the text of conversion records and of text/plain resource
 * and response records is segmented into a record of its own; other
 * records pass through unchanged. */
static int
segment_warc(struct pith_src *src, struct pith_segmenter *sg,
    struct output *o, size_t max_bytes)
{
	struct pith_warc_reader *rd;
	struct pith_warc_record rec;
	struct pbuf block = PBUF_INIT, rendered = PBUF_INIT;
	struct pith_headers h = {NULL, 0, 0};
	const char *name = pith_src_name(src), *err, *id;
	size_t i;
	char new_id[48];
	int rc, failed = 0;

	memset(&rec, 0, sizeof rec);
	rd = pith_warc_reader_new(src, max_bytes);
	while ((rc = pith_warc_next(rd, &rec)) == 1) {
		struct pith_payload pl;
		int conv = strcmp(rec.type, "conversion") == 0;

		pbuf_reset(&rendered);
		if (!conv && strcmp(rec.type, "resource") != 0 &&
		    strcmp(rec.type, "response") != 0) {
			pith_warc_write(&rendered, &rec.headers, rec.block,
			    rec.block_len);
			pith_out_write(&pith_stdout, rendered.p, rendered.len);
			pith_out_flush(&pith_stdout);
			continue;
		}
		err = NULL;
		if (pith_record_payload(&rec, max_bytes, &pl, &err) == -1) {
			pith_warnx(name, "record %llu at byte offset %llu: %s",
			    (unsigned long long)rec.number,
			    (unsigned long long)rec.offset, err);
			pith_payload_free(&pl);
			failed = 1;
			continue;
		}
		if (!conv && (!is_text_plain(pl.media_type) ||
		    (pl.http_status != 0 && (pl.http_status < 200 ||
		    pl.http_status >= 300)))) {
			pith_payload_free(&pl);
			pith_warc_write(&rendered, &rec.headers, rec.block,
			    rec.block_len);
			pith_out_write(&pith_stdout, rendered.p, rendered.len);
			pith_out_flush(&pith_stdout);
			continue;
		}
		pbuf_reset(&block);
		o->dest = &block;
		pith_seg_feed(sg, pl.data, pl.len);
		pith_seg_finish(sg);
		o->dest = NULL;
		o->last_para = 0;
		pith_payload_free(&pl);
		/* A derived record, with a copy of the headers (the reader
		 * owns rec.headers): its own id, pointing at its source; a
		 * response becomes a conversion (its block is no longer an
		 * HTTP message). Digests and length are computed anew. */
		for (i = 0; i < rec.headers.n; i++)
			pith_headers_add(&h, rec.headers.v[i].name,
			    rec.headers.v[i].value);
		if (strcmp(rec.type, "response") == 0)
			pith_headers_set(&h, "WARC-Type", "conversion");
		id = pith_headers_get(&h, "WARC-Record-ID");
		if (id != NULL && pith_headers_get(&h, "WARC-Refers-To") == NULL)
			pith_headers_set(&h, "WARC-Refers-To", id);
		pith_warc_new_id(new_id);
		pith_headers_set(&h, "WARC-Record-ID", new_id);
		pith_headers_del(&h, "WARC-Block-Digest");
		pith_headers_del(&h, "WARC-Payload-Digest");
		pith_headers_set(&h, "Content-Type", o->json ?
		    "application/x-ndjson" : "text/plain; charset=utf-8");
		pith_warc_write(&rendered, &h, block.p, block.len);
		pith_headers_clear(&h);
		pith_out_write(&pith_stdout, rendered.p, rendered.len);
		pith_out_flush(&pith_stdout);
	}
	if (pith_warc_errors(rd) > 0 || rc == -1)
		failed = 1;
	pith_warc_record_clear(&rec);
	pith_warc_reader_free(rd);
	pbuf_free(&block);
	pbuf_free(&rendered);
	return failed ? -1 : 0;
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
		{"max-bytes", required_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct pith_seg_opts opts = {PITH_SEG_SENTENCES, PITH_LANG_AUTO, 0, 0};
	struct output out = {0, 0, 1, 0, PBUF_INIT, NULL};
	struct pith_segmenter *sg;
	struct pith_src *src;
	size_t max_bytes = PITH_MAX_BYTES_DEFAULT;
	int c, i, lang, nul_docs = 0, status = PITH_EXIT_OK;

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
		case 'M':
			if (pith_parse_size(optarg, &max_bytes) == -1) {
				pith_warnx(NULL, "bad size '%s'", optarg);
				pith_usage(usage, 0);
			}
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
	for (i = 0; i < (argc > 0 ? argc : 1); i++) {
		src = pith_src_open(argc > 0 ? argv[i] : "-");
		if (src == NULL) {
			status = PITH_EXIT_FAIL;
			continue;
		}
		if (pith_src_is_warc(src)) {
			if (segment_warc(src, sg, &out, max_bytes) != 0)
				status = PITH_EXIT_FAIL;
		} else if (segment_plain(src, sg, &out, nul_docs) != 0)
			status = PITH_EXIT_FAIL;
		pith_src_close(src);
	}
	pith_seg_free(sg);
	pbuf_free(&out.line);
	pith_out_close(&pith_stdout);
	return status;
}
