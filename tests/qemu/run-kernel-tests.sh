#!/usr/bin/env bash
# Runs the kernel suites (tests/test-kernel-*.c, tests/test-load.c,
# tests/test-load-log.c) on Debian 12's own kernel, 6.1, whose verifier is
# older and stricter than the host's, inside qemu (TCG: KVM does not work on
# these machines).
#
#   tests/qemu/run-kernel-tests.sh [SOURCE_ROOT [BUILD_DIR]]
#
# It fetches the newest linux-image-6.1.*-amd64 with apt-get download into a
# cache (reused when present), links the suites statically, packs them with
# busybox-static into an initramfs whose /init (tests/qemu/init.sh) runs them,
# boots that under qemu-system-x86_64 and reads the serial console.
#
# Exit: 0 when every suite passed in the VM, 1 when one failed (or the build,
# the boot or the run went wrong), 77 (meson's SKIP) when qemu, the kernel
# image or a static library is not to be had -- 1 instead when
# MAPOPS_REQUIRE_BPF=1, as CI sets it.
#
# Environment:
#   MAPOPS_QEMU_CACHE    where the kernel package is kept (default
#                        SOURCE_ROOT/build-qemu-cache)
#   MAPOPS_QEMU_KERNEL   a vmlinuz to boot instead of fetching one
#   MAPOPS_QEMU_TESTS    which suites to run (default: all of them)
#   MAPOPS_QEMU_TIMEOUT  seconds before the VM is killed (default 600)
#   CK_RUN_SUITE, CK_RUN_CASE, CK_FORK, CK_VERBOSITY,
#   CK_DEFAULT_TIMEOUT, CK_MAX_MSG_SIZE passed on to the suites in the VM
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "${1:-$here/../..}" && pwd)
build=${2:-$src/build-qemu}
work=$build/qemu-kernel-tests
cache=${MAPOPS_QEMU_CACHE:-$src/build-qemu-cache}
# Every kernel suite.  A suite whose instructions or helpers the 6.1 kernel
# lacks skips those cases, printing "SKIPPED ..." with the kernel it needs.
suites=${MAPOPS_QEMU_TESTS:-test-kernel-maps test-kernel-ptr test-kernel-compose test-kernel-subprogs test-kernel-isa test-load test-load-log test-kernel-events test-kernel-queue test-kernel-tailcall test-kernel-mapvalue test-kernel-mapreg test-kernel-mapref test-kernel-counting test-kernel-print}
vm_timeout=${MAPOPS_QEMU_TIMEOUT:-600}
t0=$(date +%s.%N)

say() { echo "run-kernel-tests: $*"; }

# Something this run needs is not to be had: a skip, or a failure under CI.
unavailable() {
  if [ "${MAPOPS_REQUIRE_BPF:-}" = 1 ]; then
    say "cannot run the suites under qemu: $*; MAPOPS_REQUIRE_BPF=1 makes this a failure" >&2
    exit 1
  fi
  say "SKIP: cannot run the suites under qemu: $*" >&2
  exit 77
}

fail() {
  say "FAIL: $*" >&2
  exit 1
}

# ---- Tools -------------------------------------------------------------
qemu=$(command -v qemu-system-x86_64 || true)
[ -n "$qemu" ] || unavailable "qemu-system-x86_64 is not installed (package qemu-system-x86; tools/install-deps.sh installs it)"
busybox=/bin/busybox
# busybox-static's binary; a dynamic one (package busybox) cannot run alone.
[ -x "$busybox" ] && ! ldd "$busybox" >/dev/null 2>&1 ||
  unavailable "no static /bin/busybox (package busybox-static)"
command -v cpio >/dev/null || unavailable "cpio is not installed (package cpio)"
command -v gcc >/dev/null || unavailable "gcc is not installed"

libdir=/usr/lib/x86_64-linux-gnu
for a in libbpf.a libelf.a libz.a libcheck.a libsubunit.a; do
  [ -f "$libdir/$a" ] || unavailable "no static $a in $libdir (packages libbpf-dev, libelf-dev, zlib1g-dev, check)"
done

# ---- The kernel ----------------------------------------------------------
# The newest linux-image-6.1.0-N-amd64 package apt knows of, the unsigned one
# when there is one (it holds the same vmlinuz without the signature).
newest_kernel_pkg() {
  apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-amd64(-unsigned)?$' 2>/dev/null |
    awk '{ print $1 }' |
    awk -F- '{ n = $4 + 0; u = ($NF == "unsigned");
               if (n > best || (n == best && u > bestu)) { best = n; bestu = u; name = $0 } }
             END { if (name != "") print name }'
}

