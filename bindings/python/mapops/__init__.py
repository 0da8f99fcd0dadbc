# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Python binding of libmapops: build eBPF instruction sequences that use
BPF maps.

A thin ctypes layer over the C library (libmapops.so.1, or the file named by
the environment variable MAPOPS_LIBRARY).  One class, Program, owns one
mapops_prog_t; its methods are the C functions without the ``mapops_``
prefix (``mapops_prog_`` for the handle's own: insns(), error(), load(),
set_tag(), insn_origin(), dump(); len() is mapops_prog_len), taking the C
arguments in the C order after the handle.  insn_snprint() prints one
instruction of any bytes::

    import mapops

    with mapops.Program() as prog:
        prog.st_mem(mapops.W, mapops.R10, -4, 7)          # key = 7
        prog.map_increment(map_fd, -4, -16, 1)            # counters[7] += 1
        prog.alu64_imm(mapops.MOV, mapops.R0, 0)
        prog.exit()
        fd = prog.load(mapops.PROG_TYPE_SOCKET_FILTER)    # or prog.insns()

Conventions for every method:

- A builder method returns None, or raises.  A failure appends nothing.
- The library's refusals (a negative return value) raise mapops.Error, a
  subclass of OSError carrying ``errno`` and the library's message
  (mapops_prog_error(), also in ``strerror``/``message``).
- Arguments are checked before any C call: a wrong Python type (str, float,
  None, bool for an int; anything but str/bytes for a label) raises
  TypeError; an int that does not fit the C parameter's type (int and __s32:
  32-bit signed; __u64; __s64) or a label with a NUL byte (or a str that
  cannot be encoded as UTF-8) raises ValueError.  In-range values go to C,
  which validates them (register 11 raises mapops.Error with EINVAL).
- Using a closed Program raises ValueError.

- A Program may be shared by threads: its calls are serialised by a lock
  (a threading.Lock); close() from any thread makes the others' calls raise
  ValueError from then on, and waits only for a call already in C.

Constants (registers R0..R10, opcodes, sizes, flags, program types) have the
kernel's <linux/bpf.h> values.

