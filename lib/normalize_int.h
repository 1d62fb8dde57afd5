/* Internals shared by the normalize*.c, entities.c and mojibake.c files:
 * a growable array of code points and the per-character steps. */
#ifndef PITH_NORMALIZE_INT_H
#define PITH_NORMALIZE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "normalize.h"

struct pith_cpv {
	uint32_t *v;
	size_t n, cap;
};

void pith_cpv_reserve(struct pith_cpv *c, size_t extra);

static inline void
pith_cpv_push(struct pith_cpv *c, uint32_t cp)
{
	if (c->n == c->cap)
		pith_cpv_reserve(c, 1);
	c->v[c->n++] = cp;
}

void pith_cpv_free(struct pith_cpv *c);

/* UTF-8 -> code points (appended); each invalid sequence (maximal
 * subpart, as WHATWG decoders do) becomes U+FFFD. Returns how many. */
size_t pith_utf8_decode(const unsigned char *s, size_t len,
    struct pith_cpv *out);
/* Code points -> UTF-8 (appended). */
void pith_utf8_encode(const uint32_t *cp, size_t n, struct pbuf *out);

/* HTML character references decoded in place; returns the new length
 * and adds the number decoded to *count. */
size_t pith_entities_decode(uint32_t *cp, size_t n, uint64_t *count);

/* Mojibake repair: replaces in->v with the repaired text (using tmp as
 * scratch); returns the number of sequences repaired (0: untouched). */
size_t pith_mojibake_fix(struct pith_cpv *in, struct pith_cpv *tmp);

/* Control, invisible and space characters, folding: in -> out. */
void pith_norm_chars(const struct pith_norm_opts *o, const uint32_t *in,
    size_t n, struct pith_cpv *out, uint64_t *removed);

/* Unicode form of in (code points) appended to out as UTF-8. */
struct pith_form;
struct pith_form *pith_form_new(enum pith_norm_form form, int casefold);
void pith_form_free(struct pith_form *f);
void pith_form_apply(struct pith_form *f, const uint32_t *cp, size_t n,
    struct pbuf *out);

/* Coarse script of a code point, enough to tell whether neighbouring
 * letters belong together. */
enum pith_script {
	SCRIPT_OTHER, SCRIPT_LATIN, SCRIPT_GREEK, SCRIPT_CYRILLIC,
	SCRIPT_ARMENIAN, SCRIPT_HEBREW, SCRIPT_ARABIC, SCRIPT_INDIC,
	SCRIPT_THAI, SCRIPT_GEORGIAN, SCRIPT_HANGUL, SCRIPT_KANA, SCRIPT_HAN,
	SCRIPT_SEA	/* Lao, Tibetan, Myanmar, Khmer ... */
};
enum pith_script pith_script_of(uint32_t cp);

#endif
