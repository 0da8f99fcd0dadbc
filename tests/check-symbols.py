#!/usr/bin/env python3
"""The export check: the header's MAPOPS_API declarations, the version
script's global entries and the library's dynamic symbols must be one set,
and every exported symbol must carry a MAPOPS_ version."""
import re
import subprocess
import sys

header, mapfile, lib, readelf = sys.argv[1:5]

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

for e in errors:
    print("FAIL:", e)
print("%d declared, %d in the map, %d exported" % (len(declared), len(mapped), len(exported)))
sys.exit(1 if errors else 0)
