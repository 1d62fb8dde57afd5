#!/bin/sh
# pith-fetch: retries, backoff, Retry-After, timeouts, broken transfers.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fetch.sh"
start_server

err=$(pith-fetch $FAST --retries 2 $H1/status/503 2>&1 >/dev/null); is $? 1 "503: exit 1"
is "$err" "pith-fetch: $H1/status/503: 503 Service Unavailable after 3 tries" "503: one line, with the tries"
is "$(count_req 127.0.0.1 /status/503)" 3 "503: tried 1 + --retries times"

pith-fetch $FAST --retries 0 $H1/status/500 >/dev/null 2>&1
is "$(count_req 127.0.0.1 /status/500)" 1 "--retries 0: one try"
pith-fetch $FAST --retries 3 $H1/status/404 >/dev/null 2>&1
is "$(count_req 127.0.0.1 /status/404)" 1 "404 is not retried"

out=$(pith-fetch $FAST --retries 2 "$H1/flaky/a?fail=2&code=429"); ok $? "429 twice, then 200: exit 0"
contains "$out" "Worked on try 3." "429: third try's body"
out=$(pith-fetch $FAST --retries 1 "$H1/flaky/b?fail=1&code=408"); ok $? "408 is retried"

# Retry-After is a floor on the wait: 1 second, seen in the server log.
pith-fetch $FAST --retries 1 "$H1/flaky/c?fail=1&code=503&retry-after=1" >/dev/null
ok $? "503 with Retry-After: 1, then 200"
gap=$(logq "
t=[e['t0'] for e in log if e['path'].startswith('/flaky/c')]
print('ok' if len(t)==2 and t[1]-t[0] >= 0.99 else 'gap %s' % [b-a for a,b in zip(t,t[1:])])")
is "$gap" ok "Retry-After seconds: waited at least 1 s"
when=$("$PY" -c "import time; print(int(time.time()) + 3)")
date1=$("$PY" -c "import email.utils; print(email.utils.formatdate($when, usegmt=True))")
enc=$("$PY" -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$date1")
pith-fetch $FAST --retries 1 "$H1/flaky/d?fail=1&code=503&retry-after=$enc" >/dev/null
ok $? "503 with Retry-After as an HTTP-date"
gap=$(logq "
t=[e['t0'] for e in log if e['path'].startswith('/flaky/d')]
print('ok' if len(t)==2 and t[1] >= $when - 0.01 else 'tries at %s, date %s' % (t, $when))")
is "$gap" ok "Retry-After date: waited until then (whole seconds)"
err=$(pith-fetch $FAST --retries 2 "$H1/status/503?retry-after=86400" 2>&1)
contains "$err" "Retry-After 86400 s is too long" "a day's Retry-After: give up, say why"

# Backoff grows: waits ~0.2, ~0.4 (x0.5-1.5) with --retry-wait 0.2.
pith-fetch $FAST --retry-wait 0.2 --retries 2 "$H1/flaky/e?fail=2" >/dev/null
gaps=$(logq "
t=[e['t0'] for e in log if e['path'].startswith('/flaky/e')]
g=[b-a for a,b in zip(t,t[1:])]
print('ok' if len(g)==2 and g[0] >= 0.09 and g[1] >= 0.19 else g)")
is "$gaps" ok "exponential backoff with jitter"

# Timeouts and broken transfers.
err=$(pith-fetch $FAST --timeout 1 --retries 1 "$H1/stall?s=3" 2>&1); is $? 1 "stalled body: exit 1"
contains "$err" "timed out" "stalled body: timeout reported"
contains "$err" "after 2 tries" "stalled body: retried"
err=$(pith-fetch $FAST --timeout 1 --retries 0 "$H1/slow?ms=2500" 2>&1); is $? 1 "slow response: exit 1"
contains "$err" "timed out" "slow response: timeout reported"
err=$(pith-fetch $FAST --retries 1 $H1/reset 2>&1 >"$TMP/reset.out"); is $? 1 "connection reset mid-body: exit 1"
is "$(count_req 127.0.0.1 /reset)" 2 "connection reset: retried"
is "$(wc -c <"$TMP/reset.out" | tr -d ' ')" 0 "connection reset: no partial body"
err=$(pith-fetch $FAST --retries 0 $H1/truncated 2>&1 >"$TMP/trunc.out"); is $? 1 "truncated body: exit 1"
contains "$err" "500 bytes remaining" "truncated body: reported"
is "$(wc -c <"$TMP/trunc.out" | tr -d ' ')" 0 "truncated body: no partial body"

# A closed port: connection refused, retried, reported.
closed=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
err=$(pith-fetch $FAST --retries 1 http://127.0.0.1:$closed/x 2>&1); is $? 1 "connection refused: exit 1"
contains "$err" "after 2 tries" "connection refused: retried"

# In a WARC run a failure does not stop the others.
pith-fetch $FAST --retries 0 $H1/page/ok1 $H1/status/500 $H1/page/ok2 >"$TMP/mix.warc" 2>/dev/null
is $? 1 "mixed run: exit 1"
is "$(grep -ac '^WARC-Type: response' "$TMP/mix.warc")" 2 "mixed run: the good pages are written"

done_testing
