#!/usr/bin/env bash
# The Debian packages end to end (README.md, "Debian packages").  As root:
#   build    copy the working tree (tracked and untracked files, not the
#            ignored build*/ dirs) to a temporary directory; there
#            dpkg-buildpackage -S, then dpkg-buildpackage -us -uc -b
#   lintian  on the source and binary .changes: no E: and no W: lines
#   contents each package holds exactly its files; the symbols file is what
#            tests/debian/gen-symbols.sh prints for the packaged library
#   install  apt-get install every .deb built
#   <tests>  debian/tests/* run directly, as autopkgtest would, with nothing
#            of the tree on any path: a clean environment (env -i, no
#            LD_LIBRARY_PATH, PYTHONPATH, LUA_PATH, MAPOPS_LIBRARY), from an
#            empty directory, with only examples/ and debian/tests/ copied
#   purge    apt-get purge them all: nothing of theirs is left, and the
#            package database is as it was before
# The packages are purged on any exit (trap), and the temporary directory
# removed (MAPOPS_DEB_KEEP=1 keeps it).  Ends with "deb: N passed, N failed".
# Exit status: 0 all passed, 1 a failure, 77 not root (nothing done).
# A test that exits 77 (the kernel refused bpf()) is reported as skipped,
# or fails by itself when MAPOPS_REQUIRE_BPF=1.
set -uo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
start=$SECONDS
passed=0 failed=0 skipped=0
tmp='' debs=() pkgs=() installed=0 purged=0

pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
skip() { echo "SKIP: $*"; skipped=$((skipped + 1)); }
indent() { sed 's/^/  /'; }
stage() { echo; echo "== $* ($((SECONDS - start)) s)"; }

finish() {
  echo
  [ "$skipped" -eq 0 ] || echo "deb: $skipped skipped (see SKIP: above)"
  echo "deb: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  echo "run-deb-test: SKIP: installing and purging packages needs root"
  exit 77
fi
for tool in dpkg-buildpackage dh dh_python3 lintian apt-get readelf; do
  if ! command -v "$tool" >/dev/null; then
    fail "$tool is missing (tools/install-deps.sh installs it)"
    finish
  fi
done

# The packages the source builds (dbgsym ones come along), from debian/control.
mapfile -t pkgs < <(sed -n 's/^Package: *//p' "$src/debian/control")
installed_pkgs() { # prints those of pkgs (and their -dbgsym) dpkg knows about
  local p
  for p in "${pkgs[@]}" "${pkgs[@]/%/-dbgsym}"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^.[^n]' &&
      echo "$p"
  done
}
snapshot() { dpkg-query -W -f='${binary:Package} ${Version} ${db:Status-Abbrev}\n' | sort; }

already=$(installed_pkgs | tr '\n' ' ')
if [ -n "$already" ]; then
  fail "already installed before the test: $already(purge them first; not touching them)"
  finish
fi

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  local left
  if [ "$installed" -eq 1 ] && [ "$purged" -eq 0 ]; then
    left=$(installed_pkgs)
    if [ -n "$left" ]; then
      echo "run-deb-test: purging ${left//$'\n'/ } after a failure"
      # shellcheck disable=SC2086 # one word per package
      DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $left >/dev/null 2>&1 ||
        echo "run-deb-test: apt-get purge failed: purge ${left//$'\n'/ } by hand" >&2
    fi
  fi
  if [ -n "$tmp" ]; then
    if [ "${MAPOPS_DEB_KEEP:-0}" = 1 ]; then
      echo "run-deb-test: kept $tmp"
    else
      rm -rf "$tmp"
    fi
  fi
}
trap cleanup EXIT
trap 'echo "run-deb-test: interrupted"; exit 130' INT TERM HUP

before=$(snapshot)
tmp=$(mktemp -d /tmp/mapops-deb.XXXXXX)
chmod 755 "$tmp"   # apt's _apt user reads the .debs from here
out=$tmp/out tree=$tmp/out/libmapops
mkdir -p "$tree" "$tmp/tests" "$tmp/home" "$tmp/cwd"

