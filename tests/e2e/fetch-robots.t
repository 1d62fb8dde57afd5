#!/bin/sh
# pith-fetch: robots.txt (RFC 9309) as fetched from a server.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fetch.sh"
start_server
R=$SRV_DIR/robots

printf 'User-agent: *\nDisallow: /page/secret\n\nUser-agent: pith-fetch\nDisallow: /page/private\nDisallow: /page/%s\n' \
    "$(printf '\303\274')" >"$R/127.0.0.1"

# Allow and disallow.
pith-fetch $FAST -v $H1/page/public $H1/page/private $H1/page/secret \
    >"$TMP/a.warc" 2>"$TMP/a.err"
is $? 0 "a disallowed URL is a legitimate skip: exit 0"
contains "$(cat "$TMP/a.err")" "$H1/page/private: skipped: disallowed by robots.txt" "-v says why it skipped"
is "$(grep -ac '^WARC-Type: response' "$TMP/a.warc")" 2 "allowed URLs fetched"
is "$(count_req 127.0.0.1 /page/private)" 0 "disallowed URL never requested"
is "$(count_req 127.0.0.1 /page/secret)" 1 "own group replaces the * group"
is "$(count_req 127.0.0.1 /robots.txt)" 1 "robots.txt fetched once per run"
pith-fetch $FAST -A "otherbot/2.0" $H1/page/secret 2>/dev/null >/dev/null
is "$(count_req 127.0.0.1 /page/secret)" 1 "-A otherbot: the * group applies"
err=$(pith-fetch $FAST $H1/page/private 2>&1); is $? 0 "single skipped URL: exit 0"
is "$err" "" "skips are silent without -v"
pith-fetch $FAST "$H1/page/$(printf '\303\274')" >/dev/null 2>&1
is "$(logq "print(sum(1 for e in log if e['path'].startswith('/page/%C3%BC') or e['path'].startswith('/page/\\u00fc')))")" 0 \
    "non-ASCII path percent-encoded before matching"

# --no-robots.
clear_log
pith-fetch $FAST --no-robots $H1/page/private >/dev/null; ok $? "--no-robots fetches it"
is "$(count_req 127.0.0.1 /robots.txt)" 0 "--no-robots: robots.txt not asked"

# 404 -> all allowed; 500 -> all disallowed (a failure: try again later).
pith-fetch $FAST $H2/page/any >/dev/null; ok $? "robots.txt 404: allowed"
echo "STATUS 500" >"$R/127.0.0.3"
err=$(pith-fetch $FAST --retries 1 $H3/page/any 2>&1); is $? 1 "robots.txt 500: URL fails"
contains "$err" "robots.txt unavailable (500 Internal Server Error) after 2 tries" "robots.txt 500: reason"
is "$(count_req 127.0.0.3 /page/any)" 0 "robots.txt 500: page not requested"
echo "STATUS 503" >"$R/127.0.0.3"
err=$(pith-fetch $FAST --retries 0 $H3/page/any 2>&1); is $? 1 "robots.txt 503: URL fails"

# Redirects: followed (to another host too); a loop ends as "unavailable".
echo "REDIRECT $H1/robots.txt" >"$R/127.0.0.3"
pith-fetch $FAST $H3/page/private 2>/dev/null >/dev/null
is "$(count_req 127.0.0.3 /page/private)" 0 "robots.txt redirect followed"
echo "REDIRECT /robots.txt" >"$R/127.0.0.3"
clear_log
pith-fetch $FAST $H3/page/any >/dev/null; ok $? "robots.txt redirect loop: allowed"
is "$(count_req 127.0.0.3 /robots.txt)" 6 "robots.txt: 5 redirects followed, no more"

# A redirect to another host: that host's robots.txt decides too.
clear_log
pith-fetch $FAST -v "$H2/goto?to=$H1/page/private" 2>"$TMP/goto.err" >/dev/null
is $? 0 "redirect into a disallowed path: a skip"
contains "$(cat "$TMP/goto.err")" "skipped: disallowed by robots.txt" "redirect target checked against its robots.txt"
is "$(count_req 127.0.0.1 /page/private)" 0 "redirect target not requested"
is "$(count_req 127.0.0.1 /robots.txt)" 1 "redirect target's robots.txt fetched"

# Over 500 KiB: the first 500 KiB count.
"$PY" -c "
import sys
sys.stdout.write('User-agent: *\nDisallow: /page/early\n' + '# filler\n' * 70000 + 'Disallow: /page/late\n')" >"$R/127.0.0.2"
pith-fetch $FAST $H2/page/early $H2/page/late >"$TMP/big.warc" 2>/dev/null
is "$(count_req 127.0.0.2 /page/early)" 0 "large robots.txt: early rule applies"
is "$(count_req 127.0.0.2 /page/late)" 1 "large robots.txt: rule past 500 KiB ignored"

