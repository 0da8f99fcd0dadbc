# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The scripted loader: maps, test runs, attaching and events, through
libbpf 1.1's own functions (declared in mapops/libbpf.py).  Everything here
is re-exported by ``mapops``: mapops.Map, mapops.test_run(),
mapops.attach_xdp() ..., mapops.RingBuffer, mapops.PerfBuffer.

The layer is thin: each operation is one libbpf call (or one system call
where libbpf has none: perf_event_open, setsockopt, mount), with Python
types in and out, ownership of the file descriptors and C objects it
creates, and errors as mapops.Error (an OSError: ``errno`` and a message
naming the call, the object and the value refused).  Arguments that are
wrong before any call (a str for an int, a key of the wrong size, a negative
fd, an int too big for its C type) raise TypeError or ValueError; a closed
object raises ValueError.

What outlives the process (see attach_*):

- XDP (attach_xdp), cgroup (attach_cgroup), tracepoint and kprobe
  (perf-event links) and raw tracepoint attachments are BPF links or
  fds: they are detached when the Link is closed, collected, or the process
  exits -- a script that dies leaves nothing attached.
- attach_socket(): the filter lives as long as the socket.
- attach_tc(): a tc filter is a netlink object of the interface: it stays
  after the process exits unless the Link is closed first (close() and
  garbage collection remove it; a killed process leaves it, and the clsact
  qdisc, on the interface until the interface is deleted).
