#!/usr/bin/env python3
"""The mood evaluation on vgmidi (numpy only; stdlib csv and json). Called by run.sh.

  evaluate.py manifest VGMIDI_DIR
      one line per labelled phrase: slug <TAB> phrase MIDI (the unit the CSV labels) <TAB> whole piece MIDI
  evaluate.py report VGMIDI_DIR MANIFEST "name=analysis.json=render_dir" ...
      prints the report: the shipped model per condition, why it errs (cue by cue), and what a model
      fitted on the descriptors would give under cross-validation grouped by game.

Nothing fitted here is written anywhere: vgmidi's licence is unclear, so no coefficient may ship.
Sign convention as in Tests/AnalysisTests/MoodEvaluationTests.swift: a prediction >= 0 counts as
positive; a label > 0 is positive.
"""
import csv
import json
import math
import os
import re
import sys

import numpy as np

SEED = 0
REPEAT_SEEDS = range(10)
FOLDS = 5
INNER_FOLDS = 4
GRID = [0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0]
BOOTSTRAP = 2000


# ---------------------------------------------------------------------------------------------- data


def slug_of(path):
    name = os.path.basename(path)
    name = name[:-4] if name.lower().endswith(".mid") else name.rsplit(".", 1)[0]
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_")


def labelled_rows(data):
    """The CSV rows. The `midi` column names labelled/phrases/<name>_<k>.mid: the phrase the label is
    for (three pieces have two or three phrases with different labels); labelled/midi/<name>.mid is the
    whole piece it comes from."""
    rows = []
    with open(os.path.join(data, "vgmidi_labelled.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            midi = os.path.join(data, r["midi"])
            rows.append(
                {
                    "slug": slug_of(midi),
                    "midi": midi,
                    "piece_midi": os.path.join(
                        data, "labelled", "midi", re.sub(r"_\d+\.mid$", ".mid", os.path.basename(midi))
                    ),
                    "game": r["game"],
                    "piece": r["piece"],
                    "valence": float(r["valence"]),
                    "arousal": float(r["arousal"]),
                }
            )
    slugs = [r["slug"] for r in rows]
    if len(set(slugs)) != len(slugs):
        sys.exit("phrase names collide after slugging; cannot name renders")
    return rows


def read_reports(path):
    """`moodsketch analyze --json` output (one report, or several concatenated)."""
    text = open(path, encoding="utf-8").read()
    decoder = json.JSONDecoder()
    files, failed, layout, i = [], [], None, 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        report, i = decoder.raw_decode(text, i)
        files += report["files"]
        failed += report.get("failed", [])
        layout = report["vectorLayout"]
    return files, failed, layout


# --------------------------------------------------------------------------- the shipped model, mirrored


def scaled(x, centre, spread):
    if x is None or not math.isfinite(x):
        return 0.0
    return max(-1.0, min(1.0, (x - centre) / spread))


CUES = ["tempo", "loudness", "density", "brightness", "mode", "clarity", "dissonance"]
# Arousal weights and the tempo cue's centre as MoodModel() (scores) and MoodModel.audio have them: audio
# weighs onsets per second more and tempo less, around 120 BPM (a tracker is often a metrical level off).
AROUSAL_WEIGHTS = {
    "midi": {"tempo": 0.5, "loudness": 0.5, "density": 0.45, "brightness": 0.3},
    "audio": {"tempo": 0.3, "loudness": 0.5, "density": 0.8, "brightness": 0.15},
}
TEMPO_AROUSAL_CENTRE = {"midi": 110, "audio": 120}


def arousal_weights(source):
    return AROUSAL_WEIGHTS["audio" if source == "audio" else "midi"]


def arousal_cue(c, name):
    """The arousal model's input for a cue: tempo has a centre of its own there."""
    return c["tempo_arousal"] if name == "tempo" else c[name]


VALENCE_WEIGHTS = {"mode": 0.6, "clarity": 0.2, "tempo": 0.25, "brightness": 0.15, "dissonance": -0.3}


def raw_cues(f):
    """The model's inputs, in their units, as Analyzer / ScoreAnalyzer build them."""
    s = f["summary"]
    if f["source"] == "midi":
        velocity = s.get("velocity_mean")
        pitch = s.get("pitch_mean_midi")
        loudness = None if velocity is None else -30 + (velocity - 40) * 0.3
        brightness = None if pitch is None else 4 * 440 * 2 ** ((pitch - 69) / 12)
    else:
        # A file evidently never mastered (peak below -6 dBFS, MoodModel.unmasteredPeakDBFS, and below
        # -24 LUFS, MoodModel.normalisedLoudnessLUFS) counts with the loudness it would have once levelled
        # like `moodsketch sketch`'s renders: toward -16 LUFS, peaks at most -1 dBFS
        # (MoodModel.levelledLoudnessLUFS).
        lufs = f.get("loudnessLUFS")
        peak = s.get("peak_dbfs", 0.0)
        meaningful = peak >= -6.0 or (lufs is not None and lufs >= -24.0)
        loudness = lufs if meaningful or lufs is None else lufs + min(-16.0 - lufs, -1.0 - peak)
        brightness = s.get("spectral_centroid_hz_mean")
    return {
        "tempo_bpm": f.get("tempoBPM"),
        "loudness_lufs": loudness,
        "onset_rate_per_s": s.get("onset_rate_per_s", 0.0),
        "centroid_hz": brightness,
        "key_strength": f.get("keyStrength", 0.0) if f.get("key") else None,
    }


def arousal_source(f):
    return "audio" if f["source"] == "audio" else "midi"


def model_cues(f):
    """Scaled cues in [-1, 1] exactly as MoodModel.estimate makes them. The out-of-key share (not in older
    JSON) is not read: the dissonance cue is recovered from the reported valence (tanh is invertible here:
    the weights sum to at most 1.5)."""
    raw = raw_cues(f)
    key = f.get("keyDetail") or (f["key"] if isinstance(f.get("key"), dict) else None)
    c = {
        "tempo": scaled(raw["tempo_bpm"], 110, 50),
        "tempo_arousal": scaled(raw["tempo_bpm"], TEMPO_AROUSAL_CENTRE[arousal_source(f)], 50),
        "loudness": scaled(raw["loudness_lufs"], -18, 10),
        "density": scaled(raw["onset_rate_per_s"], 3, 3),
        "brightness": scaled(raw["centroid_hz"], 2000, 1500),
        "source": f["source"],
    }
    if key:
        minor = key["mode"] in ("minor", "dorian", "phrygian", "locrian", "aeolian")
        sign = -1.0 if minor else 1.0
        clarity = max(0.0, f.get("keyStrength", 0.0))
        c["mode"] = sign * min(1.0, clarity * 1.5)
        c["clarity"] = scaled(f.get("keyStrength", 0.0), 0.6, 0.3)
        rest = sum(w * c[k] for k, w in VALENCE_WEIGHTS.items() if k != "dissonance")
        v = max(-0.999999, min(0.999999, f["valence"]))
        c["dissonance"] = (math.atanh(v) - rest) / VALENCE_WEIGHTS["dissonance"]
    else:
        c["mode"] = c["clarity"] = c["dissonance"] = 0.0
    return c


def estimate(c, drop=()):
    a = sum(w * arousal_cue(c, k) for k, w in arousal_weights(c["source"]).items() if k not in drop)
    v = sum(w * c[k] for k, w in VALENCE_WEIGHTS.items() if k not in drop)
    return math.tanh(v), math.tanh(a)


# ------------------------------------------------------------------------------------------- metrics


def pearson(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.std() == 0 or y.std() == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def positive(pred):
    return np.asarray(pred) >= 0


def balanced_accuracy(says_positive, label_pos):
    """Mean of the hit rates on positive and on negative labels: 50 % for any constant guess."""
    tpr = np.mean(says_positive[label_pos]) if label_pos.any() else float("nan")
    tnr = np.mean(~says_positive[~label_pos]) if (~label_pos).any() else float("nan")
    return (tpr + tnr) / 2


def wilson(k, n, z=1.96):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def game_bootstrap(diff, groups, seed=SEED, n=BOOTSTRAP):
    """95 % interval of mean(diff) resampling whole games (pieces of one soundtrack are not independent)."""
    games = sorted(set(groups))
    index = {g: np.flatnonzero(np.asarray(groups) == g) for g in games}
    rng = np.random.default_rng(seed)
    means = []
    for _ in range(n):
        pick = rng.integers(0, len(games), len(games))
        rows = np.concatenate([index[games[p]] for p in pick])
        means.append(diff[rows].mean())
    return np.percentile(means, [2.5, 97.5])


def quadrant(v, a):
    v, a = positive(v), positive(a)
    return np.where(v & a, 1, np.where(~v & a, 2, np.where(~v & ~a, 3, 4)))


def pct(x):
    return f"{100 * x:5.1f}%"


# ------------------------------------------------------------------------------------------- fitting


def assign_folds(groups, k, seed):
    """Whole games to k folds: largest game first (random order among equal sizes) into the fold with
    the fewest phrases so far. Deterministic for a seed."""
    games = sorted(set(groups))
    sizes = {g: int(np.sum(np.asarray(groups) == g)) for g in games}
    tiebreak = np.random.default_rng(seed).permutation(len(games))
    order = sorted(range(len(games)), key=lambda i: (-sizes[games[i]], tiebreak[i]))
    load, fold_of = [0] * k, {}
    for i in order:
        f = min(range(k), key=lambda j: (load[j], j))
        fold_of[games[i]] = f
        load[f] += sizes[games[i]]
    return np.array([fold_of[g] for g in groups])


def standardise(train, test):
    mu, sd = train.mean(0), train.std(0)
    sd[sd == 0] = 1
    return (train - mu) / sd, (test - mu) / sd


def ridge_fit(X, y, alpha):
    Xc = np.hstack([X, np.ones((len(X), 1))])
    penalty = alpha * np.eye(Xc.shape[1])
    penalty[-1, -1] = 0
    return np.linalg.solve(Xc.T @ Xc + penalty, Xc.T @ y)


def logistic_fit(X, y, lam):
    """L2-penalised logistic regression (labels ±1) by Newton's method; intercept unpenalised."""
    Xc = np.hstack([X, np.ones((len(X), 1))])
    t = (y > 0).astype(float)
    w = np.zeros(Xc.shape[1])
    penalty = lam * np.eye(Xc.shape[1])
    penalty[-1, -1] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Xc @ w, -30, 30)))
        grad = Xc.T @ (p - t) + penalty @ w
        hess = (Xc * (p * (1 - p))[:, None]).T @ Xc + penalty + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def predict(w, X):
    """Centred score: ridge output, or log-odds for logistic; >= 0 means positive."""
    return np.hstack([X, np.ones((len(X), 1))]) @ w


