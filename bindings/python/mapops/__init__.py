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

Constants (registers R0..R10, opcodes, sizes, flags, program types) have the
kernel's <linux/bpf.h> values.
"""
import contextlib as _contextlib
import ctypes
import errno as _errno
import inspect as _inspect
import linecache as _linecache
import os as _os
import threading as _threading
from typing import Any, Iterator, NamedTuple, Optional, TextIO, Union

from . import _lib
from ._lib import PROTOTYPES, bpf_insn, mapops_load_opts

from ._version import __version__

__all__ = [
    "Program", "Error", "Insn", "Label", "Origin", "LIBRARY", "insn_snprint",
    "R0", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10",
    "BPF_ANY", "BPF_NOEXIST", "BPF_EXIST", "BPF_F_LOCK",
    "ADD", "SUB", "MUL", "DIV", "OR", "AND", "LSH", "RSH", "NEG", "MOD",
    "XOR", "MOV", "ARSH",
    "JA", "JEQ", "JGT", "JGE", "JSET", "JNE", "JSGT", "JSGE", "JLT", "JLE",
    "JSLT", "JSLE",
    "B", "H", "W", "DW", "TO_LE", "TO_BE", "FETCH", "XCHG", "CMPXCHG",
    "PROG_TYPE_UNSPEC", "PROG_TYPE_SOCKET_FILTER", "PROG_TYPE_KPROBE",
    "PROG_TYPE_SCHED_CLS", "PROG_TYPE_SCHED_ACT", "PROG_TYPE_TRACEPOINT",
    "PROG_TYPE_XDP", "PROG_TYPE_PERF_EVENT", "PROG_TYPE_CGROUP_SKB",
    "PROG_TYPE_CGROUP_SOCK", "PROG_TYPE_LWT_IN", "PROG_TYPE_LWT_OUT",
    "PROG_TYPE_LWT_XMIT", "PROG_TYPE_SOCK_OPS", "PROG_TYPE_SK_SKB",
    "PROG_TYPE_CGROUP_DEVICE", "PROG_TYPE_SK_MSG",
    "PROG_TYPE_RAW_TRACEPOINT", "PROG_TYPE_CGROUP_SOCK_ADDR",
    "PROG_TYPE_LWT_SEG6LOCAL", "PROG_TYPE_LIRC_MODE2",
    "PROG_TYPE_SK_REUSEPORT", "PROG_TYPE_FLOW_DISSECTOR",
    "PROG_TYPE_CGROUP_SYSCTL", "PROG_TYPE_RAW_TRACEPOINT_WRITABLE",
    "PROG_TYPE_CGROUP_SOCKOPT", "PROG_TYPE_TRACING", "PROG_TYPE_STRUCT_OPS",
    "PROG_TYPE_EXT", "PROG_TYPE_LSM", "PROG_TYPE_SK_LOOKUP",
    "PROG_TYPE_SYSCALL",
    "MAX_INSNS", "STACK_SIZE", "LABEL_MAX", "TAG_MAX", "MAP_LOOKUP_SLOTS",
    "MAP_UPDATE_SLOTS", "MAP_DELETE_SLOTS", "MAP_LOOKUP_OR_INIT_SLOTS",
    "LOAD_LOG_SIZE",
]

# ---------------------------------------------------------------------------
# Constants: the kernel's values from <linux/bpf.h>
# ---------------------------------------------------------------------------

# Registers BPF_REG_0 .. BPF_REG_10 (R10 is the read-only frame pointer).
R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 = range(11)

# Map update flags.
BPF_ANY = 0
BPF_NOEXIST = 1
BPF_EXIST = 2
BPF_F_LOCK = 4

# ALU operations (BPF_ADD ...).
ADD = 0x00
SUB = 0x10
MUL = 0x20
DIV = 0x30
OR = 0x40
AND = 0x50
LSH = 0x60
RSH = 0x70
NEG = 0x80
MOD = 0x90
XOR = 0xa0
MOV = 0xb0
ARSH = 0xc0

# Jump operations (BPF_JEQ ...).
JA = 0x00
JEQ = 0x10
JGT = 0x20
JGE = 0x30
JSET = 0x40
JNE = 0x50
JSGT = 0x60
JSGE = 0x70
JLT = 0xa0
JLE = 0xb0
JSLT = 0xc0
JSLE = 0xd0

# Memory access sizes (BPF_W ...).
W = 0x00
H = 0x08
B = 0x10
DW = 0x18

# Byte swap directions for Program.endian().
TO_LE = 0x00
TO_BE = 0x08

# Atomic operations for Program.atomic_op() (besides ADD, OR, AND, XOR).
FETCH = 0x01
XCHG = 0xe0 | FETCH
CMPXCHG = 0xf0 | FETCH

# enum bpf_prog_type.
PROG_TYPE_UNSPEC = 0
PROG_TYPE_SOCKET_FILTER = 1
PROG_TYPE_KPROBE = 2
PROG_TYPE_SCHED_CLS = 3
PROG_TYPE_SCHED_ACT = 4
PROG_TYPE_TRACEPOINT = 5
PROG_TYPE_XDP = 6
PROG_TYPE_PERF_EVENT = 7
PROG_TYPE_CGROUP_SKB = 8
PROG_TYPE_CGROUP_SOCK = 9
PROG_TYPE_LWT_IN = 10
PROG_TYPE_LWT_OUT = 11
PROG_TYPE_LWT_XMIT = 12
PROG_TYPE_SOCK_OPS = 13
PROG_TYPE_SK_SKB = 14
PROG_TYPE_CGROUP_DEVICE = 15
PROG_TYPE_SK_MSG = 16
PROG_TYPE_RAW_TRACEPOINT = 17
PROG_TYPE_CGROUP_SOCK_ADDR = 18
PROG_TYPE_LWT_SEG6LOCAL = 19
PROG_TYPE_LIRC_MODE2 = 20
PROG_TYPE_SK_REUSEPORT = 21
PROG_TYPE_FLOW_DISSECTOR = 22
PROG_TYPE_CGROUP_SYSCTL = 23
PROG_TYPE_RAW_TRACEPOINT_WRITABLE = 24
PROG_TYPE_CGROUP_SOCKOPT = 25
PROG_TYPE_TRACING = 26
PROG_TYPE_STRUCT_OPS = 27
PROG_TYPE_EXT = 28
PROG_TYPE_LSM = 29
PROG_TYPE_SK_LOOKUP = 30
PROG_TYPE_SYSCALL = 31

# <mapops/mapops.h> limits and slot counts.
MAX_INSNS = 1000000
STACK_SIZE = 512
LABEL_MAX = 255
TAG_MAX = 255
MAP_LOOKUP_SLOTS = 5
MAP_UPDATE_SLOTS = 8
MAP_DELETE_SLOTS = 5
MAP_LOOKUP_OR_INIT_SLOTS = 19

#: Bytes of the verifier-log buffer Program.load() passes when log_level > 0.
LOAD_LOG_SIZE = 16 << 20

#: The library file that was loaded ($MAPOPS_LIBRARY, else the SONAME).
LIBRARY = _lib.LIBRARY

#: struct bpf_insn as a ctypes Structure; bytes(Insn(...)) is one slot.
Insn = bpf_insn

#: A label name: str (encoded as UTF-8) or bytes, 1..LABEL_MAX bytes, no NUL.
Label = Union[str, bytes]

_C = _lib.C
_INSN_SIZE = ctypes.sizeof(bpf_insn)


class Error(OSError):
    """A refusal by libmapops: Error(errno, message), like OSError.

    ``errno`` is the positive errno value the C function returned negated
    (EINVAL, E2BIG, ENOENT, EACCES from the verifier, ...); ``strerror``
    (also ``message``) is the library's text from mapops_prog_error(), which
    names the function, the argument and the bad value, and for a program
    the verifier refused, holds the verifier log.
    """

    @property
    def message(self) -> str:
        """The library's message (the same as ``strerror``)."""
        return self.strerror


