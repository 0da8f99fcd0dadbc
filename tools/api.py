#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""The API description's command line (lib/mapops.api; see HACKING.md).

  tools/api.py regen            rewrite the committed generated files
  tools/api.py check            exit 1 naming what is stale, missing or wrong:
                                generated files, the header, the coverage
  tools/api.py version-script OUT   (meson) the linker version script
  tools/api.py c-table OUT          (meson) tests/api-table.h
  tools/api.py nodes                the version nodes, oldest first
"""
import difflib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mapops_api import c, checks, debian, model, versions  # noqa: E402


def committed(api):
    """{path relative to the top: generated text} of the committed files."""
    version = model.project_version()
    files = {"debian/libmapops1.symbols": lambda: debian.symbols(api),
             "bindings/python/mapops/_version.py":
                 lambda: versions.python_version_module(version)}
    try:
        from mapops_api import python
        files.update(python.files(api, model.project_version()))
    except ImportError:
        pass
    try:
        from mapops_api import lua
        files.update(lua.files(api, model.project_version()))
    except ImportError:
        pass
    return files


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        api = model.load()
        cmd = argv[1]
        if cmd == "version-script":
            write(argv[2], c.version_script(api))
        elif cmd == "c-table":
            write(argv[2], c.table(api, model.project_version()))
        elif cmd == "nodes":
            for node in api.nodes:
                print("MAPOPS_" + node)
        elif cmd == "regen":
            for rel, gen in committed(api).items():
                path = os.path.join(model.TOP, rel)
                text = gen()
                old = open(path).read() if os.path.exists(path) else None
                if old != text:
                    write(path, text)
                    print("api: wrote %s" % rel)
        elif cmd == "check":
            errors = []
            for rel, gen in committed(api).items():
                path = os.path.join(model.TOP, rel)
                text = gen()
                old = open(path).read() if os.path.exists(path) else ""
                if old != text:
                    diff = "".join(list(difflib.unified_diff(
                        old.splitlines(True), text.splitlines(True), rel + " (committed)",
                        rel + " (from lib/mapops.api)"))[:40])
                    errors.append("%s is stale: run ./run.sh regen\n%s" % (rel, diff))
            errors += versions.changelog_errors(model.project_version())
            errors += checks.header(api)
            errors += checks.coverage(api)
            for e in errors:
                print("api: " + e)
            if errors:
                print("api: %d problem(s)" % len(errors))
                return 1
            print("api: %d functions in %s; header, generated files and coverage agree"
                  % (len(api.functions), ", ".join("MAPOPS_" + n for n in api.nodes)))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except model.Error as e:
        print("api: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
