#!/bin/sh
# Fuzz smoke test: when clang with libFuzzer is installed, builds the
# targets in tests/fuzz (make fuzz-build, in build/fuzz) and runs each
# over its seed corpus and saved regressions, then a few seconds of
# fuzzing (make fuzz-smoke). Longer runs: make fuzz FUZZ_SECONDS=N.
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v clang >/dev/null 2>&1; then
	echo "1..0 # SKIP clang not installed (Debian packages clang libclang-rt-14-dev)"
	exit 0
fi
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ return 0; }\n' \
    > "$TMP/probe.c"
if ! clang -fsanitize=fuzzer,address,undefined -o "$TMP/probe" "$TMP/probe.c" \
    >/dev/null 2>&1; then
	echo "1..0 # SKIP clang cannot link libFuzzer (Debian package libclang-rt-14-dev)"
	exit 0
fi

# The targets are ASan builds of their own; the tools' sanitizer options
# from the runner do not apply to them.
unset ASAN_OPTIONS UBSAN_OPTIONS
names=$(cd "$root/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
make -C "$root" --no-print-directory fuzz-build >"$TMP/build.log" 2>&1
st=$?
is "$st" 0 "fuzz targets build"
[ "$st" -eq 0 ] || sed 's/^/# /' "$TMP/build.log" | tail -n 20
make -C "$root" --no-print-directory fuzz-smoke FUZZ_SMOKE_SECONDS=2 \
    >"$TMP/smoke.log" 2>&1
for n in $names; do
	line=$(grep "^fuzz-smoke: $n " "$TMP/smoke.log")
	contains "$line" "$n ok" "fuzz target $n: seeds, regressions and 2 s of fuzzing"
	case "$line" in *" ok "*) ;; *) grep "^fuzz-smoke: $n " "$TMP/smoke.log" | sed 's/^/# /' ;; esac
done
done_testing
