#!/bin/sh
# Musical quality of the sketches' melodies against POP909 (see README.md next to this script).
#
#   Benchmarks/quality/run.sh [LABEL]
#
# Writes 30 prompts × 3 seeds at 8 and at 16 bars, plus 20 seeds of two prompts at 16 bars, with
# `moodsketch sketch --no-render --no-references`, and prints the report (also saved as
# Benchmarks/results/quality-LABEL.txt; LABEL defaults to the UTC time).
# MOODSKETCH_BIN=path   the binary to use (default: .build/debug/moodsketch, built if missing).
# POP909=dir            the data set's POP909 folder (default: ../shared/data/pop909/POP909).
# SEEDS="1 2 3"         the seeds of the prompt list (more seeds: smaller run-to-run noise, longer run).
# PYTHON=path           a python3 with numpy and mido; default: the venv Benchmarks/.venv-quality,
#                       made from /usr/bin/python3 (Debian's python3-mido) plus numpy from pip.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/Benchmarks/results"
label="${1:-$(date -u +%Y%m%dT%H%M%SZ)}"
seeds="${SEEDS:-1 2 3}"
data="${POP909:-$root/../shared/data/pop909/POP909}"
mkdir -p "$out"

[ -d "$data" ] || {
  echo "no POP909 at $data (set POP909=dir)" >&2
  exit 66
}

python="${PYTHON:-}"
if [ -z "$python" ]; then
  venv="$root/Benchmarks/.venv-quality"
  if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv ..." >&2
    /usr/bin/python3 -m venv --system-site-packages "$venv"
    "$venv/bin/pip" install --quiet numpy
  fi
  python="$venv/bin/python"
fi
"$python" -c 'import numpy, mido' 2>/dev/null || {
  echo "$python lacks numpy or mido (set PYTHON, or apt-get install python3-mido)" >&2
  exit 69
}

bin="${MOODSKETCH_BIN:-$root/.build/debug/moodsketch}"
if [ ! -x "$bin" ]; then
  (cd "$root" && swift build --product moodsketch >"$out/quality-build.log" 2>&1) || {
    tail -20 "$out/quality-build.log" >&2
    exit 1
  }
fi

corpus="$out/quality-corpus.json"
if [ ! -s "$corpus" ]; then
  echo "reading POP909 melodies (once; cached in $corpus) ..." >&2
  (cd "$here" && "$python" quality.py corpus "$data" "$corpus")
fi

sketches="$out/quality-sketches-$label"
rm -rf "$sketches"
mkdir -p "$sketches/b8" "$sketches/b16" "$sketches/seeds20"
slug() { printf '%s' "$1" | tr -c 'A-Za-z0-9' '-' | tr -s '-' | cut -c1-40; }
write() { # write SUBDIR PROMPT SEED BARS
  "$bin" sketch "$2" --seed "$3" --bars "$4" --no-render --no-references \
    --out "$sketches/$1/$(slug "$2")-s$3" >/dev/null || echo "sketch failed: '$2' seed $3" >&2
}
echo "writing sketches into $sketches ..." >&2
# Each prompt gets seeds of its own (1000 × S + its line number): a piece's first draws set its habits
# (how much it develops its motif, how it breathes), so one --seed shared by every prompt would give the
# whole list the same habits, and 90 sketches would hold only three draws of them.
line=0
while IFS= read -r prompt; do
  [ -n "$prompt" ] || continue
  line=$((line + 1))
  for seed in $seeds; do
    write b8 "$prompt" "$((seed * 1000 + line))" 8
    write b16 "$prompt" "$((seed * 1000 + line))" 16
  done
done <"$here/prompts.txt"
for prompt in "calm rainy sunday morning, gentle and nostalgic" "happy sunny afternoon, upbeat pop"; do
  seed=1
  while [ "$seed" -le 20 ]; do
    write seeds20 "$prompt" "$seed" 16
    seed=$((seed + 1))
  done
done

# The mood the sketches convey, read back by the symbolic analysis (`moodsketch analyze`), so a change
# that improves the music but loses the prompt's emotion shows up in the same report.
ls "$sketches"/b8/*/sketch.mid | tr "\n" "\0" | xargs -0 "$bin" analyze --json --jobs 2 \
  >"$sketches/b8-analysis.json" || echo "some sketches failed to analyse" >&2

(cd "$here" && "$python" quality.py report "$corpus" "$sketches") | tee "$out/quality-$label.txt"
