#!/usr/bin/env bash
# Reruns into one output directory (issue 17): after any sequence of runs, out/ must equal a
# clean run of the last inputs into a fresh directory, byte for byte; what the last run does
# not produce (days, layers, tiles, figures) must be gone; a run that fails late (after it has
# written tiles) must leave the previous out/ byte-identical. Clean runs are --no-incremental.
# The other inputs are a subset of the seed articles, linked into a temporary directory.
# Prints one line per case and "N passed, M failed".
#   scripts/rerun_test.sh [FRONTLINE_BIN]
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/ci/frontline}
seeds=$here/../shared/seeds
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(--zoom 5-8 -j 2)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "rerun_test: ok: $*"; }
bad() { failed=$((failed + 1)); echo "rerun_test: FAIL: $*" >&2; }
run() {  # run OUT ARTICLES [options]: a run that must succeed
  local out=$1
  shift
  "$bin" run "$@" "${args[@]}" --out "$out" 2>>"$work/log" || { bad "run into $out failed: $(tail -2 "$work/log")"; return 1; }
}
# The lock holds the last run's pid. The purge lists say what changed since the previous run
# in that directory, so they rightly differ from a clean run's; they are checked apart below.
differs() { diff -r -x .frontline.lock -x '*.changed' "$1" "$2" | head -5; }

# A subset of the seeds: the three articles published 2024-11-30 (five days, not nine).
subset=$work/in-subset
mkdir -p "$subset"
head -1 "$seeds/manifest.tsv" >"$subset/manifest.tsv"
awk -F'\t' 'NR > 1 && $2 == "2024-11-30"' "$seeds/manifest.tsv" >>"$subset/manifest.tsv"
cut -f1 "$subset/manifest.tsv" | tail -n +2 | while read -r f; do ln -s "$seeds/$f" "$subset/$f"; done

# The clean runs draw every tile (--no-incremental: no tile reused, from an earlier run or
# from another layer of the same run).
run "$work/clean" "$seeds" --no-incremental || exit 1
run "$work/clean-subset" "$subset" --no-incremental || exit 1

# Every tile whose bytes differ between two outputs (or exists in only the second), as the
# purge lists write them: <layer>/z/x/y[@2x].png.
changed_tiles() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import os, sys
def tiles(root):
    out = {}
    base = os.path.join(root, "tiles")
    for layer in os.listdir(base):
        d = os.path.join(base, layer)
        if not os.path.isdir(d):
            continue
        for r, _, fs in os.walk(d):
            for f in fs:
                if f.endswith(".png"):
                    p = os.path.join(r, f)
                    out[os.path.relpath(p, base)] = open(p, "rb").read()
    return out
a, b = tiles(sys.argv[1]), tiles(sys.argv[2])
for k in sorted(b):
    if a.get(k) != b[k]:
        print(k)
PY
}
listed_tiles() { cat "$1"/tiles/*.changed | sort; }

# 1. Other inputs first, then the seeds: equal to the clean run of the seeds, and the purge
#    lists name exactly the tiles whose bytes changed.
out=$work/out
run "$out" "$subset" && cp -a "$out" "$work/before"
if run "$out" "$seeds"; then
  d=$(differs "$work/clean" "$out")
  if [ -z "$d" ]; then ok "subset then seeds equals a clean run of the seeds"; else bad "subset then seeds differs from a clean run: $d"; fi
  if [ "$(changed_tiles "$work/before" "$out" | sort)" = "$(listed_tiles "$out")" ]; then
    ok "the purge lists name exactly the $(listed_tiles "$out" | wc -l) tiles that changed"
  else
    bad "purge lists: $(diff <(changed_tiles "$work/before" "$out" | sort) <(listed_tiles "$out") | head -5)"
  fi
fi

# 2. The same inputs again: an unchanged incremental rerun equals the clean run, and lists
#    no changed tile.
if run "$out" "$seeds"; then
  d=$(differs "$work/clean" "$out")
  if [ -z "$d" ]; then ok "unchanged rerun equals a clean run"; else bad "unchanged rerun differs: $d"; fi
  if [ -z "$(listed_tiles "$out")" ]; then ok "unchanged rerun lists no changed tile"; else bad "unchanged rerun lists $(listed_tiles "$out" | wc -l) changed tiles"; fi
fi

# 3. Fewer days: the seeds (nine days), then the subset (five). The days after 2024-11-30 are
#    gone from control/, tiles/, the figures and the page; the rest equals a clean run.
if run "$out" "$subset"; then
  d=$(differs "$work/clean-subset" "$out")
  if [ -z "$d" ]; then ok "seeds then subset equals a clean run of the subset"; else bad "seeds then subset differs: $d"; fi
  stale=$( { ls "$out/control" "$out/tiles"; } | grep -E '2024-12-0[1-4]')
  if [ -z "$stale" ] && ! grep -q '2024-12-0[1-4]"' "$out/web/data.js" 2>/dev/null; then
    ok "the later days are gone (control/, tiles/, web/data.js)"
  else bad "stale days left: $(head -3 <<<"$stale")"; fi
fi

# 4. A run that fails late: an overlay style read only after every other layer's tiles are
#    written (a style folder whose overlay.json is broken). The previous out/ stays the same
#    bytes, and nothing of the failed run is left behind.
styles=$work/styles
cp -r "$here/styles" "$styles"
printf '{"version": 8, "layers": [{"id": "x", "type": "heatmap"}]}\n' >"$styles/overlay.json"
cp -a "$out" "$work/snapshot"
err=$("$bin" run "$seeds" "${args[@]}" --style "$styles/control.json" --out "$out" 2>&1 >/dev/null); rc=$?
if [ "$rc" -ne 1 ]; then bad "late failure: exit $rc, expected 1: $(tail -2 <<<"$err")"
elif ! grep -q 'tiles: control-2024-12-04' <<<"$err"; then bad "late failure: the run failed before writing tiles: $(tail -2 <<<"$err")"
elif d=$(diff -r -x .frontline.lock "$work/snapshot" "$out" | head -5); [ -n "$d" ]; then bad "late failure changed out/: $d"
elif [ -n "$(find "$out" -name '*.frontline-tmp.*' -print -quit)" ] || [ -e "$out/.frontline-next" ]; then
  bad "late failure left files behind: $(find "$out" -name '*.frontline-tmp.*' | head -3)"
else ok "a run failing late ($(grep -m1 ' error' <<<"$err")) leaves out/ byte-identical"; fi

echo "rerun_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
