/* pith-fetch's parts without a network: the per-host scheduler, retry
 * timing, URL checks and lists, and the state directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch.h"
#include "fetchsched.h"
#include "fetchstate.h"
#include "tap.h"

static void
test_sched(void)
{
	struct pith_sched s;
	struct pith_sched_host *a, *b, *h;
	double wait;

	pith_sched_init(&s, 1, 0.5);
	a = pith_sched_host(&s, "http://a:80");
	b = pith_sched_host(&s, "http://b:80");
	tap_ok(pith_sched_host(&s, "http://a:80") == a, "same key, same host");
	pith_sched_push(a, 1, 0);
	pith_sched_push(a, 2, 0);
	pith_sched_push(b, 3, 0);
	h = pith_sched_pick(&s, 10.0, &wait);
	tap_ok(h == a || h == b, "a host with work is picked");
	pith_sched_pop(h);
	pith_sched_started(h, 10.0);
	h = pith_sched_pick(&s, 10.0, &wait);
	tap_ok(h != NULL && h->active == 0, "the other host is free");
	pith_sched_pop(h);
	pith_sched_started(h, 10.0);
	tap_ok(pith_sched_pick(&s, 10.0, &wait) == NULL,
	    "per-host 1: a busy host is not picked");
	pith_sched_finished(a, 10.2);
	pith_sched_finished(b, 10.2);
	tap_ok(pith_sched_pick(&s, 10.3, &wait) == NULL && wait > 0.39 &&
	    wait < 0.41, "delay counts from the end of the last request");
	h = pith_sched_pick(&s, 10.7, &wait);
	tap_ok(h == a && pith_sched_queued(b) == 0,
	    "after the delay the host with work is picked");
	tap_is_int(pith_sched_pop(a), 2, "FIFO order");
	pith_sched_push(a, 7, 1);
	pith_sched_push(a, 8, 0);
	tap_is_int(pith_sched_pop(a), 7, "a retry goes first");
	pith_sched_defer(a, 50);
	tap_ok(pith_sched_pick(&s, 20, &wait) == NULL && wait == 30,
	    "a deferred host waits");
	a->blocked = 1;
	pith_sched_pick(&s, 60, &wait);
	tap_ok(wait < 0, "a blocked host is not waited for");
	pith_sched_free(&s);
}

static void
test_retry(void)
{
	int i, ok = 1;

	tap_ok(pith_fetch_retry_after("120", 0) == 120, "Retry-After seconds");
	tap_ok(pith_fetch_retry_after("Thu, 01 Jan 1970 00:01:40 GMT", 40) ==
	    60, "Retry-After HTTP-date");
	tap_ok(pith_fetch_retry_after("soon", 0) < 0, "Retry-After garbage");
	tap_ok(pith_fetch_retry_after(NULL, 0) < 0, "no Retry-After");
	for (i = 0; i < 200; i++) {
		double w = pith_fetch_backoff(1, 3, 0);

		if (w < 2 || w >= 6)
			ok = 0;
	}
	tap_ok(ok, "backoff 1 s, third try: 4 s x [0.5, 1.5)");
	tap_ok(pith_fetch_backoff(0.1, 1, 5) == 5, "Retry-After is a floor");
	tap_ok(pith_fetch_status_retryable(503) &&
	    pith_fetch_status_retryable(429) &&
	    pith_fetch_status_retryable(408) &&
	    !pith_fetch_status_retryable(404) &&
	    !pith_fetch_status_retryable(304), "retryable statuses");
	tap_is(pith_fetch_reason(503), "Service Unavailable", "reason phrase");
}

static void
collect(const char *url, void *arg)
{
	pbuf_printf(arg, "%s|", url);
}

static void
test_urls(const char *dir)
{
	struct pbuf o = PBUF_INIT, got = PBUF_INIT;
	const char *why = NULL;
	char path[4096];
	FILE *f;

	tap_ok(pith_fetch_check_url("HTTP://Example.ORG/a", &o, &why) == 0,
	    "http URL accepted");
	tap_is(o.p, "http://example.org:80", "origin lower-cased with port");
	tap_ok(pith_fetch_check_url("file:///tmp/x.html", NULL, &why) == 0,
	    "file URL accepted");
	tap_ok(pith_fetch_check_url("gopher://x/", NULL, &why) == -1 &&
	    strstr(why, "not an http") != NULL, "gopher refused");
	tap_ok(pith_fetch_check_url("http://a b/", NULL, &why) == -1,
	    "space refused");
	tap_ok(pith_fetch_check_url("http://", NULL, &why) == -1,
	    "no host refused");
	snprintf(path, sizeof path, "%s/list", dir);
	f = fopen(path, "w");
	fputs("# c\n\n http://a/1 \r\nbad\nhttp://b/2", f);
	fclose(f);
	tap_is_int(pith_fetch_read_list(path, collect, &got), 1,
	    "one bad line counted");
	tap_is(got.p, "http://a/1|http://b/2|", "good lines, trimmed");
	tap_is_int(pith_fetch_read_list("/nonexistent/list", collect, &got),
	    -1, "missing list");
	pbuf_free(&o);
	pbuf_free(&got);
}

static void
test_state(const char *dir)
{
	struct pith_state *st, *st2;
	struct pith_url_state u = {0}, r;
	struct pith_host_state h = {0}, hr;
	char sdir[4096];

	snprintf(sdir, sizeof sdir, "%s/state/deeper", dir);
	st = pith_state_open(sdir, 0);
	tap_ok(st != NULL, "state directory created and locked");
	if (st == NULL)
		return;
	st2 = pith_state_open(sdir, 0);
	tap_ok(st2 == NULL, "a second open fails on the lock");
	pith_state_close(st2);
	tap_ok(!pith_state_get_url(st, "http://a/", &r), "unknown URL");
	u.url = "http://a/";
	u.etag = "\"x1\"";
	u.last_modified = "Sun, 22 Nov 2026 07:00:00 GMT";
	u.digest = "sha1:ABC";
	u.date = "2026-11-22T07:00:00Z";
	u.status = 200;
	u.time = 1234;
	tap_ok(pith_state_put_url(st, &u) == 0, "URL state written");
	tap_ok(pith_state_get_url(st, "http://a/", &r) == 1, "URL state read");
	tap_is(r.etag, "\"x1\"", "ETag kept");
	tap_is(r.last_modified, u.last_modified, "Last-Modified kept");
	tap_is(r.digest, "sha1:ABC", "digest kept");
	tap_ok(r.status == 200 && r.time == 1234, "status and time kept");
	pith_url_state_clear(&r);
	u.etag = "bad\nvalue";
	pith_state_put_url(st, &u);
	pith_state_get_url(st, "http://a/", &r);
	tap_ok(r.etag == NULL, "a value with a newline is not stored");
	pith_url_state_clear(&r);

	h.origin = "http://a:80";
	h.robots_time = 99;
	h.robots_status = 200;
	pbuf_append(&h.robots, "User-agent: *\n\0Disallow: /\n", 27);
	h.next_ok = 1000.5;
	tap_ok(pith_state_put_host(st, &h) == 0, "host state written");
	tap_ok(pith_state_get_host(st, "http://a:80", &hr) == 1,
	    "host state read");
	tap_ok(hr.robots.len == 27 && memcmp(hr.robots.p, h.robots.p, 27) == 0,
	    "robots.txt body kept byte for byte");
	tap_ok(hr.robots_time == 99 && hr.next_ok == 1000.5,
	    "robots time and next request time kept");
	pith_host_state_clear(&hr);
	pbuf_free(&h.robots);
	pith_state_close(st);
	st = pith_state_open(sdir, 0);
	tap_ok(st != NULL, "lock released on close");
	pith_state_close(st);
}

int
main(void)
{
	char dir[] = "/tmp/pith-test-fetch.XXXXXX";
	char cmd[4200];

	if (mkdtemp(dir) == NULL)
		tap_skip("cannot make a temporary directory");
	test_sched();
	test_retry();
	test_urls(dir);
	test_state(dir);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
