/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Shared by the clang side of the code benchmark (bench/clang/NAME.bpf.c).
 *
 * Every program is a tc (sched_cls) program over the same kind of map: a
 * hash map of u32 keys and u64 values.  The key is the packet's first 4
 * bytes, a value the packet's bytes 8..15, so the compiler cannot fold
 * anything and one loaded program is run once on a packet whose key is in
 * the map (hit) and once on a packet whose key is not (miss).
 *
 * MARK() brackets the map operation.  The benchmark compiles every file
 * twice: plainly (whole-program counts, run times) and with -DBENCH_MARK,
 * where MARK() is "goto +0" (a no-op jump) with a memory clobber, so
 * that the instructions strictly between the first and the last marker are
 * the operation's own sequence: the key and value stores stay before it and
 * the use of the result after it.
 */
#ifndef BENCH_CLANG_COMMON_H
#define BENCH_CLANG_COMMON_H

#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#ifdef BENCH_MARK
#define MARK() asm volatile("goto +0" ::: "memory")
/* A marker that also pins the given values to registers before it. */
#define MARK2(a, b) asm volatile("goto +0" :: "r"(a), "r"(b) : "memory")
#else
#define MARK() do { } while (0)
#define MARK2(a, b) do { (void)(a); (void)(b); } while (0)
#endif

#ifndef EEXIST
#define EEXIST 17
#endif

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1);
} m SEC(".maps");

/* data = the packet, which must hold at least 16 bytes (else return 0). */
#define PACKET(skb, data)                                                  \
	void *data = (void *)(long)(skb)->data;                            \
	if (data + 16 > (void *)(long)(skb)->data_end)                     \
		return 0

char LICENSE[] SEC("license") = "GPL";

#endif
