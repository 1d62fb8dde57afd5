#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "out.h"

/* Past this much buffered output, flush even inside a record: the reader
 * then sees the record grow but never a record that will not complete. */
#define OUT_SOFT_LIMIT (1u << 16)

struct pith_out pith_stdout = {1, "stdout", PBUF_INIT};

void
pith_out_init(struct pith_out *o, int fd, const char *name)
{
	o->fd = fd;
	o->name = name;
	o->buf = (struct pbuf)PBUF_INIT;
}

static void
write_failed(struct pith_out *o)
{
	if (errno == EPIPE) {
		/* The reader went away: end as a killed filter would. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(128 + SIGPIPE);
	}
	pith_warn(o->name, "write error");
	exit(PITH_EXIT_FAIL);
}

static void
write_all(struct pith_out *o, const char *p, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t n = write(o->fd, p + off, len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			write_failed(o);
		}
		off += (size_t)n;
	}
}

static void
drain(struct pith_out *o)
{
	write_all(o, o->buf.p, o->buf.len);
	pbuf_reset(&o->buf);
}

void
pith_out_write(struct pith_out *o, const void *data, size_t len)
{
	/* A large block (a whole document's text) goes out from where it
	 * is: copying it into the buffer first would cost its size again
	 * in memory. */
	if (len >= OUT_SOFT_LIMIT) {
		drain(o);
		write_all(o, data, len);
		return;
	}
	pbuf_append(&o->buf, data, len);
	if (o->buf.len >= OUT_SOFT_LIMIT)
		drain(o);
}

void
pith_out_puts(struct pith_out *o, const char *s)
{
	pbuf_puts(&o->buf, s);
	if (o->buf.len >= OUT_SOFT_LIMIT)
		drain(o);
}

void
pith_out_putc(struct pith_out *o, int c)
{
	pbuf_putc(&o->buf, c);
	if (o->buf.len >= OUT_SOFT_LIMIT)
		drain(o);
}

void
pith_out_printf(struct pith_out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pbuf_vprintf(&o->buf, fmt, ap);
	va_end(ap);
	if (o->buf.len >= OUT_SOFT_LIMIT)
		drain(o);
}

void
pith_out_flush(struct pith_out *o)
{
	drain(o);
}

void
pith_out_close(struct pith_out *o)
{
	struct stat st;

	drain(o);
	if (fstat(o->fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    fsync(o->fd) == -1 && errno != EINVAL)
		write_failed(o);
	if (o->fd > 2 && close(o->fd) == -1)
		write_failed(o);
	pbuf_free(&o->buf);
}
