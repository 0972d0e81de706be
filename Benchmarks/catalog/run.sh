#!/usr/bin/env bash
# Catalog and reference-search benchmark (issue 4).
#
# 1. Exact top-10 reference search over synthetic but realistic catalogs of 100,000 and 1,000,000 tracks:
#    moodsketch's Float32 SIMD brute-force scan vs NumPy and scikit-learn (exact brute-force k-NN) on the
#    same vectors and queries, in the same run; moodsketch's answers are checked against an exact float64
#    search (must be identical). Also: memory, SQLite import throughput and load time.
# 2. Ingest throughput of real audio (the Debian packages asc-music and singularity-music) with 1 and 2 jobs.
#
# Usage: Benchmarks/catalog/run.sh [--quick]     (--quick: 100k only, 20 queries, import 20k rows)
# Needs: a release build (made here), python3 with venv (numpy, scikit-learn installed into
# Benchmarks/.venv-catalog), and for part 2 the Debian packages asc-music and singularity-music.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1

venv="$root/Benchmarks/.venv-catalog"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy scikit-learn
fi

# MOODSKETCH_BIN=path skips the build and uses that release binary.
if [[ -n "${MOODSKETCH_BIN:-}" ]]; then
  bin="$MOODSKETCH_BIN"
else
  # A separate scratch folder: a release build in the shared .build would hold its lock for minutes.
  scratch="$root/.build-catalog-release"
  if [[ ! -d "$scratch/checkouts" && -d "$root/.build/checkouts" ]]; then
    mkdir -p "$scratch" && cp -r "$root/.build/repositories" "$root/.build/checkouts" "$root/.build/workspace-state.json" "$scratch/"
  fi
  swift build -c release --product moodsketch --scratch-path "$scratch" >&2
  bin="$scratch/release/moodsketch"
fi
work="$(mktemp -d /tmp/moodsketch-catalog-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
results="$root/Benchmarks/results"
mkdir -p "$results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
report="$results/catalog-$stamp.jsonl"

if [[ $quick == 1 ]]; then sizes=(100000); queries=20; import=20000; else sizes=(100000 1000000); queries=100; import=0; fi
for rows in "${sizes[@]}"; do
  n_import=$import
  # Import through SQLite is the slow part; CATALOG_BENCH_IMPORT_MAX caps it (default: every row).
  [[ $quick == 0 ]] && n_import=$(( rows < ${CATALOG_BENCH_IMPORT_MAX:-1000000} ? rows : ${CATALOG_BENCH_IMPORT_MAX:-1000000} ))
  mkdir -p "$work/$rows"
  echo "== $rows rows: moodsketch" >&2
  "$bin" catalog benchmark --rows "$rows" --queries "$queries" --threads 2 \
    --import-rows "$n_import" --database "$work/$rows/catalog.sqlite" --out "$work/$rows" >&2
  rm -f "$work/$rows/catalog.sqlite"*
  echo "== $rows rows: NumPy / scikit-learn on the same vectors" >&2
  "$venv/bin/python" "$root/Benchmarks/catalog/knn_reference.py" "$work/$rows" | tee -a "$report"
done

echo "== real audio ingest (asc-music, singularity-music)" >&2
folders=()
for f in /usr/share/games/asc/music /usr/share/games/singularity/music; do [[ -d $f ]] && folders+=("$f"); done
if [[ ${#folders[@]} -gt 0 ]]; then
  files=$(find "${folders[@]}" -type f \( -name '*.ogg' -o -name '*.mp3' \) | wc -l)
  for jobs in 1 2; do
    db="$work/ingest-$jobs.sqlite"
    start=$(date +%s.%N)
    "$bin" catalog add "${folders[@]}" --jobs "$jobs" --catalog "$db" --json > "$work/ingest-$jobs.json"
    end=$(date +%s.%N)
    audio=$("$bin" catalog stats --catalog "$db" --json | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["totalDurationSeconds"])')
    "$venv/bin/python" - "$jobs" "$start" "$end" "$audio" "$files" <<'PY' | tee -a "$report"
import json, sys
jobs, start, end, audio, files = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
wall = end - start
print(json.dumps({"ingest_jobs": jobs, "files": files, "audio_minutes": round(audio / 60, 1), "wall_s": round(wall, 1),
                  "files_per_s": round(files / wall, 2), "audio_seconds_per_wall_second": round(audio / wall, 1)}))
PY
  done
else
  echo "asc-music / singularity-music not installed: skipping the real-audio ingest" >&2
fi
echo "results: $report" >&2
