/* Text mode: classify the paragraphs of a flattened text document as
 * content or boilerplate.
 *
 * Each paragraph first gets a context-free class from its own signals, in
 * the manner of jusText: calls to action, URLs and copyright marks make it
 * bad; otherwise its length and its share of function words make it good
 * (long prose), near-good (shorter prose) or short. Then the classes are
 * smoothed over neighbours: a short paragraph between good ones (a
 * heading, a one-line paragraph of the story) becomes good, one between
 * bad ones bad. A paragraph that holds both a call to action and story
 * sentences is cut at a sentence boundary: the appeal is a run at its
 * head or tail, the rest is kept. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "template.h"
#include "textmode.h"
#include "textmode_impl.h"
#include "textmode_para.h"

/* Words that address the reader or speak for the publisher. Second
 * person weighs 2, first person plural 1. */
static const char *const address_words[] = {
	"you", "your", "yours", "vous", "votre", "vos", "usted", "ustedes",
	"tu", "tus", "dein", "deine", "ihr", "euch", "voi", "vostro", "você",
	"vocês", "jij", "jouw", "uw", "вы", "ваш", "ваша", "wasz",
	NULL,
	"we", "our", "us", "ours", "nous", "notre", "nos", "nosotros",
	"nuestro", "nuestra", "wir", "unser", "unsere", "uns", "noi",
	"nostro", "nós", "nosso", "wij", "ons", "onze", "мы", "наш", "nasz",
	NULL
};

#define ADDR_SLOTS 256
static uint64_t addr_hash[ADDR_SLOTS];
static unsigned char addr_weight[ADDR_SLOTS];
static pthread_once_t addr_once = PTHREAD_ONCE_INIT;

static void
addr_init(void)
{
	size_t i, s;
	int w = 2;

	for (i = 0; w > 0; i++) {
		uint64_t h;

		if (address_words[i] == NULL) {
			w--;
			continue;
		}
		h = tm_word_hash(address_words[i], strlen(address_words[i]));
		s = (size_t)(h ^ (h >> 23)) & (ADDR_SLOTS - 1);
		while (addr_weight[s] != 0 && addr_hash[s] != h)
			s = (s + 1) & (ADDR_SLOTS - 1);
		addr_hash[s] = h;
		addr_weight[s] = (unsigned char)w;
	}
}

static int
address_weight(uint64_t h)
{
	size_t s = (size_t)(h ^ (h >> 23)) & (ADDR_SLOTS - 1);

	while (addr_weight[s] != 0) {
		if (addr_hash[s] == h)
			return addr_weight[s];
		s = (s + 1) & (ADDR_SLOTS - 1);
	}
	return 0;
}

static inline int
is_terminal(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '.' || c == '!' || c == '?')
		return 1;
	if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0xa6)		/* ellipsis */
		return 1;
	if (c == 0xe3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x82)		/* ideographic stop */
		return 1;
	return 0;
}

/* Bytes that count_marks looks at: 1 terminal punctuation, 2 separator,
 * 3 lead byte of a multi-byte mark. */
static const unsigned char mark_class[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['|'] = 2, ['>'] = 2, ['<'] = 2,
	[0xc2] = 3, [0xe2] = 3, [0xe3] = 3,
};

/* Sentence ends (terminal punctuation followed by a blank or the end) and
 * separators (| > < » · • ›) in one pass; *endp tells whether the text
 * ends in punctuation, closing quotes and brackets aside. */
