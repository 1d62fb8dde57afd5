/* Site templates: recurrence across documents of a host, the quoted line
 * that must stay, the state file (round trip, version, leftover
 * temporary file, damage, size bound, ageing). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "tap.h"
#include "template.h"
#include "textmode.h"

static const char nav[] = "Home | World | Business | Sport | Weather";
static const char footer[] = "Copyright 2026 Harbour Times. Contact the "
    "newsroom at the harbour office.";
static const char quote[] = "\"We will rebuild the pier before the summer "
    "season, whatever it costs us,\" the mayor said at the time.";

/* Document i of the test host: template, unique story, and the quoted
 * line on documents 0, 1 and 2 only. */
static const char *const places[] = {
	"Anchor Lane", "Bell Street", "Cliff Road", "Dock Square",
	"Eel Bridge", "Ferry Walk", "Gull Point", "Hook Terrace",
	"Inlet Way", "Jetty Row", "Kelp Yard", "Lantern Hill"
};

static void
doc_text(struct pbuf *b, int i)
{
	pbuf_reset(b);
	pbuf_printf(b, "%s\n\nStory number %d\n\n", nav, i);
	pbuf_printf(b, "The harbour board met for the %d%s time this year to "
	    "discuss the state of the old pier, which has been closed to "
	    "visitors since a storm damaged %s of its wooden supports and "
	    "left the walkway near %s unsafe for anyone to use.\n\n", i + 1,
	    i == 0 ? "st" : "th", i % 2 ? "several" : "a dozen",
	    places[i % 12]);
	if (i < 3)
		pbuf_printf(b, "%s\n\n", quote);
	pbuf_printf(b, "Engineers from the county told the board in meeting "
	    "%d that repairs near %s would take at least %d months and that "
	    "the cost would depend on how many of the supports had rotted "
	    "below the waterline.\n\n%s\n", i, places[(i + 5) % 12], 3 + i,
	    footer);
}

static void
test_recurrence(void)
{
	struct pith_templates *t = pith_templates_open(NULL);
	struct pith_textmode_opts o = {0, 0, NULL, t, "harbour.example", NULL};
	struct pbuf doc = PBUF_INIT, out = PBUF_INIT;
	const char *blocks[3];
	int i;

	tap_ok(t != NULL, "in-memory store opens");
	for (i = 0; i < 10; i++) {
		doc_text(&doc, i);
		pith_textmode_learn(t, "harbour.example", doc.p, doc.len);
	}
	tap_is_int(pith_templates_ndocs(t, "harbour.example"), 10,
	    "10 documents recorded");
	tap_is_int(pith_templates_is_boilerplate(t, "harbour.example", nav,
	    strlen(nav)), 2, "menu on every page is the template");
	tap_is_int(pith_templates_is_boilerplate(t, "harbour.example",
	    footer, strlen(footer)), 2, "footer on every page is the template");
	tap_is_int(pith_templates_is_boilerplate(t, "other.example", nav,
	    strlen(nav)), 0, "another host has its own template");
	tap_is_int(pith_templates_is_boilerplate(t, "harbour.example",
	    "Story number 4", 14), 2,
	    "numbers are folded: 'Story number N' recurs");
	tap_is_int(pith_templates_is_boilerplate(t, "harbour.example", quote,
	    strlen(quote)), 1, "quoted line on 3 of 10 pages: weak evidence");

	doc_text(&doc, 1);
	pith_textmode_extract(doc.p, doc.len, &o, &out, NULL);
	pbuf_putc(&out, '\0');
	tap_ok(strstr(out.p, "We will rebuild the pier") != NULL,
	    "the quoted line stays: the page's own prose wins");
	tap_ok(strstr(out.p, "Copyright 2026 Harbour") == NULL,
	    "the footer goes");
	tap_ok(strstr(out.p, "Engineers from the county") != NULL &&
	    strstr(out.p, "The harbour board met") != NULL,
	    "the story stays");
	if (strstr(out.p, "Engineers from the county") == NULL) {
		o.explain = 1;
		pbuf_reset(&out);
		pith_textmode_extract(doc.p, doc.len, &o, &out, &out);
		pbuf_putc(&out, '\0');
		printf("# %s", out.p);
		o.explain = 0;
	}

	/* The same page again is not new evidence. */
	for (i = 0; i < 5; i++) {
		doc_text(&doc, 1);
		pith_textmode_learn(t, "harbour.example", doc.p, doc.len);
	}
	tap_is_int(pith_templates_ndocs(t, "harbour.example"), 10,
	    "a page seen again is not counted twice");

	/* Two documents are not enough evidence. */
	blocks[0] = "Only twice";
	blocks[1] = "First unique block";
	pith_templates_add_doc(t, "small.example", blocks, 2);
	blocks[1] = "Second unique block";
	pith_templates_add_doc(t, "small.example", blocks, 2);
	tap_is_int(pith_templates_is_boilerplate(t, "small.example",
	    "Only twice", 10), 0, "a block on two documents is not template");
	blocks[1] = "Third unique block";
	pith_templates_add_doc(t, "small.example", blocks, 2);
	tap_is_int(pith_templates_is_boilerplate(t, "small.example",
	    "ONLY, twice!", 12), 1,
	    "on three documents it is (case and punctuation folded)");
	pith_templates_close(t);
	pbuf_free(&doc);
	pbuf_free(&out);
}

