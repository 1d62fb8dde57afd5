/* The state directory: lock, per-URL and per-host records, atomic
 * writes. See fetchstate.h for the layout. */
#ifdef __linux__
#define _GNU_SOURCE	/* syncfs(2) */
#endif
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "cli.h"
#include "fetchstate.h"

#define URL_MAGIC "pith-fetch-url 1"
/* A batch of writes is made durable and renamed into place when it has
 * this many files or is this old; syncing once per batch is ~20 times
 * cheaper than once per file. */
#define BATCH_FILES 64
#define BATCH_SECONDS 1.0
#define HOST_MAGIC "pith-fetch-host 1"

struct pith_state {
	char *dir;
	int lock_fd;
	unsigned char touched[16];	/* urls/X written to this run */
	int hosts_touched;
	unsigned long seq;		/* temporary-name counter */
	int write_errors;
	/* Written temporaries waiting for one sync and their renames. */
	struct pending {
		char *tmp, *path;
	} *pend;
	size_t npend, cappend;
	double first_pend;
};

static int
mkdir_p(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (mkdir(p, 0755) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

static void
sha1_hex(const char *s, char out[41])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(s, strlen(s), md, &n, EVP_sha1(), NULL);
	for (i = 0; i < 20 && i < n; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[40] = '\0';
}

/* Removes temporaries a killed run left in `dir`. */
static void
sweep(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct pbuf path = PBUF_INIT;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".tmp.") == NULL)
			continue;
		pbuf_reset(&path);
		pbuf_printf(&path, "%s/%s", dir, e->d_name);
		unlink(path.p);
	}
	closedir(d);
	pbuf_free(&path);
}

struct pith_state *
pith_state_open(const char *dir, double wait)
{
	struct pith_state *st;
	struct pbuf path = PBUF_INIT;
	struct timespec pause = {0, 100000000};
	double waited = 0;
	int fd, i;

	if (mkdir_p(dir) == -1) {
		pith_warn(dir, "cannot create state directory");
		return NULL;
	}
	pbuf_printf(&path, "%s/lock", dir);
	if ((fd = open(path.p, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1) {
		pith_warn(path.p, "cannot open lock file");
		pbuf_free(&path);
		return NULL;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			pith_warn(path.p, "cannot lock");
			goto fail;
		}
		if (waited >= wait) {
			pith_warnx(dir, "state directory in use by another "
			    "pith-fetch run (lock %s held)%s", path.p,
			    wait > 0 ? "; gave up waiting" : "");
			goto fail;
		}
		nanosleep(&pause, NULL);
		waited += 0.1;
	}
	st = xcalloc(1, sizeof *st);
	st->dir = xstrdup(dir);
	st->lock_fd = fd;
	pbuf_reset(&path);
	pbuf_printf(&path, "%s/urls", dir);
	if (mkdir(path.p, 0755) == -1 && errno != EEXIST)
		pith_warn(path.p, "cannot create");
	for (i = 0; i < 16; i++) {
		pbuf_reset(&path);
		pbuf_printf(&path, "%s/urls/%x", dir, i);
		sweep(path.p);
	}
	pbuf_reset(&path);
	pbuf_printf(&path, "%s/hosts", dir);
	if (mkdir(path.p, 0755) == -1 && errno != EEXIST)
		pith_warn(path.p, "cannot create");
	sweep(path.p);
	pbuf_free(&path);
	return st;
fail:
	close(fd);
	pbuf_free(&path);
	return NULL;
}

const char *
pith_state_dir(const struct pith_state *st)
{
	return st->dir;
}

static void
fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd == -1)
		return;
	fsync(fd);
	close(fd);
}

int
pith_state_close(struct pith_state *st)
{
	struct pbuf path = PBUF_INIT;
	int i, rc;

	if (st == NULL)
		return 0;
	pith_state_commit(st);
	free(st->pend);
	/* The renames reach the disk with their directories. */
	for (i = 0; i < 16; i++) {
		if (!st->touched[i])
			continue;
		pbuf_reset(&path);
		pbuf_printf(&path, "%s/urls/%x", st->dir, i);
		fsync_dir(path.p);
	}
	if (st->hosts_touched) {
		pbuf_reset(&path);
		pbuf_printf(&path, "%s/hosts", st->dir);
		fsync_dir(path.p);
	}
	pbuf_free(&path);
	close(st->lock_fd);	/* releases the lock */
	rc = st->write_errors ? -1 : 0;
	free(st->dir);
	free(st);
	return rc;
}

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Makes the pending temporaries durable, then renames each over its
 * file: a file is replaced only by a complete, synced new version. */
void
pith_state_commit(struct pith_state *st)
{
	size_t i;
	int synced = 0;

	if (st->npend == 0)
		return;
#ifdef __linux__
	synced = syncfs(st->lock_fd) == 0;
#endif
	for (i = 0; i < st->npend; i++) {
		struct pending *p = &st->pend[i];
		int fd, ok = 1;

		if (!synced) {
			fd = open(p->tmp, O_WRONLY | O_CLOEXEC);
			ok = fd != -1 && fdatasync(fd) == 0;
			if (fd != -1)
				close(fd);
		}
		if (!ok || rename(p->tmp, p->path) == -1) {
			pith_warn(p->path, "cannot write state");
			st->write_errors++;
			unlink(p->tmp);
		}
		free(p->tmp);
		free(p->path);
	}
	st->npend = 0;
}

