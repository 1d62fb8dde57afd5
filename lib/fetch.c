/* The fetch engine: curl multi transfers fed by the per-host scheduler,
 * robots.txt per site, retries, conditional requests from the state
 * directory. Output is the caller's business (a callback per URL). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "cli.h"
#include "fetch.h"
#include "fetchsched.h"
#include "fetchstate.h"
#include "robots.h"
#include "warc.h"

#define ROBOTS_TTL (24 * 3600)
#define ROBOTS_MAX_REDIRS 5
#define MAX_REDIRS 10

enum robots_state { R_NONE, R_UNKNOWN, R_FETCHING, R_READY };

struct site {
	char *origin;
	int is_file;
	enum robots_state rstate;
	struct pith_robots *robots;
	char *robots_error;	/* robots.txt unreachable: why */
	int robots_tries;
	int touched;		/* a request went out this run */
};

volatile sig_atomic_t pith_fetch_stop;

struct job {
	size_t id;		/* index in f->jobs */
	int finished;		/* reported */
	char *url;		/* as given */
	char *cur;		/* this hop of a redirect chain */
	int hops;
	struct pith_sched_host *host;
	int is_robots;
	int tries;
	int have_prev;
	struct pith_url_state prev;
	/* the transfer in flight */
	CURL *easy;
	struct curl_slist *hdrs;
	struct pbuf body, head, req;
	size_t limit;
	int over_limit;
	int sent_conditional;
	char errbuf[CURL_ERROR_SIZE];
};

struct pith_fetch {
	struct pith_fetch_opts o;
	char *user_agent;
	char agent_token[64];
	struct job **jobs;
	size_t njobs, cap;
	struct pith_sched sched;
	CURLM *multi;
	unsigned long active;
	size_t total, done, failed, skipped, unchanged;
	double t0, last_progress;
	int progress_shown;
	pith_fetch_cb cb;
	void *ctx;
};

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void
pith_fetch_opts_init(struct pith_fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->timeout = 30;
	o->connect_timeout = 10;
	o->delay = 1;
	o->retry_wait = 1;
	o->retries = 2;
	o->parallel = 1;
	o->per_host = 1;
	o->max_bytes = PITH_FETCH_MAX_BYTES_DEFAULT;
	o->robots = 1;
}

int
pith_fetch_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void
pith_fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

struct pith_fetch *
pith_fetch_new(const struct pith_fetch_opts *o)
{
	struct pith_fetch *f = xcalloc(1, sizeof *f);

	f->o = *o;
	if (f->o.parallel == 0)
		f->o.parallel = 1;
	f->user_agent = xstrdup(o->user_agent ? o->user_agent :
	    "pith-fetch/" PITH_VERSION);
	pith_robots_agent_token(f->user_agent, f->agent_token,
	    sizeof f->agent_token);
	pith_sched_init(&f->sched, f->o.per_host, f->o.delay);
	f->multi = curl_multi_init();
	if (f->multi == NULL)
		pith_die(PITH_EXIT_FAIL, NULL, "cannot initialise libcurl");
	curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)f->o.per_host);
	/* Idle connections to several hosts stay open for reuse even with
	 * -j 1; the scheduler, not the cache, caps what runs at once. */
	curl_multi_setopt(f->multi, CURLMOPT_MAXCONNECTS,
	    (long)(f->o.parallel * 4 > 16 ? f->o.parallel * 4 : 16));
	return f;
}

/* Applies a site's Crawl-delay (raising, never lowering, --delay). */
static void
apply_crawl_delay(struct pith_fetch *f, struct pith_sched_host *h,
    struct site *site)
{
	double d = pith_robots_crawl_delay(site->robots);

	if (d > PITH_FETCH_MAX_CRAWL_DELAY) {
		pith_warnx(site->origin, "Crawl-delay %.0f s taken as %.0f s",
		    d, PITH_FETCH_MAX_CRAWL_DELAY);
		d = PITH_FETCH_MAX_CRAWL_DELAY;
	}
	h->delay = d > f->o.delay ? d : f->o.delay;
}