static char dir[256];

static void
path_in(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", dir, name);
}

static char *
read_file(const char *path)
{
	struct pbuf b = PBUF_INIT;
	char tmp[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return xstrdup("");
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		pbuf_append(&b, tmp, n);
	fclose(f);
	pbuf_putc(&b, '\0');
	return b.p;
}

static void
write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	if (f != NULL) {
		fputs(s, f);
		fclose(f);
	}
}

static void
learn_docs(struct pith_templates *t, int n)
{
	struct pbuf doc = PBUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		doc_text(&doc, i);
		pith_textmode_learn(t, "harbour.example", doc.p, doc.len);
	}
	pbuf_free(&doc);
}

static void
test_state(void)
{
	char state[512], tmp[600], *text, *p;
	struct pith_templates *t;
	size_t nblocks;

	path_in(state, sizeof state, "state");
	t = pith_templates_open(state);
	tap_ok(t != NULL && pith_templates_nblocks(t) == 0,
	    "a missing state file is an empty state");
	learn_docs(t, 8);
	nblocks = pith_templates_nblocks(t);
	tap_is_int(pith_templates_save(t), 0, "state saved");
	pith_templates_close(t);

	text = read_file(state);
	tap_ok(strncmp(text, "pith-templates 1\n", 17) == 0,
	    "state file starts with its format and version");
	tap_ok(strstr(text, "\nend ") != NULL, "state file has an end record");
	tap_ok(strstr(text, "harbour") == NULL && strstr(text, "Home") == NULL,
	    "state file holds hashes, not text");

	/* A run killed between writing its temporary file and renaming it
	 * leaves a stray temporary file: it is never read. */
	snprintf(tmp, sizeof tmp, "%s.tmp.Xq1Zr9", state);
	write_file(tmp, "pith-templates 1\nB 00000000000000");
	t = pith_templates_open(state);
	tap_ok(t != NULL, "reopened with a leftover temporary file beside it");
	tap_is_int(pith_templates_nblocks(t), nblocks,
	    "round trip keeps every block");
	tap_is_int(pith_templates_ndocs(t, "harbour.example"), 8,
	    "round trip keeps the host's document count");
	tap_is_int(pith_templates_is_boilerplate(t, "harbour.example", nav,
	    strlen(nav)), 2, "round trip keeps the evidence");
	tap_is_int(pith_templates_save(t), 0, "saved again");
	pith_templates_close(t);
	unlink(tmp);

	/* Damaged or foreign files are refused, not half read. */
	p = strstr(text, "\nend ");
	p[1] = '\0';
	path_in(tmp, sizeof tmp, "truncated");
	write_file(tmp, text);
	errno = 0;
	t = pith_templates_open(tmp);
	tap_ok(t == NULL && errno == EINVAL, "a truncated state is refused");
	pith_templates_close(t);
	path_in(tmp, sizeof tmp, "future");
	write_file(tmp, "pith-templates 2\ngen 1\nend 0\n");
	t = pith_templates_open(tmp);
	tap_ok(t == NULL && errno == EINVAL, "an unknown major version is "
	    "refused");
	pith_templates_close(t);
	path_in(tmp, sizeof tmp, "minor");
	write_file(tmp, "pith-templates 1\ngen 4\nZ something new\n"
	    "B 0123456789abcdef 7 4\nend 2\n");
	t = pith_templates_open(tmp);
	tap_ok(t != NULL && pith_templates_nblocks(t) == 1,
	    "unknown record types of a later minor version are skipped");
	pith_templates_close(t);
	path_in(tmp, sizeof tmp, "other");
	write_file(tmp, "hello world\n");
	t = pith_templates_open(tmp);
	tap_ok(t == NULL && errno == EINVAL, "a file of another kind is "
	    "refused");
	pith_templates_close(t);
	free(text);

	t = pith_templates_open(NULL);
	pith_templates_close(t);
	path_in(tmp, sizeof tmp, "no/such/dir/state");
	t = pith_templates_open(tmp);
	learn_docs(t, 1);
	tap_ok(pith_templates_save(t) == -1, "save into a missing directory "
	    "fails");
	pith_templates_close(t);
}

