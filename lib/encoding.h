/* Character encodings after the WHATWG Encoding Standard: labels, the
 * HTML sniffing order, and decoding to UTF-8. */
#ifndef PITH_ENCODING_H
#define PITH_ENCODING_H

#include <stddef.h>

#include "buf.h"

/* Canonical WHATWG name for a label ("latin1" -> "windows-1252"), or
 * NULL for an unknown label. Case and surrounding whitespace ignored. */
const char *pith_encoding_for_label(const char *label, size_t len);

/* The i-th of the 40 WHATWG encodings in the standard's order ("UTF-8"
 * first), NULL past the last. */
const char *pith_encoding_nth(size_t i);

/* The HTML Standard's "determine the character encoding" for `data`:
 * BOM, then `transport` (a charset label from HTTP, may be NULL), then
 * the <meta> prescan, then: UTF-8 if the bytes are valid UTF-8, else
 * windows-1252. Returns the canonical name. The prescan covers the
 * first 1024 bytes and, beyond them, the rest of the document's head
 * (see encoding_sniff.c). */
const char *pith_sniff_html(const void *data, size_t len,
    const char *transport);

/* The same with a fixed last resort: `fallback` (a label) instead of the
 * UTF-8-or-windows-1252 guess; NULL or an unknown label means the guess. */
const char *pith_sniff_html_fallback(const void *data, size_t len,
    const char *transport, const char *fallback);

/* Only the <meta> prescan (first 1024 bytes); NULL when nothing found. */
const char *pith_prescan_meta(const void *data, size_t len);

/* The prescan pith_sniff_html uses: 1024 bytes, then on through the
 * head; NULL when nothing found. */
const char *pith_prescan_meta_head(const void *data, size_t len);

/* "UTF-8", "UTF-16BE" or "UTF-16LE" when data starts with that byte
 * order mark (its length in *bomlen unless NULL), else NULL. */
const char *pith_sniff_bom(const void *data, size_t len, size_t *bomlen);

/* Decodes `data` in encoding `name` (canonical) to UTF-8, appending to
 * out. A BOM is dropped. Invalid input becomes U+FFFD. Returns the number
 * of replacement characters produced. As in the standard's "decode", a
 * byte order mark overrides `name`; a name that is neither canonical
 * nor a label decodes as UTF-8. The multi-byte (CJK) decoders take their
 * tables from iconv(3) on first use (see encoding_cjk_index.c). */
size_t pith_decode(const char *name, const void *data, size_t len,
    struct pbuf *out);

/* Valid UTF-8 (no overlongs, surrogates or > U+10FFFF)? */
int pith_utf8_valid(const void *data, size_t len);

/* Length of the longest prefix of data that is valid UTF-8 and does not
 * end inside a sequence. */
size_t pith_utf8_valid_prefix(const void *data, size_t len);

/* Copies `data` to out with every invalid UTF-8 sequence replaced by
 * U+FFFD (WHATWG's maximal-subpart rule); returns how many. */
size_t pith_utf8_sanitize(const void *data, size_t len, struct pbuf *out);

#endif