static struct pith_robots *
robots_from(struct pith_fetch *f, int status, const struct pbuf *body)
{
	if (status >= 200 && status <= 299)
		return pith_robots_parse(body->p ? body->p : "", body->len,
		    f->agent_token);
	if (status >= 500)
		return pith_robots_disallow_all();
	/* 4xx ("unavailable"), and a redirect chain that did not end. */
	return pith_robots_allow_all();
}

static struct site *
site_new(struct pith_fetch *f, struct pith_sched_host *h, const char *origin)
{
	struct site *site = xcalloc(1, sizeof *site);
	struct pith_host_state hs;

	site->origin = xstrdup(origin);
	site->is_file = strcmp(origin, "file://") == 0;
	site->rstate = f->o.robots && !site->is_file ? R_UNKNOWN : R_NONE;
	if (site->is_file)
		h->delay = 0;
	h->data = site;
	if (f->o.state == NULL || site->is_file ||
	    !pith_state_get_host(f->o.state, origin, &hs))
		return site;
	/* The last run's pace holds across runs (within reason: a clock
	 * that jumped must not stall a host for good). */
	if (hs.next_ok > wall_now()) {
		double wait = hs.next_ok - wall_now();
		double most = f->o.delay > PITH_FETCH_MAX_CRAWL_DELAY ?
		    f->o.delay : PITH_FETCH_MAX_CRAWL_DELAY;

		pith_sched_defer(h, mono_now() + (wait < most ? wait : most));
	}
	if (site->rstate == R_UNKNOWN && hs.robots_status != 0 &&
	    wall_now() - (double)hs.robots_time < ROBOTS_TTL &&
	    wall_now() >= (double)hs.robots_time) {
		site->robots = robots_from(f, hs.robots_status, &hs.robots);
		site->rstate = R_READY;
		apply_crawl_delay(f, h, site);
	}
	pith_host_state_clear(&hs);
	return site;
}

static struct job *
job_new(struct pith_fetch *f, const char *url, struct pith_sched_host *h)
{
	struct job *j = xcalloc(1, sizeof *j);

	j->id = f->njobs;
	j->url = xstrdup(url);
	j->cur = xstrdup(url);
	j->host = h;
	if (f->njobs == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->jobs = xrealloc(f->jobs, f->cap * sizeof *f->jobs);
	}
	f->jobs[f->njobs++] = j;
	return j;
}

int
pith_fetch_add(struct pith_fetch *f, const char *url, const char **why)
{
	struct pbuf origin = PBUF_INIT;
	struct pith_sched_host *h;
	struct job *j;

	if (pith_fetch_check_url(url, &origin, why) == -1) {
		pbuf_free(&origin);
		return -1;
	}
	h = pith_sched_host(&f->sched, origin.p);
	if (h->data == NULL)
		site_new(f, h, origin.p);
	pbuf_free(&origin);
	j = job_new(f, url, h);
	if (f->o.state != NULL)
		j->have_prev = pith_state_get_url(f->o.state, url, &j->prev);
	pith_sched_push(h, j->id, 0);
	f->total++;
	return 0;
}

/* --- curl callbacks --- */

static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
	struct job *j = arg;

	n *= size;
	/* Counted after decompression: a small gzip bomb stops here. */
	if (j->body.len + n > j->limit) {
		pbuf_append(&j->body, data, j->limit - j->body.len);
		j->over_limit = 1;
		return 0;
	}
	pbuf_append(&j->body, data, n);
	return n;
}

static size_t
on_header(char *data, size_t size, size_t n, void *arg)
{
	struct job *j = arg;

	n *= size;
	/* Each hop of a redirect chain (and a 100 Continue) starts over. */
	if (n >= 5 && memcmp(data, "HTTP/", 5) == 0)
		pbuf_reset(&j->head);
	if (j->head.len < (1u << 20))
		pbuf_append(&j->head, data, n);
	return n;
}

static int
on_debug(CURL *h, curl_infotype type, char *data, size_t n, void *arg)
{
	struct job *j = arg;

	(void)h;
	if (type == CURLINFO_HEADER_OUT) {
		pbuf_reset(&j->req);
		pbuf_append(&j->req, data, n);
	}
	return 0;
}

