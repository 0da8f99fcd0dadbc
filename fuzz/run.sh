#!/usr/bin/env bash
# Builds the libFuzzer target fuzz/fuzz-api.c with clang-14 straight from the
# library's sources (lib/*.c) under -fsanitize=fuzzer,address,undefined, runs
# every call list in fuzz/regressions/ once (compiled to input bytes by
# fuzz/fuzzcalls.py), then fuzzes for SECONDS seconds (default 60) starting
# from the checked-in corpus fuzz/corpus/ and one generic seed per builder
# of lib/mapops.api (fuzz/make-seeds.py --generic).
#
#   fuzz/run.sh [SECONDS]
#
# Environment:
#   FUZZ_BUILD_DIR  where the fuzzer, its working corpus and any crash inputs
#                   go (default: build-fuzz/ at the top of the source tree)
#   FUZZ_CC         the compiler (default clang-14)
#   FUZZ_MAX_LEN    -max_len for libFuzzer (default 4096)
#   FUZZ_ARGS       more libFuzzer options
#   MAPOPS_FUZZ_NO_ALIAS=1  no calls that hand the program's own storage back
#                   to it (see fuzz-api.c)
#
# Exits 0 when nothing was found, 1 on a crash, an invariant violation, a
# leak or a failing regression input (printing the input's path), and 1 when
# the fuzzer cannot be built: clang-14 and libclang-rt-14-dev are required
# (tools/install-deps.sh installs them).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
bdir=${FUZZ_BUILD_DIR:-$root/build-fuzz}
cc=${FUZZ_CC:-clang-14}
max_len=${FUZZ_MAX_LEN:-4096}
bin=$bdir/fuzz-api

case $secs in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

if ! command -v "$cc" >/dev/null 2>&1; then
  echo "fuzz/run.sh: $cc not found; tools/install-deps.sh installs clang-14 and libclang-rt-14-dev" >&2
  exit 1
fi

mkdir -p "$bdir/obj" "$bdir/corpus" "$bdir/artifacts" "$bdir/gen" \
  "$bdir/regressions" "$bdir/seeds"

# ---- The API description as C tables (tests/api-table.h in meson's build):
# the fuzzer's call ids are the functions' ids in lib/mapops.api.
if ! python3 "$root/tools/api.py" c-table "$bdir/gen/api-table.h"; then
  echo "fuzz/run.sh: FAILED to generate api-table.h from lib/mapops.api" >&2
  exit 1
fi

# ---- Build: every lib/*.c (lib/print.c too when present) and the target.
san=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
     -fno-omit-frame-pointer)
common=(-std=c11 -D_GNU_SOURCE -g -O1 -I"$root/include" -I"$root/lib"
        "${san[@]}")