def _decode(text: Optional[bytes]) -> str:
    return (text or b"").decode("utf-8", "backslashreplace")


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


class Origin(NamedTuple):
    """Where a slot came from (Program.insn_origin)."""
    call: str
    """The C function that emitted it, e.g. "mapops_map_increment"."""
    call_index: int
    """That function's call number in the program, from 1."""
    tag: Optional[str]
    """The caller's tag (Program.set_tag) at the time, or None."""


# ---------------------------------------------------------------------------
# The methods that call one C function: generated from PROTOTYPES
# ---------------------------------------------------------------------------

# Waiting for a Program's lock (Program._acquire()).  A thread that finds
# the token taken lists the program in _waiting and sleeps on the program's
# wake-up lock, _wakeup (a threading.Lock made on first need, held while
# there is nothing to report); a release that sees _waiting not empty
# releases the wake-up lock of its program, and the waiter, woken, tries
# the token again (another thread may have taken it first: then it sleeps
# until that one's release).  Under the GIL no wake-up can be lost (a
# waiter lists itself before it looks at the token again, a release puts
# the token back before it looks at _waiting); the sleep is bounded all the
# same, so that one lost elsewhere would cost a retry, never a hang.
_waiting: list = []
_wakeup_made = _threading.Lock()  # serialises making a program's _wakeup


