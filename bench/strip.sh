#!/bin/sh
# pith-strip quality on ../shared/corpus (shingle F1 per dataset, wcxb
# per page type, WCXB's word metric) and speed against gumbo's parse.
set -u
out=${BENCH_OUT:-bench/out}/strip
S=$PITH_SHARED
mkdir -p "$out"
echo "quality: $S/bench/run-extractor -j 2 $out pith-strip; $S/bench/score $out"
"$S/bench/run-extractor" -j 2 "$out" "$PITH_BIN/pith-strip" | tail -n 1
"$S/bench/score" "$out" | tail -n 14
echo "wcxb by page type (shingle):"
"$S/bench/score" --dataset wcxb --by-type "$out" | grep 'wcxb:.*shingle'
echo "wcxb by page type (WCXB word metric):"
"$S/bench/score" --dataset wcxb --metric words --by-type "$out" | grep 'wcxb'

echo
echo "speed: bench/stripbench over the same raw pages, one process"
cc -O2 -Ilib -o "$out/stripbench" bench/stripbench.c lib/libpith.a \
    $(pkg-config --libs gumbo jansson libutf8proc libcurl zlib libcrypto) -lm -lpthread || exit 1
ls "$S"/corpus/*/*.html > "$out/pages.txt"
"$out/stripbench" $(cat "$out/pages.txt")
echo
echo "tool over a WARC of the same pages (pith-strip -f warc, -j 1 and -j 2):"
python3 - "$out/pages.txt" "$out/corpus.warc" <<'PY'
import sys, uuid
pages, dst = sys.argv[1], sys.argv[2]
with open(dst, 'wb') as w:
    for p in open(pages).read().split():
        body = open(p, 'rb').read()
        http = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n' % len(body) + body
        hdr = ('WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n'
               'WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: file://%s\r\n'
               'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n'
               % (uuid.uuid4(), p, len(http))).encode()
        w.write(hdr + http + b'\r\n\r\n')
PY
mb=$(du -m "$out/corpus.warc" | cut -f1)
for j in 1 2; do
	/usr/bin/time -q -f "%e s wall, %M KB peak RSS, exit %x" \
	    -o "$out/time.txt" "$PITH_BIN/pith-strip" -j $j -f warc \
	    "$out/corpus.warc" > /dev/null 2>"$out/strip.err"
	printf 'pith-strip -j %s: %s MB WARC in %s\n' $j "$mb" "$(cat "$out/time.txt")"
	tail -n 1 "$out/strip.err"
done
echo "(exit 1: some pages have no main content, which -f warc reports)"
