/* pith-fetch's state directory (--state DIR), kept between cron runs:
 *
 *   DIR/lock              flock(2)ed for the whole run
 *   DIR/urls/X/NAME       one file per URL (X NAME: hex SHA-1 of the URL)
 *   DIR/hosts/NAME        one file per host: robots.txt cache and the
 *                         earliest time of the next request
 *
 * Every file is written to a temporary name; in batches (64 files or one
 * second), the temporaries are synced (syncfs(2) on Linux, else
 * fdatasync(2) each) and renamed over the old files. So a kill at any
 * instant leaves each file either old or new, never half-written; a kill
 * loses at most the last batch (those pages are fetched and passed on
 * again); leftover temporaries are removed by the next run. A file that
 * does not parse is reported and treated as absent. */
#ifndef PITH_FETCHSTATE_H
#define PITH_FETCHSTATE_H

#include "buf.h"

struct pith_state;

struct pith_url_state {
	char *url;
	char *final_url;	/* after redirects, where the validators are */
	char *etag;
	char *last_modified;
	char *digest;		/* "sha1:..." of the last body */
	char *date;		/* WARC date of the last fetch with a body */
	int status;		/* last HTTP status (0: failed before one) */
	long long time;		/* Unix time of the last try */
};

struct pith_host_state {
	char *origin;
	long long robots_time;	/* Unix time robots.txt was fetched */
	int robots_status;	/* its HTTP status */
	struct pbuf robots;	/* its body (at most 500 KiB and a byte) */
	double next_ok;		/* Unix time of the next allowed request */
};

/* Creates DIR (and its parent) when missing and takes the lock. When
 * another run holds it: waits up to `wait` seconds, then fails. Prints
 * its own messages; NULL on failure. */
struct pith_state *pith_state_open(const char *dir, double wait);
/* Syncs and renames the pending writes now; pith_state_tick does it
 * when the oldest is over a second old (call it now and then). */
void pith_state_commit(struct pith_state *st);
void pith_state_tick(struct pith_state *st);

/* Commits, then releases the lock. -1 when any state write of this run
 * failed (each was reported), else 0. */
int pith_state_close(struct pith_state *st);
const char *pith_state_dir(const struct pith_state *st);

/* 1 and *out filled (free with pith_url_state_clear) when known; 0 when
 * not. */
int pith_state_get_url(struct pith_state *st, const char *url,
    struct pith_url_state *out);
/* 0, or -1 after a message. */
int pith_state_put_url(struct pith_state *st, const struct pith_url_state *u);
void pith_url_state_clear(struct pith_url_state *u);

int pith_state_get_host(struct pith_state *st, const char *origin,
    struct pith_host_state *out);
int pith_state_put_host(struct pith_state *st,
    const struct pith_host_state *h);
void pith_host_state_clear(struct pith_host_state *h);

#endif
