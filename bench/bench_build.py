#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The builder mix of bench/programs.h built through the Python binding.

For N = 10, 1,000 and 100,000 calls: CPU ns per call of
  - binding: mapops.Program(), the calls as methods, insns(), close();
  - bare:    the same C calls through plain ctypes function pointers with
             argtypes set (labels pre-encoded), no binding in between;
  - C:       the same mix built in C (libbenchmix.so, bench/mix-lib.c),
             timed in this process;
and the cost of one bare ctypes call (mapops_prog_len), the floor of any
ctypes binding.  The three run in turn in every repetition; medians of the
values and of the ratios.  Prints one JSON object.

Needs MAPOPS_LIBRARY (the libmapops.so to load), BENCH_MIX_LIBRARY
(libbenchmix.so) and the binding on PYTHONPATH.
usage: bench_build.py [--quick]
"""
import ctypes
import json
import os
import statistics
import sys
import time

import mapops

W, DW = 0x00, 0x18
JEQ, ADD, MOV = 0x10, 0x00, 0xB0
R0, R1, R10 = 0, 1, 10
KTIME = 5  # BPF_FUNC_ktime_get_ns
FD = 3     # built, never loaded


def build_binding(calls, names):
    p = mapops.Program()
    blocks = calls // 10
    for k in range(blocks):
        nxt = names[k + 1]
        p.label(names[k])
        p.st_mem(W, R10, -4, k)
        p.map_lookup(FD, -4)
        p.jmp_imm(JEQ, R0, 0, nxt)
        p.ldx_mem(DW, R1, R0, 0)
        p.alu64_imm(ADD, R1, 1)
        p.stx_mem(DW, R10, R1, -16)
        p.map_update(FD, -4, -16, 0)
        p.call_helper(KTIME)
        p.ja(nxt)
    p.label(names[blocks])
    p.alu64_imm(MOV, R0, 0)
    p.exit()
    data = p.insns()
    p.close()
    return len(data) // 8


def bare_lib(path):
    lib = ctypes.CDLL(path)
    P, I, S, U64 = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint64
    sig = {
        "mapops_prog_new": (P, []),
        "mapops_prog_free": (None, [P]),
        "mapops_prog_len": (ctypes.c_size_t, [P]),
        "mapops_prog_insns": (P, [P, ctypes.POINTER(ctypes.c_size_t)]),
        "mapops_label": (I, [P, S]),
        "mapops_st_mem": (I, [P, I, I, I, ctypes.c_int32]),
        "mapops_map_lookup": (I, [P, I, I]),
        "mapops_jmp_imm": (I, [P, I, I, ctypes.c_int32, S]),
        "mapops_ldx_mem": (I, [P, I, I, I, I]),
        "mapops_alu64_imm": (I, [P, I, I, ctypes.c_int32]),
        "mapops_stx_mem": (I, [P, I, I, I, I]),
        "mapops_map_update": (I, [P, I, I, I, U64]),
        "mapops_call_helper": (I, [P, I]),
        "mapops_ja": (I, [P, S]),
        "mapops_exit": (I, [P]),
    }
    for name, (res, args) in sig.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = res, args
    return lib


def build_bare(lib, calls, bnames):
    p = lib.mapops_prog_new()
    blocks = calls // 10
    for k in range(blocks):
        nxt = bnames[k + 1]
        lib.mapops_label(p, bnames[k])
        lib.mapops_st_mem(p, W, R10, -4, k)
        lib.mapops_map_lookup(p, FD, -4)
        lib.mapops_jmp_imm(p, JEQ, R0, 0, nxt)
        lib.mapops_ldx_mem(p, DW, R1, R0, 0)
        lib.mapops_alu64_imm(p, ADD, R1, 1)
        lib.mapops_stx_mem(p, DW, R10, R1, -16)
        lib.mapops_map_update(p, FD, -4, -16, 0)
        lib.mapops_call_helper(p, KTIME)
        lib.mapops_ja(p, nxt)
    lib.mapops_label(p, bnames[blocks])
    lib.mapops_alu64_imm(p, MOV, R0, 0)
    lib.mapops_exit(p)
    cnt = ctypes.c_size_t()
    data = ctypes.string_at(lib.mapops_prog_insns(p, ctypes.byref(cnt)),
                            cnt.value * 8)
    lib.mapops_prog_free(p)
    return len(data) // 8


def per_call(fn, calls, budget_ns):
    """ns per call of fn() (one build), over at least budget_ns."""
    n, t0 = 0, time.thread_time_ns()
    while True:
        fn()
        n += 1
        t = time.thread_time_ns() - t0
        if t >= budget_ns:
            return t / (n * (calls + 3))


def main():
    quick = "--quick" in sys.argv[1:]
    sizes = [1000] if quick else [10, 1000, 100000]
    reps = 3 if quick else 7
    budget = 20e6 if quick else 100e6
    lib = bare_lib(os.environ["MAPOPS_LIBRARY"])
    mix = ctypes.CDLL(os.environ["BENCH_MIX_LIBRARY"])
    mix.bench_mix_ns_per_call.restype = ctypes.c_double
    mix.bench_mix_ns_per_call.argtypes = [ctypes.c_ulong, ctypes.c_double]
    out = {"reps": reps, "python": sys.version.split()[0], "builder": {}}

    h = lib.mapops_prog_new()
    f = lib.mapops_prog_len
    noop = []
    for _ in range(reps):
        t0 = time.thread_time_ns()
        for _ in range(200000):
            f(h)
        noop.append((time.thread_time_ns() - t0) / 200000)
    lib.mapops_prog_free(h)
    out["ctypes_call_ns"] = statistics.median(noop)

    for calls in sizes:
        names = ["L%d" % i for i in range(calls // 10 + 1)]
        bnames = [s.encode() for s in names]
        assert build_binding(calls, names) == build_bare(lib, calls, bnames)
        b, r, c = [], [], []
        for i in range(reps):
            runs = [
                (b, lambda: per_call(lambda: build_binding(calls, names), calls, budget)),
                (r, lambda: per_call(lambda: build_bare(lib, calls, bnames), calls, budget)),
                (c, lambda: mix.bench_mix_ns_per_call(calls, budget)),
            ]
            for dest, run in runs[i % 3:] + runs[:i % 3]:
                dest.append(run())
        out["builder"][str(calls)] = {
            "calls": calls + 3,
            "ns_per_call": statistics.median(b),
            "bare_ns_per_call": statistics.median(r),
            "c_ns_per_call": statistics.median(c),
            "ratio_to_bare": statistics.median([x / y for x, y in zip(b, r)]),
            "ratio_to_c": statistics.median([x / y for x, y in zip(b, c)]),
        }
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
