#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Every execve() on the machine, live: a tracepoint program built with
mapops sends one ring-buffer record (pid, command name) per call, and this
script prints them until Ctrl-C, or until COUNT have arrived.

usage: trace_exec.py [COUNT]      print COUNT events (default: until Ctrl-C)
       trace_exec.py --check N    run /bin/true N times and check that
                                  exactly those N execve() calls arrived
"""
import struct
import subprocess
import sys

import mapops
from mapops import ADD, MOV, R0, R1, R2, R10, RSH, W

RECORD = struct.Struct("<I16s")        # pid, comm: 20 bytes at r10 - 24


def build(events):
    with mapops.Program() as p:
        p.call_helper(mapops.FUNC_GET_CURRENT_PID_TGID)
        p.alu64_imm(RSH, R0, 32)                      # the process id
        p.stx_mem(W, R10, R0, -24)
        p.alu64_reg(MOV, R1, R10)
        p.alu64_imm(ADD, R1, -20)
        p.alu64_imm(MOV, R2, 16)
        p.call_helper(mapops.FUNC_GET_CURRENT_COMM)   # comm at r10 - 20
        p.ringbuf_output(events.fd, -24, RECORD.size, 0)
        p.alu64_imm(MOV, R0, 0)
        p.exit()
        return p.load(mapops.PROG_TYPE_TRACEPOINT, name="trace_exec")


def main(argv):
    check = argv[1:2] == ["--check"]
    count = int(argv[2] if check else argv[1]) if len(argv) > 1 else None
    seen = []

    def show(data):
        pid, comm = RECORD.unpack(data)
        seen.append(pid)
        print("%7d %s" % (pid, comm.rstrip(b"\0").decode(errors="replace")),
              flush=True)

    with mapops.Map(mapops.MAP_TYPE_RINGBUF, 0, 0, 1 << 16) as events:
        prog = build(events)
        with mapops.attach_tracepoint(prog, "syscalls", "sys_enter_execve"), \
                mapops.RingBuffer(events, show) as rb:
            print("%7s %s" % ("PID", "COMMAND"))
            pids = []
            if check:
                children = [subprocess.Popen(["/bin/true"])
                            for _ in range(count)]
                pids = [c.pid for c in children]
                for c in children:
                    c.wait()
            try:
                polls = 0
                while not check and (count is None or len(seen) < count) \
                        or check and not set(pids) <= set(seen) and polls < 50:
                    rb.poll(100)
                    polls += 1
            except KeyboardInterrupt:
                pass
    if check:
        missing = set(pids) - set(seen)
        print("trace_exec: %d of %d execve() calls seen%s" % (
            count - len(missing), count, "" if not missing else
            ", missing pids %s" % sorted(missing)))
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
