/* Helpers shared by the stream tests (test_src, test_warc, test_http):
 * temporary files, gzip members built with zlib, stderr capture. */
#ifndef STREAMS_UTIL_H
#define STREAMS_UTIL_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "buf.h"

static char su_dir[256];

/* A fresh path in a private temporary directory (removed at exit). */
static __attribute__((unused)) const char *
su_path(const char *name)
{
	static char path[512];

	if (su_dir[0] == '\0') {
		const char *t = getenv("TMPDIR");

		snprintf(su_dir, sizeof su_dir, "%s/pith-streams.XXXXXX",
		    t && *t ? t : "/tmp");
		if (mkdtemp(su_dir) == NULL) {
			perror("mkdtemp");
			exit(1);
		}
	}
	snprintf(path, sizeof path, "%s/%s", su_dir, name);
	return path;
}

static __attribute__((unused)) void
su_cleanup(void)
{
	char cmd[600];

	if (su_dir[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", su_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", su_dir);
}

static __attribute__((unused)) const char *
su_write(const char *name, const void *data, size_t len)
{
	const char *path = su_path(name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	return path;
}

/* Appends `data` compressed as one gzip member (or zlib / raw deflate
 * with window_bits 15 / -15). */
static __attribute__((unused)) void
su_deflate(struct pbuf *out, const void *data, size_t len, int window_bits)
{
	z_stream z;
	unsigned char buf[16384];
	int rc;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)len;
	do {
		z.next_out = buf;
		z.avail_out = sizeof buf;
		rc = deflate(&z, Z_FINISH);
		pbuf_append(out, buf, sizeof buf - z.avail_out);
	} while (rc == Z_OK || rc == Z_BUF_ERROR);
	deflateEnd(&z);
}

#define su_gzip(out, data, len) su_deflate((out), (data), (len), 15 + 16)

/* Captures stderr into a file between begin and end; end returns the
 * text (static, NUL-terminated, truncated at 64 KiB). */
static int su_saved_fd = -1;

static __attribute__((unused)) void
su_capture_begin(void)
{
	int fd;

	fflush(stderr);
	su_saved_fd = dup(2);
	fd = open(su_path("stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	close(fd);
}

static __attribute__((unused)) const char *
su_capture_end(void)
{
	static char text[65536];
	FILE *f;
	size_t n;

	fflush(stderr);
	dup2(su_saved_fd, 2);
	close(su_saved_fd);
	f = fopen(su_path("stderr.txt"), "rb");
	n = f ? fread(text, 1, sizeof text - 1, f) : 0;
	text[n] = '\0';
	if (f)
		fclose(f);
	return text;
}

#endif