objs=()
pids=()
build_log=$bdir/build.log
: >"$build_log"
for src in "$root"/lib/*.c "$root"/fuzz/fuzz-api.c; do
  obj=$bdir/obj/$(basename "${src%.c}").o
  objs+=("$obj")
  if [ "$src" = "$root/fuzz/fuzz-api.c" ]; then
    warn=(-Wall -Wextra -Werror -I"$bdir/gen")
  else
    # The library's allocations go through the fuzzer, which can fail them.
    warn=(-Wall -Wextra -Wno-unused-parameter -Dmalloc=mapops_fuzz_malloc
          -Dcalloc=mapops_fuzz_calloc -Drealloc=mapops_fuzz_realloc)
  fi
  "$cc" "${common[@]}" "${warn[@]}" -c "$src" -o "$obj" >>"$build_log" 2>&1 &
  pids+=($!)
done
build_ok=1
for p in "${pids[@]}"; do
  wait "$p" || build_ok=0
done
if [ $build_ok = 1 ]; then
  "$cc" "${san[@]}" "${objs[@]}" -lbpf -o "$bin" >>"$build_log" 2>&1 || build_ok=0
fi
if [ $build_ok = 0 ] || [ -s "$build_log" ]; then
  cat "$build_log" >&2
fi
if [ $build_ok = 0 ]; then
  echo "fuzz/run.sh: FAILED to build the fuzzer with $cc (is libclang-rt-14-dev installed? tools/install-deps.sh)" >&2
  exit 1
fi
echo "fuzz/run.sh: built $bin"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# libFuzzer's own failure exit code is 77, which meson reads as "skipped".
opts=(-error_exitcode=1 -timeout_exitcode=1 -max_len="$max_len" -timeout=30
      -rss_limit_mb=2560)

# ---- The fuzzer covers lib/mapops.api: it stops at start naming any
# described function that it neither models nor calls generically.
if ! "$bin" -runs=0 >"$bdir/start.log" 2>&1; then
  grep '^fuzz-api:' "$bdir/start.log" >&2 || cat "$bdir/start.log" >&2
  echo "fuzz/run.sh: FAILED: the fuzzer does not cover every function of lib/mapops.api (above)" >&2
  exit 1
fi

# ---- Every regression once: call lists (text), compiled to input bytes now
# with the ids of today's lib/mapops.api.
rc=0
shopt -s nullglob
regs=("$root"/fuzz/regressions/*)
shopt -u nullglob
failed=()
rm -f "$bdir"/regressions/*
for f in "${regs[@]}"; do
  [ -f "$f" ] || continue
  in=$bdir/regressions/$(basename "${f%.calls}")
  case $f in
    *.calls) ;;
    *) echo "fuzz/run.sh: $f is not a call list (NAME.calls, see fuzz/README.md)" >&2
       failed+=("$f"); continue ;;
  esac
  if ! python3 "$root/fuzz/fuzzcalls.py" compile "$f" "$in"; then
    failed+=("$f")
    continue
  fi
  if ! env -u MAPOPS_FUZZ_NO_ALIAS "$bin" "${opts[@]}" "$in" >"$bdir/regression.log" 2>&1; then
    cat "$bdir/regression.log" >&2
    echo "fuzz/run.sh: what it calls: MAPOPS_FUZZ_TRACE=1 $bin $in" >&2
    failed+=("$f")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  for f in "${failed[@]}"; do
    echo "fuzz/run.sh: REGRESSION input fails: $f" >&2
  done
  rc=1
else
  echo "fuzz/run.sh: ${#regs[@]} regression inputs pass"
fi

# ---- Fuzz.  New inputs go to the build dir's corpus; fuzz/corpus is only
# read.  The generic seeds are written afresh from lib/mapops.api, so a new
# builder is fuzzed from its first run.
if ! python3 "$root/fuzz/make-seeds.py" --generic "$bdir/seeds" >/dev/null; then
  echo "fuzz/run.sh: FAILED to write the generic seeds" >&2
  exit 1
fi
rm -f "$bdir"/artifacts/crash-* "$bdir"/artifacts/leak-* \
      "$bdir"/artifacts/timeout-* "$bdir"/artifacts/oom-*
echo "fuzz/run.sh: fuzzing for ${secs}s"
frc=0
# shellcheck disable=SC2086
"$bin" "${opts[@]}" -max_total_time="$secs" -print_final_stats=1 \
  -artifact_prefix="$bdir/artifacts/" ${FUZZ_ARGS:-} \
  "$bdir/corpus" "$root/fuzz/corpus" "$bdir/seeds" 2>"$bdir/fuzz.log" || frc=$?
tail -n 40 "$bdir/fuzz.log"
if [ $frc -ne 0 ]; then
  echo "fuzz/run.sh: the fuzzer FAILED (exit $frc); full log: $bdir/fuzz.log" >&2
  found=0
  for a in "$bdir"/artifacts/*; do
    [ -f "$a" ] || continue
    found=1
    echo "fuzz/run.sh: crash input: $a" >&2
    echo "  reproduce: $bin $a" >&2
    echo "  minimise:  $bin -minimize_crash=1 -runs=100000 -exact_artifact_path=$a.min $a" >&2
  done
  [ $found = 1 ] || echo "fuzz/run.sh: no crash input was written" >&2
  rc=1
fi
[ $rc -eq 0 ] && echo "fuzz/run.sh: no failure in ${secs}s"
exit $rc
