#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dom.h"

#define CHUNK_MIN ((size_t)1 << 20)

struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
};

struct pith_arena {
	struct chunk *head;
	size_t total;
};

static void *
arena_alloc(void *ud, size_t n)
{
	struct pith_arena *a = ud;
	struct chunk *c = a->head;

	n = (n + 15) & ~(size_t)15;
	if (c == NULL || c->cap - c->used < n) {
		size_t cap = n > CHUNK_MIN ? n : CHUNK_MIN;

		/* Grow chunks with the document so large pages need few. */
		if (cap < a->total / 4)
			cap = a->total / 4;
		c = xmalloc(sizeof *c + cap);
		c->cap = cap;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		a->total += cap;
	}
	c->used += n;
	return (char *)c->data + c->used - n;
}

static void
arena_free(void *ud, void *p)
{
	/* Freed with the arena. */
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
	struct chunk *c, *next;

	if (d->arena == NULL)
		return;
	for (c = d->arena->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(d->arena);
	d->arena = NULL;
	d->out = NULL;
}

size_t
pith_dom_bytes(const struct pith_dom *d)
{
	return d->arena ? d->arena->total : 0;
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
