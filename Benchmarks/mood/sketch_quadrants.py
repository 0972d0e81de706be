"""Compare the mood analysed from sketch renders (audio) and sketch MIDI (symbolic) with the sketch plans.

Usage: sketch_quadrants.py MANIFEST AUDIO_JSON MIDI_JSON [PEERS_JSON]
MANIFEST: lines "folder<TAB>prompt"; the JSONs are `moodsketch analyze --json` reports over
folder/sketch.wav and folder/sketch.mid; PEERS_JSON (peer_tempo.py) holds the tempo librosa and Essentia
hear in each render, for the tempo table. Standard library only.
"""
import json
import math
import os
import sys


# Distance from neutral (on both axes) below which a plan counts as unclear.
CLEAR = 0.15
# Modes with a minor third.
MINOR = {"minor", "aeolian", "dorian", "phrygian", "locrian"}


def quadrant(valence, arousal):
    return ("+" if valence >= 0 else "-") + ("+" if arousal >= 0 else "-")


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)


def load(path):
    with open(path) as f:
        report = json.load(f)
    by_path = {}
    for entry in report["files"]:
        by_path[os.path.dirname(os.path.abspath(entry["path"]))] = entry["features"]
    return by_path


def pearson(xs, ys):
    n = len(xs)
    if n < 3:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    if sx == 0 or sy == 0:
        return float("nan")
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (sx * sy)


def tempo_class(heard, plan):
    """Within 4 % of the plan, at its double or half (within 4 % of that), or another tempo."""
    if heard and abs(heard - plan) <= 0.04 * plan:
        return 0
    if heard and any(abs(heard - plan * r) <= 0.04 * plan * r for r in (2, 0.5)):
        return 1
    return 2


def tempo_section(rows, peers):
    """How often each analysis hears the planned tempo, ours next to the peers on the same renders."""
    n = len(rows)
    print(f"Tempo against the plan (sketch.json), {n} renders: within 4 % | at double or half | other")
    columns = [("moodsketch, audio", lambda r: r[3] and r[3].get("tempoBPM")),
               ("moodsketch, MIDI", lambda r: r[4] and r[4].get("tempoBPM"))]
    if peers:
        for name in ("librosa", "essentia"):
            columns.append((f"{name}, audio", lambda r, k=name: peers.get(r[0], {}).get(k)))
    for name, heard in columns:
        counts = [0, 0, 0]
        for r in rows:
            counts[tempo_class(heard(r), r[2]["tempoBPM"])] += 1
        print(f"  {name:<20} {counts[0]:4d} ({100 * counts[0] / max(1, n):3.0f} %) | {counts[1]:4d} | {counts[2]:4d}")
    if not peers:
        print("  (no peers: sketch_renders.sh runs librosa and Essentia unless SKETCH_PEERS=0)")
    print("  ours at another tempo (plan → heard, confidence):")
    for folder, prompt, plan, a, _ in rows:
        if a and tempo_class(a.get("tempoBPM"), plan["tempoBPM"]) == 2:
            print(f"    {os.path.basename(folder)} {prompt[:44]:<44} {plan['tempoBPM']:.0f} → "
                  f"{(a.get('tempoBPM') or 0):.1f} ({a.get('tempoConfidence', 0):.2f})")
    print()


