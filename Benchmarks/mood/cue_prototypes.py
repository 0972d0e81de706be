"""Mood cues tried on vgmidi's phrase MIDI before any was built into the analysis (Benchmarks/mood/README.md,
sixth section): chord-level major/minor colour, sensory roughness, register and articulation. Each is correlated with the human
valence label, overall and within the phrases whose key (as `moodsketch analyze` reads the MIDI) is major or minor.
A measurement only: nothing here is fitted or shipped (vgmidi's licence is unclear).

Usage: cue_prototypes.py VGMIDI_DIR PHRASE_MIDI_ANALYSIS.json [AUDIO_ANALYSIS.json]
(the analysis files are the ones Benchmarks/mood/run.sh writes: mood-analysis-midi.json and
mood-analysis-audio-lufs-16.json). Needs numpy and mido.
"""
import bisect
import csv
import json
import math
import os
import re
import sys

import mido
import numpy as np

BLOCK = 0.5  # seconds


def slug(path):
    name = os.path.splitext(os.path.basename(path))[0]
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_")


def notes_of(path):
    """(start s, end s, MIDI pitch) of every pitched note."""
    t, sounding, out = 0.0, {}, []
    for msg in mido.MidiFile(path):
        t += msg.time
        if msg.type not in ("note_on", "note_off") or msg.channel == 9:
            continue
        key = (msg.channel, msg.note)
        if msg.type == "note_on" and msg.velocity > 0:
            sounding.setdefault(key, []).append(t)
        elif sounding.get(key):
            out.append((sounding[key].pop(0), t, msg.note))
    return out


def blocks(notes):
    """Per half second: [(pitch, seconds sounding in the block)]."""
    if not notes:
        return []
    count = int(max(e for _, e, _ in notes) / BLOCK) + 1
    out = [[] for _ in range(count)]
    for s, e, p in notes:
        for b in range(int(s / BLOCK), min(int(e / BLOCK), count - 1) + 1):
            overlap = min(e, (b + 1) * BLOCK) - max(s, b * BLOCK)
            if overlap > 0:
                out[b].append((p, overlap))
    return out


def colour(notes):
    """Major minus minor share of the half seconds, each named by its best triad (chord tones minus the rest)."""
    major = minor = 0.0
    for block in blocks(notes):
        profile = np.zeros(12)
        for p, w in block:
            profile[p % 12] += w
        total = profile.sum()
        if total <= 0:
            continue
        best = max(
            ((2 * profile[[r, (r + third) % 12, (r + 7) % 12]].sum() - total, third) for r in range(12) for third in (4, 3)),
            key=lambda x: x[0],
        )
        if best[1] == 4:
            major += total
        else:
            minor += total
    return (major - minor) / max(1e-9, major + minor)


def roughness(notes):
    """Mean over half seconds of Sethares' (1993) roughness of the sounding notes, six harmonics each (0.88^k),
    normalised by the block's total amplitude squared."""
    values = []
    for block in blocks(notes):
        if not block:
            continue
        partials = [(440 * 2 ** ((p - 69) / 12) * k, 0.88 ** (k - 1)) for p, _ in block for k in range(1, 7)]
        total = sum(a for _, a in partials)
        r = 0.0
        for i, (f1, a1) in enumerate(partials):
            for f2, a2 in partials[i + 1:]:
                s = 0.24 / (0.0207 * min(f1, f2) + 18.96)
                d = abs(f2 - f1)
                r += a1 * a2 * (math.exp(-3.5 * s * d) - math.exp(-5.75 * s * d))
        values.append(r / (total * total))
    return float(np.mean(values)) if values else 0.0


def articulation(notes):
    """Median over notes of sounding time over the time to the next onset (1 legato, 0.5 half staccato),
    capped at 1.5 (a note held over several onsets)."""
    onsets = sorted({round(s, 3) for s, _, _ in notes})
    ratios = []
    for s, e, _ in notes:
        i = bisect.bisect_right(onsets, round(s, 3))
        if i < len(onsets) and onsets[i] - s > 0.02:
            ratios.append(min(1.5, (e - s) / (onsets[i] - s)))
    return float(np.median(ratios)) if ratios else 1.0


def features(path):
    return {slug(f["path"]): f["features"] for f in json.load(open(path))["files"]}


def main(data, midi_json, audio_json=None):
    rows = list(csv.DictReader(open(os.path.join(data, "vgmidi_labelled.csv"))))
    midi = features(midi_json)
    audio = features(audio_json) if audio_json else {}
    valence = np.array([int(r["valence"]) for r in rows], float)
    arousal = np.array([int(r["arousal"]) for r in rows], float)
    keys = [slug(r["midi"]) for r in rows]
    minor = np.array([(midi[k].get("keyDetail") or {}).get("mode") not in ("major", None) for k in keys])
    cues = {}
    notes = [notes_of(os.path.join(data, r["midi"])) for r in rows]
    cues["chord colour (major - minor share)"] = np.array([colour(n) for n in notes])
    cues["roughness (Sethares)"] = np.array([roughness(n) for n in notes])
    cues["articulation (legato ratio)"] = np.array([articulation(n) for n in notes])
    cues["register, MIDI mean pitch"] = np.array([midi[k]["summary"].get("pitch_mean_midi", np.nan) for k in keys])
    if audio:
        cues["register, audio tonal peaks"] = np.array(
            [audio[k]["summary"].get("pitch_register_midi", np.nan) for k in keys])
    share = np.array([midi[k]["summary"].get("out_of_key_share", np.nan) for k in keys])
    r = lambda x, y, m=slice(None): np.corrcoef(x[m], y[m])[0, 1]
    print(f"{len(rows)} phrases; minor-key phrases (MIDI key): {minor.sum()}, positive {np.mean(valence[minor] > 0):.1%}")
    print(f"{'cue':36s} r(V)   r(V | major) r(V | minor) r(A)   partial r(V | out-of-key share)  "
          "partial r(A | the MIDI model's arousal)")
    model_arousal = np.array([midi[k]["arousal"] for k in keys])
    design_a = np.c_[np.ones(len(keys)), model_arousal]
    arousal_residual = arousal - design_a @ np.linalg.lstsq(design_a, arousal, rcond=None)[0]
    for name, x in cues.items():
        ok = ~np.isnan(x) & ~np.isnan(share)
        design = np.c_[np.ones(ok.sum()), share[ok]]
        residual = valence[ok] - design @ np.linalg.lstsq(design, valence[ok], rcond=None)[0]
        print(f"{name:36s} {r(x, valence, ok):+.2f}  {r(x, valence, ok & ~minor):+.2f}        "
              f"{r(x, valence, ok & minor):+.2f}        {r(x, arousal, ok):+.2f}  {np.corrcoef(x[ok], residual)[0, 1]:+.2f}"
              f"                             {np.corrcoef(x[ok], arousal_residual[ok])[0, 1]:+.2f}")
    if "register, audio tonal peaks" in cues:
        a, m = cues["register, audio tonal peaks"], cues["register, MIDI mean pitch"]
        ok = ~np.isnan(a) & ~np.isnan(m)
        print(f"register: r(audio, MIDI) {r(a, m, ok):+.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
