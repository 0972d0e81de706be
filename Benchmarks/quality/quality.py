#!/usr/bin/env python3
"""Musical-quality benchmark: sketches' melodies against POP909 melody windows. Called by run.sh.

  quality.py corpus POP909_DIR CACHE.json        extract the corpus windows (8 and 16 bars) once
  quality.py report CACHE.json SKETCH_ROOT       print the report for the sketches under SKETCH_ROOT

SKETCH_ROOT holds b8/<prompt>-s<seed>/, b16/<prompt>-s<seed>/ and seeds20/<prompt>-s<seed>/ folders,
each with sketch.mid and sketch.json, as run.sh writes them.
"""
import json
import os
import random
import sys
from collections import Counter

import numpy as np

from features import FEATURES, GROUPS, features, form_label, verbatim_phrases
from sources import pop909_song, random_walk, sketch

SEED = 909
CEILING_DRAWS = 5


def corpus(root, cache):
    songs = sorted(d for d in os.listdir(root) if d.isdigit())
    out = {"8": [], "16": [], "piano": []}
    for sid in songs:
        folder = os.path.join(root, sid)
        for bars in (8, 16):
            for w in pop909_song(folder, bars):
                w["chords"] = [(s, e, sorted(c)) for s, e, c in w["chords"]]
                out[str(bars)].append(w)
    tmp = cache + ".tmp"
    with open(tmp, "w") as f:
        json.dump(out, f)
    os.replace(tmp, cache)
    print(f"{len(out['8'])} 8-bar and {len(out['16'])} 16-bar windows from {len(songs)} songs", file=sys.stderr)


def load_corpus(cache):
    with open(cache) as f:
        data = json.load(f)
    for key in ("8", "16"):
        for w in data[key]:
            w["notes"] = [tuple(n) for n in w["notes"]]
            w["chords"] = [(s, e, frozenset(c)) for s, e, c in w["chords"]]
    return data


# ---------------------------------------------------------------------------------------- statistics


def bandwidth(x):
    """Scott's rule, as scipy's gaussian_kde, with a floor for (nearly) constant features."""
    sd = float(np.std(x))
    return max(sd, 1e-3) * len(x) ** (-1 / 5)


def densities(a, b, points=1024):
    a, b = np.asarray(a, float), np.asarray(b, float)
    ha, hb = bandwidth(a), bandwidth(b)
    span = max(a.max(), b.max()) - min(a.min(), b.min())
    floor = max(span, 1.0) * 0.02
    ha, hb = max(ha, floor), max(hb, floor)
    lo = min(a.min() - 4 * ha, b.min() - 4 * hb)
    hi = max(a.max() + 4 * ha, b.max() + 4 * hb)
    grid = np.linspace(lo, hi, points)

    def kde(x, h):
        z = (grid[:, None] - x[None, :]) / h
        return np.exp(-0.5 * z * z).sum(axis=1) / (len(x) * h * np.sqrt(2 * np.pi))

    return grid, kde(a, ha), kde(b, hb)


def overlap_and_kl(reference, other):
    """Overlapping area of the two feature distributions and KL(reference || other), both by KDE."""
    grid, p, qd = densities(reference, other)
    dx = grid[1] - grid[0]
    oa = float(np.minimum(p, qd).sum() * dx)
    eps = 1e-10
    kl = float((p * np.log((p + eps) / (qd + eps))).sum() * dx)
    return oa, max(0.0, kl)


def feature_matrix(windows):
    rows = [features(w) for w in windows]
    return {name: np.array([r[name] for r in rows], float) for name, _ in FEATURES}


def compare(reference, sets):
    """Per feature and per set: (OA, KL)."""
    return {
        label: {name: overlap_and_kl(reference[name], m[name]) for name, _ in FEATURES}
        for label, m in sets.items()
    }


def group_means(scores):
    out = {}
    for g in GROUPS:
        vals = [scores[n][0] for n, grp in FEATURES if grp == g]
        out[g] = sum(vals) / len(vals)
    out["all"] = sum(s[0] for s in scores.values()) / len(scores)
    return out


# ------------------------------------------------------------------------------------------ report


