#!/usr/bin/env bash
# Renders the same MIDI files with `moodsketch render` (libfluidsynth in-process) and with
# `fluidsynth -ni -F` (FluidSynth's own fast file renderer), same SoundFont, 44.1 kHz, 16-bit WAV,
# the same master gain (0.2, FluidSynth's default; no loudness normalisation on either side),
# several times each, and prints the median wall and CPU times and their ratio in one run.
#
#   Benchmarks/render/run.sh [RUNS] [MIDI...]
#
# Default MIDI: one POP909 song from ../shared/data (if present) and a 32-bar sketch that
# `moodsketch sketch` writes. Also times the README's 8-bar example end to end, warm (one untimed run
# first), without the catalog lookup: `sketch "bittersweet late-night drive, lo-fi"` (target < 0.5 s).
# moodsketch renders on every core (FluidSynth's synth.cpu-cores, same samples); the one-core render
# (`--jobs 1`) is timed too. The target is render >= 1.5x fluidsynth's speed. RUNS defaults to 5.
# Needs: fluidsynth, fluid-soundfont-gm (or MOODSKETCH_SOUNDFONT), /usr/bin/time.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-5}"
shift || true

soundfont="${MOODSKETCH_SOUNDFONT:-/usr/share/sounds/sf2/FluidR3_GM.sf2}"
[[ -f "$soundfont" ]] || { echo "no SoundFont at $soundfont; apt-get install fluid-soundfont-gm or set MOODSKETCH_SOUNDFONT" >&2; exit 66; }
command -v fluidsynth >/dev/null || { echo "fluidsynth is not installed; apt-get install fluidsynth" >&2; exit 69; }

echo "building release (swift build -c release --product moodsketch)…" >&2
swift build -c release --product moodsketch >/dev/null
bin="$root/.build/release/moodsketch"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

inputs=("$@")
if [[ ${#inputs[@]} -eq 0 ]]; then
  pop="$root/../shared/data/pop909/POP909/001/001.mid"
  [[ -f "$pop" ]] && inputs+=("$pop")
  # The sketch is timed end to end (compose + MIDI + render), then its MIDI is rendered like any other.
  "$bin" sketch "bittersweet late-night drive, lo-fi" --bars 32 --seed 1 --out "$work/sketch" --soundfont "$soundfont" --no-references >/dev/null
  inputs+=("$work/sketch/sketch.mid")
  sketch_times=()
  for ((i = 0; i <= runs; i++)); do
    rm -rf "$work/readme"
    s=$(date +%s.%N)
    "$bin" sketch "bittersweet late-night drive, lo-fi" --out "$work/readme" --soundfont "$soundfont" --no-references >/dev/null
    e=$(date +%s.%N)
    # The first run warms the page cache (binary, SoundFont) and is not counted.
    [[ $i -gt 0 ]] && sketch_times+=("$(echo "$e - $s" | bc -l)")
  done
fi

# Median of the arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command, appending "wall cpu" seconds to the named arrays.
measure() {
  local -n walls=$1 cpus=$2
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1
  read -r wall user sys <"$work/time"
  walls+=("$wall")
  cpus+=("$(echo "$user + $sys" | bc -l)")
}

duration() { soxi -D "$1" 2>/dev/null || python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes()/w.getframerate())" "$1"; }

printf '\nSoundFont: %s; %d runs each, alternating; load average %s\n' "$soundfont" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %9s | %21s | %21s | %21s | %14s | %s\n' "MIDI" "audio s" "moodsketch wall / cpu" "1 core wall / cpu" "fluidsynth wall / cpu" "ratio wall/cpu" "1-core ratio"
for midi in "${inputs[@]}"; do
  ms_wall=(); ms_cpu=(); one_wall=(); one_cpu=(); fs_wall=(); fs_cpu=()
  for ((i = 0; i < runs; i++)); do
    measure ms_wall ms_cpu "$bin" render "$midi" --out "$work/ms.wav" --soundfont "$soundfont" --sample-rate 44100 --bit-depth 16 --gain 0.2
    measure one_wall one_cpu "$bin" render "$midi" --out "$work/one.wav" --soundfont "$soundfont" --sample-rate 44100 --bit-depth 16 --gain 0.2 --jobs 1
    measure fs_wall fs_cpu fluidsynth -ni -g 0.2 -F "$work/fs.wav" -r 44100 "$soundfont" "$midi"
  done
  cmp -s "$work/ms.wav" "$work/one.wav" || echo "warning: the all-core and one-core renders of $midi differ" >&2
  mw=$(median "${ms_wall[@]}"); mc=$(median "${ms_cpu[@]}")
  ow=$(median "${one_wall[@]}"); oc=$(median "${one_cpu[@]}")
  fw=$(median "${fs_wall[@]}"); fc=$(median "${fs_cpu[@]}")
  seconds=$(duration "$work/ms.wav")
  printf '%-28s %9.1f | %9.2f / %9.2f | %9.2f / %9.2f | %9.2f / %9.2f | %5.2f / %5.2f | %5.2f\n' \
    "$(basename "$midi")" "$seconds" "$mw" "$mc" "$ow" "$oc" "$fw" "$fc" \
    "$(echo "$fw / $mw" | bc -l)" "$(echo "$fc / $mc" | bc -l)" "$(echo "$fw / $ow" | bc -l)"
done
echo "ratio = fluidsynth time / moodsketch time (above 1: moodsketch is faster; target 1.5 on wall time)"
printf 'load average after the runs: %s (%d cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
if [[ -n "${sketch_times+x}" && ${#sketch_times[@]} -gt 0 ]]; then
  printf 'moodsketch sketch, the README example (8 bars, compose + MIDI + WAV at -16 LUFS + JSON, no catalog lookup) end to end, warm: median %.2f s wall (target < 0.5 s)\n' "$(median "${sketch_times[@]}")"
fi
