/* Minimal TAP producer for unit tests: each test program prints "ok N -
 * name" / "not ok N - name" lines and a plan at the end; tests/run.sh
 * counts them. Header-only so every test is one .c file. */
#ifndef PITH_TAP_H
#define PITH_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static void __attribute__((format(printf, 2, 3), unused))
tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* Compares strings, printing both on failure as TAP diagnostics. */
#define tap_is(got, want, ...) do { \
	const char *g_ = (got), *w_ = (want); \
	int c_ = g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0; \
	tap_ok(c_, __VA_ARGS__); \
	if (!c_) \
		printf("#   got:  '%s'\n#   want: '%s'\n", \
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define tap_is_int(got, want, ...) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	tap_ok(g_ == w_, __VA_ARGS__); \
	if (g_ != w_) \
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_); \
} while (0)

static void __attribute__((unused))
tap_skip(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	exit(0);
}

static int __attribute__((unused))
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

/* $PITH_SHARED or NULL when the shared data is not beside the clone. */
__attribute__((unused)) static const char *
tap_shared(void)
{
	const char *s = getenv("PITH_SHARED");
	static char probe[4096];

	if (s == NULL || *s == '\0')
		return NULL;
	snprintf(probe, sizeof probe, "%s/conformance", s);
	FILE *f = fopen(probe, "r");
	if (f == NULL)
		return NULL;
	fclose(f);
	return s;
}

#endif
