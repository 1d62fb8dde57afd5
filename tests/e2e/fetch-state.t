#!/bin/sh
# pith-fetch --state: conditional requests, --changed, revisit records,
# a kill -9 in the middle of a run, two runs on one state directory.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fetch.sh"
start_server
S=$TMP/state
printf '%s\n' "$H1/etag/a" "$H1/lm/b" "$H2/page/c" "$H3/goto?code=301&to=$H1/etag/moved" >"$TMP/urls"
responses() { grep -ac '^WARC-Type: response' "$1"; }

# Run 1: everything is new.
pith-fetch $FAST --state "$S" --changed -i "$TMP/urls" >"$TMP/r1.warc"; ok $? "run 1"
is "$(responses "$TMP/r1.warc")" 4 "run 1: all four pages flow on"

# Run 2: nothing changed: validators sent, nothing flows on.
clear_log
pith-fetch $FAST --state "$S" --changed -i "$TMP/urls" >"$TMP/r2.warc"; ok $? "run 2: exit 0"
is "$(responses "$TMP/r2.warc")" 0 "run 2: nothing changed, nothing flows on"
is "$(logq "print([e['inm'] is not None for e in log if e['path']=='/etag/a'])")" "[True]" "run 2: If-None-Match sent"
is "$(logq "print([e['status'] for e in log if e['path'] in ('/etag/a','/lm/b')])")" "[304, 304]" "run 2: 304 for ETag and for Last-Modified"
is "$(logq "print([e['status'] for e in log if e['path']=='/etag/moved'])")" "[304]" "run 2: validators sent to where the redirect leads"
is "$(logq "print([e['ims'] is not None for e in log if e['path']=='/lm/b'])")" "[True]" "run 2: If-Modified-Since sent"

# Run 3: one page changed.
printf '<p>new text</p>\n' >"$SRV_DIR/content/a"
pith-fetch $FAST --state "$S" --changed -i "$TMP/urls" >"$TMP/r3.warc"; ok $? "run 3"
is "$(responses "$TMP/r3.warc")" 1 "run 3: only the changed page flows on"
contains "$(cat "$TMP/r3.warc")" "new text" "run 3: with its new content"

# Without --changed, WARC mode writes revisit records.
pith-fetch $FAST --state "$S" -i "$TMP/urls" >"$TMP/r4.warc"; ok $? "run 4 (no --changed)"
is "$(grep -ac '^WARC-Type: revisit' "$TMP/r4.warc")" 4 "run 4: a revisit record per unchanged page"
contains "$(cat "$TMP/r4.warc")" "revisit/server-not-modified" "revisit: 304 profile"
contains "$(cat "$TMP/r4.warc")" "revisit/identical-payload-digest" "revisit: same-digest profile"
contains "$(cat "$TMP/r4.warc")" "WARC-Refers-To-Date:" "revisit: refers to the earlier capture"

# One URL, --changed: the body once, then nothing.
out=$(pith-fetch $FAST --state "$S" --changed $H1/etag/one); ok $? "single URL, first run"
contains "$out" "Default text." "single URL: the body"
out=$(pith-fetch $FAST --state "$S" --changed $H1/etag/one); ok $? "single URL, second run"
is "$out" "" "single URL unchanged: nothing"
out=$(pith-fetch $FAST --state "$S" $H1/etag/one)
contains "$out" "Default text." "without --changed: the body again"

