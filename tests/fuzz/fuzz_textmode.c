/* libFuzzer target: text-mode boilerplate removal, with and without
 * --explain. */
#include <stdint.h>
#include <stdlib.h>

#include "textmode.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_textmode_opts o = {0};
	struct pbuf out = {0}, explain = {0};

	if (size == 0)
		return 0;
	o.explain = data[0] & 1;
	o.precision_bias = (int)((data[0] >> 1) % 3) - 1;
	pith_textmode_extract((const char *)data + 1, size - 1, &o, &out,
	    &explain);
	pith_looks_like_html(data, size);
	pbuf_free(&out);
	pbuf_free(&explain);
	return 0;
}
