"""Key agreement per profile: ours (`analyze --json --profile P`) against Essentia's KeyExtractor with the
same named profile (and against its default 'bgate').

Usage: key_agreement.py essentia-keys.json ours-krumhansl.json ours-temperley.json ours-edma.json
(the first from key_profiles.py; the others from `moodsketch analyze --json --profile …` on the same files)
"""
import json
import os
import sys

from summarize import NAMES, our_key, pitch_class  # the same key reading as the speed summary


def essentia_key(text):
    tonic, mode = text.split()
    return pitch_class(tonic), mode


def relation(a, b):
    if a is None:
        return "none"
    if a == b:
        return "same"
    if a[1] != b[1] and (a[0] - b[0]) % 12 == (3 if a[1] == "major" else 9):
        return "relative"
    if a[0] == b[0]:
        return "parallel"
    if (a[0] - b[0]) % 12 in (5, 7) and a[1] == b[1]:
        return "fifth"
    return "other"


def main(essentia_path, *ours_paths):
    essentia = json.load(open(essentia_path))
    for path in ours_paths:
        report = json.load(open(path))
        profile = report["profile"]
        counts = {}
        versus_default = 0
        for f in report["files"]:
            theirs = essentia[f["path"]]
            ours = our_key(f["features"])
            kind = relation(ours, essentia_key(theirs[profile]["key"]))
            counts[kind] = counts.get(kind, 0) + 1
            versus_default += relation(ours, essentia_key(theirs["bgate"]["key"])) == "same"
        n = len(report["files"])
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "same")
        print(f"{profile:10s} same key as Essentia {profile}: {counts.get('same', 0)}/{n}  "
              f"({detail});  vs Essentia default bgate: {versus_default}/{n}")
    profiles = ["krumhansl", "temperley", "edma", "bgate"]
    print("Essentia with itself, profile vs bgate: " + ", ".join(
        f"{p} {sum(essentia_key(v[p]['key']) == essentia_key(v['bgate']['key']) for v in essentia.values())}/{len(essentia)}"
        for p in profiles[:3]))
    print("\nper track: " + " | ".join(f"ours {p} / essentia {p}" for p in profiles[:3]) + " | essentia bgate")
    reports = [json.load(open(p)) for p in ours_paths]
    for i, f in enumerate(reports[0]["files"]):
        cells = []
        for r in reports:
            k = our_key(r["files"][i]["features"])
            ours = f"{NAMES[k[0]]} {k[1]}" if k else "none"
            cells.append(f"{ours:9s}/ {essentia[f['path']][r['profile']]['key']:9s}")
        print(f"  {os.path.basename(f['path'])[:22]:22s} " + " | ".join(cells)
              + f" | {essentia[f['path']]['bgate']['key']}")


if __name__ == "__main__":
    main(*sys.argv[1:])
