/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Maps in registers (mapops_map_reg) in the running kernel, through
 * map-in-map: the program looks the inner map up in an ARRAY_OF_MAPS or a
 * HASH_OF_MAPS, moves the pointer into register M, and runs a map
 * operation on mapops_map_reg(M), for every allowed M and every
 * combination with the other registers the operation takes (key, value,
 * context, CPU).
 *
 * The key is stored at r10 - 8, the value at r10 - 16 and a decoy key at
 * r10 - 24; before the operation every free register of r0..r5 points at
 * the decoy and r6..r9 hold canaries, checked afterwards: a sequence that
 * reads the wrong register uses the decoy (caught when the inner map is
 * read back) or a scalar (refused by the verifier), and one that touches
 * r6..r9 returns CLOBBERED_RET.
 */
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel11.h"

#define KEY_OFF (-8)
#define VALUE_OFF (-16)
#define DECOY_OFF (-24)
#define OUTER_OFF (-32)
#define CTX_OFF (-40)
#define NOMAP_RET 0x0DEAD
#define MISS_RET 0x0BADBAD0u

static const __u64 key = 0x1111, decoy_key = 0xDEC0;
static const __u64 value = 0xC0DE0000AAAA5555ULL, decoy_value = 0x5A5A;

static const enum bpf_map_type outers[] = { BPF_MAP_TYPE_ARRAY_OF_MAPS,
					    BPF_MAP_TYPE_HASH_OF_MAPS };

struct mim {
	int outer, inner;
	enum bpf_map_type inner_type;
};

static void mim_make(struct mim *m, int outer_i, enum bpf_map_type inner,
		     unsigned ks, unsigned vs, unsigned entries)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts);
	__u32 k = 0;

	m->inner_type = inner;
	m->inner = tu_map_create(inner, ks, vs, entries);
	opts.inner_map_fd = (__u32)m->inner;
	m->outer = bpf_map_create(outers[outer_i], NULL, 4, 4, 1, &opts);
	ck_assert_msg(m->outer >= 0, "bpf_map_create(%s): %s",
		      tu_map_type_name(outers[outer_i]), strerror(errno));
	ck_assert_int_eq(bpf_map_update_elem(m->outer, &k, &m->inner, BPF_ANY), 0);
}

static void mim_free(struct mim *m)
{
	close(m->outer);
	close(m->inner);
}

/* The maps of a tcase, made once in the parent (an unchecked fixture) for
 * both outer types: creating and freeing map-in-maps is what costs time. */
static struct mim mims[2];

static void mims_make(enum bpf_map_type inner, unsigned ks, unsigned vs,
		      unsigned entries)
{
	mim_make(&mims[0], 0, inner, ks, vs, entries);
	mim_make(&mims[1], 1, inner, ks, vs, entries);
}

static void mims_free(void)
{
	mim_free(&mims[0]);
	mim_free(&mims[1]);
}

static void setup_hash(void)
{
	mims_make(BPF_MAP_TYPE_HASH, 8, 8, 8);
}

static void setup_ringbuf(void)
{
	mims_make(BPF_MAP_TYPE_RINGBUF, 0, 0, 4096);
}

static void setup_queue(void)
{
	mims_make(BPF_MAP_TYPE_QUEUE, 0, 8, 4);
}

static void setup_percpu(void)
{
	mims_make(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 1);
}

static void setup_perf(void)
{
	mims_make(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4,
		  (unsigned)libbpf_num_possible_cpus());
}

/* The shared map of this outer type, emptied. */
static struct mim *mim_get(int outer)
{
	struct mim *m = &mims[outer];

	if (m->inner_type == BPF_MAP_TYPE_HASH) {
		__u64 k, next;

		while (bpf_map_get_next_key(m->inner, NULL, &next) == 0) {
			k = next;
			ck_assert_int_eq(bpf_map_delete_elem(m->inner, &k), 0);
		}
	} else if (m->inner_type == BPF_MAP_TYPE_QUEUE) {
		__u64 v;

		while (bpf_map_lookup_and_delete_elem(m->inner, NULL, &v) == 0)
			;
	}
	return m;
}

/* Stores key, value and decoy; r0 = the inner map (or return NOMAP_RET);
 * rM = it; decoy pointers in r0..r5 and canaries in r6..r9 but those in
 * the mask "used" (M is added to it). */
