/* Unicode's NormalizationTest.txt (Debian package unicode-data, the same
 * Unicode version as Debian's utf8proc) through the normalizer's form
 * step, for all four forms: every line of Parts 0-3, and the Part 1 rule
 * that a code point not listed there is left alone by every form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "normalize_int.h"
#include "tap.h"

#define TEST_FILE "/usr/share/unicode/NormalizationTest.txt.bz2"

static struct pith_form *forms[4];	/* NFC, NFD, NFKC, NFKD */
static struct pbuf got;
static long failures[4];

/* Form f of the code points in `col` ("1E0A 0323"), as UTF-8 in got. */
static void
apply(int f, const uint32_t *cp, size_t n)
{
	pbuf_reset(&got);
	pith_form_apply(forms[f], cp, n, &got);
	if (got.p == NULL)
		pbuf_puts(&got, "");
}

static size_t
parse_col(const char *s, uint32_t *cp, size_t max)
{
	size_t n = 0;
	char *end;

	while (*s && n < max) {
		unsigned long v = strtoul(s, &end, 16);

		if (end == s)
			break;
		cp[n++] = (uint32_t)v;
		s = end;
		while (*s == ' ')
			s++;
	}
	return n;
}

static void
utf8(const uint32_t *cp, size_t n, struct pbuf *out)
{
	pbuf_reset(out);
	pith_utf8_encode(cp, n, out);
}

static int
check(int f, const uint32_t *in, size_t nin, const struct pbuf *want,
    long line)
{
	apply(f, in, nin);
	if (got.len == want->len && memcmp(got.p, want->p, got.len) == 0)
		return 1;
	if (failures[f]++ < 5)
		printf("# line %ld form %d: got '%s' want '%s'\n", line, f,
		    got.p, want->p);
	return 0;
}

int
main(void)
{
	static const char *const names[4] = {"NFC", "NFD", "NFKC", "NFKD"};
	static uint8_t listed[0x110000 / 8];
	struct pbuf c[6];
	uint32_t col[5][64];
	size_t ncol[5];
	char line[4096];
	FILE *p;
	long lineno = 0, tests = 0, part1_checked = 0;
	int part = -1, f, k;
	uint32_t cp;

	if (access(TEST_FILE, R_OK) != 0)
		tap_skip(TEST_FILE " not installed (Debian unicode-data)");
	if ((p = popen("bzcat " TEST_FILE, "r")) == NULL)
		tap_skip("cannot run bzcat");
	for (f = 0; f < 4; f++)
		forms[f] = pith_form_new((enum pith_norm_form)f, 0);
	memset(c, 0, sizeof c);
	while (fgets(line, sizeof line, p) != NULL) {
		char *s = line, *semi;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (line[0] == '@') {
			if (strncmp(line, "@Part", 5) == 0)
				part = atoi(line + 5);
			continue;
		}
		for (k = 0; k < 5; k++) {
			if ((semi = strchr(s, ';')) == NULL)
				break;
			*semi = '\0';
			ncol[k] = parse_col(s, col[k], 64);
			utf8(col[k], ncol[k], &c[k + 1]);
			s = semi + 1;
		}
		if (k < 5)
			continue;
		tests++;
		if (part == 1 && ncol[0] == 1)
			listed[col[0][0] >> 3] |= (uint8_t)(1u << (col[0][0] & 7));
		/* NFC: c2 == NFC(c1..c3), c4 == NFC(c4, c5) */
		for (k = 0; k < 5; k++)
			check(0, col[k], ncol[k], &c[k < 3 ? 2 : 4], lineno);
		/* NFD: c3 == NFD(c1..c3), c5 == NFD(c4, c5) */
		for (k = 0; k < 5; k++)
			check(1, col[k], ncol[k], &c[k < 3 ? 3 : 5], lineno);
		/* NFKC: c4 == NFKC(c1..c5); NFKD: c5 == NFKD(c1..c5) */
		for (k = 0; k < 5; k++) {
			check(2, col[k], ncol[k], &c[4], lineno);
			check(3, col[k], ncol[k], &c[5], lineno);
		}
	}
	pclose(p);
	tap_ok(tests > 18000, "read %ld test lines of NormalizationTest.txt",
	    tests);
	for (f = 0; f < 4; f++)
		tap_ok(failures[f] == 0, "%s: every line passes (%ld failures)",
		    names[f], failures[f]);

	/* Part 1: any other code point is its own normalization. */
	for (f = 0; f < 4; f++)
		failures[f] = 0;
	for (cp = 0; cp < 0x110000; cp++) {
		struct pbuf *want = &c[0];

		if ((cp >= 0xD800 && cp <= 0xDFFF) ||
		    (listed[cp >> 3] >> (cp & 7) & 1))
			continue;
		part1_checked++;
		utf8(&cp, 1, want);
		for (f = 0; f < 4; f++)
			check(f, &cp, 1, want, -(long)cp);
	}
	for (f = 0; f < 4; f++)
		tap_ok(failures[f] == 0, "%s: the %ld code points not in Part 1 "
		    "are unchanged (%ld failures)", names[f], part1_checked,
		    failures[f]);
	for (f = 0; f < 4; f++)
		pith_form_free(forms[f]);
	for (k = 0; k < 6; k++)
		pbuf_free(&c[k]);
	pbuf_free(&got);
	return tap_done();
}
