/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_increment(+1): add in place on a hit, create on a miss. */
#include "common.h"

SEC("tc")
int bench_increment(struct __sk_buff *skb)
{
	__u32 key;
	__u64 *v;
	PACKET(skb, data);

	key = *(__u32 *)data;
	MARK();
	v = bpf_map_lookup_elem(&m, &key);
	if (v) {
		*v += 1;
	} else {
		__u64 init = 1;

		bpf_map_update_elem(&m, &key, &init, BPF_ANY);
	}
	MARK();
	return 0;
}