static void
start(struct pith_fetch *f, struct job *j, double now)
{
	struct site *site = j->host->data;
	struct pbuf line = PBUF_INIT;
	CURL *e;
	size_t i;

	j->tries++;
	pbuf_reset(&j->body);
	pbuf_reset(&j->head);
	pbuf_reset(&j->req);
	j->over_limit = 0;
	j->errbuf[0] = '\0';
	/* robots.txt: a byte past what is parsed tells the parser whether
	 * the limit cut the last line in two. */
	j->limit = j->is_robots ? PITH_ROBOTS_MAX_BYTES + 1 : f->o.max_bytes;
	if ((e = curl_easy_init()) == NULL)
		pith_die(PITH_EXIT_FAIL, NULL, "cannot initialise libcurl");
	j->easy = e;
	curl_easy_setopt(e, CURLOPT_URL, j->cur);
	curl_easy_setopt(e, CURLOPT_PRIVATE, j);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	/* Pages follow redirects hop by hop through the scheduler (robots.txt
	 * and the delay apply to every host on the way); robots.txt itself
	 * lets libcurl follow up to 5. */
	if (j->is_robots) {
		curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)ROBOTS_MAX_REDIRS);
	}
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(e, CURLOPT_DEBUGDATA, j);
	curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(f->o.timeout * 1000));
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    (long)(f->o.connect_timeout * 1000));
	if (!j->is_robots)
		curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
		    (curl_off_t)j->limit);
	if (f->o.insecure) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	for (i = 0; i < f->o.nheaders; i++)
		j->hdrs = curl_slist_append(j->hdrs, f->o.headers[i]);
	j->sent_conditional = 0;
	if (!j->is_robots && f->o.conditional && j->have_prev &&
	    !site->is_file && j->prev.status >= 200 && j->prev.status < 400 &&
	    strcmp(j->cur, j->prev.final_url ? j->prev.final_url :
	    j->prev.url) == 0) {
		if (j->prev.etag != NULL) {
			pbuf_printf(&line, "If-None-Match: %s", j->prev.etag);
			j->hdrs = curl_slist_append(j->hdrs, line.p);
			j->sent_conditional = 1;
		}
		if (j->prev.last_modified != NULL) {
			pbuf_reset(&line);
			pbuf_printf(&line, "If-Modified-Since: %s",
			    j->prev.last_modified);
			j->hdrs = curl_slist_append(j->hdrs, line.p);
			j->sent_conditional = 1;
		}
	}
	pbuf_free(&line);
	if (j->hdrs != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, j->hdrs);
	curl_multi_add_handle(f->multi, e);
	f->active++;
	site->touched = 1;
	pith_sched_started(j->host, now);
}

/* --- results --- */

/* The value of response header `name` in the head (last hop), or NULL. */
static char *
head_get(const struct pbuf *head, const char *name)
{
	size_t nlen = strlen(name);
	const char *p = head->p, *end = head->p + head->len;

	if (p == NULL)
		return NULL;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *v, *ve;

		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - p) > nlen && p[nlen] == ':' &&
		    strncasecmp(p, name, nlen) == 0) {
			v = p + nlen + 1;
			ve = eol;
			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' ||
			    ve[-1] == '\t'))
				ve--;
			return xstrndup(v, (size_t)(ve - v));
		}
		p = eol + 1;
	}
	return NULL;
}

/* The head as a WARC response record should carry it: HTTP/1.1 status
 * line, no Transfer-Encoding/Content-Encoding (the body is decoded),
 * Content-Length the true length. */
static void
normal_head(const struct pbuf *head, int status, size_t body_len,
    struct pbuf *out)
{
	const char *p = head->p, *end, *eol;
	const char *reason = pith_fetch_reason(status);