# ---------------------------------------------------------------------------
stage "build: copy the tree, dpkg-buildpackage -S and -b"
if [ -d "$src/.git" ] && command -v git >/dev/null; then
  (cd "$src" && git ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
     tar -cf - --null -T -) | tar -xf - -C "$tree"
else
  tar -C "$src" -cf - --exclude-vcs --exclude='./build*' --exclude='./_build*' \
    --exclude='./obj-*' --exclude=__pycache__ . | tar -xf - -C "$tree"
fi
# The scripts of debian/tests and the examples they use, away from the build.
cp -a "$tree/debian" "$tree/examples" "$tmp/tests/"

build_env=(env -u LD_LIBRARY_PATH -u LD_PRELOAD -u PYTHONPATH -u LUA_PATH
           -u LUA_CPATH -u MAPOPS_LIBRARY -u PKG_CONFIG_PATH
           DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=$(nproc)}")
if (cd "$tree" && "${build_env[@]}" dpkg-buildpackage -us -uc -S) >"$tmp/build-source.log" 2>&1 &&
   (cd "$tree" && "${build_env[@]}" dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1; then
  grep -E '^(Ok|Fail|Skipped): ' "$tmp/build.log" | tr -s ' ' | paste -sd ' ' |
    sed 's/^/  unit+abi suites in the build: /'
  pass "dpkg-buildpackage ($((SECONDS - start)) s)"
else
  tail -n 40 "$tmp/build-source.log" "$tmp/build.log" 2>/dev/null | indent
  fail "dpkg-buildpackage (the logs' ends above)"
  finish
fi
mapfile -t debs < <(ls "$out"/*.deb)

# ---------------------------------------------------------------------------
stage "lintian"
lint=$(lintian --fail-on error,warning "$out"/*.changes 2>&1)
lint_rc=$?
lint=$(grep -v '^running with root privileges is not recommended!$' <<<"$lint")
[ -z "$lint" ] || printf '%s\n' "$lint" | indent
if [ $lint_rc -eq 0 ] && ! grep -qE '^[EW]: ' <<<"$lint"; then
  pass "lintian $(cd "$out" && echo *.changes): no errors, no warnings"
else
  fail "lintian (rc $lint_rc)"
fi

# ---------------------------------------------------------------------------
stage "contents"
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
version=$(cd "$tree" && dpkg-parsechangelog -SVersion)
upstream=${version%%-*}
expect() { # package: its files, without directories and usr/share/doc/PKG/
  case $1 in
  libmapops1)
    echo "usr/lib/$ma/libmapops.so.1"
    echo "usr/lib/$ma/libmapops.so.$upstream" ;;
  libmapops-dev)
    echo usr/include/mapops/mapops.h
    echo "usr/lib/$ma/libmapops.a"
    echo "usr/lib/$ma/libmapops.so"
    echo "usr/lib/$ma/pkgconfig/libmapops.pc" ;;
  python3-mapops)
    (cd "$tree/bindings/python" && ls mapops/*.py) |
      sed 's|^|usr/lib/python3/dist-packages/|' ;;
  lua-mapops)
    (cd "$tree/bindings/lua" && ls mapops.lua mapops/*.lua) |
      sed 's|^|usr/share/lua/5.1/|' ;;
  mapops-tools)
    echo usr/bin/mapops-dump
    echo usr/share/man/man1/mapops-dump.1.gz ;;
  *) return 1 ;;
  esac
}
for p in "${pkgs[@]}"; do
  deb=$(ls "$out/${p}_"*.deb 2>/dev/null)
  if [ -z "$deb" ]; then
    fail "$p: no .deb built"
    continue
  fi
  files=$(dpkg-deb --fsys-tarfile "$deb" | tar -tf - | grep -v '/$' | sed 's|^\./||' |
          grep -v "^usr/share/doc/$p/" | LC_ALL=C sort)
  want=$(expect "$p" | LC_ALL=C sort)
  echo "  $(basename "$deb") [$(dpkg-deb -f "$deb" Architecture)]: ${files//$'\n'/ }"
  echo "    Depends: $(dpkg-deb -f "$deb" Depends)"
  if [ "$files" = "$want" ]; then
    pass "$p holds exactly its files"
  else
    diff <(echo "$want") <(echo "$files") | sed 's/^/    /'
    fail "$p: files differ from the expected list (< expected, > packaged)"
  fi
done
# The symbols file against the library in the package.
rm -rf "$tmp/x" && mkdir "$tmp/x" && dpkg-deb -x "$out/libmapops1_"*.deb "$tmp/x"
if diff <("$tree/tests/debian/gen-symbols.sh" "$tmp/x/usr/lib/$ma/libmapops.so.1") \
        "$tree/debian/libmapops1.symbols" | sed 's/^/    /'; then
  pass "debian/libmapops1.symbols lists every export, sorted ($(grep -c '^ ' "$tree/debian/libmapops1.symbols") symbols)"
else
  fail "debian/libmapops1.symbols differs from gen-symbols.sh (< library, > file)"
fi

# ---------------------------------------------------------------------------
stage "install: apt-get install ${debs[*]##*/}"
installed=1
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
     "${debs[@]}" >"$tmp/install.log" 2>&1; then
  pass "apt-get install (${#debs[@]} packages)"
else
  indent <"$tmp/install.log" | tail -n 20
  fail "apt-get install"
  finish
fi

# ---------------------------------------------------------------------------
# Every test of debian/tests/control, in its order.
mapfile -t tests < <(sed -n 's/^Tests: *//p' "$tmp/tests/debian/tests/control" | tr -s ' ,' '\n' | grep .)
for t in "${tests[@]}"; do
  stage "debian/tests/$t on the installed packages"
  scratch=$(mktemp -d "$tmp/autopkgtest.XXXXXX")
  clean_env=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
             HOME="$tmp/home" LANG=C.UTF-8 AUTOPKGTEST_TMP="$scratch")
  [ -z "${MAPOPS_REQUIRE_BPF:-}" ] || clean_env+=(MAPOPS_REQUIRE_BPF="$MAPOPS_REQUIRE_BPF")
  (cd "$tmp/cwd" && timeout 300 "${clean_env[@]}" "$tmp/tests/debian/tests/$t") 2>&1 | indent
  rc=${PIPESTATUS[0]}
  case $rc in
    0) pass "debian/tests/$t" ;;
    124) fail "debian/tests/$t: timed out after 300 s" ;;
    77) skip "debian/tests/$t: the kernel refused bpf() (MAPOPS_REQUIRE_BPF=1 makes it a failure)" ;;
    *) fail "debian/tests/$t (exit $rc)" ;;
  esac
