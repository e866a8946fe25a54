#!/usr/bin/env bash
# Integration test of `frontline serve` behind a real nginx, and of nginx serving the XYZ tree
# directly (deploy/nginx/*.conf.in). Runs the main job into a temporary directory, starts the
# server and nginx on free loopback ports as the current user (temporary prefix, no /var
# paths), fetches with curl, and stops everything at the end, also on failure.
#   FRONTLINE_BIN   the frontline binary (default: build/ci/frontline, else build/release)
#   SERVE_TEST_ZOOM zoom range of the test run (default 5-8)
# Prints "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
find_frontline
if ! command -v nginx >/dev/null || ! command -v curl >/dev/null; then
  "$here/scripts/setup.sh"
fi
make_tmp serve-test

ok() { pass; echo "ok   $*"; }
check() {  # check NAME ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: got '$2', expected '$3'"; fi
}
check_in() {  # check_in NAME ACTUAL ALLOWED...
  local name=$1 actual=$2
  shift 2
  for e in "$@"; do [ "$actual" = "$e" ] && { ok "$name"; return; }; done
  fail "$name: got '$actual', expected one of: $*"
}

# fetch URL [curl args...]: status code; headers in $tmp/h, body in $tmp/b.
fetch() {
  local url=$1
  shift
  curl -s --path-as-is --max-time 30 -o "$tmp/b" -D "$tmp/h" -w '%{http_code}' "$@" "$url" || true
}
hdr() { grep -i "^$1:" "$tmp/h" | tail -1 | cut -d' ' -f2- | tr -d '\r'; }

# ---- the data: a small main-job run
out="$tmp/out"
zoom=${SERVE_TEST_ZOOM:-5-8}
echo "== frontline run --zoom $zoom" >&2
if ! timeout 900 "$bin" run "$here/../shared/seeds" --out "$out" --zoom "$zoom" >"$tmp/run.log" 2>&1; then
  cat "$tmp/run.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
