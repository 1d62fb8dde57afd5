/* The WHATWG decoders for the multi-byte encodings: Shift_JIS, EUC-JP,
 * ISO-2022-JP, gb18030 (and GBK, which decodes the same), Big5 and
 * EUC-KR, written after the standard's algorithms, so errors, resyncing
 * and the special cases (0x80 in gb18030 and Shift_JIS, Big5's four
 * two-code-point pointers, Shift_JIS user-defined area, ISO-2022-JP's
 * escape rules) are the standard's. The indexes come from glibc's iconv
 * (encoding_cjk_index.c, which lists where glibc and WHATWG disagree);
 * gb18030's four-byte ranges are in encoding_tables.c. */
#include <stdint.h>
#include <string.h>

#include "encoding.h"
#include "encoding_impl.h"

struct dec {
	const unsigned char *p;
	size_t len, i;
	struct pbuf *out;
	size_t errors;
};

static void
emit(struct dec *d, uint32_t cp)
{
	pith_emit_utf8(d->out, cp);
}

static void
error(struct dec *d)
{
	pbuf_append(d->out, PITH_UTF8_FFFD, 3);
	d->errors++;
}

/* Copies the ASCII run at d->i. */
static void
ascii_run(struct dec *d)
{
	size_t j = d->i;

	while (j < d->len && d->p[j] < 0x80)
		j++;
	pbuf_append(d->out, d->p + d->i, j - d->i);
	d->i = j;
}

/* After a lead byte whose pair has no code point: a trail byte that is
 * ASCII is read again, any other is part of the bad pair. */
static void
bad_pair(struct dec *d)
{
	if (d->p[d->i] >= 0x80)
		d->i++;
	error(d);
}

static uint32_t
lookup(const uint32_t *index, size_t size, size_t pointer)
{
	return pointer < size ? index[pointer] : 0;
}

static void
decode_shift_jis(struct dec *d)
{
	size_t size, ptr;
	const uint32_t *jis = pith_cjk_index(PITH_JIS0208, &size);
	unsigned lead, b;
	uint32_t cp;

	while (d->i < d->len) {
		if ((b = d->p[d->i]) < 0x80) {
			ascii_run(d);
			continue;
		}
		d->i++;
		if (b == 0x80 || (b >= 0xA1 && b <= 0xDF)) {
			emit(d, b == 0x80 ? 0x80 : 0xFF61 - 0xA1 + b);
			continue;
		}
		if (!((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC))) {
			error(d);
			continue;
		}
		lead = b;
		if (d->i >= d->len) {
			error(d);
			break;
		}
		b = d->p[d->i];
		ptr = SIZE_MAX;
		if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC))
			ptr = (lead - (lead < 0xA0 ? 0x81 : 0xC1)) * 188 + b -
			    (b < 0x7F ? 0x40 : 0x41);
		if (ptr >= 8836 && ptr <= 10715)	/* user-defined area */
			cp = 0xE000 - 8836 + (uint32_t)ptr;
		else
			cp = lookup(jis, size, ptr);
		if (cp == 0) {
			bad_pair(d);
			continue;
		}
		d->i++;
		emit(d, cp);
	}
}

static void
decode_euc_jp(struct dec *d)
{
	size_t size0208, size0212, size;
	const uint32_t *jis0208 = pith_cjk_index(PITH_JIS0208, &size0208);
	const uint32_t *jis0212 = pith_cjk_index(PITH_JIS0212, &size0212);
	const uint32_t *index;
	unsigned lead, b;
	uint32_t cp;

	while (d->i < d->len) {
		if ((b = d->p[d->i]) < 0x80) {
			ascii_run(d);
			continue;
		}
		d->i++;
		if (b != 0x8E && b != 0x8F && !(b >= 0xA1 && b <= 0xFE)) {
			error(d);
			continue;
		}
		if (d->i >= d->len) {
			error(d);
			break;
		}
		lead = b;
		b = d->p[d->i];
		if (lead == 0x8E) {		/* half-width katakana */
			if (b >= 0xA1 && b <= 0xDF) {
				d->i++;
				emit(d, 0xFF61 - 0xA1 + b);
			} else
				bad_pair(d);
			continue;
		}
		index = jis0208;
		size = size0208;
		if (lead == 0x8F) {		/* JIS X 0212: three bytes */
			if (!(b >= 0xA1 && b <= 0xFE)) {
				bad_pair(d);
				continue;
			}
			d->i++;
			if (d->i >= d->len) {
				error(d);
				break;
			}
			lead = b;
			b = d->p[d->i];
			index = jis0212;
			size = size0212;
		}
		cp = 0;
		if (b >= 0xA1 && b <= 0xFE)
			cp = lookup(index, size, (lead - 0xA1) * 94 + b - 0xA1);
		if (cp == 0) {
			bad_pair(d);
			continue;
		}
		d->i++;
		emit(d, cp);
	}
}