- A pinned map (Map.pin) stays until its file is removed.
"""
import ctypes
import errno as _errno
import os
import platform
import socket as _socket
import threading
from typing import (Any, Callable, Iterator, List, NamedTuple, Optional,
                    Tuple, Union)

from . import _api, libbpf
from ._lib import Error

__all__ = ["Map", "TestRun", "test_run", "Link", "attach_xdp",
           "attach_socket", "detach_socket", "attach_tracepoint",
           "attach_raw_tracepoint", "attach_kprobe", "attach_cgroup",
           "attach_tc", "RingBuffer", "PerfBuffer", "TRACEFS"]

# Constants of headers that lib/mapops.api does not describe; each is
# compared with the C compiler's value of the header's macro by
# tests/python/test_loader.py (HeaderConstants).
XDP_FLAGS_SKB_MODE = 1 << 1     # <linux/if_link.h>
XDP_FLAGS_DRV_MODE = 1 << 2     # <linux/if_link.h>
SO_ATTACH_BPF = 50              # <asm-generic/socket.h>
SO_DETACH_BPF = 27              # <asm-generic/socket.h>: SO_DETACH_FILTER
PERF_TYPE_TRACEPOINT = 2        # <linux/perf_event.h>
PERF_FLAG_FD_CLOEXEC = 1 << 3   # <linux/perf_event.h>
BPF_TC_INGRESS = 1              # <bpf/libbpf.h> enum bpf_tc_attach_point
BPF_TC_EGRESS = 2
#: __NR_perf_event_open of <asm/unistd.h>, by machine.
NR_PERF_EVENT_OPEN = {"x86_64": 298, "aarch64": 241, "riscv64": 241,
                      "ppc64le": 319, "s390x": 331, "i686": 336,
                      "armv7l": 364}

#: Where attach_tracepoint() finds (and if need be mounts) tracefs.
TRACEFS = "/sys/kernel/tracing"
KPROBE_PMU = "/sys/bus/event_source/devices/kprobe"

_ETH_HLEN = 14
_PACKET_PROGS = frozenset(getattr(_api, "PROG_TYPE_" + n) for n in (
    "SOCKET_FILTER", "SCHED_CLS", "SCHED_ACT", "XDP", "CGROUP_SKB",
    "LWT_IN", "LWT_OUT", "LWT_XMIT", "LWT_SEG6LOCAL", "FLOW_DISSECTOR"))
_ONE_RUN_PROGS = frozenset((_api.PROG_TYPE_RAW_TRACEPOINT,
                            _api.PROG_TYPE_RAW_TRACEPOINT_WRITABLE,
                            _api.PROG_TYPE_SYSCALL))
_PERCPU_MAPS = frozenset(getattr(_api, "MAP_TYPE_" + n) for n in (
    "PERCPU_HASH", "PERCPU_ARRAY", "LRU_PERCPU_HASH",
    "PERCPU_CGROUP_STORAGE"))
_KEYLESS_MAPS = frozenset((_api.MAP_TYPE_QUEUE, _api.MAP_TYPE_STACK,
                           _api.MAP_TYPE_RINGBUF))
_ENOTSUPP = 524  # the kernel's internal "not supported", seen by test runs

_PROG_TYPE_NAMES = {getattr(_api, n): n for n, _ in _api.CONSTANTS
                    if n.startswith("PROG_TYPE_")}
_MAP_TYPE_NAMES = {getattr(_api, n): n for n, _ in _api.CONSTANTS
                   if n.startswith("MAP_TYPE_")}


def _lib() -> Any:
    return libbpf._c()


def _ename(err: int) -> str:
    return "%s (%s)" % (_errno.errorcode.get(err, "errno %d" % err),
                        os.strerror(err) if err != _ENOTSUPP
                        else "operation not supported by the kernel")


def _error(err: int, what: str, hint: str = "") -> Error:
    return Error(err, "%s: %s%s" % (what, _ename(err), hint))


def _int(value: Any, name: str, where: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s: %s must be an int, not %s"
                        % (where, name, type(value).__name__))
    if not lo <= value <= hi:
        raise ValueError("%s: %s = %d is out of range [%d, %d]"
                         % (where, name, value, lo, hi))
    return value


def _fd(value: Any, name: str, where: str) -> int:
    """A file descriptor argument: an int >= 0, or a Map (its fd)."""
    if isinstance(value, Map):
        return value.fd
    return _int(value, name, where, 0, 0x7fffffff)


def _text(value: Any, name: str, where: str) -> bytes:
    if isinstance(value, str):
        value = os.fsencode(value)
    if not isinstance(value, bytes):
        raise TypeError("%s: %s must be str or bytes, not %s"
                        % (where, name, type(value).__name__))
    if not value or b"\0" in value:
        raise ValueError("%s: %s %r is empty or contains a NUL byte"
                         % (where, name, value))
    return value


def _fd_kind(fd: int) -> str:
    """What /proc/self/fd says fd is ("anon_inode:bpf-map", ...)."""
    try:
        return os.readlink("/proc/self/fd/%d" % fd)
    except OSError:
        return ""


def _check_kind(fd: int, kind: str, name: str, where: str) -> None:
    got = _fd_kind(fd)
    if got != "anon_inode:" + kind:
        if not got:
            raise Error(_errno.EBADF, "%s: %s %d is not an open file "
                        "descriptor" % (where, name, fd))
        raise Error(_errno.EINVAL, "%s: %s %d is not a BPF %s (it is %s)"
                    % (where, name, fd, kind.split("-")[1], got))


def prog_type(prog_fd: int, where: str = "prog_type()") -> int:
    """The program type of prog_fd (bpf_obj_get_info_by_fd)."""
    fd = _fd(prog_fd, "prog_fd", where)
    _check_kind(fd, "bpf-prog", "prog_fd", where)
    info = libbpf.bpf_prog_info()
    size = ctypes.c_uint32(ctypes.sizeof(info))
    ret = _lib().bpf_obj_get_info_by_fd(fd, ctypes.byref(info),
                                        ctypes.byref(size))
    if ret < 0:
        raise _error(-ret, "%s: bpf_obj_get_info_by_fd(prog fd %d)"
                     % (where, fd))
    return info.type


def _want_prog(prog_fd: Any, types: Tuple[int, ...], where: str) -> int:
    fd = _fd(prog_fd, "prog_fd", where)
    t = prog_type(fd, where)
    if t not in types:
        raise Error(_errno.EINVAL, "%s: prog_fd %d is a %s program; this "
                    "attach takes %s" % (where, fd, _PROG_TYPE_NAMES.get(
                        t, "type %d" % t), " or ".join(
                        _PROG_TYPE_NAMES[x] for x in types)))
    return fd


# ---------------------------------------------------------------------------
# Maps
# ---------------------------------------------------------------------------

class Map:
    """A BPF map: owns one map file descriptor.

    Map(type, key_size, value_size, max_entries, name=None, flags=0,
    inner_map=None) creates one (bpf_map_create); Map.from_fd(fd) and
    Map.pinned(path) wrap an existing one.  Keys and values are bytes-like
    objects of exactly key_size / value_size bytes, or ints, packed
    little-endian unsigned to that size; reads return bytes (get_int() an
    int).  ``m[k] = v``, ``m[k]`` (KeyError if absent), ``del m[k]``,
    ``k in m``, ``m.get(k, default)``, ``keys()``, ``values()``, ``items()``
    (bpf_map_get_next_key: a walk while the map changes may skip or repeat
    keys, as in C).

    Per-CPU maps: percpu(k) gives one value_size-byte value per possible CPU
    (sum them with ``sum(int.from_bytes(v, "little") for v in
    m.percpu(k))``); ``m[k]`` refuses (TypeError) and points at percpu();
    ``m[k] = v`` stores v on every CPU, or a list of one value per CPU.

    Ring buffers: key_size=0, value_size=0, max_entries the buffer's size
    in bytes (read with RingBuffer).  Queues and stacks: key_size=0, with
    push(), pop() and peek().  Program arrays: 4-byte keys and values,
    ``prog_array[i] = prog_fd``.

    close() closes the fd (again: nothing); so does the end of a ``with``
    block and garbage collection.  A closed Map raises ValueError.
    """

    __slots__ = ("_fd", "type", "key_size", "value_size", "max_entries",
                 "name", "flags", "_stride", "_ncpus", "__weakref__")

    def __init__(self, type: int, key_size: int, value_size: int,
                 max_entries: int, name: Optional[str] = None,
                 flags: int = 0, inner_map: Optional["Map"] = None) -> None:
        self._fd = -1
        where = "Map()"
        u32 = 0xffffffff
        mtype = _int(type, "type", where, 0, u32)
        ks = _int(key_size, "key_size", where, 0, u32)
        vs = _int(value_size, "value_size", where, 0, u32)
        me = _int(max_entries, "max_entries", where, 0, u32)
        fl = _int(flags, "flags", where, 0, u32)
        cname = None if name is None else _text(name, "name", where)
        opts = libbpf.bpf_map_create_opts()
        opts.sz = ctypes.sizeof(opts)
        opts.map_flags = fl
        if inner_map is not None:
            if not isinstance(inner_map, Map):
                raise TypeError("Map(): inner_map must be a mapops.Map, not %s"
                                % inner_map.__class__.__name__)
            opts.inner_map_fd = inner_map.fd
        fd = _lib().bpf_map_create(mtype, cname, ks, vs, me,
                                   ctypes.byref(opts))
        if fd < 0:
            raise _error(-fd, "Map(): bpf_map_create(%s, name %r, key_size "
                         "%d, value_size %d, max_entries %d, flags %#x%s)"
                         % (_MAP_TYPE_NAMES.get(mtype, "type %d" % mtype),
                            name, ks, vs, me, fl,
                            ", inner map fd %d" % opts.inner_map_fd
                            if inner_map is not None else ""))
        self._setup(fd, mtype, ks, vs, me, fl,
                    None if name is None else str(name))

    def _setup(self, fd: int, mtype: int, ks: int, vs: int, me: int,
               fl: int, name: Optional[str]) -> None:
        self.type, self.key_size, self.value_size = mtype, ks, vs
        self.max_entries, self.flags, self.name = me, fl, name
        self._ncpus = 1
        self._stride = vs
        if mtype in _PERCPU_MAPS:
            n = _lib().libbpf_num_possible_cpus()
            if n < 0:
                os.close(fd)
                raise _error(-n, "Map(): libbpf_num_possible_cpus()")
            self._ncpus = n
            self._stride = (vs + 7) & ~7  # the kernel rounds each to 8
        self._fd = fd

    @classmethod
    def _adopt(cls, fd: int, where: str) -> "Map":
        """A Map owning fd (closed here on failure)."""
        self = cls.__new__(cls)
        self._fd = -1
        info = libbpf.bpf_map_info()
        size = ctypes.c_uint32(ctypes.sizeof(info))
        ret = _lib().bpf_obj_get_info_by_fd(fd, ctypes.byref(info),
                                            ctypes.byref(size))
        if ret < 0:
            os.close(fd)
            raise _error(-ret, "%s: bpf_obj_get_info_by_fd(map fd %d)"
                         % (where, fd))
        self._setup(fd, info.type, info.key_size, info.value_size,
                    info.max_entries, info.map_flags,
                    info.name.decode("utf-8", "backslashreplace") or None)
        return self

    @classmethod
    def from_fd(cls, fd: int) -> "Map":
        """A Map of the map fd refers to, owning a duplicate of fd (the
        caller keeps, and closes, its own)."""
        where = "Map.from_fd()"
        fd = _int(fd, "fd", where, 0, 0x7fffffff)
        _check_kind(fd, "bpf-map", "fd", where)
        import fcntl
        return cls._adopt(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 0), where)

    @classmethod
    def pinned(cls, path: Union[str, bytes]) -> "Map":
        """The map pinned at path in a BPF file system (bpf_obj_get)."""
        where = "Map.pinned()"
        cpath = _text(path, "path", where)
        fd = _lib().bpf_obj_get(cpath)
        if fd < 0:
            raise _error(-fd, "%s: bpf_obj_get(%r)" % (where, path))
        if _fd_kind(fd) != "anon_inode:bpf-map":
            kind = _fd_kind(fd)
            os.close(fd)
            raise Error(_errno.EINVAL, "%s: %r is not a pinned map (it is %s)"
                        % (where, path, kind))
        return cls._adopt(fd, where)

    def pin(self, path: Union[str, bytes]) -> None:
        """Pins the map at path (bpf_obj_pin), in a mounted BPF file system
        (/sys/fs/bpf); it stays there until the file is removed."""
        cpath = _text(path, "path", "Map.pin()")
        ret = _lib().bpf_obj_pin(self.fd, cpath)
        if ret < 0:
            raise _error(-ret, "Map.pin(): bpf_obj_pin(%s, %r)"
                         % (self._what(), path),
                         " (is a BPF file system mounted there?)"
                         if -ret in (_errno.EPERM, _errno.ENOENT) else "")

    # -- ownership -----------------------------------------------------------

    @property
    def fd(self) -> int:
        """The map's file descriptor (owned by the Map)."""
        fd = self._fd
        if fd < 0:
            raise ValueError("the mapops.Map is closed")
        return fd

    @property
    def closed(self) -> bool:
        return self._fd < 0

    def close(self) -> None:
        """Closes the map's fd; again: nothing."""
        fd, self._fd = getattr(self, "_fd", -1), -1
        if fd >= 0:
            os.close(fd)

    __del__ = close

    def __enter__(self) -> "Map":
        self.fd
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._fd < 0:
            return "<mapops.Map closed>"
        return "<mapops.Map %s fd %d>" % (self._what(False), self._fd)

    def _what(self, fd: bool = True) -> str:
        s = "%s%s key_size %d value_size %d" % (
            _MAP_TYPE_NAMES.get(self.type, "type %d" % self.type),
            "" if self.name is None else " %r" % self.name,
            self.key_size, self.value_size)
        return "map %s fd %d" % (s, self._fd) if fd else s

    # -- conversions ---------------------------------------------------------

    def _pack(self, v: Any, size: int, what: str, where: str) -> bytes:
        if isinstance(v, int) and not isinstance(v, bool):
            if v < 0 or v >> (8 * size):
                raise ValueError("%s: %s %d does not fit %d bytes unsigned"
                                 % (where, what, v, size))
            return v.to_bytes(size, "little")
        if isinstance(v, (str, bool)) or v is None:
            raise TypeError("%s: %s must be bytes-like or an int, not %s"
                            % (where, what, type(v).__name__))
        try:
            b = memoryview(v).tobytes()
        except TypeError:
            raise TypeError("%s: %s must be bytes-like or an int, not %s"
                            % (where, what, type(v).__name__)) from None
        if len(b) != size:
            raise ValueError("%s: %s is %d bytes; the map's %s size is %d"
                             % (where, what, len(b), what, size))
        return b

    def _key(self, key: Any, where: str) -> bytes:
        if self.key_size == 0:
            raise TypeError("%s: a %s has no keys"
                            % (where, _MAP_TYPE_NAMES.get(self.type, "map")))
        return self._pack(key, self.key_size, "key", where)

    def _value(self, value: Any, where: str) -> bytes:
        if self._ncpus == 1 or self.type not in _PERCPU_MAPS:
            return self._pack(value, self.value_size, "value", where)
        pad = bytes(self._stride - self.value_size)
        if isinstance(value, (list, tuple)):
            if len(value) != self._ncpus:
                raise ValueError("%s: %d values for a per-CPU map of %d "
                                 "possible CPUs" % (where, len(value),
                                                    self._ncpus))
            return b"".join(self._pack(v, self.value_size, "value", where)
                            + pad for v in value)
        return (self._pack(value, self.value_size, "value", where)
                + pad) * self._ncpus

    def _lookup(self, kb: Optional[bytes], where: str) -> Optional[bytes]:
        fd = self.fd
        buf = ctypes.create_string_buffer(self._stride * self._ncpus or 1)
        ret = _lib().bpf_map_lookup_elem(fd, kb, buf)
        if ret == -_errno.ENOENT:
            return None
        if ret < 0:
            raise _error(-ret, "%s: bpf_map_lookup_elem(%s)"
                         % (where, self._what()))
        return buf.raw[:self._stride * self._ncpus]

    # -- the mapping ---------------------------------------------------------

    def __getitem__(self, key: Any) -> bytes:
        where = "Map[key]"
        if self.type in _PERCPU_MAPS:
            raise TypeError("%s: a per-CPU map has one value per CPU: use "
                            "percpu(key)" % where)
        raw = self._lookup(self._key(key, where), where)
        if raw is None:
            raise KeyError(key)
        return raw

    def get(self, key: Any, default: Any = None) -> Any:
        """m[key], or default if key is absent."""
        try:
            return self[key]
        except KeyError:
            return default

    def get_int(self, key: Any, default: Any = None) -> Any:
        """m[key] as an unsigned little-endian int (default if absent)."""
        v = self.get(key)
        return default if v is None else int.from_bytes(v, "little")

    def percpu(self, key: Any) -> List[bytes]:
        """The per-CPU map's values under key: one value_size-byte value
        per possible CPU (libbpf_num_possible_cpus()).  KeyError if absent."""
        where = "Map.percpu()"
        if self.type not in _PERCPU_MAPS:
            raise TypeError("%s: %s is not a per-CPU map" % (where,
                                                             self._what()))
        raw = self._lookup(self._key(key, where), where)
        if raw is None:
            raise KeyError(key)
        s, n = self._stride, self.value_size
        return [raw[i * s:i * s + n] for i in range(self._ncpus)]

    def __setitem__(self, key: Any, value: Any) -> None:
        self.update(key, value)

    def update(self, key: Any, value: Any, flags: int = 0) -> None:
        """m[key] = value with the update flags (BPF_ANY, BPF_NOEXIST,
        BPF_EXIST, BPF_F_LOCK)."""
        where = "Map.update()"
        kb = self._key(key, where)
        if self.type == _api.MAP_TYPE_PROG_ARRAY and isinstance(value, int) \
                and not isinstance(value, bool):
            _check_kind(value, "bpf-prog", "value (a program fd)", where)
        vb = self._value(value, where)
        fl = _int(flags, "flags", where, 0, (1 << 64) - 1)
        ret = _lib().bpf_map_update_elem(self.fd, kb, vb, fl)
        if ret < 0:
            raise _error(-ret, "%s: bpf_map_update_elem(%s, key %s, flags "
                         "%d)" % (where, self._what(), kb.hex(), fl),
                         " (the map is full)" if ret == -_errno.E2BIG else "")

    def __delitem__(self, key: Any) -> None:
        where = "del Map[key]"
        kb = self._key(key, where)
        ret = _lib().bpf_map_delete_elem(self.fd, kb)
        if ret == -_errno.ENOENT:
            raise KeyError(key)
        if ret < 0:
            raise _error(-ret, "%s: bpf_map_delete_elem(%s, key %s)"
                         % (where, self._what(), kb.hex()),
                         " (array elements cannot be deleted)"
                         if ret == -_errno.EINVAL else "")

    def __contains__(self, key: Any) -> bool:
        where = "key in Map"
        return self._lookup(self._key(key, where), where) is not None

    def keys(self) -> Iterator[bytes]:
        """Every key (bpf_map_get_next_key), as bytes."""
        where = "Map.keys()"
        if self.key_size == 0:
            raise TypeError("%s: a %s has no keys"
                            % (where, _MAP_TYPE_NAMES.get(self.type, "map")))
        prev = None
        nxt = ctypes.create_string_buffer(self.key_size)
        get_next = _lib().bpf_map_get_next_key
        while True:
            ret = get_next(self.fd, prev, nxt)
            if ret == -_errno.ENOENT:
                return
            if ret < 0:
                raise _error(-ret, "%s: bpf_map_get_next_key(%s)"
                             % (where, self._what()))
            prev = nxt.raw
            yield prev

    __iter__ = keys

    def items(self) -> Iterator[Tuple[bytes, Any]]:
        """(key, value) pairs; per-CPU maps give the list of percpu()."""
        for k in self.keys():
            raw = self._lookup(k, "Map.items()")
            if raw is None:
                continue  # deleted meanwhile
            if self.type in _PERCPU_MAPS:
                s, n = self._stride, self.value_size
                yield k, [raw[i * s:i * s + n] for i in range(self._ncpus)]
            else:
                yield k, raw

    def values(self) -> Iterator[Any]:
        for _, v in self.items():
            yield v

    # -- queues and stacks ---------------------------------------------------

    def push(self, value: Any, flags: int = 0) -> None:
        """Pushes value onto a queue or stack (flags: BPF_EXIST replaces the
        oldest when full)."""
        where = "Map.push()"
        vb = self._pack(value, self.value_size, "value", where)
        fl = _int(flags, "flags", where, 0, (1 << 64) - 1)
        ret = _lib().bpf_map_update_elem(self.fd, None, vb, fl)
        if ret < 0:
            raise _error(-ret, "%s: bpf_map_update_elem(%s, NULL)"
                         % (where, self._what()))

    def _take(self, delete: bool, where: str) -> Optional[bytes]:
        buf = ctypes.create_string_buffer(self.value_size or 1)
        f = (_lib().bpf_map_lookup_and_delete_elem if delete
             else _lib().bpf_map_lookup_elem)
        ret = f(self.fd, None, buf)
        if ret == -_errno.ENOENT:
            return None
        if ret < 0:
            raise _error(-ret, "%s: %s(%s, NULL)" % (
                where, f.__name__, self._what()))
        return buf.raw[:self.value_size]

    def pop(self) -> Optional[bytes]:
        """Takes the next value of a queue or stack (None if empty)."""
        return self._take(True, "Map.pop()")

    def peek(self) -> Optional[bytes]:
        """The next value of a queue or stack, left there (None if empty)."""
        return self._take(False, "Map.peek()")


