/* pith-fetch: URLs -> pages (one body, or a WARC stream). Options, I/O
 * and exit status; the engine is lib/fetch.c. */
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "fetch.h"
#include "fetchstate.h"
#include "out.h"

static const char usage[] =
    "pith-fetch [-hvw] [-A agent] [-H header] [-i file] [-j n] [-o file]\n"
    "       [--changed] [--connect-timeout s] [--delay s] [--failed file]\n"
    "       [--insecure] [--lock-wait s] [--max-bytes size] [--no-robots]\n"
    "       [--per-host n] [--[no-]progress] [--raw] [--retries n]\n"
    "       [--retry-wait s] [--state dir] [--timeout s] [url ...]";

enum {
	OPT_CHANGED = 256, OPT_CONNECT_TIMEOUT, OPT_DELAY, OPT_FAILED,
	OPT_INSECURE, OPT_LOCK_WAIT, OPT_MAX_BYTES, OPT_NO_ROBOTS,
	OPT_PER_HOST, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_RAW, OPT_RETRIES,
	OPT_RETRY_WAIT, OPT_STATE, OPT_TIMEOUT, OPT_VERSION
};

struct urls {
	char **v;
	size_t n, cap;
};

static void
urls_add(const char *url, void *arg)
{
	struct urls *u = arg;

	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 16;
		u->v = xrealloc(u->v, u->cap * sizeof *u->v);
	}
	u->v[u->n++] = xstrdup(url);
}

struct run {
	struct pith_fetch_output out;
	struct urls failed;
};

static void
on_result(const struct pith_fetch_result *r, void *arg)
{
	struct run *run = arg;

	if (r->outcome == PITH_FETCH_FAILED)
		urls_add(r->url, &run->failed);
	pith_fetch_write_result(&run->out, r);
}

static void
on_signal(int sig)
{
	(void)sig;
	pith_fetch_stop = 1;
}

static double
seconds(const char *opt, const char *s)
{
	double v;

	if (pith_parse_double(s, &v) == -1)
		pith_die(PITH_EXIT_USAGE, NULL, "%s: not a number of seconds: "
		    "%s", opt, s);
	return v;
}

static unsigned long
count(const char *opt, const char *s, unsigned long min, unsigned long max)
{
	unsigned long v;

	if (pith_parse_uint(s, max, &v) == -1 || v < min)
		pith_die(PITH_EXIT_USAGE, NULL, "%s: expected a number from "
		    "%lu to %lu: %s", opt, min, max, s);
	return v;
}

static int
write_failed(const char *path, const struct urls *failed)
{
	FILE *fp = fopen(path, "w");
	size_t i;

	if (fp == NULL) {
		pith_warn(path, "cannot write");
		return -1;
	}
	for (i = 0; i < failed->n; i++)
		fprintf(fp, "%s\n", failed->v[i]);
	if (fclose(fp) == EOF) {
		pith_warn(path, "write error");
		return -1;
	}
	return 0;
}

