#!/usr/bin/env bash
# The project's two commands, for a fresh Debian 12 machine (as root):
#   ./run.sh demo   install dependencies, build, run the packet-counter example
#   ./run.sh demo-python, ./run.sh demo-lua
#                   the same example written with the Python / LuaJIT binding
#                   (Python: on a veth pair in a network namespace, with
#                   real traffic; BPF_PROG_TEST_RUN where namespaces cannot
#                   be made)
#   ./run.sh demo-trace
#                   every execve() on the machine, live, from a tracepoint
#                   program's ring buffer (examples/trace_exec.py; Ctrl-C)
#   ./run.sh demo-events
#                   a ring-buffer event stream: one record per packet, printed
#                   as it arrives (examples/event-stream.c)
#   ./run.sh demo-flows
#                   subprograms and a map callback: a per-flow counter that
#                   expires idle flows (examples/flow-expiry.c)
#   ./run.sh test   install dependencies, build, run every test suite:
#                   the normal build, then again under ASan+UBSan, then
#                   the threads suite under TSan
# and the benchmarks:
#   ./run.sh bench [--readme]
#                   install dependencies, build (release, build-bench/), run
#                   the full benchmark and print its tables (--readme: also
#                   write them into bench/README.md)
#   ./run.sh regen  rewrite the committed files generated from lib/mapops.api
# Environment: MAPOPS_REQUIRE_BPF=1 turns "kernel refused bpf()" skips into
# failures (CI sets it).
set -euo pipefail
cd "$(dirname "$0")"

setup_build() { # dir [meson options...]
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
  ninja -C "$dir"
}

# Prints "<name>: N passed, N failed, N skipped" from meson's JSON log.
summarize() { # log name
  python3 - "$1" "$2" <<'PY'
import json, sys
counts = {"OK": 0, "FAIL": 0, "SKIP": 0}
bad = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    res = r["result"]
    key = "OK" if res in ("OK", "EXPECTEDFAIL") else "SKIP" if res == "SKIP" else "FAIL"
    counts[key] += 1
    if key != "OK":
        bad.append("%s %s" % (res, r["name"]))
for b in bad:
    print("  " + b)
print("%s: %d passed, %d failed, %d skipped" % (sys.argv[2], counts["OK"], counts["FAIL"], counts["SKIP"]))
PY
}

run_tests() { # dir log name [meson test options...]
  local dir=$1 log=$2 name=$3 rc=0; shift 3
  meson test -C "$dir" --print-errorlogs "$@" || rc=$?
  summarize "$dir/meson-logs/$log" "$name"
  return $rc
}

cmd_demo() {
  tools/install-deps.sh
  setup_build build -Dwerror=true
  ./build/examples/packet-counter
}

# The bindings find the freshly built library and their modules here.
bindings_env() {
  export MAPOPS_LIBRARY=$PWD/build/lib/libmapops.so.1
  export PYTHONPATH=$PWD/bindings/python
  export LUA_PATH="$PWD/bindings/lua/?.lua;;"
}

cmd_demo_events() {
  tools/install-deps.sh
  setup_build build -Dwerror=true
  ./build/examples/event-stream
}

cmd_demo_flows() {
  tools/install-deps.sh
  setup_build build -Dwerror=true
  ./build/examples/flow-expiry
}

cmd_demo_python() {
  tools/install-deps.sh
  setup_build build -Dwerror=true
  bindings_env
  python3 examples/packet_counter.py
}

cmd_demo_trace() {
  tools/install-deps.sh
  setup_build build -Dwerror=true
  bindings_env
  python3 examples/trace_exec.py "$@"
}

cmd_demo_lua() {
  tools/install-deps.sh
  setup_build build -Dwerror=true
  bindings_env
  luajit examples/packet_counter.lua
}

cmd_test() {
  tools/install-deps.sh
  local rc=0
  setup_build build -Dwerror=true
  run_tests build testlog.json "tests" || rc=1
  run_tests build testlog-valgrind.json "C suites under valgrind" \
    --setup valgrind --suite unit --suite kernel --no-suite bindings || rc=1
  setup_build build-asan -Dwerror=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debug
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_tests build-asan testlog.json "tests under ASan+UBSan" || rc=1
  # Concurrent handles under ThreadSanitizer: the threads suite only.
  setup_build build-tsan -Dwerror=true -Db_sanitize=thread \
    -Db_lundef=false -Dbuildtype=debug
  TSAN_OPTIONS=halt_on_error=1 \
    run_tests build-tsan testlog.json "threads under TSan" --suite threads || rc=1
  # The Debian packages: built from a copy of the tree, lintian-clean,
  # installed, used by debian/tests/*, purged (tests/debian/run-deb-test.sh).
  if [ "$(id -u)" -eq 0 ]; then
    tests/debian/run-deb-test.sh || rc=1
  elif [ "${MAPOPS_REQUIRE_BPF:-0}" = 1 ]; then
    echo "deb: FAILED: installing the packages needs root (MAPOPS_REQUIRE_BPF=1)"
    rc=1
  else
    echo "deb: skipped: installing the packages needs root"
  fi
  if [ $rc -ne 0 ]; then
    echo "run.sh test: FAILED"
  else
    echo "run.sh test: all suites passed"
  fi
  return $rc
}

cmd_bench() {
  tools/install-deps.sh
  setup_build build-bench -Dwerror=true -Dbuildtype=release -Dtests=false
  python3 bench/run.py --build build-bench "$@"
}

# Rewrites the files generated from the API description (lib/mapops.api)
# that are committed: see HACKING.md.  The 'api' test fails while one is stale.
cmd_regen() {
  python3 tools/api.py regen
}

case "${1:-}" in
  demo) cmd_demo ;;
  demo-python) cmd_demo_python ;;
  demo-lua) cmd_demo_lua ;;
  demo-trace) shift; cmd_demo_trace "$@" ;;
  demo-events) cmd_demo_events ;;
  demo-flows) cmd_demo_flows ;;
  test) cmd_test ;;
  bench) shift; cmd_bench "$@" ;;
  regen) cmd_regen ;;
  *) echo "usage: $0 demo|demo-python|demo-lua|demo-events|demo-trace|demo-flows|test|bench [--readme]|regen" >&2; exit 2 ;;
esac
