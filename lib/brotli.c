/* Brotli through libbrotlidec, loaded at run time. The library comes
 * with libcurl on Debian (libcurl4 depends on libbrotli1) but its -dev
 * package is not a build dependency of pith, so pith neither includes
 * its header nor links it: the four calls used are declared here, as
 * the stable C ABI of libbrotlidec.so.1 defines them. Without the
 * library, br bodies are reported as unsupported. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "brotli.h"

enum {
	BR_ERROR = 0,
	BR_SUCCESS = 1,
	BR_NEEDS_MORE_INPUT = 2,
	BR_NEEDS_MORE_OUTPUT = 3
};

typedef void *(*br_create_fn)(void *, void *, void *);
typedef void (*br_destroy_fn)(void *);
typedef int (*br_stream_fn)(void *, size_t *, const uint8_t **, size_t *,
    uint8_t **, size_t *);

static br_create_fn br_create;
static br_destroy_fn br_destroy;
static br_stream_fn br_stream;
static pthread_once_t br_once = PTHREAD_ONCE_INIT;

static void
br_load(void)
{
	void *h = dlopen("libbrotlidec.so.1", RTLD_NOW | RTLD_LOCAL);

	if (h == NULL)
		return;
	br_create = (br_create_fn)dlsym(h, "BrotliDecoderCreateInstance");
	br_destroy = (br_destroy_fn)dlsym(h, "BrotliDecoderDestroyInstance");
	br_stream = (br_stream_fn)dlsym(h, "BrotliDecoderDecompressStream");
	if (br_create == NULL || br_destroy == NULL || br_stream == NULL) {
		br_create = NULL;
		dlclose(h);
	}
}

int
pith_brotli_available(void)
{
	pthread_once(&br_once, br_load);
	return br_create != NULL;
}

int
pith_brotli_decode(const unsigned char *in, size_t len, struct pbuf *out,
    size_t max, const char **err)
{
	unsigned char buf[64 * 1024], *next_out;
	size_t avail_out, room, got;
	void *st;
	int rc, ret = 0;

	if (!pith_brotli_available() ||
	    (st = br_create(NULL, NULL, NULL)) == NULL) {
		*err = "cannot initialise brotli";
		return -1;
	}
	for (;;) {
		room = max - out->len;
		next_out = buf;
		/* One byte over the room tells "over the limit" apart. */
		avail_out = room < sizeof buf ? room + 1 : sizeof buf;
		rc = br_stream(st, &len, &in, &avail_out, &next_out, NULL);
		got = (size_t)(next_out - buf);
		if (got > room) {
			pbuf_append(out, buf, room);
			*err = "payload over limit";
			ret = -1;
			break;
		}
		pbuf_append(out, buf, got);
		if (rc == BR_SUCCESS)
			break;
		if (rc == BR_NEEDS_MORE_OUTPUT)
			continue;
		*err = rc == BR_NEEDS_MORE_INPUT ? "truncated brotli data" :
		    "bad brotli data";
		ret = -1;
		break;
	}
	br_destroy(st);
	return ret;
}
