/* Site templates: per-host statistics of the blocks seen on a host's
 * documents. Boilerplate repeats across the pages of a site and content
 * does not, so a block whose normalised text recurs on several documents
 * of the same host is part of that host's template.
 *
 * Blocks are normalised (case-folded words, digits folded to one symbol,
 * punctuation and spacing ignored) and kept as 64-bit hashes, never as
 * text. A state file keeps the statistics between runs: it is written
 * atomically (temporary file, fsync, rename), bounded in size (entries
 * not seen for a while age out first), versioned, and a leftover
 * temporary file from a killed run is never read. */
#ifndef PITH_TEMPLATE_H
#define PITH_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

struct pith_templates;

/* Opens the statistics kept in `state_path` (NULL: in memory only). A
 * missing file is an empty state. Returns NULL with errno set when the
 * file cannot be read or is not a state file of a version this code reads
 * (EINVAL). */
struct pith_templates *pith_templates_open(const char *state_path);

/* Records one document of `host`: its blocks (NUL-terminated texts). A
 * block counts once per document however often it appears in it, and a
 * document whose blocks are identical to one already recorded for the
 * host (the same page fetched again) is not counted twice. */
void pith_templates_add_doc(struct pith_templates *t, const char *host,
    const char *const *blocks, size_t n);

/* How strongly `block` recurs on `host`: 0 not (or not enough evidence),
 * 1 on several documents, 2 on most documents of a host with enough of
 * them. Callers let strong content signals of the page win over 1. */
int pith_templates_is_boilerplate(const struct pith_templates *t,
    const char *host, const char *block, size_t len);

/* Writes the state file (no-op for an in-memory store): old and rare
 * entries are dropped beyond the size bound, then the file is written to
 * a temporary file in the same directory, fsynced and renamed over the
 * old one. Returns 0, or -1 with errno set. */
int pith_templates_save(struct pith_templates *t);

void pith_templates_close(struct pith_templates *t);

/* Tuning: the most block entries kept (default 200000, about 5 MB of
 * state file), and the number of saves after which an entry not seen
 * again is dropped (default 60). */
void pith_templates_set_limits(struct pith_templates *t, size_t max_blocks,
    unsigned max_age);
/* Evidence needed: a block on at least `min_docs` documents (default 3)
 * is recurring; on at least `min_share` of a host's documents (default
 * 0.5), with at least `min_docs` + 2 documents seen, it is the template. */
void pith_templates_set_evidence(struct pith_templates *t, unsigned min_docs,
    double min_share);

size_t pith_templates_nblocks(const struct pith_templates *t);
/* Documents recorded for `host` (0 when unknown). */
unsigned long pith_templates_ndocs(const struct pith_templates *t,
    const char *host);

/* The host part of a URL, lower-cased, without "www." and port:
 * "https://WWW.Example.com:8080/a" -> "example.com". Writes at most
 * `size` bytes (NUL included); returns `buf`, or NULL when the URL has no
 * host. */
char *pith_templates_host_of(const char *url, char *buf, size_t size);

/* The normalised key of a block (0 for a block with no words), and the
 * key-level calls for callers that cache keys. */
uint64_t pith_templates_block_key(const char *block, size_t len);
void pith_templates_add_doc_keys(struct pith_templates *t, const char *host,
    const uint64_t *keys, size_t n);
int pith_templates_is_boilerplate_key(const struct pith_templates *t,
    const char *host, uint64_t key);

#endif
