"""Joins the Python timings (JSON lines) with `moodsketch analyze --json` output and prints realtime
factors, speed ratios and key/tempo agreement with Essentia.

Usage: summarize.py python.jsonl ours.json ours_1job_wall ours_1job_cpu ours_2jobs_wall

Realtime factors use CPU time (user + system) for the single-threaded runs, so that other load on the
machine inflates no one's figure; wall-clock seconds are printed next to them.
"""
import json
import sys

NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
ALIASES = {"Db": "C#", "Eb": "D#", "Gb": "F#", "Ab": "G#", "Bb": "A#"}


def pitch_class(name):
    name = ALIASES.get(name, name)
    return NAMES.index(name)


def our_key(features):
    key = features.get("key")
    if not key:
        return None
    detail = features.get("keyDetail")
    if detail:  # JSON schema 1: "key": "D major" with its parts beside it
        return detail["tonicPitchClass"], detail["mode"]
    natural = [0, 2, 4, 5, 7, 9, 11][key["tonic"]["letter"]]
    return (natural + key["tonic"]["accidental"]) % 12, key["mode"]


def tempo_agrees(a, b):
    return any(abs(a - b * r) <= 0.04 * b * r for r in (1, 2, 0.5))


def main(python_path, ours_path, ours_1_wall, ours_1, ours_2):
    rows = [json.loads(line) for line in open(python_path) if line.strip()]
    ours = {f["path"]: f for f in json.load(open(ours_path))["files"]}
    audio = sum(r["duration"] for r in rows)
    librosa_s = sum(r["librosa_cpu"] for r in rows)
    essentia_s = sum(r["essentia_cpu"] for r in rows)
    librosa_w = sum(r["librosa_seconds"] for r in rows)
    essentia_w = sum(r["essentia_seconds"] for r in rows)
    ours_1, ours_1_wall, ours_2 = float(ours_1), float(ours_1_wall), float(ours_2)
    print(f"files: {len(rows)}, audio: {audio / 60:.1f} min (decode + all descriptors, single-threaded)")
    print(f"  librosa    CPU {librosa_s:7.1f} s  {audio / librosa_s:6.1f}x realtime   (wall {librosa_w:.1f} s)")
    print(f"  essentia   CPU {essentia_s:7.1f} s  {audio / essentia_s:6.1f}x realtime   (wall {essentia_w:.1f} s)")
    print(f"  moodsketch CPU {ours_1:7.1f} s  {audio / ours_1:6.1f}x realtime   (wall {ours_1_wall:.1f} s, 1 job)")
    print(f"  speed-up (CPU time) vs librosa: {librosa_s / ours_1:.1f}x, vs essentia: {essentia_s / ours_1:.1f}x")
    if all("decode_cpu" in r for r in rows):
        # Decoding is libsndfile with libvorbis / libmpg123 on both sides (librosa.load reads through
        # soundfile): a fixed cost that no analysis code changes, so the ratio beyond it is shown too.
        decode = sum(r["decode_cpu"] for r in rows)
        print(f"  decoding alone (libsndfile, as librosa.load): CPU {decode:.1f} s; beyond decoding: librosa "
              f"{librosa_s - decode:.1f} s, moodsketch {ours_1 - decode:.1f} s, "
              f"{(librosa_s - decode) / max(1e-9, ours_1 - decode):.1f}x")
    print(f"  moodsketch with 2 jobs: wall {ours_2:.1f} s, {audio / ours_2:.1f}x realtime, "
          f"{ours_1_wall / ours_2:.2f}x the 1-job wall-clock speed")
    key_hits = librosa_key_hits = tempo_hits = tempo_exact = compared = 0
    print("\nper track: ours (krumhansl) | essentia KeyExtractor(krumhansl), RhythmExtractor2013 | librosa")
    for r in rows:
        f = ours.get(r["path"], {}).get("features", {})
        k = our_key(f)
        ekey, escale = r["essentia_key"].split()
        key_ok = k is not None and k[0] == pitch_class(ekey) and k[1] == escale
        t = f.get("tempoBPM")
        tempo_ok = t is not None and tempo_agrees(t, r["essentia_tempo"])
        exact = t is not None and abs(t - r["essentia_tempo"]) <= 0.04 * r["essentia_tempo"]
        compared += 1
        key_hits += key_ok
        lkey, lscale = r["librosa_key"].split()
        librosa_key_hits += k is not None and k[0] == pitch_class(lkey) and k[1] == lscale
        tempo_hits += tempo_ok
        tempo_exact += exact
        name = r["path"].rsplit("/", 1)[-1]
        ours_key = f"{NAMES[k[0]]} {k[1]}" if k else "none"
        ours_tempo = f"{t:.1f}" if t else "none"
        print(f"  {name[:28]:28s} {ours_key:10s} {ours_tempo:>6s} | {r['essentia_key']:10s} {r['essentia_tempo']:6.1f} | "
              f"{r['librosa_key']:10s} {r['librosa_tempo']:6.1f}")
    print(f"\nagreement with Essentia on {compared} tracks: key (tonic and mode) {key_hits}/{compared}, "
          f"tempo within 4% {tempo_exact}/{compared}, within 4% or an octave {tempo_hits}/{compared}")
    # Ours reads spectral peaks (like Essentia's HPCP); librosa folds the whole spectrum (chroma_stft).
    print(f"key agreement with librosa (chroma_stft at its tuning estimate + Krumhansl correlation; ours "
          f"reads spectral peaks instead, as Essentia's HPCP does): {librosa_key_hits}/{compared}")


if __name__ == "__main__":
    main(*sys.argv[1:])
