"""Key agreement per named profile: Essentia's KeyExtractor with each profile it has, on the same files.

Essentia's KeyExtractor defaults to profileType 'bgate' (HPCP-based, tuned on pop); the benchmark
compares ours with a given profile against Essentia with the same named profile where it has one.

Usage: key_profiles.py FILE... > essentia-keys.json      (needs essentia; see run.sh for the venv)
"""
import json
import sys

PROFILES = ["krumhansl", "temperley", "edma", "bgate"]


def main(paths):
    import essentia
    import essentia.standard as es

    essentia.log.infoActive = False
    essentia.log.warningActive = False
    out = {}
    for path in paths:
        y = es.MonoLoader(filename=path, sampleRate=22050)()
        keys = {}
        for profile in PROFILES:
            key, scale, strength = es.KeyExtractor(profileType=profile, sampleRate=22050)(y)
            keys[profile] = {"key": f"{key} {scale}", "strength": float(strength)}
        out[path] = keys
        print(path, keys, file=sys.stderr, flush=True)
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
