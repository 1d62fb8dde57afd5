#!/bin/sh
# pith-normalize end to end: options, exit statuses, repairs on the
# project's own fixtures, invalid input, WARC mode, and (when ../shared
# is present) the ftfy dev cases and idempotence over the corpus.
. "$(dirname "$0")/lib.sh"
F=$FIXTURES/normalize

pith-normalize --help >"$TMP/out" 2>&1
ok $? "--help exits 0"
contains "$(cat "$TMP/out")" "usage: pith-normalize" "--help prints the usage"
pith-normalize --no-such-option </dev/null >/dev/null 2>"$TMP/err"
is $? 2 "an unknown option exits 2"
contains "$(cat "$TMP/err")" "usage:" "with the usage on stderr"
pith-normalize --version | grep -q "pith-normalize (pith)"
ok $? "--version"

out=$(printf '  Hello\r\n\r\n\r\n  world \302\240 again\n\n' | pith-normalize)
is "$out" "$(printf 'Hello\n\nworld again')" "layout rules by default"
out=$(printf 'caf\303\251 &amp; \357\273\277tea\n' | pith-normalize - | od -An -c | tr -s ' ')
is "$out" "$(printf 'caf\303\251 & tea\n' | od -An -c | tr -s ' ')" \
    "stdin as '-', entities and BOM"

# Mojibake the project made from its own sentences: all repaired.
bad=0 n=0
while IFS='	' read -r in want enc times; do
	case "$in" in \#*) continue ;; esac
	n=$((n + 1))
	got=$(printf '%s' "$in" | pith-normalize)
	if [ "$got" != "$want" ]; then
		bad=$((bad + 1))
		printf '#   %s x%s: got %s\n' "$enc" "$times" "$got"
	fi
done <"$F/mojibake.tsv"
is "$bad" 0 "all $n fixture mojibake lines repaired"
pith-normalize "$F/odd-but-correct.txt" >"$TMP/odd"
cmp -s "$TMP/odd" "$F/odd-but-correct.txt"
ok $? "odd-looking correct text comes out byte for byte"

# Language names and sentences in many scripts, garbled by the test
# itself through five code pages and twice through windows-1252: at
# least 95% repaired; as they are, left alone.
pith-normalize "$F/languages.txt" >"$TMP/lang"
cmp -s "$TMP/lang" "$F/languages.txt"
ok $? "language names in their own scripts come out unchanged"
if command -v python3 >/dev/null; then
	python3 - "$F/languages.txt" "$TMP/garbled" "$TMP/want" <<'PY'
import sys
def garble(s, enc):
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(enc))
        except UnicodeDecodeError:
            out.append(chr(b))	# undefined byte: kept as a C1 control
    return "".join(out)
g, w = [], []
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if not line:
        continue
    for enc in ("cp1252", "latin-1", "cp1251", "cp1250", "mac_roman", "twice"):
        m = garble(garble(line, "cp1252"), "cp1252") if enc == "twice" \
            else garble(line, enc)
        if m != line and "\n" not in m and "\r" not in m:
            g.append(m)
            w.append(line)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(g) + "\n")
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(w) + "\n")
PY
	pith-normalize --keep-space "$TMP/garbled" >"$TMP/got"
	total=$(wc -l <"$TMP/want")
	right=$(paste "$TMP/got" "$TMP/want" | awk -F '\t' '$1 == $2' | wc -l)
	ok $((right * 100 < total * 95)) \
	    "garbled language lines repaired: $right of $total"
else
	skip "python3 missing: garbled language lines"
fi

