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
#define PITH_GB18030_RANGES	207

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
/* index-gb18030-ranges.txt: {pointer, code point}, ascending. */
extern const uint32_t pith_gb18030_ranges[][2];

/* The entry for a canonical name (exact, case-insensitive) or a label;
 * NULL when neither. */
const struct pith_encoding *pith_encoding_find(const char *name);

#define PITH_UTF8_FFFD	"\xEF\xBF\xBD"

/* Appends code point cp (< 0x110000, not a surrogate) as UTF-8, inline
 * for the decoders' inner loops. Leaves out->p without its terminating
 * NUL, which the caller writes when done (out->p[out->len] = '\0': there
 * is always room for it). */
static inline void
pith_emit_utf8(struct pbuf *out, uint32_t cp)
{
	unsigned char *s;

	if (out->cap - out->len < 5)
		pbuf_reserve(out, 4096);
	s = (unsigned char *)out->p + out->len;
	if (cp < 0x80) {
		s[0] = (unsigned char)cp;
		out->len += 1;
	} else if (cp < 0x800) {
		s[0] = (unsigned char)(0xC0 | cp >> 6);
		s[1] = (unsigned char)(0x80 | (cp & 0x3F));
		out->len += 2;
	} else if (cp < 0x10000) {
		s[0] = (unsigned char)(0xE0 | cp >> 12);
		s[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		s[2] = (unsigned char)(0x80 | (cp & 0x3F));
		out->len += 3;
	} else {
		s[0] = (unsigned char)(0xF0 | cp >> 18);
		s[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		s[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		s[3] = (unsigned char)(0x80 | (cp & 0x3F));
		out->len += 4;
	}
}

/* The multi-byte decoders (encoding_cjk.c): the WHATWG algorithms over
 * the indexes below. */
size_t pith_decode_cjk(const struct pith_encoding *enc, const void *data,
    size_t len, struct pbuf *out);

enum pith_cjk_index {
	PITH_JIS0208, PITH_JIS0212, PITH_EUC_KR, PITH_GB18030, PITH_BIG5,
	PITH_CJK_INDEX_COUNT
};

/* An index as pointer -> code point (0: no entry), `*size` pointers;
 * built from iconv(3) on first use (encoding_cjk_index.c). */
const uint32_t *pith_cjk_index(enum pith_cjk_index which, size_t *size);

#endif