FIT = {"ridge": ridge_fit, "logistic": logistic_fit}


def fit_predict(kind, Xtr, ytr, gtr, Xte, seed):
    """Standardise on the training fold, choose the penalty by inner grouped CV on the training games
    (ties go to the stronger penalty), refit, predict the held-out fold."""
    inner = assign_folds(gtr, min(INNER_FOLDS, len(set(gtr))), seed + 1)
    best, best_acc = GRID[-1], -1.0
    for lam in reversed(GRID):
        hits = 0
        for f in range(inner.max() + 1):
            a, b = standardise(Xtr[inner != f], Xtr[inner == f])
            w = FIT[kind](a, ytr[inner != f], lam)
            hits += np.sum(positive(predict(w, b)) == (ytr[inner == f] > 0))
        if hits / len(ytr) > best_acc + 1e-12:
            best, best_acc = lam, hits / len(ytr)
    a, b = standardise(Xtr, Xte)
    return predict(FIT[kind](a, ytr, best), b), best


def cross_validate(X, y, groups, shipped, seed):
    """Held-out predictions of every method over one grouped k-fold split."""
    folds = assign_folds(groups, FOLDS, seed)
    out = {"baseline": np.zeros(len(y)), "shipped": np.asarray(shipped, float)}
    penalties = {}
    for name in X:
        for kind in FIT:
            out[f"{kind} on {name}"] = np.zeros(len(y))
            penalties[f"{kind} on {name}"] = []
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        # The majority class of the training fold, as a constant guess.
        out["baseline"][te] = 1.0 if np.mean(y[tr] > 0) >= 0.5 else -1.0
        for name, matrix in X.items():
            for kind in FIT:
                pred, lam = fit_predict(kind, matrix[tr], y[tr], groups[tr], matrix[te], seed)
                out[f"{kind} on {name}"][te] = pred
                penalties[f"{kind} on {name}"].append(lam)
    return out, folds, penalties


