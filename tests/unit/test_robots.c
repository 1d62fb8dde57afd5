/* robots.txt matcher: own cases, then the conformance suites in
 * ../shared/conformance/robots when present (RFC cases must all pass;
 * Google-only cases may differ only where pith-fetch(1) says so). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "robots.h"
#include "tap.h"

static int
allowed(const char *body, const char *agent, const char *url)
{
	struct pith_robots *r = pith_robots_parse(body, strlen(body), agent);
	int a = pith_robots_allowed(r, url);

	pith_robots_free(r);
	return a;
}

static void
own_cases(void)
{
	struct pith_robots *r;
	struct pbuf b = PBUF_INIT;
	const char *body;
	char tok[32];

	tap_ok(allowed("", "pith-fetch", "http://h/x"), "empty file allows");
	tap_ok(!allowed("User-agent: *\nDisallow: /\n", "pith-fetch",
	    "http://h/x"), "global disallow");
	tap_ok(allowed("User-agent: *\nDisallow: /\n\nUser-agent: pith-fetch\n"
	    "Disallow: /private\n", "pith-fetch", "http://h/x"),
	    "specific group replaces the global one");
	tap_ok(!allowed("User-agent: pith-fetch\nDisallow: /private\n",
	    "PITH-FETCH", "http://h/private/a"), "agent is case-insensitive");
	tap_ok(allowed("User-agent: *\nDisallow: /a\nAllow: /a\n", "x",
	    "http://h/a"), "allow wins a tie");
	tap_ok(!allowed("User-agent: *\nDisallow: /*.pdf$\n", "x",
	    "http://h/doc/x.pdf"), "* and $");
	tap_ok(allowed("User-agent: *\nDisallow: /*.pdf$\n", "x",
	    "http://h/doc/x.pdf?y"), "$ anchors at the end");
	tap_ok(!allowed("User-agent: *\r\nDisallow: /q?\r\n", "x",
	    "http://h/q?a=1#frag"), "query is matched, CRLF lines");

	body = "User-agent: *\nCrawl-delay: 2.5\n"
	    "User-agent: pith-fetch\nCrawl-delay: 7\nDisallow:\n";
	r = pith_robots_parse(body, strlen(body), "pith-fetch");
	tap_ok(pith_robots_crawl_delay(r) == 7, "crawl-delay of own group");
	pith_robots_free(r);
	body = "User-agent: *\nCrawl-delay: 2.5\n";
	r = pith_robots_parse(body, strlen(body), "other");
	tap_ok(pith_robots_crawl_delay(r) == 2.5, "crawl-delay of * group");
	pith_robots_free(r);
	r = pith_robots_allow_all();
	tap_ok(pith_robots_allowed(r, "http://h/") &&
	    pith_robots_crawl_delay(r) < 0, "allow-all verdict");
	pith_robots_free(r);
	r = pith_robots_disallow_all();
	tap_ok(!pith_robots_allowed(r, "http://h/"), "disallow-all verdict");
	pith_robots_free(r);

	pith_robots_encode_url("http://h/ä b", &b);
	tap_is(b.p, "http://h/%C3%A4%20b", "URL encoding for matching");
	pbuf_free(&b);
	pith_robots_agent_token("pith-fetch/0.1.0 (+https://x)", tok,
	    sizeof tok);
	tap_is(tok, "pith-fetch", "product token from a User-Agent");
}

/* Decodes the TSV escapes of ../shared/conformance/robots/README.md in
 * place; returns the byte length. */
static size_t
unescape(char *s)
{
	char *o = s, *i = s;

	while (*i) {
		if (*i != '\\') {
			*o++ = *i++;
			continue;
		}
		i++;
		switch (*i) {
		case 'n': *o++ = '\n'; i++; break;
		case 'r': *o++ = '\r'; i++; break;
		case 't': *o++ = '\t'; i++; break;
		case '\\': *o++ = '\\'; i++; break;
		case 'x': {
			char hex[3] = {i[1], i[2], 0};

			*o++ = (char)strtol(hex, NULL, 16);
			i += 3;
			break;
		}
		default:
			*o++ = '\\';
		}
	}
	*o = '\0';
	return (size_t)(o - s);
}

