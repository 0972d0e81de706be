#!/usr/bin/env bash
# Does analysing a sketch's own render recover the mood it was planned with? (issue 11, target >= 80 %
# of plans' quadrants.) For every prompt in sketch-prompts.txt and every seed, `moodsketch sketch` writes
# its folder (MIDI and a WAV mastered to -16 LUFS); `moodsketch analyze` then reads the WAV (audio) and
# the MIDI (symbolic), and sketch_quadrants.py compares both with the plan in sketch.json, cue by cue.
#
#   Benchmarks/mood/sketch_renders.sh                  # builds a release binary into /tmp/mood-build
#   MOODSKETCH_BIN=.build/release/moodsketch SKETCH_SEEDS="1 2" Benchmarks/mood/sketch_renders.sh  # faster, noisier
#
# SKETCH_REUSE=1 analyses the folders of the last run again without writing them (after an Analysis change).
# SKETCH_PROMPTS (default sketch-prompts.txt next to this script: one prompt per line, # for comments),
# SKETCH_SEEDS (default "1 2 3 4"; prompt n is written with seed 1000 × S + n; with two seeds, the audio
# quadrant moved 7 points between seed pairs),
# SKETCH_CACHE (default Benchmarks/results/sketch-mood-cache, git-ignored;
# the folders are rewritten every run so that they follow the code), PYTHON (default python3).
# SKETCH_PEERS=0 skips the tempo that librosa and Essentia hear in the same renders (peer_tempo.py, in
# the venv of Benchmarks/analysis/peers-venv.sh, made on first use; about a minute per 176 renders).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/Benchmarks/results"
cache=${SKETCH_CACHE:-$out/sketch-mood-cache}
seeds=${SKETCH_SEEDS:-1 2 3 4}
python=${PYTHON:-python3}
mkdir -p "$out" "$cache"

bin=${MOODSKETCH_BIN:-}
if [ -z "$bin" ]; then
  build=/tmp/mood-build
  echo "building release moodsketch into $build ..." >&2
  (cd "$root" && swift build -c release --product moodsketch --scratch-path "$build" >&2)
  bin="$build/release/moodsketch"
fi

start=$(date +%s)
manifest="$cache/manifest.tsv"
if [ -z "${SKETCH_REUSE:-}" ]; then
: >"$manifest"
n=0
while IFS= read -r prompt; do
  case "$prompt" in '' | '#'*) continue ;; esac
  n=$((n + 1))
  for seed in $seeds; do
    dir="$cache/$(printf '%02d' "$n")-s$seed"
    rm -rf "$dir"
    # Each prompt gets seeds of its own (1000 × S + its number): with one --seed for every prompt,
    # all sketches of a seed set would share the random draws that set a piece's habits.
    # The sketch's hint about an empty reference catalog is noise here; real errors still show.
    "$bin" sketch "$prompt" --seed "$((seed * 1000 + n))" --out "$dir" 2>&1 >/dev/null | grep -v "no reference catalog" >&2 || true
    [ -f "$dir/sketch.wav" ] || { echo "sketch failed: $prompt (seed $seed)" >&2; exit 1; }
    printf '%s\t%s\n' "$dir" "$prompt" >>"$manifest"
  done
done <"${SKETCH_PROMPTS:-$here/sketch-prompts.txt}"
fi
echo "$(wc -l <"$manifest") sketches written after $(($(date +%s) - start)) s" >&2

start=$(date +%s)
cut -f1 "$manifest" | sed 's|$|/sketch.wav|' | tr "\n" "\0" |
  xargs -0 "$bin" analyze --json >"$out/sketch-mood-audio.json"
cut -f1 "$manifest" | sed 's|$|/sketch.mid|' | tr "\n" "\0" |
  xargs -0 "$bin" analyze --json >"$out/sketch-mood-midi.json"
echo "analyses done after $(($(date +%s) - start)) s" >&2

peers=""
if [ "${SKETCH_PEERS:-1}" != 0 ]; then
  start=$(date +%s)
  peers="$out/sketch-mood-peers.json"
  cut -f1 "$manifest" | sed 's|$|/sketch.wav|' >"$cache/wavs.txt"
  "$("$root/Benchmarks/analysis/peers-venv.sh")" "$here/peer_tempo.py" "$cache/wavs.txt" "$peers"
  echo "librosa and Essentia tempi after $(($(date +%s) - start)) s" >&2
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
"$python" "$here/sketch_quadrants.py" "$manifest" "$out/sketch-mood-audio.json" \
  "$out/sketch-mood-midi.json" ${peers:+"$peers"} | tee "$out/sketch-mood-summary-$stamp.txt"
cp "$out/sketch-mood-summary-$stamp.txt" "$out/sketch-mood-summary-latest.txt"
