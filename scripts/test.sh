#!/usr/bin/env bash
# All tests: set-up if needed, format check, warnings-as-errors build with the full test
# suite, then the same suite under AddressSanitizer + UBSan.
#   FRONTLINE_SKIP_ASAN=1  skip the sanitizer build (quicker local runs)
#   FRONTLINE_SKIP_TSAN=1  skip the ThreadSanitizer build of the threaded tests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
"$here/scripts/setup.sh"

echo "== clang-format check" >&2
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src tests bench -name '*.[ch]pp')
clang-format --dry-run -Werror "${sources[@]}"

echo "== shellcheck scripts/*.sh" >&2
shellcheck scripts/*.sh

echo "== build (warnings as errors) and test" >&2
"$here/scripts/build.sh" ci
ctest --preset ci -j "$(nproc)"

if [ "${FRONTLINE_SKIP_ASAN:-0}" != 1 ]; then
  echo "== AddressSanitizer + UBSan build and test" >&2
  "$here/scripts/build.sh" asan
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j "$(nproc)"
fi

echo "== fuzzing: a short, deterministic run of every target (scripts/fuzz.sh)" >&2
FRONTLINE_FUZZ_RUNS="${FRONTLINE_FUZZ_RUNS:-20000}" "$here/scripts/fuzz.sh"

echo "== tile server behind nginx (scripts/serve_test.sh)" >&2
FRONTLINE_BIN="$here/build/ci/frontline" "$here/scripts/serve_test.sh"

echo "== PMTiles archives through Protomaps' reader (scripts/pmtiles_check.sh)" >&2
FRONTLINE_BIN="$here/build/ci/frontline" "$here/scripts/pmtiles_check.sh" --run

echo "== crash safety: SIGKILL at points through a run (scripts/kill_test.sh)" >&2
"$here/scripts/kill_test.sh" "$here/build/ci/frontline" 6

echo "== the web page in Chromium (scripts/browser_test.sh)" >&2
FRONTLINE_BIN="$here/build/ci/frontline" "$here/scripts/browser_test.sh"

echo "== bad input corpus through the command line (scripts/bad_input_test.sh)" >&2
"$here/scripts/bad_input_test.sh" "$here/build/ci/frontline"
"$here/scripts/rerun_test.sh" "$here/build/ci/frontline"  # reruns equal clean runs; all or nothing
"$here/scripts/install_test.sh"  # cmake --install, prefix moved: same outputs as the build tree, serves

if [ "${FRONTLINE_SKIP_TSAN:-0}" != 1 ]; then
  echo "== ThreadSanitizer: the threaded tests (tile rendering, server, render cache)" >&2
  "$here/scripts/build.sh" tsan
  ctest --preset tsan -j "$(nproc)"
fi
