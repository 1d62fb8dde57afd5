/* Writing segments: one per line (line breaks inside become spaces), NUL
 * terminated, or as JSON objects with offsets. */
#include <stdint.h>

#include "buf.h"
#include "segment.h"
#include "segment_out.h"
#include "uax29.h"

void
pith_seg_write_line(struct pbuf *out, const struct pith_seg_unit *u,
    int nul)
{
	const unsigned char *s = (const unsigned char *)u->text;
	size_t i = 0, run = 0, n = u->len;

	pbuf_reserve(out, n + 1);
	while (i < n) {
		unsigned char c = s[i];
		size_t brk = 0;

		if (c == '\n' || c == '\0')
			brk = 1;
		else if (c == '\r')
			brk = i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
		else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0x85)
			brk = 2;			/* NEL */
		else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
			brk = 3;			/* LS, PS */
		if (brk == 0) {
			i++;
			continue;
		}
		pbuf_append(out, s + run, i - run);
		pbuf_putc(out, ' ');
		i += brk;
		run = i;
	}
	pbuf_append(out, s + run, n - run);
	pbuf_putc(out, nul ? '\0' : '\n');
}

/* JSON string body: escapes quotes, backslashes and control characters;
 * invalid UTF-8 becomes U+FFFD so the output is always valid JSON. */
static void
json_string(struct pbuf *out, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, k;
	uint32_t cp;

	pbuf_putc(out, '"');
	while (i < n) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\') {
			pbuf_putc(out, '\\');
			pbuf_putc(out, c);
			i++;
		} else if (c == '\n') {
			pbuf_puts(out, "\\n");
			i++;
		} else if (c == '\t') {
			pbuf_puts(out, "\\t");
			i++;
		} else if (c == '\r') {
			pbuf_puts(out, "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			pbuf_printf(out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			pbuf_putc(out, c);
			i++;
		} else {
			k = pith_utf8_decode(s + i, n - i, &cp);
			if (cp == 0xFFFD && k == 1 && !(i + 2 < n &&
			    s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD))
				pbuf_puts(out, "\xef\xbf\xbd");
			else
				pbuf_append(out, s + i, k);
			i += k;
		}
	}
	pbuf_putc(out, '"');
}

void
pith_seg_write_json(struct pbuf *out, const struct pith_seg_unit *u)
{
	pbuf_puts(out, "{\"text\":");
	json_string(out, u->text, u->len);
	pbuf_printf(out, ",\"start\":%llu,\"end\":%llu,\"paragraph\":%llu}\n",
	    (unsigned long long)u->start, (unsigned long long)u->end,
	    (unsigned long long)u->paragraph);
}
