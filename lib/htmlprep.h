/* Pre-pass over raw HTML before the tree is built.
 *
 * On real pages <script>, <style>, inline <svg> and comments hold more
 * than half of the bytes and none of the text; this pass drops them
 * following the HTML tokenizer's rules for where each one ends, so the
 * tree builder never sees them. JSON-LD scripts are kept aside for the
 * metadata. It also guards the tree builder: nesting deeper than
 * PITH_MAX_DEPTH and attributes past PITH_MAX_ATTRS on one tag are cut
 * (gumbo's cost grows quadratically with both). */
#ifndef PITH_HTMLPREP_H
#define PITH_HTMLPREP_H

#include <stddef.h>

#include "buf.h"

#define PITH_MAX_DEPTH 512
#define PITH_MAX_ATTRS 256
#define PITH_MAX_JSONLD 16

struct pith_htmlprep {
	struct pbuf html;		/* reduced HTML for the parser */
	struct pbuf jsonld[PITH_MAX_JSONLD];	/* application/ld+json bodies */
	size_t njsonld;
	size_t depth_cut;		/* start tags dropped for depth */
	size_t attrs_cut;		/* attributes dropped */
	size_t removed_bytes;		/* script/style/svg/comment bytes */
};

void pith_htmlprep_run(const char *html, size_t len, struct pith_htmlprep *p);
void pith_htmlprep_free(struct pith_htmlprep *p);

#endif
