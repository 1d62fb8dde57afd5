/* Line-like units of web and mail text run together in one paragraph:
 * links and addresses, message time stamps, header fields and letter
 * closings each end a unit where no sentence mark does. */
#include <string.h>
#include <strings.h>

#include "segment.h"
#include "segment_sent.h"

int
seg_is_url_start(const struct cutter *c, size_t i)
{
	size_t n = c->len - i;
	const char *p = (const char *)c->s + i;

	return (n >= 7 && strncmp(p, "http://", 7) == 0) ||
	    (n >= 8 && strncmp(p, "https://", 8) == 0) ||
	    (n >= 4 && strncmp(p, "www.", 4) == 0);
}

/* Does a new sentence start at i after a line-like unit (an address, a
 * time stamp, a closing)? A capital, a URL or an address. */
static int
starts_like_sentence(const struct cutter *c, size_t i)
{
	size_t k;
	uint32_t cp;

	if (i >= c->len)
		return 0;
	cp = cp_at(c, i, &k);
	return pith_sb(cp) == PITH_SB_UPPER || seg_is_url_start(c, i);
}

/* A URL or e-mail address token around i: its marks are not sentence
 * marks, and in lists of links and signatures it ends a line-like unit
 * when a capital or another link follows. Returns where to go on. */
size_t
seg_address_token(struct cutter *c, size_t i)
{
	size_t start = i, end = i, k, next, t;
	uint32_t cp;
	int email = 0, dot = 0;

	/* Each token is examined once, however many @ or :// it has. */
	if (i < c->tok_end)
		return i + 1;
	while (start > 0 && !is_space(c->s[start - 1]) && i - start < 4096)
		start--;
	while (end < c->len && !is_space(cp_at(c, end, &k))) {
		if (c->s[end] == '@')
			email = 1;
		else if (c->s[end] == '.' && email)
			dot = 1;
		end += k;
	}
	c->tok_end = end;
	if (!seg_is_url_start(c, start) && !(email && dot))
		return i + 1;
	/* Final marks and closers after the address are real ones. */
	t = end;
	while (t > start) {
		cp = cp_before(c, t, &k);
		if (!is_terminal(cp) && !is_closer(cp) && cp != ',' &&
		    cp != ';' && cp != ':')
			break;
		t = k;
	}
	if (t < end)
		return t;
	next = skip_space(c, end);
	if (next < c->len && starts_like_sentence(c, next))
		seg_add_cut(c, next);
	return end;
}

/* "07/17/2000 06:15 PM" — a message header's time stamp ends a line.
 * `i` is at the M of AM or PM. */
size_t
seg_time_stamp(struct cutter *c, size_t i)
{
	size_t j, next, digits = 0, slashes = 0;

	if (i < 2)
		return i + 1;
	j = i - 1;
	if (!(c->s[j] == 'A' || c->s[j] == 'P'))
		return i + 1;
	if (i + 1 < c->len && !is_space(c->s[i + 1]))
		return i + 1;
	while (j > 0 && c->s[j - 1] == ' ' && i - j < 4)
		j--;
	/* hh:mm[:ss] */
	if (j < 5 || !(c->s[j - 1] >= '0' && c->s[j - 1] <= '9') ||
	    c->s[j - 3] != ':')
		return i + 1;
	j -= 3;
	while (j > 0 && ((c->s[j - 1] >= '0' && c->s[j - 1] <= '9') ||
	    c->s[j - 1] == ':') && i - j < 16)
		j--;
	while (j > 0 && c->s[j - 1] == ' ' && i - j < 20)
		j--;
	/* mm/dd/yy[yy] */
	while (j > 0 && ((c->s[j - 1] >= '0' && c->s[j - 1] <= '9') ||
	    c->s[j - 1] == '/') && i - j < 32) {
		digits += c->s[j - 1] != '/';
		slashes += c->s[j - 1] == '/';
		j--;
	}
	if (slashes != 2 || digits < 4)
		return i + 1;
	next = skip_space(c, i + 1);
	if (next < c->len)
		seg_add_cut(c, next);
	return next;
}

/* A time stamp "12/22/2000 06:28 PM" starts a message header line: cut
 * before it, unless it is the object of "on" or "at". `i` is at its
 * first slash. */
