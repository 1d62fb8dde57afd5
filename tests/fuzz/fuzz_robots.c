/* libFuzzer target: robots.txt parsing and matching. The input is
 * "URL\n" then the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "robots.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_robots *r;
	struct pbuf url = {0}, raw = {0};
	const uint8_t *nl;
	size_t i, ulen;

	nl = memchr(data, '\n', size < 256 ? size : 256);
	ulen = nl ? (size_t)(nl - data) : 0;
	pbuf_puts(&raw, "http://example.com/");
	for (i = 0; i < ulen; i++)
		if (data[i] != 0)
			pbuf_putc(&raw, data[i]);
	pbuf_putc(&raw, '\0');
	pith_robots_encode_url(raw.p, &url);
	pbuf_putc(&url, '\0');
	if (nl) {
		data = nl + 1;
		size -= ulen + 1;
	}
	r = pith_robots_parse(data, size, "pith-fetch");
	pith_robots_allowed(r, url.p);
	pith_robots_allowed(r, "http://example.com/");
	pith_robots_crawl_delay(r);
	for (i = 0; i < pith_robots_sitemap_count(r); i++)
		pith_robots_sitemap(r, i);
	pith_robots_free(r);
	pbuf_free(&url);
	pbuf_free(&raw);
	return 0;
}
