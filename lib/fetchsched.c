/* Per-host queues, concurrency caps and delays; see fetchsched.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fetchsched.h"

void
pith_sched_init(struct pith_sched *s, unsigned long per_host, double delay)
{
	memset(s, 0, sizeof *s);
	s->per_host = per_host ? per_host : 1;
	s->delay = delay;
}

void
pith_sched_free(struct pith_sched *s)
{
	size_t i;

	for (i = 0; i < s->nhosts; i++) {
		free(s->hosts[i]->key);
		free(s->hosts[i]->q);
		free(s->hosts[i]);
	}
	free(s->hosts);
	free(s->index);
	memset(s, 0, sizeof *s);
}

static size_t
hash(const char *key)
{
	size_t h = 14695981039346656037u;	/* FNV-1a */

	while (*key)
		h = (h ^ (unsigned char)*key++) * 1099511628211u;
	return h;
}

/* The index slot of `key`: where it is, or the free slot it would take. */
static size_t *
slot(struct pith_sched *s, const char *key)
{
	size_t i = hash(key) & (s->index_cap - 1);

	while (s->index[i] != 0 &&
	    strcmp(s->hosts[s->index[i] - 1]->key, key) != 0)
		i = (i + 1) & (s->index_cap - 1);
	return &s->index[i];
}

static void
grow_index(struct pith_sched *s)
{
	size_t i;

	free(s->index);
	s->index_cap = s->index_cap ? s->index_cap * 2 : 64;
	s->index = xcalloc(s->index_cap, sizeof *s->index);
	for (i = 0; i < s->nhosts; i++)
		*slot(s, s->hosts[i]->key) = i + 1;
}

struct pith_sched_host *
pith_sched_host(struct pith_sched *s, const char *key)
{
	struct pith_sched_host *h;
	size_t *where;

	if (s->index_cap <= 2 * (s->nhosts + 1))
		grow_index(s);
	where = slot(s, key);
	if (*where != 0)
		return s->hosts[*where - 1];
	if (s->nhosts == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->hosts = xrealloc(s->hosts, s->cap * sizeof *s->hosts);
	}
	h = xcalloc(1, sizeof *h);
	h->key = xstrdup(key);
	h->delay = s->delay;
	s->hosts[s->nhosts++] = h;
	*where = s->nhosts;
	return h;
}

void
pith_sched_push(struct pith_sched_host *h, size_t job, int front)
{
	if (front && h->head > 0) {
		h->q[--h->head] = job;
		return;
	}
	if (h->len == h->cap) {
		/* Compact before growing. */
		if (h->head > 0) {
			memmove(h->q, h->q + h->head,
			    (h->len - h->head) * sizeof *h->q);
			h->len -= h->head;
			h->head = 0;
		}
		if (h->len == h->cap) {
			h->cap = h->cap ? h->cap * 2 : 8;
			h->q = xrealloc(h->q, h->cap * sizeof *h->q);
		}
	}
	if (front) {
		memmove(h->q + h->head + 1, h->q + h->head,
		    (h->len - h->head) * sizeof *h->q);
		h->q[h->head] = job;
	} else
		h->q[h->len] = job;
	h->len++;
}

size_t
pith_sched_pop(struct pith_sched_host *h)
{
	return h->q[h->head++];
}

size_t
pith_sched_queued(const struct pith_sched_host *h)
{
	return h->len - h->head;
}

struct pith_sched_host *
pith_sched_pick(struct pith_sched *s, double now, double *wait)
{
	size_t i, k;

	*wait = -1;
	for (k = 0; k < s->nhosts; k++) {
		struct pith_sched_host *h;

		i = (s->rr + k) % s->nhosts;
		h = s->hosts[i];
		if (h->blocked || pith_sched_queued(h) == 0 ||
		    h->active >= s->per_host)
			continue;
		if (h->next_ok <= now) {
			s->rr = i + 1;
			return h;
		}
		if (*wait < 0 || h->next_ok - now < *wait)
			*wait = h->next_ok - now;
	}
	return NULL;
}

void
pith_sched_started(struct pith_sched_host *h, double now)
{
	h->active++;
	pith_sched_defer(h, now + h->delay);
}

void
pith_sched_finished(struct pith_sched_host *h, double now)
{
	if (h->active > 0)
		h->active--;
	/* Counting the delay from the end as well keeps the gap a server
	 * sees at least `delay`, however long a response took. */
	pith_sched_defer(h, now + h->delay);
}

void
pith_sched_defer(struct pith_sched_host *h, double until)
{
	if (until > h->next_ok)
		h->next_ok = until;
}