# A robots.txt of 10 MB, plain and as gzip (10 MB from about 30 KB): read
# up to 500 KiB and no further, in little memory; the rules in those
# 500 KiB obeyed; a rule the limit cuts in two ("Disallow: /page/cut..."
# would become "Disallow: /p") and the rules after it ignored. Memory: no
# more than a few MB over a run without robots.txt (/usr/bin/time; not
# under ASan, which inflates it).
"$PY" -c "
import sys
lim = 500 * 1024
b = 'User-agent: *\nDisallow: /page/early\n'
b += ''.join('Disallow: /x/%d\n' % i for i in range(20000))
b += 'Disallow: /page/mid\n'
while len(b) < lim - 4096:
    b += '# filler\n'
b += '#' * (lim - 13 - len(b)) + '\n'
b += 'Disallow: /page/cut-in-two-by-the-limit\n'
late = 'Disallow: /page/late\n' * 1000
while len(b) < 10 << 20:
    b += late
sys.stdout.write(b)" >"$TMP/robots10m" || exit 2
cp "$TMP/robots10m" "$R/127.0.0.2"
{ echo GZIP; cat "$TMP/robots10m"; } >"$R/127.0.0.3"
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=
rss() {	# rss NAME CMD...: runs CMD, peak RSS in KB in $RSS (or empty)
	n=$1
	shift
	if [ -n "$TIME" ]; then
		"$TIME" -o "$TMP/$n.rss" -f %M "$@"
		RC=$?
		RSS=$(tail -n 1 "$TMP/$n.rss")
	else
		"$@"
		RC=$?
		RSS=
	fi
}
rss small pith-fetch $FAST --no-robots $H1/page/small >/dev/null 2>&1
small=$RSS
for h in 2 3; do
	what="10 MB robots.txt"
	[ $h = 3 ] && what="10 MB robots.txt as gzip"
	clear_log
	rss big$h pith-fetch $FAST http://127.0.0.$h:$PORT/page/early \
	    http://127.0.0.$h:$PORT/page/mid http://127.0.0.$h:$PORT/page/other \
	    http://127.0.0.$h:$PORT/page/late >"$TMP/big$h.warc" 2>"$TMP/big$h.err"
	is "$RC" 0 "$what: exit 0"
	is "$(cat "$TMP/big$h.err")" "" "$what: no complaints"
	is "$(count_req 127.0.0.$h /page/early)/$(count_req 127.0.0.$h /page/mid)" 0/0 \
	    "$what: rules at the start and at 360 KiB obeyed"
	is "$(count_req 127.0.0.$h /page/other)" 1 \
	    "$what: a rule cut in two at 500 KiB ignored, not read as 'Disallow: /p'"
	is "$(count_req 127.0.0.$h /page/late)" 1 "$what: rules past 500 KiB ignored"
	echo "# $what: peak RSS ${RSS:-?} KB (without robots.txt: ${small:-?} KB)"
	if [ "${PITH_SANITIZE:-}" = 1 ]; then
		skip "$what: memory (not checked under ASan)"
	elif [ -z "$RSS" ] || [ -z "$small" ]; then
		skip "$what: memory (/usr/bin/time missing)"
	else
		ok "$([ "$RSS" -le $((small + 4096)) ]; echo $?)" \
		    "$what: peak RSS $RSS KB, within 4 MB of a run without it ($small KB)"
	fi
done
rm -f "$R/127.0.0.3"

# Crawl-delay raises --delay.
printf 'User-agent: *\nCrawl-delay: 0.4\n' >"$R/127.0.0.2"
clear_log
pith-fetch $FAST -j 4 $H2/page/c1 $H2/page/c2 $H2/page/c3 >/dev/null
gaps=$(logq "
t=sorted(e['t0'] for e in log if e['host']=='127.0.0.2')
g=[b-a for a,b in zip(t,t[1:])]
print('ok' if len(t)==4 and min(g) >= 0.39 else g)")
is "$gaps" ok "Crawl-delay 0.4 spaces the requests"

# The state directory caches robots.txt across runs (at most 24 h).
clear_log
pith-fetch $FAST --state "$TMP/st" $H1/page/s1 >/dev/null
pith-fetch $FAST --state "$TMP/st" $H1/page/s2 >/dev/null
is "$(count_req 127.0.0.1 /robots.txt)" 1 "robots.txt cached in the state directory"
pith-fetch $FAST --state "$TMP/st" $H1/page/private >/dev/null
is "$(count_req 127.0.0.1 /page/private)" 0 "cached robots.txt still obeyed"
for f in "$TMP"/st/hosts/127.0.0.1_*; do
	sed 's/^robots-time .*/robots-time 1000/' "$f" >"$f.new" && mv "$f.new" "$f"
done
pith-fetch $FAST --state "$TMP/st" $H1/page/s3 >/dev/null
is "$(count_req 127.0.0.1 /robots.txt)" 2 "stale robots.txt (over 24 h) fetched again"

done_testing
