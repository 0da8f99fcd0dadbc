# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The C side of the binding: struct layouts, the one prototype table, and
the loaded library.

Every C function the binding calls is listed once in PROTOTYPES, with its
return type and its parameters: the library's own functions, and the three
of the C library (LIBC_FUNCTIONS) that give mapops_prog_dump() a FILE *.  Each parameter is a Param that knows both
its ctypes type (declared as the function's argtypes) and how to check a
Python value for it (type, then range) before anything reaches C.  Only the
functions of the table are reachable through ``C``; the raw CDLL object is
not kept anywhere else.

The program handle is passed to C as its address, a Python int (the
parameter's ctype is c_void_p): ctypes converts an int for c_void_p about
twice as fast as a POINTER(mapops_prog) instance, and the binding is the
only one that passes handles.  mapops_prog_new still returns PROG_P.

The functions of GIL_HELD_FUNCTIONS (the builders and the other short calls
that only append to, read or free the program's memory) are called with the
GIL held, as ctypes.PyDLL's are: for a call of well under a microsecond,
releasing and retaking the GIL costs about as much as the call itself (a
bare mapops_prog_len() through ctypes: ~250 ns releasing it, ~200 holding
it).  The program's lock still serialises them with the calls that release
the GIL: emit(), which may copy megabytes, label resolution (insns()),
dump(), the bpf() system call of load(), and mapops_prog_new, which save
errno.
"""
from __future__ import annotations

import ctypes
import operator
import os
from ctypes import (POINTER, Structure, c_char, c_char_p, c_int, c_int16,
                    c_int32, c_int64, c_size_t, c_uint8, c_uint32, c_uint64,
                    c_void_p)
from typing import Any, Dict, Optional, Tuple

__all__ = ["bpf_insn", "mapops_load_opts", "mapops_prog", "PROG_P",
           "Param", "Int", "Text", "Ptr", "PROTOTYPES", "LIBC_FUNCTIONS",
           "BUILDER_FUNCTIONS", "GIL_HELD_FUNCTIONS", "LOAD_OPTS_FIELDS", "C",
           "LIBRARY", "SONAME"]


# ---------------------------------------------------------------------------
# Structures (layouts as in <linux/bpf.h> and <mapops/mapops.h>)
# ---------------------------------------------------------------------------

class bpf_insn(Structure):
    """struct bpf_insn: one 8-byte instruction slot.

    ``code`` (u8), ``dst_reg`` (low nibble of byte 1), ``src_reg`` (high
    nibble of byte 1), ``off`` (s16), ``imm`` (s32).  ``bytes(insn)`` gives the
    slot as Program.emit() takes it and Program.insns() returns it.
    """
    _fields_ = [
        ("code", c_uint8),
        ("dst_reg", c_uint8, 4),
        ("src_reg", c_uint8, 4),
        ("off", c_int16),
        ("imm", c_int32),
    ]

    def __repr__(self) -> str:
        return ("bpf_insn(code=0x%02x, dst_reg=%d, src_reg=%d, off=%d, imm=%d)"
                % (self.code, self.dst_reg, self.src_reg, self.off, self.imm))


class mapops_load_opts(Structure):
    """struct mapops_load_opts, field for field as in <mapops/mapops.h>."""
    _fields_ = [
        ("sz", c_size_t),
        ("prog_name", c_char_p),
        ("license", c_char_p),
        ("expected_attach_type", c_uint32),
        ("prog_ifindex", c_uint32),
        ("prog_flags", c_uint32),
        ("kern_version", c_uint32),
        ("log_level", c_uint32),
        ("log_size", c_uint32),
        ("log_buf", POINTER(c_char)),
    ]


class mapops_prog(Structure):
    """The opaque struct mapops_prog; only pointers to it are used."""
    _fields_: list = []


PROG_P = POINTER(mapops_prog)


# ---------------------------------------------------------------------------
# Parameters: a ctypes type plus the Python-side check
# ---------------------------------------------------------------------------

class Param:
    """A C parameter: ``name``, its C spelling ``cdecl`` and ``ctype``.

    convert(value, where) returns the value to hand to ctypes, or raises
    TypeError (wrong Python type) or ValueError (does not fit the C type).
    The base class is for pointers only the binding itself passes.
    """
    __slots__ = ("name", "cdecl", "ctype")

    def __init__(self, name: str, cdecl: str, ctype: Any) -> None:
        self.name = name
        self.cdecl = cdecl
        self.ctype = ctype

    def convert(self, value: Any, where: str) -> Any:
        return value

    def __repr__(self) -> str:
        return "%s %s" % (self.cdecl, self.name)


class Ptr(Param):
    """A pointer filled in by the binding (the handle, buffers, out-params)."""
    __slots__ = ()


class Int(Param):
    """An integer parameter: a Python int (not bool) in the C type's range."""
    __slots__ = ("lo", "hi")

    def __init__(self, name: str, cdecl: str, ctype: Any) -> None:
        super().__init__(name, cdecl, ctype)
        bits = ctypes.sizeof(ctype) * 8
        signed = ctype(-1).value < 0
        self.lo = -(1 << (bits - 1)) if signed else 0
        self.hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1

    def convert(self, value: Any, where: str) -> int:
        if isinstance(value, bool):
            raise TypeError("%s: %s must be an int, not bool"
                            % (where, self.name))
        try:
            v = operator.index(value)
        except TypeError:
            raise TypeError("%s: %s must be an int (%s), not %s"
                            % (where, self.name, self.cdecl,
                               type(value).__name__)) from None
        if not self.lo <= v <= self.hi:
            raise ValueError("%s: %s = %d does not fit %s [%d, %d]"
                             % (where, self.name, v, self.cdecl,
                                self.lo, self.hi))
        return v


class Text(Param):
    """A NUL-terminated string: str (encoded UTF-8) or bytes, no NUL inside.

    optional: None is passed as NULL.
    """
    __slots__ = ("optional",)

    def __init__(self, name: str, optional: bool = False) -> None:
        super().__init__(name, "const char *", c_char_p)
        self.optional = optional

    def convert(self, value: Any, where: str) -> Optional[bytes]:
        if value is None and self.optional:
            return None
        if isinstance(value, str):
            try:
                b = value.encode("utf-8")
            except UnicodeEncodeError as e:
                raise ValueError("%s: %s cannot be encoded as UTF-8: %s"
                                 % (where, self.name, e)) from None
        elif isinstance(value, (bytes, bytearray)):
            b = bytes(value)
        else:
            raise TypeError("%s: %s must be str or bytes%s, not %s"
                            % (where, self.name,
                               " or None" if self.optional else "",
                               type(value).__name__))
        if b"\0" in b:
            raise ValueError("%s: %s contains a NUL byte at %d"
                             % (where, self.name, b.index(b"\0")))
        return b


def _int(name: str) -> Int:
    return Int(name, "int", c_int)


def _s32(name: str) -> Int:
    return Int(name, "__s32", c_int32)


def _u64(name: str) -> Int:
    return Int(name, "__u64", c_uint64)


def _s64(name: str) -> Int:
    return Int(name, "__s64", c_int64)


# The handle, passed as its address (an int): see the module docstring.
_PROG = Ptr("prog", "mapops_prog_t *", c_void_p)
_CPROG = Ptr("prog", "const mapops_prog_t *", c_void_p)
_LABEL = Text("label")

# The one prototype table: C name -> (restype, (Param, ...)), in header order.
PROTOTYPES: Dict[str, Tuple[Any, Tuple[Param, ...]]] = {
    "mapops_prog_new": (PROG_P, ()),
    "mapops_prog_free": (None, (_PROG,)),
    "mapops_prog_len": (c_size_t, (_CPROG,)),
    "mapops_prog_insns": (POINTER(bpf_insn),
                          (_PROG, Ptr("cnt", "size_t *", POINTER(c_size_t)))),
    "mapops_prog_error": (c_char_p, (_CPROG,)),
    "mapops_emit": (c_int, (_PROG,
                            Ptr("insns", "const struct bpf_insn *",
                                POINTER(bpf_insn)),
                            Int("cnt", "size_t", c_size_t))),
    "mapops_prog_set_tag": (c_int, (_PROG, Text("tag", optional=True))),
    "mapops_prog_insn_origin": (c_int, (
        _CPROG,
        Int("slot", "size_t", c_size_t),
        Ptr("call", "const char **", POINTER(c_char_p)),
        Ptr("call_index", "unsigned *", POINTER(ctypes.c_uint)),
        Ptr("tag", "const char **", POINTER(c_char_p)))),
    "mapops_label": (c_int, (_PROG, Text("name"))),
    "mapops_jmp_imm": (c_int, (_PROG, _int("op"), _int("reg"), _s32("imm"),
                               _LABEL)),
    "mapops_jmp_reg": (c_int, (_PROG, _int("op"), _int("dst"), _int("src"),
                               _LABEL)),
    "mapops_jmp32_imm": (c_int, (_PROG, _int("op"), _int("reg"), _s32("imm"),
                                 _LABEL)),
    "mapops_jmp32_reg": (c_int, (_PROG, _int("op"), _int("dst"), _int("src"),
                                 _LABEL)),
    "mapops_ja": (c_int, (_PROG, _LABEL)),
    "mapops_alu64_imm": (c_int, (_PROG, _int("op"), _int("dst"),
                                 _s32("imm"))),
    "mapops_alu64_reg": (c_int, (_PROG, _int("op"), _int("dst"),
                                 _int("src"))),
    "mapops_alu32_imm": (c_int, (_PROG, _int("op"), _int("dst"),
                                 _s32("imm"))),
    "mapops_alu32_reg": (c_int, (_PROG, _int("op"), _int("dst"),
                                 _int("src"))),
    "mapops_endian": (c_int, (_PROG, _int("type"), _int("dst"),
                              _int("bits"))),
    "mapops_ldx_mem": (c_int, (_PROG, _int("size"), _int("dst"), _int("src"),
                               _int("off"))),
    "mapops_stx_mem": (c_int, (_PROG, _int("size"), _int("dst"), _int("src"),
                               _int("off"))),
    "mapops_st_mem": (c_int, (_PROG, _int("size"), _int("dst"), _int("off"),
                              _s32("imm"))),
    "mapops_atomic_op": (c_int, (_PROG, _int("size"), _int("op"), _int("dst"),
                                 _int("src"), _int("off"))),
    "mapops_ld_imm64": (c_int, (_PROG, _int("dst"), _u64("imm"))),
    "mapops_ld_map_fd": (c_int, (_PROG, _int("dst"), _int("map_fd"))),
    "mapops_call_helper": (c_int, (_PROG, _int("helper_id"))),
    "mapops_exit": (c_int, (_PROG,)),
    "mapops_prog_load": (c_int, (_PROG,
                                 Int("type", "enum bpf_prog_type", ctypes.c_uint),
                                 Ptr("opts", "const struct mapops_load_opts *",
                                     POINTER(mapops_load_opts)))),
    "mapops_insn_snprint": (c_int, (
        Ptr("buf", "char *", POINTER(c_char)),
        Int("size", "size_t", c_size_t),
        Ptr("insns", "const struct bpf_insn *", POINTER(bpf_insn)),
        Int("cnt", "size_t", c_size_t),
        Int("slot", "size_t", c_size_t))),
    "mapops_prog_dump": (c_int, (_PROG, Ptr("out", "FILE *", c_void_p))),
    "mapops_prog_dump_text": (c_char_p, (_PROG,)),
    "mapops_map_lookup": (c_int, (_PROG, _int("map_fd"),
                                  _int("key_stack_off"))),
    "mapops_map_lookup_ptr": (c_int, (_PROG, _int("map_fd"),
                                      _int("key_reg"))),
    "mapops_map_update": (c_int, (_PROG, _int("map_fd"),
                                  _int("key_stack_off"),
                                  _int("value_stack_off"), _u64("flags"))),
    "mapops_map_update_ptr": (c_int, (_PROG, _int("map_fd"), _int("key_reg"),
                                      _int("value_reg"), _u64("flags"))),
    "mapops_map_delete": (c_int, (_PROG, _int("map_fd"),
                                  _int("key_stack_off"))),
    "mapops_map_delete_ptr": (c_int, (_PROG, _int("map_fd"),
                                      _int("key_reg"))),
    "mapops_map_increment": (c_int, (_PROG, _int("map_fd"),
                                     _int("key_stack_off"),
                                     _int("value_stack_off"),
                                     _s64("increment"))),
    "mapops_map_increment_atomic": (c_int, (_PROG, _int("map_fd"),
                                            _int("key_stack_off"),
                                            _int("value_stack_off"),
                                            _s64("increment"))),
    "mapops_map_lookup_or_init": (c_int, (_PROG, _int("map_fd"),
                                          _int("key_stack_off"),
                                          _int("init_value_stack_off"))),
}

#: The entries of PROTOTYPES that come from the C library, not libmapops.
LIBC_FUNCTIONS: frozenset = frozenset()

#: The builder functions: those that take the program first and append to
#: it (Program methods of the same name without "mapops_").
BUILDER_FUNCTIONS = frozenset(
    name for name, (_, params) in PROTOTYPES.items()
    if name.startswith("mapops_") and not name.startswith("mapops_prog_")
    and params and params[0].name == "prog")

#: The functions called with the GIL held (see the module docstring): those
#: that do a small, bounded amount of work in the program's memory, and
#: need no errno.  mapops_emit copies what it is given (up to 8 MB) and is
#: not one of them.
GIL_HELD_FUNCTIONS = (BUILDER_FUNCTIONS - {"mapops_emit"}) | frozenset({
    "mapops_prog_len", "mapops_prog_error", "mapops_prog_set_tag",
    "mapops_prog_insn_origin", "mapops_prog_free"})

# The checks for the fields of struct mapops_load_opts that Program.load()
# fills from its arguments (the same Param kinds as the table above).
LOAD_OPTS_FIELDS: Tuple[Param, ...] = (
    Text("license", optional=True),
    Text("prog_name", optional=True),
    Int("expected_attach_type", "__u32", c_uint32),
    Int("prog_ifindex", "__u32", c_uint32),
    Int("prog_flags", "__u32", c_uint32),
    Int("kern_version", "__u32", c_uint32),
    Int("log_level", "__u32", c_uint32),
)


# ---------------------------------------------------------------------------
# Loading the library
# ---------------------------------------------------------------------------

class _Functions:
    """The declared C functions, as attributes named after them."""

    def __repr__(self) -> str:
        return "<mapops C functions from %s>" % LIBRARY


SONAME = "libmapops.so.1"
#: What was loaded: $MAPOPS_LIBRARY if set and not empty, else the SONAME.
LIBRARY: str = os.environ.get("MAPOPS_LIBRARY") or SONAME


def _load(path: str) -> _Functions:
    try:
        lib = ctypes.CDLL(path, use_errno=True)
    except OSError as e:
        raise OSError("mapops: cannot load the C library: %s (set "
                      "MAPOPS_LIBRARY to its path)" % e) from e
    held = ctypes.PyDLL(path)  # the same library: calls keep the GIL
    libc = ctypes.CDLL(None, use_errno=True)  # already in the process
    funcs = _Functions()
    for name, (restype, params) in PROTOTYPES.items():
        f = getattr(libc if name in LIBC_FUNCTIONS else
                    held if name in GIL_HELD_FUNCTIONS else lib, name)
        f.restype = restype
        f.argtypes = tuple(p.ctype for p in params)
        setattr(funcs, name, f)
    return funcs


#: The C functions of PROTOTYPES, each with argtypes and restype declared.
C: _Functions = _load(LIBRARY)