size_t
seg_date_stamp(struct cutter *c, size_t i)
{
	size_t start = i, j = i + 1, p;

	while (start > 0 && is_digit_at(c, start - 1) && i - start < 3)
		start--;
	if (i - start < 1 || i - start > 2 || (start > 0 &&
	    !is_space(c->s[start - 1])))
		return i + 1;
	while (is_digit_at(c, j))
		j++;
	if (j - i < 2 || j - i > 3 || j >= c->len || c->s[j] != '/')
		return i + 1;
	p = ++j;
	while (is_digit_at(c, j))
		j++;
	if (j - p != 2 && j - p != 4)
		return i + 1;
	while (j < c->len && c->s[j] == ' ')
		j++;
	p = j;
	while (is_digit_at(c, j))
		j++;
	if (j - p < 1 || j - p > 2 || j >= c->len || c->s[j] != ':')
		return i + 1;
	/* The word before: "on 06/01/2000 06:00" is part of a sentence. */
	p = start;
	while (p > 0 && is_space(c->s[p - 1]))
		p--;
	if (p == 0 || (p >= 2 && (memcmp(c->s + p - 2, "on", 2) == 0 ||
	    memcmp(c->s + p - 2, "at", 2) == 0) && (p == 2 ||
	    is_space(c->s[p - 3]))))
		return j;
	seg_add_cut(c, start);
	return j;
}

/* "... Jeff Dasovich Sent by: Jeff" — the fields of a forwarded
 * message's header each start a line-like unit. `i` is at the colon. */
void
seg_header_field(struct cutter *c, size_t i)
{
	static const char *const fields[] = {
		"From", "Subject", "Sent by", "Sent", "Date", "Cc", "CC", NULL
	};
	size_t n, at;
	int f;

	if (i + 1 >= c->len || c->s[i + 1] != ' ')
		return;
	for (f = 0; fields[f] != NULL; f++) {
		n = strlen(fields[f]);
		if (i < n + 2)
			continue;
		at = i - n;
		if (memcmp(c->s + at, fields[f], n) == 0 &&
		    c->s[at - 1] == ' ' && !is_space(c->s[at - 2]) &&
		    c->s[at - 2] != ':') {
			seg_add_cut(c, at);
			return;
		}
	}
}

/* The words of the current sentence before the comma at i, when they
 * are at most `max`: their starts and ends. Returns how many, or 0. */
static int
words_before_comma(const struct cutter *c, size_t i, size_t *ws, size_t *we,
    int max)
{
	size_t p = c->sent_start;
	int n = 0;

	while (p < i) {
		while (p < i && c->s[p] == ' ')
			p++;
		if (p >= i)
			break;
		if (n == max)
			return 0;
		ws[n] = p;
		while (p < i && c->s[p] != ' ')
			p++;
		we[n++] = p;
	}
	return n;
}

/* "Thanks, Kim." "Best regards, Dale" "Dear Ms. Holt, Thank you ..." —
 * a letter closing or greeting alone at the start of a sentence, then a
 * comma and a capital: it is a unit of its own. `i` is at the comma. */
size_t
seg_closing(struct cutter *c, size_t i)
{
	size_t ws[4], we[4], next;
	const char *s = (const char *)c->s;
	int n, k, ok = 0;

	next = skip_space(c, i + 1);
	if (next >= c->len || next == i + 1 ||
	    pith_sb(c->s[next]) != PITH_SB_UPPER)
		return i + 1;
	n = words_before_comma(c, i, ws, we, 4);
	if (n == 0)
		return i + 1;
	if (n >= 2 && pith_lang_greeting(c->lang, s + ws[0], we[0] - ws[0])) {
		/* The rest is a name: capitals, titles with a period. */
		ok = 1;
		for (k = 1; k < n; k++)
			if (pith_sb(c->s[ws[k]]) != PITH_SB_UPPER)
				ok = 0;
	} else if (n <= 3) {
		ok = pith_lang_closing(c->lang, s + ws[n - 1],
		    we[n - 1] - ws[n - 1]) ||
		    (n == 2 && we[1] - ws[1] == 3 &&
		    strncasecmp(s + ws[0], "thank", 5) == 0 &&
		    memcmp(s + ws[1], "you", 3) == 0) ||
		    (n == 2 && we[1] - ws[1] == 4 &&
		    strncasecmp(s + ws[0], "take", 4) == 0 &&
		    memcmp(s + ws[1], "care", 4) == 0);
	}
	if (ok)
		seg_add_cut(c, next);
	return next;
}
