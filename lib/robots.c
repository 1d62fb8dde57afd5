/* robots.txt parsing and matching; see robots.h for the rules followed. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "robots.h"

/* Google's line limit: 8 times the longest URL browsers accept. */
#define MAX_LINE (2083 * 8)

enum key { KEY_UNKNOWN, KEY_USER_AGENT, KEY_ALLOW, KEY_DISALLOW, KEY_SITEMAP };

struct rule {
	char *pat;
	size_t len;
};

struct rules {
	struct rule *v;
	size_t n, cap;
};

enum verdict { RULES, ALLOW_ALL, DISALLOW_ALL };

struct pith_robots {
	enum verdict verdict;
	struct rules allow_specific, disallow_specific;
	struct rules allow_global, disallow_global;
	int ever_specific;	/* a group named our agent */
	double delay_specific, delay_global;
	char **sitemaps;
	size_t nsitemaps;
};

/* Parser state while narrowing the file to one agent (the state machine
 * of Google's RobotsMatcher, run once instead of once per URL). */
struct parse {
	struct pith_robots *r;
	struct pith_robots_stats *stats;
	const char *agent;
	int seen_global, seen_specific, seen_separator;
};

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

static char *
strip(char *s)
{
	char *e;

	while (is_space((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && is_space((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int
starts_nocase(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static enum key
parse_key(const char *k)
{
	if (starts_nocase(k, "user-agent") || starts_nocase(k, "useragent") ||
	    starts_nocase(k, "user agent"))
		return KEY_USER_AGENT;
	if (starts_nocase(k, "allow"))
		return KEY_ALLOW;
	if (starts_nocase(k, "disallow") || starts_nocase(k, "dissallow") ||
	    starts_nocase(k, "dissalow") || starts_nocase(k, "disalow") ||
	    starts_nocase(k, "diasllow") || starts_nocase(k, "disallaw"))
		return KEY_DISALLOW;
	if (starts_nocase(k, "sitemap") || starts_nocase(k, "site-map"))
		return KEY_SITEMAP;
	return KEY_UNKNOWN;
}

/* Splits "key: value" in place. Returns 0 when the line holds no
 * directive. */
static int
split_line(char *line, char **key, char **value)
{
	char *sep, *hash;

	if ((hash = strchr(line, '#')) != NULL)
		*hash = '\0';
	line = strip(line);
	sep = strchr(line, ':');
	if (sep == NULL) {
		/* A forgotten colon: accept "key value" with exactly two
		 * words. */
		sep = strpbrk(line, " \t");
		if (sep != NULL) {
			const char *val = sep + strspn(sep, " \t");

			if (strpbrk(val, " \t") != NULL)
				return 0;
		}
	}
	if (sep == NULL)
		return 0;
	*sep = '\0';
	line = strip(line);
	if (*line == '\0')
		return 0;
	*key = line;
	*value = strip(sep + 1);
	return 1;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void
pith_robots_escape_pattern(const char *p, size_t len, struct pbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '%' && i + 2 < len && hexval(p[i + 1]) >= 0 &&
		    hexval(p[i + 2]) >= 0) {
			pbuf_putc(out, '%');
			pbuf_putc(out, toupper((unsigned char)p[i + 1]));
			pbuf_putc(out, toupper((unsigned char)p[i + 2]));
			i += 2;
		} else if (c >= 0x80) {
			pbuf_putc(out, '%');
			pbuf_putc(out, hex[c >> 4]);
			pbuf_putc(out, hex[c & 15]);
		} else
			pbuf_putc(out, c);
	}
}

void
pith_robots_encode_url(const char *url, struct pbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s;

	for (s = (const unsigned char *)url; *s; s++) {
		if (*s >= 0x80 || *s <= 0x20 || *s == 0x7f) {
			pbuf_putc(out, '%');
			pbuf_putc(out, hex[*s >> 4]);
			pbuf_putc(out, hex[*s & 15]);
		} else
			pbuf_putc(out, *s);
	}
	if (out->p == NULL)
		pbuf_puts(out, "");
}

static size_t
token_len(const char *s)
{
	size_t n = 0;

	while (isalpha((unsigned char)s[n]) || s[n] == '-' || s[n] == '_')
		n++;
	return n;
}

int
pith_robots_agent_valid(const char *agent)
{
	return agent != NULL && *agent != '\0' &&
	    agent[token_len(agent)] == '\0';
}

void
pith_robots_agent_token(const char *ua, char *buf, size_t n)
{
	size_t len = token_len(ua);

	if (n == 0)
		return;
	if (len >= n)
		len = n - 1;
	memcpy(buf, ua, len);
	buf[len] = '\0';
}

static void
rules_add(struct rules *rs, const char *pat, size_t len)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 8;
		rs->v = xrealloc(rs->v, rs->cap * sizeof *rs->v);
	}
	rs->v[rs->n].pat = xstrndup(pat, len);
	rs->v[rs->n].len = len;
	rs->n++;
}

static void
rules_free(struct rules *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		free(rs->v[i].pat);
	free(rs->v);
}

static void
handle_user_agent(struct parse *ps, const char *ua)
{
	size_t n;

	if (ps->seen_separator)
		ps->seen_specific = ps->seen_global = ps->seen_separator = 0;
	/* "*" alone, or followed by a space and anything, is global. */
	if (ua[0] == '*' && (ua[1] == '\0' || is_space((unsigned char)ua[1]))) {
		ps->seen_global = 1;
		return;
	}
	n = token_len(ua);
	if (ps->agent != NULL && strlen(ps->agent) == n &&
	    strncasecmp(ua, ps->agent, n) == 0)
		ps->r->ever_specific = ps->seen_specific = 1;
}

static void
handle_rule(struct parse *ps, enum key key, const char *value)
{
	struct pith_robots *r = ps->r;
	struct pbuf pat = PBUF_INIT;

	if (!ps->seen_global && !ps->seen_specific)
		return;
	ps->seen_separator = 1;
	pith_robots_escape_pattern(value, strlen(value), &pat);
	if (ps->seen_specific)
		rules_add(key == KEY_ALLOW ? &r->allow_specific :
		    &r->disallow_specific, pat.p ? pat.p : "", pat.len);
	else
		rules_add(key == KEY_ALLOW ? &r->allow_global :
		    &r->disallow_global, pat.p ? pat.p : "", pat.len);
	pbuf_free(&pat);
}

static void
handle_unknown(struct parse *ps, const char *key, const char *value)
{
	char *end;
	double d;

	if (strcasecmp(key, "crawl-delay") != 0 ||
	    (!ps->seen_global && !ps->seen_specific))
		return;
	d = strtod(value, &end);
	if (end == value || d < 0 || d != d)
		return;
	if (ps->seen_specific)
		ps->r->delay_specific = d;
	else
		ps->r->delay_global = d;
}

static void
emit_line(struct parse *ps, int line_num, char *line)
{
	char *key, *value;
	enum key k;

	if (!split_line(line, &key, &value))
		return;
	k = parse_key(key);
	if (ps->stats != NULL) {
		if (k == KEY_UNKNOWN)
			ps->stats->unknown++;
		else
			ps->stats->known++;
		ps->stats->last_line = line_num;
	}
	if (ps->r == NULL)
		return;
	switch (k) {
	case KEY_USER_AGENT:
		handle_user_agent(ps, value);
		break;
	case KEY_ALLOW:
	case KEY_DISALLOW:
		handle_rule(ps, k, value);
		break;
	case KEY_SITEMAP:
		if (*value != '\0') {
			ps->r->sitemaps = xrealloc(ps->r->sitemaps,
			    (ps->r->nsitemaps + 1) * sizeof(char *));
			ps->r->sitemaps[ps->r->nsitemaps++] = xstrdup(value);
		}
		break;
	case KEY_UNKNOWN:
		handle_unknown(ps, key, value);
		break;
	}
}

/* Splits the body into lines (LF, CR, CRLF) and feeds them on. */
static void
parse_body(struct parse *ps, const unsigned char *body, size_t len)
{
	static const unsigned char bom[] = {0xEF, 0xBB, 0xBF};
	char *line = xmalloc(MAX_LINE);
	size_t pos = 0, bom_pos = 0, i;
	int line_num = 0, last_cr = 0;

	/* Past the limit the rest is ignored (RFC 9309, 2.5), and so is
	 * a line the limit cuts in two: half a rule is another rule
	 * ("Disallow: /private-drafts" cut to "Disallow: /p" covers
	 * almost everything). */
	if (len > PITH_ROBOTS_MAX_BYTES) {
		len = PITH_ROBOTS_MAX_BYTES;
		if (body[len] != '\n' && body[len] != '\r')
			while (len > 0 && body[len - 1] != '\n' &&
			    body[len - 1] != '\r')
				len--;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = body[i];

		/* A BOM, or a prefix of one, only at the very start. */
		if (bom_pos < sizeof bom && c == bom[bom_pos++])
			continue;
		bom_pos = sizeof bom;
		if (c != '\n' && c != '\r') {
			if (pos < MAX_LINE - 1)
				line[pos++] = (char)c;
			continue;
		}
		line[pos] = '\0';
		if (!(pos == 0 && last_cr && c == '\n'))
			emit_line(ps, ++line_num, line);
		pos = 0;
		last_cr = c == '\r';
	}
	line[pos] = '\0';
	emit_line(ps, ++line_num, line);
	free(line);
}

static struct pith_robots *
robots_new(enum verdict v)
{
	struct pith_robots *r = xcalloc(1, sizeof *r);

	r->verdict = v;
	r->delay_specific = r->delay_global = -1;
	return r;
}

struct pith_robots *
pith_robots_parse(const void *body, size_t len, const char *agent)
{
	struct parse ps = {0};

	ps.r = robots_new(RULES);
	ps.agent = agent;
	parse_body(&ps, body, len);
	return ps.r;
}

struct pith_robots *
pith_robots_allow_all(void)
{
	return robots_new(ALLOW_ALL);
}

struct pith_robots *
pith_robots_disallow_all(void)
{
	return robots_new(DISALLOW_ALL);
}

void
pith_robots_stats(const void *body, size_t len, struct pith_robots_stats *st)
{
	struct parse ps = {0};

	memset(st, 0, sizeof *st);
	ps.stats = st;
	parse_body(&ps, body, len);
}

void
pith_robots_free(struct pith_robots *r)
{
	size_t i;

	if (r == NULL)
		return;
	rules_free(&r->allow_specific);
	rules_free(&r->disallow_specific);
	rules_free(&r->allow_global);
	rules_free(&r->disallow_global);
	for (i = 0; i < r->nsitemaps; i++)
		free(r->sitemaps[i]);
	free(r->sitemaps);
	free(r);
}

/* Does `pattern` match a prefix of `path`? `*` is any run of bytes; `$`
 * at the very end anchors. The set of path offsets reachable so far is
 * kept sorted in pos[]. */
static int
matches(const char *path, size_t plen, const char *pat, size_t patlen)
{
	size_t small[256], *pos, n = 1, i, k;
	int ok = 1;

	pos = plen + 1 <= 256 ? small : xmalloc((plen + 1) * sizeof *pos);
	pos[0] = 0;
	for (k = 0; k < patlen && ok; k++) {
		if (pat[k] == '$' && k + 1 == patlen) {
			ok = pos[n - 1] == plen;
			goto done;
		}
		if (pat[k] == '*') {
			n = plen - pos[0] + 1;
			for (i = 1; i < n; i++)
				pos[i] = pos[i - 1] + 1;
		} else {
			size_t m = 0;

			for (i = 0; i < n; i++)
				if (pos[i] < plen && path[pos[i]] == pat[k])
					pos[m++] = pos[i] + 1;
			n = m;
			if (n == 0)
				ok = 0;
		}
	}
done:
	if (pos != small)
		free(pos);
	return ok;
}

/* Length of the longest rule in rs matching path, or -1. */
static long
best(const struct rules *rs, const char *path, size_t plen)
{
	long top = -1;
	size_t i;

	for (i = 0; i < rs->n; i++)
		if ((long)rs->v[i].len > top &&
		    matches(path, plen, rs->v[i].pat, rs->v[i].len))
			top = (long)rs->v[i].len;
	return top;
}

int
pith_robots_allowed(const struct pith_robots *r, const char *url)
{
	struct pbuf path = PBUF_INIT;
	long a, d;
	int allowed = 1;

	if (r->verdict != RULES)
		return r->verdict == ALLOW_ALL;
	pith_robots_url_path(url, &path);
	a = best(&r->allow_specific, path.p, path.len);
	d = best(&r->disallow_specific, path.p, path.len);
	if (a > 0 || d > 0)
		allowed = !(d > a);
	else if (!r->ever_specific) {
		a = best(&r->allow_global, path.p, path.len);
		d = best(&r->disallow_global, path.p, path.len);
		if (a > 0 || d > 0)
			allowed = !(d > a);
	}
	pbuf_free(&path);
	return allowed;
}

double
pith_robots_crawl_delay(const struct pith_robots *r)
{
	if (r->verdict != RULES)
		return -1;
	if (r->ever_specific)
		return r->delay_specific;
	return r->delay_global;
}

size_t
pith_robots_sitemap_count(const struct pith_robots *r)
{
	return r->nsitemaps;
}

const char *
pith_robots_sitemap(const struct pith_robots *r, size_t i)
{
	return i < r->nsitemaps ? r->sitemaps[i] : NULL;
}

void
pith_robots_url_path(const char *url, struct pbuf *out)
{
	size_t start = 0, len = strlen(url), early, proto, path, hash, end;
	const char *p;

	if (len >= 2 && url[0] == '/' && url[1] == '/')
		start = 2;
	early = start + strcspn(url + start, "/?;");
	p = strstr(url + start, "://");
	proto = p ? (size_t)(p - url) : len;
	if (early < proto)
		proto = len;
	proto = proto == len ? start : proto + 3;
	if (proto > len)
		proto = len;
	path = proto + strcspn(url + proto, "/?;");
	if (path >= len) {
		pbuf_puts(out, "/");
		return;
	}
	p = strchr(url + start, '#');
	hash = p ? (size_t)(p - url) : len;
	if (hash < path) {
		pbuf_puts(out, "/");
		return;
	}
	end = hash;
	if (url[path] != '/')
		pbuf_putc(out, '/');
	pbuf_append(out, url + path, end - path);
}