done

# ---------------------------------------------------------------------------
stage "purge"
mapfile -t built < <(for d in "${debs[@]}"; do dpkg-deb -f "$d" Package; done)
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "${built[@]}" >"$tmp/purge.log" 2>&1; then
  purged=1
  pass "apt-get purge ${built[*]}"
else
  indent <"$tmp/purge.log" | tail -n 20
  fail "apt-get purge"
fi
left=()
for p in "${built[@]}"; do
  dpkg -L "$p" >/dev/null 2>&1 && left+=("dpkg -L $p")
  dpkg-query -W "$p" >/dev/null 2>&1 && left+=("dpkg knows $p")
done
for f in /usr/lib/*/libmapops* /usr/include/mapops /usr/lib/python3/dist-packages/mapops \
         /usr/share/lua/5.1/mapops.lua /usr/share/lua/5.1/mapops /usr/bin/mapops-dump /usr/share/man/man1/mapops-dump.1.gz \
         "${built[@]/#//usr/share/doc/}"; do
  [ -e "$f" ] || [ -L "$f" ] && left+=("$f")
done
ldconfig -p | grep -q libmapops && left+=("libmapops in the ldconfig cache")
if [ ${#left[@]} -eq 0 ]; then
  pass "nothing left behind"
else
  printf '  left: %s\n' "${left[@]}"
  fail "purge left things behind"
fi
if [ "$(snapshot)" = "$before" ]; then
  pass "the package database is as before the test"
else
  diff <(echo "$before") <(snapshot) | indent
  fail "the package database changed (< before, > after)"
fi

echo
echo "run-deb-test: $((SECONDS - start)) s"
finish
