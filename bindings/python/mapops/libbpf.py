# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The libbpf calls that programs built with mapops need around them:
creating, reading, writing and pinning maps, running a program on test input
(BPF_PROG_TEST_RUN), attaching it (BPF links, tc, raw tracepoints) and
reading ring and perf buffers.  mapops.Map, mapops.test_run(), the
mapops.attach_*() functions and mapops.RingBuffer/PerfBuffer
(mapops/loader.py) are built on these declarations.  A thin ctypes layer
over libbpf.so.1 (libbpf 1.1):
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
from ctypes import (POINTER, Structure, c_char, c_char_p, c_int, c_size_t,
                    c_uint32, c_uint64, c_void_p)
from typing import Any, Optional, Union

__all__ = ["bpf_test_run_opts", "bpf_map_create", "bpf_map_lookup_elem",
           "bpf_map_update_elem", "bpf_map_delete_elem",
           "bpf_map_get_next_key", "bpf_prog_test_run_opts",
           "libbpf_num_possible_cpus", "bpf_map_create_opts",
           "bpf_map_info", "bpf_prog_info", "bpf_link_create_opts",
           "bpf_tc_hook", "bpf_tc_opts", "RING_BUFFER_SAMPLE_FN",
           "PERF_BUFFER_SAMPLE_FN", "PERF_BUFFER_LOST_FN",
           "bpf_obj_pin", "bpf_obj_get", "bpf_obj_get_info_by_fd",
           "bpf_link_create", "bpf_raw_tracepoint_open", "LIBRARY"]

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


class bpf_map_create_opts(Structure):
    """struct bpf_map_create_opts of <bpf/bpf.h> (libbpf 1.1)."""
    _fields_ = [
        ("sz", c_size_t),
        ("btf_fd", c_uint32),
        ("btf_key_type_id", c_uint32),
        ("btf_value_type_id", c_uint32),
        ("btf_vmlinux_value_type_id", c_uint32),
        ("inner_map_fd", c_uint32),
        ("map_flags", c_uint32),
        ("map_extra", c_uint64),
        ("numa_node", c_uint32),
        ("map_ifindex", c_uint32),
    ]


class bpf_map_info(Structure):
    """The leading fields of struct bpf_map_info of <linux/bpf.h> (the
    kernel fills as many bytes as it is given)."""
    _fields_ = [
        ("type", c_uint32),
        ("id", c_uint32),
        ("key_size", c_uint32),
        ("value_size", c_uint32),
        ("max_entries", c_uint32),
        ("map_flags", c_uint32),
        ("name", c_char * 16),
    ]


class bpf_prog_info(Structure):
    """The leading fields of struct bpf_prog_info of <linux/bpf.h>."""
    _fields_ = [
        ("type", c_uint32),
        ("id", c_uint32),
    ]


class bpf_link_create_opts(Structure):
    """struct bpf_link_create_opts of <bpf/bpf.h> (libbpf 1.1): the union's
    largest member (kprobe_multi) spelled out, size 56."""
    _fields_ = [
        ("sz", c_size_t),
        ("flags", c_uint32),
        ("iter_info", c_void_p),
        ("iter_info_len", c_uint32),
        ("target_btf_id", c_uint32),
        ("u_flags", c_uint32),       # perf_event.bpf_cookie (low half) ...
        ("u_cnt", c_uint32),
        ("u_syms", c_void_p),
        ("u_addrs", c_void_p),
        ("u_cookies", c_void_p),
    ]


class bpf_tc_hook(Structure):
    """struct bpf_tc_hook of <bpf/libbpf.h> (libbpf 1.1)."""
    _fields_ = [
        ("sz", c_size_t),
        ("ifindex", c_int),
        ("attach_point", c_int),     # enum bpf_tc_attach_point
        ("parent", c_uint32),
    ]


class bpf_tc_opts(Structure):
    """struct bpf_tc_opts of <bpf/libbpf.h> (libbpf 1.1)."""
    _fields_ = [
        ("sz", c_size_t),
        ("prog_fd", c_int),
        ("flags", c_uint32),
        ("prog_id", c_uint32),
        ("handle", c_uint32),
        ("priority", c_uint32),
    ]


#: ring_buffer_sample_fn: int (*)(void *ctx, void *data, size_t size)
RING_BUFFER_SAMPLE_FN = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p, c_size_t)
#: perf_buffer_sample_fn: void (*)(void *ctx, int cpu, void *data, __u32 size)
PERF_BUFFER_SAMPLE_FN = ctypes.CFUNCTYPE(None, c_void_p, c_int, c_void_p,
                                         c_uint32)
