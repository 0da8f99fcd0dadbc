#!/usr/bin/env bash
# Prints debian/libmapops1.symbols for a built libmapops.so.1, from readelf:
# every defined dynamic symbol and every version node, as
# "name@MAPOPS_X.Y X.Y.0" (the node names the release that added it,
# ABI.md), sorted.  Regenerate after adding symbols in a new node:
#   tests/debian/gen-symbols.sh build/lib/libmapops.so.1 > debian/libmapops1.symbols
# run-deb-test.sh checks the committed file against the packaged library.
set -euo pipefail
lib=${1:?usage: gen-symbols.sh LIBRARY}
readelf=${READELF:-readelf}

echo "libmapops.so.1 libmapops1 #MINVER#"
echo "* Build-Depends-Package: libmapops-dev"
{
  # mapops_prog_new@@MAPOPS_1.0 (the default version of a defined symbol)
  "$readelf" --dyn-syms -W "$lib" |
    awk '$7 != "UND" && $8 ~ /@@/ { sub(/@@/, "@", $8); print $8 }'
  # the version nodes themselves (dpkg-gensymbols lists them as NODE@NODE)
  "$readelf" -V -W "$lib" |
    awk '/^Version definition section/ { d = 1; next }
         /^Version (needs|symbols) section/ { d = 0 }
         d && /Flags: none/ { for (i = 1; i <= NF; i++) if ($i == "Name:") print $(i + 1) "@" $(i + 1) }'
} | LC_ALL=C sort -u | awk -F@ '{
  node = $2; ver = node; sub(/^[A-Z_]*_/, "", ver)
  if (ver !~ /^[0-9]+\.[0-9]+$/) { print "gen-symbols: unexpected version node " node > "/dev/stderr"; exit 1 }
  printf " %s %s.0\n", $0, ver
}'
