/* Scoring blocks and choosing the main region (see extract.c). */
#ifndef PITH_EXTRACT_H
#define PITH_EXTRACT_H

#include "layout.h"
#include "strip.h"

/* Scores blocks and elements; returns the main region's element index
 * (-1 when the page has no text). */
int pith_extract_region(struct pith_layout *l, int bias);
/* Sets keep and cat on every block. */
void pith_extract_select(struct pith_layout *l, int region, int bias,
    unsigned keep);

#endif
