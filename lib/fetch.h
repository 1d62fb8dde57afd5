/* pith-fetch's engine: many URLs over libcurl's multi interface, polite
 * per host (robots.txt, a delay between requests, a cap on connections),
 * with retries, and with a state directory so that a cron job only
 * passes on what changed. libcurl does the HTTP; this owns the rest. */
#ifndef PITH_FETCH_H
#define PITH_FETCH_H

#include <signal.h>
#include <stddef.h>

#include "buf.h"

struct pith_state;

#define PITH_FETCH_MAX_BYTES_DEFAULT ((size_t)32 << 20)
/* A Crawl-delay longer than this is taken as this (and said so). */
#define PITH_FETCH_MAX_CRAWL_DELAY 600.0
/* A Retry-After longer than this ends the retries (the URL fails). */
#define PITH_FETCH_MAX_RETRY_AFTER 600.0

struct pith_fetch_opts {
	const char *user_agent;		/* NULL: "pith-fetch/VERSION" */
	const char **headers;		/* extra "Name: value" lines */
	size_t nheaders;
	double timeout;			/* whole transfer, seconds */
	double connect_timeout;
	double delay;			/* between requests to one host */
	double retry_wait;		/* first backoff step, seconds */
	unsigned long retries;		/* retries after the first try */
	unsigned long parallel;		/* transfers at once (-j) */
	unsigned long per_host;		/* connections to one host */
	size_t max_bytes;		/* body limit after decompression */
	int robots;			/* obey robots.txt */
	int insecure;			/* no TLS verification */
	int conditional;		/* send If-None-Match/-Modified-Since */
	int progress;			/* progress line on stderr */
	int verbose;			/* one line per URL on stderr */
	struct pith_state *state;	/* or NULL */
};

void pith_fetch_opts_init(struct pith_fetch_opts *o);

enum pith_fetch_outcome {
	PITH_FETCH_OK,			/* 2xx with a new or changed body */
	PITH_FETCH_NOT_MODIFIED,	/* 304 to a conditional request */
	PITH_FETCH_UNCHANGED,		/* 2xx, same content hash as before */
	PITH_FETCH_SKIPPED,		/* robots.txt disallows it */
	PITH_FETCH_FAILED
};

struct pith_fetch_result {
	const char *url;		/* as given */
	const char *final_url;		/* after redirects */
	enum pith_fetch_outcome outcome;
	int status;			/* last HTTP status, 0 if none */
	const char *error;		/* FAILED/SKIPPED: why, one line */
	int tries;
	int is_file;			/* a file:// URL (no HTTP head) */
	const struct pbuf *request;	/* request head as sent (last hop) */
	const struct pbuf *head;	/* response status line + headers,
					   normalised: HTTP/1.1, no transfer
					   or content encoding, true length */
	const struct pbuf *body;	/* payload, decompressed */
	const char *content_type;	/* or NULL */
	const char *ip;			/* server address or NULL */
	const char *date;		/* WARC date of this fetch */
	const char *digest;		/* "sha1:..." of the body */
	const char *prev_date;		/* last fetch with a body (state) */
	const char *prev_url;		/* its final URL */
};

typedef void (*pith_fetch_cb)(const struct pith_fetch_result *r, void *ctx);

struct pith_fetch;

/* libcurl's global init/cleanup, once per process. */
int pith_fetch_global_init(void);
void pith_fetch_global_cleanup(void);

struct pith_fetch *pith_fetch_new(const struct pith_fetch_opts *o);
/* Queues a URL (http, https or file). -1 with *why set when it is not
 * a URL pith-fetch can fetch. */
int pith_fetch_add(struct pith_fetch *f, const char *url, const char **why);
/* Set (from a signal handler) to end pith_fetch_run early: transfers in
 * flight are dropped and every URL not done is reported as failed
 * ("interrupted"), so the state and --failed stay right. */
extern volatile sig_atomic_t pith_fetch_stop;

/* Runs every queued URL, calling cb as each one ends. Returns the
 * number of failed URLs. */
size_t pith_fetch_run(struct pith_fetch *f, pith_fetch_cb cb, void *ctx);
void pith_fetch_free(struct pith_fetch *f);

/* --- URL lists (fetchlist.c) --- */

/* Checks one URL: 0, or -1 with a reason. `origin` (may be NULL) gets
 * "scheme://host:port" for http(s), "file://" for files. */
int pith_fetch_check_url(const char *url, struct pbuf *origin,
    const char **why);
/* Reads a URL list: one per line, '#' comments and blank lines ignored.
 * Calls add() for each good URL; each bad line is reported as
 * "prog: NAME:LINE: reason". Returns the number of bad lines, or -1
 * when the file cannot be read. */
long pith_fetch_read_list(const char *path,
    void (*add)(const char *url, void *ctx), void *ctx);

/* --- retries (fetchretry.c) --- */

/* Seconds from a Retry-After value (delta-seconds or HTTP-date) at
 * wall-clock time `now`; -1 when absent or unreadable. */
double pith_fetch_retry_after(const char *value, double now);
/* Backoff before try number `tries`+1: base * 2^(tries-1), times a
 * random factor in [0.5, 1.5), never below `floor`. */
double pith_fetch_backoff(double base, int tries, double floor);
/* HTTP statuses worth retrying: 408, 429, 5xx. */
int pith_fetch_status_retryable(int status);
/* Standard reason phrase ("Service Unavailable"), "" when unknown. */
const char *pith_fetch_reason(int status);

/* --- output (fetchout.c) --- */

struct pith_out;

struct pith_fetch_output {
	struct pith_out *out;
	int warc;		/* WARC records, else bare bodies */
	int gzip;		/* one gzip member per record */
	int raw;		/* bodies as received, no charset decoding */
	int changed;		/* nothing for unchanged pages */
	const char *filename;	/* for warcinfo, or NULL */
};

/* The warcinfo record that starts a WARC stream. */
void pith_fetch_write_warcinfo(struct pith_fetch_output *o,
    const char *user_agent, int robots);
/* What a result becomes on the output (maybe nothing). Flushes after
 * each record. */
void pith_fetch_write_result(struct pith_fetch_output *o,
    const struct pith_fetch_result *r);

#endif
