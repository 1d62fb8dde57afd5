/* pith-strip: main content out of HTML pages, plain or in WARC streams. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "encoding.h"
#include "out.h"
#include "record.h"
#include "src.h"
#include "strip.h"
#include "stripdoc.h"
#include "template.h"
#include "textmode.h"
#include "warc.h"

static const char usage[] =
    "pith-strip [-f text|markdown|json|warc] [-j jobs] [--precision | --recall]\n"
    "            [--keep list] [--drop list] [--all] [--explain] [--text]\n"
    "            [--state file] [--url URL] [--max-bytes size] [file ...]";

struct job {
	/* input */
	struct pbuf html;
	char *url, *date, *record_id, *charset;
	/* output */
	struct pbuf out;
	int text;		/* text mode: a text/plain or WET record */
	int failed;
	int empty;
	struct pith_strip_result r;	/* kept until the job finishes */
};

static struct pith_strip_opts opts;
static enum pith_format format = PITH_FMT_TEXT;
static const char *opt_url;
static int force_text;
static struct pith_templates *templates;
static size_t ndocs, nfailed, nempty, nskipped;

static const struct {
	const char *name;
	unsigned flag;
} keep_names[] = {
	{"comments", PITH_KEEP_COMMENTS}, {"tables", PITH_KEEP_TABLES},
	{"captions", PITH_KEEP_CAPTIONS}, {"links", PITH_KEEP_LINKS},
	{"images", PITH_KEEP_IMAGES}, {"title", PITH_KEEP_TITLE},
	{NULL, 0}
};

static unsigned
parse_keep(const char *list)
{
	char *copy = xstrdup(list), *tok, *save = NULL;
	unsigned flags = 0;
	size_t i;

	for (tok = strtok_r(copy, ",", &save); tok;
	    tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; keep_names[i].name; i++)
			if (strcmp(tok, keep_names[i].name) == 0)
				break;
		if (keep_names[i].name == NULL) {
			pith_warnx(NULL, "unknown element kind '%s' (want "
			    "comments, tables, captions, links, images, title)",
			    tok);
			pith_usage(usage, 0);
		}
		flags |= keep_names[i].flag;
	}
	free(copy);
	return flags;
}

static const char *
host_of(const char *url, char *buf, size_t n)
{
	return url ? pith_templates_host_of(url, buf, n) : NULL;
}

/* Text mode: the document is already text (a WET record, a scraper's
 * dump); classify its paragraphs. Returns the number of over-long
 * paragraphs that were cut into pieces. */
static size_t
run_text(struct job *j, struct pith_strip_result *r, const char *host)
{
	struct pith_textmode_opts to;
	struct pbuf clean = PBUF_INIT;
	const char *text = j->html.p ? j->html.p : "";
	size_t len = j->html.len, split = 0;

	memset(&to, 0, sizeof to);
	to.explain = opts.explain;
	to.precision_bias = opts.bias;
	to.templates = templates;
	to.host = host;
	to.split = &split;
	memset(r, 0, sizeof *r);
	/* Valid UTF-8 is used in place: a copy would be one more document
	 * size of memory. */
	if (pith_utf8_valid_prefix(text, len) < len) {
		pith_utf8_sanitize(text, len, &clean);
		text = clean.p ? clean.p : "";
		len = clean.len;
	}
	pith_textmode_extract(text, len, &to, &r->text, &r->explain);
	r->encoding = "UTF-8";
	pbuf_free(&clean);
	return split;
}

/* Runs one document; its whole output record lands in j->out. Template
 * learning waits for job_finish, which runs on the main thread. */
