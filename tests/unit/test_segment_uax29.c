/* UAX #29 conformance: every line of Unicode's SentenceBreakTest.txt and
 * WordBreakTest.txt (Debian unicode-data) must give exactly the listed
 * boundaries. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "uax29.h"
#include "tap.h"

#define UCD_AUX "/usr/share/unicode/auxiliary/"

static size_t
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3F));
	out[2] = (char)(0x80 | (c >> 6 & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Runs one test file; returns the number of lines that failed. */
static int
run_file(const char *path, int words, int *lines)
{
	FILE *f = fopen(path, "r");
	char line[4096], text[1024];
	unsigned char want[1024], got[1025];
	int failed = 0;

	*lines = 0;
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		char *p = line, *hash = strchr(line, '#');
		size_t len = 0;

		if (hash != NULL)
			*hash = '\0';
		if (strstr(line, "\xc3\xb7") == NULL)	/* no ÷: no case */
			continue;
		memset(want, 0, sizeof want);
		while (*p != '\0') {
			if (strncmp(p, "\xc3\xb7", 2) == 0) {
				want[len] = 1;
				p += 2;
			} else if (strncmp(p, "\xc3\x97", 2) == 0) {
				p += 2;
			} else if ((*p >= '0' && *p <= '9') ||
			    (*p >= 'A' && *p <= 'F')) {
				uint32_t c = (uint32_t)strtoul(p, &p, 16);
				len += utf8_encode(c, text + len);
			} else
				p++;
		}
		(*lines)++;
		if (words)
			pith_uax29_words(text, len, got);
		else
			pith_uax29_sentences(text, len, got);
		if (memcmp(want, got, len + 1) != 0) {
			failed++;
			if (failed <= 10)
				printf("# failed: %s\n", line);
		}
	}
	fclose(f);
	return failed;
}

int
main(void)
{
	int failed, lines;
	unsigned char brk[8];

	failed = run_file(UCD_AUX "SentenceBreakTest.txt", 0, &lines);
	if (failed < 0)
		tap_skip("unicode-data is not installed");
	tap_ok(failed == 0 && lines > 400,
	    "SentenceBreakTest.txt: %d of %d lines right", lines - failed,
	    lines);
	failed = run_file(UCD_AUX "WordBreakTest.txt", 1, &lines);
	tap_ok(failed == 0 && lines > 1500,
	    "WordBreakTest.txt: %d of %d lines right", lines - failed, lines);

	pith_uax29_sentences("a\xff\xfe. B", 6, brk);
	tap_ok(brk[0] && brk[5] && !brk[4] && brk[6],
	    "invalid UTF-8 bytes segment like U+FFFD");
	tap_ok(pith_uax29_words("", 0, brk) == 0 && brk[0] == 0,
	    "empty text has no boundaries");
	return tap_done();
}
