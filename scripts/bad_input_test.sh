#!/usr/bin/env bash
# Bad input corpus, through the command line as a user meets it. A good run writes out/ first;
# then every bad input runs into the same out/ and must give the documented exit code (README:
# 1 bad input, 2 bad command line, 3 output not writable), a message naming the file (and line
# where there is one), and leave the earlier output byte-identical with no temporaries behind.
# Inputs a user would expect to work (a byte-order mark, CRLF line ends, an empty article, an
# article naming no places, a 50 MB article) must work, with the same results as the clean
# input; a directory --out must not write into is refused, a user's files in out/ are kept.
# Prints one Markdown table row per case and "N passed, M failed, K skipped".
#   scripts/bad_input_test.sh [FRONTLINE_BIN]
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
bin=${1:-$here/build/ci/frontline}
find_frontline
seeds=$here/../shared/seeds
make_tmp bad-input-test
work=$tmp
mounts=()
unmount_all() {  # before the temporary directory is removed
  local m
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
}
exit_hooks+=(unmount_all)
args=(--zoom 5-6 --no-retina -j 2)
skipped=0
out=$work/out
snap=$work/snapshot

row() { printf '| %s | %s | %s |\n' "$1" "$2" "${3//|/\\|}"; }
skip() { skipped=$((skipped + 1)); row "$1" "skipped" "$2"; }

# Everything but the lock file (it holds the last run's pid), the purge lists (they list
# what the last successful run changed) and the web page's data script (it lists every article
# read, so an accepted empty article rightly adds a line) is compared byte for byte.
same_tree() { same_outputs "$1" "$2" data.js; }
tree_changes() { output_changes "$1" "$2" data.js | head -3; }
# Our temporaries are named <file>.frontline-tmp.<pid>.<n>; older versions used .tmp./.lnk.
temp_names=( \( -name '*.frontline-tmp.*' -o -name '*.tmp.[0-9]*' -o -name '*.lnk.[0-9]*' \) )
no_temporaries() { [ -z "$(find "$1" "${temp_names[@]}" -print -quit)" ]; }
# The names in a directory (hidden ones too), sorted; nothing if it does not exist.
names() { find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort; }

