#!/bin/sh
# seeds.sh NAME DIR: fills DIR with a seed corpus for fuzz target NAME,
# made from the project's own fixtures and examples (and a few small
# inputs written here). Targets that read an option byte (or two) first
# get seeds with those bytes prepended.
set -eu
name=$1 dir=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
fx=$root/tests/fixtures
mkdir -p "$dir"

# put FILE PREFIX: copies FILE into dir behind PREFIX (printf format).
put() {
	{ printf "$2"; cat "$1"; } > "$dir/seed-$3-$(basename "$1")"
}

case $name in
warc)
	for f in "$fx"/warc/*.warc "$fx"/warc/*.warc.gz; do put "$f" "" 0; done
	gzip -dc "$fx/warc/mixed.warc.gz" > "$dir/seed-mixed.warc"
	;;
http)
	printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello' \
	    > "$dir/seed-plain"
	printf 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nTrailer: 1\r\n\r\n' \
	    > "$dir/seed-chunked"
	{ printf 'HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n\r\n'
	  gzip -c "$root/examples/article.html"; } > "$dir/seed-gzip"
	{ printf 'HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n'
	  python3 -c 'import sys,zlib; sys.stdout.buffer.write(zlib.compress(b"<p>deflate</p>"))'
	} > "$dir/seed-deflate"
	if command -v brotli >/dev/null 2>&1; then
		{ printf 'HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n'
		  brotli -c "$root/examples/article.html"; } > "$dir/seed-br"
	fi
	;;
encoding|strip)
	for f in "$fx"/strip/*.html "$root"/examples/*.html; do
		put "$f" '\000' 0; put "$f" '\001' 1; put "$f" '\023' 19
	done
	;;
textmode)
	for f in "$fx"/textmode/*.txt; do put "$f" '\000' 0; put "$f" '\001' 1; done
	;;
normalize)
	for f in "$fx"/normalize/*; do
		put "$f" '\000\000' 0; put "$f" '\377\100' 255
	done
	;;
segment)
	for f in "$fx"/segment/*.txt "$fx"/normalize/*.txt; do
		put "$f" '\000\100' 0; put "$f" '\001\007' 1; put "$f" '\002\000' 2
	done
	;;
robots)
	printf '/private/x\nUser-agent: *\nDisallow: /private\nAllow: /private/x$\nCrawl-delay: 2\nSitemap: http://example.com/s.xml\n' \
	    > "$dir/seed-basic"
	printf '/a%%c3%%a9/b\n\357\273\277user-agent pith-fetch\r\ndisallow: /*.php$\r\nallow: /a\303\251\r\n# c\r\n' \
	    > "$dir/seed-bom"
	;;
jsonld)
	sed -n '/ld+json/,/<\/script>/p' "$root/examples/article.html" |
	    sed '1s/.*>//; $s/<\/script>.*//' > "$dir/seed-article"
	printf '{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"A"}],"datePublished":"2024-01-05T10:00:00+01:00","publisher":{"name":"S"}}]}' \
	    > "$dir/seed-graph"
	printf '[{"@type":"BlogPosting","name":"x","author":"B","dateCreated":"January 5, 2024"}]' \
	    > "$dir/seed-list"
	;;
*)
	echo "seeds.sh: no seeds for $name" >&2
	exit 1
	;;
esac
