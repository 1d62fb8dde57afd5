#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dom.h"

/*
 * One arena per document. gumbo frees nearly as much as it keeps (each
 * tag and text is built in a buffer that doubles, then copied; vectors
 * grow), so freed blocks are reused: small blocks come from slabs that
 * each hold one size, and a freed block goes on its size's free list.
 * A slab is aligned to its size, so a block's slab, and with it the
 * block's size, is found from its address: no header per block, which
 * for gumbo's million small nodes on a large page is megabytes. Slabs
 * are cut from chunks that grow with the document; a block over
 * SMALL_MAX is a slab of its own, freed when gumbo frees it.
 */
#define SLAB_SIZE ((size_t)1 << 14)
#define CHUNK_MIN ((size_t)1 << 20)
#define SMALL_MAX 4096
#define ALIGN 8		/* gumbo's structs hold pointers and ints */
#define EXACT_MAX 256	/* sizes to here are classes of their own */
#define CLASSES (EXACT_MAX / ALIGN + 4 * 8 + 1)

struct slab {
	struct slab *prev, *next;	/* large blocks and chunks */
	size_t size;		/* of each block; above SMALL_MAX, the one */
	size_t used;		/* bytes carved, header included */
	size_t cls;		/* size class */
	max_align_t data[];
};

struct pith_arena {
	struct slab *chunks;	/* each chunk's first slab heads it */
	struct slab *large;
	char *cut, *cut_end;	/* slabs not yet handed out */
	struct slab *open[CLASSES];	/* slab being carved, per size */
	void *free_list[CLASSES];
	size_t held;		/* bytes carved or in large blocks */
	size_t chunk_bytes;
};

static void
link_slab(struct slab **list, struct slab *sl)
{
	sl->prev = NULL;
	sl->next = *list;
	if (*list)
		(*list)->prev = sl;
	*list = sl;
}

/* Rounds n (1 to SMALL_MAX) up to its size class and returns the class:
 * multiples of 8 to EXACT_MAX, then eight classes per power of two
 * (at most an eighth wasted), so a page's texts of every length share
 * a few dozen slabs. */
static size_t
size_class(size_t *n)
{
	size_t e, step;

	if (*n <= EXACT_MAX) {
		*n = (*n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
		return *n / ALIGN;
	}
	e = 63 - (size_t)__builtin_clzll(*n - 1);	/* 2^e < n <= 2^(e+1) */
	step = (size_t)1 << (e - 3);
	*n = (*n + step - 1) & ~(step - 1);
	return EXACT_MAX / ALIGN + (e - 8) * 8 + (*n - ((size_t)1 << e)) / step;
}

static struct slab *
slab_new(struct pith_arena *a, size_t size, size_t cls)
{
	struct slab *sl;

	if (a->cut == a->cut_end) {
		/* Chunks grow with the document so large pages need few. */
		size_t n = a->chunk_bytes / 8 > CHUNK_MIN ?
		    a->chunk_bytes / 8 : CHUNK_MIN;

		n &= ~(SLAB_SIZE - 1);
		a->cut = xaligned_alloc(SLAB_SIZE, n);
		a->cut_end = a->cut + n;
		a->chunk_bytes += n;
		link_slab(&a->chunks, (struct slab *)a->cut);
	}
	sl = (struct slab *)a->cut;
	a->cut += SLAB_SIZE;
	sl->size = size;
	sl->cls = cls;
	sl->used = sizeof *sl;
	return sl;
}

static void *
arena_alloc(void *ud, size_t n)
{
	struct pith_arena *a = ud;
	struct slab *sl;
	size_t cls;
	void *p;

	n = n ? (n + ALIGN - 1) & ~(size_t)(ALIGN - 1) : ALIGN;
	if (n > SMALL_MAX) {
		sl = xaligned_alloc(SLAB_SIZE, sizeof *sl + n);
		sl->size = n;
		link_slab(&a->large, sl);
		a->held += n;
		return sl->data;
	}
	cls = size_class(&n);
	if ((p = a->free_list[cls]) != NULL) {
		a->free_list[cls] = *(void **)p;
		return p;
	}
	sl = a->open[cls];
	if (sl == NULL || SLAB_SIZE - sl->used < n)
		sl = a->open[cls] = slab_new(a, n, cls);
	p = (char *)sl + sl->used;
	sl->used += n;
	a->held += n;
	return p;
}

static void
arena_free(void *ud, void *p)
{
	struct pith_arena *a = ud;
	struct slab *sl;

	if (p == NULL)
		return;
	sl = (struct slab *)((uintptr_t)p & ~(uintptr_t)(SLAB_SIZE - 1));
	if (sl->size > SMALL_MAX) {
		if (sl->prev)
			sl->prev->next = sl->next;
		else
			a->large = sl->next;
		if (sl->next)
			sl->next->prev = sl->prev;
		a->held -= sl->size;
		free(sl);
		return;
	}
	*(void **)p = a->free_list[sl->cls];
	a->free_list[sl->cls] = p;
}

int
pith_dom_parse(const char *html, size_t len, struct pith_dom *d)
{
	GumboOptions opts = kGumboDefaultOptions;

	d->arena = xcalloc(1, sizeof *d->arena);
	opts.allocator = arena_alloc;
	opts.deallocator = arena_free;
	opts.userdata = d->arena;
	opts.max_errors = 0;	/* we never read the error list */
	d->out = gumbo_parse_with_options(&opts, html, len);
	return d->out ? 0 : -1;
}

void
pith_dom_free(struct pith_dom *d)
{
	struct slab *sl, *next;

	if (d->arena == NULL)
		return;
	for (sl = d->arena->chunks; sl; sl = next) {
		next = sl->next;
		free(sl);
	}
	for (sl = d->arena->large; sl; sl = next) {
		next = sl->next;
		free(sl);
	}
	free(d->arena);
	d->arena = NULL;
	d->out = NULL;
}

size_t
pith_dom_bytes(const struct pith_dom *d)
{
	return d->arena ? d->arena->held : 0;
}

const char *
pith_dom_attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *a;

	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	a = gumbo_get_attribute(&n->v.element.attributes, name);
	return a ? a->value : NULL;
}

/* Does a class or id value hold one of the words (split at non-letters,
 * any case; a word also matches as the start of a longer one when
 * prefix is set)? */
int
pith_dom_has_word(const char *v, const char *const *words, int prefix)
{
	size_t i, n;

	while (v && *v) {
		while (*v && !isalpha((unsigned char)*v))
			v++;
		for (n = 0; isalpha((unsigned char)v[n]); n++)
			;
		for (i = 0; n && words[i]; i++) {
			size_t k = strlen(words[i]);

			if ((n == k || (prefix && n > k)) &&
			    strncasecmp(v, words[i], k) == 0)
				return 1;
		}
		v += n;
	}
	return 0;
}
