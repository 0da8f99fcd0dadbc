/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_lookup_ptr: the key pointer is the packet itself. */
#include "common.h"

SEC("tc")
int bench_lookup_ptr(struct __sk_buff *skb)
{
	__u64 *v;
	PACKET(skb, data);

	MARK2(data, data);
	v = bpf_map_lookup_elem(&m, data);
	MARK();
	return v ? (int)*v : 0;
}
