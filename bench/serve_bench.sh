#!/usr/bin/env bash
# Load benchmark of tile serving with wrk on loopback, bounded in time: random tiles of the
# rendered pyramid (1) through nginx's proxy cache (deploy/nginx/proxy.conf.in), warmed;
# (2) from `frontline serve` directly; (3) on-demand rendering: random tiles below the
# rendered zooms, which no run has drawn yet, from a fresh `frontline serve`.
# Each case is validated before it is timed (one request must return a PNG), and reports
# requests/s, latency percentiles and errors (socket errors, timeouts, non-2xx).
#   FRONTLINE_BIN      the binary (default build/release/frontline, else build/ci)
#   BENCH_DATA         an existing `frontline run` output (default: a fresh z5-8 run)
#   BENCH_DURATION     per case (default 10s)   BENCH_CONNECTIONS (default 64)
#   BENCH_THREADS      wrk threads (default 2)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${FRONTLINE_BIN:-$here/build/release/frontline}
[ -x "$bin" ] || bin="$here/build/ci/frontline"
[ -x "$bin" ] || { echo "serve_bench: build first (no $bin)" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || "$here/scripts/setup.sh"
duration=${BENCH_DURATION:-10s}
conns=${BENCH_CONNECTIONS:-64}
wthreads=${BENCH_THREADS:-2}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/frontline-serve-bench.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

out=${BENCH_DATA:-}
if [ -z "$out" ]; then
  out="$tmp/out"
  echo "serve_bench: frontline run --zoom 5-8 -> $out" >&2
  "$bin" run --out "$out" --zoom 5-8 >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log" >&2; exit 1; }
fi

start_serve() {  # start_serve LOG [args]: sets $up to host:port
  local log=$1
  shift
  "$bin" serve --data "$out" --listen 127.0.0.1:0 "$@" >/dev/null 2>"$log" &
  pids+=($!)
  for _ in $(seq 600); do
    grep -q 'listening on' "$log" && break
    sleep 0.1
  done
  up=$(sed -n 's|.*listening on http://\([0-9.:]*\).*|\1|p' "$log" | head -1)
  [ -n "$up" ] || { cat "$log" >&2; exit 1; }
}
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  exit 1
}

# Paths: every rendered tile of the `control` layer.
(cd "$out/tiles" && find control -name '*.png' ! -name '*@2x.png' | sed 's|^|/tiles/|') >"$tmp/rendered.txt"
# Tiles at z12-14 inside the layer's bounds: not on disk, rendered on demand.
read -r w s e n < <(tr -d ' \n' <"$out/tiles/control.json" |
  sed -n 's/.*"bounds":\[\([^]]*\)\].*/\1/p' | tr ',' ' ') || true  # one line, no newline
awk -v w="$w" -v s="$s" -v e="$e" -v n="$n" 'function tx(lon, z) { return int((lon + 180) / 360 * 2^z) }
  function ty(lat, z,   r) { r = lat * 3.14159265358979 / 180; return int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.14159265358979) / 2 * 2^z) }
  BEGIN { for (z = 12; z <= 14; z++) for (x = tx(w, z); x <= tx(e, z); x++) for (y = ty(n, z); y <= ty(s, z); y++)
    printf "/tiles/control/%d/%d/%d.png\n", z, x, y }' >"$tmp/ondemand.txt"
echo "serve_bench: $(wc -l <"$tmp/rendered.txt") rendered tiles, $(wc -l <"$tmp/ondemand.txt") on-demand candidates" >&2

cat >"$tmp/paths.lua" <<'EOF'
-- Random paths from a file; summary line with percentiles and errors at the end.
local paths = {}
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT req/s=%.0f requests=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms errors=%d (connect %d read %d write %d timeout %d non-2xx %d)\n",
    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
EOF

validate() {  # validate URL: must be a 200 PNG
  local code
  code=$(curl -s --max-time 60 -o "$tmp/v.png" -w '%{http_code}' "$1")
  [ "$code" = 200 ] && [ "$(head -c 4 "$tmp/v.png" | tail -c 3)" = PNG ] ||
    { echo "serve_bench: validation failed: $1 -> $code" >&2; exit 1; }
}
results=()
bench() {  # bench NAME BASE PATHS [wrk args]
  local name=$1 base=$2 list=$3
  shift 3
  validate "$base$(head -1 "$list")"
  local r
  r=$(wrk -t "$wthreads" -c "$conns" -d "$duration" "$@" -s "$tmp/paths.lua" "$base" -- "$list" |
    grep '^RESULT' | sed 's/^RESULT //')
  results+=("$(printf '%-34s %s' "$name" "$r")")
  echo "$name: $r" >&2
}

start_serve "$tmp/serve.log" --max-age 3600
direct=$up
P=$(free_port)
prefix="$tmp/nginx"
mkdir -p "$prefix/tmp" "$prefix/cache"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@LISTEN@|127.0.0.1:$P|g" -e "s|@UPSTREAM@|$direct|g" \
  "$here/deploy/nginx/proxy.conf.in" >"$prefix/nginx.conf"
nginx -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off; user $(id -un) $(id -gn);" &
pids+=($!)
sleep 1

# Warm nginx's cache with every rendered tile, then time it.
wrk -t "$wthreads" -c "$conns" -d 5s -s "$tmp/paths.lua" "http://127.0.0.1:$P" -- "$tmp/rendered.txt" >/dev/null
bench "nginx proxy cache (warm)" "http://127.0.0.1:$P" "$tmp/rendered.txt"
bench "frontline serve direct (files)" "http://$direct" "$tmp/rendered.txt"
start_serve "$tmp/serve2.log" --cache-mb 256 --render-maxzoom 14
up2=$up
bench "frontline serve on demand (z12-14)" "http://$up2" "$tmp/ondemand.txt" --timeout 30s
# The render work behind it: metatiles (16 tiles each) rendered during the run.
renders=$(curl -s "http://$up2/health" | sed -n 's/.*"renders":\([0-9]*\).*/\1/p')
results+=("$(printf '%-34s %s metatile renders (%s tiles) in %s' "  of which rendered" "$renders" \
  "$((renders * 16))" "$duration")")

echo "wrk -t $wthreads -c $conns -d $duration, $(nproc) cores, loopback:"
for r in "${results[@]}"; do echo "$r"; done
