#!/usr/bin/env bash
# Cross-checks the PMTiles archives of an output directory with the `pmtiles` npm package,
# installed (from the npm registry) into $FRONTLINE_CACHE/npm on first use.
#   scripts/pmtiles_check.sh [OUT_DIR]       (default: out)
#   scripts/pmtiles_check.sh --run           first a small main-job run (--zoom 5-8) into a
#                                            temporary directory, then its archives (test.sh)
#   FRONTLINE_BIN  the frontline binary for --run (default: build/ci/frontline, else release)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
make_tmp pmtiles-check
out=${1:-$here/out}
if [ "$out" = --run ]; then
  find_frontline
  out="$tmp/out"
  echo "== frontline run --zoom 5-8" >&2
  if ! timeout 900 "$bin" run "$here/../shared/seeds" --out "$out" --zoom 5-8 --progress quiet >"$tmp/run.log" 2>&1; then
    cat "$tmp/run.log" >&2
    die "the run failed"
  fi
fi
cache=${FRONTLINE_CACHE:-$HOME/.cache/frontline}/npm
if [ ! -f "$cache/node_modules/pmtiles/package.json" ]; then
  mkdir -p "$cache"
  npm install --silent --no-audit --no-fund --prefix "$cache" pmtiles@4 >/dev/null
fi
# ES module resolution starts from the script's directory: link the package next to a copy.
cp "$here/scripts/pmtiles_check.mjs" "$tmp/"
ln -s "$cache/node_modules" "$tmp/node_modules"
node "$tmp/pmtiles_check.mjs" "$out/tiles"
