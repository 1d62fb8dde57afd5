#!/bin/sh
# A WARC stream eight times longer needs no more memory: the pipeline
#	pith-strip -f warc | pith-normalize | pith-segment
# runs on 12 MB and on 96 MB of response records built from the strip
# fixtures, and each stage's peak RSS on the long stream stays within
# 8 MB of its peak on the short one (a leak of a kilobyte a record would
# show as 9 MB). bench/bigstream.sh does the same with 1 GB of real
# pages. Memory is measured with /usr/bin/time -f %M, not under ASan
# (PITH_SANITIZE=1), which inflates it.
. "$(dirname "$0")/lib.sh"

if [ "${PITH_SANITIZE:-}" = 1 ]; then
	echo "1..0 # SKIP memory is not measured under ASan"
	exit 0
fi
[ -x /usr/bin/time ] || { echo "1..0 # SKIP /usr/bin/time missing"; exit 0; }
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 missing"; exit 0; }

cat > "$TMP/gen.py" <<'PY'
# gen.py MB FIXTURES: MB megabytes of WARC response records, each a page
# of FIXTURES/*.html with an article of a dozen paragraphs added (drawn
# from a fixed pool: the records differ, their blocks recur, so the
# template statistics stay small), on eight hosts in turn.
import glob, os, random, sys
random.seed(5)
skel = []
for f in sorted(glob.glob(os.path.join(sys.argv[2], "*.html"))):
    b = open(f, "rb").read()
    i = b.lower().rfind(b"</body>")
    if i >= 0:
        skel.append((b[:i], b[i:]))
S = ["The ferry left the harbour late because the fog had not lifted.",
     "Most passengers stayed inside where the coffee was warm.",
     "An old fisherman said the crossing had been rougher before the pier "
     "was built.",
     "By noon the sun had burned through the clouds and the water was calm.",
     "The village has one school, two churches and a bakery.",
     "Its mayor says that the population is slowly growing again.",
     "Young families have moved here from the city for the quiet streets.",
     "In the afternoon we walked along the cliffs to the lighthouse.",
     "The keeper's cottage is now a small museum about the shipwrecks.",
     "On the way back a storm came in and we waited in a barn."]
pool = [" ".join(random.choice(S) for _ in range(random.randint(5, 10)))
        for _ in range(240)]
want = int(sys.argv[1]) << 20
out = sys.stdout.buffer
total = rec = 0
while total < want:
    head, tail = skel[rec % len(skel)]
    art = ("<article><h2>Report %d</h2>" % rec +
           "".join("<p>%s</p>" % p for p in random.sample(pool, 12)) +
           "</article>").encode()
    body = head + art + tail
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    r = (b"WARC/1.1\r\nWARC-Type: response\r\n"
         b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"
         b"WARC-Target-URI: http://host%d.example/page/%d\r\n"
         b"Content-Type: application/http; msgtype=response\r\n"
         b"Content-Length: %d\r\n\r\n" % (rec, rec % 8, rec, len(http))
         + http + b"\r\n\r\n")
    out.write(r)
    total += len(r)
    rec += 1
PY

# pipeline NAME: runs the stream $TMP/NAME.warc through the three tools;
# peak RSS in KB of each in $TMP/NAME.{strip,normalize,segment}.
pipeline() {
	/usr/bin/time -o "$TMP/$1.strip" -f %M pith-strip -f warc \
	    "$TMP/$1.warc" 2>"$TMP/$1.strip.err" |
	    /usr/bin/time -o "$TMP/$1.normalize" -f %M pith-normalize \
	    2>"$TMP/$1.normalize.err" |
	    /usr/bin/time -o "$TMP/$1.segment" -f %M pith-segment \
	    >"$TMP/$1.out" 2>"$TMP/$1.segment.err"
	echo "# $1: $(grep -ac '^WARC-Type: response' "$TMP/$1.warc") records," \
	    "$(($(wc -c < "$TMP/$1.warc") >> 20)) MB in," \
	    "$(($(wc -c < "$TMP/$1.out") >> 20)) MB of sentences out"
	rm -f "$TMP/$1.warc"
}

for s in 12 96; do
	python3 "$TMP/gen.py" $s "$FIXTURES/strip" > "$TMP/s$s.warc" || exit 2
	records=$(grep -ac '^WARC-Type: response' "$TMP/s$s.warc")
	pipeline s$s
done
n=$(grep -ac '^WARC-Type: conversion' "$TMP/s96.out")
is "$n" "$records" "the long stream went through all three stages, every record"
is "$(cat "$TMP"/s96.*.err)" "" "no complaints on the long stream"
for stage in strip normalize segment; do
	a=$(tail -n 1 "$TMP/s12.$stage")
	b=$(tail -n 1 "$TMP/s96.$stage")
	ok "$([ "$b" -le $((a + 8192)) ]; echo $?)" \
	    "pith-$stage: peak RSS $b KB on 96 MB, $a KB on 12 MB (at most 8 MB more)"
done

done_testing