	pbuf_printf(out, "HTTP/1.1 %d %s\r\n", status,
	    *reason ? reason : "Unknown");
	if (p == NULL)
		goto tail;
	end = p + head->len;
	/* Skip the status line. */
	if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
		goto tail;
	for (p = eol + 1; p < end; p = eol + 1) {
		size_t len;

		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		len = (size_t)(eol - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		if (strncasecmp(p, "Transfer-Encoding:", 18) == 0 ||
		    strncasecmp(p, "Content-Encoding:", 17) == 0 ||
		    strncasecmp(p, "Content-Length:", 15) == 0)
			continue;
		pbuf_append(out, p, len);
		pbuf_puts(out, "\r\n");
	}
tail:
	pbuf_printf(out, "Content-Length: %zu\r\n\r\n", body_len);
}

static void
report(struct pith_fetch *f, struct job *j, enum pith_fetch_outcome oc,
    int status, const char *error)
{
	struct pith_fetch_result r;
	struct pbuf head = PBUF_INIT;
	char date[32], digest[40];
	char *ctype = NULL, *ip = NULL;

	memset(&r, 0, sizeof r);
	r.url = j->url;
	r.final_url = j->cur;
	r.outcome = oc;
	r.status = status;
	r.error = error;
	r.tries = j->tries;
	r.is_file = ((struct site *)j->host->data)->is_file;
	r.request = &j->req;
	r.body = &j->body;
	pith_warc_now(date);
	r.date = date;
	if (j->easy != NULL) {
		curl_easy_getinfo(j->easy, CURLINFO_PRIMARY_IP, &ip);
		if (ip != NULL && *ip != '\0')
			r.ip = ip;
	}
	if (oc == PITH_FETCH_OK || oc == PITH_FETCH_UNCHANGED ||
	    oc == PITH_FETCH_NOT_MODIFIED) {
		ctype = head_get(&j->head, "Content-Type");
		r.content_type = ctype;
		normal_head(&j->head, r.is_file ? 200 : status,
		    oc == PITH_FETCH_NOT_MODIFIED ? 0 : j->body.len, &head);
		r.head = &head;
		pith_warc_digest(j->body.p ? j->body.p : "", j->body.len,
		    digest);
		r.digest = digest;
	}
	if (j->have_prev) {
		r.prev_date = j->prev.date;
		r.prev_url = j->prev.final_url ? j->prev.final_url :
		    j->prev.url;
	}
	/* A message goes on its own line, not after the progress line. */
	if (f->progress_shown && (oc == PITH_FETCH_FAILED || f->o.verbose)) {
		fputs("\r\033[K", stderr);
		f->last_progress = 0;
	}
	j->finished = 1;
	switch (oc) {
	case PITH_FETCH_FAILED:
		f->failed++;
		if (!pith_fetch_stop)
			pith_warnx(j->url, "%s", error);
		break;
	case PITH_FETCH_SKIPPED:
		f->skipped++;
		if (f->o.verbose)
			pith_warnx(j->url, "skipped: %s", error);
		break;
	case PITH_FETCH_NOT_MODIFIED:
	case PITH_FETCH_UNCHANGED:
		f->unchanged++;
		if (f->o.verbose)
			pith_warnx(j->url, "%s", oc == PITH_FETCH_UNCHANGED ?
			    "unchanged" : "304 Not Modified");
		break;
	case PITH_FETCH_OK:
		if (f->o.verbose)
			pith_warnx(j->url, "%d %s, %zu bytes", status,
			    pith_fetch_reason(status), j->body.len);
		break;
	}
	f->done++;
	if (f->cb != NULL)
		f->cb(&r, f->ctx);
	free(ctype);
	pbuf_free(&head);
}

/* Records the outcome in the state directory. Called after the page
 * went out: a kill in between repeats a page next run, never loses it. */
static void
remember(struct pith_fetch *f, struct job *j, int status, int with_body)
{
	struct pith_url_state u;
	char date[32], digest[40];

	if (f->o.state == NULL || ((struct site *)j->host->data)->is_file)
		return;
	memset(&u, 0, sizeof u);
	u.url = j->url;
	u.status = status;
	u.time = (long long)wall_now();
	if (status == 304 || (status >= 200 && status <= 299)) {
		u.final_url = j->cur;
		u.etag = head_get(&j->head, "ETag");
		u.last_modified = head_get(&j->head, "Last-Modified");
		if (status == 304) {
			/* A 304 may omit validators; keep the old ones. */
			if (u.etag == NULL && j->prev.etag)
				u.etag = xstrdup(j->prev.etag);
			if (u.last_modified == NULL && j->prev.last_modified)
				u.last_modified = xstrdup(j->prev.last_modified);
		}
	}
	if (with_body) {
		pith_warc_digest(j->body.p ? j->body.p : "", j->body.len,
		    digest);
		u.digest = digest;
		pith_warc_now(date);
		u.date = date;
	} else if (j->have_prev) {
		u.digest = j->prev.digest;
		u.date = j->prev.date;
	}
	pith_state_put_url(f->o.state, &u);
	free(u.etag);
	free(u.last_modified);
}

static int
curl_retryable(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_SSL_CONNECT_ERROR:
		return 1;
	default:
		return 0;
	}
}

