/* WARC writing and reading: field generation, round trips (plain and
 * gzip), and every way a record can be damaged. */
#include <ctype.h>

#include "cli.h"
#include "streams_util.h"
#include "tap.h"
#include "record.h"
#include "warc.h"

#define MAXB	(1 << 20)

struct result {
	int records;
	int errors;
	char types[512];	/* "warcinfo,response," */
	char stderr_text[4096];
};

/* Reads a file with the WARC reader; collects types and the messages. */
static void
read_file(const char *path, size_t max_block, struct result *res)
{
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_src *s;
	int rc;

	memset(res, 0, sizeof *res);
	su_capture_begin();
	s = pith_src_open(path);
	if (s == NULL) {
		snprintf(res->stderr_text, sizeof res->stderr_text, "%s",
		    su_capture_end());
		res->errors = -1;
		return;
	}
	r = pith_warc_reader_new(s, max_block);
	while ((rc = pith_warc_next(r, &rec)) == 1) {
		res->records++;
		if (strlen(res->types) + strlen(rec.type) + 2 <
		    sizeof res->types) {
			strcat(res->types, rec.type);
			strcat(res->types, ",");
		}
		if (res->records > 10000)
			break;
	}
	res->errors = (int)pith_warc_errors(r);
	pith_warc_record_clear(&rec);
	pith_warc_reader_free(r);
	pith_src_close(s);
	snprintf(res->stderr_text, sizeof res->stderr_text, "%s",
	    su_capture_end());
}

static void
read_bytes(const char *data, size_t len, size_t max_block,
    struct result *res)
{
	char path[512];

	snprintf(path, sizeof path, "%s", su_write("in.warc", data, len));
	read_file(path, max_block, res);
}

static void
test_fields(void)
{
	char id[48], id2[48], date[32], dig[40];
	int ok, i;

	pith_warc_digest("", 0, dig);
	tap_is(dig, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
	    "digest of the empty string");
	pith_warc_digest("abc", 3, dig);
	tap_is(dig, "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", "digest of abc");
	tap_is_int(pith_warc_digest_check(
	    "sha1:a9993e364706816aba3e25717850c26c9cd0d89d", "abc", 3), 1,
	    "hex digest accepted");
	tap_is_int(pith_warc_digest_check("sha1:qZk+NkcGgWq6PiVxeFDCbJzQ2J0=",
	    "abc", 3), 1, "base64 digest accepted");
	tap_is_int(pith_warc_digest_check("sha1:qZk-NkcGgWq6PiVxeFDCbJzQ2J0",
	    "abc", 3), 1, "URL-safe base64 without padding accepted");
	tap_is_int(pith_warc_digest_check(
	    "SHA1:vgmt4nsha2awvor6evyxqugcnsonbwe5", "abc", 3), 1,
	    "lower-case base32 accepted");
	tap_is_int(pith_warc_digest_check(
	    "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", "abd", 3), 0,
	    "wrong data fails");
	tap_is_int(pith_warc_digest_check("md5:abc", "abc", 3), -1,
	    "other algorithms are unknown");
	tap_is_int(pith_warc_digest_check("sha1:VGMT4NSHA2!!", "abc", 3), -1,
	    "garbage digest is unknown");

	pith_warc_new_id(id);
	pith_warc_new_id(id2);
	ok = strlen(id) == 47 && strncmp(id, "<urn:uuid:", 10) == 0 &&
	    id[46] == '>' && id[18] == '-' && id[23] == '-' && id[24] == '4' &&
	    id[28] == '-' && strchr("89ab", id[29]) != NULL && id[33] == '-';
	for (i = 10; i < 46; i++)
		if (id[i] != '-' && !isxdigit((unsigned char)id[i]))
			ok = 0;
	tap_ok(ok, "record ID is a v4 UUID URN: %s", id);
	tap_ok(strcmp(id, id2) != 0, "two IDs differ");
	pith_warc_now(date);
	tap_ok(strlen(date) == 20 && date[4] == '-' && date[10] == 'T' &&
	    date[19] == 'Z' && strncmp(date, "20", 2) == 0,
	    "date is ISO 8601 UTC: %s", date);
}

