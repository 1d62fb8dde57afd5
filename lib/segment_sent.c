/* The sentence layer: where one sentence ends and the next starts inside
 * a paragraph.
 *
 * A candidate is a run of terminal marks (. ! ? ... and every character
 * Unicode gives Sentence_Break STerm or ATerm: 。！？ ۔ । ። ...), then
 * closing quotes and brackets, then white space; CJK and other full-stop
 * marks need no space. The words around the candidate decide:
 *   ? !      end a sentence unless a quote closes them and a lower-case
 *            word follows ("Really?" she asked.)
 *   ...  …   end one before a capital, not before a lower-case word
 *   .        does not end one before a lower-case word or after a title
 *            (Mr. Dr. e.g.); before a number not after an abbreviation
 *            (No. 5, Jan. 3) or a list number at the start of a sentence
 *            (1. The first item); after other abbreviations, initials
 *            (J. R. R. Tolkien), dotted forms (U.S., a.m.) and, in
 *            languages that write ordinals with a period, numbers
 *            (am 3. Oktober), only before a typical sentence opener
 *            (The, Der, Il ...).
 * A period inside a token (3.14, 1.000,50, www.example.com, a@b.org,
 * file.txt) is never a candidate. Besides the marks, a sentence ends
 * before the next item of a numbered or lettered list (1. 2. 3., a) b))
 * and at a line break before a bulleted line or after a short heading
 * line of hard-wrapped text (segment_list.c), and after the line-like
 * units of web and mail text: links, time stamps, header fields, letter
 * closings (segment_mail.c). An emoticon after the mark stays with the
 * sentence it ends. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "segment.h"
#include "segment_sent.h"

/* A reference mark after a sentence: "[12]", "[...]", "[a]", then a
 * space and a capital. */
static size_t
reference_len(const struct cutter *c, size_t i)
{
	size_t j = i + 1, k, end;

	if (i >= c->len || c->s[i] != '[')
		return 0;
	while (j < c->len && j - i < 8 && c->s[j] != ']' && c->s[j] != ' ')
		j++;
	if (j >= c->len || c->s[j] != ']' || j == i + 1)
		return 0;
	end = ++j;
	if (j < c->len && !is_space(cp_at(c, j, &k)))
		return 0;
	while (j < c->len && is_space(cp_at(c, j, &k)))
		j += k;
	if (j < c->len && pith_sb(cp_at(c, j, &k)) != PITH_SB_UPPER)
		return 0;
	return end - i;
}

/* Emoticons written after (or instead of) a final mark. */
static size_t
emoticon_len(const struct cutter *c, size_t i)
{
	static const char *const faces[] = {
		":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", "^_^",
		":)", ":(", ":D", ":P", ":p", ";)", ":/", ":o", ":O", "=)",
		":]", ":3", "XD", "xD", "<3", "^^", NULL
	};
	size_t n, k;
	int f;

	for (f = 0; faces[f] != NULL; f++) {
		n = strlen(faces[f]);
		if (i + n <= c->len && memcmp(c->s + i, faces[f], n) == 0 &&
		    (i + n == c->len || is_space(cp_at(c, i + n, &k))))
			return n;
	}
	return 0;
}

void
seg_add_cut(struct cutter *c, size_t at)
{
	size_t end;
	int st;

	if (c->ncut > 0 && c->cuts[c->ncut - 1] >= at)
		return;
	if (c->ncut < c->max)
		c->cuts[c->ncut++] = at;
	c->sent_start = at;
	c->marker = seg_list_marker(c, at, &end, &st);
	c->marker_style = st;
	if (c->marker > 0)
		c->markers = 1;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static void
qsort_sizes(size_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_size);
}

/* Word facts around a candidate. */
struct word {
	size_t start, end;	/* the letters and digits, with inner dots */
	int letters, digits, upper_first, lower_first, dotted, short_parts;
	int alpha_cps;
};

