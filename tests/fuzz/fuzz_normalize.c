/* libFuzzer target: normalization; the first byte picks form and
 * options; the input is fed in two pieces and must give the same bytes
 * as the whole buffer at once (the streaming promise in normalize.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "normalize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_norm_opts o;
	struct pith_norm *n;
	struct pbuf whole = {0}, parts = {0};
	size_t cut;

	if (size < 2)
		return 0;
	pith_norm_defaults(&o);
	o.form = (enum pith_norm_form)(data[0] & 3);
	o.casefold = (data[0] >> 2) & 1;
	o.keep_space = (data[0] >> 3) & 1;
	o.mojibake = !((data[0] >> 4) & 1);
	o.entities = !((data[0] >> 5) & 1);
	o.ascii_punct = (data[0] >> 6) & 1;
	o.fullwidth = o.ligatures = (data[0] >> 7) & 1;
	cut = data[1] % (size - 1);
	data += 2;
	size -= 2;
	if (cut > size)
		cut = size;

	pith_normalize(&o, data, size, &whole, NULL);
	n = pith_norm_new(&o);
	pith_norm_feed(n, data, cut, &parts);
	pith_norm_feed(n, data + cut, size - cut, &parts);
	pith_norm_finish(n, &parts);
	pith_norm_free(n);
	if (!pith_utf8_valid(whole.p, whole.len))
		__builtin_trap();
	if (whole.len != parts.len ||
	    (whole.len > 0 && memcmp(whole.p, parts.p, whole.len) != 0))
		__builtin_trap();
	pbuf_free(&whole);
	pbuf_free(&parts);
	return 0;
}
