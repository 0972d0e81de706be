#!/usr/bin/env bash
# Recommendation benchmark: moodsketch's models against the `implicit` library (0.7, ALS and BPR) on the same
# seeded per-user split of Last.fm HetRec 2011, all lists scored by moodsketch's own metric code.
#
#   Benchmarks/recommend/run.sh [SPLIT_SEED]
#
# Needs: the data in ../shared/data/lastfm_hetrec2011, python3 with venv (Debian: python3-venv), network for
# the first `pip install implicit`; valgrind (optional) for the instruction count of our ALS training.
# Env: MOODSKETCH_BIN to use an already built binary; ALS_RUNS (default 7) interleaved ALS timing runs each;
# ALS_CALLGRIND=0 to skip the callgrind count.
set -euo pipefail
cd "$(dirname "$0")/../.."
seed="${1:-1}"
data="../shared/data/lastfm_hetrec2011"
out="Benchmarks/results/recommend"
venv="Benchmarks/.venv-recommend"
mkdir -p "$out"

[ -f "$data/user_artists.dat" ] || { echo "run.sh: $data is missing; it holds the Last.fm HetRec 2011 files" >&2; exit 66; }

if [ -z "${MOODSKETCH_BIN:-}" ]; then
  swift build -c release --product moodsketch >&2
  MOODSKETCH_BIN="$(swift build -c release --show-bin-path)/moodsketch"
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'implicit==0.7.*'
fi

models="pop,userknn,userknn-pearson,itemknn,als,bpr,content,hybrid"
echo "training and scoring ours (1 thread) …" >&2
"$MOODSKETCH_BIN" evaluate --dataset lastfm-hetrec "$data" --split "$seed" --models "$models" --threads 1 \
  --write-split "$out" --write-recommendations "$out/ours.tsv" --json > "$out/ours.json"
echo "ALS again on 2 threads …" >&2
"$MOODSKETCH_BIN" evaluate --train "$out/train.tsv" --test "$out/test.tsv" --models als --threads 2 --json \
  > "$out/ours-threads.json"
echo "training implicit (1 thread) …" >&2
"$venv/bin/python" Benchmarks/recommend/implicit_baseline.py "$out" "$out/implicit.tsv" "$out/implicit-times.json"
# Training time alone, the issue-5 target: both single-threaded, interleaved (ours, theirs, ours, …) so that load
# from other jobs on a shared machine hits both alike; medians and their ratio go to als-timing.md.
runs="${ALS_RUNS:-7}"
echo "timing ALS training, ours and implicit's, $runs interleaved single-threaded runs each …" >&2
times="$out/als-times.txt"
: > "$times"
for _ in $(seq "$runs"); do
  "$MOODSKETCH_BIN" evaluate --train "$out/train.tsv" --test "$out/test.tsv" --models als --threads 1 --json \
    | python3 -c 'import json, sys; m = json.load(sys.stdin)["models"][0]; print("ours", m["trainingSeconds"], m["trainingCPUSeconds"])' \
    >> "$times"
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$venv/bin/python" Benchmarks/recommend/implicit_als_time.py \
    "$out/train.tsv" >> "$times"
done
# Instructions executed by our ALS training (inclusive cost of ALSModel's training initialiser): unlike seconds,
# this does not move with the machine's load. About a minute under valgrind; ALS_CALLGRIND=0 skips it.
ir=""
if [ "${ALS_CALLGRIND:-1}" = 1 ] && command -v valgrind > /dev/null; then
  echo "counting ALS instructions under callgrind …" >&2
  valgrind --tool=callgrind --callgrind-out-file="$out/als.callgrind" "$MOODSKETCH_BIN" evaluate \
    --train "$out/train.tsv" --test "$out/test.tsv" --models als --threads 1 --json > /dev/null 2> "$out/als.callgrind.log"
  ir="$(callgrind_annotate --inclusive=yes "$out/als.callgrind" 2> /dev/null \
    | awk '/ALSModelV8training/ { gsub(",", "", $1); if ($1 + 0 > best) best = $1 + 0 } END { if (best) printf "%.0f\n", best }')"
fi
python3 Benchmarks/recommend/als_timing.py "$times" "$ir" | tee "$out/als-timing.md"
echo "scoring implicit's lists with our metrics …" >&2
"$MOODSKETCH_BIN" evaluate --train "$out/train.tsv" --test "$out/test.tsv" --models pop --threads 1 \
  --score "$out/implicit.tsv" --json > "$out/theirs.json"
python3 Benchmarks/recommend/table.py "$out/ours.json" "$out/ours-threads.json" "$out/theirs.json" \
  "$out/implicit-times.json" "$seed" | tee "$out/table.md"
