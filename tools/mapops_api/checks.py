# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Checks of the tree against the description: the header declares exactly
the described functions with the described prototypes and minimum kernels,
and every function is covered by the suites (or exempt, with a reason)."""
import glob
import json
import os
import re

from .model import HEADER, TOP

_DECL = re.compile(r"/\*\*((?:(?!\*/).)*)\*/\s*MAPOPS_API\s+([^;]*?\b(mapops_\w+)\s*\([^;]*\))\s*;",
                   re.S)
_ANY_DECL = re.compile(r"MAPOPS_API\b[^;(]*?\b(mapops_\w+)\s*\(", re.S)


def _norm(decl):
    d = " ".join(decl.split())
    return d.replace("( ", "(").replace(" )", ")")


def header(api, path=HEADER):
    """Problems of the header against the description, as messages."""
    text = open(path).read()
    errors = []
    found = {}
    for m in _DECL.finditer(text):
        comment, decl, name = m.groups()
        found[name] = (_norm(decl), comment)
    for name in _ANY_DECL.findall(text):
        if name not in found:
            errors.append("%s: %s has no /** */ comment right before it" % (path, name))
            found[name] = (None, "")
    described = {f.name: f for f in api.functions}
    for name in sorted(set(found) - set(described)):
        errors.append("%s is declared in the header but not described in lib/mapops.api"
                      % name)
    for name in sorted(set(described) - set(found)):
        errors.append("%s is described in lib/mapops.api but not declared in the header"
                      % name)
    for name, f in described.items():
        if name not in found or found[name][0] is None:
            continue
        decl, comment = found[name]
        if decl != f.prototype():
            errors.append("%s: the header declares\n    %s\n  the description says\n    %s"
                          % (name, decl, f.prototype()))
        want = "none" if f.kernel == "-" else f.kernel
        m = re.search(r"Minimum kernel:\s*(\S+?)\.?(?:\s|$)", comment)
        if not m:
            errors.append("%s: its header comment has no 'Minimum kernel: %s.' line"
                          % (name, want))
        elif m.group(1) != want:
            errors.append("%s: its header comment says 'Minimum kernel: %s', the description %s"
                          % (name, m.group(1), want))
    return errors


def _vector_calls():
    """{short name: (encodings, refusals)} over tests/vectors/*.json."""
    seen = {}
    for path in sorted(glob.glob(os.path.join(TOP, "tests", "vectors", "*.json"))):
        data = json.load(open(path))
        for case in data.get("cases", []):
            calls = [c[0] for c in case.get("calls", [])]
            refused = "error" in case
            for i, name in enumerate(calls):
                enc, ref = seen.get(name, (0, 0))
                if refused and i == len(calls) - 1:
                    ref += 1
                elif not (refused and i == len(calls) - 1):
                    enc += 1
                seen[name] = (enc, ref)
    return seen


def _files_naming(patterns):
    texts = {}
    for p in patterns:
        for path in glob.glob(os.path.join(TOP, p)):
            texts[os.path.relpath(path, TOP)] = open(path, errors="replace").read()
    return texts


# Where each check looks.
KERNEL_SUITES = ["tests/test-kernel-*.c", "tests/test-load*.c", "tests/test-threads.c"]
ENOMEM_SUITES = ["tests/test-enomem*.c"]
UNIT_SUITES = ["tests/test-*.c"]


def coverage(api):
    """Functions without an encoding vector, refusal vector, kernel test or
    allocation-failure case, and exemptions that are no longer needed."""
    errors = []
    vec = _vector_calls()
    kernel = _files_naming(KERNEL_SUITES)
    enomem = _files_naming(ENOMEM_SUITES)
    unit = _files_naming(UNIT_SUITES)

    def named(texts, f):
        pat = re.compile(r"\b%s\s*\(" % re.escape(f.name))
        return any(pat.search(t) for t in texts.values())

    for f in api.functions:
        if (f.builder and f.example is None
                and not any(a.kind.name == "insns" for a in f.args)):
            errors.append("%s: a builder needs an example (ARGS) in lib/mapops.api" % f.name)
        has = {}
        if f.builder:
            enc, ref = vec.get(f.short, (0, 0))
            has["encoding"] = enc > 0
            has["refusal"] = ref > 0
        else:
            # Not callable from a vector: a unit suite must call it.
            has["encoding"] = has["refusal"] = named(unit, f)
        has["kernel"] = f.kernel == "-" or named(kernel, f)
        # tests/test-enomem.c runs every builder's example call with each
        # of its allocations failing; other functions it must name.
        has["enomem"] = f.example is not None or named(enomem, f)
        where = {"encoding": "no encoding vector in tests/vectors/*.json" if f.builder
                 else "no unit suite (tests/test-*.c) calls it",
                 "refusal": "no refusal vector (a case whose failing last call is it)"
                 if f.builder else "no unit suite (tests/test-*.c) calls it",
                 "kernel": "no kernel suite (%s) calls it" % ", ".join(KERNEL_SUITES),
                 "enomem": "no allocation-failure case (%s) calls it" % ", ".join(ENOMEM_SUITES)}
        for check, ok in has.items():
            if not ok and check not in f.exempt:
                errors.append("%s: %s" % (f.name, where[check]))
            elif ok and check in f.exempt:
                errors.append("%s: exempt from the %s check, but it is covered: remove "
                              "the exempt line from lib/mapops.api" % (f.name, check))
    return errors
