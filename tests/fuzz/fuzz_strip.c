/* libFuzzer target: HTML main-content extraction; the first byte picks
 * the options (markdown, all blocks, bias, explain, a page address to
 * resolve link and image targets against, keep flags). */
#include <stdint.h>

#include "strip.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_strip_opts o = {0};
	struct pith_strip_result r = {0};
	const char *err = NULL;

	if (size == 0)
		return 0;
	o.markdown = data[0] & 1;
	o.all = (data[0] >> 1) & 1;
	o.bias = (int)((data[0] >> 2) % 3) - 1;
	o.explain = (data[0] >> 4) & 1;
	o.base_url = (data[0] >> 5) & 1 ? "https://x.example/dir/page.html" :
	    NULL;
	o.keep = (data[0] >> 6) & 1 ? 0x3f : (data[0] >> 7) & 1 ?
	    PITH_KEEP_LINKS | PITH_KEEP_IMAGES : 0;
	o.max_bytes = 8 << 20;
	pith_strip_html((const char *)data + 1, size - 1, &o, &r, &err);
	pith_strip_result_free(&r);
	return 0;
}
