/* libFuzzer target: HTTP response parsing and payload decoding
 * (chunked, gzip, deflate, br) with a small body limit. */
#include <stdint.h>

#include "http.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_http_response resp = {0};
	const char *err = NULL;
	char buf[64];

	pith_http_parse_response(data, size, 1 << 20, &resp, &err);
	if (resp.content_type != NULL) {
		pith_http_media_type(resp.content_type, buf, sizeof buf);
		pith_http_charset(resp.content_type, buf, sizeof buf);
	}
	pith_http_response_free(&resp);
	return 0;
}
