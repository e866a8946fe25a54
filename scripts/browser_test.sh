#!/usr/bin/env bash
# End-to-end browser tests of the web page (out/index.html, out/embed.html): a small main-job
# run into a temporary directory, served over loopback by nginx (deploy/nginx/static.conf.in,
# the static tree) and by `frontline serve`, then web/test/browser.test.mjs in Debian's
# Chromium driven by playwright-core (web/package-lock.json). Also opens the page from file://.
#   FRONTLINE_BIN              the frontline binary (default: build/ci/frontline, else release)
#   BROWSER_TEST_ZOOM          zoom range of the test run (default 5-9)
#   FRONTLINE_ACCEPT_REFERENCE=1  accept a new reference screenshot (web/test/ref/)
#   FRONTLINE_WEB_ARTIFACTS    keep screenshots and diffs here (default: a temporary directory,
#                              kept and named on failure)
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${FRONTLINE_BIN:-}
if [ -z "$bin" ]; then
  bin="$here/build/ci/frontline"
  [ -x "$bin" ] || bin="$here/build/release/frontline"
fi
[ -x "$bin" ] || { echo "browser_test: no frontline binary ($bin); build first" >&2; exit 1; }
if [ ! -x /usr/bin/chromium ] || ! command -v nginx >/dev/null || [ ! -d "$here/web/node_modules/playwright-core" ]; then
  "$here/scripts/setup.sh"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/frontline-browser-test.XXXXXX")
artifacts=${FRONTLINE_WEB_ARTIFACTS:-$tmp/artifacts}
pids=()
status=1
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  if [ "$status" -ne 0 ] && [ -z "${FRONTLINE_WEB_ARTIFACTS:-}" ] && [ -d "$artifacts" ]; then
    keep=$(mktemp -d "${TMPDIR:-/tmp}/frontline-browser-artifacts.XXXXXX")
    cp -r "$artifacts/." "$keep/"
    echo "browser_test: screenshots and diffs kept in $keep" >&2
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 40000))
    port_free "$p" && { echo "$p"; return; }
  done
  echo "browser_test: no free port" >&2
  exit 1
}
wait_http() {
  for _ in $(seq 200); do
    curl -s -o /dev/null --max-time 1 "$1" && return 0
    sleep 0.1
  done
  return 1
}

out="$tmp/out"
zoom=${BROWSER_TEST_ZOOM:-5-9}
echo "== frontline run --zoom $zoom" >&2
if ! timeout 900 "$bin" run --out "$out" --zoom "$zoom" --progress quiet >"$tmp/run.log" 2>&1; then
  cat "$tmp/run.log" >&2
  exit 1
fi
[ -f "$out/index.html" ] || { cat "$tmp/run.log" >&2; echo "browser_test: the run wrote no index.html" >&2; exit 1; }

echo "== nginx (static tree)" >&2
S=$(free_port)
prefix="$tmp/nginx"
mkdir -p "$prefix/tmp"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@LISTEN@|127.0.0.1:$S|g" -e "s|@DATA@|$out|g" \
  -e "s|@DEPLOY@|$here/deploy/nginx|g" "$here/deploy/nginx/static.conf.in" >"$prefix/nginx.conf"
"$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off; user $(id -un) $(id -gn);" \
  2>>"$prefix/stderr.log" &
pids+=($!)
wait_http "http://127.0.0.1:$S/health" || { cat "$prefix/error.log" "$prefix/stderr.log" >&2; exit 1; }

echo "== frontline serve" >&2
"$bin" serve --data "$out" --listen 127.0.0.1:0 --threads 2 --render-threads 1 2>"$tmp/serve.log" &
serve_pid=$!
pids+=($serve_pid)
for _ in $(seq 300); do
  grep -q 'listening on' "$tmp/serve.log" && break
  kill -0 $serve_pid 2>/dev/null || break
  sleep 0.1
done
up=$(sed -n 's|.*listening on http://\([0-9.:]*\).*|\1|p' "$tmp/serve.log" | head -1)
[ -n "$up" ] || { cat "$tmp/serve.log" >&2; exit 1; }

echo "== browser tests (Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))" >&2
mkdir -p "$artifacts"
FRONTLINE_WEB_OUT="$out" FRONTLINE_WEB_ARTIFACTS="$artifacts" \
  FRONTLINE_WEB_BASES="nginx=http://127.0.0.1:$S,serve=http://$up" \
  node --test --test-concurrency=1 --test-reporter=spec "$here/web/test/"
status=$?
exit $status
