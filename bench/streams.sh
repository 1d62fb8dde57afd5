#!/bin/sh
# WARC reading speed: made-up response records (20-60 KB of HTML each),
# plain and .warc.gz (one member per record), read with and without
# payload decoding, against zcat on the same file. Needs no corpus.
set -u
out=${BENCH_OUT:-bench/out}/streams
mb=${STREAMS_MB:-200}
mkdir -p "$out"
cc -O2 -Ilib -o "$out/streamsbench" bench/streamsbench.c lib/libpith.a \
    $(pkg-config --libs zlib libcrypto) -lpthread || exit 1
echo "data: $out/streamsbench gen $mb [gz] (${mb} MB of records)"
"$out/streamsbench" gen "$mb" > "$out/bench.warc" || exit 1
"$out/streamsbench" gen "$mb" gz > "$out/bench.warc.gz" || exit 1
for f in bench.warc bench.warc.gz; do
	echo "$out/streamsbench read $out/$f [payload]:"
	"$out/streamsbench" read "$out/$f"
	"$out/streamsbench" read "$out/$f" payload
done
/usr/bin/time -f "zcat $out/bench.warc.gz > /dev/null: %e s wall, %U s user" \
    zcat "$out/bench.warc.gz" > /dev/null
rm -f "$out/bench.warc" "$out/bench.warc.gz"
