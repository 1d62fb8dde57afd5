/* The WHATWG table of named character references, generated at build
 * time (mk/normalize-tables.py), sorted by name, without the ';'. */
#ifndef PITH_ENTITIES_H
#define PITH_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

struct pith_entity {
	const char *name;
	uint32_t cp1, cp2;	/* cp2 = 0 for single characters */
};

extern const struct pith_entity pith_entities[];
extern const size_t pith_nentities;

/* The entry for `name` (len bytes, no '&' or ';'), or NULL. */
const struct pith_entity *pith_entity_lookup(const char *name, size_t len);

#endif
