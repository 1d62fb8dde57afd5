/* HTTP/1.x messages as stored in WARC response records: status line,
 * headers, and the body with chunked transfer-encoding and gzip/deflate
 * content-encoding undone. */
#ifndef PITH_HTTP_H
#define PITH_HTTP_H

#include <stddef.h>

#include "buf.h"
#include "warc.h"

struct pith_http_response {
	int status;			/* 200; 0 when there is no status line */
	char reason[64];
	struct pith_headers headers;
	struct pbuf body;		/* decoded payload */
	const char *content_type;	/* into headers, or NULL */
};

/* Parses `msg` (a WARC response block). Decoding stops at max_body
 * bytes of decoded payload (a gzip bomb ends there). Returns 0, or -1
 * with a short reason in *err ("truncated chunked body", "bad gzip
 * data", "payload over 67108864 bytes", ...); on -1 the body may hold
 * what was decoded so far. `resp` is overwritten: free it with
 * pith_http_response_free after every call, even on -1.
 * Content codings: gzip, x-gzip, deflate (zlib or raw), and br when
 * libbrotlidec.so.1 can be loaded at run time (else "unsupported
 * content-encoding br", as for zstd and compress: the body is then
 * empty, never the encoded bytes).
 * Names that are not codings at all ("utf-8") are ignored, as browsers
 * do. A recorded 1xx interim response is skipped. */
int pith_http_parse_response(const void *msg, size_t len, size_t max_body,
    struct pith_http_response *resp, const char **err);
void pith_http_response_free(struct pith_http_response *resp);
/* True when br bodies can be decoded (libbrotlidec found). */
int pith_http_have_brotli(void);

/* Lower-case media type of a Content-Type value ("text/html") into buf;
 * and its charset parameter (or "" when none). */
void pith_http_media_type(const char *content_type, char *buf, size_t n);
void pith_http_charset(const char *content_type, char *buf, size_t n);

#endif
