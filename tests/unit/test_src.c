/* Input sources: plain and gzip (multi-member), peek, lines, limits,
 * offsets, and damaged gzip. */
#include <sys/wait.h>

#include "cli.h"
#include "src.h"
#include "streams_util.h"
#include "tap.h"

/* Reads everything with pith_src_read in odd-sized pieces; counts -1s. */
static void
read_all(struct pith_src *s, struct pbuf *out, int *errors)
{
	unsigned char buf[777];
	long n;
	int guard = 0;

	*errors = 0;
	while ((n = pith_src_read(s, buf, sizeof buf)) != 0) {
		if (n < 0) {
			(*errors)++;
			if (++guard > 100)
				break;	/* a loop would be a bug */
			continue;
		}
		pbuf_append(out, buf, (size_t)n);
	}
}

static void
test_plain(void)
{
	const char *text = "hello\nworld";
	const unsigned char *p;
	struct pbuf line = PBUF_INIT;
	struct pith_src *s;

	s = pith_src_open(su_write("plain.txt", text, strlen(text)));
	tap_ok(s != NULL, "plain file opens");
	tap_ok(!pith_src_is_gzip(s) && !pith_src_is_warc(s),
	    "plain text is neither gzip nor WARC");
	tap_ok(pith_src_peek(s, &p, 5) == 5 && memcmp(p, "hello", 5) == 0,
	    "peek sees the first bytes");
	tap_is_int(pith_src_offset(s), 0, "peek consumes nothing");
	tap_is_int(pith_src_getline(s, &line, 100), 6, "first line");
	tap_is(line.p, "hello\n", "first line keeps its LF");
	tap_is_int(pith_src_getline(s, &line, 100), 5, "last line without LF");
	tap_is(line.p, "world", "last line text");
	tap_is_int(pith_src_getline(s, &line, 100), 0, "then end of input");
	tap_is_int(pith_src_offset(s), 11, "offset counts consumed bytes");
	pith_src_close(s);
	pbuf_free(&line);
}

static void
test_empty(void)
{
	const unsigned char *p;
	struct pbuf line = PBUF_INIT;
	struct pith_src *s;
	char c;

	s = pith_src_open(su_write("empty", "", 0));
	tap_ok(s != NULL, "empty file opens");
	tap_is_int(pith_src_peek(s, &p, 10), 0, "empty: peek gives nothing");
	tap_ok(!pith_src_is_warc(s) && !pith_src_is_gzip(s),
	    "empty: not WARC, not gzip");
	tap_is_int(pith_src_read(s, &c, 1), 0, "empty: read gives end");
	tap_is_int(pith_src_getline(s, &line, 10), 0, "empty: no line");
	pith_src_close(s);
	pbuf_free(&line);

	su_capture_begin();
	s = pith_src_open(su_dir);
	tap_ok(s == NULL && strstr(su_capture_end(), "is a directory") != NULL,
	    "a directory is refused");
	su_capture_begin();
	s = pith_src_open(su_path("does-not-exist"));
	tap_ok(s == NULL && strstr(su_capture_end(), "does-not-exist") != NULL,
	    "a missing file is reported with its name");
}

static void
test_unread(void)
{
	struct pbuf big = PBUF_INIT, got = PBUF_INIT;
	struct pith_src *s;
	char buf[8];
	int errors;
	size_t i;

	s = pith_src_open(su_write("unread", "abcdef", 6));
	pith_src_read(s, buf, 3);
	pith_src_unread(s, "abc", 3);
	tap_is_int(pith_src_offset(s), 0, "unread moves the offset back");
	tap_ok(pith_src_read(s, buf, 6) == 6 && memcmp(buf, "abcdef", 6) == 0,
	    "and the bytes come again");
	pith_src_close(s);

	/* More than the buffer holds: it grows. */
	for (i = 0; i < 600000; i++)
		pbuf_putc(&big, 'a' + (int)(i % 23));
	s = pith_src_open(su_write("unread2", big.p, big.len));
	pith_src_slurp(s, &got, big.len);
	pith_src_unread(s, big.p + 1000, big.len - 1000);
	tap_is_int(pith_src_offset(s), 1000, "large unread: offset");
	pbuf_reset(&got);
	read_all(s, &got, &errors);
	tap_ok(got.len == big.len - 1000 && memcmp(got.p, big.p + 1000,
	    got.len) == 0, "large unread: bytes intact");
	pith_src_close(s);
	pbuf_free(&big);
	pbuf_free(&got);
}

