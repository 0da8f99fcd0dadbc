#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""packet_counter: the libmapops example in Python (twin of packet-counter.c).

Counts IPv4 packets and bytes per IP protocol in an XDP program that is built
instruction by instruction with the mapops binding, then loaded with
Program.load() and exercised through plain libbpf calls (mapops.libbpf, the
binding's ctypes declarations of the few libbpf calls needed around it):

  1. create two hash maps, keyed by the IPv4 protocol number (u32):
       "packets"  value u64: how many packets carried that protocol
       "bytes"    value u64: the sum of their IPv4 total-length fields
  2. build_program(): emit the XDP program with mapops.Program
  3. load it with Program.load() (a refusal carries the verifier log)
  4. make_packets() + run_batch(): feed hand-built Ethernet frames to the
     program through BPF_PROG_TEST_RUN (no network interface is needed)
  5. print_table(): read both maps back from user space
  6. with --check: compare them with counters computed here in Python from
     the same frames, and exit non-zero on any difference

Run from the source tree:
  MAPOPS_LIBRARY=build/lib/libmapops.so.1 PYTHONPATH=bindings/python \\
      python3 examples/packet_counter.py [--check]

Exit status: 0 success, 1 failure, 2 bad usage, 77 when the kernel refuses
bpf() (meson's "skipped"), or 1 instead of 77 if MAPOPS_REQUIRE_BPF=1.
"""
import ctypes
import errno
import os
import struct
import sys

import mapops
from mapops import libbpf
from mapops import (ADD, B, DW, H, JEQ, JGT, JNE, MOV, R0, R1, R2, R3, R4,
                    R7, R10, TO_BE, W)

# ---------------------------------------------------------------------------
# The packet layout the program reads (all offsets from the frame start)
# ---------------------------------------------------------------------------

ETH_HLEN = 14
ETH_P_IP = 0x0800
ETH_P_ARP = 0x0806
IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP = 1, 6, 17
XDP_PASS = 2

ETHERTYPE_OFF = 12                 # u16, network byte order
IP_HDR_OFF = ETH_HLEN              # 14: IPv4 header follows Ethernet
IP_TOT_LEN_OFF = IP_HDR_OFF + 2    # 16: u16 total length, big-endian
IP_PROTO_OFF = IP_HDR_OFF + 9      # 23: u8 protocol
MIN_IPV4_FRAME = ETH_HLEN + 20     # 34: Ethernet + minimal IPv4 header

# The program's stack frame: offsets from r10, the frame pointer.
KEY_OFF = -4        # u32 key: the protocol number
ZERO_OFF = -16      # u64 0: the initial "bytes" value
SCRATCH_OFF = -24   # u64 scratch for map_increment()

# One value per possible protocol number, so neither map can fill up.
MAX_PROTOCOLS = 256

BPF_MAP_TYPE_HASH = 1


# ---------------------------------------------------------------------------
# Building the XDP program
#
# Every Program method raises mapops.Error on a refusal (and appends
# nothing), so the first failure stops the build with its explanation.
# ---------------------------------------------------------------------------

def emit_parse(prog):
    """Reads the packet, leaving the key on the stack and the IPv4 total
    length in r7; jumps to "pass" for anything that is not a complete IPv4
    header.

    On entry r1 holds the context, a struct xdp_md *: its data and data_end
    fields (offsets 0 and 4) are read with 32-bit loads, and the verifier
    accepts a packet read only after a compare against data_end proved it in
    bounds.  Everything is read before any map operation: their helper calls
    clobber r1..r5, and only r6..r9 and the stack survive them.
    """
    # r2 = ctx->data; r3 = ctx->data_end
    prog.ldx_mem(W, R2, R1, 0)
    prog.ldx_mem(W, R3, R1, 4)
    # if (data + 34 > data_end) goto pass
    prog.alu64_reg(MOV, R4, R2)
    prog.alu64_imm(ADD, R4, MIN_IPV4_FRAME)
    prog.jmp_reg(JGT, R4, R3, "pass")
    # r4 = be16(eth->h_proto); if (r4 != ETH_P_IP) goto pass.  TO_BE
    # converts between big-endian and the host's order, so the compare uses
    # the plain constant 0x0800 on any host.
    prog.ldx_mem(H, R4, R2, ETHERTYPE_OFF)
    prog.endian(TO_BE, R4, 16)
    prog.jmp_imm(JNE, R4, ETH_P_IP, "pass")
    # key = ip->protocol, stored as a u32 at r10 - 4
    prog.ldx_mem(B, R4, R2, IP_PROTO_OFF)
    prog.stx_mem(W, R10, R4, KEY_OFF)
    # r7 = be16(ip->tot_len): callee-saved, it survives the helper calls
    prog.ldx_mem(H, R7, R2, IP_TOT_LEN_OFF)
    prog.endian(TO_BE, R7, 16)


def emit_count(prog, packets_fd, bytes_fd):
    """Updates both maps for the key at r10 + KEY_OFF and the length in r7."""
    # packets[key] += 1, creating the entry if it is new.  Not atomic: fine
    # where one CPU runs the tests; a program attached to a multi-queue NIC
    # would use map_increment_atomic() or a per-CPU map instead.
    prog.map_increment(packets_fd, KEY_OFF, SCRATCH_OFF, 1)
    # r0 = &bytes[key], inserting the zero at r10 - 16 first if it is new
    prog.st_mem(DW, R10, ZERO_OFF, 0)
    prog.map_lookup_or_init(bytes_fd, KEY_OFF, ZERO_OFF)
    # r0 is NULL only if the insert failed; the verifier refuses the program
    # unless it is checked before the dereference
    prog.jmp_imm(JEQ, R0, 0, "pass")
    # lock *(u64 *)(r0 + 0) += r7
    prog.atomic_op(DW, ADD, R0, R7, 0)


def emit_pass(prog):
    """The common exit, "pass": return XDP_PASS, whatever the packet was."""
    prog.label("pass")
    prog.alu64_imm(MOV, R0, XDP_PASS)
    prog.exit()


def build_program(packets_fd, bytes_fd):
    """The whole program, as a mapops.Program (the caller closes it)."""
    prog = mapops.Program()
    try:
        prog.set_tag("parse")
        emit_parse(prog)
        prog.set_tag("count")
        emit_count(prog, packets_fd, bytes_fd)
        prog.set_tag("pass")
        emit_pass(prog)
    except BaseException:
        prog.close()
        raise
    return prog


# ---------------------------------------------------------------------------
# The test packets
# ---------------------------------------------------------------------------

# (what, ethertype, protocol, IPv4 total length, repeat, truncate to)
SPECS = [
    # 5 TCP packets
    ("TCP SYN", ETH_P_IP, IPPROTO_TCP, 60, 1, 0),
    ("TCP full-size segment", ETH_P_IP, IPPROTO_TCP, 1500, 3, 0),
    ("TCP ACK", ETH_P_IP, IPPROTO_TCP, 40, 1, 0),
    # 3 UDP packets
    ("UDP DNS query", ETH_P_IP, IPPROTO_UDP, 71, 2, 0),
    ("UDP DNS answer", ETH_P_IP, IPPROTO_UDP, 312, 1, 0),
    # 2 ICMP packets
    ("ICMP echo request", ETH_P_IP, IPPROTO_ICMP, 84, 1, 0),
    ("ICMP echo reply", ETH_P_IP, IPPROTO_ICMP, 84, 1, 0),
    # Frames that must not be counted
    ("ARP request", ETH_P_ARP, 0, 0, 1, 0),
    ("truncated IPv4 (30 bytes)", ETH_P_IP, IPPROTO_UDP, 28, 1, 30),
]


def ip_checksum(header):
    """The IPv4 header checksum (RFC 1071)."""
    total = sum(struct.unpack("!%dH" % (len(header) // 2), header))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return ~total & 0xffff


def ipv4_header(protocol, ip_len, ident):
    """A 20-byte IPv4 header from 192.0.2.1 to 198.51.100.7."""
    addrs = bytes([192, 0, 2, 1, 198, 51, 100, 7])
    hdr = struct.pack("!BBHHHBBH", 0x45, 0, ip_len, ident, 0x4000, 64,
                      protocol, 0) + addrs
    return hdr[:10] + struct.pack("!H", ip_checksum(hdr)) + hdr[12:]


ARP_REQUEST = bytes([  # "who has 192.0.2.2? tell 192.0.2.1" (28 bytes)
    0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01,
    0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 192, 0, 2, 1,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 192, 0, 2, 2,
])


def make_packets():
    """[(what, frame bytes, repeat)] described by SPECS."""
    macs = bytes([0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01])
    pkts = []
    for i, (what, ethertype, protocol, ip_len, repeat, cut) in enumerate(SPECS):
        frame = bytearray(macs + struct.pack("!H", ethertype))
        if ethertype == ETH_P_IP:
            frame += ipv4_header(protocol, ip_len, i + 1)
            # a recognisable payload after the 20-byte header
            frame += bytes(j & 0xff for j in range(len(frame),
                                                   ETH_HLEN + ip_len))
        else:
            frame += ARP_REQUEST
        if cut:
            frame = frame[:cut]
        pkts.append((what, bytes(frame), repeat))
    return pkts


# ---------------------------------------------------------------------------
# Running them, reading the counters
# ---------------------------------------------------------------------------

def run_batch(prog_fd, pkts):
    """Feeds every frame to the program with BPF_PROG_TEST_RUN, repeat times
    each; every run must return XDP_PASS.  Returns the number of runs."""
    runs = 0
    for what, frame, repeat in pkts:
        data = ctypes.create_string_buffer(frame, len(frame))
        opts = libbpf.bpf_test_run_opts()
        opts.sz = ctypes.sizeof(opts)
        opts.data_in = ctypes.cast(data, ctypes.c_void_p)
        opts.data_size_in = len(frame)
        opts.repeat = repeat
        try:
            libbpf.bpf_prog_test_run_opts(prog_fd, ctypes.byref(opts))
        except OSError as e:
            raise OSError(e.errno, 'BPF_PROG_TEST_RUN on "%s": %s'
                          % (what, e.strerror)) from None
        if opts.retval != XDP_PASS:
            raise RuntimeError('"%s": the program returned %d, not XDP_PASS '
                               '(%d)' % (what, opts.retval, XDP_PASS))
        runs += repeat
    return runs


def read_map(map_fd, name):
    """{protocol: u64 value}: walks the map with bpf_map_get_next_key(),
    which raises FileNotFoundError (ENOENT) after the last key."""
    values = {}
    key = ctypes.c_uint32()
    nxt = ctypes.c_uint32()
    value = ctypes.c_uint64()
    prev = None
    while True:
        try:
            libbpf.bpf_map_get_next_key(map_fd, prev, ctypes.byref(nxt))
        except FileNotFoundError:
            return values
        if nxt.value >= MAX_PROTOCOLS:
            raise RuntimeError("map %s holds key %d, not a protocol number"
                               % (name, nxt.value))
        libbpf.bpf_map_lookup_elem(map_fd, ctypes.byref(nxt),
                                   ctypes.byref(value))
        values[nxt.value] = value.value
        key.value = nxt.value
        prev = ctypes.byref(key)


def read_counters(packets_fd, bytes_fd):
    """{protocol: [packets, bytes]}; a protocol is present if either map
    holds its key."""
    packets = read_map(packets_fd, "packets")
    nbytes = read_map(bytes_fd, "bytes")
    return {p: [packets.get(p, 0), nbytes.get(p, 0)]
            for p in sorted(set(packets) | set(nbytes))}


PROTOCOL_NAMES = {IPPROTO_ICMP: "ICMP", IPPROTO_TCP: "TCP", IPPROTO_UDP: "UDP"}


def protocol_name(p):
    return PROTOCOL_NAMES.get(p, "other")


def print_table(table):
    print("%-8s %5s %10s %10s" % ("protocol", "num", "packets", "bytes"))
    for p in sorted(table):
        print("%-8s %5d %10d %10d" % (protocol_name(p), p, *table[p]))


# ---------------------------------------------------------------------------
# --check: the same counting, done in Python
# ---------------------------------------------------------------------------

def expected_counters(pkts):
    """Counts the frames exactly as the XDP program is meant to."""
    table = {}
    for _, d, repeat in pkts:
        if len(d) < MIN_IPV4_FRAME or \
                struct.unpack_from("!H", d, ETHERTYPE_OFF)[0] != ETH_P_IP:
            continue
        protocol = d[IP_PROTO_OFF]
        ip_len = struct.unpack_from("!H", d, IP_TOT_LEN_OFF)[0]
        c = table.setdefault(protocol, [0, 0])
        c[0] += repeat
        c[1] += ip_len * repeat
    return table


def compare_counters(got, want):
    """The number of protocols whose counters differ, printing each."""
    bad = 0
    for p in sorted(set(got) | set(want)):
        if got.get(p) == want.get(p):
            continue
        g, w = got.get(p), want.get(p)
        print("example: protocol %d (%s): maps have %s%d packets, %d bytes; "
              "expected %s%d packets, %d bytes"
              % (p, protocol_name(p), "" if g else "no entry, ",
                 *(g or (0, 0)), "" if w else "no entry, ", *(w or (0, 0))),
              file=sys.stderr)
        bad += 1
    return bad


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def bpf_required():
    return os.environ.get("MAPOPS_REQUIRE_BPF") == "1"


def refused(reason):
    """The exit status when the kernel (or the system) refuses bpf()."""
    print("example: %s: %s; this example needs root (or CAP_BPF) and a kernel "
          "with BPF enabled%s"
          % ("FAILED" if bpf_required() else "skipped", reason,
             " (MAPOPS_REQUIRE_BPF=1)" if bpf_required() else ""),
          file=sys.stderr)
    return 1 if bpf_required() else 77


def create_map(name):
    """A hash map from u32 protocol numbers to u64 counters."""
    return libbpf.bpf_map_create(BPF_MAP_TYPE_HASH, name, 4, 8,
                                 MAX_PROTOCOLS)


USAGE = """usage: %s [--check]
Counts test packets per IPv4 protocol with an XDP program built by libmapops.
  --check  also compare the counters with the expected values; exit 1 on a mismatch
"""


def main(argv):
    check = False
    if argv[1:] == ["--check"]:
        check = True
    elif argv[1:] in (["--help"], ["-h"]):
        sys.stdout.write(USAGE % argv[0])
        return 0
    elif len(argv) != 1:
        sys.stderr.write(USAGE % argv[0])
        return 2

    fds = []
    try:
        try:
            fds.append(create_map("packets"))
        except OSError as e:
            if e.errno is None:  # from ctypes.CDLL: no libbpf.so.1
                return refused("libbpf.so.1 cannot be loaded (%s)" % e)
            if e.errno in (errno.EPERM, errno.ENOSYS):
                return refused("the kernel refuses bpf(BPF_MAP_CREATE) (%s)"
                               % os.strerror(e.errno))
            raise
        fds.append(create_map("bytes"))
        packets_fd, bytes_fd = fds

        with build_program(packets_fd, bytes_fd) as prog:
            # A refusal raises mapops.Error whose message holds the
            # verifier's log and names the call that emitted the bad slot.
            fds.append(prog.load(mapops.PROG_TYPE_XDP, name="packet_counter"))
            print("XDP program: %d slots, built with libmapops and loaded"
                  % len(prog))
        prog_fd = fds[-1]

        pkts = make_packets()
        runs = run_batch(prog_fd, pkts)
        print("ran %d test packets (%d distinct frames) through "
              "BPF_PROG_TEST_RUN\n" % (runs, len(pkts)))

        got = read_counters(packets_fd, bytes_fd)
        print_table(got)

        if check:
            if compare_counters(got, expected_counters(pkts)):
                print("example: counters DIFFER", file=sys.stderr)
                return 1
            print("example: counters match")
        return 0
    except mapops.Error as e:
        print("example: %s" % e.strerror, file=sys.stderr)
        return 1
    except (OSError, RuntimeError) as e:
        print("example: %s" % e, file=sys.stderr)
        return 1
    finally:
        for fd in reversed(fds):
            os.close(fd)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
