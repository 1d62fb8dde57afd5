/* libFuzzer target: metadata from a JSON-LD block, and date parsing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_meta m = {0};
	char *s, *d;

	pith_meta_from_jsonld((const char *)data, size, &m);
	pith_meta_free(&m);
	if (size < 128) {
		s = malloc(size + 1);
		memcpy(s, data, size);
		s[size] = '\0';
		d = pith_meta_iso_date(s);
		free(d);
		free(s);
	}
	return 0;
}
