#!/usr/bin/env bash
# Line and branch coverage of lib/*.c by a fuzz corpus: builds fuzz-api.c
# with clang-14 source-based coverage (no sanitizers), runs every input of
# the given corpus directories once and prints llvm-cov's report.
#
#   fuzz/coverage.sh [CORPUS_DIR...]   (default: fuzz/corpus and, when it
#                                       exists, build-fuzz/corpus)
#
# Needs clang-14, libclang-rt-14-dev and llvm-14 (llvm-profdata-14,
# llvm-cov-14).  Writes into build-fuzz-cov/ (FUZZ_COV_DIR).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_COV_DIR:-$root/build-fuzz-cov}
for tool in clang-14 llvm-profdata-14 llvm-cov-14; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "fuzz/coverage.sh: $tool not found (apt-get install clang-14 libclang-rt-14-dev llvm-14)" >&2
    exit 1
  fi
done
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  dirs=("$root/fuzz/corpus")
  [ -d "$root/build-fuzz/corpus" ] && dirs+=("$root/build-fuzz/corpus")
fi

mkdir -p "$out"
flags=(-std=c11 -D_GNU_SOURCE -g -O1 -I"$root/include" -I"$root/lib"
       -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping)
mkdir -p "$out/obj"
for src in "$root"/lib/*.c; do
  clang-14 "${flags[@]}" -Dmalloc=mapops_fuzz_malloc -Dcalloc=mapops_fuzz_calloc \
    -Drealloc=mapops_fuzz_realloc -c "$src" -o "$out/obj/$(basename "${src%.c}").o"
done
mkdir -p "$out/gen"
python3 "$root/tools/api.py" c-table "$out/gen/api-table.h"
clang-14 "${flags[@]}" -I"$out/gen" "$root"/fuzz/fuzz-api.c "$out"/obj/*.o -lbpf -o "$out/fuzz-api-cov"
rm -f "$out"/*.profraw
files=()
for d in "${dirs[@]}"; do
  for f in "$d"/*; do
    [ -f "$f" ] && files+=("$f")
  done
done
# -runs=0 over files runs each once; a crashing input ends the run, so the
# regressions are not included by default.
LLVM_PROFILE_FILE="$out/cov-%p.profraw" MAPOPS_FUZZ_NO_ALIAS=${MAPOPS_FUZZ_NO_ALIAS:-1} \
  "$out/fuzz-api-cov" -runs=1 "${files[@]}" >"$out/run.log" 2>&1 || {
  echo "fuzz/coverage.sh: an input failed; see $out/run.log" >&2
  exit 1
}
llvm-profdata-14 merge -sparse "$out"/*.profraw -o "$out/cov.profdata"
echo "fuzz/coverage.sh: ${#files[@]} inputs"
llvm-cov-14 report "$out/fuzz-api-cov" -instr-profile="$out/cov.profdata" \
  "$root"/lib/*.c
echo "Per line: llvm-cov-14 show $out/fuzz-api-cov -instr-profile=$out/cov.profdata $root/lib/FILE.c"
