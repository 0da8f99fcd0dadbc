/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_lookup: look the packet's key up; return the value's low
 * 32 bits, or 0 if absent. */
#include "common.h"

SEC("tc")
int bench_lookup(struct __sk_buff *skb)
{
	__u32 key;
	__u64 *v;
	PACKET(skb, data);

	key = *(__u32 *)data;
	MARK();
	v = bpf_map_lookup_elem(&m, &key);
	MARK();
	return v ? (int)*v : 0;
}