static void prologue(mapops_prog_t *p, const struct mim *m, int M,
		     unsigned used)
{
	int r;

	used |= 1u << M;
	OK(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_1, CTX_OFF));
	k11_put_bytes(p, KEY_OFF, &key, 8);
	k11_put_bytes(p, VALUE_OFF, &value, 8);
	k11_put_bytes(p, DECOY_OFF, &decoy_key, 8);
	OK(p, mapops_st_mem(p, BPF_W, BPF_REG_10, OUTER_OFF, 0));
	OK(p, mapops_map_lookup(p, m->outer, OUTER_OFF));
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	if (M != BPF_REG_0)
		OK(p, mapops_alu64_reg(p, BPF_MOV, M, BPF_REG_0));
	/* The context stays reachable in r1 for those who asked for it. */
	for (r = BPF_REG_0; r <= BPF_REG_5; r++) {
		if (used & (1u << r))
			continue;
		OK(p, mapops_alu64_reg(p, BPF_MOV, r, BPF_REG_10));
		OK(p, mapops_alu64_imm(p, BPF_ADD, r, DECOY_OFF));
	}
}

/* rR = r10 + off. */
static void point(mapops_prog_t *p, int r, int off)
{
	OK(p, mapops_alu64_reg(p, BPF_MOV, r, BPF_REG_10));
	OK(p, mapops_alu64_imm(p, BPF_ADD, r, off));
}

static void epilogue(mapops_prog_t *p)
{
	OK(p, mapops_label(p, "nomap"));
	k11_put_return(p, NOMAP_RET);
	k11_put_clobbered(p);
}

static int run(mapops_prog_t *p)
{
	int fd = tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS);
	int ret = (int)tu_prog_run(fd, 0, NULL, 0);

	close(fd);
	return ret;
}

static bool inner_get(const struct mim *m, __u64 k, __u64 *v)
{
	return bpf_map_lookup_elem(m->inner, &k, v) == 0;
}

static void inner_put(const struct mim *m, __u64 k, __u64 v)
{
	ck_assert_int_eq(bpf_map_update_elem(m->inner, &k, &v, BPF_ANY), 0);
}

/* Canaries are set after the registers in use are placed. */
static void canaries(mapops_prog_t *p, unsigned used)
{
	k11_put_canaries(p, used);
}

/* _i = outer * 100 + M * 10 + K. */
START_TEST(map_reg_lookup_ptr_each_pair)
{
	int outer = _i / 100, M = _i / 10 % 10, K = _i % 10, ret;
	unsigned used = 1u << M | 1u << K;
	mapops_prog_t *p;
	struct mim m;

	if (M == K)
		return;
	m = *mim_get(outer);
	inner_put(&m, key, value);
	inner_put(&m, decoy_key, decoy_value);
	p = k11_new();
	prologue(p, &m, M, used);
	point(p, K, KEY_OFF);
	canaries(p, used);
	OK(p, mapops_map_lookup_ptr(p, mapops_map_reg(M), K));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "miss"));
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_0, 0));
	OK(p, mapops_exit(p));
	OK(p, mapops_label(p, "miss"));
	OK(p, mapops_ld_imm64(p, BPF_REG_0, MISS_RET));
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	ck_assert_msg((__u32)ret == (__u32)value, "%s map r%d key r%d: 0x%x",
		      tu_map_type_name(outers[outer]), M, K, (unsigned)ret);
	mapops_prog_free(p);
}
END_TEST

START_TEST(map_reg_delete_ptr_each_pair)
{
	int outer = _i / 100, M = _i / 10 % 10, K = _i % 10, ret;
	unsigned used = 1u << M | 1u << K;
	mapops_prog_t *p;
	struct mim m;
	__u64 v;

	if (M == K)
		return;
	m = *mim_get(outer);
	inner_put(&m, key, value);
	inner_put(&m, decoy_key, decoy_value);
	p = k11_new();
	prologue(p, &m, M, used);
	point(p, K, KEY_OFF);
	canaries(p, used);
	OK(p, mapops_map_delete_ptr(p, mapops_map_reg(M), K));
	k11_check_canaries(p, used);
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	ck_assert_msg(ret == 0, "map r%d key r%d: %d", M, K, ret);
	ck_assert_msg(!inner_get(&m, key, &v), "map r%d key r%d: key stayed", M, K);
	ck_assert_msg(inner_get(&m, decoy_key, &v), "map r%d key r%d: decoy deleted", M, K);
	mapops_prog_free(p);
}
END_TEST

/* Every (M, K, V) with ARRAY_OF_MAPS: _i = M * 100 + K * 10 + V; the
 * registers do not depend on where the map came from, so HASH_OF_MAPS
 * runs the 100 triples with V = K + 1: _i = 1000 + M * 10 + K. */