def _wait_for_token(prog: "Program") -> None:
    """Takes prog's lock token, waiting for it as long as it is taken."""
    wakeup = prog._wakeup
    if wakeup is None:
        with _wakeup_made:
            wakeup = prog._wakeup
            if wakeup is None:
                wakeup = _threading.Lock()
                wakeup.acquire()
                prog._wakeup = wakeup
    _waiting.append(prog)
    try:
        while True:
            try:
                prog._token.pop()
                return
            except IndexError:
                wakeup.acquire(True, 0.05)
    finally:
        _waiting.remove(prog)


def _wake_waiters(prog: "Program") -> None:
    """Wakes a thread waiting for prog's lock token, if one does (called
    after a release, when _waiting is not empty)."""
    wakeup = prog._wakeup
    if wakeup is not None:
        try:
            wakeup.release()
        except RuntimeError:  # released already: a waiter will see it
            pass


# The generated methods check an int inline only up to this magnitude
# (CPython's one-digit ints, whose comparisons are the fastest); a larger
# one takes the general path, which accepts whatever fits the C type.
_FAST_INT = (1 << 30) - 1


def _convert(prog: "Program", method: str, params: Any, args: Any) -> Any:
    """The general path of a generated method: refuses a closed program
    (first, before the arguments), then checks and converts each argument
    with its Param (TypeError, ValueError) and returns the converted list."""
    prog._live(method)
    where = "Program.%s()" % method
    return [p.convert(a, where) for p, a in zip(params, args)]


