# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""bindings/python/mapops/_api.py: the per-function part of the Python
binding, generated from the description as a plain file (read at import
like any module: nothing in it is built from strings at run time).

It holds the constants (consts.values()), the prototype table PROTOTYPES
(every described function: restype, and a Param per argument made from its
kind's C type: Int or Text with their Python-side checks, Ptr for the
pointers the binding fills in), the loaded functions, and class Builders:
one plain method per builder (model.Function.builder) whose arguments after
the handle are all integers and text.  A builder with another argument
(mapops_emit, which takes instructions) has a hand-written method in
__init__.py, as the non-builders do.

A generated method checks each argument inline with a cheap test that only
values Param.convert() passes through unchanged pass (``type(a) is int and
LO <= a and a <= HI``, LO and HI within +-FAST_INT; a str encoded once or
bytes, without NUL, for text).  If any fails, all go through
_lib.convert(), which refuses a closed program first, then converts or
raises exactly as Param.convert() does.  Then, inside ``with self._lock:``,
it reads the handle (ValueError if closed), makes one call of the
undeclared twin in DIRECT (see _lib.load_direct), wrapping each integer
argument whose C type is not int in its ctypes type, and raises Error with
the program's message for a negative result (_lib.refused: with the
caller's file and line).  After a success (but for mapops_label, the one
builder that emits no slot) it appends the caller's instruction offset to
Program._calls, preceded by the caller's code object when that differs
from the previous call's, so that an error about one of its slots can name
the caller's line later (_lib.where): the n-th offset recorded is the n-th
call that emitted slots.
"""
import keyword

from . import consts

OUT = "bindings/python/mapops/_api.py"

# CPython's one-digit ints compare fastest: the inline test accepts ints up
# to this magnitude; a larger one in the C type's range takes the general
# path, which accepts it.
FAST_INT = (1 << 30) - 1

def _examples(api):
    """{method: (args...)}: the builders' example calls, integers evaluated
    by the C compiler (as the constants are), strings as written."""
    import ast
    from .lua import _Exprs
    todo, shape = [], []
    for f in api.functions:
        if not f.builder or not f.example or f.short not in _METHOD_NAMES(api):
            continue
        items = []
        for expr in f.example:
            e = expr.strip()
            if e.startswith('"'):
                items.append(("s", ast.literal_eval(e)))
            elif e == "NULL":
                items.append(("s", None))
            else:
                items.append(("i", len(todo)))
                todo.append(e)
        shape.append((f.short, items))
    vals = [v for _, v in consts.values(_Exprs(todo))] if todo else []
    return {name: tuple(vals[v] if k == "i" else v for k, v in items)
            for name, items in shape}


def _METHOD_NAMES(api):
    return {f.short for f in api.functions if f.builder}


# C types (as lib/mapops.api's kinds spell them) -> ctypes, by role.
INT_CTYPES = {
    "int": "c_int", "__s32": "c_int32", "__u32": "c_uint32",
    "__u64": "c_uint64", "__s64": "c_int64", "size_t": "c_size_t",
    "unsigned": "c_uint", "enum bpf_prog_type": "c_uint",
}
# Passed as a Python int by DIRECT's calls (ctypes' default conversion is C
# int); every other integer type is wrapped in its ctypes type.
PLAIN_INT = {"int", "__s32"}
TEXT_CTYPE = "const char *"
PTR_CTYPES = {
    # the handle goes to C as its address (see _lib's docstring)
    "mapops_prog_t *": "c_void_p",
    "const mapops_prog_t *": "c_void_p",
    "const struct bpf_insn *": "POINTER(bpf_insn)",
    "const struct mapops_load_opts *": "POINTER(mapops_load_opts)",
    "FILE *": "c_void_p",
    # libbpf's options struct: the caller's own (mapops.libbpf's layout)
    "struct bpf_prog_load_opts *": "c_void_p",
    "char *": "POINTER(c_char)",
    "size_t *": "POINTER(c_size_t)",
    "const char **": "POINTER(c_char_p)",
    "unsigned *": "POINTER(c_uint)",
}
RESULT_CTYPES = {
    "mapops_prog_t *": "PROG_P",
    "void": "None",
    "int": "c_int",
    "size_t": "c_size_t",
    "const struct bpf_insn *": "POINTER(bpf_insn)",
    "const char *": "c_char_p",
}
# Besides the generated builders: short calls that only read, append to or
# free the program's memory and need no errno (see _lib's docstring).
GIL_HELD_OTHERS = ("mapops_prog_free", "mapops_prog_len", "mapops_prog_error",
                   "mapops_prog_set_tag", "mapops_prog_insn_origin")


def _fail(f, msg):
    from .model import Error as ModelError
    raise ModelError("tools/mapops_api/python.py: %s: %s" % (f.name, msg))


def _is_text(kind):
    return kind.ctype == TEXT_CTYPE


def _optional(kind):
    """A text kind that may be NULL: its meaning says "or NULL"."""
    return "or NULL" in kind.doc


def _param(f, a):
    """The Param constructor call of argument a of f, as Python source."""
    ct = a.kind.ctype
    if ct in INT_CTYPES:
        return "Int(%r, %r, %s, %r)" % (a.name, ct, INT_CTYPES[ct], a.kind.name)
    if _is_text(a.kind):
        opt = ", optional=True" if _optional(a.kind) else ""
        return "Text(%r, %r%s)" % (a.name, a.kind.name, opt)
    if ct in PTR_CTYPES:
        return "Ptr(%r, %r, %s, %r)" % (a.name, ct, PTR_CTYPES[ct], a.kind.name)
    _fail(f, "argument %s: no ctypes type for C type %r (add it to python.py)"
          % (a.name, ct))


def _restype(f):
    ct = f.ret.ctype
    if ct not in RESULT_CTYPES:
        _fail(f, "no ctypes type for result type %r (add it to python.py)" % ct)
    return RESULT_CTYPES[ct]


def methods(api):
    """The builders that get a generated method: [Function]."""
    out = []
    for f in api.functions:
        if not f.builder:
            continue
        rest = f.args[1:]
        if all(a.kind.ctype in INT_CTYPES or _is_text(a.kind) for a in rest):
            out.append(f)
    return out


def _check_names(f):
    for a in f.args[1:]:
        if a.name.startswith("_") or a.name == "self" or keyword.iskeyword(a.name):
            _fail(f, "argument name %r cannot be a Python parameter of the "
                  "generated method (a keyword, self, or begins with _)" % a.name)


def _wrap(text, width=76, indent="", hang=""):
    """text in lines of at most width columns, the first indented by
    indent, the others by indent + hang."""
    words, lines, line = text.split(), [], ""
    for w in words:
        pre = indent + (hang if lines else "")
        if line and len(pre) + len(line) + 1 + len(w) > width:
            lines.append(pre + line)
            line = w
        else:
            line = w if not line else line + " " + w
    if line:
        lines.append(indent + (hang if lines else "") + line)
    return lines


def _docstring(f):
    """The method's docstring: the C name, each argument's kind and its
    meaning, the version node and the minimum kernel, as the description
    says; the conventions of every builder."""
    ind = " " * 8
    lines = ['"""%s() of <mapops/mapops.h>: appends to the program.' % f.name, ""]
    for a in f.args[1:]:
        k = a.kind
        lines += _wrap("%s: %s (%s) -- %s" % (a.name, k.name, k.ctype, k.doc),
                       indent=ind, hang="    ")
    if len(f.args) > 1:
        lines.append("")
    kernel = ("what it emits needs kernel %s or later" % f.kernel
              if f.kernel != "-" else "needs no kernel")
    lines += _wrap("Since %s; %s.  Returns None, or raises mapops.Error "
                   "(the library refused: nothing was appended), TypeError or "
                   "ValueError (an argument refused before the C call), "
                   "ValueError (the program is closed)." % (f.node, kernel),
                   indent=ind)
    lines.append('"""')
    # the first line follows the opening quotes directly
    return [ind + lines[0]] + [l if not l.strip() or l.startswith(ind) else ind + l
                               for l in lines[1:]]


