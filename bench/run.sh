#!/bin/sh
# make bench: every bench/*.sh in turn (bigstream, strip, textmode,
# normalize, segment, fetch, streams), each printing its own table and the
# commands behind it. Needs ../shared (the corpora) for the quality figures.
# Environment: PITH_BIN, PITH_SHARED. BENCH=name runs one of them.
cd "$(dirname "$0")/.." || exit 2
: "${PITH_BIN:?run through make bench}"
export PITH_BIN PITH_SHARED
if [ ! -d "${PITH_SHARED:-/nonexistent}/corpus" ]; then
	echo "bench: ${PITH_SHARED:-../shared} not found: nothing to measure against" >&2
	exit 1
fi
status=0
for b in bench/*.sh; do
	name=${b##*/}; name=${name%.sh}
	[ "$name" = run ] && continue
	[ -n "${BENCH:-}" ] && [ "$BENCH" != "$name" ] && continue
	echo "=== $name"
	sh "$b" || status=1
done
exit $status
