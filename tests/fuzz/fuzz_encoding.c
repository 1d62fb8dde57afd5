/* libFuzzer target: HTML encoding sniffing, then decoding the bytes in
 * the sniffed encoding and in one picked by the first input byte. */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "encoding.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pbuf out = {0};
	const char *enc, *pick;
	size_t i, count;

	if (size == 0)
		return 0;
	for (count = 0; pith_encoding_nth(count) != NULL; count++)
		;
	pick = pith_encoding_nth(data[0] % count);
	enc = pith_sniff_html(data + 1, size - 1, NULL);
	pith_decode(enc, data + 1, size - 1, &out);
	out.len = 0;
	pith_decode(pick, data + 1, size - 1, &out);
	/* Decoders promise UTF-8 out. */
	if (!pith_utf8_valid(out.p, out.len))
		__builtin_trap();
	out.len = 0;
	pith_utf8_sanitize(data, size, &out);
	if (!pith_utf8_valid(out.p, out.len))
		__builtin_trap();
	i = pith_utf8_valid_prefix(data, size);
	if (i > size)
		__builtin_trap();
	pith_encoding_for_label((const char *)data, size < 64 ? size : 64);
	pbuf_free(&out);
	return 0;
}