static void
describe(const struct cutter *c, struct word *w)
{
	size_t i = w->start, k, part = 0;
	uint32_t cp;
	enum pith_sb sb;
	int first = 1;

	w->letters = w->digits = w->upper_first = w->lower_first = 0;
	w->dotted = 0;
	w->short_parts = 1;
	w->alpha_cps = 0;
	while (i < w->end) {
		cp = cp_at(c, i, &k);
		if (cp == '.') {
			w->dotted = 1;
			if (part > 2)
				w->short_parts = 0;
			part = 0;
		} else if (cp >= '0' && cp <= '9') {
			w->digits++;
			part++;
		} else {
			sb = pith_sb(cp);
			if (first) {
				w->upper_first = sb == PITH_SB_UPPER;
				w->lower_first = sb == PITH_SB_LOWER;
			}
			if (is_alnum(cp)) {
				w->letters++;
				w->alpha_cps++;
			}
			part++;
		}
		first = 0;
		i += k;
	}
	if (part > 2)
		w->short_parts = 0;
}

/* The word that ends at `end` (just before the marks): letters, digits
 * and inner periods, hyphens and apostrophes; leading punctuation is
 * left out. */
static void
word_before(const struct cutter *c, size_t end, struct word *w)
{
	size_t i = end, j;
	uint32_t cp;

	while (i > c->sent_start) {
		cp = cp_before(c, i, &j);
		if (is_alnum(cp) || cp == '.' || cp == '-' || cp == '\'' ||
		    cp == 0x2019 || cp == 0xB0)		/* N° */
			i = j;
		else
			break;
	}
	/* Trim non-letters at the front (a dot or hyphen starting it). */
	while (i < end && (c->s[i] == '.' || c->s[i] == '-' ||
	    c->s[i] == '\''))
		i++;
	w->start = i;
	w->end = end;
	describe(c, w);
}

/* The word starting at `start` (letters only, as written). */
static void
word_after(const struct cutter *c, size_t start, struct word *w)
{
	size_t i = start, k;

	while (i < c->len && is_alnum(cp_at(c, i, &k)))
		i += k;
	w->start = start;
	w->end = i;
	describe(c, w);
}

/* Languages that write ordinal numbers with a period (3. Oktober). */
static int
ordinal_period(enum pith_lang lang)
{
	return lang == PITH_LANG_DE || lang == PITH_LANG_PL;
}

/* The value of a list marker "7." starting at i when the current
 * sentence began with the marker before or after it in the same list
 * (1. ... 2. or 10. ... 9.): the number then starts the next item. */
static int
next_list_item(const struct cutter *c, size_t i)
{
	size_t end, v;
	int st;

	if (c->marker == 0)
		return 0;
	v = seg_list_marker(c, i, &end, &st);
	return v > 0 && st == c->marker_style &&
	    (v == c->marker + 1 || v + 1 == c->marker);
}

/* Is the list marker at i the first item of a list after a colon? Then
 * it is remembered as the current list. */
static int
after_colon(struct cutter *c, size_t i)
{
	size_t p = i, end, v;
	int st;

	while (p > 0 && c->s[p - 1] == ' ')
		p--;
	if (p == i || p == 0 || c->s[p - 1] != ':')
		return 0;
	v = seg_list_marker(c, i, &end, &st);
	if (v == 0)
		return 0;
	c->marker = v;
	c->marker_style = st;
	c->markers = 1;
	return 1;
}

/* A Roman numeral in capitals, up to six letters (II, XIV, MCMXC). */
static int
roman(const struct cutter *c, const struct word *w)
{
	size_t i;

	if (w->end - w->start > 6 || w->end - w->start < 2)
		return 0;
	for (i = w->start; i < w->end; i++)
		if (strchr("IVXLCDM", c->s[i]) == NULL || c->s[i] == '\0')
			return 0;
	return 1;
}

/* Is there nothing but punctuation, bullets and space in [a, b)? */
static int
only_punct(const struct cutter *c, size_t a, size_t b)
{
	size_t k;

	while (a < b) {
		if (is_alnum(cp_at(c, a, &k)))
			return 0;
		a += k;
	}
	return 1;
}