enum jis_state {
	JIS_ASCII, JIS_ROMAN, JIS_KATAKANA, JIS_LEAD, JIS_TRAIL,
	JIS_ESCAPE_START, JIS_ESCAPE
};

static void
decode_iso_2022_jp(struct dec *d)
{
	size_t size;
	const uint32_t *jis = pith_cjk_index(PITH_JIS0208, &size);
	enum jis_state state = JIS_ASCII, out_state = JIS_ASCII;
	int output = 0, next, eof, was_output;
	unsigned b, lead = 0;
	uint32_t cp;

	for (;;) {
		eof = d->i >= d->len;
		b = eof ? 0 : d->p[d->i];
		switch (state) {
		case JIS_ASCII:
		case JIS_ROMAN:
		case JIS_KATAKANA:
		case JIS_LEAD:
			if (eof)
				return;
			d->i++;
			if (b == 0x1B) {
				state = JIS_ESCAPE_START;
				break;
			}
			output = 0;
			if (state == JIS_ROMAN && b == 0x5C)
				emit(d, 0xA5);
			else if (state == JIS_ROMAN && b == 0x7E)
				emit(d, 0x203E);
			else if ((state == JIS_ASCII || state == JIS_ROMAN) &&
			    b < 0x80 && b != 0x0E && b != 0x0F)
				emit(d, b);
			else if (state == JIS_KATAKANA && b >= 0x21 &&
			    b <= 0x5F)
				emit(d, 0xFF61 - 0x21 + b);
			else if (state == JIS_LEAD && b >= 0x21 && b <= 0x7E) {
				lead = b;
				state = JIS_TRAIL;
			} else
				error(d);
			break;
		case JIS_TRAIL:
			state = JIS_LEAD;
			if (eof) {
				error(d);
				break;
			}
			d->i++;
			if (b == 0x1B) {
				state = JIS_ESCAPE_START;
				error(d);
				break;
			}
			cp = 0;
			if (b >= 0x21 && b <= 0x7E)
				cp = lookup(jis, size,
				    (lead - 0x21) * 94 + b - 0x21);
			if (cp == 0)
				error(d);
			else
				emit(d, cp);
			break;
		case JIS_ESCAPE_START:
			if (!eof && (b == 0x24 || b == 0x28)) {
				d->i++;
				lead = b;
				state = JIS_ESCAPE;
				break;
			}
			output = 0;	/* the byte is read again */
			state = out_state;
			error(d);
			break;
		case JIS_ESCAPE:
			next = -1;
			if (!eof && lead == 0x28 && b == 0x42)
				next = JIS_ASCII;
			else if (!eof && lead == 0x28 && b == 0x4A)
				next = JIS_ROMAN;
			else if (!eof && lead == 0x28 && b == 0x49)
				next = JIS_KATAKANA;
			else if (!eof && lead == 0x24 &&
			    (b == 0x40 || b == 0x42))
				next = JIS_LEAD;
			if (next >= 0) {
				d->i++;
				state = out_state = (enum jis_state)next;
				was_output = output;
				output = 1;
				/* Two escapes with nothing between. */
				if (was_output)
					error(d);
				break;
			}
			d->i--;		/* '$' or '(' is read again */
			output = 0;
			state = out_state;
			error(d);
			break;
		}
	}
}

/* index-gb18030-ranges: the code point for a four-byte pointer. */
static uint32_t
gb18030_range(uint32_t ptr)
{
	size_t lo = 0, hi = PITH_GB18030_RANGES, mid;

	if ((ptr > 39419 && ptr < 189000) || ptr > 1237575)
		return 0;
	if (ptr == 7457)
		return 0xE7C7;
	while (hi - lo > 1) {		/* last range starting <= ptr */
		mid = (lo + hi) / 2;
		if (pith_gb18030_ranges[mid][0] <= ptr)
			lo = mid;
		else
			hi = mid;
	}
	return pith_gb18030_ranges[lo][1] + ptr - pith_gb18030_ranges[lo][0];
}