# ---------------------------------------------------------------------------
# Test runs
# ---------------------------------------------------------------------------

class TestRun(NamedTuple):
    """The result of test_run()."""
    retval: int
    """The program's return value (r0, as a u32)."""
    data: bytes
    """The packet after the run (b"" for programs without one)."""
    duration_ns: int
    """The kernel's mean time per run, in whole nanoseconds."""
    ctx: Optional[bytes]
    """The context after the run, if ctx was given (else None)."""


TestRun.__test__ = False  # type: ignore[attr-defined]  # not a unittest


def test_run(prog_fd: int, data: Optional[bytes] = None, repeat: int = 1,
             ctx: Optional[bytes] = None,
             data_out_size: Optional[int] = None) -> TestRun:
    """Runs the program in the kernel on test input (BPF_PROG_TEST_RUN,
    bpf_prog_test_run_opts) repeat times and returns a TestRun.

    - Packet programs (socket filter, tc, XDP, cgroup skb, lwt, flow
      dissector) need at least an Ethernet header: data=None gives them 14
      zero bytes; shorter data is refused (ValueError).
    - Raw tracepoint and syscall programs run once on ctx (no data), as the
      kernel requires: repeat must be 0 or 1.
    - Tracepoint, kprobe and other program types the kernel cannot test-run
      raise mapops.Error ENOTSUPP (524) saying so.
    data_out_size: room for the packet after the run (default: its size
    plus 4096 bytes, for programs that grow it).
    """
    where = "test_run()"
    fd = _fd(prog_fd, "prog_fd", where)
    t = prog_type(fd, where)
    tname = _PROG_TYPE_NAMES.get(t, "type %d" % t)
    rep = _int(repeat, "repeat", where, 0, 0x7fffffff)
    if data is not None:
        try:
            data = memoryview(data).tobytes()
        except TypeError:
            raise TypeError("%s: data must be bytes-like or None, not %s"
                            % (where, type(data).__name__)) from None
    if ctx is not None:
        try:
            ctx = memoryview(ctx).tobytes()
        except TypeError:
            raise TypeError("%s: ctx must be bytes-like or None, not %s"
                            % (where, type(ctx).__name__)) from None
    if t in _PACKET_PROGS:
        if data is None:
            data = bytes(_ETH_HLEN)
        elif len(data) < _ETH_HLEN:
            raise ValueError("%s: a %s program's test run needs at least an "
                             "Ethernet header: data is %d bytes, fewer than "
                             "%d" % (where, tname, len(data), _ETH_HLEN))
    elif t in _ONE_RUN_PROGS:
        if rep > 1:
            raise ValueError("%s: a %s program runs once (the kernel "
                             "refuses repeat > 0): repeat = %d" % (where,
                                                                   tname, rep))
        if data is not None:
            raise ValueError("%s: a %s program takes ctx, not data"
                             % (where, tname))
        rep = 0
    opts = libbpf.bpf_test_run_opts()
    opts.sz = ctypes.sizeof(opts)
    opts.repeat = rep
    keep = []
    out = None
    if data is not None:
        din = ctypes.create_string_buffer(data, len(data))
        size = (len(data) + 4096 if data_out_size is None else
                _int(data_out_size, "data_out_size", where, 0, 0x7fffffff))
        out = ctypes.create_string_buffer(size or 1)
        keep += [din, out]
        opts.data_in = ctypes.addressof(din)
        opts.data_size_in = len(data)
        opts.data_out = ctypes.addressof(out)
        opts.data_size_out = size
    ctx_out = None
    if ctx is not None:
        cin = ctypes.create_string_buffer(ctx, len(ctx))
        keep.append(cin)
        opts.ctx_in = ctypes.addressof(cin)
        opts.ctx_size_in = len(ctx)
        if t not in _ONE_RUN_PROGS:  # raw tracepoints refuse ctx_out
            ctx_out = ctypes.create_string_buffer(len(ctx) or 1)
            opts.ctx_out = ctypes.addressof(ctx_out)
            opts.ctx_size_out = len(ctx)
    ret = _lib().bpf_prog_test_run_opts(fd, ctypes.byref(opts))
    if ret < 0:
        hint = ""
        if -ret in (_ENOTSUPP, _errno.EOPNOTSUPP):
            hint = " (the kernel cannot test-run %s programs)" % tname
        elif -ret == _errno.EINVAL:
            hint = (" (the kernel refused the input: %d bytes of data, %s "
                    "bytes of ctx, repeat %d)" % (
                        len(data or b""), "no" if ctx is None else len(ctx),
                        rep))
        raise _error(-ret, "%s: bpf_prog_test_run_opts(%s prog fd %d)"
                     % (where, tname, fd), hint)
    return TestRun(opts.retval,
                   out.raw[:opts.data_size_out] if out is not None else b"",
                   opts.duration,
                   None if ctx is None else
                   (ctx_out.raw[:opts.ctx_size_out] if ctx_out is not None
                    else ctx))


