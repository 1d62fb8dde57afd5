/* HTTP/1.x responses as archived in WARC: status line, headers, then the
 * body with the transfer coding (chunked) and content codings (gzip,
 * deflate) undone, bounded by a size limit at every step so that a small
 * record cannot expand into an unbounded document. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "brotli.h"

#include "http.h"

#define HTTP_LINE_MAX	(64 * 1024)

/* A cursor over the message. */
struct cur {
	const unsigned char *p, *end;
};

/* Next line without its CRLF or LF; returns 0 at end of input. `ended`
 * says whether a line end was seen. */
static int
next_line(struct cur *c, const char **line, size_t *len, int *ended)
{
	const unsigned char *nl;
	size_t n;

	if (c->p >= c->end)
		return 0;
	nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	*line = (const char *)c->p;
	if (nl == NULL) {
		n = (size_t)(c->end - c->p);
		c->p = c->end;
		*ended = 0;
	} else {
		n = (size_t)(nl - c->p);
		c->p = nl + 1;
		*ended = 1;
	}
	if (n > 0 && (*line)[n - 1] == '\r')
		n--;
	*len = n;
	return 1;
}

static void
trim_span(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int
parse_status(struct pith_http_response *resp, const char *line, size_t len)
{
	size_t i = 0;
	int code = 0, digits = 0;

	if (len < 5 || memcmp(line, "HTTP/", 5) != 0)
		return -1;
	while (i < len && line[i] != ' ')
		i++;
	while (i < len && line[i] == ' ')
		i++;
	while (i < len && isdigit((unsigned char)line[i]) && digits < 3) {
		code = code * 10 + (line[i] - '0');
		i++;
		digits++;
	}
	if (digits != 3 || (i < len && line[i] != ' '))
		return -1;
	resp->status = code;
	while (i < len && line[i] == ' ')
		i++;
	len -= i;
	if (len >= sizeof resp->reason)
		len = sizeof resp->reason - 1;
	memcpy(resp->reason, line + i, len);
	resp->reason[len] = '\0';
	return 0;
}

/* Parses header lines up to the blank line. Folded lines (leading SP or
 * HT) continue the previous value; lines without a colon are skipped, as
 * browsers do. */
static void
parse_headers(struct pith_headers *h, struct cur *c)
{
	const char *line, *name, *value;
	size_t len, nlen, vlen;
	char *name_s, *value_s;
	int ended;

	while (next_line(c, &line, &len, &ended)) {
		if (len == 0)
			break;
		if ((line[0] == ' ' || line[0] == '\t') && h->n > 0) {
			struct pith_header *last = &h->v[h->n - 1];
			size_t a = strlen(last->value);

			value = line;
			vlen = len;
			trim_span(&value, &vlen);
			if (vlen > HTTP_LINE_MAX)
				vlen = HTTP_LINE_MAX;
			last->value = xrealloc(last->value, a + vlen + 2);
			last->value[a] = ' ';
			memcpy(last->value + a + 1, value, vlen);
			last->value[a + vlen + 1] = '\0';
			continue;
		}
		value = memchr(line, ':', len);
		if (value == NULL || value == line)
			continue;
		name = line;
		nlen = (size_t)(value - line);
		value++;
		vlen = len - nlen - 1;
		trim_span(&name, &nlen);
		trim_span(&value, &vlen);
		if (nlen == 0)
			continue;
		if (vlen > HTTP_LINE_MAX)
			vlen = HTTP_LINE_MAX;
		name_s = xstrndup(name, nlen);
		value_s = xstrndup(value, vlen);
		pith_headers_add(h, name_s, value_s);
		free(name_s);
		free(value_s);
	}
}

/* Does the comma-separated list `value` contain `token`? With `last`,
 * only its final element counts (Transfer-Encoding: gzip, chunked). */
/* Steps through a comma-separated header value: sets the next item,
 * trimmed (possibly empty), and returns 1; 0 at the end. */
static int
next_list_item(const char **cursor, const char **item, size_t *n)
{
	const char *s = *cursor, *e;

	if (*s == '\0')
		return 0;
	e = strchr(s, ',');
	if (e == NULL)
		e = s + strlen(s);
	*n = (size_t)(e - s);
	trim_span(&s, n);
	*item = s;
	*cursor = *e ? e + 1 : e;
	return 1;
}

static int
list_has(const char *value, const char *token, int last)
{
	const char *cur = value, *s;
	size_t n, tl = strlen(token);
	int found = 0;

	while (next_list_item(&cur, &s, &n)) {
		found = n == tl && strncasecmp(s, token, tl) == 0;
		if (found && !last)
			return 1;
	}
	return found;
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

/* Undoes chunked transfer coding into `out`, at most `max` bytes.
 * Returns 0 or -1 with *err set; `out` keeps what was decoded. */
static int
dechunk(struct cur *c, struct pbuf *out, size_t max, const char **err)
{
	const char *line;
	size_t len, i, size;
	int ended, d, digits;

	for (;;) {
		if (!next_line(c, &line, &len, &ended) || !ended) {
			*err = "truncated chunked body";
			return -1;
		}
		size = 0;
		digits = 0;
		for (i = 0; i < len && (d = hexval((unsigned char)line[i])) >= 0;
		    i++) {
			if (size > ((size_t)-1 >> 4)) {
				*err = "bad chunk size";
				return -1;
			}
			size = size * 16 + (size_t)d;
			digits++;
		}
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		/* Anything after the size must be a chunk extension. */
		if (digits == 0 || (i < len && line[i] != ';')) {
			*err = "bad chunk size";
			return -1;
		}
		if (size == 0)
			break;
		if (size > (size_t)(c->end - c->p)) {
			size_t have = (size_t)(c->end - c->p);

			if (out->len + have > max)
				have = max - out->len;
			pbuf_append(out, c->p, have);
			*err = "truncated chunked body";
			return -1;
		}
		if (out->len + size > max) {
			pbuf_append(out, c->p, max - out->len);
			*err = "payload over limit";
			return -1;
		}
		pbuf_append(out, c->p, size);
		c->p += size;
		/* The chunk ends with CRLF (LF tolerated). */
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p >= c->end || *c->p != '\n') {
			*err = c->p >= c->end ? "truncated chunked body" :
			    "bad chunk terminator";
			return -1;
		}
		c->p++;
	}
	/* Trailer fields up to the blank line; a missing blank line at the
	   very end is tolerated. */
	while (next_line(c, &line, &len, &ended) && len > 0)
		;
	return 0;
}

/* Inflates `in` (gzip, zlib or raw deflate by `window_bits`) appending
 * to `out`, at most `max` bytes in all. Concatenated gzip members are
 * all inflated; bytes after the last one are ignored. */
static int
inflate_into(const unsigned char *in, size_t len, int window_bits,
    struct pbuf *out, size_t max, const char **err)
{
	unsigned char buf[64 * 1024];
	z_stream z;
	size_t room, got;
	int rc, ret = 0;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, window_bits) != Z_OK) {
		*err = "cannot initialise zlib";
		return -1;
	}
	z.next_in = (unsigned char *)in;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	for (;;) {
		room = max - out->len;
		z.next_out = buf;
		z.avail_out = (uInt)(room < sizeof buf ? room + 1 :
		    sizeof buf);
		rc = inflate(&z, Z_NO_FLUSH);
		got = (size_t)(z.next_out - buf);
		if (got > room) {
			pbuf_append(out, buf, room);
			*err = "payload over limit";
			ret = -1;
			break;
		}
		pbuf_append(out, buf, got);
		if (rc == Z_STREAM_END) {
			if (window_bits > 15 && z.avail_in >= 2 &&
			    z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
				inflateReset(&z);
				continue;
			}
			break;
		}
		if (rc == Z_OK)
			continue;
		if (rc == Z_BUF_ERROR && z.avail_in == 0) {
			*err = window_bits > 15 ? "truncated gzip data" :
			    "truncated deflate data";
			ret = -1;
			break;
		}
		if (rc == Z_BUF_ERROR && got > 0)
			continue;
		*err = window_bits > 15 ? "bad gzip data" : "bad deflate data";
		ret = -1;
		break;
	}
	inflateEnd(&z);
	return ret;
}

