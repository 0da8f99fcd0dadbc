# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Programs built with the binding, loaded with Program.load() and run in the
kernel with BPF_PROG_TEST_RUN; maps created and read with libbpf (bpfutil).

Skipped, with the reason printed, when the kernel refuses bpf() (EPERM or
ENOSYS from BPF_MAP_CREATE, or no libbpf.so.1), unless MAPOPS_REQUIRE_BPF=1:
then that is a failure.
"""
import errno
import os
import struct
import sys
import unittest

import mapops
from mapops import (ADD, B, BPF_ANY, DW, JEQ, MOV, R0, R1, R10, W,
                    PROG_TYPE_SCHED_CLS, PROG_TYPE_SOCKET_FILTER,
                    PROG_TYPE_XDP)

import bpfutil

# A 64-byte frame: skb and XDP test runs need at least 14 bytes.
PACKET = bytes(range(64))
RUNS = 1000
KEY_OFF = -4      # u32 key at r10 - 4
VALUE_OFF = -16   # u64 value / scratch at r10 - 16


def u32(v):
    return struct.pack("=I", v)


def u64(v):
    return struct.pack("=Q", v)


class KernelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        reason = bpfutil.bpf_refused()
        if reason is None:
            return
        if os.environ.get("MAPOPS_REQUIRE_BPF") == "1":
            raise AssertionError("MAPOPS_REQUIRE_BPF=1 but %s" % reason)
        print("test_kernel: SKIPPED: %s" % reason, file=sys.stderr)
        raise unittest.SkipTest(reason)

    # -- helpers -------------------------------------------------------------

    def map(self, map_type, key_size, value_size, max_entries, name=None):
        fd = bpfutil.bpf_map_create(map_type, name, key_size, value_size,
                                    max_entries)
        self.addCleanup(os.close, fd)
        return fd

    def load(self, prog, prog_type=PROG_TYPE_SOCKET_FILTER, **kw):
        fd = prog.load(prog_type, **kw)
        self.assertIsInstance(fd, int)
        self.assertGreaterEqual(fd, 0)
        self.addCleanup(os.close, fd)
        return fd

    def run_prog(self, fd, repeat, data=PACKET):
        retval, _ = bpfutil.bpf_prog_test_run_opts(fd, data, repeat=repeat)
        return retval

    def counter(self, map_fd, key=7, increment=1, atomic=False):
        """st_mem key; map_increment[_atomic]; r0 = 0; exit."""
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.st_mem(W, R10, KEY_OFF, key)
        if atomic:
            prog.map_increment_atomic(map_fd, KEY_OFF, VALUE_OFF, increment)
        else:
            prog.map_increment(map_fd, KEY_OFF, VALUE_OFF, increment)
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        return prog

    def value(self, map_fd, key, size=8):
        raw = bpfutil.bpf_map_lookup_elem(map_fd, u32(key), size)
        if raw is None:
            return None
        return struct.unpack("=Q", raw[:8])[0]

    # -- the tests -----------------------------------------------------------

    def test_hash_counter(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16, "counts")
        prog = self.counter(m, key=7)
        fd = self.load(prog)
        self.assertIsNone(self.value(m, 7))
        self.run_prog(fd, RUNS)
        self.assertEqual(self.value(m, 7), RUNS)
        self.run_prog(fd, 0)  # repeat 0: one run
        self.assertEqual(self.value(m, 7), RUNS + 1)
        self.assertEqual(list(bpfutil.bpf_map_keys(m, 4)), [u32(7)])

    def test_named_map_bound_to_two_map_sets(self):
        # One program built with map_ref(), loaded against two maps in turn:
        # each load counts into the map bound at the time.
        a = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        b = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        prog = mapops.Program()
        self.addCleanup(prog.close)
        ref = prog.map_ref("counters")
        self.assertLess(ref, -4095)
        prog.st_mem(W, R10, KEY_OFF, 7)
        prog.map_increment(ref, KEY_OFF, VALUE_OFF, 1)
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        with self.assertRaises(mapops.Error) as cm:
            prog.insns()
        self.assertEqual(cm.exception.errno, errno.ENOENT)
        self.assertIn('"counters"', cm.exception.message)
        prog.bind_map("counters", a)
        self.run_prog(self.load(prog), 3)
        prog.bind_map("counters", b)
        self.run_prog(self.load(prog), 5)
        self.assertEqual(self.value(a, 7), 3)
        self.assertEqual(self.value(b, 7), 5)

    def test_map_reg_operand(self):
        # The map whose pointer is in r6: here the map itself, loaded first.
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.ld_map_fd(mapops.R6, m)
        prog.st_mem(W, R10, KEY_OFF, 9)
        prog.map_increment(mapops.map_reg(mapops.R6), KEY_OFF, VALUE_OFF, 2)
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        self.run_prog(self.load(prog), 4)
        self.assertEqual(self.value(m, 9), 8)
        with self.assertRaises(mapops.Error) as cm:
            mapops.map_reg(mapops.R10)
        self.assertEqual(cm.exception.errno, errno.EINVAL)

    def test_hash_counter_64bit_increment(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        inc = 0x100000001
        fd = self.load(self.counter(m, key=1, increment=inc))
        self.run_prog(fd, 10)
        self.assertEqual(self.value(m, 1), 10 * inc)

    def test_hash_counter_negative_increment(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        bpfutil.bpf_map_update_elem(m, u32(3), u64(100))
        fd = self.load(self.counter(m, key=3, increment=-2))
        self.run_prog(fd, 10)
        self.assertEqual(self.value(m, 3), 80)

    def test_array_counter_atomic(self):
        m = self.map(bpfutil.MAP_TYPE_ARRAY, 4, 8, 4, "arr")
        prog = self.counter(m, key=2, atomic=True)
        fd = self.load(prog, PROG_TYPE_SCHED_CLS)
        self.run_prog(fd, RUNS)
        self.assertEqual(self.value(m, 2), RUNS)
        for other in (0, 1, 3):  # array elements exist, zeroed
            self.assertEqual(self.value(m, other), 0)

    def test_hash_counter_atomic(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        fd = self.load(self.counter(m, key=5, atomic=True))
        self.run_prog(fd, RUNS)
        self.assertEqual(self.value(m, 5), RUNS)

    def test_percpu_counter(self):
        ncpus = bpfutil.libbpf_num_possible_cpus()
        m = self.map(bpfutil.MAP_TYPE_PERCPU_HASH, 4, 8, 16)
        fd = self.load(self.counter(m, key=4))
        self.run_prog(fd, RUNS)
        raw = bpfutil.bpf_map_lookup_elem(m, u32(4), 8 * ncpus)
        self.assertIsNotNone(raw)
        per_cpu = struct.unpack("=%dQ" % ncpus, raw)
        self.assertEqual(sum(per_cpu), RUNS)

    def lookup_or_init_prog(self, m, key, init):
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.st_mem(W, R10, KEY_OFF, key)
        prog.st_mem(DW, R10, VALUE_OFF, init)
        prog.map_lookup_or_init(m, KEY_OFF, VALUE_OFF)
        prog.jmp_imm(JEQ, R0, 0, "out")
        prog.alu64_imm(MOV, R1, 1)
        prog.atomic_op(DW, ADD, R0, R1, 0)
        prog.label("out")
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        return prog

    def test_lookup_or_init(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        fd = self.load(self.lookup_or_init_prog(m, key=9, init=100))
        self.run_prog(fd, RUNS)
        # the first run inserts 100, every run adds 1
        self.assertEqual(self.value(m, 9), 100 + RUNS)

    def test_lookup_or_init_existing_key(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        bpfutil.bpf_map_update_elem(m, u32(9), u64(5))
        fd = self.load(self.lookup_or_init_prog(m, key=9, init=100))
        self.run_prog(fd, RUNS)
        self.assertEqual(self.value(m, 9), 5 + RUNS)

    def test_update_and_delete(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        bpfutil.bpf_map_update_elem(m, u32(3), u64(33))
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.st_mem(W, R10, KEY_OFF, 1)
        prog.st_mem(DW, R10, VALUE_OFF, 42)
        prog.map_update(m, KEY_OFF, VALUE_OFF, BPF_ANY)
        prog.st_mem(W, R10, -8, 3)
        prog.alu64_reg(MOV, 6, R10)
        prog.alu64_imm(ADD, 6, -8)
        prog.map_delete_ptr(m, 6)
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        fd = self.load(prog)
        self.run_prog(fd, 0)
        self.assertEqual(self.value(m, 1), 42)
        self.assertIsNone(self.value(m, 3))

    def test_xdp_return_value(self):
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.alu64_imm(MOV, R0, 2)  # XDP_PASS
        prog.exit()
        fd = self.load(prog, PROG_TYPE_XDP, name="xdp_pass")
        self.assertEqual(self.run_prog(fd, 0), 2)

    def test_load_options(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        prog = self.counter(m)
        # a verifier log buffer on a valid program, and every option set
        fd = self.load(prog, license=b"Dual BSD/GPL", name="counter",
                       log_level=1)
        self.run_prog(fd, 3)
        self.assertEqual(self.value(m, 7), 3)
        # loading again gives another program
        fd2 = self.load(prog, license=None)
        self.assertNotEqual(fd, fd2)

    def test_verifier_rejection(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.st_mem(W, R10, KEY_OFF, 1)
        prog.map_lookup(m, KEY_OFF)
        prog.set_tag("deref")
        prog.ldx_mem(DW, R1, R0, 0)  # no NULL check
        prog.set_tag(None)
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        before = prog.insns()
        with self.assertRaises(mapops.Error) as cm:
            prog.load(PROG_TYPE_SOCKET_FILTER)
        e = cm.exception
        self.assertIsInstance(e, OSError)
        self.assertEqual(e.errno, errno.EACCES)
        self.assertIn("map_value_or_null", e.strerror)
        self.assertIn("map_value_or_null", str(e))
        self.assertIn("map_value_or_null", prog.error())
        # the library names the call that emitted the refused slot (6)
        self.assertIn('insn 6: emitted by mapops_ldx_mem #1 ("deref")',
                      e.strerror)
        self.assertEqual(prog.insn_origin(6), ("mapops_ldx_mem", 1, "deref"))
        self.assertEqual(prog.insns(), before)  # the program is unchanged

    def test_verifier_rejection_with_log_level(self):
        m = self.map(bpfutil.MAP_TYPE_HASH, 4, 8, 16)
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.st_mem(W, R10, KEY_OFF, 1)
        prog.map_lookup(m, KEY_OFF)
        prog.ldx_mem(DW, R1, R0, 0)
        prog.alu64_imm(MOV, R0, 0)
        prog.exit()
        with self.assertRaises(mapops.Error) as cm:
            prog.load(PROG_TYPE_SOCKET_FILTER, log_level=1)
        self.assertEqual(cm.exception.errno, errno.EACCES)
        self.assertIn("map_value_or_null", cm.exception.strerror)

    def test_unresolved_label_does_not_load(self):
        prog = mapops.Program()
        self.addCleanup(prog.close)
        prog.ja("nowhere")
        prog.exit()
        with self.assertRaises(mapops.Error) as cm:
            prog.load(PROG_TYPE_SOCKET_FILTER)
        self.assertEqual(cm.exception.errno, errno.ENOENT)
        self.assertIn("nowhere", cm.exception.strerror)


if __name__ == "__main__":
    unittest.main()
