# pith: boilerplate removal toolkit.  See README.md.
#
#   make            build lib/libpith.a and bin/pith-*
#   make check      all tests (SANITIZE=1: under ASan + UBSan)
#   make demo       the bundled example through the whole pipeline
#   make bench      quality and speed against ../shared (when present)
#   make deps       install the Debian packages the build and tests need
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
LIBDIR	?= $(PREFIX)/lib
INCDIR	?= $(PREFIX)/include/pith
MANDIR	?= $(PREFIX)/share/man
SHARED	?= $(abspath ../shared)
CC	?= cc
SANITIZE ?=

# Debian packages: build, then tests (servers, Unicode data, man lint,
# fuzzing).
DEB_BUILD = build-essential pkg-config libcurl4-openssl-dev libgumbo-dev \
	libutf8proc-dev zlib1g-dev libjansson-dev libssl-dev
DEB_TEST = unicode-data python3 mandoc bzip2 clang libclang-rt-14-dev time \
	brotli openssl \
	parallel
PKGS = libcurl gumbo libutf8proc zlib jansson libcrypto

ifeq ($(SANITIZE),1)
VARIANT	= san
OPT	= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	  -fno-sanitize-recover=undefined
LDSAN	= -fsanitize=address,undefined
BIN	= build/san/bin
else
VARIANT	= rel
OPT	= -O2 -g
LDSAN	=
BIN	= bin
endif
O = build/$(VARIANT)

WARN	= -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib -I$(O)/gen
CFLAGS_ALL = -std=c11 $(WARN) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lpthread -lm $(LDLIBS)

TOOLS	= pith-fetch pith-strip pith-normalize pith-segment
LIB_SRC	= $(wildcard lib/*.c)
GEN_SRC	=
LIB_OBJ	= $(LIB_SRC:lib/%.c=$(O)/lib/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
HEADERS	= $(wildcard lib/*.h)
# Private headers (one module's parts): not installed.
PUBLIC_HEADERS = $(filter-out %_impl.h %_int.h lib/textmode_para.h,$(HEADERS))
LIBA	= $(O)/libpith.a

all: $(BIN)/.stamp-tools

# Module fragments (generated tables, extra rules) add to GEN_SRC etc.
include $(wildcard mk/*.mk)

GEN_OBJ	= $(GEN_SRC:$(O)/gen/%.c=$(O)/gen/%.o)

# --- dependencies ------------------------------------------------------
# The compile flags come from pkg-config; when a package is missing the
# config step installs it (as root) or says exactly what to install.
-include $(O)/config.mk

$(O)/config.mk: Makefile
	@mkdir -p $(O)
	@if ! pkg-config --exists $(PKGS) 2>/dev/null; then \
		echo "pith: build dependencies missing; running 'make deps'" >&2; \
		$(MAKE) --no-print-directory deps || exit 1; \
	fi
	@{ echo "PKG_CFLAGS = $$(pkg-config --cflags $(PKGS))"; \
	   echo "PKG_LIBS = $$(pkg-config --libs $(PKGS))"; } > $@.tmp
	@mv $@.tmp $@

deps:
	@missing=""; for p in $(DEB_BUILD) $(DEB_TEST); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		    grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then \
		echo "pith: missing Debian packages; run as root:" >&2; \
		echo "  apt-get update && apt-get install -y$$missing" >&2; exit 1; \
	fi; \
	echo "pith: installing$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing

# --- build -----------------------------------------------------------------
$(O)/lib/%.o: lib/%.c $(HEADERS) $(GEN_SRC) $(O)/config.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(O)/gen/%.o: $(O)/gen/%.c $(HEADERS)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(LIBA): $(LIB_OBJ) $(GEN_OBJ)
	@rm -f $@
	ar rcs $@ $(LIB_OBJ) $(GEN_OBJ)

$(O)/cmd/%.o: cmd/%.c $(HEADERS) $(O)/config.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(BIN)/pith-%: $(O)/cmd/pith-%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(LDSAN) $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS_ALL)

$(BIN)/.stamp-tools: $(TOOLS:%=$(BIN)/%)
	@touch $@

ifeq ($(VARIANT),rel)
lib/libpith.a: $(LIBA)
	cp $(LIBA) $@
all: lib/libpith.a
endif

$(O)/tests/%: tests/unit/%.c tests/unit/tap.h $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit $(CFLAGS_ALL) $(LDSAN) $(LDFLAGS) \
	    -o $@ $< $(LIBA) $(LDLIBS_ALL)

# --- tests -----------------------------------------------------------------
# One TAP harness: unit test programs and end-to-end shell scripts; the
# runner ends with "N passed, N failed".
check: deps all $(UNIT_BIN)
	@PITH_BIN=$(abspath $(BIN)) PITH_UNIT=$(abspath $(O)/tests) \
	    PITH_SHARED=$(SHARED) PITH_SANITIZE=$(SANITIZE) \
	    sh tests/run.sh

demo: deps all
	@sh examples/demo.sh $(BIN)

bench: all
	@PITH_BIN=$(abspath $(BIN)) PITH_SHARED=$(SHARED) sh bench/run.sh

# --- install ---------------------------------------------------------------
MANPAGES = $(wildcard man/*.1 man/*.3 man/*.7)
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR)
	install -m 755 $(TOOLS:%=bin/%) $(DESTDIR)$(BINDIR)
	install -m 644 lib/libpith.a $(DESTDIR)$(LIBDIR)
	install -m 644 $(PUBLIC_HEADERS) $(DESTDIR)$(INCDIR)
	for m in $(MANPAGES); do s=$${m##*.}; \
		install -d $(DESTDIR)$(MANDIR)/man$$s; \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s; done

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) $(DESTDIR)$(LIBDIR)/libpith.a
	rm -rf $(DESTDIR)$(INCDIR)
	for m in $(MANPAGES); do s=$${m##*.}; \
		rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

clean:
	rm -rf build bin lib/libpith.a

.PHONY: all check demo bench deps install uninstall clean
.DELETE_ON_ERROR:
.SECONDARY:
