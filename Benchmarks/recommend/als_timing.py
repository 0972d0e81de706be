"""Summarises interleaved single-threaded ALS timings: medians of ours and implicit's, and their ratio.

Usage: als_timing.py TIMES_TXT [CALLGRIND_IR]

TIMES_TXT has one `NAME WALL_S CPU_S` line per training run (NAME is `ours` or `implicit`), as run.sh writes
it. Prints a Markdown table; the ratio is ours / implicit, so < 1.10 meets issue 5's "within 10%".
"""

import statistics
import sys


def main():
    runs = {}
    with open(sys.argv[1]) as f:
        for line in f:
            name, wall, cpu = line.split()
            runs.setdefault(name, []).append((float(wall), float(cpu)))
    ours, theirs = runs["ours"], runs["implicit"]

    def med(rows, k):
        return statistics.median(r[k] for r in rows)

    print(f"ALS training, single-threaded, {len(ours)} interleaved runs each (medians, seconds)\n")
    print("| | wall s | CPU s | all wall s |")
    print("|---|---|---|---|")
    for name, rows in (("moodsketch als", ours), ("implicit 0.7 als", theirs)):
        listing = " ".join(f"{w:.2f}" for w, _ in rows)
        print(f"| {name} | {med(rows, 0):.3f} | {med(rows, 1):.3f} | {listing} |")
    print(f"\nratio ours / implicit: wall {med(ours, 0) / med(theirs, 0):.2f}×, "
          f"CPU {med(ours, 1) / med(theirs, 1):.2f}× (target ≤ 1.10×)")
    if len(sys.argv) > 2 and sys.argv[2]:
        print(f"\nmoodsketch ALS training, callgrind: {int(float(sys.argv[2])):,} instructions")


if __name__ == "__main__":
    main()