static void
count_marks(const char *s, size_t n, int *sentences, int *symbols, int *endp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, last = n;
	int sent = 0, sym = 0;

	for (i = 0; i < n; i++) {
		unsigned char k = mark_class[u[i]];

		if (k == 0)
			continue;
		if (k == 1) {
			if (i + 1 == n || s[i + 1] == ' ')
				sent++;
		} else if (k == 2)
			sym++;
		else if (u[i] == 0xc2 && i + 1 < n &&
		    (u[i + 1] == 0xbb || u[i + 1] == 0xb7))	/* » · */
			sym++;
		else if (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0xa2 || u[i + 2] == 0xba))	/* • › */
			sym++;
		else if (is_terminal(s, i, n))		/* … 。 */
			sent++;
	}
	while (last > 0) {
		unsigned char c = u[last - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*')
			last--;
		else if (last >= 3 && u[last - 3] == 0xe2 &&
		    u[last - 2] == 0x80 && (c == 0x9d || c == 0x99))	/* ” ’ */
			last -= 3;
		else if (last >= 2 && u[last - 2] == 0xc2 && c == 0xbb)	/* » */
			last -= 2;
		else
			break;
	}
	*endp = 0;
	if (last > 0) {
		size_t j = last - 1;

		while (j > 0 && (u[j] & 0xc0) == 0x80)
			j--;
		*endp = is_terminal(s, j, last) || s[last - 1] == ':';
	}
	*sentences = sent;
	*symbols = sym;
}

/* The words of paragraph `p` into d->toks, replacing the last
 * paragraph's: a document holds the words of one paragraph at a time, so
 * its memory does not grow with the number of words. Offsets are from
 * the start of the paragraph. */
static void
para_words(struct tm_doc *d, const struct tm_para *p)
{
	d->toks.n = 0;
	tm_tokenize(d->text.p + p->off, p->len, &d->toks);
}

/* The signals of paragraph `p`, from its words in d->toks. Function
 * words are counted for every language: the document's language is known
 * only once all paragraphs are read. */
static void
features(struct tm_doc *d, struct tm_para *p)
{
	const char *s = d->text.p + p->off;
	const struct tm_tok *t = d->toks.v;
	struct tm_cta r;
	size_t i;
	unsigned m;
	int l;

	p->ntoks = d->toks.n;
	for (i = 0; i < p->ntoks; i++) {
		if (!(t[i].flags & TM_ALPHA)) {
			p->digits++;
			continue;
		}
		p->words++;
		for (l = 0, m = t[i].stop; m != 0; l++, m >>= 1)
			if (m & 1)
				p->stops_lang[l]++;
		if (t[i].flags & TM_CAP)
			p->caps++;
		if (!(t[i].flags & TM_UPPER))
			p->address += address_weight(t[i].h);
	}
	count_marks(s, p->len, &p->sentences, &p->symbols, &p->endp);
	p->urls = tm_count_urls(s, p->len);
	p->copyright = tm_has_copyright_sign(s, p->len);
	tm_cta_match(&d->toks, 0, p->ntoks, &r);
	p->cta_hits = r.hits;
	p->cta_strong = r.strong;
	p->cta_weight = r.best != PITH_TEXT_NONE ? r.weight[r.best] : 0;
	p->cta_cat = tm_cta_decide(&r, p->ntoks, p->urls, p->copyright);
}

static void main_region(struct tm_doc *);
static void cut_comments(struct tm_doc *);

struct thresholds {
	double stop_hi, stop_lo;
	int len_lo, len_hi;	/* words */
};

static void
thresholds(const struct pith_textmode_opts *o, int lang, int relax,
    struct thresholds *th)
{
	int bias = o != NULL ? o->precision_bias : 0;

	/* Function words are rarer in languages without articles (ru,
	 * pl) and in German compounds. */
	switch (lang) {
	case 1:	/* de */
		th->stop_hi = 0.26, th->stop_lo = 0.18;
		break;
	case 7:	/* ru */
	case 8:	/* pl */
		th->stop_hi = 0.20, th->stop_lo = 0.13;
		break;
	default:
		th->stop_hi = 0.30, th->stop_lo = 0.22;
		break;
	}
	th->len_lo = 10;
	th->len_hi = 30;
	if (bias > 0) {
		th->stop_hi += 0.03, th->stop_lo += 0.03;
		th->len_hi += 10;
	} else if (bias < 0) {
		th->stop_hi -= 0.04, th->stop_lo -= 0.04;
		th->len_lo -= 3, th->len_hi -= 10;
	}
	if (relax >= 1) {
		th->len_hi = th->len_hi / 2;
		th->stop_hi -= 0.04;
	}
	if (relax >= 2) {
		th->len_lo = 5;
		th->len_hi = 8;
		th->stop_hi -= 0.04, th->stop_lo -= 0.06;
	}
}

