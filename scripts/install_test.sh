#!/usr/bin/env bash
# Install test: `cmake --install` of the release build into a temporary prefix, the prefix
# moved elsewhere (so no path of the build or the install can be compiled in), then the moved
# binary, started from another working directory with FRONTLINE_DATA unset, runs the main job
# on the seeds; its outputs must equal the build tree's binary's on the same inputs, byte for
# byte. Then `frontline serve` from the moved prefix serves a tile, an on-demand tile and the
# page; a binary copied away from its data fails with a message naming FRONTLINE_DATA.
#   INSTALL_TEST_ZOOM  zoom range of the runs (default 5-7)
# Builds build/release (the frontline target) if needed. Prints "N passed, M failed".
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
make_tmp install-test
unset FRONTLINE_DATA FRONTLINE_LEXICON

ok() { pass; echo "ok   $*"; }
build="$here/build/release"
seeds="$here/../shared/seeds"
zoom=${INSTALL_TEST_ZOOM:-5-7}
[ -d "$seeds" ] || die "no seed articles in $seeds"

echo "== build (release, the frontline target)" >&2
if [ ! -f "$build/CMakeCache.txt" ]; then
  (cd "$here" && cmake --preset release -G Ninja >/dev/null) || die "cannot configure $build"
fi
cmake --build "$build" --target frontline -j "$(nproc)" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log" >&2; die "build failed"; }

echo "== cmake --install, then move the prefix" >&2
if cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1; then ok "install"
else cat "$tmp/install.log" >&2; fail "cmake --install"; summary; exit 1; fi
mkdir -p "$tmp/elsewhere"
mv "$tmp/prefix" "$tmp/elsewhere/frontline"
prefix="$tmp/elsewhere/frontline"
inst="$prefix/bin/frontline"
share="$prefix/share/frontline"
for f in gazetteer/curated.tsv gazetteer/words.tsv lexicon/triggers.tsv styles/control.json styles/changes.json \
  styles/overlay.json styles/palette.json data/baseline/2024-11-26.tsv data/boundaries/syria_admin1.geojson \
  web/index.html web/app.js web/node_modules/leaflet/dist/leaflet.js; do
  if [ -f "$share/$f" ]; then pass; else fail "not installed: share/frontline/$f"; fi
done
# The build tree's own path must not be in the binary (the data are found at run time).
if grep -qF "$here/" "$inst"; then fail "the installed binary holds the source path $here"
else ok "no source path in the installed binary"; fi

echo "== frontline run --zoom $zoom: build tree and moved install" >&2
mkdir -p "$tmp/cwd"
cd "$tmp/cwd" || die "cd $tmp/cwd"
run_args=(run "$seeds" --zoom "$zoom" --progress quiet)
if ! "$build/frontline" "${run_args[@]}" --out "$tmp/out-build" >"$tmp/run-build.log" 2>&1; then
  cat "$tmp/run-build.log" >&2
  fail "the build tree's run failed"
fi
if "$inst" "${run_args[@]}" --out "$tmp/out-inst" >"$tmp/run-inst.log" 2>&1; then
  ok "the moved install runs"
else
  cat "$tmp/run-inst.log" >&2
  fail "the moved install's run failed"
fi
if [ -f "$tmp/out-inst/index.html" ] && [ -f "$tmp/out-inst/web/leaflet/leaflet.js" ]; then
  ok "the moved install writes the page and its Leaflet"
else
  fail "no page from the moved install"
fi
# Every output equal, byte for byte (same_outputs leaves out only the lock file and the purge
# lists; nothing in the outputs names the program's or its data's directory).
if same_outputs "$tmp/out-build" "$tmp/out-inst"; then ok "outputs equal the build tree's"
else fail "outputs differ from the build tree's: $(output_changes "$tmp/out-build" "$tmp/out-inst")"; fi
if cmp -s "$tmp/run-build.log" "$tmp/run-inst.log"; then ok "same messages"
else fail "the messages differ: $(diff "$tmp/run-build.log" "$tmp/run-inst.log" | head -5)"; fi

echo "== data not found, and FRONTLINE_DATA" >&2
mkdir -p "$tmp/lonely/bin"
cp "$inst" "$tmp/lonely/bin/frontline"
msg=$("$tmp/lonely/bin/frontline" gazetteer lookup Aleppo 2>&1 >/dev/null)
rc=$?
if [ "$rc" -eq 1 ] && grep -q "FRONTLINE_DATA" <<<"$msg" && grep -qF "$tmp/lonely/share/frontline" <<<"$msg"; then
  ok "missing data: exit 1, names the directory and FRONTLINE_DATA"
else
  fail "missing data: exit $rc, message: $msg"
fi
if FRONTLINE_DATA=$share "$tmp/lonely/bin/frontline" gazetteer lookup Aleppo >"$tmp/lookup" 2>&1 &&
  grep -q . "$tmp/lookup"; then
  ok "FRONTLINE_DATA names the data"
else
  fail "FRONTLINE_DATA=$share: $(head -3 "$tmp/lookup")"
fi
msg=$(FRONTLINE_DATA="$tmp/nothing" "$inst" gazetteer lookup Aleppo 2>&1 >/dev/null)
if grep -qF "$tmp/nothing" <<<"$msg"; then ok "a wrong FRONTLINE_DATA is named"
else fail "FRONTLINE_DATA=$tmp/nothing: $msg"; fi

echo "== frontline serve from the moved prefix" >&2
bin=$inst
if start_serve "$tmp/serve.log" --data "$tmp/out-inst" --listen 127.0.0.1:0 --render-maxzoom 9 \
  --threads 2 --render-threads 2; then
  S="http://$serve_addr"
  tile=$(cd "$tmp/out-inst/tiles/control" && find . -name '*.png' ! -name '*@2x.png' | sort | sed -n 1p)
  tile=${tile#./}
  code=$(curl -s --max-time 30 -o "$tmp/tile.png" -w '%{http_code}' "$S/tiles/control/$tile")
  if [ "$code" = 200 ] && cmp -s "$tmp/tile.png" "$tmp/out-inst/tiles/control/$tile"; then
    ok "serve: a tile"
  else
    fail "serve: tile control/$tile: $code"
  fi
  # One zoom deeper than the run: rendered on demand with the installed style and boundaries.
  z=${zoom#*-}
  z=$((z + 1))
  n=$((1 << z))
  ondemand="$z/$((n * 386 / 640))/$((n * 251 / 640)).png"  # Aleppo: 37.16 E, 36.20 N
  code=$(curl -s --max-time 60 -o "$tmp/od.png" -w '%{http_code} %{content_type}' "$S/tiles/control/$ondemand")
  if [ "$code" = "200 image/png" ]; then ok "serve: an on-demand tile"
  else fail "serve: on-demand tile control/$ondemand: $code"; fi
  code=$(curl -s --max-time 30 -o "$tmp/page.html" -w '%{http_code}' "$S/")
  if [ "$code" = 200 ] && grep -q 'leaflet' "$tmp/page.html"; then ok "serve: the page"
  else fail "serve: the page: $code"; fi
  code=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' "$S/web/leaflet/leaflet.js")
  if [ "$code" = 200 ]; then ok "serve: Leaflet"; else fail "serve: web/leaflet/leaflet.js: $code"; fi
  kill "$serve_pid" 2>/dev/null
else
  fail "frontline serve did not start from the moved prefix"
fi

summary