static void
test_write(void)
{
	struct pith_headers h = { 0 };
	struct pbuf out = PBUF_INIT;
	char dig[40], want[128];

	pith_headers_add(&h, "WARC-Type", "resource");
	pith_headers_add(&h, "WARC-Target-URI", "http://x/\r\nEvil: 1");
	pith_headers_add(&h, "Content-Type", "text/plain");
	pith_headers_add(&h, "Content-Length", "999");
	pith_warc_write(&out, &h, "hello", 5);
	tap_ok(strncmp(out.p, "WARC/1.1\r\nWARC-Type: resource\r\n"
	    "WARC-Record-ID: <urn:uuid:", 57) == 0,
	    "version line, then WARC-Type, then the generated ID");
	tap_ok(strstr(out.p, "\r\nWARC-Date: 20") != NULL, "date added");
	/* Not a bare "999": the random record ID may hold those digits. */
	tap_ok(strstr(out.p, "\r\nContent-Length: 5\r\n") != NULL &&
	    strstr(out.p, "Content-Length: 999") == NULL,
	    "Content-Length recomputed");
	pith_warc_digest("hello", 5, dig);
	snprintf(want, sizeof want, "\r\nWARC-Block-Digest: %s\r\n", dig);
	tap_ok(strstr(out.p, want) != NULL, "block digest added");
	tap_ok(strstr(out.p, "\r\nEvil") == NULL,
	    "a line break in a value cannot forge a field");
	tap_ok(out.len > 9 && memcmp(out.p + out.len - 9, "hello\r\n\r\n", 9)
	    == 0, "block, then CRLF CRLF");

	{
		struct pith_headers c = { 0 };

		pith_headers_copy(&c, &h);
		tap_ok(c.n == h.n && c.v[3].value != h.v[3].value &&
		    strcmp(c.v[3].value, "999") == 0, "headers copied deeply");
		pith_headers_clear(&c);
	}
	pith_headers_set(&h, "content-type", "text/html");
	tap_is(pith_headers_get(&h, "CONTENT-TYPE"), "text/html",
	    "set replaces case-insensitively");
	pith_headers_del(&h, "Content-Type");
	tap_ok(pith_headers_get(&h, "Content-Type") == NULL, "del removes");
	tap_is_int(h.n, 3, "others stay");
	pith_headers_clear(&h);
	pbuf_free(&out);
}

/* Records for the round trips: empty, binary with CRLF CRLF and a
 * version line inside, large, and one without the generated fields. */
#define NREC 5
static void
make_block(int i, struct pbuf *b)
{
	size_t k;

	pbuf_reset(b);
	switch (i) {
	case 0:
		pbuf_puts(b, "software: pith test\r\nformat: WARC/1.1\r\n");
		break;
	case 1:
		pbuf_append(b, "", 0);
		break;
	case 2:
		pbuf_append(b, "\0\1\2\r\n\r\nWARC/1.1\r\nX: y\r\n\r\n\0", 25);
		break;
	case 3:
		for (k = 0; k < 300000; k++)
			pbuf_putc(b, (int)("pith\n"[k % 5]));
		break;
	default:
		pbuf_puts(b, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
		    "<p>hi</p>");
	}
}

static void
make_headers(int i, struct pith_headers *h)
{
	static const char *types[] = { "warcinfo", "resource", "metadata",
	    "conversion", "response" };
	char id[48], date[32];

	pith_headers_clear(h);
	pith_headers_add(h, "WARC-Type", types[i]);
	if (i == 4)
		return;		/* the writer fills in the rest */
	pith_warc_new_id(id);
	pith_warc_now(date);
	pith_headers_add(h, "WARC-Record-ID", id);
	pith_headers_add(h, "WARC-Date", date);
	pith_headers_add(h, "WARC-Target-URI", "http://example.org/a b");
	pith_headers_add(h, "Content-Type", "application/octet-stream");
	pith_headers_add(h, "WARC-Block-Digest", "sha1:AAAA");
	pith_headers_add(h, "Content-Length", "0");
}