# -------------------------------------------------------------------------------------------- report


def load_condition(spec, rows):
    name, analysis, renders = spec.split("=", 2)
    files, failed, layout = read_reports(analysis)
    found = {slug_of(f["path"]): f["features"] for f in files}
    # A whole-piece analysis stands for each of its phrases (the slug without its _<k>).
    by_slug = {}
    for r in rows:
        f = found.get(r["slug"], found.get(re.sub(r"_\d+$", "", r["slug"])))
        if f is not None:
            by_slug[r["slug"]] = f
    renders_by_slug = {}
    if renders:
        for r in rows:
            p = os.path.join(renders, r["slug"] + ".json")
            if os.path.exists(p):
                renders_by_slug[r["slug"]] = json.load(open(p, encoding="utf-8"))
    return {
        "name": name,
        "features": by_slug,
        "failed": failed,
        "layout": layout,
        "renders": renders_by_slug,
    }


def describe_renders(cond, rows):
    reports = [cond["renders"][r["slug"]] for r in rows if r["slug"] in cond["renders"]]
    if not reports:
        return
    lufs = np.array([x["report"].get("loudnessLUFS", np.nan) for x in reports], float)
    peak = np.array([x["report"]["peakDBFS"] for x in reports], float)
    secs = np.array([x["report"]["seconds"] for x in reports], float)
    fonts = sorted({x["soundFont"] for x in reports})
    print(
        f"  renders: {len(reports)}, {secs.sum() / 3600:.1f} h of audio "
        f"(median {np.median(secs):.0f} s per phrase), SoundFont {', '.join(fonts)}"
    )
    print(
        f"  integrated loudness: median {np.nanmedian(lufs):.1f} LUFS "
        f"(5–95 %: {np.nanpercentile(lufs, 5):.1f} … {np.nanpercentile(lufs, 95):.1f}); "
        f"sample peak median {np.median(peak):.1f} dBFS"
    )


