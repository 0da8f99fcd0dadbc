/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * mapops_map_lookup_percpu and mapops_ld_map_value in the running kernel,
 * and "the library knows the map": the refusals that need a real map's
 * type and sizes, made at the emitting call, on every function.
 */
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel11.h"

#define KEY_OFF (-4)
#define MISS 0x0E0E0E0Eu

static int run(mapops_prog_t *p)
{
	int fd = tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS);
	int ret = (int)tu_prog_run(fd, 0, NULL, 0);

	close(fd);
	return ret;
}

/* Each CPU's value is 0x100 + cpu; the program asks for CPU c with c in
 * cpu_reg, every other register holding another CPU number. */
START_TEST(map_lookup_percpu_each_cpu_reg)
{
	int ncpu = libbpf_num_possible_cpus(), cpu_reg = _i, c, r;
	int fd = tu_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 1);
	__u64 *vals = calloc((size_t)ncpu, 8);
	__u32 k = 0;

	ck_assert_ptr_nonnull(vals);
	for (c = 0; c < ncpu; c++)
		vals[c] = 0x100u + (unsigned)c;
	ck_assert_int_eq(bpf_map_update_elem(fd, &k, vals, BPF_ANY), 0);
	for (c = 0; c < ncpu; c++) {
		mapops_prog_t *p = k11_new();
		unsigned skip = 1u << cpu_reg;

		OK(p, mapops_st_mem(p, BPF_W, BPF_REG_10, KEY_OFF, 0));
		for (r = BPF_REG_0; r <= BPF_REG_5; r++)
			OK(p, mapops_alu64_imm(p, BPF_MOV, r, (c + 1) % ncpu));
		k11_put_canaries(p, skip);
		OK(p, mapops_alu64_imm(p, BPF_MOV, cpu_reg, c));
		OK(p, mapops_map_lookup_percpu(p, fd, KEY_OFF, cpu_reg));
		k11_check_canaries(p, skip);
		OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "miss"));
		OK(p, mapops_ldx_mem(p, BPF_W, BPF_REG_0, BPF_REG_0, 0));
		OK(p, mapops_exit(p));
		OK(p, mapops_label(p, "miss"));
		OK(p, mapops_ld_imm64(p, BPF_REG_0, MISS));
		OK(p, mapops_exit(p));
		k11_put_clobbered(p);
		ck_assert_msg(run(p) == 0x100 + c, "cpu %d in r%d: 0x%x", c,
			      cpu_reg, (unsigned)run(p));
		mapops_prog_free(p);
	}
	free(vals);
	close(fd);
}
END_TEST

/* A CPU that does not exist: NULL. */
START_TEST(map_lookup_percpu_no_such_cpu)
{
	int fd = tu_map_create(BPF_MAP_TYPE_PERCPU_HASH, 4, 8, 4);
	mapops_prog_t *p = k11_new();
	__u32 k = 0;
	__u64 vals[1024] = { 0 };

	ck_assert_int_eq(bpf_map_update_elem(fd, &k, vals, BPF_ANY), 0);
	OK(p, mapops_st_mem(p, BPF_W, BPF_REG_10, KEY_OFF, 0));
	OK(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_6, 100000));
	OK(p, mapops_map_lookup_percpu(p, fd, KEY_OFF, BPF_REG_6));
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "miss"));
	k11_put_return(p, 1);
	OK(p, mapops_label(p, "miss"));
	k11_put_return(p, 2);
	ck_assert_int_eq(run(p), 2);
	mapops_prog_free(p);
	close(fd);
}
END_TEST

/* 64 counters in one value, each kept through a direct value pointer
 * (no helper call, no NULL check): 5 runs add 5 to each, at offset 8 * i. */
START_TEST(ld_map_value_counters)
{
	int fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 64 * 8, 1);
	mapops_prog_t *p = k11_new();
	__u64 vals[64];
	__u32 k = 0;
	int i, prog;

	k11_put_canaries(p, 0);
	for (i = 0; i < 64; i++) {
		OK(p, mapops_ld_map_value(p, BPF_REG_1, fd, (__u32)(8 * i)));
		OK(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_2, BPF_REG_1, 0));
		OK(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_2, i + 1));
		OK(p, mapops_stx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_2, 0));
	}
	k11_check_canaries(p, 0);
	k11_put_return(p, 0);
	k11_put_clobbered(p);
	prog = tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(tu_prog_run(prog, 0, NULL, 0), 0);
	ck_assert_int_eq(bpf_map_lookup_elem(fd, &k, vals), 0);
	for (i = 0; i < 64; i++)
		ck_assert_uint_eq(vals[i], 5u * (unsigned)(i + 1));
	close(prog);
	mapops_prog_free(p);
	close(fd);
}
END_TEST