The builder methods, the prototype table and the constants are generated
from lib/mapops.api into mapops/_api.py (a plain module); this file holds
the Program's ownership, its lock and the methods written by hand.
"""
import ctypes
import errno as _errno
import os as _os
import re
import threading as _threading
from typing import Any, NamedTuple, Optional, TextIO, Union

from . import _api, _lib
from ._api import *  # noqa: F401,F403  the constants (_api.CONSTANTS)
from ._api import C as _C
from ._api import PROTOTYPES
from ._lib import Error, bpf_insn, mapops_load_opts
from .loader import (Link, Map, PerfBuffer, RingBuffer, TestRun,
                     attach_cgroup, attach_kprobe, attach_raw_tracepoint,
                     attach_socket, attach_tc, attach_tracepoint, attach_xdp,
                     detach_socket, prog_type, test_run)

from ._version import __version__

__all__ = ["Program", "Error", "Insn", "Label", "Origin", "LIBRARY",
           "insn_snprint", "map_reg", "LOAD_LOG_SIZE",
           # the scripted loader (mapops/loader.py)
           "Map", "TestRun", "test_run", "prog_type", "Link", "attach_xdp",
           "attach_socket", "detach_socket", "attach_tracepoint",
           "attach_raw_tracepoint", "attach_kprobe", "attach_cgroup",
           "attach_tc", "RingBuffer", "PerfBuffer",
           ] + [n for n, _ in _api.CONSTANTS]

#: Bytes of the verifier-log buffer Program.load() passes when log_level > 0.
LOAD_LOG_SIZE = 16 << 20

#: The library file that was loaded ($MAPOPS_LIBRARY, else the SONAME).
LIBRARY = _lib.LIBRARY

#: struct bpf_insn as a ctypes Structure; bytes(Insn(...)) is one slot.
Insn = bpf_insn

#: A label name: str (encoded as UTF-8) or bytes, 1..LABEL_MAX bytes, no NUL.
Label = Union[str, bytes]

_INSN_SIZE = ctypes.sizeof(bpf_insn)
# A slot named by the library's messages: a load refusal's origin line, a
# resolution error's jump or reference.
_SLOT_RE = re.compile(r"\binsn (\d+): emitted by|\bat slot (\d+)")
_decode = _lib.decode
_void_p = ctypes.c_void_p


def _insn_array(insns: Any, where: str) -> Any:
    """A bytes-like object of 8*n bytes as a ctypes array of n bpf_insn."""
    if isinstance(insns, str):
        raise TypeError("%s: insns must be bytes-like, not str" % where)
    try:
        data = memoryview(insns).tobytes()
    except TypeError:
        raise TypeError("%s: insns must be bytes-like, not %s"
                        % (where, type(insns).__name__)) from None
    if len(data) % _INSN_SIZE:
        raise ValueError("%s: %d bytes is not a whole number of %d-byte slots"
                         % (where, len(data), _INSN_SIZE))
    return (bpf_insn * (len(data) // _INSN_SIZE)).from_buffer_copy(data)


def insn_snprint(insns: Union[bytes, bytearray, memoryview], slot: int) -> str:
    """The instruction at slot of insns as text (mapops_insn_snprint), in
    the verifier log's syntax: "r1 = r10", "call bpf_map_lookup_elem#1",
    "r1 = map_fd#7", ...; an ld_imm64 at slot takes slot and slot + 1.

    insns: bytes-like, 8 bytes a slot, as Program.insns() returns.  Bytes
    that are no valid instruction print as "invalid insn code 0xNN ...".
    Raises mapops.Error EINVAL if slot >= the number of slots.
    """
    where = "insn_snprint()"
    array = _insn_array(insns, where)
    params = PROTOTYPES["mapops_insn_snprint"][1]
    cslot = params[4].convert(slot, where)
    n = _C.mapops_insn_snprint(None, 0, array, len(array), cslot)
    if n < 0:
        raise Error(-n, "mapops_insn_snprint: slot %d of %d: %s"
                    % (cslot, len(array), _os.strerror(-n)))
    buf = ctypes.create_string_buffer(n + 1)
    n = _C.mapops_insn_snprint(buf, n + 1, array, len(array), cslot)
    if n < 0:
        raise Error(-n, "mapops_insn_snprint: %s" % _os.strerror(-n))
    return _decode(buf.value)


def map_reg(reg: int) -> int:
    """The map operand "the map whose pointer is in reg" (r0..r9), for an
    inner map found by a lookup in a map of maps (mapops_map_reg).

    Raises mapops.Error EINVAL for another register.
    """
    creg = PROTOTYPES["mapops_map_reg"][1][0].convert(reg, "map_reg()")
    ret = _C.mapops_map_reg(creg)
    if -4095 <= ret < 0:
        raise Error(-ret, "mapops_map_reg: reg %d is not a register r0..r9" % creg)
    return ret


class Origin(NamedTuple):
    """Where a slot came from (Program.insn_origin)."""
    call: str
    """The C function that emitted it, e.g. "mapops_map_increment"."""
    call_index: int
    """That function's call number in the program, from 1."""
    tag: Optional[str]
    """The caller's tag (Program.set_tag) at the time, or None."""