static void
test_round_trip(int gz)
{
	struct pith_headers hs[NREC];
	struct pbuf file = PBUF_INIT, block = PBUF_INIT;
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_src *s;
	size_t starts[NREC], j;
	char clen[32];
	int i, n = 0, same_h = 1, same_b = 1, offs = 1, digest_ok = 1;
	const char *name = gz ? "rt.warc.gz" : "rt.warc";

	memset(hs, 0, sizeof hs);
	for (i = 0; i < NREC; i++) {
		make_headers(i, &hs[i]);
		make_block(i, &block);
		if (i != 4) {
			snprintf(clen, sizeof clen, "%zu", block.len);
			pith_headers_set(&hs[i], "Content-Length", clen);
		}
		starts[i] = file.len;
		if (gz)
			pith_warc_write_gz(&file, &hs[i], block.p, block.len);
		else
			pith_warc_write(&file, &hs[i], block.p, block.len);
	}
	s = pith_src_open(su_write(name, file.p, file.len));
	r = pith_warc_reader_new(s, MAXB);
	while (pith_warc_next(r, &rec) == 1 && n < NREC) {
		make_block(n, &block);
		if (strcmp(rec.version, "WARC/1.1") != 0)
			same_h = 0;
		if (n != 4) {
			if (rec.headers.n != hs[n].n)
				same_h = 0;
			for (j = 0; same_h && j < rec.headers.n; j++)
				if (strcmp(rec.headers.v[j].name,
				    hs[n].v[j].name) != 0 ||
				    strcmp(rec.headers.v[j].value,
				    hs[n].v[j].value) != 0)
					same_h = 0;
		} else {
			digest_ok = pith_warc_digest_check(pith_headers_get(
			    &rec.headers, "WARC-Block-Digest"), rec.block,
			    rec.block_len) == 1 &&
			    pith_headers_get(&rec.headers, "WARC-Date") &&
			    pith_headers_get(&rec.headers, "WARC-Record-ID");
		}
		if (rec.block_len != block.len ||
		    memcmp(rec.block, block.p, block.len) != 0)
			same_b = 0;
		if (rec.offset != starts[n] || rec.number != (uint64_t)n + 1)
			offs = 0;
		n++;
	}
	tap_is_int(n, NREC, "%s: all records read back", name);
	tap_is_int(pith_warc_errors(r), 0, "%s: no errors", name);
	tap_ok(same_h, "%s: identical headers, in order", name);
	tap_ok(same_b, "%s: identical blocks", name);
	tap_ok(offs, "%s: record numbers and offsets", name);
	tap_ok(digest_ok, "%s: generated fields read back and the digest "
	    "checks", name);
	pith_warc_reader_free(r);
	pith_src_close(s);
	for (i = 0; i < NREC; i++)
		pith_headers_clear(&hs[i]);
	pbuf_free(&file);
	pbuf_free(&block);
}

static const char *small_warc =
    "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"
    "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: <http://a/>\r\n"
    "Content-Length: 3\r\n\r\nxyz\r\n\r\n"
    "WARC/1.1\r\nWARC-Type: metadata\r\nContent-Length: 0\r\n\r\n\r\n\r\n";

/* A record cut at every byte: no crash, the complete records before the
 * cut, and exactly one error unless the cut falls between records. */
static void
test_truncation(void)
{
	size_t len = strlen(small_warc), cut, bounds[4], nb = 0, k;
	const char *p = small_warc;
	struct pbuf gz = PBUF_INIT;
	size_t gzb[4];
	struct result res;
	int bad = 0, complete, at_bound;

	bounds[nb++] = 0;
	while ((p = strstr(p + 1, "WARC/1.")) != NULL)
		bounds[nb++] = (size_t)(p - small_warc);
	bounds[nb] = len;
	for (cut = 0; cut <= len; cut++) {
		read_bytes(small_warc, cut, MAXB, &res);
		complete = 0;
		at_bound = 0;
		for (k = 1; k <= nb; k++)
			if (bounds[k] <= cut)
				complete = (int)k;
		for (k = 0; k <= nb; k++)
			if (bounds[k] == cut)
				at_bound = 1;
		if (res.records != complete || res.errors != (at_bound ? 0 : 1)) {
			if (bad++ < 5)
				printf("# cut %zu: %d records, %d errors\n", cut,
				    res.records, res.errors);
		}
	}
	tap_is_int(bad, 0, "plain WARC cut at each of %zu bytes", len + 1);

	/* The same as gzip members, cut at every compressed byte. */
	for (k = 0; k < nb; k++) {
		gzb[k] = gz.len;
		su_gzip(&gz, small_warc + bounds[k], bounds[k + 1] - bounds[k]);
	}
	gzb[nb] = gz.len;
	bad = 0;
	for (cut = 0; cut <= gz.len; cut++) {
		read_bytes(gz.p, cut, MAXB, &res);
		complete = 0;
		at_bound = 0;
		for (k = 1; k <= nb; k++)
			if (gzb[k] <= cut)
				complete = (int)k;
		for (k = 0; k <= nb; k++)
			if (gzb[k] == cut)
				at_bound = 1;
		/* A cut in a member's 8-byte gzip trailer comes after the
		   record's bytes: the record may be read, then the error. */
		if (at_bound ? res.records != complete || res.errors != 0 :
		    res.errors < 1 || res.records < complete ||
		    res.records > complete + 1) {
			if (bad++ < 5)
				printf("# gz cut %zu: %d records, %d errors\n",
				    cut, res.records, res.errors);
		}
	}
	tap_is_int(bad, 0, "gzip WARC cut at each of %zu bytes", gz.len + 1);
	pbuf_free(&gz);
}