/* Decides a candidate: marks at [m0, m1), next sentence would start at
 * `next`. Returns 1 to cut before `next`. */
static int
decide(struct cutter *c, size_t m0, size_t next, int strong, int ellipsis,
    int quoted)
{
	struct word prev, nw;
	enum pith_abbrev abbr = PITH_ABBR_NONE;
	size_t i = next, k;
	uint32_t cp;
	int upper, lower, digit, opener, starts_sentence, plain;

	/* Skip opening punctuation of the next sentence: ( " ' ¿ ¡ [ */
	cp = cp_at(c, i, &k);
	while (i < c->len && (pith_sb(cp) == PITH_SB_CLOSE || cp == 0xBF ||
	    cp == 0xA1 || cp == '*' || cp == '_')) {
		i += k;
		if (i < c->len)
			cp = cp_at(c, i, &k);
	}
	while (i < c->len && cp == ' ' && i - next < 3) {	/* "( Click" */
		i += k;
		if (i < c->len)
			cp = cp_at(c, i, &k);
	}
	if (i >= c->len)
		return 1;
	if (seg_is_url_start(c, i))
		return 1;
	word_after(c, i, &nw);
	upper = nw.upper_first;
	lower = nw.lower_first;
	digit = cp >= '0' && cp <= '9';
	opener = upper && pith_lang_opener(c->lang,
	    (const char *)c->s + nw.start, nw.end - nw.start);

	if (strong) {
		/* "Really?" she asked. */
		if (lower && quoted)
			return 0;
		return 1;
	}
	if (ellipsis)
		return !lower;

	/* A single period. */
	word_before(c, m0, &prev);
	if (prev.end > prev.start)
		abbr = pith_abbrev_lookup(c->lang, (const char *)c->s +
		    prev.start, prev.end - prev.start);
	if (abbr == PITH_ABBR_NONE && prev.dotted && prev.short_parts &&
	    prev.letters > 0)
		abbr = PITH_ABBR_GENERAL;		/* U.S. a.m. Ph.D. */
	starts_sentence = only_punct(c, c->sent_start, prev.start);
	/* A plain word: letters only, no abbreviation, not an initial, not
	 * a Roman numeral (Ludwig XIV. war König). */
	plain = abbr == PITH_ABBR_NONE && prev.digits == 0 &&
	    prev.letters >= 2 && !prev.dotted && !roman(c, &prev);
	/* An initial: one capital letter (J. R. R. Tolkien). */
	if (prev.letters == 1 && prev.digits == 0 && !prev.dotted &&
	    prev.upper_first)
		return starts_sentence ? 0 : opener;

	/* "three parts: 1. Tools 2. Data": a list starts after a colon. */
	if (prev.digits > 0 && prev.letters == 0 && !prev.dotted &&
	    !starts_sentence && prev.digits <= 2 && after_colon(c, prev.start))
		return 0;
	/* "1. Buy milk 2. Walk the dog": the number starts the next item. */
	if (((prev.digits > 0 && prev.letters == 0) || (prev.letters == 1 &&
	    prev.digits == 0)) && !prev.dotted && !starts_sentence &&
	    next_list_item(c, prev.start)) {
		seg_add_cut(c, prev.start);
		return 0;
	}
	if (lower) {
		/* Web text starts sentences in lower case too; only after an
		 * ordinary word, never after an abbreviation or a quotation
		 * ('"This is great." she said.'). */
		return plain && !quoted && (prev.letters >= 4 ||
		    pith_lang_function(c->lang, (const char *)c->s + nw.start,
		    nw.end - nw.start));
	}
	if (digit && prev.letters == 1 && prev.digits == 0 && !prev.dotted)
		return 0;			/* c. 1818, p. 5 */
	if (digit)
		return abbr == PITH_ABBR_NONE &&
		    !(starts_sentence && prev.digits > 0 && prev.letters == 0);
	if (cp == '$' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5)
		return abbr == PITH_ABBR_NONE;		/* "$3 - Reward" */
	if (cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '<' ||
	    cp == '>' || cp == '_' || cp == '#' || cp == '&' || cp == '=' ||
	    cp == '~' || cp == '.' || cp == 0x2026 || cp == '+' ||
	    cp == '%' || cp == '@' || (cp == '*' && i + 1 < c->len &&
	    c->s[i + 1] == '*'))
		return abbr == PITH_ABBR_NONE;	/* "- item", "-- Sally" */
	if (!upper && !is_alnum(cp))
		return 0;			/* "* * *", "+" */
	/* A capital or an uncased letter follows. */
	switch (abbr) {
	case PITH_ABBR_TITLE:
		return 0;
	case PITH_ABBR_GENERAL:
		return opener;
	case PITH_ABBR_NUMBER:
		return 1;
	default:
		break;
	}
	if (prev.letters == 1 && prev.digits == 0 && !prev.dotted)
		return starts_sentence ? 0 : opener;	/* a. b. */
	if (prev.digits > 0 && prev.letters == 0 && !prev.dotted) {
		if (starts_sentence && prev.digits <= 3)
			return 0;			/* 1. The first item */
		if (ordinal_period(c->lang)) {
			if (pith_lang_month(c->lang,
			    (const char *)c->s + nw.start, nw.end - nw.start))
				return 0;		/* am 3. Oktober */
			return opener;
		}
	}
	return 1;
}

