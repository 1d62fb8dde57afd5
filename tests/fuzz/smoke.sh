#!/bin/sh
# smoke.sh FUZZDIR SECONDS NAME...: runs each built target over its seeds
# and saved regressions, then SECONDS of fuzzing from them. Exits 1 at
# the first target that fails.
set -u
fuzz=$1 secs=$2
shift 2
here=$(dirname "$0")
st=0
for n in "$@"; do
	corpus=$fuzz/smoke/$n
	rm -rf "$corpus"
	sh "$here/seeds.sh" "$n" "$corpus" || exit 1
	mkdir -p "$fuzz/crash/$n"
	regress=
	[ -d "$here/regress/$n" ] && regress=$here/regress/$n
	if ! "$fuzz/fuzz_$n" -max_total_time="$secs" -max_len=65536 \
	    -rss_limit_mb=2048 -timeout=20 -artifact_prefix="$fuzz/crash/$n/" \
	    "$corpus" $regress >"$fuzz/smoke-$n.log" 2>&1; then
		echo "fuzz-smoke: $n failed; see $fuzz/smoke-$n.log"
		st=1
		continue
	fi
	echo "fuzz-smoke: $n ok ($(grep -Eo '^#[0-9]+' "$fuzz/smoke-$n.log" |
	    tail -1 | tr -d '#') runs)"
done
exit $st