#: perf_buffer_lost_fn: void (*)(void *ctx, int cpu, __u64 cnt)
PERF_BUFFER_LOST_FN = ctypes.CFUNCTYPE(None, c_void_p, c_int, c_uint64)


# C name -> (restype, argtypes), as <bpf/bpf.h> and <bpf/libbpf.h> declare.
PROTOTYPES = {
    # enum bpf_map_type, name, key_size, value_size, max_entries,
    # const struct bpf_map_create_opts * (None: the defaults)
    "bpf_map_create": (c_int, (c_int, c_char_p, c_uint32, c_uint32,
                               c_uint32, c_void_p)),
    "bpf_map_lookup_elem": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_map_update_elem": (c_int, (c_int, c_void_p, c_void_p, c_uint64)),
    "bpf_map_delete_elem": (c_int, (c_int, c_void_p)),
    "bpf_map_lookup_and_delete_elem": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_map_get_next_key": (c_int, (c_int, c_void_p, c_void_p)),
    "bpf_prog_test_run_opts": (c_int, (c_int, POINTER(bpf_test_run_opts))),
    "libbpf_num_possible_cpus": (c_int, ()),
    "bpf_obj_pin": (c_int, (c_int, c_char_p)),
    "bpf_obj_get": (c_int, (c_char_p,)),
    "bpf_obj_get_info_by_fd": (c_int, (c_int, c_void_p, POINTER(c_uint32))),
    # prog_fd, target_fd, enum bpf_attach_type, const bpf_link_create_opts *
    "bpf_link_create": (c_int, (c_int, c_int, c_int,
                                POINTER(bpf_link_create_opts))),
    "bpf_raw_tracepoint_open": (c_int, (c_char_p, c_int)),
    "bpf_tc_hook_create": (c_int, (POINTER(bpf_tc_hook),)),
    "bpf_tc_hook_destroy": (c_int, (POINTER(bpf_tc_hook),)),
    "bpf_tc_attach": (c_int, (POINTER(bpf_tc_hook), POINTER(bpf_tc_opts))),
    "bpf_tc_detach": (c_int, (POINTER(bpf_tc_hook), POINTER(bpf_tc_opts))),
    # struct ring_buffer *: NULL and errno on failure
    "ring_buffer__new": (c_void_p, (c_int, RING_BUFFER_SAMPLE_FN, c_void_p,
                                    c_void_p)),
    "ring_buffer__poll": (c_int, (c_void_p, c_int)),
    "ring_buffer__consume": (c_int, (c_void_p,)),
    "ring_buffer__free": (None, (c_void_p,)),
    # struct perf_buffer *: NULL and errno on failure
    "perf_buffer__new": (c_void_p, (c_int, c_size_t, PERF_BUFFER_SAMPLE_FN,
                                    PERF_BUFFER_LOST_FN, c_void_p, c_void_p)),
    "perf_buffer__poll": (c_int, (c_void_p, c_int)),
    "perf_buffer__consume": (c_int, (c_void_p,)),
    "perf_buffer__free": (None, (c_void_p,)),
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


def bpf_obj_pin(fd: int, pathname: Union[str, bytes]) -> None:
    """Pins the object fd at pathname in a BPF file system."""
    _check(_c().bpf_obj_pin(fd, os.fsencode(pathname)), "bpf_obj_pin")


def bpf_obj_get(pathname: Union[str, bytes]) -> int:
    """A new fd of the object pinned at pathname (the caller closes it)."""
    return _check(_c().bpf_obj_get(os.fsencode(pathname)), "bpf_obj_get")


def bpf_obj_get_info_by_fd(fd: int, info: Any) -> int:
    """Fills info (a bpf_map_info, bpf_prog_info ...) for the object fd;
    returns how many bytes the kernel filled."""
    size = ctypes.c_uint32(ctypes.sizeof(info))
    _check(_c().bpf_obj_get_info_by_fd(fd, ctypes.byref(info),
                                       ctypes.byref(size)),
           "bpf_obj_get_info_by_fd")
    return size.value


def bpf_link_create(prog_fd: int, target_fd: int, attach_type: int,
                    opts: Any = None) -> int:
    """A BPF link of prog_fd to target_fd (BPF_LINK_CREATE); returns its fd:
    closing it detaches the program."""
    return _check(_c().bpf_link_create(prog_fd, target_fd, attach_type,
                                       opts), "bpf_link_create")


def bpf_raw_tracepoint_open(name: Union[str, bytes], prog_fd: int) -> int:
    """Attaches prog_fd to the raw tracepoint name; returns the fd that
    keeps it attached."""
    return _check(_c().bpf_raw_tracepoint_open(os.fsencode(name), prog_fd),
                  "bpf_raw_tracepoint_open")
