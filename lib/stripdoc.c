#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "stripdoc.h"
#include "warc.h"

const char *
pith_docstatus_name(enum pith_docstatus s)
{
	switch (s) {
	case PITH_DOC_OK:
		return "ok";
	case PITH_DOC_EMPTY:
		return "no-content";
	default:
		return "error";
	}
}

static void
json_set(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static void
emit_json(struct pbuf *out, const struct pith_strip_result *r,
    enum pith_docstatus st, const struct pith_docsrc *src)
{
	json_t *o = json_object();
	char *s;

	json_set(o, "url", r->meta.url ? r->meta.url : src->url);
	json_set(o, "title", r->meta.title);
	json_set(o, "author", r->meta.author);
	json_set(o, "date", r->meta.date);
	json_set(o, "sitename", r->meta.sitename);
	json_set(o, "lang", r->meta.lang);
	json_set(o, "description", r->meta.description);
	/* json_stringn: the text is UTF-8 from the decoder; invalid bytes
	 * cannot reach here, but a NUL could. */
	json_object_set_new(o, "text",
	    json_stringn(r->text.p ? r->text.p : "", r->text.len));
	if (json_is_null(json_object_get(o, "text")))
		json_object_set_new(o, "text", json_string(""));
	json_set(o, "status", pith_docstatus_name(st));
	if (r->encoding)
		json_set(o, "encoding", r->encoding);
	if (src->url && r->meta.url && strcmp(src->url, r->meta.url) != 0)
		json_set(o, "source_url", src->url);
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (s) {
		pbuf_puts(out, s);
		pbuf_putc(out, '\n');
		free(s);
	}
	json_decref(o);
}

static void
emit_warc(struct pbuf *out, const struct pith_strip_result *r,
    const struct pith_docsrc *src)
{
	struct pith_headers h = {NULL, 0, 0};

	pith_headers_add(&h, "WARC-Type", "conversion");
	if (src->url)
		pith_headers_add(&h, "WARC-Target-URI", src->url);
	if (src->date)
		pith_headers_add(&h, "WARC-Date", src->date);
	if (src->record_id)
		pith_headers_add(&h, "WARC-Refers-To", src->record_id);
	pith_headers_add(&h, "Content-Type", "text/plain; charset=utf-8");
	if (r->meta.lang)
		pith_headers_add(&h, "WARC-Identified-Content-Language",
		    r->meta.lang);
	pith_warc_write(out, &h, r->text.p ? r->text.p : "", r->text.len);
	pith_headers_clear(&h);
}

void
pith_strip_emit(struct pbuf *out, enum pith_format fmt,
    const struct pith_strip_result *r, enum pith_docstatus st,
    const struct pith_docsrc *src, size_t index)
{
	switch (fmt) {
	case PITH_FMT_JSON:
		emit_json(out, r, st, src);
		break;
	case PITH_FMT_WARC:
		if (st == PITH_DOC_OK)
			emit_warc(out, r, src);
		break;
	default:
		if (index > 1)
			pbuf_puts(out, "\f\n");
		if (r->text.len)
			pbuf_append(out, r->text.p, r->text.len);
		break;
	}
}

void
pith_strip_warcinfo(struct pbuf *out, const char *software)
{
	struct pith_headers h = {NULL, 0, 0};
	struct pbuf body = PBUF_INIT;

	pbuf_printf(&body, "software: %s\r\nformat: WARC File Format 1.1\r\n"
	    "description: main content extracted by pith-strip\r\n",
	    software);
	pith_headers_add(&h, "WARC-Type", "warcinfo");
	pith_headers_add(&h, "Content-Type", "application/warc-fields");
	pith_warc_write(out, &h, body.p, body.len);
	pith_headers_clear(&h);
	pbuf_free(&body);
}
