/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Queues and stacks in the running kernel: mapops_map_push, mapops_map_pop
 * and mapops_map_peek.  Programs push the packet's first 8 bytes or pop
 * into the stack and return what they popped; user space pushes, pops and
 * peeks with libbpf to check order (FIFO, LIFO), BPF_EXIST overwriting the
 * oldest element of a full map, and pop and peek on an empty map.
 */
#include <unistd.h>

#include <bpf/bpf.h>

#include "kernel11.h"

#define VAL_OFF (-8)
#define MISS 0x0E0E0E0Eu

static int run_pkt(mapops_prog_t *p, __u64 v)
{
	unsigned char pkt[64] = { 0 };
	int fd = tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS);
	int ret;

	memcpy(pkt, &v, sizeof(v));
	ret = (int)tu_prog_run(fd, 0, pkt, sizeof(pkt));
	close(fd);
	return ret;
}

/* Pushes the packet's first 8 bytes with flags; returns the push's r0. */
static mapops_prog_t *push_prog(int map_fd, __u64 flags)
{
	mapops_prog_t *p = k11_new();

	/* r0 = *(u64 *)(skb->data): load it from the context. */
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_2, BPF_REG_1,
			     (int)offsetof(struct __sk_buff, data)));
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_3, BPF_REG_1,
			     (int)offsetof(struct __sk_buff, data_end)));
	OK(p, mapops_alu64_reg(p, BPF_MOV, BPF_REG_4, BPF_REG_2));
	OK(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_4, 8));
	OK(p, mapops_jmp_reg(p, BPF_JGT, BPF_REG_4, BPF_REG_3, "short"));
	OK(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_2, 0));
	OK(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_0, VAL_OFF));
	k11_put_canaries(p, 0);
	OK(p, mapops_map_push(p, map_fd, VAL_OFF, flags));
	k11_check_canaries(p, 0);
	OK(p, mapops_exit(p));
	OK(p, mapops_label(p, "short"));
	k11_put_return(p, -1);
	k11_put_clobbered(p);
	return p;
}

/* Pops (or peeks); returns the low 32 bits popped, or MISS with the
 * helper's -ENOENT checked. */
static mapops_prog_t *pop_prog(int map_fd, bool peek)
{
	mapops_prog_t *p = k11_new();

	OK(p, mapops_st_mem(p, BPF_DW, BPF_REG_10, VAL_OFF, 0));
	k11_put_canaries(p, 0);
	if (peek)
		OK(p, mapops_map_peek(p, map_fd, VAL_OFF));
	else
		OK(p, mapops_map_pop(p, map_fd, VAL_OFF));
	k11_check_canaries(p, 0);
	OK(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_0, 0, "miss"));
	OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_10, VAL_OFF));
	OK(p, mapops_exit(p));
	OK(p, mapops_label(p, "miss"));
	/* 32 bits: before 6.4 the helper's int result is zero-extended. */
	OK(p, mapops_jmp32_imm(p, BPF_JNE, BPF_REG_0, -ENOENT, "clobbered"));
	OK(p, mapops_ld_imm64(p, BPF_REG_0, MISS));
	OK(p, mapops_exit(p));
	k11_put_clobbered(p);
	return p;
}

static const enum bpf_map_type types[] = { BPF_MAP_TYPE_QUEUE,
					   BPF_MAP_TYPE_STACK };

/* Pushes 1, 2, 3 from the program; pops from user space. */
START_TEST(map_push_order)
{
	int fd = tu_map_create(types[_i], 0, 8, 4), i;
	mapops_prog_t *p = push_prog(fd, BPF_ANY);
	__u64 v;

	for (i = 1; i <= 3; i++)
		ck_assert_int_eq(run_pkt(p, (__u64)i), 0);
	for (i = 1; i <= 3; i++) {
		ck_assert_int_eq(bpf_map_lookup_and_delete_elem(fd, NULL, &v), 0);
		ck_assert_uint_eq(v, types[_i] == BPF_MAP_TYPE_QUEUE ?
				  (__u64)i : (__u64)(4 - i));
	}
	mapops_prog_free(p);
	close(fd);
}
END_TEST

