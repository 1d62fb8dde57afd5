/* Site templates: per-host counts of the documents each normalised block
 * appears on, kept in open-addressing tables keyed by 64-bit hashes, and
 * a versioned line-oriented state file.
 *
 * State file, version 1 (text, one record a line, fields separated by
 * one space, hashes in 16 lower-case hex digits):
 *	pith-templates 1
 *	gen G			saves so far
 *	H HOSTHASH DOCS SEEN	a host and its document count
 *	B KEY DOCS SEEN		a block of a host (KEY mixes host and block)
 *	D KEY SEEN		a document fingerprint (same page seen again)
 *	end N			N records above: a file without it is damaged
 * SEEN is the generation that last touched the entry; entries age out
 * when not seen for max_age generations. Readers skip record types they
 * do not know, so a later version can add some without a new major. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "template.h"
#include "textmode_impl.h"

#define STATE_MAGIC "pith-templates"
#define STATE_VERSION 1

struct entry {
	uint64_t key;		/* 0: empty slot */
	uint32_t ndocs;
	uint32_t seen;
};

struct table {
	struct entry *v;
	size_t cap, n;		/* cap: power of two */
};

struct pith_templates {
	char *path;
	uint32_t gen;
	struct table hosts, blocks, docs;
	size_t max_blocks;
	unsigned max_age;
	unsigned min_docs;
	double min_share;
};

static uint64_t
mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x ? x : 1;
}

static uint64_t
host_hash(const char *host)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; host != NULL && *host; host++) {
		unsigned char c = (unsigned char)*host;

		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 0x100000001b3ULL;
	}
	return mix(h);
}

static struct entry *
table_find(const struct table *t, uint64_t key)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	i = (size_t)key & (t->cap - 1);
	while (t->v[i].key != 0) {
		if (t->v[i].key == key)
			return &t->v[i];
		i = (i + 1) & (t->cap - 1);
	}
	return NULL;
}

static struct entry *table_get(struct table *t, uint64_t key);

static void
table_grow(struct table *t)
{
	struct table old = *t;
	size_t i;

	t->cap = old.cap ? old.cap * 2 : 1024;
	t->v = xcalloc(t->cap, sizeof *t->v);
	t->n = 0;
	for (i = 0; i < old.cap; i++)
		if (old.v[i].key != 0)
			*table_get(t, old.v[i].key) = old.v[i];
	free(old.v);
}

/* The entry of `key`, inserted (zeroed) when absent. */
static struct entry *
table_get(struct table *t, uint64_t key)
{
	size_t i;

	if ((t->n + 1) * 2 > t->cap)
		table_grow(t);
	i = (size_t)key & (t->cap - 1);
	while (t->v[i].key != 0) {
		if (t->v[i].key == key)
			return &t->v[i];
		i = (i + 1) & (t->cap - 1);
	}
	t->v[i].key = key;
	t->v[i].ndocs = 0;
	t->v[i].seen = 0;
	t->n++;
	return &t->v[i];
}

uint64_t
pith_templates_block_key(const char *block, size_t len)
{
	struct tm_toks t = {NULL, 0, 0};
	uint64_t k = 0xcbf29ce484222325ULL;
	size_t i;

	tm_tokenize_plain(block, len, &t);
	for (i = 0; i < t.n; i++) {
		/* Numbers vary from page to page (dates, counters). */
		uint64_t h = (t.v[i].flags & TM_DIGIT) ? 0x30 : t.v[i].h;

		k = (k ^ h) * 0x100000001b3ULL;
		k ^= k >> 32;
	}
	i = t.n;
	tm_toks_free(&t);
	return i == 0 ? 0 : mix(k);
}

static int
parse_hex(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 16);
	return errno == 0 && end == s + 16 ? 0 : -1;
}

