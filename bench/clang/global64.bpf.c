/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* 64 counters in global variables (.bss, 512 bytes): clang emits one
 * BPF_PSEUDO_MAP_VALUE load per counter, at its offset.  The benchmark
 * compares the same counters through mapops_ld_map_value and through 64
 * lookup-and-adds. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define C8(p) __u64 p##0, p##1, p##2, p##3, p##4, p##5, p##6, p##7;
#define I8(p) p##0 += 1; p##1 += 1; p##2 += 1; p##3 += 1; \
	      p##4 += 1; p##5 += 1; p##6 += 1; p##7 += 1;

C8(a) C8(b) C8(c) C8(d) C8(e) C8(f) C8(g) C8(h)

SEC("tc")
int bench_global64(struct __sk_buff *skb)
{
	(void)skb;
	I8(a) I8(b) I8(c) I8(d) I8(e) I8(f) I8(g) I8(h)
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