def _method(f):
    _check_names(f)
    short = f.short
    args = f.args[1:]
    names = [a.name for a in args]
    ind, ind2, ind3 = " " * 8, " " * 12, " " * 16
    ann = []
    for a in args:
        if _is_text(a.kind):
            ann.append("%s: %s" % (a.name, "Optional[Label]" if _optional(a.kind)
                                   else "Label"))
        else:
            ann.append("%s: int" % a.name)
    sig = "    def %s(self%s) -> None:" % (short, "".join(", " + x for x in ann))
    if len(sig) > 79:
        sig = "    def %s(\n            self%s) -> None:" % (
            short, "".join(",\n            " + x for x in ann))
    out = [sig] + _docstring(f)
    checks, cargs, converted = [], [], []
    for a in args:
        k = a.kind
        if _is_text(k):
            c = "_c_" + a.name
            out += ["%s%s = %s" % (ind, c, a.name),
                    "%sif _type(%s) is _str:" % (ind, a.name),
                    "%stry:" % ind2,
                    "%s%s = %s.encode()" % (ind3, c, a.name),
                    "%sexcept _UnicodeEncodeError:" % ind2,
                    "%spass  # still a str: refused by _convert()" % ind3]
            check = "_type(%s) is _bytes and 0 not in %s" % (c, c)
            if _optional(k):
                check = "(%s is None or %s)" % (c, check)
            checks.append(check)
            cargs.append(c)
            converted.append(c)
        else:
            lo, hi = _int_range(k.ctype)
            checks.append("_type(%s) is _int and\n%s%d <= %s and %s <= %d"
                          % (a.name, " " * 16, max(lo, -FAST_INT), a.name,
                             a.name, min(hi, FAST_INT)))
            cargs.append(a.name if k.ctype in PLAIN_INT
                         else "%s(%s)" % (INT_CTYPES[k.ctype], a.name))
            converted.append(a.name)
    if checks:
        out.append("%sif not (%s):" % (ind, (" and\n" + ind + "        ").join(checks)))
        target = ", ".join(converted) + ("," if len(converted) == 1 else "")
        call = "%s%s = _convert(self, %r, _ARGS[%r], (%s%s))" % (
            ind2, target, short, f.name, ", ".join(names),
            "," if len(names) == 1 else "")
        if len(call) > 79:
            call = "%s%s = _convert(\n%s    self, %r, _ARGS[%r], (%s%s))" % (
                ind2, target, ind2, short, f.name, ", ".join(names),
                "," if len(names) == 1 else "")
        out.append(call)
    out += ["%swith self._lock:" % ind,
            "%s_handle = self._handle" % ind2,
            "%sif _handle is None:" % ind2,
            "%sraise _ValueError(%r)" % (ind3, "Program.%s(): the program is closed"
                                         % short)]
    call = "%s_ret = DIRECT.%s(_handle%s)" % (ind2, f.name,
                                              "".join(", " + c for c in cargs))
    if len(call) > 79:
        call = "%s_ret = DIRECT.%s(\n%s    _handle%s)" % (
            ind2, f.name, ind2, "".join(", " + c for c in cargs))
    out += [call,
            "%sif _ret < 0:" % ind2,
            "%sraise _refused(-_ret, C.mapops_prog_error(_handle), %r)"
            % (ind3, short)]
    if f.name != "mapops_label":  # a label emits nothing: no slot's origin
        # Where the call came from, for errors about its slots (see
        # _lib.where): the caller's code object and instruction offset,
        # formatted only when an error needs it.
        # Only in a Program(lines=True): self._calls is None otherwise.
        ind4 = ind3 + "    "
        out += ["%s_calls = self._calls" % ind2,
                "%sif _calls is not None:" % ind2,
                "%s_f = _getframe(1)" % ind3,
                "%sif _f.f_code is not self._code:" % ind3,
                "%sself._code = _f.f_code" % ind4,
                "%s_calls.append(_f.f_code)" % ind4,
                "%s_calls.append(_f.f_lasti)" % ind3]
    return out