/* Queues another try when tries remain; returns 1 if it did. */
static int
retry(struct pith_fetch *f, struct job *j, double retry_after, double now)
{
	double wait;

	if ((unsigned long)j->tries > f->o.retries)
		return 0;
	if (retry_after > PITH_FETCH_MAX_RETRY_AFTER)
		return 0;
	wait = pith_fetch_backoff(f->o.retry_wait, j->tries,
	    retry_after > 0 ? retry_after : 0);
	pith_sched_defer(j->host, now + wait);
	pith_sched_push(j->host, j->id, 1);
	return 1;
}

static void
end_transfer(struct pith_fetch *f, struct job *j)
{
	curl_multi_remove_handle(f->multi, j->easy);
	curl_easy_cleanup(j->easy);
	j->easy = NULL;
	curl_slist_free_all(j->hdrs);
	j->hdrs = NULL;
	f->active--;
}

/* Frees what a finished job holds (its id stays valid). */
static void
job_release(struct job *j)
{
	pbuf_free(&j->body);
	pbuf_free(&j->head);
	pbuf_free(&j->req);
	pith_url_state_clear(&j->prev);
}

static void
robots_done(struct pith_fetch *f, struct job *j, CURLcode rc, long status)
{
	struct site *site = j->host->data;
	struct pith_host_state hs;

	/* A network error or a 5xx is worth the same retries as a page:
	 * the answer decides about every URL of the site. */
	if (((rc != CURLE_OK && curl_retryable(rc)) || (rc == CURLE_OK &&
	    pith_fetch_status_retryable((int)status))) &&
	    (unsigned long)site->robots_tries <= f->o.retries) {
		char *ra = head_get(&j->head, "Retry-After");
		double after = pith_fetch_retry_after(ra, wall_now());

		free(ra);
		if (after <= PITH_FETCH_MAX_RETRY_AFTER) {
			site->rstate = R_UNKNOWN;
			j->host->blocked = 0;
			pith_sched_defer(j->host, mono_now() +
			    pith_fetch_backoff(f->o.retry_wait,
			    site->robots_tries, after > 0 ? after : 0));
			end_transfer(f, j);
			job_release(j);
			return;
		}
	}

	/* Over 500 KiB: the first 500 KiB are what counts (RFC 9309), less
	 * a line cut in two (see pith_robots_parse).
	 * Too many redirects: "unavailable", so everything is allowed. */
	if (rc == CURLE_TOO_MANY_REDIRECTS || rc == CURLE_UNSUPPORTED_PROTOCOL)
		site->robots = pith_robots_allow_all();
	else if (rc == CURLE_OK || (j->over_limit && status >= 200 &&
	    status <= 299)) {
		site->robots = robots_from(f, (int)status, &j->body);
		if (status >= 500) {
			struct pbuf why = PBUF_INIT;

			pbuf_printf(&why, "robots.txt unavailable (%ld %s)",
			    status, pith_fetch_reason((int)status));
			if (site->robots_tries > 1)
				pbuf_printf(&why, " after %d tries",
				    site->robots_tries);
			site->robots_error = xstrdup(why.p);
			pbuf_free(&why);
		}
	} else {
		struct pbuf why = PBUF_INIT;

		site->robots = pith_robots_disallow_all();
		pbuf_printf(&why, "robots.txt unreachable (%s)",
		    j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc));
		if (site->robots_tries > 1)
			pbuf_printf(&why, " after %d tries",
			    site->robots_tries);
		site->robots_error = xstrdup(why.p);
		pbuf_free(&why);
	}
	site->rstate = R_READY;
	j->host->blocked = 0;
	apply_crawl_delay(f, j->host, site);
	/* The robots.txt request itself counts, at the site's own pace. */
	pith_sched_defer(j->host, mono_now() + j->host->delay);
	/* Only a real answer is cached; errors are asked again next run. */
	if (f->o.state != NULL && site->robots_error == NULL) {
		memset(&hs, 0, sizeof hs);
		hs.origin = site->origin;
		hs.robots_time = (long long)wall_now();
		hs.robots_status = (int)status;
		if (status >= 200 && status <= 299)
			hs.robots = j->body;
		hs.next_ok = wall_now() + j->host->delay;
		pith_state_put_host(f->o.state, &hs);
	}
	end_transfer(f, j);
	job_release(j);
}

