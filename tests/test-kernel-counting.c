/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Counting under load in the kernel: one thread pinned to each CPU runs a
 * sched_cls program (BPF_PROG_TEST_RUN runs it on the calling CPU) whose
 * packet's first 4 bytes are the key.  (Not XDP: each XDP test run swaps
 * the XDP dispatcher and waits for RCU, ~28 ms a run here.)
 *  - mapops_map_increment_atomic() creating 10,000 distinct keys from every
 *    CPU at once: every per-key total exact;
 *  - mapops_map_increment() on a full hash map: the documented drop;
 *  - counting through LRU eviction;
 *  - mapops_map_lookup_or_init() on a full map from two CPUs.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "testutil.h"

enum op_kind { OP_INCREMENT, OP_INCREMENT_ATOMIC, OP_LOOKUP_OR_INIT };

/*
 * r2 = data; r3 = data_end; if data + 4 > data_end goto out;
 * *(u32 *)(r10 - 4) = *(u32 *)data;  <the operation on key r10 - 4>
 * out: r0 = 2; exit
 * For lookup_or_init: r0 = 1 if it returned NULL, else 3 (and an atomic
 * add of 1 to the value).
 */
static int build_and_load(enum op_kind kind, int map_fd)
{
	mapops_prog_t *prog = mapops_prog_new();
	int fd;

	ck_assert_ptr_nonnull(prog);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_W, BPF_REG_2, BPF_REG_1,
					offsetof(struct __sk_buff, data)), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_W, BPF_REG_3, BPF_REG_1,
					offsetof(struct __sk_buff, data_end)), 0);
	ck_assert_int_eq(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_4, BPF_REG_2), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_4, 4), 0);
	ck_assert_int_eq(mapops_jmp_reg(prog, BPF_JGT, BPF_REG_4, BPF_REG_3, "out"), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_W, BPF_REG_5, BPF_REG_2, 0), 0);
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_W, BPF_REG_10, BPF_REG_5, -4), 0);
	switch (kind) {
	case OP_INCREMENT:
		ck_assert_int_eq(mapops_map_increment(prog, map_fd, -4, -16, 1), 0);
		break;
	case OP_INCREMENT_ATOMIC:
		ck_assert_int_eq(mapops_map_increment_atomic(prog, map_fd, -4, -16, 1), 0);
		break;
	case OP_LOOKUP_OR_INIT:
		ck_assert_int_eq(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -16, 0), 0);
		ck_assert_int_eq(mapops_map_lookup_or_init(prog, map_fd, -4, -16), 0);
		ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_0, 0, "found"), 0);
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 1), 0);
		ck_assert_int_eq(mapops_exit(prog), 0);
		ck_assert_int_eq(mapops_label(prog, "found"), 0);
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_1, 1), 0);
		ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0), 0);
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 3), 0);
		ck_assert_int_eq(mapops_exit(prog), 0);
		break;
	}
	ck_assert_int_eq(mapops_label(prog, "out"), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 2), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SCHED_CLS, NULL);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(prog));
	mapops_prog_free(prog);
	return fd;
}

/* One thread's work: keys [first, last) in order, repeat runs each. */
struct worker {
	pthread_t thread;
	int cpu, prog_fd;
	__u32 first, last, repeat;
	__u32 want_retval; /* 0: any */
	int err;           /* errno of a failed run, or -1 for a bad retval */
	__u32 bad_key, bad_retval;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	unsigned char pkt[64] = { 0 }, out[128];
	cpu_set_t set;
	__u32 key;

	CPU_ZERO(&set);
	CPU_SET(w->cpu, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	for (key = w->first; key < w->last && !w->err; key++) {
		LIBBPF_OPTS(bpf_test_run_opts, opts);

		memcpy(pkt, &key, sizeof(key));
		opts.data_in = pkt;
		opts.data_size_in = sizeof(pkt);
		opts.data_out = out;
		opts.data_size_out = sizeof(out);
		opts.repeat = (int)w->repeat;
		if (bpf_prog_test_run_opts(w->prog_fd, &opts)) {
			w->err = errno;
		} else if (w->want_retval && opts.retval != w->want_retval) {
			w->err = -1;
			w->bad_key = key;
			w->bad_retval = opts.retval;
		}
	}
	return NULL;
}

static int ncpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Runs keys [first, last) on every CPU at once (or on n CPUs). */
static void run_everywhere(int prog_fd, int n, __u32 first, __u32 last,
			   __u32 repeat, __u32 want_retval)
{
	struct worker w[64];
	int i;

	for (i = 0; i < n; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].cpu = i % ncpus();
		w[i].prog_fd = prog_fd;
		w[i].first = first;
		w[i].last = last;
		w[i].repeat = repeat;
		w[i].want_retval = want_retval;
		ck_assert_int_eq(pthread_create(&w[i].thread, NULL, work, &w[i]), 0);
	}
	for (i = 0; i < n; i++)
		pthread_join(w[i].thread, NULL);
	for (i = 0; i < n; i++) {
		ck_assert_msg(w[i].err != -1, "cpu %d: key %u returned %u, expected %u",
			      w[i].cpu, w[i].bad_key, w[i].bad_retval, want_retval);
		ck_assert_msg(w[i].err == 0, "cpu %d: BPF_PROG_TEST_RUN: %s",
			      w[i].cpu, strerror(w[i].err));
	}
}

static unsigned count_keys(int map_fd)
{
	__u32 key, next, *prev = NULL;
	unsigned n = 0;

	while (bpf_map_get_next_key(map_fd, prev, &next) == 0) {
		key = next;
		prev = &key;
		n++;
	}
	return n;
}

static __u64 get(int map_fd, __u32 key, bool *present)
{
	__u64 v = 0;

	*present = bpf_map_lookup_elem(map_fd, &key, &v) == 0;
	return v;
}

