/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* A counter in a global variable (.bss): the limit for direct value access
 * (BPF_PSEUDO_MAP_VALUE into a one-element array map).  The benchmark
 * points the .bss reference at its own array map. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__u64 counter;

SEC("tc")
int bench_global(struct __sk_buff *skb)
{
	(void)skb;
	counter += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