# Idempotence on the fixtures under several option sets.
cat "$F"/*.txt "$F/mojibake.tsv" >"$TMP/all"
for o in "" --nfd --nfkc "--nfkd --casefold" "--ascii-punct --fullwidth --ligatures" --keep-space; do
	pith-normalize $o "$TMP/all" >"$TMP/n1"
	pith-normalize $o "$TMP/n1" >"$TMP/n2"
	cmp -s "$TMP/n1" "$TMP/n2"
	ok $? "idempotent on the fixtures with '$o'"
done

# Invalid UTF-8: replaced and counted, or an error under --strict.
printf 'good\nbad \377\376 line\nmore\n' >"$TMP/inv"
pith-normalize "$TMP/inv" >"$TMP/out" 2>"$TMP/err"
ok $? "invalid UTF-8 is not an error by default"
contains "$(cat "$TMP/err")" "2 invalid UTF-8 sequences replaced by U+FFFD" \
    "the count goes to stderr"
contains "$(cat "$TMP/out")" "bad $(printf '\357\277\275\357\277\275') line" \
    "each sequence became U+FFFD"
pith-normalize --strict "$TMP/inv" >"$TMP/out" 2>"$TMP/err"
is $? 1 "--strict: invalid UTF-8 exits 1"
contains "$(cat "$TMP/err")" "inv: line 2: invalid UTF-8" "naming the line"
is "$(cat "$TMP/out")" "good" "the lines before it were written"
pith-normalize "$TMP/nonexistent" >/dev/null 2>"$TMP/err"
is $? 1 "a missing file exits 1"
contains "$(cat "$TMP/err")" "pith-normalize: $TMP/nonexistent:" \
    "with the file named"

# Junk: NUL bytes, binary, a long line without newline.
head -c 300000 /dev/urandom >"$TMP/junk"
printf 'a\000b\000\n' >>"$TMP/junk"
pith-normalize "$TMP/junk" >"$TMP/out" 2>/dev/null
ok $? "binary junk: exit 0"
pith-normalize --strict "$TMP/out" >/dev/null 2>&1
ok $? "and the output is valid UTF-8"
awk 'BEGIN { for (i = 0; i < 400000; i++) printf "word%d ", i }' >"$TMP/long"
pith-normalize "$TMP/long" >"$TMP/out"
ok $? "a 3 MB line without newline"
is "$(wc -l <"$TMP/out" | tr -d ' ')" 1 "comes out as one line"

# WARC: text records normalized, the others passed through.
warc_record() {	# type content-type block-file
	printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' \
	    "$1" "$(cat /proc/sys/kernel/random/uuid)"
	printf 'WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: %s\r\n' "$2"
	printf 'WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n'
	printf 'Content-Length: %d\r\n\r\n' "$(wc -c <"$3")"
	cat "$3"
	printf '\r\n\r\n'
}
printf '  don\303\242\342\202\254\342\204\242t  stop\r\n\r\n\r\nx &amp; y\n' >"$TMP/b1"
printf '\211PNG\r\n\032\n\000\001 \303\242\342\202\254' >"$TMP/b2"
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\ncaf\351  bar\r\n' >"$TMP/b3"
printf '{"a":  "x &amp; y"}\r\n' >"$TMP/b4"
{
	warc_record conversion text/plain "$TMP/b1"
	warc_record resource image/png "$TMP/b2"
	warc_record response "application/http; msgtype=response" "$TMP/b3"
	warc_record conversion application/json "$TMP/b4"
} >"$TMP/in.warc"
pith-normalize "$TMP/in.warc" >"$TMP/out.warc" 2>"$TMP/err"
ok $? "WARC input: exit 0"
if command -v python3 >/dev/null; then
	python3 - "$TMP/out.warc" >"$TMP/check" <<'PY'
import base64, hashlib, sys
data = open(sys.argv[1], "rb").read()
pos = 0
while pos < len(data):
    head_end = data.index(b"\r\n\r\n", pos)
    head = data[pos:head_end].decode()
    fields = dict(l.split(": ", 1) for l in head.split("\r\n")[1:])
    n = int(fields["Content-Length"])
    block = data[head_end + 4:head_end + 4 + n]
    digest = "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()
    ok = fields.get("WARC-Block-Digest") == digest
    print(fields["WARC-Type"], "digest-ok" if ok else "digest-BAD",
          fields.get("WARC-Payload-Digest", "none"), repr(block))
    assert data[head_end + 4 + n:head_end + 8 + n] == b"\r\n\r\n"
    pos = head_end + 8 + n
PY
	ok $? "the output is well-formed WARC"
	check=$(cat "$TMP/check")
	contains "$check" "conversion digest-ok" "conversion: new block digest"
	contains "$check" "b'don\\xe2\\x80\\x99t stop\\n\\nx & y\\n'" \
	    "conversion: block normalized"
	lacks "$(sed -n 1p "$TMP/check")" "sha1:AAAA" \
	    "conversion: stale payload digest replaced"
	contains "$check" "resource digest-ok sha1:AAAA" \
	    "resource image/png: passed through as it was"
	contains "$check" "caf\\xc3\\xa9 bar\\n" \
	    "response text/plain: body decoded from latin-1 and normalized"
	contains "$check" "charset=utf-8\\r\\nContent-Length: 10" \
	    "response: HTTP headers describe the new body"
	contains "$check" "{\"a\":  \"x &amp; y\"}" \
	    "conversion application/json: passed through"
else
	skip "python3 missing: WARC structure not checked"
fi

# Against ../shared: the ftfy dev cases and the whole corpus text.
S=$(shared_dir)
if [ -n "$S" ] && [ -f "$S/normalize/ftfy_dev.jsonl" ]; then
	score="$S/bench/score-normalize"
	cases="$S/normalize/ftfy_dev.jsonl"
	ftfy_like="pith-normalize --keep-space --keep-bidi --ascii-quotes --fullwidth --ligatures"
	python3 "$score" --where category=negative --min-pass 100 "$cases" -- \
	    $ftfy_like >"$TMP/score" 2>&1
	ok $? "ftfy dev negative cases: all left alone"
	python3 "$score" --where ftfy_expect=pass --min-pass 90 "$cases" -- \
	    $ftfy_like >"$TMP/score" 2>&1
	ok $? "ftfy dev cases ftfy passes: at least 90% ($(tail -n 1 "$TMP/score"))"
	python3 "$score" --field expected_encoding --where ftfy_expect=pass \
	    --min-pass 90 "$cases" -- pith-normalize --keep-space --no-entities \
	    >"$TMP/score" 2>&1
	ok $? "ftfy dev, encoding fix only: at least 90% ($(tail -n 1 "$TMP/score"))"
	cat "$S"/corpus/*/*.txt >"$TMP/corpus"
	pith-normalize "$TMP/corpus" >"$TMP/c1"
	pith-normalize "$TMP/c1" >"$TMP/c2"
	cmp -s "$TMP/c1" "$TMP/c2"
	ok $? "idempotent on the whole shared corpus text"
else
	skip "../shared absent: ftfy dev cases"
	skip "../shared absent: ftfy dev cases"
	skip "../shared absent: ftfy dev cases"
	skip "../shared absent: corpus idempotence"
fi
done_testing
