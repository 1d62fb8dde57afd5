#!/bin/sh
# pith-segment end to end: modes, formats, languages, documents, limits.
. "$(dirname "$0")/lib.sh"
F=$FIXTURES/segment

# --- command line --------------------------------------------------------
pith-segment --help >"$TMP/help" 2>&1
ok $? "--help exits 0"
contains "$(cat "$TMP/help")" "usage: pith-segment" "--help prints the usage"
pith-segment --bogus </dev/null >/dev/null 2>"$TMP/err"
is $? 2 "an unknown option exits 2"
pith-segment -l xx </dev/null >/dev/null 2>"$TMP/err"
is $? 2 "an unknown language exits 2"
contains "$(cat "$TMP/err")" "unsupported language 'xx'" "and says why"
pith-segment -f yaml </dev/null >/dev/null 2>/dev/null
is $? 2 "an unknown format exits 2"

# --- sentences -----------------------------------------------------------
out=$(pith-segment "$F/en.txt")
ok $? "sentences of a file"
is "$(printf '%s\n' "$out" | sed -n 1p)" \
    "Dr. Ada Byrne opened the workshop at 9 a.m. sharp." \
    "a title and a time stay inside the sentence"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
    "She had flown in from Boston the night before." \
    "a line break inside a sentence becomes a space"
is "$(printf '%s\n' "$out" | sed -n 3p)" '"Is everyone here?" she asked.' \
    "a question in quotes before a lower-case word runs on"
is "$(printf '%s\n' "$out" | sed -n 5p)" "" \
    "an empty line between paragraphs"
contains "$out" "Slides are at https://example.org/ws/slides.pdf." \
    "a URL's periods are not sentence ends"
contains "$out" "Mail ada.byrne@example.org with questions... or just stop by room 3.14." \
    "an address, a mid-sentence ellipsis and a decimal"
is "$(pith-segment -s <"$F/en.txt" | grep -c .)" 12 \
    "12 sentences in en.txt from stdin"
is "$(printf 'Ends here. No newline' | pith-segment | tail -n 1)" \
    "No newline" "input without a final newline"
is "$(printf '' | pith-segment | wc -c)" 0 "empty input, empty output"
is "$(printf '\n\n  \n\t\n' | pith-segment | wc -c)" 0 \
    "blank input, empty output"

# --- languages -----------------------------------------------------------
de=$(pith-segment "$F/de.txt")
contains "$de" "Am 3. Oktober fuhr Frau Dr. Keller nach Bonn." \
    "German detected: an ordinal date stays in its sentence"
contains "$de" "Es war kalt, z. B. lag schon Schnee auf den Feldern." \
    "German z. B. does not end a sentence"
contains "$de" "Im Abteil saß ein Mann mit Hut usw." \
    "usw. before an opener ends one"
de_en=$(pith-segment -l en "$F/de.txt")
contains "$de_en" "Am 3." "with -l en the German ordinal rule is off"
lacks "$(pith-segment -l de "$F/de.txt")" "Am 3.
" "-l de keeps it"

# --- paragraphs, words, UAX #29 -------------------------------------------
is "$(pith-segment -p "$F/en.txt" | wc -l)" 3 "-p: three paragraphs"
is "$(pith-segment -p "$F/en.txt" | head -n 1 | cut -c1-40)" \
    "Dr. Ada Byrne opened the workshop at 9 a" "-p: one paragraph per line"
is "$(printf "It's 3.5 km, isn't it?\n" | pith-segment -w | tr '\n' '|')" \
    "It's|3.5|km|,|isn't|it|?|" "-w: UAX #29 words without spaces"
is "$(printf "It's 3.5 km, isn't it?\n" | pith-segment -w --no-punct | tr '\n' '|')" \
    "It's|3.5|km|isn't|it|" "--no-punct drops punctuation"
is "$(printf 'Mr. Smith left. Ok.\n' | pith-segment --uax29 | tr '\n' '|')" \
    "Mr.|Smith left.|Ok.|" "--uax29: the plain Unicode rules"
is "$(printf 'Mr. Smith left. Ok.\n' | pith-segment | tr '\n' '|')" \
    "Mr. Smith left.|Ok.|" "the language layer knows Mr."

# --- output formats -------------------------------------------------------
is "$(printf 'One. Two.\n\nThree.\n' | pith-segment -0 | tr '\0' '|')" \
    "One.|Two.|Three.|" "-0 ends units with NUL, no paragraph lines"
pith-segment -f json "$F/en.txt" >"$TMP/en.json"
ok $? "-f json"
python3 - "$F/en.txt" "$TMP/en.json" >"$TMP/py" 2>&1 <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
bad = 0
paras = set()
for line in open(sys.argv[2], encoding="utf-8"):
    u = json.loads(line)
    piece = data[u["start"]:u["end"]].decode("utf-8")
    if piece != u["text"]:
        bad += 1
    paras.add(u["paragraph"])
print("bad", bad, "paragraphs", len(paras))
PY
is "$(cat "$TMP/py")" "bad 0 paragraphs 3" \
    "json: text equals the input bytes at start..end; paragraph numbers"
is "$(printf 'a\001b "q" \\ x.\n' | pith-segment -f json | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["text"])')" \
    "$(printf 'a\001b "q" \\ x.')" "json escapes control characters, quotes, backslashes"

# --- documents and streams -------------------------------------------------
is "$(printf 'A one. A two.\0B one.\0' | pith-segment -z | tr '\0\n' '#|')" \
    "A one.|A two.|#B one.|#" "-z: NUL-separated documents, NUL after each"
printf 'First file.\n' >"$TMP/a.txt"
pith-segment "$TMP/a.txt" "$TMP/missing.txt" "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
is $? 1 "a missing file: exit 1"
contains "$(cat "$TMP/err")" "pith-segment: $TMP/missing.txt:" \
    "the error names the file"
is "$(grep -c 'First file.' "$TMP/out")" 2 "the other files are still done"
printf 'Offsets. Restart.\n' >"$TMP/b.txt"
is "$(pith-segment -f json "$TMP/b.txt" "$TMP/b.txt" | sed -n 3p)" \
    '{"text":"Offsets.","start":0,"end":8,"paragraph":1}' \
    "offsets and paragraphs restart with each file"

# --- bad input --------------------------------------------------------------
printf 'Bad \377\376 bytes. And \0 a NUL. Fine.\n' | pith-segment >"$TMP/out"
ok $? "invalid UTF-8 and NUL bytes do not stop it"
is "$(grep -c . "$TMP/out")" 3 "and give sane sentences"
printf 'Bad \377 bytes.\n' | pith-segment -f json | python3 -c 'import json,sys; json.loads(sys.stdin.read())'
ok $? "json stays valid on invalid UTF-8"
# A 3 MB paragraph without a line break, and 3 MB with no space at all.
python3 -c 'import sys; sys.stdout.write("This is a sentence that goes on. " * 100000)' |
    pith-segment | wc -l >"$TMP/n"
is "$(cat "$TMP/n")" 100000 "a 3 MB single-line paragraph, in pieces"
head -c 3000000 /dev/zero | tr '\0' 'x' | pith-segment | wc -c >"$TMP/n"
is "$(cat "$TMP/n")" 3000003 "3 MB without a space: cut into 1 MiB units"
# Long tokens full of @, :// and periods are read once, not once per mark.
python3 -c 'import sys; sys.stdout.write("x@y.z" * 200000 + " Done. " + "http://a.b/?c=d." * 60000 + " End.")' |
    pith-segment | wc -l >"$TMP/n"
is "$(cat "$TMP/n")" 3 "megabyte tokens of addresses"
done_testing
