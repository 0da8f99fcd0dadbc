/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_delete: delete the packet's key; return the helper's result. */
#include "common.h"

SEC("tc")
int bench_delete(struct __sk_buff *skb)
{
	__u32 key;
	long r;
	PACKET(skb, data);

	key = *(__u32 *)data;
	MARK();
	r = bpf_map_delete_elem(&m, &key);
	MARK();
	return (int)r;
}
