# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The binding against the C headers: the prototype table against
<mapops/mapops.h>, the method names and argument names against the C
functions, the constants and struct layouts against a C compiler's view of
<linux/bpf.h> and <mapops/mapops.h>, and the documentation.
"""
import ctypes
import inspect
import os
import pydoc
import re
import shutil
import subprocess
import tempfile
import unittest

import mapops
from mapops import _api, _lib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                     os.pardir, os.pardir))
HEADER = os.path.join(ROOT, "include", "mapops", "mapops.h")


def header_prototypes():
    """{name: (return type, [(param type, param name), ...])} from the
    MAPOPS_API declarations of mapops.h."""
    with open(HEADER, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    protos = {}
    for m in re.finditer(r"MAPOPS_API\s+([^;(]*?)\b(mapops_\w+)\s*\(([^)]*)\)\s*;",
                         text):
        ret = " ".join(m.group(1).replace("*", " * ").split())
        params = []
        for p in m.group(3).split(","):
            p = " ".join(p.replace("*", " * ").split())
            if p == "void":
                continue
            ptype, pname = p.rsplit(" ", 1)
            params.append((ptype, pname))
        protos[m.group(2)] = (ret, params)
    return protos


RESTYPES = {
    "mapops_prog_t *": _lib.PROG_P,
    "void": None,
    "size_t": ctypes.c_size_t,
    "const struct bpf_insn *": ctypes.POINTER(_lib.bpf_insn),
    "const char *": ctypes.c_char_p,
    "int": ctypes.c_int,
}


@unittest.skipUnless(os.path.exists(HEADER), "no %s" % HEADER)
class PrototypeTest(unittest.TestCase):
    def test_table_matches_header(self):
        protos = header_prototypes()
        self.assertGreater(len(protos), 30)
        self.assertEqual(set(_api.PROTOTYPES), set(protos))
        for name, (ret, params) in protos.items():
            with self.subTest(function=name):
                restype, table = _api.PROTOTYPES[name]
                self.assertIs(restype, RESTYPES[ret], ret)
                self.assertEqual([p.name for p in table],
                                 [n for _, n in params])
                for p, (ctype, _) in zip(table, params):
                    if isinstance(p, _lib.Int):
                        self.assertEqual(p.cdecl, ctype, p.name)
                    elif isinstance(p, _lib.Text):
                        self.assertEqual(ctype, "const char *", p.name)
                    else:
                        self.assertTrue(ctype.endswith("*"), p.name)

    def test_functions_declared(self):
        for name, (restype, params) in _api.PROTOTYPES.items():
            with self.subTest(function=name):
                f = getattr(_api.C, name)
                self.assertEqual(tuple(f.argtypes),
                                 tuple(p.ctype for p in params))
                self.assertIs(f.restype, restype)

    def test_direct_functions(self):
        # What the generated methods call: the same C functions, without
        # argtypes (they convert their arguments themselves), for exactly
        # the builders that have a generated method.
        self.assertEqual(set(_api.METHODS),
                         {n for n in _api.BUILDER_FUNCTIONS
                          if all(isinstance(p, (_lib.Int, _lib.Text))
                                 for p in _api.PROTOTYPES[n][1][1:])})
        for name, method in _api.METHODS.items():
            with self.subTest(function=name):
                f = getattr(_api.DIRECT, name)
                self.assertIsNone(f.argtypes)
                self.assertIs(f.restype, _api.PROTOTYPES[name][0])
                self.assertIsNot(f, getattr(_api.C, name))
                self.assertEqual(method, name[len("mapops_"):])
                self.assertIs(getattr(mapops.Program, method),
                              getattr(_api.Builders, method))

    def test_params_have_kinds(self):
        # Every parameter knows its kind in lib/mapops.api; an integer's
        # range is its C type's.
        bits = {"int": (32, True), "__s32": (32, True), "__u32": (32, False),
                "__u64": (64, False), "__s64": (64, True),
                "size_t": (64, False), "enum bpf_prog_type": (32, False)}
        for name, (_, params) in _api.PROTOTYPES.items():
            for p in params:
                with self.subTest(function=name, param=p.name):
                    self.assertTrue(p.kind)
                    if isinstance(p, _lib.Int):
                        n, signed = bits[p.cdecl]
                        self.assertEqual((p.lo, p.hi),
                                         (-2**(n - 1), 2**(n - 1) - 1) if signed
                                         else (0, 2**n - 1))

    # The Python side of every C function that is not a builder method of
    # the same name: (object, attribute, the Python parameter names).  A new
    # C function fails test_every_function_wrapped until it is listed here
    # or is a builder.
    NOT_BUILDERS = {
        "mapops_prog_new": (mapops, "Program", None),
        "mapops_prog_free": (mapops.Program, "close", []),
        "mapops_prog_len": (mapops.Program, "__len__", []),
        "mapops_prog_insns": (mapops.Program, "insns", []),
        "mapops_prog_error": (mapops.Program, "error", []),
        "mapops_prog_load": (mapops.Program, "load", None),
        "mapops_prog_set_tag": (mapops.Program, "set_tag", ["tag"]),
        "mapops_prog_insn_origin": (mapops.Program, "insn_origin", ["slot"]),
        "mapops_prog_dump": (mapops.Program, "dump", ["out"]),
        "mapops_prog_dump_text": (mapops.Program, "dump", ["out"]),
        "mapops_emit": (mapops.Program, "emit", ["insns"]),
        "mapops_insn_snprint": (mapops, "insn_snprint", ["insns", "slot"]),
        "mapops_map_reg": (mapops, "map_reg", ["reg"]),
        "mapops_map_ref": (mapops.Program, "map_ref", ["name"]),
        "mapops_prog_bind_map": (mapops.Program, "bind_map", ["name", "map_fd"]),
        "mapops_prog_allow_v4": (mapops.Program, "allow_v4", ["allow"]),
        "mapops_prog_func_info": (mapops.Program, "func_info", ["opts"]),
    }

    def test_every_function_wrapped(self):
        for name, (_, params) in header_prototypes().items():
            with self.subTest(function=name):
                if name in self.NOT_BUILDERS:
                    obj, attr, want = self.NOT_BUILDERS[name]
                    f = getattr(obj, attr)
                    if want is None:
                        continue
                    got = list(inspect.signature(f).parameters)
                    if obj is mapops.Program:
                        got = got[1:]
                    self.assertEqual(got, want)
                    continue
                self.assertIn(name, _api.METHODS)
                self.assertEqual(params[0][1], "prog")
                sig = inspect.signature(getattr(mapops.Program,
                                                name[len("mapops_"):]))
                self.assertEqual(list(sig.parameters)[1:],
                                 [n for _, n in params][1:])

def compiler():
    return shutil.which("cc") or shutil.which("gcc")


def c_expr(name):
    """The C spelling of a mapops constant (from the generated table)."""
    return dict(_api.CONSTANTS)[name]


@unittest.skipUnless(compiler() and os.path.exists(HEADER),
                     "needs a C compiler and the mapops headers")
class CompilerTest(unittest.TestCase):
    """Values and layouts printed by a C program compiled against the headers."""

    @classmethod
    def setUpClass(cls):
        lines = ["#include <stdio.h>", "#include <stddef.h>"]
        lines += ["#include <%s>" % h for h in _api.CONSTANT_HEADERS]
        lines += ["#include <mapops/mapops.h>", "int main(void) {"]
        cls.constants = [n for n in mapops.__all__
                         if isinstance(getattr(mapops, n), int)
                         and n != "LOAD_LOG_SIZE"]
        for n in cls.constants:
            lines.append('printf("%s %%lld\\n", (long long)(%s));' % (n, c_expr(n)))
        lines.append('printf("sizeof:mapops_load_opts %zu\\n", sizeof(struct mapops_load_opts));')
        for fname, _ in _lib.mapops_load_opts._fields_:
            lines.append('printf("offsetof:mapops_load_opts.%s %%zu\\n", '
                         'offsetof(struct mapops_load_opts, %s));' % (fname, fname))
        lines.append('printf("sizeof:bpf_insn %zu\\n", sizeof(struct bpf_insn));')
        lines += ["return 0;", "}"]
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "probe.c")
            exe = os.path.join(tmp, "probe")
            with open(src, "w") as f:
                f.write("\n".join(lines) + "\n")
            subprocess.run([compiler(), "-I", os.path.join(ROOT, "include"),
                            "-o", exe, src], check=True)
            out = subprocess.run([exe], check=True, capture_output=True,
                                 text=True).stdout
        cls.values = dict(line.split(" ", 1) for line in out.splitlines())

    def test_constants(self):
        for n in self.constants:
            with self.subTest(constant=n):
                self.assertEqual(getattr(mapops, n), int(self.values[n]))

    def test_load_opts_layout(self):
        S = _lib.mapops_load_opts
        self.assertEqual(ctypes.sizeof(S),
                         int(self.values["sizeof:mapops_load_opts"]))
        for fname, _ in S._fields_:
            with self.subTest(field=fname):
                self.assertEqual(getattr(S, fname).offset,
                                 int(self.values["offsetof:mapops_load_opts." + fname]))

    def test_insn_layout(self):
        self.assertEqual(ctypes.sizeof(mapops.Insn),
                         int(self.values["sizeof:bpf_insn"]))
        insn = mapops.Insn(code=0xbf, dst_reg=1, src_reg=10, off=-2, imm=-3)
        self.assertEqual(bytes(insn).hex(), "bfa1feff" "fdffffff")
        with mapops.Program() as p:  # what the library encodes the same way
            p.emit(bytes(insn))
            self.assertEqual(p.insns(), bytes(insn))
            p.alu64_reg(mapops.MOV, 1, 10)
            self.assertEqual(mapops.Insn.from_buffer_copy(p.insns(), 8).src_reg, 10)


class DocTest(unittest.TestCase):
    def test_help_reads_well(self):
        text = pydoc.render_doc(mapops.Program, renderer=pydoc.plaintext)
        for name, member in vars(mapops.Program).items():
            if callable(member) and not name.startswith("_"):
                with self.subTest(method=name):
                    self.assertTrue(member.__doc__, "%s has no docstring" % name)
                    self.assertIn(name + "(self", text)
                    sig = inspect.signature(member)
                    for p in list(sig.parameters.values())[1:]:
                        self.assertIsNot(p.annotation, inspect.Parameter.empty,
                                         "%s(%s) has no type hint" % (name, p.name))
        self.assertTrue(mapops.__doc__)
        self.assertTrue(mapops.Error.__doc__)

    def test_error_is_oserror(self):
        e = mapops.Error(22, "mapops_x: bad")
        self.assertIsInstance(e, OSError)
        self.assertEqual((e.errno, e.strerror, e.message), (22, "mapops_x: bad",
                                                            "mapops_x: bad"))
        self.assertIn("mapops_x: bad", str(e))


if __name__ == "__main__":
    unittest.main()
