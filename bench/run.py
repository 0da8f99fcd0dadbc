#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The benchmark driver: runs the benchmarks of bench/ and prints the tables.

    bench/run.py --build BUILD            the full run (about a minute)
    bench/run.py --build BUILD --readme   ... and put the tables in
                                          bench/README.md
    bench/run.py --build BUILD --quick    the regression guard (seconds)

BUILD is a meson build directory of this project (./run.sh bench uses
build-bench, a release build).  Every verdict is a ratio measured in the
same run: libmapops against clang, the builder against memcpy, a size against
the size ten times smaller; never an absolute time.

--quick fails (exit 1) only on a gross regression of a ratio:
  - a libmapops sequence or program longer than clang's (instruction counts
    are exact, not noisy);
  - building 1M slots more than QUICK_MAX_SCALE times slower than 100k
    (linear is 10x; quadratic label resolution would be 100x);
  - the builder more than QUICK_MAX_BUILDER_RATIO times slower than memcpy
    per slot (about 150-250x today, see bench/README.md);
  - more than QUICK_MAX_ALLOCS_PER_CALL allocations per call at 100,000
    calls (the buffers double: about 0.001 today);
  - peak memory of the 1M build more than QUICK_MAX_MEMORY times the 8 MB of
    instructions (about 4x today).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys

QUICK_MAX_SCALE = 30.0
QUICK_MAX_BUILDER_RATIO = 1500.0
QUICK_MAX_ALLOCS_PER_CALL = 0.01
QUICK_MAX_MEMORY = 8.0

# The goals of the issue.
GOAL_RUNTIME_RATIO = 1.00
GOAL_BUILDER_RATIO = 5.0
GOAL_LUAJIT_RATIO = 3.0
GOAL_1M_MS = 100.0
GOAL_MEMORY = 3.0
SLOT_BYTES = 8

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(SRC, "bench", "README.md")
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"

OPS = ["lookup", "lookup_ptr", "update", "update_ptr", "delete",
       "delete_ptr", "increment", "increment_atomic", "lookup_or_init"]


