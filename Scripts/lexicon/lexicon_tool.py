#!/usr/bin/env python3
"""Checks and maintains Sources/Affect/Resources/lexicon.tsv (the project's own mood lexicon).

  lexicon_tool.py check            ranges, fields, categories, styles, sort order, duplicates, counts
  lexicon_tool.py merge FILE...    adds entries from FILE(s) (same TSV format), refusing terms already present,
                                   then rewrites the lexicon sorted (header comment kept)
  lexicon_tool.py stats            counts per category and style

Terms must already be in the parser's normal form: lower case, words of letters, digits and '&' separated
by single spaces ("lo fi", "r&b", "late night"), because the Swift tokenizer normalises prompts that way.
"""
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "Sources/Affect/Resources/lexicon.tsv"
CATEGORIES = {"emotion", "atmosphere", "weather", "time", "place", "scene", "colour", "texture", "tempo", "music", "style"}
# Raw values of the Swift `Style` enum.
STYLES = {"pop", "rock", "metal", "punk", "edm", "house", "trap", "hiphop", "rnb", "funk", "blues", "country",
          "bluegrass", "folk", "classical", "cinematic", "ambient", "lofi", "jazz", "bossa nova", "reggae",
          "synthwave", "gospel", "soul"}
TERM = re.compile(r"^[a-z0-9&]+( [a-z0-9&]+)*$")


def read(path):
    header, rows, problems = [], [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            header.append(line)
            continue
        f = line.split("\t")
        where = f"{path.name}:{n}"
        if len(f) not in (4, 5):
            problems.append(f"{where}: {len(f)} fields")
            continue
        term, v, a, cat = f[0], f[1], f[2], f[3]
        style = f[4] if len(f) == 5 else ""
        if not TERM.match(term):
            problems.append(f"{where}: term {term!r} is not normalised")
        try:
            fv, fa = float(v), float(a)
            if not (-1 <= fv <= 1 and -1 <= fa <= 1):
                problems.append(f"{where}: {term} out of range")
        except ValueError:
            problems.append(f"{where}: {term} bad number")
        if cat not in CATEGORIES:
            problems.append(f"{where}: {term} category {cat!r}")
        if style and style not in STYLES:
            problems.append(f"{where}: {term} style {style!r}")
        if cat == "style" and not style:
            problems.append(f"{where}: style word {term} has no style")
        rows.append((term, v, a, cat, style))
    return header, rows, problems


def line(row):
    term, v, a, cat, style = row
    return "\t".join([term, v, a, cat] + ([style] if style else []))


def check():
    header, rows, problems = read(LEXICON)
    terms = [r[0] for r in rows]
    dups = [t for t, c in Counter(terms).items() if c > 1]
    if dups:
        problems.append(f"duplicates: {', '.join(sorted(dups))}")
    if terms != sorted(terms):
        problems.append("not sorted (run merge with no files to sort)")
    styles = {r[4] for r in rows if r[3] == "style"}
    print(f"{len(rows)} entries, {len(styles)} styles named, {sum(1 for t in terms if ' ' in t)} phrases")
    if len(rows) < 1500:
        problems.append(f"only {len(rows)} entries (need 1500)")
    if len(styles) < 20:
        problems.append(f"only {len(styles)} styles")
    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


def merge(files):
    header, rows, problems = read(LEXICON) if LEXICON.exists() else ([], [], [])
    seen = {r[0]: r for r in rows}
    for name in files:
        _, new, more = read(Path(name))
        problems += more
        for r in new:
            if r[0] in seen:
                problems.append(f"{name}: {r[0]} already present ({line(seen[r[0]])!r} vs {line(r)!r})")
            else:
                seen[r[0]] = r
    for p in problems:
        print("problem:", p)
    if problems:
        return 1
    out = header + [line(seen[t]) for t in sorted(seen)]
    LEXICON.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(seen)} entries written")
    return 0


def stats():
    _, rows, _ = read(LEXICON)
    print(Counter(r[3] for r in rows).most_common())
    print(Counter(r[4] for r in rows if r[4]).most_common())


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"check": check, "stats": stats}.get(cmd, lambda: merge(sys.argv[2:]))())