# ---------------------------------------------------------------------------
# Attaching
# ---------------------------------------------------------------------------

class Link:
    """One attachment: close() detaches (again: nothing), and so do the
    end of a ``with`` block and garbage collection.  ``kind`` and
    ``target`` say what it is ("xdp", "veth0"); ``fd`` is the BPF link's
    (or raw tracepoint's) file descriptor, None for tc."""

    __slots__ = ("_fd", "_cleanup", "_open", "kind", "target", "__weakref__")

    def __init__(self, fd: Optional[int], kind: str, target: str,
                 cleanup: Optional[Callable[[], None]] = None) -> None:
        self._fd, self.kind, self.target = fd, kind, target
        self._cleanup = cleanup
        self._open = True

    @property
    def fd(self) -> Optional[int]:
        if not self._open:
            raise ValueError("the mapops.Link is closed")
        return self._fd

    @property
    def closed(self) -> bool:
        return not getattr(self, "_open", False)

    def close(self) -> None:
        """Detaches the program."""
        if not getattr(self, "_open", False):
            return
        self._open = False
        fd, cleanup = self._fd, self._cleanup
        self._cleanup = None
        try:
            if fd is not None:
                os.close(fd)
        finally:
            if cleanup is not None:
                cleanup()

    def __del__(self) -> None:
        try:
            self.close()
        except OSError:
            pass  # nothing to report to during collection

    def __enter__(self) -> "Link":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<mapops.Link %s %s%s>" % (self.kind, self.target,
                                          " closed" if self.closed else "")