/* Names written with an exclamation mark. */
static int
bang_name(const struct cutter *c, size_t i)
{
	return (i >= 5 && memcmp(c->s + i - 5, "Yahoo", 5) == 0) ||
	    (i >= 3 && memcmp(c->s + i - 3, "Yum", 3) == 0);
}

/* A period between two words with no space, where a sentence ends and
 * the writer forgot the space: a word of letters (or a number) before,
 * with no other period, slash, @ or colon in its token, and a
 * capitalised word of letters after, followed by a space or a mark.
 * Domain names, file names and java.util.List stay whole. */
static int
missing_space(const struct cutter *c, size_t dot, size_t next)
{
	size_t a = dot, b = next, k;
	int lowers = 0;
	uint32_t cp;

	while (a > 0 && !is_space(c->s[a - 1])) {
		unsigned char ch = c->s[a - 1];

		if (dot - a > 64)
			return 0;		/* no word is that long */
		if (ch == '.' || ch == '/' || ch == '@' || ch == ':' ||
		    ch == '_' || ch == '\\')
			return 0;
		a--;
	}
	if (dot - a < 2 || pith_abbrev_lookup(c->lang, (const char *)c->s + a,
	    dot - a) != PITH_ABBR_NONE)
		return 0;			/* "Dr.Michael" */
	cp = cp_before(c, dot, &k);
	if (!(pith_sb(cp) == PITH_SB_LOWER || (cp >= '0' && cp <= '9')))
		return 0;
	if (pith_sb(cp_at(c, b, &k)) != PITH_SB_UPPER)
		return 0;
	b += k;
	while (b < c->len && pith_sb(cp = cp_at(c, b, &k)) == PITH_SB_LOWER) {
		lowers++;
		b += k;
	}
	if (lowers == 0)
		return 0;
	return b >= c->len || is_space(cp) || cp == ',' || cp == '.' ||
	    cp == '!' || cp == '?' || cp == ';' || cp == ':';
}

/* Scans one candidate starting with the mark at i. Returns where the
 * scan goes on. */