def main(manifest, audio_path, midi_path, peers_path=None):
    audio, midi = load(audio_path), load(midi_path)
    peers = {}
    if peers_path:
        with open(peers_path) as f:
            peers = {os.path.dirname(os.path.abspath(k)): v for k, v in json.load(f).items()}
    rows = []
    for line in open(manifest):
        folder, prompt = line.rstrip("\n").split("\t")
        folder = os.path.abspath(folder)
        with open(os.path.join(folder, "sketch.json")) as f:
            plan = json.load(f)
        rows.append((folder, prompt, plan, audio.get(folder), midi.get(folder)))
    n = len(rows)
    print(f"# Sketch renders: is the planned mood heard? {n} sketches "
          f"({len(set(r[1] for r in rows))} prompts)")
    counts = {}
    for r in rows:
        q = quadrant(r[2]["mood"]["valence"], r[2]["mood"]["arousal"])
        counts[q] = counts.get(q, 0) + 1
    print("plans per quadrant (valence, arousal): "
          + ", ".join(f"{q} {counts.get(q, 0)}" for q in ["++", "+-", "-+", "--"]))
    print()
    print(f"{'analysis':<20} {'quadrant':>16} {'valence sign':>16} {'arousal sign':>16}"
          f" {'r(valence)':>11} {'r(arousal)':>11}")
    # A plan within 0.15 of neutral on an axis has no clear side to hear; the second pair of rows leaves
    # such plans out (the target stays on all plans, the first pair).
    clear = lambda plan: min(abs(plan["mood"]["valence"]), abs(plan["mood"]["arousal"])) >= CLEAR
    n_clear = sum(1 for r in rows if clear(r[2]))
    for name, column, only_clear in (("audio", 3, False), ("symbolic", 4, False),
                                     (f"audio, {n_clear} clear", 3, True),
                                     (f"symbolic, {n_clear} clear", 4, True)):
        ok_q = ok_v = ok_a = 0
        pv, pa, mv, ma = [], [], [], []
        for r in rows:
            f = r[column]
            if f is None or (only_clear and not clear(r[2])):
                continue
            v, a = r[2]["mood"]["valence"], r[2]["mood"]["arousal"]
            ok_q += quadrant(v, a) == quadrant(f["valence"], f["arousal"])
            ok_v += (v >= 0) == (f["valence"] >= 0)
            ok_a += (a >= 0) == (f["arousal"] >= 0)
            pv.append(v); pa.append(a); mv.append(f["valence"]); ma.append(f["arousal"])
        m = len(pv)

        def cell(k):
            lo, hi = wilson(k, m)
            return f"{100 * k / max(1, m):4.0f} % [{100 * lo:.0f}–{100 * hi:.0f}]"

        print(f"{name:<20} {cell(ok_q):>16} {cell(ok_v):>16} {cell(ok_a):>16}"
              f" {pearson(pv, mv):11.2f} {pearson(pa, ma):11.2f}")
    print()
    print("Misses on audio (plan → audio, symbolic; key and tempo planned → heard in audio):")
    for folder, prompt, plan, a, s in rows:
        if a is None:
            print(f"  {os.path.basename(folder)} {prompt}: audio analysis failed")
            continue
        pq = quadrant(plan["mood"]["valence"], plan["mood"]["arousal"])
        if pq == quadrant(a["valence"], a["arousal"]):
            continue
        sq = quadrant(s["valence"], s["arousal"]) if s else "?"
        print(f"  {os.path.basename(folder)} {prompt[:44]:<44} plan {pq} "
              f"({plan['mood']['valence']:+.2f},{plan['mood']['arousal']:+.2f}) → audio "
              f"({a['valence']:+.2f},{a['arousal']:+.2f}) symbolic {sq}; "
              f"{plan['key']} {plan['tempoBPM']:.0f} → {a.get('key', '-')} "
              f"{(a.get('tempoBPM') or 0):.0f}")
    print()
    tempo_section(rows, peers)
    print("Audio against symbolic, per cue, on the same sketches (Pearson r; mean audio − symbolic):")
    cues = [("tempoBPM", None), ("keyStrength", None), ("loudnessLUFS", None),
            ("onset_rate_per_s", "summary"), ("spectral_centroid_hz_mean", "summary"),
            ("out_of_key_share", "summary")]
    for name, where in cues:
        xs, ys = [], []
        for r in rows:
            a, s = r[3], r[4]
            if a is None or s is None:
                continue
            av = a["summary"].get(name) if where else a.get(name)
            sv = s["summary"].get(name) if where else s.get(name)
            if av is None or sv is None:
                continue
            xs.append(av); ys.append(sv)
        if xs:
            gap = sum(x - y for x, y in zip(xs, ys)) / len(xs)
            print(f"  {name:<28} r {pearson(xs, ys):5.2f}  gap {gap:+9.2f}  ({len(xs)} pairs)")
    # Register: pitch height of the audio's tonal peaks against the score's duration-weighted mean pitch.
    xs, ys = [], []
    for r in rows:
        a, s = r[3], r[4]
        if a and s and "pitch_register_midi" in a["summary"] and "pitch_mean_midi" in s["summary"]:
            xs.append(a["summary"]["pitch_register_midi"]); ys.append(s["summary"]["pitch_mean_midi"])
    if xs:
        gap = sum(x - y for x, y in zip(xs, ys)) / len(xs)
        print(f"  {'register (MIDI note)':<28} r {pearson(xs, ys):5.2f}  gap {gap:+9.2f}  ({len(xs)} pairs)")
    for axis in ("valence", "arousal"):
        xs = [r[3][axis] for r in rows if r[3] and r[4]]
        ys = [r[4][axis] for r in rows if r[3] and r[4]]
        gap = sum(x - y for x, y in zip(xs, ys)) / len(xs)
        print(f"  {axis + ' (model output)':<28} r {pearson(xs, ys):5.2f}  gap {gap:+9.2f}  ({len(xs)} pairs)")
    same_mode = sum(1 for r in rows if r[3] and r[4] and r[3].get("keyDetail") and r[4].get("keyDetail")
                    and r[3]["keyDetail"]["mode"] == r[4]["keyDetail"]["mode"])
    same_key = sum(1 for r in rows if r[3] and r[4] and r[3].get("key") == r[4].get("key"))
    print(f"  key: same key {same_key}/{n}, same mode {same_mode}/{n}")
    # Against the plan's key (what the sketch was written in), each analysis on its own.
    for name, column in (("audio", 3), ("symbolic", 4)):
        k = sum(1 for r in rows if r[column] and r[column].get("keyDetail")
                and r[column]["keyDetail"]["tonicPitchClass"] == r[2]["keyDetail"]["tonicPitchClass"]
                and (r[column]["keyDetail"]["mode"] in MINOR) == (r[2]["keyDetail"]["mode"] in MINOR))
        print(f"  planned key (tonic and major/minor) heard by {name}: {k}/{n}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
