"""librosa reference values for moodsketch's Analysis tests.

The signals are defined by formula (no random numbers), so the Swift tests can make the same samples:
see `referenceSignal(named:)` in Tests/AnalysisTests/LibrosaAgreementTests.swift. All at sr=22050, with
librosa's defaults (n_fft=2048, hop_length=512, n_mels=128, Slaney mel, n_mfcc=20). The frame tables use
chroma_stft with tuning=0 (frame by frame, moodsketch's per-frame chroma is at A440); the "tuning" table has
librosa's tuning estimate (as chroma_stft's default makes it, from the power spectrogram) and the mean of
chroma_stft at that estimated tuning, which are what moodsketch's track summary reports.
"""
import json
import sys

import librosa
import numpy as np

SR = 22050
FRAMES = [3, 10, 20, 30]


def signal(name):
    t = np.arange(int(1.5 * SR), dtype=np.float64) / SR
    if name == "sine440":
        y = 0.5 * np.sin(2 * np.pi * 440 * t)
    elif name == "cmajor":
        y = sum(0.2 * np.sin(2 * np.pi * f * t) for f in (261.6255653, 329.6275569, 391.9954360))
    elif name == "chirp":
        # Exponential sweep 100 Hz -> 8 kHz over 1.5 s, so every frame sees a different spectrum.
        f0, f1, dur = 100.0, 8000.0, 1.5
        k = np.log(f1 / f0) / dur
        y = 0.4 * np.sin(2 * np.pi * f0 * (np.exp(k * t) - 1) / k)
    elif name == "harmonics":
        # A 220 Hz tone with 8 harmonics fading in: a timbre with a rich spectrum.
        y = sum((0.3 / h) * np.sin(2 * np.pi * 220 * h * t) for h in range(1, 9)) * np.minimum(1, t / 0.5)
    elif name == "multitone":
        # 200 harmonics of 50 Hz up to 10 kHz with spread phases: energy in every contrast band.
        y = sum((0.02 / np.sqrt(h)) * np.sin(2 * np.pi * 50 * h * t + 0.1 * h * h) for h in range(1, 201))
    elif name == "cmajor_sharp":
        # C major triad with 4 harmonics, 37.4 cents sharp: tuning estimate 0.37.
        detune = 2 ** (37.4 / 1200)
        y = sum((0.2 / h) * np.sin(2 * np.pi * f * detune * h * t)
                for f in (261.6255653, 329.6275569, 391.9954360) for h in range(1, 5))
    elif name == "harmonics_flat":
        # 220 Hz with 8 harmonics, 23.4 cents flat: tuning estimate -0.24 (the bin's left edge).
        f0 = 220 * 2 ** (-23.4 / 1200)
        y = sum((0.3 / h) * np.sin(2 * np.pi * f0 * h * t) for h in range(1, 9))
    else:
        raise ValueError(name)
    return y.astype(np.float32)


def contrast_without_top_db(y):
    """librosa.feature.spectral_contrast with its decibel conversion unfloored: librosa floors peaks and
    valleys 80 dB below their loudest value over the whole signal, which a streaming analysis cannot
    know in advance; moodsketch documents that it does not floor, so the reference does not either."""
    import librosa.feature.spectral as spectral

    original = spectral.power_to_db
    spectral.power_to_db = lambda S, **kw: original(S, top_db=None)
    try:
        return librosa.feature.spectral_contrast(y=y, sr=SR)
    finally:
        spectral.power_to_db = original


def main(out):
    tables = {
        "librosa_version": librosa.__version__,
        "sr": SR,
        "n_fft": 2048,
        "hop_length": 512,
        "frames": FRAMES,
        "signals": {},
    }
    for name in ["sine440", "cmajor", "chirp", "harmonics", "multitone"]:
        y = signal(name)
        mel = librosa.feature.melspectrogram(y=y, sr=SR)
        mel_db = librosa.power_to_db(mel)
        mfcc = librosa.feature.mfcc(y=y, sr=SR)
        chroma = librosa.feature.chroma_stft(y=y, sr=SR, tuning=0.0)
        centroid = librosa.feature.spectral_centroid(y=y, sr=SR)
        contrast = contrast_without_top_db(y)
        entry = {"n_frames": int(mel.shape[1])}
        for f in FRAMES:
            entry[str(f)] = {
                "mel_db": [round(float(v), 4) for v in mel_db[:, f]],
                "mfcc": [round(float(v), 4) for v in mfcc[:, f]],
                "chroma": [round(float(v), 5) for v in chroma[:, f]],
                "spectral_centroid": round(float(centroid[0, f]), 3),
                "spectral_contrast": [round(float(v), 4) for v in contrast[:, f]],
            }
        tables["signals"][name] = entry
    tables["tuning"] = {}
    for name in ["sine440", "cmajor", "chirp", "harmonics", "multitone", "cmajor_sharp", "harmonics_flat"]:
        y = signal(name)
        power = np.abs(librosa.stft(y)) ** 2
        tables["tuning"][name] = {
            "tuning": round(float(librosa.estimate_tuning(S=power, sr=SR)), 2),
            "chroma_mean": [round(float(v), 5) for v in librosa.feature.chroma_stft(y=y, sr=SR).mean(axis=1)],
        }
    with open(out, "w") as fh:
        json.dump(tables, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
