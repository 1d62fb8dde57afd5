# Shared helpers for end-to-end tests (sourced). TAP output on stdout.
# Each test script: . "$(dirname "$0")/lib.sh"; ok/is/... ; done_testing

: "${PITH_BIN:?run through make check}"
T_N=0
T_FAILED=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pith-e2e.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
FIXTURES=$(cd "$(dirname "$0")/../fixtures" && pwd)
PATH="$PITH_BIN:$PATH"
export PATH

# ok COND_STATUS DESCRIPTION: pass when the status is 0. A description
# ending in "# TODO reason" marks a known failure: reported, not counted.
ok() {
	T_N=$((T_N + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T_N - $2"
	else
		echo "not ok $T_N - $2"
		case "$2" in *" # TODO"*) ;; *) T_FAILED=$((T_FAILED + 1)) ;; esac
	fi
}

# is GOT WANT DESCRIPTION
is() {
	T_N=$((T_N + 1))
	if [ "$1" = "$2" ]; then echo "ok $T_N - $3"
	else
		echo "not ok $T_N - $3"; T_FAILED=$((T_FAILED + 1))
		printf '%s\n' "#   got:  $1" | head -n 10
		printf '%s\n' "#   want: $2" | head -n 10
	fi
}

# contains HAYSTACK NEEDLE DESCRIPTION
contains() {
	case "$1" in *"$2"*) ok 0 "$3" ;;
	*) ok 1 "$3"; printf '%s\n' "#   missing: $2" ;; esac
}

# lacks HAYSTACK NEEDLE DESCRIPTION
lacks() {
	case "$1" in *"$2"*) ok 1 "$3"; printf '%s\n' "#   unwanted: $2" ;;
	*) ok 0 "$3" ;; esac
}

skip() {
	T_N=$((T_N + 1)); echo "ok $T_N # SKIP $1"
}

# shared_dir: prints ../shared when present, else nothing.
shared_dir() {
	[ -n "${PITH_SHARED:-}" ] && [ -d "$PITH_SHARED/conformance" ] &&
	    echo "$PITH_SHARED"
}

done_testing() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
}