def shipped_section(cond, rows, labels, groups):
    feats = [cond["features"][r["slug"]] for r in rows]
    v = np.array([f["valence"] for f in feats])
    a = np.array([f["arousal"] for f in feats])
    lv, la = labels[:, 0], labels[:, 1]
    n = len(rows)
    lines = []
    for dim, pred, lab in (("valence", v, lv), ("arousal", a, la)):
        hit = positive(pred) == (lab > 0)
        maj = max(np.mean(lab > 0), np.mean(lab <= 0))
        majority_hit = (lab > 0) == (np.mean(lab > 0) >= 0.5)
        lo, hi = wilson(hit.sum(), n)
        dlo, dhi = game_bootstrap(hit.astype(float) - majority_hit, groups)
        lines.append(
            f"  {dim:8s} sign {pct(hit.mean())} (95 % CI {pct(lo)}–{pct(hi)}) | majority {pct(maj)} | "
            f"minus majority {100 * (hit.mean() - maj):+5.1f} pts (by-game bootstrap {100 * dlo:+.1f} … "
            f"{100 * dhi:+.1f}) | balanced {pct(balanced_accuracy(positive(pred), lab > 0))} | "
            f"r {pearson(pred, lab):+.2f} | says + for {pct(np.mean(positive(pred)))} (labels {pct(np.mean(lab > 0))})"
        )
    for dim, pred, lab in (("valence", v, lv), ("arousal", a, la)):
        p = positive(pred)
        lines.append(
            f"  {dim} confusion (rows label, columns model):  label+: model+ {np.sum(p & (lab > 0)):3d}  "
            f"model- {np.sum(~p & (lab > 0)):3d}   label-: model+ {np.sum(p & (lab <= 0)):3d}  "
            f"model- {np.sum(~p & (lab <= 0)):3d}"
        )
    q, ql = quadrant(v, a), quadrant(lv, la)
    qmaj = max(np.mean(ql == k) for k in (1, 2, 3, 4))
    lines.append(f"  quadrant {pct(np.mean(q == ql))} | majority quadrant {pct(qmaj)} | chance 25.0%")
    lines.append("  quadrant confusion (rows label Q1 V+A+, Q2 V-A+, Q3 V-A-, Q4 V+A-; columns model):")
    for k in (1, 2, 3, 4):
        counts = " ".join(f"{np.sum((ql == k) & (q == j)):4d}" for j in (1, 2, 3, 4))
        lines.append(f"    Q{k}: {counts}   (n={np.sum(ql == k)})")
    return lines, v, a


