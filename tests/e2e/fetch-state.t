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

# kill -9 again and again, at random instants (PITH_KILL_SEED replays a
# sequence). After each kill: every state file is whole; every page whose
# state was committed had gone out whole before (output precedes state);
# the temporaries of the kill before were removed by this run; nothing
# on stderr. Then an uninterrupted run: every URL went out at least once.
M=$TMP/mstate
: >"$TMP/murls"
for i in $(seq 1 24); do
	for h in $H1 $H2 $H3; do echo "$h/slow/m$i?ms=60" >>"$TMP/murls"; done
done
cat >"$TMP/mcheck.py" <<'PY'
# mcheck.py STATEDIR PREVTMP SWEPT OUT...: prints "bad lost stale tmps":
# state files not whole, committed pages found in no whole output
# record, temporaries listed in PREVTMP still there (when SWEPT is 1: the
# last run got past opening the state), temporaries now present; keeps
# in PREVTMP those not yet swept.
import os, re, sys
state, prevtmp, swept, outs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
sent = set()
for o in outs:
    d = open(o, "rb").read()
    p = 0
    while True:
        h = d.find(b"\r\n\r\n", p)
        if h < 0:
            break
        head = d[p:h].decode("utf-8", "replace")
        m = re.search(r"Content-Length: (\d+)", head)
        end = h + 4 + int(m.group(1)) + 4 if m else len(d) + 1
        if end > len(d):
            break                       # cut by the kill: not whole
        if "WARC-Type: response" in head:
            sent.add(re.search(r"WARC-Target-URI: (\S+)", head).group(1))
        p = end
bad = lost = 0
tmps = []
for d, _, files in os.walk(state):
    for f in files:
        path = os.path.join(d, f)
        if ".tmp." in f:
            tmps.append(path)
            continue
        if f == "lock":
            continue
        s = open(path, "rb").read()
        if d.endswith("hosts"):
            m = re.search(rb"\nrobots-length (\d+)\n\n", s)
            if not s.startswith(b"pith-fetch-host 1\n") or not m or \
               len(s) - m.end() != int(m.group(1)):
                bad += 1
            continue
        if not s.startswith(b"pith-fetch-url 1\n") or not s.endswith(b"\n") \
           or b"\ntime " not in s:
            bad += 1
            continue
        u = re.search(rb"\nurl (\S+)\n", s)
        if b"\ndigest " in s and (not u or u.group(1).decode() not in sent):
            lost += 1
prev = open(prevtmp).read().split() if os.path.exists(prevtmp) else []
stale = sum(1 for t in prev if os.path.exists(t)) if swept == "1" else 0
keep = tmps if swept == "1" else sorted(set(tmps) | set(prev))
open(prevtmp, "w").write("\n".join(keep))
print(bad, lost, stale, len(tmps))
PY
seed=${PITH_KILL_SEED:-$$}
echo "# kill -9 loop: PITH_KILL_SEED=$seed"
awk -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < 24; i++)
    printf "%.2f\n", 0.2 + rand() * 1.2 }' >"$TMP/mdelays"
k=0 nbad=0 nlost=0 nstale=0 nerr=0 mid=0 ntmp=0
while read -r delay; do
	k=$((k + 1))
	pith-fetch $FAST --state "$M" --changed -j 3 -i "$TMP/murls" \
	    >"$TMP/m$k.warc" 2>"$TMP/m$k.err" &
	mpid=$!
	sleep "$delay"
	kill -9 $mpid 2>/dev/null && mid=$((mid + 1))
	wait $mpid 2>/dev/null
	[ -s "$TMP/m$k.err" ] && nerr=$((nerr + 1))
	# The warcinfo record goes out once the state is open (and swept).
	swept=0
	grep -aq '^WARC-Type: warcinfo' "$TMP/m$k.warc" && swept=1
	set -- $("$PY" "$TMP/mcheck.py" "$M" "$TMP/mprev" $swept "$TMP"/m[0-9]*.warc)
	[ "$1" = 0 ] || echo "# kill $k after ${delay}s: $1 state files not whole"
	[ "$2" = 0 ] || echo "# kill $k after ${delay}s: $2 committed pages never went out"
	[ "$3" = 0 ] || echo "# kill $k after ${delay}s: $3 temporaries of kill $((k - 1)) left"
	nbad=$((nbad + $1)) nlost=$((nlost + $2)) nstale=$((nstale + $3))
	[ "$4" -gt 0 ] && ntmp=$((ntmp + 1))
done <"$TMP/mdelays"
echo "# kill -9 loop: $ntmp of $k kills left temporaries behind"
ok "$([ $mid -ge 20 ]; echo $?)" "kill -9 loop: $mid of $k runs killed mid-run"
is "$nbad" 0 "kill -9 loop: every state file whole after every kill"
is "$nlost" 0 "kill -9 loop: every committed page had gone out whole before the kill"
is "$nstale" 0 "kill -9 loop: each run removed the temporaries of the kill before"
is "$nerr" 0 "kill -9 loop: no run complained about the state"
pith-fetch $FAST --state "$M" --changed -j 3 -i "$TMP/murls" >"$TMP/mlast.warc" 2>"$TMP/mlast.err"
is "$?/$(cat "$TMP/mlast.err")" "0/" "kill -9 loop: the run after the last kill completes cleanly"
n=$(grep -ac '^WARC-Type: response' "$TMP/mlast.warc")
echo "# kill -9 loop: the last run passed on $n of 72 pages"
all=$(cat "$TMP"/m[0-9]*.warc "$TMP/mlast.warc" | tr -d '\r' |
    sed -n 's/^WARC-Target-URI: //p' | sort -u | wc -l)
is "$all" 72 "kill -9 loop: every URL passed on at least once"
set -- $("$PY" "$TMP/mcheck.py" "$M" "$TMP/mprev" 1 "$TMP/mlast.warc")
is "$(find "$M" -name '*.tmp.*' | wc -l)/$3" 0/0 "kill -9 loop: no temporaries left after the last run"

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
