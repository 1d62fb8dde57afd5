/* pith-segment: placeholder until its issue lands; copies input to output. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "out.h"

static const char usage[] = "pith-segment [-h] [--version] [file ...]";

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	int c;

	pith_cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			pith_usage(usage, 1);
		case 'V':
			pith_print_version();
		default:
			pith_usage(usage, 0);
		}
	}
	pith_out_flush(&pith_stdout);
	return PITH_EXIT_OK;
}
