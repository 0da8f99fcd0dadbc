#!/usr/bin/env bash
# Builds the libFuzzer target fuzz/fuzz-raw.c (raw bytes into
# mapops_insn_snprint() and mapops-dump's --hex parser) with clang-14 from
# lib/*.c and tools/mapops-dump.c under -fsanitize=fuzzer,address,undefined,
# runs every input in fuzz/regressions-raw/ once, then fuzzes for SECONDS
# seconds (default 15) from fuzz/corpus-raw/.
#
#   fuzz/run-raw.sh [SECONDS]
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz/ at the top of the tree;
# this target goes to its raw/ subdirectory), FUZZ_CC (default clang-14),
# FUZZ_ARGS (more libFuzzer options).
# Exits 0 when nothing was found, 1 on a crash, a violated invariant, a leak,
# a failing regression input, or when the fuzzer cannot be built.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-15}
bdir=${FUZZ_BUILD_DIR:-$root/build-fuzz}/raw
cc=${FUZZ_CC:-clang-14}
bin=$bdir/fuzz-raw

case $secs in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
command -v "$cc" >/dev/null 2>&1 ||
  { echo "fuzz/run-raw.sh: $cc not found; tools/install-deps.sh installs clang-14 and libclang-rt-14-dev" >&2; exit 1; }
mkdir -p "$bdir/obj" "$bdir/corpus" "$bdir/artifacts"

san=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
     -fno-omit-frame-pointer)
common=(-std=c11 -D_GNU_SOURCE -g -O1 -I"$root/include" -I"$root/lib" "${san[@]}")
objs=() pids=()
log=$bdir/build.log
: >"$log"
for src in "$root"/lib/*.c "$root"/fuzz/fuzz-raw.c; do
  obj=$bdir/obj/$(basename "${src%.c}").o
  objs+=("$obj")
  warn=(-Wall -Wextra -Wno-unused-parameter)
  [ "$src" = "$root/fuzz/fuzz-raw.c" ] && warn+=(-Werror)
  "$cc" "${common[@]}" "${warn[@]}" -c "$src" -o "$obj" >>"$log" 2>&1 & pids+=($!)
done
ok=1
for p in "${pids[@]}"; do wait "$p" || ok=0; done
[ $ok = 1 ] && { "$cc" "${san[@]}" "${objs[@]}" -lbpf -o "$bin" >>"$log" 2>&1 || ok=0; }
[ -s "$log" ] && cat "$log" >&2
[ $ok = 1 ] || { echo "fuzz/run-raw.sh: FAILED to build the fuzzer with $cc" >&2; exit 1; }
echo "fuzz/run-raw.sh: built $bin"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
opts=(-error_exitcode=1 -timeout_exitcode=1 -max_len=4096 -timeout=30 -rss_limit_mb=2560)

rc=0
shopt -s nullglob
regs=("$root"/fuzz/regressions-raw/* "$root"/fuzz/corpus-raw/*)
shopt -u nullglob
if [ ${#regs[@]} -gt 0 ] && ! "$bin" "${opts[@]}" "${regs[@]}" >"$bdir/regression.log" 2>&1; then
  cat "$bdir/regression.log" >&2
  echo "fuzz/run-raw.sh: a regression or seed input FAILS (see above)" >&2
  rc=1
else
  echo "fuzz/run-raw.sh: ${#regs[@]} regression and seed inputs pass"
fi

rm -f "$bdir"/artifacts/*
echo "fuzz/run-raw.sh: fuzzing for ${secs}s"
frc=0
# shellcheck disable=SC2086
"$bin" "${opts[@]}" -max_total_time="$secs" -print_final_stats=1 \
  -artifact_prefix="$bdir/artifacts/" ${FUZZ_ARGS:-} \
  "$bdir/corpus" "$root/fuzz/corpus-raw" 2>"$bdir/fuzz.log" || frc=$?
tail -n 15 "$bdir/fuzz.log"
if [ $frc -ne 0 ]; then
  echo "fuzz/run-raw.sh: the fuzzer FAILED (exit $frc); full log: $bdir/fuzz.log" >&2
  for a in "$bdir"/artifacts/*; do
    [ -f "$a" ] && echo "fuzz/run-raw.sh: crash input: $a (reproduce: $bin $a)" >&2
  done
  rc=1
fi
[ $rc -eq 0 ] && echo "fuzz/run-raw.sh: no failure in ${secs}s"
exit $rc
