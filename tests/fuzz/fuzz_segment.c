/* libFuzzer target: segmentation in each mode; every unit must lie
 * inside the document and units must not go backwards. */
#include <stdint.h>
#include <stdlib.h>

#include "segment.h"

struct check {
	uint64_t last_start, size;	/* units start in order */
};

static void
emit(void *arg, const struct pith_seg_unit *u)
{
	struct check *c = arg;

	if (u->end > c->size || u->start > u->end || u->start < c->last_start)
		__builtin_trap();
	c->last_start = u->start;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_seg_opts o = {0};
	struct pith_segmenter *sg;
	struct check c = {0};
	size_t cut;

	if (size < 2)
		return 0;
	o.mode = (enum pith_seg_mode)(data[0] % 3);
	o.lang = (enum pith_lang)((int)((data[0] >> 2) % (PITH_LANG_COUNT + 1))
	    - 1);
	o.uax29 = (data[0] >> 6) & 1;
	o.no_punct = (data[0] >> 7) & 1;
	cut = data[1];
	data += 2;
	size -= 2;
	if (cut > size)
		cut = size;
	c.size = size;
	sg = pith_seg_new(&o, emit, &c);
	pith_seg_feed(sg, data, cut);
	pith_seg_feed(sg, data + cut, size - cut);
	pith_seg_finish(sg);
	pith_seg_free(sg);
	return 0;
}