START_TEST(map_increment_atomic_10000_keys_every_cpu)
{
	const __u32 nkeys = 10000, repeat = 3;
	int n = ncpus() < 2 ? 2 : ncpus();
	int map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 16384);
	int prog_fd = build_and_load(OP_INCREMENT_ATOMIC, map_fd);
	__u32 key;

	/* Every thread walks the same keys in the same order: they race to
	 * create each one. */
	run_everywhere(prog_fd, n, 0, nkeys, repeat, 2);
	ck_assert_uint_eq(count_keys(map_fd), nkeys);
	for (key = 0; key < nkeys; key++) {
		bool present;
		__u64 v = get(map_fd, key, &present);

		ck_assert_msg(present, "key %u missing", key);
		ck_assert_msg(v == (__u64)n * repeat, "key %u: %llu, expected %llu",
			      key, (unsigned long long)v,
			      (unsigned long long)n * repeat);
	}
	close(prog_fd);
	close(map_fd);
}
END_TEST

START_TEST(map_increment_full_hash_drops_new_keys)
{
	/* 100 entries, 1,000 keys: the first 100 are counted, the other 900
	 * are dropped, as the header documents. */
	int map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 100);
	int prog_fd = build_and_load(OP_INCREMENT, map_fd);
	__u32 key;

	run_everywhere(prog_fd, 1, 0, 1000, 5, 2);
	ck_assert_uint_eq(count_keys(map_fd), 100);
	for (key = 0; key < 1000; key++) {
		bool present;
		__u64 v = get(map_fd, key, &present);

		if (key < 100) {
			ck_assert_msg(present && v == 5, "key %u: %llu", key,
				      (unsigned long long)v);
		} else {
			ck_assert_msg(!present, "key %u was counted in a full map", key);
		}
	}
	close(prog_fd);
	close(map_fd);
}
END_TEST

START_TEST(map_increment_atomic_full_hash_drops_new_keys)
{
	int map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 100);
	int prog_fd = build_and_load(OP_INCREMENT_ATOMIC, map_fd);
	int n = ncpus() < 2 ? 2 : ncpus();
	__u32 key;

	run_everywhere(prog_fd, n, 0, 1000, 2, 2);
	ck_assert_uint_eq(count_keys(map_fd), 100);
	for (key = 0; key < 1000; key++) {
		bool present;
		__u64 v = get(map_fd, key, &present);

		/* Whichever 100 keys got in count exactly; the rest are lost. */
		if (present)
			ck_assert_msg(v == (__u64)n * 2, "key %u: %llu", key,
				      (unsigned long long)v);
	}
	close(prog_fd);
	close(map_fd);
}
END_TEST

START_TEST(map_increment_through_lru_eviction)
{
	/* An LRU map makes room by evicting: the newest keys are there and
	 * count exactly; nothing exceeds its true count. */
	int map_fd = tu_map_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, 256);
	int prog_fd = build_and_load(OP_INCREMENT, map_fd);
	unsigned present_keys = 0;
	__u32 key;

	run_everywhere(prog_fd, 1, 0, 5000, 4, 2);
	for (key = 0; key < 5000; key++) {
		bool present;
		__u64 v = get(map_fd, key, &present);

		if (present) {
			present_keys++;
			ck_assert_msg(v <= 4, "key %u: %llu > 4", key,
				      (unsigned long long)v);
		}
	}
	ck_assert_uint_gt(present_keys, 0);
	ck_assert_uint_le(present_keys, 256);
	{
		bool present;
		__u64 v = get(map_fd, 4999, &present);

		ck_assert_msg(present && v == 4, "the newest key: %llu",
			      (unsigned long long)v);
	}
	close(prog_fd);
	close(map_fd);
}
END_TEST

START_TEST(map_lookup_or_init_full_map_two_cpus)
{
	int map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 100);
	int prog_fd = build_and_load(OP_LOOKUP_OR_INIT, map_fd);
	__u64 zero = 0;
	__u32 key;

	for (key = 0; key < 100; key++)
		ck_assert_int_eq(bpf_map_update_elem(map_fd, &key, &zero, BPF_ANY), 0);
	/* New keys on a full map: NULL, from both CPUs at once. */
	run_everywhere(prog_fd, 2, 100, 1100, 1, 1);
	/* Existing keys: found, counted from both CPUs exactly. */
	run_everywhere(prog_fd, 2, 0, 100, 10, 3);
	ck_assert_uint_eq(count_keys(map_fd), 100);
	for (key = 0; key < 100; key++) {
		bool present;
		__u64 v = get(map_fd, key, &present);

		ck_assert_msg(present && v == 20, "key %u: %llu", key,
			      (unsigned long long)v);
	}
	close(prog_fd);
	close(map_fd);
}
END_TEST

int main(void)
{
	const struct {
		const char *name;
		const TTest *test;
	} cases[] = {
		{ "map_increment_atomic_10000_keys_every_cpu", map_increment_atomic_10000_keys_every_cpu },
		{ "map_increment_full_hash_drops_new_keys", map_increment_full_hash_drops_new_keys },
		{ "map_increment_atomic_full_hash_drops_new_keys", map_increment_atomic_full_hash_drops_new_keys },
		{ "map_increment_through_lru_eviction", map_increment_through_lru_eviction },
		{ "map_lookup_or_init_full_map_two_cpus", map_lookup_or_init_full_map_two_cpus },
	};
	Suite *s = suite_create("kernel-counting");
	size_t i;

	if (!tu_bpf_available())
		return tu_skip_code();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		TCase *tc = tcase_create(cases[i].name);

		tcase_add_test(tc, cases[i].test);
		suite_add_tcase(s, tc);
	}
	return tu_run_suite(s);
}