void
pith_state_tick(struct pith_state *st)
{
	if (st != NULL && st->npend > 0 &&
	    mono_now() - st->first_pend >= BATCH_SECONDS)
		pith_state_commit(st);
}

/* Writes `data` to a temporary beside `path`; pith_state_commit syncs
 * and renames it. */
static int
write_atomic(struct pith_state *st, const char *path, const char *data,
    size_t len)
{
	struct pbuf tmp = PBUF_INIT;
	size_t off = 0;
	int fd;

	pbuf_printf(&tmp, "%s.tmp.%ld.%lu", path, (long)getpid(), st->seq++);
	if ((fd = open(tmp.p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1)
		goto fail;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			goto fail_unlink;
		}
		off += (size_t)n;
	}
	if (close(fd) == -1)
		goto fail_unlink;
	if (st->npend == st->cappend) {
		st->cappend = st->cappend ? st->cappend * 2 : BATCH_FILES;
		st->pend = xrealloc(st->pend, st->cappend * sizeof *st->pend);
	}
	if (st->npend == 0)
		st->first_pend = mono_now();
	st->pend[st->npend].tmp = tmp.p;	/* the buffer moves */
	st->pend[st->npend].path = xstrdup(path);
	st->npend++;
	if (st->npend >= BATCH_FILES)
		pith_state_commit(st);
	return 0;
fail_unlink:
	unlink(tmp.p);
fail:
	pith_warn(path, "cannot write state");
	st->write_errors++;
	pbuf_free(&tmp);
	return -1;
}

static void
url_path(struct pith_state *st, const char *url, struct pbuf *path,
    int create)
{
	char h[41];

	sha1_hex(url, h);
	/* 16 subdirectories: few to fsync, small enough to list. */
	pbuf_printf(path, "%s/urls/%c", st->dir, h[0]);
	if (create) {
		int x = h[0] <= '9' ? h[0] - '0' : h[0] - 'a' + 10;

		if (!st->touched[x] && mkdir(path->p, 0755) == -1 &&
		    errno != EEXIST)
			pith_warn(path->p, "cannot create");
		st->touched[x] = 1;
	}
	pbuf_printf(path, "/%s", h + 1);
}

/* Reads a whole small file; -1 when absent or unreadable. */
static int
slurp(const char *path, struct pbuf *out, size_t max)
{
	char buf[8192];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd == -1) {
		if (errno != ENOENT)
			pith_warn(path, "cannot read state");
		return -1;
	}
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || out->len + (size_t)n > max) {
			pith_warnx(path, "unreadable state file; ignored");
			close(fd);
			return -1;
		}
		pbuf_append(out, buf, (size_t)n);
	}
	close(fd);
	if (out->p == NULL)
		pbuf_puts(out, "");
	return 0;
}

/* Splits off the next "key value\n" line of s; returns NULL at the end
 * or at a blank line (then *rest is after it). */
static char *
next_line(char **s, char **value)
{
	char *line = *s, *nl, *sp;

	if (*line == '\0' || *line == '\n') {
		if (*line == '\n')
			(*s)++;
		return NULL;
	}
	if ((nl = strchr(line, '\n')) == NULL)
		return NULL;	/* every line ends in \n: a torn file */
	*nl = '\0';
	*s = nl + 1;
	if ((sp = strchr(line, ' ')) != NULL) {
		*sp = '\0';
		*value = sp + 1;
	} else
		*value = line + strlen(line);
	return line;
}

void
pith_url_state_clear(struct pith_url_state *u)
{
	free(u->url);
	free(u->final_url);
	free(u->etag);
	free(u->last_modified);
	free(u->digest);
	free(u->date);
	memset(u, 0, sizeof *u);
}

int
pith_state_get_url(struct pith_state *st, const char *url,
    struct pith_url_state *out)
{
	struct pbuf path = PBUF_INIT, data = PBUF_INIT;
	char *s, *k, *v;
	int found = 0;