def _int_range(ctype):
    bits = {"int": 32, "__s32": 32, "__u32": 32, "__u64": 64, "__s64": 64,
            "size_t": 64, "unsigned": 32, "enum bpf_prog_type": 32}[ctype]
    signed = ctype in ("int", "__s32", "__s64")
    if signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


HEAD = '''\
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
# Generated from lib/mapops.api by tools/api.py (./run.sh regen): do not edit.
"""The per-function part of the binding of libmapops %(version)s, generated
from lib/mapops.api (tools/mapops_api/python.py says how).

- The constants, with the values the C compiler gives their expressions in
  <linux/bpf.h> and <mapops/mapops.h>; CONSTANTS lists them.
- PROTOTYPES: every public function, its restype and a Param per argument
  (Int or Text with the Python-side check of the argument's kind, Ptr for a
  pointer the binding fills in); C: those functions, declared.
- class Builders: one method per builder whose arguments are integers and
  text; mapops.Program inherits them.  They call DIRECT, the same functions
  without argtypes, with arguments they have checked and converted
  themselves (see _lib.load_direct).
"""
from ctypes import (POINTER, c_char, c_char_p, c_int, c_int32, c_int64,
                    c_size_t, c_uint, c_uint32, c_uint64, c_void_p)
from typing import Optional, Union

from . import _lib
from ._lib import (PROG_P, Error, Int, Ptr, Text, bpf_insn,
                   mapops_load_opts)

#: A label name: str (encoded as UTF-8) or bytes, no NUL.
Label = Union[str, bytes]
'''


