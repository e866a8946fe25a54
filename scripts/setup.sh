#!/usr/bin/env bash
# Installs everything Frontline needs on a fresh Debian machine (idempotent: installs only
# what is missing) and fills the data cache with the default boundary data.
#   FRONTLINE_CACHE  data cache (default ~/.cache/frontline)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${FRONTLINE_CACHE:-$HOME/.cache/frontline}

# Build and run dependencies, by Debian package name. Why each is here: README.md.
packages=(
  build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-bin libproj-dev proj-data libpng-dev libboost-dev
  libcairo2-dev libicu-dev nlohmann-json3-dev libcli11-dev libsqlite3-dev
  libgtest-dev libbenchmark-dev clang-format shellcheck
  libpango1.0-dev fonts-noto-core
  nginx curl wrk
  clang libclang-rt-14-dev python3
  chromium
)
# The web page's Leaflet and the browser tests' playwright-core come from the npm registry
# (web/package-lock.json); Node.js and npm from the machine, else from Debian.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Default boundaries: Natural Earth admin-1 and countries (public domain), as shipped by
# Debian inside qgis-common. We only download the package (installing it would pull Qt)
# and extract the GeoPackage.
gpkg="$cache/world_map.gpkg"
if [ ! -s "$gpkg" ]; then
  echo "setup: fetching Natural Earth boundaries (Debian package qgis-common) into $cache" >&2
  mkdir -p "$cache"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # Only a failed download (a stale package list) is retried after an update; a failed cd is not.
  (cd "$tmp" && { apt-get download qgis-common >/dev/null 2>&1 || { apt-get update -qq && apt-get download qgis-common >/dev/null; }; })
  dpkg-deb -x "$tmp"/qgis-common_*.deb "$tmp/x"
  cp "$tmp/x/usr/share/qgis/resources/data/world_map.gpkg" "$gpkg.tmp"
  mv "$gpkg.tmp" "$gpkg"
  rm -rf "$tmp"
  trap - EXIT
fi
# npm packages exactly as locked; again only when the lockfile changed since the last install.
web="$here/web"
if [ ! -f "$web/node_modules/.package-lock.json" ] ||
  [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci in web/ (Leaflet, playwright-core)" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "setup: ok (boundaries: $gpkg; web: $(cd "$web" && node -p "require('leaflet/package.json').version" 2>/dev/null | sed 's/^/Leaflet /'))" >&2