def cue_section(cond, rows, labels, mirror_check):
    feats = [cond["features"][r["slug"]] for r in rows]
    cues = [model_cues(f) for f in feats]
    raw = [raw_cues(f) for f in feats]
    lv, la = labels[:, 0], labels[:, 1]
    mirrored = np.array([estimate(c) for c in cues])
    reported = np.array([[f["valence"], f["arousal"]] for f in feats])
    mirror_check.append((cond["name"], float(np.max(np.abs(mirrored[:, 1] - reported[:, 1])))))
    lines = []
    units = [
        ("tempo_bpm", "tempo BPM", 110),
        ("loudness_lufs", "loudness LUFS", -18),
        ("onset_rate_per_s", "onsets/s", 3),
        ("centroid_hz", "centroid Hz", 2000),
        ("key_strength", "key strength", 0.6),
    ]
    summary = []
    for key, label, centre in units:
        x = np.array([r[key] if r[key] is not None else np.nan for r in raw], float)
        if np.all(np.isnan(x)):
            continue
        summary.append(
            f"{label} median {np.nanmedian(x):.4g} (IQR {np.nanpercentile(x, 25):.4g}–"
            f"{np.nanpercentile(x, 75):.4g}; model centre {centre})"
        )
    keys = [f.get("keyDetail") or (f["key"] if isinstance(f.get("key"), dict) else None) for f in feats]
    major = np.mean([k is not None and k["mode"] == "major" for k in keys])
    summary.append(f"key found {pct(np.mean([k is not None for k in keys]))}, major {pct(major)}")
    lines.append("  inputs: " + "; ".join(summary[:3]))
    lines.append("          " + "; ".join(summary[3:]))
    lines.append(
        "  cue          weight(V, A)  mean   at ±1   r with V label  r with A label  "
        "V sign without it  A sign without it"
    )
    base_v = np.mean(positive(mirrored[:, 0]) == (lv > 0))
    base_a = np.mean(positive(mirrored[:, 1]) == (la > 0))
    for cue in CUES:
        x = np.array([c[cue] for c in cues])
        dropped = np.array([estimate(c, drop=(cue,)) for c in cues])
        wv = VALENCE_WEIGHTS.get(cue, 0)
        wa = arousal_weights(cues[0]["source"]).get(cue, 0)
        dv = np.mean(positive(dropped[:, 0]) == (lv > 0)) if wv else float("nan")
        da = np.mean(positive(dropped[:, 1]) == (la > 0)) if wa else float("nan")
        fmt = lambda d, b: "     —" if math.isnan(d) else f"{pct(d)} ({100 * (d - b):+.1f})"
        lines.append(
            f"  {cue:11s} {wv:+5.2f} {wa:+5.2f}  {x.mean():+5.2f}  {pct(np.mean(np.abs(x) >= 0.999))}"
            f"   {pearson(x, lv):+5.2f}           {pearson(x, la):+5.2f}           "
            f"{fmt(dv, base_v):16s}  {fmt(da, base_a)}"
        )
    tv = np.array([sum(w * c[k] for k, w in VALENCE_WEIGHTS.items()) for c in cues])
    ta = np.array(
        [sum(w * arousal_cue(c, k) for k, w in arousal_weights(c["source"]).items()) for c in cues]
    )
    lines.append(
        f"  model input before tanh: valence mean {tv.mean():+.2f} (sd {tv.std():.2f}), "
        f"arousal mean {ta.mean():+.2f} (sd {ta.std():.2f})"
    )
    return lines, cues


def tempo_match(heard, tempo_map):
    """Per phrase: within 4 % of the tempo map, and within 4 % of it or of x2, x1/2, x3/2 or x2/3."""
    ratio = heard / tempo_map
    near = lambda x: np.abs(ratio - x) < 0.04 * x
    same = near(1)
    return same, same | near(2) | near(0.5) | near(1.5) | near(2 / 3)


