/* libFuzzer target: metadata from a JSON-LD block, and date parsing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"

static void
meta_free(struct pith_meta *m)
{
	free(m->title);
	free(m->author);
	free(m->date);
	free(m->sitename);
	free(m->lang);
	free(m->description);
	free(m->url);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_meta m = {0};
	char *s, *d;

	pith_meta_from_jsonld((const char *)data, size, &m);
	meta_free(&m);
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
