# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The LuaJIT binding's generated module, bindings/lua/mapops/_api.lua
(require "mapops._api"): the ffi.cdef of every described function, the
builders' Program methods with their argument checks, the version, the
constants, and the description as a Lua table for the tests.

bindings/lua/mapops.lua keeps the types, the errors and the ownership, and
passes its checkers to builders(); everything per function is here."""
import ast

from . import consts
from .model import Const, Error

PATH = "bindings/lua/mapops/_api.lua"

# The C types of the description as the cdef spells them: LuaJIT knows the
# <stdint.h> names, not the kernel's; FILE stays opaque (void *) so that the
# binding does not define FILE for its caller; an enum whose values are all
# non-negative is an unsigned int to the C compiler.
_CDEF_TYPES = {
    "__s32": "int32_t",
    "__u32": "uint32_t",
    "__s64": "int64_t",
    "__u64": "uint64_t",
    "FILE *": "void *",
    "enum bpf_prog_type": "unsigned int",
}

# How a builder checks each argument: by kind name first, then by C type.
# check -> (the inline test that accepts the common values, the checker of
# mapops.lua that accepts the rest or gives the reason)
_BY_KIND = {"tag": "tag", "insns": "bytes"}
_BY_CTYPE = {"int": "int", "__s32": "int", "__u32": "u32", "__u64": "u64", "__s64": "s64",
             "size_t": "size", "const char *": "label"}
_FAST = {
    "int": 'type({a}) == "number" and tobit({a}) == {a}',
    "u32": 'type({a}) == "number" and {a} >= 0 and {a} <= 4294967295 and {a} % 1 == 0',
    "u64": 'type({a}) == "number" and {a} >= 0 and {a} <= SAFE and {a} % 1 == 0',
    "s64": 'type({a}) == "number" and {a} >= -SAFE and {a} <= SAFE and {a} % 1 == 0',
    "size": 'type({a}) == "number" and {a} >= 0 and {a} <= SAFE and {a} % 1 == 0',
    "label": 'type({a}) == "string" and not find({a}, "\\0", 1, true)',
    "tag": 'type({a}) == "nil" or (type({a}) == "string" and not find({a}, "\\0", 1, true))',
}

# Names the generated functions use themselves: an argument of the same
# name gets a "_" appended.
_LUA_RESERVED = set("""and break do else elseif end false for function goto if in
local nil not or repeat return then true until while
self p rc v why insns n methods C handles not_open lib_fail fail check SAFE type tobit find
""".split())


def cdef_type(ctype):
    return _CDEF_TYPES.get(ctype, ctype)


def cdecl(f):
    """The declaration given to ffi.cdef: "int mapops_x(int32_t a)"."""
    def one(ctype, name):
        t = cdef_type(ctype)
        return t + name if t.endswith("*") else t + " " + name
    args = ", ".join(one(a.ctype, a.name) for a in f.args) or "void"
    r = cdef_type(f.ret.ctype)
    return "%s%s%s(%s)" % (r, "" if r.endswith("*") else " ", f.name, args)


def params(f):
    """A builder's Lua parameters after the handle: [(Lua name, C argument
    name, kind, check)]; an insns argument and the count after it are one
    Lua string of 8-byte slots, "bytes"."""
    out = []
    args = f.args[1:]
    i = 0
    while i < len(args):
        a = args[i]
        check = _BY_KIND.get(a.kind.name) or _BY_CTYPE.get(a.ctype)
        if check is None:
            raise Error("%s: argument %s of kind %s (%s) has no Lua check: add one to "
                        "tools/mapops_api/lua.py" % (f.name, a.name, a.kind.name, a.ctype))
        if check == "bytes":
            if i + 1 >= len(args) or args[i + 1].kind.name != "count":
                raise Error("%s: an insns argument must be followed by its count" % f.name)
            out.append(("bytes", a.name, a.kind.name, check))
            i += 2
            continue
        lua = a.name + "_" if a.name in _LUA_RESERVED else a.name
        out.append((lua, a.name, a.kind.name, check))
        i += 1
    return out


def _lua_string(s):
    out = []
    for ch in s.encode("utf-8"):
        c = chr(ch)
        if c in '"\\':
            out.append("\\" + c)
        elif 32 <= ch < 127:
            out.append(c)
        else:
            out.append("\\%d" % ch)
    return '"%s"' % "".join(out)


def _lua_int(v, check):
    if -(2 ** 53 - 1) <= v <= 2 ** 53 - 1:
        return str(v)
    if check in ("u64", "size"):
        return "0x%xULL" % (v & 0xffffffffffffffff)
    return "%dLL" % v


class _Exprs:
    """What consts.values() reads: a list of C expressions to evaluate."""
    def __init__(self, exprs):
        self.consts = [Const("e%d" % i, e, "") for i, e in enumerate(exprs)]


def examples(api):
    """{function name: [Lua literal]}: each builder's example arguments,
    integers evaluated by the C compiler as consts.values() does."""
    todo = []
    for f in api.functions:
        if not f.builder or f.example is None:
            continue
        ps = params(f)
        for expr, p in zip(f.example, ps):
            if p[3] not in ("label", "tag"):
                todo.append(expr)
    vals = iter(v for _, v in consts.values(_Exprs(todo))) if todo else iter(())
    out = {}
    for f in api.functions:
        if not f.builder or f.example is None:
            continue
        lits = []
        for expr, p in zip(f.example, params(f)):
            if p[3] in ("label", "tag"):
                if expr == "NULL":
                    lits.append("nil")
                    continue
                try:
                    s = ast.literal_eval(expr)
                except (ValueError, SyntaxError):
                    s = None
                if not isinstance(s, str):
                    raise Error("%s: example argument %s is not a C string literal"
                                % (f.name, expr))
                lits.append(_lua_string(s))
            else:
                lits.append(_lua_int(next(vals), p[3]))
        out[f.name] = lits
    return out


def _forward_decls(api):
    """The types the prototypes name, declared incomplete (mapops.lua
    defines the structs the binding fills in)."""
    out = []
    for f in api.functions:
        for t in [f.ret.ctype] + [a.ctype for a in f.args]:
            t = cdef_type(t)
            if "mapops_prog_t" in t:
                d = "typedef struct mapops_prog mapops_prog_t;"
            elif "struct " in t:
                d = "struct %s;" % t.split("struct ", 1)[1].split()[0]
            else:
                continue
            if d not in out:
                out.append(d)
    return out


def _builder(f):
    ps = params(f)
    s = f.short
    lines = ["-- %s  (MAPOPS_%s)" % (f.prototype(), f.since),
             "function methods.%s(%s)" % (s, ", ".join(["self"] + [p[0] for p in ps])),
             "\tlocal p = handles[self]",
             '\tif not p then return not_open(self, "%s") end' % s]
    cargs = ["p"]
    for lua, cname, kind, check in ps:
        if check == "bytes":
            lines += ["\tlocal insns, n = check.bytes(%s)" % lua,
                      '\tif insns == nil then return fail("%s", "%s", n) end' % (s, lua)]
            cargs += ["insns", "n"]
            continue
        lines += ["\tif not (%s) then" % _FAST[check].format(a=lua),
                  "\t\tlocal v, why = check.%s(%s)" % (check, lua),
                  '\t\tif v == nil then return fail("%s", "%s", why) end' % (s, cname),
                  "\t\t%s = v" % lua,
                  "\tend"]
        cargs.append(lua)
    lines += ["\tlocal rc = C.%s(%s)" % (f.name, ", ".join(cargs)),
              "\tif rc < 0 then return lib_fail(p, rc) end",
              "\treturn true",
              "end"]
    return lines


def _list(items):
    items = list(items)
    return "{ %s }" % ", ".join(items) if items else "{}"


def _table_entry(f, ex):
    args = ", ".join('{ kind = "%s", ctype = "%s", name = "%s" }'
                     % (a.kind.name, a.ctype, a.name) for a in f.args)
    args = "{ %s }" % args if args else "{}"
    lines = ["\t{",
             '\t\tid = %d, name = "%s", short = "%s", since = "%s", kernel = "%s",'
             % (f.id, f.name, f.short, f.since, f.kernel),
             '\t\tret = { kind = "%s", ctype = "%s" },' % (f.ret.name, f.ret.ctype),
             "\t\targs = %s," % args]
    if f.builder:
        lines.append("\t\tbuilder = true,")
        lines.append("\t\tparams = %s," % _list(
            '{ name = "%s", kind = "%s", check = "%s" }'
            % (lua if check == "bytes" else cname, kind, check)
            for lua, cname, kind, check in params(f)))
        if f.name in ex:
            lines.append("\t\texample = %s," % _list(ex[f.name]))
    lines.append("\t},")
    return lines


def module(api, version):
    ex = examples(api)
    builders = [f for f in api.functions if f.builder]
    out = ["-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)",
           "-- Generated from lib/mapops.api by tools/api.py (./run.sh regen): do not edit.",
           "--",
           "-- The per-function part of the LuaJIT binding; require \"mapops\" uses it.",
           "-- Requiring it declares every public C function with ffi.cdef and returns:",
           "--   VERSION      the libmapops version this binding belongs to",
           "--   CDEF         the declarations given to ffi.cdef",
           "--   FUNCTIONS    every public function, in header order: id, name, short,",
           "--                since (version node), kernel, ret and args (kind, C type,",
           "--                name); a builder also has builder = true, params (its Lua",
           "--                arguments after the handle: name, kind, check) and example",
           "--                (valid arguments on a program with the label \"top\")",
           "--   CONSTANTS    { name, value, C expression, group }, in description order",
           "--   CONSTANT_HEADERS  the headers those expressions need",
           "--   builders(b)  the Program methods of the builders, made with the",
           "--                binding's handles, errors and checkers (mapops.lua's b)",
           "--",
           "-- The builder methods (C argument order after the handle):"]
    for f in builders:
        out.append("--   %s(%s)" % (f.short, ", ".join(
            p[0] if p[3] == "bytes" else p[1] for p in params(f))))
    out += ["",
            'local ffi = require "ffi"',
            'local bit = require "bit"',
            "",
            "local API = {}",
            "",
            'API.VERSION = "%s"' % version,
            "",
            "API.CDEF = [["]
    out += _forward_decls(api)
    out += ["%s;" % cdecl(f) for f in api.functions]
    out += ["]]",
            "ffi.cdef(API.CDEF)",
            "",
            "API.FUNCTIONS = {"]
    for f in api.functions:
        out += _table_entry(f, ex)
    out += ["}",
            "",
            "API.CONSTANTS = {"]
    values = consts.values(api)
    for c, v in values:
        out.append('\t{ "%s", %d, "%s", "%s" },' % (c.name, v, c.expr, c.group))
    out += ["}",
            "",
            "-- The headers the C expressions of API.CONSTANTS need besides",
            "-- <stddef.h>, <linux/bpf.h> and <mapops/mapops.h>.",
            "API.CONSTANT_HEADERS = { %s }" % ", ".join(
                '"%s"' % h for h in sorted({c.header for c, _ in values if c.header})),
            "",
            "-- b: C (the library), handles (Program -> mapops_prog_t * or false),",
            "-- not_open(self, method) and lib_fail(p, rc) and fail(method, argument,",
            "-- why) (failure triples), check (the checkers by name: each returns the",
            "-- value to pass to C, or nil and the reason), SAFE (2^53 - 1).",
            "function API.builders(b)",
            "\tlocal C, handles, not_open, lib_fail, fail, check, SAFE =",
            "\t\tb.C, b.handles, b.not_open, b.lib_fail, b.fail, b.check, b.SAFE",
            "\tlocal type, tobit, find = type, bit.tobit, string.find",
            "\tlocal methods = {}",
            ""]
    for f in builders:
        out += ["\t" + line if line else "" for line in _builder(f)]
        out.append("")
    out += ["\treturn methods",
            "end",
            "",
            "return API"]
    return "\n".join(out) + "\n"


def files(api, version):
    return {PATH: lambda: module(api, version)}
