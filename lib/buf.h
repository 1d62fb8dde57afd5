/* Growable byte buffer: the one container every module appends to. */
#ifndef PITH_BUF_H
#define PITH_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct pbuf {
	char *p;	/* always NUL-terminated when len > 0 or after any append */
	size_t len;
	size_t cap;
};

#define PBUF_INIT {NULL, 0, 0}

/* All appenders abort the process with a message on out-of-memory: a
 * filter that cannot allocate cannot do anything useful. */
void pbuf_reserve(struct pbuf *b, size_t extra);
void pbuf_append(struct pbuf *b, const void *data, size_t len);
void pbuf_puts(struct pbuf *b, const char *s);
void pbuf_putc(struct pbuf *b, int c);
void pbuf_printf(struct pbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void pbuf_vprintf(struct pbuf *b, const char *fmt, va_list ap);
void pbuf_reset(struct pbuf *b);	/* len = 0, memory kept */
void pbuf_free(struct pbuf *b);

/* malloc/realloc/strdup that never return NULL (abort with a message). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xaligned_alloc(size_t align, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
