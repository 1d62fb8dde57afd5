# pith-normalize: the HTML entity and code page tables are generated at
# build time from Python's standard library (see mk/normalize-tables.py).
GEN_SRC += $(O)/gen/normalize_tables.c

$(O)/gen/normalize_tables.c: mk/normalize-tables.py
	@mkdir -p $(@D)
	python3 mk/normalize-tables.py $@.tmp && mv $@.tmp $@
