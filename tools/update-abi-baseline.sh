#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
#
# Records the built library's ABI as the new baseline
# (tests/abi/libmapops.so.1.abi), for the 'abidiff' test to guard.
#
#   tools/update-abi-baseline.sh --release X.Y [BUILD_DIR]      (default: build)
#
# Run it ONLY when cutting release X.Y, after its version node (MAPOPS_X.Y)
# has its first function in lib/mapops.api (since X.Y) and the project
# version in meson.build is X.Y.z (HACKING.md, cutting a release).
# NEVER run it to silence a failing 'abidiff' test: that failure means the
# ABI broke and callers built against the last release would break with it.
# See ABI.md.
#
# It refuses when X.Y is not the project version or the newest version node,
# when the build has no debug info or is sanitized, and when the library is
# not compatible with the current baseline (additions only).  A deliberate
# break also needs a new SONAME; --break-abi records the baseline anyway,
# for that case only.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
release='' build=build break_abi=no
while [ $# -gt 0 ]; do
	case $1 in
	--release) release=${2:?--release needs X.Y}; shift 2 ;;
	--release=*) release=${1#--release=}; shift ;;
	--break-abi) break_abi=yes; shift ;;
	-h|--help) sed -n '3,19p' "$0"; exit 0 ;;
	-*) echo "update-abi-baseline: unknown option $1" >&2; exit 2 ;;
	*) build=$1; shift ;;
	esac
done
die() { echo "update-abi-baseline: $*" >&2; exit 1; }

[ -n "$release" ] || die "say which release this is: --release X.Y (only when cutting a release; see ABI.md)"
lib=$build/lib/libmapops.so.1
baseline=$top/tests/abi/libmapops.so.1.abi
[ -f "$lib" ] || die "no $lib: build first (meson setup $build && ninja -C $build)"

version=$(meson introspect --projectinfo "$build" | python3 -c 'import json, sys
print(json.load(sys.stdin)["version"])')
case $version in
"$release"|"$release".*) ;;
*) die "the project version is $version, not $release.x" ;;
esac
newest=$(python3 "$top/tools/api.py" nodes | tail -n 1)
[ "$newest" = "MAPOPS_$release" ] ||
	die "the newest node of lib/mapops.api is $newest, not MAPOPS_$release"
sanitize=$(meson introspect --buildoptions "$build" | python3 -c 'import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "b_sanitize"))')
[ "$sanitize" = none ] || die "$build is built with b_sanitize=$sanitize; use a plain build"

ninja -C "$build" >/dev/null
if [ -f "$baseline" ]; then
	if "$top/tests/check-abidiff.sh" "$baseline" "$lib" "$top/include/mapops" \
		"$top/tests/abi/libmapops.suppr"; then
		:
	elif [ "$break_abi" = yes ]; then
		echo "update-abi-baseline: recording an ABI break (--break-abi): the SONAME must change too" >&2
	else
		die "the library is not compatible with the baseline: fix the break, do not record it (ABI.md)"
	fi
fi
mkdir -p "$(dirname "$baseline")"
"$top/tests/check-abidiff.sh" --dump "$baseline" "$lib" "$top/include/mapops"
echo "update-abi-baseline: wrote $baseline for release $release; commit it with the release"