static size_t
candidate(struct cutter *c, size_t i)
{
	size_t m0 = i, j = i, k, after, next;
	uint32_t cp;
	int strong = 0, dots = 0, ellipsis = 0, wide = 0, quoted = 0;
	int emo = 0;

	/* The run of marks, with ". . ." as one. */
	while (j < c->len) {
		cp = cp_at(c, j, &k);
		if (is_terminal(cp)) {
			if (cp == '.')
				dots++;
			else if (cp == 0x2026)
				ellipsis = 1;
			else if (cp == '!' || cp == '?')
				strong = 1;
			else if (pith_sb(cp) == PITH_SB_STERM)
				strong = wide = 1;
			else
				wide = 1;		/* ．｡ and the like */
			j += k;
		} else if (cp == ' ' && dots > 0 && !strong && j + 1 < c->len &&
		    c->s[j + 1] == '.' && (j + 2 >= c->len || c->s[j + 2] != '.'))
			j++;		/* ". . ." but not "end. ...next" */
		else
			break;
	}
	if (dots > 1)
		ellipsis = 1;
	/* "Yahoo!" and "Yum!" are names, the mark is part of them. */
	if (strong && !wide && j == i + 1 && c->s[i] == '!' &&
	    bang_name(c, i))
		return j;
	/* A period inside a token (3.14, example.com) is no candidate. */
	after = j;
	while (after < c->len) {
		cp = cp_at(c, after, &k);
		if (!is_closer(cp))
			break;
		/* A quote or bracket closing around the mark: a lower-case
		 * word after it goes on ("Really?" she asked; (why?) and) */
		if (cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
		    cp == 0xBB || cp == 0x300D || cp == 0x300F || cp == ')' ||
		    cp == ']')
			quoted = 1;
		after += k;
	}
	if (after >= c->len)
		return after;
	cp = cp_at(c, after, &k);
	if (!is_space(cp)) {
		/* "Hello world.Today is Tuesday." — a space left out. */
		if (dots == 1 && !strong && !wide && after == j &&
		    missing_space(c, m0, j)) {
			seg_add_cut(c, j);
			return j;
		}
		if (!wide || is_terminal(cp))
			return after > j ? after : j;
		/* 。 and ！ end a sentence with no space after them. */
		if (decide(c, m0, after, 1, 0, quoted))
			seg_add_cut(c, after);
		return after;
	}
	next = after;
	while (next < c->len && is_space(cp_at(c, next, &k)))
		next += k;
	if (next >= c->len)
		return next;
	cp = cp_at(c, next, &k);
	/* "(Click here for source. )": a closing bracket after a space. */
	if (cp == ')' || cp == ']' || cp == 0x201D || cp == 0xBB) {
		quoted = cp == 0x201D || cp == 0xBB;
		after = next + k;
		if (after >= c->len)
			return after;
		if (!is_space(cp_at(c, after, &k)))
			return after;
		next = after;
		while (next < c->len && is_space(cp_at(c, next, &k)))
			next += k;
		if (next >= c->len)
			return next;
		cp = cp_at(c, next, &k);
	}
	/* "Why ? ? ?": more marks belong to this run. */
	if (cp == '?' || cp == '!')
		return next;
	/* "Great. :)" — an emoticon belongs to the sentence it ends, and so
	 * does a reference mark: "in 1805. [6] He". */
	for (;;) {
		if ((k = emoticon_len(c, next)) > 0)
			emo = 1;
		else if ((k = reference_len(c, next)) == 0)
			break;
		after = next + k;
		next = after;
		while (next < c->len && is_space(cp_at(c, next, &k)))
			next += k;
		if (next >= c->len)
			return next;
	}
	if (emo)
		strong = 1;
	if (decide(c, m0, next, strong, ellipsis, quoted))
		seg_add_cut(c, next);
	return next;
}

/* An emoticon standing for the final mark: "Love it :) See you". */
static size_t
emoticon_candidate(struct cutter *c, size_t i)
{
	size_t n = emoticon_len(c, i), next, k;

	if (n == 0)
		return i + 1;
	if (i > 0 && !is_space(c->s[i - 1]))
		return i + n;
	next = i + n;
	while (next < c->len && is_space(cp_at(c, next, &k)))
		next += k;
	/* Alone, it ends a sentence only before a capital. */
	if (next < c->len && pith_sb(cp_at(c, next, &k)) == PITH_SB_UPPER &&
	    decide(c, i, next, 1, 0, 0))
		seg_add_cut(c, next);
	return next;
}

