/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_update_ptr: key and value pointers into the packet. */
#include "common.h"

SEC("tc")
int bench_update_ptr(struct __sk_buff *skb)
{
	void *val;
	long r;
	PACKET(skb, data);

	val = data + 8;
	MARK2(data, val);
	r = bpf_map_update_elem(&m, data, val, BPF_ANY);
	MARK();
	return (int)r;
}