static int
load(struct pith_templates *t, FILE *f)
{
	char *line = NULL;
	size_t cap = 0, records = 0;
	ssize_t n;
	int version = 0, ended = 0, lineno = 0;

	while ((n = getline(&line, &cap, f)) > 0) {
		char kind[16], hex[17];
		unsigned long a, b;
		uint64_t key;
		struct table *tab;
		struct entry *e;

		lineno++;
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (lineno == 1) {
			if (sscanf(line, STATE_MAGIC " %d", &version) != 1 ||
			    version < 1)
				goto bad;
			if (version != STATE_VERSION)
				goto bad;
			continue;
		}
		if (ended)
			goto bad;
		if (sscanf(line, "gen %lu", &a) == 1) {
			t->gen = (uint32_t)a;
			continue;
		}
		if (sscanf(line, "end %lu", &a) == 1) {
			if (a != records)
				goto bad;
			ended = 1;
			continue;
		}
		if (sscanf(line, "%15s %16s", kind, hex) != 2 ||
		    strlen(kind) != 1) {
			goto bad;
		}
		records++;
		if (kind[0] != 'H' && kind[0] != 'B' && kind[0] != 'D')
			continue;	/* a later minor addition */
		if (strlen(line) < 20 || line[18] != ' ')
			goto bad;
		switch (kind[0]) {
		case 'H':
			tab = &t->hosts;
			break;
		case 'B':
			tab = &t->blocks;
			break;
		case 'D':
			tab = &t->docs;
			break;
		default:
			continue;	/* a later minor addition */
		}
		if (parse_hex(hex, &key) == -1 || key == 0)
			goto bad;
		if (kind[0] == 'D') {
			if (sscanf(line + 19, "%lu", &b) != 1)
				goto bad;
			a = 1;
		} else if (sscanf(line + 19, "%lu %lu", &a, &b) != 2)
			goto bad;
		e = table_get(tab, key);
		e->ndocs = a > UINT32_MAX ? UINT32_MAX : (uint32_t)a;
		e->seen = b > UINT32_MAX ? UINT32_MAX : (uint32_t)b;
	}
	free(line);
	if (ferror(f) || !ended)
		goto bad_noline;
	return 0;
bad:
	free(line);
bad_noline:
	errno = EINVAL;
	return -1;
}

