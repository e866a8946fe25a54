#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60).
# Seed corpora come from the repository's own fixtures and the seed articles; crash inputs
# kept in fuzz/regressions/<target>/ are replayed first. Exit non-zero on any finding.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# FRONTLINE_FUZZ_MAX_LEN=BYTES lets inputs grow that large (libFuzzer -max_len), so deep
# nesting and long texts are tried (style and manifest limits).
# FRONTLINE_FUZZ_RUNS=N replaces the time limit by N executions from a fixed seed: the same
# inputs on every machine, so a run in the test suite passes or fails the same way each time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
seconds=${1:-60}
[ $# -gt 0 ] && shift
build=build/fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFRONTLINE_FUZZ=ON -DFRONTLINE_BUILD_TESTS=OFF -DFRONTLINE_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" >/dev/null

seed() {  # seed TARGET FILE...: copy fixtures into the target's working corpus
  local dir="$build/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")-$(cksum < "$f" | cut -d' ' -f1)"; done
  return 0
}
seeds=../shared/seeds
seed fuzz_article "$seeds"/*.txt
seed fuzz_events "$seeds"/*.txt
seed fuzz_manifest "$seeds/manifest.tsv"
head -c 4000 gazetteer/curated.tsv > "$build/curated-head.tsv"
head -c 4000 gazetteer/geonames_region.txt > "$build/geonames-head.txt"
seed fuzz_gazetteer "$build/curated-head.tsv" "$build/geonames-head.txt"
seed fuzz_style styles/*.json
# Sorted, so every machine starts from the same 20 images.
mapfile -t pngs < <(find tests -name '*.png' | LC_ALL=C sort | head -20)
seed fuzz_png "${pngs[@]}"
for extra in fuzz/seeds/*/; do  # targets that keep hand-written seeds
  [ -d "$extra" ] && seed "$(basename "$extra")" "$extra"*
done

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then  # every fuzz_* executable the build made
  for f in "$build"/fuzz/fuzz_*; do
    name=${f##*/}
    if [[ -f $f && -x $f && $name != *.* ]]; then targets+=("$name"); fi
  done
fi
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/artifacts" "fuzz/regressions/$t"
  log="$build/$t.log"
  if [ -n "${FRONTLINE_FUZZ_RUNS:-}" ]; then
    limit=(-runs="$FRONTLINE_FUZZ_RUNS" -seed=1)
  else
    limit=(-max_total_time="$seconds")
  fi
  if [ -n "${FRONTLINE_FUZZ_MAX_LEN:-}" ]; then limit+=(-max_len="$FRONTLINE_FUZZ_MAX_LEN"); fi
  if "$build/fuzz/$t" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/artifacts/$t-" "$build/corpus/$t" "fuzz/regressions/$t" >"$log" 2>&1; then
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $t ok, ${runs:-?} executions"
  else
    echo "fuzz: $t FAILED (see $log; the input is in $build/artifacts/; keep it in fuzz/regressions/$t/)"
    tail -30 "$log"
    failed=1
  fi
done
exit $failed