# An articles directory: the seeds (linked, never copied into the repository) plus extras.
articles() {
  local d=$work/in-$1
  mkdir -p "$d"
  for f in "$seeds"/*; do ln -sf "$f" "$d/"; done
  echo "$d"
}

# expect_error NAME RC REGEX FRONTLINE-ARGS...: the run fails with RC, its error line matches
# REGEX, out/ still equals the snapshot of the good run, and no temporaries are left.
expect_error() {
  local name=$1 want=$2 pat=$3
  shift 3
  local err rc msg
  err=$("$bin" "$@" 2>&1 >/dev/null)
  rc=$?
  msg=$(grep -m1 -E ' error' <<<"$err" || head -1 <<<"$err")
  row "$name" "$rc" "$msg"
  if [ "$rc" -ne "$want" ]; then fail "$name: exit $rc, expected $want: $err"
  elif ! grep -qE -- "$pat" <<<"$msg"; then fail "$name: message does not match /$pat/: $msg"
  elif ! same_tree "$snap" "$out"; then fail "$name: earlier output changed: $(tree_changes "$snap" "$out")"
  elif ! no_temporaries "$out"; then fail "$name: temporaries left: $(find "$out" "${temp_names[@]}" | head -3)"
  else pass; fi
}

# expect_accepted NAME REGEX FRONTLINE-ARGS...: the run succeeds (a warning matching REGEX,
# if given) and out/ ends up identical to the good run's.
expect_accepted() {
  local name=$1 pat=$2
  shift 2
  local err rc msg
  err=$("$bin" "$@" 2>&1 >/dev/null)
  rc=$?
  msg=$( { [ -n "$pat" ] && grep -m1 -E -- "$pat" <<<"$err"; } || echo "(accepted; same output as the clean input)")
  row "$name" "$rc" "$msg"
  if [ "$rc" -ne 0 ]; then fail "$name: exit $rc: $err"
  elif [ -n "$pat" ] && ! grep -qE -- "$pat" <<<"$err"; then fail "$name: no warning /$pat/: $err"
  elif ! same_tree "$snap" "$out"; then fail "$name: output differs from the clean input's: $(tree_changes "$snap" "$out")"
  elif ! no_temporaries "$out"; then fail "$name: temporaries left after a good run: $(find "$out" "${temp_names[@]}" | head -3)"
  else pass; fi
}

echo "| case | exit | message |"
echo "| --- | --- | --- |"

# The good run, and its snapshot.
if ! "$bin" run "$seeds" "${args[@]}" --out "$out" 2>"$work/good.log"; then
  echo "bad_input_test: the good run failed: $(tail -3 "$work/good.log")" >&2
  exit 1
fi
cp -a "$out" "$snap"
if ! no_temporaries "$out"; then
  echo "bad_input_test: the good run left temporaries: $(find "$out" "${temp_names[@]}" | head -3)" >&2
  exit 1
fi

# --- articles
d=$(articles empty); : >"$d/empty.txt"
expect_accepted "empty article" "empty\.txt: empty file" run "$d" "${args[@]}" --out "$out"
expect_accepted "empty article, --progress quiet (warnings are still shown)" "empty\.txt: empty file" \
  run "$d" "${args[@]}" --progress quiet --out "$out"

d=$(articles binary); head -c 4096 "$bin" >"$d/binary.txt"
expect_error "binary article (an executable saved as .txt)" 1 "binary\.txt line [0-9]+: binary file, not text" \
  run "$d" "${args[@]}" --out "$out"

d=$(articles latin1); printf 'Rebels entered Saraqib.\nThe caf\xe9 in Aleppo was closed.\n' >"$d/latin1.txt"
expect_error "invalid UTF-8 (Latin-1 byte on line 2)" 1 "latin1\.txt line 2: invalid UTF-8 at byte [0-9]+ \(column 8, byte 0xE9\)" \
  run "$d" "${args[@]}" --out "$out"

d=$work/in-bom; mkdir -p "$d"
for f in "$seeds"/*.txt; do { printf '\xef\xbb\xbf'; cat "$f"; } >"$d/$(basename "$f")"; done
{ printf '\xef\xbb\xbf'; cat "$seeds/manifest.tsv"; } >"$d/manifest.tsv"
expect_accepted "UTF-8 BOM on every article and the manifest" "" run "$d" "${args[@]}" --out "$out"

# CRLF: byte offsets in mentions.geojson move by one per line, so mentions are not compared;
# events, control days and tiles must be the same bytes.
d=$work/in-crlf; mkdir -p "$d"
for f in "$seeds"/*; do sed 's/$/\r/' "$f" >"$d/$(basename "$f")"; done
crlf_out=$work/out-crlf
if "$bin" run "$d" "${args[@]}" --out "$crlf_out" 2>"$work/crlf.log" &&
   same_outputs "$snap" "$crlf_out" data.js mentions.geojson; then
  row "CRLF line ends (articles and manifest)" 0 "(accepted; events, control days and tiles identical to LF input)"; pass
else
  row "CRLF line ends (articles and manifest)" "?" "$(tail -1 "$work/crlf.log")"
  fail "CRLF: $(output_changes "$snap" "$crlf_out" data.js mentions.geojson | head -3)"
fi
rm -rf "$crlf_out"

d=$(articles noplace); printf 'The weather was mild and markets were quiet on Tuesday.\n' >"$d/noplace.txt"
expect_accepted "article with no places" "noplace\.txt: no place names found" run "$d" "${args[@]}" --out "$out"

# 50 MB: copies of one seed article. Merged events and control days must equal the one
# article's (copies corroborate nothing new); the time and peak memory are reported.
big=$work/in-big; one=$work/in-one; mkdir -p "$big" "$one"
seed_articles=("$seeds"/*.txt)
first=${seed_articles[0]}
cp "$first" "$one/article.txt"
printf 'file\tpublished\narticle.txt\t2024-11-30\n' | tee "$big/manifest.tsv" >"$one/manifest.tsv"
/usr/bin/python3 - "$first" "$big/article.txt" <<'PY'
import sys
src = open(sys.argv[1], "rb").read() + b"\n"
n = 50 * 1024 * 1024
with open(sys.argv[2], "wb") as f:
    f.write((src * (n // len(src) + 1))[:n])
PY
"$bin" run "$one" --no-render --out "$work/out-one" 2>/dev/null
start=$(date +%s)
if [ -x /usr/bin/time ]; then
  timeout 900 /usr/bin/time -f '%M' -o "$work/big.rss" "$bin" run "$big" --no-render --out "$work/out-big" 2>"$work/big.log"; rc=$?
else
  timeout 900 "$bin" run "$big" --no-render --out "$work/out-big" 2>"$work/big.log"; rc=$?
fi
secs=$(( $(date +%s) - start ))
rss=$(cat "$work/big.rss" 2>/dev/null || echo '?')
ids() { cut -d, -f1 "$1/events.csv"; }
if [ "$rc" -eq 0 ] && [ "$(ids "$work/out-big")" = "$(ids "$work/out-one")" ] &&
   diff -r "$work/out-one/control" "$work/out-big/control" >/dev/null; then
  row "50 MB article ($(($(stat -c %s "$big/article.txt") / 1048576)) MiB)" 0 "(accepted in ${secs} s, peak ${rss} KB; the same $(($(ids "$work/out-one" | wc -l) - 1)) events and control days as the single article)"; pass
else
  row "50 MB article" "$rc" "$(tail -1 "$work/big.log")"; fail "50 MB article: rc=$rc after ${secs} s"
fi
rm -rf "$big" "$work/out-big"

# --- manifests
d=$(articles missing); rm "$d/manifest.tsv"
{ cat "$seeds/manifest.tsv"; printf 'gone.txt\t2024-11-30\n'; } >"$d/manifest.tsv"
line=$(wc -l <"$d/manifest.tsv")
expect_error "manifest naming a missing file" 1 "manifest\.tsv line $line: manifest names a missing file: .*gone\.txt" \
  run "$d" "${args[@]}" --out "$out"

d=$(articles emptymanifest); rm "$d/manifest.tsv"; : >"$d/manifest.tsv"
expect_error "empty manifest" 1 "manifest\.tsv: empty file: expected a header line" \
  run "$d" "${args[@]}" --out "$out"

# --- gazetteer (a copy of the repository's, with one bad row appended)
gazetteer_with() {  # NAME ROW: echo the directory
  local g=$work/gaz-$1
  cp -r "$here/gazetteer" "$g"
  printf '%s\n' "$2" >>"$g/curated.tsv"
  echo "$g"
}
dup_row=$(grep -m1 '^fl:' "$here/gazetteer/curated.tsv")
g=$(gazetteer_with dup "$dup_row")
line=$(wc -l <"$g/curated.tsv"); id=${dup_row%%$'\t'*}
expect_error "duplicate gazetteer id" 1 "curated\.tsv line $line: duplicate place id $id" \
  --gazetteer "$g" run "$seeds" "${args[@]}" --out "$out"

lat_row=$(awk -F'\t' -v OFS='\t' '/^fl:/ && !done { $1 = $1 "-north"; $4 = "95"; print; done = 1 }' "$here/gazetteer/curated.tsv")
g=$(gazetteer_with lat "$lat_row")
line=$(wc -l <"$g/curated.tsv")
expect_error "latitude 95 in a gazetteer row" 1 "curated\.tsv line $line: latitude 95 out of range \[-90, 90\]" \
  --gazetteer "$g" run "$seeds" "${args[@]}" --out "$out"

utf_row=$(awk -F'\t' -v OFS='\t' '/^fl:/ && !done { $1 = $1 "-latin1"; $2 = $2 " caf\351"; print; done = 1 }' "$here/gazetteer/curated.tsv")
g=$(gazetteer_with utf "$utf_row")
line=$(wc -l <"$g/curated.tsv")
expect_error "invalid UTF-8 in a gazetteer name" 1 "curated\.tsv line $line: invalid UTF-8" \
  --gazetteer "$g" run "$seeds" "${args[@]}" --out "$out"

# --- styles (a copy of a shipped style needs the palette it names its colours from beside it)
cp "$here/styles/palette.json" "$work/palette.json"
/usr/bin/python3 - "$here/styles/control.json" "$work/heatmap.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["layers"][-1]["type"] = "heatmap"
json.dump(s, open(sys.argv[2], "w"), indent=2)
PY
lid=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["layers"][-1]["id"])' "$work/heatmap.json")
line=$(grep -n "\"id\": \"$lid\"" "$work/heatmap.json" | tail -1 | cut -d: -f1)
expect_error "style with an unknown layer type" 1 "heatmap\.json line $line: layer \`$lid\`: key \`type\`: unknown layer type \"heatmap\"" \
  run "$seeds" "${args[@]}" --style "$work/heatmap.json" --out "$out"

: >"$work/empty.json"
expect_error "empty style" 1 "empty\.json: empty file" run "$seeds" "${args[@]}" --style "$work/empty.json" --out "$out"

sed 's/"@government"/"@goverment"/' "$here/styles/control.json" >"$work/misspelt.json"
line=$(grep -n '"@goverment"' "$work/misspelt.json" | head -1 | cut -d: -f1)
expect_error "style naming a colour the palette lacks" 1 "misspelt\.json line $line: unknown palette colour \"@goverment\"" \
  run "$seeds" "${args[@]}" --style "$work/misspelt.json" --out "$out"

# --- unwritable output
touch "$work/regular-file"
expect_error "out/ below a regular file" 3 "regular-file/out: cannot create directory: Not a directory" \
  run "$seeds" "${args[@]}" --out "$work/regular-file/out"

# A read-only out/: as root, permissions do not stop writes, so a read-only bind mount is
# used; otherwise the permission bits.
if [ "$(id -u)" -ne 0 ]; then
  chmod -R a-w "$out"
  expect_error "read-only out/ (permissions)" 3 "\.frontline\.lock: cannot open lock file: Permission denied" \
    run "$seeds" "${args[@]}" --out "$out"
  chmod -R u+w "$out"
elif mount --bind "$out" "$out" 2>/dev/null; then
  mounts+=("$out")
  if mount -o remount,bind,ro "$out" 2>/dev/null; then
    expect_error "read-only out/ (read-only bind mount)" 3 "\.frontline\.lock: cannot open lock file: Read-only file system" \
      run "$seeds" "${args[@]}" --out "$out"
  else skip "read-only out/" "remount read-only not permitted"; fi
  umount "$out"; unset 'mounts[-1]'
  # Only out/tiles read-only: the previous output cannot be replaced, so the run stops at
  # its start and nothing is written.
  if mount --bind "$out/tiles" "$out/tiles" 2>/dev/null; then
    mounts+=("$out/tiles")
    mount -o remount,bind,ro "$out/tiles" 2>/dev/null &&
      expect_error "read-only out/tiles (refused at the start, nothing written)" 3 "out/tiles/.*: Read-only file system" \
        run "$seeds" "${args[@]}" --out "$out"
    umount "$out/tiles"; unset 'mounts[-1]'
  fi
else
  skip "read-only out/" "running as root and bind mounts are not permitted: no way to make out/ read-only"
fi

# --- output directories: never touch what we did not write
# A user's files named like temporaries (and like older versions' temporaries) in out/ are
# kept by a rerun (incremental: tiles are hard-linked again, and no .lnk name is left).
printf 'mine\n' >"$out/notes.tmp.2"; printf 'mine\n' >"$out/tiles/old.png.lnk.7"
"$bin" run "$seeds" "${args[@]}" --out "$out" >/dev/null 2>"$work/keep.log"; rc=$?
row "a user's notes.tmp.2 and tiles/old.png.lnk.7 in out/ (rerun)" "$rc" "(accepted; both kept, no temporaries of ours left)"
if [ "$rc" -eq 0 ] && [ "$(cat "$out/notes.tmp.2")" = mine ] && [ "$(cat "$out/tiles/old.png.lnk.7")" = mine ] &&
   [ -z "$(find "$out" -name '*.frontline-tmp.*' -print -quit)" ]; then pass
else fail "user's files in out/: rc=$rc $(tail -1 "$work/keep.log")"; fi
rm -f "$out/notes.tmp.2" "$out/tiles/old.png.lnk.7"

expect_error "--out / (the root directory)" 2 "output error: /: refusing to write into the root directory" \
  run "$seeds" "${args[@]}" --out /
mkdir -p "$work/home"
HOME=$work/home expect_error "--out \$HOME (the home directory itself)" 2 "home: refusing to write into your home directory" \
  run "$seeds" "${args[@]}" --out "$work/home"
mkdir -p "$work/thesis"; printf 'mine\n' >"$work/thesis/chapter1.tex"; printf 'mine\n' >"$work/thesis/draft.tmp.2"
expect_error "--out a directory of other files (no Frontline output)" 2 "output error: .*thesis: directory is not empty and holds no Frontline output" \
  run "$seeds" "${args[@]}" --out "$work/thesis"
if [ "$(names "$work/thesis" | tr '\n' ' ')" != "chapter1.tex draft.tmp.2 " ]; then
  fail "--out thesis: the directory was changed: $(names "$work/thesis" | tr '\n' ' ')"
fi

# --- timeline bounded by its evidence
d=$work/in-absurd; mkdir -p "$d"
for f in "$seeds"/*.txt; do ln -sf "$f" "$d/"; done
awk -F'\t' -v OFS='\t' 'NR == 6 { $2 = "9999-12-31" } { print }' "$seeds/manifest.tsv" >"$d/manifest.tsv"
abs_out=$work/out-absurd
timeout 300 "$bin" run "$d" "${args[@]}" --out "$abs_out" >/dev/null 2>"$work/absurd.log"; rc=$?
msg=$(grep -m1 'warning: .*9999-12-31' "$work/absurd.log")
row "manifest row dated 9999-12-31" "$rc" "$msg"
# The same days as the good run (the article's events, now dated 9999, change no day).
if [ "$rc" -eq 0 ] && grep -qE "manifest\.tsv line 6: .*published 9999-12-31 is after today" <<<"$msg" &&
   [ "$(names "$snap/control")" = "$(names "$abs_out/control")" ] && grep -q '^9999-12-31/' "$abs_out/events.csv"; then pass
else fail "absurd date: rc=$rc, control days: $(names "$abs_out/control" | grep -vc areas) $(tail -1 "$work/absurd.log")"; fi
rm -rf "$abs_out"

expect_error "--until not a date" 2 "--until: not a date YYYY-MM-DD: \"2024-13-01\"" \
  run "$seeds" "${args[@]}" --until 2024-13-01 --out "$out"
expect_error "--until before the baseline" 2 "run error: --until 2024-11-01: before the baseline's date 2024-11-26" \
  run "$seeds" "${args[@]}" --until 2024-11-01 --out "$out"
expect_error "--until 40 years on" 2 "run error: --until 2064-01-01: a timeline to 2064-01-01 would have more than 3660 days" \
  run "$seeds" "${args[@]}" --until 2064-01-01 --out "$out"

# --- zoom ceiling
expect_error "--zoom 22-22 (670 million tiles per layer)" 2 "tiles error: --zoom 22-22: [0-9]+ tiles per layer over the area, more than the ceiling of 1000000" \
  run "$seeds" --zoom 22-22 --no-retina -j 2 --out "$out"

# --- files that are not files, too large, or unreachable
d=$(articles devmanifest); rm "$d/manifest.tsv"; ln -s /dev/zero "$d/manifest.tsv"
expect_error "manifest.tsv a symlink to /dev/zero" 1 "article error: .*devmanifest/manifest\.tsv: not a regular file" \
  run "$d" "${args[@]}" --out "$out"
ln -sf /dev/zero "$work/zero.json"
expect_error "--style a symlink to /dev/zero" 1 "style error: .*zero\.json: not a regular file" \
  run "$seeds" "${args[@]}" --style "$work/zero.json" --out "$out"
g=$work/gaz-dev; cp -r "$here/gazetteer" "$g"; rm "$g/curated.tsv"; ln -s /dev/zero "$g/curated.tsv"
expect_error "gazetteer curated.tsv a symlink to /dev/zero" 1 "gazetteer error: .*gaz-dev/curated\.tsv: not a regular file" \
  --gazetteer "$g" run "$seeds" "${args[@]}" --out "$out"
mkfifo "$work/fifo.json"
expect_error "--style a named pipe (FIFO)" 1 "style error: .*fifo\.json: not a regular file" \
  run "$seeds" "${args[@]}" --style "$work/fifo.json" --out "$out"
d=$(articles huge); truncate -s 300M "$d/huge.txt"
expect_error "article of 300 MiB (sparse file)" 1 "article error: .*huge\.txt: file too large: 314572800 bytes, more than the limit of 268435456 \(256 MiB\)" \
  run "$d" "${args[@]}" --out "$out"
rm -f "$d/huge.txt"
expect_error "--style a directory" 1 "style error: .*: a directory, not a file" \
  run "$seeds" "${args[@]}" --style "$work" --out "$out"
ln -s "$work/loop-b" "$work/loop-a"; ln -s "$work/loop-a" "$work/loop-b"
expect_error "article path a symlink loop" 1 "article error: .*loop-a: cannot read: Too many levels of symbolic links \(a symbolic link loop\?\)" \
  run "$work/loop-a" "${args[@]}" --out "$out"
long=$(head -c 100000 /dev/zero | tr '\0' n)
expect_error "article name of 100,000 characters" 1 "article error: .{0,260}: cannot read: File name too long" \
  run "$work/$long.txt" "${args[@]}" --out "$out"
if [ "$(grep -m1 ' error' <<<"$("$bin" run "$work/$long.txt" "${args[@]}" --out "$out" 2>&1)" | wc -c)" -gt 400 ]; then
  fail "a 100,000-character name was echoed whole"
fi
expect_error "--out a symlink loop" 3 "output error: .*loop-a: cannot create directory: Too many levels of symbolic links" \
  run "$seeds" "${args[@]}" --out "$work/loop-a"
expect_error "--out name of 100,000 characters" 3 "output error: .{0,260}: cannot create directory: File name too long" \
  run "$seeds" "${args[@]}" --out "$work/$long"
if [ "$(id -u)" -ne 0 ]; then
  d=$(articles noperm); printf 'Rebels entered Saraqib.\n' >"$d/noperm.txt"; chmod 000 "$d/noperm.txt"
  expect_error "article without read permission" 1 "article error: .*noperm\.txt: cannot open file: Permission denied" \
    run "$d" "${args[@]}" --out "$out"
else
  skip "article without read permission" "running as root: permission bits do not stop reads"
fi

# --- full disk
# A file size limit (RLIMIT_FSIZE) with SIGXFSZ ignored: write() fails with EFBIG.
( trap '' XFSZ; ulimit -f 32; exec "$bin" run "$seeds" "${args[@]}" --out "$out" ) >/dev/null 2>"$work/fsize.log"
rc=$?
msg=$(grep -m1 ' error' "$work/fsize.log")
row "file size limit 32 KiB (ulimit -f)" "$rc" "$msg"
if [ "$rc" -eq 3 ] && grep -q "File too large" <<<"$msg" && same_tree "$snap" "$out" && no_temporaries "$out"; then pass
else fail "file size limit: rc=$rc $msg"; fi

# A small tmpfs, if mounting is permitted: filled completely after a good run, then filled
# to a few hundred KiB short so that a fresh run fails part way.
fs=$work/tmpfs
mkdir -p "$fs"
if mount -t tmpfs -o size=6m tmpfs "$fs" 2>/dev/null; then
  mounts+=("$fs")
  cp -a "$snap" "$fs/out"
  dd if=/dev/zero of="$fs/filler" bs=4k 2>/dev/null
  out_saved=$out; out=$fs/out
  expect_error "full disk (tmpfs filled after a good run)" 3 "tmpfs/out/[^:]*: write failed: No space left on device" \
    run "$seeds" "${args[@]}" --out "$out"
  out=$out_saved
  for free in 200 600 1000; do
    rm -f "$fs/filler"; rm -rf "$fs/fresh"
    avail=$(df -k --output=avail "$fs" | tail -1)
    dd if=/dev/zero of="$fs/filler" bs=1k count=$((avail - free)) 2>/dev/null
    "$bin" run "$seeds" --zoom 5-7 -j 2 --out "$fs/fresh" >/dev/null 2>"$work/full.log"
    rc=$?
    msg=$(grep -m1 ' error' "$work/full.log")
    row "disk full part way through a fresh run (${free} KiB free)" "$rc" "$msg"
    if [ "$rc" -eq 3 ] && grep -qE "fresh/.*(No space left on device|disk is full)" <<<"$msg" && no_temporaries "$fs/fresh"; then pass
    else fail "disk full with ${free} KiB free: rc=$rc $msg"; fi
  done
  umount "$fs"; unset 'mounts[-1]'
else
  skip "full disk (tmpfs)" "mounting a tmpfs is not permitted here; the file size limit case above covers write failures"
fi

echo "$prog: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
