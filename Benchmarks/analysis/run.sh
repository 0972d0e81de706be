#!/bin/sh
# Benchmark: `moodsketch analyze` (release build) against librosa and Essentia on the same files in the
# same run, all single-threaded, then our speed-up with two jobs, and key/tempo agreement with Essentia.
#
#   Benchmarks/analysis/run.sh [FILE...]     default: the tracks of Debian's asc-music and singularity-music
#
# Needs: swift, python3 (3.9+); makes Benchmarks/.venv-analysis with librosa, pyloudnorm and essentia (pip) on first run
# (or set ANALYSIS_VENV to a venv that has both).
# MOODSKETCH_BIN=path skips the release build and times that binary instead.
# MEMORY=0 skips the peak-memory check on 10-minute and 3-hour files.
# KEY_PROFILES=1 also compares keys per named profile (ours with krumhansl/temperley/edma against Essentia's
# KeyExtractor with the same profile and its default bgate; a few more minutes of Essentia).
# Results go to Benchmarks/results/analysis-*.{jsonl,json,txt} (git-ignored).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/Benchmarks/results"
mkdir -p "$out"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 VECLIB_MAXIMUM_THREADS=1

if [ "$#" -eq 0 ]; then
  set --
  for f in /usr/share/games/asc/music/*.mp3 /usr/share/games/singularity/music/*.ogg; do
    [ -f "$f" ] && set -- "$@" "$f"
  done
fi
[ "$#" -gt 0 ] || { echo "no files: install asc-music and singularity-music, or pass files" >&2; exit 66; }

venv=$(dirname "$(dirname "$("$here/peers-venv.sh")")")

bin="${MOODSKETCH_BIN:-}"
if [ -z "$bin" ]; then
  if ! (cd "$root" && swift build -c release --product moodsketch >"$out/analysis-build.log" 2>&1); then
    tail -20 "$out/analysis-build.log" >&2
    echo "release build failed; see $out/analysis-build.log (or set MOODSKETCH_BIN to a release binary)" >&2
    exit 1
  fi
  bin="$root/.build/release/moodsketch"
fi

echo "librosa and Essentia, one file at a time ..." >&2
"$venv/bin/python" "$here/python_descriptors.py" "$@" > "$out/analysis-python.jsonl"

echo "moodsketch, 1 job and 2 jobs ..." >&2
timer="$venv/bin/python $here/time_command.py"
one=$($timer "$bin" analyze --jobs 1 --json "$@" 2>&1 >"$out/analysis-ours.json" | tail -1)
two=$($timer "$bin" analyze --jobs 2 --json "$@" 2>&1 >/dev/null | tail -1)

# shellcheck disable=SC2086 # "$one" is "wall cpu"
"$venv/bin/python" "$here/summarize.py" "$out/analysis-python.jsonl" "$out/analysis-ours.json" $one \
  "$(echo "$two" | cut -d' ' -f1)" | tee "$out/analysis-summary.txt"

# Memory: peak resident size analysing 10 minutes and 3 hours of the same kind of music (Ogg/Vorbis,
# stereo 44.1 kHz, written once by long_audio.py and kept in the results folder). Flat means streaming works.
if [ "${MEMORY:-1}" = 1 ]; then
  echo "memory: writing long test files once (3 hours takes a couple of minutes) ..." >&2
  for minutes in 10 180; do
    long="$out/long-$minutes-min.ogg"
    [ -s "$long" ] || "$venv/bin/python" "$here/long_audio.py" "$long.part" "$minutes"
    [ -s "$long.part" ] && mv "$long.part" "$long"
    rss=$("$venv/bin/python" -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$bin" analyze --jobs 1 --json "$long")
    echo "  peak memory analysing $minutes min: $rss MB"
  done | tee "$out/analysis-memory.txt"
fi

if [ "${KEY_PROFILES:-0}" = 1 ]; then
  echo "key profiles: Essentia KeyExtractor per profile, ours per profile ..." >&2
  OMP_NUM_THREADS=1 "$venv/bin/python" "$here/key_profiles.py" "$@" >"$out/analysis-essentia-keys.json"
  for profile in krumhansl temperley edma; do
    "$bin" analyze --jobs 2 --json --profile "$profile" "$@" >"$out/analysis-ours-$profile.json" || true
  done
  "$venv/bin/python" "$here/key_agreement.py" "$out/analysis-essentia-keys.json" \
    "$out/analysis-ours-krumhansl.json" "$out/analysis-ours-temperley.json" \
    "$out/analysis-ours-edma.json" | tee "$out/analysis-key-profiles.txt"
fi
