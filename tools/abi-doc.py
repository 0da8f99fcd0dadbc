#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Regenerates the generated tables of ABI.md from a build, or checks them.

    tools/abi-doc.py --build build --write          # rewrite ABI.md's tables
    tools/abi-doc.py --build build --check          # exit 1 with a diff if stale

The tables sit between marker comments in ABI.md:

    <!-- BEGIN GENERATED SYMBOLS ... -->  ...  <!-- END GENERATED SYMBOLS -->
    <!-- BEGIN GENERATED TYPES ... -->    ...  <!-- END GENERATED TYPES -->

Everything outside the markers is prose and is left alone.  The symbols
come from `readelf --dyn-syms -W` on the built libmapops.so.1; the sizes and
offsets from the build's tests/abi-layout helper, which prints what the
compiler really laid out.  The list of public types and of the fields of
each public struct comes from include/mapops/mapops.h and is checked against
the helper's, so a new type or field cannot be missing from the document.

The layout is documented for x86_64: on another machine --check exits 77
(meson's SKIP) and --write refuses.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = 77

# Names from the C library and the kernel that may appear in the header.
# libbpf's types the header names, only behind pointers.
LIBBPF_TYPES = ("struct bpf_prog_load_opts",)

LIBC_TYPES = ("size_t", "ssize_t", "FILE", "bool", "int8_t", "int16_t",
              "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t",
              "uint64_t")


class Error(Exception):
    pass


def run(cmd):
    try:
        return subprocess.run(cmd, check=True, capture_output=True,
                              text=True).stdout
    except FileNotFoundError:
        raise Error("cannot run %s" % cmd[0])
    except subprocess.CalledProcessError as e:
        raise Error("%s failed (exit %d):\n%s" % (" ".join(cmd), e.returncode,
                                                   e.stderr.strip()))


# ---------------------------------------------------------------------------
# What the build says
# ---------------------------------------------------------------------------

def machine(readelf, lib):
    m = re.search(r"^\s*Machine:\s*(.+)$", run([readelf, "-h", "-W", lib]), re.M)
    return m.group(1).strip() if m else "unknown"


def exported_symbols(readelf, lib):
    """[(name, version node, FUNC|OBJECT)] of the defined dynamic symbols."""
    syms = []
    for line in run([readelf, "--dyn-syms", "-W", lib]).splitlines():
        f = line.split()
        if len(f) < 8 or f[6] in ("UND", "ABS") or f[4] == "LOCAL":
            continue
        if f[3] not in ("FUNC", "OBJECT"):
            continue
        name, _, version = f[7].partition("@")
        syms.append((name, version.lstrip("@"), f[3]))
    if not syms:
        raise Error("%s exports no symbols" % lib)
    return syms


def layout(helper):
    """{type: (size, align)}, {struct: [(field, offset, size)]}."""
    types, fields = {}, {}
    for line in run([helper]).splitlines():
        rec = line.split("\t")
        if rec[0] == "type" and len(rec) == 4:
            types[rec[1]] = (int(rec[2]), int(rec[3]))
        elif rec[0] == "field" and len(rec) == 5:
            fields.setdefault(rec[1], []).append((rec[2], int(rec[3]), int(rec[4])))
        else:
            raise Error("%s: unexpected line %r" % (helper, line))
    return types, fields


# ---------------------------------------------------------------------------
# What the header says
# ---------------------------------------------------------------------------

def header_code(path):
    text = open(path).read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"\\\n", " ", text)                  # macro continuations
    return re.sub(r"^\s*#[^\n]*", " ", text, flags=re.M)  # directives


def header_types(path):
    """The public types the header names.

    Returns (structs, opaque, foreign): structs maps each struct the header
    defines to its [(field, C type)], opaque maps each typedef of an
    undefined struct to that struct, foreign lists the other types it uses.
    """
    code = header_code(path)
    structs = {}
    for m in re.finditer(r"\bstruct\s+(\w+)\s*\{(.*?)\}\s*;", code, re.S):
        members = []
        for decl in m.group(2).split(";"):
            decl = " ".join(decl.split())
            if not decl:
                continue
            d = re.match(r"^(.*?)\s*\b(\w+)\s*(\[[^]]*\])?$", decl)
            if not d or "," in decl or "(" in decl:
                raise Error("%s: cannot read the member %r of struct %s"
                            % (path, decl, m.group(1)))
            ctype = d.group(1).replace(" *", "*").replace("*", " *").strip()
            members.append((d.group(2), ctype + (d.group(3) or "")))
        structs["struct " + m.group(1)] = members
    opaque = {}
    for m in re.finditer(r"\btypedef\s+struct\s+(\w+)\s+(\w+)\s*;", code):
        if "struct " + m.group(1) not in structs:
            opaque[m.group(2)] = "struct " + m.group(1)
    foreign = set()
    for m in re.finditer(r"\b(struct|enum)\s+(\w+)", code):
        name = m.group(1) + " " + m.group(2)
        if name not in structs and name not in opaque.values():
            foreign.add(name)
    foreign.update(re.findall(r"\b(__[su](?:8|16|32|64))\b", code))
    foreign.update(t for t in LIBC_TYPES if re.search(r"\b%s\b" % t, code))
    return structs, opaque, sorted(foreign)


# ---------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------

def version_key(node):
    m = re.match(r"^MAPOPS_(\d+)\.(\d+)$", node)
    return (int(m.group(1)), int(m.group(2))) if m else (1 << 30, 0)


