# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""Reads lib/mapops.api (its format is described at its top)."""
import os
import re

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DESCRIPTION = os.path.join(TOP, "lib", "mapops.api")
HEADER = os.path.join(TOP, "include", "mapops", "mapops.h")
MESON = os.path.join(TOP, "meson.build")

CHECKS = ("encoding", "refusal", "kernel", "enomem")


class Error(Exception):
    pass


class Kind:
    def __init__(self, name, ctype, doc):
        self.name, self.ctype, self.doc = name, ctype, doc

    def __repr__(self):
        return "Kind(%s)" % self.name


class Arg:
    def __init__(self, kind, name):
        self.kind, self.name = kind, name

    @property
    def ctype(self):
        return self.kind.ctype

    def cdecl(self):
        """The C declaration, as the header spells it: "int map_fd"."""
        t = self.kind.ctype
        return t + self.name if t.endswith("*") else t + " " + self.name


class Function:
    def __init__(self, id, name, args, ret, since, kernel, line):
        self.id, self.name, self.args, self.ret = id, name, args, ret
        self.since, self.kernel, self.line = since, kernel, line
        self.exempt = {}  # check -> reason
        # A valid call's arguments after the handle, as C expressions
        # ("BPF_MOV", "-8", "\"top\"" for a label bound at slot 0), or None.
        self.example = None

    @property
    def node(self):
        return "MAPOPS_" + self.since

    @property
    def short(self):
        """The name without "mapops_": the bindings' method name."""
        return self.name[len("mapops_"):]

    @property
    def builder(self):
        """Takes the program first and appends to it (a Program method of
        the same short name in the bindings, a call of the vectors)."""
        return (bool(self.args) and self.args[0].kind.name == "prog"
                and not self.name.startswith("mapops_prog_")
                and self.ret.name == "status")

    def prototype(self):
        """The C prototype, normalised: "int mapops_x(int a, int b)"."""
        args = ", ".join(a.cdecl() for a in self.args) or "void"
        r = self.ret.ctype
        sep = "" if r.endswith("*") else " "
        return "%s%s%s(%s)" % (r, sep, self.name, args)

    def __repr__(self):
        return "Function(%d, %s)" % (self.id, self.name)


class Const:
    def __init__(self, name, expr, group, header=None):
        self.name, self.expr, self.group = name, expr, group
        self.header = header  # a header to include besides <linux/bpf.h>


class Api:
    def __init__(self):
        self.kinds = {}
        self.functions = []
        self.consts = []       # Const, in order (enum groups expanded)
        self.enum_consts = []  # (prefix, enum, strip, group), for expand

    def function(self, name):
        for f in self.functions:
            if f.name == name or f.short == name:
                return f
        return None

    @property
    def nodes(self):
        """The version nodes, oldest first."""
        seen = []
        for f in self.functions:
            if f.since not in seen:
                seen.append(f.since)
        return sorted(seen, key=lambda v: tuple(int(x) for x in v.split(".")))


_FN = re.compile(r"^fn\s+(\d+)\s+(mapops_\w+)\(([^)]*)\)\s*->\s*(\w+)\s+since\s+(\d+\.\d+)"
                 r"\s+kernel\s+(\S+)(?:\s+example\s+\((.*)\))?\s*$")


def _split_doc(rest):
    text, _, doc = rest.partition("--")
    return text.strip(), doc.strip()


def load(path=DESCRIPTION):
    api = Api()
    ids, names = {}, {}
    with open(path) as f:
        lines = f.read().splitlines()
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = "%s:%d" % (os.path.relpath(path, TOP), no)
        word = line.split()[0]
        if word == "kind":
            text, doc = _split_doc(line[4:])
            name, _, ctype = text.partition(" ")
            if name in api.kinds:
                raise Error("%s: kind %s defined twice" % (where, name))
            api.kinds[name] = Kind(name, " ".join(ctype.split()), doc)
        elif word == "fn":
            m = _FN.match(line)
            if not m:
                raise Error("%s: not 'fn ID NAME(KIND name, ...) -> KIND since X.Y kernel V'"
                            % where)
            fid, name, argtext, ret, since, kernel, example = m.groups()
            fid = int(fid)
            if fid in ids:
                raise Error("%s: id %d is %s's already" % (where, fid, ids[fid]))
            if name in names:
                raise Error("%s: %s described twice" % (where, name))
            args = []
            if argtext.strip() not in ("", "void"):
                for a in argtext.split(","):
                    parts = a.split()
                    if len(parts) != 2:
                        raise Error("%s: argument %r is not 'KIND name'" % (where, a.strip()))
                    if parts[0] not in api.kinds:
                        raise Error("%s: unknown kind %s" % (where, parts[0]))
                    args.append(Arg(api.kinds[parts[0]], parts[1]))
            if ret not in api.kinds:
                raise Error("%s: unknown result kind %s" % (where, ret))
            ids[fid] = names[name] = name
            f = Function(fid, name, args, api.kinds[ret], since, kernel, no)
            if example is not None:
                f.example = [e.strip() for e in example.split(",")] if example.strip() else []
                want = len([a for a in args[1:] if a.kind.name != "count"])
                if not f.builder or len(f.example) != want:
                    raise Error("%s: an example is the %d arguments of a builder after the handle"
                                % (where, want))
            api.functions.append(f)
        elif word == "const":
            text, group = _split_doc(line[5:])
            name, _, expr = text.partition(" ")
            api.consts.append(Const(name, expr.strip(), group))
        elif word == "consts":
            text, group = _split_doc(line[6:])
            parts = ["" if p == "-" else p for p in text.split()]
            if len(parts) == 4 and parts[1] == "enum":
                api.consts.append(("enum", parts[0], parts[2], parts[3], group))
            elif len(parts) == 2 and parts[1] == "helpers":
                api.consts.append(("helpers", parts[0], group))
            elif len(parts) == 5 and parts[1] == "defines":
                api.consts.append(("defines", parts[0], parts[2], parts[3], parts[4], group))
            else:
                raise Error("%s: not 'consts PREFIX enum NAME STRIP', 'consts PREFIX helpers' "
                            "or 'consts PREFIX defines HEADER MATCH STRIP' (-- group)" % where)
        elif word == "offsets":
            text, group = _split_doc(line[7:])
            parts = text.split()
            if len(parts) != 3 or parts[1] != "struct":
                raise Error("%s: not 'offsets PREFIX struct NAME -- group'" % where)
            api.consts.append(("offsets", parts[0], parts[2], group))
        elif word == "exempt":
            text, reason = _split_doc(line[6:])
            parts = text.split()
            if len(parts) != 2 or parts[1] not in CHECKS or not reason:
                raise Error("%s: not 'exempt NAME CHECK -- reason' (CHECK: %s)"
                            % (where, ", ".join(CHECKS)))
            f = api.function(parts[0])
            if not f:
                raise Error("%s: exempt names no function: %s" % (where, parts[0]))
            f.exempt[parts[1]] = reason
        else:
            raise Error("%s: unknown line %r" % (where, word))
    return api


def project_version(path=MESON):
    """The version in meson.build's project(): the one place it is kept."""
    m = re.search(r"^\s*version:\s*'([^']+)'", open(path).read(), re.M)
    if not m:
        raise Error("no version: in %s" % path)
    return m.group(1)
