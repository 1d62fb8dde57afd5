#!/bin/sh
# pith-fetch over HTTPS: certificates are verified; --insecure opts out.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fetch.sh"
command -v openssl >/dev/null 2>&1 || { echo "1..0 # SKIP openssl not installed"; exit 0; }
mkdir -p "$SRV_DIR"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$SRV_DIR/key.pem" -out "$SRV_DIR/cert.pem" -days 1 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null ||
    { echo "1..0 # SKIP openssl cannot make a test certificate"; exit 0; }
start_server
S=https://127.0.0.1:$(cat "$SRV_DIR/tls-port")

err=$(pith-fetch $FAST --retries 0 $S/page/t 2>&1); is $? 1 "self-signed certificate refused"
contains "$err" "$S/page/t: robots.txt unreachable (SSL certificate problem" "the certificate problem is named"
is "$(count_req 127.0.0.1 /page/t)" 0 "nothing fetched over an unverified connection"
out=$(pith-fetch $FAST --insecure $S/page/t); ok $? "--insecure: fetched"
contains "$out" "<h1>Page t</h1>" "--insecure: body"
pith-fetch $FAST --insecure -w $S/redirect/1 >"$TMP/tls.warc"; ok $? "https redirect and WARC"
contains "$(cat "$TMP/tls.warc")" "WARC-Target-URI: $S/redirect/0" "https: final URL recorded"

done_testing
