/* HTTP payload decoding: status, headers, chunked, gzip/deflate, limits,
 * and the record payload helper. */
#include "cli.h"
#include "http.h"
#include "record.h"
#include "streams_util.h"
#include "tap.h"

#define MAXB	(1 << 20)

static const void *
find(const void *hay, size_t n, const void *needle, size_t k)
{
	const unsigned char *h = hay;
	size_t i;

	for (i = 0; k <= n && i <= n - k; i++)
		if (memcmp(h + i, needle, k) == 0)
			return h + i;
	return NULL;
}

static int
parse(const char *msg, size_t len, size_t max, struct pith_http_response *r,
    const char **err)
{
	return pith_http_parse_response(msg, len, max, r, err);
}

static void
test_basic(void)
{
	const char *m = "HTTP/1.1 404 Not Found\r\n"
	    "Content-Type: Text/HTML ;\r\n\tcharset=\"UTF-8\"\r\n"
	    "X-Bare: lf\n"
	    "no colon here\r\n"
	    "\r\n<p>gone</p>";
	struct pith_http_response r;
	char mt[64], cs[64];
	const char *err;

	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), 0, "plain response");
	tap_is_int(r.status, 404, "status");
	tap_is(r.reason, "Not Found", "reason");
	tap_is(r.content_type, "Text/HTML ; charset=\"UTF-8\"",
	    "folded Content-Type joined");
	tap_is(pith_headers_get(&r.headers, "x-bare"), "lf",
	    "bare-LF header line");
	tap_is_int(r.headers.n, 2, "line without a colon skipped");
	tap_is(r.body.p, "<p>gone</p>", "body");
	pith_http_media_type(r.content_type, mt, sizeof mt);
	pith_http_charset(r.content_type, cs, sizeof cs);
	tap_is(mt, "text/html", "media type lower-cased");
	tap_is(cs, "utf-8", "quoted charset");
	pith_http_response_free(&r);

	pith_http_charset("text/html; q=1; CHARSET = Shift_JIS ", cs,
	    sizeof cs);
	tap_is(cs, "shift_jis", "charset as a later parameter");
	pith_http_charset("text/html", cs, sizeof cs);
	tap_is(cs, "", "no charset");
	pith_http_charset(NULL, cs, sizeof cs);
	pith_http_media_type(NULL, mt, sizeof mt);
	tap_ok(cs[0] == '\0' && mt[0] == '\0', "NULL Content-Type");
	pith_http_charset("text/html; charset=\"unterminated", cs, sizeof cs);
	tap_is(cs, "unterminated", "unterminated quote");

	tap_is_int(parse("GET / HTTP/1.1\r\n\r\n", 18, MAXB, &r, &err), -1,
	    "a request is not a response");
	tap_is(err, "no HTTP status line", "and says so");
	pith_http_response_free(&r);
	tap_is_int(parse("", 0, MAXB, &r, &err), -1, "empty message");
	pith_http_response_free(&r);

	m = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), 0,
	    "headers without the blank line");
	tap_ok(r.body.len == 0 && r.body.p != NULL, "give an empty body");
	pith_http_response_free(&r);

	m = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
	    "Content-Type: text/plain\r\n\r\ndone";
	tap_ok(parse(m, strlen(m), MAXB, &r, &err) == 0 && r.status == 201 &&
	    strcmp(r.body.p, "done") == 0 && r.headers.n == 1,
	    "100 Continue then the real response");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\n\r\n0123456789";
	tap_is_int(parse(m, strlen(m), 4, &r, &err), -1, "identity body over "
	    "the limit");
	tap_ok(r.body.len == 4 && strcmp(err, "payload over 4 bytes") == 0,
	    "keeps the limit, says %s", err);
	pith_http_response_free(&r);
}

