# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The hand-written C side of the binding: struct layouts, the Param
classes (a C parameter's ctypes type and its Python-side check), the Error
class, and loading the library.

The per-function part is generated from lib/mapops.api into _api.py: the
prototype table PROTOTYPES (every public function, its restype and Params),
the declared functions C, the builder methods and the constants.  This
module knows no function by name but the handle's own (mapops_prog_error,
to read the message of a failure).

The program handle is passed to C as ``ctypes.c_void_p.from_param(address)``
(a ctypes argument object made once per Program): a c_void_p parameter
takes it as it is, and a function without argtypes passes it as a pointer
without making a new argument object at each call.  mapops_prog_new still
returns PROG_P.

Calling conventions (load()): the functions of GIL_HELD_FUNCTIONS (the
builders and the other short calls that only append to, read or free the
program's memory) are called with the GIL held, as ctypes.PyDLL's are: for
a call of well under a microsecond, releasing and retaking the GIL costs
about as much as the call itself.  The program's lock still serialises them
with the calls that release the GIL: emit(), which may copy megabytes, label
resolution (insns()), dump(), the bpf() system call of load(), and
mapops_prog_new, which save errno.
"""
from __future__ import annotations

import ctypes
import operator
import os
import sys
from ctypes import (POINTER, Structure, c_char, c_char_p, c_int16, c_int32,
                    c_size_t, c_uint8, c_uint32)
from typing import Any, Dict, Iterable, Optional, Tuple

__all__ = ["bpf_insn", "mapops_load_opts", "mapops_prog", "PROG_P",
           "Param", "Int", "Text", "Ptr", "Error", "decode", "convert",
           "LOAD_OPTS_FIELDS", "load", "load_direct", "LIBRARY", "SONAME"]


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
    """A C parameter: ``name``, its C spelling ``cdecl``, ``ctype`` and the
    description's ``kind`` of it (lib/mapops.api: "reg", "label", ...).

    convert(value, where) returns the value to hand to ctypes, or raises
    TypeError (wrong Python type) or ValueError (does not fit the C type).
    The base class is for pointers only the binding itself passes.
    """
    __slots__ = ("name", "cdecl", "ctype", "kind")

    def __init__(self, name: str, cdecl: str, ctype: Any,
                 kind: Optional[str] = None) -> None:
        self.name = name
        self.cdecl = cdecl
        self.ctype = ctype
        self.kind = kind

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

    def __init__(self, name: str, cdecl: str, ctype: Any,
                 kind: Optional[str] = None) -> None:
        super().__init__(name, cdecl, ctype, kind)
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

    def __init__(self, name: str, kind: Optional[str] = None,
                 optional: bool = False) -> None:
        super().__init__(name, "const char *", c_char_p, kind)
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


def convert(prog: Any, method: str, params: Tuple[Param, ...],
            args: Tuple[Any, ...]) -> list:
    """The general path of a generated method: refuses a closed program
    (first, before the arguments), then checks and converts each argument
    with its Param (TypeError, ValueError) and returns the converted list."""
    prog._live(method)
    where = "Program.%s()" % method
    return [p.convert(a, where) for p, a in zip(params, args)]


# The checks for the fields of struct mapops_load_opts that Program.load()
# fills from its arguments (the same Param kinds as the prototype table).
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
# Errors
# ---------------------------------------------------------------------------

class Error(OSError):
    """A refusal by libmapops: Error(errno, message), like OSError.

    ``errno`` is the positive errno value the C function returned negated
    (EINVAL, E2BIG, ENOENT, EACCES from the verifier, ...); ``strerror``
    (also ``message``) is the library's text from mapops_prog_error(), which
    names the function, the argument and the bad value, and for a program
    the verifier refused, holds the verifier log.
    """

    #: Where the offending instruction came from: "FILE:LINE method" of
    #: the Python call that emitted it (or that was refused), or None.
    #: str(error) ends with it; ``strerror`` is the library's text alone.
    where: Optional[str] = None

    @property
    def message(self) -> str:
        """The library's message (the same as ``strerror``)."""
        return self.strerror

    def __str__(self) -> str:
        text = super().__str__()
        if not self.where:
            return text
        if "\n" in text:
            return "%s\nat %s" % (text, self.where)
        return "%s (at %s)" % (text, self.where)


Error.__module__ = "mapops"  # what users see and catch: mapops.Error

#: sys._getframe: the generated methods' way to their caller's frame.
getframe = sys._getframe


def location(code: Any, lasti: int, method: str) -> str:
    """"FILE:LINE method" for a recorded call: the line of the instruction
    at offset lasti of code (computed only now, when an error needs it)."""
    line = code.co_firstlineno
    lines = getattr(code, "co_lines", None)  # Python 3.10
    if lines is not None:
        for start, end, ln in lines():
            if start <= lasti < end and ln is not None:
                line = ln
                break
    return "%s:%d %s" % (os.path.basename(code.co_filename), line, method)


def refused(err: int, text: Optional[bytes], method: str) -> Error:
    """The Error of a refused builder call: the program's message, and the
    line of the caller of the method (two frames up from here)."""
    e = Error(err, decode(text))
    try:
        f = sys._getframe(2)
        e.where = location(f.f_code, f.f_lasti, method)
    except ValueError:  # no such frame
        pass
    return e


def where(calls: list, ordinal: int, method: str) -> Optional[str]:
    """"FILE:LINE method" of the ordinal-th (from 1) call recorded in calls,
    a Program's record: instruction offsets (ints), each after the code
    object it belongs to when that changed; None if it was not recorded."""
    code = None
    k = 0
    for x in calls:
        if type(x) is int:
            k += 1
            if k == ordinal and code is not None:
                return location(code, x, method)
        else:
            code = x
    return None


def decode(text: Optional[bytes]) -> str:
    """The library's text as str (bytes that are not UTF-8 escaped)."""
    return (text or b"").decode("utf-8", "backslashreplace")


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

_dlls: Optional[Tuple[Any, Any]] = None


def _open() -> Tuple[Any, Any]:
    """(CDLL with use_errno, PyDLL) of LIBRARY, opened once."""
    global _dlls
    if _dlls is None:
        try:
            lib = ctypes.CDLL(LIBRARY, use_errno=True)
        except OSError as e:
            raise OSError("mapops: cannot load the C library: %s (set "
                          "MAPOPS_LIBRARY to its path)" % e) from e
        held = ctypes.PyDLL(LIBRARY)  # the same library: calls keep the GIL
        _dlls = (lib, held)
    return _dlls


def load(prototypes: Dict[str, Tuple[Any, Tuple[Param, ...]]],
         gil_held: Iterable[str]) -> _Functions:
    """The functions of prototypes (C name -> (restype, Params)), each with
    restype and argtypes declared, as attributes of one object; those named
    in gil_held are called with the GIL held (see the module docstring).
    Only these are reachable: the CDLL objects are kept nowhere else."""
    lib, held = _open()
    gil_held = frozenset(gil_held)
    funcs = _Functions()
    for name, (restype, params) in prototypes.items():
        f = getattr(held if name in gil_held else lib, name)
        f.restype = restype
        f.argtypes = tuple(p.ctype for p in params)
        setattr(funcs, name, f)
    return funcs


def load_direct(names: Iterable[str], restype: Any = ctypes.c_int) -> _Functions:
    """The functions named, again (other ctypes function objects than
    load()'s), called with the GIL held, restype declared and *no argtypes*:
    ctypes then passes each argument by its Python type, without the
    per-argument converter call of argtypes (about half the cost of a call
    with four arguments).  For callers that have checked and converted every
    argument themselves, so that its type is the C parameter's: a Python int
    for int (in range), bytes or None for const char *, a ctypes instance
    (c_uint64(v), ...) for any other integer type, and the handle as made by
    c_void_p.from_param."""
    _, held = _open()
    funcs = _Functions()
    for name in names:
        f = held[name]  # a new function object, not the one load() declared
        f.restype = restype
        setattr(funcs, name, f)
    return funcs
