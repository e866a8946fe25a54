#!/usr/bin/env bash
# Golden tests of the command line, kept as data: tests/cli/cases.txt lists, one case a line,
# a name, a file of expected standard output under tests/cli/expected/, and the arguments of
# `frontline`. Each case runs in tests/cli/ (so paths in the output are the relative ones of
# the case), must exit 0, and its standard output must equal the expected file byte for byte.
# ctest runs one test per case (tests/CMakeLists.txt: `Cli.<name>`).
#   scripts/cli_test.sh [FRONTLINE_BIN] [NAME...]     (default: $FRONTLINE_BIN, else
#                                                     build/ci, else release; every case)
#   FRONTLINE_ACCEPT_REFERENCE=1  write the output into the expected files instead of
#                                 comparing (then read the diff before committing it)
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
if [ $# -gt 0 ] && [ -f "$1" ]; then  # a binary, not a case name
  bin=$1
  shift
fi
find_frontline
dir=$here/tests/cli
cases=$dir/cases.txt
make_tmp cli-test
accept=${FRONTLINE_ACCEPT_REFERENCE:-0}

# run_case NAME EXPECTED ARGS...
run_case() {
  local name=$1 expected=$dir/expected/$2 rc
  shift 2
  (cd "$dir" && "$bin" "$@") >"$tmp/$name.out" 2>"$tmp/$name.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$name: frontline $* exited $rc: $(head -5 "$tmp/$name.err")"
  elif [ "$accept" = 1 ]; then
    mkdir -p "${expected%/*}"
    cp "$tmp/$name.out" "$expected"
    echo "$prog: $name: accepted ${expected#"$here"/}"
    pass
  elif [ ! -f "$expected" ]; then
    fail "$name: ${expected#"$here"/} missing; run with FRONTLINE_ACCEPT_REFERENCE=1 to create it, then read it"
  elif ! diff -u --label "expected/${expected##*/}" --label "frontline $*" "$expected" "$tmp/$name.out" >"$tmp/$name.diff"; then
    fail "$name: output differs from ${expected#"$here"/} (accept a right change with FRONTLINE_ACCEPT_REFERENCE=1):"
    head -60 "$tmp/$name.diff" >&2
  else
    pass
  fi
}

wanted=("$@")
found=()
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  # Fields as a shell splits words: quotes keep a name with spaces together (xargs, no eval).
  if ! fields=$(xargs printf '%s\0' <<<"$line" 2>/dev/null | tr '\0' '\n'); then
    die "${cases#"$here"/} line $lineno: unbalanced quotes: $line"
  fi
  mapfile -t words <<<"$fields"
  [ ${#words[@]} -ge 3 ] || die "${cases#"$here"/} line $lineno: expected NAME EXPECTED-FILE ARGS...: $line"
  name=${words[0]}
  if [ ${#wanted[@]} -gt 0 ] && [[ " ${wanted[*]} " != *" $name "* ]]; then continue; fi
  found+=("$name")
  run_case "${words[@]}"
done <"$cases"

for w in "${wanted[@]}"; do
  [[ " ${found[*]} " == *" $w "* ]] || fail "no case named $w in ${cases#"$here"/}"
done
[ ${#found[@]} -gt 0 ] || fail "no cases run"
summary
