/* robots.txt (RFC 9309): parsing once per site, then matching URLs.
 *
 * The matcher follows google/robotstxt, the reference the RFC grew out
 * of: lines end at LF, CR or CRLF and are cut after 16663 bytes; a UTF-8
 * byte order mark (or a prefix of one) is skipped at the very start;
 * `#` starts a comment; a missing colon is accepted when the line is
 * exactly two words; common misspellings of the keys are accepted; the
 * user-agent line is compared case-insensitively on its first word; the
 * longest matching rule wins and Allow wins ties; `*` matches any run of
 * bytes and a final `$` anchors the end. Rule paths have non-ASCII bytes
 * percent-encoded and %xx escapes upper-cased; the URL is NOT encoded
 * here (callers pass it percent-encoded, see pith_robots_encode_url).
 *
 * Where pith differs from Google's library: a rule ending in
 * "/index.html" does not also cover its directory (RFC 9309 has no such
 * rule). Crawl-delay, which neither defines, is read from the group that
 * applies. */
#ifndef PITH_ROBOTS_H
#define PITH_ROBOTS_H

#include <stddef.h>

#include "buf.h"

/* A parsed robots.txt, already narrowed to one crawler's product token. */
struct pith_robots;

/* Parses `body` for the product token `agent` (e.g. "pith-fetch"). At
 * most PITH_ROBOTS_MAX_BYTES of the body are read (RFC 9309 asks for at
 * least 500 KiB), less a last line that the limit cuts in two: pass one
 * byte more than the limit, when there is one, so the parser can tell.
 * Never fails (a garbage body has no rules). */
#define PITH_ROBOTS_MAX_BYTES ((size_t)500 << 10)
struct pith_robots *pith_robots_parse(const void *body, size_t len,
    const char *agent);
/* A robots.txt that allows everything (4xx) or nothing (5xx, unreachable). */
struct pith_robots *pith_robots_allow_all(void);
struct pith_robots *pith_robots_disallow_all(void);
void pith_robots_free(struct pith_robots *r);

/* 1 when `url` (absolute, or just a path) may be fetched, else 0. */
int pith_robots_allowed(const struct pith_robots *r, const char *url);

/* Crawl-delay in seconds from the applicable group, or -1 when none. */
double pith_robots_crawl_delay(const struct pith_robots *r);

/* Sitemap URLs found anywhere in the file. */
size_t pith_robots_sitemap_count(const struct pith_robots *r);
const char *pith_robots_sitemap(const struct pith_robots *r, size_t i);

/* Parser statistics, for tests: recognised directives (user-agent,
 * allow, disallow, sitemap), other "key: value" lines, and the line
 * number of the last directive. */
struct pith_robots_stats {
	int known;
	int unknown;
	int last_line;
};
void pith_robots_stats(const void *body, size_t len,
    struct pith_robots_stats *st);

/* The path, params and query of `url` that rules are matched against
 * (no scheme, host or fragment; "/" when empty), appended to `out`. */
void pith_robots_url_path(const char *url, struct pbuf *out);

/* A rule's path as it is matched: bytes >= 0x80 become %HH and %hh
 * escapes are upper-cased. Appended to `out`. */
void pith_robots_escape_pattern(const char *pattern, size_t len,
    struct pbuf *out);

/* Percent-encodes bytes >= 0x80, controls and spaces in a URL, so a URL
 * as a user typed it compares with the (encoded) rules. */
void pith_robots_encode_url(const char *url, struct pbuf *out);

/* Is `agent` a valid product token to obey (non-empty, [A-Za-z_-])? */
int pith_robots_agent_valid(const char *agent);

/* The product token at the start of a User-Agent string
 * ("pith-fetch/0.1.0 (+url)" -> "pith-fetch"), into buf. */
void pith_robots_agent_token(const char *user_agent, char *buf, size_t n);

#endif
