/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Tail calls in the running kernel: mapops_tail_call with the context in
 * each of r1..r9, mapops_tail_call_reg with every (context, index) register
 * pair, a jump and a fall-through (empty slot, and the chain limit), and a
 * dispatcher that tail-calls by a byte read from the packet.
 *
 * Slot 1 of the program array holds a program returning skb->len + 0x1000
 * (so a wrong context is caught: the verifier refuses a scalar as the
 * context, and the length proves which packet it saw); slot 2 one returning
 * 0x2222; the other slots are empty.
 */
#include <unistd.h>

#include <bpf/bpf.h>

#include "kernel11.h"

#define FALLTHROUGH 0xFA11
#define SLOT1_BASE 0x1000
#define SLOT2_RET 0x2222
#define PKT_LEN 64

static int load(mapops_prog_t *p)
{
	return tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS);
}

static int run_fd(int fd, unsigned char first)
{
	unsigned char pkt[PKT_LEN] = { first };

	return (int)tu_prog_run(fd, 0, pkt, sizeof(pkt));
}

static int run(mapops_prog_t *p, unsigned char first)
{
	int fd = load(p), ret = run_fd(fd, first);

	close(fd);
	return ret;
}

struct targets {
	int array, slot1, slot2;
};

static void targets_make(struct targets *t)
{
	mapops_prog_t *p = k11_new();
	__u32 k;

	t->array = tu_map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4);
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_1,
			     (int)offsetof(struct __sk_buff, len)));
	OK(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_0, SLOT1_BASE));
	OK(p, mapops_exit(p));
	t->slot1 = load(p);
	mapops_prog_free(p);
	p = k11_new();
	k11_put_return(p, SLOT2_RET);
	t->slot2 = load(p);
	mapops_prog_free(p);
	k = 1;
	ck_assert_int_eq(bpf_map_update_elem(t->array, &k, &t->slot1, BPF_ANY), 0);
	k = 2;
	ck_assert_int_eq(bpf_map_update_elem(t->array, &k, &t->slot2, BPF_ANY), 0);
}

static void targets_free(struct targets *t)
{
	close(t->array);
	close(t->slot1);
	close(t->slot2);
}

/* ctx in reg (moved from r1), the other registers scalars 2, r6..r9
 * canaries where free; tail call to index; fall through returns
 * FALLTHROUGH. */
START_TEST(tail_call_each_ctx_reg)
{
	struct targets t;
	int ctx = _i / 4 + 1;
	__u32 index = (__u32)(_i % 4);
	mapops_prog_t *p = k11_new();
	int r, want;

	targets_make(&t);
	if (ctx != BPF_REG_1)
		OK(p, mapops_alu64_reg(p, BPF_MOV, ctx, BPF_REG_1));
	for (r = BPF_REG_0; r <= BPF_REG_5; r++)
		if (r != ctx)
			OK(p, mapops_alu64_imm(p, BPF_MOV, r, 2));
	k11_put_canaries(p, 1u << ctx);
	OK(p, mapops_tail_call(p, ctx, t.array, index));
	k11_check_canaries(p, 1u << ctx);
	k11_put_return(p, FALLTHROUGH);
	k11_put_clobbered(p);
	want = index == 1 ? SLOT1_BASE + PKT_LEN :
	       index == 2 ? SLOT2_RET : FALLTHROUGH;
	ck_assert_msg(run(p, 0) == want, "ctx r%d index %u: returned 0x%x",
		      ctx, index, (unsigned)run(p, 0));
	mapops_prog_free(p);
	targets_free(&t);
}
END_TEST

/* Every (ctx, index) register pair; every other register holds 2, so a
 * lost index jumps to slot 2 and a lost context fails the verifier. */
START_TEST(tail_call_reg_each_pair)
{
	int ctx = _i / 10, idx = _i % 10, r;
	mapops_prog_t *p;
	struct targets t;
	int ret;

	if (ctx == idx)
		return;
	targets_make(&t);
	p = k11_new();
	if (ctx != BPF_REG_1)
		OK(p, mapops_alu64_reg(p, BPF_MOV, ctx, BPF_REG_1));
	for (r = BPF_REG_0; r <= BPF_REG_9; r++)
		if (r != ctx && r != idx)
			OK(p, mapops_alu64_imm(p, BPF_MOV, r, 2));
	OK(p, mapops_alu64_imm(p, BPF_MOV, idx, 1));
	OK(p, mapops_tail_call_reg(p, ctx, t.array, idx));
	k11_put_return(p, FALLTHROUGH);
	ret = run(p, 0);
	ck_assert_msg(ret == SLOT1_BASE + PKT_LEN,
		      "ctx r%d index r%d: returned 0x%x", ctx, idx,
		      (unsigned)ret);
	mapops_prog_free(p);
	targets_free(&t);
}
END_TEST

