#!/bin/sh
# Installs the build into a scratch DESTDIR and builds the example the way a
# user does, with nothing but pkg-config: the header, the .pc and the
# shared library must be installed and usable together.
set -eu
build=$1
src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet
pc=$(find "$dest" -name libmapops.pc)
[ -n "$pc" ] || { echo "no libmapops.pc installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")"
export PKG_CONFIG_SYSROOT_DIR="$dest"
echo "pkg-config --cflags --libs libmapops: $(pkg-config --cflags --libs libmapops)"

# shellcheck disable=SC2046 # word splitting of pkg-config output is intended
cc -std=c11 -Wall -Werror -o "$dest/packet-counter" "$src/examples/packet-counter.c" \
  $(pkg-config --cflags --libs libmapops libbpf)
libdir=$(dirname "$(find "$dest" -name 'libmapops.so.1' | head -n1)")
LD_LIBRARY_PATH="$libdir" "$dest/packet-counter" --check

# A fully static binary: --static must bring every private dependency
# (libbpf's libelf and zlib) so that nothing is left to the dynamic loader.
echo "pkg-config --static --libs libmapops: $(pkg-config --static --libs libmapops)"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror -static -o "$dest/packet-counter-static" \
  "$src/examples/packet-counter.c" $(pkg-config --static --cflags --libs libmapops)
if ldd "$dest/packet-counter-static" >/dev/null 2>&1; then
  echo "packet-counter-static is not static:"; ldd "$dest/packet-counter-static"; exit 1
fi
"$dest/packet-counter-static" --check