static void
test_damage(void)
{
	struct pbuf in = PBUF_INIT;
	struct result res;
	unsigned int seed = 7;
	int i;

	read_bytes("", 0, MAXB, &res);
	tap_ok(res.records == 0 && res.errors == 0, "empty input: nothing, "
	    "no error");

	for (i = 0; i < 65536; i++) {
		seed = seed * 1103515245 + 12345;
		pbuf_putc(&in, (int)(seed >> 16));
	}
	read_bytes(in.p, in.len, MAXB, &res);
	tap_ok(res.records == 0 && res.errors >= 1, "random bytes: an error, "
	    "no record");

	read_bytes(small_warc, strlen(small_warc), MAXB, &res);
	tap_ok(res.records == 3 && res.errors == 0 &&
	    strcmp(res.types, "warcinfo,resource,metadata,") == 0,
	    "the small WARC reads cleanly");

	/* Garbage before, between and after records. */
	pbuf_reset(&in);
	pbuf_puts(&in, "junk line\n");
	pbuf_puts(&in, small_warc);
	pbuf_puts(&in, "\r\n\r\nmore junk WARC/1.1\r\n");
	pbuf_puts(&in, small_warc);
	pbuf_puts(&in, "trailing");
	read_bytes(in.p, in.len, MAXB, &res);
	tap_ok(res.records == 6 && res.errors == 3, "garbage around records: "
	    "%d records, %d errors", res.records, res.errors);
	tap_ok(strstr(res.stderr_text, "test_warc: ") != NULL &&
	    strstr(res.stderr_text, "in.warc: record 1 at byte offset 0: "
	    "not a WARC record") != NULL, "message names file, record and "
	    "offset");

#define BAD_THEN_GOOD(cl, what) do { \
	pbuf_reset(&in); \
	pbuf_puts(&in, "WARC/1.1\r\nWARC-Type: resource\r\n" cl \
	    "\r\nabc\r\n\r\n"); \
	pbuf_puts(&in, small_warc); \
	read_bytes(in.p, in.len, MAXB, &res); \
	tap_ok(res.records == 3 && res.errors == 1 && \
	    strstr(res.stderr_text, "record 1 at byte offset 0: " what) \
	    != NULL, "%s: reported, the rest read", what); \
	if (res.records != 3 || res.errors != 1) \
		printf("# %d records, %d errors: %s\n", res.records, \
		    res.errors, res.stderr_text); \
} while (0)
	BAD_THEN_GOOD("", "missing Content-Length");
	BAD_THEN_GOOD("Content-Length: -3\r\n", "bad Content-Length \"-3\"");
	BAD_THEN_GOOD("Content-Length: 3x\r\n", "bad Content-Length \"3x\"");
	BAD_THEN_GOOD("Content-Length: 99999999999999999999999\r\n",
	    "bad Content-Length");
	BAD_THEN_GOOD("Content-Length: 2\r\n", "record not followed by CRLF");
	BAD_THEN_GOOD("Content-Length\r\n", "malformed header line");

	/* A huge claimed length: not believed, the next records read. */
	pbuf_reset(&in);
	pbuf_puts(&in, small_warc);
	pbuf_puts(&in, "WARC/1.1\r\nContent-Length: 18446744073709551615\r\n"
	    "\r\nabc\r\n\r\n");
	pbuf_puts(&in, small_warc);
	read_bytes(in.p, in.len, (size_t)-1, &res);
	tap_ok(res.records == 6 && res.errors == 1 &&
	    strstr(res.stderr_text, "record 4 at byte offset 205: "
	    "implausible Content-Length") != NULL,
	    "huge Content-Length reported, the rest read");
	/* A large one under that bound: drained (never allocated). */
	pbuf_reset(&in);
	pbuf_puts(&in, small_warc);
	pbuf_puts(&in, "WARC/1.1\r\nContent-Length: 1000000000000\r\n"
	    "\r\nabc\r\n\r\n");
	pbuf_puts(&in, small_warc);
	read_bytes(in.p, in.len, (size_t)-1, &res);
	tap_ok(res.records == 6 && res.errors == 1 &&
	    strstr(res.stderr_text, "truncated record") != NULL,
	    "large Content-Length with no limit: truncated, no allocation, "
	    "the records it swallowed read again");
	read_bytes(in.p, in.len, 100, &res);
	tap_ok(res.records == 3 && res.errors == 1 &&
	    strstr(res.stderr_text, "truncated record") != NULL,
	    "large Content-Length over the limit: drained, truncated");

	/* A length a little too large runs into the next record, which is
	   then read from the bytes given back. */
	pbuf_reset(&in);
	pbuf_puts(&in, small_warc);
	pbuf_puts(&in, "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 40"
	    "\r\n\r\nabc\r\n\r\n");
	pbuf_puts(&in, small_warc);
	read_bytes(in.p, in.len, MAXB, &res);
	tap_ok(res.records == 6 && res.errors == 1 &&
	    strstr(res.stderr_text, "record 4 at byte offset 205: record not "
	    "followed by CRLF CRLF") != NULL, "Content-Length too large: "
	    "reported, the next record not lost");
	if (res.records != 6)
		printf("# %d records: %s\n", res.records, res.stderr_text);
	{
		struct pith_warc_record rec;
		struct pith_warc_reader *r;
		struct pith_src *s;
		int n = 0;

		s = pith_src_open(su_path("in.warc"));
		r = pith_warc_reader_new(s, MAXB);
		su_capture_begin();
		while (pith_warc_next(r, &rec) == 1 && ++n < 4)
			;
		(void)su_capture_end();
		tap_ok(n == 4 && rec.offset == 205 + 53 + 7 && rec.number == 5 &&
		    strcmp(rec.type, "warcinfo") == 0,
		    "and has its own offset and number");
		pith_warc_reader_free(r);
		pith_src_close(s);
	}

	/* Over the block limit: skipped, the next records still read. */
	pbuf_reset(&in);
	pbuf_puts(&in, "WARC/1.1\r\nContent-Length: 10\r\n\r\n0123456789"
	    "\r\n\r\n");
	pbuf_puts(&in, small_warc);
	read_bytes(in.p, in.len, 9, &res);
	tap_ok(res.records == 3 && res.errors == 1 &&
	    strstr(res.stderr_text, "over the limit of 9") != NULL,
	    "block over max_block skipped, the rest read");
	read_bytes(in.p, in.len, 10, &res);
	tap_ok(res.records == 4 && res.errors == 0, "block at max_block read");

	/* Versions, continuation lines, bare LF in the header. */
	pbuf_reset(&in);
	pbuf_puts(&in, "WARC/2.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
	pbuf_puts(&in, "WARC/1.1  \nWARC-Type: resource\nX-Long: a\n"
	    "\t b \nContent-Length: 1\n\nZ\r\n\r\n");
	pbuf_puts(&in, "WARC/1.0\r\nX-Cut: yes\r\n");	/* header cut */
	pbuf_puts(&in, small_warc);
	read_bytes(in.p, in.len, MAXB, &res);
	tap_ok(res.records == 4 && res.errors == 2 &&
	    strstr(res.stderr_text, "bad version line \"WARC/2.0\"") &&
	    strstr(res.stderr_text, "header cut by the next record"),
	    "bad version and cut header reported; %d records", res.records);
	{
		struct pith_warc_record rec;
		struct pith_warc_reader *r;
		struct pith_src *s;

		s = pith_src_open(su_path("in.warc"));
		r = pith_warc_reader_new(s, MAXB);
		su_capture_begin();
		(void)pith_warc_next(r, &rec);
		(void)su_capture_end();
		tap_is(pith_headers_get(&rec.headers, "X-Long"), "a b",
		    "continuation line joins the value");
		tap_ok(rec.block_len == 1 && rec.block[0] == 'Z' &&
		    rec.block[1] == '\0', "block read after bare-LF header "
		    "(and NUL-terminated)");
		tap_is(rec.version, "WARC/1.1", "version kept");
		pith_warc_reader_free(r);
		pith_src_close(s);
	}
	pbuf_free(&in);
}

