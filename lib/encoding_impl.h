/* Private to lib/encoding*.c: the WHATWG encodings and labels (generated
 * into lib/encoding_tables.c by mk/gen-encoding-tables.py) and helpers
 * shared by the decoders. */
#ifndef PITH_ENCODING_IMPL_H
#define PITH_ENCODING_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define PITH_ENC_COUNT		40
#define PITH_LABEL_COUNT	228

enum pith_enc_kind {
	PITH_ENC_UTF8,
	PITH_ENC_SINGLE,	/* table: 128 code points for bytes 0x80-0xFF */
	PITH_ENC_MULTI,		/* CJK, decoded through iconv(3) */
	PITH_ENC_REPLACEMENT,
	PITH_ENC_UTF16BE,
	PITH_ENC_UTF16LE,
	PITH_ENC_USER_DEFINED
};

struct pith_encoding {
	const char *name;	/* canonical WHATWG name */
	enum pith_enc_kind kind;
	const uint16_t *table;	/* single-byte only; 0xFFFD = error */
};

struct pith_label {
	const char *label;	/* lower case, sorted (strcmp order) */
	unsigned char encoding;	/* index into pith_encodings */
};

extern const struct pith_encoding pith_encodings[];
extern const struct pith_label pith_labels[];

/* The entry for a canonical name (exact, case-insensitive) or a label;
 * NULL when neither. */
const struct pith_encoding *pith_encoding_find(const char *name);

#define PITH_UTF8_FFFD	"\xEF\xBF\xBD"

/* Appends code point cp (< 0x110000, not a surrogate) as UTF-8. */
void pith_put_utf8(struct pbuf *out, unsigned long cp);

/* Multi-byte (CJK) decoding through iconv(3); see encoding_cjk.c. */
size_t pith_decode_cjk(const struct pith_encoding *enc, const void *data,
    size_t len, struct pbuf *out);

#endif
