/* The WARC conformance samples in ../shared/conformance/warc (see its
 * README.md): the good files give exactly their listed records, the
 * broken ones are reported and still give their good records, and the
 * block and payload digests check where the files carry them. Skipped
 * when ../shared is absent. */
#include "cli.h"
#include "streams_util.h"
#include "tap.h"
#include "warc.h"

#define MAXB	(64 << 20)

/* pith's choices for the odd files, from the README's descriptions:
 * - a whole-file gzip (one member) is read as a stream: all records;
 * - a record whose block does not end in CRLF CRLF (a Content-Length
 *   that does not match) is reported and skipped;
 * - ARC files are not WARC: one "not a WARC record" error, no records. */
static const struct sample {
	const char *file;
	const char *types;
	int errors;
	int bad_blocks;		/* block digests that must fail */
} samples[] = {
	{ "example.warc", "warcinfo,warcinfo,response,request,revisit,"
	    "request,", 0, 0 },
	{ "example.warc.gz", "warcinfo,warcinfo,response,request,revisit,"
	    "request,", 0, 0 },
	{ "example-iana.org-chunked.warc", "warcinfo,response,request,", 0, 0 },
	{ "example-resource.warc.gz", "warcinfo,warcinfo,resource,", 0, 0 },
	{ "example-digest.warc", "request,request,request,request,", 0, 0 },
	{ "post-test.warc.gz", "response,request,response,request,response,"
	    "request,", 0, 0 },
	{ "example-space-in-target-uri.warc.gz", "warcinfo,resource,", 0, 0 },
	{ "example-wget-bad-target-uri.warc.gz", "warcinfo,request,response,"
	    "metadata,resource,resource,", 0, 0 },
	/* Its revisit has the same block as example.warc's but another
	   WARC-Block-Digest (DVRK... for W5NM...): the file's own error. */
	{ "example-bad-non-chunked.warc.gz", "warcinfo,warcinfo,response,"
	    "request,revisit,request,", 0, 1 },
	{ "example-bad.warc.gz.bad", "warcinfo,response,request,revisit,"
	    "request,response,", 0, 0 },
	{ "example-trunc.warc", "warcinfo,warcinfo,request,", 1, 0 },
	{ "example-wrong-chunks.warc.gz", "request,", 1, 0 },
	{ "example.arc", "", 1, 0 },
	{ "example.arc.gz", "", 1, 0 },
	{ "example-space-in-url.arc", "", 1, 0 },
	{ "bad.arc", "", 1, 0 },
};

/* The HTTP payload as archived: the bytes after the header's blank
 * line (what WARC-Payload-Digest covers). */
static const unsigned char *
http_payload(const struct pith_warc_record *rec, size_t *len)
{
	size_t i;

	for (i = 0; i + 3 < rec->block_len; i++)
		if (memcmp(rec->block + i, "\r\n\r\n", 4) == 0) {
			*len = rec->block_len - i - 4;
			return rec->block + i + 4;
		}
	return NULL;
}

int
main(void)
{
	const char *sh = tap_shared();
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_src *s;
	char path[4096], types[512];
	const char *d, *text;
	const unsigned char *pay;
	size_t i, plen;
	int nblock, bad_block, npay, bad_pay, first_bad_pay;

	pith_cli_init("test_warc_shared");
	if (sh == NULL)
		tap_skip("../shared absent");
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		snprintf(path, sizeof path, "%s/conformance/warc/%s", sh,
		    samples[i].file);
		su_capture_begin();
		s = pith_src_open(path);
		if (s == NULL) {
			(void)su_capture_end();
			tap_ok(0, "%s opens", samples[i].file);
			continue;
		}
		r = pith_warc_reader_new(s, MAXB);
		types[0] = '\0';
		nblock = bad_block = npay = bad_pay = 0;
		first_bad_pay = 0;
		while (pith_warc_next(r, &rec) == 1) {
			if (strlen(types) + strlen(rec.type) + 2 < sizeof types) {
				strcat(types, rec.type);
				strcat(types, ",");
			}
			d = pith_headers_get(&rec.headers, "WARC-Block-Digest");
			if (d != NULL) {
				nblock++;
				if (pith_warc_digest_check(d, rec.block,
				    rec.block_len) != 1)
					bad_block++;
			}
			d = pith_headers_get(&rec.headers, "WARC-Payload-Digest");
			/* A revisit's payload digest is the original's. */
			if (d != NULL && strcmp(rec.type, "revisit") != 0 &&
			    (pay = http_payload(&rec, &plen)) != NULL) {
				npay++;
				if (pith_warc_digest_check(d, pay, plen) != 1) {
					bad_pay++;
					if (!first_bad_pay)
						first_bad_pay = (int)rec.number;
				}
			}
		}
		tap_is(types, samples[i].types, "%s: record types",
		    samples[i].file);
		tap_is_int(pith_warc_errors(r), samples[i].errors,
		    "%s: %d error(s)", samples[i].file, samples[i].errors);
		pith_warc_reader_free(r);
		pith_src_close(s);
		text = su_capture_end();
		if (samples[i].errors > 0)
			tap_ok(strstr(text, samples[i].file) != NULL &&
			    strstr(text, ": record ") != NULL,
			    "%s: reported as \"%.60s\"", samples[i].file, text);
		if (nblock > 0)
			tap_is_int(bad_block, samples[i].bad_blocks,
			    "%s: %d block digest(s) checked, %d must fail",
			    samples[i].file, nblock, samples[i].bad_blocks);
		if (strcmp(samples[i].file, "example-digest.warc") == 0) {
			tap_ok(npay == 4 && bad_pay == 1 && first_bad_pay == 1,
			    "%s: only record 1's payload digest fails",
			    samples[i].file);
		} else if (npay > 0)
			tap_is_int(bad_pay, 0, "%s: %d payload digest(s) check",
			    samples[i].file, npay);
	}
	return tap_done();
}
