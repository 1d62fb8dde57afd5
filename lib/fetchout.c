/* What pith-fetch writes: a page's body (decoded to UTF-8 when it is
 * HTML or text), or WARC records: request + response per URL, revisit
 * for what did not change, resource for file:// URLs. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "encoding.h"
#include "fetch.h"
#include "http.h"
#include "out.h"
#include "warc.h"

static void
emit(struct pith_fetch_output *o, const struct pith_headers *h,
    const void *block, size_t len)
{
	struct pbuf rec = PBUF_INIT;

	if (o->gzip)
		pith_warc_write_gz(&rec, h, block, len);
	else
		pith_warc_write(&rec, h, block, len);
	pith_out_write(o->out, rec.p, rec.len);
	pith_out_flush(o->out);
	pbuf_free(&rec);
}

void
pith_fetch_write_warcinfo(struct pith_fetch_output *o, const char *ua,
    int robots)
{
	struct pith_headers h = {0};
	struct pbuf b = PBUF_INIT;

	pith_headers_add(&h, "WARC-Type", "warcinfo");
	if (o->filename != NULL)
		pith_headers_add(&h, "WARC-Filename", o->filename);
	pith_headers_add(&h, "Content-Type", "application/warc-fields");
	pbuf_printf(&b, "software: pith-fetch/%s\r\n", PITH_VERSION);
	pbuf_puts(&b, "format: WARC File Format 1.1\r\n");
	pbuf_puts(&b, "conformsTo: https://iipc.github.io/"
	    "warc-specifications/specifications/warc-format/warc-1.1/\r\n");
	pbuf_printf(&b, "http-header-user-agent: %s\r\n", ua);
	pbuf_printf(&b, "robots: %s\r\n", robots ? "obey" : "ignore");
	emit(o, &h, b.p, b.len);
	pith_headers_clear(&h);
	pbuf_free(&b);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* The path part of a URL ends in an HTML extension? */
static int
html_name(const char *url)
{
	char path[1024];
	size_t n = strcspn(url, "?#");

	if (n >= sizeof path)
		return 0;
	memcpy(path, url, n);
	path[n] = '\0';
	return ends_with(path, ".html") || ends_with(path, ".htm") ||
	    ends_with(path, ".xhtml");
}

/* No Content-Type: does the body open like markup (after a BOM and
 * white space)? The WHATWG sniffing rules in short. */
static int
looks_html(const char *p, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	    p[i] == '\r' || p[i] == '\f'))
		i++;
	return i < len && p[i] == '<';
}

static void
write_body(struct pith_fetch_output *o, const struct pith_fetch_result *r)
{
	const char *data = r->body->p ? r->body->p : "";
	size_t len = r->body->len;
	char media[128] = "", charset[64] = "";
	struct pbuf dec = PBUF_INIT;
	const char *enc;

	if (r->content_type != NULL) {
		pith_http_media_type(r->content_type, media, sizeof media);
		pith_http_charset(r->content_type, charset, sizeof charset);
	}
	if (o->raw) {
		pith_out_write(o->out, data, len);
	} else if (strcmp(media, "text/html") == 0 ||
	    strcmp(media, "application/xhtml+xml") == 0 ||
	    (media[0] == '\0' && (html_name(r->final_url) ||
	    looks_html(data, len)))) {
		enc = pith_sniff_html(data, len, charset[0] ? charset : NULL);
		pith_decode(enc, data, len, &dec);
		pith_out_write(o->out, dec.p ? dec.p : "", dec.len);
	} else if (strncmp(media, "text/", 5) == 0 && charset[0] != '\0' &&
	    (enc = pith_encoding_for_label(charset, strlen(charset))) !=
	    NULL) {
		pith_decode(enc, data, len, &dec);
		pith_out_write(o->out, dec.p ? dec.p : "", dec.len);
	} else
		pith_out_write(o->out, data, len);
	pith_out_flush(o->out);
	pbuf_free(&dec);
}