/* Moves a job on to the next hop of a redirect chain, queued on that
 * hop's host like any request. 1: queued; 0: no Location (the 3xx is
 * the answer); -1: refused, with the reason in `why`. */
static int
follow(struct pith_fetch *f, struct job *j, struct pbuf *why)
{
	struct pbuf origin = PBUF_INIT;
	struct pith_sched_host *h;
	const char *reason;
	char *next = NULL;

	curl_easy_getinfo(j->easy, CURLINFO_REDIRECT_URL, &next);
	if (next == NULL || *next == '\0')
		return 0;
	if (++j->hops > MAX_REDIRS) {
		pbuf_printf(why, "more than %d redirects", MAX_REDIRS);
		return -1;
	}
	if (strncasecmp(next, "http://", 7) != 0 &&
	    strncasecmp(next, "https://", 8) != 0) {
		pbuf_printf(why, "redirect to a URL that is not http or https "
		    "refused (%s)", next);
		return -1;
	}
	if (pith_fetch_check_url(next, &origin, &reason) == -1) {
		pbuf_printf(why, "bad redirect (%s): %s", reason, next);
		pbuf_free(&origin);
		return -1;
	}
	h = pith_sched_host(&f->sched, origin.p);
	if (h->data == NULL)
		site_new(f, h, origin.p);
	pbuf_free(&origin);
	free(j->cur);
	j->cur = xstrdup(next);
	j->host = h;
	j->tries = 0;
	pith_sched_push(h, j->id, 1);
	return 1;
}