def peer_tempi(rows):
    """librosa's and Essentia's tempo per phrase render (peer_tempo.py's JSON, named by MOOD_PEERS_JSON),
    keyed by phrase; empty without that file."""
    path = os.environ.get("MOOD_PEERS_JSON")
    if not path or not os.path.exists(path):
        return {}
    by_slug = {slug_of(k): v for k, v in json.load(open(path, encoding="utf-8")).items()}
    return {
        name: np.array([by_slug.get(r["slug"], {}).get(name, np.nan) for r in rows], float)
        for name in ("librosa", "essentia")
    }


def agreement_section(conditions, rows, labels):
    """How far the audio descriptors are from what the MIDI they were rendered from says."""
    # The last audio condition: the normalised renders, as real drafts are mastered.
    audio = next(
        (c for c in reversed(conditions) if c["features"][rows[0]["slug"]]["source"] == "audio"), None
    )
    midis = [c for c in conditions if c["features"][rows[0]["slug"]]["source"] == "midi"]
    if audio is None or not midis:
        return []
    lines = [f"\n   Audio ({audio['name']}) against the MIDI it was rendered from:"]
    ta = np.array([audio["features"][r["slug"]].get("tempoBPM") or np.nan for r in rows], float)
    peers = peer_tempi(rows)
    for m in midis:
        tm = np.array([m["features"][r["slug"]].get("tempoBPM") or np.nan for r in rows], float)
        if np.nanstd(tm) == 0:
            lines.append(f"   - {m['name']}: no tempo map (every file reads {np.nanmedian(tm):.0f} BPM)")
            continue
        same, related = tempo_match(ta, tm)
        lines.append(
            f"   - tempo vs the {m['name']} tempo map: within 4 % {pct(np.mean(same))}, within 4 % of "
            f"x2, x1/2, x3/2 or x2/3 {pct(np.mean(related))}; r with the arousal label: audio "
            f"{pearson(ta, labels[:, 1]):+.2f}, tempo map {pearson(tm, labels[:, 1]):+.2f}"
        )
        for name, heard in peers.items():
            same, related = tempo_match(heard, tm)
            lines.append(
                f"     {name} on the same renders: within 4 % {pct(np.mean(same))}, within 4 % of x2, x1/2, "
                f"x3/2 or x2/3 {pct(np.mean(related))}"
            )
    key = lambda f: None if not f.get("key") else json.dumps(f["key"], sort_keys=True)
    # JSON schema 1 gives "key": "D major" and its parts in "keyDetail"; older output nested them.
    mode = lambda f: None if not f.get("key") else (f.get("keyDetail") or f["key"])["mode"]
    sym = midis[0]
    ka = [audio["features"][r["slug"]] for r in rows]
    ks = [sym["features"][r["slug"]] for r in rows]
    lines.append(
        f"   - key vs {sym['name']} (same profile): same key {pct(np.mean([key(a) == key(b) for a, b in zip(ka, ks)]))}, "
        f"same mode {pct(np.mean([mode(a) == mode(b) for a, b in zip(ka, ks)]))}"
    )
    for c, feats in ((audio, ka), (sym, ks)):
        major = np.array([mode(f) == "major" for f in feats])
        lines.append(
            f"   - valence label + given {c['name']} mode: major {pct(np.mean(labels[major, 0] > 0))} "
            f"(n={major.sum()}), minor {pct(np.mean(labels[~major, 0] > 0))} (n={(~major).sum()})"
        )
    # `analyze` reports the share in the summary; nan where no key was found.
    share = lambda f: f["summary"].get("out_of_key_share", float("nan"))
    sa, ss = np.array([share(f) for f in ka]), np.array([share(f) for f in ks])
    both = ~np.isnan(sa) & ~np.isnan(ss)
    r = np.corrcoef(sa[both], ss[both])[0, 1] if both.sum() > 2 else float("nan")
    lines.append(
        f"   - out-of-key share: audio median {np.median(sa[both]):.2f}, {sym['name']} median "
        f"{np.median(ss[both]):.2f} for the same {both.sum()} phrases (r {r:+.2f})"
    )
    lines += cue_agreement(audio, sym, rows, labels)
    return lines


