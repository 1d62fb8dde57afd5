/* pith-normalize: text in, canonical and repaired text out. Plain text
 * is normalized as it streams; a WARC stream has the block of each text
 * record normalized and the other records passed through. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "encoding.h"
#include "normalize.h"
#include "out.h"
#include "record.h"
#include "src.h"
#include "warc.h"

static const char usage[] =
    "pith-normalize [--nfc | --nfd | --nfkc | --nfkd] [--casefold]\n"
    "\t[--keep-space] [--keep-bidi] [--no-mojibake] [--no-entities]\n"
    "\t[--no-repair] [--strict] [--ascii-quotes] [--ascii-punct]\n"
    "\t[--fullwidth] [--ligatures] [--max-bytes size] [--stats]\n"
    "\t[-h] [--version] [file ...]";

enum {
	OPT_NFC = 256, OPT_NFD, OPT_NFKC, OPT_NFKD, OPT_CASEFOLD,
	OPT_KEEP_SPACE, OPT_KEEP_BIDI, OPT_NO_MOJIBAKE, OPT_NO_ENTITIES,
	OPT_NO_REPAIR, OPT_STRICT, OPT_ASCII_QUOTES, OPT_ASCII_PUNCT,
	OPT_FULLWIDTH, OPT_LIGATURES, OPT_MAX_BYTES, OPT_STATS, OPT_VERSION
};

static struct pith_norm_opts opts;
static int strict, show_stats;
static size_t max_bytes = PITH_MAX_BYTES_DEFAULT;

static void
report(const char *name, const struct pith_norm_stats *st)
{
	if (st->invalid > 0 && !strict)
		pith_warnx(name, "%llu invalid UTF-8 sequence%s replaced by "
		    "U+FFFD", (unsigned long long)st->invalid,
		    st->invalid == 1 ? "" : "s");
	if (show_stats)
		pith_warnx(name, "%llu lines, %llu mojibake sequences "
		    "repaired, %llu character references decoded, %llu "
		    "characters removed, %llu invalid",
		    (unsigned long long)st->lines,
		    (unsigned long long)st->mojibake,
		    (unsigned long long)st->entities,
		    (unsigned long long)st->removed,
		    (unsigned long long)st->invalid);
}

/* Plain text, streamed. Under --strict a line with invalid UTF-8 ends
 * the file: what came before it has been written. */
static int
do_plain(struct pith_src *src, struct pith_norm *n)
{
	struct pbuf in = PBUF_INIT, out = PBUF_INIT;
	const struct pith_norm_stats *st = pith_norm_stats(n);
	int rc = 0;
	long got;

	pbuf_reserve(&in, 1 << 16);
	for (;;) {
		if (strict)
			got = pith_src_getline(src, &in, (size_t)1 << 20);
		else
			got = pith_src_read(src, in.p, 1 << 16);
		if (got <= 0) {
			rc = got < 0 ? -1 : 0;
			break;
		}
		pith_norm_feed(n, in.p, (size_t)got, &out);
		if (strict && st->invalid > 0) {
			pith_warnx(pith_src_name(src), "line %llu: invalid "
			    "UTF-8", (unsigned long long)st->first_invalid_line);
			pbuf_free(&in);
			pbuf_free(&out);
			return -1;
		}
		pith_out_write(&pith_stdout, out.p, out.len);
		pbuf_reset(&out);
	}
	if (rc == 0) {
		pith_norm_finish(n, &out);
		pith_out_write(&pith_stdout, out.p, out.len);
	}
	pith_out_flush(&pith_stdout);
	pbuf_free(&in);
	pbuf_free(&out);
	return rc;
}

/* Plain text only: markup, Markdown or JSON would be damaged by the
 * whitespace rules or by decoded references. */
static int
is_text_type(const char *media_type)
{
	return strcmp(media_type, "text/plain") == 0;
}

/* Normalizes a text block in `charset` into out; -1 under --strict when
 * it held invalid UTF-8. */
static int
normalize_block(struct pith_norm *n, const unsigned char *data, size_t len,
    const char *charset, struct pbuf *out)
{
	struct pbuf utf8 = PBUF_INIT;
	const char *enc = NULL;

	pith_norm_clear_stats(n);
	if (charset[0] != '\0')
		enc = pith_encoding_for_label(charset, strlen(charset));
	if (enc != NULL && strcmp(enc, "UTF-8") != 0) {
		pith_decode(enc, data, len, &utf8);
		data = (const unsigned char *)utf8.p;
		len = utf8.len;
	}
	pith_norm_feed(n, data, len, out);
	pith_norm_finish(n, out);
	pbuf_free(&utf8);
	return strict && pith_norm_stats(n)->invalid > 0 ? -1 : 0;
}

