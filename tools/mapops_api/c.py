# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""C files generated at build time: the version script and the tables the
C tests and the fuzzer use (tests/api-table.h in the build tree)."""

BANNER = "Generated from lib/mapops.api by tools/api.py: do not edit."


def version_script(api):
    out = ["/* libmapops version script.  %s" % BANNER,
           " * One node per release that added symbols; a node inherits the one",
           " * before it, and a released node never changes. */"]
    prev = None
    for node in api.nodes:
        out.append("MAPOPS_%s {" % node)
        out.append("\tglobal:")
        for f in sorted((f for f in api.functions if f.since == node),
                        key=lambda f: f.name):
            out.append("\t\t%s;" % f.name)
        if prev is None:
            out.append("\tlocal:")
            out.append("\t\t*;")
        out.append("}%s;" % (" MAPOPS_" + prev if prev else ""))
        prev = node
    return "\n".join(out) + "\n"


# How a vector argument reaches C, by the kind's C type.
_FIELD = {"int": "(int)a[%d].i", "__s32": "(__s32)a[%d].i", "__s64": "(__s64)a[%d].i",
          "__u64": "(__u64)a[%d].u", "__u32": "(__u32)a[%d].u", "size_t": "(size_t)a[%d].u",
          "const char *": "a[%d].s"}


def _call_args(f):
    """The C arguments of a builder thunk, and the vector-level kinds:
    an insns argument and the count after it are one vector argument."""
    cargs, kinds, k = [], [], 0
    args = f.args[1:]
    i = 0
    while i < len(args):
        a = args[i]
        if a.kind.name == "insns":
            cargs += ["a[%d].insns" % k, "a[%d].n" % k]
            kinds.append(("insns", "insns"))
            i += 2
        elif a.ctype in _FIELD:
            cargs.append(_FIELD[a.ctype] % k)
            kinds.append((a.kind.name, a.ctype))
            i += 1
        else:
            return None, None  # not callable from a vector
        k += 1
    return cargs, kinds


def _cstr(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def table(api, version):
    out = ["/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */",
           "/* The public API as tables for the C tests and the fuzzer.",
           " * %s */" % BANNER,
           "#ifndef MAPOPS_API_TABLE_H",
           "#define MAPOPS_API_TABLE_H",
           "",
           "#include <stddef.h>",
           "",
           '#define MAPOPS_API_VERSION "%s"' % version,
           '#define MAPOPS_API_NEWEST_NODE "MAPOPS_%s"' % api.nodes[-1],
           "#define MAPOPS_API_MAX_ARGS 8",
           "",
           "/* Every public function: its stable id, name, version node, minimum",
           " * kernel, result kind and C type, and each argument's kind, C type and",
           " * name. */",
           "struct mapops_api_fn {",
           "\tint id;",
           "\tconst char *name;",
           "\tconst char *node;",
           "\tconst char *kernel;",
           "\tconst char *ret_kind;",
           "\tconst char *ret_ctype;",
           "\tint nargs;",
           "\tconst char *kinds[MAPOPS_API_MAX_ARGS];",
           "\tconst char *ctypes[MAPOPS_API_MAX_ARGS];",
           "\tconst char *names[MAPOPS_API_MAX_ARGS];",
           "};",
           "",
           "static const struct mapops_api_fn mapops_api_functions[] = {"]
    for f in api.functions:
        assert len(f.args) <= 8, f.name
        out.append("\t{ %d, %s, %s, %s, %s, %s, %d," % (
            f.id, _cstr(f.name), _cstr(f.node), _cstr(f.kernel), _cstr(f.ret.name),
            _cstr(f.ret.ctype), len(f.args)))
        out.append("\t  { %s }," % ", ".join(_cstr(a.kind.name) for a in f.args or []) if f.args else "\t  { NULL },")
        out.append("\t  { %s }," % ", ".join(_cstr(a.ctype) for a in f.args) if f.args else "\t  { NULL },")
        out.append("\t  { %s } }," % ", ".join(_cstr(a.name) for a in f.args) if f.args else "\t  { NULL } },")
    out += ["};",
            "#define MAPOPS_API_NFUNCTIONS (sizeof(mapops_api_functions) / sizeof(mapops_api_functions[0]))",
            "",
            "#ifdef MAPOPS_API_CALLS",
            "/* The builders (the program first, a status result) as calls from",
            " * generic arguments: by kind, an integer in .i (signed C types) or",
            " * .u (unsigned), a text in .s, instructions in .insns with their",
            " * count in .n.  Needs <mapops/mapops.h> and the library. */",
            "struct mapops_api_arg {",
            "\tlong long i;",
            "\tunsigned long long u;",
            "\tconst char *s;",
            "\tconst struct bpf_insn *insns;",
            "\tsize_t n;",
            "};",
            "",
            "typedef int (*mapops_api_call_fn)(mapops_prog_t *, const struct mapops_api_arg *);",
            ""]
    calls = []
    for f in api.functions:
        if not f.builder:
            continue
        cargs, kinds = _call_args(f)
        if cargs is None:
            continue
        out.append("static inline int mapops_api_call_%s(mapops_prog_t *p, const struct mapops_api_arg *a)"
                   % f.short)
        out.append("{")
        if not cargs:
            out.append("\t(void)a;")
        out.append("\treturn %s(p%s);" % (f.name, "".join(", " + c for c in cargs)))
        out.append("}")
        out.append("")
        calls.append((f, kinds))
    out += ["/* Every builder under its short name (the vectors' and bindings'). */",
            "struct mapops_api_call {",
            "\tint id;",
            "\tconst char *name;",
            "\tmapops_api_call_fn call;",
            "\tint nargs;",
            "\tconst char *kinds[MAPOPS_API_MAX_ARGS];",
            "\tconst char *ctypes[MAPOPS_API_MAX_ARGS]; /* \"insns\": slots and count */",
            "};",
            "",
            "static const struct mapops_api_call mapops_api_calls[] = {"]
    for f, kinds in calls:
        out.append("\t{ %d, %s, mapops_api_call_%s, %d, { %s }, { %s } }," % (
            f.id, _cstr(f.short), f.short, len(kinds),
            ", ".join(_cstr(k) for k, _ in kinds) if kinds else "NULL",
            ", ".join(_cstr(c) for _, c in kinds) if kinds else "NULL"))
    out += ["};",
            "#define MAPOPS_API_NCALLS (sizeof(mapops_api_calls) / sizeof(mapops_api_calls[0]))",
            "#endif /* MAPOPS_API_CALLS */",
            "",
            "#endif"]
    return "\n".join(out) + "\n"
