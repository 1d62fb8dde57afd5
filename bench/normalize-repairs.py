#!/usr/bin/env python3
"""Lists the paragraphs that mojibake repair changes in the given texts.

usage: normalize-repairs.py PITH_NORMALIZE FILE...

Each file is normalized twice, with and without --no-mojibake (both with
--keep-space --no-entities, so lines stay aligned); every line that
differs is printed as "file: before -> after" with the changed words,
and a count closes the list."""
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
    for path in files:
        a = run(base + ["--no-mojibake"], path).split("\n")
        b = run(base, path).split("\n")
        texts += 1
        if len(a) != len(b):
            print("%s: line count differs" % path)
            changed += 1
            continue
        for x, y in zip(a, b):
            if x == y:
                continue
            changed += 1
            sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
            frags = ["%r->%r" % (x[i1:i2], y[j1:j2])
                     for op, i1, i2, j1, j2 in sm.get_opcodes()
                     if op != "equal"]
            print("%s: %s" % (path, " ".join(frags[:8])))
    print("%d paragraphs changed by mojibake repair in %d texts"
          % (changed, texts))


if __name__ == "__main__":
    main()
