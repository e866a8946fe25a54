# shellcheck shell=bash
# Helpers the test scripts share. Source it first thing:
#   . "$(dirname "$0")/lib.sh"
# It sets `here` (the repository) and `prog` (the script's name, for messages), and defines:
#   die MSG...                  the message on stderr, prefixed by the script's name; exit 1
#   find_frontline              `bin` as the script set it, else $FRONTLINE_BIN, else
#                               build/ci, else build/release; dies if it is not an
#                               executable; made absolute
#   make_tmp NAME               sets `tmp` to a new directory; on exit (also on SIGINT and
#                               SIGTERM) every process in `pids` is killed and waited for, the
#                               functions named in `exit_hooks` run in order, then `tmp` goes
#   pass / fail MSG...          count a passed / failed check (`passed`, `failed`); fail
#                               prints MSG on stderr
#   summary                     prints "N passed, M failed"; false if anything failed
#   free_port                   prints a free loopback TCP port (false if none is found)
#   wait_http URL               true once URL answers (within 20 s)
#   start_serve LOG ARGS...     `$bin serve ARGS` in the background, stderr in LOG; sets
#                               `serve_pid` and `serve_addr` (host:port) once it listens
#   start_nginx TEMPLATE NAME LISTEN DATA [UPSTREAM]
#                               nginx from deploy/nginx/TEMPLATE serving DATA on LISTEN, in the
#                               prefix $tmp/nginx-NAME; dies if it does not come up
#   same_outputs A B [NAME...]  two output directories hold the same bytes, apart from the lock
#                               file, the purge lists (*.changed) and the NAMEs
#   output_changes A B [NAME...]  what differs between them (diff -rq, the first lines)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prog=$(basename "$0" .sh)

die() {
  echo "$prog: $*" >&2
  exit 1
}

bin=""
find_frontline() {
  bin=${bin:-${FRONTLINE_BIN:-}}
  if [ -z "$bin" ]; then
    bin="$here/build/ci/frontline"
    [ -x "$bin" ] || bin="$here/build/release/frontline"
  fi
  [ -x "$bin" ] || die "no frontline binary ($bin); build first"
  [[ $bin == /* ]] || bin=$PWD/$bin  # scripts may run it from another directory
}

pids=()
exit_hooks=()
tmp=""
lib_cleanup() {
  local p h
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  for h in "${exit_hooks[@]}"; do "$h"; done
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
}
make_tmp() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/frontline-$1.XXXXXX") || die "cannot create a temporary directory"
  trap lib_cleanup EXIT
  # An interrupted run exits through the EXIT trap too, so nothing is left behind.
  trap 'exit 130' INT TERM
}

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "$prog: FAIL: $*" >&2
}
summary() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 40000))
    if port_free "$p"; then
      echo "$p"
      return 0
    fi
  done
  echo "$prog: no free port" >&2
  return 1
}
wait_http() {
  for _ in $(seq 200); do
    curl -s -o /dev/null --max-time 1 "$1" && return 0
    sleep 0.1
  done
  return 1
}

start_serve() {
  local log=$1
  shift
  "$bin" serve "$@" 2>"$log" &
  serve_pid=$!
  pids+=("$serve_pid")
  for _ in $(seq 300); do
    grep -q 'listening on' "$log" && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.1
  done
  serve_addr=$(sed -n 's|.*listening on http://\([0-9.:]*\).*|\1|p' "$log" | head -1)
  if [ -z "$serve_addr" ]; then
    cat "$log" >&2
    return 1
  fi
}

start_nginx() {
  local template=$1 name=$2 listen=$3 data=$4 upstream=${5:-}
  local prefix="$tmp/nginx-$name" nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$prefix/tmp" "$prefix/cache"
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@LISTEN@|$listen|g" -e "s|@DATA@|$data|g" \
    -e "s|@DEPLOY@|$here/deploy/nginx|g" -e "s|@UPSTREAM@|$upstream|g" \
    "$here/deploy/nginx/$template" >"$prefix/nginx.conf"
  # Workers as the current user: they must read the temporary tree and write the cache
  # (as root, nginx would otherwise switch them to an account that cannot).
  "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off; user $(id -un) $(id -gn);" \
    2>>"$prefix/stderr.log" &
  pids+=("$!")
  if ! wait_http "http://$listen/health"; then
    echo "$prog: nginx ($name) did not start:" >&2
    cat "$prefix/error.log" "$prefix/stderr.log" >&2 2>/dev/null
    exit 1
  fi
}

lib_diff_excludes() {
  local n
  printf '%s\0' -x .frontline.lock -x '*.changed'
  for n in "$@"; do printf '%s\0' -x "$n"; done
}
same_outputs() {
  local a=$1 b=$2 x
  shift 2
  mapfile -d '' x < <(lib_diff_excludes "$@")
  diff -r "${x[@]}" "$a" "$b" >/dev/null
}
output_changes() {
  local a=$1 b=$2 x
  shift 2
  mapfile -d '' x < <(lib_diff_excludes "$@")
  diff -rq "${x[@]}" "$a" "$b" | head -5
}