START_TEST(map_reg_update_ptr_each_triple)
{
	int outer = _i / 1000;
	int M = outer ? _i / 10 % 10 : _i / 100 % 10;
	int K = outer ? _i % 10 : _i / 10 % 10;
	int V = outer ? (K + 1) % 10 : _i % 10;
	unsigned used = 1u << M | 1u << K | 1u << V;
	mapops_prog_t *p;
	struct mim m;
	__u64 v;
	int ret;

	if (M == K || M == V)
		return;
	m = *mim_get(outer);
	p = k11_new();
	prologue(p, &m, M, used);
	point(p, K, KEY_OFF);
	if (V != K)
		point(p, V, VALUE_OFF);
	canaries(p, used);
	OK(p, mapops_map_update_ptr(p, mapops_map_reg(M), K, V, BPF_ANY));
	k11_check_canaries(p, used);
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	ck_assert_msg(ret == 0, "map r%d key r%d value r%d: %d", M, K, V, ret);
	ck_assert_msg(inner_get(&m, key, &v), "map r%d key r%d value r%d: no key",
		      M, K, V);
	ck_assert_msg(v == (V == K ? key : value),
		      "map r%d key r%d value r%d: 0x%llx", M, K, V,
		      (unsigned long long)v);
	ck_assert_msg(!inner_get(&m, decoy_key, &v),
		      "map r%d key r%d value r%d: decoy written", M, K, V);
	mapops_prog_free(p);
}
END_TEST

/* lookup, update, delete and ld_map_fd with the map in each of r0..r9:
 * _i = outer * 10 + M. */
START_TEST(map_reg_stack_key_ops_each_reg)
{
	int outer = _i / 10, M = _i % 10, ret;
	unsigned used = 1u << M;
	mapops_prog_t *p;
	struct mim m;
	__u64 v;

	m = *mim_get(outer);
	inner_put(&m, decoy_key, decoy_value);
	p = k11_new();
	prologue(p, &m, M, used);
	canaries(p, used);
	/* update(key, value); the map pointer dies with the call if M < 6,
	 * so each step starts from a fresh lookup in the outer map. */
	OK(p, mapops_map_update(p, mapops_map_reg(M), KEY_OFF, VALUE_OFF, BPF_ANY));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, 0, "fail"));
	OK(p, mapops_map_lookup(p, m.outer, OUTER_OFF));
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_ld_map_fd(p, M, mapops_map_reg(BPF_REG_0)));
	OK(p, mapops_map_lookup(p, mapops_map_reg(M), KEY_OFF));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "fail"));
	OK(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_0, 0));
	OK(p, mapops_ld_imm64(p, BPF_REG_2, value));
	OK(p, mapops_jmp_reg(p, BPF_JNE, BPF_REG_1, BPF_REG_2, "fail"));
	OK(p, mapops_map_lookup(p, m.outer, OUTER_OFF));
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	if (M != BPF_REG_0)
		OK(p, mapops_alu64_reg(p, BPF_MOV, M, BPF_REG_0));
	OK(p, mapops_map_delete(p, mapops_map_reg(M), DECOY_OFF));
	k11_check_canaries(p, used);
	OK(p, mapops_exit(p));
	OK(p, mapops_label(p, "fail"));
	k11_put_return(p, -1);
	epilogue(p);
	ret = run(p);
	ck_assert_msg(ret == 0, "%s map r%d: %d", tu_map_type_name(outers[outer]),
		      M, ret);
	ck_assert(inner_get(&m, key, &v) && v == value);
	ck_assert(!inner_get(&m, decoy_key, &v));
	mapops_prog_free(p);
}
END_TEST

/* increment, increment_atomic (twice each) and lookup_or_init with the
 * map in r6..r9: _i = outer * 4 + M - 6. */
START_TEST(map_reg_two_call_ops_callee_saved)
{
	int outer = _i / 4, M = BPF_REG_6 + _i % 4, ret;
	unsigned used = 1u << M;
	__u64 init = 0x77, k2 = 0x2222, k3 = 0x3333, v;
	mapops_prog_t *p;
	struct mim m;

	m = *mim_get(outer);
	p = k11_new();
	prologue(p, &m, M, used);
	canaries(p, used);
	OK(p, mapops_map_increment(p, mapops_map_reg(M), KEY_OFF, VALUE_OFF, 5));
	OK(p, mapops_map_increment(p, mapops_map_reg(M), KEY_OFF, VALUE_OFF, 5));
	k11_put_bytes(p, DECOY_OFF, &k2, 8);
	OK(p, mapops_map_increment_atomic(p, mapops_map_reg(M), DECOY_OFF,
					  VALUE_OFF, 3));
	OK(p, mapops_map_increment_atomic(p, mapops_map_reg(M), DECOY_OFF,
					  VALUE_OFF, 3));
	k11_put_bytes(p, DECOY_OFF, &k3, 8);
	k11_put_bytes(p, VALUE_OFF, &init, 8);
	OK(p, mapops_map_lookup_or_init(p, mapops_map_reg(M), DECOY_OFF,
					VALUE_OFF));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	ck_assert_int_eq(ret, 0x77);
	ck_assert(inner_get(&m, key, &v) && v == 10);
	ck_assert(inner_get(&m, k2, &v) && v == 6);
	ck_assert(inner_get(&m, k3, &v) && v == 0x77);
	mapops_prog_free(p);
}
END_TEST

