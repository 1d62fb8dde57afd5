/* Shared command-line conventions: program name, diagnostics in the form
 * "pith-strip: FILE: reason", exit statuses, --version. */
#ifndef PITH_CLI_H
#define PITH_CLI_H

#include <stddef.h>

#define PITH_VERSION "0.1.0"

enum {
	PITH_EXIT_OK = 0,	/* everything processed */
	PITH_EXIT_FAIL = 1,	/* some input failed */
	PITH_EXIT_USAGE = 2	/* bad command line */
};

/* Default per-document size limit (--max-bytes). */
#define PITH_MAX_BYTES_DEFAULT ((size_t)64 << 20)

extern const char *pith_progname;

void pith_cli_init(const char *argv0);	/* sets pith_progname */

/* "prog: what: strerror(errno)" / "prog: what: msg" on stderr. `what` may
 * be NULL. Neither exits. */
void pith_warn(const char *what, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void pith_warnx(const char *what, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Same as pith_warnx, then exit(status). */
void pith_die(int status, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

/* Prints "prog (pith) VERSION" and library versions on stdout. */
void pith_print_version(void) __attribute__((noreturn));

/* Prints `usage` to stderr with "usage: " prefix (or stdout for --help)
 * and exits 2 (0 for --help). */
void pith_usage(const char *usage, int to_stdout) __attribute__((noreturn));

/* Parses a byte count with an optional K, M, G suffix (binary units).
 * Returns 0 on success, -1 on a malformed or zero value. */
int pith_parse_size(const char *s, size_t *out);

/* Parses a non-negative decimal number (seconds etc.); -1 on error. */
int pith_parse_double(const char *s, double *out);
int pith_parse_uint(const char *s, unsigned long max, unsigned long *out);

#endif