static void
test_chunked(void)
{
	struct pith_http_response r;
	const char *err, *m;

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "5;name=val\r\nhello\r\n1 \r\n,\r\n6\nworld!\n0\r\n"
	    "Trailer-A: 1\r\nTrailer-B: 2\r\n\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), 0, "chunked body");
	tap_is(r.body.p, "hello,world!", "extensions, bare LF and trailers");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "5\r\nhello\r\nzz\r\nmore\r\n0\r\n\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), -1, "bad chunk size");
	tap_ok(strcmp(err, "bad chunk size") == 0 &&
	    strcmp(r.body.p, "hello") == 0, "error, what came before kept");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "fffffffffffffffffffffff\r\nx\r\n0\r\n\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), -1,
	    "overflowing chunk size");
	tap_is(err, "bad chunk size", "is a bad size");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "a\r\nhello";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), -1,
	    "truncated chunk");
	tap_ok(strcmp(err, "truncated chunked body") == 0 &&
	    strcmp(r.body.p, "hello") == 0, "truncated, partial data kept");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "5\r\nhello\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), -1,
	    "missing last chunk");
	tap_is(err, "truncated chunked body", "is truncated");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "5\r\nhelloXX3\r\nabc\r\n0\r\n\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), -1,
	    "chunk longer than its size");
	tap_is(err, "bad chunk terminator", "bad terminator");
	pith_http_response_free(&r);

	m = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
	    "3\r\nabc\r\n0\r\n\r\n";
	tap_is_int(parse(m, strlen(m), MAXB, &r, &err), 0,
	    "chunked as the last transfer coding");
	tap_is(r.body.p, "abc", "is undone");
	pith_http_response_free(&r);
}

static void
message(struct pbuf *m, const char *headers, const void *body, size_t len)
{
	pbuf_reset(m);
	pbuf_puts(m, "HTTP/1.1 200 OK\r\n");
	pbuf_puts(m, headers);
	pbuf_puts(m, "\r\n");
	pbuf_append(m, body, len);
}

/* Brotli of a short HTML line (made with libbrotlienc, quality 11):
 * decoded when libbrotlidec loads, else reported as unsupported. */
static void
test_brotli(struct pbuf *m)
{
	static const char br[] = "\x1b\x30\x00\xe0\x9d\x09\x36\x2e"
	    "\xa8\x77\xc7\xf8\x08\x95\xde\x3c\x42\x70\x72\xb2\xc5"
	    "\x85\xae\x7c\xde\x52\x27\x8d\x0d\x26\x72\xc0\x9e\xb6"
	    "\x14\xee\xf0\x20\x75\x42\x96\xd3\x39\xc4\x7f\x94\x0b"
	    "\xa9\x6d\x63\xa8\x47\x3a";
	const char *plain = "<p>Brotli-encoded body: hello, hello, "
	    "hello.</p>\n";
	struct pith_http_response r;
	const char *err;

	message(m, "Content-Encoding: br\r\n", br, 53);
	if (!pith_http_have_brotli()) {
		tap_ok(parse(m->p, m->len, MAXB, &r, &err) == -1 &&
		    strcmp(err, "unsupported content-encoding br") == 0 &&
		    r.body.len == 0, "br: unsupported without libbrotlidec, "
		    "no encoded bytes passed on");
		pith_http_response_free(&r);
		return;
	}
	tap_ok(parse(m->p, m->len, MAXB, &r, &err) == 0 &&
	    strcmp(r.body.p, plain) == 0, "br decoded (libbrotlidec)");
	pith_http_response_free(&r);
	tap_ok(parse(m->p, m->len, 10, &r, &err) == -1 && r.body.len == 10 &&
	    strcmp(err, "payload over 10 bytes") == 0, "br stops at the limit");
	pith_http_response_free(&r);
	message(m, "Content-Encoding: br\r\n", br, 30);
	tap_ok(parse(m->p, m->len, MAXB, &r, &err) == -1 &&
	    strcmp(err, "truncated brotli data") == 0, "truncated br reported");
	pith_http_response_free(&r);
	message(m, "Content-Encoding: br\r\n", "\xff\xff\xff\xff", 4);
	tap_ok(parse(m->p, m->len, MAXB, &r, &err) == -1 &&
	    strcmp(err, "bad brotli data") == 0, "bad br reported");
	pith_http_response_free(&r);
}