/* "deflate" is meant to be zlib-wrapped (RFC 9110) but servers often
 * send raw deflate: the zlib header check tells them apart. */
static int
zlib_wrapped(const unsigned char *in, size_t len)
{
	return len >= 2 && (in[0] & 0x0f) == 8 && (in[0] >> 4) <= 7 &&
	    ((in[0] << 8) | in[1]) % 31 == 0;
}

/* Undoes one content coding, from `in` to `out`. Returns 1 for a coding
 * that is not a compression at all ("utf-8", "none": server mistakes
 * that browsers ignore), so the bytes pass through unchanged. */
static int
decode_one(const char *coding, size_t clen, const unsigned char *in,
    size_t len, struct pbuf *out, size_t max, const char **err)
{
	static const char *unsupported[] = { "br", "zstd", "compress",
	    "x-compress", "x-bzip2", "bzip2", "sdch", "pack200-gzip" };
	static _Thread_local char msg[96];
	size_t i;

	if ((clen == 4 && strncasecmp(coding, "gzip", 4) == 0) ||
	    (clen == 6 && strncasecmp(coding, "x-gzip", 6) == 0))
		return inflate_into(in, len, 15 + 16, out, max, err);
	if (clen == 7 && strncasecmp(coding, "deflate", 7) == 0)
		return inflate_into(in, len, zlib_wrapped(in, len) ? 15 : -15,
		    out, max, err);
	if (clen == 2 && strncasecmp(coding, "br", 2) == 0 &&
	    pith_brotli_available())
		return pith_brotli_decode(in, len, out, max, err);
	for (i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++)
		if (strlen(unsupported[i]) == clen &&
		    strncasecmp(coding, unsupported[i], clen) == 0) {
			snprintf(msg, sizeof msg, "unsupported "
			    "content-encoding %s", unsupported[i]);
			*err = msg;
			return -1;
		}
	return 1;
}

