#!/usr/bin/env bash
# Streams a generated table of ROWS (default 1,000,000) Spotify-style rows through `catalog import`, then lists
# the catalog in full and one page of it, and its stats, each under /usr/bin/time -v: wall time and peak RSS (issue 13, item 20).
#
#   Benchmarks/catalog/import-million.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/moodsketch-import.XXXXXX")"
trap 'rm -rf "$work"' EXIT
swift build -c release --product moodsketch >/dev/null
bin="$(swift build -c release --show-bin-path)/moodsketch"

# Columns like the Kaggle Spotify tracks tables; numbers from a fixed LCG so every run imports the same rows.
awk -v n="$rows" 'BEGIN {
  print "track_id,artists,album_name,track_name,popularity,duration_ms,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,track_genre"
  s = 12345
  for (i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648; v = s / 2147483648
    s = (s * 1103515245 + 12345) % 2147483648; e = s / 2147483648
    printf "id%07d,Artist %d,Album %d,\"Song %d, take %d\",%d,%d,%.3f,%.3f,%d,%.3f,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,genre%d\n",
      i, i % 5000, i % 20000, i, i % 7, i % 100, 120000 + (i % 240000), v, e, i % 12, -30 + 25 * v, i % 2,
      e / 10, 1 - e, v / 2, e / 3, v, 60 + 120 * e, i % 40
  }
}' >"$work/tracks.csv"
echo "table: $rows rows, $(du -h "$work/tracks.csv" | cut -f1)"

measure() {
  local label="$1"
  shift
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time" || { tail -5 "$work/time"; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time" | awk '{print $NF}')
  printf '%-34s %10s wall  %8.1f MB peak RSS\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

catalog="$work/catalog.sqlite"
measure "catalog import ($rows rows)" "$bin" catalog import "$work/tracks.csv" --catalog "$catalog"
measure "catalog list (all, to /dev/null)" "$bin" catalog list --catalog "$catalog"
measure "catalog list --limit 20 --offset end" "$bin" catalog list --catalog "$catalog" --limit 20 \
  --offset $((rows - 20))
measure "catalog stats (with quick_check)" "$bin" catalog stats --catalog "$catalog"
echo "catalog file: $(du -h "$catalog" | cut -f1)"
