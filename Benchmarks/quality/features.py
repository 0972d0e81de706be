"""Melody features of one 8-bar window, after Yang & Lerch (2020, "On the evaluation of generative
models in music") with repetition measures added. Plain Python; numpy only in the statistics.

A window is a dict: notes [(onset, duration, pitch)] in beats from the window's first downbeat,
beats_per_bar, bars, and chords [(start, end, pitch-class set)] in the same beats (may be empty).
"""
import math
from collections import Counter

# Feature name -> group. The order is the table's order.
FEATURES = [
    ("pitch_count", "pitch"),
    ("pitch_entropy", "pitch"),
    ("pitch_range", "pitch"),
    ("mean_interval", "pitch"),
    ("step_share", "pitch"),
    ("leap_share", "pitch"),
    ("chord_tone_strong", "pitch"),
    ("notes_per_bar", "rhythm"),
    ("ioi_mean", "rhythm"),
    ("ioi_spread", "rhythm"),
    ("on_beat_share", "rhythm"),
    ("syncopation", "rhythm"),
    ("rest_share", "rhythm"),
    ("bar_rec_exact", "structure"),
    ("bar_rec_transposed", "structure"),
    ("bar_rec_rhythm", "structure"),
    ("motif_count", "structure"),
]
GROUPS = ["pitch", "rhythm", "structure"]
GRID = 0.25  # onsets are compared on the sixteenth grid
EPS = 1e-6


def q(x):
    return int(round(x / GRID))


def bar_contents(window):
    """Per bar: the (onset16 in bar, pitch) pairs of notes starting in it."""
    bpb = window["beats_per_bar"]
    bars = [[] for _ in range(window["bars"])]
    for onset, _dur, pitch in window["notes"]:
        b = int(math.floor(onset / bpb + EPS))
        if 0 <= b < window["bars"]:
            bars[b].append((q(onset - b * bpb), pitch))
    return [sorted(b) for b in bars]


def recurrence(bars, key):
    """Share of non-empty bars whose key (pattern) equals another bar's in the window."""
    keys = [key(b) for b in bars if b]
    if len(keys) < 2:
        return 0.0
    counts = Counter(keys)
    return sum(1 for k in keys if counts[k] > 1) / len(keys)


def exact_key(bar):
    """The bar's pitches in order (whatever their rhythm)."""
    return tuple(p for _, p in bar)


def transposed_key(bar):
    """The bar's intervals in order: the same line from another pitch counts."""
    return (len(bar),) + tuple(b[1] - a[1] for a, b in zip(bar, bar[1:]))


def rhythm_key(bar):
    return tuple(o for o, _ in bar)


def chord_at(chords, t):
    for s, e, pcs in chords:
        if s - EPS <= t < e - EPS:
            return pcs
    return None


def features(window):
    notes = sorted(window["notes"])
    bpb = window["beats_per_bar"]
    total = window["bars"] * bpb
    f = {}
    pitches = [p for _, _, p in notes]
    n = len(notes)
    f["pitch_count"] = len(set(pitches))
    pcs = Counter(p % 12 for p in pitches)
    f["pitch_entropy"] = -sum(c / n * math.log2(c / n) for c in pcs.values()) if n else 0.0
    f["pitch_range"] = (max(pitches) - min(pitches)) if n else 0
    intervals = [b - a for a, b in zip(pitches, pitches[1:])]
    moves = [abs(i) for i in intervals]
    f["mean_interval"] = sum(moves) / len(moves) if moves else 0.0
    f["step_share"] = sum(1 for m in moves if 1 <= m <= 2) / len(moves) if moves else 0.0
    f["leap_share"] = sum(1 for m in moves if m >= 5) / len(moves) if moves else 0.0
    strong = [(o, p) for o, _, p in notes if is_strong(o, bpb)]
    judged = [(o, p) for o, p in strong if chord_at(window["chords"], o) is not None]
    f["chord_tone_strong"] = (
        sum(1 for o, p in judged if p % 12 in chord_at(window["chords"], o)) / len(judged)
        if judged
        else 0.0
    )
    f["notes_per_bar"] = n / window["bars"]
    onsets = [o for o, _, _ in notes]
    iois = [b - a for a, b in zip(onsets, onsets[1:])]
    f["ioi_mean"] = sum(iois) / len(iois) if iois else float(total)
    mean = f["ioi_mean"]
    f["ioi_spread"] = math.sqrt(sum((x - mean) ** 2 for x in iois) / len(iois)) if iois else 0.0
    f["on_beat_share"] = sum(1 for o in onsets if abs(o - round(o)) < 0.05) / n if n else 0.0
    # A syncopation: a note that starts off the beat and is still sounding at the next beat.
    sync = 0
    for o, d, _ in notes:
        if abs(o - round(o)) >= 0.05 and o + d > math.floor(o) + 1 + 0.05:
            sync += 1
    f["syncopation"] = sync / n if n else 0.0
    # Rests of a beat or more (silence between a note's end and the next onset, and around the notes).
    rest = 0.0
    cursor = 0.0
    for o, d, _ in notes:
        if o - cursor >= 1 - EPS:
            rest += o - cursor
        cursor = max(cursor, o + d)
    if total - cursor >= 1 - EPS:
        rest += total - cursor
    f["rest_share"] = rest / total
    bars = bar_contents(window)
    f["bar_rec_exact"] = recurrence(bars, exact_key)
    f["bar_rec_transposed"] = recurrence(bars, transposed_key)
    f["bar_rec_rhythm"] = recurrence(bars, rhythm_key)
    f["motif_count"] = motif_count(notes)
    return f