static void
finish(struct pith_fetch *f, struct job *j, CURLcode rc)
{
	struct site *site = j->host->data;
	struct pbuf why = PBUF_INIT;
	double now = mono_now();
	long status = 0;
	char *ra;

	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
	pith_sched_finished(j->host, now);
	if (j->is_robots) {
		robots_done(f, j, rc, status);
		return;
	}
	if (rc != CURLE_OK) {
		if (j->over_limit || rc == CURLE_FILESIZE_EXCEEDED)
			pbuf_printf(&why, "body larger than %zu bytes "
			    "(--max-bytes)", j->limit);
		else if (curl_retryable(rc) && retry(f, j, -1, now)) {
			end_transfer(f, j);
			pbuf_free(&why);
			return;
		} else
			pbuf_printf(&why, "%s", j->errbuf[0] ? j->errbuf :
			    curl_easy_strerror(rc));
		if (j->tries > 1)
			pbuf_printf(&why, " after %d tries", j->tries);
		report(f, j, PITH_FETCH_FAILED, (int)status, why.p);
		remember(f, j, 0, 0);
		goto done;
	}
	if (site->is_file)
		status = 200;
	if (status >= 300 && status <= 399 && status != 304) {
		int r = follow(f, j, &why);

		if (r == 1) {
			end_transfer(f, j);
			pbuf_free(&why);
			return;
		}
		if (r == -1) {
			report(f, j, PITH_FETCH_FAILED, (int)status, why.p);
			remember(f, j, (int)status, 0);
			goto done;
		}
	}
	if (status == 304 && j->sent_conditional) {
		report(f, j, PITH_FETCH_NOT_MODIFIED, 304, NULL);
		remember(f, j, 304, 0);
		goto done;
	}
	if (status >= 200 && status <= 299) {
		char digest[40];
		int same;

		pith_warc_digest(j->body.p ? j->body.p : "", j->body.len,
		    digest);
		same = j->have_prev && j->prev.digest != NULL &&
		    strcmp(j->prev.digest, digest) == 0;
		report(f, j, same ? PITH_FETCH_UNCHANGED : PITH_FETCH_OK,
		    (int)status, NULL);
		remember(f, j, (int)status, 1);
		goto done;
	}
	if (pith_fetch_status_retryable((int)status)) {
		double after;

		ra = head_get(&j->head, "Retry-After");
		after = pith_fetch_retry_after(ra, wall_now());
		free(ra);
		if (retry(f, j, after, now)) {
			end_transfer(f, j);
			pbuf_free(&why);
			return;
		}
		if (after > PITH_FETCH_MAX_RETRY_AFTER)
			pbuf_printf(&why, "%ld %s, Retry-After %.0f s is too "
			    "long", status, pith_fetch_reason((int)status),
			    after);
	}
	if (why.len == 0) {
		const char *reason = pith_fetch_reason((int)status);

		pbuf_printf(&why, "%ld%s%s", status, *reason ? " " : "",
		    reason);
	}
	if (j->tries > 1)
		pbuf_printf(&why, " after %d tries", j->tries);
	report(f, j, PITH_FETCH_FAILED, (int)status, why.p);
	remember(f, j, (int)status, 0);
done:
	end_transfer(f, j);
	job_release(j);
	pbuf_free(&why);
}

/* Starts the robots.txt request for a site; its URLs wait for it. */
static void
start_robots(struct pith_fetch *f, struct pith_sched_host *h, double now)
{
	struct site *site = h->data;
	struct pbuf url = PBUF_INIT;
	struct job *j;

	pbuf_printf(&url, "%s/robots.txt", site->origin);
	j = job_new(f, url.p, h);
	pbuf_free(&url);
	j->is_robots = 1;
	site->robots_tries++;
	site->rstate = R_FETCHING;
	h->blocked = 1;
	start(f, j, now);
}

static void
dispatch(struct pith_fetch *f, struct pith_sched_host *h, double now)
{
	struct site *site = h->data;
	struct job *j;

	if (site->rstate == R_UNKNOWN) {
		start_robots(f, h, now);
		return;
	}
	j = f->jobs[pith_sched_pop(h)];
	if (site->rstate == R_READY && j->tries == 0) {
		struct pbuf enc = PBUF_INIT, path = PBUF_INIT;
		int allowed;

		pith_robots_encode_url(j->cur, &enc);
		pith_robots_url_path(enc.p, &path);
		/* RFC 9309: /robots.txt itself is always allowed. */
		allowed = strcmp(path.p, "/robots.txt") == 0 ||
		    pith_robots_allowed(site->robots, enc.p);
		pbuf_free(&enc);
		pbuf_free(&path);
		if (site->robots_error != NULL) {
			report(f, j, PITH_FETCH_FAILED, 0, site->robots_error);
			job_release(j);
			return;
		}
		if (!allowed) {
			report(f, j, PITH_FETCH_SKIPPED, 0,
			    "disallowed by robots.txt");
			job_release(j);
			return;
		}
	}
	start(f, j, now);
}