static void
run_job(struct job *j, const char *name)
{
	struct pith_strip_result *r = &j->r;
	struct pith_strip_opts o = opts;
	struct pith_docsrc src = {j->url, j->date, j->record_id, name};
	const char *err = NULL;
	enum pith_docstatus st;
	size_t split = 0;
	char hostbuf[256];
	const char *host = host_of(j->url, hostbuf, sizeof hostbuf);

	o.transport_charset = j->charset && *j->charset ? j->charset : NULL;
	o.templates = templates;
	o.host = host;
	o.base_url = j->url;
	if (!j->text && !force_text && !opts.all &&
	    !pith_looks_like_html(j->html.p ? j->html.p : "", j->html.len))
		j->text = 1;
	if (j->text && !opts.all)
		split = run_text(j, r, host);
	else if (pith_strip_html(j->html.p ? j->html.p : "", j->html.len, &o,
	    r, &err) == -1) {
		pith_warnx(name, "%s%s%s", j->url ? j->url : "",
		    j->url ? ": " : "", err);
		j->failed = 1;
		return;
	}
	if (split > 0)
		pith_warnx(name, "%s%stext paragraph over %zu bytes: cut into "
		    "pieces of at most that size, each judged alone (%zu cuts)",
		    j->url ? j->url : "", j->url ? ": " : "", PITH_TEXT_PARA_MAX,
		    split);
	if (opts.explain) {
		pbuf_append(&j->out, r->explain.p ? r->explain.p : "",
		    r->explain.len);
		pbuf_free(&r->explain);
		return;
	}
	st = r->text.len > 0 ? PITH_DOC_OK : PITH_DOC_EMPTY;
	j->empty = st == PITH_DOC_EMPTY;
	if (r->depth_cut || r->attrs_cut)
		pith_warnx(name, "%s%snesting deeper than %d or more than %d "
		    "attributes on a tag: %zu tags and %zu attributes ignored",
		    j->url ? j->url : "", j->url ? ": " : "", 512, 256,
		    r->depth_cut, r->attrs_cut);
	pith_strip_emit(&j->out, format, r, st, &src, ndocs + 1);
	/* The record holds its own copy now: the text's memory goes back
	 * before the next document, and before learning from this one. */
	pbuf_free(&r->text);
}

static void
job_clear(struct job *j)
{
	pbuf_reset(&j->html);
	pbuf_reset(&j->out);
	free(j->url);
	free(j->date);
	free(j->record_id);
	free(j->charset);
	j->url = j->date = j->record_id = j->charset = NULL;
	j->failed = j->empty = j->text = 0;
	pith_strip_result_free(&j->r);
}

static void
job_finish(struct job *j)
{
	char hostbuf[256];
	const char *host = host_of(j->url, hostbuf, sizeof hostbuf);

	ndocs++;
	if (j->failed)
		nfailed++;
	else if (j->empty)
		nempty++;
	pith_out_write(&pith_stdout, j->out.p ? j->out.p : "", j->out.len);
	pith_out_flush(&pith_stdout);
	/* Out before learning: learning from a text document splits it
	 * again, and should not do so while its output is held too. */
	pbuf_free(&j->out);
	if (templates && !j->failed) {
		if (j->r.keys)
			pith_templates_add_doc_keys(templates, host ? host : "",
			    j->r.keys, j->r.nkeys);
		else if (j->text)
			pith_textmode_learn(templates, host,
			    j->html.p ? j->html.p : "", j->html.len);
	}
}

/* --- WARC input: batches of records, processed on N threads, written in
 * input order. */

struct batch {
	struct job *jobs;
	size_t n, cap;
	const char *name;
};

static void *
batch_worker(void *arg)
{
	struct batch *b = ((void **)arg)[0];
	size_t stride = (size_t)((void **)arg)[1], first = (size_t)((void **)arg)[2];
	size_t i;

	for (i = first; i < b->n; i += stride)
		run_job(&b->jobs[i], b->name);
	return NULL;
}

