#!/bin/sh
# pith-strip end to end: real-looking pages of several kinds, formats,
# WARC streams, exit statuses and hostile input.
. "$(dirname "$0")/lib.sh"
EX=$(cd "$(dirname "$0")/../../examples" && pwd)

out=$(pith-strip "$EX/article.html"); rc=$?
is "$rc" 0 "news article: exit 0"
contains "$out" "For the first time since 1986, the wheel" "news: first paragraph kept"
contains "$out" "Kellsby now has one of them." "news: last paragraph kept"
contains "$out" "A mill that outlived its trade" "news: subheading kept"
contains "$out" "Wheel: 5.2 metres across, undershot" "news: list item in the body kept"
contains "$out" "Built: 1774, by the Harcourt estate

Wheel: 5.2" "news: list items are paragraphs of their own"
lacks "$out" "We use cookies" "news: cookie banner dropped"
lacks "$out" "Politics" "news: navigation dropped"
lacks "$out" "Copy link" "news: share bar dropped"
lacks "$out" "Your support helps us" "news: donation appeal dropped"
lacks "$out" "Lighthouse keeper" "news: related stories dropped"
lacks "$out" "Sign up for our free daily newsletter" "news: newsletter box dropped"
lacks "$out" "Follow us on Google News" "news: publisher disclaimer dropped"
lacks "$out" "All rights reserved" "news: footer dropped"
lacks "$out" "Home › News" "news: breadcrumb dropped"

out=$(pith-strip < "$FIXTURES/strip/forum.html")
contains "$out" "smells of nail polish" "forum: first post kept"
contains "$out" "acetone from a hungry starter" "forum: reply kept (class=comment is the content here)"
contains "$out" "Thank you both for the help." "forum: last post kept"
lacks "$out" "Best flour for baguettes" "forum: popular-threads sidebar dropped"
lacks "$out" "Register" "forum: menu dropped"

out=$(pith-strip "$FIXTURES/strip/docs.html")
contains "$out" "reads its settings from tidewatch.toml in the" "docs: inline code joined without invented spaces"
contains "$out" "[station.kellsby]
lat = 54.61" "docs: <pre> whitespace kept"
contains "$out" "interval	600	seconds between predictions" "docs: table row on one line, cells tab-separated"
lacks "$out" "API reference" "docs: sidebar navigation dropped"

out=$(pith-strip "$FIXTURES/strip/latin1.html")
contains "$out" "Le café de la gare ouvre à six heures" "meta charset iso-8859-1 decoded to UTF-8"

out=$(pith-strip "$FIXTURES/strip/product.html")
contains "$out" "A ribbed beanie knitted from undyed wool" "product: description only in JSON-LD is used"
contains "$out" "Harbour Wool Beanie" "product: name kept"

out=$(pith-strip "$FIXTURES/strip/listing.html")
contains "$out" "Coastal navigation" "listing: first card's title kept"
contains "$out" "Keep a small diesel running" "listing: a card's description kept"
contains "$out" "150 EUR" "listing: the last card's price kept"
lacks "$out" "Contact" "listing: navigation dropped"

# a "related" heading inside the article body opens a section of teasers
cat > "$TMP/rel.html" <<'HTML'
<html><body><article><h1>Der Leuchtturm von Kellsby</h1>
<p>Der alte Leuchtturm an der Hafeneinfahrt wird nach drei Jahren Arbeit wieder eingeschaltet, und die Gemeinde feiert das mit einem Fest am Kai.</p>
<p>Die Linse stammt aus dem Jahr 1902 und wurde von zwei Glasschleifern aus der Stadt in mühsamer Handarbeit gereinigt und neu gefasst.</p>
<h3>Ähnliche Beiträge</h3>
<p>Neue Fähre zwischen Kellsby und der Insel fährt ab Mai jeden Morgen um sieben Uhr, wie die Reederei heute mitteilte.</p>
<p>Hafenmauer wird im Winter repariert, die Arbeiten dauern voraussichtlich bis in den späten Frühling des nächsten Jahres.</p>
</article></body></html>
HTML
out=$(pith-strip "$TMP/rel.html")
contains "$out" "Die Linse stammt aus dem Jahr 1902" "related section: the story is kept"
lacks "$out" "Ähnliche Beiträge" "related section: its heading is dropped"
lacks "$out" "Neue Fähre zwischen Kellsby" "related section: the teasers after it are dropped"
sed 's/Ähnliche Beiträge/Empfehlungen aus der Redaktion/' "$TMP/rel.html" > "$TMP/rel2.html"
out=$(pith-strip "$TMP/rel2.html")
lacks "$out" "Neue Fähre zwischen Kellsby" "'Empfehlungen aus der Redaktion' opens a related section"