/* A dispatcher: index = the packet's first byte. */
START_TEST(tail_call_reg_dispatcher)
{
	mapops_prog_t *p = k11_new();
	struct targets t;
	int fd;

	targets_make(&t);
	OK(p, mapops_alu64_reg(p, BPF_MOV, BPF_REG_6, BPF_REG_1));
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_2, BPF_REG_6,
			     (int)offsetof(struct __sk_buff, data)));
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_3, BPF_REG_6,
			     (int)offsetof(struct __sk_buff, data_end)));
	OK(p, mapops_alu64_reg(p, BPF_MOV, BPF_REG_4, BPF_REG_2));
	OK(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_4, 1));
	OK(p, mapops_jmp_reg(p, BPF_JGT, BPF_REG_4, BPF_REG_3, "out"));
	OK(p, mapops_ldx_mem(p, BPF_B, BPF_REG_7, BPF_REG_2, 0));
	OK(p, mapops_tail_call_reg(p, BPF_REG_6, t.array, BPF_REG_7));
	OK(p, mapops_label(p, "out"));
	k11_put_return(p, FALLTHROUGH);
	fd = load(p);
	ck_assert_int_eq(run_fd(fd, 1), SLOT1_BASE + PKT_LEN);
	ck_assert_int_eq(run_fd(fd, 2), SLOT2_RET);
	ck_assert_int_eq(run_fd(fd, 0), FALLTHROUGH);
	ck_assert_int_eq(run_fd(fd, 3), FALLTHROUGH);
	ck_assert_int_eq(run_fd(fd, 200), FALLTHROUGH);
	close(fd);
	mapops_prog_free(p);
	targets_free(&t);
}
END_TEST

/* A program that counts itself (through a direct value pointer) and
 * tail-calls itself: the kernel stops the chain after 33 tail calls
 * (MAX_TAIL_CALL_CNT since 5.17), and the last one falls through. */
START_TEST(tail_call_chain_limit_falls_through)
{
	int array = tu_map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 1);
	int counter = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1);
	mapops_prog_t *p = k11_new();
	__u32 k = 0;
	__u64 n = 0;
	int fd;

	OK(p, mapops_ld_map_value(p, BPF_REG_2, counter, 0));
	OK(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_3, 1));
	OK(p, mapops_atomic_op(p, BPF_DW, BPF_ADD, BPF_REG_2, BPF_REG_3, 0));
	OK(p, mapops_tail_call(p, BPF_REG_1, array, 0));
	k11_put_return(p, FALLTHROUGH);
	fd = load(p);
	ck_assert_int_eq(bpf_map_update_elem(array, &k, &fd, BPF_ANY), 0);
	ck_assert_int_eq(run_fd(fd, 0), FALLTHROUGH);
	ck_assert_int_eq(bpf_map_lookup_elem(counter, &k, &n), 0);
	ck_assert_uint_eq(n, 34);
	/* Break the cycle prog -> array -> prog before closing. */
	ck_assert_int_eq(bpf_map_delete_elem(array, &k), 0);
	close(fd);
	mapops_prog_free(p);
	close(array);
	close(counter);
}
END_TEST

/* The library knows the map. */
START_TEST(tail_call_refused_on_known_map)
{
	int hash = tu_map_create(BPF_MAP_TYPE_HASH, 4, 4, 4);
	mapops_prog_t *p = k11_new();

	ck_assert_refused(p, mapops_tail_call(p, BPF_REG_1, hash, 0), EINVAL,
			  "is a hash map, not a program array");
	ck_assert_refused(p, mapops_tail_call_reg(p, BPF_REG_1, hash,
						  BPF_REG_2),
			  EINVAL, "not a program array");
	ck_assert_uint_eq(mapops_prog_len(p), 0);
	mapops_prog_free(p);
	close(hash);
}
END_TEST

static Suite *tailcall_suite(void)
{
	Suite *s = suite_create("kernel-tailcall");
	TCase *tc;

#define TCL(name, fn, lo, hi)                                               \
	tc = tcase_create(name);                                            \
	tcase_add_loop_test(tc, fn, lo, hi);                                \
	suite_add_tcase(s, tc)
	TCL("tail_call_each_ctx_reg", tail_call_each_ctx_reg, 0, 9 * 4);
	TCL("tail_call_reg_each_pair", tail_call_reg_each_pair, 0, 100);
	TCL("tail_call_reg_dispatcher", tail_call_reg_dispatcher, 0, 1);
	TCL("tail_call_chain_limit_falls_through",
	    tail_call_chain_limit_falls_through, 0, 1);
	TCL("tail_call_refused_on_known_map", tail_call_refused_on_known_map,
	    0, 1);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(tailcall_suite());
}
