#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *pith_progname = "pith";

void
pith_cli_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	pith_progname = slash ? slash + 1 : argv0;
}

static void
vwarn_common(const char *what, const char *err, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", pith_progname);
	if (what != NULL)
		fprintf(stderr, "%s: ", what);
	vfprintf(stderr, fmt, ap);
	if (err != NULL)
		fprintf(stderr, ": %s", err);
	fputc('\n', stderr);
}

void
pith_warn(const char *what, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(what, strerror(saved), fmt, ap);
	va_end(ap);
	errno = saved;
}

void
pith_warnx(const char *what, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(what, NULL, fmt, ap);
	va_end(ap);
}

void
pith_die(int status, const char *what, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_common(what, NULL, fmt, ap);
	va_end(ap);
	exit(status);
}

void
pith_print_version(void)
{
	printf("%s (pith) %s\n", pith_progname, PITH_VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		pith_die(PITH_EXIT_FAIL, "stdout", "write error");
	exit(PITH_EXIT_OK);
}

void
pith_usage(const char *usage, int to_stdout)
{
	FILE *f = to_stdout ? stdout : stderr;

	fprintf(f, "usage: %s\n", usage);
	if (to_stdout)
		fprintf(f, "See %s(1) for the options.\n", pith_progname);
	else
		fprintf(f, "Try '%s --help' for more information.\n",
		    pith_progname);
	if (to_stdout && (fflush(stdout) == EOF || ferror(stdout)))
		pith_die(PITH_EXIT_FAIL, "stdout", "write error");
	exit(to_stdout ? PITH_EXIT_OK : PITH_EXIT_USAGE);
}

int
pith_parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case '\0':
		break;
	case 'k': case 'K':
		shift = 10; end++;
		break;
	case 'm': case 'M':
		shift = 20; end++;
		break;
	case 'g': case 'G':
		shift = 30; end++;
		break;
	default:
		return -1;
	}
	if (*end == 'i' || *end == 'B')	/* accept KiB, MB, ... */
		end++;
	if (*end == 'B')
		end++;
	if (*end != '\0' || v == 0)
		return -1;
	if (v > ((unsigned long long)(size_t)-1 >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

int
pith_parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

int
pith_parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}