# a French comment form under the story
cat > "$TMP/reac.html" <<'HTML'
<html><body><article><h1>Le phare de Kellsby</h1>
<p>Le vieux phare à l'entrée du port sera rallumé après trois ans de travaux, et la commune le fêtera par une fête sur le quai samedi soir.</p>
<p>La lentille date de 1902 et a été nettoyée à la main par deux tailleurs de verre de la ville, qui y ont passé tout l'hiver.</p>
<div><h3>Vos réactions</h3><p>Qui êtes-vous ?</p><p>Votre nom</p></div></article></body></html>
HTML
out=$(pith-strip "$TMP/reac.html")
contains "$out" "La lentille date de 1902" "French comment form: the story is kept"
lacks "$out" "Vos réactions" "French comment form: 'Vos réactions' is dropped"
lacks "$out" "Qui êtes-vous" "French comment form: 'Qui êtes-vous ?' is dropped"
sed 's|<h3>Vos réactions</h3><p>Qui êtes-vous ?</p><p>Votre nom</p>|<p>So können Sie kommentieren:</p><p>Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.</p>|' "$TMP/reac.html" > "$TMP/netiq.html"
out=$(pith-strip "$TMP/netiq.html")
lacks "$out" "Netiquette" "German comment rules (Netiquette) are dropped"
lacks "$out" "So können Sie kommentieren" "'So können Sie kommentieren' is dropped"

# JSON: metadata from JSON-LD, OpenGraph, canonical link
json=$(pith-strip -f json "$EX/article.html")
contains "$json" '"title":"Harbour town restores its tidal mill after forty years"' "json: title"
contains "$json" '"author":"Maren Okafor"' "json: author from JSON-LD"
contains "$json" '"date":"2026-10-14T08:30:00+01:00"' "json: ISO 8601 date"
contains "$json" '"sitename":"The Coastal Ledger"' "json: site name"
contains "$json" '"lang":"en"' "json: language from <html lang>"
contains "$json" '"url":"https://ledger.example/news/kellsby-tidal-mill"' "json: canonical URL"
contains "$json" '"status":"ok"' "json: status ok"
is "$(printf '%s\n' "$json" | wc -l)" 1 "json: one line per document"

# markdown
md=$(pith-strip -f markdown "$FIXTURES/strip/docs.html")
contains "$md" "# Configuration" "markdown: heading"
contains "$md" '`tidewatch.toml`' "markdown: inline code"
contains "$md" '```' "markdown: code block"

# explain
ex=$(pith-strip --explain "$EX/article.html")
contains "$ex" "drop	share" "explain: share bar shown as dropped with its category"
contains "$ex" "keep	content" "explain: kept blocks shown"

# WARC in, WARC out, and again through a WARC reader
printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nWARC-Target-URI: https://ledger.example/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' \
    $(( $(wc -c < "$EX/article.html") + 44 )) > "$TMP/in.warc"
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' >> "$TMP/in.warc"
cat "$EX/article.html" >> "$TMP/in.warc"
printf '\r\n\r\n' >> "$TMP/in.warc"
cp "$TMP/in.warc" "$TMP/two.warc"; cat "$TMP/in.warc" >> "$TMP/two.warc"
pith-strip -f warc "$TMP/two.warc" > "$TMP/out.warc" 2>"$TMP/err"; rc=$?
is "$rc" 0 "warc: exit 0"
is "$(grep -ac '^WARC-Type: conversion' "$TMP/out.warc")" 2 "warc: one conversion record per response"
contains "$(cat "$TMP/out.warc")" "WARC-Refers-To: <urn:uuid:00000000-0000-4000-8000-000000000001>" "warc: WARC-Refers-To names the source record"
contains "$(cat "$TMP/out.warc")" "WARC-Target-URI: https://ledger.example/a" "warc: target URI carried over"
again=$(pith-strip -f json "$TMP/out.warc" 2>/dev/null)
is "$(printf '%s\n' "$json" | grep -c '')" 1 "warc output reads back as WARC"
pith-strip -j 2 -f json "$TMP/two.warc" > "$TMP/j2" 2>/dev/null
is "$(grep -c '"status":"ok"' "$TMP/j2")" 2 "-j 2: both records, in order"

