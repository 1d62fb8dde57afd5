#!/bin/sh
# pith-strip text mode through the command: scraper dumps, WET records,
# site templates kept in a --state file.
. "$(dirname "$0")/lib.sh"
F="$FIXTURES/textmode"

out=$(pith-strip < "$F/appeal-glued.txt"); rc=$?
is "$rc" 0 "appeal glued to the story: exit 0"
contains "$out" "The town council of Eastmere voted on Monday" "the story sentence that shares a paragraph with the appeal survives"
lacks "$out" "Donate Now" "the donation appeal is dropped"
lacks "$out" "Every contribution, however small" "the whole appeal is dropped"

out=$(pith-strip < "$F/disclaimer-tail.txt")
lacks "$out" "This article was produced by" "publisher disclaimer dropped"
lacks "$out" "do not necessarily reflect the views" "opinions disclaimer dropped"
lacks "$out" "Follow us on Facebook" "stay-informed / follow-us line dropped"
contains "$out" "The city e" "the story's last paragraphs kept"

ex=$(pith-strip --explain < "$F/disclaimer-tail.txt")
contains "$ex" "drop	disclaimer	" "explain in text mode: verdict and category"
contains "$ex" "stop=" "explain in text mode: signals"

# --text forces text mode on input that looks like markup
printf '<p>This is a plain sentence about tides that somebody wrote with angle brackets around it, and it is long enough to be content.</p>\n' > "$TMP/t.txt"
out=$(pith-strip --text "$TMP/t.txt")
contains "$out" "<p>This is a plain sentence" "--text treats markup as text"

# WET input: conversion records go through text mode
mkwet() {	# uri file
	n=$(wc -c < "$2")
	printf 'WARC/1.1\r\nWARC-Type: conversion\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' "$1" "$n"
	cat "$2"; printf '\r\n\r\n'
}
mkwet https://news.example/a "$F/appeal-glued.txt" > "$TMP/in.wet"
mkwet https://news.example/b "$F/disclaimer-tail.txt" >> "$TMP/in.wet"
pith-strip -f json "$TMP/in.wet" > "$TMP/o" 2>/dev/null; rc=$?
is "$rc" 0 "WET input: exit 0"
is "$(grep -c '"status":"ok"' "$TMP/o")" 2 "WET input: both conversion records processed"
lacks "$(cat "$TMP/o")" "Donate Now" "WET input: appeal dropped"

# Site templates across runs: a line that recurs on every page of one
# host is learned into the state file and dropped on later pages.
# (numbers are folded when blocks are compared, so the stories differ
# in words)
for i in ferry bakery school library market chapel; do
	{
		echo "Harbour Gazette home news sport weather"
		echo
		echo "This story tells how the $i on the island changed hands last week because the wind turned and the old owner waited for the tide, which the neighbours did not mind at all."
		echo
		echo "The harbour master said the $i would open again by the end of the month, and that a new pontoon would be built next spring with money from the county."
	} > "$TMP/p$i.txt"
	mkwet "https://gazette.example/s$i" "$TMP/p$i.txt" >> "$TMP/site.wet"
done
pith-strip --state "$TMP/state" "$TMP/site.wet" > /dev/null 2>&1
ok $? "--state: first run exit 0"
ok $([ -s "$TMP/state" ] && echo 0 || echo 1) "--state: the state file is written"
is "$(head -n 1 "$TMP/state" | cut -d' ' -f1)" "pith-templates" "--state: versioned header"
{
	echo "Harbour Gazette home news sport weather"; echo
	echo "A new story about the lighthouse keeper, who retired after thirty years and gave the brass lamp to the town museum on a rainy Saturday afternoon."
} > "$TMP/new.txt"
mkwet "https://gazette.example/new" "$TMP/new.txt" > "$TMP/new.wet"
out=$(pith-strip --state "$TMP/state" "$TMP/new.wet" 2>/dev/null)
lacks "$out" "Harbour Gazette home news" "--state: the host's template line is dropped on a later run"
contains "$out" "lighthouse keeper, who retired" "--state: the new page's own text is kept"
printf 'garbage\n' > "$TMP/badstate"
pith-strip --state "$TMP/badstate" "$TMP/new.wet" > /dev/null 2>"$TMP/e"; rc=$?
is "$rc" 1 "--state: a damaged state file is refused (exit 1)"
contains "$(cat "$TMP/e")" "badstate" "--state: the refusal names the file"
done_testing
