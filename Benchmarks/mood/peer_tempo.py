"""The tempo librosa and Essentia hear in audio files, for the tempo tables of sketch_quadrants.py (sketch
renders) and evaluate.py (vgmidi renders against their MIDI tempo maps).

Usage: peer_tempo.py LIST OUT_JSON [JOBS]
LIST: one audio path per line. Writes {path: {"librosa": bpm, "essentia": bpm}}; JOBS files at once
(default 1; each peer call itself runs single-threaded). The calls are those of Benchmarks/analysis (the
speed benchmark): librosa.beat.beat_track on librosa's onset envelope at 22050 Hz, and Essentia's
RhythmExtractor2013 (multifeature) on its MonoLoader at 44100 Hz, the rate it is designed for.
Runs in the analysis venv (Benchmarks/analysis/peers-venv.sh).
"""
import json
import sys
from concurrent.futures import ProcessPoolExecutor

import essentia
import essentia.standard as es
import librosa
import numpy as np

essentia.log.infoActive = False


def tempi(wav):
    y, sr = librosa.load(wav, sr=22050)
    onset = librosa.onset.onset_strength(y=y, sr=sr)
    tempo, _ = librosa.beat.beat_track(onset_envelope=onset, sr=sr)
    audio = es.MonoLoader(filename=wav, sampleRate=44100)()
    bpm = es.RhythmExtractor2013(method="multifeature")(audio)[0]
    return {"librosa": float(np.atleast_1d(tempo)[0]), "essentia": float(bpm)}


def main(listing, out, jobs="1"):
    paths = [line.rstrip("\n") for line in open(listing) if line.strip()]
    with ProcessPoolExecutor(max_workers=max(1, int(jobs))) as pool:
        result = dict(zip(paths, pool.map(tempi, paths)))
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:4])
