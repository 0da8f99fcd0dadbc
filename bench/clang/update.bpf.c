/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_update: store the packet's value under its key (BPF_ANY);
 * return the helper's result. */
#include "common.h"

SEC("tc")
int bench_update(struct __sk_buff *skb)
{
	__u32 key;
	__u64 val;
	long r;
	PACKET(skb, data);

	key = *(__u32 *)data;
	val = *(__u64 *)(data + 8);
	MARK();
	r = bpf_map_update_elem(&m, &key, &val, BPF_ANY);
	MARK();
	return (int)r;
}