/* Undoes the content codings listed in `ce` (applied left to right, so
 * undone right to left). `body` holds the input and receives the
 * result. */
static int
decode_content(const char *ce, struct pbuf *body, size_t max,
    const char **err)
{
	const char *codings[8], *cur = ce, *s;
	size_t lens[8], n, k = 0;
	struct pbuf tmp = PBUF_INIT;
	int rc = 0;

	while (next_list_item(&cur, &s, &n)) {
		if (n > 0 && !(n == 8 && strncasecmp(s, "identity", 8) == 0)) {
			if (k == sizeof codings / sizeof codings[0]) {
				*err = "too many content-encodings";
				return -1;
			}
			codings[k] = s;
			lens[k++] = n;
		}
	}
	while (k-- > 0) {
		pbuf_reset(&tmp);
		rc = decode_one(codings[k], lens[k], (unsigned char *)body->p,
		    body->len, &tmp, max, err);
		if (rc == 1) {
			rc = 0;
			continue;	/* not a compression: bytes unchanged */
		}
		/* The decoded bytes become the body; for an unsupported
		   coding that is nothing, not the still-encoded bytes. */
		{
			struct pbuf t = *body;

			*body = tmp;
			tmp = t;
		}
		if (rc < 0)
			break;
	}
	if (rc == 0 && body->len > max) {
		/* Unknown codings passed through undecoded bytes. */
		body->len = max;
		body->p[max] = '\0';
		*err = "payload over limit";
		rc = -1;
	}
	pbuf_free(&tmp);
	return rc;
}

int
pith_http_parse_response(const void *msg, size_t len, size_t max_body,
    struct pith_http_response *resp, const char **err)
{
	static _Thread_local char over[64];
	struct cur c;
	const char *line, *te, *ce;
	size_t llen;
	int ended, rc = 0;