def _ifindex(ifname: Any, where: str) -> int:
    if isinstance(ifname, int) and not isinstance(ifname, bool):
        return _int(ifname, "ifindex", where, 1, 0x7fffffff)
    name = _text(ifname, "ifname", where)
    try:
        return _socket.if_nametoindex(name.decode())
    except OSError:
        raise Error(_errno.ENODEV, "%s: no network interface named %r"
                    % (where, ifname)) from None


def _link_create(prog_fd: int, target_fd: int, attach_type: int,
                 opts: Any, what: str, hint: str = "") -> int:
    ret = _lib().bpf_link_create(prog_fd, target_fd, attach_type,
                                 None if opts is None else ctypes.byref(opts))
    if ret < 0:
        raise _error(-ret, what, hint)
    return ret


def attach_xdp(prog_fd: int, ifname: Union[str, int],
               mode: Optional[str] = None) -> Link:
    """Attaches an XDP program to the interface (a name or an ifindex) as a
    BPF link (bpf_link_create with BPF_XDP): detached when the Link is
    closed or the process exits.  mode: "skb" (generic XDP), "drv" (the
    driver's) or None (the driver's if it has one)."""
    where = "attach_xdp()"
    fd = _want_prog(prog_fd, (_api.PROG_TYPE_XDP,), where)
    modes = {None: 0, "skb": XDP_FLAGS_SKB_MODE, "drv": XDP_FLAGS_DRV_MODE}
    if not isinstance(mode, (str, type(None))) or mode not in modes:
        raise ValueError('%s: mode must be "skb", "drv" or None, not %r'
                         % (where, mode))
    ifindex = _ifindex(ifname, where)
    opts = libbpf.bpf_link_create_opts()
    opts.sz = ctypes.sizeof(opts)
    opts.flags = modes[mode]
    link = _link_create(fd, ifindex, _api.XDP, opts,
                        "%s: bpf_link_create(prog fd %d, %s (ifindex %d), "
                        "BPF_XDP, mode %s)" % (where, fd, ifname, ifindex,
                                               mode),
                        " (another XDP program is attached there)")
    return Link(link, "xdp", str(ifname))


_libc_cdll = None


def _libc() -> Any:
    global _libc_cdll
    if _libc_cdll is None:
        _libc_cdll = ctypes.CDLL(None, use_errno=True)
    return _libc_cdll


def _sockfd(sock: Any, where: str) -> int:
    if hasattr(sock, "fileno") and not isinstance(sock, int):
        sock = sock.fileno()
    return _int(sock, "sock", where, 0, 0x7fffffff)


def attach_socket(prog_fd: int, sock: Any) -> None:
    """Attaches a socket filter program to a socket (a socket object or an
    int fd) with setsockopt(SO_ATTACH_BPF); it stays as long as the socket,
    or until detach_socket()."""
    where = "attach_socket()"
    fd = _want_prog(prog_fd, (_api.PROG_TYPE_SOCKET_FILTER,), where)
    s = _sockfd(sock, where)
    v = ctypes.c_int(fd)
    if _libc().setsockopt(s, _socket.SOL_SOCKET, SO_ATTACH_BPF,
                          ctypes.byref(v), 4) < 0:
        raise _error(ctypes.get_errno(), "%s: setsockopt(socket fd %d, "
                     "SO_ATTACH_BPF, prog fd %d)" % (where, s, fd))


def detach_socket(sock: Any) -> None:
    """Removes the socket's filter (setsockopt(SO_DETACH_BPF)); ENOENT if
    it has none."""
    where = "detach_socket()"
    s = _sockfd(sock, where)
    v = ctypes.c_int(0)
    if _libc().setsockopt(s, _socket.SOL_SOCKET, SO_DETACH_BPF,
                          ctypes.byref(v), 4) < 0:
        raise _error(ctypes.get_errno(), "%s: setsockopt(socket fd %d, "
                     "SO_DETACH_BPF)" % (where, s))


