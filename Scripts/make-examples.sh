#!/usr/bin/env bash
# Regenerates Examples/: each folder gets its sketch (MIDI, MusicXML, SVG, JSON), a small Ogg render at
# -16 LUFS and a README with the exact commands and what the sketch printed.
# Usage: Scripts/make-examples.sh [MOODSKETCH_BINARY]   (default: .build/debug/moodsketch; build first)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/moodsketch}"
[[ -x "$bin" ]] || { echo "make-examples.sh: $bin is not built; run 'swift build' first" >&2; exit 66; }

# folder | sketch arguments (after the prompt)
examples=(
  "lofi-drive|bittersweet late-night drive, lo-fi|--seed 1"
  "happy-pop|happy sunny morning, pop|--seed 1"
  "sad-cinematic|sad lonely rainy night, piano|--seed 1"
  "epic-battle|triumphant epic battle|--seed 4 --bars 16"
  "jazz-club|smoky late-night jazz club|--seed 1"
  "irish-jig|lilting irish jig, joyful, 6/8|--seed 2"
  "dreamy-lydian|dreamy ambient space|--seed 3"
  "slow-blues|slow mournful blues|--seed 2"
  "reggae-sunset|easy reggae sunset|--seed 3"
  "trap-night|dark trap night drive|--seed 1"
  "own-chords|hopeful morning|--seed 1 --chords \"Am F ? G | C ? ? E7\""
  "journey-song|sad verse, joyful chorus|--seed 1"
  "indie-song|warm nostalgic summer evening, indie|--seed 5 --form song"
)

# readme DIR INTRO COMMAND RENDER_COMMAND PRINTED: the folder's README with the commands and their output.
readme() {
  {
    echo "# $(basename "$1")"
    echo
    echo "$2"
    echo
    echo '```'
    echo "$3"
    echo "$4"
    echo '```'
    echo
    echo "What it printed:"
    echo
    echo '```'
    echo "$5"
    echo '```'
  } >"$1/README.md"
}

for entry in "${examples[@]}"; do
  IFS='|' read -r name prompt args <<<"$entry"
  dir="Examples/$name"
  mkdir -p "$dir"
  rm -f "$dir"/sketch.*
  sketch_cmd="moodsketch sketch \"$prompt\" $args --out $dir --no-render --no-references"
  render_cmd="moodsketch render $dir/sketch.mid --out $dir/sketch.ogg --loudness -16"
  printed=$(eval "\"$bin\" sketch \"\$prompt\" $args --out \"\$dir\" --no-render --no-references")
  "$bin" render "$dir/sketch.mid" --out "$dir/sketch.ogg" --loudness -16 --quiet
  readme "$dir" "Made with (from the project root, after \`swift build\`; the shipped model and this seed give this
exact sketch.mid), or all examples at once with \`Scripts/make-examples.sh\`:" "$sketch_cmd" "$render_cmd" "$printed"
  echo "wrote $dir"
done

# Co-writing examples: another command on one of the sketches above (so no corpus data is copied in).
# folder | moodsketch arguments (before --out)
cowrites=(
  "harmonized-tune|harmonize Examples/happy-pop/sketch.mid \"gentle bossa nova\" --track Melody"
  "continued-draft|continue Examples/lofi-drive/sketch.mid --bars 8"
)
for entry in "${cowrites[@]}"; do
  IFS='|' read -r name args <<<"$entry"
  dir="Examples/$name"
  mkdir -p "$dir"
  rm -f "$dir"/sketch.*
  cmd="moodsketch $args --out $dir --no-render"
  render_cmd="moodsketch render $dir/sketch.mid --out $dir/sketch.ogg --loudness -16"
  printed=$(eval "\"$bin\" $args --out \"\$dir\" --no-render")
  "$bin" render "$dir/sketch.mid" --out "$dir/sketch.ogg" --loudness -16 --quiet
  readme "$dir" "Made with (from the project root, after \`swift build\` and the sketches above), or all examples
at once with \`Scripts/make-examples.sh\`:" "$cmd" "$render_cmd" "$printed"
  echo "wrote $dir"
done