# The newest vmlinuz already extracted in the cache.
cached_kernel() {
  find "$cache" -path '*/boot/vmlinuz-6.1.*' -type f 2>/dev/null | sort -V | tail -n 1 || true
}

# Drops the kernel packages other than deb from the cache (70 MB each).
prune_cache() { # deb
  local keep=$1 f
  for f in "$cache"/linux-image-6.1.*; do
    case $f in "$keep" | "${keep%.deb}") ;; *) rm -rf "$f" ;; esac
  done
}

# Unpacks boot/vmlinuz-* (and the config) of a kernel package into the cache.
extract_kernel() { # deb
  local deb=$1 dir=${1%.deb}
  [ -n "$(find "$dir" -path '*/boot/vmlinuz-*' -type f 2>/dev/null)" ] && return 0
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp"
  dpkg-deb --fsys-tarfile "$deb" |
    tar -x -C "$dir.tmp" --wildcards './boot/vmlinuz-*' './boot/config-*' || return 1
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
}

find_kernel() {
  local pkg deb
  mkdir -p "$cache"
  pkg=$(newest_kernel_pkg || true)
  if [ -z "$pkg" ] && [ -z "$(cached_kernel)" ] && [ "$(id -u)" -eq 0 ]; then
    say "apt knows no linux-image-6.1 package; running apt-get update" >&2
    apt-get update -qq >&2 || true
    pkg=$(newest_kernel_pkg || true)
  fi
  if [ -n "$pkg" ]; then
    deb=$(find "$cache" -maxdepth 1 -name "${pkg}_*.deb" | sort -V | tail -n 1)
    if [ -z "$deb" ]; then
      say "fetching $pkg into $cache" >&2
      # As root, apt's _apt sandbox user could not write to the cache.
      local sandbox=()
      [ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
      (cd "$cache" && apt-get download -qq "${sandbox[@]}" "$pkg" >&2) ||
        say "apt-get download $pkg failed; trying the cache" >&2
      deb=$(find "$cache" -maxdepth 1 -name "${pkg}_*.deb" | sort -V | tail -n 1)
    fi
    if [ -n "$deb" ]; then
      if extract_kernel "$deb" >&2; then
        prune_cache "$deb"
      else
        say "could not unpack $deb" >&2
      fi
    fi
  fi
  # Packages fetched earlier that were never unpacked (an offline run).
  for deb in "$cache"/linux-image-6.1.*.deb; do
    [ -f "$deb" ] && [ ! -d "${deb%.deb}" ] && { extract_kernel "$deb" >&2 || true; }
  done
  cached_kernel
}

exec 9>>"$(mkdir -p "$cache" && echo "$cache/.lock")"
flock 9 # two build dirs may share the cache
if [ -n "${MAPOPS_QEMU_KERNEL:-}" ]; then
  kernel=$MAPOPS_QEMU_KERNEL
  [ -f "$kernel" ] || unavailable "MAPOPS_QEMU_KERNEL=$kernel does not exist"
else
  kernel=$(find_kernel)
  [ -n "$kernel" ] || unavailable "no linux-image-6.1.*-amd64 could be fetched with apt-get download, and $cache has none"
fi
flock -u 9
say "kernel image: $kernel"

# ---- The static test binaries ----------------------------------------------
rm -rf "$work"
mkdir -p "$work/obj" "$work/root"
cflags=(-std=c11 -O2 -D_GNU_SOURCE -Wall -Wno-unused-parameter
        -I"$src/include" -I"$src/lib" -I"$src/tests")
libs=(-l:libcheck.a -l:libsubunit.a -l:libbpf.a -l:libelf.a -l:libz.a -lm -lrt -pthread)

compile() { # source object
  gcc "${cflags[@]}" -c "$1" -o "$2" 2>"$2.log" || { cat "$2.log" >&2; return 1; }
}
# Every source at once (they are small), then every link at once.
objs=() pids=() what=()
for c in "$src"/lib/*.c "$src/tests/testutil.c" "$src/tests/testrun.c"; do
  o=$work/obj/lib-$(basename "${c%.c}").o
  case $c in "$src"/tests/*) o=$work/obj/$(basename "${c%.c}").o ;; esac
  compile "$c" "$o" & pids+=($!) what+=("compiling $c")
  objs+=("$o")
done
for t in $suites; do
  [ -f "$src/tests/$t.c" ] || fail "no suite tests/$t.c"
  compile "$src/tests/$t.c" "$work/obj/$t.o" & pids+=($!) what+=("compiling tests/$t.c")
done
wait_all() {
  local i bad=
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || bad=${what[$i]}; done
  pids=() what=()
  [ -z "$bad" ] || fail "$bad"
}
wait_all
mkdir -p "$work/root/tests"
for t in $suites; do
  { gcc -static -o "$work/root/tests/$t" "$work/obj/$t.o" "${objs[@]}" "${libs[@]}" \
      2>"$work/obj/$t.link.log" || { cat "$work/obj/$t.link.log" >&2; false; }; } &
  pids+=($!) what+=("linking $t statically")
done
wait_all
strip "$work"/root/tests/*

# ---- The initramfs --------------------------------------------------------
root=$work/root
mkdir -p "$root"/{bin,dev,proc,sys,tmp,etc}
cp "$busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
install -m 755 "$here/init.sh" "$root/init"
{
  for v in CK_RUN_SUITE CK_RUN_CASE CK_FORK CK_VERBOSITY \
           CK_DEFAULT_TIMEOUT CK_TIMEOUT_MULTIPLIER CK_MAX_MSG_SIZE; do
    if [ -n "${!v+x}" ]; then printf 'export %s=%q\n' "$v" "${!v}"; fi
  done
  # TCG is many times slower than the host: give Check's timeout room.
  [ -n "${CK_DEFAULT_TIMEOUT+x}" ] || echo 'export CK_DEFAULT_TIMEOUT=300'
  # Room for a whole verifier log in a failure message (Check's default of
  # 4 KiB turns a long one into "Message string too long").
  [ -n "${CK_MAX_MSG_SIZE+x}" ] || echo 'export CK_MAX_MSG_SIZE=1048576'
} >"$root/etc/mapops-env"
(cd "$root" && find . -print0 | sort -z | cpio --null -o -H newc --quiet) |
  gzip -1 >"$work/initramfs.cpio.gz"

# ---- Boot ----------------------------------------------------------------------
log=$work/console.log
say "booting under qemu (TCG), console in $log"
t_boot=$(date +%s.%N)
rc=0
timeout "$vm_timeout" "$qemu" -accel tcg -cpu max -m 512 -smp 2 \
  -nographic -no-reboot -nic none \
  -kernel "$kernel" -initrd "$work/initramfs.cpio.gz" \
  -append 'console=ttyS0 panic=-1 quiet' \
  </dev/null >"$log" 2>&1 || rc=$?
t_end=$(date +%s.%N)
# Without the \r of the serial line, and with SeaBIOS's escapes cut off
# a marker that shares its line.
tr -d '\r' <"$log" | sed 's/^.*\(MAPOPS-QEMU-\)/\1/' >"$log.txt"

sed -n '/^MAPOPS-QEMU-KERNEL:/,$p' "$log.txt"
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
say "VM ran $(secs "$t_boot" "$t_end") s, $(secs "$t0" "$t_end") s in all"

if [ "$rc" -eq 124 ]; then
  tail -n 30 "$log.txt" >&2
  fail "the VM did not finish within $vm_timeout s (MAPOPS_QEMU_TIMEOUT)"
fi
if ! grep -q '^MAPOPS-QEMU-KERNEL:' "$log.txt"; then
  tail -n 30 "$log.txt" >&2
  if [ "$rc" -ne 0 ]; then
    unavailable "qemu exited with $rc before the kernel ran /init"
  fi
  fail "the kernel did not run /init (console log above)"
fi
booted=$(sed -n 's/^MAPOPS-QEMU-KERNEL: \([^ ]*\).*/\1/p' "$log.txt" | head -n 1)
result=$(grep '^MAPOPS-QEMU-RESULT:' "$log.txt" | tail -n 1 || true)
[ -n "$result" ] || fail "no MAPOPS-QEMU-RESULT line: the run in the VM did not finish (qemu exit $rc)"
npassed=$(echo "$result" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
nfailed=$(echo "$result" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
nsuites=$(echo $suites | wc -w)
if [ "$nfailed" = 0 ] && [ "$npassed" = "$nsuites" ]; then
  say "all $nsuites suites passed on $booted"
  exit 0
fi
fail "$nfailed of $nsuites suites failed on $booted"
