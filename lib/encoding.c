/* WHATWG labels and the decoders that need no library: single-byte
 * tables, UTF-16, x-user-defined and replacement. UTF-8 is in
 * encoding_utf8.c, the CJK encodings in encoding_cjk.c, sniffing in
 * encoding_sniff.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "encoding_impl.h"

#define LABEL_MAX	32	/* the longest WHATWG label has 19 bytes */
#define HIGH_BITS	0x8080808080808080ULL
#define CHUNK		4096	/* input bytes per reservation */

static int
is_ascii_space(unsigned char c)
{
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int
label_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pith_label *)elem)->label);
}

static const struct pith_encoding *
find_label(const char *label, size_t len)
{
	const struct pith_label *hit;
	char key[LABEL_MAX + 1];
	size_t i;

	while (len > 0 && is_ascii_space((unsigned char)label[0])) {
		label++;
		len--;
	}
	while (len > 0 && is_ascii_space((unsigned char)label[len - 1]))
		len--;
	if (len == 0 || len > LABEL_MAX)
		return NULL;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)label[i];

		if (c == '\0')
			return NULL;
		key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	key[len] = '\0';
	hit = bsearch(key, pith_labels, PITH_LABEL_COUNT, sizeof pith_labels[0],
	    label_cmp);
	return hit ? &pith_encodings[hit->encoding] : NULL;
}

const char *
pith_encoding_for_label(const char *label, size_t len)
{
	const struct pith_encoding *e;

	if (label == NULL)
		return NULL;
	e = find_label(label, len);
	return e ? e->name : NULL;
}

const char *
pith_encoding_nth(size_t i)
{
	return i < PITH_ENC_COUNT ? pith_encodings[i].name : NULL;
}

const struct pith_encoding *
pith_encoding_find(const char *name)
{
	int i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < PITH_ENC_COUNT; i++)
		if (strcasecmp(name, pith_encodings[i].name) == 0)
			return &pith_encodings[i];
	return find_label(name, strlen(name));
}

/* Single-byte encodings and x-user-defined (table == NULL): bytes below
 * 0x80 are ASCII, the others go through the 128-entry table, so one
 * input byte makes at most three output bytes. Output is written in
 * place, a chunk at a time. */
static size_t
decode_single(const uint16_t *table, const unsigned char *p, size_t len,
    struct pbuf *out)
{
	size_t errors = 0, n, i;
	unsigned char *o;
	uint64_t w;
	unsigned cp;

	while (len > 0) {
		n = len < CHUNK ? len : CHUNK;
		pbuf_reserve(out, 3 * n);
		o = (unsigned char *)out->p + out->len;
		i = 0;
		while (i < n) {
			if (i + 8 <= n) {
				memcpy(&w, p + i, 8);
				if ((w & HIGH_BITS) == 0) {
					memcpy(o, &w, 8);
					o += 8;
					i += 8;
					continue;
				}
			}
			if (p[i] < 0x80) {
				*o++ = p[i++];
				continue;
			}
			cp = table ? table[p[i] - 0x80] : 0xF780u + p[i] - 0x80;
			if (cp == 0xFFFD)
				errors++;
			if (cp < 0x800) {
				*o++ = (unsigned char)(0xC0 | cp >> 6);
				*o++ = (unsigned char)(0x80 | (cp & 0x3F));
			} else {
				*o++ = (unsigned char)(0xE0 | cp >> 12);
				*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
				*o++ = (unsigned char)(0x80 | (cp & 0x3F));
			}
			i++;
		}
		out->len = (size_t)((char *)o - out->p);
		out->p[out->len] = '\0';
		p += n;
		len -= n;
	}
	return errors;
}

/* The WHATWG UTF-16 decoder: a lead surrogate not followed by a trail
 * gives U+FFFD and the unit after it is read again; a lone trail gives
 * U+FFFD; an odd final byte or a final lead surrogate give one U+FFFD. */
static size_t
decode_utf16(int big_endian, const unsigned char *p, size_t len,
    struct pbuf *out)
{
	size_t errors = 0, i;
	unsigned unit, lead = 0;

	pbuf_reserve(out, len + len / 2);
	for (i = 0; i + 1 < len; i += 2) {
		unit = big_endian ? (unsigned)p[i] << 8 | p[i + 1] :
		    (unsigned)p[i + 1] << 8 | p[i];
		if (lead != 0) {
			if (unit >= 0xDC00 && unit <= 0xDFFF) {
				pith_emit_utf8(out, 0x10000 +
				    ((uint32_t)(lead - 0xD800) << 10) +
				    (unit - 0xDC00));
				lead = 0;
				continue;
			}
			pbuf_append(out, PITH_UTF8_FFFD, 3);
			errors++;
			lead = 0;
		}
		if (unit >= 0xD800 && unit <= 0xDBFF)
			lead = unit;
		else if (unit >= 0xDC00 && unit <= 0xDFFF) {
			pbuf_append(out, PITH_UTF8_FFFD, 3);
			errors++;
		} else
			pith_emit_utf8(out, unit);
	}
	if (lead != 0 || (len & 1)) {
		pbuf_append(out, PITH_UTF8_FFFD, 3);
		errors++;
	}
	out->p[out->len] = '\0';
	return errors;
}

size_t
pith_decode(const char *name, const void *data, size_t len,
    struct pbuf *out)
{
	const struct pith_encoding *enc = pith_encoding_find(name);
	const unsigned char *p = data;
	const char *bom;
	size_t bomlen;

	/* WHATWG "decode": a byte order mark decides, and is dropped. */
	if ((bom = pith_sniff_bom(p, len, &bomlen)) != NULL) {
		enc = pith_encoding_find(bom);
		p += bomlen;
		len -= bomlen;
	}
	if (enc == NULL)
		enc = pith_encoding_find("UTF-8");
	pbuf_reserve(out, len);
	out->p[out->len] = '\0';	/* a string even when nothing is added */
	switch (enc->kind) {
	case PITH_ENC_UTF8:
		return pith_utf8_sanitize(p, len, out);
	case PITH_ENC_SINGLE:
		return decode_single(enc->table, p, len, out);
	case PITH_ENC_USER_DEFINED:
		return decode_single(NULL, p, len, out);
	case PITH_ENC_UTF16BE:
		return decode_utf16(1, p, len, out);
	case PITH_ENC_UTF16LE:
		return decode_utf16(0, p, len, out);
	case PITH_ENC_REPLACEMENT:
		if (len == 0)
			return 0;
		pbuf_append(out, PITH_UTF8_FFFD, 3);
		return 1;
	case PITH_ENC_MULTI:
		return pith_decode_cjk(enc, p, len, out);
	}
	return 0;
}