/* Reads a TSV file row by row into cells (unescaped); returns the number
 * of cells, 0 at end. */
static int
row(FILE *f, char **line, size_t *cap, char *cell[], size_t len[], int max)
{
	ssize_t n;
	int k = 0;
	char *p;

	if ((n = getline(line, cap, f)) <= 0)
		return 0;
	if ((*line)[n - 1] == '\n')
		(*line)[n - 1] = '\0';
	p = *line;
	while (k < max) {
		cell[k] = p;
		p = strchr(p, '\t');
		if (p != NULL)
			*p++ = '\0';
		len[k] = unescape(cell[k]);
		k++;
		if (p == NULL)
			break;
	}
	return k;
}

static FILE *
open_case(const char *shared, const char *name)
{
	char path[4096];
	FILE *f;
	char *line = NULL;
	size_t cap = 0;

	snprintf(path, sizeof path, "%s/conformance/robots/%s", shared, name);
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if (getline(&line, &cap, f) < 0) {	/* header */
		fclose(f);
		f = NULL;
	}
	free(line);
	return f;
}

/* One allow/disallow suite: columns robots, agent, url, expected at
 * 1..4 and the kind column at `kindcol`. */
static void
match_suite(const char *shared, const char *name, int kindcol,
    const char *strict_kind)
{
	FILE *f = open_case(shared, name);
	char *line = NULL, *c[8];
	size_t cap = 0, len[8];
	int n, strict = 0, strict_ok = 0, other = 0, other_ok = 0;
	int undocumented = 0;

	if (f == NULL) {
		tap_ok(0, "%s readable", name);
		return;
	}
	while ((n = row(f, &line, &cap, c, len, 8)) > 0) {
		struct pith_robots *r;
		int got, want;

		if (n <= kindcol)
			continue;
		r = pith_robots_parse(c[1], len[1], c[2]);
		got = pith_robots_allowed(r, c[3]);
		pith_robots_free(r);
		want = strcmp(c[4], "allowed") == 0;
		if (strcmp(c[kindcol], strict_kind) == 0) {
			strict++;
			strict_ok += got == want;
			tap_ok(got == want, "%s %s", name, c[0]);
			continue;
		}
		other++;
		if (got == want) {
			other_ok++;
			continue;
		}
		/* The one documented difference: "index.html" rules. */
		printf("# %s %s (google-only): pith says %s, Google %s\n",
		    name, c[0], got ? "allowed" : "disallowed", c[4]);
		if (strstr(c[1], "/index.htm") == NULL)
			undocumented++;
	}
	free(line);
	fclose(f);
	printf("# %s: %s %d/%d, google-only %d/%d\n", name, strict_kind,
	    strict_ok, strict, other_ok, other);
	tap_ok(undocumented == 0, "%s: google-only differences are the "
	    "documented ones (%d/%d agree)", name, other_ok, other);
}

