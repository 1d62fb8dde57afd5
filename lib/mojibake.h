/* Single-byte code pages that UTF-8 text is most often mis-decoded as,
 * generated at build time from Python's codecs (mk/normalize-tables.py).
 * Order: western (windows-1252, which also covers latin-1 through its
 * C1 positions), cyrillic (1251), central (1250), baltic (1257), greek
 * (1253), macroman. Undefined bytes map to the C1 control of the same
 * value. */
#ifndef PITH_MOJIBAKE_H
#define PITH_MOJIBAKE_H

#include <stddef.h>
#include <stdint.h>

struct pith_codepage {
	const char *name;
	uint16_t to_unicode[128];	/* bytes 0x80-0xFF */
};

extern const struct pith_codepage pith_codepages[];
extern const size_t pith_ncodepages;

#endif