static void
test_long_lines(void)
{
	struct pbuf data = PBUF_INIT, line = PBUF_INIT;
	struct pith_src *s;
	size_t i;

	for (i = 0; i < 100; i++)
		pbuf_putc(&data, 'a' + (int)(i % 26));
	pbuf_putc(&data, '\n');
	s = pith_src_open(su_write("long", data.p, data.len));
	tap_is_int(pith_src_getline(s, &line, 30), 30, "long line cut at max");
	tap_is_int(pith_src_getline(s, &line, 30), 30, "rest comes next");
	tap_is_int(pith_src_getline(s, &line, 30), 30, "and next");
	tap_is_int(pith_src_getline(s, &line, 30), 11, "last piece has the LF");
	tap_is_int(line.p[10], '\n', "which ends it");
	pith_src_close(s);

	s = pith_src_open(su_path("long"));
	pbuf_reset(&line);
	tap_is_int(pith_src_slurp(s, &line, 40), -1, "slurp over max fails");
	tap_is_int(line.len, 40, "slurp keeps max bytes");
	tap_is_int(pith_src_offset(s), 101, "slurp drains the rest");
	pith_src_close(s);

	s = pith_src_open(su_path("long"));
	pbuf_reset(&line);
	tap_is_int(pith_src_slurp(s, &line, 1000), 0, "slurp under max");
	tap_ok(line.len == data.len && memcmp(line.p, data.p, data.len) == 0,
	    "slurp gives the whole input");
	pith_src_close(s);
	pbuf_free(&data);
	pbuf_free(&line);
}

static void
test_gzip_members(void)
{
	const char *parts[] = { "WARC/1.1\r\n", "abc", "", "def\nghi\n" };
	struct pbuf gz = PBUF_INIT, out = PBUF_INIT, line = PBUF_INIT;
	size_t starts[4], i;
	const unsigned char *p;
	struct pith_src *s;
	int errors;
	char c;

	for (i = 0; i < 4; i++) {
		starts[i] = gz.len;
		su_gzip(&gz, parts[i], strlen(parts[i]));
	}
	s = pith_src_open(su_write("m.gz", gz.p, gz.len));
	tap_ok(pith_src_is_gzip(s), "gzip magic detected");
	tap_ok(pith_src_is_warc(s), "WARC seen through gzip");
	tap_is_int(pith_src_member_offset(s), 0, "first member at 0");
	tap_is_int(pith_src_getline(s, &line, 100), 10, "line of member 1");
	pith_src_peek(s, &p, 1);
	tap_is_int(pith_src_member_offset(s), starts[1],
	    "member offset moves to member 2");
	tap_ok(pith_src_at_member_start(s), "at the start of member 2");
	tap_is_int(pith_src_read(s, &c, 1), 1, "one byte of member 2");
	tap_ok(!pith_src_at_member_start(s), "inside member 2");
	read_all(s, &out, &errors);
	tap_is(out.p, "bcdef\nghi\n", "all members inflated, empty one too");
	tap_is_int(errors, 0, "no errors");
	tap_is_int(pith_src_offset(s), 21, "decompressed offset at end");
	pith_src_close(s);

	/* Truncated inside the last member. */
	su_capture_begin();
	s = pith_src_open(su_write("t.gz", gz.p, gz.len - 5));
	pith_src_set_quiet(s, 0);
	pbuf_reset(&out);
	read_all(s, &out, &errors);
	tap_is_int(errors, 1, "truncated gzip gives one error");
	tap_ok(strstr(su_capture_end(), "truncated gzip") != NULL,
	    "and says truncated gzip");
	tap_ok(strncmp(out.p, "WARC/1.1\r\nabcdef\nghi", 20) == 0,
	    "bytes before the cut are delivered");
	tap_ok(strstr(pith_src_error(s), "truncated gzip") != NULL,
	    "pith_src_error gives the reason");
	pith_src_close(s);

	/* Garbage between members. */
	pbuf_reset(&out);
	{
		struct pbuf g = PBUF_INIT;

		pbuf_append(&g, gz.p, starts[2]);
		pbuf_puts(&g, "GARBAGE");
		pbuf_append(&g, gz.p + starts[2], gz.len - starts[2]);
		s = pith_src_open(su_write("g.gz", g.p, g.len));
		pith_src_set_quiet(s, 1);
		read_all(s, &out, &errors);
		tap_is_int(errors, 1, "garbage after a member: one error");
		tap_is(out.p, "WARC/1.1\r\nabcdef\nghi\n",
		    "members after the garbage are still read");
		tap_ok(strstr(pith_src_error(s), "garbage") != NULL,
		    "reason names the garbage");
		pith_src_close(s);

		/* Damaged deflate data in member 2. */
		pbuf_reset(&g);
		pbuf_append(&g, gz.p, gz.len);
		memset(g.p + starts[1] + 10, 0xff, 4);
		pbuf_reset(&out);
		s = pith_src_open(su_write("d.gz", g.p, g.len));
		pith_src_set_quiet(s, 1);
		read_all(s, &out, &errors);
		tap_ok(errors >= 1, "bad member data is an error");
		tap_ok(out.len >= 18 && strncmp(out.p, "WARC/1.1\r\n", 10) == 0 &&
		    strcmp(out.p + out.len - 8, "def\nghi\n") == 0,
		    "members around the damaged one are read");
		pith_src_close(s);

		/* Trailing garbage only. */
		pbuf_reset(&g);
		pbuf_append(&g, gz.p, gz.len);
		pbuf_puts(&g, "\n");
		pbuf_reset(&out);
		s = pith_src_open(su_write("tg.gz", g.p, g.len));
		pith_src_set_quiet(s, 1);
		read_all(s, &out, &errors);
		tap_is_int(errors, 1, "one trailing byte after the last member "
		    "is reported");
		tap_is_int(out.len, 21, "all data still delivered");
		pith_src_close(s);
		pbuf_free(&g);
	}
	pbuf_free(&gz);
	pbuf_free(&out);
	pbuf_free(&line);
}