def cue_agreement(audio, sym, rows, labels):
    """Cue by cue, the audio measurement against the symbolic one of the same phrases: medians, the
    correlation between them, and each one's correlation with the labels."""
    fa = [audio["features"][r["slug"]] for r in rows]
    fs = [sym["features"][r["slug"]] for r in rows]
    ca, cs = [model_cues(f) for f in fa], [model_cues(f) for f in fs]
    raw = lambda feats, get: np.array([get(f) if get(f) is not None else np.nan for f in feats], float)
    measured = [
        ("onsets per second", lambda f: f["summary"].get("onset_rate_per_s"), None),
        ("register (MIDI pitch)", lambda f: f["summary"].get("pitch_register_midi"),
         lambda f: f["summary"].get("pitch_mean_midi")),
        ("brightness cue", lambda f: None, None),
        ("mode cue", lambda f: None, None),
        ("key clarity", lambda f: f.get("keyStrength"), None),
        ("dissonance cue", lambda f: None, None),
        ("valence (model)", lambda f: f.get("valence"), None),
        ("arousal (model)", lambda f: f.get("arousal"), None),
    ]
    scaled_cue = {"brightness cue": "brightness", "mode cue": "mode", "dissonance cue": "dissonance"}
    lines = [
        f"   Per cue, {audio['name']} against {sym['name']} (the same {len(rows)} phrases):",
        "     cue                     median audio  median MIDI  r(audio, MIDI)  r with V: audio  MIDI"
        "   r with A: audio  MIDI",
    ]
    for name, get_audio, get_sym in measured:
        if name in scaled_cue:
            key = scaled_cue[name]
            xa = np.array([c[key] for c in ca])
            xs = np.array([c[key] for c in cs])
        else:
            xa, xs = raw(fa, get_audio), raw(fs, get_sym or get_audio)
        ok = ~np.isnan(xa) & ~np.isnan(xs)
        if ok.sum() < 3:
            continue
        r = lambda x, y: pearson(x[ok], y[ok])
        lines.append(
            f"     {name:22s}  {np.median(xa[ok]):+12.3g}  {np.median(xs[ok]):+11.3g}  {r(xa, xs):+14.2f}"
            f"  {r(xa, labels[:, 0]):+15.2f}  {r(xs, labels[:, 0]):+4.2f}"
            f"  {r(xa, labels[:, 1]):+15.2f}  {r(xs, labels[:, 1]):+4.2f}"
        )
    return lines


def design_matrices(cond, rows, cues):
    feats = [cond["features"][r["slug"]] for r in rows]
    layout = cond["layout"]
    keep = [i for i, n in enumerate(layout) if n not in ("valence", "arousal")]
    V = np.array([[f["vector"][i] for i in keep] for f in feats], float)
    varying = V.std(0) > 1e-12
    C = np.array([[c[k] for k in CUES] for c in cues], float)
    return {"7 model cues": C, f"Features vector ({int(varying.sum())} varying entries)": V[:, varying]}


def cv_section(cond, rows, labels, groups, cues):
    X = design_matrices(cond, rows, cues)
    feats = [cond["features"][r["slug"]] for r in rows]
    shipped = {
        "valence": np.array([f["valence"] for f in feats]),
        "arousal": np.array([f["arousal"] for f in feats]),
    }
    lines = []
    held = {}
    for d, dim in enumerate(("valence", "arousal")):
        y = labels[:, d]
        out, folds, penalties = cross_validate(X, y, groups, shipped[dim], SEED)
        held[dim] = out
        sizes = [int(np.sum(folds == f)) for f in range(FOLDS)]
        repeat = {m: [] for m in out}
        for s in REPEAT_SEEDS:
            o, _, _ = cross_validate(X, y, groups, shipped[dim], s) if s != SEED else (out, None, None)
            for m in o:
                repeat[m].append(np.mean(positive(o[m]) == (y > 0)))
        lines.append(
            f"  {dim} (held-out phrases pooled over {FOLDS} folds of whole games, fold sizes {sizes}; "
            f"seed {SEED}, and over seeds {REPEAT_SEEDS.start}–{REPEAT_SEEDS.stop - 1}):"
        )
        for m in out:
            hit = positive(out[m]) == (y > 0)
            per_fold = [np.mean(hit[folds == f]) for f in range(FOLDS)]
            r = pearson(out[m], y) if m != "baseline" else float("nan")
            pen = f"  penalty {sorted(set(penalties[m]))}" if m in penalties else ""
            lines.append(
                f"    {m:48s} {pct(hit.mean())}  balanced {pct(balanced_accuracy(positive(out[m]), y > 0))}"
                f"  r {r:+.2f}  folds {min(per_fold) * 100:3.0f}–{max(per_fold) * 100:3.0f}%  "
                f"10 splits {pct(np.mean(repeat[m]))} ({100 * min(repeat[m]):.1f}–{100 * max(repeat[m]):.1f}){pen}"
            )
    ql = quadrant(labels[:, 0], labels[:, 1])
    folds = assign_folds(groups, FOLDS, SEED)
    qbase = np.zeros(len(ql))
    for f in range(FOLDS):
        tr = folds != f
        qbase[folds == f] = max((1, 2, 3, 4), key=lambda k: (np.sum(ql[tr] == k), -k))
    lines.append(f"  quadrant, held out: train-majority quadrant {pct(np.mean(qbase == ql))}")
    for m in held["valence"]:
        if m == "baseline":
            continue
        q = quadrant(held["valence"][m], held["arousal"][m])
        lines.append(f"    {m:48s} {pct(np.mean(q == ql))}")
    return lines