/* Fixtures written for this project (see tests/fixtures/warc/README). */
static void
test_fixtures(void)
{
	struct result res;

	read_file("tests/fixtures/warc/mixed.warc.gz", MAXB, &res);
	tap_is(res.types, "warcinfo,response,request,resource,metadata,"
	    "conversion,revisit,", "fixture mixed.warc.gz: record types");
	tap_is_int(res.errors, 0, "fixture mixed.warc.gz: no errors");
	read_file("tests/fixtures/warc/damaged.warc", MAXB, &res);
	tap_is(res.types, "warcinfo,resource,resource,",
	    "fixture damaged.warc: good records survive");
	tap_is_int(res.errors, 4, "fixture damaged.warc: four bad records");
	read_file("tests/fixtures/warc/damaged.warc.gz", MAXB, &res);
	tap_is(res.types, "warcinfo,resource,",
	    "fixture damaged.warc.gz: members around the bad one");
	tap_ok(res.errors >= 2 && strstr(res.stderr_text, "bad gzip data") &&
	    strstr(res.stderr_text, "garbage after gzip member"),
	    "fixture damaged.warc.gz: bad member and trailing garbage "
	    "reported");
}

/* Damaged copies of the mixed fixture, plain and gzip: a few bytes
 * changed at seeded random places. Whatever happens, the reader and the
 * payload decoder must return (ASan and UBSan watch in SANITIZE=1). */
