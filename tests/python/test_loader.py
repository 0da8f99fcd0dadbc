# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The scripted loader (mapops/loader.py) in the kernel: maps, test runs,
every attach kind this kernel supports with real traffic or a real syscall
and the count read back, ring and perf buffer events byte-exact, and the
hostile inputs.

Skipped, naming what is missing, when the kernel refuses bpf() (unless
MAPOPS_REQUIRE_BPF=1: then that fails) or lacks a feature (namespaces,
cgroup v2, tracefs).
"""
import errno
import gc
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import unittest

import mapops
from mapops import (ADD, B, DW, H, JEQ, JNE, MOV, R0, R1, R2, R3, R6, R10,
                    RSH, W, Map)

import bpfutil
import nettest

REQUIRE = os.environ.get("MAPOPS_REQUIRE_BPF") == "1"


def setUpModule():
    reason = bpfutil.bpf_refused()
    if reason is None:
        return
    if REQUIRE:
        raise AssertionError("MAPOPS_REQUIRE_BPF=1 but %s" % reason)
    print("test_loader: SKIPPED: %s" % reason, file=sys.stderr)
    raise unittest.SkipTest(reason)


def counter_prog(counter, prog_type, ret, cond=None, **load):
    """A program that does counter[0] += 1 (after cond(prog), which jumps
    to "out" to skip) and returns ret; its fd."""
    with mapops.Program() as p:
        p.alu64_reg(MOV, R6, R1)
        if cond:
            cond(p)
        p.st_mem(W, R10, -4, 0)
        p.map_increment_atomic(counter.fd, -4, -16, 1)
        p.label("out")
        p.alu64_imm(MOV, R0, ret)
        p.exit()
        return p.load(prog_type, **load)


def only_this_process(p):
    """cond: skip unless the current process is this one."""
    p.call_helper(mapops.FUNC_GET_CURRENT_PID_TGID)
    p.alu64_imm(RSH, R0, 32)
    p.jmp_imm(JNE, R0, os.getpid(), "out")


def only_ipv4_xdp(p):
    """cond for XDP: skip all but complete IPv4 Ethernet frames."""
    p.ldx_mem(W, R2, R6, mapops.XDP_MD_DATA)
    p.ldx_mem(W, R3, R6, mapops.XDP_MD_DATA_END)
    p.alu64_reg(MOV, R1, R2)
    p.alu64_imm(ADD, R1, 14)
    p.jmp_reg(mapops.JGT, R1, R3, "out")
    p.ldx_mem(H, R1, R2, 12)
    p.jmp_imm(JNE, R1, socket.htons(0x0800), "out")


def only_ipv4_skb(p):
    """cond for tc: skip all but IPv4 (skb->protocol, network order)."""
    p.ldx_mem(W, R1, R6, mapops.SK_BUFF_PROTOCOL)
    p.jmp_imm(JNE, R1, socket.htons(0x0800), "out")


class Base(unittest.TestCase):
    def fd(self, fd):
        self.addCleanup(os.close, fd)
        return fd

    def array(self, value_size=8):
        m = Map(mapops.MAP_TYPE_ARRAY, 4, value_size, 1)
        self.addCleanup(m.close)
        return m


class MapTest(Base):
    def test_hash_read_write_delete_iterate(self):
        with Map(mapops.MAP_TYPE_HASH, key_size=4, value_size=8,
                 max_entries=8, name="per_src") as m:
            self.assertEqual((m.key_size, m.value_size, m.name),
                             (4, 8, "per_src"))
            m[1] = 10
            m[b"\x02\0\0\0"] = struct.pack("<Q", 20)
            m[bytearray(b"\x03\0\0\0")] = memoryview(bytes(8))
            self.assertEqual(m[1], struct.pack("<Q", 10))
            self.assertEqual(m.get_int(2), 20)
            self.assertIn(3, m)
            self.assertNotIn(4, m)
            self.assertIsNone(m.get(4))
            self.assertEqual(m.get(4, b"x"), b"x")
            with self.assertRaises(KeyError):
                m[4]
            self.assertEqual(sorted(m.keys()),
                             [struct.pack("<I", k) for k in (1, 2, 3)])
            self.assertEqual(sorted(int.from_bytes(v, "little")
                                    for v in m.values()), [0, 10, 20])
            self.assertEqual(dict(m.items())[b"\x02\0\0\0"],
                             struct.pack("<Q", 20))
            del m[2]
            with self.assertRaises(KeyError):
                del m[2]
            self.assertEqual(len(list(m)), 2)
            with self.assertRaises(mapops.Error) as cm:
                m.update(1, 5, mapops.BPF_NOEXIST)
            self.assertEqual(cm.exception.errno, errno.EEXIST)
            self.assertIn("bpf_map_update_elem", str(cm.exception))
        self.assertTrue(m.closed)
        with self.assertRaisesRegex(ValueError, "closed"):
            m[1]

    def test_full_map_says_so(self):
        m = Map(mapops.MAP_TYPE_HASH, 4, 4, 1)
        m[1] = 1
        with self.assertRaisesRegex(mapops.Error, "full") as cm:
            m[2] = 2
        self.assertEqual(cm.exception.errno, errno.E2BIG)
        m.close()

    def test_array_delete_refused(self):
        m = self.array()
        with self.assertRaisesRegex(mapops.Error, "cannot be deleted"):
            del m[0]

    def test_percpu_values_and_sums(self):
        ncpus = bpfutil.libbpf_num_possible_cpus()
        m = Map(mapops.MAP_TYPE_PERCPU_ARRAY, 4, 8, 1)
        self.addCleanup(m.close)
        self.assertEqual(m.percpu(0), [bytes(8)] * ncpus)
        m[0] = list(range(1, ncpus + 1))
        vals = m.percpu(0)
        self.assertEqual(vals, [struct.pack("<Q", i)
                                for i in range(1, ncpus + 1)])
        self.assertEqual(sum(int.from_bytes(v, "little") for v in vals),
                         ncpus * (ncpus + 1) // 2)
        m[0] = 7
        self.assertEqual(m.percpu(0), [struct.pack("<Q", 7)] * ncpus)
        # 4-byte values: the kernel's 8-byte rounding is removed
        m4 = Map(mapops.MAP_TYPE_PERCPU_HASH, 4, 4, 1)
        self.addCleanup(m4.close)
        m4[9] = list(range(ncpus))
        self.assertEqual(m4.percpu(9), [struct.pack("<I", i)
                                        for i in range(ncpus)])
        self.assertEqual(dict(m.items())[bytes(4)], m.percpu(0))
        with self.assertRaisesRegex(TypeError, "percpu"):
            m[0]
        with self.assertRaisesRegex(ValueError, "per-CPU"):
            m[0] = [1] * (ncpus + 1)
        # a program's per-CPU increments, summed
        with mapops.Program() as p:
            p.st_mem(W, R10, -4, 0)
            p.map_increment(m.fd, -4, -16, 1)
            p.alu64_imm(MOV, R0, mapops.XDP_PASS)
            p.exit()
            fd = self.fd(p.load(mapops.PROG_TYPE_XDP))
        m[0] = 0
        mapops.test_run(fd, repeat=50)
        self.assertEqual(sum(int.from_bytes(v, "little")
                             for v in m.percpu(0)), 50)

    def test_pin_and_reopen(self):
        bpffs = "/sys/fs/bpf"
        if not os.path.ismount(bpffs):
            # a private one, removed again
            bpffs = tempfile.mkdtemp()
            self.addCleanup(os.rmdir, bpffs)
            if subprocess.run(["mount", "-t", "bpf", "bpf", bpffs],
                              capture_output=True).returncode:
                self.skipTest("no BPF file system: mount -t bpf failed")
            self.addCleanup(subprocess.run, ["umount", bpffs])
        path = os.path.join(bpffs, "mapops-py-test-%d" % os.getpid())
        with Map(mapops.MAP_TYPE_HASH, 4, 8, 4, name="pinned") as m:
            m[5] = 55
            m.pin(path)
        try:
            with Map.pinned(path) as again:
                self.assertEqual(again.get_int(5), 55)
                self.assertEqual((again.type, again.key_size,
                                  again.value_size, again.max_entries,
                                  again.name),
                                 (mapops.MAP_TYPE_HASH, 4, 8, 4, "pinned"))
            with self.assertRaises(mapops.Error) as cm:
                Map(mapops.MAP_TYPE_HASH, 4, 8, 4).pin(path)
            self.assertEqual(cm.exception.errno, errno.EEXIST)
        finally:
            os.unlink(path)
        with self.assertRaises(mapops.Error) as cm:
            Map.pinned(path)
        self.assertEqual(cm.exception.errno, errno.ENOENT)

    def test_from_fd_duplicates(self):
        fd = bpfutil.bpf_map_create(mapops.MAP_TYPE_HASH, "own", 4, 4, 2)
        try:
            with Map.from_fd(fd) as m:
                self.assertNotEqual(m.fd, fd)
                m[1] = 2
            # the caller's fd still works
            self.assertEqual(bpfutil.bpf_map_lookup_elem(
                fd, struct.pack("<I", 1), 4), struct.pack("<I", 2))
        finally:
            os.close(fd)

    def test_queue_stack_ringbuf_prog_array_map_in_map(self):
        q = Map(mapops.MAP_TYPE_QUEUE, 0, 4, 4)
        q.push(1)
        q.push(2)
        self.assertEqual(q.peek(), struct.pack("<I", 1))
        self.assertEqual(q.pop(), struct.pack("<I", 1))
        self.assertEqual(q.pop(), struct.pack("<I", 2))
        self.assertIsNone(q.pop())
        with self.assertRaisesRegex(TypeError, "no keys"):
            q[0] = 1
        q.close()
        Map(mapops.MAP_TYPE_RINGBUF, 0, 0, 4096).close()
        pa = Map(mapops.MAP_TYPE_PROG_ARRAY, 4, 4, 2)
        self.addCleanup(pa.close)
        fd = counter_prog(self.array(), mapops.PROG_TYPE_XDP, 2)
        self.fd(fd)
        pa[0] = fd
        self.assertIn(0, pa)
        with self.assertRaisesRegex(mapops.Error, "not a BPF prog"):
            pa[1] = pa.fd
        inner = Map(mapops.MAP_TYPE_ARRAY, 4, 4, 1)
        outer = Map(mapops.MAP_TYPE_HASH_OF_MAPS, 4, 4, 2, inner_map=inner)
        outer[0] = inner.fd
        inner.close()
        outer.close()


class TestRunTest(Base):
    def test_packet_defaults_and_results(self):
        with mapops.Program() as p:
            p.ldx_mem(W, R2, R1, mapops.XDP_MD_DATA)
            p.ldx_mem(W, R3, R1, mapops.XDP_MD_DATA_END)
            p.alu64_reg(MOV, R0, R3)
            p.alu64_reg(mapops.SUB, R0, R2)   # r0 = packet length
            p.exit()
            fd = self.fd(p.load(mapops.PROG_TYPE_XDP))
        r = mapops.test_run(fd)
        self.assertEqual((r.retval, r.data), (14, bytes(14)))
        self.assertIsNone(r.ctx)
        r = mapops.test_run(fd, data=bytes(range(64)), repeat=1000)
        self.assertEqual(r.retval, 64)
        self.assertEqual(r.data, bytes(range(64)))
        self.assertGreater(r.duration_ns, 0)
        with self.assertRaisesRegex(ValueError, "Ethernet header.*13 bytes"):
            mapops.test_run(fd, data=bytes(13))

    def test_raw_tracepoint_runs_once_on_ctx(self):
        with mapops.Program() as p:
            p.ldx_mem(DW, R0, R1, 8)          # ctx->args[1]
            p.exit()
            fd = self.fd(p.load(mapops.PROG_TYPE_RAW_TRACEPOINT))
        r = mapops.test_run(fd, ctx=struct.pack("<QQ", 1, 77))
        self.assertEqual(r.retval, 77)
        with self.assertRaisesRegex(ValueError, "runs once.*repeat = 5"):
            mapops.test_run(fd, ctx=bytes(16), repeat=5)
        with self.assertRaisesRegex(ValueError, "takes ctx"):
            mapops.test_run(fd, data=bytes(16))

    def test_tracepoint_cannot_test_run(self):
        with mapops.Program() as p:
            p.alu64_imm(MOV, R0, 0)
            p.exit()
            fd = self.fd(p.load(mapops.PROG_TYPE_TRACEPOINT))
        with self.assertRaisesRegex(mapops.Error, "cannot test-run "
                                    "PROG_TYPE_TRACEPOINT"):
            mapops.test_run(fd)


class AttachTest(Base):
    def test_xdp_on_veth_counts_real_packets(self):
        counter = self.array()
        fd = self.fd(counter_prog(counter, mapops.PROG_TYPE_XDP,
                                  mapops.XDP_PASS, only_ipv4_xdp))
        with nettest.veth_pair() as v:
            for mode in ("skb", "drv"):
                counter[0] = 0
                with mapops.attach_xdp(fd, v.host, mode=mode) as link:
                    self.assertEqual(link.kind, "xdp")
                    with self.assertRaises(mapops.Error) as cm:
                        mapops.attach_xdp(fd, v.host, mode=mode)
                    self.assertEqual(cm.exception.errno, errno.EBUSY)
                    v.send_udp(7)
                    self.assertEqual(counter.get_int(0), 7, mode)
                # detached: no more counting
                v.send_udp(2)
                self.assertEqual(counter.get_int(0), 7, mode)

    def test_tc_on_veth_counts_real_packets(self):
        counter = self.array()
        fd = self.fd(counter_prog(counter, mapops.PROG_TYPE_SCHED_CLS,
                                  mapops.TC_ACT_OK, only_ipv4_skb))
        with nettest.veth_pair() as v:
            link = mapops.attach_tc(fd, v.host, ingress=True)
            v.send_udp(5)
            self.assertEqual(counter.get_int(0), 5)
            link.close()
            link.close()
            v.send_udp(3)
            self.assertEqual(counter.get_int(0), 5)
            out = subprocess.run(["tc", "qdisc", "show", "dev", v.host],
                                 capture_output=True, text=True).stdout \
                if shutil.which("tc") else ""
            self.assertNotIn("clsact", out)

    def test_socket_filter_on_loopback_packet_socket(self):
        port = 40000 + os.getpid() % 20000
        counter = self.array()

        def udp_to_port(p):
            p.ldx_mem(W, R1, R6, mapops.SK_BUFF_PKT_TYPE)
            p.jmp_imm(JEQ, R1, 4, "out")        # PACKET_OUTGOING
            p.ld_abs(B, 23)                     # IPv4 protocol
            p.jmp_imm(JNE, R0, 17, "out")
            p.ld_abs(H, 36)                     # UDP destination port
            p.jmp_imm(JNE, R0, port, "out")
        fd = self.fd(counter_prog(counter, mapops.PROG_TYPE_SOCKET_FILTER,
                                  0, udp_to_port))
        ps = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                           socket.htons(0x0003))
        self.addCleanup(ps.close)
        ps.bind(("lo", 0))
        mapops.attach_socket(fd, ps)
        tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.addCleanup(tx.close)
        for _ in range(6):
            tx.sendto(b"x", ("127.0.0.1", port))
        self.assertEqual(counter.get_int(0), 6)
        mapops.detach_socket(ps.fileno())     # an int fd works too
        tx.sendto(b"x", ("127.0.0.1", port))
        self.assertEqual(counter.get_int(0), 6)
        with self.assertRaises(mapops.Error) as cm:
            mapops.detach_socket(ps)
        self.assertEqual(cm.exception.errno, errno.ENOENT)

    def tracepoint_counter(self):
        counter = self.array()
        fd = self.fd(counter_prog(counter, mapops.PROG_TYPE_TRACEPOINT, 0,
                                  only_this_process))
        return counter, fd

    def test_tracepoint_counts_syscalls_and_closes_on_gc(self):
        counter, fd = self.tracepoint_counter()
        link = mapops.attach_tracepoint(fd, "syscalls", "sys_enter_getppid")
        for _ in range(10):
            os.getppid()
        self.assertEqual(counter.get_int(0), 10)
        del link
        gc.collect()
        os.getppid()
        self.assertEqual(counter.get_int(0), 10)
        with self.assertRaisesRegex(mapops.Error, "no tracepoint "
                                    "syscalls:no_such_event"):
            mapops.attach_tracepoint(fd, "syscalls", "no_such_event")
        with self.assertRaisesRegex(ValueError, "not a tracepoint name"):
            mapops.attach_tracepoint(fd, "..", "x")

    def test_raw_tracepoint_counts_syscalls(self):
        counter = self.array()
        nr = {"x86_64": 110, "aarch64": 173}.get(os.uname().machine)
        if nr is None:
            self.skipTest("getppid's number on %s is not known here"
                          % os.uname().machine)

        def getppid_of_this_process(p):
            p.ldx_mem(DW, R1, R6, 8)             # ctx->args[1]: the id
            p.jmp_imm(JNE, R1, nr, "out")
            only_this_process(p)
        fd = self.fd(counter_prog(counter, mapops.PROG_TYPE_RAW_TRACEPOINT,
                                  0, getppid_of_this_process))
        with mapops.attach_raw_tracepoint(fd, "sys_enter"):
            for _ in range(4):
                os.getppid()
        os.getppid()
        self.assertEqual(counter.get_int(0), 4)

    def test_kprobe_error_names_what_is_missing(self):
        with mapops.Program() as p:
            p.alu64_imm(MOV, R0, 0)
            p.exit()
            fd = self.fd(p.load(mapops.PROG_TYPE_KPROBE))
        if os.path.exists("/sys/bus/event_source/devices/kprobe/type"):
            self.skipTest("this kernel has the kprobe PMU")
        with self.assertRaisesRegex(mapops.Error, "no kprobe PMU.*"
                                    "/sys/bus/event_source/devices/kprobe"
                                    ) as cm:
            mapops.attach_kprobe(fd, "do_sys_openat2", retprobe=True)
        self.assertEqual(cm.exception.errno, errno.EOPNOTSUPP)

    def test_cgroup_inet_ingress_counts_real_packets(self):
        root = None
        with open("/proc/mounts") as mounts:
            for line in mounts:
                f = line.split()
                if f[2] == "cgroup2":
                    root = f[1]
                    break
        tmp = None
        if root is None:
            tmp = tempfile.mkdtemp()
            if subprocess.run(["mount", "-t", "cgroup2", "none", tmp],
                              capture_output=True).returncode:
                os.rmdir(tmp)
                self.skipTest("no cgroup v2: mount -t cgroup2 failed")
            root = tmp
        cg = os.path.join(root, "mapops-py-%d" % os.getpid())
        os.mkdir(cg)
        procs = os.path.join(root, "cgroup.procs")
        with open("/proc/self/cgroup") as f:
            own = f.read()
        try:
            counter = self.array()
            fd = self.fd(counter_prog(
                counter, mapops.PROG_TYPE_CGROUP_SKB, 1,
                expected_attach_type=mapops.CGROUP_INET_INGRESS))
            # a socket made inside the cgroup belongs to it
            with open(os.path.join(cg, "cgroup.procs"), "w") as f:
                f.write(str(os.getpid()))
            rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            with open(procs, "w") as f:
                f.write(str(os.getpid()))
            self.addCleanup(rx.close)
            rx.bind(("127.0.0.1", 0))
            tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.addCleanup(tx.close)
            with mapops.attach_cgroup(fd, cg, mapops.CGROUP_INET_INGRESS):
                for _ in range(3):
                    tx.sendto(b"y", rx.getsockname())
                self.assertEqual(counter.get_int(0), 3)
            tx.sendto(b"y", rx.getsockname())
            self.assertEqual(counter.get_int(0), 3)
        finally:
            os.rmdir(cg)
            if tmp:
                subprocess.run(["umount", tmp])
                os.rmdir(tmp)
        with open("/proc/self/cgroup") as f:
            self.assertEqual(f.read(), own)


def emit_record(p, values):
    """Stores the u32 values at r10 - 4 * len(values) upwards."""
    n = len(values)
    for i, v in enumerate(values):
        p.st_mem(W, R10, -4 * n + 4 * i, v)
    return -4 * n, 4 * n


class EventTest(Base):
    def ring_prog(self, rb, records):
        with mapops.Program() as p:
            for rec in records:
                off, size = emit_record(p, rec)
                p.ringbuf_output(rb.fd, off, size, 0)
            p.alu64_imm(MOV, R0, mapops.XDP_PASS)
            p.exit()
            return self.fd(p.load(mapops.PROG_TYPE_XDP))

    def test_ring_buffer_byte_exact(self):
        rb = Map(mapops.MAP_TYPE_RINGBUF, 0, 0, 4096)
        self.addCleanup(rb.close)
        fd = self.ring_prog(rb, [(1, 2, 3), (0x7eadbeef,)])
        got = []
        with mapops.RingBuffer(rb, got.append) as r:
            self.assertEqual(r.poll(0), 0)
            mapops.test_run(fd)
            self.assertEqual(r.poll(100), 2)
            mapops.test_run(fd)
            self.assertEqual(r.consume(), 2)
        self.assertEqual(got, [struct.pack("<3I", 1, 2, 3),
                               struct.pack("<I", 0x7eadbeef)] * 2)
        with self.assertRaisesRegex(ValueError, "closed"):
            r.poll()

    def test_ring_buffer_callback_exception(self):
        rb = Map(mapops.MAP_TYPE_RINGBUF, 0, 0, 4096)
        self.addCleanup(rb.close)
        fd = self.ring_prog(rb, [(1,), (2,), (3,)])
        got = []

        def cb(data):
            if data == struct.pack("<I", 2):
                raise RuntimeError("two")
            got.append(data)
        r = mapops.RingBuffer(rb.fd, cb)
        mapops.test_run(fd)
        with self.assertRaisesRegex(RuntimeError, "two"):
            r.poll(0)
        self.assertEqual(r.failed_record, struct.pack("<I", 2))
        self.assertEqual(got, [struct.pack("<I", 1)])
        self.assertEqual(r.poll(0), 1)      # the record after it is there
        self.assertEqual(got, [struct.pack("<I", 1), struct.pack("<I", 3)])
        del r
        gc.collect()

    def test_perf_buffer_byte_exact_and_exceptions(self):
        ncpus = bpfutil.libbpf_num_possible_cpus()
        pm = Map(mapops.MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, ncpus)
        self.addCleanup(pm.close)
        with mapops.Program() as p:
            p.alu64_reg(MOV, R6, R1)
            for rec in [(1, 2, 3), (4, 5, 6), (7, 8, 9)]:
                off, size = emit_record(p, rec)
                p.perf_event_output(R6, pm.fd, off, size,
                                    mapops.F_CURRENT_CPU)
            p.alu64_imm(MOV, R0, mapops.XDP_PASS)
            p.exit()
            fd = self.fd(p.load(mapops.PROG_TYPE_XDP))
        got = []

        def cb(cpu, data):
            self.assertIsInstance(cpu, int)
            if data[:4] == struct.pack("<I", 1) and not got:
                got.append(b"raised")
                raise ValueError("first")
            got.append(data)
        with mapops.PerfBuffer(pm, cb, pages=1) as pb:
            mapops.test_run(fd)
            with self.assertRaisesRegex(ValueError, "first"):
                pb.poll(100)
            # 12-byte records: 4 + 12 is a multiple of 8, so no padding
            self.assertEqual(pb.failed_record, struct.pack("<3I", 1, 2, 3))
            self.assertEqual(got, [b"raised"])
            pb.poll(0)
            self.assertEqual(got[1:], [struct.pack("<3I", 4, 5, 6),
                                       struct.pack("<3I", 7, 8, 9)])
            self.assertEqual(pb.lost_count, 0)


class HostileTest(Base):
    def test_wrong_sizes_types_huge_ints(self):
        m = Map(mapops.MAP_TYPE_HASH, 4, 8, 4)
        self.addCleanup(m.close)
        with self.assertRaisesRegex(ValueError, "key is 3 bytes"):
            m[b"abc"] = 1
        with self.assertRaisesRegex(ValueError, "value is 9 bytes"):
            m[1] = bytes(9)
        with self.assertRaisesRegex(ValueError, "does not fit 4 bytes"):
            m[1 << 32] = 1
        with self.assertRaisesRegex(ValueError, "does not fit 8 bytes"):
            m[1] = 1 << 64
        with self.assertRaisesRegex(ValueError, "does not fit"):
            m[-1] = 1
        for bad in ("1", 1.0, None, True, object()):
            with self.assertRaises(TypeError):
                m[bad] = 1
        with self.assertRaises(TypeError):
            Map("hash", 4, 4, 1)
        with self.assertRaises(ValueError):
            Map(mapops.MAP_TYPE_HASH, 4, 4, 1 << 40)
        with self.assertRaises(mapops.Error) as cm:
            Map(mapops.MAP_TYPE_HASH, 0, 4, 1)
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        self.assertIn("bpf_map_create(MAP_TYPE_HASH", str(cm.exception))
        with self.assertRaises(TypeError):
            Map(mapops.MAP_TYPE_ARRAY_OF_MAPS, 4, 4, 1, inner_map=3)
        with self.assertRaisesRegex(TypeError, "not a per-CPU map"):
            m.percpu(1)

    def test_closed_and_negative_fds(self):
        m = Map(mapops.MAP_TYPE_HASH, 4, 4, 1)
        m.close()
        m.close()
        for op in (lambda: m[1], lambda: m.__setitem__(1, 1),
                   lambda: list(m.items()), lambda: m.fd, lambda: 1 in m,
                   lambda: mapops.RingBuffer(m, print)):
            with self.assertRaisesRegex(ValueError, "closed"):
                op()
        for fn in (Map.from_fd, mapops.test_run,
                   lambda fd: mapops.attach_xdp(fd, "lo"),
                   lambda fd: mapops.RingBuffer(fd, print)):
            with self.assertRaises(ValueError):
                fn(-1)
        r, w = os.pipe()
        self.addCleanup(os.close, r)
        self.addCleanup(os.close, w)
        with self.assertRaisesRegex(mapops.Error, "not a BPF map"):
            Map.from_fd(r)
        with self.assertRaisesRegex(mapops.Error, "not a BPF prog"):
            mapops.test_run(r)
        closed = os.dup(r)
        os.close(closed)
        with self.assertRaisesRegex(mapops.Error, "not an open file") as cm:
            mapops.test_run(closed)
        self.assertEqual(cm.exception.errno, errno.EBADF)

    def test_attach_refusals(self):
        with mapops.Program() as p:
            p.alu64_imm(MOV, R0, 2)
            p.exit()
            xdp = self.fd(p.load(mapops.PROG_TYPE_XDP))
        with self.assertRaisesRegex(mapops.Error, "no network interface"):
            mapops.attach_xdp(xdp, "mapops-none0")
        with self.assertRaisesRegex(ValueError, "mode"):
            mapops.attach_xdp(xdp, "lo", mode="fast")
        with self.assertRaisesRegex(mapops.Error, "PROG_TYPE_XDP program; "
                                    "this attach takes PROG_TYPE_TRACEPOINT"):
            mapops.attach_tracepoint(xdp, "syscalls", "sys_enter_getppid")
        with self.assertRaisesRegex(mapops.Error, "takes "
                                    "PROG_TYPE_SOCKET_FILTER"):
            mapops.attach_socket(xdp, 0)
        with self.assertRaisesRegex(mapops.Error, "cgroup directory"):
            mapops.attach_cgroup(xdp, "/nonexistent", 0)
        s = socket.socket()
        self.addCleanup(s.close)
        sf = counter_prog(self.array(), mapops.PROG_TYPE_SOCKET_FILTER, 0)
        self.fd(sf)
        r, w = os.pipe()
        os.close(w)
        self.addCleanup(os.close, r)
        with self.assertRaises(mapops.Error) as cm:
            mapops.attach_socket(sf, r)
        self.assertEqual(cm.exception.errno, errno.ENOTSOCK)

    def test_buffer_refusals(self):
        m = Map(mapops.MAP_TYPE_HASH, 4, 4, 1)
        self.addCleanup(m.close)
        with self.assertRaisesRegex(mapops.Error, "not a MAP_TYPE_RINGBUF"):
            mapops.RingBuffer(m, print)
        with self.assertRaisesRegex(TypeError, "callable"):
            mapops.RingBuffer(m, None)
        pm = Map(mapops.MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 1)
        self.addCleanup(pm.close)
        with self.assertRaisesRegex(ValueError, "power of two"):
            mapops.PerfBuffer(pm, print, pages=3)
        with self.assertRaisesRegex(TypeError, "lost must be callable"):
            mapops.PerfBuffer(pm, print, lost=5)
        rb = Map(mapops.MAP_TYPE_RINGBUF, 0, 0, 4096)
        self.addCleanup(rb.close)
        r = mapops.RingBuffer(rb, print)
        with self.assertRaises(ValueError):
            r.poll(1 << 40)
        with self.assertRaises(TypeError):
            r.poll("1")
        r.close()
        r.close()


class HeaderConstantsTest(unittest.TestCase):
    """The loader's constants of headers lib/mapops.api does not describe
    have the C compiler's values."""

    def test_values(self):
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            self.skipTest("no C compiler")
        from mapops import loader
        names = {"XDP_FLAGS_SKB_MODE": "linux/if_link.h",
                 "XDP_FLAGS_DRV_MODE": "linux/if_link.h",
                 "SO_ATTACH_BPF": "sys/socket.h",
                 "SO_DETACH_BPF": "sys/socket.h",
                 "PERF_TYPE_TRACEPOINT": "linux/perf_event.h",
                 "PERF_FLAG_FD_CLOEXEC": "linux/perf_event.h",
                 "BPF_TC_INGRESS": "bpf/libbpf.h",
                 "BPF_TC_EGRESS": "bpf/libbpf.h"}
        src = "".join("#include <%s>\n" % h for h in sorted(set(
            names.values())))
        src += "#include <stdio.h>\n#include <sys/syscall.h>\nint main(void){"
        for n in names:
            src += 'printf("%s %%ld\\n", (long)(%s));' % (n, n)
        src += 'printf("NR %ld\\n", (long)SYS_perf_event_open);}\n'
        with tempfile.TemporaryDirectory() as d:
            c, exe = os.path.join(d, "c.c"), os.path.join(d, "c")
            with open(c, "w") as f:
                f.write(src)
            subprocess.run([cc, c, "-o", exe], check=True)
            out = subprocess.run([exe], capture_output=True, text=True,
                                 check=True).stdout.split("\n")
        got = dict(line.split() for line in out if line)
        for n in names:
            self.assertEqual(int(got[n]), getattr(loader, n), n)
        self.assertEqual(int(got["NR"]),
                         loader.NR_PERF_EVENT_OPEN[os.uname().machine])


