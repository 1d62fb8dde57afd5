#!/bin/sh
# pith-segment: sentence-boundary quality on the UD English EWT and GUM
# dev sets (../shared/segment, scored by ../shared/bench/score-segment),
# and speed and memory on English prose.
set -u
out=${BENCH_OUT:-bench/out}/segment
S=$PITH_SHARED
SEG=$PITH_BIN/pith-segment
mkdir -p "$out"

echo "quality: $S/bench/score-segment [--flat] --batch GOLD -- pith-segment -z [--uax29]"
printf '%-34s %6s %6s %6s %8s %8s\n' set P R F1 in-para exact-R
for set in ud_en_ewt_dev ud_en_gum_dev; do
	for variant in "" "--flat" "uax29"; do
		flat=
		args="-z"
		label=$set
		case $variant in
		--flat) flat=--flat; label="$set --flat" ;;
		uax29) args="-z --uax29"; label="$set (--uax29 only)" ;;
		esac
		# shellcheck disable=SC2086
		"$S/bench/score-segment" $flat --batch --show 0 \
		    "$S/segment/$set.jsonl" -- "$SEG" $args >"$out/$set$variant.txt" 2>&1
		awk -v label="$label" '
		    /^boundaries/ { p = $3; r = $5; f = $7 }
		    /^inside paragraph/ { ip = $8 }
		    /^exact sentences/ { er = $6 }
		    END { printf "%-34s %6s %6s %6s %8s %8s\n", label, p, r, f, ip, er }
		' "$out/$set$variant.txt"
	done
done

echo
echo "speed: English prose (GUM dev texts repeated to 100 MB), one thread"
python3 - "$S/segment/ud_en_gum_dev.jsonl" "$out/prose.txt" <<'PY'
import json, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
block = ("\n\n".join(texts) + "\n\n").encode()
with open(sys.argv[2], "wb") as f:
    for _ in range(100_000_000 // len(block) + 1):
        f.write(block)
PY
head -c 10000000 "$out/prose.txt" >"$out/prose10.txt"
mb=$(awk -v b="$(wc -c <"$out/prose.txt")" 'BEGIN { printf "%.1f", b / 1e6 }')
printf '%-36s %8s %8s %10s %10s %10s\n' command MB "cpu s" "MB/s cpu" "MB/s wall" "peak RSS"
for args in "-s" "-s -f json" "-p" "-w" "-s --uax29"; do
	# shellcheck disable=SC2086
	/usr/bin/time -f "%U %S %e %M" -o "$out/time.txt" \
	    "$SEG" $args "$out/prose.txt" >/dev/null
	read -r user sys wall rss <"$out/time.txt"
	awk -v a="pith-segment $args" -v mb="$mb" -v u="$user" -v s="$sys" \
	    -v w="$wall" -v r="$rss" 'BEGIN {
		printf "%-36s %8s %8.2f %10.1f %10.1f %7d KB\n", a, mb, u + s,
		    mb / (u + s), mb / w, r }'
done
/usr/bin/time -f "%M" -o "$out/time.txt" "$SEG" "$out/prose10.txt" >/dev/null
echo "peak RSS on the first 10 MB: $(cat "$out/time.txt") KB (flat memory: same as on 100 MB)"
echo "(MB/s cpu = input MB / (user + sys) seconds; wall time depends on the machine's load)"
