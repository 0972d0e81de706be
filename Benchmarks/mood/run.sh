#!/bin/sh
# Evaluation: the shipped mood model (Sources/Analysis/MoodModel.swift) on AUDIO renders of vgmidi's
# human-labelled piano phrases, next to the symbolic analysis of the same MIDI, and what a model fitted
# on the descriptors would give under grouped (by game) cross-validation. Nothing fitted here ships:
# vgmidi's licence is unclear (../shared/data/README.md), so fitted numbers are printed, never saved
# as coefficients.
#
#   Benchmarks/mood/run.sh
#
# Needs: swift, python3 with numpy, a GM SoundFont (the project's lookup, or MOODSKETCH_SOUNDFONT),
# ../shared/data/vgmidi.
# MOODSKETCH_BIN=path   use that release binary instead of building one (into MOOD_BUILD, default
#                       /tmp/mood-build, so the shared .build lock is not held).
# VGMIDI=dir            the data set (default: ../shared/data/vgmidi from the project root).
# MOOD_CACHE=dir        renders (default: Benchmarks/results/mood-cache, git-ignored; re-used while
#                       newer than their MIDI file; delete it after changing SoundFont or renderer).
# MOOD_JOBS=n           renders and analyses at once (default 2).
# MOOD_LOUDNESS=lufs    level of the normalised renders (default -16, like `moodsketch sketch`).
# PYTHON=path           a python3 with numpy (default: python3).
# MOOD_PEERS=1          also the tempo librosa and Essentia hear in the normalised renders, against the
#                       same MIDI tempo maps as ours (peer_tempo.py in the venv of
#                       Benchmarks/analysis/peers-venv.sh; about 10 minutes with 2 jobs).
# Results: Benchmarks/results/mood-summary-<UTC time>.txt (and mood-summary-latest.txt), the analyses
# as Benchmarks/results/mood-analysis-*.json.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/Benchmarks/results"
data="${VGMIDI:-$root/../shared/data/vgmidi}"
cache="${MOOD_CACHE:-$out/mood-cache}"
jobs="${MOOD_JOBS:-2}"
target="${MOOD_LOUDNESS:--16}"
python="${PYTHON:-python3}"
# The analysis rate: rendering at it spares the resampler and halves the disk; the descriptors
# (sr 22050 Hz) see the same band either way.
rate=22050
mkdir -p "$out" "$cache/raw" "$cache/lufs$target"

[ -f "$data/vgmidi_labelled.csv" ] || {
  echo "no vgmidi at $data (set VGMIDI=dir)" >&2
  exit 66
}
"$python" -c 'import numpy' 2>/dev/null || {
  echo "$python has no numpy (set PYTHON to one that has)" >&2
  exit 69
}

bin="${MOODSKETCH_BIN:-}"
if [ -z "$bin" ]; then
  build="${MOOD_BUILD:-/tmp/mood-build}"
  echo "building release moodsketch into $build ..." >&2
  if ! (cd "$root" && swift build -c release --product moodsketch --scratch-path "$build" \
    >"$out/mood-build.log" 2>&1); then
    tail -20 "$out/mood-build.log" >&2
    echo "release build failed; see $out/mood-build.log (or set MOODSKETCH_BIN)" >&2
    exit 1
  fi
  bin="$build/release/moodsketch"
fi

# One line per labelled phrase: slug <TAB> phrase MIDI <TAB> whole-piece MIDI.
manifest="$cache/manifest.tsv"
"$python" "$here/evaluate.py" manifest "$data" >"$manifest"
count=$(wc -l <"$manifest")
echo "$count labelled phrases" >&2

# render_list CONDITION [render options...]: renders every phrase of the manifest not yet rendered,
# MOOD_JOBS at a time (lines dealt out round-robin to the workers).
render_list() {
  condition=$1
  shift
  pids=""
  worker=0
  while [ "$worker" -lt "$jobs" ]; do
    (
      awk -v n="$jobs" -v w="$worker" 'NR % n == w' "$manifest" | while IFS="	" read -r slug midi _piece; do
        wav="$cache/$condition/$slug.flac"
        if [ -s "$wav" ] && [ "$wav" -nt "$midi" ] && [ -s "$cache/$condition/$slug.json" ]; then
          continue
        fi
        "$bin" render "$midi" --out "$wav" --sample-rate "$rate" --json "$@" \
          >"$cache/$condition/$slug.json.tmp" || {
          echo "render failed: $midi" >&2
          exit 1
        }
        mv "$cache/$condition/$slug.json.tmp" "$cache/$condition/$slug.json"
      done
    ) &
    pids="$pids $!"
    worker=$((worker + 1))
  done
  status=0
  for pid in $pids; do wait "$pid" || status=1; done
  return "$status"
}

start=$(date +%s)
echo "rendering (as FluidSynth plays them: master gain 0.2) ..." >&2
render_list raw
echo "rendering (normalised to $target LUFS, peaks at most -1 dBFS) ..." >&2
render_list "lufs$target" --loudness "$target"
echo "renders ready after $(($(date +%s) - start)) s" >&2

# analyze_list CONDITION EXTENSION JSON: one `moodsketch analyze --json` over the whole condition.
analyze_list() {
  cut -f1 "$manifest" | while IFS= read -r slug; do printf '%s\n' "$cache/$1/$slug.$2"; done \
    >"$cache/$1.list"
  # Paths hold spaces and quotes, hence NUL-separated xargs; 204 paths fit one call, and evaluate.py
  # would read several concatenated reports if xargs ever split the list.
  tr "\n" "\0" <"$cache/$1.list" | xargs -0 "$bin" analyze --json --jobs "$jobs" >"$3" ||
    echo "some files of $1 failed to analyse; the report lists them" >&2
}

start=$(date +%s)
echo "analysing renders and MIDI ..." >&2
analyze_list raw flac "$out/mood-analysis-audio-raw.json"
analyze_list "lufs$target" flac "$out/mood-analysis-audio-lufs$target.json"
cut -f2 "$manifest" | tr "\n" "\0" | xargs -0 "$bin" analyze --json --jobs "$jobs" \
  >"$out/mood-analysis-midi.json" || echo "some MIDI files failed to analyse; the report lists them" >&2
cut -f3 "$manifest" | sort -u | tr "\n" "\0" | xargs -0 "$bin" analyze --json --jobs "$jobs" \
  >"$out/mood-analysis-midi-pieces.json" || echo "some MIDI files failed to analyse; the report lists them" >&2
echo "analyses done after $(($(date +%s) - start)) s" >&2

peers=""
if [ "${MOOD_PEERS:-0}" = 1 ]; then
  start=$(date +%s)
  peers="$out/mood-peers.json"
  OMP_NUM_THREADS=1 "$("$root/Benchmarks/analysis/peers-venv.sh")" "$here/peer_tempo.py" \
    "$cache/lufs$target.list" "$peers" "$jobs"
  echo "librosa and Essentia tempi after $(($(date +%s) - start)) s" >&2
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
MOOD_PEERS_JSON="$peers" "$python" "$here/evaluate.py" report "$data" "$manifest" \
  "audio, as rendered=$out/mood-analysis-audio-raw.json=$cache/raw" \
  "audio, $target LUFS=$out/mood-analysis-audio-lufs$target.json=$cache/lufs$target" \
  "symbolic, phrase MIDI=$out/mood-analysis-midi.json=" \
  "symbolic, whole-piece MIDI=$out/mood-analysis-midi-pieces.json=" \
  | tee "$out/mood-summary-$stamp.txt"
cp "$out/mood-summary-$stamp.txt" "$out/mood-summary-latest.txt"
