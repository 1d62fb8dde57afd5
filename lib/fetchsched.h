/* Per-host scheduling for pith-fetch: a FIFO of jobs per host, at most
 * `per_host` of them running at once, and at least `delay` seconds
 * between one request's start (and its end) and the next request's
 * start. Times are monotonic seconds. Pure bookkeeping, no I/O. */
#ifndef PITH_FETCHSCHED_H
#define PITH_FETCHSCHED_H

#include <stddef.h>

struct pith_sched_host {
	char *key;		/* "scheme://host:port" */
	double next_ok;		/* no request starts before this */
	double delay;
	unsigned long active;	/* requests running */
	int blocked;		/* waiting for something (robots.txt) */
	size_t *q;		/* queued job ids, q[head..len) */
	size_t head, len, cap;
	void *data;		/* the caller's */
};

struct pith_sched {
	struct pith_sched_host **hosts;
	size_t nhosts, cap;
	size_t *index;		/* open addressing: host number + 1, 0 free */
	size_t index_cap;	/* a power of two, > 2 * nhosts */
	size_t rr;		/* round-robin start */
	unsigned long per_host;
	double delay;
};

void pith_sched_init(struct pith_sched *s, unsigned long per_host,
    double delay);
void pith_sched_free(struct pith_sched *s);	/* not the data pointers */

/* Finds or adds the host for `key`. */
struct pith_sched_host *pith_sched_host(struct pith_sched *s,
    const char *key);
void pith_sched_push(struct pith_sched_host *h, size_t job, int front);
size_t pith_sched_pop(struct pith_sched_host *h);
size_t pith_sched_queued(const struct pith_sched_host *h);

/* A host that may start a request at `now`, or NULL; then *wait is the
 * time until one may (-1 when none has work that time alone unblocks). */
struct pith_sched_host *pith_sched_pick(struct pith_sched *s, double now,
    double *wait);

void pith_sched_started(struct pith_sched_host *h, double now);
void pith_sched_finished(struct pith_sched_host *h, double now);
/* No request to this host before `until`. */
void pith_sched_defer(struct pith_sched_host *h, double until);

#endif
