# Fuzzing (libFuzzer, clang): each tests/fuzz/fuzz_NAME.c is a target
# built against the lib sources compiled with ASan and UBSan in
# build/fuzz.
#
#   make fuzz FUZZ_SECONDS=N    run each target N seconds (default 60),
#                               one at a time, corpus in build/fuzz/corpus
#   make fuzz-smoke             each target over its seeds and the saved
#                               regressions, then 3 seconds of fuzzing
#   make fuzz-build             build only
#
# Seeds come from tests/fixtures and examples (tests/fuzz/seeds.sh);
# inputs that once crashed a target are kept in tests/fuzz/regress/NAME.
FUZZ		= build/fuzz
FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_SMOKE_SECONDS ?= 3
FUZZ_SAN	= -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS	= -std=c11 -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN) \
		  -Wall -Wno-unused-parameter $(PKG_CFLAGS)
FUZZ_CPPFLAGS	= -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib
FUZZ_NAMES	= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS	= $(FUZZ_NAMES:%=$(FUZZ)/fuzz_%)
FUZZ_LIB_OBJ	= $(LIB_SRC:lib/%.c=$(FUZZ)/lib/%.o)

$(FUZZ)/lib/%.o: lib/%.c $(HEADERS) $(O)/config.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) -I$(O)/gen $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer-no-link -c -o $@ $<

# The generated tables (GEN_SRC, filled in by later fragments, so it is
# read in the recipe) come with the ordinary build.
$(FUZZ)/gen.stamp: $(BIN)/.stamp-tools
	@mkdir -p $(FUZZ)/gen
	for f in $(GEN_SRC); do \
		b=$${f##*/}; \
		$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) \
		    -c -o $(FUZZ)/gen/$${b%.c}.o $$f || exit 1; \
	done
	@touch $@

$(FUZZ)/libpith.a: $(FUZZ_LIB_OBJ) $(FUZZ)/gen.stamp
	@rm -f $@
	ar rcs $@ $(FUZZ_LIB_OBJ) $(FUZZ)/gen/*.o

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ)/libpith.a
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	    -o $@ $< $(FUZZ)/libpith.a $(PKG_LIBS) -lpthread -lm

fuzz-build: all $(FUZZ_BINS)

fuzz: fuzz-build
	@for n in $(FUZZ_NAMES); do \
		sh tests/fuzz/seeds.sh $$n $(FUZZ)/corpus/$$n || exit 1; \
		mkdir -p $(FUZZ)/crash/$$n; \
		r=; [ -d tests/fuzz/regress/$$n ] && r=tests/fuzz/regress/$$n; \
		echo "== $$n: $(FUZZ_SECONDS) s"; \
		$(FUZZ)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) \
		    -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
		    -artifact_prefix=$(FUZZ)/crash/$$n/ -print_final_stats=1 \
		    $(FUZZ)/corpus/$$n $$r \
		    2>$(FUZZ)/$$n.log; st=$$?; \
		grep -E '^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss' \
		    $(FUZZ)/$$n.log; \
		if [ $$st -ne 0 ]; then echo "$$n: FAILED (see $(FUZZ)/$$n.log)"; \
			exit 1; fi; \
	done

fuzz-smoke: fuzz-build
	@sh tests/fuzz/smoke.sh $(FUZZ) $(FUZZ_SMOKE_SECONDS) $(FUZZ_NAMES)

.PHONY: fuzz fuzz-build fuzz-smoke
