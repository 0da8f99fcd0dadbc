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

--quick fails (exit 1) only on a gross regression, never on an absolute
time, and not because Debian's clang changed:
  - a libmapops operation more than QUICK_SLACK_SLOTS slots (or a quarter)
    longer than clang's, in whole programs that differ only in it;
  - building 1M slots more than QUICK_MAX_SCALE times slower than 100k
    (linear is 10x; quadratic label resolution would be 100x);
  - the builder more than QUICK_MAX_HW_RATIO times slower per slot than the
    hand-written writer of the same bytes on the 10k-slot mix (about 10x
    today, see bench/README.md);
  - more than QUICK_MAX_ALLOCS_PER_CALL allocations per call at 100,000
    calls (the buffers double: about 0.001 today);
  - peak memory of the 1M build more than QUICK_MAX_MEMORY times the 8 MB of
    instructions (about 2.5x today).
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
QUICK_SLACK_SLOTS = 2
QUICK_MAX_HW_RATIO = 60.0
QUICK_MAX_ALLOCS_PER_CALL = 0.01
QUICK_MAX_MEMORY = 8.0

# The goals of the issue.
GOAL_MIX_NS_PER_SLOT = 3.0
GOAL_MAP_OPS_HW_RATIO = 3.0
GOAL_LUAJIT_RATIO = 3.0
GOAL_1M_MS = 100.0
GOAL_MEMORY = 3.0
NO_TRIM = ("glibc.malloc.trim_threshold=1073741824:"
           "glibc.malloc.mmap_threshold=1073741824")
ANCHORS = {"clang14": ("clang-14", "Debian's default clang, its default -mcpu (v1)"),
           "clang19v4": ("clang-19", "clang-19 -mcpu=v4")}
SLOT_BYTES = 8
SHORT = {"clang14": "clang-14", "clang19v4": "clang-19 -mcpu=v4"}

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


def version(prog):
    if not shutil.which(prog):
        return None
    out = subprocess.run([prog, "--version"], stdout=subprocess.PIPE,
                         text=True).stdout
    return out.splitlines()[0] if out else "?"


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return ("%s, %d CPUs, kernel %s, load average %.2f at the start"
            % (cpu, os.cpu_count() or 0, platform.release(), load))


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
        cmd += ["--reps", "32", "--repeat", "50000", "--loads", "16",
                "--load-reps", "50"]
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
    if not quick:
        env = dict(os.environ, GLIBC_TUNABLES=NO_TRIM)
        res["build_notrim"], err = run_json(cmd, env)
        if err:
            res["errors"]["build (no heap trimming)"] = err
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

