#!/usr/bin/env bash
# Cross-checks the PMTiles archives of an output directory with the `pmtiles` npm package,
# installed (from the npm registry) into $FRONTLINE_CACHE/npm on first use.
#   scripts/pmtiles_check.sh [OUT_DIR]       (default: out)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/out}
cache=${FRONTLINE_CACHE:-$HOME/.cache/frontline}/npm
if [ ! -f "$cache/node_modules/pmtiles/package.json" ]; then
  mkdir -p "$cache"
  npm install --silent --no-audit --no-fund --prefix "$cache" pmtiles@4 >/dev/null
fi
# ES module resolution starts from the script's directory: link the package next to a copy.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/scripts/pmtiles_check.mjs" "$work/"
ln -s "$cache/node_modules" "$work/node_modules"
node "$work/pmtiles_check.mjs" "$out/tiles"