static void
classify(struct tm_doc *d, struct tm_para *p, const struct thresholds *th)
{
	double sw;

	if (p->cat != PITH_TEXT_NONE) {
		p->cls = TM_BAD;
		return;
	}
	if (p->words == 0) {
		p->cls = TM_BAD;
		p->cat = PITH_TEXT_SHORT;
		return;
	}
	/* Table rows and link bars of a text rendering. */
	if ((p->gaps >= 2 || (p->symbols >= 2 && p->symbols * 4 >= p->words)) &&
	    !(p->words >= th->len_hi && p->sentences >= 2)) {
		p->cls = TM_BAD;
		p->cat = PITH_TEXT_NAV;
		return;
	}
	if (p->words < th->len_lo) {
		p->cls = TM_SHORT;
		return;
	}
	if (d->lang < 0) {
		/* No function-word list: sentence shape alone. */
		if (p->endp && p->sentences >= 1 && p->words >= th->len_hi)
			p->cls = TM_GOOD;
		else
			p->cls = TM_NEARGOOD;
		return;
	}
	sw = (double)p->stops / p->words;
	if (sw >= th->stop_hi)
		p->cls = p->words >= th->len_hi ? TM_GOOD : TM_NEARGOOD;
	else if (sw >= th->stop_lo)
		p->cls = TM_NEARGOOD;
	else {
		p->cls = TM_BAD;
		p->cat = PITH_TEXT_NOPROSE;
	}
}

/* The class of the nearest neighbour that is neither short nor (with
 * skip_neargood) near-good; the document edges count as bad. */
static int
neighbour(const struct tm_doc *d, size_t i, int dir, int skip_neargood)
{
	size_t j = i;

	for (;;) {
		if (dir < 0) {
			if (j == 0)
				return TM_BAD;
			j--;
		} else {
			if (j + 1 >= d->n)
				return TM_BAD;
			j++;
		}
		if (d->v[j].cls == TM_SHORT)
			continue;
		if (skip_neargood && d->v[j].cls == TM_NEARGOOD)
			continue;
		return d->v[j].cls;
	}
}

/* A short line just before prose that reads like a heading. */
static int
heading_like(const struct tm_doc *d, size_t i)
{
	const struct tm_para *p = &d->v[i];
	size_t j;

	if (p->cls != TM_SHORT || p->words < 2 || p->words > 20 || p->endp ||
	    p->cat != PITH_TEXT_NONE || p->urls > 0)
		return 0;
	for (j = i + 1; j < d->n && j <= i + 2; j++) {
		if (d->v[j].cls == TM_GOOD)
			return 1;
		if (d->v[j].cls != TM_SHORT)
			return 0;
	}
	return 0;
}

static void
smooth(struct tm_doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (heading_like(d, i))
			d->v[i].cls = TM_NEARGOOD;
	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];
		int prev, next;

		p->final = p->cls;
		if (p->cls == TM_SHORT) {
			prev = neighbour(d, i, -1, 1);
			next = neighbour(d, i, 1, 1);
			if (prev == TM_GOOD && next == TM_GOOD)
				p->final = TM_GOOD;
			else if (prev == TM_BAD && next == TM_BAD)
				p->final = TM_BAD;
			else if ((prev == TM_BAD &&
			    neighbour(d, i, -1, 0) == TM_NEARGOOD) ||
			    (next == TM_BAD &&
			    neighbour(d, i, 1, 0) == TM_NEARGOOD))
				p->final = TM_GOOD;
			else
				p->final = TM_BAD;
		} else if (p->cls == TM_NEARGOOD) {
			prev = neighbour(d, i, -1, 1);
			next = neighbour(d, i, 1, 1);
			p->final = prev == TM_BAD && next == TM_BAD ?
			    TM_BAD : TM_GOOD;
		}
		if (p->final == TM_BAD && p->cat == PITH_TEXT_NONE)
			p->cat = p->cls == TM_SHORT ? PITH_TEXT_SHORT :
			    PITH_TEXT_CONTEXT;
	}
}

