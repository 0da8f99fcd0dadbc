# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The few libbpf calls that programs built with mapops need around them:
creating, reading and writing maps, and running a program on test input
(BPF_PROG_TEST_RUN).  A thin ctypes layer over libbpf.so.1 (libbpf 1.1):
each function is the C function of the same name, with its C arguments in
the C order, and returns what it returns on success; a failure raises
OSError(errno, "name: strerror") (FileNotFoundError for ENOENT: a key that
is absent).  Pointer arguments take anything ctypes passes as a pointer: a
ctypes object by ctypes.byref() or ctypes.pointer(), a buffer from
ctypes.create_string_buffer(), None for NULL.

libbpf.so.1 is loaded at the first call (LIBRARY names it), so that
importing mapops never needs it.
"""
import ctypes
import os
from ctypes import (POINTER, Structure, c_char_p, c_int, c_size_t, c_uint32,
                    c_uint64, c_void_p)
from typing import Any, Optional, Union

__all__ = ["bpf_test_run_opts", "bpf_map_create", "bpf_map_lookup_elem",
           "bpf_map_update_elem", "bpf_map_delete_elem",
           "bpf_map_get_next_key", "bpf_prog_test_run_opts",
           "libbpf_num_possible_cpus", "LIBRARY"]

#: The library loaded at the first call.
LIBRARY = "libbpf.so.1"


class bpf_test_run_opts(Structure):
    """struct bpf_test_run_opts of <bpf/bpf.h> (libbpf 1.1); set ``sz`` to
    ctypes.sizeof(bpf_test_run_opts)."""
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


# C name -> (restype, argtypes), as <bpf/bpf.h> and <bpf/libbpf.h> declare.
PROTOTYPES = {
    # enum bpf_map_type, name, key_size, value_size, max_entries,
    # const struct bpf_map_create_opts * (None: the defaults)
    "bpf_map_create": (c_int, (c_int, c_char_p, c_uint32, c_uint32,
                               c_uint32, c_void_p)),
    "bpf_map_lookup_elem": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_map_update_elem": (c_int, (c_int, c_void_p, c_void_p, c_uint64)),
    "bpf_map_delete_elem": (c_int, (c_int, c_void_p)),
    "bpf_map_get_next_key": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_prog_test_run_opts": (c_int, (c_int, POINTER(bpf_test_run_opts))),
    "libbpf_num_possible_cpus": (c_int, ()),
}

_lib: Optional[ctypes.CDLL] = None


def _c() -> ctypes.CDLL:
    global _lib
    if _lib is None:
        lib = ctypes.CDLL(LIBRARY, use_errno=True)
        for name, (restype, argtypes) in PROTOTYPES.items():
            f = getattr(lib, name)
            f.restype = restype
            f.argtypes = argtypes
        _lib = lib
    return _lib


def _check(ret: int, name: str) -> int:
    if ret < 0:  # libbpf 1.x returns -errno (and sets errno)
        raise OSError(-ret, "%s: %s" % (name, os.strerror(-ret)))
    return ret


def bpf_map_create(map_type: int, map_name: Union[str, bytes, None],
                   key_size: int, value_size: int, max_entries: int,
                   opts: Any = None) -> int:
    """Creates a map (BPF_MAP_CREATE); returns its file descriptor, which
    the caller closes (os.close).  map_name: str, bytes or None."""
    if isinstance(map_name, str):
        map_name = map_name.encode()
    return _check(_c().bpf_map_create(map_type, map_name, key_size,
                                      value_size, max_entries, opts),
                  "bpf_map_create")


def bpf_map_lookup_elem(fd: int, key: Any, value: Any) -> None:
    """Copies the value under key into value; FileNotFoundError (ENOENT)
    if the key is absent."""
    _check(_c().bpf_map_lookup_elem(fd, key, value), "bpf_map_lookup_elem")


def bpf_map_update_elem(fd: int, key: Any, value: Any, flags: int) -> None:
    """Stores value under key (flags: BPF_ANY, BPF_NOEXIST, BPF_EXIST ...)."""
    _check(_c().bpf_map_update_elem(fd, key, value, flags),
           "bpf_map_update_elem")


def bpf_map_delete_elem(fd: int, key: Any) -> None:
    """Deletes key; FileNotFoundError (ENOENT) if it is absent."""
    _check(_c().bpf_map_delete_elem(fd, key), "bpf_map_delete_elem")


def bpf_map_get_next_key(fd: int, key: Any, next_key: Any) -> None:
    """Copies the key after key (the first one if key is None) into
    next_key; FileNotFoundError (ENOENT) after the last."""
    _check(_c().bpf_map_get_next_key(fd, key, next_key),
           "bpf_map_get_next_key")


def bpf_prog_test_run_opts(prog_fd: int, opts: Any) -> None:
    """Runs the program (BPF_PROG_TEST_RUN) as opts (a bpf_test_run_opts,
    by ctypes.byref()) says; the results are in opts."""
    _check(_c().bpf_prog_test_run_opts(prog_fd, opts),
           "bpf_prog_test_run_opts")


def libbpf_num_possible_cpus() -> int:
    """The number of possible CPUs: the slots of a per-CPU map's value."""
    return _check(_c().libbpf_num_possible_cpus(), "libbpf_num_possible_cpus")