maxz=${zoom#*-}
tile=$(cd "$out/tiles/control" && find . -name '*.png' ! -name '*@2x.png' | sort | sed -n 1p)
tile=${tile#./}
tile=${tile%.png}  # z/x/y
echo "== sample tile: control/$tile" >&2
days=("$out"/control/????-??-??.geojson)  # sorted, the latest day last
date=${days[-1]##*/}

# ---- configuration (b): nginx in front of `frontline serve`
echo "== nginx -> frontline serve" >&2
if ! start_serve "$tmp/serve.log" --data "$out" --listen 127.0.0.1:0 --max-age 600 \
  --read-timeout 1000 --render-maxzoom 12 --threads 2 --render-threads 2; then
  echo "0 passed, 1 failed"
  exit 1
fi
up=$serve_addr
P=$(free_port) || exit 1
start_nginx proxy.conf.in proxy "127.0.0.1:$P" "$out" "$up"
N="http://127.0.0.1:$P"
D="http://$up"

check "proxy: tile status" "$(fetch "$N/tiles/control/$tile.png")" 200
check "proxy: tile type" "$(hdr Content-Type)" image/png
etag=$(hdr ETag)
check "proxy: strong ETag" "$(echo "$etag" | grep -cE '^"[0-9a-f]{32}"$')" 1
check "proxy: Cache-Control" "$(hdr Cache-Control)" "public, max-age=600"
check "proxy: CORS" "$(hdr Access-Control-Allow-Origin)" "*"
check "proxy: first request MISS" "$(hdr X-Cache-Status)" MISS
fetch "$N/tiles/control/$tile.png" >/dev/null
check "proxy: second request HIT" "$(hdr X-Cache-Status)" HIT
if cmp -s "$tmp/b" "$out/tiles/control/$tile.png"; then ok "proxy: bytes of the tile file"
else fail "proxy: bytes differ from the tile file"; fi
check "proxy: 304 on If-None-Match" "$(fetch "$N/tiles/control/$tile.png" -H "If-None-Match: $etag")" 304
check "direct: 304 on If-None-Match" "$(fetch "$D/tiles/control/$tile.png" -H "If-None-Match: $etag")" 304
check "proxy: @2x tile" "$(fetch "$N/tiles/control/$tile@2x.png")" 200

check "proxy: TileJSON" "$(fetch "$N/tiles/control.json")" 200
check "proxy: TileJSON type" "$(hdr Content-Type)" application/json
tpl=$(grep -o '"http[^"]*{z}/{x}/{y}.png[^"]*"' "$tmp/b" | head -1 | tr -d '"')
check "proxy: TileJSON URL absolute via nginx" "${tpl%%/tiles/*}" "$N"
IFS=/ read -r tz tx ty <<<"$tile"
url=${tpl//\{z\}/$tz}
url=${url//\{x\}/$tx}
url=${url//\{y\}/$ty}
check "proxy: TileJSON URL works" "$(fetch "$url")" 200
check "proxy: TileJSON URL gives the tile" "$(cmp -s "$tmp/b" "$out/tiles/control/$tile.png" && echo same)" same

check "proxy: events.geojson" "$(fetch "$N/events.geojson")" 200
check "proxy: events type" "$(hdr Content-Type)" application/geo+json
check "proxy: control day" "$(fetch "$N/control/$date")" 200
check "proxy: health" "$(fetch "$N/health")" 200
if [ -f "$out/index.html" ]; then
  check "proxy: page at /" "$(fetch "$N/")" 200
  check "proxy: page type" "$(hdr Content-Type)" "text/html; charset=utf-8"
  check "proxy: embed page" "$(fetch "$N/embed.html?chrome=0")" 200
  check "proxy: Leaflet image" "$(fetch "$N/web/leaflet/images/layers.png")" 200
fi

# On demand: below the rendered zoom range, inside the bounds; a neighbour of the same
# metatile then costs no second render.
deep=$((maxz + 2))
# The tile at the centre of the layer's bounds (TileJSON `center`), and another of its metatile.
read -r clon clat < <(tr -d ' \n' <"$out/tiles/control.json" |
  sed -n 's/.*"center":\[\([-0-9.]*\),\([-0-9.]*\),.*/\1 \2/p')
read -r dx dy < <(awk -v lon="$clon" -v lat="$clat" -v z="$deep" 'BEGIN {
  r = lat * 3.14159265358979 / 180; n = 2 ^ z
  print int((lon + 180) / 360 * n), int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.14159265358979) / 2 * n) }')
nx=$((dx % 4 == 0 ? dx + 1 : dx - 1))
renders() { curl -s --max-time 10 "$D/health" | sed -n 's/.*"renders":\([0-9]*\).*/\1/p'; }
r0=$(renders)
check "on demand: z$deep tile" "$(fetch "$N/tiles/control/$deep/$dx/$dy.png")" 200
check "on demand: type" "$(hdr Content-Type)" image/png
check "on demand: PNG signature" "$(head -c 4 "$tmp/b" | tail -c 3)" PNG
check "on demand: neighbour in the metatile" "$(fetch "$N/tiles/control/$deep/$nx/$dy.png")" 200
check "on demand: one metatile render" "$(($(renders) - r0))" 1
check "on demand: second request HIT" "$(fetch "$N/tiles/control/$deep/$dx/$dy.png" >/dev/null; hdr X-Cache-Status)" HIT

check "static: bbox" "$(fetch "$N/static.png?bbox=36.4,35.6,37.6,36.6&size=400x300")" 200
check "static: type" "$(hdr Content-Type)" image/png
check "static: center@2x" "$(fetch "$N/static.png?center=37.1,36.2&zoom=9&size=200x150&scale=2&layer=changes")" 200
check "static: too large" "$(fetch "$N/static.png?center=37.1,36.2&zoom=9&size=5000x100")" 400
check "static: no area" "$(fetch "$N/static.png?size=100x100")" 400

check "400: non-numeric z" "$(fetch "$N/tiles/control/a/1/1.png")" 400
check "400: negative" "$(fetch "$N/tiles/control/-1/0/0.png")" 400
check "400: overflow" "$(fetch "$N/tiles/control/5/99999999999999999999/0.png")" 400
check "400: reason in body" "$(fetch "$N/tiles/control/5/1/x.png" >/dev/null; grep -c integers "$tmp/b")" 1
check "404: z=99" "$(fetch "$N/tiles/control/99/0/0.png")" 404
check "404: outside the grid" "$(fetch "$N/tiles/control/5/32/0.png")" 404
check "404: outside the bounds" "$(fetch "$N/tiles/control/7/0/0.png")" 404
check "404: unknown layer" "$(fetch "$N/tiles/nope/7/76/50.png")" 404
check "404: unknown path" "$(fetch "$N/nope")" 404
check "405: POST" "$(fetch "$D/health" -X POST)" 405

for base in "$N" "$D"; do
  for t in "/tiles/../../../../etc/passwd" "/tiles/%2e%2e/%2e%2e/%2e%2e/etc/passwd" \
    "/tiles/%252e%252e/%252e%252e/etc/passwd" "/control/..%2f..%2f..%2fetc%2fpasswd" \
    "/tiles/control/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd" "/tiles/..%2f..%2f..%2fetc%2fpasswd.json" \
    "/events.geojson/../../../etc/passwd"; do
    s=$(fetch "$base$t")
    if [ "$s" -ge 400 ] && [ "$s" -lt 500 ] && ! grep -q 'root:' "$tmp/b"; then
      ok "traversal ($base$t): $s"
    else
      fail "traversal ($base$t): status $s"
    fi
  done
done

check_in "hostile: huge header (nginx)" "$(fetch "$N/health" -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)")" 400 431 494
check "hostile: huge header (direct)" "$(fetch "$D/health" -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)")" 431
# A client that never finishes its request is dropped after --read-timeout (1 s) ...
start=$(date +%s)
timeout 8 bash -c "exec 3<>/dev/tcp/${up%:*}/${up#*:}; printf 'GET /health HTTP/1.1\r\nHost:' >&3; cat <&3 >/dev/null"
rc=$?
check "hostile: slow client dropped" "$([ $rc -eq 0 ] && [ $(($(date +%s) - start)) -le 4 ] && echo yes)" yes
# ... and many idle connections do not stop others being answered.
for _ in $(seq 50); do (exec 3<>"/dev/tcp/${up%:*}/${up#*:}"; sleep 3) 2>/dev/null & done
check "hostile: answered beside 50 idle connections" "$(fetch "$D/health")" 200

# Bounded mixed load (3 s, 32 connections, loopback): valid tiles, on-demand tiles, TileJSON
# and hostile targets at random. No 5xx, no socket errors, and the server still answers.
if command -v wrk >/dev/null; then
  {
    echo "/tiles/control/$tile.png"
    echo "/tiles/control.json"
    echo "/tiles/control/$deep/$dx/$dy.png"
    echo "/tiles/control/99/0/0.png"
    echo "/tiles/control/-1/0/0.png"
    echo "/tiles/control/5/99999999999999999999/0.png"
    echo "/tiles/%2e%2e/%2e%2e/etc/passwd"
    echo "/tiles/%252e%252e/x.json"
    echo "/static.png?center=37,36&zoom=9&size=99999x99999"
    echo "/control/..%2f..%2fetc%2fpasswd"
  } >"$tmp/mixed.txt"
  cat >"$tmp/mixed.lua" <<'EOF2'
local threads = {}
setup = function(t) table.insert(threads, t) end
init = function(args)
  paths, server_errors = {}, 0
  for l in io.lines(args[1]) do paths[#paths + 1] = l end
end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
response = function(status) if status >= 500 then server_errors = server_errors + 1 end end
done = function(s)
  local e, five = s.errors, 0
  for _, t in ipairs(threads) do five = five + t:get("server_errors") end
  io.write(string.format("MIXED requests=%d socket_errors=%d 5xx=%d\n", s.requests,
    e.connect + e.read + e.write + e.timeout, five))
end
EOF2
  mixed=$(wrk -t 2 -c 32 -d 3s -s "$tmp/mixed.lua" "$D" -- "$tmp/mixed.txt" 2>&1 | grep '^MIXED')
  check "mixed load ($mixed): no socket errors, no 5xx" \
    "$(echo "$mixed" | sed -n 's/.*socket_errors=\([0-9]*\) 5xx=\([0-9]*\).*/\1 \2/p')" "0 0"
  check "mixed load: server alive" "$(fetch "$D/health")" 200
fi

# Bounded load with every answer checked (4,000 requests from 16 keep-alive clients on
# loopback, valid and hostile at random): a tile file must come back 200 with its bytes, an
# on-demand tile 200 and a PNG, each hostile target its 4xx. Counts crashes (the server gone
# afterwards), connection errors and wrong answers.
checked=$(timeout 300 /usr/bin/python3 - "$up" "$out/tiles/control/$tile.png" "$tile" "$deep/$dx/$dy" <<'PY'
import http.client, random, sys, threading
host, tile_file, tile, deep = sys.argv[1:5]
h, p = host.rsplit(":", 1)
tile_bytes = open(tile_file, "rb").read()
png = lambda b: b.startswith(b"\x89PNG")
cases = [  # target, check of (status, body)
    ("/tiles/control/%s.png" % tile, lambda s, b: s == 200 and b == tile_bytes),
    ("/tiles/control/%s.png" % deep, lambda s, b: s == 200 and png(b)),
    ("/static.png?center=37.1,36.2&zoom=8&size=256x256", lambda s, b: s == 200 and png(b)),
    ("/tiles/control.json", lambda s, b: s == 200 and b.startswith(b"{")),
    ("/tiles/control/99/0/0.png", lambda s, b: s == 404),
    ("/tiles/control/-1/0/0.png", lambda s, b: s == 400),
    ("/tiles/control/a/1/1.png", lambda s, b: s == 400),
    ("/tiles/control/5/99999999999999999999/0.png", lambda s, b: s == 400),
    ("/tiles/%2e%2e/%2e%2e/etc/passwd", lambda s, b: 400 <= s < 500 and b"root:" not in b),
    ("/tiles/%252e%252e/x.json", lambda s, b: 400 <= s < 500),
    ("/control/..%2f..%2fetc%2fpasswd", lambda s, b: 400 <= s < 500 and b"root:" not in b),
    ("/static.png?center=37,36&zoom=9&size=99999x99999", lambda s, b: s == 400),
]
total, per = 4000, 250
lock = threading.Lock()
stats = {"requests": 0, "wrong": 0, "errors": 0}
wrong = []
def client(seed):
    rnd = random.Random(seed)
    conn = None
    for _ in range(per):
        target, ok = rnd.choice(cases)
        # As browsers do: a kept-alive connection the server closed while idle (its read
        # timeout also bounds idle time, and a loaded machine can stall a client thread) is
        # retried once on a fresh connection; only a failure on a fresh one is an error.
        for attempt in (0, 1):
            fresh = conn is None
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(h, int(p), timeout=30)
                conn.request("GET", target)
                r = conn.getresponse()
                body = r.read()
                good = ok(r.status, body)
                if r.will_close:
                    conn.close(); conn = None
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                conn = None
                if fresh or attempt == 1:
                    good = None
                    break
            except Exception:
                conn = None
                good = None
                break
        if good is None:
            with lock:
                stats["requests"] += 1; stats["errors"] += 1
            continue
        with lock:
            stats["requests"] += 1
            if not good:
                stats["wrong"] += 1
                wrong.append("%s -> %d" % (target, r.status))
threads = [threading.Thread(target=client, args=(i,)) for i in range(total // per)]
for t in threads: t.start()
for t in threads: t.join()
print(("CHECKED requests=%d wrong=%d errors=%d %s" % (stats["requests"], stats["wrong"], stats["errors"], "; ".join(sorted(set(wrong))[:3]))).rstrip())
PY
)
echo "$checked" >&2
check "checked load ($checked): all answered right" \
  "$(echo "$checked" | sed -n 's/^CHECKED requests=\([0-9]*\) wrong=\([0-9]*\) errors=\([0-9]*\).*/\1 \2 \3/p')" "4000 0 0"
check "checked load: server alive" "$(fetch "$D/health")" 200

# Graceful shutdown on SIGTERM: exit 0 within a few seconds.
kill -TERM "$serve_pid"
for _ in $(seq 100); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$serve_pid" 2>/dev/null; then
  fail "SIGTERM: still running after 10 s"
else
  wait "$serve_pid"
  check "SIGTERM: clean exit" "$?" 0
fi
# With the upstream gone, nginx still answers cached tiles.
check "proxy: cached tile with the upstream stopped" "$(fetch "$N/tiles/control/$tile.png")" 200

# ---- configuration (a): nginx serving the XYZ tree directly
echo "== nginx static" >&2
S=$(free_port) || exit 1
start_nginx static.conf.in static "127.0.0.1:$S" "$out"
S="http://127.0.0.1:$S"
check "static nginx: tile" "$(fetch "$S/tiles/control/$tile.png")" 200
check "static nginx: type" "$(hdr Content-Type)" image/png
check "static nginx: long cache lifetime" "$(hdr Cache-Control)" "public, max-age=86400"
check "static nginx: CORS" "$(hdr Access-Control-Allow-Origin)" "*"
setag=$(hdr ETag)
check "static nginx: 304" "$(fetch "$S/tiles/control/$tile.png" -H "If-None-Match: $setag")" 304
check "static nginx: missing tile is the empty tile" "$(fetch "$S/tiles/control/$maxz/0/0.png")" 200
if cmp -s "$tmp/b" "$here/deploy/nginx/empty.png"; then ok "static nginx: empty tile bytes"
else fail "static nginx: empty tile bytes"; fi
check "static nginx: missing @2x is the empty @2x" "$(fetch "$S/tiles/control/$maxz/0/0@2x.png")" 200
check "static nginx: TileJSON" "$(fetch "$S/tiles/control.json")" 200
rel=$(grep -o '"[^"]*{z}/{x}/{y}.png"' "$tmp/b" | head -1 | tr -d '"')
rel=${rel//\{z\}/$tz}
rel=${rel//\{x\}/$tx}
rel=${rel//\{y\}/$ty}
check "static nginx: TileJSON URL (relative to the JSON) works" "$(fetch "$S/tiles/$rel")" 200
check "static nginx: events" "$(fetch "$S/events.geojson")" 200
check "static nginx: MBTiles not served" "$(fetch "$S/tiles/control.mbtiles")" 404
if [ -f "$out/index.html" ]; then  # the web page (written when Leaflet is installed)
  check "static nginx: page at /" "$(fetch "$S/")" 200
  check "static nginx: page type" "$(hdr Content-Type)" "text/html; charset=utf-8"
  check "static nginx: page is revalidated" "$(hdr Cache-Control)" no-cache
  check "static nginx: data script" "$(fetch "$S/web/data.js")" 200
  check "static nginx: Leaflet" "$(fetch "$S/web/leaflet/leaflet.js")" 200
  check "static nginx: mentions not served" "$(fetch "$S/mentions.geojson")" 404
  check "static nginx: nothing else under web/" "$(fetch "$S/web/leaflet/leaflet.js.map")" 404
fi
check "static nginx: malformed tile URL" "$(fetch "$S/tiles/control/a/0/0.png")" 404
for t in "/tiles/../../../../etc/passwd" "/tiles/%2e%2e/%2e%2e/%2e%2e/etc/passwd" \
  "/tiles/%252e%252e/%252e%252e/etc/passwd" "/../../etc/passwd"; do
  s=$(fetch "$S$t")
  if [ "$s" -ge 400 ] && [ "$s" -lt 500 ] && ! grep -q 'root:' "$tmp/b"; then
    ok "static nginx traversal ($t): $s"
  else
    fail "static nginx traversal ($t): status $s"
  fi
done

summary
