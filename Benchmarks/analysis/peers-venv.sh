#!/bin/sh
# Prints the python of a venv with the analysis peers (librosa, pyloudnorm, Essentia from pip), making it
# on first use: Benchmarks/.venv-analysis, or ANALYSIS_VENV. Shared by Benchmarks/analysis/run.sh and
# Benchmarks/mood/sketch_renders.sh so that both time and compare the same peer versions.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="${ANALYSIS_VENV:-$root/Benchmarks/.venv-analysis}"
if ! "$venv/bin/python" -c 'import librosa, pyloudnorm, essentia' 2>/dev/null; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet 'librosa>=0.10,<0.12' pyloudnorm essentia >&2
fi
echo "$venv/bin/python"