/* Characters the main loop stops at (ASCII); others are skipped fast. */
enum {
	STOP_MARK = 1, STOP_EMO, STOP_ADDR, STOP_M, STOP_COMMA, STOP_NL,
	STOP_SLASH
};

static unsigned char stop[128];

static void
stop_init(void)
{
	stop['.'] = stop['!'] = stop['?'] = STOP_MARK;
	stop[';'] = stop['='] = stop['X'] = stop['x'] = STOP_EMO;
	stop['<'] = stop['^'] = STOP_EMO;
	stop[':'] = stop['@'] = stop['w'] = STOP_ADDR;
	stop['M'] = STOP_M;
	stop[','] = STOP_COMMA;
	stop['\n'] = STOP_NL;
	stop['/'] = STOP_SLASH;
}

size_t
pith_sentence_cuts(const char *text, size_t len, enum pith_lang lang,
    size_t *cuts, size_t max)
{
	struct cutter c;
	struct cutlist extra = {NULL, 0, 0};
	size_t i = 0, k, a, b, n, *merged;
	unsigned char ch;
	uint32_t cp;
	int lines = 0;

	memset(&c, 0, sizeof c);
	c.s = (const unsigned char *)text;
	c.len = len;
	c.lang = (int)lang < 0 ? PITH_LANG_EN : lang;
	c.cuts = cuts;
	c.max = max;
	while (c.first < len && is_space(cp_at(&c, c.first, &k)))
		c.first += k;
	c.sent_start = c.first;
	c.marker = seg_list_marker(&c, c.first, &k, &c.marker_style);
	if (c.marker > 0)
		c.markers = 1;
	lines = 0;
	i = c.first;
	if (stop['.'] == 0)
		stop_init();
	while (i < len) {
		ch = c.s[i];
		if (ch >= 0x80) {
			cp = cp_at(&c, i, &k);
			if (is_terminal(cp))
				i = candidate(&c, i);
			else {
				if (seg_is_bullet(cp))
					seg_inline_bullet(&c, i, k);
				i += k;
			}
			continue;
		}
		switch (stop[ch]) {
		case 0:
			i++;
			break;
		case STOP_MARK:
			i = candidate(&c, i);
			break;
		case STOP_ADDR:
			if (ch == '@' || (ch == ':' && i + 2 < len &&
			    c.s[i + 1] == '/' && c.s[i + 2] == '/') ||
			    (ch == 'w' && (i == 0 || is_space(c.s[i - 1])) &&
			    seg_is_url_start(&c, i))) {
				i = seg_address_token(&c, i);
				break;
			}
			/* FALLTHROUGH */
		case STOP_EMO:
			if (ch == ':')
				seg_header_field(&c, i);
			if (ch != 'w' && ch != '@' &&
			    (i == 0 || is_space(c.s[i - 1])))
				i = emoticon_candidate(&c, i);
			else
				i++;
			break;
		case STOP_M:
			i = seg_time_stamp(&c, i);
			break;
		case STOP_COMMA:
			i = seg_closing(&c, i);
			break;
		case STOP_SLASH:
			i = seg_date_stamp(&c, i);
			break;
		case STOP_NL:
			if (i + 1 < len)
				lines = 1;
			i++;
			break;
		}
	}
	if (lines)
		seg_line_pass(&c, &extra);
	if (c.markers)
		seg_list_pass(&c, &extra);
	if (extra.n == 0)
		return c.ncut;
	/* Merge the structure cuts into the sorted mark cuts. */
	qsort_sizes(extra.v, extra.n);
	merged = xmalloc((c.ncut + extra.n) * sizeof *merged);
	a = b = n = 0;
	while (a < c.ncut || b < extra.n) {
		size_t v;

		if (b >= extra.n || (a < c.ncut && cuts[a] <= extra.v[b]))
			v = cuts[a++];
		else
			v = extra.v[b++];
		if (n == 0 || merged[n - 1] < v)
			merged[n++] = v;
	}
	if (n > max)
		n = max;
	memcpy(cuts, merged, n * sizeof *cuts);
	free(merged);
	free(extra.v);
	return n;
}
