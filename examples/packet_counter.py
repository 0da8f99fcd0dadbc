#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""IPv4 packets per source address, counted by XDP on a veth pair whose other end (in a network
namespace) sends real UDP; without namespaces, BPF_PROG_TEST_RUN.  Exit 1 on a wrong count."""
import os, socket, subprocess, sys
import mapops
from mapops import ADD, H, JGT, JNE, MOV, R0, R1, R2, R3, R10, W

counts = mapops.Map(mapops.MAP_TYPE_HASH, key_size=4, value_size=8, max_entries=256)
p = mapops.Program(lines=True)   # errors name the line of the call
p.ldx_mem(W, R2, R1, mapops.XDP_MD_DATA)
p.ldx_mem(W, R3, R1, mapops.XDP_MD_DATA_END)
p.alu64_reg(MOV, R1, R2)
p.alu64_imm(ADD, R1, 34)
p.jmp_reg(JGT, R1, R3, "out")                             # not Ethernet + IPv4 header
p.ldx_mem(H, R1, R2, 12)
p.jmp_imm(JNE, R1, socket.htons(0x0800), "out")           # IPv4 only
p.ldx_mem(W, R1, R2, 26)                                  # the source address
p.stx_mem(W, R10, R1, -4)
p.map_increment_atomic(counts.fd, -4, -16, 1)             # counts[source] += 1
p.label("out"), p.alu64_imm(MOV, R0, mapops.XDP_PASS), p.exit()
prog = p.load(mapops.PROG_TYPE_XDP, name="per_src")
ns, dev, peer, sent = "mapops-demo-%d" % os.getpid(), "mpd%d" % os.getpid(), "10.99.0.2", 5
ip = lambda *a: subprocess.run(("ip",) + a, check=True, capture_output=True)  # noqa: E731
try:
    ip("netns", "add", ns)
    ip("link", "add", dev, "type", "veth", "peer", "name", "eth1", "netns", ns)
    ip("addr", "add", "10.99.0.1/24", "dev", dev), ip("link", "set", dev, "up")
    ip("-n", ns, "addr", "add", peer + "/24", "dev", "eth1"), ip("-n", ns, "link", "set", "eth1", "up")
    with mapops.attach_xdp(prog, dev):                    # detached at the end of the block
        ip("netns", "exec", ns, sys.executable, "-c", "import socket; s = socket.socket(2, 2)\n"
           "for i in range(%d): s.sendto(b'hello', ('10.99.0.1', 9))" % sent)
except (OSError, subprocess.CalledProcessError) as e:
    print("no network namespace here (%s): BPF_PROG_TEST_RUN instead" % getattr(e, "stderr", e))
    mapops.test_run(prog, bytes(12) + b"\x08\x00" + bytes(12) + socket.inet_aton(peer) + bytes(4), repeat=sent)
finally:
    subprocess.run("ip netns del %s 2>/dev/null" % ns, shell=True)   # takes the veth pair along
for key, value in counts.items():
    print("%-15s %d packets" % (socket.inet_ntoa(key), int.from_bytes(value, "little")))
sys.exit(counts.get_int(socket.inet_aton(peer)) != sent)