/* --- sentence-level cut of paragraphs that mix an appeal with story --- */

struct sent {
	size_t b0, b1;		/* bytes in the document text */
	int v;			/* +1 appeal, -1 story, 0 neither */
	int words;
};

#define MAX_SENTS 64

/* Token index of the first token at or after byte `b` of the document
 * text (the paragraph's words are in d->toks). */
static size_t
tok_at(const struct tm_doc *d, const struct tm_para *p, size_t b)
{
	size_t lo = 0, hi = d->toks.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->off + d->toks.v[mid].off < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
add_cut(size_t *cuts, size_t *n, size_t b)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (cuts[i] == b)
			return;
	if (*n < MAX_SENTS - 1)
		cuts[(*n)++] = b;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static size_t
sentences(const struct tm_doc *d, const struct tm_para *p, struct sent *sv)
{
	const char *s = d->text.p;
	size_t cuts[MAX_SENTS], ncuts = 0, i, k, n = 0;
	struct tm_cta r;

	for (i = p->off; i < p->off + p->len; i++)
		if (is_terminal(s, i, p->off + p->len) && i + 1 <
		    p->off + p->len && s[i + 1] == ' ')
			add_cut(cuts, &ncuts, i + 2);
	/* Calls to action flattened without punctuation ("... the story
	 * Read more Support Now From ..."): a capitalised word right after
	 * a phrase, or a capitalised phrase in the middle of a sentence,
	 * starts a new sentence. */
	tm_cta_match(&d->toks, 0, d->toks.n, &r);
	for (k = 0; k < (size_t)r.nspans; k++) {
		size_t a = r.span_from[k], z = r.span_to[k];

		if (z < d->toks.n && (d->toks.v[z].flags & TM_CAP))
			add_cut(cuts, &ncuts, p->off + d->toks.v[z].off);
		if (a > 0 && (d->toks.v[a].flags & TM_CAP))
			add_cut(cuts, &ncuts, p->off + d->toks.v[a].off);
	}
	qsort(cuts, ncuts, sizeof cuts[0], cmp_size);
	for (k = 0; k <= ncuts && n < MAX_SENTS; k++) {
		size_t b0 = k == 0 ? p->off : cuts[k - 1];
		size_t b1 = k == ncuts ? p->off + p->len : cuts[k];
		size_t t0 = tok_at(d, p, b0), t1 = tok_at(d, p, b1), j;
		int addr = 0;

		while (b1 > b0 && s[b1 - 1] == ' ')
			b1--;
		if (b1 <= b0)
			continue;
		tm_cta_match(&d->toks, t0, t1, &r);
		for (j = t0; j < t1; j++)
			if (!(d->toks.v[j].flags & TM_UPPER))
				addr += address_weight(d->toks.v[j].h);
		sv[n].b0 = b0;
		sv[n].b1 = b1;
		sv[n].words = (int)(t1 - t0);
		if (r.nspans > 0 || addr >= 2)
			sv[n].v = 1;
		else if (t1 - t0 >= 6)
			sv[n].v = -1;
		else
			sv[n].v = 0;
		n++;
	}
	return n;
}

/* Finds the story part of a paragraph whose head and/or tail is an
 * appeal; returns 1 and sets the part when there is one to keep. */
static int
cut_appeal(const struct tm_doc *d, struct tm_para *p)
{
	struct sent sv[MAX_SENTS];
	size_t n = sentences(d, p, sv), i, k = 0, m, best_k = 0, best_m;
	long sum, best, total = 0;
	int story = 0, words = 0;

	if (n < 2)
		return 0;
	for (i = 0; i < n; i++)
		total += sv[i].v;
	/* Appeal prefix [0, k): maximise sum(prefix) - sum(rest). */
	best = -total;
	for (sum = 0, k = 0; k < n; k++) {
		sum += sv[k].v;
		if (2 * sum - total > best) {
			best = 2 * sum - total;
			best_k = k + 1;
		}
	}
	/* Appeal suffix [m, n) of what is left. */
	best_m = n;
	best = 0;
	for (sum = 0, m = n; m > best_k; m--) {
		sum += sv[m - 1].v;
		if (sum > best) {
			best = sum;
			best_m = m - 1;
		}
	}
	if (best_k == 0 && best_m == n)
		return 0;
	for (i = best_k; i < best_m; i++) {
		story += sv[i].v < 0;
		words += sv[i].words;
		if (sv[i].v > 0)
			story--;
	}
	if (story <= 0 || words < 8)
		return 0;
	p->part_off = (uint32_t)(sv[best_k].b0 - p->off);
	p->part_len = (uint32_t)(sv[best_m - 1].b1 - sv[best_k].b0);
	return 1;
}

static void
apply_templates(struct tm_doc *d, const struct pith_textmode_opts *o)
{
	size_t i;

	if (o == NULL || o->templates == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];
		int strong;

		p->tmpl = pith_templates_is_boilerplate(o->templates,
		    o->host ? o->host : "", d->text.p + p->off, p->len);
		if (p->tmpl == 0 || p->cls == TM_BAD)
			continue;
		/* A page's own prose outweighs weak recurrence (a line
		 * quoted on a few pages): that only removes short lines.
		 * The near-universal template removes prose too, unless it
		 * is long and without any call to action. */
		strong = p->cls == TM_GOOD && p->cta_hits == 0 && p->words >= 40;
		if ((p->tmpl >= 2 && !strong) ||
		    (p->tmpl == 1 && p->cls == TM_SHORT)) {
			p->cls = TM_BAD;
			p->cat = PITH_TEXT_TEMPLATE;
		}
	}
}