static void
small_suites(const char *shared)
{
	FILE *f;
	char *line = NULL, *c[8];
	size_t cap = 0, len[8];
	struct pbuf b = PBUF_INIT;

	if ((f = open_case(shared, "url-path.tsv")) != NULL) {
		while (row(f, &line, &cap, c, len, 3) == 3) {
			pbuf_reset(&b);
			pith_robots_url_path(c[1], &b);
			tap_is(b.p, c[2], "url-path %s", c[0]);
		}
		fclose(f);
	}
	if ((f = open_case(shared, "pattern-escape.tsv")) != NULL) {
		while (row(f, &line, &cap, c, len, 3) == 3) {
			pbuf_reset(&b);
			pith_robots_escape_pattern(c[1], len[1], &b);
			tap_is(b.p, c[2], "pattern-escape %s", c[0]);
		}
		fclose(f);
	}
	if ((f = open_case(shared, "user-agent-validity.tsv")) != NULL) {
		while (row(f, &line, &cap, c, len, 5) >= 3)
			tap_ok(pith_robots_agent_valid(c[1]) ==
			    (strcmp(c[2], "valid") == 0), "user-agent %s", c[0]);
		fclose(f);
	}
	if ((f = open_case(shared, "parse-stats.tsv")) != NULL) {
		while (row(f, &line, &cap, c, len, 6) >= 5) {
			struct pith_robots_stats st;
			int ok = 1;

			pith_robots_stats(c[1], len[1], &st);
			if (*c[2] && st.known != atoi(c[2]))
				ok = 0;
			if (*c[3] && st.unknown != atoi(c[3]))
				ok = 0;
			if (*c[4] && st.last_line != atoi(c[4]))
				ok = 0;
			tap_ok(ok, "parse-stats %s (%d known, %d unknown, "
			    "last line %d)", c[0], st.known, st.unknown,
			    st.last_line);
		}
		fclose(f);
	}
	if ((f = open_case(shared, "sitemap.tsv")) != NULL) {
		while (row(f, &line, &cap, c, len, 4) >= 3) {
			struct pith_robots *r = pith_robots_parse(c[1], len[1],
			    "foo");

			tap_is(pith_robots_sitemap(r, 0), c[2], "sitemap %s",
			    c[0]);
			pith_robots_free(r);
		}
		fclose(f);
	}
	free(line);
	pbuf_free(&b);
}

/* The 500 KiB limit: rules before it count, rules after it do not, and a
 * line the limit cuts in two is dropped, not read as a shorter rule. */
static void
size_limit(void)
{
	struct pbuf b = PBUF_INIT;
	struct pith_robots *r;
	size_t cut;

	pbuf_puts(&b, "User-agent: *\nDisallow: /early\n");
	while (b.len < PITH_ROBOTS_MAX_BYTES - 12)
		pbuf_puts(&b, "# filler\n");
	/* Start a line 12 bytes before the limit: "Disallow: /p" fits. */
	while (b.len < PITH_ROBOTS_MAX_BYTES - 12)
		pbuf_putc(&b, '#');
	b.len = PITH_ROBOTS_MAX_BYTES - 13;
	pbuf_puts(&b, "\nDisallow: /private-drafts\nDisallow: /late\n");
	r = pith_robots_parse(b.p, b.len, "pith-fetch");
	tap_ok(!pith_robots_allowed(r, "http://h/early"), "500 KiB limit: a "
	    "rule at the start applies");
	tap_ok(pith_robots_allowed(r, "http://h/late"), "500 KiB limit: a "
	    "rule past the limit is ignored");
	tap_ok(pith_robots_allowed(r, "http://h/page"), "500 KiB limit: a "
	    "rule cut in two by the limit is ignored, not read as "
	    "'Disallow: /p'");
	pith_robots_free(r);
	/* Exactly at the limit, without the byte after it: a body of
	 * exactly 500 KiB is whole. */
	cut = PITH_ROBOTS_MAX_BYTES;
	r = pith_robots_parse(b.p, cut, "pith-fetch");
	tap_ok(!pith_robots_allowed(r, "http://h/page"), "a body of exactly "
	    "500 KiB: its last line read");
	pith_robots_free(r);
	/* A line whose end of line is the first byte past the limit is
	 * whole. */
	b.len = PITH_ROBOTS_MAX_BYTES - 16;
	pbuf_puts(&b, "\nDisallow: /page\nDisallow: /late\n");
	r = pith_robots_parse(b.p, b.len, "pith-fetch");
	tap_ok(!pith_robots_allowed(r, "http://h/page"), "a rule that ends "
	    "right at the limit applies");
	pith_robots_free(r);
	pbuf_free(&b);
}

int
main(void)
{
	const char *shared;

	own_cases();
	size_limit();
	if ((shared = tap_shared()) != NULL) {
		match_suite(shared, "cases.tsv", 6, "rfc");
		match_suite(shared, "spec-cases.tsv", 6, "standard");
		small_suites(shared);
	} else
		printf("# ../shared absent: conformance suites not run\n");
	return tap_done();
}
