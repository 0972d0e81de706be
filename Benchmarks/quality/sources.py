"""Reading windows: POP909 melody windows (bars from beat_midi.txt), sketches (sketch.mid, sketch.json)
and the scale random walk (the floor)."""
import json
import math
import os
import random
import re

import mido

NOTE_NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
QUALITIES = {
    "maj": [0, 4, 7], "min": [0, 3, 7], "dim": [0, 3, 6], "aug": [0, 4, 8],
    "maj7": [0, 4, 7, 11], "min7": [0, 3, 7, 10], "7": [0, 4, 7, 10], "dim7": [0, 3, 6, 9],
    "hdim7": [0, 3, 6, 10], "minmaj7": [0, 3, 7, 11], "maj6": [0, 4, 7, 9], "min6": [0, 3, 7, 9],
    "9": [0, 4, 7, 10, 2], "maj9": [0, 4, 7, 11, 2], "min9": [0, 3, 7, 10, 2],
    "sus2": [0, 2, 7], "sus4": [0, 5, 7], "11": [0, 4, 7, 10, 2, 5], "13": [0, 4, 7, 10, 2, 9],
    "min11": [0, 3, 7, 10, 2, 5],
}


def note_pc(name):
    pc = NOTE_NAMES[name[0]]
    for c in name[1:]:
        pc += {"b": -1, "#": 1}.get(c, 0)
    return pc % 12


def harte_pcs(label):
    """Pitch classes of a Harte label such as `Bb:min7/b3`; None for `N` or what cannot be read."""
    if label in ("N", "X") or ":" not in label:
        return None
    root, rest = label.split(":", 1)
    try:
        r = note_pc(root)
    except KeyError:
        return None
    quality = rest.split("/")[0].split("(")[0] or "maj"
    return frozenset((r + i) % 12 for i in QUALITIES.get(quality, QUALITIES["maj"]))


def tick_seconds(mid):
    """A function tick -> seconds for a type-1 file with its tempo map on any track."""
    changes = sorted(
        (abs_t, m.tempo)
        for t in mid.tracks
        for abs_t, m in absolute(t)
        if m.type == "set_tempo"
    ) or [(0, 500000)]
    if changes[0][0] != 0:
        changes.insert(0, (0, 500000))
    table = []
    secs = 0.0
    for i, (tick, tempo) in enumerate(changes):
        if i:
            ptick, ptempo = changes[i - 1]
            secs += (tick - ptick) * ptempo / 1e6 / mid.ticks_per_beat
        table.append((tick, secs, tempo))

    def convert(tick):
        lo = 0
        for i, row in enumerate(table):
            if row[0] <= tick:
                lo = i
        t0, s0, tempo = table[lo]
        return s0 + (tick - t0) * tempo / 1e6 / mid.ticks_per_beat

    return convert


def absolute(track):
    t = 0
    for m in track:
        t += m.time
        yield t, m


def track_notes(track):
    """(start tick, end tick, pitch) of a track's notes."""
    on = {}
    out = []
    for t, m in absolute(track):
        if m.type == "note_on" and m.velocity > 0:
            on.setdefault((m.channel, m.note), []).append(t)
        elif m.type in ("note_off", "note_on") and (m.channel, m.note) in on:
            starts = on[(m.channel, m.note)]
            if starts:
                s = starts.pop(0)
                out.append((s, t, m.note))
    return sorted(out)


class BeatGrid:
    def __init__(self, beats):
        self.beats = beats

    def position(self, t):
        b = self.beats
        if t <= b[0]:
            return (t - b[0]) / (b[1] - b[0])
        if t >= b[-1]:
            return len(b) - 1 + (t - b[-1]) / (b[-1] - b[-2])
        lo, hi = 0, len(b) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if b[mid] <= t:
                lo = mid
            else:
                hi = mid
        return lo + (t - b[lo]) / (b[hi] - b[lo])


def snap(x, grid=0.25):
    return round(x / grid) * grid