/* Each destination register; the last byte of the value. */
START_TEST(ld_map_value_each_dst)
{
	int fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 16, 1);
	mapops_prog_t *p = k11_new();
	unsigned char v[16] = { 0 };
	__u32 k = 0;

	v[15] = 0x5A;
	ck_assert_int_eq(bpf_map_update_elem(fd, &k, v, BPF_ANY), 0);
	OK(p, mapops_ld_map_value(p, _i, fd, 15));
	OK(p, mapops_ldx_mem(p, BPF_B, BPF_REG_0, _i, 0));
	OK(p, mapops_exit(p));
	ck_assert_int_eq(run(p), 0x5A);
	mapops_prog_free(p);
	close(fd);
}
END_TEST

/* ---- The library knows the map ------------------------------------- */

struct maps {
	int hash4x4, hash4x16, array, percpu, array2, ringbuf, perf, queue,
	    progs;
};

static void maps_make(struct maps *m)
{
	m->hash4x4 = tu_map_create(BPF_MAP_TYPE_HASH, 4, 4, 4);
	m->hash4x16 = tu_map_create(BPF_MAP_TYPE_HASH, 4, 16, 4);
	m->array = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1);
	m->percpu = tu_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 1);
	m->array2 = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2);
	m->ringbuf = tu_map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, 4096);
	m->perf = tu_map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 1);
	m->queue = tu_map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 4);
	m->progs = tu_map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4);
}

static void maps_free(struct maps *m)
{
	close(m->hash4x4);
	close(m->hash4x16);
	close(m->array);
	close(m->percpu);
	close(m->array2);
	close(m->ringbuf);
	close(m->perf);
	close(m->queue);
	close(m->progs);
}

/* Each refusal leaves the program as it was: one slot, r0 = 0. */
#define REFUSED(call, err, text)                                            \
	do {                                                                \
		mapops_prog_t *p_ = k11_new();                              \
		mapops_prog_t *p = p_;                                      \
		OK(p_, mapops_alu64_imm(p_, BPF_MOV, BPF_REG_0, 0));        \
		ck_assert_refused(p_, (call), err, text);                   \
		ck_assert_uint_eq(mapops_prog_len(p_), 1);                  \
		mapops_prog_free(p_);                                       \
	} while (0)

START_TEST(map_known_key_past_frame)
{
	struct maps m;

	maps_make(&m);
	/* The new user's mistake: a 4-byte key at -2. */
	REFUSED(mapops_map_lookup(p, m.hash4x4, -2), EINVAL,
		"key_stack_off -2: the map's 4-byte key would run past the top of the stack frame (map_fd");
	REFUSED(mapops_map_delete(p, m.hash4x4, -3), EINVAL, "key_stack_off -3");
	REFUSED(mapops_map_lookup_percpu(p, m.percpu, -1, BPF_REG_1), EINVAL,
		"key_stack_off -1");
	maps_free(&m);
}
END_TEST

START_TEST(map_known_value_past_frame)
{
	struct maps m;

	maps_make(&m);
	REFUSED(mapops_map_update(p, m.hash4x16, -24, -8, BPF_ANY), EINVAL,
		"value_stack_off -8: the map's 16-byte value would run past");
	REFUSED(mapops_map_lookup_or_init(p, m.hash4x16, -24, -8), EINVAL,
		"value_stack_off -8");
	/* The increment's scratch must hold the whole value. */
	REFUSED(mapops_map_increment(p, m.hash4x16, -24, -8, 1), EINVAL,
		"value_stack_off -8: the map's 16-byte value");
	REFUSED(mapops_map_increment_atomic(p, m.hash4x16, -24, -8, 1), EINVAL,
		"16-byte value");
	maps_free(&m);
}
END_TEST

START_TEST(map_known_counter_too_short)
{
	struct maps m;

	maps_make(&m);
	REFUSED(mapops_map_increment(p, m.hash4x4, -4, -16, 1), EINVAL,
		"the map's value is 4 bytes, too short for the 8-byte counter");
	maps_free(&m);
}
END_TEST

START_TEST(map_known_array_noexist_delete)
{
	struct maps m;

	maps_make(&m);
	REFUSED(mapops_map_update(p, m.array, -4, -16, BPF_NOEXIST), EINVAL,
		"flags BPF_NOEXIST on an array map");
	REFUSED(mapops_map_update_ptr(p, m.percpu, BPF_REG_6, BPF_REG_7,
				      BPF_NOEXIST),
		EINVAL, "percpu_array map, whose elements always exist");
	REFUSED(mapops_map_delete(p, m.array, -4), EINVAL,
		"cannot be deleted");
	REFUSED(mapops_map_delete_ptr(p, m.percpu, BPF_REG_6), EINVAL,
		"cannot be deleted");
	maps_free(&m);
}
END_TEST