/* Lines across buffer refills and member boundaries, plain and gzip. */
static void
test_big(void)
{
	struct pbuf data = PBUF_INIT, gz = PBUF_INIT, got = PBUF_INIT;
	struct pbuf line = PBUF_INIT;
	unsigned int seed = 12345;
	size_t i, off, n;
	struct pith_src *s;
	long k;
	int pass;

	for (i = 0; data.len < 3 * 1024 * 1024; i++) {
		seed = seed * 1103515245 + 12345;
		n = (seed >> 16) % 300;
		while (n--)
			pbuf_putc(&data, 'a' + (int)((seed >> (n % 16)) % 26));
		pbuf_putc(&data, '\n');
	}
	for (off = 0; off < data.len; off += n) {
		n = data.len - off < 100000 ? data.len - off : 100000;
		su_gzip(&gz, data.p + off, n);
	}
	su_write("big.txt", data.p, data.len);
	su_write("big.gz", gz.p, gz.len);
	for (pass = 0; pass < 2; pass++) {
		s = pith_src_open(su_path(pass ? "big.gz" : "big.txt"));
		pbuf_reset(&got);
		while ((k = pith_src_getline(s, &line, 1 << 20)) > 0)
			pbuf_append(&got, line.p, line.len);
		tap_ok(k == 0 && got.len == data.len &&
		    memcmp(got.p, data.p, data.len) == 0,
		    "%s: 3 MiB read line by line is intact",
		    pass ? "gzip" : "plain");
		pith_src_close(s);
	}
	pbuf_free(&data);
	pbuf_free(&gz);
	pbuf_free(&got);
	pbuf_free(&line);
}

/* stdin ("-"), fed through a pipe one byte per write so every read is
 * short, including the two bytes that tell gzip from plain. */
static void
test_stdin_pipe(void)
{
	struct pbuf gz = PBUF_INIT, out = PBUF_INIT;
	const char *text = "WARC/1.1\r\nthrough a pipe\n";
	struct pith_src *s;
	int fds[2], saved, errors, pass;
	size_t i;
	pid_t pid;

	su_gzip(&gz, text, 10);
	su_gzip(&gz, text + 10, strlen(text) - 10);
	for (pass = 0; pass < 2; pass++) {
		const char *data = pass ? gz.p : text;
		size_t len = pass ? gz.len : strlen(text);

		if (pipe(fds) < 0 || (pid = fork()) < 0) {
			tap_ok(0, "pipe and fork");
			return;
		}
		if (pid == 0) {
			close(fds[0]);
			for (i = 0; i < len; i++) {
				if (write(fds[1], data + i, 1) != 1)
					_exit(1);
				usleep(200);
			}
			_exit(0);
		}
		close(fds[1]);
		saved = dup(0);
		dup2(fds[0], 0);
		close(fds[0]);
		s = pith_src_open("-");
		tap_is(pith_src_name(s), "stdin", "\"-\" is stdin");
		tap_ok(pith_src_is_gzip(s) == pass, "%s detected from a pipe",
		    pass ? "gzip" : "plain");
		tap_ok(pith_src_is_warc(s), "WARC peeked from a pipe");
		pbuf_reset(&out);
		read_all(s, &out, &errors);
		tap_ok(errors == 0 && strcmp(out.p, text) == 0,
		    "%s stdin read whole through short reads",
		    pass ? "gzip" : "plain");
		pith_src_close(s);
		dup2(saved, 0);
		close(saved);
		waitpid(pid, NULL, 0);
	}
	pbuf_free(&gz);
	pbuf_free(&out);
}

int
main(void)
{
	pith_cli_init("test_src");
	test_plain();
	test_empty();
	test_long_lines();
	test_unread();
	test_gzip_members();
	test_big();
	test_stdin_pipe();
	su_cleanup();
	return tap_done();
}