static void
write_record(struct pith_src *src, const struct pith_headers *h,
    const void *block, size_t len)
{
	struct pbuf rec = PBUF_INIT;

	if (pith_src_is_gzip(src))
		pith_warc_write_gz(&rec, h, block, len);
	else
		pith_warc_write(&rec, h, block, len);
	pith_out_write(&pith_stdout, rec.p, rec.len);
	pith_out_flush(&pith_stdout);
	pbuf_free(&rec);
}

/* Headers for the rewritten record: the same, less what described the
 * old block (pith_warc_write recomputes the length and block digest). */
static void
copy_headers(const struct pith_warc_record *rec, struct pith_headers *h,
    int had_payload_digest, const void *payload, size_t plen)
{
	size_t i;
	char digest[40];

	for (i = 0; i < rec->headers.n; i++) {
		const char *name = rec->headers.v[i].name;

		if (strcasecmp(name, "Content-Length") == 0 ||
		    strcasecmp(name, "WARC-Block-Digest") == 0 ||
		    strcasecmp(name, "WARC-Payload-Digest") == 0)
			continue;
		pith_headers_add(h, name, rec->headers.v[i].value);
	}
	if (had_payload_digest) {
		pith_warc_digest(payload, plen, digest);
		pith_headers_add(h, "WARC-Payload-Digest", digest);
	}
}

/* A response record: the HTTP message again, with the normalized body
 * and headers that describe it. */
static void
http_message(const struct pith_http_response *resp, const struct pbuf *body,
    struct pbuf *msg)
{
	size_t i;

	pbuf_printf(msg, "HTTP/1.1 %d %s\r\n", resp->status, resp->reason);
	for (i = 0; i < resp->headers.n; i++) {
		const char *name = resp->headers.v[i].name;

		if (strcasecmp(name, "Content-Length") == 0 ||
		    strcasecmp(name, "Transfer-Encoding") == 0 ||
		    strcasecmp(name, "Content-Encoding") == 0 ||
		    strcasecmp(name, "Content-Type") == 0)
			continue;
		pbuf_printf(msg, "%s: %s\r\n", name, resp->headers.v[i].value);
	}
	pbuf_printf(msg, "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: %zu\r\n\r\n", body->len);
	pbuf_append(msg, body->p, body->len);
}

