# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""A network namespace and a veth pair for the attach tests, with names
unique to this process, removed again whatever happens.

    with veth_pair() as v:      # or unittest.SkipTest naming what is missing
        v.host, v.peer          # the interfaces: host side, in-namespace side
        v.send_udp(n)           # n UDP datagrams from the namespace to host
"""
import contextlib
import os
import shutil
import subprocess
import sys
from typing import Iterator, List

HOST_IP, PEER_IP = "10.213.%d.1", "10.213.%d.2"


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip"] + list(args), capture_output=True,
                          text=True, check=check)


class VethPair:
    def __init__(self) -> None:
        pid = os.getpid()
        self.ns = "mapops-py-%d" % pid
        self.host = "mpyh%d" % (pid % 10000000)
        self.peer = "mpyp%d" % (pid % 10000000)
        self.subnet = pid % 250 + 1
        self.host_ip = HOST_IP % self.subnet
        self.peer_ip = PEER_IP % self.subnet

    def send_udp(self, count: int, port: int = 9) -> None:
        """count UDP datagrams from the namespace to the host side."""
        code = ("import socket\ns = socket.socket(socket.AF_INET, "
                "socket.SOCK_DGRAM)\nfor i in range(%d):\n"
                "    s.sendto(b'mapops %%d' %% i, ('%s', %d))\n"
                % (count, self.host_ip, port))
        subprocess.run(["ip", "netns", "exec", self.ns, sys.executable,
                        "-c", code], check=True, capture_output=True)


@contextlib.contextmanager
def veth_pair() -> Iterator[VethPair]:
    import unittest
    if shutil.which("ip") is None:
        raise unittest.SkipTest("no ip(8) (iproute2): cannot create a "
                                "network namespace and a veth pair")
    v = VethPair()
    made: List[str] = []
    try:
        r = _ip("netns", "add", v.ns, check=False)
        if r.returncode:
            raise unittest.SkipTest("network namespaces cannot be created "
                                    "here: ip netns add: %s"
                                    % r.stderr.strip())
        made.append("ns")
        r = _ip("link", "add", v.host, "type", "veth", "peer", "name",
                v.peer, check=False)
        if r.returncode:
            raise unittest.SkipTest("veth pairs cannot be created here: %s"
                                    % r.stderr.strip())
        made.append("link")
        _ip("link", "set", v.peer, "netns", v.ns)
        _ip("addr", "add", v.host_ip + "/30", "dev", v.host)
        _ip("link", "set", v.host, "up")
        _ip("-n", v.ns, "addr", "add", v.peer_ip + "/30", "dev", v.peer)
        _ip("-n", v.ns, "link", "set", v.peer, "up")
        _ip("-n", v.ns, "link", "set", "lo", "up")
        # a static neighbour: no ARP before the first datagram
        mac = _ip("-br", "link", "show", v.host).stdout.split()[2]
        _ip("-n", v.ns, "neigh", "add", v.host_ip, "lladdr", mac, "dev",
            v.peer)
        yield v
    finally:
        if "link" in made:
            _ip("link", "del", v.host, check=False)
        if "ns" in made:
            _ip("netns", "del", v.ns, check=False)
