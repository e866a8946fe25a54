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
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
find_frontline
if [ ! -x /usr/bin/chromium ] || ! command -v nginx >/dev/null || [ ! -d "$here/web/node_modules/playwright-core" ]; then
  "$here/scripts/setup.sh"
fi

make_tmp browser-test
artifacts=${FRONTLINE_WEB_ARTIFACTS:-$tmp/artifacts}
status=1
# Called on exit by lib.sh's cleanup, through exit_hooks (which shellcheck cannot follow).
# shellcheck disable=SC2317
keep_artifacts() {  # on failure, before the temporary directory goes
  if [ "$status" -ne 0 ] && [ -z "${FRONTLINE_WEB_ARTIFACTS:-}" ] && [ -d "$artifacts" ]; then
    local keep
    keep=$(mktemp -d "${TMPDIR:-/tmp}/frontline-browser-artifacts.XXXXXX")
    cp -r "$artifacts/." "$keep/"
    echo "browser_test: screenshots and diffs kept in $keep" >&2
  fi
}
exit_hooks+=(keep_artifacts)

out="$tmp/out"
zoom=${BROWSER_TEST_ZOOM:-5-9}
echo "== frontline run --zoom $zoom" >&2
if ! timeout 900 "$bin" run "$here/../shared/seeds" --out "$out" --zoom "$zoom" --progress quiet >"$tmp/run.log" 2>&1; then
  cat "$tmp/run.log" >&2
  exit 1
fi
[ -f "$out/index.html" ] || { cat "$tmp/run.log" >&2; echo "browser_test: the run wrote no index.html" >&2; exit 1; }

echo "== nginx (static tree)" >&2
S=$(free_port) || exit 1
start_nginx static.conf.in static "127.0.0.1:$S" "$out"

echo "== frontline serve" >&2
start_serve "$tmp/serve.log" --data "$out" --listen 127.0.0.1:0 --threads 2 --render-threads 1 || exit 1
up=$serve_addr

echo "== browser tests (Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))" >&2
mkdir -p "$artifacts"
FRONTLINE_WEB_OUT="$out" FRONTLINE_WEB_ARTIFACTS="$artifacts" \
  FRONTLINE_WEB_BASES="nginx=http://127.0.0.1:$S,serve=http://$up" \
  node --test --test-concurrency=1 --test-reporter=spec "$here/web/test/"
status=$?
exit $status
