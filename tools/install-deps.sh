#!/usr/bin/env bash
# Installs what libmapops needs to build, test and demo on Debian 12.
# Run as root.  Does nothing when every package is already installed.
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config
  # the library and its tests
  libbpf-dev libelf-dev zlib1g-dev check libjson-c-dev
  # the dlopen/libffi consumer test; the ABI guard (abidw, abidiff)
  libffi-dev abigail-tools
  # the bindings and their tests
  luajit lua-cjson
  # test tools
  python3 binutils valgrind llvm-19
  # the kernel suites on Debian 12's own kernel under qemu (tests/qemu/)
  qemu-system-x86 busybox-static cpio
  # the libFuzzer target (fuzz/run.sh): clang-14 -fsanitize=fuzzer
  clang-14 libclang-rt-14-dev
  # the benchmarks (bench/): Debian's clang compiles bench/clang/*.bpf.c,
  # and clang-19 (-mcpu=v4) is the second anchor
  clang clang-19
  # the Debian packages (debian/) and their test (tests/debian/run-deb-test.sh)
  build-essential dpkg-dev debhelper dh-python lintian
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
