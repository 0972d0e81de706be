"""Times librosa and Essentia computing the descriptor set `moodsketch analyze` computes, one file at a
time, single-threaded, and records their tempo and key for the agreement table.

Descriptor set (sr 22050, n_fft 2048, hop 512): decode, EBU R128 integrated loudness of all channels at the
file's rate, downmix + resample, STFT, mel (128), MFCC (20), tuning estimate, chroma (librosa chroma_stft with
its default tuning estimate / Essentia HPCP at the estimated tuning frequency), spectral centroid, bandwidth,
rolloff, flatness, contrast, flux (librosa: onset_strength), RMS, zero-crossing rate, onset strength,
tempo + beats, key.
librosa has no loudness meter: its side uses pyloudnorm (integrated loudness only; it has no loudness
range, which moodsketch and Essentia also compute). librosa has no key finder: its time includes a
Krumhansl correlation on the mean chroma (negligible).
Essentia runs in standard mode frame by frame from Python, as its Python users usually do.

Usage: python_descriptors.py FILE... > results.jsonl
"""
import json
import sys
import time

import numpy as np

SR, N_FFT, HOP = 22050, 2048, 512
KK_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
KK_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def librosa_run(path):
    import librosa

    start = time.perf_counter()
    cpu = time.process_time()
    import pyloudnorm

    y, sr = librosa.load(path, sr=None, mono=False)
    pyloudnorm.Meter(sr).integrated_loudness(y.T)
    y = librosa.resample(librosa.to_mono(y), orig_sr=sr, target_sr=SR)
    S = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP))
    P = S**2
    mel = librosa.feature.melspectrogram(S=P, sr=SR)
    librosa.feature.mfcc(S=librosa.power_to_db(mel), n_mfcc=20)
    chroma = librosa.feature.chroma_stft(S=P, sr=SR)
    librosa.feature.spectral_centroid(S=S, sr=SR)
    librosa.feature.spectral_bandwidth(S=S, sr=SR)
    librosa.feature.spectral_rolloff(S=S, sr=SR)
    librosa.feature.spectral_flatness(S=S)
    librosa.feature.spectral_contrast(S=S, sr=SR)
    librosa.feature.rms(y=y)
    librosa.feature.zero_crossing_rate(y)
    onset = librosa.onset.onset_strength(S=librosa.power_to_db(mel), sr=SR)
    tempo, _beats = librosa.beat.beat_track(onset_envelope=onset, sr=SR)
    profile = chroma.mean(axis=1)
    scores = [(np.corrcoef(profile, np.roll(p, t))[0, 1], t, m) for m, p in (("major", KK_MAJOR), ("minor", KK_MINOR)) for t in range(12)]
    _, tonic, mode = max(scores)
    elapsed = time.perf_counter() - start
    return elapsed, time.process_time() - cpu, len(y) / SR, float(np.atleast_1d(tempo)[0]), f"{NAMES[tonic]} {mode}"


def decode_run(path):
    """Decoding alone, as librosa.load does it (soundfile: libsndfile with libvorbis / libmpg123, the same
    libraries moodsketch decodes with), read in blocks and thrown away: the cost both sides share."""
    import soundfile

    cpu = time.process_time()
    with soundfile.SoundFile(path) as f:
        while len(f.read(65536, dtype="float32")):
            pass
    return time.process_time() - cpu


def essentia_run(path):
    import essentia
    import essentia.standard as es

    essentia.log.infoActive = False
    essentia.log.warningActive = False
    start = time.perf_counter()
    cpu = time.process_time()
    audio, sr, channels, _, _, _ = es.AudioLoader(filename=path)()
    es.LoudnessEBUR128(sampleRate=sr)(audio)  # AudioLoader gives stereo samples even for mono files
    y = es.Resample(inputSampleRate=sr, outputSampleRate=SR)(es.MonoMixer()(audio, channels))
    window = es.Windowing(type="hann", size=N_FFT)
    spectrum = es.Spectrum(size=N_FFT)
    melbands = es.MelBands(numberBands=128, sampleRate=SR, inputSize=N_FFT // 2 + 1, highFrequencyBound=SR / 2)
    mfcc = es.MFCC(numberCoefficients=20, numberBands=128, sampleRate=SR, inputSize=N_FFT // 2 + 1, highFrequencyBound=SR / 2)
    peaks = es.SpectralPeaks(sampleRate=SR)
    tuning = es.TuningFrequency()
    hpcp = es.HPCP(sampleRate=SR)
    centroid = es.Centroid(range=SR / 2)
    moments = es.CentralMoments(range=SR / 2)
    rolloff = es.RollOff(sampleRate=SR)
    flatness = es.Flatness()
    contrast = es.SpectralContrast(frameSize=N_FFT, sampleRate=SR)
    flux = es.Flux()
    rms = es.RMS()
    zcr = es.ZeroCrossingRate()
    onset = es.OnsetDetection(method="flux", sampleRate=SR)
    for frame in es.FrameGenerator(y, frameSize=N_FFT, hopSize=HOP, startFromZero=False):
        spec = spectrum(window(frame))
        melbands(spec)
        mfcc(spec)
        freqs, mags = peaks(spec)
        frequency, _cents = tuning(freqs, mags)
        hpcp(freqs, mags)
        centroid(spec)
        moments(spec)
        rolloff(spec)
        flatness(spec)
        contrast(spec)
        flux(spec)
        rms(frame)
        zcr(frame)
        onset(spec, spec)
    bpm, _beats, confidence, _, _ = es.RhythmExtractor2013(method="multifeature")(y)
    key, scale, strength = es.KeyExtractor(profileType="krumhansl", sampleRate=SR, tuningFrequency=frequency)(y)
    elapsed = time.perf_counter() - start
    return elapsed, time.process_time() - cpu, len(y) / SR, float(bpm), f"{key} {scale}"


def main(paths):
    # Warm up on the first file's opening (imports, numba compilation) so that one-time costs are not
    # charged to the first track.
    import librosa
    import essentia.standard  # noqa: F401
    y = librosa.tone(440, sr=SR, duration=3.0)
    librosa.beat.beat_track(y=y, sr=SR)
    librosa.feature.spectral_contrast(y=y, sr=SR)
    for path in paths:
        lt, lcpu, duration, ltempo, lkey = librosa_run(path)
        et, ecpu, _, etempo, ekey = essentia_run(path)
        dcpu = decode_run(path)
        print(json.dumps({"path": path, "duration": duration, "librosa_seconds": lt, "librosa_cpu": lcpu,
                          "librosa_tempo": ltempo, "librosa_key": lkey, "essentia_seconds": et, "essentia_cpu": ecpu,
                          "essentia_tempo": etempo, "essentia_key": ekey, "decode_cpu": dcpu}),
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