# State files are readable text.
f=$(grep -l "etag/one" "$S"/urls/*/*)
contains "$(cat "$f")" "etag \"" "state keeps the ETag"
contains "$(cat "$f")" "digest sha1:" "state keeps the content hash"
contains "$(cat "$f")" "status 200" "state keeps the last status"

# kill -9 in the middle of a run.
K=$TMP/kstate
: >"$TMP/kurls"
for i in $(seq 1 12); do
	for h in $H1 $H2 $H3; do echo "$h/slow/k$i?ms=100" >>"$TMP/kurls"; done
done
pith-fetch $FAST --state "$K" --changed -j 3 -i "$TMP/kurls" >"$TMP/k1.warc" 2>"$TMP/k1.err" &
kpid=$!
n=0
while [ "$(logq "print(sum(1 for e in log if e['path'].startswith('/slow/k')))")" -lt 4 ] && [ $n -lt 200 ]; do
	sleep 0.05; n=$((n + 1))
done
kill -9 $kpid
wait $kpid 2>/dev/null
n1=$(responses "$TMP/k1.warc")
ok $([ "$n1" -gt 0 ] && [ "$n1" -lt 36 ] && echo 0 || echo 1) "kill -9 came mid-run ($n1 of 36 done)"
bad=$("$PY" -c "
import os, sys
bad = 0
for d, _, files in os.walk('$K/urls'):
    for f in files:
        if '.tmp.' in f: continue
        s = open(os.path.join(d, f), 'rb').read()
        if not s.startswith(b'pith-fetch-url 1\n') or not s.endswith(b'\n') or b'\ntime ' not in s:
            bad += 1
print(bad)")
is "$bad" 0 "after kill -9: every state file is whole"
pith-fetch $FAST --state "$K" --changed -j 3 -i "$TMP/kurls" >"$TMP/k2.warc" 2>"$TMP/k2.err"
ok $? "after kill -9: the next run works"
is "$(cat "$TMP/k2.err")" "" "after kill -9: no complaints"
all=$(cat "$TMP/k1.warc" "$TMP/k2.warc" | tr -d '\r' | sed -n 's/^WARC-Target-URI: //p' | sort -u | wc -l)
is "$all" 36 "after kill -9: every page flowed on in one run or the other"
is "$(find "$K" -name '*.tmp.*' | wc -l)" 0 "temporaries of the killed run removed"

# SIGTERM: the run ends cleanly; what went out is remembered, the rest
# is listed as failed, nothing is passed on twice.
T=$TMP/tstate
clear_log
pith-fetch $FAST --state "$T" --changed -j 3 -i "$TMP/kurls" --failed "$TMP/t.failed" \
    >"$TMP/t1.warc" 2>"$TMP/t1.err" &
tpid=$!
n=0
while [ "$(logq "print(sum(1 for e in log if e['path'].startswith('/slow/k')))")" -lt 4 ] && [ $n -lt 200 ]; do
	sleep 0.05; n=$((n + 1))
done
kill -TERM $tpid
wait $tpid; is $? 1 "SIGTERM: exit 1"
contains "$(cat "$TMP/t1.err")" "interrupted: " "SIGTERM: says how many URLs were not fetched"
t1=$(responses "$TMP/t1.warc")
is "$(wc -l <"$TMP/t.failed" | tr -d ' ')" $((36 - t1)) "SIGTERM: the rest are in --failed"
pith-fetch $FAST --state "$T" --changed -j 3 -i "$TMP/kurls" >"$TMP/t2.warc"; ok $? "after SIGTERM: next run"
dups=$(cat "$TMP/t1.warc" "$TMP/t2.warc" | tr -d '\r' |
    awk '/^WARC-Type: / { t = $2 } /^WARC-Target-URI: / { if (t == "response") print $2 }' |
    sort | uniq -d | wc -l)
is "$dups" 0 "after SIGTERM: no page passed on twice"
is "$(($(responses "$TMP/t2.warc") + t1))" 36 "after SIGTERM: every page passed on once"

# Two runs on one state directory: the second fails clearly (or waits).
: >"$TMP/lurls"
for i in 1 2 3 4 5; do echo "$H1/slow/l$i?ms=200" >>"$TMP/lurls"; done
pith-fetch $FAST --state "$S" -i "$TMP/lurls" >/dev/null 2>&1 &
apid=$!
n=0
while [ "$(count_req 127.0.0.1 /slow/l1?ms=200)" = 0 ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
err=$(pith-fetch $FAST --state "$S" $H1/page/other 2>&1); is $? 1 "second run on a locked state: exit 1"
contains "$err" "state directory in use by another pith-fetch run" "second run: clear message"
pith-fetch $FAST --state "$S" --lock-wait 30 $H1/page/other >/dev/null 2>&1
ok $? "--lock-wait: waits for the first run, then runs"
wait $apid; ok $? "first run unaffected"
is "$(count_req 127.0.0.1 /page/other)" 1 "the waiting run fetched after the lock was released"

done_testing
