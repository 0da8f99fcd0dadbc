#!/bin/sh
# /init of the initramfs that tests/qemu/run-kernel-tests.sh boots: runs every
# statically linked test binary in /tests against the booted kernel, prints a
# result line per binary and a final marker line, then powers off.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t bpf bpf /sys/fs/bpf 2>/dev/null
mount -t tmpfs tmpfs /tmp

# Settings the host passed on (CK_RUN_CASE, CK_DEFAULT_TIMEOUT, ...).
. /etc/mapops-env
# In here bpf() must work: a suite that would skip fails instead.
export MAPOPS_REQUIRE_BPF=1

echo "MAPOPS-QEMU-KERNEL: $(uname -r) ($(nproc) CPUs)"
passed=0
failed=0
for t in /tests/*; do
	name=${t##*/}
	echo "MAPOPS-QEMU-BEGIN: $name"
	start=$(cut -d' ' -f1 /proc/uptime)
	"$t"
	rc=$?
	end=$(cut -d' ' -f1 /proc/uptime)
	secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		echo "MAPOPS-QEMU-SUITE: $name PASS (${secs} s)"
	else
		failed=$((failed + 1))
		echo "MAPOPS-QEMU-SUITE: $name FAIL (exit $rc, ${secs} s)"
	fi
done
echo "MAPOPS-QEMU-RESULT: $passed passed, $failed failed"
sync
poweroff -f