def slack(clang_slots):
    return max(QUICK_SLACK_SLOTS, clang_slots // 4)


def quick_check(res):
    """The regression guard: a list of failures (empty: pass)."""
    bad = ["%s: %s" % kv for kv in res["errors"].items()
           if not kv[1].startswith("clang was not found")]
    if "codegen" in res["errors"] and not bad:
        print("bench-quick: codegen: " + res["errors"]["codegen"] + " (not checked)")
    cg = res.get("codegen") or {}
    for t in cg.get("tables", []):
        n = 0
        for op, c in t["ops"].items():
            if not c["ok"]:
                print("bench-quick: %s %s: not compared (%s)"
                      % (t["anchor"], op, c["method"]))
                continue
            n += 1
            if c["lib_seq"] > c["clang_seq"] + slack(c["clang_seq"]):
                bad.append("%s: libmapops %d slots against %s's %d (limit "
                           "+%d)" % (op, c["lib_seq"], t["anchor"],
                                     c["clang_seq"], slack(c["clang_seq"])))
        print("bench-quick: %s: %d operations compared; none more than %d "
              "slots (or a quarter) longer than clang's unless listed below"
              % (t["anchor"], n, QUICK_SLACK_SLOTS))
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
    x = b.get("mix", {}).get("10k")
    if x:
        print("bench-quick: builder / hand-written writer per slot, 10k mix: "
              "%.1fx (limit %gx)" % (x["ratio"], QUICK_MAX_HW_RATIO))
        if x["ratio"] > QUICK_MAX_HW_RATIO:
            bad.append("the builder is %.0fx the hand-written writer per slot"
                       % x["ratio"])
    a = (res.get("alloc") or {}).get("builder", {}).get("100000")
    if a:
        print("bench-quick: allocations per call at N=100000: %.4f (limit %g)"
              % (a["allocs_per_call"], QUICK_MAX_ALLOCS_PER_CALL))
        if a["allocs_per_call"] > QUICK_MAX_ALLOCS_PER_CALL:
            bad.append("%.4f allocations per call at N=100000"
                       % a["allocs_per_call"])
    return bad


def ci(t, n):
    """The 95% confidence interval of a median (McGill et al. 1978)."""
    h = 1.58 * (t["q3"] - t["q1"]) / n ** 0.5
    return t["med"] - h, t["med"] + h


def met(ok):
    return "met" if ok else "**not met**"


def aa_spread(table, n):
    """The table's A/A spread in ns: the largest distance from 0 of any
    row's A/A 95% interval (clang against another load of itself)."""
    s = 0.0
    for c in table["ops"].values():
        for case in ("hit", "miss"):
            t = c.get(case)
            if t:
                lo, hi = ci(t["diff_aa"], n)
                s = max(s, abs(lo), abs(hi))
    return s


def verdict(t, n, spread):
    lo, hi = ci(t["diff"], n)
    if hi < -spread:
        return "faster"
    if lo > spread:
        return "**slower**"
    return "same"


def interval(t, n, fmt="%+.2f"):
    lo, hi = ci(t, n)
    return (fmt + " [" + fmt + ", " + fmt + "]") % (t["med"], lo, hi)


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
    timed = cg and not cg.get("quick", True)
    n = cg.get("reps", 1)
    w("### 1. Emitted code against clang -O2\n")
    if timed:
        w("Each program loaded %d times; %d repetitions of `repeat` = %d "
          "test runs of each program, timed by this thread's CPU time, the "
          "repetitions taking the loads in turn and running libmapops, "
          "clang and clang from another load (A/A) in rotating order. ns = "
          "median per run less the empty program's (`r0 = 0; exit`, same "
          "type, same repetitions). Intervals: 95%% confidence interval of "
          "the median of the per-repetition differences (median +- 1.58 "
          "IQR / sqrt(n)). A row is *faster* or *slower* only when its "
          "whole interval lies beyond the table's A/A spread: the largest "
          "distance from 0 of any row's A/A interval. Load: median CPU time "
          "of %d loads each, interleaved. Verifier: `processed N insns`, "
          "`total_states`, `peak_states` of log_level 4 (BPF_LOG_STATS).\n"
          % (cg["loads"], n, cg["repeat"], cg["load_reps"]))
    anchors_seen = []
    seq_bad, ver_bad, slower, counts = [], [], [], {"faster": 0, "same": 0,
                                                   "**slower**": 0}
    spreads = []
    for t in cg.get("tables", []):
        an = t["anchor"]
        prog, desc = ANCHORS.get(an, (an, an))
        ver = res.get("anchors", {}).get(an) or prog
        first = an not in anchors_seen
        anchors_seen.append(an)
        if first:
            w("#### Against %s (`%s`)\n" % (desc, ver))
            w("Slots: the operation (libmapops / clang) and the whole "
              "program, which differs only there.%s\n"
              % (" Verifier, after the verifier (xlated) and JIT bytes on a "
                 "hash map / on an array map." if timed else ""))
            if timed:
                arr = next((x for x in cg["tables"] if x["anchor"] == an
                            and x["map"] == "array"), None)
                w("| operation | clang code from | operation slots | program "
                  "slots | processed insns, hash | states total/peak, hash | "
                  "processed insns, array | xlated, hash | JIT bytes, hash | "
                  "load us, hash |")
                w("|---|---|---|---|---|---|---|---|---|---|")
            else:
                w("| operation | clang code from | operation slots | program "
                  "slots |")
                w("|---|---|---|---|")
            for op, c in t["ops"].items():
                if not c["ok"]:
                    w("| `%s` | not compared: %s |" % (op, c["method"]))
                    continue
                if c["lib_seq"] > c["clang_seq"]:
                    seq_bad.append("%s %s" % (an, op))
                row = ["`%s`" % op, c["method"] + " program",
                       "%d / %d" % (c["lib_seq"], c["clang_seq"]),
                       "%d / %d" % (c["lib_total"], c["clang_total"])]
                if timed:
                    lv, cv = c["lib_verifier"], c["clang_verifier"]
                    av = arr["ops"][op] if arr else None
                    if lv["insns"] > cv["insns"]:
                        ver_bad.append("%s %s" % (an, op))
                    row += ["%d / %d" % (lv["insns"], cv["insns"]),
                            "%d/%d / %d/%d" % (lv["total_states"],
                                               lv["peak_states"],
                                               cv["total_states"],
                                               cv["peak_states"]),
                            "%d / %d" % (av["lib_verifier"]["insns"],
                                         av["clang_verifier"]["insns"])
                            if av and av["ok"] else "-",
                            "%d / %d" % (lv["xlated"], cv["xlated"]),
                            "%d / %d" % (lv["jited"], cv["jited"]),
                            "%.0f / %.0f" % (c["lib_load_us"],
                                             c["clang_load_us"])]
                w("| " + " | ".join(row) + " |")
            w("")
        if not timed:
            continue
        sp = aa_spread(t, n)
        spreads.append((an, t["map"], sp))
        w("Run time on %s %s map against %s: empty program %.1f ns per run; "
          "A/A spread **%.2f ns**.\n" % ("an" if t["map"] == "array" else "a", t["map"], prog, t["empty_ns"], sp))
        w("| operation | case | ns, lib / clang | lib / clang | lib - clang, "
          "ns [95%] | A/A: clang - clang, ns [95%] | verdict |")
        w("|---|---|---|---|---|---|---|")
        for op, c in t["ops"].items():
            for case in ("hit", "miss"):
                x = c.get(case)
                if not x:
                    continue
                v = verdict(x, n, sp)
                counts[v] += 1
                if v != "same":
                    (slower if "slower" in v else []).append(
                        "%s %s %s %s" % (an, t["map"], op, case))
                w("| `%s` | %s | %.1f / %.1f | %s | %s | %s | %s |"
                  % (op, case, x["lib_ns"], x["clang_ns"],
                     "%.2f" % x["ratio"]["med"]
                     if x["clang_ns"] >= 5 else "- (under 5 ns)",
                     interval(x["diff"], n), interval(x["diff_aa"], n), v))
        w("")
    if cg.get("tables"):
        w("Delete is timed on a miss only, a hit deleting the key on the "
          "first run; on an array map not at all: its elements cannot be "
          "deleted, and the library refuses the call (-EINVAL). On "
          "an array map the verifier inlines the lookup, so most operations "
          "cost a few ns beyond the test-run loop and ratios mean little: "
          "read the differences.\n")
        goals.append(("1. every libmapops operation no longer than clang's "
                      "(whole programs differing only in it)",
                      met(not seq_bad), "longer: " + ", ".join(seq_bad)
                      if seq_bad else "all compared operations, %s"
                      % " and ".join(sorted(set(anchors_seen)))))
    if timed:
        goals.append(("1. verifier: processed instructions no more than "
                      "clang's", met(not ver_bad),
                      "more: " + ", ".join(ver_bad) if ver_bad else
                      "fewer or equal in every row"))
        goals.append(("1. run time: no row slower than clang beyond the A/A "
                      "spread", met(not slower),
                      "%d rows: %d faster, %d same, %d slower%s; A/A spreads "
                      "%s ns" % (sum(counts.values()), counts["faster"],
                                 counts["same"], counts["**slower**"],
                                 " (" + ", ".join(slower) + ")" if slower
                                 else "",
                                 ", ".join("%.2f" % s[2] for s in spreads))))

    ds = cg.get("direct") or []
    if isinstance(ds, dict):  # results.json of a run before the list
        ds = []
    if ds:
        progs = (("direct_value", "`mapops_ld_map_value`", "array, 1 entry"),
                 ("lookup_add_array", "lookup and add", "array, N entries"),
                 ("lookup_add_hash", "lookup and add", "hash, N entries"))
        w("#### Direct value access (one-element array map)\n")
        w("N u64 counters += 1 (N = 1 and 64): clang's own global variables "
          "(`.bss`, `clang/global.bpf.c`, `clang/global64.bpf.c`, relocated "
          "by libbpf against a one-element array map of the benchmark's: the "
          "limit), the same counters through `mapops_ld_map_value()` (one "
          "2-slot load per counter, as clang), and through lookup-and-add "
          "(`mapops_map_increment`, key k for counter k) on an array map and "
          "on a hash map of N keys, all present. Same method as above: "
          "%d loads of each, %d repetitions, each program against clang's "
          "globals with an A/A control; `repeat` runs per repetition as "
          "given. Load: median CPU time of %d loads of each, the four "
          "interleaved.\n" % (cg["loads"], n, cg["load_reps"]))
        w("| anchor | N | program | map | slots | processed insns | states "
          "| load us | load / clang's | ns per run | - clang global, ns "
          "[95%] | A/A, ns [95%] | verdict |")
        w("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for d in ds:
            t = d["timing"]
            sp = max(max(abs(v) for v in ci(t[k]["diff_aa"], n))
                     for k, _, _ in progs)
            g = d["clang_global"]
            an = SHORT.get(d["anchor"], d["anchor"])
            w("| %s | %d | clang globals (.bss) | array, 1 entry | %d | %d | "
              "%d | %.0f | 1 | %.1f | - | A/A spread %.2f (repeat %d) | - |"
              % (an, d["counters"], g["slots"], g["verifier"]["insns"],
                 g["verifier"]["total_states"], g["load_us"],
                 t["direct_value"]["clang_ns"], sp, d["repeat"]))
            for k, name, mp in progs:
                x = d[k]
                w("| %s | %d | %s%s | %s | %d | %d | %d | %.0f | %.2f | %.1f "
                  "| %s | %s | %s |"
                  % (an, d["counters"], name,
                     " (bytes identical to clang's)" if k == "direct_value"
                     and d["identical"] else "", mp, x["slots"],
                     x["verifier"]["insns"], x["verifier"]["total_states"],
                     x["load_us"], x["load_us"] / g["load_us"],
                     t[k]["lib_ns"], interval(t[k]["diff"], n),
                     interval(t[k]["diff_aa"], n), verdict(t[k], n, sp)))
        w("")
        for d in ds:
            if d["counters"] < 2:
                continue
            dv = d["direct_value"]
            w("%s, %d counters: lookup-and-add loads %.0fx (array) and %.0fx "
              "(hash) slower than `mapops_ld_map_value`, and runs %.0f ns "
              "(array) and %.0f ns (hash) longer per run (the direct "
              "program: %.1f ns)."
              % (SHORT.get(d["anchor"], d["anchor"]), d["counters"],
                 d["lookup_add_array"]["load_us"] / dv["load_us"],
                 d["lookup_add_hash"]["load_us"] / dv["load_us"],
                 d["timing"]["lookup_add_array"]["diff"]["med"]
                 - d["timing"]["direct_value"]["diff"]["med"],
                 d["timing"]["lookup_add_hash"]["diff"]["med"]
                 - d["timing"]["direct_value"]["diff"]["med"],
                 d["timing"]["direct_value"]["lib_ns"]))
        w("")

    # -- 2 -----------------------------------------------------------------
    for key, title in (("build", "glibc's default allocator settings"),
                       ("build_notrim", "no heap trimming (`GLIBC_TUNABLES="
                        + NO_TRIM + "`)")):
        b = res.get(key)
        if not b:
            continue
        if key == "build":
            w("### 2. Builder speed\n")
            w("C, this thread's CPU time, median of %d repetitions, the "
              "library and the hand-written writer alternating. One build = "
              "`mapops_prog_new`, the calls, `mapops_prog_insns`, "
              "`mapops_prog_free`. The hand-written writer "
              "(`bench/handwriter.h`) writes the same bytes (checked) inline, "
              "grows by doubling and resolves integer labels: the practical "
              "floor. The map operations name %s: the library asks the "
              "kernel about a map once per program (`readlink` of "
              "/proc/self/fd/N and `BPF_OBJ_GET_INFO_BY_FD`), and that is "
              "part of every build. An empty program's new + insns + free "
              "costs %.0f ns.\n"
              % (b["reps"], b.get("map", "fd 3, not a map"),
                 b["empty_program_ns"]))
        w("#### " + title[0].upper() + title[1:] + "\n")
        w("| program | slots | ns per slot | ns per call | hand-written ns "
          "per slot | library / hand-written (min-max) |")
        w("|---|---|---|---|---|---|")
        rows = [("mix, %s slots" % format(x["slots"], ","), x)
                for k, x in b["mix"].items() if "slots" in x]
        rows += [("`%s` x 1000" % k, x) for k, x in b.get("ops", {}).items()]
        for name, x in rows:
            w("| %s | %s | %.2f | %.1f | %.2f | %.1f (%.1f-%.1f) |"
              % (name, format(x["slots"], ","), x["lib_ns_per_slot"],
                 x["lib_ns_per_call"], x["hw_ns_per_slot"], x["ratio"],
                 x["ratio_min"], x["ratio_max"]))
        w("")
        ld = b["mix"].get("10k_load")
        m10 = b["mix"].get("10k")
        if ld and ld["load_ns"] > 0 and m10:
            build_ns = m10["lib_ns_per_slot"] * m10["slots"]
            w("The kernel's load of the same 10k-slot mix (%d instructions "
              "processed): %.1f ms CPU time (median); the build is %.2f%% of "
              "build plus load.\n" % (ld["processed"], ld["load_ns"] / 1e6,
                                     100 * build_ns / (build_ns + ld["load_ns"])))
        if key == "build":
            w("Footnote: `memcpy` of the finished array costs %.2f ns per "
              "slot at 10k slots and %.2f at 1M (it follows the caches, not "
              "the builder; no longer a goal).\n"
              % (m10["memcpy_ns_per_slot"], b["mix"]["1M"]["memcpy_ns_per_slot"]))
    bs = [b for b in (res.get("build"), res.get("build_notrim")) if b]
    if bs:
        best = min(b["mix"]["10k"]["lib_ns_per_slot"] for b in bs)
        goals.append(("2. the 10k mix at or under %g ns per slot"
                      % GOAL_MIX_NS_PER_SLOT, met(best <= GOAL_MIX_NS_PER_SLOT),
                      "%.1f ns per slot (best allocator setting)" % best))
        mo = [(k, min(b["ops"][k]["ratio"] for b in bs))
              for k in ("map_lookup", "map_update") if k in bs[0].get("ops", {})]
        if mo:
            goals.append(("2. map operations within %gx the hand-written writer"
                          % GOAL_MAP_OPS_HW_RATIO,
                          met(all(r <= GOAL_MAP_OPS_HW_RATIO for _, r in mo)),
                          ", ".join("%s %.1fx" % x for x in mo)))
    al = (res.get("alloc") or {}).get("builder", {})
    if al:
        a = al.get("100000")
        w("Allocations (bench-alloc, every malloc/calloc/realloc counted): "
          + ", ".join("%d calls: %d" % (x["calls"], x["allocs"])
                      for k, x in al.items() if k.isdigit()) + ".\n")
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
        for k in keys:
            p = (py or {}).get("builder", {}).get(k)
            lu = (lua or {}).get("builder", {}).get(k)
            c = (p or lu)["c_ns_per_call"]
            row = ["%d" % (int(k) + 3), "%.1f" % c]
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
    b = res.get("build") or {}
    sc = b.get("scale", {})
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
        for k, x in sc.items():
            mb = (x["rss_after_kb"] - x["rss_before_kb"]) * 1024 / 1e6
            small = mb < 0.05  # under the page-granular peak RSS
            w("| %s | %s | %.2f (%.2f-%.2f) | %.1f | %s | %s | %s |"
              % (format(int(k), ","), format(x["labels"], ","), x["ms"],
                 x["ms_min"], x["ms_max"], x["ns_per_slot"],
                 "%.1f" % (x["ms"] / prev) if prev else "-",
                 "< 0.1" if small else "%.1f" % mb,
                 "-" if small else
                 "%.1f" % (mb * 1e6 / (int(k) * SLOT_BYTES))))
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
    res["anchors"] = {k: version(v[0]) for k, v in ANCHORS.items()}
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
