# pith-segment: UAX #29 property tables generated at build time from the
# Unicode Character Database installed by Debian's unicode-data package.
UCD ?= /usr/share/unicode
UCD_SEGMENT_FILES = $(UCD)/auxiliary/SentenceBreakProperty.txt \
	$(UCD)/auxiliary/WordBreakProperty.txt $(UCD)/emoji/emoji-data.txt \
	$(UCD)/PropList.txt $(UCD)/Scripts.txt $(UCD)/UnicodeData.txt

GEN_SRC += $(O)/gen/uax29_tables.c

$(UCD_SEGMENT_FILES):
	@echo "pith: $@ missing; running 'make deps' (Debian unicode-data)" >&2
	@$(MAKE) --no-print-directory deps

$(O)/gen/uax29_tables.c: mk/segment-tables.py $(UCD_SEGMENT_FILES)
	@mkdir -p $(@D)
	python3 mk/segment-tables.py $(UCD) $@.tmp
	@mv $@.tmp $@
