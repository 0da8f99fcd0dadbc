#!/bin/sh
# Uses libmapops as a meson subproject, as a meson user would: the
# consumer asks for dependency('libmapops') and gets the one the subproject
# declares with meson.override_dependency(), then builds and runs the example.
set -eu
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/subprojects"
ln -s "$src" "$work/subprojects/libmapops"
cp "$src/examples/packet-counter.c" "$work/"
cat > "$work/meson.build" <<'MESON'
project('consumer', 'c', default_options: ['c_std=c11'])
subproject('libmapops', default_options: ['tests=false'])
executable('consumer', 'packet-counter.c',
  dependencies: [dependency('libmapops'), dependency('libbpf')])
MESON
meson setup "$work/build" "$work" >/dev/null
ninja -C "$work/build" >/dev/null
"$work/build/consumer" --check
