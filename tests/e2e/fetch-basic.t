#!/bin/sh
# pith-fetch: command line, bodies, redirects, encodings, WARC output.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fetch.sh"
start_server

# --- command line ---
out=$(pith-fetch --help); ok $? "--help exits 0"
contains "$out" "usage: pith-fetch" "--help prints usage"
pith-fetch --bogus >/dev/null 2>&1; is $? 2 "unknown option: exit 2"
pith-fetch >/dev/null 2>&1; is $? 2 "no URL: exit 2"
err=$(pith-fetch ftp://127.0.0.1/x 2>&1); is $? 2 "ftp URL refused"
contains "$err" "not an http, https or file URL" "ftp URL: reason given"
pith-fetch -j 0 $H1/page/a >/dev/null 2>&1; is $? 2 "-j 0 refused"
contains "$(pith-fetch --version)" "pith-fetch (pith)" "--version"

# --- one URL: the body ---
out=$(pith-fetch $FAST $H1/page/a); ok $? "200: exit 0"
contains "$out" "<h1>Page a</h1>" "200: body on stdout"
printf '<p>local file \303\251</p>\n' >"$TMP/local.html"
out=$(pith-fetch $FAST "file://$TMP/local.html"); ok $? "file:// URL works"
contains "$out" "local file é" "file:// body"
err=$(pith-fetch $FAST "file://$TMP/missing.html" 2>&1); is $? 1 "missing file: exit 1"
contains "$err" "missing.html" "missing file: named"

err=$(pith-fetch $FAST $H1/status/404 2>&1 >/dev/null); is $? 1 "404: exit 1"
is "$err" "pith-fetch: $H1/status/404: 404 Not Found" "404: one line on stderr"

# --- redirects ---
out=$(pith-fetch $FAST $H1/redirect/3); ok $? "redirect chain of 3 followed"
contains "$out" "Arrived." "redirect chain: final body"
out=$(pith-fetch $FAST -w $H1/redirect/10); ok $? "10 redirects allowed"
contains "$out" "WARC-Target-URI: $H1/redirect/0" "WARC names the final URL"
err=$(pith-fetch $FAST $H1/redirect/11 2>&1); is $? 1 "11 redirects refused"
contains "$err" "more than 10 redirects" "redirect limit: reason"
err=$(pith-fetch $FAST $H1/loop 2>&1); is $? 1 "redirect loop fails"
contains "$err" "more than 10 redirects" "redirect loop: reason"
err=$(pith-fetch $FAST $H1/tofile 2>&1); is $? 1 "redirect to file:// refused"
contains "$err" "refused (file:///etc/passwd)" "redirect to file://: reason"
lacks "$err" "root:" "redirect to file://: nothing of /etc/passwd"

# --- transfer and content encodings ---
out=$(pith-fetch $FAST $H1/chunked); ok $? "chunked"
is "$out" "<p>chunk one, chunk two, chunk three</p>" "chunked: body joined"
out=$(pith-fetch $FAST $H1/gzip); ok $? "gzip"
contains "$out" "Squeezed text.Squeezed" "gzip: decompressed"
contains "$(logq "print(log[-1]['ae'])")" "br" "Accept-Encoding offers br"
if command -v brotli >/dev/null 2>&1; then
	printf '<p>brotli body %s</p>\n' "$(seq 1 50 | tr '\n' ' ')" >"$TMP/br.html"
	brotli -c "$TMP/br.html" >"$SRV_DIR/brotli.br"
	out=$(pith-fetch $FAST $H1/brotli); ok $? "brotli"
	is "$out" "$(cat "$TMP/br.html")" "brotli: decompressed"
else
	skip "brotli: the brotli command (Debian package brotli) is not installed"
	skip "brotli: body"
fi
err=$(pith-fetch $FAST --max-bytes 1M $H1/bomb 2>&1 >"$TMP/bomb.out"); is $? 1 "gzip bomb stopped"
contains "$err" "body larger than 1048576 bytes (--max-bytes)" "gzip bomb: clear error"
is "$(wc -c <"$TMP/bomb.out" | tr -d ' ')" 0 "gzip bomb: nothing written"

# --- charsets ---
is "$(pith-fetch $FAST $H1/charset/header)" "<p>café crème</p>" "charset from the header"
contains "$(pith-fetch $FAST $H1/charset/meta)" "<p>Привет</p>" "charset from <meta>"
is "$(pith-fetch $FAST $H1/charset/bom)" "<p>über €</p>" "charset from the BOM"
is "$(pith-fetch $FAST $H1/charset/none)" "<p>café</p>" "no Content-Type: markup sniffed, windows-1252 fallback"
raw=$(pith-fetch $FAST --raw $H1/charset/header | od -An -c | tr -d ' \n')
contains "$raw" '351' "--raw keeps the bytes"

# --- URL lists ---
printf '# a comment\n\n%s/page/1\n  %s/page/2  \nnot a url\n%s/page/3\r\n' \
    "$H1" "$H2" "$H1" >"$TMP/list"
pith-fetch $FAST -i "$TMP/list" >"$TMP/list.warc" 2>"$TMP/list.err"
is $? 1 "-i: a bad line makes exit 1"
contains "$(cat "$TMP/list.err")" "$TMP/list:5: not a URL (no scheme): not a url" "-i: bad line reported with its number"
is "$(grep -ac '^WARC-Type: response' "$TMP/list.warc")" 3 "-i: the good URLs are fetched"
printf '%s/page/x\n' "$H1" | pith-fetch $FAST -i - >"$TMP/stdin.out"
ok $? "-i -: list on stdin"
contains "$(cat "$TMP/stdin.out")" "Page x" "-i - with one URL: the body"

# --- WARC ---
pith-fetch $FAST $H1/page/w1 $H2/page/w2 >"$TMP/two.warc"; ok $? "two URLs: exit 0"
is "$(grep -a '^WARC-Type:' "$TMP/two.warc" | head -n 1 | tr -d '\r')" "WARC-Type: warcinfo" "WARC: warcinfo first"
is "$(grep -ac '^WARC-Type: request' "$TMP/two.warc")" 2 "WARC: a request per URL"
is "$(grep -ac '^WARC-Type: response' "$TMP/two.warc")" 2 "WARC: a response per URL"
contains "$(cat "$TMP/two.warc")" "WARC-Concurrent-To:" "WARC: request refers to its response"
contains "$(cat "$TMP/two.warc")" "GET /page/w2 HTTP/1.1" "WARC: request head as sent"
pith-fetch $FAST -o "$TMP/gz.warc.gz" $H1/page/g1 $H1/gzip; ok $? "-o .warc.gz"
is "$(gzip -dc "$TMP/gz.warc.gz" | grep -ac '^WARC/1.1')" 5 "-o .warc.gz: gzip readable, 5 records"
gzip -dc "$TMP/gz.warc.gz" | grep -aq '^Content-Encoding'; is $? 1 "WARC: decoded body, no Content-Encoding left"
members=$("$PY" -c "
import zlib,sys
d=open('$TMP/gz.warc.gz','rb').read(); n=0
while d:
    z=zlib.decompressobj(31); z.decompress(d); d=z.unused_data; n+=1
print(n)")
is "$members" 5 "-o .warc.gz: one gzip member per record"

# --- failures list ---
pith-fetch $FAST --retries 0 --failed "$TMP/failed" $H1/page/f1 $H1/status/410 $H1/status/500 >/dev/null 2>&1
is $? 1 "failures: exit 1"
is "$(cat "$TMP/failed")" "$H1/status/410
$H1/status/500" "--failed lists the failed URLs"
pith-fetch $FAST -i "$TMP/failed" --retries 0 --failed "$TMP/failed2" >/dev/null 2>&1
is "$(wc -l <"$TMP/failed2" | tr -d ' ')" 2 "--failed output works as -i input"

# --- headers and user agent ---
pith-fetch $FAST -A "testbot/9" -H "X-Test: 1" $H1/page/ua >/dev/null
is "$(logq "print(log[-1]['ua'])")" "testbot/9" "-A sets the User-Agent"
pith-fetch $FAST $H1/page/ua2 >/dev/null
contains "$(logq "print(log[-1]['ua'])")" "pith-fetch/" "default User-Agent names pith-fetch"

# --- proxy from the environment (the server on 127.0.0.2 as the proxy) ---
clear_log
out=$(http_proxy=$H2 pith-fetch $FAST $H1/page/px); ok $? "http_proxy: fetched"
contains "$out" "Page px" "http_proxy: body"
is "$(logq "print([e['host'] for e in log if e['path'].endswith('/page/px')])")" "['127.0.0.2']" "http_proxy: the request went through the proxy"

# --- progress ---
err=$(pith-fetch $FAST --progress $H1/page/pr1 $H1/page/pr2 2>&1 >/dev/null)
contains "$err" "2/2 done" "--progress: done/total on stderr"
contains "$err" "0 failed" "--progress: failures"
err=$(pith-fetch $FAST $H1/page/pr3 2>&1 >/dev/null)
is "$err" "" "no progress when stderr is not a terminal"

done_testing