if __name__ == "__main__":
    unittest.main()


class WhereTest(Base):
    """Errors name the Python line of the call that emitted the offending
    instruction (Error.where, at the end of str(error))."""

    def test_lines_off_by_default_refusal_still_named(self):
        # Without lines=True nothing is recorded: a later error names the
        # call (the library's text) but no line; a refused call its line.
        with mapops.Program() as p:
            p.ja("nowhere")
            p.exit()
            with self.assertRaises(mapops.Error) as cm:
                p.insns()
            self.assertIsNone(cm.exception.where)
            self.assertIn("it was emitted by mapops_ja #1",
                          cm.exception.strerror)
            here = sys._getframe().f_lineno + 2
            with self.assertRaises(mapops.Error) as cm:
                p.alu64_reg(MOV, R1, 11)
            self.assertEqual(cm.exception.where,
                             "test_loader.py:%d alu64_reg" % here)

    def line(self):
        return sys._getframe(1).f_lineno

    def test_verifier_rejection_names_the_line(self):
        m = Map(mapops.MAP_TYPE_HASH, 4, 8, 1)
        self.addCleanup(m.close)
        with mapops.Program(lines=True) as p:
            p.st_mem(W, R10, -4, 0)
            p.map_lookup(m.fd, -4)
            p.emit(bytes(mapops.Insn(code=0xb7, dst_reg=2)))  # r2 = 0
            bad = self.line() + 1
            p.ldx_mem(DW, R1, R0, 0)     # no NULL check: refused
            p.alu64_imm(MOV, R0, 0)
            p.exit()
            with self.assertRaises(mapops.Error) as cm:
                p.load(mapops.PROG_TYPE_XDP)
        e = cm.exception
        self.assertEqual(e.errno, errno.EACCES)
        self.assertEqual(e.where, "test_loader.py:%d ldx_mem" % bad)
        self.assertTrue(str(e).endswith("\nat test_loader.py:%d ldx_mem"
                                        % bad), str(e))
        self.assertNotIn("test_loader.py", e.strerror)

    def test_unresolved_label_and_refusal_name_the_line(self):
        with mapops.Program(lines=True) as p:
            p.alu64_imm(MOV, R0, 0)
            for i in range(3):
                p.ja("next%d" % i)
                p.label("next%d" % i)
            jump = self.line() + 1
            p.jmp_imm(JEQ, R0, 0, "nowhere")
            p.exit()
            with self.assertRaises(mapops.Error) as cm:
                p.insns()
            self.assertEqual(cm.exception.where,
                             "test_loader.py:%d jmp_imm" % jump)
            here = self.line() + 2
            with self.assertRaises(mapops.Error) as cm:
                p.alu64_reg(MOV, R1, 11)
            self.assertEqual(cm.exception.where,
                             "test_loader.py:%d alu64_reg" % here)
            self.assertIn("(at test_loader.py:%d alu64_reg)" % here,
                          str(cm.exception))