START_TEST(map_known_wrong_type)
{
	struct maps m;

	maps_make(&m);
	REFUSED(mapops_ringbuf_output(p, m.hash4x4, -8, 8, 0), EINVAL,
		"map_fd is a hash map, not a ring buffer");
	REFUSED(mapops_ringbuf_reserve(p, m.queue, 8), EINVAL,
		"map_fd is a queue map, not a ring buffer");
	REFUSED(mapops_perf_event_output(p, BPF_REG_1, m.ringbuf, -8, 8, 0),
		EINVAL, "map_fd is a ringbuf map, not a perf event array");
	REFUSED(mapops_map_pop(p, m.array, -8), EINVAL,
		"not a queue or stack");
	REFUSED(mapops_tail_call(p, BPF_REG_1, m.array, 0), EINVAL,
		"not a program array");
	REFUSED(mapops_map_lookup_percpu(p, m.array, -4, BPF_REG_1), EINVAL,
		"not a per-CPU map");
	REFUSED(mapops_ld_map_value(p, BPF_REG_1, m.hash4x4, 0), EINVAL,
		"direct value access needs an array map");
	REFUSED(mapops_ld_map_value(p, BPF_REG_1, m.array2, 0), EINVAL,
		"an array map of 2 entries");
	REFUSED(mapops_ld_map_value(p, BPF_REG_1, m.array, 8), EINVAL,
		"off 8 is past the map's 8-byte value");
	REFUSED(mapops_ringbuf_reserve(p, m.ringbuf, 4096), EINVAL,
		"never fits the 4096-byte ring buffer");
	maps_free(&m);
}
END_TEST

/* What the kernel itself says about a direct value load on a two-entry
 * array, which the library's message replaces. */
START_TEST(ld_map_value_kernel_message_misleads)
{
	struct maps m;
	mapops_prog_t *p = k11_new();
	struct bpf_insn ld[2] = {
		{ .code = BPF_LD | BPF_IMM | BPF_DW, .dst_reg = BPF_REG_0,
		  .src_reg = BPF_PSEUDO_MAP_VALUE },
		{ 0 },
	};
	const char *log;

	maps_make(&m);
	ld[0].imm = m.array2;
	OK(p, mapops_emit(p, ld, 2));
	OK(p, mapops_ldx_mem(p, BPF_B, BPF_REG_0, BPF_REG_0, 0));
	OK(p, mapops_exit(p));
	log = tu_prog_load_rejected(p, BPF_PROG_TYPE_SCHED_CLS);
	ck_assert_msg(strstr(log, "invalid access to map value pointer") != NULL,
		      "%s", log);
	mapops_prog_free(p);
	maps_free(&m);
}
END_TEST

/* The right map passes; a fd that is no BPF map is taken unchecked. */
START_TEST(map_known_right_or_unknown_accepted)
{
	struct maps m;
	mapops_prog_t *p = k11_new();
	const int notmap = 0; /* stdin: not a BPF map */

	maps_make(&m);
	OK(p, mapops_map_lookup(p, m.hash4x4, -4));
	OK(p, mapops_map_increment(p, m.array, -4, -16, 1));
	OK(p, mapops_ringbuf_reserve(p, m.ringbuf, 4088));
	OK(p, mapops_ld_map_value(p, BPF_REG_1, m.array, 7));
	OK(p, mapops_map_delete(p, notmap, -1));
	OK(p, mapops_map_update(p, notmap, -1, -1, BPF_NOEXIST));
	mapops_prog_free(p);
	maps_free(&m);
}
END_TEST

static Suite *mapvalue_suite(void)
{
	Suite *s = suite_create("kernel-mapvalue");
	TCase *tc;

#define TCL(name, fn, lo, hi)                                               \
	tc = tcase_create(name);                                            \
	tcase_add_loop_test(tc, fn, lo, hi);                                \
	suite_add_tcase(s, tc)
	TCL("map_lookup_percpu_each_cpu_reg", map_lookup_percpu_each_cpu_reg, 0, 10);
	TCL("map_lookup_percpu_no_such_cpu", map_lookup_percpu_no_such_cpu, 0, 1);
	TCL("ld_map_value_counters", ld_map_value_counters, 0, 1);
	TCL("ld_map_value_each_dst", ld_map_value_each_dst, 0, 10);
	TCL("ld_map_value_kernel_message_misleads",
	    ld_map_value_kernel_message_misleads, 0, 1);
	TCL("map_known_key_past_frame", map_known_key_past_frame, 0, 1);
	TCL("map_known_value_past_frame", map_known_value_past_frame, 0, 1);
	TCL("map_known_counter_too_short", map_known_counter_too_short, 0, 1);
	TCL("map_known_array_noexist_delete", map_known_array_noexist_delete, 0, 1);
	TCL("map_known_wrong_type", map_known_wrong_type, 0, 1);
	TCL("map_known_right_or_unknown_accepted",
	    map_known_right_or_unknown_accepted, 0, 1);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(mapvalue_suite());
}
