#!/bin/sh
# make demo: the bundled example page through the whole pipeline,
# fetched from a file:// URL as a real page would be from http(s).
bin=${1:-bin}
page="file://$(cd "$(dirname "$0")" && pwd)/article.html"
echo "\$ pith-fetch $page | pith-strip | pith-normalize | pith-segment" >&2
"$bin/pith-fetch" "$page" | "$bin/pith-strip" | "$bin/pith-normalize" |
    "$bin/pith-segment"