static void
test_bounds(void)
{
	char state[512];
	struct pith_templates *t;
	const char *blocks[12];
	char bufs[12][64];
	int d, i;

	path_in(state, sizeof state, "bounded");
	t = pith_templates_open(state);
	pith_templates_set_limits(t, 100, 60);
	for (d = 0; d < 50; d++) {
		blocks[0] = "Site menu";
		for (i = 1; i < 12; i++) {
			snprintf(bufs[i], sizeof bufs[i], "block %c%c of doc %c%c",
			    'a' + i, 'a' + d % 26, 'a' + d / 26, 'x');
			blocks[i] = bufs[i];
		}
		pith_templates_add_doc(t, "big.example", blocks, 12);
	}
	tap_ok(pith_templates_nblocks(t) > 100, "more blocks than the bound "
	    "before saving (%zu)", pith_templates_nblocks(t));
	tap_is_int(pith_templates_save(t), 0, "bounded save");
	tap_ok(pith_templates_nblocks(t) <= 100, "at most 100 blocks kept "
	    "(%zu)", pith_templates_nblocks(t));
	tap_is_int(pith_templates_is_boilerplate(t, "big.example", "Site menu",
	    9), 2, "the frequent block survives the bound");
	pith_templates_close(t);

	/* Entries not seen for max_age saves age out. */
	for (i = 0; i < 4; i++) {
		t = pith_templates_open(state);
		pith_templates_set_limits(t, 100, 2);
		pith_templates_save(t);
		pith_templates_close(t);
	}
	t = pith_templates_open(state);
	tap_is_int(pith_templates_nblocks(t), 0, "old entries age out");
	pith_templates_close(t);
}

/* Without a save in between (one long stream), the tables stay within
 * the bound and a quarter: the blocks seen on fewest documents go, the
 * host's template stays. */
static void
test_stream_bound(void)
{
	struct pith_templates *t = pith_templates_open(NULL);
	const char *blocks[21];
	char bufs[21][64], host[32];
	size_t most = 0;
	int d, i;

	pith_templates_set_limits(t, 1000, 60);
	for (d = 0; d < 2000; d++) {
		blocks[0] = "Site menu";
		/* Numbers are folded in block keys: letters it is. */
		for (i = 1; i < 21; i++) {
			snprintf(bufs[i], sizeof bufs[i], "block %c of doc "
			    "%c%c%c", 'a' + i, 'a' + d % 26, 'a' + d / 26 % 26,
			    'a' + d / 676);
			blocks[i] = bufs[i];
		}
		/* Every tenth document on a host of its own. */
		snprintf(host, sizeof host, "%s%d.example",
		    d % 10 ? "big" : "other", d % 10 ? 0 : d);
		pith_templates_add_doc(t, host, blocks, 21);
		if (pith_templates_nblocks(t) > most)
			most = pith_templates_nblocks(t);
	}
	tap_ok(most <= 1250, "a stream of 40,000 blocks: at most 1250 kept at "
	    "any time (%zu)", most);
	tap_is_int(pith_templates_is_boilerplate(t, "big0.example",
	    "Site menu", 9), 2, "the host's template survives the pruning");
	tap_ok(pith_templates_ndocs(t, "big0.example") == 1800, "its "
	    "document count too (%lu)", pith_templates_ndocs(t,
	    "big0.example"));
	pith_templates_close(t);
}

static void
test_host_of(void)
{
	char buf[64];

	tap_is(pith_templates_host_of("https://WWW.Example.com:8080/a?b", buf,
	    sizeof buf), "example.com", "host of a URL");
	tap_is(pith_templates_host_of("http://user:pw@news.example.org", buf,
	    sizeof buf), "news.example.org", "credentials skipped");
	tap_ok(pith_templates_host_of("https:///path", buf, sizeof buf) ==
	    NULL, "no host");
}

int
main(void)
{
	const char *base = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/pith-template.XXXXXX",
	    base != NULL && *base != '\0' ? base : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_recurrence();
	test_state();
	test_bounds();
	test_stream_bound();
	test_host_of();
	{
		struct pbuf cmd = PBUF_INIT;

		pbuf_printf(&cmd, "rm -rf '%s'", dir);
		if (system(cmd.p) != 0)
			printf("# could not remove %s\n", dir);
		pbuf_free(&cmd);
	}
	return tap_done();
}