static int count_sample(void *ctx, void *data, size_t size)
{
	(void)data;
	(void)size;
	(*(int *)ctx)++;
	return 0;
}

/* Ring buffer, queue, per-CPU and perf inner maps with the map in each
 * register: _i = outer * 10 + M. */
START_TEST(map_reg_ringbuf_each_reg)
{
	int outer = _i / 10, M = _i % 10, ret;
	unsigned used = 1u << M;
	struct ring_buffer *rb;
	mapops_prog_t *p;
	struct mim m;
	int n = 0;

	m = *mim_get(outer);
	p = k11_new();
	prologue(p, &m, M, used);
	canaries(p, used);
	OK(p, mapops_ringbuf_output(p, mapops_map_reg(M), VALUE_OFF, 8, 0));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_map_lookup(p, m.outer, OUTER_OFF));
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	if (M != BPF_REG_0)
		OK(p, mapops_alu64_reg(p, BPF_MOV, M, BPF_REG_0));
	OK(p, mapops_ringbuf_reserve(p, mapops_map_reg(M), 8));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_st_mem(p, BPF_DW, BPF_REG_0, 0, 0x5EC0));
	OK(p, mapops_ringbuf_submit(p, BPF_REG_0, 0));
	k11_put_return(p, 0);
	epilogue(p);
	ret = run(p);
	ck_assert_msg(ret == 0, "map r%d: %d", M, ret);
	rb = ring_buffer__new(m.inner, count_sample, &n, NULL);
	ck_assert_ptr_nonnull(rb);
	ck_assert_int_ge(ring_buffer__consume(rb), 0);
	ring_buffer__free(rb);
	ck_assert_int_eq(n, 2);
	mapops_prog_free(p);
}
END_TEST

START_TEST(map_reg_queue_each_reg)
{
	int outer = _i / 10, M = _i % 10, ret;
	unsigned used = 1u << M;
	mapops_prog_t *p;
	struct mim m;
	__u64 v;

	m = *mim_get(outer);
	v = 0x42;
	ck_assert_int_eq(bpf_map_update_elem(m.inner, NULL, &v, BPF_ANY), 0);
	p = k11_new();
	prologue(p, &m, M, used);
	canaries(p, used);
	OK(p, mapops_map_push(p, mapops_map_reg(M), VALUE_OFF, BPF_ANY));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_map_lookup(p, m.outer, OUTER_OFF));
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	if (M != BPF_REG_0)
		OK(p, mapops_alu64_reg(p, BPF_MOV, M, BPF_REG_0));
	if (M >= BPF_REG_6) {
		OK(p, mapops_map_peek(p, mapops_map_reg(M), DECOY_OFF));
		OK(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, 0, "nomap"));
	}
	OK(p, mapops_map_pop(p, mapops_map_reg(M), DECOY_OFF));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_10, DECOY_OFF));
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	ck_assert_msg(ret == 0x42, "map r%d: 0x%x", M, (unsigned)ret);
	ck_assert_int_eq(bpf_map_lookup_and_delete_elem(m.inner, NULL, &v), 0);
	ck_assert_uint_eq(v, value);
	mapops_prog_free(p);
}
END_TEST