static void
explain_line(struct pbuf *e, const struct tm_doc *d, const struct tm_para *p)
{
	static const char *const cls[] = {"bad", "short", "neargood", "good"};
	const char *s = d->text.p + p->off;
	size_t clip = p->len;

	pbuf_printf(e, "%s\t%s\t", p->keep == 2 ? "part" : p->keep ? "keep" :
	    "drop", p->keep ? "content" : pith_text_category_name(p->cat));
	pbuf_printf(e, "class=%s final=%s words=%d stop=%.2f sent=%d end=%d "
	    "caps=%.2f urls=%d addr=%d cta=%d/%d tmpl=%d",
	    cls[p->cls], cls[p->final], p->words,
	    p->words ? (double)p->stops / p->words : 0.0, p->sentences,
	    p->endp, p->words ? (double)p->caps / p->words : 0.0, p->urls,
	    p->address, p->cta_hits, p->cta_weight, p->tmpl);
	if (p->keep == 2)
		pbuf_printf(e, " part=%lu+%lu", (unsigned long)p->part_off,
		    (unsigned long)p->part_len);
	if (clip > 80) {
		clip = 80;
		while (clip > 0 && ((unsigned char)s[clip] & 0xc0) == 0x80)
			clip--;
	}
	pbuf_putc(e, '\t');
	pbuf_append(e, s, clip);
	if (clip < p->len)
		pbuf_puts(e, "...");
	pbuf_putc(e, '\n');
}