static void
test_mutations(void)
{
	struct pbuf orig[2] = { PBUF_INIT, PBUF_INIT }, m = PBUF_INIT;
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_payload pl;
	struct pith_src *s;
	const char *err;
	unsigned int seed = 2026;
	int pass, i, k, n, sane = 1, total = 0;

	s = pith_src_open("tests/fixtures/warc/mixed.warc.gz");
	if (s == NULL || pith_src_slurp(s, &orig[0], 1 << 20) < 0) {
		tap_ok(0, "fixture mixed.warc.gz reads");
		pith_src_close(s);
		return;
	}
	pith_src_close(s);
	{
		FILE *f = fopen("tests/fixtures/warc/mixed.warc.gz", "rb");
		char buf[4096];
		size_t got;

		while (f && (got = fread(buf, 1, sizeof buf, f)) > 0)
			pbuf_append(&orig[1], buf, got);
		if (f)
			fclose(f);
	}
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < 300; i++) {
			pbuf_reset(&m);
			pbuf_append(&m, orig[pass].p, orig[pass].len);
			for (k = 0; k < 1 + i % 8; k++) {
				seed = seed * 1103515245 + 12345;
				m.p[(seed >> 8) % m.len] = (char)(seed >> 24);
			}
			if (i % 10 == 9) {	/* and cut short */
				seed = seed * 1103515245 + 12345;
				m.len = (seed >> 8) % m.len;
			}
			s = pith_src_open(su_write("mut", m.p, m.len));
			r = pith_warc_reader_new(s, 1 << 16);
			su_capture_begin();
			n = 0;
			while (pith_warc_next(r, &rec) == 1 && n < 100) {
				n++;
				pith_record_payload(&rec, 1 << 16, &pl, &err);
				pith_payload_free(&pl);
			}
			(void)su_capture_end();
			if (n > 7)
				sane = 0;
			total += n;
			pith_warc_reader_free(r);
			pith_src_close(s);
		}
	}
	tap_ok(sane, "600 damaged copies read without crash or invented "
	    "records (%d records in all)", total);
	pbuf_free(&orig[0]);
	pbuf_free(&orig[1]);
	pbuf_free(&m);
}

int
main(void)
{
	pith_cli_init("test_warc");
	test_fields();
	test_write();
	test_round_trip(0);
	test_round_trip(1);
	test_truncation();
	test_damage();
	test_fixtures();
	test_mutations();
	su_cleanup();
	return tap_done();
}
