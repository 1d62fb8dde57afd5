/* The streaming segmenter: cuts the input into paragraphs at blank lines,
 * holds one paragraph (or a piece of at most PITH_SEG_CHUNK bytes of a
 * longer one), segments it in the chosen mode and emits the units with
 * their offsets in the document. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "segment.h"
#include "uax29.h"

struct pith_segmenter {
	struct pith_seg_opts opts;
	pith_seg_emit emit;
	void *arg;
	struct pbuf para;	/* the paragraph held so far */
	uint64_t para_off;	/* document offset of para.p[0] */
	uint64_t doc_off;	/* bytes of the document fed so far */
	size_t line_start;	/* where the current line starts in para */
	int line_blank;		/* the current line is blank so far */
	int has_text;		/* para holds something besides space */
	int para_open;		/* part of this paragraph was emitted */
	uint64_t paragraph;	/* number of the current paragraph */
	struct pith_lang_guess guess;
	enum pith_lang lang;
	size_t *cuts;
	size_t cuts_cap;
	unsigned char *brk;
	size_t brk_cap;
};

struct pith_segmenter *
pith_seg_new(const struct pith_seg_opts *opts, pith_seg_emit emit, void *arg)
{
	struct pith_segmenter *sg = xcalloc(1, sizeof *sg);

	sg->opts = *opts;
	sg->emit = emit;
	sg->arg = arg;
	sg->line_blank = 1;
	sg->lang = opts->lang == PITH_LANG_AUTO ? PITH_LANG_EN : opts->lang;
	return sg;
}

void
pith_seg_free(struct pith_segmenter *sg)
{
	if (sg == NULL)
		return;
	pbuf_free(&sg->para);
	free(sg->cuts);
	free(sg->brk);
	free(sg);
}

enum pith_lang
pith_seg_lang(const struct pith_segmenter *sg)
{
	return sg->lang;
}

static int
space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v' || c == '\0';
}

/* A word segment worth a line: not only white space and, with
 * --no-punct, holding a letter, digit or symbol-like pictograph. */
static int
word_wanted(const struct pith_segmenter *sg, const char *t, size_t n)
{
	const unsigned char *s = (const unsigned char *)t;
	size_t i = 0, k;
	uint32_t cp;
	unsigned props;
	int text = 0, word = 0;

	while (i < n) {
		if (s[i] < 0x80) {
			/* ASCII: letters and digits are words, the rest is
			 * space or punctuation. */
			if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
				return 1;
			if (s[i] >= '0' && s[i] <= '9')
				return 1;
			if (!space_byte(s[i]))
				text = 1;
			i++;
			continue;
		}
		k = pith_utf8_decode(s + i, n - i, &cp);
		props = pith_cp_props(cp);
		if (!(props & PITH_CP_SPACE) && cp != 0)
			text = 1;
		if (props & (PITH_CP_ALNUM | PITH_CP_EXTPICT))
			word = 1;
		i += k;
	}
	return text && (!sg->opts.no_punct || word);
}

/* Emits text[a, b) of the held paragraph, trimmed of white space; an
 * all-space unit is not emitted. */
static void
emit_unit(struct pith_segmenter *sg, size_t a, size_t b)
{
	struct pith_seg_unit u;
	const char *p = sg->para.p;

	while (a < b && space_byte((unsigned char)p[a]))
		a++;
	while (b > a && space_byte((unsigned char)p[b - 1]))
		b--;
	if (a == b)
		return;
	if (sg->opts.mode == PITH_SEG_WORDS && !word_wanted(sg, p + a, b - a))
		return;
	u.text = p + a;
	u.len = b - a;
	u.start = sg->para_off + a;
	u.end = sg->para_off + b;
	u.paragraph = sg->paragraph;
	sg->emit(sg->arg, &u);
}

static void
need_cuts(struct pith_segmenter *sg, size_t n)
{
	if (sg->cuts_cap < n) {
		sg->cuts_cap = n;
		sg->cuts = xrealloc(sg->cuts, n * sizeof *sg->cuts);
	}
}

/* Collects the unit starts of para[0, len) into sg->cuts (after 0);
 * returns how many. */