static void
decode_gb18030(struct dec *d)
{
	size_t size;
	const uint32_t *gb = pith_cjk_index(PITH_GB18030, &size);
	unsigned first, b, third, fourth;
	uint32_t cp;

	while (d->i < d->len) {
		if ((b = d->p[d->i]) < 0x80) {
			ascii_run(d);
			continue;
		}
		d->i++;
		if (b == 0x80) {
			emit(d, 0x20AC);
			continue;
		}
		if (b == 0xFF) {
			error(d);
			continue;
		}
		first = b;
		if (d->i >= d->len) {
			error(d);
			break;
		}
		b = d->p[d->i];
		if (b >= 0x30 && b <= 0x39) {
			/* Four bytes. On a bad third or fourth byte the
			 * second byte on is read again. */
			if (d->i + 2 >= d->len) {
				if (d->i + 1 < d->len &&
				    !(d->p[d->i + 1] >= 0x81 &&
				    d->p[d->i + 1] <= 0xFE)) {
					error(d);
					continue;
				}
				error(d);	/* truncated at the end */
				d->i = d->len;
				break;
			}
			third = d->p[d->i + 1];
			fourth = d->p[d->i + 2];
			if (!(third >= 0x81 && third <= 0xFE) ||
			    !(fourth >= 0x30 && fourth <= 0x39)) {
				error(d);
				continue;
			}
			d->i += 3;
			cp = gb18030_range((first - 0x81) * 12600 +
			    (b - 0x30) * 1260 + (third - 0x81) * 10 +
			    fourth - 0x30);
			if (cp == 0)
				error(d);
			else
				emit(d, cp);
			continue;
		}
		cp = 0;
		if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE))
			cp = lookup(gb, size, (first - 0x81) * 190 + b -
			    (b < 0x7F ? 0x40 : 0x41));
		if (cp == 0) {
			bad_pair(d);
			continue;
		}
		d->i++;
		emit(d, cp);
	}
}

static void
decode_big5(struct dec *d)
{
	size_t size, ptr;
	const uint32_t *big5 = pith_cjk_index(PITH_BIG5, &size);
	unsigned lead, b;
	uint32_t cp;

	while (d->i < d->len) {
		if ((b = d->p[d->i]) < 0x80) {
			ascii_run(d);
			continue;
		}
		d->i++;
		if (b < 0x81 || b > 0xFE) {
			error(d);
			continue;
		}
		lead = b;
		if (d->i >= d->len) {
			error(d);
			break;
		}
		b = d->p[d->i];
		ptr = SIZE_MAX;
		if ((b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE))
			ptr = (lead - 0x81) * 157 + b -
			    (b < 0x7F ? 0x40 : 0x62);
		if (ptr == 1133 || ptr == 1135 || ptr == 1164 || ptr == 1166) {
			/* Ê or ê with a macron or caron: two code points */
			d->i++;
			emit(d, ptr < 1164 ? 0xCA : 0xEA);
			emit(d, ptr == 1133 || ptr == 1164 ? 0x304 : 0x30C);
			continue;
		}
		if ((cp = lookup(big5, size, ptr)) == 0) {
			bad_pair(d);
			continue;
		}
		d->i++;
		emit(d, cp);
	}
}

static void
decode_euc_kr(struct dec *d)
{
	size_t size, ptr;
	const uint32_t *kr = pith_cjk_index(PITH_EUC_KR, &size);
	unsigned lead, b;
	uint32_t cp;

	while (d->i < d->len) {
		if ((b = d->p[d->i]) < 0x80) {
			ascii_run(d);
			continue;
		}
		d->i++;
		if (b < 0x81 || b > 0xFE) {
			error(d);
			continue;
		}
		lead = b;
		if (d->i >= d->len) {
			error(d);
			break;
		}
		b = d->p[d->i];
		ptr = SIZE_MAX;
		if (b >= 0x41 && b <= 0xFE)
			ptr = (lead - 0x81) * 190 + b - 0x41;
		if ((cp = lookup(kr, size, ptr)) == 0) {
			bad_pair(d);
			continue;
		}
		d->i++;
		emit(d, cp);
	}
}

size_t
pith_decode_cjk(const struct pith_encoding *enc, const void *data,
    size_t len, struct pbuf *out)
{
	struct dec d = {data, len, 0, out, 0};
	const char *name = enc->name;

	pbuf_reserve(out, len + len / 2);
	if (strcmp(name, "Shift_JIS") == 0)
		decode_shift_jis(&d);
	else if (strcmp(name, "EUC-JP") == 0)
		decode_euc_jp(&d);
	else if (strcmp(name, "ISO-2022-JP") == 0)
		decode_iso_2022_jp(&d);
	else if (strcmp(name, "gb18030") == 0 || strcmp(name, "GBK") == 0)
		decode_gb18030(&d);
	else if (strcmp(name, "Big5") == 0)
		decode_big5(&d);
	else if (strcmp(name, "EUC-KR") == 0)
		decode_euc_kr(&d);
	out->p[out->len] = '\0';
	return d.errors;
}