/* _i = outer * 100 + M * 10 + C (the CPU register). */
START_TEST(map_reg_lookup_percpu_each_pair)
{
	int outer = _i / 100, M = _i / 10 % 10, C = _i % 10, ret;
	int ncpu = libbpf_num_possible_cpus(), cpu = ncpu - 1, c;
	unsigned used = 1u << M | 1u << C;
	__u64 *vals = calloc((size_t)ncpu, 8);
	mapops_prog_t *p;
	struct mim m;
	__u32 k = 0;

	ck_assert_ptr_nonnull(vals);
	if (M == C) {
		free(vals);
		return;
	}
	m = *mim_get(outer);
	for (c = 0; c < ncpu; c++)
		vals[c] = 0x300u + (unsigned)c;
	ck_assert_int_eq(bpf_map_update_elem(m.inner, &k, vals, BPF_ANY), 0);
	p = k11_new();
	prologue(p, &m, M, used);
	OK(p, mapops_alu64_imm(p, BPF_MOV, C, cpu));
	OK(p, mapops_st_mem(p, BPF_W, BPF_REG_10, OUTER_OFF, 0));
	canaries(p, used);
	OK(p, mapops_map_lookup_percpu(p, mapops_map_reg(M), OUTER_OFF, C));
	k11_check_canaries(p, used);
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "nomap"));
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_0, 0));
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	ck_assert_msg(ret == 0x300 + cpu, "map r%d cpu r%d: 0x%x", M, C,
		      (unsigned)ret);
	free(vals);
	mapops_prog_free(p);
}
END_TEST

/* perf_event_output to an inner perf event array: _i = outer * 100 +
 * M * 10 + X (the context register, reloaded from the stack). */
static int perf_samples;

static void perf_sample(void *ctx, int cpu, void *data, __u32 size)
{
	(void)ctx;
	(void)cpu;
	ck_assert_uint_ge(size, 8);
	ck_assert_mem_eq(data, &value, 8);
	perf_samples++;
}

START_TEST(map_reg_perf_event_output_each_pair)
{
	int outer = _i / 100, M = _i / 10 % 10, X = _i % 10, ret;
	unsigned used = 1u << M | 1u << X;
	struct perf_buffer *pb;
	mapops_prog_t *p;
	struct mim m;

	if (M == X || X == BPF_REG_0)
		return;
	m = *mim_get(outer);
	pb = perf_buffer__new(m.inner, 4, perf_sample, NULL, NULL, NULL);
	ck_assert_msg(pb != NULL, "perf_buffer__new: %s", strerror(errno));
	p = k11_new();
	prologue(p, &m, M, used);
	OK(p, mapops_ldx_mem(p, BPF_DW, X, BPF_REG_10, CTX_OFF));
	canaries(p, used);
	OK(p, mapops_perf_event_output(p, X, mapops_map_reg(M), VALUE_OFF, 8,
				       BPF_F_CURRENT_CPU));
	k11_check_canaries(p, used);
	OK(p, mapops_exit(p));
	epilogue(p);
	ret = run(p);
	perf_samples = 0;
	ck_assert_int_ge(perf_buffer__poll(pb, 100), 0);
	perf_buffer__free(pb);
	ck_assert_msg(ret == 0 && perf_samples == 1, "map r%d ctx r%d: %d, %d samples",
		      M, X, ret, perf_samples);
	mapops_prog_free(p);
}
END_TEST

static Suite *mapreg_suite(void)
{
	Suite *s = suite_create("kernel-mapreg");
	TCase *tc;

#define TCL(name, fn, lo, hi, setup)                                        \
	tc = tcase_create(name);                                            \
	tcase_add_unchecked_fixture(tc, setup, mims_free);                  \
	tcase_add_loop_test(tc, fn, lo, hi);                                \
	suite_add_tcase(s, tc)
	TCL("map_reg_lookup_ptr_each_pair", map_reg_lookup_ptr_each_pair, 0, 200, setup_hash);
	TCL("map_reg_delete_ptr_each_pair", map_reg_delete_ptr_each_pair, 0, 200, setup_hash);
	TCL("map_reg_update_ptr_each_triple", map_reg_update_ptr_each_triple, 0, 1100, setup_hash);
	TCL("map_reg_stack_key_ops_each_reg", map_reg_stack_key_ops_each_reg, 0, 20, setup_hash);
	TCL("map_reg_two_call_ops_callee_saved", map_reg_two_call_ops_callee_saved, 0, 8, setup_hash);
	TCL("map_reg_ringbuf_each_reg", map_reg_ringbuf_each_reg, 0, 20, setup_ringbuf);
	TCL("map_reg_queue_each_reg", map_reg_queue_each_reg, 0, 20, setup_queue);
	TCL("map_reg_lookup_percpu_each_pair", map_reg_lookup_percpu_each_pair, 0, 200, setup_percpu);
	TCL("map_reg_perf_event_output_each_pair",
	    map_reg_perf_event_output_each_pair, 0, 200, setup_perf);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	/* Forking ~2000 times is what makes this suite slow (5 s, over 100 s
	 * under ASan or qemu, against 1.3 s in-process); every iteration frees
	 * what it makes and starts from emptied maps, so run them in-process
	 * unless the caller says otherwise (CK_FORK=yes). */
	setenv("CK_FORK", "no", 0);
	return tu_run_suite(mapreg_suite());
}