static void
table_free(struct table *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

struct pith_templates *
pith_templates_open(const char *state_path)
{
	struct pith_templates *t = xcalloc(1, sizeof *t);
	FILE *f;

	t->max_blocks = 200000;
	t->max_age = 60;
	t->min_docs = 3;
	t->min_share = 0.5;
	if (state_path != NULL) {
		t->path = xstrdup(state_path);
		if ((f = fopen(state_path, "r")) != NULL) {
			int rc = load(t, f), saved = errno;

			fclose(f);
			if (rc == -1) {
				pith_templates_close(t);
				errno = saved;
				return NULL;
			}
		} else if (errno != ENOENT) {
			int saved = errno;

			pith_templates_close(t);
			errno = saved;
			return NULL;
		}
	}
	t->gen++;	/* this run */
	return t;
}

void
pith_templates_set_limits(struct pith_templates *t, size_t max_blocks,
    unsigned max_age)
{
	t->max_blocks = max_blocks > 0 ? max_blocks : 1;
	t->max_age = max_age > 0 ? max_age : 1;
}

void
pith_templates_set_evidence(struct pith_templates *t, unsigned min_docs,
    double min_share)
{
	t->min_docs = min_docs > 1 ? min_docs : 2;
	t->min_share = min_share;
}

static void table_prune(struct table *, uint32_t, unsigned, size_t);

/* Keeps a table within `max` entries and a quarter more, pruning it to
 * `max` as a save would when it grows past that: a stream of any length
 * learns in the memory of the bound (the quarter spares a prune per
 * document). */
static void
table_bound(struct table *t, uint32_t gen, unsigned max_age, size_t max)
{
	if (t->n > max + max / 4)
		table_prune(t, gen, max_age, max);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
pith_templates_add_doc_keys(struct pith_templates *t, const char *host,
    const uint64_t *keys, size_t n)
{
	uint64_t hh = host_hash(host), fp = hh, *sorted;
	struct entry *e;
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < n; i++)
		fp = mix(fp ^ keys[i]);
	e = table_get(&t->docs, fp);
	e->seen = t->gen;
	if (e->ndocs++ > 0)
		return;		/* this very document was counted before */
	e = table_get(&t->hosts, hh);
	if (e->ndocs < UINT32_MAX)
		e->ndocs++;
	e->seen = t->gen;
	sorted = xmalloc((n ? n : 1) * sizeof *sorted);
	memcpy(sorted, keys, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_u64);
	for (i = 0; i < n; i++) {
		if (sorted[i] == 0 || (i > 0 && sorted[i] == sorted[i - 1]))
			continue;
		e = table_get(&t->blocks, mix(hh ^ sorted[i]));
		if (e->ndocs < UINT32_MAX)
			e->ndocs++;
		e->seen = t->gen;
	}
	free(sorted);
	table_bound(&t->blocks, t->gen, t->max_age, t->max_blocks);
	table_bound(&t->docs, t->gen, t->max_age, t->max_blocks / 4 + 1);
	table_bound(&t->hosts, t->gen, t->max_age, t->max_blocks / 4 + 1);
}

void
pith_templates_add_doc(struct pith_templates *t, const char *host,
    const char *const *blocks, size_t n)
{
	uint64_t *keys;
	size_t i;

	if (t == NULL)
		return;
	keys = xmalloc((n ? n : 1) * sizeof *keys);
	for (i = 0; i < n; i++)
		keys[i] = blocks[i] ? pith_templates_block_key(blocks[i],
		    strlen(blocks[i])) : 0;
	pith_templates_add_doc_keys(t, host, keys, n);
	free(keys);
}

int
pith_templates_is_boilerplate_key(const struct pith_templates *t,
    const char *host, uint64_t key)
{
	uint64_t hh;
	const struct entry *b, *h;
	double docs;

	if (t == NULL || key == 0)
		return 0;
	hh = host_hash(host);
	b = table_find(&t->blocks, mix(hh ^ key));
	if (b == NULL || b->ndocs < t->min_docs)
		return 0;
	h = table_find(&t->hosts, hh);
	docs = h != NULL ? h->ndocs : 0;
	if (docs >= t->min_docs + 2 && b->ndocs >= t->min_share * docs)
		return 2;
	/* Rare on a big host (a line quoted on a few of its pages) is no
	 * template. */
	if (docs > 0 && b->ndocs * 20.0 < docs)
		return 0;
	return 1;
}

int
pith_templates_is_boilerplate(const struct pith_templates *t,
    const char *host, const char *block, size_t len)
{
	if (t == NULL)
		return 0;
	return pith_templates_is_boilerplate_key(t, host,
	    pith_templates_block_key(block, len));
}

static int
cmp_entry_keep(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	/* Most recent first, then most documents. */
	if (x->seen != y->seen)
		return x->seen > y->seen ? -1 : 1;
	if (x->ndocs != y->ndocs)
		return x->ndocs > y->ndocs ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Drops entries not seen for max_age generations, then the oldest and
 * rarest beyond `max` entries. */
static void
table_prune(struct table *t, uint32_t gen, unsigned max_age, size_t max)
{
	struct entry *keep;
	size_t i, n = 0;

	if (t->n == 0)
		return;
	keep = xmalloc(t->n * sizeof *keep);
	for (i = 0; i < t->cap; i++)
		if (t->v[i].key != 0 && t->v[i].seen + max_age >= gen)
			keep[n++] = t->v[i];
	if (n > max) {
		qsort(keep, n, sizeof *keep, cmp_entry_keep);
		n = max;
	}
	memset(t->v, 0, t->cap * sizeof *t->v);
	t->n = 0;
	for (i = 0; i < n; i++)
		*table_get(t, keep[i].key) = keep[i];
	free(keep);
}

static int
write_table(FILE *f, const struct table *t, char kind, size_t *records)
{
	size_t i;

	for (i = 0; i < t->cap; i++) {
		const struct entry *e = &t->v[i];

		if (e->key == 0)
			continue;
		if (kind == 'D') {
			if (fprintf(f, "D %016" PRIx64 " %" PRIu32 "\n",
			    e->key, e->seen) < 0)
				return -1;
		} else if (fprintf(f, "%c %016" PRIx64 " %" PRIu32 " %" PRIu32
		    "\n", kind, e->key, e->ndocs, e->seen) < 0)
			return -1;
		(*records)++;
	}
	return 0;
}

static void
sync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	if ((fd = open(dir, O_RDONLY)) != -1) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
pith_templates_save(struct pith_templates *t)
{
	struct pbuf tmp = PBUF_INIT;
	size_t records = 0;
	FILE *f;
	int fd, saved;

	if (t == NULL || t->path == NULL)
		return 0;
	table_prune(&t->blocks, t->gen, t->max_age, t->max_blocks);
	table_prune(&t->docs, t->gen, t->max_age, t->max_blocks / 4 + 1);
	table_prune(&t->hosts, t->gen, t->max_age, t->max_blocks / 4 + 1);
	/* A temporary file beside the state, renamed over it when complete:
	 * a reader sees the old file or the new one, never a torn one. */
	pbuf_printf(&tmp, "%s.tmp.XXXXXX", t->path);
	if ((fd = mkstemp(tmp.p)) == -1) {
		saved = errno;
		pbuf_free(&tmp);
		errno = saved;
		return -1;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (fprintf(f, STATE_MAGIC " %d\ngen %" PRIu32 "\n", STATE_VERSION,
	    t->gen) < 0 ||
	    write_table(f, &t->hosts, 'H', &records) == -1 ||
	    write_table(f, &t->blocks, 'B', &records) == -1 ||
	    write_table(f, &t->docs, 'D', &records) == -1 ||
	    fprintf(f, "end %zu\n", records) < 0 || fflush(f) == EOF ||
	    fsync(fileno(f)) == -1) {
		saved = errno;
		fclose(f);
		goto fail;
	}
	if (fclose(f) == EOF) {
		saved = errno;
		goto fail;
	}
	if (rename(tmp.p, t->path) == -1) {
		saved = errno;
		goto fail;
	}
	sync_dir(t->path);
	pbuf_free(&tmp);
	return 0;
fail:
	unlink(tmp.p);
	pbuf_free(&tmp);
	errno = saved;
	return -1;
}

void
pith_templates_close(struct pith_templates *t)
{
	if (t == NULL)
		return;
	table_free(&t->hosts);
	table_free(&t->blocks);
	table_free(&t->docs);
	free(t->path);
	free(t);
}

size_t
pith_templates_nblocks(const struct pith_templates *t)
{
	return t != NULL ? t->blocks.n : 0;
}

unsigned long
pith_templates_ndocs(const struct pith_templates *t, const char *host)
{
	const struct entry *e;

	if (t == NULL)
		return 0;
	e = table_find(&t->hosts, host_hash(host));
	return e != NULL ? e->ndocs : 0;
}

char *
pith_templates_host_of(const char *url, char *buf, size_t size)
{
	const char *p = strstr(url, "://"), *end;
	size_t n, i;

	p = p != NULL ? p + 3 : url;
	/* user:pass@ */
	end = p + strcspn(p, "/?#");
	for (i = (size_t)(end - p); i > 0; i--)
		if (p[i - 1] == '@') {
			p += i;
			break;
		}
	n = strcspn(p, ":/?#");
	if (n >= 4 && strncasecmp(p, "www.", 4) == 0) {
		p += 4;
		n -= 4;
	}
	if (n == 0 || size == 0)
		return NULL;
	if (n >= size)
		n = size - 1;
	for (i = 0; i < n; i++)
		buf[i] = (p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i];
	buf[n] = '\0';
	return buf;
}
