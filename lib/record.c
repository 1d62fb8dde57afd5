/* From a WARC record to the document it carries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "record.h"

/* A record holds an HTTP message when its type says it can and either
 * its Content-Type says "application/http" or the block starts like one
 * (some writers leave the Content-Type out). */
static int
holds_http_response(const struct pith_warc_record *rec, const char *ctype)
{
	if (strcmp(rec->type, "response") != 0 &&
	    strcmp(rec->type, "revisit") != 0)
		return 0;
	if (ctype != NULL && strncasecmp(ctype, "application/http", 16) == 0)
		return 1;
	return rec->block_len >= 5 && memcmp(rec->block, "HTTP/", 5) == 0;
}

static void
set_target_uri(const struct pith_warc_record *rec, struct pith_payload *pl)
{
	const char *uri = pith_headers_get(&rec->headers, "WARC-Target-URI");
	size_t n;

	pl->target_uri = "";
	if (uri == NULL)
		return;
	n = strlen(uri);
	if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') {
		/* wget 1.19 writes <http://...>. */
		pl->uri_buf = xstrndup(uri + 1, n - 2);
		pl->target_uri = pl->uri_buf;
	} else
		pl->target_uri = uri;
}

int
pith_record_payload(const struct pith_warc_record *rec, size_t max_body,
    struct pith_payload *pl, const char **err)
{
	static _Thread_local char over[64];
	const char *ctype = pith_headers_get(&rec->headers, "Content-Type");
	int rc = 0;

	memset(pl, 0, sizeof *pl);
	*err = NULL;
	set_target_uri(rec, pl);
	/* An empty block (a revisit with no HTTP headers kept) is an empty
	   payload, not a damaged HTTP message. */
	if (rec->block_len > 0 && holds_http_response(rec, ctype)) {
		rc = pith_http_parse_response(rec->block, rec->block_len,
		    max_body, &pl->http, err);
		pl->data = (const unsigned char *)pl->http.body.p;
		pl->len = pl->http.body.len;
		pl->http_status = pl->http.status;
		pith_http_media_type(pl->http.content_type, pl->media_type,
		    sizeof pl->media_type);
		pith_http_charset(pl->http.content_type, pl->charset,
		    sizeof pl->charset);
		if (pl->data == NULL) {
			pl->data = (const unsigned char *)"";
			pl->len = 0;
		}
		return rc;
	}
	pl->data = rec->block ? rec->block : (const unsigned char *)"";
	pl->len = rec->block_len;
	if (pl->len > max_body) {
		pl->len = max_body;
		snprintf(over, sizeof over, "payload over %zu bytes", max_body);
		*err = over;
		rc = -1;
	}
	pith_http_media_type(ctype, pl->media_type, sizeof pl->media_type);
	pith_http_charset(ctype, pl->charset, sizeof pl->charset);
	return rc;
}

void
pith_payload_free(struct pith_payload *pl)
{
	pith_http_response_free(&pl->http);
	free(pl->uri_buf);
	pl->uri_buf = NULL;
	pl->data = NULL;
	pl->len = 0;
	pl->target_uri = "";
}