static void
run_batch(struct batch *b, unsigned threads)
{
	pthread_t tid[64];
	void *args[64][3];
	unsigned t, started = 0;
	size_t i;

	if (threads <= 1 || b->n <= 1) {
		for (i = 0; i < b->n; i++) {
			run_job(&b->jobs[i], b->name);
			job_finish(&b->jobs[i]);
		}
	} else {
		for (t = 0; t < threads && t < b->n; t++) {
			args[t][0] = b;
			args[t][1] = (void *)(size_t)threads;
			args[t][2] = (void *)(size_t)t;
			if (pthread_create(&tid[t], NULL, batch_worker, args[t]))
				break;
			started++;
		}
		for (i = started; i < b->n && started == 0; i++)
			run_job(&b->jobs[i], b->name);
		for (t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
		for (i = 0; i < b->n; i++)
			job_finish(&b->jobs[i]);
	}
	for (i = 0; i < b->n; i++)
		job_clear(&b->jobs[i]);
	b->n = 0;
}

static int
is_html_type(const char *mt)
{
	return strcmp(mt, "text/html") == 0 ||
	    strcmp(mt, "application/xhtml+xml") == 0 ||
	    strcmp(mt, "application/xml") == 0 || strcmp(mt, "text/xml") == 0;
}

static char *
dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

static int
strip_warc(struct pith_src *src, unsigned threads)
{
	struct pith_warc_reader *rd;
	struct pith_warc_record rec;
	struct batch b = {NULL, 0, 0, pith_src_name(src)};
	int rc, failed = 0;
	size_t i;

	memset(&rec, 0, sizeof rec);
	b.cap = threads > 1 ? threads * 4 : 1;
	b.jobs = xcalloc(b.cap, sizeof *b.jobs);
	rd = pith_warc_reader_new(src, opts.max_bytes);
	while ((rc = pith_warc_next(rd, &rec)) == 1) {
		struct pith_payload pl;
		const char *err = NULL;
		struct job *j;
		int text;

		if (strcmp(rec.type, "response") != 0 &&
		    strcmp(rec.type, "resource") != 0 &&
		    strcmp(rec.type, "conversion") != 0) {
			nskipped++;
			continue;
		}
		if (pith_record_payload(&rec, opts.max_bytes, &pl, &err) == -1) {
			pith_warnx(b.name, "record %llu at byte offset %llu: %s",
			    (unsigned long long)rec.number,
			    (unsigned long long)rec.offset, err);
			pith_payload_free(&pl);
			nfailed++;
			failed = 1;
			continue;
		}
		text = strcmp(rec.type, "conversion") == 0 ||
		    strcmp(pl.media_type, "text/plain") == 0;
		if ((!text && !is_html_type(pl.media_type)) ||
		    (pl.http_status != 0 &&
		    (pl.http_status < 200 || pl.http_status >= 300))) {
			pith_payload_free(&pl);
			nskipped++;
			continue;
		}
		j = &b.jobs[b.n++];
		j->text = text || force_text;
		pbuf_append(&j->html, pl.data, pl.len);
		j->url = dup_or_null(pl.target_uri);
		j->date = dup_or_null(pith_headers_get(&rec.headers,
		    "WARC-Date"));
		j->record_id = dup_or_null(pith_headers_get(&rec.headers,
		    "WARC-Record-ID"));
		j->charset = dup_or_null(pl.charset);
		pith_payload_free(&pl);
		if (b.n == b.cap)
			run_batch(&b, threads);
	}
	run_batch(&b, threads);
	if (pith_warc_errors(rd) > 0)
		failed = 1;
	if (rc == -1)
		failed = 1;
	pith_warc_record_clear(&rec);
	pith_warc_reader_free(rd);
	for (i = 0; i < b.cap; i++) {
		pbuf_free(&b.jobs[i].html);
		pbuf_free(&b.jobs[i].out);
	}
	free(b.jobs);
	return failed;
}

static int
strip_plain(struct pith_src *src)
{
	struct job j;
	int failed = 0;

	memset(&j, 0, sizeof j);
	if (pith_src_slurp(src, &j.html, opts.max_bytes) == -1) {
		/* Over the limit leaves exactly max bytes read; a read
		 * error (its message already printed) fewer. */
		if (j.html.len >= opts.max_bytes) {
			pith_warnx(pith_src_name(src), "larger than %zu bytes "
			    "(--max-bytes); skipped", opts.max_bytes);
			pbuf_free(&j.html);
			nfailed++;
			return 1;
		}
		/* A read error (a truncated .gz): the source said what;
		 * the part that was read still goes through. */
		failed = 1;
	}
	j.url = dup_or_null(opt_url);
	j.text = force_text;
	run_job(&j, pith_src_name(src));
	failed |= j.failed;
	job_finish(&j);
	job_clear(&j);
	pbuf_free(&j.html);
	pbuf_free(&j.out);
	return failed;
}

int
main(int argc, char *argv[])
{
	enum { OPT_VERSION = 256, OPT_PRECISION, OPT_RECALL, OPT_KEEP,
		OPT_DROP, OPT_ALL, OPT_EXPLAIN, OPT_URL, OPT_MAXBYTES, OPT_TEXT,
		OPT_STATE };
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"jobs", required_argument, NULL, 'j'},
		{"precision", no_argument, NULL, OPT_PRECISION},
		{"recall", no_argument, NULL, OPT_RECALL},
		{"keep", required_argument, NULL, OPT_KEEP},
		{"drop", required_argument, NULL, OPT_DROP},
		{"all", no_argument, NULL, OPT_ALL},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"text", no_argument, NULL, OPT_TEXT},
		{"state", required_argument, NULL, OPT_STATE},
		{"url", required_argument, NULL, OPT_URL},
		{"max-bytes", required_argument, NULL, OPT_MAXBYTES},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0}
	};
	unsigned long threads = 1;
	int c, i, failed = 0;
	unsigned keep_set = 0, drop_set = 0;
	const char *state_path = NULL;

	pith_cli_init(argv[0]);
	opts.max_bytes = PITH_MAX_BYTES_DEFAULT;
	opts.keep = PITH_KEEP_TABLES | PITH_KEEP_CAPTIONS;
	while ((c = getopt_long(argc, argv, "f:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = PITH_FMT_TEXT;
			else if (strcmp(optarg, "markdown") == 0 ||
			    strcmp(optarg, "md") == 0)
				format = PITH_FMT_MARKDOWN;
			else if (strcmp(optarg, "json") == 0)
				format = PITH_FMT_JSON;
			else if (strcmp(optarg, "warc") == 0)
				format = PITH_FMT_WARC;
			else {
				pith_warnx(NULL, "unknown format '%s'", optarg);
				pith_usage(usage, 0);
			}
			break;
		case 'j':
			if (pith_parse_uint(optarg, 64, &threads) == -1 ||
			    threads == 0) {
				pith_warnx(NULL, "-j wants 1 to 64, not '%s'",
				    optarg);
				pith_usage(usage, 0);
			}
			break;
		case OPT_PRECISION:
			opts.bias = 1;
			break;
		case OPT_RECALL:
			opts.bias = -1;
			break;
		case OPT_KEEP:
			keep_set |= parse_keep(optarg);
			drop_set &= ~keep_set;
			break;
		case OPT_DROP:
			drop_set |= parse_keep(optarg);
			keep_set &= ~drop_set;
			break;
		case OPT_ALL:
			opts.all = 1;
			break;
		case OPT_EXPLAIN:
			opts.explain = 1;
			break;
		case OPT_URL:
			opt_url = optarg;
			break;
		case OPT_TEXT:
			force_text = 1;
			break;
		case OPT_STATE:
			state_path = optarg;
			break;
		case OPT_MAXBYTES:
			if (pith_parse_size(optarg, &opts.max_bytes) == -1) {
				pith_warnx(NULL, "bad size '%s'", optarg);
				pith_usage(usage, 0);
			}
			break;
		case 'h':
			pith_usage(usage, 1);
		case OPT_VERSION:
			pith_print_version();
		default:
			pith_usage(usage, 0);
		}
	}
	argc -= optind;
	argv += optind;
	opts.markdown = format == PITH_FMT_MARKDOWN;
	/* Markdown has room for link targets: kept unless dropped. */
	if (opts.markdown)
		opts.keep |= PITH_KEEP_LINKS;
	opts.keep = (opts.keep | keep_set) & ~drop_set;
	/* Site templates: learned over the documents of this run, and
	 * across runs with --state. */
	templates = pith_templates_open(state_path);
	if (templates == NULL)
		pith_die(PITH_EXIT_FAIL, state_path, "cannot read state file");
	if (format == PITH_FMT_WARC && !opts.explain) {
		struct pbuf info = PBUF_INIT;

		pith_strip_warcinfo(&info, "pith-strip " PITH_VERSION);
		pith_out_write(&pith_stdout, info.p, info.len);
		pbuf_free(&info);
	}
	for (i = 0; i < (argc ? argc : 1); i++) {
		struct pith_src *src = pith_src_open(argc ? argv[i] : "-");

		if (src == NULL) {
			failed = 1;
			continue;
		}
		if (pith_src_is_warc(src))
			failed |= strip_warc(src, (unsigned)threads);
		else
			failed |= strip_plain(src);
		pith_src_close(src);
	}
	pith_out_close(&pith_stdout);
	if (state_path && pith_templates_save(templates) == -1) {
		pith_warn(state_path, "cannot save state");
		failed = 1;
	}
	pith_templates_close(templates);
	if (nskipped || (ndocs > 1 && (nfailed || nempty)))
		pith_warnx(NULL, "%zu documents, %zu without main content, "
		    "%zu failed, %zu records skipped (not HTML responses)",
		    ndocs, nempty, nfailed, nskipped);
	if (nempty && (format == PITH_FMT_JSON || format == PITH_FMT_WARC))
		failed = 1;
	return failed ? PITH_EXIT_FAIL : PITH_EXIT_OK;
}
