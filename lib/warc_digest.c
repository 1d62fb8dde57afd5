/* WARC digests: "sha1:" + base32 (what pith writes), and checking the
 * spellings found in the wild (base32, hex, base64, URL-safe base64). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <openssl/sha.h>

#include "warc.h"

void
pith_warc_digest(const void *data, size_t len, char buf[40])
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned char md[SHA_DIGEST_LENGTH];
	unsigned int acc = 0, bits = 0;
	size_t i;
	char *o = buf;

	SHA1(data, len, md);
	memcpy(o, "sha1:", 5);
	o += 5;
	/* 160 bits make exactly 32 base32 digits: no padding. */
	for (i = 0; i < sizeof md; i++) {
		acc = (acc << 8) | md[i];
		bits += 8;
		while (bits >= 5) {
			*o++ = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	*o = '\0';
}

/* Decodes `s` into out[n] as base32, hex or base64 (both alphabets,
 * padding optional), chosen by its length. Returns 0 or -1. */
static int
decode_digest(const char *s, unsigned char *out, size_t n)
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t len = strlen(s), i, o = 0;
	unsigned int acc = 0, bits = 0;
	const char *q;
	int v, bw;

	while (len > 0 && s[len - 1] == '=')
		len--;
	if (len == n * 2) {		/* hex */
		for (i = 0; i < n; i++) {
			int hi = isxdigit((unsigned char)s[2 * i]) ?
			    (isdigit((unsigned char)s[2 * i]) ? s[2 * i] - '0' :
			    tolower((unsigned char)s[2 * i]) - 'a' + 10) : -1;
			int lo = isxdigit((unsigned char)s[2 * i + 1]) ?
			    (isdigit((unsigned char)s[2 * i + 1]) ?
			    s[2 * i + 1] - '0' :
			    tolower((unsigned char)s[2 * i + 1]) - 'a' + 10) : -1;

			if (hi < 0 || lo < 0)
				return -1;
			out[i] = (unsigned char)(hi << 4 | lo);
		}
		return 0;
	}
	if (len == (n * 8 + 4) / 5)
		bw = 5;
	else if (len == (n * 8 + 5) / 6)
		bw = 6;
	else
		return -1;
	for (i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (bw == 5) {
			q = c ? strchr(b32, toupper(c)) : NULL;
		} else {
			if (c == '-')
				c = '+';
			else if (c == '_')
				c = '/';
			q = c ? strchr(b64, c) : NULL;
		}
		if (q == NULL)
			return -1;
		v = (int)(q - (bw == 5 ? b32 : b64));
		acc = (acc << bw) | (unsigned int)v;
		bits += (unsigned int)bw;
		if (bits >= 8) {
			if (o < n)
				out[o++] = (unsigned char)(acc >> (bits - 8));
			bits -= 8;
		}
		acc &= (1u << bits) - 1;
	}
	return o == n ? 0 : -1;
}

int
pith_warc_digest_check(const char *value, const void *data, size_t len)
{
	unsigned char want[SHA_DIGEST_LENGTH], got[SHA_DIGEST_LENGTH];

	if (value == NULL || strncasecmp(value, "sha1:", 5) != 0)
		return -1;
	if (decode_digest(value + 5, want, sizeof want) < 0)
		return -1;
	SHA1(data, len, got);
	return memcmp(want, got, sizeof got) == 0;
}
