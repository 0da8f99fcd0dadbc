# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
"""debian/libmapops1.symbols: every export at the package version of the
release that introduced its node (node X.Y: version X.Y.0)."""


def symbols(api):
    out = ["libmapops.so.1 libmapops1 #MINVER#",
           "* Build-Depends-Package: libmapops-dev"]
    rows = []
    for node in api.nodes:
        rows.append(("MAPOPS_%s@MAPOPS_%s" % (node, node), node))
        for f in api.functions:
            if f.since == node:
                rows.append(("%s@MAPOPS_%s" % (f.name, node), node))
    for sym, node in sorted(rows):
        out.append(" %s %s.0" % (sym, node))
    return "\n".join(out) + "\n"
