#!/bin/sh
# pith-fetch: per-host delay and concurrency, checked from the server's
# request log (arrival and end times of each request).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fetch.sh"
start_server

# overlap HOST|all : the most requests the server handled at once. The
# server notes a request's end just after its last write, when the client
# may already have sent the next one: ends count 20 ms early (the slow
# pages here take 100 ms and more, so real overlaps still show).
overlap() {
	logq "
ev=[]
for e in log:
    if '$1' in ('all', e['host']) and e['path'] != '/robots.txt':
        ev += [(e['t0'], 1), (max(e['t0'], e['t1'] - 0.02), -1)]
ev.sort(key=lambda x: (x[0], x[1]))
n=m=0
for t, d in ev:
    n += d; m = max(m, n)
print(m)"
}

# --delay between requests to one host (robots.txt included).
pith-fetch $FAST --delay 0.25 -j 4 $H1/page/d1 $H1/page/d2 $H1/page/d3 \
    $H1/page/d4 >/dev/null; ok $? "--delay run"
gaps=$(logq "
t=sorted(e['t0'] for e in log if e['host']=='127.0.0.1')
g=[b-a for a,b in zip(t,t[1:])]
print('ok' if len(t)==5 and min(g) >= 0.25 else g)")
is "$gaps" ok "--delay 0.25: requests to a host at least 0.25 s apart"

# Per-host concurrency: -j 8 --per-host 2 over two hosts of slow pages.
clear_log
urls=""
for i in 1 2 3 4 5 6; do urls="$urls $H1/slow/a$i?ms=300 $H2/slow/b$i?ms=300"; done
pith-fetch $FAST -j 8 --per-host 2 $urls >/dev/null; ok $? "parallel run"
is "$(overlap 127.0.0.1)" 2 "--per-host 2: two at once on host 1, never more"
is "$(overlap 127.0.0.2)" 2 "--per-host 2: two at once on host 2, never more"
is "$(overlap all)" 4 "-j 8: both hosts at once"

# Default --per-host 1.
clear_log
pith-fetch $FAST -j 8 $urls >/dev/null; ok $? "default --per-host"
is "$(overlap 127.0.0.1)" 1 "default: one connection per host"
is "$(overlap all)" 2 "default: hosts still in parallel"

# -j 1: one at a time overall.
clear_log
pith-fetch $FAST -j 1 $H1/slow/s1?ms=100 $H2/slow/s2?ms=100 $H3/slow/s3?ms=100 >/dev/null
is "$(overlap all)" 1 "-j 1: one transfer at a time"

# The delay holds across runs through the state directory.
clear_log
pith-fetch $FAST --delay 1 --state "$TMP/st" $H1/page/r1 >/dev/null
pith-fetch $FAST --delay 1 --state "$TMP/st" $H1/page/r2 >/dev/null
gap=$(logq "
t=[e['t0'] for e in log if e['path'] in ('/page/r1', '/page/r2')]
print('ok' if len(t)==2 and t[1]-t[0] >= 0.99 else t)")
is "$gap" ok "next run waits for the host's next allowed time"

done_testing
