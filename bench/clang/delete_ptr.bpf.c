/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_delete_ptr: the key pointer is the packet itself. */
#include "common.h"

SEC("tc")
int bench_delete_ptr(struct __sk_buff *skb)
{
	long r;
	PACKET(skb, data);

	MARK2(data, data);
	r = bpf_map_delete_elem(&m, data);
	MARK();
	return (int)r;
}