def load_sketches(root, sub):
    folder = os.path.join(root, sub)
    if not os.path.isdir(folder):
        return []
    return [sketch(os.path.join(folder, d)) for d in sorted(os.listdir(folder))
            if os.path.exists(os.path.join(folder, d, "sketch.mid"))]


def distinct_per_8(patterns):
    """Mean number of distinct bar patterns per 8 bars."""
    counts = [len(set(patterns[i : i + 8])) for i in range(0, len(patterns) - 7, 8)]
    return sum(counts) / len(counts) if counts else float("nan")


def fmt(x, digits=2):
    return f"{x:.{digits}f}"


def report(cache, root):
    rng = random.Random(SEED)
    data = load_corpus(cache)
    by_half = {0: [], 1: []}
    for w in data["8"]:
        by_half[int(w["song"]) % 2].append(w)
    reference = feature_matrix(by_half[1])
    sketches8 = load_sketches(root, "b8")
    sketches16 = load_sketches(root, "b16")
    seeds20 = load_sketches(root, "seeds20")
    # The 8-bar sketches, as 8-bar windows of a song (the 16-bar ones are judged by their form below).
    generated = list(sketches8)
    n = len(generated)
    if n == 0:
        sys.exit(f"no sketches under {root}")
    gen = feature_matrix(generated)
    walk = feature_matrix([random_walk(rng) for _ in range(n)])
    # The ceiling: as many windows of the other half (one per song where possible), several draws.
    ceiling_draws = []
    songs = {}
    for w in by_half[0]:
        songs.setdefault(w["song"], []).append(w)
    for _ in range(CEILING_DRAWS):
        ids = rng.sample(sorted(songs), min(n, len(songs)))
        ceiling_draws.append(feature_matrix([rng.choice(songs[i]) for i in ids]))
    scores = compare(reference, {"sketches": gen, "floor": walk})
    ceiling = {name: tuple(np.mean([overlap_and_kl(reference[name], d[name]) for d in ceiling_draws], axis=0))
               for name, _ in FEATURES}
    scores["ceiling"] = ceiling

    print(f"# Musical quality: {len(sketches8)} 8-bar sketches against {len(by_half[1])} POP909 melody windows (odd song ids)\n")
    print("Ceiling: as many windows of the even-id songs; floor: a C-major scale random walk.\n")
    print("| feature | group | POP909 mean (sd) | sketches mean (sd) | OA | KL | ceiling OA | floor OA |")
    print("|---|---|---|---|---|---|---|---|")
    for name, g in FEATURES:
        r, s = reference[name], gen[name]
        print(f"| {name} | {g} | {fmt(r.mean())} ({fmt(r.std())}) | {fmt(s.mean())} ({fmt(s.std())}) | "
              f"{fmt(scores['sketches'][name][0], 3)} | {fmt(scores['sketches'][name][1], 3)} | "
              f"{fmt(ceiling[name][0], 3)} | {fmt(scores['floor'][name][0], 3)} |")
    gs, gc, gf = group_means(scores["sketches"]), group_means(ceiling), group_means(scores["floor"])
    print("\n| group | sketches OA | ceiling OA | floor OA |")
    print("|---|---|---|---|")
    for g in GROUPS + ["all"]:
        print(f"| {g} | {fmt(gs[g], 3)} | {fmt(gc[g], 3)} | {fmt(gf[g], 3)} |")
    print(f"\nSUMMARY mean_OA={gs['all']:.3f} pitch={gs['pitch']:.3f} rhythm={gs['rhythm']:.3f} "
          f"structure={gs['structure']:.3f} ceiling={gc['all']:.3f} floor={gf['all']:.3f}")

    # Forms.
    print("\n## 16-bar forms (4-bar phrases labelled by similarity to earlier ones)\n")
    human = Counter(form_label(w) for w in data["16"])
    total = sum(human.values())
    print(f"POP909: {len(human)} distinct forms in {total} windows; commonest: "
          + ", ".join(f"{f} {100 * c / total:.0f} %" for f, c in human.most_common(4)))
    forms = Counter(form_label(s) for s in sketches16)
    if sketches16:
        print(f"Sketches: {len(forms)} distinct forms in {len(sketches16)} sketches; commonest: "
              + ", ".join(f"{f} {100 * c / len(sketches16):.0f} %" for f, c in forms.most_common(4)))
        copies = [s["style"] for s in sketches16 if verbatim_phrases(s) > 0]
        print(f"Sketches with a phrase copied note for note: {len(copies)} of {len(sketches16)}"
              + (f" (styles: {', '.join(sorted(set(copies)))}; house, EDM, trap and hip-hop may loop)"
                 if copies else ""))
    by_prompt = {}
    for s in seeds20:
        prompt = os.path.basename(s["source"]).rsplit("-s", 1)[0]
        by_prompt.setdefault(prompt, []).append(form_label(s))
    for prompt, labels in sorted(by_prompt.items()):
        c = Counter(labels)
        print(f"20 seeds of '{prompt}': {len(c)} distinct forms ("
              + ", ".join(f"{f} ×{k}" for f, k in c.most_common(6)) + ")")

    # Density.
    print("\n## Planned vs actual melody density (notes per beat)\n")
    rows = [(s["density_plan"], len(s["notes"]) / (s["bars"] * s["beats_per_bar"]))
            for s in sketches8 + sketches16 if s["density_plan"]]
    calm = [r for r in rows if r[0] <= 0.8]
    if calm:
        print(f"Plans ≤ 0.8 ({len(calm)} sketches): planned {np.mean([p for p, _ in calm]):.2f}, "
              f"actual {np.mean([a for _, a in calm]):.2f}")
    if rows:
        ratio = [a / p for p, a in rows]
        print(f"All ({len(rows)}): planned {np.mean([p for p, _ in rows]):.2f}, actual "
              f"{np.mean([a for _, a in rows]):.2f}; actual/planned median {np.median(ratio):.2f}, "
              f"within ±25 %: {100 * np.mean([abs(x - 1) <= 0.25 for x in ratio]):.0f} %")
        print(f"DENSITY calm_planned={np.mean([p for p, _ in calm]) if calm else float('nan'):.2f} "
              f"calm_actual={np.mean([a for _, a in calm]) if calm else float('nan'):.2f}")

    # Emotion: the prompt's mood against what the symbolic analysis hears in the MIDI.
    analysis = os.path.join(root, "b8-analysis.json")
    if os.path.exists(analysis):
        with open(analysis) as f:
            files = {os.path.dirname(os.path.abspath(x["path"])): x for x in json.load(f)["files"]}
        agree = {"valence": 0, "arousal": 0}
        n = 0
        for s in sketches8:
            heard = files.get(os.path.abspath(s["source"]))
            if not heard or s["mood"] is None:
                continue
            n += 1
            for axis in agree:
                agree[axis] += (s["mood"][axis] >= 0) == (heard["features"][axis] >= 0)
        if n:
            print("\n## Emotion conveyed (sign of the prompt's mood vs `moodsketch analyze` on the MIDI)\n")
            print(f"arousal {agree['arousal']}/{n}, valence {agree['valence']}/{n}")

    # Accompaniment and drums (the groove half's slots).
    print("\n## Accompaniment and drums (distinct bar patterns per 8 bars)\n")
    # Compose's AccompanimentFigures.loopStyles keep one figure on purpose; the target (at least 4
    # distinct bar rhythms per 8 bars) is for the other styles.
    loops = {"house", "edm", "trap", "ambient"}
    for name in ("Chords", "Bass", "Drums"):
        vals = [distinct_per_8(s["patterns"][name]) for s in sketches16 + sketches8
                if any(s["patterns"][name])]
        rest = [distinct_per_8(s["patterns"][name]) for s in sketches16 + sketches8
                if any(s["patterns"][name]) and s["style"] not in loops]
        if vals:
            print(f"{name}: {np.mean(vals):.2f} (over {len(vals)} sketches); outside loop styles "
                  f"{np.mean(rest):.2f} (over {len(rest)}), below 4 in {sum(v < 4 for v in rest)}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "corpus":
        corpus(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
