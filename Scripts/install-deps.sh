#!/usr/bin/env bash
# Installs the Debian packages moodsketch needs to build, test and make sound.
# Used by the README's set-up command and by .ci/run, so the list lives in one place.
set -euo pipefail

packages=(
  # C libraries the Swift targets link (see Package.swift's system-library targets)
  libsndfile1-dev libfftw3-dev libfluidsynth-dev libsoxr-dev libebur128-dev libsqlite3-dev pkg-config
  # FFmpeg's demuxers and decoders, for M4A/MP4 (AAC, ALAC), WMA, WebM/MKA, APE, WavPack (Sources/CAVFormat)
  libavformat-dev libavcodec-dev libswresample-dev
  # A General MIDI SoundFont for rendering (found in /usr/share/sounds/sf2/)
  fluid-soundfont-gm
  # Real recorded music under free licences: the default reference catalog and audio tests
  # (Sources/Catalog/DefaultCatalog.swift lists each package's folder and licence)
  asc-music singularity-music wesnoth-1.16-music extremetuxracer-data lincity-ng-data
  # Independent peers that tests compare with: mido parses our MIDI, the fluidsynth CLI renders the same file,
  # the ffmpeg CLI encodes the M4A, WMA and WebM files the decoding tests read
  python3-mido fluidsynth ffmpeg
  # For the music21 venv below (music21 reads our MusicXML back in NotationTests)
  python3-venv
  # Validates the JSON output against docs/schema/ in the tests
  python3-jsonschema
  # Used by the benchmark scripts
  bc time
)

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"

# music21 is not packaged by Debian: NotationTests find it in this git-ignored venv (or skip, saying why).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! "$root/.venv-music21/bin/python" -c "import music21" 2>/dev/null; then
  python3 -m venv "$root/.venv-music21"
  "$root/.venv-music21/bin/pip" install -q music21
fi
