# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Hostile input: every Program method fed wrong types, None, huge and
negative ints, odd label names, used after close(); each call must raise
TypeError, ValueError or mapops.Error, never crash.  Refused arguments must
be refused before any C call; handles must be freed exactly once.
"""
import array
import contextlib
import copy
import ctypes
import errno
import fractions
import decimal
import gc
import glob
import io
import json
import os
import pickle
import random
import signal
import threading
import time
import unittest
import weakref

import mapops
from mapops import _api
from mapops import (DW, MOV, R1, R10, W, PROG_TYPE_SOCKET_FILTER)

VECTORS = os.environ.get("MAPOPS_VECTORS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir, "vectors")


def valid_arguments():
    """{method: args} for every generated builder method: the arguments of
    its first call in the vectors (tests/vectors/*.json) that is not a
    refusal, with every call before it in that case, so that a builder added
    to lib/mapops.api is covered here as soon as it has an encoding vector
    (which tools/api.py check requires)."""
    valid = {}
    for path in sorted(glob.glob(os.path.join(VECTORS, "*.json"))):
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)["cases"]
        for case in cases:
            calls = case.get("calls", [])
            if "error" in case:
                calls = calls[:-1]
            for call in calls:
                name = call[0]
                if name not in _api.METHODS.values() or name in valid:
                    continue
                # a named map ({"map_ref": NAME}) needs its program: skip
                if any(isinstance(a, dict) and "int" not in a
                       for a in call[1:]):
                    continue
                args = [int(a["int"], 0) if isinstance(a, dict) else a
                        for a in call[1:]]
                params = _api.PROTOTYPES["mapops_" + name][1][1:]
                # a negative __u64 in a vector is passed as C converts it
                args = [a + 2**64 if isinstance(p, _api.Int) and p.lo == 0
                        and a < 0 else a for a, p in zip(args, params)]
                valid[name] = tuple(args)
    # A builder without an encoding vector (an exempt one): its example.
    for name, args in _api.EXAMPLES.items():
        if name in _api.METHODS.values() and name not in valid:
            valid[name] = tuple(a + 2**64 if isinstance(p, _api.Int) and p.lo == 0
                                and isinstance(a, int) and a < 0 else a
                                for a, p in zip(args, _api.PROTOTYPES["mapops_" + name][1][1:]))
    return valid


# Valid arguments for every builder method (a map fd in a vector need not be
# a map: the builder only encodes it).
VALID = valid_arguments()

# Not an int, for any integer parameter: TypeError.
NOT_INT = [None, "1", "", b"1", bytearray(b"1"), 1.0, 1.5, float("nan"),
           float("inf"), True, False, [], [1], (1,), {}, {1: 1}, object(),
           complex(1, 0), decimal.Decimal(1), fractions.Fraction(1, 1),
           int, mapops.Program]
# Not a label: TypeError.
NOT_LABEL = [None, 1, 0, 1.5, True, ["l"], ("l",), object(),
             memoryview(b"l"), array.array("b", b"l")]
# Labels refused in Python: ValueError.
BAD_LABEL = ["a\0b", "\0", b"a\0", bytearray(b"\0\0"), "\ud800", "x\udcff"]

BOUNDS = {
    "int": (-2**31, 2**31 - 1),
    "__s32": (-2**31, 2**31 - 1),
    "__u32": (0, 2**32 - 1),
    "__u64": (0, 2**64 - 1),
    "__s64": (-2**63, 2**63 - 1),
    "enum bpf_prog_type": (0, 2**32 - 1),
    "size_t": (0, 2**64 - 1),
}


def out_of_range(cdecl):
    lo, hi = BOUNDS[cdecl]
    return [lo - 1, hi + 1, lo - 2**70, hi + 2**70, 10**100, -10**100,
            -2**64, 2**64]


def params(method):
    return _api.PROTOTYPES["mapops_" + method][1][1:]


@contextlib.contextmanager
def count_c_calls():
    """Counts the calls into libmapops, function by function: through the
    declared functions (_api.C) and through the generated methods' (DIRECT)."""
    counts = {}
    tables = [(_api.C, _api.PROTOTYPES), (_api.DIRECT, _api.METHODS)]
    saved = [(table, {name: getattr(table, name) for name in names})
             for table, names in tables]

    def wrap(name, f):
        def call(*args):
            counts[name] = counts.get(name, 0) + 1
            return f(*args)
        return call

    for table, funcs in saved:
        for name, f in funcs.items():
            setattr(table, name, wrap(name, f))
    try:
        yield counts
    finally:
        for table, funcs in saved:
            for name, f in funcs.items():
                setattr(table, name, f)


class HostileTest(unittest.TestCase):
    def setUp(self):
        self.prog = mapops.Program()
        self.addCleanup(self.prog.close)
        # a known state: two slots and a known error text
        self.prog.alu64_imm(MOV, R1, 1)
        self.prog.exit()
        with self.assertRaises(mapops.Error):
            self.prog.alu64_imm(MOV, 11, 0)
        self.state = self.snapshot()

    def snapshot(self):
        return len(self.prog), self.prog.insns(), self.prog.error()

    def assertRefusedInPython(self, exc, method, *args, **kw):
        """The call raises exc, reaches no C function and changes nothing."""
        with count_c_calls() as counts:
            with self.assertRaises(exc, msg="%s%r%r" % (method, args, kw)):
                getattr(self.prog, method)(*args, **kw)
        self.assertEqual(counts, {}, "%s%r reached C" % (method, args))
        self.assertEqual(self.snapshot(), self.state)

    def test_every_builder_is_covered(self):
        # every generated method has valid arguments from the vectors
        self.assertEqual(set(VALID), set(_api.METHODS.values()))
        self.assertGreater(len(VALID), 20)

    def test_valid_arguments_work(self):
        for method, args in VALID.items():
            with self.subTest(method=method), mapops.Program() as p:
                self.assertIsNone(getattr(p, method)(*args))
                if method != "label":
                    self.assertGreater(len(p), 0)

    def test_wrong_types(self):
        for method, args in VALID.items():
            for i, param in enumerate(params(method)):
                bad_values = (NOT_INT if isinstance(param, _api.Int)
                              else [v for v in NOT_LABEL if v is not None
                                    or not param.optional])
                for bad in bad_values:
                    a = list(args)
                    a[i] = bad
                    with self.subTest(method=method, param=param.name,
                                      value=repr(bad)):
                        self.assertRefusedInPython(TypeError, method, *a)

    def test_wrong_arity(self):
        for method, args in VALID.items():
            with self.subTest(method=method):
                self.assertRefusedInPython(TypeError, method, *args, 1)
                if args:
                    self.assertRefusedInPython(TypeError, method, *args[:-1])

    def test_out_of_range_ints(self):
        for method, args in VALID.items():
            for i, param in enumerate(params(method)):
                if not isinstance(param, _api.Int):
                    continue
                for bad in out_of_range(param.cdecl):
                    a = list(args)
                    a[i] = bad
                    with self.subTest(method=method, param=param.name,
                                      value=bad):
                        self.assertRefusedInPython(ValueError, method, *a)

    def test_in_range_extremes_reach_c(self):
        # The C library validates these: success or mapops.Error, no crash.
        for method, args in VALID.items():
            for i, param in enumerate(params(method)):
                if not isinstance(param, _api.Int):
                    continue
                lo, hi = BOUNDS[param.cdecl]
                for v in (lo, hi, -1, 0, 1, 11, 255, 256, -513, 512):
                    if not lo <= v <= hi:
                        continue
                    a = list(args)
                    a[i] = v
                    with self.subTest(method=method, param=param.name,
                                      value=v), mapops.Program() as p:
                        try:
                            getattr(p, method)(*a)
                        except mapops.Error as e:
                            self.assertGreater(e.errno, 0)
                            self.assertTrue(e.strerror.startswith(
                                "mapops_" + method + ":"), e.strerror)
                            self.assertEqual(len(p), 0)

    def test_register_out_of_range_is_library_error(self):
        with self.assertRaises(mapops.Error) as cm:
            self.prog.alu64_reg(MOV, R1, 11)
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        self.assertIsInstance(cm.exception, OSError)
        self.assertIn("11", str(cm.exception))
        self.assertEqual(cm.exception.message, cm.exception.strerror)
        self.assertEqual(cm.exception.strerror, self.prog.error())

    def test_int_subclasses_and_index(self):
        class MyInt(int):
            pass

        class Indexable:
            def __index__(self):
                return 2

        class BadIndex:
            def __index__(self):
                raise RuntimeError("boom")

        p = self.prog
        p.alu64_imm(MOV, MyInt(1), MyInt(7))
        p.alu64_imm(MOV, Indexable(), 3)
        with self.assertRaises(RuntimeError):  # the object's own exception
            p.alu64_imm(MOV, BadIndex(), 3)
        self.assertEqual(len(p), 4)

    def test_bad_labels(self):
        for method, args in VALID.items():
            for i, param in enumerate(params(method)):
                if isinstance(param, _api.Int):
                    continue
                for bad in BAD_LABEL:
                    a = list(args)
                    a[i] = bad
                    with self.subTest(method=method, value=repr(bad)):
                        self.assertRefusedInPython(ValueError, method, *a)

    def test_label_limits_reach_c(self):
        p = self.prog
        cases = [("", errno.EINVAL), (b"", errno.EINVAL),
                 ("a" * 256, errno.ENAMETOOLONG),
                 ("\u00e9" * 128, errno.ENAMETOOLONG),  # 256 bytes of UTF-8
                 ("x" * 100000, errno.ENAMETOOLONG)]
        for name, err in cases:
            with self.subTest(name=name[:10]):
                with self.assertRaises(mapops.Error) as cm:
                    p.label(name)
                self.assertEqual(cm.exception.errno, err)
        p.label("a" * 255)
        p.label("\u00e9" * 127)  # 254 bytes
        self.assertEqual(len(p), 2)

    def test_non_ascii_labels(self):
        p = mapops.Program()
        self.addCleanup(p.close)
        p.ja("päckét")
        p.ja("\U0001f600")
        p.ja(b"\xff\xfe")       # not UTF-8: bytes go through as they are
        p.label("päckét")
        p.label(bytearray("\U0001f600".encode()))
        with self.assertRaises(mapops.Error) as cm:  # the same name as bytes
            p.label("päckét".encode("utf-8"))
        self.assertEqual(cm.exception.errno, errno.EEXIST)
        p.exit()
        with self.assertRaises(mapops.Error) as cm:  # unbound, in the message
            p.insns()
        self.assertEqual(cm.exception.errno, errno.ENOENT)
        self.assertIn("\\xff\\xfe", cm.exception.strerror)
        p.label(b"\xff\xfe")
        p.exit()
        self.assertEqual(p.insns().hex(),
                         "0500020000000000" "0500010000000000"
                         "0500010000000000" "9500000000000000"
                         "9500000000000000")

    def test_emit(self):
        p = self.prog
        for bad in [None, "9500000000000000", 5, 1.0, [0] * 8, [b"\0" * 8],
                    object()]:
            with self.subTest(value=repr(bad)):
                self.assertRefusedInPython(TypeError, "emit", bad)
        for bad in [b"\0", b"\0" * 7, b"\0" * 9, bytearray(15)]:
            with self.subTest(value=repr(bad)):
                self.assertRefusedInPython(ValueError, "emit", bad)
        # register fields above r10
        with self.assertRaises(mapops.Error) as cm:
            p.emit(bytes.fromhex("bfb0000000000000"))
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        # every bytes-like form
        exit_ = bytes.fromhex("9500000000000000")
        p.emit(b"")
        p.emit(exit_)
        p.emit(bytearray(exit_))
        p.emit(memoryview(exit_))
        p.emit(memoryview(exit_ * 2)[::2])  # not contiguous
        p.emit(array.array("B", exit_))
        p.emit(mapops.Insn(code=0x95))
        p.emit((mapops.Insn * 2)(mapops.Insn(code=0x95), mapops.Insn(code=0x95)))
        self.assertEqual(len(p), 2 + 8)
        # an ld_imm64 cut in half: only emit() may complete it
        p.emit(bytes.fromhex("1801000005000000"))
        with self.assertRaises(mapops.Error) as cm:
            p.exit()
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        with self.assertRaises(mapops.Error) as cm:
            p.insns()
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        p.emit(bytes(8))
        p.insns()

    def test_emit_too_many(self):
        p = mapops.Program()
        self.addCleanup(p.close)
        with self.assertRaises(mapops.Error) as cm:
            p.emit(bytes(8 * (mapops.MAX_INSNS + 1)))
        self.assertEqual(cm.exception.errno, errno.E2BIG)
        self.assertEqual(len(p), 0)

    def test_tags_and_origins(self):
        p = self.prog  # slots 0 and 1 from setUp, untagged
        for bad in NOT_LABEL[1:]:  # None is valid: it removes the tag
            with self.subTest(value=repr(bad)):
                self.assertRefusedInPython(TypeError, "set_tag", bad)
        for bad in BAD_LABEL:
            with self.subTest(value=repr(bad)):
                self.assertRefusedInPython(ValueError, "set_tag", bad)
        for bad in NOT_INT:
            with self.subTest(value=repr(bad)):
                self.assertRefusedInPython(TypeError, "insn_origin", bad)
        for bad in (-1, 2**64, -2**70):
            with self.subTest(value=bad):
                self.assertRefusedInPython(ValueError, "insn_origin", bad)
        for slot in (2, 3, 2**64 - 1, 2**63):
            with self.subTest(slot=slot):
                with self.assertRaises(mapops.Error) as cm:
                    p.insn_origin(slot)
                self.assertEqual(cm.exception.errno, errno.ERANGE)
        self.assertEqual(self.snapshot(), self.state)
        with self.assertRaises(mapops.Error) as cm:
            p.set_tag("t" * (mapops.TAG_MAX + 1))
        self.assertEqual(cm.exception.errno, errno.ENAMETOOLONG)
        p.set_tag("t" * mapops.TAG_MAX)
        p.set_tag("zähler \U0001f600")
        p.ld_imm64(R1, 1)
        p.set_tag(b"\xff")
        p.exit()
        p.set_tag(None)
        p.exit()
        p.set_tag("")
        p.exit()
        self.assertEqual(p.insn_origin(0), ("mapops_alu64_imm", 1, None))
        self.assertEqual(p.insn_origin(1), ("mapops_exit", 1, None))
        for slot in (2, 3):
            self.assertEqual(p.insn_origin(slot),
                             ("mapops_ld_imm64", 1, "zähler \U0001f600"))
        o = p.insn_origin(4)
        self.assertEqual((o.call, o.call_index, o.tag),
                         ("mapops_exit", 2, "\\xff"))
        self.assertEqual(p.insn_origin(5), ("mapops_exit", 3, None))
        self.assertEqual(p.insn_origin(6), ("mapops_exit", 4, ""))

    def test_dump(self):
        p = self.prog
        text = p.dump()
        self.assertIn("0: r1 = 1", text)
        self.assertIn("1: exit", text)
        out = io.StringIO()
        self.assertEqual(p.dump(out), text)
        self.assertEqual(out.getvalue(), text)
        for bad in (5, "file", b"x", object()):
            with self.subTest(out=repr(bad)):
                self.assertRefusedInPython(TypeError, "dump", bad)
        closed_out = io.StringIO()
        closed_out.close()
        with self.assertRaises(ValueError):  # the file's own error
            p.dump(closed_out)
        # odd label names and tags are escaped, not crashes
        q = mapops.Program()
        self.addCleanup(q.close)
        q.set_tag('t"\n\\\x01\u00e9')
        q.label("l\nx\\y\x7f")
        q.ja(b"\xff")
        q.label(b"\xff")
        q.exit()
        text = q.dump()
        self.assertIn("l\\x0ax\\\\y", text)
        self.assertIn("mapops_ja #1", text)
        # resolution errors
        q.ja("nowhere")
        with self.assertRaises(mapops.Error) as cm:
            q.dump()
        self.assertEqual(cm.exception.errno, errno.ENOENT)
        self.assertEqual(cm.exception.strerror, q.error())

    def test_insn_snprint(self):
        snprint = mapops.insn_snprint
        exit_ = bytes.fromhex("9500000000000000")
        self.assertEqual(snprint(exit_, 0), "exit")
        self.assertEqual(snprint(self.prog.insns(), 0), "r1 = 1")
        for bad in (None, "9500000000000000", 5, [exit_], object()):
            with self.subTest(insns=repr(bad)), count_c_calls() as counts:
                with self.assertRaises(TypeError):
                    snprint(bad, 0)
                self.assertEqual(counts, {})
        for bad in (b"\0", exit_ + b"\0"):
            with self.subTest(insns=repr(bad)), count_c_calls() as counts:
                with self.assertRaises(ValueError):
                    snprint(bad, 0)
                self.assertEqual(counts, {})
        for bad in NOT_INT:
            with self.subTest(slot=repr(bad)), count_c_calls() as counts:
                with self.assertRaises(TypeError):
                    snprint(exit_, bad)
                self.assertEqual(counts, {})
        for bad in (-1, 2**64, -2**70):
            with self.subTest(slot=bad), count_c_calls() as counts:
                with self.assertRaises(ValueError):
                    snprint(exit_, bad)
                self.assertEqual(counts, {})
        for slot, insns in ((1, exit_), (0, b""), (2**64 - 1, exit_ * 3)):
            with self.subTest(slot=slot, n=len(insns)):
                with self.assertRaises(mapops.Error) as cm:
                    snprint(insns, slot)
                self.assertEqual(cm.exception.errno, errno.EINVAL)
        # an ld_imm64 cut off at the last slot
        self.assertIn("invalid", snprint(bytes.fromhex("1801000005000000"), 0))

    def test_fuzz_random_instructions(self):
        rng = random.Random(1234)
        slots = [bytes([code]) + rng.randbytes(7) for code in range(256)]
        slots += [rng.randbytes(8) for _ in range(2000)]
        blob = b"".join(slots)
        n = len(blob) // 8
        for slot in range(n):
            text = mapops.insn_snprint(blob, slot)
            self.assertIsInstance(text, str)
            self.assertTrue(text)
        # emitted one by one: refused or accepted, never a crash
        with mapops.Program() as p:
            for s in slots:
                try:
                    p.emit(s)
                except mapops.Error as e:
                    self.assertEqual(e.errno, errno.EINVAL)
            try:
                p.dump()
            except mapops.Error as e:
                self.assertEqual(e.errno, errno.EINVAL)  # an open ld_imm64
            p.emit(bytes(8))
            self.assertIsInstance(p.dump(), str)

    def test_load_arguments(self):
        p = self.prog
        T = PROG_TYPE_SOCKET_FILTER
        for kw in [dict(prog_type=None), dict(prog_type="xdp"),
                   dict(prog_type=6.0), dict(prog_type=True),
                   dict(prog_type=T, license=5), dict(prog_type=T, name=1.5),
                   dict(prog_type=T, name=["x"]),
                   dict(prog_type=T, expected_attach_type=None),
                   dict(prog_type=T, prog_ifindex="1"),
                   dict(prog_type=T, prog_flags=1.0),
                   dict(prog_type=T, kern_version=b"1"),
                   dict(prog_type=T, log_level=True),
                   dict(prog_type=T, unknown=1)]:
            with self.subTest(kw=kw):
                self.assertRefusedInPython(TypeError, "load", **kw)
        for kw in [dict(prog_type=-1), dict(prog_type=2**32),
                   dict(prog_type=T, license="G\0PL"),
                   dict(prog_type=T, name=b"a\0b"),
                   dict(prog_type=T, name="\ud800"),
                   dict(prog_type=T, expected_attach_type=-1),
                   dict(prog_type=T, prog_ifindex=2**32),
                   dict(prog_type=T, prog_flags=-2**40),
                   dict(prog_type=T, kern_version=2**64),
                   dict(prog_type=T, log_level=-1)]:
            with self.subTest(kw=kw):
                self.assertRefusedInPython(ValueError, "load", **kw)
        # BPF_PROG_TYPE_UNSPEC: the library refuses it without the kernel
        with self.assertRaises(mapops.Error) as cm:
            p.load(mapops.PROG_TYPE_UNSPEC)
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        self.assertIn("BPF_PROG_TYPE_UNSPEC", cm.exception.strerror)

    # -- ownership -----------------------------------------------------------

    def closed_program(self):
        p = mapops.Program()
        p.exit()
        p.close()
        return p

    def test_use_after_close(self):
        p = self.closed_program()
        self.assertTrue(p.closed)
        calls = [(m, a) for m, a in VALID.items()]
        calls += [("emit", (b"",)), ("insns", ()), ("error", ()),
                  ("set_tag", ("t",)), ("insn_origin", (0,)),
                  ("dump", (None,)),
                  ("load", (PROG_TYPE_SOCKET_FILTER,)), ("__len__", ()),
                  ("__enter__", ())]
        with count_c_calls() as counts:
            for method, args in calls:
                with self.subTest(method=method):
                    with self.assertRaises(ValueError):
                        getattr(p, method)(*args)
                    # even with bad arguments: the closed handle comes first
                    if args:
                        with self.assertRaises(ValueError):
                            getattr(p, method)(*([None] * len(args)))
            with self.assertRaises(ValueError):
                len(p)
            with self.assertRaises(ValueError):
                with p:
                    pass
            p.close()  # double close: nothing
            p.close()
            self.assertEqual(repr(p), "<mapops.Program closed>")
            self.assertTrue(bool(p))
        self.assertEqual(counts, {})

    def test_uninitialised_program(self):
        p = mapops.Program.__new__(mapops.Program)
        with count_c_calls() as counts:
            with self.assertRaises(ValueError):
                p.exit()
            with self.assertRaises(ValueError):
                p.insns()
            p.close()
            del p
            gc.collect()
        self.assertEqual(counts, {})

    def test_init_twice(self):
        p = mapops.Program()
        self.addCleanup(p.close)
        p.exit()
        with self.assertRaises(TypeError):
            p.__init__()
        self.assertEqual(len(p), 1)

    def test_no_copies(self):
        p = self.prog
        for f in (copy.copy, copy.deepcopy, pickle.dumps):
            with self.subTest(f=f.__name__):
                with self.assertRaises(TypeError):
                    f(p)
        self.assertEqual(self.snapshot(), self.state)

    def test_freed_exactly_once(self):
        live, freed = set(), []
        real_new = _api.C.mapops_prog_new
        real_free = _api.C.mapops_prog_free

        def addr(h):
            return ctypes.cast(h, ctypes.c_void_p).value

        def new():
            h = real_new()
            self.assertNotIn(addr(h), live)
            live.add(addr(h))
            return h

        def free(h):
            self.assertIn(addr(h), live, "free of a handle not live")
            live.remove(addr(h))
            freed.append(addr(h))
            real_free(h)

        _api.C.mapops_prog_new, _api.C.mapops_prog_free = new, free
        try:
            # close(), then collection
            p = mapops.Program()
            p.close()
            p.close()
            del p
            # a with block, then close() and collection
            with mapops.Program() as p:
                p.exit()
            p.close()
            del p
            # an exception inside the with block
            with self.assertRaises(KeyError):
                with mapops.Program() as p:
                    raise KeyError("x")
            self.assertTrue(p.closed)
            del p
            # plain garbage collection
            for _ in range(50):
                mapops.Program().exit()
            # a reference cycle, freed by the cycle collector
            p = mapops.Program()
            cycle = [p]
            cycle.append(cycle)
            ref = weakref.ref(p)
            del p, cycle
            gc.collect()
            self.assertIsNone(ref())
            # a failed call and a failed resolution leave ownership alone
            p = mapops.Program()
            with self.assertRaises(TypeError):
                p.exit(1)
            with self.assertRaises(mapops.Error):
                p.ja("x")
                p.insns()
            del p
            gc.collect()
        finally:
            _api.C.mapops_prog_new, _api.C.mapops_prog_free = real_new, real_free
        self.assertEqual(live, set(), "handles never freed")
        self.assertEqual(len(freed), 3 + 50 + 1 + 1)

    def test_threads_share_and_close(self):
        # One Program used by several threads while one of them closes it:
        # every call succeeds or raises ValueError (closed), nothing crashes.
        for round_ in range(20):
            p = mapops.Program()
            start = threading.Barrier(5)
            errors = []

            def work(kind):
                start.wait()
                try:
                    for i in range(300):
                        try:
                            if kind == 0:
                                p.ld_imm64(R1, i)
                            elif kind == 1:
                                p.insns()
                            elif kind == 2:
                                p.dump()
                                len(p)
                                p.error()
                            elif kind == 3:
                                p.emit(bytes.fromhex("9500000000000000"))
                                if len(p):
                                    p.insn_origin(0)
                            elif i == 100 + round_ * 10:
                                p.close()
                        except ValueError:
                            pass
                except Exception as e:  # anything else is a failure
                    errors.append(e)

            threads = [threading.Thread(target=work, args=(k,))
                       for k in range(5)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertTrue(p.closed)

    def test_close_during_long_call(self):
        # close() from another thread while a long C call (an 8 MB emit, a
        # dump) runs: without the Program's lock this frees the handle under
        # the C call (glibc aborts: "realloc(): invalid pointer").
        big = bytes.fromhex("9500000000000000") * 500000
        for round_ in range(10):
            p = mapops.Program()
            errors = []

            def work():
                try:
                    for _ in range(2):
                        p.emit(big)
                        p.dump()
                except ValueError:
                    pass
                except Exception as e:
                    errors.append(e)

            t = threading.Thread(target=work)
            t.start()
            time.sleep(0.003 * round_)
            p.close()
            t.join()
            self.assertEqual(errors, [])

    def test_close_while_threads_loop(self):
        # The second hang: one thread looping insns(), another
        # dump(), close() from a third.  close() must complete within 1 s,
        # after which the loops' calls raise ValueError (closed), and
        # nothing else.
        for round_ in range(5):
            p = mapops.Program()
            for i in range(2000):
                p.ld_imm64(R1, i)
            p.exit()
            stop = threading.Event()
            started = threading.Barrier(3)
            outcome = {}

            def loop(kind):
                started.wait()
                n = 0
                try:
                    while not stop.is_set():
                        p.insns() if kind == "insns" else p.dump()
                        n += 1
                except ValueError as e:
                    outcome[kind] = (n, e)
                except BaseException as e:  # a failure
                    outcome[kind] = (n, e)

            threads = [threading.Thread(target=loop, args=(k,))
                       for k in ("insns", "dump")]
            for t in threads:
                t.start()
            started.wait()
            time.sleep(0.05)  # both loops under way
            closer = threading.Thread(target=p.close)
            t0 = time.monotonic()
            closer.start()
            closer.join(1.0)
            took = time.monotonic() - t0
            self.assertFalse(closer.is_alive(),
                             "close() made no progress for 1 s")
            for t in threads:
                t.join(5.0)
            stop.set()
            for t in threads:
                t.join()
            self.assertTrue(p.closed)
            for kind in ("insns", "dump"):
                with self.subTest(round=round_, loop=kind):
                    n, e = outcome[kind]
                    self.assertIsInstance(e, ValueError)
                    self.assertIn("the program is closed", str(e))
            self.assertLess(took, 1.0)

    @unittest.skipUnless(hasattr(signal, "setitimer"), "no setitimer")
    def test_async_exceptions_leave_the_lock_free(self):
        # The first hang: a signal handler that raises every 50 us
        # into a loop of builder calls (and of the other methods): every
        # call either completes or raises the handler's exception, and
        # afterwards the lock is free: close() returns within 1 s.
        if threading.current_thread() is not threading.main_thread():
            self.skipTest("signal handlers run in the main thread only")

        class Interrupt(Exception):
            pass

        # The handler raises only while a call is under way (armed), so
        # that every exception it raises lands inside a call (or between
        # the arming and the call) and is caught below, not in the test's
        # own bookkeeping.
        armed = [False]
        fired = [0]

        def handler(signum, frame):
            fired[0] += 1
            if armed[0]:
                armed[0] = False
                raise Interrupt()

        calls = [(m, a) for m, a in VALID.items() if m != "label"]
        calls += [("insns", ()), ("dump", ()), ("error", ()),
                  ("__len__", ()), ("set_tag", ("t",)),
                  ("insn_origin", (0,)), ("emit", (bytes(8),))]
        old = signal.signal(signal.SIGALRM, handler)
        self.addCleanup(signal.signal, signal.SIGALRM, old)
        for round_ in range(3):
            p = mapops.Program()
            p.exit()
            interrupted = 0
            deadline = time.monotonic() + 0.3
            signal.setitimer(signal.ITIMER_REAL, 50e-6, 50e-6)
            try:
                while time.monotonic() < deadline:
                    for method, args in calls:
                        f = getattr(p, method)
                        try:
                            armed[0] = True
                            f(*args)
                            armed[0] = False
                        except Interrupt:
                            interrupted += 1
                        except mapops.Error:
                            armed[0] = False  # an odd state left by an interrupt
                    if len(p) > 20000:  # keep dump() and insns() short
                        p.close()
                        p = mapops.Program()
            finally:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0, 0)
            with self.subTest(round=round_, interrupts=interrupted):
                self.assertGreater(interrupted, 10)
                self.assertFalse(p._lock.locked(),
                                 "an interrupt left the lock held")
                closer = threading.Thread(target=p.close)
                closer.start()
                closer.join(1.0)
                self.assertFalse(closer.is_alive(), "close() hangs")
                self.assertTrue(p.closed)
        self.assertGreater(fired[0], 30)

    def test_many_programs(self):
        for i in range(2000):
            p = mapops.Program()
            p.ld_imm64(R1, i)
            if i % 2:
                p.close()
        gc.collect()


if __name__ == "__main__":
    unittest.main()