/* Classifies every paragraph with thresholds `th` and smooths. */
static void
decide(struct tm_doc *d, const struct pith_textmode_opts *o,
    const struct thresholds *th)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];

		p->cat = p->cta_cat;
		p->keep = 0;
		p->tmpl = 0;
		classify(d, p, th);
	}
	/* Paragraphs mixing an appeal with story text: cut, and let the
	 * story part count as prose for its neighbours. */
	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];

		if (p->words < 12 || p->cta_hits == 0 || p->cta_weight < 2)
			continue;
		if (p->cls != TM_BAD && p->cta_strong == 0)
			continue;
		if (p->cat != PITH_TEXT_NONE && p->cat != PITH_TEXT_APPEAL &&
		    p->cat != PITH_TEXT_DISCLAIMER &&
		    p->cat != PITH_TEXT_NEWSLETTER &&
		    p->cat != PITH_TEXT_SHARE && p->cat != PITH_TEXT_NAV &&
		    p->cat != PITH_TEXT_RELATED && p->cat != PITH_TEXT_AD)
			continue;
		para_words(d, p);
		if (cut_appeal(d, p)) {
			p->keep = 2;
			p->cls = TM_GOOD;
		}
	}
	apply_templates(d, o);
	smooth(d);
	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];

		if (p->keep == 2 && p->final != TM_GOOD)
			p->keep = 0;
		else if (p->keep != 2)
			p->keep = p->final == TM_GOOD;
	}
	main_region(d);
	cut_comments(d);
}


/* The story is one region of the page. Kept paragraphs are grouped into
 * clusters, split where more than REGION_GAP dropped paragraphs come
 * between two kept ones; a cluster with less than REGION_SHARE percent of
 * the words of the largest (a teaser list, a stray comment, a sidebar
 * blurb) is dropped. */
#define REGION_GAP 2
#define REGION_SHARE 30

#define FILL_MAX 3

static int
fillable(const struct tm_para *p)
{
	return p->cat == PITH_TEXT_SHORT || p->cat == PITH_TEXT_NOPROSE ||
	    p->cat == PITH_TEXT_CONTEXT;
}

struct cluster {
	size_t start, end, words;
};

static void
main_region(struct tm_doc *d)
{
	struct cluster *cl = NULL;
	size_t i, j, n = 0, best = 0, gap = 0;
	int open = 0;

	cl = xmalloc((d->n + 1) * sizeof *cl);
	for (i = 0; i < d->n; i++) {
		const struct tm_para *p = &d->v[i];

		if (!p->keep) {
			if (p->words > 0)
				gap++;
			if (open && gap > REGION_GAP)
				open = 0;
			continue;
		}
		if (!open) {
			cl[n].start = i;
			cl[n].words = 0;
			n++;
			open = 1;
		}
		gap = 0;
		cl[n - 1].end = i + 1;
		cl[n - 1].words += p->words;
	}
	for (i = 0; i < n; i++)
		if (cl[i].words > best)
			best = cl[i].words;
	for (i = 0; i < n; i++) {
		if (cl[i].words * 100 >= best * REGION_SHARE) {
			/* Inside a cluster, a few lines dropped for their
			 * shape alone (a formula, lines of code, table cells)
			 * belong to the text around them. */
			for (j = cl[i].start; j < cl[i].end; j++) {
				size_t k, run = 0;

				if (d->v[j].keep)
					continue;
				for (k = j; k < cl[i].end && !d->v[k].keep &&
				    fillable(&d->v[k]); k++)
					run++;
				if (k < cl[i].end && d->v[k].keep &&
				    run <= FILL_MAX)
					for (; j < k; j++) {
						d->v[j].keep = 1;
						d->v[j].cat = PITH_TEXT_NONE;
					}
				else
					j = k;
			}
			continue;
		}
		for (j = cl[i].start; j < cl[i].end; j++)
			if (d->v[j].keep) {
				d->v[j].keep = 0;
				d->v[j].cat = PITH_TEXT_CONTEXT;
			}
	}
	free(cl);
}

/* Comments and teasers follow the story under a heading of their own
 * ("12 comments", "Leave a reply", "Related articles"): once most of the
 * kept text lies before such a heading, what follows it is not the page's
 * own text. */