class Program(_api.Builders):
    """One eBPF program under construction: owns one mapops_prog_t.

    Methods append instructions; each is the C function of the same name
    without ``mapops_``, with the C arguments after the handle.  They return
    None, or raise mapops.Error (the library refused: nothing was appended),
    TypeError or ValueError (the arguments were refused before any C call).
    The builder methods (label, jmp_imm, alu64_imm, map_lookup, ...) are
    generated from lib/mapops.api (mapops._api.Builders); see each one's
    documentation for its arguments.

    The handle is freed exactly once: by close(), at the end of a ``with``
    block, or when the object is garbage-collected.  Any method of a closed
    Program raises ValueError; close() itself may be called again.  A
    Program cannot be copied or pickled.

    The C library allows one thread at a time on a handle; the binding
    serialises the calls on one Program with a lock (a threading.Lock,
    taken by ``with``, so that an exception raised at any point, a signal
    handler's included, cannot leave it held), so that threads sharing it
    (or closing it) cannot corrupt it.
    """

    # _handle: the handle as passed to C (c_void_p.from_param of the
    # mapops_prog_t's address), or None when closed, being closed or never
    # initialised; every call reads it with _lock held.  _owned: the same
    # handle until it is freed, cleared (and freed) only with _lock held, so
    # that it is freed exactly once: close() clears _handle first, without
    # waiting, then frees _owned under the lock; __del__ frees it if close()
    # never did.
    # _calls: in a Program(lines=True), where each successful call that
    # emitted slots came from: its caller's instruction offset, after the
    # caller's code object when that changed (_code: the last one); see
    # _lib.where.  None otherwise (recording costs about 20% a call).
    __slots__ = ("_handle", "_owned", "_lock", "_calls", "_code",
                 "__weakref__")

    def __new__(cls, *args: Any, **kwargs: Any) -> "Program":
        # The slots are set before __init__, so that a Program that was
        # never initialised reads as closed.
        self = object.__new__(cls)
        self._handle = None
        self._owned = None
        self._lock = _threading.Lock()
        self._calls = None
        self._code = None
        return self

    def __init__(self, lines: Optional[bool] = None) -> None:
        """Creates an empty program (mapops_prog_new).

        lines: record the Python line of every call that emits slots, so
        that an unresolved label or a verifier refusal names it (Error.where,
        "counter.py:57 map_increment"); it costs about 20% of a builder
        call's time and a few bytes a call.  None (the default) takes it
        from the environment: MAPOPS_PY_LINES=1 turns it on.  A call the
        library refuses names its line always (found only then, at no cost).
        """
        try:
            live = self._owned is not None
        except AttributeError:  # made without Program.__new__
            self._handle = self._owned = None
            self._lock = _threading.Lock()
            self._code = None
            live = False
        if live:
            raise TypeError("Program.__init__() called on a live Program")
        if lines is None:
            lines = _os.environ.get("MAPOPS_PY_LINES") == "1"
        self._calls = [] if lines else None
        raw = _C.mapops_prog_new()
        if not raw:
            raise Error(ctypes.get_errno() or _errno.ENOMEM,
                        "mapops_prog_new: out of memory")
        handle = _void_p.from_param(ctypes.addressof(raw.contents))
        self._owned = handle
        self._handle = handle

    # -- ownership ---------------------------------------------------------

    def close(self) -> None:
        """Frees the C program (mapops_prog_free).  Calling it again, or on
        an already closed Program, does nothing.

        From another thread too: the program's other calls raise ValueError
        from the moment close() begins, and close() waits only for a call
        that is already running in C."""
        try:
            lock = self._lock
        except AttributeError:  # never initialised
            return
        # No call that takes the lock from now on can use the handle ...
        self._handle = None
        # ... and one that holds it (a C call under way) finishes first.
        with lock:
            handle = self._owned
            self._owned = None
            if handle is not None:
                _C.mapops_prog_free(handle)

    @property
    def closed(self) -> bool:
        """True once close() has begun (no call can use the program)."""
        return getattr(self, "_handle", None) is None

    def __enter__(self) -> "Program":
        """Returns the program; the ``with`` block closes it at its end."""
        self._live("__enter__")
        return self

    def __exit__(self, *exc: Any) -> None:
        """Closes the program (exceptions propagate)."""
        self.close()

    def __del__(self) -> None:
        """Frees the C program if close() has not (garbage collection)."""
        # No other reference exists, so no other thread can hold the lock
        # (a method running, or waiting for the lock, has a reference).
        try:
            handle = self._owned
        except AttributeError:  # never initialised
            return
        if handle is not None:
            self._owned = self._handle = None
            _C.mapops_prog_free(handle)

    def __copy__(self) -> "Program":
        """Refused (TypeError): two owners would free one handle twice."""
        raise TypeError("a mapops.Program cannot be copied")

    def __deepcopy__(self, memo: Any) -> "Program":
        """Refused (TypeError), as __copy__()."""
        raise TypeError("a mapops.Program cannot be copied")

    def __reduce_ex__(self, protocol: Any) -> Any:
        """Refused (TypeError): a C handle cannot be pickled."""
        raise TypeError("a mapops.Program cannot be pickled")

    def __repr__(self) -> str:
        """<mapops.Program N slots>, or <mapops.Program closed>."""
        try:
            return "<mapops.Program %d slots>" % len(self)
        except ValueError:
            return "<mapops.Program closed>"

    def __bool__(self) -> bool:
        """Always True, even with no slots yet (use len() for the count)."""
        return True

    # -- plumbing ------------------------------------------------------------

    # Every C call on the handle runs inside "with self._lock:", after
    # "handle = self._handle" and its check for None, both in the block:
    #
    #     with self._lock:
    #         handle = self._handle
    #         if handle is None:
    #             raise ValueError("Program.NAME(): the program is closed")
    #         ... C calls on handle ...
    #
    # "with" calls the lock's C __enter__ and __exit__ with nothing in
    # between where an asynchronous exception (a signal handler's) could
    # land, so an exception anywhere leaves the lock released; the
    # generated methods do the same.

    def _live(self, method: str) -> None:
        """Raises ValueError if the program is closed (checked first, before
        the arguments)."""
        if getattr(self, "_handle", None) is None:
            raise ValueError("Program.%s(): the program is closed" % method)

    def _fail(self, handle: Any, err: int) -> Error:
        """The Error for a failure: err and the program's error text (call
        with the lock held).  If the text names a slot ("insn N: emitted
        by", "at slot N"), Error.where is the Python line of the call that
        emitted it."""
        e = Error(err, _decode(_C.mapops_prog_error(handle)))
        m = _SLOT_RE.search(e.strerror)
        if m is not None:
            e.where = self._slot_where(handle, int(m.group(1) or m.group(2)))
        return e

    def _slot_where(self, handle: Any, slot: int) -> Optional[str]:
        """"FILE:LINE method" of the call that emitted slot (lock held):
        its ordinal among the calls that emitted slots is the number of
        distinct origins of slots 0..slot (mapops_prog_insn_origin), which
        is its place in self._calls.  Only run for an error: O(slot).
        None unless the program records lines (Program(lines=True))."""
        if self._calls is None:
            return None
        call = ctypes.c_char_p()
        index = ctypes.c_uint()
        prev = None
        ordinal = 0
        origin = _C.mapops_prog_insn_origin
        for s in range(slot + 1):
            if origin(handle, s, ctypes.byref(call), ctypes.byref(index),
                      None) < 0:
                return None
            if (call.value, index.value) != prev:
                prev = (call.value, index.value)
                ordinal += 1
        name = _decode(call.value)
        return _lib.where(self._calls, ordinal,
                          name[7:] if name.startswith("mapops_") else name)

    # -- the handle ----------------------------------------------------------

    def __len__(self) -> int:
        """The number of slots emitted so far (an ld_imm64 counts 2)."""
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.__len__(): the program is closed")
            return _C.mapops_prog_len(handle)

    def insns(self) -> bytes:
        """Resolves the labels and returns the program: 8 bytes a slot
        (struct bpf_insn in host byte order), what BPF_PROG_LOAD takes.

        Raises mapops.Error with ENOENT (a jump to a label never bound),
        ERANGE (a label past the end, a jump too far) or EINVAL (the program
        ends inside an ld_imm64).  A failure changes nothing.
        """
        cnt = ctypes.c_size_t(0)
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.insns(): the program is closed")
            ptr = _C.mapops_prog_insns(handle, ctypes.byref(cnt))
            if not ptr:
                raise self._fail(handle, ctypes.get_errno() or _errno.EINVAL)
            # copied now: the array is valid until the next append
            return ctypes.string_at(ptr, cnt.value * _INSN_SIZE)

    def error(self) -> str:
        """The text of the last failure on this program ("" if none)."""
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.error(): the program is closed")
            return _decode(_C.mapops_prog_error(handle))

    def emit(self, insns: Union[bytes, bytearray, memoryview]) -> None:
        """Appends raw instructions, copied as they are.

        insns: any bytes-like object of 8*n bytes, n slots of struct bpf_insn
        in host byte order (as insns() returns; bytes(Insn(...)) is one
        slot).  The library refuses register fields above r10 and a malformed
        ld_imm64 pair (EINVAL); an ld_imm64 whose second slot is missing may
        be completed by the next emit(), and until then only emit() is
        accepted.  Jump offsets are kept as given.
        """
        self._live("emit")
        array = _insn_array(insns, "Program.emit()")
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.emit(): the program is closed")
            ret = _C.mapops_emit(handle, array, len(array))
            if ret < 0:
                raise self._fail(handle, -ret)
            calls = self._calls
            if calls is not None:  # Program(lines=True)
                f = _lib.getframe(1)
                if f.f_code is not self._code:
                    self._code = f.f_code
                    calls.append(f.f_code)
                calls.append(f.f_lasti)

    def dump(self, out: Optional[TextIO] = None) -> str:
        """The program as text (mapops_prog_dump_text): labels resolved, one
        line "%4d: <instruction>" a slot, label lines "name:", and before
        each call's slots a comment naming the call (and tag) that emitted
        them.  Written to out (any object with write(str)) if given, and
        returned.

        Raises mapops.Error with the resolution errors of insns().
        """
        self._live("dump")
        if out is not None and not callable(getattr(out, "write", None)):
            raise TypeError("Program.dump(): out must have a write() method, "
                            "not %s" % type(out).__name__)
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.dump(): the program is closed")
            text = _C.mapops_prog_dump_text(handle)
            if text is None:
                raise self._fail(handle, ctypes.get_errno() or _errno.EINVAL)
        result = _decode(text)
        if out is not None:
            out.write(result)
        return result

    # -- provenance ------------------------------------------------------------

    def set_tag(self, tag: Optional[Label]) -> None:
        """Tags what is emitted from now on with tag (mapops_prog_set_tag);
        None removes the tag.  Tags appear in insn_origin() and in the
        origin line of a load refusal.  Emits nothing.

        Raises mapops.Error ENAMETOOLONG for a tag longer than TAG_MAX bytes.
        """
        self._live("set_tag")
        ctag = PROTOTYPES["mapops_prog_set_tag"][1][1].convert(
            tag, "Program.set_tag()")
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.set_tag(): the program is closed")
            ret = _C.mapops_prog_set_tag(handle, ctag)
            if ret < 0:
                raise self._fail(handle, -ret)

    def _call(self, method: str, cname: str, *args: Any) -> int:
        """Checks args against cname's prototype (after the handle), calls
        it under the lock and returns its int result, raising Error for a
        negative errno (-4095..-1)."""
        self._live(method)
        where = "Program.%s()" % method
        params = PROTOTYPES[cname][1][1:]
        cargs = [p.convert(a, where) for p, a in zip(params, args)]
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("%s: the program is closed" % where)
            ret = getattr(_C, cname)(handle, *cargs)
            if -4095 <= ret < 0:
                raise self._fail(handle, -ret)
        return ret

    def map_ref(self, name: Label) -> int:
        """A map operand naming a map of this program that is bound later
        with bind_map() (mapops_map_ref): pass it wherever a map fd goes.

        Raises mapops.Error: EINVAL name empty; ENAMETOOLONG too long.
        """
        return self._call("map_ref", "mapops_map_ref", name)

    def bind_map(self, name: Label, map_fd: int) -> None:
        """Binds the map named by map_ref(name) to map_fd
        (mapops_prog_bind_map); binding again replaces it, so one program
        loads against different maps.

        Raises mapops.Error for a map the earlier calls cannot use.
        """
        self._call("bind_map", "mapops_prog_bind_map", name, map_fd)

    def allow_v4(self, allow: bool) -> None:
        """Lets the library use v4 instructions where it picks one itself
        (a ja too far for 16 bits becomes a gotol): mapops_prog_allow_v4."""
        if not isinstance(allow, bool):
            raise TypeError("Program.allow_v4(): allow must be a bool, not %s"
                            % type(allow).__name__)
        self._call("allow_v4", "mapops_prog_allow_v4", int(allow))

    def func_info(self, opts: Any) -> None:
        """For a caller loading with libbpf's bpf_prog_load() itself: fills
        the struct bpf_prog_load_opts at opts (a ctypes object or its
        address) with the BTF function information (mapops_prog_func_info).
        The BTF fd and the array belong to the program."""
        self._live("func_info")
        if isinstance(opts, int) or opts is None:
            address = opts
        else:
            try:
                address = ctypes.addressof(opts)
            except TypeError:
                raise TypeError("Program.func_info(): opts must be a ctypes "
                                "struct bpf_prog_load_opts or its address, not %s"
                                % type(opts).__name__) from None
        if not address:
            raise ValueError("Program.func_info(): opts is NULL")
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.func_info(): the program is closed")
            ret = _C.mapops_prog_func_info(handle, address)
            if ret < 0:
                raise self._fail(handle, -ret)

    def insn_origin(self, slot: int) -> Origin:
        """Which call emitted slot (mapops_prog_insn_origin): an Origin of
        (call, call_index, tag).

        Raises mapops.Error ERANGE if slot >= len(self).
        """
        self._live("insn_origin")
        params = PROTOTYPES["mapops_prog_insn_origin"][1]
        cslot = params[1].convert(slot, "Program.insn_origin()")
        call = ctypes.c_char_p()
        index = ctypes.c_uint()
        tag = ctypes.c_char_p()
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.insn_origin(): the program is closed")
            ret = _C.mapops_prog_insn_origin(handle, cslot, ctypes.byref(call),
                                              ctypes.byref(index),
                                              ctypes.byref(tag))
            if ret < 0:  # this function does not set the error text
                raise Error(-ret, "mapops_prog_insn_origin: slot %d: %s"
                            % (cslot, _os.strerror(-ret)))
            # copied now: the tag belongs to the program
            return Origin(_decode(call.value), index.value,
                          None if tag.value is None else _decode(tag.value))

    # -- loading -------------------------------------------------------------

    def load(self, prog_type: int, license: Optional[Label] = "GPL",
             name: Optional[Label] = None, expected_attach_type: int = 0,
             prog_ifindex: int = 0, prog_flags: int = 0,
             kern_version: int = 0, log_level: int = 0) -> int:
        """Resolves the labels and loads the program into the kernel
        (mapops_prog_load); returns the new program's file descriptor, which
        the caller closes (os.close).

        prog_type: PROG_TYPE_SOCKET_FILTER, PROG_TYPE_XDP, ...; the other
        arguments are the fields of struct mapops_load_opts (license None
        means "GPL"; name, up to 15 characters, may be None; the __u32
        fields zero for the default).  With log_level > 0 the binding gives
        the kernel a LOAD_LOG_SIZE-byte log buffer (a log that does not fit
        is truncated: a valid program still loads, and a refused one raises
        the verifier's own errno, never ENOSPC); with log_level 0 the library
        fetches the log itself after a refusal.

        Raises mapops.Error with the kernel's errno (EACCES or EINVAL from
        the verifier, EPERM without privileges) and a message holding the
        verifier log, or with the resolution errors of insns().
        """
        self._live("load")
        where = "Program.load()"
        ptype = PROTOTYPES["mapops_prog_load"][1][1].convert(prog_type, where)
        values = [p.convert(v, where) for p, v in zip(
            _lib.LOAD_OPTS_FIELDS,
            (license, name, expected_attach_type, prog_ifindex, prog_flags,
             kern_version, log_level))]
        opts = mapops_load_opts()
        opts.sz = ctypes.sizeof(mapops_load_opts)
        for p, v in zip(_lib.LOAD_OPTS_FIELDS, values):
            setattr(opts, p.name, v)
        log = None
        if log_level:
            log = ctypes.create_string_buffer(LOAD_LOG_SIZE)
            opts.log_buf = ctypes.cast(log, ctypes.POINTER(ctypes.c_char))
            opts.log_size = LOAD_LOG_SIZE
        with self._lock:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.load(): the program is closed")
            fd = _C.mapops_prog_load(handle, ptype, ctypes.byref(opts))
            if fd < 0:
                raise self._fail(handle, -fd)
        del log  # kept alive until here: the kernel writes into it
        return fd
