/* Output formats of pith-segment (see segment.h for the units). */
#ifndef PITH_SEGMENT_OUT_H
#define PITH_SEGMENT_OUT_H

#include "buf.h"
#include "segment.h"

/* The unit's text with each line break (LF, CR, CRLF, NEL, LS, PS) made
 * one space, then '\n' (or '\0' when `nul`). */
void pith_seg_write_line(struct pbuf *out, const struct pith_seg_unit *u,
    int nul);
/* {"text":...,"start":N,"end":N,"paragraph":N} and a newline. */
void pith_seg_write_json(struct pbuf *out, const struct pith_seg_unit *u);

#endif
