#!/usr/bin/env bash
# Excerpt -> own track through FFmpeg: the middle 30 s (tracks of 60 s or more) and 15 s (30 s or more) of
# every default-catalog track, encoded by the ffmpeg CLI as AAC at 96 kb/s in M4A (as a phone or a
# streaming export gives them), looked up with `references --k 1` in the default catalog. The same rule and
# cut as ExcerptMatchTests, whose WAV / 22,050 Hz / low-quality Vorbis forms the README's table lists.
#
#   Benchmarks/catalog/excerpts-aac.sh
#
# Needs: the ffmpeg CLI, the default catalog's Debian packages, a default catalog (the first `references`
# makes it). MOODSKETCH_BIN=path uses that binary instead of a release build. Prints each miss and the
# top-1 shares.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${MOODSKETCH_BIN:-}" ]; then
  swift build -c release --product moodsketch >/dev/null
  bin="$(swift build -c release --show-bin-path)/moodsketch"
else
  bin="$MOODSKETCH_BIN"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/moodsketch-excerpts.XXXXXX")"
trap 'rm -rf "$work"' EXIT

declare -A tried=([30]=0 [15]=0) found=([30]=0 [15]=0)
for folder in /usr/share/games/asc/music /usr/share/games/singularity/music \
  /usr/share/games/wesnoth/1.16/data/core/music /usr/share/games/etr/music; do
  [ -d "$folder" ] || continue
  for track in "$folder"/*.ogg "$folder"/*.mp3; do
    [ -f "$track" ] || continue
    duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$track")
    for length in 30 15; do
      awk -v d="$duration" -v l="$length" 'BEGIN { exit !(d >= 2 * l) }' || continue
      start=$(awk -v d="$duration" -v l="$length" 'BEGIN { printf "%.2f", d / 2 - l / 2 }')
      excerpt="$work/excerpt-$length.m4a"
      ffmpeg -loglevel error -y -ss "$start" -t "$length" -i "$track" -c:a aac -b:a 96k "$excerpt"
      top=$("$bin" references "$excerpt" --k 1 --json 2>/dev/null |
        python3 -c 'import json, sys; r = json.load(sys.stdin)["references"]; print(r[0]["path"] if r else "")')
      tried[$length]=$((tried[$length] + 1))
      if [ "$top" = "$track" ]; then
        found[$length]=$((found[$length] + 1))
      else
        echo "miss at $length s: $(basename "$track") -> $(basename "$top")"
      fi
    done
  done
done
for length in 30 15; do
  awk -v f="${found[$length]}" -v t="${tried[$length]}" -v l="$length" \
    'BEGIN { printf "%s s AAC excerpts: own track first for %d of %d (%.0f %%)\n", l, f, t, t ? 100 * f / t : 0 }'
done