def _c_function(stub: Any) -> Any:
    """Decorator: replaces stub, a method that only declares its signature
    and documentation, by a method generated from the C prototype of the
    same name ("mapops_" + name, else "mapops_prog_" + name).

    The generated method has the arguments as locals and checks each inline
    with a cheap test that accepts only values Param.convert() passes
    through unchanged: ``type(a) is int and LO <= a and a <= HI`` for an Int
    (LO and HI within +-_FAST_INT), a str encoded to UTF-8 once or bytes,
    without NUL, for a Text.  If any argument fails it (bool, an int
    subclass or __index__ object, a large or out-of-range int, bytearray, a
    wrong type, ...), all of them take the general path, _convert(), which
    converts them or raises exactly as Param.convert() does, after refusing
    a closed program; nothing reaches C before every argument has passed.
    Then, with the program's lock held (so that close() or a call in another
    thread cannot free or change the handle meanwhile), one call of the
    declared ctypes function, looked up in _lib.C at each call, with the
    handle (an int) first.  A negative result raises Error with the
    program's error text, read under the same lock.
    """
    name = stub.__name__
    cname = "mapops_" + name
    if cname not in PROTOTYPES:
        cname = "mapops_prog_" + name
    params = PROTOTYPES[cname][1][1:]
    args = [p.name for p in params]
    declared = list(_inspect.signature(stub).parameters)
    if declared != ["self"] + args or not stub.__doc__:  # a bug in this file
        raise AssertionError("Program.%s%s does not declare %s%s"
                             % (name, declared, cname, args))
    # The generated code's own names all begin with "_" (a C parameter is
    # named "type"); an Int is checked and passed under its own name, a
    # Text as "_c_" + name, its encoding.
    if any(a.startswith("_") for a in args):  # a bug in this file
        raise AssertionError("%s: a parameter name begins with _" % cname)
    cargs = [a if isinstance(p, _lib.Int) else "_c_" + a
             for p, a in zip(params, args)]
    where = "Program.%s()" % name
    src = ["def %s(self%s):" % (name, "".join(", " + a for a in args))]
    checks = []
    for p, a, c in zip(params, args, cargs):
        if isinstance(p, _lib.Int):
            # "LO <= a and a <= HI": a little faster than "LO <= a <= HI"
            checks.append("_type(%s) is _int and %d <= %s and %s <= %d"
                          % (a, max(p.lo, -_FAST_INT), a, a,
                             min(p.hi, _FAST_INT)))
        elif isinstance(p, _lib.Text):
            src += ["    %s = %s" % (c, a),
                    "    if _type(%s) is _str:" % a,
                    "        try:",
                    "            %s = %s.encode()" % (c, a),
                    "        except _UnicodeEncodeError:",
                    "            pass  # still a str: refused by _convert",
                    ]
            check = "_type(%s) is _bytes and 0 not in %s" % (c, c)
            if p.optional:
                check = "%s is None or %s" % (c, check)
            checks.append("(%s)" % check)
        else:  # a bug in this file: only the handle is a pointer
            raise AssertionError("%s: %r has no Python check" % (cname, p))
    if checks:
        src += ["    if not (%s):" % " and\n            ".join(checks),
                "        %s, = _convert(self, %r, _params, (%s,))"
                % (", ".join(cargs), name, ", ".join(args))]
    src += [
        "    _token = self._token",  # Program._acquire(), inline
        "    try:",
        "        _token.pop()",
        "    except _IndexError:",
        "        _wait_for_token(self)",
        "    try:",
        "        _handle = self._handle",
        "        if _handle is None:",
        "            raise _ValueError(%r)" % ("%s: the program is closed"
                                               % where),
        "        _ret = _C.%s(_handle%s)" % (cname,
                                          "".join(", " + c for c in cargs)),
        "        if _ret < 0:",
        "            raise _Error(-_ret, _decode(_C.mapops_prog_error(_handle)))",
        "    finally:",
        "        _token.append(True)",  # Program._release(), inline
        "        if _waiting:",
        "            _wake_waiters(self)",
    ]
    text = "\n".join(src) + "\n"
    filename = "<mapops generated %s>" % where
    # so that tracebacks and inspect.getsource() show the generated lines
    _linecache.cache[filename] = (len(text), None, text.splitlines(True),
                                  filename)
    namespace = {"__name__": __name__, "_C": _C, "_Error": Error,
                 "_decode": _decode, "_convert": _convert, "_params": params,
                 "_type": type, "_int": int, "_str": str, "_bytes": bytes,
                 "_UnicodeEncodeError": UnicodeEncodeError,
                 "_ValueError": ValueError, "_IndexError": IndexError,
                 "_wait_for_token": _wait_for_token,
                 "_wake_waiters": _wake_waiters, "_waiting": _waiting}
    exec(compile(text, filename, "exec"), namespace)
    method = namespace[name]
    method.__qualname__ = "Program." + name
    method.__doc__ = stub.__doc__
    method.__annotations__ = dict(stub.__annotations__)
    return method


