#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (release, AddressSanitizer) and runs each for a fixed number of
# executions, one after another, from seed corpora drawn from ../shared/data. Seeds, the corpus libFuzzer
# grows and any crash input live in a temporary folder outside the repository (printed at the end).
#
#   Scripts/fuzz.sh [EXECUTIONS] [TARGET...]     default 1000000 executions, every target
#
# Prints one line per target: executions, seconds, crashes. Exits 1 when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
shift || true
data="$(cd .. && pwd)/shared/data"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzChordSymbols FuzzRomanNumerals FuzzKeysAndMeters FuzzMoodPrompt FuzzMIDIFile FuzzEventFile FuzzCSV)
fi
[ -d "$data" ] || { echo "fuzz.sh: $data not found; seeds come from ../shared/data" >&2; exit 66; }

work="$(mktemp -d "${TMPDIR:-/tmp}/moodsketch-fuzz.XXXXXX")"
echo "building the fuzz targets (release, -sanitize=fuzzer,address)…" >&2
swift build -c release --package-path Fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }
bin="$(swift build -c release --package-path Fuzz --show-bin-path \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)"

# One seed file per line of `lines` input (short parser inputs), at most $2 of them, unique.
seed_lines() {
  local dir="$1" limit="$2" n=0
  mkdir -p "$dir"
  sort -u | head -n "$limit" | while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" >"$dir/seed-$n"
  done
}

# Seed files: the first 4 KiB of each named file.
seed_heads() {
  local dir="$1" n=0
  mkdir -p "$dir"
  while IFS= read -r file; do
    n=$((n + 1))
    head -c 4096 "$file" >"$dir/seed-$n"
  done
}

seeds() {
  local target="$1" dir="$work/corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    FuzzMIDIFile)
      find "$data/pop909" "$data/nottingham" "$data/groove_midi" "$data/vgmidi" -name '*.mid' -size -8k \
        2>/dev/null | sort | head -n 300 | while IFS= read -r f; do cp "$f" "$dir/"; done ;;
    FuzzCSV)
      find "$data" -name '*.csv' -size -2M 2>/dev/null | sort | head -n 100 | seed_heads "$dir" ;;
    FuzzEventFile)
      { find "$data/lastfm_hetrec2011" -name '*.dat'
        find "$data" -name '*.tsv' -size -2M 2>/dev/null | sort | head -n 50; } | seed_heads "$dir" ;;
    FuzzChordSymbols)
      { find "$data/jazz_chord_progressions/SongDB" -name '*.txt' -exec grep -ohE '(^| )[A-G][^ |]*' {} + \
          | tr -d ' '
        find "$data/mcgill_billboard" -name '*.lab' -exec awk '{print $3}' {} +; } | seed_lines "$dir" 2000 ;;
    FuzzRomanNumerals)
      find "$data/when_in_rome" -name 'analysis.txt' | head -n 200 | xargs grep -hE '^m[0-9]' \
        | tr ' ' '\n' | grep -E '^[#b]*([iIvV]+|N|It|Ger|Fr)' | seed_lines "$dir" 2000 ;;
    FuzzKeysAndMeters)
      { find "$data/when_in_rome" -name 'analysis.txt' | head -n 300 | xargs grep -hE '^Time Signature' \
          | sed 's/^Time Signature: *//'
        find "$data/when_in_rome" -name 'analysis.txt' | head -n 300 | xargs grep -hoE ' [A-Ga-g][#b-]?:' \
          | tr -d ' :'
        find "$data/jazz_chord_progressions/SongDB" -name '*.txt' -exec grep -hE '^(DBKeySig|TimeSig)' {} + \
          | sed 's/^[A-Za-z]* = //; s/ /\//'; } | seed_lines "$dir" 1000 ;;
    FuzzMoodPrompt)
      { cut -f2 "$data/lastfm_hetrec2011/tags.dat" 2>/dev/null | head -n 1500
        grep -hoE '"[^"]{3,60}"' README.md | tr -d '"' | head -n 200; } | seed_lines "$dir" 2000 ;;
  esac
}

status=0
printf '%-18s %10s %8s %7s\n' target executions seconds crashes
for target in "${targets[@]}"; do
  # Seed pipelines end early on purpose (head), which pipefail would count as failures.
  seeds "$target" 2>/dev/null || true
  mkdir -p "$work/crashes/$target"
  start=$(date +%s)
  set +e
  # Input sizes a parser meets in practice: a whole small MIDI file, a page of a table, one short string.
  case "$target" in
    FuzzMIDIFile) max_len=4096 ;;
    FuzzCSV | FuzzEventFile) max_len=1024 ;;
    *) max_len=256 ;;
  esac
  "$bin/$target" "$work/corpus/$target" -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$work/crashes/$target/" >"$work/$target.log" 2>&1
  code=$?
  set -e
  seconds=$(($(date +%s) - start))
  executions=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$work/$target.log" | grep -oE '[0-9]+$' || echo 0)
  crashes=$(find "$work/crashes/$target" -type f | wc -l)
  printf '%-18s %10s %8s %7s\n' "$target" "${executions:-0}" "$seconds" "$crashes"
  if [ "$code" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    echo "  $target failed (exit $code); log: $work/$target.log, inputs: $work/crashes/$target" >&2
  fi
done
echo "seeds, corpora, logs and crash inputs: $work" >&2
exit $status