def run_json(cmd, env=None, what=None):
    """Runs cmd; returns (parsed stdout or None, error text or None)."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env, text=True, timeout=1200)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "%s: %s" % (what or cmd[0], e)
    if p.returncode != 0:
        msg = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
        try:
            return json.loads(p.stdout), msg
        except ValueError:
            return None, msg
    return json.loads(p.stdout), None


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    clang = "?"
    if shutil.which("clang"):
        out = subprocess.run(["clang", "--version"], stdout=subprocess.PIPE,
                             text=True).stdout
        clang = out.splitlines()[0] if out else "?"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return ("%s, %d CPUs, kernel %s, %s, load average %.2f at the start"
            % (cpu, os.cpu_count() or 0, platform.release(), clang, load))


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------

def run_all(build, quick, codegen=True):
    bdir = os.path.join(build, "bench")
    lib = os.path.join(build, "lib", "libmapops.so.1")
    res = {"errors": {}}

    cmd = [os.path.join(bdir, "bench-codegen"), bdir]
    if not codegen:
        res["codegen"] = None
        res["errors"]["codegen"] = "clang was not found when the build was configured"
        cmd = None
    if cmd and quick:
        cmd.append("--quick")
    elif cmd:
        cmd += ["--reps", "21", "--repeat", "500000"]
    if cmd:
        res["codegen"], err = run_json(cmd)
        if err and not quick and res["codegen"] is None:
            # No kernel (not root, or bpf() refused): the counts alone.
            res["errors"]["codegen run time"] = err
            res["codegen"], err = run_json(cmd[:2] + ["--quick"])
        if err:
            res["errors"]["codegen"] = err

    cmd = [os.path.join(bdir, "bench-build")] + (["--quick"] if quick else [])
    res["build"], err = run_json(cmd)
    if err:
        res["errors"]["build"] = err
    res["alloc"], err = run_json([os.path.join(bdir, "bench-alloc")])
    if err:
        res["errors"]["alloc"] = err
    if quick:
        return res

    env = dict(os.environ)
    env.update({
        "MAPOPS_LIBRARY": lib,
        "BENCH_MIX_LIBRARY": os.path.join(bdir, "libbenchmix.so"),
        "PYTHONPATH": os.path.join(SRC, "bindings", "python"),
        "LUA_PATH": os.path.join(SRC, "bindings", "lua", "?.lua") + ";;",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    res["python"], err = run_json(
        [sys.executable, os.path.join(SRC, "bench", "bench_build.py")], env,
        "bench_build.py")
    if err:
        res["errors"]["python"] = err
    luajit = shutil.which("luajit")
    if luajit:
        res["lua"], err = run_json(
            [luajit, os.path.join(SRC, "bench", "bench_build.lua")], env,
            "bench_build.lua")
        if err:
            res["errors"]["lua"] = err
    else:
        res["lua"] = None
        res["errors"]["lua"] = "luajit is not installed"
    return res


# ---------------------------------------------------------------------------
# Checks and tables
# ---------------------------------------------------------------------------

def quick_check(res):
    """The regression guard: a list of failures (empty: pass)."""
    bad = ["%s: %s" % kv for kv in res["errors"].items()
           if not kv[1].startswith("clang was not found")]
    if "codegen" in res["errors"] and not bad:
        print("bench-quick: codegen: " + res["errors"]["codegen"] + " (not checked)")
    cg = res.get("codegen") or {}
    for op, c in cg.get("ops", {}).items():
        if c["lib_seq"] > c["clang_seq"] or c["lib_total"] > c["clang_total"]:
            bad.append("%s: libmapops %d/%d slots (sequence/program) > "
                       "clang's %d/%d" % (op, c["lib_seq"], c["lib_total"],
                                          c["clang_seq"], c["clang_total"]))
    b = res.get("build") or {}
    sc = b.get("scale", {})
    if "100000" in sc and "1000000" in sc:
        r = sc["1000000"]["ms"] / sc["100000"]["ms"]
        print("bench-quick: 1M / 100k slots build time: %.1fx (linear: 10x, "
              "limit %gx)" % (r, QUICK_MAX_SCALE))
        if r > QUICK_MAX_SCALE:
            bad.append("building 1M slots took %.1fx the time of 100k: "
                       "not linear" % r)
        mem = (sc["1000000"]["rss_after_kb"] - sc["1000000"]["rss_before_kb"]) \
            * 1024 / (1e6 * SLOT_BYTES)
        print("bench-quick: 1M-slot peak memory: %.1fx the instructions "
              "(limit %gx)" % (mem, QUICK_MAX_MEMORY))
        if mem > QUICK_MAX_MEMORY:
            bad.append("the 1M-slot build's peak memory is %.1fx its 8 MB "
                       "of instructions" % mem)
    for n, x in b.get("builder", {}).items():
        print("bench-quick: builder / memcpy per slot at N=%s: %.0fx "
              "(limit %gx)" % (n, x["ratio"], QUICK_MAX_BUILDER_RATIO))
        if x["ratio"] > QUICK_MAX_BUILDER_RATIO:
            bad.append("builder at N=%s is %.0fx memcpy per slot"
                       % (n, x["ratio"]))
    a = (res.get("alloc") or {}).get("builder", {}).get("100000")
    if a:
        print("bench-quick: allocations per call at N=100000: %.4f (limit %g)"
              % (a["allocs_per_call"], QUICK_MAX_ALLOCS_PER_CALL))
        if a["allocs_per_call"] > QUICK_MAX_ALLOCS_PER_CALL:
            bad.append("%.4f allocations per call at N=100000"
                       % a["allocs_per_call"])
    if cg:
        print("bench-quick: instruction counts: %d operations, none longer "
              "than clang's" % len(cg.get("ops", {}))
              if not any("clang's" in x for x in bad) else
              "bench-quick: instruction counts: some longer than clang's")
    return bad


def ci(t, n):
    """The 95% confidence interval of a median (McGill et al. 1978)."""
    h = 1.58 * (t["ratio_q3"] - t["ratio_q1"]) / n ** 0.5
    return t["ratio"] - h, t["ratio"] + h


def ci_text(t, n):
    lo, hi = ci(t, n)
    return "%.3f [%.3f, %.3f]" % (t["ratio"], lo, hi)


def met(ok):
    return "met" if ok else "**not met**"


def tables(res, command):
    out, goals = [], []
    w = out.append
    w("Measured %s with `%s` on: %s.\n"
      % (datetime.date.today().isoformat(), command, res["machine"]))
    for k, v in res["errors"].items():
        w("- %s: not measured (%s)" % (k, v))
    if res["errors"]:
        w("")

    # -- 1 -----------------------------------------------------------------
    cg = res.get("codegen") or {}
    ops = cg.get("ops", {})
    timed = "empty_ns" in cg
    w("### 1. Emitted code against clang -O2\n")
    if timed:
        ctl = cg["control"]
        w("Run time: BPF_PROG_TEST_RUN of a 64-byte packet, repeat %d, the "
          "kernel's `duration` (ns per run, whole ns); %d repetitions, each "
          "going round all the pairs, the two programs of a pair alternating "
          "which goes first; ratio = libmapops / clang: the median of the "
          "repetitions' ratios, and its 95%% confidence interval "
          "(median +- 1.58 IQR / sqrt(n), as in a notched box plot). A ratio "
          "is within noise of 1.00 when its interval reaches 1.00. An empty "
          "program (`r0 = 0; exit`) takes %.0f ns per run here: the test-run "
          "loop's own cost, included in both sides. Control (the noise): "
          "clang's `lookup` against other loads of itself, on a hit: "
          "%.0f / %.0f ns, ratio %s, single repetitions %.2f-%.2f.\n"
          % (cg["repeat"], cg["reps"], cg["empty_ns"], ctl["a_ns"],
             ctl["b_ns"], ci_text(ctl, cg["reps"]), ctl["ratio_min"],
             ctl["ratio_max"]))
    w("| operation | sequence, slots (lib / clang) | program, slots | "
      "after the verifier (xlated) | JIT bytes | run time hit: ns (lib / clang) | "
      "ratio hit | run time miss: ns | ratio miss |")
    w("|---|---|---|---|---|---|---|---|---|")
    worst_seq = []
    ratios = []
    for op in OPS:
        c = ops.get(op)
        if not c:
            continue
        seq = "%d / %d" % (c["lib_seq"], c["clang_seq"])
        if c["clang_seq_marked"] != c["clang_seq"]:
            seq += " (%d between markers)" % c["clang_seq_marked"]
        row = ["`%s`" % op, seq, "%d / %d" % (c["lib_total"], c["clang_total"])]
        if c["lib_seq"] > c["clang_seq"] or c["lib_total"] > c["clang_total"]:
            worst_seq.append(op)
        if timed:
            row += ["%d / %d" % (c["lib_xlated"], c["clang_xlated"]),
                    "%d / %d" % (c["lib_jited_bytes"], c["clang_jited_bytes"])]
            for case in ("hit", "miss"):
                t = c.get(case)
                if t:
                    ratios.append((op, case, t["ratio"], ci(t, cg["reps"])[0]))
                    row += ["%.0f / %.0f" % (t["lib_ns"], t["clang_ns"]),
                            ci_text(t, cg["reps"])]
                else:
                    row += ["n/a", "n/a"]
        else:
            row += ["-"] * 6
        w("| " + " | ".join(row) + " |")
    w("")
    if timed:
        w("Delete has no repeatable hit (the first run deletes the key), so "
          "it is timed on a miss only.\n")
    goals.append(("1. every libmapops sequence no longer than clang's "
                  "(and no longer program)",
                  met(not worst_seq and bool(ops)),
                  "all %d operations" % len(ops) if not worst_seq
                  else "longer: " + ", ".join(worst_seq)))
    if ratios:
        over = [r for r in ratios if r[3] > GOAL_RUNTIME_RATIO]
        med = statistics.median(r[2] for r in ratios)
        goals.append(("1. run-time ratio <= 1.00 within noise (its 95% "
                      "interval reaches 1.00)", met(not over),
                      "median of the %d ratios %.3f, range %.3f-%.3f%s"
                      % (len(ratios), med, min(r[2] for r in ratios),
                         max(r[2] for r in ratios),
                         "; above: " + ", ".join("%s %s %.3f" % r[:3] for r in over)
                         if over else "")))

    # -- 2 -----------------------------------------------------------------
    b = res.get("build") or {}
    al = (res.get("alloc") or {}).get("builder", {})
    w("### 2. Builder speed\n")
    if b:
        w("C, this thread's CPU time, median of %d repetitions; one build = "
          "`mapops_prog_new`, the calls, `mapops_prog_insns`, "
          "`mapops_prog_free`. memcpy: the same resolved array, precomputed, "
          "copied in the same repetition. Raw emit: the same array through one "
          "`mapops_emit()` call per build (new, emit, insns, free). An empty "
          "program's new + insns + free costs %.0f ns.\n"
          % (b["reps"], b["empty_program_ns"]))
        w("| calls (N + 3) | slots | ns per call | ns per slot | memcpy ns per "
          "slot | builder / memcpy | raw emit / memcpy | allocations per build "
          "(per call) |")
        w("|---|---|---|---|---|---|---|---|")
        worst = 0.0
        for n, x in b["builder"].items():
            a = al.get(n)
            worst = max(worst, x["ratio"])
            w("| %d | %d | %.1f | %.2f | %.3f | %.0f (%.0f-%.0f) | %.1f | %s |"
              % (x["calls"], x["slots"], x["build_ns_per_call"],
                 x["build_ns_per_slot"], x["memcpy_ns_per_slot"], x["ratio"],
                 x["ratio_min"], x["ratio_max"], x["emit_raw_ratio"],
                 "%d (%.4f)" % (a["allocs"], a["allocs_per_call"]) if a else "-"))
        w("")
        goals.append(("2. builder within %gx of memcpy per slot"
                      % GOAL_BUILDER_RATIO, met(worst <= GOAL_BUILDER_RATIO),
                      "%.0fx at worst" % worst))
    if al:
        a = al.get("100000")
        goals.append(("2. no allocation per call once the buffers have grown",
                      met(a and a["allocs_per_call"] < 0.01),
                      "%d allocations for %d calls (doubling buffers)"
                      % (a["allocs"], a["calls"]) if a else "-"))

    py, lua = res.get("python"), res.get("lua")
    if py or lua:
        w("Bindings: the same mix, CPU ns per call. Python and LuaJIT each run "
          "in their own process, where every repetition runs in turn the "
          "binding, the bare calls (plain ctypes with `argtypes` / plain "
          "LuaJIT FFI on the same C functions, no binding) and the C mix "
          "(`libbenchmix.so`); medians of %s repetitions.%s\n"
          % (py["reps"] if py else lua["reps"],
             " One bare ctypes call (`mapops_prog_len`) costs %.0f ns."
             % py["ctypes_call_ns"] if py else ""))
        w("| calls | C ns/call | Python ns/call | bare ctypes ns/call | Python / "
          "bare ctypes | Python / C | LuaJIT ns/call | bare FFI ns/call | "
          "LuaJIT / bare FFI | LuaJIT / C |")
        w("|---|---|---|---|---|---|---|---|---|---|")
        keys = sorted(set((py or {}).get("builder", {})) |
                      set((lua or {}).get("builder", {})), key=int)
        for n in keys:
            p = (py or {}).get("builder", {}).get(n)
            lu = (lua or {}).get("builder", {}).get(n)
            c = (p or lu)["c_ns_per_call"]
            row = ["%d" % (int(n) + 3), "%.1f" % c]
            row += (["%.0f" % p["ns_per_call"], "%.0f" % p["bare_ns_per_call"],
                     "%.2f" % p["ratio_to_bare"], "%.0f" % p["ratio_to_c"]]
                    if p else ["-"] * 4)
            row += (["%.1f" % lu["ns_per_call"], "%.1f" % lu["bare_ns_per_call"],
                     "%.2f" % lu["ratio_to_bare"], "%.2f" % lu["ratio_to_c"]]
                    if lu else ["-"] * 4)
            w("| " + " | ".join(row) + " |")
        w("")
    if lua:
        worst = max(x["ratio_to_c"] for x in lua["builder"].values())
        goals.append(("2. LuaJIT within %gx of C" % GOAL_LUAJIT_RATIO,
                      met(worst <= GOAL_LUAJIT_RATIO),
                      "%.2fx at worst (bare FFI: %.2fx)"
                      % (worst, max(x["bare_ns_per_call"] / x["c_ns_per_call"]
                                    for x in lua["builder"].values()))))
    if py:
        worst = max(x["ratio_to_bare"] for x in py["builder"].values())
        goals.append(("2. Python: one ctypes call per helper, no more",
                      met(worst <= 1.5),
                      "%.2fx the bare ctypes calls at worst" % worst))

    # -- 3 -----------------------------------------------------------------
    sc = b.get("scale", {}) if b else {}
    if sc:
        w("### 3. Scale\n")
        w("One label and one conditional jump every 10 slots, one-slot calls "
          "(the most calls per slot); each build in a fresh process, %d "
          "processes per size; time = this thread's CPU time from "
          "`mapops_prog_new` to the resolved array, median (min-max); peak = "
          "the process's peak RSS after the build less before it "
          "(getrusage).\n" % b["scale_reps"])
        w("| slots | labels and jumps | ms | ns per slot | time / previous "
          "size (linear: 10) | peak memory, MB (10^6 bytes) | peak / 8 bytes per slot |")
        w("|---|---|---|---|---|---|---|")
        prev = None
        for n, x in sc.items():
            mb = (x["rss_after_kb"] - x["rss_before_kb"]) * 1024 / 1e6
            small = mb < 0.05  # under the page-granular peak RSS
            w("| %s | %s | %.2f (%.2f-%.2f) | %.1f | %s | %s | %s |"
              % (format(int(n), ","), format(x["labels"], ","), x["ms"],
                 x["ms_min"], x["ms_max"], x["ns_per_slot"],
                 "%.1f" % (x["ms"] / prev) if prev else "-",
                 "< 0.1" if small else "%.1f" % mb,
                 "-" if small else
                 "%.1f" % (mb * 1e6 / (int(n) * SLOT_BYTES))))
            prev = x["ms"]
        w("")
        m = sc.get("1000000")
        if m:
            goals.append(("3. 1M slots in under %g ms" % GOAL_1M_MS,
                          met(m["ms"] < GOAL_1M_MS), "%.1f ms" % m["ms"]))
            if "100000" in sc:
                r = m["ms"] / sc["100000"]["ms"]
                goals.append(("3. linear growth (label resolution O(n))",
                              met(r < 15), "1M / 100k = %.1fx" % r))
            mem = (m["rss_after_kb"] - m["rss_before_kb"]) * 1024 / (1e6 * SLOT_BYTES)
            goals.append(("3. peak memory under %gx the 8 MB of output"
                          % GOAL_MEMORY, met(mem < GOAL_MEMORY),
                          "%.1fx (%.1f MB)" % (mem, mem * 8)))

    w("### Goals\n")
    w("| goal | verdict | measured |")
    w("|---|---|---|")
    for g in goals:
        w("| %s | %s | %s |" % g)
    return "\n".join(out) + "\n"


def update_readme(text):
    doc = open(README).read()
    new = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END),
                 lambda _: BEGIN + "\n" + text + END, doc, flags=re.S)
    if new == doc and BEGIN not in doc:
        raise SystemExit("run.py: %s has no %s ... %s block" % (README, BEGIN, END))
    open(README, "w").write(new)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True, help="the meson build directory")
    ap.add_argument("--quick", action="store_true",
                    help="the regression guard: seconds, ratios only")
    ap.add_argument("--readme", action="store_true",
                    help="write the tables into bench/README.md")
    ap.add_argument("--command", default="./run.sh bench",
                    help="the command named in the tables")
    ap.add_argument("--no-codegen", action="store_true",
                    help="skip the clang comparison (no clang)")
    ap.add_argument("--from-json", metavar="FILE",
                    help="print (or --readme) the tables of an earlier run's "
                    "BUILD/bench/results.json instead of running")
    args = ap.parse_args()

    if args.from_json:
        with open(args.from_json) as f:
            res = json.load(f)
        text = tables(res, args.command)
        print(text)
        if args.readme:
            update_readme(text)
        return 0
    where = None if args.quick else machine()
    res = run_all(os.path.abspath(args.build), args.quick,
                  codegen=not args.no_codegen)
    if args.quick:
        bad = quick_check(res)
        for b in bad:
            print("bench-quick: FAIL: " + b)
        print("bench-quick: %s" % ("FAILED" if bad else "passed"))
        return 1 if bad else 0
    res["machine"] = where
    with open(os.path.join(args.build, "bench", "results.json"), "w") as f:
        json.dump(res, f, indent=1)
    text = tables(res, args.command)
    print(text)
    if args.readme:
        update_readme(text)
        print("run.py: tables written to %s" % README)
    return 0


if __name__ == "__main__":
    sys.exit(main())