class perf_event_attr(ctypes.Structure):
    """struct perf_event_attr of <linux/perf_event.h> up to config2
    (PERF_ATTR_SIZE_VER1, 72 bytes; the kernel takes any later size)."""
    _fields_ = [
        ("type", ctypes.c_uint32),
        ("size", ctypes.c_uint32),
        ("config", ctypes.c_uint64),
        ("sample_period", ctypes.c_uint64),
        ("sample_type", ctypes.c_uint64),
        ("read_format", ctypes.c_uint64),
        ("flags", ctypes.c_uint64),
        ("wakeup_events", ctypes.c_uint32),
        ("bp_type", ctypes.c_uint32),
        ("config1", ctypes.c_uint64),
        ("config2", ctypes.c_uint64),
    ]


def _perf_event_open(attr: perf_event_attr, where: str, what: str) -> int:
    nr = NR_PERF_EVENT_OPEN.get(platform.machine())
    if nr is None:
        raise Error(_errno.ENOSYS, "%s: the binding does not know "
                    "perf_event_open's number on %s" % (where,
                                                        platform.machine()))
    attr.size = ctypes.sizeof(attr)
    sc = _libc().syscall
    sc.restype = ctypes.c_long
    pfd = sc(ctypes.c_long(nr), ctypes.byref(attr), ctypes.c_int(-1),
             ctypes.c_int(0), ctypes.c_int(-1),
             ctypes.c_ulong(PERF_FLAG_FD_CLOEXEC))
    if pfd < 0:
        raise _error(ctypes.get_errno(), "%s: perf_event_open(%s)"
                     % (where, what))
    return pfd


def _perf_link(fd: int, attr: perf_event_attr, where: str, what: str,
               kind: str) -> Link:
    pfd = _perf_event_open(attr, where, what)
    try:
        link = _link_create(fd, pfd, _api.PERF_EVENT, None,
                            "%s: bpf_link_create(prog fd %d, perf event of "
                            "%s, BPF_PERF_EVENT)" % (where, fd, what))
    except BaseException:
        os.close(pfd)
        raise
    return Link(link, kind, what, lambda: os.close(pfd))


def _tracefs(where: str) -> str:
    """TRACEFS, mounted there first if it is not."""
    if os.path.isdir(os.path.join(TRACEFS, "events")):
        return TRACEFS
    libc = _libc()
    if libc.mount(b"nodev", os.fsencode(TRACEFS), b"tracefs", 0, None) < 0:
        raise _error(ctypes.get_errno(), "%s: tracefs is not mounted and "
                     "mount(\"nodev\", %r, \"tracefs\") failed" % (where,
                                                                   TRACEFS))
    return TRACEFS


def _tp_name(value: Any, name: str, where: str) -> str:
    b = _text(value, name, where)
    if b"/" in b or b in (b".", b".."):
        raise ValueError("%s: %s %r is not a tracepoint name"
                         % (where, name, value))
    return b.decode("utf-8", "surrogateescape")


def attach_tracepoint(prog_fd: int, category: str, name: str) -> Link:
    """Attaches a tracepoint program to category:name (e.g. "syscalls",
    "sys_enter_getpid"): perf_event_open(PERF_TYPE_TRACEPOINT) with the
    event id from tracefs (mounted at TRACEFS if it is not), then a BPF
    link (bpf_link_create with BPF_PERF_EVENT).  The program runs for every
    process that hits the tracepoint."""
    where = "attach_tracepoint()"
    fd = _want_prog(prog_fd, (_api.PROG_TYPE_TRACEPOINT,), where)
    cat = _tp_name(category, "category", where)
    nm = _tp_name(name, "name", where)
    path = os.path.join(_tracefs(where), "events", cat, nm, "id")
    try:
        with open(path) as f:
            tp_id = int(f.read())
    except OSError as e:
        raise Error(e.errno or _errno.ENOENT, "%s: no tracepoint %s:%s (%s: "
                    "%s)" % (where, cat, nm, path, e.strerror)) from None
    attr = perf_event_attr(type=PERF_TYPE_TRACEPOINT, config=tp_id,
                           sample_period=1, wakeup_events=1)
    return _perf_link(fd, attr, where, "%s:%s" % (cat, nm), "tracepoint")


def attach_raw_tracepoint(prog_fd: int, name: str) -> Link:
    """Attaches a raw tracepoint program to the tracepoint name
    ("sys_enter") with bpf_raw_tracepoint_open."""
    where = "attach_raw_tracepoint()"
    fd = _want_prog(prog_fd, (_api.PROG_TYPE_RAW_TRACEPOINT,
                              _api.PROG_TYPE_RAW_TRACEPOINT_WRITABLE), where)
    cname = _text(name, "name", where)
    ret = _lib().bpf_raw_tracepoint_open(cname, fd)
    if ret < 0:
        raise _error(-ret, "%s: bpf_raw_tracepoint_open(%r, prog fd %d)"
                     % (where, name, fd),
                     " (no such tracepoint)" if ret == -_errno.ENOENT else "")
    return Link(ret, "raw_tracepoint", str(name))


def attach_kprobe(prog_fd: int, func: str, retprobe: bool = False) -> Link:
    """Attaches a kprobe program to the kernel function func (at its
    return if retprobe) through the kprobe PMU: perf_event_open, then a
    BPF link.  A kernel without the kprobe PMU (no
    /sys/bus/event_source/devices/kprobe) raises mapops.Error EOPNOTSUPP
    naming what is missing."""
    where = "attach_kprobe()"
    fd = _want_prog(prog_fd, (_api.PROG_TYPE_KPROBE,), where)
    cfunc = _text(func, "func", where)
    if not isinstance(retprobe, bool):
        raise TypeError("%s: retprobe must be a bool" % where)
    try:
        with open(os.path.join(KPROBE_PMU, "type")) as f:
            pmu = int(f.read())
    except OSError:
        raise Error(_errno.EOPNOTSUPP, "%s: this kernel has no kprobe PMU "
                    "(%s/type is missing: built without CONFIG_KPROBES / "
                    "CONFIG_KPROBE_EVENTS), so kprobes cannot be attached "
                    "here" % (where, KPROBE_PMU)) from None
    config = 0
    if retprobe:
        try:
            with open(os.path.join(KPROBE_PMU, "format", "retprobe")) as f:
                config = 1 << int(f.read().strip().split(":")[1])
        except (OSError, ValueError, IndexError):
            raise Error(_errno.EOPNOTSUPP, "%s: the kprobe PMU has no "
                        "retprobe format (%s/format/retprobe)"
                        % (where, KPROBE_PMU)) from None
    name = ctypes.create_string_buffer(cfunc)
    attr = perf_event_attr(type=pmu, config=config,
                           config1=ctypes.addressof(name), config2=0)
    return _perf_link(fd, attr, where, ("kretprobe:" if retprobe
                                        else "kprobe:") + str(func), "kprobe")


