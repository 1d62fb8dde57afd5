# streams (lib/src.c, warc*.c, http.c, record.c).
# Content-Encoding: br is decoded when libbrotli-dev is installed (it is
# optional: without it, br bodies are reported as unsupported).
ifeq ($(shell pkg-config --exists libbrotlidec 2>/dev/null && echo y),y)
override CFLAGS += -DPITH_HAVE_BROTLI $(shell pkg-config --cflags libbrotlidec)
override LDLIBS += $(shell pkg-config --libs libbrotlidec)
endif
$(O)/lib/http.o $(O)/tests/test_http: mk/streams.mk