static int
do_warc(struct pith_src *src, struct pith_norm *n)
{
	struct pith_warc_reader *r = pith_warc_reader_new(src, max_bytes);
	struct pith_warc_record rec;
	struct pith_norm_stats total = {0};
	int got, failed = 0;

	memset(&rec, 0, sizeof rec);
	while ((got = pith_warc_next(r, &rec)) == 1) {
		struct pith_payload pl;
		const char *err = NULL;
		int text = 0, is_response = strcmp(rec.type, "response") == 0;
		struct pbuf body = PBUF_INIT, msg = PBUF_INIT;
		struct pith_headers h = {0};
		const struct pith_norm_stats *st;

		if (strcmp(rec.type, "conversion") == 0 ||
		    strcmp(rec.type, "resource") == 0 || is_response) {
			if (pith_record_payload(&rec, max_bytes, &pl, &err) ==
			    0)
				text = is_text_type(pl.media_type) ||
				    (strcmp(rec.type, "conversion") == 0 &&
				    pl.media_type[0] == '\0');
			else
				pith_warnx(pith_src_name(src), "record %llu: %s; "
				    "passed through",
				    (unsigned long long)rec.number, err);
		} else
			memset(&pl, 0, sizeof pl);
		if (!text) {
			write_record(src, &rec.headers, rec.block,
			    rec.block_len);
			pith_payload_free(&pl);
			continue;
		}
		if (normalize_block(n, pl.data, pl.len, pl.charset,
		    &body) < 0) {
			pith_warnx(pith_src_name(src), "record %llu: invalid "
			    "UTF-8; skipped", (unsigned long long)rec.number);
			failed = 1;
		} else {
			int had = pith_headers_get(&rec.headers,
			    "WARC-Payload-Digest") != NULL;

			copy_headers(&rec, &h, had, body.p, body.len);
			if (is_response && pl.http_status != 0) {
				http_message(&pl.http, &body, &msg);
				write_record(src, &h, msg.p, msg.len);
			} else {
				if (strcmp(rec.type, "conversion") != 0 &&
				    pl.charset[0] != '\0')
					pith_headers_set(&h, "Content-Type",
					    "text/plain; charset=utf-8");
				write_record(src, &h, body.p, body.len);
			}
		}
		st = pith_norm_stats(n);
		total.lines += st->lines;
		total.invalid += st->invalid;
		total.mojibake += st->mojibake;
		total.entities += st->entities;
		total.removed += st->removed;
		pith_headers_clear(&h);
		free(h.v);
		pbuf_free(&body);
		pbuf_free(&msg);
		pith_payload_free(&pl);
	}
	if (got < 0 || pith_warc_errors(r) > 0)
		failed = 1;
	pith_warc_record_clear(&rec);
	pith_warc_reader_free(r);
	report(pith_src_name(src), &total);
	return failed ? -1 : 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"nfc", no_argument, NULL, OPT_NFC},
		{"nfd", no_argument, NULL, OPT_NFD},
		{"nfkc", no_argument, NULL, OPT_NFKC},
		{"nfkd", no_argument, NULL, OPT_NFKD},
		{"casefold", no_argument, NULL, OPT_CASEFOLD},
		{"keep-space", no_argument, NULL, OPT_KEEP_SPACE},
		{"keep-bidi", no_argument, NULL, OPT_KEEP_BIDI},
		{"no-mojibake", no_argument, NULL, OPT_NO_MOJIBAKE},
		{"no-entities", no_argument, NULL, OPT_NO_ENTITIES},
		{"no-repair", no_argument, NULL, OPT_NO_REPAIR},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"ascii-quotes", no_argument, NULL, OPT_ASCII_QUOTES},
		{"ascii-punct", no_argument, NULL, OPT_ASCII_PUNCT},
		{"fullwidth", no_argument, NULL, OPT_FULLWIDTH},
		{"ligatures", no_argument, NULL, OPT_LIGATURES},
		{"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
		{"stats", no_argument, NULL, OPT_STATS},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0}
	};
	struct pith_norm *n;
	int c, i, status = PITH_EXIT_OK;

	pith_cli_init(argv[0]);
	pith_norm_defaults(&opts);
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_NFC: opts.form = PITH_NFC; break;
		case OPT_NFD: opts.form = PITH_NFD; break;
		case OPT_NFKC: opts.form = PITH_NFKC; break;
		case OPT_NFKD: opts.form = PITH_NFKD; break;
		case OPT_CASEFOLD: opts.casefold = 1; break;
		case OPT_KEEP_SPACE: opts.keep_space = 1; break;
		case OPT_KEEP_BIDI: opts.keep_bidi = 1; break;
		case OPT_NO_MOJIBAKE: opts.mojibake = 0; break;
		case OPT_NO_ENTITIES: opts.entities = 0; break;
		case OPT_NO_REPAIR: opts.mojibake = opts.entities = 0; break;
		case OPT_STRICT: strict = 1; break;
		case OPT_ASCII_QUOTES: opts.ascii_quotes = 1; break;
		case OPT_ASCII_PUNCT: opts.ascii_punct = 1; break;
		case OPT_FULLWIDTH: opts.fullwidth = 1; break;
		case OPT_LIGATURES: opts.ligatures = 1; break;
		case OPT_STATS: show_stats = 1; break;
		case OPT_MAX_BYTES:
			if (pith_parse_size(optarg, &max_bytes) == -1)
				pith_die(PITH_EXIT_USAGE, NULL,
				    "bad --max-bytes: %s", optarg);
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
	n = pith_norm_new(&opts);
	for (i = 0; i < (argc ? argc : 1); i++) {
		struct pith_src *src = pith_src_open(argc ? argv[i] : "-");
		int rc;

		if (src == NULL) {
			status = PITH_EXIT_FAIL;
			continue;
		}
		pith_norm_clear_stats(n);
		if (pith_src_is_warc(src))
			rc = do_warc(src, n);
		else {
			rc = do_plain(src, n);
			report(pith_src_name(src), pith_norm_stats(n));
		}
		if (rc < 0)
			status = PITH_EXIT_FAIL;
		pith_src_close(src);
	}
	pith_norm_free(n);
	pith_out_close(&pith_stdout);
	return status;
}
