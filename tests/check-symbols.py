#!/usr/bin/env python3
"""The export check: the header's MAPOPS_API declarations, the version
script's global entries and the library's dynamic symbols must be one set,
and every exported symbol must carry a MAPOPS_ version.

With the project version as a fifth argument it also checks the version
nodes (ABI.md): they are MAPOPS_<major>.<minor>, in increasing order, each
inherits the one before it (MAPOPS_1.1 { ... } MAPOPS_1.0;), the first
inherits nothing, a symbol is in one node only, every exported symbol
carries the node the script puts it in, and the newest node is the project
version's (1.0.0 -> MAPOPS_1.0, 1.1.x -> MAPOPS_1.1)."""
import re
import subprocess
import sys

header, mapfile, lib, readelf = sys.argv[1:5]
project_version = sys.argv[5] if len(sys.argv) > 5 else None

declared = set(re.findall(r"MAPOPS_API\b[^;(]*?\b(mapops_\w+)\s*\(",
                          open(header).read(), re.S))
mapped = set(re.findall(r"^\s*(mapops_\w+);", open(mapfile).read(), re.M))

out = subprocess.run([readelf, "--dyn-syms", "-W", lib], check=True,
                     capture_output=True, text=True).stdout
exported = {}
for line in out.splitlines():
    f = line.split()
    if len(f) < 8 or f[6] in ("UND", "ABS") or f[4] == "LOCAL":
        continue
    if f[3] not in ("FUNC", "OBJECT"):
        continue
    name, _, version = f[7].partition("@")
    exported[name] = version.lstrip("@")

errors = []
if declared != mapped:
    errors.append("header vs map: only in header %s, only in map %s"
                  % (sorted(declared - mapped), sorted(mapped - declared)))
if set(exported) != mapped:
    errors.append("library vs map: only exported %s, not exported %s"
                  % (sorted(set(exported) - mapped), sorted(mapped - set(exported))))
unversioned = sorted(n for n, v in exported.items() if not v.startswith("MAPOPS_"))
if unversioned:
    errors.append("unversioned exports: %s" % unversioned)
if not declared:
    errors.append("no MAPOPS_API declarations found in %s" % header)


def version_nodes(text):
    """[(node, parent or None, [symbols])] in the order of the script."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"#[^\n]*", " ", text)
    return [(m.group(1), m.group(3), re.findall(r"\b(mapops_\w+)\s*;", m.group(2)))
            for m in re.finditer(r"([\w.]+)\s*\{(.*?)\}\s*([\w.]+)?\s*;", text, re.S)]


def node_key(node):
    m = re.fullmatch(r"MAPOPS_(\d+)\.(\d+)", node)
    return (int(m.group(1)), int(m.group(2))) if m else None


if project_version is not None:
    nodes = version_nodes(open(mapfile).read())
    if not nodes:
        errors.append("no version nodes in %s" % mapfile)
    names = [n for n, _, _ in nodes]
    for i, (node, parent, syms) in enumerate(nodes):
        if node_key(node) is None:
            errors.append("version node %s is not named MAPOPS_<major>.<minor>" % node)
            continue
        want = names[i - 1] if i else None
        if parent != want:
            errors.append("version node %s inherits %s, expected %s"
                          % (node, parent or "nothing", want or "nothing"))
        if i and node_key(names[i - 1]) is not None and \
                node_key(names[i - 1]) >= node_key(node):
            errors.append("version node %s comes after %s: nodes must be in increasing order"
                          % (node, names[i - 1]))
    owner = {}
    for node, _, syms in nodes:
        for sym in syms:
            if sym in owner:
                errors.append("%s is in both %s and %s" % (sym, owner[sym], node))
            owner.setdefault(sym, node)
    wrong = sorted("%s@%s (map: %s)" % (n, v, owner[n]) for n, v in exported.items()
                   if n in owner and v != owner[n])
    if wrong:
        errors.append("exported with another version than the map's node: %s" % wrong)
    m = re.match(r"^(\d+)\.(\d+)(\.\d+)?", project_version)
    if not m:
        errors.append("cannot read the project version %r" % project_version)
    elif names:
        want = "MAPOPS_%s.%s" % (m.group(1), m.group(2))
        if names[-1] != want:
            errors.append("the newest version node is %s but the project version %s needs %s"
                          " (a release that adds symbols adds a node; see ABI.md)"
                          % (names[-1], project_version, want))
    print("version nodes: %s; project version %s"
          % (" <- ".join(names) or "none", project_version))

for e in errors:
    print("FAIL:", e)
print("%d declared, %d in the map, %d exported" % (len(declared), len(mapped), len(exported)))
sys.exit(1 if errors else 0)
