#!/usr/bin/env bash
# The main job: set-up if needed, build, then run Frontline on the articles.
#   scripts/run.sh [ARTICLES_DIR] [more `frontline run` options]
# Default input ../shared/seeds, output out/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
"$here/scripts/build.sh" release >/dev/null
input=${1:-$here/../shared/seeds}
[ $# -gt 0 ] && shift
cd "$here"
exec "$here/build/release/frontline" run "$input" --out "$here/out" "$@"