static void
test_encodings(void)
{
	const char *text = "<html><body>Hello, compressed world. Hello, "
	    "compressed world.</body></html>";
	size_t tl = strlen(text), i;
	struct pbuf z = PBUF_INIT, m = PBUF_INIT, chunked = PBUF_INIT;
	struct pith_http_response r;
	const char *err;
	static const struct { const char *ce; int bits; } enc[] = {
		{ "gzip", 31 }, { "x-gzip", 31 }, { "deflate", 15 },
		{ "deflate", -15 }, { "GZIP", 31 },
	};

	for (i = 0; i < sizeof enc / sizeof enc[0]; i++) {
		char h[64];

		pbuf_reset(&z);
		su_deflate(&z, text, tl, enc[i].bits);
		snprintf(h, sizeof h, "Content-Encoding: %s\r\n", enc[i].ce);
		message(&m, h, z.p, z.len);
		tap_ok(parse(m.p, m.len, MAXB, &r, &err) == 0 &&
		    r.body.len == tl && memcmp(r.body.p, text, tl) == 0,
		    "Content-Encoding %s (window bits %d) undone", enc[i].ce,
		    enc[i].bits);
		pith_http_response_free(&r);
	}

	/* Chunk boundaries fall inside the gzip stream. */
	pbuf_reset(&z);
	su_gzip(&z, text, tl);
	for (i = 0; i < z.len; i += 7) {
		size_t n = z.len - i < 7 ? z.len - i : 7;

		pbuf_printf(&chunked, "%zx\r\n", n);
		pbuf_append(&chunked, z.p + i, n);
		pbuf_puts(&chunked, "\r\n");
	}
	pbuf_puts(&chunked, "0\r\n\r\n");
	message(&m, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
	    chunked.p, chunked.len);
	tap_ok(parse(m.p, m.len, MAXB, &r, &err) == 0 && r.body.len == tl &&
	    memcmp(r.body.p, text, tl) == 0, "chunked + gzip undone");
	pith_http_response_free(&r);

	/* Two members, and gzip over deflate. */
	pbuf_reset(&z);
	su_gzip(&z, "abc", 3);
	su_gzip(&z, "def", 3);
	message(&m, "Content-Encoding: gzip\r\n", z.p, z.len);
	tap_ok(parse(m.p, m.len, MAXB, &r, &err) == 0 &&
	    strcmp(r.body.p, "abcdef") == 0, "multi-member gzip body");
	pith_http_response_free(&r);
	{
		struct pbuf inner = PBUF_INIT;

		su_deflate(&inner, text, tl, 15);
		pbuf_reset(&z);
		su_gzip(&z, inner.p, inner.len);
		message(&m, "Content-Encoding: deflate, gzip\r\n", z.p, z.len);
		tap_ok(parse(m.p, m.len, MAXB, &r, &err) == 0 &&
		    r.body.len == tl && memcmp(r.body.p, text, tl) == 0,
		    "two codings undone in reverse order");
		pith_http_response_free(&r);
		pbuf_free(&inner);
	}

	/* Truncated gzip keeps what was decoded. */
	{
		struct pbuf big = PBUF_INIT;

		for (i = 0; i < 20000; i++)
			pbuf_printf(&big, "line %zu\n", i);
		pbuf_reset(&z);
		su_gzip(&z, big.p, big.len);
		message(&m, "Content-Encoding: gzip\r\n", z.p, z.len / 2);
		tap_is_int(parse(m.p, m.len, MAXB, &r, &err), -1,
		    "truncated gzip body");
		tap_ok(strcmp(err, "truncated gzip data") == 0 &&
		    r.body.len > 1000 && memcmp(r.body.p, big.p, r.body.len) ==
		    0, "reported; %zu decoded bytes kept", r.body.len);
		pith_http_response_free(&r);
		pbuf_free(&big);
	}

	message(&m, "Content-Encoding: gzip\r\n", "not gzip at all", 15);
	tap_ok(parse(m.p, m.len, MAXB, &r, &err) == -1 &&
	    strcmp(err, "bad gzip data") == 0, "bad gzip data reported");
	pith_http_response_free(&r);

	test_brotli(&m);
	message(&m, "Content-Encoding: zstd\r\n", "\x28\xb5\x2f\xfd", 4);
	tap_ok(parse(m.p, m.len, MAXB, &r, &err) == -1 &&
	    strcmp(err, "unsupported content-encoding zstd") == 0 &&
	    r.body.len == 0, "zstd: unsupported, no encoded bytes passed on");
	pith_http_response_free(&r);

	message(&m, "Content-Encoding: utf-8\r\n", "plain", 5);
	tap_ok(parse(m.p, m.len, MAXB, &r, &err) == 0 &&
	    strcmp(r.body.p, "plain") == 0, "a bogus coding name is ignored");
	pith_http_response_free(&r);

	message(&m, "Content-Encoding: gzip\r\n", "", 0);
	tap_ok(parse(m.p, m.len, MAXB, &r, &err) == 0 && r.body.len == 0,
	    "empty gzip-encoded body (HEAD, 304, revisit) is fine");
	pith_http_response_free(&r);
	pbuf_free(&z);
	pbuf_free(&m);
	pbuf_free(&chunked);
}