static void
cut_comments(struct tm_doc *d)
{
	size_t i, total = 0, before = 0;

	for (i = 0; i < d->n; i++)
		if (d->v[i].keep)
			total += d->v[i].words;
	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];

		if ((p->cta_cat == PITH_TEXT_COMMENTS ||
		    p->cta_cat == PITH_TEXT_RELATED) && p->words <= 8 &&
		    before > 0 && before * 2 >= total)
			break;
		if (p->keep)
			before += p->words;
	}
	for (; i < d->n; i++)
		if (d->v[i].keep) {
			d->v[i].keep = 0;
			d->v[i].cat = PITH_TEXT_COMMENTS;
		}
}

static size_t
kept_words(const struct tm_doc *d)
{
	size_t i, w = 0;

	for (i = 0; i < d->n; i++)
		if (d->v[i].keep)
			w += d->v[i].words;
	return w;
}

static void
analyse(struct tm_doc *d, const char *text, size_t len,
    const struct pith_textmode_opts *o)
{
	struct thresholds th;
	size_t hits[TM_NLANGS] = {0}, words = 0, i;
	int level, l;

	pthread_once(&addr_once, addr_init);
	tm_doc_split(d, text, len);
	for (i = 0; i < d->n; i++) {
		struct tm_para *p = &d->v[i];

		para_words(d, p);
		features(d, p);
		words += (size_t)p->words;
		for (l = 0; l < TM_NLANGS; l++)
			hits[l] += (size_t)p->stops_lang[l];
	}
	d->lang = o != NULL && o->lang != NULL ? tm_lang_index(o->lang) :
	    tm_detect_lang_hits(hits, words);
	for (i = 0; i < d->n; i++)
		d->v[i].stops = d->lang >= 0 ? d->v[i].stops_lang[d->lang] : 0;
	/* A page whose prose is all short (a product page, a blog post of
	 * three sentences) keeps nothing at the usual thresholds: relax
	 * them step by step until something reads as content. */
	for (level = 0; level < 3; level++) {
		thresholds(o, d->lang, level, &th);
		decide(d, o, &th);
		if (kept_words(d) >= 30)
			break;
	}
}

size_t
pith_textmode_extract(const char *text, size_t len,
    const struct pith_textmode_opts *o, struct pbuf *out, struct pbuf *explain)
{
	struct tm_doc d;
	size_t i, kept = 0;
	int first = 1;

	memset(&d, 0, sizeof d);
	analyse(&d, text, len, o);
	if (o != NULL && o->split != NULL)
		*o->split += d.split;
	for (i = 0; i < d.n; i++) {
		const struct tm_para *p = &d.v[i];

		if (o != NULL && o->explain && explain != NULL)
			explain_line(explain, &d, p);
		if (!p->keep)
			continue;
		kept++;
		if (o != NULL && o->explain && explain != NULL)
			continue;
		if (!first)
			pbuf_putc(out, '\n');
		first = 0;
		if (p->keep == 2)
			pbuf_append(out, d.text.p + p->off + p->part_off,
			    p->part_len);
		else
			pbuf_append(out, d.text.p + p->off, p->len);
		pbuf_putc(out, '\n');
	}
	tm_doc_free(&d);
	return kept;
}

void
pith_textmode_learn(struct pith_templates *t, const char *host,
    const char *text, size_t len)
{
	struct tm_doc d;
	uint64_t *keys;
	size_t i;

	if (t == NULL)
		return;
	memset(&d, 0, sizeof d);
	tm_doc_split(&d, text, len);
	keys = xcalloc(d.n, sizeof *keys);
	for (i = 0; i < d.n; i++)
		keys[i] = pith_templates_block_key(d.text.p + d.v[i].off,
		    d.v[i].len);
	pith_templates_add_doc_keys(t, host ? host : "", keys, d.n);
	free(keys);
	tm_doc_free(&d);
}
