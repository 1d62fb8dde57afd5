/* The document a WARC record carries, ready for a tool to process: for
 * `response` (and `revisit`) records holding an HTTP message, the HTTP
 * body with transfer and content codings undone; for `resource`,
 * `conversion` and the other types, the block itself. */
#ifndef PITH_RECORD_H
#define PITH_RECORD_H

#include <stddef.h>

#include "http.h"
#include "warc.h"

struct pith_payload {
	const unsigned char *data;	/* into the record or the HTTP body */
	size_t len;
	char media_type[128];	/* lower-case "text/html": from the HTTP
				   Content-Type for responses, else the WARC
				   Content-Type; "" if unknown */
	char charset[64];	/* charset parameter (lower-case) or "" */
	int http_status;	/* 0 if not an HTTP response */
	const char *target_uri;	/* WARC-Target-URI, <> stripped, or "" */
	struct pith_http_response http;	/* owned; pith_payload_free */
	char *uri_buf;		/* private: the stripped URI */
};

/* Fills *pl (overwritten; free with pith_payload_free even on error).
 * Returns 0, or -1 with a short reason in *err when the HTTP message is
 * damaged or its decoded body is over max_body bytes; *pl then holds
 * what could be decoded. `pl` borrows from `rec`: it is valid as long as
 * the record is. */
int pith_record_payload(const struct pith_warc_record *rec, size_t max_body,
    struct pith_payload *pl, const char **err);
void pith_payload_free(struct pith_payload *pl);

#endif
