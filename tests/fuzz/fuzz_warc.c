/* libFuzzer target: the WARC reader over plain and gzip input. The bytes
 * go to a memfd so pith_src_open() reads them as it reads a file. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "http.h"
#include "src.h"
#include "warc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pith_warc_reader *r;
	struct pith_warc_record rec;
	struct pith_http_response resp;
	struct pith_src *s;
	const char *err;
	char path[64];
	int fd, n;

	if ((fd = memfd_create("warc", MFD_CLOEXEC)) < 0)
		return 0;
	if (size > 0 && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if ((s = pith_src_open(path)) == NULL) {
		close(fd);
		return 0;
	}
	pith_src_set_quiet(s, 1);
	r = pith_warc_reader_new(s, 1 << 20);
	/* Bounded: a crafted stream must not keep one run going forever. */
	for (n = 0; n < 64 && pith_warc_next(r, &rec) == 1; n++) {
		if (rec.block_len > 0 && rec.type[0] == 'r') {
			resp = (struct pith_http_response){0};
			pith_http_parse_response(rec.block, rec.block_len,
			    1 << 20, &resp, &err);
			pith_http_response_free(&resp);
		}
	}
	pith_warc_reader_free(r);
	pith_src_close(s);
	close(fd);
	return 0;
}
