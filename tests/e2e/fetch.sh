# Sourced by tests/e2e/fetch*.t (after lib.sh): starts the test HTTP
# server (tests/fetch-server.py) on 127.0.0.1-3 and gives helpers to read
# its request log. Nothing here touches an address outside 127.0.0.0/8.

unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
    no_proxy NO_PROXY
SRV_DIR=$TMP/srv
# Debian's python3 when there is one: a version manager's shim can take
# a second or more to start, which would skew the timing checks.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
SRV_SCRIPT=$(cd "$(dirname "$0")/.." && pwd)/fetch-server.py

start_server() {
	command -v "$PY" >/dev/null 2>&1 || {
		echo "1..0 # SKIP python3 not installed"; exit 0; }
	mkdir -p "$SRV_DIR"
	"$PY" "$SRV_SCRIPT" --dir "$SRV_DIR" --hosts 3 --lifetime 600 \
	    >"$TMP/srv.out" 2>&1 &
	SRV_PID=$!
	trap 'kill $SRV_PID 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
	n=0
	while [ ! -f "$SRV_DIR/port" ]; do
		sleep 0.1
		n=$((n + 1))
		if [ $n -gt 150 ]; then
			echo "1..0 # SKIP test server did not start: $(cat "$TMP/srv.out")"
			exit 0
		fi
	done
	PORT=$(cat "$SRV_DIR/port")
	H1=http://127.0.0.1:$PORT
	H2=http://127.0.0.2:$PORT
	H3=http://127.0.0.3:$PORT
}

# logq 'PYTHON' : runs PYTHON with `log` = the list of request-log entries
# (dicts: t0, t1, host, path, status, ua, inm, ims, ae) and prints what it
# prints.
logq() {
	"$PY" -c "
import json, sys
log = [json.loads(l) for l in open('$SRV_DIR/log')] if __import__('os').path.exists('$SRV_DIR/log') else []
$1"
}

# count_req HOST PATH : requests the server saw for that exact path.
count_req() {
	logq "print(sum(1 for e in log if e['host'] == '$1' and e['path'] == '$2'))"
}

# clear_log : forget earlier requests.
clear_log() {
	: >"$SRV_DIR/log"
}

# Fast defaults for every test run: short delays and timeouts.
FAST="--delay 0 --retry-wait 0.05 --timeout 5 --connect-timeout 2 --no-progress"
