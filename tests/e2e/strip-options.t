#!/bin/sh
# pith-strip --keep / --drop: tables, captions, links, images, title;
# markdown tables; link and image targets made absolute.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/page.html" <<'HTML'
<html><head><title>Tide tables for Kellsby</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tides this week</h1>
<p>The harbour master publishes the tides every Monday; this week the <a href="/tides/spring">spring tide</a> peaks on Thursday, two hours after noon, and the old wall will see water.</p>
<figure><img src="/img/wall.jpg" alt="The wall at high water"><figcaption>The sea wall at high water last spring, seen from the lighthouse.</figcaption></figure>
<table><tr><th>Day</th><th>High water</th></tr><tr><td>Monday</td><td>4.1 m</td></tr><tr><td>Thursday</td><td>5.3 m</td></tr></table>
<p class="wp-caption-text">Photo caption in the WordPress manner, under a picture of the quay at dawn.</p>
<p>Boats should be moved before Thursday; the board will open the <a href="https://board.example/slips">upper slips</a> free of charge for the week, and the ferry keeps its timetable.</p>
</article></body></html>
HTML

out=$(pith-strip "$TMP/page.html")
contains "$out" "Day	High water" "default: table rows kept, cells tab-separated"
contains "$out" "The sea wall at high water last spring" "default: figcaption kept"
lacks "$out" "<" "default text: no link targets"
lacks "$out" "[image" "default text: no images"
lacks "$out" "Tide tables for Kellsby" "default: the <title> is not added"

out=$(pith-strip --drop tables "$TMP/page.html")
lacks "$out" "High water" "--drop tables: rows left out"
contains "$out" "upper slips free of charge" "--drop tables: the text stays"
ex=$(pith-strip --drop tables --explain "$TMP/page.html")
contains "$ex" "drop	table" "--drop tables: explain names the reason"

out=$(pith-strip --drop captions "$TMP/page.html")
lacks "$out" "The sea wall at high water last spring" "--drop captions: figcaption left out"
lacks "$out" "Photo caption in the WordPress manner" "--drop captions: class=wp-caption-text left out"
contains "$out" "Thursday	5.3 m" "--drop captions: tables stay"

out=$(pith-strip --keep links --url https://ledger.example/news/tides.html "$TMP/page.html")
contains "$out" "spring tide <https://ledger.example/tides/spring> peaks" "--keep links: target after the link text, made absolute"
contains "$out" "upper slips <https://board.example/slips> free" "--keep links: absolute targets as they are"
printf '<p>Tides <a href="?day=thu">Thursday</a> and <a href="#notes">notes</a>.</p>' > "$TMP/frag.html"
out=$(pith-strip --all --keep links --url 'https://ledger.example/news/tides.html#top' "$TMP/frag.html")
contains "$out" "Thursday <https://ledger.example/news/tides.html?day=thu>" "--keep links: the page address's fragment takes no part in a join"
contains "$out" "notes <https://ledger.example/news/tides.html#notes>" "--keep links: a '#fragment' target is the page itself"
out=$(pith-strip --keep links "$TMP/page.html")
contains "$out" "spring tide </tides/spring>" "--keep links without a page address: target as written"

out=$(pith-strip --keep images --url https://ledger.example/news/tides.html "$TMP/page.html")
contains "$out" "[image: The wall at high water]" "--keep images: alt text in text output"
out=$(pith-strip --keep images,links --url https://ledger.example/news/tides.html "$TMP/page.html")
contains "$out" "[image: The wall at high water] <https://ledger.example/img/wall.jpg>" "--keep images,links: with its address"

md=$(pith-strip -f markdown --url https://ledger.example/news/tides.html "$TMP/page.html")
contains "$md" "[spring tide](https://ledger.example/tides/spring)" "markdown: links by default, absolute"
contains "$md" "| Day | High water |
| --- | --- |
| Monday | 4.1 m |
| Thursday | 5.3 m |" "markdown: a table with a rule under its first row"
lacks "$md" "![" "markdown: images only when asked"
md=$(pith-strip -f markdown --drop links "$TMP/page.html")
contains "$md" "the spring tide peaks" "markdown --drop links: link text only"
md=$(pith-strip -f markdown --keep images --url https://ledger.example/news/tides.html "$TMP/page.html")
contains "$md" "![The wall at high water](https://ledger.example/img/wall.jpg)" "markdown --keep images"
sed 's|<head>|<head><base href="https://cdn.example/assets/">|' "$TMP/page.html" > "$TMP/base.html"
md=$(pith-strip -f markdown --keep images --url https://ledger.example/news/tides.html "$TMP/base.html")
contains "$md" "(https://cdn.example/img/wall.jpg)" "<base href> wins over the page address"

out=$(pith-strip --keep title "$TMP/page.html")
is "$(printf '%s\n' "$out" | head -n 1)" "Tide tables for Kellsby" "--keep title: the title first"
out=$(pith-strip --keep title --drop title "$TMP/page.html")
lacks "$out" "Tide tables for Kellsby" "--drop after --keep: the last one wins"

pith-strip --keep nonsense "$TMP/page.html" > /dev/null 2> "$TMP/err"
is $? 2 "--keep with an unknown name: usage error"
contains "$(cat "$TMP/err")" "nonsense" "--keep: the unknown name is named"

done_testing