def pop909_song(folder, bars):
    """The song's windows of `bars` 4/4 bars (non-overlapping, from its first downbeat) with melody
    notes in at least three quarters of the bars, each as a window dict."""
    sid = os.path.basename(folder)
    mid = mido.MidiFile(os.path.join(folder, sid + ".mid"))
    seconds = tick_seconds(mid)
    beats, downs = [], []
    with open(os.path.join(folder, "beat_midi.txt")) as f:
        for line in f:
            cols = line.split()
            if len(cols) >= 3:
                if float(cols[2]) == 1:
                    downs.append(len(beats))
                beats.append(float(cols[0]))
    if len(beats) < 8 or len(downs) < bars + 1:
        return []
    grid = BeatGrid(beats)
    melody = next((t for t in mid.tracks if t.name.strip().upper() == "MELODY"), None)
    if melody is None:
        return []
    notes = []
    for s, e, p in track_notes(melody):
        on = snap(grid.position(seconds(s)))
        off = snap(grid.position(seconds(e)))
        notes.append((on, max(0.25, off - on), p))
    chords = []
    with open(os.path.join(folder, "chord_midi.txt")) as f:
        for line in f:
            cols = line.split()
            if len(cols) >= 3:
                pcs = harte_pcs(cols[2])
                if pcs is not None:
                    chords.append((grid.position(float(cols[0])), grid.position(float(cols[1])), pcs))
    windows = []
    for w in range(0, len(downs) - bars, bars):
        starts = downs[w : w + bars + 1]
        if any(b - a != 4 for a, b in zip(starts, starts[1:])):
            continue
        t0, t1 = starts[0], starts[-1]
        wn = [(o - t0, min(d, t1 - o), p) for o, d, p in notes if t0 - 1e-6 <= o < t1 - 1e-6]
        filled = {int((o + 1e-6) // 4) for o, _, _ in wn}
        if len(filled) < bars * 3 / 4:
            continue
        wc = [(max(0, s - t0), min(t1, e) - t0, pcs) for s, e, pcs in chords if e > t0 and s < t1]
        windows.append(
            {"source": f"pop909/{sid}@{w}", "song": sid, "notes": wn, "chords": wc,
             "beats_per_bar": 4, "bars": bars}
        )
    return windows


def sketch(folder):
    """The Melody of a sketch folder as one window over all its bars, with its plan and the other
    tracks' per-bar patterns (for the accompaniment and drum slots)."""
    mid = mido.MidiFile(os.path.join(folder, "sketch.mid"))
    with open(os.path.join(folder, "sketch.json")) as f:
        info = json.load(f)
    tpq = mid.ticks_per_beat
    num, den = 4, 4
    for t in mid.tracks:
        for _, m in absolute(t):
            if m.type == "time_signature":
                num, den = m.numerator, m.denominator
                break
    compound = den >= 8 and num % 3 == 0 and num > 3
    beat_ticks = tpq * 4 // den * (3 if compound else 1)
    bpb = num // 3 if compound else num
    bar_ticks = beat_ticks * bpb
    tracks = {t.name: track_notes(t) for t in mid.tracks if t.name}
    melody = tracks.get("Melody", [])
    end = max((e for notes in tracks.values() for _, e, _ in notes), default=0)
    bars = int(info.get("bars") or max(1, math.ceil(end / bar_ticks)))
    notes = [(s / beat_ticks, (e - s) / beat_ticks, p) for s, e, p in melody]
    chords = sketch_chords(info, tracks.get("Chords", []), beat_ticks, tpq)
    patterns = {
        name: per_bar_patterns(tracks.get(name, []), bar_ticks, bars, tpq // 4, drums=name == "Drums")
        for name in ("Chords", "Bass", "Drums")
    }
    return {
        "source": folder, "notes": notes, "chords": chords, "beats_per_bar": bpb, "bars": bars,
        "density_plan": planned_density(info), "style": info.get("style"), "mood": info.get("mood"),
        "patterns": patterns, "has_drums": bool(tracks.get("Drums")),
    }


def planned_density(info):
    """The plan's melody density, from the reason sketch.json gives for it ("melody 0.7 notes per beat")."""
    for reason in info.get("reasons", []):
        text = reason if isinstance(reason, str) else json.dumps(reason)
        m = re.search(r"melody ([0-9.]+) notes per beat", text)
        if m:
            return float(m.group(1))
    return None


def sketch_chords(info, comping, beat_ticks, tpq):
    """Chord spans in beats: from sketch.json's chord list when it has ticks and pitch classes, else the
    pitch classes the Chords track starts together."""
    spans = []
    for c in info.get("chords", []) or []:
        if isinstance(c, dict) and "start" in c and "pitchClasses" in c:
            s = c["start"] / beat_ticks
            spans.append((s, s + c["duration"] / beat_ticks, frozenset(c["pitchClasses"])))
    if spans:
        return spans
    groups = {}
    for s, _e, p in comping:
        groups.setdefault(s, set()).add(p % 12)
    starts = sorted(groups)
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else s + 4 * beat_ticks
        spans.append((s / beat_ticks, e / beat_ticks, frozenset(groups[s])))
    return spans


def per_bar_patterns(notes, bar_ticks, bars, sixteenth, drums):
    """Per bar, the onset pattern on the sixteenth grid (with the drum notes for drums)."""
    out = [set() for _ in range(bars)]
    for s, _e, p in notes:
        b = s // bar_ticks
        if 0 <= b < bars:
            pos = round((s - b * bar_ticks) / sixteenth)
            out[b].add((pos, p) if drums else pos)
    return [tuple(sorted(x)) for x in out]


def random_walk(rng, bars=8, bpb=4):
    """The floor: a walk on the C major scale in random eighth/quarter/half notes over I–V–vi–IV."""
    scale = [0, 2, 4, 5, 7, 9, 11]
    degree = rng.randrange(14)
    t = 0.0
    notes = []
    while t < bars * bpb - 1e-6:
        d = rng.choice([0.5, 0.5, 1.0, 1.0, 2.0])
        d = min(d, bars * bpb - t)
        degree = max(0, min(20, degree + rng.choice([-2, -1, -1, 1, 1, 2])))
        notes.append((t, d, 60 + 12 * (degree // 7) + scale[degree % 7]))
        t += d
    prog = [[0, 4, 7], [7, 11, 2], [9, 0, 4], [5, 9, 0]]
    chords = [(b * bpb, (b + 1) * bpb, frozenset(prog[b % 4])) for b in range(bars)]
    return {"source": "random-walk", "notes": notes, "chords": chords, "beats_per_bar": bpb, "bars": bars}
