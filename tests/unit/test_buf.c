#include "buf.h"
#include "cli.h"
#include "tap.h"

int
main(void)
{
	struct pbuf b = PBUF_INIT;
	size_t sz;
	int i;

	pbuf_puts(&b, "abc");
	pbuf_putc(&b, 'd');
	pbuf_printf(&b, "%d-%s", 42, "x");
	tap_is(b.p, "abcd42-x", "append, putc and printf concatenate");
	for (i = 0; i < 10000; i++)
		pbuf_putc(&b, 'z');
	tap_is_int(b.len, 8 + 10000, "buffer grows past its first capacity");
	tap_is_int(b.p[b.len], 0, "buffer stays NUL-terminated");
	pbuf_reset(&b);
	tap_is_int(b.len, 0, "reset empties the buffer");
	pbuf_free(&b);

	tap_ok(pith_parse_size("64M", &sz) == 0 && sz == (size_t)64 << 20,
	    "64M is 64 MiB");
	tap_ok(pith_parse_size("10KiB", &sz) == 0 && sz == 10240,
	    "10KiB is 10240 bytes");
	tap_ok(pith_parse_size("12", &sz) == 0 && sz == 12, "plain bytes");
	tap_ok(pith_parse_size("0", &sz) == -1, "zero is rejected");
	tap_ok(pith_parse_size("-5", &sz) == -1, "negative is rejected");
	tap_ok(pith_parse_size("5X", &sz) == -1, "unknown suffix is rejected");
	tap_ok(pith_parse_size("99999999999999999999G", &sz) == -1,
	    "overflow is rejected");
	return tap_done();
}
