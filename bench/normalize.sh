#!/bin/sh
# pith-normalize: speed (ASCII text, text with a fifth non-ASCII
# characters, memory on a 4x longer stream), mojibake repair on the ftfy
# dev cases, repairs made on the shared corpus text, and idempotence.
# Environment: PITH_BIN, PITH_SHARED (set by make bench).
cd "$(dirname "$0")/.." || exit 2
: "${PITH_BIN:?run through make bench}" "${PITH_SHARED:?}"
N="$PITH_BIN/pith-normalize"
S=$PITH_SHARED
W=$(mktemp -d "${TMPDIR:-/tmp}/pith-bench-normalize.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT INT TERM

# Inputs. ASCII: the corpus text with every other byte dropped, repeated
# to about 100 MB. Mixed: the project's multilingual fixture (French,
# German, Polish, Russian, Greek, Vietnamese, Czech) interleaved with
# that ASCII text so that a fifth of the characters are non-ASCII.
cat "$S"/corpus/*/*.txt >"$W/corpus.txt"
LC_ALL=C tr -cd '\11\12\40-\176' <"$W/corpus.txt" >"$W/ascii1.txt"
: >"$W/ascii.txt"
while [ "$(wc -c <"$W/ascii.txt")" -lt 100000000 ]; do
	cat "$W/ascii1.txt" >>"$W/ascii.txt"
done
python3 - "$W/ascii1.txt" tests/fixtures/normalize/multilingual.txt \
    "$W/mixed.txt" <<'PY'
import sys
en = open(sys.argv[1], encoding="ascii").read()
ml = open(sys.argv[2], encoding="utf-8").read()
out, size, pos = [], 0, 0
while size < 60_000_000:
    # one ASCII line of half the fixture's length per fixture copy
    cut = en.find("\n", pos + len(ml) // 2)
    cut = len(en) if cut < 0 else cut + 1
    out += [ml, en[pos:cut]]
    size += len(ml.encode()) + cut - pos
    pos = 0 if cut >= len(en) else cut
text = "".join(out)
open(sys.argv[3], "w", encoding="utf-8").write(text)
share = sum(c >= "\x80" for c in text) / len(text)
print("mixed input: %.1f%% of characters non-ASCII" % (100 * share))
PY

# run NAME FILE [ARGS]: one row of figures; MB/s over CPU time (user +
# sys), which a busy machine disturbs less than wall time; best of 3.
run() {
	python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
name, path, args = sys.argv[1], sys.argv[2], sys.argv[3:]
size = os.path.getsize(path)
cpu = wall = 1e9
for _ in range(3):	# best of three: the machine may be busy
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    with open(path, "rb") as f, open(os.devnull, "wb") as null:
        subprocess.run(args, stdin=f, stdout=null, check=True)
    wall = min(wall, time.time() - t0)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = min(cpu, ru.ru_utime + ru.ru_stime -
              before.ru_utime - before.ru_stime)
print("%-28s %8.1f MB %8.1f MB/s cpu %8.1f MB/s wall %7d KB max RSS"
      % (name, size / 1e6, size / 1e6 / cpu, size / 1e6 / wall, ru.ru_maxrss))
PY
}
echo "speed (target: ASCII >= 300 MB/s, mixed >= 80 MB/s, flat memory):"
run "ASCII" "$W/ascii.txt" "$N"
run "mixed (1/5 non-ASCII)" "$W/mixed.txt" "$N"
run "mixed, --nfkc --casefold" "$W/mixed.txt" "$N" --nfkc --casefold
cat "$W/ascii.txt" "$W/ascii.txt" "$W/ascii.txt" "$W/ascii.txt" >"$W/ascii4.txt"
run "ASCII x4 (memory)" "$W/ascii4.txt" "$N"
rm -f "$W/ascii4.txt"
echo "  command: pith-normalize < FILE > /dev/null (inputs built above)"

echo
echo "mojibake repair, ftfy dev cases ($S/normalize/ftfy_dev.jsonl):"
python3 "$S/bench/score-normalize" --show 0 "$S/normalize/ftfy_dev.jsonl" -- \
    "$N" --keep-space --keep-bidi --ascii-quotes --fullwidth --ligatures | sed 's/^/  /'
echo "  command: score-normalize ftfy_dev.jsonl -- pith-normalize --keep-space --keep-bidi --ascii-quotes --fullwidth --ligatures"
python3 "$S/bench/score-normalize" --show 0 --field expected_encoding \
    "$S/normalize/ftfy_dev.jsonl" -- "$N" --keep-space --no-entities |
    tail -n 1 | sed 's/^/  /'
echo "  command: score-normalize --field expected_encoding ftfy_dev.jsonl -- pith-normalize --keep-space --no-entities"

echo
echo "repairs on the shared corpus text ($(ls "$S"/corpus/*/*.txt | wc -l) gold texts):"
python3 bench/normalize-repairs.py "$N" "$S"/corpus/*/*.txt >"$W/repairs"
tail -n 2 "$W/repairs" | sed 's/^/  /'
echo "  most frequent changes (before -> after, count):"
sed '$d' "$W/repairs" | sed '$d; s/^[^:]*: //' | tr ' ' '\n' | grep -- '->' |
    sort | uniq -c | sort -rn | head -n 15 | sed 's/^/   /'
echo "  command: bench/normalize-repairs.py pith-normalize corpus/*/*.txt"

echo
"$N" "$W/corpus.txt" >"$W/n1"
"$N" "$W/n1" >"$W/n2"
if cmp -s "$W/n1" "$W/n2"; then
	echo "idempotence on the corpus text: normalizing twice = once"
else
	echo "idempotence on the corpus text: FAILED"
	exit 1
fi
