#!/bin/sh
# GNU parallel over pith-strip -f warc: several WARC files (plain and
# gzip), one job each, give the same records as a sequential run. The
# records carry their own WARC-Record-ID and WARC-Date, so those two
# (which differ between runs) are left out of the comparison.
. "$(dirname "$0")/lib.sh"

if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	echo "1..0 # SKIP GNU parallel not installed (Debian package parallel)"
	exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 missing"; exit 0; }

python3 - "$TMP" <<'PY'
import gzip, sys
tmp = sys.argv[1]
words = ("harbour mill tide river stone bridge market lantern orchard "
         "ferry meadow quarry").split()
def record(n, k):
    text = " ".join(words[(n * 7 + k * 3 + i) % len(words)]
                    for i in range(40))
    html = ("<html><head><title>Page %d.%d</title></head><body><nav>Home "
            "| About</nav><article><p>Paragraph one of page %d.%d: %s.</p>"
            "<p>Paragraph two says more: %s.</p></article><footer>(c) "
            "2026</footer></body></html>" % (n, k, n, k, text, text[::-1]))
    body = html.encode()
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             b"Content-Length: %d\r\n\r\n" % len(body)) + body
    return (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: "
            b"<urn:uuid:00000000-0000-4000-8000-%06d%06d>\r\n"
            b"WARC-Date: 2026-01-01T00:00:00Z\r\n"
            b"WARC-Target-URI: http://example.com/%d/%d\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (n, k, n, k, len(block))
            + block + b"\r\n\r\n")
for n in range(1, 9):
    recs = [record(n, k) for k in range(1, 6)]
    if n % 2:
        open("%s/in%d.warc" % (tmp, n), "wb").write(b"".join(recs))
    else:
        open("%s/in%d.warc.gz" % (tmp, n), "wb").write(
            b"".join(gzip.compress(r, mtime=0) for r in recs))
PY
ls "$TMP"/in*.warc* > "$TMP/list"

# comparable FILE: the records without the per-run fields, and without
# the warcinfo record each run starts with.
comparable() {
	tr -d '\r' < "$1" | grep -v -e '^WARC-Record-ID:' -e '^WARC-Date:' \
	    -e '^WARC-Refers-To-Date:' -e '^WARC-Warcinfo-ID:' | awk '
	function put() { if (rec != "" && rec !~ /WARC-Type: warcinfo/) printf "%s", rec }
	/^WARC\/1\.[01]$/ { put(); rec = "" }
	{ rec = rec $0 "\n" }
	END { put() }'
}

while read -r f; do
	pith-strip -f warc "$f" > "$f.seq" || echo "seq failed: $f" >&2
done < "$TMP/list"

parallel --will-cite -j 4 --halt now,fail=1 \
    'pith-strip -f warc {} > {}.par' < "$TMP/list" 2>"$TMP/par.err"
is "$?" 0 "parallel -j 4 pith-strip -f warc: all jobs succeed"
is "$(cat "$TMP/par.err")" "" "parallel run: nothing on stderr"

same=0 n=0
while read -r f; do
	n=$((n + 1))
	comparable "$f.seq" > "$TMP/a"
	comparable "$f.par" > "$TMP/b"
	cmp -s "$TMP/a" "$TMP/b" || { same=1; echo "# differs: $f"; }
done < "$TMP/list"
ok "$same" "parallel output equals sequential output for $n files"

records=$(cat "$TMP"/*.par | grep -c '^WARC-Type: conversion')
is "$records" 40 "40 conversion records from 8 files of 5 responses"
contains "$(cat "$TMP"/in4.warc.gz.par)" "Paragraph two says more" "content extracted from the gzip files"

# One stream: parallel --pipe over concatenated plain WARC splits at
# record starts (--recstart 'WARC/1.1') and gives the same records, in
# order with --keep-order (each job adds its own warcinfo record).
cat "$TMP"/in1.warc "$TMP"/in3.warc "$TMP"/in5.warc "$TMP"/in7.warc > "$TMP/all.warc"
pith-strip -f warc "$TMP/all.warc" > "$TMP/all.seq"
parallel --will-cite -j 2 --keep-order --pipe --block 4k \
    --recstart 'WARC/1.1' 'pith-strip -f warc' < "$TMP/all.warc" \
    > "$TMP/all.par" 2>"$TMP/pipe.err"
is "$?" 0 "parallel --pipe --recstart WARC/1.1: status 0"
comparable "$TMP/all.seq" > "$TMP/a"
comparable "$TMP/all.par" > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b"
ok $? "parallel --pipe over one stream equals the sequential run"
is "$(grep -c '^WARC-Type: conversion' "$TMP/b")" 20 "all 20 records came through the pipe"

done_testing