# a broken record in the middle: reported, the rest goes on
head -c 700 "$TMP/in.warc" > "$TMP/bad.warc"; printf '\r\n\r\n' >> "$TMP/bad.warc"
cat "$TMP/in.warc" >> "$TMP/bad.warc"
pith-strip -f json "$TMP/bad.warc" > "$TMP/o" 2> "$TMP/e"; rc=$?
is "$rc" 1 "truncated record: exit 1"
contains "$(cat "$TMP/e")" "record 1 at byte offset 0" "truncated record: reported with number and offset"
is "$(grep -c '"status":"ok"' "$TMP/o")" 1 "truncated record: the good record still processed"

# exit statuses and messages
pith-strip --bogus </dev/null >/dev/null 2>"$TMP/e"; is $? 2 "unknown option: exit 2"
contains "$(cat "$TMP/e")" "usage: pith-strip" "unknown option: usage on stderr"
pith-strip "$TMP/nonexistent.html" >/dev/null 2>"$TMP/e"; is $? 1 "missing file: exit 1"
contains "$(cat "$TMP/e")" "pith-strip: $TMP/nonexistent.html: " "missing file: prog: FILE: reason"
pith-strip --help >/dev/null; is $? 0 "--help: exit 0"
contains "$(pith-strip --version)" "pith-strip (pith) " "--version"
pith-strip -f nonsense </dev/null >/dev/null 2>&1; is $? 2 "bad format: exit 2"

# hostile input
out=$(printf '' | pith-strip); is "$?:$out" "0:" "empty input: no output, exit 0"
printf '' | pith-strip -f json > "$TMP/o"; is $? 1 "empty input in JSON mode: exit 1"
contains "$(cat "$TMP/o")" '"status":"no-content"' "empty input in JSON mode: status no-content"
head -c 100000 /dev/urandom > "$TMP/junk"
pith-strip "$TMP/junk" > /dev/null 2>&1; rc=$?
ok $([ $rc -le 1 ] && echo 0 || echo 1) "binary junk: no crash (exit $rc)"
printf '<p>a\0b</p>' | pith-strip > "$TMP/o"; ok $? "NUL bytes: no crash"
python3 -c "print('<div>'*100000 + 'deep text' + '</div>'*100000)" > "$TMP/deep.html"
out=$(pith-strip --all "$TMP/deep.html" 2>"$TMP/e"); rc=$?
is "$rc" 0 "100,000 nested divs: exit 0"
contains "$out" "deep text" "100,000 nested divs: text kept"
contains "$(cat "$TMP/e")" "nesting deeper than 512" "100,000 nested divs: the cut is reported"
python3 -c "print('<p ' + ' '.join('a%d=1' % i for i in range(1000000)) + '>many attributes</p>')" > "$TMP/attrs.html"
out=$(pith-strip --all "$TMP/attrs.html" 2>/dev/null); is "$out" "many attributes" "a million attributes: text kept"
pith-strip --max-bytes 1K "$EX/article.html" > /dev/null 2>"$TMP/e"; is $? 1 "over --max-bytes: exit 1"
contains "$(cat "$TMP/e")" "larger than 1024 bytes" "over --max-bytes: clear message"
gzip -c "$EX/article.html" | head -c 1500 > "$TMP/trunc.html.gz"
out=$(pith-strip "$TMP/trunc.html.gz" 2>"$TMP/e"); rc=$?
is "$rc" 1 "truncated .gz page: exit 1"
contains "$(cat "$TMP/e")" "truncated gzip" "truncated .gz page: says so"
contains "$out" "For the first time since 1986" "truncated .gz page: what was read still goes through"
done_testing