	memset(resp, 0, sizeof *resp);
	*err = NULL;
	c.p = msg;
	c.end = c.p + len;
	if (!next_line(&c, &line, &llen, &ended) ||
	    parse_status(resp, line, llen) < 0) {
		*err = "no HTTP status line";
		return -1;
	}
	parse_headers(&resp->headers, &c);
	/* A recorded "100 Continue" (or other 1xx) is followed by the real
	   response in the same block. */
	while (resp->status >= 100 && resp->status < 200 &&
	    c.end - c.p >= 5 && memcmp(c.p, "HTTP/", 5) == 0) {
		pith_headers_clear(&resp->headers);
		if (!next_line(&c, &line, &llen, &ended) ||
		    parse_status(resp, line, llen) < 0) {
			*err = "no HTTP status line";
			return -1;
		}
		parse_headers(&resp->headers, &c);
	}
	resp->content_type = pith_headers_get(&resp->headers, "Content-Type");

	te = pith_headers_get(&resp->headers, "Transfer-Encoding");
	ce = pith_headers_get(&resp->headers, "Content-Encoding");
	if (te != NULL && list_has(te, "chunked", 1)) {
		/* The de-chunked size is bounded by the record, which is
		   already in memory; the limit applies after decoding. */
		rc = dechunk(&c, &resp->body, ce ? len : max_body, err);
	} else {
		size_t n = (size_t)(c.end - c.p);

		if (ce == NULL && n > max_body) {
			n = max_body;
			*err = "payload over limit";
			rc = -1;
		}
		pbuf_append(&resp->body, c.p, n);
	}
	/* An empty body (revisit, 304, HEAD) has nothing to decode. */
	if (rc == 0 && ce != NULL && resp->body.len > 0)
		rc = decode_content(ce, &resp->body, max_body, err);
	if (resp->body.p == NULL)
		pbuf_append(&resp->body, "", 0);
	if (rc < 0 && strcmp(*err, "payload over limit") == 0) {
		snprintf(over, sizeof over, "payload over %zu bytes", max_body);
		*err = over;
	}
	return rc;
}

int
pith_http_have_brotli(void)
{
	return pith_brotli_available();
}

void
pith_http_response_free(struct pith_http_response *resp)
{
	pith_headers_clear(&resp->headers);
	pbuf_free(&resp->body);
	resp->content_type = NULL;
}

void
pith_http_media_type(const char *content_type, char *buf, size_t n)
{
	const char *s = content_type, *e;
	size_t len, i;

	if (n == 0)
		return;
	buf[0] = '\0';
	if (s == NULL)
		return;
	e = strchr(s, ';');
	len = e ? (size_t)(e - s) : strlen(s);
	trim_span(&s, &len);
	if (len >= n)
		return;		/* too long to be a media type */
	for (i = 0; i < len; i++)
		buf[i] = (char)tolower((unsigned char)s[i]);
	buf[len] = '\0';
}

void
pith_http_charset(const char *content_type, char *buf, size_t n)
{
	const char *s, *name, *value;
	size_t nlen, vlen, i;

	if (n == 0)
		return;
	buf[0] = '\0';
	if (content_type == NULL || (s = strchr(content_type, ';')) == NULL)
		return;
	while (s != NULL && *s) {
		s++;
		name = s;
		while (*s && *s != '=' && *s != ';')
			s++;
		nlen = (size_t)(s - name);
		trim_span(&name, &nlen);
		if (*s != '=')
			continue;
		s++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '"') {
			value = ++s;
			while (*s && *s != '"')
				s++;
			vlen = (size_t)(s - value);
			if (*s == '"')
				s++;
			s = strchr(s, ';');
		} else {
			value = s;
			while (*s && *s != ';')
				s++;
			vlen = (size_t)(s - value);
			trim_span(&value, &vlen);
		}
		if (nlen == 7 && strncasecmp(name, "charset", 7) == 0) {
			if (vlen >= n)
				return;
			for (i = 0; i < vlen; i++)
				buf[i] = (char)tolower((unsigned char)value[i]);
			buf[vlen] = '\0';
			return;
		}
	}
}
