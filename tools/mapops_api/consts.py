# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The bindings' constants: the values of the description's const lines,
computed by the C compiler from <linux/bpf.h> and <mapops/mapops.h>."""
import os
import re
import subprocess
import tempfile

from .model import TOP, Const, Error

BPF_H = "/usr/include/linux/bpf.h"


def _enumerators(enum):
    text = open(BPF_H).read()
    m = re.search(r"\benum\s+%s\s*\{(.*?)\}" % re.escape(enum), text, re.S)
    if not m:
        raise Error("enum %s is not in %s" % (enum, BPF_H))
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    names = re.findall(r"^\s*([A-Za-z_]\w*)\s*(?:=[^,]*)?,?", body, re.M)
    return [n for n in names if not n.startswith("__")]


def _helpers():
    """The helper names of __BPF_FUNC_MAPPER, as the kernel lists them."""
    text = open(BPF_H).read()
    m = re.search(r"#define __BPF_FUNC_MAPPER\(FN\)(.*?)\n\s*\n", text, re.S)
    if not m:
        raise Error("no __BPF_FUNC_MAPPER in %s" % BPF_H)
    return [n for n in re.findall(r"FN\((\w+)", m.group(1)) if n != "unspec"]


def _defines(header, prefix):
    """The object-like #defines of header whose names start with prefix."""
    path = os.path.join("/usr/include", header)
    names = re.findall(r"^#define\s+(%s\w*)\s+\S" % re.escape(prefix), open(path).read(), re.M)
    return [n for n in names if not n.startswith("__")]


def _fields(struct):
    """The top-level fields of struct NAME in <linux/bpf.h>."""
    text = open(BPF_H).read()
    m = re.search(r"^struct\s+%s\s*\{\n(.*?)^\};" % re.escape(struct), text, re.S | re.M)
    if not m:
        raise Error("struct %s is not in %s" % (struct, BPF_H))
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    names, depth = [], 0
    for line in body.splitlines():
        s = line.strip()
        if depth == 0:
            f = re.match(r"__bpf_md_ptr\([^,]+,\s*(\w+)\)\s*;", s) or \
                re.match(r"(?:__[us]\d+|__be\d+|__aligned_u64)\s+(\w+)\s*(?:\[\d*\])?\s*;", s)
            if f:
                names.append(f.group(1))
            elif re.match(r"(?:union|struct)\s*\{", s):
                depth += 1
                continue
        else:
            depth += s.count("{") - s.count("}")
            if depth == 1:
                # A member of an anonymous union: offsetof reaches it.
                f = re.match(r"(?:__[us]\d+|__be\d+|__aligned_u64)\s+(\w+)\s*(?:\[\d*\])?\s*;", s) or \
                    re.match(r"__bpf_md_ptr\([^,]+,\s*(\w+)\)\s*;", s)
                if f:
                    names.append(f.group(1))
    return names


def expand(api):
    """The const lines, with each consts/offsets line's names in its place."""
    out = []
    for c in api.consts:
        if isinstance(c, Const):
            out.append(c)
            continue
        kind = c[0]
        if kind == "enum":
            _, prefix, enum, strip, group = c
            for name in _enumerators(enum):
                short = name[len(strip):] if name.startswith(strip) else name
                out.append(Const(prefix + short, name, group))
        elif kind == "helpers":
            _, prefix, group = c
            for name in _helpers():
                out.append(Const(prefix + name.upper(), "BPF_FUNC_" + name, group))
        elif kind == "defines":
            _, prefix, header, match, strip, group = c
            for name in _defines(header, match):
                short = name[len(strip):] if name.startswith(strip) else name
                out.append(Const(prefix + short, name, group, header))
        elif kind == "offsets":
            _, prefix, struct, group = c
            for field in _fields(struct):
                out.append(Const(prefix + field.upper(),
                                 "offsetof(struct %s, %s)" % (struct, field), group))
    seen = {}
    for c in out:
        if c.name in seen:
            raise Error("constant %s comes from both %s and %s" % (c.name, seen[c.name], c.expr))
        seen[c.name] = c.expr
    return out


def values(api, cc=None):
    """[(Const, int)] in description order."""
    consts = expand(api)
    headers = sorted({c.header for c in consts if c.header})
    src = ["#include <stddef.h>", "#include <stdio.h>", "#include <linux/bpf.h>"]
    src += ["#include <%s>" % h for h in headers]
    src += ['#include "mapops/mapops.h"', "int main(void)", "{"]
    for c in consts:
        src.append('\tprintf("%%lld\\n", (long long)(%s));' % c.expr)
    src += ["\treturn 0;", "}"]
    cc = cc or os.environ.get("CC", "cc")
    with tempfile.TemporaryDirectory() as d:
        c_file = os.path.join(d, "consts.c")
        exe = os.path.join(d, "consts")
        with open(c_file, "w") as f:
            f.write("\n".join(src) + "\n")
        r = subprocess.run([cc, "-I", os.path.join(TOP, "include"), c_file, "-o", exe],
                           capture_output=True, text=True)
        if r.returncode:
            raise Error("computing the constants failed:\n" + r.stderr)
        out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    nums = [int(x) for x in out.split()]
    return list(zip(consts, nums))
