#!/bin/sh
# lib/encoding speed: decoding 64 MiB of synthetic text per encoding, and
# sniffing + decoding the raw corpus pages as pith-strip does.
set -u
out=${BENCH_OUT:-bench/out}/encoding
mkdir -p "$out"
echo "speed: bench/encodingbench $PITH_SHARED/corpus/*/*.html"
cc -O2 -Ilib -o "$out/encodingbench" bench/encodingbench.c lib/libpith.a \
    -lpthread || exit 1
"$out/encodingbench" "$PITH_SHARED"/corpus/*/*.html