static void
progress(struct pith_fetch *f, double now, int final)
{
	struct pbuf line = PBUF_INIT;
	size_t i, shown = 0;
	double rate;

	if (!f->o.progress || (!final && now - f->last_progress < 0.25))
		return;
	f->last_progress = now;
	rate = now > f->t0 ? (double)f->done / (now - f->t0) : 0;
	pbuf_printf(&line, "\r%s: %zu/%zu done, %.1f/s, %zu failed, "
	    "%zu skipped, %zu unchanged", pith_progname, f->done, f->total,
	    rate, f->failed, f->skipped, f->unchanged);
	for (i = 0; i < f->sched.nhosts && shown < 3; i++) {
		struct pith_sched_host *h = f->sched.hosts[i];
		size_t q = pith_sched_queued(h);
		const char *name = strstr(h->key, "://");

		if (q == 0 && h->active == 0)
			continue;
		pbuf_printf(&line, "%s %s %zu", shown ? "," : "; queued:",
		    name ? name + 3 : h->key, q);
		shown++;
	}
	pbuf_puts(&line, "\033[K");
	if (final)
		pbuf_puts(&line, "\n");
	fputs(line.p, stderr);
	fflush(stderr);
	f->progress_shown = !final;
	pbuf_free(&line);
}

/* Saves each host's pace so the next run keeps the delay. */
static void
save_hosts(struct pith_fetch *f)
{
	size_t i;

	if (f->o.state == NULL)
		return;
	for (i = 0; i < f->sched.nhosts; i++) {
		struct pith_sched_host *h = f->sched.hosts[i];
		struct site *site = h->data;
		struct pith_host_state hs;
		double next = wall_now() + (h->next_ok - mono_now());

		if (!site->touched || site->is_file)
			continue;
		if (!pith_state_get_host(f->o.state, site->origin, &hs)) {
			memset(&hs, 0, sizeof hs);
			hs.origin = xstrdup(site->origin);
		}
		hs.next_ok = next;
		pith_state_put_host(f->o.state, &hs);
		pith_host_state_clear(&hs);
	}
}

/* Ends the run at a signal: what is in flight is dropped, and every
 * URL not done counts as failed, in one message. */
static void
interrupted(struct pith_fetch *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->njobs; i++) {
		struct job *j = f->jobs[i];

		if (j->easy != NULL)
			end_transfer(f, j);
		if (j->is_robots || j->finished)
			continue;
		report(f, j, PITH_FETCH_FAILED, 0, "interrupted");
		job_release(j);
		n++;
	}
	if (f->progress_shown)
		fputs("\r\033[K", stderr);
	f->progress_shown = 0;
	pith_warnx(NULL, "interrupted: %zu URL%s not fetched", n,
	    n == 1 ? "" : "s");
}

size_t
pith_fetch_run(struct pith_fetch *f, pith_fetch_cb cb, void *ctx)
{
	f->cb = cb;
	f->ctx = ctx;
	f->t0 = mono_now();
	for (;;) {
		struct pith_sched_host *h;
		CURLMsg *msg;
		double now = mono_now(), wait = -1;
		int running, left, timeout;

		if (pith_fetch_stop) {
			interrupted(f);
			break;
		}
		while (f->active < f->o.parallel &&
		    (h = pith_sched_pick(&f->sched, now, &wait)) != NULL)
			dispatch(f, h, now);
		if (f->active == 0 && wait < 0)
			break;
		progress(f, now, 0);
		pith_state_tick(f->o.state);
		timeout = wait < 0 ? 1000 : (int)ceil(wait * 1000);
		if (timeout > 1000)
			timeout = 1000;
		if (f->o.progress && timeout > 250)
			timeout = 250;
		curl_multi_poll(f->multi, NULL, 0, timeout, NULL);
		curl_multi_perform(f->multi, &running);
		while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
			struct job *j = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&j);
			finish(f, j, msg->data.result);
		}
	}
	progress(f, mono_now(), 1);
	save_hosts(f);
	return f->failed;
}

void
pith_fetch_free(struct pith_fetch *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->njobs; i++) {
		struct job *j = f->jobs[i];

		if (j->easy != NULL)
			end_transfer(f, j);
		curl_slist_free_all(j->hdrs);
		job_release(j);
		free(j->url);
		free(j->cur);
		free(j);
	}
	free(f->jobs);
	for (i = 0; i < f->sched.nhosts; i++) {
		struct site *site = f->sched.hosts[i]->data;

		if (site == NULL)
			continue;
		pith_robots_free(site->robots);
		free(site->robots_error);
		free(site->origin);
		free(site);
	}
	pith_sched_free(&f->sched);
	curl_multi_cleanup(f->multi);
	free(f->user_agent);
	free(f);
}