/* 200 MB of zeros deflated in a loop: decoding stops at the limit. */
static void
test_bomb(void)
{
	static unsigned char zeros[1 << 16], out[1 << 16];
	struct pbuf m = PBUF_INIT;
	struct pith_http_response r;
	const char *err;
	z_stream z;
	int i, rc;

	message(&m, "Content-Encoding: gzip\r\n", "", 0);
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 9, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
	for (i = 0; i <= 3200; i++) {
		z.next_in = zeros;
		z.avail_in = i < 3200 ? sizeof zeros : 0;
		do {
			z.next_out = out;
			z.avail_out = sizeof out;
			rc = deflate(&z, i < 3200 ? Z_NO_FLUSH : Z_FINISH);
			pbuf_append(&m, out, sizeof out - z.avail_out);
		} while (z.avail_out == 0);
	}
	deflateEnd(&z);
	tap_ok(rc == Z_STREAM_END && m.len < 1 << 20,
	    "bomb: 200 MiB of zeros in %zu bytes", m.len);
	tap_is_int(parse(m.p, m.len, 1 << 20, &r, &err), -1,
	    "bomb stopped");
	tap_is(err, "payload over 1048576 bytes", "at the limit");
	tap_is_int(r.body.len, 1 << 20, "with exactly the limit decoded");
	pith_http_response_free(&r);
	pbuf_free(&m);
}

/* The record payload helper on the project's own fixture. */
static void
test_payload(void)
{
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_payload pl;
	struct pith_src *s;
	const char *err;
	int n = 0, rc;

	s = pith_src_open("tests/fixtures/warc/mixed.warc.gz");
	if (s == NULL) {
		tap_ok(0, "fixture mixed.warc.gz opens");
		return;
	}
	r = pith_warc_reader_new(s, MAXB);
	while (pith_warc_next(r, &rec) == 1) {
		n++;
		rc = pith_record_payload(&rec, MAXB, &pl, &err);
		if (strcmp(rec.type, "response") == 0) {
			tap_is_int(rc, 0, "response payload decoded");
			tap_is_int(pl.http_status, 200, "its status");
			tap_is(pl.media_type, "text/html", "media type from HTTP");
			tap_is(pl.charset, "iso-8859-1", "charset from HTTP");
			tap_is(pl.target_uri, "http://example.org/cafe",
			    "<> stripped from the target URI");
			tap_ok(pl.len > 20 && memcmp(pl.data, "<!doctype html>",
			    15) == 0 && find(pl.data, pl.len, "Caf\xe9", 4),
			    "body de-chunked and gunzipped");
		} else if (strcmp(rec.type, "resource") == 0) {
			tap_ok(rc == 0 && pl.data == rec.block &&
			    pl.len == rec.block_len, "resource: the block");
			tap_is(pl.media_type, "text/plain", "WARC media type");
			tap_is(pl.charset, "windows-1252", "WARC charset");
			tap_is_int(pl.http_status, 0, "no HTTP status");
		} else if (strcmp(rec.type, "revisit") == 0) {
			tap_ok(rc == 0 && pl.len == 0 && pl.http_status == 200,
			    "revisit: headers only, empty payload");
		} else if (strcmp(rec.type, "conversion") == 0) {
			tap_ok(rc == 0 && pl.data == rec.block &&
			    pl.len == rec.block_len && pl.http_status == 0,
			    "conversion: the block");
			tap_is(pl.target_uri, "http://example.org/cafe",
			    "plain target URI kept");
			tap_is(pl.media_type, "text/plain", "its media type");
			tap_is(pl.charset, "", "no charset given");
		} else if (strcmp(rec.type, "request") == 0) {
			tap_ok(rc == 0 && pl.http_status == 0 &&
			    pl.len == rec.block_len, "request: the block");
		}
		pith_payload_free(&pl);
	}
	tap_is_int(n, 7, "all fixture records seen");
	pith_warc_reader_free(r);
	pith_src_close(s);
}

