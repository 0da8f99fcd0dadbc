#!/usr/bin/env bash
# mapops-dump on hostile input: endless streams stop in bounded memory and
# time, bad --hex tokens are quoted escaped (no raw ESC or NUL reaches the
# terminal), chains of 0x18 print, and an empty file and a directory give
# clear errors.
#
#   tests/check-dump-hostile.sh MAPOPS_DUMP [--no-memory-limit]
#
# --no-memory-limit: a sanitizer build, whose shadow memory does not fit
# under ulimit -v; the time limits still hold.
set -uo pipefail

dump=$1
limit_mem=1
[ "${2:-}" = --no-memory-limit ] && limit_mem=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

fail() { echo "FAIL: $*"; failed=1; }

# run NAME SECONDS CMD...: runs CMD under a 64 MiB address-space limit and a
# timeout; leaves the status in $rc, stdout in $work/out, stderr in $work/err.
run() {
  local name=$1 secs=$2
  shift 2
  (
    [ "$limit_mem" = 1 ] && ulimit -v 65536
    exec timeout "$secs" "$@"
  ) >"$work/out" 2>"$work/err"
  rc=$?
  [ "$rc" = 124 ] && fail "$name: still running after ${secs}s"
  if grep -q $'\x1b' "$work/out" "$work/err"; then fail "$name: a raw ESC byte reached the output"; fi
  return 0
}

expect_error() { # name, text the error must hold
  [ "$rc" = 1 ] || fail "$1: exit $rc, expected 1 (stderr: $(head -c 300 "$work/err"))"
  grep -qF -- "$2" "$work/err" || fail "$1: stderr lacks \"$2\": $(head -c 300 "$work/err")"
}

run "/dev/zero" 10 "$dump" /dev/zero
expect_error "/dev/zero" "more than 8000000 bytes (1000000 slots): no valid program is that large"

run "endless hex (yes ff)" 20 bash -c "yes ff | \"\$0\" --hex" "$dump"
expect_error "endless hex (yes ff)" "no valid program is that large"

run "endless blank lines" 30 bash -c "yes '' | \"\$0\" --hex" "$dump"
expect_error "endless blank lines" "more than 134217728 bytes of hex text"

run "endless comment" 30 bash -c "yes '# comment' | \"\$0\" --hex" "$dump"
expect_error "endless comment" "of hex text"

printf '0xb7 0x00 0x00 0x00\n0x07 0x00 0x00 0x00 \x1b[2K\x1b[1Aall ok\n' >"$work/esc.hex"
run "ESC in --hex" 10 "$dump" --hex "$work/esc.hex"
expect_error "ESC in --hex" '"\x1b[2K\x1b[1Aall" is not a hex byte'

printf '0xb7 0x00\x000x00 0x00\n' >"$work/nul.hex"
run "NUL in --hex" 10 "$dump" --hex "$work/nul.hex"
expect_error "NUL in --hex" '"0x00\x000x00" is not a hex byte'

printf 'bf21\\x1b\n' >"$work/bs.hex"
run "backslash in --hex" 10 "$dump" --hex "$work/bs.hex"
expect_error "backslash in --hex" '"bf21\\x1b" is not a hex byte'

head -c 300 /dev/zero | tr '\0' Z >"$work/long.hex"
run "long token" 10 "$dump" --hex "$work/long.hex"
expect_error "long token" '"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"... is not a hex byte'

# 1,000,000 slots of 0x18 bytes (every field 0x18): the largest input, all
# of it invalid ld_imm64 halves; it prints one line per two slots.
head -c 8000000 /dev/zero | tr '\0' '\030' >"$work/chain.bin"
run "0x18 chain" 60 "$dump" "$work/chain.bin"
[ "$rc" = 0 ] || fail "0x18 chain: exit $rc: $(head -c 300 "$work/err")"
lines=$(wc -l <"$work/out")
[ "$lines" = 500000 ] || fail "0x18 chain: $lines lines, expected 500000"
grep -q '^999998: invalid insn code 0x18' "$work/out" || fail "0x18 chain: no line for slot 999998"

yes '0x18' 2>/dev/null | head -n 1600 >"$work/chain.hex"
run "0x18 chain (--hex)" 10 "$dump" --hex "$work/chain.hex"
[ "$rc" = 0 ] || fail "0x18 chain (--hex): exit $rc: $(head -c 300 "$work/err")"
[ "$(wc -l <"$work/out")" = 100 ] || fail "0x18 chain (--hex): $(wc -l <"$work/out") lines, expected 100"

: >"$work/empty"
run "empty file" 10 "$dump" "$work/empty"
expect_error "empty file" "is empty: no instructions to print"
run "empty --hex" 10 "$dump" --hex "$work/empty"
expect_error "empty --hex" "is empty"

mkdir "$work/dir"
run "directory" 10 "$dump" "$work/dir"
expect_error "directory" "is a directory, not a file of instructions"

head -c 8000008 /dev/zero >"$work/big.bin"
run "one slot past the limit" 10 "$dump" "$work/big.bin"
expect_error "one slot past the limit" "no valid program is that large"

if [ "$failed" = 0 ]; then echo "mapops-dump: all hostile inputs handled"; fi
exit "$failed"