def attach_cgroup(prog_fd: int, cgroup_dir: Union[str, bytes],
                  attach_type: int) -> Link:
    """Attaches a cgroup program to a cgroup v2 directory as a BPF link
    (bpf_link_create with attach_type: CGROUP_INET_INGRESS, ...)."""
    where = "attach_cgroup()"
    fd = _fd(prog_fd, "prog_fd", where)
    _check_kind(fd, "bpf-prog", "prog_fd", where)
    at = _int(attach_type, "attach_type", where, 0, 0xffffffff)
    path = _text(cgroup_dir, "cgroup_dir", where)
    try:
        cg = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as e:
        raise Error(e.errno, "%s: cannot open the cgroup directory %r: %s"
                    % (where, cgroup_dir, e.strerror)) from None
    try:
        link = _link_create(fd, cg, at, None, "%s: bpf_link_create(prog fd "
                            "%d, cgroup %r, attach type %d)" % (
                                where, fd, cgroup_dir, at),
                            " (is it a cgroup v2 directory, and the attach "
                            "type the program was loaded for?)")
    finally:
        os.close(cg)
    return Link(link, "cgroup", str(cgroup_dir))


def attach_tc(prog_fd: int, ifname: Union[str, int],
              ingress: bool = True) -> Link:
    """Attaches a tc (sched_cls) program to the interface's ingress (or
    egress) with bpf_tc_hook_create (a clsact qdisc, if there is none) and
    bpf_tc_attach.  Not a BPF link: the filter stays after the process exits
    unless the Link is closed (bpf_tc_detach, and bpf_tc_hook_destroy of the
    qdisc if this call created it)."""
    where = "attach_tc()"
    fd = _want_prog(prog_fd, (_api.PROG_TYPE_SCHED_CLS,), where)
    if not isinstance(ingress, bool):
        raise TypeError("%s: ingress must be a bool" % where)
    ifindex = _ifindex(ifname, where)
    hook = libbpf.bpf_tc_hook(sz=ctypes.sizeof(libbpf.bpf_tc_hook),
                              ifindex=ifindex, attach_point=BPF_TC_INGRESS
                              if ingress else BPF_TC_EGRESS)
    lib = _lib()
    ret = lib.bpf_tc_hook_create(ctypes.byref(hook))
    if ret < 0 and ret != -_errno.EEXIST:
        raise _error(-ret, "%s: bpf_tc_hook_create(%s)" % (where, ifname))
    created = ret == 0
    opts = libbpf.bpf_tc_opts(sz=ctypes.sizeof(libbpf.bpf_tc_opts),
                              prog_fd=fd)
    ret = lib.bpf_tc_attach(ctypes.byref(hook), ctypes.byref(opts))
    if ret < 0:
        if created:
            hook.attach_point = BPF_TC_INGRESS | BPF_TC_EGRESS
            lib.bpf_tc_hook_destroy(ctypes.byref(hook))
        raise _error(-ret, "%s: bpf_tc_attach(%s %s, prog fd %d)"
                     % (where, ifname, "ingress" if ingress else "egress",
                        fd))
    handle, priority = opts.handle, opts.priority

    def detach() -> None:
        d = libbpf.bpf_tc_opts(sz=ctypes.sizeof(libbpf.bpf_tc_opts),
                               handle=handle, priority=priority)
        r = lib.bpf_tc_detach(ctypes.byref(hook), ctypes.byref(d))
        if created:
            hook.attach_point = BPF_TC_INGRESS | BPF_TC_EGRESS
            lib.bpf_tc_hook_destroy(ctypes.byref(hook))
        # the interface (and with it the filter) may be gone already
        if r < 0 and -r not in (_errno.ENODEV, _errno.ENOENT, _errno.EINVAL):
            raise _error(-r, "Link.close(): bpf_tc_detach(ifindex %d)"
                         % ifindex)

    return Link(None, "tc", "%s %s" % (ifname, "ingress" if ingress
                                       else "egress"), detach)


# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------

class _State:
    """What a buffer's C callbacks share with it (not the buffer itself, so
    that no reference cycle delays its collection)."""
    __slots__ = ("callback", "lost", "error", "record", "pending")

    def __init__(self, callback: Any, lost: Any = None) -> None:
        self.callback, self.lost = callback, lost
        self.error: Optional[BaseException] = None
        self.record: Optional[bytes] = None
        self.pending: List[Tuple[int, bytes]] = []


def _add_note(exc: BaseException, note: str) -> None:
    add = getattr(exc, "add_note", None)  # Python 3.11
    if add is not None:
        add(note)


class _Buffer:
    __slots__ = ("_ptr", "_state", "_cfuncs", "_lock", "_busy",
                 "_close_pending", "__weakref__")
    _free_name = ""

    def _setup(self, state: _State) -> None:
        self._ptr = None
        self._state = state
        self._lock = threading.RLock()
        self._busy = False
        self._close_pending = False

    def _enter(self, method: str) -> Any:
        if self._busy:
            raise RuntimeError("%s.%s() called from its own callback"
                               % (type(self).__name__, method))
        if self._ptr is None:
            raise ValueError("the mapops.%s is closed" % type(self).__name__)
        return self._ptr

    def _run(self, method: str, cname: str, *args: Any) -> int:
        with self._lock:
            ptr = self._enter(method)
            self._busy = True
            try:
                ret = getattr(_lib(), cname)(ptr, *args)
            finally:
                self._busy = False
                if self._close_pending:
                    self.close()
            st = self._state
            if st.error is not None:
                exc, st.error = st.error, None
                raise exc
            if ret == -_errno.EINTR:
                return 0  # a signal: its handler's exception comes next
            if ret < 0:
                raise _error(-ret, "%s.%s(): %s" % (type(self).__name__,
                                                    method, cname))
            return ret

    @property
    def closed(self) -> bool:
        return getattr(self, "_ptr", None) is None

    def close(self) -> None:
        """Frees the buffer (again: nothing).  From its own callback: freed
        when the poll returns; from another thread: after a poll running
        there returns."""
        lock = getattr(self, "_lock", None)
        if lock is None:
            return
        with lock:
            if self._busy:
                self._close_pending = True
                return
            ptr, self._ptr = self._ptr, None
            self._close_pending = False
            if ptr is not None:
                getattr(_lib(), self._free_name)(ptr)

    def __del__(self) -> None:
        # the last reference: no poll is running
        ptr = getattr(self, "_ptr", None)
        if ptr is not None:
            self._ptr = None
            getattr(_lib(), self._free_name)(ptr)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _map_fd(map_or_fd: Any, want: int, where: str) -> int:
    if isinstance(map_or_fd, Map):
        map_or_fd.fd  # closed: ValueError
        if map_or_fd.type != want:
            raise Error(_errno.EINVAL, "%s: %s is not a %s" % (
                where, map_or_fd._what(), _MAP_TYPE_NAMES[want]))
        return map_or_fd.fd
    fd = _int(map_or_fd, "map_or_fd", where, 0, 0x7fffffff)
    _check_kind(fd, "bpf-map", "map_or_fd", where)
    return fd