def generate(api, version):
    out = [HEAD % {"version": version}]
    # -- constants
    out += ["", "# " + "-" * 75, "# Constants", "# " + "-" * 75]
    group = None
    pairs = []
    values = consts.values(api)
    for c, value in values:
        if c.group != group:
            group = c.group
            out += ["", "# %s" % group]
        out.append("%s = %d  # %s" % (c.name, value, c.expr))
        pairs.append((c.name, c.expr))
    out += ["", "#: Every constant above: (name, the C expression of its value).",
            "CONSTANTS = ("]
    out += ["    (%r, %r)," % p for p in pairs]
    out += [")", "",
            "#: Each builder method's example arguments from lib/mapops.api (a call",
            "#: that succeeds on a program with the label \"top\" bound).",
            "EXAMPLES = {"]
    out += ["    %r: %r," % (name, args) for name, args in _examples(api).items()]
    out += ["}", "",
            "#: The headers those C expressions need besides <stddef.h>,",
            "#: <linux/bpf.h> and <mapops/mapops.h>.",
            "CONSTANT_HEADERS = (%s)" % "".join(
                "%r, " % h for h in sorted({c.header for c, _ in values if c.header})),
            "", "__all__ = [name for name, _ in CONSTANTS]"]
    # -- prototypes
    out += ["", "# " + "-" * 75, "# Prototypes", "# " + "-" * 75, "",
            "#: C name -> (restype, (Param, ...)): every function of "
            "lib/mapops.api,", "#: in its order.", "PROTOTYPES = {"]
    for f in api.functions:
        params = [_param(f, a) for a in f.args]
        out.append("    # %d, since %s%s" % (f.id, f.node, "" if f.kernel == "-"
                                             else ", kernel %s" % f.kernel))
        if not params:
            out.append("    %r: (%s, ())," % (f.name, _restype(f)))
            continue
        out.append("    %r: (%s, (" % (f.name, _restype(f)))
        out += ["        %s," % p for p in params]
        out.append("    )),")
    out.append("}")
    gen = methods(api)
    builders = [f.name for f in api.functions if f.builder]
    described = {f.name for f in api.functions}
    held = [f.name for f in gen] + [n for n in GIL_HELD_OTHERS if n in described]
    out += ["", "#: The builders: they take the program first, append to it and "
            "return a", "#: status (lib/mapops.api).",
            "BUILDER_FUNCTIONS = frozenset({"]
    out += ["    %r," % n for n in builders]
    out += ["})", "",
            "#: The generated methods of Builders: C name -> method name.",
            "METHODS = {"]
    out += ["    %r: %r," % (f.name, f.short) for f in gen]
    out += ["}", "",
            "#: The functions called with the GIL held (see _lib's docstring).",
            "GIL_HELD_FUNCTIONS = frozenset({"]
    out += ["    %r," % n for n in held]
    out += ["})", "",
            "#: The functions of PROTOTYPES, restype and argtypes declared.",
            "C = _lib.load(PROTOTYPES, GIL_HELD_FUNCTIONS)",
            "",
            "#: The functions of METHODS again, without argtypes: what the "
            "methods call.",
            "DIRECT = _lib.load_direct(METHODS)",
            "",
            "# The parameters after the handle, for _convert().",
            "_ARGS = {name: params[1:] for name, (_, params) in "
            "PROTOTYPES.items()}",
            "",
            "# The names the methods use, module globals (C parameters "
            "never begin with _).",
            "_convert = _lib.convert",
            "_decode = _lib.decode",
            "_refused = _lib.refused",
            "_getframe = _lib.getframe",
            "_Error = Error",
            "_ValueError = ValueError",
            "_UnicodeEncodeError = UnicodeEncodeError",
            "_type = type",
            "_int = int",
            "_str = str",
            "_bytes = bytes",
            "",
            "",
            "class Builders:",
            '    """The builder methods of mapops.Program, one per builder of',
            "    lib/mapops.api: the C function without \"mapops_\", its "
            "arguments",
            "    after the handle in the C order.  Each checks its arguments "
            "before any",
            "    C call (TypeError, ValueError), makes one C call with the "
            "program's",
            "    lock held, and returns None or raises Error (nothing was "
            "appended).",
            "    After a success each records where it was called from "
            "(Program._calls).",
            '    """',
            "",
            "    __slots__ = ()"]
    for f in gen:
        out.append("")
        out += _method(f)
    return "\n".join(out) + "\n"


def files(api, version):
    return {OUT: lambda: generate(api, version)}
