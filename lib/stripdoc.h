/* One document through pith-strip, as a record of the chosen output
 * format: plain or markdown text, a JSON line, or a WARC conversion
 * record (as Common Crawl's WET files have them). */
#ifndef PITH_STRIPDOC_H
#define PITH_STRIPDOC_H

#include "buf.h"
#include "strip.h"

struct pith_docsrc {
	const char *url;	/* target URI or NULL */
	const char *date;	/* WARC-Date of the source record or NULL */
	const char *record_id;	/* WARC-Record-ID of the source or NULL */
	const char *name;	/* input name, for messages */
};

/* Status of a processed document. */
enum pith_docstatus { PITH_DOC_OK, PITH_DOC_EMPTY, PITH_DOC_ERROR };
const char *pith_docstatus_name(enum pith_docstatus s);

/* Appends the record for `r` to out. `index` > 0 for the documents of a
 * stream: text output separates documents with a form-feed line. */
void pith_strip_emit(struct pbuf *out, enum pith_format fmt,
    const struct pith_strip_result *r, enum pith_docstatus st,
    const struct pith_docsrc *src, size_t index);
/* The warcinfo record that starts a WARC output stream. */
void pith_strip_warcinfo(struct pbuf *out, const char *software);

#endif