class RingBuffer(_Buffer):
    """Reads a MAP_TYPE_RINGBUF map (a Map or an fd) through libbpf's
    ring_buffer__new / __poll / __consume / __free: callback(data: bytes)
    for each record, in order.

    poll(timeout_ms=100) waits up to timeout_ms for records (-1: forever)
    and returns how many it handled; consume() handles those there without
    waiting.  An exception raised by the callback stops the poll and is
    raised from poll()/consume(); libbpf 1.1 has already consumed that
    record (it advances the ring before the callback's verdict), so it is
    not delivered again: it is in ``failed_record`` (bytes) and the
    exception's note.  The records after it stay in the ring for the next
    poll.  The callback is held for as long as the buffer exists; close()
    (or ``with``, or collection) frees it."""

    __slots__ = ()
    _free_name = "ring_buffer__free"

    def __init__(self, map_or_fd: Any,
                 callback: Callable[[bytes], Any]) -> None:
        self._setup(_State(callback))
        where = "RingBuffer()"
        if not callable(callback):
            raise TypeError("%s: callback must be callable, not %s"
                            % (where, type(callback).__name__))
        fd = _map_fd(map_or_fd, _api.MAP_TYPE_RINGBUF, where)
        st = self._state
        string_at = ctypes.string_at

        def sample(ctx: Any, data: int, size: int) -> int:
            rec = string_at(data, size)
            try:
                st.callback(rec)
            except BaseException as e:
                st.error, st.record = e, rec
                _add_note(e, "mapops.RingBuffer: raised by the callback for "
                          "a %d-byte record, which libbpf has consumed (it is "
                          "in RingBuffer.failed_record)" % size)
                return -1  # stops ring_buffer__poll
            return 0

        self._cfuncs = (libbpf.RING_BUFFER_SAMPLE_FN(sample),)
        ptr = _lib().ring_buffer__new(fd, self._cfuncs[0], None, None)
        if not ptr:
            raise _error(ctypes.get_errno() or _errno.EINVAL,
                         "%s: ring_buffer__new(map fd %d)" % (where, fd))
        self._ptr = ptr

    @property
    def failed_record(self) -> Optional[bytes]:
        """The record whose callback raised last (None if none did)."""
        return self._state.record

    def poll(self, timeout_ms: int = 100) -> int:
        t = _int(timeout_ms, "timeout_ms", "RingBuffer.poll()", -1,
                 0x7fffffff)
        return self._run("poll", "ring_buffer__poll", t)

    def consume(self) -> int:
        return self._run("consume", "ring_buffer__consume")


class PerfBuffer(_Buffer):
    """Reads a MAP_TYPE_PERF_EVENT_ARRAY map (a Map or an fd) through
    libbpf's perf_buffer__new / __poll / __free, with ``pages`` pages (a
    power of two) per CPU: callback(cpu, data: bytes) for each record,
    lost(cpu, count) when the kernel dropped records (without lost, they
    are added up in ``lost_count``).

    An exception raised by a callback is raised from poll(); libbpf 1.1
    cannot stop in the middle of a CPU's records, so the records after it
    in that poll are kept (in order) and delivered first by the next
    poll(); the record that raised is not delivered again (it is in
    ``failed_record``).  Callbacks are held for as long as the buffer
    exists; close() (or ``with``, or collection) frees it."""

    __slots__ = ("lost_count",)
    _free_name = "perf_buffer__free"

    def __init__(self, map_or_fd: Any, callback: Callable[[int, bytes], Any],
                 pages: int = 8,
                 lost: Optional[Callable[[int, int], Any]] = None) -> None:
        self._setup(_State(callback, lost))
        self.lost_count = 0
        where = "PerfBuffer()"
        for name, f in (("callback", callback), ("lost", lost)):
            if f is not None and not callable(f) or f is None \
                    and name == "callback":
                raise TypeError("%s: %s must be callable, not %s"
                                % (where, name, type(f).__name__))
        n = _int(pages, "pages", where, 1, 1 << 20)
        if n & (n - 1):
            raise ValueError("%s: pages = %d is not a power of two"
                             % (where, n))
        fd = _map_fd(map_or_fd, _api.MAP_TYPE_PERF_EVENT_ARRAY, where)
        st = self._state
        string_at = ctypes.string_at

        def sample(ctx: Any, cpu: int, data: int, size: int) -> None:
            rec = string_at(data, size)
            if st.error is not None:
                st.pending.append((cpu, rec))
                return
            try:
                st.callback(cpu, rec)
            except BaseException as e:
                st.error, st.record = e, rec
                _add_note(e, "mapops.PerfBuffer: raised by the callback for "
                          "a %d-byte record of CPU %d (in "
                          "PerfBuffer.failed_record); the records after it "
                          "come first at the next poll()" % (size, cpu))

        def lost_cb(ctx: Any, cpu: int, count: int) -> None:
            if st.lost is None or st.error is not None:
                self_ref = ref()
                if self_ref is not None:
                    self_ref.lost_count += count
                return
            try:
                st.lost(cpu, count)
            except BaseException as e:
                st.error = e

        import weakref
        ref = weakref.ref(self)
        self._cfuncs = (libbpf.PERF_BUFFER_SAMPLE_FN(sample),
                        libbpf.PERF_BUFFER_LOST_FN(lost_cb))
        ptr = _lib().perf_buffer__new(fd, n, self._cfuncs[0],
                                      self._cfuncs[1], None, None)
        if not ptr:
            raise _error(ctypes.get_errno() or _errno.EINVAL,
                         "%s: perf_buffer__new(map fd %d, %d pages)"
                         % (where, fd, n))
        self._ptr = ptr

    @property
    def failed_record(self) -> Optional[bytes]:
        """The record whose callback raised last (None if none did)."""
        return self._state.record

    def poll(self, timeout_ms: int = 100) -> int:
        """Delivers the records kept from a poll that raised, then waits up
        to timeout_ms for more; returns what perf_buffer__poll returns (the
        number of CPU buffers that had records)."""
        t = _int(timeout_ms, "timeout_ms", "PerfBuffer.poll()", -1,
                 0x7fffffff)
        st = self._state
        with self._lock:
            self._enter("poll")
            while st.pending:
                cpu, rec = st.pending.pop(0)
                self._busy = True
                try:
                    st.callback(cpu, rec)
                except BaseException as e:
                    st.record = rec
                    raise e
                finally:
                    self._busy = False
                    if self._close_pending:
                        self.close()
                if self._ptr is None:  # closed by the callback
                    return 0
            return self._run("poll", "perf_buffer__poll", t)

    def consume(self) -> int:
        """Handles the records there without waiting."""
        return self._run("consume", "perf_buffer__consume")
