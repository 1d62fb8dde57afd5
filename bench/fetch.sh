#!/bin/sh
# pith-fetch throughput against the local test server (tests/fetch-server.py,
# python3's threaded http.server on 127.0.0.1-3), versus curl fetching the
# same URLs. Politeness off (--delay 0 --no-robots) so that the figures are
# about the fetcher, not the waits; the server is likely the bottleneck.
set -u
out=${BENCH_OUT:-bench/out}/fetch
N=${FETCH_BENCH_URLS:-600}
rm -rf "$out"
mkdir -p "$out/srv"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
"$PY" tests/fetch-server.py --dir "$out/srv" --hosts 3 --lifetime 600 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT INT TERM
n=0
while [ ! -f "$out/srv/port" ] && [ $n -lt 150 ]; do sleep 0.1; n=$((n + 1)); done
port=$(cat "$out/srv/port") || exit 1
i=0
: >"$out/urls"
: >"$out/curl.cfg"
while [ $i -lt "$N" ]; do
	u="http://127.0.0.$((i % 3 + 1)):$port/page/p$i"
	echo "$u" >>"$out/urls"
	printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >>"$out/curl.cfg"
	i=$((i + 1))
done

now() { date +%s.%N; }
# row LABEL COMMAND... : best of 3 runs, in pages/s.
row() {
	label=$1; shift
	best=
	for k in 1 2 3; do
		t0=$(now)
		"$@" >/dev/null 2>"$out/err" || {
			echo "$label: failed: $(head -n 3 "$out/err")"; return; }
		t1=$(now)
		best=$(echo "$t0 $t1 $best" | awk '{ d = $2 - $1; if ($3 == "" || d < $3) d = d; else d = $3; print d }')
	done
	echo "$best $N" | awk -v l="$label" '{ printf "%-46s %6.0f pages/s  (%.2f s)\n", l, $2 / $1, $1 }'
}

echo "$N URLs over 3 hosts (127.0.0.1-3), each page ~200 bytes"
F="$PITH_BIN/pith-fetch --no-progress --delay 0 --no-robots"
row "pith-fetch -j 1" $F -j 1 -i "$out/urls" -o "$out/j1.warc"
row "pith-fetch -j 8 --per-host 8" $F -j 8 --per-host 8 -i "$out/urls" -o "$out/j8.warc"
row "pith-fetch -j 8 (default --per-host 1)" $F -j 8 -i "$out/urls" -o "$out/j8p1.warc"
fresh() { rm -rf "$out/state"; "$@"; }
row "pith-fetch -j 8 --per-host 8 --state, new" fresh $F -j 8 --per-host 8 --state "$out/state" --changed -i "$out/urls" -o "$out/s1.warc"
row "pith-fetch -j 8 --per-host 8 --state, again" $F -j 8 --per-host 8 --state "$out/state" --changed -i "$out/urls" -o "$out/s2.warc"
row "curl -K (sequential, one process)" curl -s -K "$out/curl.cfg"
row "curl -Z --parallel-max 8" curl -s -Z --parallel-max 8 -K "$out/curl.cfg"
echo "commands: $F -j N [--per-host 8] -i URLS -o OUT.warc;" \
    "curl -s [-Z --parallel-max 8] -K CONFIG (url/output pairs)"
