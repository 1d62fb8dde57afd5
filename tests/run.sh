#!/bin/sh
# Runs every unit test program ($PITH_UNIT/test_*) and end-to-end script
# (tests/e2e/*.t), all of which speak TAP, and ends with one line:
# "N passed, N failed, N skipped".
# Environment: PITH_BIN (tools), PITH_UNIT (unit test binaries),
# PITH_SHARED (../shared or empty), PITH_SANITIZE.
# A single test can be run by name: sh tests/run.sh segment

cd "$(dirname "$0")/.." || exit 2
: "${PITH_BIN:?}" "${PITH_UNIT:?}"
export PITH_BIN PITH_UNIT PITH_SHARED PITH_SANITIZE
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LC_ALL=C.UTF-8

filter="$1"
log=$(mktemp -d "${TMPDIR:-/tmp}/pith-tests.XXXXXX") || exit 2
trap 'rm -rf "$log"' EXIT INT TERM
# Under the sanitizers every report (a leak at exit included) goes to a
# file of its own, and any report fails the run, whether or not the test
# that caused it looked at the status or the standard error.
if [ "${PITH_SANITIZE:-}" = 1 ]; then
	mkdir -p "$log/sanitizer"
	export ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$log/sanitizer/asan"
	export UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$log/sanitizer/ubsan"
fi
pass=0 fail=0 skip=0 ntodo=0 files=0 badfiles=""

for t in "$PITH_UNIT"/test_* tests/e2e/*.t; do
	[ -f "$t" ] || continue
	name=${t##*/}
	case "$name" in *"$filter"*) ;; *) continue ;; esac
	files=$((files + 1))
	out="$log/$name.out"
	case "$t" in
	*.t) sh "$t" >"$out" 2>"$log/$name.err" ;;
	*) "$t" >"$out" 2>"$log/$name.err" ;;
	esac
	rc=$?
	p=$(grep -c '^ok ' "$out" || true)
	s=$(grep -ci '^ok .*# skip' "$out" || true)
	# "not ok ... # TODO": a known failure, reported but not counted.
	f=$(grep '^not ok ' "$out" | grep -vic ' # TODO' || true)
	todo=$(grep '^not ok ' "$out" | grep -ic ' # TODO' || true)
	p=$((p - s))
	plan=$(grep -E '^1\.\.[0-9]+' "$out" | tail -n 1)
	if grep -qi '^1\.\.0 # skip' "$out"; then
		skip=$((skip + 1))
		printf '%-32s skipped (%s)\n' "$name" \
		    "$(sed -n 's/^1\.\.0 # [Ss][Kk][Ii][Pp] *//p' "$out")"
		continue
	fi
	status=ok
	# A crash, a missing plan or a wrong count is a failure too.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=$((f + 1)); status="exit $rc"; fi
	if [ -z "$plan" ]; then f=$((f + 1)); status="no plan"; fi
	if [ -n "$plan" ] && [ "${plan#1..}" -ne $((p + s + $(grep -c '^not ok ' "$out"))) ] 2>/dev/null; then
		f=$((f + 1)); status="plan mismatch"
	fi
	[ "$f" -gt 0 ] && [ "$status" = ok ] && status="FAILED"
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
	printf '%-32s %s (%d passed, %d failed, %d skipped%s)\n' "$name" \
	    "$status" "$p" "$f" "$s" "$([ "$todo" -gt 0 ] && echo ", $todo todo")"
	[ "$todo" -gt 0 ] && grep '^not ok .* # TODO' "$out" | sed 's/^/    /'
	ntodo=$((ntodo + todo))
	if [ "$f" -gt 0 ]; then
		badfiles="$badfiles $name"
		grep -E '^(not ok|#)' "$out" | head -n 40 | sed 's/^/    /'
		sed 's/^/    stderr: /' "$log/$name.err" | tail -n 20
	fi
done

[ "$files" -gt 0 ] || { echo "no tests found"; exit 1; }
if [ -d "$log/sanitizer" ] && [ -n "$(ls "$log/sanitizer")" ]; then
	n=$(ls "$log/sanitizer" | wc -l)
	echo "sanitizer reports: $n"
	for r in "$log/sanitizer"/*; do
		grep -E 'ERROR|SUMMARY|runtime error| #[0-9] ' "$r" | head -n 12 |
		    sed 's/^/    /'
	done
	fail=$((fail + n)) badfiles="$badfiles (sanitizer)"
fi
[ -n "$badfiles" ] && echo "failed:$badfiles"
echo "$pass passed, $fail failed, $skip skipped$([ "$ntodo" -gt 0 ] && echo ", $ntodo todo (known failures)")"
[ "$fail" -eq 0 ]
