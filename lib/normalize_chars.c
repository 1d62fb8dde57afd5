/* The per-character rules: control and invisible characters, joiners,
 * spaces and line separators, C1 controls read back as windows-1252, and
 * the optional foldings (quotes and punctuation, full-width forms,
 * ligatures). */
#include <utf8proc.h>

#include "mojibake.h"
#include "normalize_int.h"

enum pith_script
pith_script_of(uint32_t c)
{
	if (c < 0x250)
		return ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= 0xC0 && c != 0xD7 && c != 0xF7)) ?
		    SCRIPT_LATIN : SCRIPT_OTHER;
	if (c >= 0x1E00 && c <= 0x1EFF)
		return SCRIPT_LATIN;
	if (c >= 0x370 && c <= 0x3FF)
		return SCRIPT_GREEK;
	if (c >= 0x1F00 && c <= 0x1FFF)
		return SCRIPT_GREEK;
	if (c >= 0x400 && c <= 0x52F)
		return SCRIPT_CYRILLIC;
	if (c >= 0x530 && c <= 0x58F)
		return SCRIPT_ARMENIAN;
	if (c >= 0x590 && c <= 0x5FF)
		return SCRIPT_HEBREW;
	if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) ||
	    (c >= 0x8A0 && c <= 0x8FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFE))
		return SCRIPT_ARABIC;
	if (c >= 0x900 && c <= 0xDFF)
		return SCRIPT_INDIC;
	if (c >= 0xE00 && c <= 0xE7F)
		return SCRIPT_THAI;
	if ((c >= 0xE80 && c <= 0x10FF && !(c >= 0x10A0)) ||
	    (c >= 0x1780 && c <= 0x18AF))
		return SCRIPT_SEA;
	if (c >= 0x10A0 && c <= 0x10FF)
		return SCRIPT_GEORGIAN;
	if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
	    (c >= 0xAC00 && c <= 0xD7AF))
		return SCRIPT_HANGUL;
	if (c >= 0x3040 && c <= 0x30FF)
		return SCRIPT_KANA;
	if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF))
		return SCRIPT_HAN;
	return SCRIPT_OTHER;
}

static int
is_space_separator(uint32_t c)
{
	return c == 0x20 || c == 0xA0 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	    c == 0x3000;
}

static int
is_bidi_control(uint32_t c)
{
	return c == 0x200E || c == 0x200F || c == 0x061C ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Characters next to which ZWJ and ZWNJ change the rendering: emoji
 * (sequences such as family or profession emoji) and the scripts with
 * cursive joining or conjuncts (Arabic and Persian, Syriac, N'Ko, the
 * Indic scripts, Myanmar, Khmer, Mongolian). */
static int
joiner_context(uint32_t c)
{
	enum pith_script s;

	if ((c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
	    (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2B00 && c <= 0x2BFF) ||
	    c == 0xFE0F || (c >= 0xE0020 && c <= 0xE007F))
		return 1;
	if ((c >= 0x700 && c <= 0x7FF))
		return 1;
	s = pith_script_of(c);
	return s == SCRIPT_ARABIC || s == SCRIPT_INDIC || s == SCRIPT_SEA;
}

/* Appends the compatibility decomposition of c. */
static int
fold_compat(uint32_t c, struct pith_cpv *out)
{
	utf8proc_int32_t buf[8];
	utf8proc_ssize_t n, i;
	int last = 0;

	n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 8,
	    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
	if (n <= 0 || n > 8)
		return 0;
	for (i = 0; i < n; i++)
		pith_cpv_push(out, (uint32_t)buf[i]);
	return 1;
}

static int
fold_ligature(uint32_t c, struct pith_cpv *out)
{
	if (!((c >= 0xFB00 && c <= 0xFB06) || c == 0x132 || c == 0x133 ||
	    (c >= 0x1C4 && c <= 0x1CC)))
		return 0;
	return fold_compat(c, out);
}

static const char *
ascii_punct(const struct pith_norm_opts *o, uint32_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
		return "\"";
	}
	if (!o->ascii_punct)
		return NULL;
	switch (c) {
	case 0x2032:
		return "'";
	case 0x2033:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2043: case 0xFE58: case 0xFE63:
		return "-";
	case 0x2026:
		return "...";
	}
	return NULL;
}

void
pith_norm_chars(const struct pith_norm_opts *o, const uint32_t *in,
    size_t n, struct pith_cpv *out, uint64_t *removed)
{
	size_t i;
	int ws = !o->keep_space;

	out->n = 0;
	pith_cpv_reserve(out, n + 8);
	for (i = 0; i < n; i++) {
		uint32_t c = in[i];
		const char *rep;

		if (c >= 0x20 && c < 0x7F) {
			pith_cpv_push(out, c);
			continue;
		}
		if (c == 0x1B && i + 1 < n && in[i + 1] == '[') {
			/* A terminal escape ("ESC [ 1 ; 31 m"): all of it. */
			for (i += 2; i < n && !(in[i] >= 0x40 && in[i] <= 0x7E);
			    i++)
				;
			(*removed)++;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			if (c == '\t' || c == '\n')
				pith_cpv_push(out, c);
			else if (c == '\r' || c == '\v' || c == '\f')
				pith_cpv_push(out, ws ? '\n' : c);
			else
				(*removed)++;
			continue;
		}
		if (c < 0x80) {
			pith_cpv_push(out, c);
			continue;
		}
		if (c <= 0x9F) {
			uint32_t w = pith_codepages[0].to_unicode[c - 0x80];

			/* Windows-1252 read as latin-1. */
			if (o->mojibake && w != c)
				c = w;
			else {
				(*removed)++;
				continue;
			}
		}
		if (c == 0xFEFF || c == 0xAD || c == 0x200B || c == 0x2060 ||
		    (!o->keep_bidi && is_bidi_control(c))) {
			(*removed)++;
			continue;
		}
		if (c == 0x200C || c == 0x200D) {
			if (i > 0 && i + 1 < n && joiner_context(in[i - 1]) &&
			    joiner_context(in[i + 1]))
				pith_cpv_push(out, c);
			else
				(*removed)++;
			continue;
		}
		if (ws && is_space_separator(c)) {
			pith_cpv_push(out, ' ');
			continue;
		}
		if (ws && (c == 0x2028 || c == 0x2029)) {
			pith_cpv_push(out, '\n');
			if (c == 0x2029)
				pith_cpv_push(out, '\n');
			continue;
		}
		if ((o->ascii_quotes || o->ascii_punct) &&
		    (rep = ascii_punct(o, c)) != NULL) {
			while (*rep)
				pith_cpv_push(out, (uint32_t)*rep++);
			continue;
		}
		if (o->fullwidth && c >= 0xFF01 && c <= 0xFF5E) {
			pith_cpv_push(out, c - 0xFEE0);
			continue;
		}
		if (o->fullwidth && c == 0x3000) {
			pith_cpv_push(out, ' ');	/* full-width space */
			continue;
		}
		if (o->fullwidth && c >= 0xFF61 && c <= 0xFFEE &&
		    fold_compat(c, out))
			continue;	/* half-width katakana, Hangul, signs */
		if (o->ligatures && fold_ligature(c, out))
			continue;
		pith_cpv_push(out, c);
	}
}
