#!/bin/sh
# pith-segment on WARC streams: text records are segmented into records
# with new lengths and digests, other records pass through.
. "$(dirname "$0")/lib.sh"

python3 - >"$TMP/in.warc" <<'PY'
import sys
n = 0
def rec(typ, ctype, block, extra=""):
    global n
    n += 1
    b = block.encode()
    h = ("WARC/1.1\r\nWARC-Type: %s\r\n"
         "WARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\n"
         "WARC-Date: 2026-11-22T08:00:00Z\r\n"
         "WARC-Target-URI: http://example.org/%d\r\n%s"
         "Content-Type: %s\r\nContent-Length: %d\r\n\r\n"
         % (typ, n, n, extra, ctype, len(b)))
    return h.encode() + b + b"\r\n\r\n"
out = sys.stdout.buffer
out.write(rec("warcinfo", "application/warc-fields", "software: test\r\n"))
out.write(rec("resource", "text/plain",
    "Dr. Kim came at 9 a.m. sharp. She left.\n\nNext para. Yes."))
out.write(rec("response", "application/http; msgtype=response",
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi. There.</p>"))
out.write(rec("response", "application/http; msgtype=response",
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    "Plain one. Plain two."))
out.write(rec("conversion", "text/plain",
    "Converted text. It has two sentences.",
    "WARC-Refers-To: <urn:uuid:00000099-0000-4000-8000-000000000000>\r\n"))
PY

pith-segment "$TMP/in.warc" >"$TMP/out.warc"
ok $? "a WARC stream is segmented"
python3 - "$TMP/out.warc" >"$TMP/check" <<'PY'
import base64, hashlib, sys
data = open(sys.argv[1], "rb").read()
pos, recs = 0, []
while pos < len(data):
    end = data.index(b"\r\n\r\n", pos)
    head = data[pos:end].decode().split("\r\n")
    fields = dict(l.split(": ", 1) for l in head[1:])
    n = int(fields["Content-Length"])
    block = data[end + 4:end + 4 + n]
    digest = "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()
    recs.append((fields, block, digest == fields.get("WARC-Block-Digest")))
    pos = end + 4 + n + 4
for f, b, good in recs:
    print(f["WARC-Type"], f.get("WARC-Refers-To", "-"), "digest-ok" if good else "digest-BAD",
          b.decode().replace("\r", "").replace("\n", "|"))
PY
is "$(sed -n 1p "$TMP/check")" "warcinfo - digest-ok software: test|" \
    "warcinfo passes through"
is "$(sed -n 2p "$TMP/check")" \
    "resource <urn:uuid:00000002-0000-4000-8000-000000000000> digest-ok Dr. Kim came at 9 a.m. sharp.|She left.||Next para.|Yes.|" \
    "a text/plain resource is segmented, refers to its source, new digest"
is "$(sed -n 3p "$TMP/check" | cut -d' ' -f1-3)" "response - digest-ok" \
    "an HTML response passes through"
is "$(sed -n 4p "$TMP/check")" \
    "conversion <urn:uuid:00000004-0000-4000-8000-000000000000> digest-ok Plain one.|Plain two.|" \
    "a text/plain response becomes a segmented conversion record"
is "$(sed -n 5p "$TMP/check")" \
    "conversion <urn:uuid:00000099-0000-4000-8000-000000000000> digest-ok Converted text.|It has two sentences.|" \
    "a conversion record keeps its WARC-Refers-To"
is "$(grep -c '^WARC-Record-ID' "$TMP/out.warc")" 5 "five records out"

gzip -c "$TMP/in.warc" >"$TMP/in.warc.gz"
pith-segment -f json <"$TMP/in.warc.gz" >"$TMP/out2.warc"
ok $? "gzip WARC on stdin"
contains "$(cat "$TMP/out2.warc")" '{"text":"Plain one.","start":0,"end":10,"paragraph":1}' \
    "-f json inside WARC records"
contains "$(cat "$TMP/out2.warc")" "Content-Type: application/x-ndjson" \
    "with a JSON content type"

# A damaged record is reported and skipped; the stream goes on.
python3 - "$TMP/in.warc" >"$TMP/bad.warc" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
sys.stdout.buffer.write(data.replace(b"Content-Length: 61", b"Content-Length: x1", 1))
PY
pith-segment "$TMP/bad.warc" >"$TMP/out3.warc" 2>"$TMP/err"
is $? 1 "a damaged record: exit 1"
contains "$(cat "$TMP/out3.warc")" "It has two sentences." \
    "the records after it are still segmented"
done_testing
