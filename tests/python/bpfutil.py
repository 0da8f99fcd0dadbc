# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The few libbpf calls the kernel tests need, through ctypes on libbpf.so.1.

This is test code, not part of the binding: mapops builds and loads
programs; creating maps, reading them and running programs is libbpf's.
Every function raises OSError(errno, strerror) when libbpf fails.
"""
import ctypes
import errno
import os
from ctypes import (POINTER, Structure, c_char_p, c_int, c_size_t, c_uint32,
                    c_uint64, c_void_p)
from typing import Iterator, Optional, Tuple

# enum bpf_map_type
MAP_TYPE_HASH = 1
MAP_TYPE_ARRAY = 2
MAP_TYPE_PERCPU_HASH = 5
MAP_TYPE_PERCPU_ARRAY = 6


class bpf_test_run_opts(Structure):
    """struct bpf_test_run_opts of libbpf 1.x (sz-versioned)."""
    _fields_ = [
        ("sz", c_size_t),
        ("data_in", c_void_p),
        ("data_out", c_void_p),
        ("data_size_in", c_uint32),
        ("data_size_out", c_uint32),
        ("ctx_in", c_void_p),
        ("ctx_out", c_void_p),
        ("ctx_size_in", c_uint32),
        ("ctx_size_out", c_uint32),
        ("retval", c_uint32),
        ("repeat", c_int),
        ("duration", c_uint32),
        ("flags", c_uint32),
        ("cpu", c_uint32),
        ("batch_size", c_uint32),
    ]


_PROTOTYPES = {
    "bpf_map_create": (c_int, (c_int, c_char_p, c_uint32, c_uint32, c_uint32,
                               c_void_p)),
    "bpf_map_lookup_elem": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_map_update_elem": (c_int, (c_int, c_void_p, c_void_p, c_uint64)),
    "bpf_map_get_next_key": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_prog_test_run_opts": (c_int, (c_int, POINTER(bpf_test_run_opts))),
    "libbpf_num_possible_cpus": (c_int, ()),
}

_lib = None


def libbpf():
    """The loaded libbpf.so.1 with the prototypes above declared."""
    global _lib
    if _lib is None:
        lib = ctypes.CDLL("libbpf.so.1", use_errno=True)
        for name, (restype, argtypes) in _PROTOTYPES.items():
            f = getattr(lib, name)
            f.restype = restype
            f.argtypes = argtypes
        _lib = lib
    return _lib


def _check(ret: int, what: str) -> int:
    if ret < 0:
        # libbpf 1.x returns -errno and also sets errno
        err = ctypes.get_errno() or -ret
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))
    return ret


def bpf_map_create(map_type: int, name: Optional[str], key_size: int,
                   value_size: int, max_entries: int) -> int:
    """Creates a map; returns its fd (the caller closes it)."""
    return _check(libbpf().bpf_map_create(
        map_type, name.encode() if name else None, key_size, value_size,
        max_entries, None), "bpf_map_create")


def bpf_map_lookup_elem(fd: int, key: bytes, value_size: int) -> Optional[bytes]:
    """The value under key, or None if the key is absent (ENOENT)."""
    k = ctypes.create_string_buffer(bytes(key), len(key))
    v = ctypes.create_string_buffer(value_size)
    ret = libbpf().bpf_map_lookup_elem(fd, k, v)
    if ret < 0 and ctypes.get_errno() == errno.ENOENT:
        return None
    _check(ret, "bpf_map_lookup_elem")
    return v.raw


def bpf_map_update_elem(fd: int, key: bytes, value: bytes, flags: int = 0) -> None:
    k = ctypes.create_string_buffer(bytes(key), len(key))
    v = ctypes.create_string_buffer(bytes(value), len(value))
    _check(libbpf().bpf_map_update_elem(fd, k, v, flags), "bpf_map_update_elem")


def bpf_map_keys(fd: int, key_size: int) -> Iterator[bytes]:
    """Every key of the map, walked with bpf_map_get_next_key()."""
    prev = None
    nxt = ctypes.create_string_buffer(key_size)
    while True:
        ret = libbpf().bpf_map_get_next_key(fd, prev, nxt)
        if ret < 0 and ctypes.get_errno() == errno.ENOENT:
            return
        _check(ret, "bpf_map_get_next_key")
        key = nxt.raw
        yield key
        prev = ctypes.create_string_buffer(key, key_size)


def bpf_prog_test_run_opts(prog_fd: int, data: bytes, repeat: int = 0,
                           ctx_in: Optional[bytes] = None) -> Tuple[int, int]:
    """Runs the program over data (BPF_PROG_TEST_RUN) repeat times (0 is
    one run); returns (retval, duration in ns per run)."""
    opts = bpf_test_run_opts()
    opts.sz = ctypes.sizeof(opts)
    buf = ctypes.create_string_buffer(bytes(data), len(data))
    opts.data_in = ctypes.cast(buf, c_void_p)
    opts.data_size_in = len(data)
    if ctx_in is not None:
        ctx = ctypes.create_string_buffer(bytes(ctx_in), len(ctx_in))
        opts.ctx_in = ctypes.cast(ctx, c_void_p)
        opts.ctx_size_in = len(ctx_in)
    opts.repeat = repeat
    _check(libbpf().bpf_prog_test_run_opts(prog_fd, ctypes.byref(opts)),
           "bpf_prog_test_run_opts")
    return opts.retval, opts.duration


def libbpf_num_possible_cpus() -> int:
    return _check(libbpf().libbpf_num_possible_cpus(), "libbpf_num_possible_cpus")


def bpf_refused() -> Optional[str]:
    """None if bpf() works here; else why not (for a skip message).

    Creates and closes a one-element array map.  Only EPERM and ENOSYS (the
    kernel refuses bpf() altogether) and a missing libbpf count as refused;
    any other failure is raised.
    """
    try:
        libbpf()
    except OSError as e:
        return "libbpf.so.1 cannot be loaded: %s" % e
    try:
        fd = bpf_map_create(MAP_TYPE_ARRAY, "probe", 4, 8, 1)
    except OSError as e:
        if e.errno in (errno.EPERM, errno.ENOSYS):
            return ("the kernel refuses bpf(BPF_MAP_CREATE) (%s); the kernel "
                    "tests need root (or CAP_BPF) and a kernel with BPF"
                    % os.strerror(e.errno))
        raise
    os.close(fd)
    return None
