#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
#
# The ABI guard: compares the freshly built libmapops.so.1 with the committed
# baseline (tests/abi/libmapops.so.1.abi) using libabigail.  Additions pass;
# a removed symbol, a changed function or variable, a public struct whose
# layout changed (other than struct mapops_load_opts growing at its end), a
# new SONAME or architecture fails, with abidiff's report.  See ABI.md.
# Exit 0 pass, 1 fail, 77 skip (a library built for another machine).
#
#   check-abidiff.sh BASELINE LIBRARY HEADERS_DIR SUPPRESSIONS
#   check-abidiff.sh --dump OUT LIBRARY HEADERS_DIR    (tools/update-abi-baseline.sh)
#
# Both modes describe the library with the same abidw options, so the
# baseline and the fresh description differ only where the ABI does.
set -eu

# What makes the description stable: no build paths, no line numbers, no
# DT_NEEDED, ids that do not depend on reading order, and only the types of
# the public header (the opaque struct mapops_prog stays a declaration, so
# its private layout may change freely).
# Source paths are cut down to the part under the source tree
# ("lib/emit.c"), whatever the build directory was.
dump() { # out library headers_dir
	abidw --no-corpus-path --no-architecture --no-comp-dir-path \
		--no-show-locs --no-elf-needed --drop-undefined-syms \
		--type-id-style hash \
		--headers-dir "$3" --drop-private-types \
		--out-file "$1.tmp" "$2"
	sed "s|\(<abi-instr [^>]* path='\)[^']*/\(lib/[^'/]*'\)|\1\2|" "$1.tmp" >"$1"
	rm -f "$1.tmp"
}

need_debug_info() { # library
	if ! readelf -S -W "$1" | grep -q '\.debug_info'; then
		echo "FAIL: $1 has no debug info; abidiff needs a build with -g (buildtype debug or debugoptimized)"
		exit 1
	fi
}

if [ "${1:-}" = --dump ]; then
	[ $# -eq 4 ] || { echo "usage: $0 --dump OUT LIBRARY HEADERS_DIR" >&2; exit 2; }
	need_debug_info "$3"
	dump "$2" "$3" "$4"
	exit 0
fi

[ $# -eq 4 ] || { echo "usage: $0 BASELINE LIBRARY HEADERS_DIR SUPPRESSIONS" >&2; exit 2; }
baseline=$1 lib=$2 headers=$3 suppr=$4

[ -f "$lib" ] || { echo "FAIL: no library at $lib"; exit 1; }
machine=$(readelf -h -W "$lib" | sed -n 's/^ *Machine: *//p')
[ -n "$machine" ] || { echo "FAIL: readelf cannot read $lib"; exit 1; }
case $machine in
*X86-64*) ;;
*)
	echo "SKIP: the baseline describes x86_64 and $lib is built for $machine"
	exit 77 ;;
esac
[ -f "$baseline" ] || { echo "FAIL: no baseline at $baseline (tools/update-abi-baseline.sh makes it)"; exit 1; }
need_debug_info "$lib"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump "$tmp/new.abi" "$lib" "$headers"

# The sz-versioned structs (first field "sz": struct mapops_load_opts) may
# grow at their end, and only there.  libabigail's suppression for that
# (has_data_member_inserted_at = end, in $suppr) also hides a field changed
# in the same struct, so the rule is checked here on the two descriptions:
# the baseline's fields, with their offsets and types, must be the new
# struct's first fields, and it must not have shrunk.
szrc=0
python3 - "$baseline" "$tmp/new.abi" <<'PY' || szrc=$?
import sys
import xml.etree.ElementTree as ET


def structs(path):
    out = {}
    for c in ET.parse(path).iter("class-decl"):
        if c.get("is-declaration-only") == "yes":
            continue
        fields = [(v.get("name"), int(dm.get("layout-offset-in-bits")), v.get("type-id"))
                  for dm in c.findall("data-member") for v in dm.findall("var-decl")]
        out.setdefault(c.get("name"), []).append((int(c.get("size-in-bits", "0")), fields))
    return out


old, new = structs(sys.argv[1]), structs(sys.argv[2])
bad = False
for name, defs in sorted(old.items()):
    for size, fields in defs:
        if not fields or fields[0][0] != "sz":
            continue
        for nsize, nfields in new.get(name, []):
            if nfields[:len(fields)] != fields or nsize < size:
                print("FAIL: struct %s is sz-versioned: it may only grow by fields appended"
                      " at its end, but its fields changed:" % name)
                print("    baseline: %s" % ", ".join("%s@%d" % f[:2] for f in fields))
                print("    now:      %s" % ", ".join("%s@%d" % f[:2] for f in nfields))
                bad = True
sys.exit(1 if bad else 0)
PY
if [ "$szrc" -ne 0 ]; then
	echo "abidiff without suppressions:"
	abidiff "$baseline" "$tmp/new.abi" || true
	exit 1
fi

rc=0
abidiff --suppressions "$suppr" "$baseline" "$tmp/new.abi" >"$tmp/report" 2>&1 || rc=$?

echo "abidiff $baseline (baseline) against $lib: exit status $rc"
cat "$tmp/report"

# abidiff's exit status is a bit set:
#   1 ABIDIFF_ERROR   2 ABIDIFF_USAGE_ERROR
#   4 ABIDIFF_ABI_CHANGE   8 ABIDIFF_ABI_INCOMPATIBLE_CHANGE
if [ $((rc & 1)) -ne 0 ] || [ $((rc & 2)) -ne 0 ]; then
	echo "FAIL: abidiff could not compare (exit status $rc)"
	exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
	echo "FAIL: incompatible ABI change (a symbol removed, or a change abidiff knows breaks callers)"
	exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
	# A change: pass only if it consists of additions.  Every summary line
	# ("Functions changes summary: 0 Removed, 1 Changed, 2 Added functions",
	# "Function symbols changes summary: ...", the same for variables)
	# must show 0 Removed and 0 Changed, and something must be Added.
	verdict=$(awk '
		/changes summary:/ {
			for (i = 2; i <= NF; i++) {
				w = $i; gsub(/[,()]/, "", w)
				if ((w == "Removed" || w == "Changed") && $(i - 1) + 0 > 0) bad = 1
				if (w == "Added" && $(i - 1) + 0 > 0) added = 1
			}
		}
		/ELF SONAME changed|ELF architecture changed/ { bad = 1 }
		END { print bad ? "break" : added ? "additions" : "unknown" }
	' "$tmp/report")
	case $verdict in
	additions)
		echo "PASS: only additions (the maintainer records them in the baseline at release time)" ;;
	break)
		echo "FAIL: a function or variable was removed or changed (see the report above and ABI.md)"
		exit 1 ;;
	*)
		echo "FAIL: abidiff reports a change that is not an addition (see the report above)"
		exit 1 ;;
	esac
	exit 0
fi
echo "PASS: the ABI is the baseline's"