class Program:
    """One eBPF program under construction: owns one mapops_prog_t.

    Methods append instructions; each is the C function of the same name
    without ``mapops_``, with the C arguments after the handle.  They return
    None, or raise mapops.Error (the library refused: nothing was appended),
    TypeError or ValueError (the arguments were refused before any C call).

    The handle is freed exactly once: by close(), at the end of a ``with``
    block, or when the object is garbage-collected.  Any method of a closed
    Program raises ValueError; close() itself may be called again.  A
    Program cannot be copied or pickled.

    The C library allows one thread at a time on a handle; the binding
    serialises the calls on one Program with a lock, so that threads sharing
    it (or closing it) cannot corrupt it.
    """

    # _handle: the address of the mapops_prog_t (an int), None when closed
    # or never initialised.  _token: the program's lock (see _acquire()),
    # held around every C call on the handle; _wakeup: where threads wait
    # for it (see _wait_for_token()), None until one has to.
    __slots__ = ("_handle", "_token", "_wakeup", "__weakref__")

    def __new__(cls, *args: Any, **kwargs: Any) -> "Program":
        # The slots are set before __init__, so that a Program that was
        # never initialised reads as closed.
        self = object.__new__(cls)
        self._handle = None
        self._token = [True]
        self._wakeup = None
        return self

    def __init__(self) -> None:
        """Creates an empty program (mapops_prog_new)."""
        try:
            live = self._handle is not None
        except AttributeError:  # made without Program.__new__
            self._token = [True]
            self._wakeup = None
            live = False
        if live:
            raise TypeError("Program.__init__() called on a live Program")
        raw = _C.mapops_prog_new()
        if not raw:
            raise Error(ctypes.get_errno() or _errno.ENOMEM,
                        "mapops_prog_new: out of memory")
        self._handle = ctypes.addressof(raw.contents)

    # -- ownership ---------------------------------------------------------

    def close(self) -> None:
        """Frees the C program (mapops_prog_free).  Calling it again, or on
        an already closed Program, does nothing."""
        try:
            token = self._token
        except AttributeError:  # never initialised
            return
        try:
            token.pop()
        except IndexError:
            _wait_for_token(self)
        try:
            handle = self._handle
            if handle is None:
                return
            self._handle = None
            _C.mapops_prog_free(handle)
        finally:
            token.append(True)
            if _waiting:
                _wake_waiters(self)

    @property
    def closed(self) -> bool:
        """True once close() has run."""
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
            handle = self._handle
        except AttributeError:  # never initialised
            return
        if handle is not None:
            self._handle = None
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

    # The lock.  Taking and releasing a threading.Lock around each builder
    # call costs about as much as checking all its arguments (acquire()
    # parses its arguments): on bench/'s mix, 1.55 times a bare ctypes call
    # with it, 1.36 with this one, a list holding one item while the lock is
    # free: list.pop() takes it, atomically, and list.append() puts it back.
    # A thread that finds the list empty waits in _wait_for_token() until
    # the holder's release wakes it.  The generated methods, close(),
    # __len__() and insns() inline _acquire() and _release().

    def _acquire(self) -> None:
        """Takes the program's lock (waits while another thread holds it)."""
        try:
            self._token.pop()
        except IndexError:
            _wait_for_token(self)

    def _release(self) -> None:
        """Gives the program's lock back, waking a thread that waits."""
        self._token.append(True)
        if _waiting:
            _wake_waiters(self)

    def _live(self, method: str) -> None:
        """Raises ValueError if the program is closed (checked first, before
        the arguments)."""
        if getattr(self, "_handle", None) is None:
            raise ValueError("Program.%s(): the program is closed" % method)

    @_contextlib.contextmanager
    def _locked(self, method: str) -> Iterator[Any]:
        """The handle, with this program's lock held: every C call on it
        runs inside, so no other thread can use or free it meanwhile."""
        self._live(method)
        self._acquire()
        try:
            handle = self._handle
            if handle is None:  # closed by another thread meanwhile
                raise ValueError("Program.%s(): the program is closed"
                                 % method)
            yield handle
        finally:
            self._release()

    def _fail(self, handle: Any, err: int) -> Error:
        """The Error for a failure: err and the program's error text (call
        with the lock held)."""
        return Error(err, _decode(_C.mapops_prog_error(handle)))

    # -- the handle ----------------------------------------------------------

    def __len__(self) -> int:
        """The number of slots emitted so far (an ld_imm64 counts 2)."""
        token = self._token
        try:
            token.pop()
        except IndexError:
            _wait_for_token(self)
        try:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.__len__(): the program is closed")
            return _C.mapops_prog_len(handle)
        finally:
            token.append(True)
            if _waiting:
                _wake_waiters(self)

    def insns(self) -> bytes:
        """Resolves the labels and returns the program: 8 bytes a slot
        (struct bpf_insn in host byte order), what BPF_PROG_LOAD takes.

        Raises mapops.Error with ENOENT (a jump to a label never bound),
        ERANGE (a label past the end, a jump too far) or EINVAL (the program
        ends inside an ld_imm64).  A failure changes nothing.
        """
        cnt = ctypes.c_size_t(0)
        token = self._token
        try:
            token.pop()
        except IndexError:
            _wait_for_token(self)
        try:
            handle = self._handle
            if handle is None:
                raise ValueError("Program.insns(): the program is closed")
            ptr = _C.mapops_prog_insns(handle, ctypes.byref(cnt))
            if not ptr:
                raise self._fail(handle, ctypes.get_errno() or _errno.EINVAL)
            # copied now: the array is valid until the next append
            return ctypes.string_at(ptr, cnt.value * _INSN_SIZE)
        finally:
            token.append(True)
            if _waiting:
                _wake_waiters(self)

    def error(self) -> str:
        """The text of the last failure on this program ("" if none)."""
        with self._locked("error") as handle:
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
        with self._locked("emit") as handle:
            ret = _C.mapops_emit(handle, array, len(array))
            if ret < 0:
                raise self._fail(handle, -ret)

    def dump(self, out: Optional[TextIO] = None) -> str:
        """The program as text (mapops_prog_dump_text): labels resolved, one line
        "%4d: <instruction>" a slot, label lines "name:", and before each
        call's slots a comment naming the call (and tag) that emitted them.
        Written to out (any object with write(str)) if given, and returned.

        Raises mapops.Error with the resolution errors of insns().
        """
        self._live("dump")
        if out is not None and not callable(getattr(out, "write", None)):
            raise TypeError("Program.dump(): out must have a write() method, "
                            "not %s" % type(out).__name__)
        with self._locked("dump") as handle:
            text = _C.mapops_prog_dump_text(handle)
            if text is None:
                raise self._fail(handle, ctypes.get_errno() or _errno.EINVAL)
        result = _decode(text)
        if out is not None:
            out.write(result)
        return result

    # -- provenance ------------------------------------------------------------

    @_c_function
    def set_tag(self, tag: Optional[Label]) -> None:
        """Tags what is emitted from now on with tag (mapops_prog_set_tag);
        None removes the tag.  Tags appear in insn_origin() and in the
        origin line of a load refusal.  Emits nothing.

        Raises mapops.Error ENAMETOOLONG for a tag longer than TAG_MAX bytes.
        """

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
        with self._locked("insn_origin") as handle:
            ret = _C.mapops_prog_insn_origin(handle, cslot, ctypes.byref(call),
                                              ctypes.byref(index),
                                              ctypes.byref(tag))
            if ret < 0:  # this function does not set the error text
                raise Error(-ret, "mapops_prog_insn_origin: slot %d: %s"
                            % (cslot, _os.strerror(-ret)))
            # copied now: the tag belongs to the program
            return Origin(_decode(call.value), index.value,
                          None if tag.value is None else _decode(tag.value))

    # -- labels and jumps ----------------------------------------------------

    @_c_function
    def label(self, name: Label) -> None:
        """Binds name to the next slot to be emitted.

        Raises mapops.Error: EINVAL name empty; ENAMETOOLONG longer than
        LABEL_MAX bytes; EEXIST already bound.
        """

    @_c_function
    def jmp_imm(self, op: int, reg: int, imm: int, label: Label) -> None:
        """Emits "if reg <op> imm goto label" (64-bit compare). 1 slot.

        op: JEQ, JNE, JGT, JGE, JLT, JLE, JSET, JSGT, JSGE, JSLT, JSLE.
        imm: __s32.  The label may be bound before or after.
        """

    @_c_function
    def jmp_reg(self, op: int, dst: int, src: int, label: Label) -> None:
        """Emits "if dst <op> src goto label" (64-bit compare). 1 slot."""

    @_c_function
    def jmp32_imm(self, op: int, reg: int, imm: int, label: Label) -> None:
        """As jmp_imm(), comparing the low 32 bits (BPF_JMP32). 1 slot."""

    @_c_function
    def jmp32_reg(self, op: int, dst: int, src: int, label: Label) -> None:
        """As jmp_reg(), comparing the low 32 bits (BPF_JMP32). 1 slot."""

    @_c_function
    def ja(self, label: Label) -> None:
        """Emits "goto label". 1 slot."""

    # -- arithmetic ----------------------------------------------------------

    @_c_function
    def alu64_imm(self, op: int, dst: int, imm: int) -> None:
        """Emits "dst <op>= imm" on 64 bits; imm (__s32) is sign-extended.

        op: ADD, SUB, MUL, DIV, MOD, OR, AND, XOR, LSH, RSH, ARSH, MOV, NEG.
        Refused (EINVAL): dst R10; DIV or MOD by 0; a shift outside [0, 63];
        NEG with imm other than 0. 1 slot.
        """

    @_c_function
    def alu64_reg(self, op: int, dst: int, src: int) -> None:
        """Emits "dst <op>= src" on 64 bits (op as alu64_imm() but NEG);
        src may be R10. 1 slot."""

    @_c_function
    def alu32_imm(self, op: int, dst: int, imm: int) -> None:
        """As alu64_imm() on the low 32 bits, zeroing the upper 32; shifts
        take imm in [0, 31]. 1 slot."""

    @_c_function
    def alu32_reg(self, op: int, dst: int, src: int) -> None:
        """As alu64_reg() on the low 32 bits. 1 slot."""

    @_c_function
    def endian(self, type: int, dst: int, bits: int) -> None:
        """Emits the byte swap "dst = le<bits>(dst)" (type TO_LE) or
        "be<bits>" (TO_BE); bits: 16, 32 or 64. 1 slot."""

    # -- memory --------------------------------------------------------------

    @_c_function
    def ldx_mem(self, size: int, dst: int, src: int, off: int) -> None:
        """Emits "dst = *(size *)(src + off)". size: B, H, W, DW; off a
        signed 16-bit offset (inside the stack frame when src is R10).
        1 slot."""

    @_c_function
    def stx_mem(self, size: int, dst: int, src: int, off: int) -> None:
        """Emits "*(size *)(dst + off) = src". 1 slot."""

    @_c_function
    def st_mem(self, size: int, dst: int, off: int, imm: int) -> None:
        """Emits "*(size *)(dst + off) = imm" (imm __s32, sign-extended for
        DW). 1 slot."""

    @_c_function
    def atomic_op(self, size: int, op: int, dst: int, src: int,
                  off: int) -> None:
        """Emits an atomic read-modify-write of *(size *)(dst + off) with src.

        size: W or DW.  op: ADD, OR, AND, XOR, each optionally | FETCH (the
        old value returns in src), XCHG, CMPXCHG (compares with R0, the old
        value returns in R0). 1 slot.
        """

    # -- immediates, calls, exit ---------------------------------------------

    @_c_function
    def ld_imm64(self, dst: int, imm: int) -> None:
        """Emits "dst = imm" (imm: __u64, 0 .. 2**64-1). 2 slots."""

    @_c_function
    def ld_map_fd(self, dst: int, map_fd: int) -> None:
        """Emits "dst = map_fd" (ld_imm64 with BPF_PSEUDO_MAP_FD); EBADF if
        map_fd is negative. 2 slots."""

    @_c_function
    def call_helper(self, helper_id: int) -> None:
        """Emits "call helper_id" (e.g. 5, bpf_ktime_get_ns); clobbers
        R1..R5, the result is in R0; EINVAL if helper_id <= 0. 1 slot."""

    @_c_function
    def exit(self) -> None:
        """Emits "exit"; R0 is the return value. 1 slot."""

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
        the kernel a LOAD_LOG_SIZE-byte log buffer (a valid program whose log
        does not fit fails with ENOSPC); with log_level 0 the library fetches
        the log itself after a refusal.

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
        with self._locked("load") as handle:
            fd = _C.mapops_prog_load(handle, ptype, ctypes.byref(opts))
            if fd < 0:
                raise self._fail(handle, -fd)
        del log  # kept alive until here: the kernel writes into it
        return fd

    # -- map operations --------------------------------------------------------

    @_c_function
    def map_lookup(self, map_fd: int, key_stack_off: int) -> None:
        """Looks up the key at R10 + key_stack_off: R0 = pointer to the
        value or NULL (check it before dereferencing).  Clobbers R0..R5.
        5 slots."""

    @_c_function
    def map_lookup_ptr(self, map_fd: int, key_reg: int) -> None:
        """Looks up the key key_reg (R0..R9) points to; as map_lookup().
        3 or 4 slots."""

    @_c_function
    def map_update(self, map_fd: int, key_stack_off: int,
                   value_stack_off: int, flags: int) -> None:
        """Stores the value at R10 + value_stack_off under the key at
        R10 + key_stack_off.  flags (__u64): BPF_ANY, BPF_NOEXIST or
        BPF_EXIST, optionally | BPF_F_LOCK.  R0 = 0 or a negative errno.
        Clobbers R0..R5. 8 slots."""

    @_c_function
    def map_update_ptr(self, map_fd: int, key_reg: int, value_reg: int,
                       flags: int) -> None:
        """Stores the value value_reg points to under the key key_reg points
        to; as map_update(). 4 to 7 slots."""

    @_c_function
    def map_delete(self, map_fd: int, key_stack_off: int) -> None:
        """Deletes the key at R10 + key_stack_off: R0 = 0 or a negative
        errno.  Clobbers R0..R5. 5 slots."""

    @_c_function
    def map_delete_ptr(self, map_fd: int, key_reg: int) -> None:
        """Deletes the key key_reg points to; as map_delete(). 3 or 4
        slots."""

    @_c_function
    def map_increment(self, map_fd: int, key_stack_off: int,
                      value_stack_off: int, increment: int) -> None:
        """Adds increment (__s64) to the u64 counter under the key at
        R10 + key_stack_off, creating it if absent (the counter is the
        first 8 bytes of the value).  value_stack_off: the 8-aligned stack
        scratch a new element is created from; its first 8 bytes receive
        the increment, and for a value larger than 8 bytes the caller
        initialises the rest.  Not atomic: for per-CPU maps or one CPU.
        Clobbers R0..R5.  19 slots (23 for an increment outside the __s32
        range)."""

    @_c_function
    def map_increment_atomic(self, map_fd: int, key_stack_off: int,
                             value_stack_off: int, increment: int) -> None:
        """As map_increment(), exact when many CPUs increment a counter of a
        shared hash or array map.  24 slots (27 for a 64-bit increment)."""

    @_c_function
    def map_lookup_or_init(self, map_fd: int, key_stack_off: int,
                           init_value_stack_off: int) -> None:
        """R0 = pointer to the value under the key at R10 + key_stack_off,
        created from the value at R10 + init_value_stack_off if absent;
        NULL only if the insert failed (check it).  Clobbers R0..R5.
        19 slots."""
