/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_map_increment_atomic(+1): atomic add on a hit; create with
 * BPF_NOEXIST on a miss, and add to the winner's element if another CPU
 * created it first (-EEXIST). */
#include "common.h"

SEC("tc")
int bench_increment_atomic(struct __sk_buff *skb)
{
	__u32 key;
	__u64 *v;
	PACKET(skb, data);

	key = *(__u32 *)data;
	MARK();
	v = bpf_map_lookup_elem(&m, &key);
	if (!v) {
		__u64 init = 1;

		if (bpf_map_update_elem(&m, &key, &init, BPF_NOEXIST) != -EEXIST)
			goto out;
		v = bpf_map_lookup_elem(&m, &key);
		if (!v)
			goto out;
	}
	__sync_fetch_and_add(v, 1);
out:
	MARK();
	return 0;
}
