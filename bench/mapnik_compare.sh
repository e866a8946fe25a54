#!/usr/bin/env bash
# Sets up and runs the Frontline-versus-Mapnik tile benchmark: installs Debian's
# python3-mapnik if missing, builds the release preset (with bench/render_bench), and runs
# bench/mapnik_compare.py on it. Arguments go to the Python script (--minzoom, --maxzoom, --repeat,
# --frontline-style).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
if ! dpkg-query -W -f='${Status}' python3-mapnik 2>/dev/null | grep -q "install ok installed"; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-mapnik >/dev/null
fi
"$here/scripts/build.sh" release >/dev/null
exec /usr/bin/python3 "$here/bench/mapnik_compare.py" "$here/build/release" "$@"
