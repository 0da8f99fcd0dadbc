/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_lookup_or_init: the value, created from the packet's value
 * (BPF_NOEXIST) on a miss; return its low 32 bits, or 0 if the insert
 * failed. */
#include "common.h"

SEC("tc")
int bench_lookup_or_init(struct __sk_buff *skb)
{
	__u32 key;
	__u64 init, *v;
	PACKET(skb, data);

	key = *(__u32 *)data;
	init = *(__u64 *)(data + 8);
	MARK();
	v = bpf_map_lookup_elem(&m, &key);
	if (!v) {
		bpf_map_update_elem(&m, &key, &init, BPF_NOEXIST);
		v = bpf_map_lookup_elem(&m, &key);
	}
	MARK();
	return v ? (int)*v : 0;
}