def report(data, manifest, specs):
    rows = labelled_rows(data)
    listed = {line.split("\t")[0] for line in open(manifest, encoding="utf-8") if line.strip()}
    rows = [r for r in rows if r["slug"] in listed]
    conditions = [load_condition(s, rows) for s in specs]
    complete = [r for r in rows if all(r["slug"] in c["features"] for c in conditions)]
    labels = np.array([[r["valence"], r["arousal"]] for r in complete])
    groups = np.array([r["game"] for r in complete])
    print("Mood model on vgmidi (human valence/arousal signs per labelled phrase)")
    print(
        f"{len(complete)} of {len(rows)} phrases analysed in every condition, {len(set(groups))} games; "
        f"labels: valence + {pct(np.mean(labels[:, 0] > 0))}, arousal + {pct(np.mean(labels[:, 1] > 0))}"
    )
    for c in conditions:
        for fail in c["failed"]:
            print(f"  {c['name']}: failed {fail['path']}: {fail['error']}")
    print()
    print("1. The shipped model (fixed, literature-based; nothing fitted), every phrase held out")
    mirror_check, cues_of = [], {}
    for c in conditions:
        print(f"\n[{c['name']}]")
        describe_renders(c, complete)
        lines, _, _ = shipped_section(c, complete, labels, groups)
        print("\n".join(lines))
    print("\n2. Why: the cues (scaled to [-1, 1] as MoodModel does) against the labels")
    print("   'without it' = sign accuracy with that cue set to 0 (its change from the full model in points)")
    for c in conditions:
        print(f"\n[{c['name']}]")
        lines, cues_of[c["name"]] = cue_section(c, complete, labels, mirror_check)
        print("\n".join(lines))
    print("\n".join(agreement_section(conditions, complete, labels)))
    worst = max(err for _, err in mirror_check)
    print(
        f"\n   (mirror check: this script's copy of MoodModel reproduces the reported arousal to "
        f"{worst:.1e}{'' if worst < 1e-3 else ' — MISMATCH: MoodModel changed, update evaluate.py'})"
    )
    print(
        "\n3. What fitting would give (NOT shipped: vgmidi's licence is unclear). Penalised linear models, "
        "features standardised\n   on the training fold, penalty chosen by inner grouped CV on the training "
        "games only; 'baseline' = the training\n   fold's majority sign; 'shipped' = the fixed model on the "
        "same held-out phrases."
    )
    for c in conditions:
        print(f"\n[{c['name']}]")
        print("\n".join(cv_section(c, complete, labels, groups, cues_of[c["name"]])))


def main(argv):
    if len(argv) >= 2 and argv[0] == "manifest":
        for r in labelled_rows(argv[1]):
            if os.path.exists(r["midi"]):
                print(f"{r['slug']}\t{r['midi']}\t{r['piece_midi']}")
            else:
                print(f"missing {r['midi']}", file=sys.stderr)
    elif len(argv) >= 4 and argv[0] == "report":
        report(argv[1], argv[2], argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
