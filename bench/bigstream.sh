#!/bin/sh
# A large stream through the whole pipeline, in constant memory:
#
#	pith-strip -f warc STREAM | pith-normalize | pith-segment > /dev/null
#
# STREAM is a WARC of BIGSTREAM_MB (default 1024) megabytes of response
# records made from the shared corpus's raw pages (every NAME.html and
# NAME.html.gz), repeated with other hosts on each pass (see
# bench/bigstreamgen.c), and then one of an eighth of that size: the
# peak RSS of each stage should be the same for both, the largest
# record deciding it. The 20 largest pages come first in each pass (the
# generator sees to it) so that both streams hold them; the rest follow
# interleaved across the datasets.
# Prints input MB/s and records/s (wall clock of the whole pipeline),
# and per stage its peak RSS and CPU seconds (/usr/bin/time). The stream
# is written under BIGSTREAM_OUT (default build/bench/bigstream) and
# deleted after each run.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${PITH_SHARED:-$root/../shared}
bin=${PITH_BIN:-$root/bin}
mb=${BIGSTREAM_MB:-1024}
out=${BIGSTREAM_OUT:-$root/build/bench/bigstream}
corpus=$shared/corpus

if [ ! -d "$corpus" ]; then
	echo "bigstream: no shared corpus at $shared; skipped"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "bigstream: /usr/bin/time missing (Debian package time); skipped"
	exit 0
fi
mkdir -p "$out" || exit 1
trap 'rm -f "$out/stream.warc"' EXIT INT TERM
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -I"$root/lib" -o "$out/bigstreamgen" "$here/bigstreamgen.c" \
    "$root/lib/libpith.a" $(pkg-config --libs zlib libcrypto) -lpthread ||
    exit 1

# An order that mixes the datasets: i * 7919 mod a prime above the
# count is a permutation.
ls "$corpus"/*/*.html "$corpus"/*/*.html.gz |
    awk '{ printf "%d\t%s\n", (NR * 7919) % 1000003, $0 }' | sort -n |
    cut -f2 > "$out/pages.lst" || exit 1

# run MB: one stream of MB megabytes; prints its row.
run() {
	"$out/bigstreamgen" "$1" < "$out/pages.lst" > "$out/stream.warc" \
	    2> "$out/gen.txt" || { cat "$out/gen.txt"; exit 1; }
	set -- $(cat "$out/gen.txt")	# records N bytes N
	records=$2 bytes=$4
	t0=$(date +%s.%N)
	/usr/bin/time -o "$out/strip.t" -f '%M %U' \
	    "$bin/pith-strip" -f warc "$out/stream.warc" 2> "$out/strip.err" |
	    /usr/bin/time -o "$out/normalize.t" -f '%M %U' \
	    "$bin/pith-normalize" 2> "$out/normalize.err" |
	    /usr/bin/time -o "$out/segment.t" -f '%M %U' \
	    "$bin/pith-segment" > /dev/null 2> "$out/segment.err"
	t1=$(date +%s.%N)
	rm -f "$out/stream.warc"
	for s in strip normalize segment; do
		# "Command exited with non-zero status 1" may come first:
		# pith-strip says 1 when some page had no main content.
		eval "rss_$s=\$(tail -n 1 \"$out/$s.t\" | cut -d' ' -f1)"
		eval "cpu_$s=\$(tail -n 1 \"$out/$s.t\" | cut -d' ' -f2)"
	done
	awk -v b="$bytes" -v r="$records" -v t0="$t0" -v t1="$t1" \
	    -v rs="$rss_strip" -v rn="$rss_normalize" -v rg="$rss_segment" \
	    -v cs="$cpu_strip" -v cn="$cpu_normalize" -v cg="$cpu_segment" '
	    BEGIN {
		t = t1 - t0
		printf "%8.0f %8d %7.1f %7.1f %7.0f %9.1f %9.1f %9.1f %6.1f %6.1f %6.1f\n",
		    b / 1048576, r, t, b / 1048576 / t, r / t,
		    rs / 1024, rn / 1024, rg / 1024, cs, cn, cg
	    }'
	tail -n 1 "$out/strip.err" | sed 's/^/         /'
}

echo "== pith-strip -f warc | pith-normalize | pith-segment > /dev/null"
echo "stream: $out/bigstreamgen MB < $out/pages.lst (raw corpus pages, $(wc -l < "$out/pages.lst") of them, pass after pass)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
printf '%8s %8s %7s %7s %7s %29s %20s\n' "" "" "" "" "" "peak RSS MB" "CPU s"
printf '%8s %8s %7s %7s %7s %9s %9s %9s %6s %6s %6s\n' "MB in" records \
    "wall s" "MB/s" "rec/s" strip normalize segment strip norm seg
small=$((mb / 8))
[ "$small" -ge 1 ] || small=1
run "$small"
run "$mb"
echo "(MB/s and rec/s: input stream over the wall time of the whole pipeline,"
echo " on a machine shared with whatever else runs. Peak RSS: the largest"
echo " record decides it, plus pith-strip's template statistics, which grow"
echo " until their bound of 250,000 blocks, about 16 MB: on this corpus that"
echo " is reached after about 500 MB, then the peak stays flat)"
