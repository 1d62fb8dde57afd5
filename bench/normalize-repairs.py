#!/usr/bin/env python3
"""Lists the paragraphs that mojibake repair changes in the given texts.

usage: normalize-repairs.py PITH_NORMALIZE FILE...

Each file is normalized twice, with and without --no-mojibake (both with
--keep-space --no-entities, so lines stay aligned); every line that
differs is printed as "file: 'before'->'after' ..." (the changed parts
of the raw line), and a count closes the list."""
import collections
import difflib
import subprocess
import sys


def run(cmd, path):
    with open(path, "rb") as f:
        return subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8", "replace")


def main():
    tool, files = sys.argv[1], sys.argv[2:]
    base = [tool, "--keep-space", "--no-entities"]
    changed = texts = 0
    kinds = collections.Counter()
    for path in files:
        a = run(base + ["--no-mojibake"], path).split("\n")
        b = run(base, path).split("\n")
        with open(path, "rb") as f:
            raw = f.read().decode("utf-8", "replace").split("\n")
        texts += 1
        if len(a) != len(b):
            print("%s: line count differs" % path)
            changed += 1
            continue
        for i, (x, y) in enumerate(zip(a, b)):
            if x == y:
                continue
            changed += 1
            # shown against the raw line, where the C1 controls of
            # latin-1 mojibake are still there
            if i < len(raw) and len(raw) == len(a):
                x = raw[i]
            sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
            ops = [(x[i1:i2], y[j1:j2])
                   for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]
            for before, after in ops:
                kinds[kind(before, after)] += 1
            frags = ["%r->%r" % o for o in ops]
            print("%s: %s" % (path, " ".join(frags[:8])))
    print("changes by kind: " + ", ".join(
        "%s %d" % kv for kv in kinds.most_common()))
    print("%d paragraphs changed by mojibake repair in %d texts"
          % (changed, texts))


def kind(before, after):
    if any("\x80" <= ch <= "\x9f" for ch in before):
        return "UTF-8 read as latin-1 (C1 controls)"
    if before.startswith("\u00c2") and after.strip("\xa0") == "":
        return "no-break space read as windows-1252 (\u00c2)"
    return "UTF-8 read as windows-1252 or another code page"


if __name__ == "__main__":
    main()
