# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The shared vectors (tests/vectors/*.json, format in its README.md) run
through the Python binding: one subTest per case.

The directory is $MAPOPS_VECTORS, else ../vectors beside this file.  Files
are read when the test runs, so vector files added later are picked up.
"""
import errno
import glob
import json
import os
import re
import unittest

import mapops
from mapops._api import METHODS, PROTOTYPES, Int

VECTORS = os.environ.get("MAPOPS_VECTORS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir, "vectors")

# The Program methods a vector may call: the generated builder methods
# (mapops._api.METHODS, one per builder of lib/mapops.api with integer and
# text arguments), emit() and bind_map() (mapops_prog_bind_map), written by
# hand; nothing else.
BUILDERS = set(METHODS.values()) | {"emit", "bind_map"}

_INT_TEXT = re.compile(r"^(-?)(0[xX][0-9a-fA-F]+|0|[1-9][0-9]*)$")
ERRNO_NAMES = ("EINVAL", "EBADF", "ENOENT", "EEXIST", "ERANGE", "E2BIG",
               "ENAMETOOLONG")


class VectorError(Exception):
    """The vector file itself is malformed."""


def parse_int_text(text):
    """{"int": TEXT}: decimal or 0x hexadecimal, optionally negative."""
    if not isinstance(text, str):
        raise VectorError("{\"int\": ...} must hold a string, not %r" % (text,))
    m = _INT_TEXT.match(text)
    if not m:
        raise VectorError("%r is not a decimal or 0x hexadecimal integer "
                          "(no sign but '-', no spaces, no leading zeros)"
                          % text)
    digits = m.group(2)
    v = int(digits, 16) if digits[:2] in ("0x", "0X") else int(digits, 10)
    return -v if m.group(1) else v


def as_c_type(value, param):
    """The value "passed as the C parameter's type", as the C runner does:
    a negative value for a __u64 parameter wraps as C's conversion does (-1
    is 2**64-1).  Signed parameters take the value as it is; one out of
    their range reaches the binding, which raises ValueError."""
    if (isinstance(param, Int) and param.lo == 0 and param.hi == 2**64 - 1
            and -2**63 <= value < 0):
        return value + 2**64
    return value


def slots_to_bytes(slots):
    if not isinstance(slots, list):
        raise VectorError("insns must be a list of hex strings")
    out = []
    for s in slots:
        if not isinstance(s, str) or not re.fullmatch(r"[0-9a-fA-F]{16}", s):
            raise VectorError("slot %r is not 16 hex digits" % (s,))
        out.append(bytes.fromhex(s))
    return b"".join(out)


def bytes_to_slots(data):
    return [data[i:i + 8].hex() for i in range(0, len(data), 8)]


class MapRef:
    """{"map_ref": NAME}: prog.map_ref(NAME), taken just before the call."""

    def __init__(self, name):
        self.name = name


def convert_args(name, args):
    """JSON arguments -> Python arguments of Program.<name>()."""
    if name == "emit":
        if len(args) != 1:
            raise VectorError("emit takes one argument, a list of slots")
        return [slots_to_bytes(args[0])]
    cname = "mapops_prog_bind_map" if name == "bind_map" else "mapops_" + name
    params = PROTOTYPES[cname][1][1:]
    if len(args) != len(params):
        raise VectorError("%s takes %d arguments after the program, got %d"
                          % (name, len(params), len(args)))
    out = []
    for k, (a, p) in enumerate(zip(args, params), 1):
        what = "%s argument %d (%s)" % (name, k, p.name)
        if isinstance(a, dict) and "map_ref" in a:
            if p.kind != "map":
                raise VectorError("%s is %r, but only a map operand takes "
                                  "{\"map_ref\": NAME}" % (what, a))
            if set(a) != {"map_ref"} or not isinstance(a["map_ref"], str):
                raise VectorError("%s is %r, not {\"map_ref\": \"NAME\"}"
                                  % (what, a))
            a = MapRef(a["map_ref"])
        elif isinstance(p, Int):
            if isinstance(a, dict):
                if set(a) != {"int"}:
                    raise VectorError("%s is %r, not {\"int\": TEXT}"
                                      % (what, a))
                a = parse_int_text(a["int"])
            elif isinstance(a, bool) or not isinstance(a, int):
                raise VectorError("%s is %r, not an integer or "
                                  "{\"int\": TEXT}" % (what, a))
            a = as_c_type(a, p)
        elif not isinstance(a, str):
            raise VectorError("%s is %r, not a label string" % (what, a))
        out.append(a)
    return out


def errno_value(spec, key):
    """(errno value, message) of an "error" or "resolve_error" object."""
    if not isinstance(spec, dict):
        raise VectorError("%r is not an object" % key)
    if set(spec) - {"errno", "message"}:
        raise VectorError("%r has unknown keys %s"
                          % (key, sorted(set(spec) - {"errno", "message"})))
    name, message = spec.get("errno"), spec.get("message")
    if name not in ERRNO_NAMES:
        raise VectorError("%r.errno %r is not one of the README's names %s"
                          % (key, name, ERRNO_NAMES))
    if not isinstance(message, str):
        raise VectorError("%r.message is missing or not a string" % key)
    return getattr(errno, name), message


def load_cases():
    """[(label, case, problem)] from every *.json in VECTORS, by file name.

    A file that cannot be used gives one entry with its problem, so it fails
    alone and the other files still run."""
    entries = []
    for path in sorted(glob.glob(os.path.join(VECTORS, "*.json"))):
        fname = os.path.basename(path)
        if fname.startswith("."):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            entries.append((fname, None, "cannot be read as JSON: %s" % e))
            continue
        if not isinstance(doc, dict):
            entries.append((fname, None, "the top level is not an object"))
            continue
        if set(doc) - {"description", "cases"}:
            entries.append((fname, None, "unknown top-level keys %s"
                            % sorted(set(doc) - {"description", "cases"})))
            continue
        if not isinstance(doc.get("description"), str) or not doc["description"]:
            entries.append((fname, None, "\"description\" is missing, not a "
                            "string, or empty"))
            continue
        cases = doc.get("cases")
        if not isinstance(cases, list) or not cases:
            entries.append((fname, None, "\"cases\" is missing, not a list, "
                            "or empty"))
            continue
        seen = set()
        for i, case in enumerate(cases):
            name = case.get("name") if isinstance(case, dict) else None
            label = "%s: case %d %r" % (fname, i, name)
            problem = None
            if not isinstance(name, str) or not name:
                problem = "has no \"name\" string"
            elif name in seen:
                problem = "the name is already used in this file"
            seen.add(name)
            entries.append((label, case, problem))
    return entries


CASE_KEYS = {"name", "calls", "insns", "error", "resolve_error"}


def parse_calls(calls):
    """[(name, python args)], every call checked before any runs."""
    if not isinstance(calls, list):
        raise VectorError("\"calls\" is missing or not a list")
    out = []
    for i, call in enumerate(calls):
        if not isinstance(call, list) or not call or not isinstance(call[0], str):
            raise VectorError("calls[%d] is %r, not [\"name\", args...]"
                              % (i, call))
        name = call[0]
        if name not in BUILDERS:
            raise VectorError("calls[%d]: unknown call name %r" % (i, name))
        out.append((name, convert_args(name, call[1:])))
    return out


class VectorTest(unittest.TestCase):
    maxDiff = None

    def call(self, prog, i, name, args):
        args = [self.map_ref(prog, i, a) if isinstance(a, MapRef) else a
                for a in args]
        ret = getattr(prog, name)(*args)
        self.assertIsNone(ret, "calls[%d] (%s) returned %r" % (i, name, ret))

    def map_ref(self, prog, i, ref):
        try:
            return prog.map_ref(ref.name)
        except mapops.Error as e:
            self.fail("calls[%d]: map_ref(%r) failed: %s"
                      % (i, ref.name, e.strerror))

    def assertFailure(self, what, e, want_errno, want_message, prog):
        self.assertEqual(
            e.errno, want_errno, "%s failed with %s, expected %s: %s"
            % (what, errno.errorcode.get(e.errno, e.errno),
               errno.errorcode.get(want_errno), e.strerror))
        self.assertIn(want_message, e.strerror,
                      "%s: the message does not contain the vector's" % what)
        self.assertEqual(e.strerror, prog.error())

    def run_case(self, case):
        if not isinstance(case, dict):
            raise VectorError("the case is not an object")
        if set(case) - CASE_KEYS:
            raise VectorError("unknown keys %s" % sorted(set(case) - CASE_KEYS))
        error = resolve_error = None
        if "error" in case:
            error = errno_value(case["error"], "error")
        if "resolve_error" in case:
            resolve_error = errno_value(case["resolve_error"], "resolve_error")
        if error and resolve_error:
            raise VectorError("has both \"error\" and \"resolve_error\"")
        if resolve_error and "insns" in case:
            raise VectorError("has \"resolve_error\" and \"insns\"")
        if not resolve_error and "insns" not in case:
            raise VectorError("has no \"insns\"")
        want = slots_to_bytes(case["insns"]) if "insns" in case else None
        calls = parse_calls(case.get("calls"))
        if error and not calls:
            raise VectorError("has \"error\" but no call to fail")

        with mapops.Program() as prog:
            upto = len(calls) - 1 if error else len(calls)
            for i, (name, args) in enumerate(calls[:upto]):
                try:
                    self.call(prog, i, name, args)
                except mapops.Error as e:
                    self.fail("calls[%d] (%s) failed with %s: %s"
                              % (i, name, errno.errorcode.get(e.errno),
                                 e.strerror))
            if error:
                i, (name, args) = len(calls) - 1, calls[-1]
                what = "calls[%d] (%s)" % (i, name)
                try:
                    before = prog.insns()
                except mapops.Error as e:
                    self.fail("the program before the failing call does not "
                              "resolve: %s" % e.strerror)
                len0 = len(prog)
                with self.assertRaises(mapops.Error,
                                       msg="%s succeeded" % what) as cm:
                    self.call(prog, i, name, args)
                self.assertFailure(what, cm.exception, *error, prog)
                self.assertEqual(len(prog), len0,
                                 "the failed %s changed the length" % what)
                self.assertEqual(bytes_to_slots(prog.insns()),
                                 bytes_to_slots(before),
                                 "the failed %s changed the program" % what)
            if resolve_error:
                len0 = len(prog)
                with self.assertRaises(mapops.Error,
                                       msg="insns() resolved the program") as cm:
                    prog.insns()
                self.assertFailure("insns()", cm.exception, *resolve_error,
                                   prog)
                self.assertEqual(len(prog), len0)
                return
            got = prog.insns()
            self.assertEqual(len(prog), len(got) // 8)
            self.assertEqual(bytes_to_slots(got), bytes_to_slots(want),
                             "\"insns\" differ")

    def test_vectors(self):
        entries = load_cases()
        print("\ntest_vectors: %d case(s) from %d file(s) in %s"
              % (len(entries), len({e[0].split(":")[0] for e in entries}),
                 VECTORS))
        self.assertGreater(len(entries), 0, "no vector cases in %s" % VECTORS)
        for label, case, problem in entries:
            with self.subTest(case=label):
                if problem:
                    raise VectorError(problem)
                self.run_case(case)


if __name__ == "__main__":
    unittest.main()
