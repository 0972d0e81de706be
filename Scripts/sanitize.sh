#!/usr/bin/env bash
# Runs the tests under Swift's sanitizers, each in its own build folder (.build-address, .build-thread) so the
# normal .build stays as it is.
#
#   Scripts/sanitize.sh address [FILTER]   AddressSanitizer: the whole suite, or the tests matching FILTER
#   Scripts/sanitize.sh thread [FILTER]    ThreadSanitizer: by default the tests of the parallel code (ALS, item-kNN
#                                          and evaluation threads, parallel analysis and ingest, two processes on
#                                          one catalog)
#   Scripts/sanitize.sh all                both, with the defaults
#
# Prints the wall time of each run; exits non-zero when a test fails or a sanitizer reports.
set -euo pipefail
cd "$(dirname "$0")/.."
# Leaks inside the toolchain's XCTest would fail every AddressSanitizer run; ours are still reported.
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
parallel_tests='ALSModelTests|NeighbourModelTests|EvaluationTests|CatalogIngestTests|BadInputTests|CatalogHardeningTests'

run() {
  local sanitizer="$1" filter="$2" start status
  start=$(date +%s)
  set +e
  if [ -n "$filter" ]; then
    swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" --filter "$filter"
  else
    swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer"
  fi
  status=$?
  set -e
  echo "sanitize.sh: $sanitizer${filter:+ ($filter)}: exit $status in $(($(date +%s) - start)) s" >&2
  return $status
}

case "${1:-all}" in
  address) run address "${2:-}" ;;
  thread) run thread "${2:-$parallel_tests}" ;;
  all) run address "" && run thread "$parallel_tests" ;;
  *) echo "usage: Scripts/sanitize.sh address|thread|all [FILTER]" >&2; exit 64 ;;
esac
