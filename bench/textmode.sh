#!/bin/sh
# Text mode on the shared corpus, without the HTML: each page is first
# flattened to a full-page text dump (no extraction), then text mode picks
# the content out of the dump, and ../shared/bench/score compares with the
# gold. Three rows per dataset: the plain dump, text mode, and text mode
# with site templates learnt over all pages of the dataset (first pass
# learns, second extracts). Then text-mode speed in MB/s of dump text.
#
# Dump: `pith-strip --all` when pith-strip has it, else lynx (dev-time
# only); text mode: `pith-strip --text` when it has it, else the driver
# bench/textmode-driver.c built against lib/libpith.a. Templates always
# use the driver (it controls the two passes).
#
# Environment: PITH_BIN, PITH_SHARED (as set by `make bench`), JOBS (2),
# TEXTMODE_OUT (work directory, default bench/out/textmode).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${PITH_SHARED:-$root/../shared}
bin=${PITH_BIN:-$root/bin}
jobs=${JOBS:-2}
out=${TEXTMODE_OUT:-$root/bench/out/textmode}
corpus=$shared/corpus
score=$shared/bench/score
runx=$shared/bench/run-extractor

if [ ! -d "$corpus" ] || [ ! -x "$score" ]; then
	echo "textmode: no shared corpus at $shared; skipped"
	exit 0
fi
strip=$bin/pith-strip
if [ -x "$strip" ] && "$strip" --help 2>&1 | grep -q -- '--all'; then
	dump="$strip --all"
elif command -v lynx >/dev/null 2>&1; then
	dump='lynx -dump -nolist -stdin -display_charset=utf-8'
else
	echo "textmode: neither 'pith-strip --all' nor lynx; skipped"
	exit 0
fi
mkdir -p "$out"
drv=$out/textmode-driver
if [ ! -f "$root/lib/libpith.a" ]; then
	echo "textmode: lib/libpith.a missing (run make); skipped"
	exit 0
fi
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -I"$root/lib" -o "$drv" "$here/textmode-driver.c" "$root/lib/libpith.a" \
    -lpthread -lm || exit 1
if [ -x "$strip" ] && "$strip" --help 2>&1 | grep -q -- '--text'; then
	text="$strip --text"
else
	text=$drv
fi

echo "== text mode: full-page dump -> text mode -> score (shingle F1)"
echo "dump:      $dump"
echo "text mode: $text"
"$runx" -j "$jobs" "$out/dump" "$dump" >"$out/dump.log" 2>&1 || {
	echo "textmode: run-extractor failed, see $out/dump.log"; exit 1; }

# Text mode over every dump file, and the list for the template pass
# (HOST from the URL column of each dataset's MANIFEST.tsv).
rm -rf "$out/text" "$out/tmpl"
list=$out/list.tsv
: >"$list"
for d in "$out/dump"/*/; do
	ds=$(basename "$d")
	case "$ds" in _*) continue ;; esac
	[ -f "$corpus/$ds/MANIFEST.tsv" ] || continue
	mkdir -p "$out/text/$ds" "$out/tmpl/$ds"
	awk -F'\t' -v ds="$ds" -v dump="$out/dump" -v tm="$out/tmpl" '
	    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "url") u = i; next }
	    {
		h = u ? $u : ""
		sub(/^[A-Za-z]+:\/\//, "", h); sub(/[\/:?#].*/, "", h)
		sub(/^www\./, "", h)
		printf "%s/%s\t%s/%s/%s.txt\t%s/%s/%s.txt\n", ds, tolower(h),
		    dump, ds, $1, tm, ds, $1
	    }' "$corpus/$ds/MANIFEST.tsv" >>"$list"
done
cut -f2 "$list" | while read -r f; do [ -f "$f" ] && echo "$f"; done \
    >"$out/files.lst"
sed "s|^$out/dump/||" "$out/files.lst" | xargs -P "$jobs" -I{} \
    sh -c "$text < '$out/dump/{}' > '$out/text/{}'"
"$drv" -T "$list"

"$score" "$out/dump" >"$out/score-dump.txt" 2>&1
"$score" "$out/text" >"$out/score-text.txt" 2>&1
"$score" "$out/tmpl" >"$out/score-tmpl.txt" 2>&1
# F1 is the last number on text-gold rows, the one before "acc" on
# snippet rows.
f1() {
	awk -v row="$2" -v kind="$3" '
	    index($0, row) == 1 && (kind == "" || $0 ~ kind) {
		sub(/ +acc +[0-9.]+.*$/, "")
		sub(/ +\(mean over.*$/, "")
		print $NF; exit
	    }' "$1"
}
printf '%-18s %-8s %7s %7s %7s %7s\n' dataset gold dump text +tmpl gain
for row in cleaneval cleanportaleval dragnet l3s-gn1 readability \
    trafilatura wcxb "OVERALL (macro)"; do
	for kind in shingle snippet both; do
		a=$(f1 "$out/score-dump.txt" "$row " "$kind")
		[ -n "$a" ] || continue
		b=$(f1 "$out/score-text.txt" "$row " "$kind")
		c=$(f1 "$out/score-tmpl.txt" "$row " "$kind")
		printf '%-18s %-8s %7s %7s %7s %7s\n' "$row" "$kind" "$a" \
		    "$b" "$c" "$(awk -v b="${b:-0}" -v c="${c:-0}" \
		    'BEGIN { printf "%+.3f", c - b }')"
	done
done
echo "(gain: text mode + templates minus text mode alone; the datasets"
echo " with several pages per site are cleanportaleval, dragnet, wcxb)"
echo "full scores: $out/score-{dump,text,tmpl}.txt"

echo
echo "== text-mode speed (dump text held in memory, one thread)"
"$drv" -S "$out/files.lst"
echo "command: $drv -S $out/files.lst"