static size_t
find_cuts(struct pith_segmenter *sg, size_t len)
{
	size_t n = 0, i;

	if (sg->opts.mode == PITH_SEG_PARAGRAPHS)
		return 0;
	if (sg->opts.mode == PITH_SEG_SENTENCES && !sg->opts.uax29) {
		need_cuts(sg, len / 2 + 2);
		return pith_sentence_cuts(sg->para.p, len, sg->lang, sg->cuts,
		    sg->cuts_cap);
	}
	if (sg->brk_cap < len + 1) {
		sg->brk_cap = len + 1;
		sg->brk = xrealloc(sg->brk, sg->brk_cap);
	}
	if (sg->opts.mode == PITH_SEG_WORDS)
		pith_uax29_words(sg->para.p, len, sg->brk);
	else
		pith_uax29_sentences(sg->para.p, len, sg->brk);
	for (i = 1; i < len; i++)
		n += sg->brk[i];
	need_cuts(sg, n + 1);
	n = 0;
	for (i = 1; i < len; i++)
		if (sg->brk[i])
			sg->cuts[n++] = i;
	return n;
}

/* Segments and emits the held paragraph. When `last` is 0 the paragraph
 * goes on: the final unit is kept back (it may continue) unless it alone
 * fills the chunk. */
static void
flush_para(struct pith_segmenter *sg, int last)
{
	size_t len = sg->para.len, n, i, a, keep;

	if (!sg->has_text) {
		if (last)
			goto reset;
		return;
	}
	if (!sg->para_open) {
		sg->paragraph++;
		sg->para_open = 1;
		if (sg->opts.lang == PITH_LANG_AUTO) {
			pith_lang_guess_add(&sg->guess, sg->para.p, len);
			sg->lang = pith_lang_guess_best(&sg->guess);
		}
	}
	n = find_cuts(sg, len);
	if (last) {
		a = 0;
		for (i = 0; i < n; i++) {
			emit_unit(sg, a, sg->cuts[i]);
			a = sg->cuts[i];
		}
		emit_unit(sg, a, len);
		goto reset;
	}
	/* A piece of a long paragraph: keep the last unit back. */
	keep = n > 0 ? sg->cuts[n - 1] : 0;
	if (keep < len / 2) {
		/* The last unit is over half of it: cut at the last white
		 * space of its second half, or take it all, so every piece
		 * moves on by at least half a chunk. */
		for (keep = len; keep > len / 2; keep--)
			if (space_byte((unsigned char)sg->para.p[keep - 1]))
				break;
		if (keep <= len / 2)
			keep = len;
	}
	a = 0;
	for (i = 0; i < n && sg->cuts[i] < keep; i++) {
		emit_unit(sg, a, sg->cuts[i]);
		a = sg->cuts[i];
	}
	emit_unit(sg, a, keep);
	memmove(sg->para.p, sg->para.p + keep, len - keep);
	sg->para.len = len - keep;
	sg->para.p[sg->para.len] = '\0';
	sg->para_off += keep;
	sg->line_start = sg->line_start > keep ? sg->line_start - keep : 0;
	return;
reset:
	sg->para.len = 0;
	sg->has_text = 0;
	sg->para_open = 0;
	sg->line_start = 0;
}

void
pith_seg_feed(struct pith_segmenter *sg, const void *data, size_t len)
{
	const unsigned char *s = data;
	size_t i, seg;
	int eol;

	while (len > 0) {
		/* One piece: up to and including a line end (or NUL). */
		for (seg = 0; seg < len && s[seg] != '\n' && s[seg] != '\0';
		    seg++)
			if (sg->line_blank && !space_byte(s[seg]))
				sg->line_blank = 0;
		eol = seg < len;
		if (eol)
			seg++;
		if (sg->para.len == 0)
			sg->para_off = sg->doc_off;
		pbuf_append(&sg->para, s, seg);
		/* A NUL is kept as a line end; it never reaches the output
		 * inside a unit since it counts as white space. */
		if (!sg->line_blank)
			sg->has_text = 1;
		sg->doc_off += seg;
		s += seg;
		len -= seg;
		if (eol) {
			if (sg->line_blank) {
				/* A blank line ends the paragraph. */
				if (sg->has_text) {
					i = sg->line_start;
					sg->para.len = i;
					flush_para(sg, 1);
				} else {
					sg->para.len = 0;
					sg->line_start = 0;
				}
			} else
				sg->line_start = sg->para.len;
			sg->line_blank = 1;
		}
		if (sg->para.len > PITH_SEG_CHUNK)
			flush_para(sg, 0);
	}
}

void
pith_seg_finish(struct pith_segmenter *sg)
{
	flush_para(sg, 1);
	sg->para.len = 0;
	sg->doc_off = 0;
	sg->para_off = 0;
	sg->paragraph = 0;
	sg->line_blank = 1;
	sg->line_start = 0;
	memset(&sg->guess, 0, sizeof sg->guess);
	sg->lang = sg->opts.lang == PITH_LANG_AUTO ? PITH_LANG_EN :
	    sg->opts.lang;
}
