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


def expand(api):
    """The const lines with each consts line's enumerators in its place."""
    out = []
    for c in api.consts:
        if isinstance(c, Const):
            out.append(c)
            continue
        _, prefix, enum, strip, group = c
        for name in _enumerators(enum):
            short = name[len(strip):] if name.startswith(strip) else name
            out.append(Const(prefix + short, name, group))
    return out


def values(api, cc=None):
    """[(Const, int)] in description order."""
    consts = expand(api)
    src = ["#include <stdio.h>", "#include <linux/bpf.h>",
           '#include "mapops/mapops.h"', "int main(void)", "{"]
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
