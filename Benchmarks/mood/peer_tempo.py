"""The tempo librosa and Essentia hear in each sketch render, for the tempo table of sketch_quadrants.py.

Usage: peer_tempo.py MANIFEST OUT_JSON
MANIFEST: lines "folder<TAB>prompt" (sketch_renders.sh writes it); each folder holds sketch.wav.
Writes {folder: {"librosa": bpm, "essentia": bpm}}. The calls are those of Benchmarks/analysis (the
speed benchmark): librosa.beat.beat_track on librosa's onset envelope at 22050 Hz, and Essentia's
RhythmExtractor2013 (multifeature) on its MonoLoader at 44100 Hz, the rate it is designed for.
Runs in the analysis venv (Benchmarks/analysis/peers-venv.sh).
"""
import json
import sys

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


def main(manifest, out):
    result = {}
    for line in open(manifest):
        folder = line.rstrip("\n").split("\t")[0]
        result[folder] = tempi(folder + "/sketch.wav")
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:3])