static const char *
guess_type(const char *url)
{
	if (html_name(url))
		return "text/html";
	if (ends_with(url, ".txt"))
		return "text/plain";
	return "application/octet-stream";
}

static void
write_records(struct pith_fetch_output *o, const struct pith_fetch_result *r)
{
	struct pith_headers h = {0};
	struct pbuf block = PBUF_INIT;
	char id[48];

	if (r->is_file) {
		pith_headers_add(&h, "WARC-Type", "resource");
		pith_headers_add(&h, "WARC-Target-URI", r->final_url);
		pith_headers_add(&h, "WARC-Date", r->date);
		pith_headers_add(&h, "Content-Type", guess_type(r->final_url));
		emit(o, &h, r->body->p ? r->body->p : "", r->body->len);
		pith_headers_clear(&h);
		return;
	}
	pith_warc_new_id(id);
	pith_headers_add(&h, "WARC-Type", "request");
	pith_headers_add(&h, "WARC-Target-URI", r->final_url);
	pith_headers_add(&h, "WARC-Date", r->date);
	pith_headers_add(&h, "WARC-Concurrent-To", id);
	pith_headers_add(&h, "Content-Type", "application/http;msgtype=request");
	emit(o, &h, r->request->p ? r->request->p : "", r->request->len);
	pith_headers_clear(&h);

	pith_headers_add(&h, "WARC-Type", "response");
	pith_headers_add(&h, "WARC-Record-ID", id);
	pith_headers_add(&h, "WARC-Target-URI", r->final_url);
	pith_headers_add(&h, "WARC-Date", r->date);
	if (r->ip != NULL)
		pith_headers_add(&h, "WARC-IP-Address", r->ip);
	pith_headers_add(&h, "Content-Type",
	    "application/http;msgtype=response");
	pith_headers_add(&h, "WARC-Payload-Digest", r->digest);
	pbuf_append(&block, r->head->p, r->head->len);
	if (r->body->len)
		pbuf_append(&block, r->body->p, r->body->len);
	emit(o, &h, block.p, block.len);
	pith_headers_clear(&h);
	pbuf_free(&block);
}

static void
write_revisit(struct pith_fetch_output *o, const struct pith_fetch_result *r)
{
	struct pith_headers h = {0};
	int nm = r->outcome == PITH_FETCH_NOT_MODIFIED;

	pith_headers_add(&h, "WARC-Type", "revisit");
	pith_headers_add(&h, "WARC-Target-URI", r->final_url);
	pith_headers_add(&h, "WARC-Date", r->date);
	if (r->ip != NULL)
		pith_headers_add(&h, "WARC-IP-Address", r->ip);
	pith_headers_add(&h, "WARC-Profile", nm ?
	    "http://netpreserve.org/warc/1.1/revisit/server-not-modified" :
	    "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
	if (r->prev_url != NULL)
		pith_headers_add(&h, "WARC-Refers-To-Target-URI", r->prev_url);
	if (r->prev_date != NULL)
		pith_headers_add(&h, "WARC-Refers-To-Date", r->prev_date);
	if (!nm)
		pith_headers_add(&h, "WARC-Payload-Digest", r->digest);
	pith_headers_add(&h, "Content-Type",
	    "application/http;msgtype=response");
	emit(o, &h, r->head->p, r->head->len);
	pith_headers_clear(&h);
}

void
pith_fetch_write_result(struct pith_fetch_output *o,
    const struct pith_fetch_result *r)
{
	switch (r->outcome) {
	case PITH_FETCH_OK:
		break;
	case PITH_FETCH_UNCHANGED:
	case PITH_FETCH_NOT_MODIFIED:
		if (o->changed)
			return;
		if (o->warc) {
			write_revisit(o, r);
			return;
		}
		if (r->outcome == PITH_FETCH_NOT_MODIFIED)
			return;		/* no body to give */
		break;
	default:
		return;
	}
	if (o->warc)
		write_records(o, r);
	else
		write_body(o, r);
}