/* Records built here: an empty revisit, a response without HTTP. */
static void
test_payload_edges(void)
{
	struct pith_warc_record rec;
	struct pith_payload pl;
	const char *err;

	memset(&rec, 0, sizeof rec);
	rec.type = "revisit";
	pith_headers_add(&rec.headers, "Content-Type",
	    "application/http; msgtype=response");
	rec.block = (unsigned char *)"";
	tap_ok(pith_record_payload(&rec, MAXB, &pl, &err) == 0 &&
	    pl.len == 0 && pl.http_status == 0 && pl.target_uri[0] == '\0',
	    "empty revisit: empty payload, no error");
	pith_payload_free(&pl);

	rec.type = "response";
	rec.block = (unsigned char *)"garbage, not HTTP";
	rec.block_len = 17;
	tap_ok(pith_record_payload(&rec, MAXB, &pl, &err) == -1 &&
	    strcmp(err, "no HTTP status line") == 0 && pl.len == 0,
	    "response that is not HTTP: reported");
	pith_payload_free(&pl);

	pith_headers_set(&rec.headers, "Content-Type", "text/dns");
	tap_ok(pith_record_payload(&rec, MAXB, &pl, &err) == 0 &&
	    pl.len == 17 && strcmp(pl.media_type, "text/dns") == 0,
	    "non-HTTP response (dns:): the block");
	pith_payload_free(&pl);
	tap_ok(pith_record_payload(&rec, 5, &pl, &err) == -1 &&
	    pl.len == 5 && strcmp(err, "payload over 5 bytes") == 0,
	    "block payload over the limit");
	pith_payload_free(&pl);
	pith_headers_clear(&rec.headers);
}

/* The chunked iana.org sample from ../shared. */
static void
test_shared_iana(void)
{
	const char *sh = tap_shared();
	struct pith_warc_record rec;
	struct pith_warc_reader *r;
	struct pith_payload pl;
	struct pith_src *s;
	const char *err;
	char path[4096];
	int found = 0;

	if (sh == NULL) {
		tap_ok(1, "# SKIP ../shared absent: iana chunked sample");
		return;
	}
	snprintf(path, sizeof path,
	    "%s/conformance/warc/example-iana.org-chunked.warc", sh);
	if ((s = pith_src_open(path)) == NULL) {
		tap_ok(0, "iana sample opens");
		return;
	}
	r = pith_warc_reader_new(s, MAXB);
	while (pith_warc_next(r, &rec) == 1) {
		if (strcmp(rec.type, "response") != 0)
			continue;
		found = 1;
		tap_is_int(pith_record_payload(&rec, MAXB, &pl, &err), 0,
		    "iana chunked response decodes");
		tap_is_int(pl.len, 7223, "de-chunked HTML is 7,223 bytes");
		tap_ok(find(pl.data, pl.len, "</html>", 7) != NULL,
		    "and ends its document");
		tap_is(pl.charset, "utf-8", "charset utf-8");
		pith_payload_free(&pl);
		pith_record_payload(&rec, 1000, &pl, &err);
		tap_ok(pl.len == 1000 && err && strcmp(err,
		    "payload over 1000 bytes") == 0, "and stops at a limit");
		pith_payload_free(&pl);
	}
	tap_ok(found, "iana sample has a response");
	pith_warc_reader_free(r);
	pith_src_close(s);
}

int
main(void)
{
	pith_cli_init("test_http");
	test_basic();
	test_chunked();
	test_encodings();
	test_bomb();
	test_payload();
	test_payload_edges();
	test_shared_iana();
	su_cleanup();
	return tap_done();
}