	memset(out, 0, sizeof *out);
	pith_state_commit(st);	/* read what was written */
	url_path(st, url, &path, 0);
	if (slurp(path.p, &data, 1 << 20) == -1)
		goto out;
	s = data.p;
	if (strncmp(s, URL_MAGIC "\n", sizeof URL_MAGIC) != 0) {
		pith_warnx(path.p, "not a pith-fetch state file; ignored");
		goto out;
	}
	s += sizeof URL_MAGIC;
	while ((k = next_line(&s, &v)) != NULL) {
		if (strcmp(k, "url") == 0)
			out->url = xstrdup(v);
		else if (strcmp(k, "final-url") == 0)
			out->final_url = xstrdup(v);
		else if (strcmp(k, "etag") == 0)
			out->etag = xstrdup(v);
		else if (strcmp(k, "last-modified") == 0)
			out->last_modified = xstrdup(v);
		else if (strcmp(k, "digest") == 0)
			out->digest = xstrdup(v);
		else if (strcmp(k, "date") == 0)
			out->date = xstrdup(v);
		else if (strcmp(k, "status") == 0)
			out->status = atoi(v);
		else if (strcmp(k, "time") == 0)
			out->time = atoll(v);
	}
	/* A hash collision, or an edited file: not this URL's record. */
	if (out->url != NULL && strcmp(out->url, url) == 0)
		found = 1;
	else
		pith_url_state_clear(out);
out:
	pbuf_free(&path);
	pbuf_free(&data);
	return found;
}

/* Values are single header lines; anything else is dropped. */
static void
put_field(struct pbuf *b, const char *key, const char *value)
{
	if (value == NULL || *value == '\0' || strpbrk(value, "\r\n"))
		return;
	pbuf_printf(b, "%s %s\n", key, value);
}

int
pith_state_put_url(struct pith_state *st, const struct pith_url_state *u)
{
	struct pbuf path = PBUF_INIT, data = PBUF_INIT;
	int rc;

	url_path(st, u->url, &path, 1);
	pbuf_puts(&data, URL_MAGIC "\n");
	put_field(&data, "url", u->url);
	put_field(&data, "final-url", u->final_url);
	put_field(&data, "etag", u->etag);
	put_field(&data, "last-modified", u->last_modified);
	put_field(&data, "digest", u->digest);
	put_field(&data, "date", u->date);
	pbuf_printf(&data, "status %d\ntime %lld\n", u->status, u->time);
	rc = write_atomic(st, path.p, data.p, data.len);
	pbuf_free(&path);
	pbuf_free(&data);
	return rc;
}

static void
host_path(struct pith_state *st, const char *origin, struct pbuf *path)
{
	char h[41];
	const char *p;

	sha1_hex(origin, h);
	/* Readable prefix for people who look, hash for uniqueness. */
	pbuf_printf(path, "%s/hosts/", st->dir);
	p = strstr(origin, "://");
	for (p = p ? p + 3 : origin; *p && path->len < 200; p++)
		pbuf_putc(path, (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ?
		    *p : '_');
	pbuf_printf(path, "-%.12s", h);
}

void
pith_host_state_clear(struct pith_host_state *h)
{
	free(h->origin);
	pbuf_free(&h->robots);
	memset(h, 0, sizeof *h);
}

int
pith_state_get_host(struct pith_state *st, const char *origin,
    struct pith_host_state *out)
{
	struct pbuf path = PBUF_INIT, data = PBUF_INIT;
	char *s, *k, *v;
	long long length = -1;
	int found = 0;

	memset(out, 0, sizeof *out);
	pith_state_commit(st);
	host_path(st, origin, &path);
	if (slurp(path.p, &data, (size_t)1 << 21) == -1)
		goto out;
	s = data.p;
	if (strncmp(s, HOST_MAGIC "\n", sizeof HOST_MAGIC) != 0) {
		pith_warnx(path.p, "not a pith-fetch state file; ignored");
		goto out;
	}
	s += sizeof HOST_MAGIC;
	while ((k = next_line(&s, &v)) != NULL) {
		if (strcmp(k, "origin") == 0)
			out->origin = xstrdup(v);
		else if (strcmp(k, "robots-time") == 0)
			out->robots_time = atoll(v);
		else if (strcmp(k, "robots-status") == 0)
			out->robots_status = atoi(v);
		else if (strcmp(k, "next-ok") == 0)
			out->next_ok = atof(v);
		else if (strcmp(k, "robots-length") == 0)
			length = atoll(v);
	}
	if (out->origin == NULL || strcmp(out->origin, origin) != 0 ||
	    length < 0 || (size_t)length != data.len - (size_t)(s - data.p)) {
		pith_host_state_clear(out);
		goto out;
	}
	pbuf_append(&out->robots, s, (size_t)length);
	found = 1;
out:
	pbuf_free(&path);
	pbuf_free(&data);
	return found;
}

int
pith_state_put_host(struct pith_state *st, const struct pith_host_state *h)
{
	struct pbuf path = PBUF_INIT, data = PBUF_INIT;
	int rc;

	host_path(st, h->origin, &path);
	pbuf_puts(&data, HOST_MAGIC "\n");
	put_field(&data, "origin", h->origin);
	pbuf_printf(&data, "robots-time %lld\nrobots-status %d\n"
	    "next-ok %.3f\nrobots-length %zu\n\n", h->robots_time,
	    h->robots_status, h->next_ok, h->robots.len);
	pbuf_append(&data, h->robots.p ? h->robots.p : "", h->robots.len);
	rc = write_atomic(st, path.p, data.p, data.len);
	st->hosts_touched = 1;
	pbuf_free(&path);
	pbuf_free(&data);
	return rc;
}
