# Encoding tables: lib/encoding_tables.c is generated from the WHATWG
# Encoding Standard data in ../shared and committed, so a build never
# needs that data. Regenerate (when the standard changes) with:
#   make encoding-tables
WHATWG_DIR = $(SHARED)/conformance/encoding/whatwg

encoding-tables: mk/gen-encoding-tables.py
	python3 mk/gen-encoding-tables.py $(WHATWG_DIR) > lib/encoding_tables.c.tmp
	mv lib/encoding_tables.c.tmp lib/encoding_tables.c

.PHONY: encoding-tables