def symbols_table(syms):
    nodes = sorted({v for _, v, _ in syms}, key=version_key)
    out = ["%d symbols in %d version node%s (%s)."
           % (len(syms), len(nodes), "" if len(nodes) == 1 else "s",
              ", ".join("`%s`" % n for n in nodes)),
           "",
           "| symbol | version node | kind |",
           "|---|---|---|"]
    for name, node, kind in sorted(syms, key=lambda s: (version_key(s[1]), s[0])):
        out.append("| `%s` | `%s` | %s |" % (name, node or "(none)",
                                              "function" if kind == "FUNC" else "variable"))
    return out


def origin(name):
    if name in LIBC_TYPES:
        return "the C library"
    if name.startswith("__"):
        return "the kernel, `<linux/types.h>`"
    return "the kernel, `<linux/bpf.h>`"


def types_table(header, types, fields):
    structs, opaque, foreign = header_types(header)
    errors = []
    for s, members in structs.items():
        if s not in types:
            errors.append("tests/abi-layout.c does not describe %s" % s)
            continue
        got = [f for f, _, _ in fields.get(s, [])]
        want = [f for f, _ in members]
        if got != want:
            errors.append("%s: the header's fields are %s, tests/abi-layout.c lists %s"
                          % (s, want, got))
    for t in foreign:
        # Passed by pointer only, and sized by their own owners: FILE, and
        # libbpf's options struct (whose sz field carries its version).
        if t not in types and t not in ("FILE",) + LIBBPF_TYPES:
            errors.append("tests/abi-layout.c does not describe %s (used in the header)" % t)
    stale = set(types) - set(structs) - set(foreign)
    if stale:
        errors.append("tests/abi-layout.c describes %s, which the header does not use"
                      % sorted(stale))
    if errors:
        raise Error("\n".join(errors))

    out = ["| type | size | align | defined by |", "|---|---|---|---|"]
    for t, s in sorted(opaque.items()):
        out.append("| `%s` (`%s`) | opaque | opaque | libmapops; only pointers cross the ABI |"
                   % (t, s))
    for s in sorted(structs):
        out.append("| `%s` | %d | %d | libmapops; sz-versioned, fields below |"
                   % ((s,) + types[s]))
    for t in foreign:
        if t == "FILE":
            out.append("| `FILE` | opaque | opaque | the C library; only pointers cross the ABI |")
        elif t in LIBBPF_TYPES:
            out.append("| `%s` | libbpf's | libbpf's | libbpf, `<bpf/bpf.h>`; only pointers cross the ABI, its own `sz` versions it |" % t)
        else:
            out.append("| `%s` | %d | %d | %s |" % ((t,) + types[t] + (origin(t),)))
    for s in sorted(structs):
        ctype = dict(structs[s])
        out += ["", "`%s`, %d bytes:" % (s, types[s][0]), "",
                "| offset | size | field | C type |", "|---|---|---|---|"]
        for f, off, size in fields[s]:
            out.append("| %d | %d | `%s` | `%s` |" % (off, size, f, ctype[f]))
    return out


def render(doc, tables):
    for key, lines in tables.items():
        pat = re.compile(r"(<!-- BEGIN GENERATED %s\b[^\n]*-->\n)(.*?)(<!-- END GENERATED %s -->)"
                         % (key, key), re.S)
        if not pat.search(doc):
            raise Error("ABI.md has no <!-- BEGIN GENERATED %s --> ... "
                        "<!-- END GENERATED %s --> markers" % (key, key))
        body = "\n".join(lines) + "\n"
        doc = pat.sub(lambda m: m.group(1) + body + m.group(3), doc, count=1)
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default="build", help="the meson build dir (default: build)")
    ap.add_argument("--library", help="default: BUILD/lib/libmapops.so.1")
    ap.add_argument("--layout", help="the abi-layout helper (default: BUILD/tests/abi-layout)")
    ap.add_argument("--header", default=os.path.join(TOP, "include/mapops/mapops.h"))
    ap.add_argument("--readelf", default="readelf")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", nargs="?", const=os.path.join(TOP, "ABI.md"),
                      metavar="ABI.md", help="rewrite the tables of this file")
    mode.add_argument("--check", nargs="?", const=os.path.join(TOP, "ABI.md"),
                      metavar="ABI.md", help="exit 1, with a diff, if the tables are stale")
    a = ap.parse_args()
    lib = a.library or os.path.join(a.build, "lib", "libmapops.so.1")
    helper = a.layout or os.path.join(a.build, "tests", "abi-layout")
    path = a.write or a.check

    try:
        arch = machine(a.readelf, lib)
        if "X86-64" not in arch:
            msg = "the tables document x86_64 and %s is built for %s" % (lib, arch)
            if a.check:
                print("SKIP:", msg)
                return SKIP
            raise Error(msg)
        types, fields = layout(helper)
        tables = {"SYMBOLS": symbols_table(exported_symbols(a.readelf, lib)),
                  "TYPES": types_table(a.header, types, fields)}
        old = open(path).read()
        new = render(old, tables)
    except (Error, OSError) as e:
        print("abi-doc: %s" % e, file=sys.stderr)
        return 1

    if a.write:
        if new != old:
            with open(path, "w") as f:
                f.write(new)
            print("abi-doc: updated %s" % path)
        else:
            print("abi-doc: %s is up to date" % path)
        return 0
    if new != old:
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(True), new.splitlines(True),
            "%s (committed)" % path, "%s (from %s)" % (path, lib)))
        print("\nFAIL: the generated tables of %s do not match the built library;\n"
              "if the change is intended, run: tools/abi-doc.py --build %s --write"
              % (path, a.build))
        return 1
    print("abi-doc: %s matches %s" % (path, lib))
    return 0


if __name__ == "__main__":
    sys.exit(main())
