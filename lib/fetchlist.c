/* URL lists (-i FILE) and the check every URL goes through. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "cli.h"
#include "fetch.h"

int
pith_fetch_check_url(const char *url, struct pbuf *origin, const char **why)
{
	CURLU *u;
	char *scheme = NULL, *host = NULL, *port = NULL;
	const unsigned char *s;
	int rc = -1;

	if (strstr(url, "://") == NULL) {
		*why = "not a URL (no scheme)";
		return -1;
	}
	for (s = (const unsigned char *)url; *s; s++)
		if (*s <= 0x20 || *s == 0x7f) {
			*why = "space or control character in URL";
			return -1;
		}
	if ((u = curl_url()) == NULL) {
		*why = "out of memory";
		return -1;
	}
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) !=
	    CURLUE_OK) {
		*why = "malformed URL";
		goto out;
	}
	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
		*why = "malformed URL";
		goto out;
	}
	if (strcasecmp(scheme, "file") == 0) {
		if (origin != NULL)
			pbuf_puts(origin, "file://");
		rc = 0;
		goto out;
	}
	if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0) {
		*why = "not an http, https or file URL";
		goto out;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    *host == '\0') {
		*why = "URL without a host";
		goto out;
	}
	if (curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK) {
		*why = "malformed port";
		goto out;
	}
	if (origin != NULL) {
		char *p;

		for (p = scheme; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		for (p = host; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		pbuf_printf(origin, "%s://%s:%s", scheme, host, port);
	}
	rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return rc;
}

long
pith_fetch_read_list(const char *path, void (*add)(const char *, void *),
    void *ctx)
{
	FILE *f;
	const char *name;
	char *line = NULL, *p, *e;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0, bad = 0;

	if (strcmp(path, "-") == 0) {
		f = stdin;
		name = "stdin";
	} else if ((f = fopen(path, "r")) == NULL) {
		pith_warn(path, "cannot open");
		return -1;
	} else
		name = path;
	while ((n = getline(&line, &cap, f)) != -1) {
		const char *why;

		lineno++;
		if (memchr(line, '\0', (size_t)n) != NULL) {
			pith_warnx(NULL, "%s:%ld: NUL byte in line", name,
			    lineno);
			bad++;
			continue;
		}
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		e = p + strlen(p);
		while (e > p && (e[-1] == '\n' || e[-1] == '\r' ||
		    e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (*p == '\0' || *p == '#')
			continue;
		if (e - p > 8192) {
			pith_warnx(NULL, "%s:%ld: URL longer than 8192 bytes",
			    name, lineno);
			bad++;
			continue;
		}
		if (pith_fetch_check_url(p, NULL, &why) == -1) {
			pith_warnx(NULL, "%s:%ld: %s: %s", name, lineno, why, p);
			bad++;
			continue;
		}
		add(p, ctx);
	}
	if (ferror(f)) {
		pith_warn(name, "read error");
		bad = -1;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return bad;
}
