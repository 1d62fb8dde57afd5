/* Buffered output. Tools write whole records into it and flush once per
 * record, so a reader downstream never sees half a record. A write error
 * is fatal: EPIPE ends the process as SIGPIPE would (status 141, no
 * message); anything else (a full disk) prints "prog: NAME: reason" and
 * exits 1. */
#ifndef PITH_OUT_H
#define PITH_OUT_H

#include <stddef.h>

#include "buf.h"

struct pith_out {
	int fd;
	const char *name;	/* for messages: "stdout" or the file name */
	struct pbuf buf;
};

/* The process-wide writer on stdout. */
extern struct pith_out pith_stdout;

void pith_out_init(struct pith_out *o, int fd, const char *name);
void pith_out_write(struct pith_out *o, const void *data, size_t len);
void pith_out_puts(struct pith_out *o, const char *s);
void pith_out_putc(struct pith_out *o, int c);
void pith_out_printf(struct pith_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes everything buffered; exits on error (see above). */
void pith_out_flush(struct pith_out *o);
/* Flushes, then fsyncs when the output is a regular file, and closes the
 * descriptor unless it is 0-2. Exits on error. */
void pith_out_close(struct pith_out *o);

#endif
