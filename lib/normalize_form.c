/* Unicode normalization forms and case folding through utf8proc, with a
 * quick check: a line made only of characters that the form leaves
 * alone and that never combine with what precedes them is already
 * normalized and skips utf8proc. Which characters those are is worked
 * out from utf8proc's own data, 256 code points at a time as they are
 * first seen. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "normalize_int.h"

#define PAGES (0x110000 >> 8)

struct pith_form {
	utf8proc_option_t opts;
	uint8_t *page[PAGES];	/* bit per code point: 1 = stable */
	struct pbuf utf8;
	utf8proc_int32_t *buf;
	size_t bufcap;
};

struct pith_form *
pith_form_new(enum pith_norm_form form, int casefold)
{
	struct pith_form *f = xcalloc(1, sizeof *f);

	f->opts = UTF8PROC_STABLE;
	switch (form) {
	case PITH_NFC:
		f->opts |= UTF8PROC_COMPOSE;
		break;
	case PITH_NFD:
		f->opts |= UTF8PROC_DECOMPOSE;
		break;
	case PITH_NFKC:
		f->opts |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
		break;
	case PITH_NFKD:
		f->opts |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
		break;
	}
	if (casefold)
		f->opts |= UTF8PROC_CASEFOLD;
	return f;
}

void
pith_form_free(struct pith_form *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < PAGES; i++)
		free(f->page[i]);
	pbuf_free(&f->utf8);
	free(f->buf);
	free(f);
}

static int
is_hangul_vt(uint32_t c)
{
	return (c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2);
}

static int
stable_char(const struct pith_form *f, uint32_t c)
{
	const utf8proc_property_t *p;
	utf8proc_uint8_t in[4], *res = NULL;
	utf8proc_ssize_t n, len;
	int same;

	if ((c >= 0xD800 && c <= 0xDFFF))
		return 0;
	p = utf8proc_get_property((utf8proc_int32_t)c);
	if (p->combining_class != 0 || is_hangul_vt(c))
		return 0;
	if ((f->opts & UTF8PROC_COMPOSE) && p->comb_index != UINT16_MAX &&
	    p->comb_index >= 0x8000)
		return 0;	/* may compose with the character before */
	len = utf8proc_encode_char((utf8proc_int32_t)c, in);
	n = utf8proc_map(in, len, &res, f->opts);
	same = n == len && memcmp(res, in, (size_t)len) == 0;
	free(res);
	return same;
}

static int
is_stable(struct pith_form *f, uint32_t c)
{
	uint8_t *pg;

	if (c >= 0x110000)
		return 0;
	pg = f->page[c >> 8];
	if (pg == NULL) {
		uint32_t base = c & ~0xFFu, i;

		pg = xcalloc(32, 1);
		for (i = 0; i < 256; i++)
			if (stable_char(f, base + i))
				pg[i >> 3] |= (uint8_t)(1u << (i & 7));
		f->page[c >> 8] = pg;
	}
	return pg[(c & 0xFF) >> 3] >> (c & 7) & 1;
}

void
pith_form_apply(struct pith_form *f, const uint32_t *cp, size_t n,
    struct pbuf *out)
{
	size_t i;
	utf8proc_ssize_t len, r;

	if (f->opts & UTF8PROC_CASEFOLD) {
		int upper = 0;

		/* ASCII capitals fold to small letters and nothing else. */
		for (i = 0; i < n; i++) {
			if (cp[i] >= 'A' && cp[i] <= 'Z')
				upper = 1;
			else if (!is_stable(f, cp[i]))
				break;
		}
		if (i == n && upper) {
			size_t start = out->len;

			pith_utf8_encode(cp, n, out);
			for (i = start; i < out->len; i++)
				if (out->p[i] >= 'A' && out->p[i] <= 'Z')
					out->p[i] += 'a' - 'A';
			return;
		}
	} else {
		for (i = 0; i < n; i++)
			if (cp[i] >= 0x80 && !is_stable(f, cp[i]))
				break;
	}
	if (i == n) {
		pith_utf8_encode(cp, n, out);
		return;
	}
	pbuf_reset(&f->utf8);
	pith_utf8_encode(cp, n, &f->utf8);
	for (;;) {
		len = utf8proc_decompose((const utf8proc_uint8_t *)f->utf8.p,
		    (utf8proc_ssize_t)f->utf8.len, f->buf,
		    (utf8proc_ssize_t)f->bufcap, f->opts);
		if (len < 0) {
			/* Cannot happen on valid input; keep the text. */
			pbuf_append(out, f->utf8.p, f->utf8.len);
			return;
		}
		if ((size_t)len <= f->bufcap)
			break;
		f->bufcap = (size_t)len + 16;
		f->buf = xrealloc(f->buf, f->bufcap * sizeof *f->buf);
	}
	r = utf8proc_normalize_utf32(f->buf, len, f->opts);
	if (r < 0) {
		pbuf_append(out, f->utf8.p, f->utf8.len);
		return;
	}
	{
		uint32_t *v = (uint32_t *)f->buf;

		pith_utf8_encode(v, (size_t)r, out);
	}
}