static int
suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"user-agent", required_argument, NULL, 'A'},
		{"header", required_argument, NULL, 'H'},
		{"help", no_argument, NULL, 'h'},
		{"input", required_argument, NULL, 'i'},
		{"jobs", required_argument, NULL, 'j'},
		{"output", required_argument, NULL, 'o'},
		{"verbose", no_argument, NULL, 'v'},
		{"warc", no_argument, NULL, 'w'},
		{"changed", no_argument, NULL, OPT_CHANGED},
		{"connect-timeout", required_argument, NULL,
		    OPT_CONNECT_TIMEOUT},
		{"delay", required_argument, NULL, OPT_DELAY},
		{"failed", required_argument, NULL, OPT_FAILED},
		{"insecure", no_argument, NULL, OPT_INSECURE},
		{"lock-wait", required_argument, NULL, OPT_LOCK_WAIT},
		{"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
		{"no-robots", no_argument, NULL, OPT_NO_ROBOTS},
		{"per-host", required_argument, NULL, OPT_PER_HOST},
		{"progress", no_argument, NULL, OPT_PROGRESS},
		{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
		{"raw", no_argument, NULL, OPT_RAW},
		{"retries", required_argument, NULL, OPT_RETRIES},
		{"retry-wait", required_argument, NULL, OPT_RETRY_WAIT},
		{"state", required_argument, NULL, OPT_STATE},
		{"timeout", required_argument, NULL, OPT_TIMEOUT},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0}
	};
	struct pith_fetch_opts o;
	struct pith_fetch *f;
	struct run run;
	struct urls urls = {0}, headers = {0};
	struct pith_out file_out;
	const char *input = NULL, *output = NULL, *failed_path = NULL;
	const char *state_dir = NULL, *why;
	double lock_wait = 0;
	int c, warc = 0, progress = -1, status = PITH_EXIT_OK;
	long bad = 0;
	size_t i, nfailed;

	pith_cli_init(argv[0]);
	pith_fetch_opts_init(&o);
	memset(&run, 0, sizeof run);
	while ((c = getopt_long(argc, argv, "A:H:hi:j:o:vw", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'A':
			o.user_agent = optarg;
			break;
		case 'H':
			if (strchr(optarg, ':') == NULL ||
			    strpbrk(optarg, "\r\n") != NULL)
				pith_die(PITH_EXIT_USAGE, NULL, "-H: expected "
				    "'Name: value': %s", optarg);
			urls_add(optarg, &headers);
			break;
		case 'h':
			pith_usage(usage, 1);
		case 'i':
			input = optarg;
			break;
		case 'j':
			o.parallel = count("-j", optarg, 1, 1000);
			break;
		case 'o':
			output = optarg;
			break;
		case 'v':
			o.verbose = 1;
			break;
		case 'w':
			warc = 1;
			break;
		case OPT_CHANGED:
			run.out.changed = 1;
			break;
		case OPT_CONNECT_TIMEOUT:
			o.connect_timeout = seconds("--connect-timeout",
			    optarg);
			break;
		case OPT_DELAY:
			o.delay = seconds("--delay", optarg);
			break;
		case OPT_FAILED:
			failed_path = optarg;
			break;
		case OPT_INSECURE:
			o.insecure = 1;
			break;
		case OPT_LOCK_WAIT:
			lock_wait = seconds("--lock-wait", optarg);
			break;
		case OPT_MAX_BYTES:
			if (pith_parse_size(optarg, &o.max_bytes) == -1)
				pith_die(PITH_EXIT_USAGE, NULL, "--max-bytes: "
				    "not a size: %s", optarg);
			break;
		case OPT_NO_ROBOTS:
			o.robots = 0;
			break;
		case OPT_PER_HOST:
			o.per_host = count("--per-host", optarg, 1, 100);
			break;
		case OPT_PROGRESS:
			progress = 1;
			break;
		case OPT_NO_PROGRESS:
			progress = 0;
			break;
		case OPT_RAW:
			run.out.raw = 1;
			break;
		case OPT_RETRIES:
			o.retries = count("--retries", optarg, 0, 100);
			break;
		case OPT_RETRY_WAIT:
			o.retry_wait = seconds("--retry-wait", optarg);
			break;
		case OPT_STATE:
			state_dir = optarg;
			break;
		case OPT_TIMEOUT:
			o.timeout = seconds("--timeout", optarg);
			break;
		case OPT_VERSION:
			pith_print_version();
		default:
			pith_usage(usage, 0);
		}
	}
	if (o.timeout <= 0 || o.connect_timeout <= 0)
		pith_die(PITH_EXIT_USAGE, NULL, "timeouts must be above 0");
	for (i = optind; i < (size_t)argc; i++) {
		if (pith_fetch_check_url(argv[i], NULL, &why) == -1)
			pith_die(PITH_EXIT_USAGE, argv[i], "%s", why);
		urls_add(argv[i], &urls);
	}
	if (input != NULL && (bad = pith_fetch_read_list(input, urls_add,
	    &urls)) == -1) {
		status = PITH_EXIT_FAIL;
		goto out;
	}
	if (input == NULL && urls.n == 0)
		pith_usage(usage, 0);
	o.headers = (const char **)headers.v;
	o.nheaders = headers.n;
	o.progress = progress == -1 ? isatty(2) : progress;

	if (output != NULL && (suffix(output, ".warc") ||
	    suffix(output, ".warc.gz")))
		warc = 1;
	run.out.warc = warc || urls.n > 1;
	run.out.gzip = output != NULL && suffix(output, ".gz") &&
	    run.out.warc;
	run.out.out = &pith_stdout;
	if (output != NULL) {
		int fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		    0644);

		if (fd == -1) {
			pith_warn(output, "cannot create");
			status = PITH_EXIT_FAIL;
			goto out;
		}
		pith_out_init(&file_out, fd, output);
		run.out.out = &file_out;
		run.out.filename = strrchr(output, '/') ?
		    strrchr(output, '/') + 1 : output;
	}
	/* Conditional requests only when an unchanged page need not be
	 * given in full: --changed drops it, WARC has revisit records. */
	o.conditional = run.out.changed || run.out.warc;

	signal(SIGPIPE, SIG_IGN);	/* write errors come back as EPIPE */
	/* A signal ends the run cleanly: state committed, lock released. */
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	if (pith_fetch_global_init() == -1)
		pith_die(PITH_EXIT_FAIL, NULL, "cannot initialise libcurl");
	if (state_dir != NULL &&
	    (o.state = pith_state_open(state_dir, lock_wait)) == NULL) {
		pith_fetch_global_cleanup();
		status = PITH_EXIT_FAIL;
		goto out;
	}
	if (run.out.warc)
		pith_fetch_write_warcinfo(&run.out, o.user_agent ?
		    o.user_agent : "pith-fetch/" PITH_VERSION, o.robots);
	f = pith_fetch_new(&o);
	for (i = 0; i < urls.n; i++)
		if (pith_fetch_add(f, urls.v[i], &why) == -1) {
			pith_warnx(urls.v[i], "%s", why);
			bad++;
		}
	nfailed = pith_fetch_run(f, on_result, &run);
	pith_fetch_free(f);
	if (pith_state_close(o.state) == -1)
		status = PITH_EXIT_FAIL;
	pith_fetch_global_cleanup();

	if (nfailed > 0 || bad > 0)
		status = PITH_EXIT_FAIL;
	if (failed_path != NULL && write_failed(failed_path, &run.failed))
		status = PITH_EXIT_FAIL;
	pith_out_close(run.out.out);
out:
	/* Early failures come here too: everything is freed on every
	 * path, so LeakSanitizer (make check SANITIZE=1) stays quiet. */
	for (i = 0; i < urls.n; i++)
		free(urls.v[i]);
	free(urls.v);
	for (i = 0; i < run.failed.n; i++)
		free(run.failed.v[i]);
	free(run.failed.v);
	for (i = 0; i < headers.n; i++)
		free(headers.v[i]);
	free(headers.v);
	return status;
}
