#!/bin/sh
# Writes reference.json: librosa's mel spectrogram, MFCC and chroma for a few short analytic signals,
# which Tests/AnalysisTests/LibrosaAgreementTests.swift compares our descriptors against.
# Needs python3 (3.9+). Makes a venv Scripts/.venv-librosa with librosa on first run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/../.venv-librosa"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'librosa>=0.10,<0.12'
fi
"$venv/bin/python" "$here/make.py" "$here/reference.json"
