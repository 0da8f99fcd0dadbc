# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Conveniences of the kernel tests over mapops.libbpf (the binding's
ctypes declarations of the libbpf calls): keys and values as bytes, a map's
keys as an iterator, and whether bpf() works here at all.

This is test code: mapops builds and loads programs; creating maps, reading
them and running programs is libbpf's.  Every function raises
OSError(errno, strerror) when libbpf fails.
"""
import ctypes
import errno
import os
from typing import Iterator, Optional, Tuple

from mapops import libbpf

# enum bpf_map_type
MAP_TYPE_HASH = 1
MAP_TYPE_ARRAY = 2
MAP_TYPE_PERCPU_HASH = 5
MAP_TYPE_PERCPU_ARRAY = 6


def bpf_map_create(map_type: int, name: Optional[str], key_size: int,
                   value_size: int, max_entries: int) -> int:
    """Creates a map; returns its fd (the caller closes it)."""
    return libbpf.bpf_map_create(map_type, name, key_size, value_size,
                                 max_entries)


def bpf_map_lookup_elem(fd: int, key: bytes, value_size: int) -> Optional[bytes]:
    """The value under key, or None if the key is absent (ENOENT)."""
    k = ctypes.create_string_buffer(bytes(key), len(key))
    v = ctypes.create_string_buffer(value_size)
    try:
        libbpf.bpf_map_lookup_elem(fd, k, v)
    except FileNotFoundError:
        return None
    return v.raw


def bpf_map_update_elem(fd: int, key: bytes, value: bytes, flags: int = 0) -> None:
    k = ctypes.create_string_buffer(bytes(key), len(key))
    v = ctypes.create_string_buffer(bytes(value), len(value))
    libbpf.bpf_map_update_elem(fd, k, v, flags)


def bpf_map_keys(fd: int, key_size: int) -> Iterator[bytes]:
    """Every key of the map, walked with bpf_map_get_next_key()."""
    prev = None
    nxt = ctypes.create_string_buffer(key_size)
    while True:
        try:
            libbpf.bpf_map_get_next_key(fd, prev, nxt)
        except FileNotFoundError:
            return
        key = nxt.raw
        yield key
        prev = ctypes.create_string_buffer(key, key_size)


def bpf_prog_test_run_opts(prog_fd: int, data: bytes, repeat: int = 0,
                           ctx_in: Optional[bytes] = None) -> Tuple[int, int]:
    """Runs the program over data (BPF_PROG_TEST_RUN) repeat times (0 is
    one run); returns (retval, duration in ns per run)."""
    opts = libbpf.bpf_test_run_opts()
    opts.sz = ctypes.sizeof(opts)
    buf = ctypes.create_string_buffer(bytes(data), len(data))
    opts.data_in = ctypes.cast(buf, ctypes.c_void_p)
    opts.data_size_in = len(data)
    if ctx_in is not None:
        ctx = ctypes.create_string_buffer(bytes(ctx_in), len(ctx_in))
        opts.ctx_in = ctypes.cast(ctx, ctypes.c_void_p)
        opts.ctx_size_in = len(ctx_in)
    opts.repeat = repeat
    libbpf.bpf_prog_test_run_opts(prog_fd, ctypes.byref(opts))
    return opts.retval, opts.duration


def libbpf_num_possible_cpus() -> int:
    return libbpf.libbpf_num_possible_cpus()


def bpf_refused() -> Optional[str]:
    """None if bpf() works here; else why not (for a skip message).

    Creates and closes a one-element array map.  Only EPERM and ENOSYS (the
    kernel refuses bpf() altogether) and a missing libbpf count as refused;
    any other failure is raised.
    """
    try:
        fd = bpf_map_create(MAP_TYPE_ARRAY, "probe", 4, 8, 1)
    except OSError as e:
        if e.errno is None:  # libbpf.so.1 cannot be loaded
            return "libbpf.so.1 cannot be loaded: %s" % e
        if e.errno in (errno.EPERM, errno.ENOSYS):
            return ("the kernel refuses bpf(BPF_MAP_CREATE) (%s); the kernel "
                    "tests need root (or CAP_BPF) and a kernel with BPF"
                    % os.strerror(e.errno))
        raise
    os.close(fd)
    return None
