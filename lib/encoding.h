/* Character encodings after the WHATWG Encoding Standard: labels, the
 * HTML sniffing order, and decoding to UTF-8. */
#ifndef PITH_ENCODING_H
#define PITH_ENCODING_H

#include <stddef.h>

#include "buf.h"

/* Canonical WHATWG name for a label ("latin1" -> "windows-1252"), or
 * NULL for an unknown label. Case and surrounding whitespace ignored. */
const char *pith_encoding_for_label(const char *label, size_t len);

/* The HTML Standard's "determine the character encoding" for `data`:
 * BOM, then `transport` (a charset label from HTTP, may be NULL), then
 * the <meta> prescan, then: UTF-8 if the bytes are valid UTF-8, else
 * windows-1252. Returns the canonical name. */
const char *pith_sniff_html(const void *data, size_t len,
    const char *transport);

/* Only the <meta> prescan (first 1024 bytes); NULL when nothing found. */
const char *pith_prescan_meta(const void *data, size_t len);

/* Decodes `data` in encoding `name` (canonical) to UTF-8, appending to
 * out. A BOM is dropped. Invalid input becomes U+FFFD. Returns the number
 * of replacement characters produced. */
size_t pith_decode(const char *name, const void *data, size_t len,
    struct pbuf *out);

/* Valid UTF-8 (no overlongs, surrogates or > U+10FFFF)? */
int pith_utf8_valid(const void *data, size_t len);

/* Copies `data` to out with every invalid UTF-8 sequence replaced by
 * U+FFFD (WHATWG's maximal-subpart rule); returns how many. */
size_t pith_utf8_sanitize(const void *data, size_t len, struct pbuf *out);

#endif