/* Pushes from user space; pops from the program: FIFO or LIFO. */
START_TEST(map_pop_order)
{
	int fd = tu_map_create(types[_i], 0, 8, 4), i;
	mapops_prog_t *p = pop_prog(fd, false);
	__u64 v;

	for (i = 1; i <= 3; i++) {
		v = 0x100u + (unsigned)i;
		ck_assert_int_eq(bpf_map_update_elem(fd, NULL, &v, BPF_ANY), 0);
	}
	for (i = 1; i <= 3; i++)
		ck_assert_int_eq(run_pkt(p, 0),
				 types[_i] == BPF_MAP_TYPE_QUEUE ? 0x100 + i :
								   0x104 - i);
	ck_assert_uint_eq((unsigned)run_pkt(p, 0), MISS);
	mapops_prog_free(p);
	close(fd);
}
END_TEST

/* Peek twice gives the same element, which stays. */
START_TEST(map_peek_keeps)
{
	int fd = tu_map_create(types[_i], 0, 8, 4);
	mapops_prog_t *p = pop_prog(fd, true);
	__u64 v = 0x77;

	ck_assert_uint_eq((unsigned)run_pkt(p, 0), MISS);
	ck_assert_int_eq(bpf_map_update_elem(fd, NULL, &v, BPF_ANY), 0);
	ck_assert_int_eq(run_pkt(p, 0), 0x77);
	ck_assert_int_eq(run_pkt(p, 0), 0x77);
	ck_assert_int_eq(bpf_map_lookup_and_delete_elem(fd, NULL, &v), 0);
	ck_assert_uint_eq(v, 0x77);
	mapops_prog_free(p);
	close(fd);
}
END_TEST

/* Full: BPF_ANY fails with -E2BIG, BPF_EXIST overwrites the oldest. */
START_TEST(map_push_full_exist_overwrites)
{
	int fd = tu_map_create(types[_i], 0, 8, 2);
	mapops_prog_t *any = push_prog(fd, BPF_ANY);
	mapops_prog_t *exist = push_prog(fd, BPF_EXIST);
	__u64 v, want[2];

	ck_assert_int_eq(run_pkt(any, 1), 0);
	ck_assert_int_eq(run_pkt(any, 2), 0);
	ck_assert_int_eq(run_pkt(any, 3), -E2BIG);
	ck_assert_int_eq(run_pkt(exist, 3), 0);
	/* The oldest (1) is gone: a queue pops 2, 3; a stack 3, 2. */
	want[0] = types[_i] == BPF_MAP_TYPE_QUEUE ? 2 : 3;
	want[1] = types[_i] == BPF_MAP_TYPE_QUEUE ? 3 : 2;
	ck_assert_int_eq(bpf_map_lookup_and_delete_elem(fd, NULL, &v), 0);
	ck_assert_uint_eq(v, want[0]);
	ck_assert_int_eq(bpf_map_lookup_and_delete_elem(fd, NULL, &v), 0);
	ck_assert_uint_eq(v, want[1]);
	mapops_prog_free(any);
	mapops_prog_free(exist);
	close(fd);
}
END_TEST

/* The library knows the map: push on a hash map, a value past the frame. */
START_TEST(map_push_refused_on_known_map)
{
	int hash = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 4);
	int q16 = tu_map_create(BPF_MAP_TYPE_QUEUE, 0, 16, 4);
	mapops_prog_t *p = k11_new();

	ck_assert_refused(p, mapops_map_push(p, hash, -8, BPF_ANY), EINVAL,
			  "is a hash map, not a queue or stack");
	ck_assert_refused(p, mapops_map_pop(p, q16, -8), EINVAL,
			  "value_stack_off -8: the map's 16-byte value would run past");
	ck_assert_uint_eq(mapops_prog_len(p), 0);
	OK(p, mapops_map_pop(p, q16, -16));
	mapops_prog_free(p);
	close(hash);
	close(q16);
}
END_TEST

static Suite *queue_suite(void)
{
	Suite *s = suite_create("kernel-queue");
	TCase *tc;

#define TCL(name, fn, lo, hi)                                               \
	tc = tcase_create(name);                                            \
	tcase_add_loop_test(tc, fn, lo, hi);                                \
	suite_add_tcase(s, tc)
	TCL("map_push_order", map_push_order, 0, 2);
	TCL("map_pop_order", map_pop_order, 0, 2);
	TCL("map_peek_keeps", map_peek_keeps, 0, 2);
	TCL("map_push_full_exist_overwrites", map_push_full_exist_overwrites, 0, 2);
	TCL("map_push_refused_on_known_map", map_push_refused_on_known_map, 0, 1);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(queue_suite());
}
