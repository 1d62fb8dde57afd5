/* Brotli decoding for HTTP bodies (Content-Encoding: br), internal to
 * lib/http.c. */
#ifndef PITH_BROTLI_H
#define PITH_BROTLI_H

#include <stddef.h>

#include "buf.h"

/* True when libbrotlidec could be loaded. */
int pith_brotli_available(void);

/* Appends the decoded `in` to `out`, at most `max` bytes in all. Returns
 * 0, or -1 with *err: "payload over limit", "truncated brotli data",
 * "bad brotli data"; `out` keeps what was decoded. */
int pith_brotli_decode(const unsigned char *in, size_t len, struct pbuf *out,
    size_t max, const char **err);

#endif
