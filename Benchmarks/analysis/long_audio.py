"""Writes a long Ogg/Vorbis test file in one-minute pieces (never the whole signal in memory): a chord
progression of decaying harmonic tones over a kick on every beat at 120 BPM, stereo, 44.1 kHz.

Usage: long_audio.py OUT.ogg MINUTES
"""
import sys

import numpy as np
import soundfile as sf

SR = 44100


def minute(index):
    t = np.arange(60 * SR) / SR
    chords = [(60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62)]
    out = np.zeros(60 * SR)
    for bar in range(30):  # 2 s bars
        start = bar * 2 * SR
        local = t[: 2 * SR]
        for pitch in chords[(index * 30 + bar) % 4]:
            f = 440 * 2 ** ((pitch - 69) / 12)
            out[start:start + 2 * SR] += sum(0.08 / h * np.sin(2 * np.pi * f * h * local) for h in (1, 2, 3)) * np.exp(-local)
    beat = np.arange(int(0.1 * SR)) / SR
    kick = 0.5 * np.sin(2 * np.pi * 60 * beat) * np.exp(-beat * 30)
    for b in range(120):
        s = b * SR // 2
        out[s:s + len(kick)] += kick
    return np.stack([out, 0.9 * out], axis=1).astype(np.float32)


def main(path, minutes):
    with sf.SoundFile(path, "w", SR, 2, format="OGG", subtype="VORBIS") as f:
        for m in range(int(minutes)):
            block = minute(m)
            # libsndfile's Vorbis encoder crashes on very large writes; one second at a time is safe.
            for s in range(0, len(block), SR):
                f.write(block[s:s + SR])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