def is_strong(onset, bpb):
    """Downbeat, and the middle of a 4-beat bar (beat 3)."""
    pos = onset % bpb
    return abs(pos) < 0.05 or abs(pos - bpb) < 0.05 or (bpb == 4 and abs(pos - 2) < 0.05)


def motif_count(notes):
    """Distinct 4-note figures (3 intervals and 3 inter-onset times) that come back at least once,
    not overlapping their first appearance: the motifs a listener could recognise."""
    pitches = [p for _, _, p in notes]
    onsets = [q(o) for o, _, _ in notes]
    seen = {}
    recurring = set()
    for i in range(len(notes) - 3):
        key = tuple(pitches[i + k + 1] - pitches[i + k] for k in range(3)) + tuple(
            onsets[i + k + 1] - onsets[i + k] for k in range(3)
        )
        if key in seen and i - seen[key] >= 4:
            recurring.add(key)
        elif key not in seen:
            seen[key] = i
    return len(recurring)


# ------------------------------------------------------------------------------------------ form


def phrase_similarity(a_bars, b_bars):
    """Mean over corresponding bars of: same rhythm (onset Jaccard) and same notes ((onset, pitch) Jaccard,
    or transposed)."""
    sims = []
    for a, b in zip(a_bars, b_bars):
        if not a and not b:
            sims.append(1.0)
            continue
        ra, rb = {o for o, _ in a}, {o for o, _ in b}
        rj = len(ra & rb) / max(1, len(ra | rb))
        na, nb = set(a), set(b)
        nj = len(na & nb) / max(1, len(na | nb))
        if a and b:
            ta = {(o, p - a[0][1]) for o, p in a}
            tb = {(o, p - b[0][1]) for o, p in b}
            nj = max(nj, 0.8 * len(ta & tb) / max(1, len(ta | tb)))
        sims.append(0.5 * rj + 0.5 * nj)
    return sum(sims) / len(sims) if sims else 0.0


def form_label(window, phrase_bars=4, same=0.5):
    """Letters per 4-bar phrase: a phrase like an earlier one (similarity >= `same`) takes its letter."""
    bars = bar_contents(window)
    phrases = [bars[i : i + phrase_bars] for i in range(0, len(bars), phrase_bars)]
    labels = []
    for i, p in enumerate(phrases):
        best, best_sim = None, same
        for j in range(i):
            s = phrase_similarity(phrases[j], p)
            if s >= best_sim:
                best, best_sim = labels[j], s
        labels.append(best if best else chr(ord("A") + len(set(labels))))
    return " ".join(labels)


def verbatim_phrases(window, phrase_bars=4):
    """Number of phrases that copy an earlier phrase note for note."""
    bars = bar_contents(window)
    phrases = [tuple(map(tuple, bars[i : i + phrase_bars])) for i in range(0, len(bars), phrase_bars)]
    return sum(1 for i, p in enumerate(phrases) if any(p == phrases[j] for j in range(i)) and any(p))
