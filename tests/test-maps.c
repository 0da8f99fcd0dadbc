/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Exact encodings of the map operations, slot by slot. */
#include "testutil.h"

/* Encodings written out as numbers, independently of the library. */
#define FD 7
#define MAP_LD(fd) I(0x18, 1, 1, 0, fd), I(0x00, 0, 0, 0, 0) /* r1 = map_fd */
#define MOV_X(d, s) I(0xbf, d, s, 0, 0)                   /* dst = src */
#define MOV_K(d, k) I(0xb7, d, 0, 0, k)                   /* dst = imm */
#define ADD_K(d, k) I(0x07, d, 0, 0, k)                   /* dst += imm */
#define ADD_X(d, s) I(0x0f, d, s, 0, 0)                   /* dst += src */
#define CALL(id) I(0x85, 0, 0, 0, id)
#define JEQ_K(d, k, off) I(0x15, d, 0, off, k)
#define JNE_K(d, k, off) I(0x55, d, 0, off, k)
#define JNE32_K(d, k, off) I(0x56, d, 0, off, k)         /* 32-bit */
#define JA(off) I(0x05, 0, 0, off, 0)
#define LDX_DW(d, s, off) I(0x79, d, s, off, 0)
#define STX_DW(d, s, off) I(0x7b, d, s, off, 0)
#define ST_DW(d, off, k) I(0x7a, d, 0, off, k)
#define XADD_DW(d, s, off) I(0xdb, d, s, off, 0x00)          /* lock += */
#define LD64(d, lo, hi) I(0x18, d, 0, 0, lo), I(0x00, 0, 0, 0, hi)
#define LOOKUP 1
#define UPDATE 2
#define DELETE 3

static mapops_prog_t *prog;

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
}

static void teardown(void)
{
	mapops_prog_free(prog);
}

START_TEST(map_lookup_encoding)
{
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -8), CALL(LOOKUP),
	};

	ck_assert_int_eq(mapops_map_lookup(prog, FD, -8), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAP_LOOKUP_SLOTS);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_lookup_key_at_frame_edge)
{
	/* The lowest stack byte, r10 - 512, is a valid key offset. */
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -512), CALL(LOOKUP),
	};

	ck_assert_int_eq(mapops_map_lookup(prog, FD, -512), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_encoding)
{
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), MOV_X(3, 10),
		ADD_K(3, -16), MOV_K(4, BPF_NOEXIST), CALL(UPDATE),
	};

	ck_assert_int_eq(mapops_map_update(prog, FD, -4, -16, BPF_NOEXIST), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAP_UPDATE_SLOTS);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_flags_reach_r4)
{
	const __u64 ok[] = { BPF_ANY, BPF_NOEXIST, BPF_EXIST,
			     BPF_ANY | BPF_F_LOCK, BPF_EXIST | BPF_F_LOCK };
	const struct bpf_insn *insns;
	size_t i, cnt;

	for (i = 0; i < NSLOTS(ok); i++)
		ck_assert_int_eq(mapops_map_update(prog, FD, -4, -16, ok[i]), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_uint_eq(cnt, NSLOTS(ok) * MAPOPS_MAP_UPDATE_SLOTS);
	for (i = 0; i < NSLOTS(ok); i++) {
		const struct bpf_insn *r4 = &insns[i * 8 + 6];

		ck_assert_int_eq(r4->code, 0xb7);
		ck_assert_int_eq(r4->dst_reg, 4);
		ck_assert_int_eq(r4->imm, (__s32)ok[i]);
	}
}
END_TEST

START_TEST(map_delete_key_at_frame_edge)
{
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -512), CALL(DELETE),
	};

	ck_assert_int_eq(mapops_map_delete(prog, FD, -512), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAP_DELETE_SLOTS);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_lookup_ptr_each_key_reg)
{
	int key = _i;
	struct bpf_insn want[5];
	size_t n = 0;

	if (key != 2)
		want[n++] = MOV_X(2, key);
	want[n++] = I(0x18, 1, 1, 0, FD);
	want[n++] = I(0, 0, 0, 0, 0);
	want[n++] = CALL(LOOKUP);
	ck_assert_int_eq(mapops_map_lookup_ptr(prog, FD, key), 0);
	tu_assert_prog(__FILE__, __LINE__, prog, want, n);
}
END_TEST

START_TEST(map_lookup_ptr_key_in_r1)
{
	/* The move must come before the map load, which overwrites r1. */
	const struct bpf_insn want[] = { MOV_X(2, 1), MAP_LD(FD), CALL(LOOKUP) };

	ck_assert_int_eq(mapops_map_lookup_ptr(prog, FD, BPF_REG_1), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_delete_ptr_key_in_r2)
{
	const struct bpf_insn want[] = { MAP_LD(FD), CALL(DELETE) };

	ck_assert_int_eq(mapops_map_delete_ptr(prog, FD, BPF_REG_2), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_delete_ptr_key_in_r6)
{
	const struct bpf_insn want[] = { MOV_X(2, 6), MAP_LD(FD), CALL(DELETE) };

	ck_assert_int_eq(mapops_map_delete_ptr(prog, FD, BPF_REG_6), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_ptr_regs_in_place)
{
	const struct bpf_insn want[] = { MAP_LD(FD), MOV_K(4, BPF_ANY),
					 CALL(UPDATE) };

	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 2, 3, BPF_ANY), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_ptr_swapped_regs)
{
	const struct bpf_insn want[] = { MOV_X(1, 3), MOV_X(3, 2), MOV_X(2, 1),
					 MAP_LD(FD), MOV_K(4, BPF_EXIST),
					 CALL(UPDATE) };

	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 3, 2, BPF_EXIST), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_ptr_value_in_r2)
{
	/* r3 = r2 must come before r2 is overwritten with the key. */
	const struct bpf_insn want[] = { MOV_X(3, 2), MOV_X(2, 7), MAP_LD(FD),
					 MOV_K(4, BPF_ANY), CALL(UPDATE) };

	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 7, 2, BPF_ANY), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_ptr_key_in_r3)
{
	/* r2 = r3 must come before r3 is overwritten with the value. */
	const struct bpf_insn want[] = { MOV_X(2, 3), MOV_X(3, 1), MAP_LD(FD),
					 MOV_K(4, BPF_ANY), CALL(UPDATE) };

	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 3, 1, BPF_ANY), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_update_ptr_same_reg)
{
	const struct bpf_insn want[] = { MOV_X(3, 2), MAP_LD(FD),
					 MOV_K(4, BPF_ANY), CALL(UPDATE),
					 MOV_X(2, 3), MAP_LD(FD),
					 MOV_K(4, BPF_ANY), CALL(UPDATE),
					 MOV_X(3, 0), MOV_X(2, 0), MAP_LD(FD),
					 MOV_K(4, BPF_ANY), CALL(UPDATE) };

	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 2, 2, BPF_ANY), 0);
	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 3, 3, BPF_ANY), 0);
	ck_assert_int_eq(mapops_map_update_ptr(prog, FD, 0, 0, BPF_ANY), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_increment_encoding)
{
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JEQ_K(0, 0, 4),
		LDX_DW(1, 0, 0), ADD_K(1, 3), STX_DW(0, 1, 0),
		JA(9),
		ST_DW(10, -16, 3),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), MOV_X(3, 10),
		ADD_K(3, -16), MOV_K(4, BPF_ANY), CALL(UPDATE),
	};

	ck_assert_int_eq(mapops_map_increment(prog, FD, -4, -16, 3), 0);
	ck_assert_prog(prog, want);
	ck_assert_uint_eq(NSLOTS(want), 19);
}
END_TEST

START_TEST(map_increment_wide_inc)
{
	const __s64 inc = -0x100000001LL; /* needs 64 bits */
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JEQ_K(0, 0, 6),
		LDX_DW(1, 0, 0), LD64(2, -1, -2), ADD_X(1, 2), STX_DW(0, 1, 0),
		JA(11),
		LD64(1, -1, -2), STX_DW(10, 1, -16),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), MOV_X(3, 10),
		ADD_K(3, -16), MOV_K(4, BPF_ANY), CALL(UPDATE),
	};

	ck_assert_int_eq(mapops_map_increment(prog, FD, -4, -16, inc), 0);
	ck_assert_prog(prog, want);
	ck_assert_uint_eq(NSLOTS(want), 23);
}
END_TEST

START_TEST(map_increment_atomic_encoding)
{
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JNE_K(0, 0, 16),
		ST_DW(10, -16, 1),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), MOV_X(3, 10),
		ADD_K(3, -16), MOV_K(4, BPF_NOEXIST), CALL(UPDATE),
		JNE32_K(0, -17 /* -EEXIST */, 8),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JEQ_K(0, 0, 2),
		MOV_K(1, 1), XADD_DW(0, 1, 0),
	};

	ck_assert_int_eq(mapops_map_increment_atomic(prog, FD, -4, -16, 1), 0);
	ck_assert_prog(prog, want);
	ck_assert_uint_eq(NSLOTS(want), 24);
}
END_TEST

START_TEST(map_increment_atomic_wide_inc)
{
	const __s64 inc = 0x7fffffff00000000LL;
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JNE_K(0, 0, 18),
		LD64(1, 0, 0x7fffffff), STX_DW(10, 1, -16),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), MOV_X(3, 10),
		ADD_K(3, -16), MOV_K(4, BPF_NOEXIST), CALL(UPDATE),
		JNE32_K(0, -17, 9),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JEQ_K(0, 0, 3),
		LD64(1, 0, 0x7fffffff), XADD_DW(0, 1, 0),
	};

	ck_assert_int_eq(mapops_map_increment_atomic(prog, FD, -4, -16, inc), 0);
	ck_assert_prog(prog, want);
	ck_assert_uint_eq(NSLOTS(want), 27);
}
END_TEST

START_TEST(map_lookup_or_init_encoding)
{
	const struct bpf_insn want[] = {
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
		JNE_K(0, 0, 13),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), MOV_X(3, 10),
		ADD_K(3, -24), MOV_K(4, BPF_NOEXIST), CALL(UPDATE),
		MAP_LD(FD), MOV_X(2, 10), ADD_K(2, -4), CALL(LOOKUP),
	};

	ck_assert_int_eq(mapops_map_lookup_or_init(prog, FD, -4, -24), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(map_helpers_repeat_without_collisions)
{
	/* Internal jumps are relative: the same helper used many times, among
	 * the caller's labels, still lands on its own slots. */
	size_t cnt, i;
	const struct bpf_insn *insns;

	ck_assert_int_eq(mapops_label(prog, "top"), 0);
	for (i = 0; i < 50; i++) {
		ck_assert_int_eq(mapops_map_increment_atomic(prog, FD, -4, -16, 1), 0);
		ck_assert_int_eq(mapops_map_lookup_or_init(prog, FD, -4, -16), 0);
		ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JEQ, 0, 0, "out"), 0);
	}
	ck_assert_int_eq(mapops_label(prog, "out"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	ck_assert_uint_eq(cnt, 50 * (24 + 19 + 1) + 1);
	for (i = 0; i < 50; i++) {
		const struct bpf_insn *b = insns + i * 44;

		ck_assert_int_eq(b[5].off, 16);
		ck_assert_int_eq(b[24 + 5].off, 13);
		ck_assert_int_eq(b[43].off, (int)(cnt - 1 - (i * 44 + 44)));
	}
}
END_TEST

/* ---- refusals: each leaves the program unchanged ------------------- */

static void check_refused(int (*call)(mapops_prog_t *), int err,
			  const char *want)
{
	struct tu_snapshot snap;
	int rc;

	ck_assert_int_eq(mapops_map_lookup(prog, FD, -8), 0);
	tu_snapshot_take(&snap, prog);
	errno = 0;
	rc = call(prog);
	ck_assert_refused(prog, rc, err, want);
	ck_assert_unchanged(&snap, prog);
}

static int bad_key_low(mapops_prog_t *p) { return mapops_map_lookup(p, FD, -520); }
static int bad_key_zero(mapops_prog_t *p) { return mapops_map_delete(p, FD, 0); }
static int bad_fd(mapops_prog_t *p) { return mapops_map_update(p, -1, -4, -8, 0); }
static int bad_flags(mapops_prog_t *p) { return mapops_map_update(p, FD, -4, -8, 8); }
static int both_flags(mapops_prog_t *p) { return mapops_map_update(p, FD, -4, -8, BPF_NOEXIST | BPF_EXIST); }
static int bad_value(mapops_prog_t *p) { return mapops_map_update(p, FD, -4, 4, 0); }
static int bad_key_reg(mapops_prog_t *p) { return mapops_map_lookup_ptr(p, FD, BPF_REG_10); }
static int bad_key_reg_neg(mapops_prog_t *p) { return mapops_map_delete_ptr(p, FD, -1); }
static int bad_value_reg(mapops_prog_t *p) { return mapops_map_update_ptr(p, FD, 2, 11, 0); }
static int misaligned(mapops_prog_t *p) { return mapops_map_increment(p, FD, -4, -12, 1); }
static int scratch_past_frame(mapops_prog_t *p) { return mapops_map_increment_atomic(p, FD, -16, -4, 1); }
static int scratch_holds_key(mapops_prog_t *p) { return mapops_map_increment(p, FD, -12, -16, 1); }
static int bad_init(mapops_prog_t *p) { return mapops_map_lookup_or_init(p, FD, -4, -513); }

/* One case each, named after the function and what is wrong. */
static const struct {
	const char *name;
	int (*call)(mapops_prog_t *);
	int err;
	const char *want;
} refusals[] = {
	{ "map_lookup_refuses_key_below_frame", bad_key_low, EINVAL,
	  "mapops_map_lookup: key_stack_off -520 is outside the 512-byte stack [-512, -1]" },
	{ "map_delete_refuses_key_at_frame_pointer", bad_key_zero, EINVAL,
	  "key_stack_off 0 is outside" },
	{ "map_update_refuses_negative_fd", bad_fd, EBADF,
	  "mapops_map_update: map_fd -1" },
	{ "map_update_refuses_unknown_flags", bad_flags, EINVAL, "flags 0x8" },
	{ "map_update_refuses_noexist_with_exist", both_flags, EINVAL,
	  "flags 0x3" },
	{ "map_update_refuses_value_above_frame", bad_value, EINVAL,
	  "value_stack_off 4 is outside" },
	{ "map_lookup_ptr_refuses_frame_pointer", bad_key_reg, EINVAL,
	  "key_reg 10 is not a pointer register" },
	{ "map_delete_ptr_refuses_negative_reg", bad_key_reg_neg, EINVAL,
	  "mapops_map_delete_ptr: key_reg -1" },
	{ "map_update_ptr_refuses_value_reg_11", bad_value_reg, EINVAL,
	  "value_reg 11" },
	{ "map_increment_refuses_misaligned_scratch", misaligned, EINVAL,
	  "value_stack_off -12 is not 8-byte aligned" },
	{ "map_increment_atomic_refuses_scratch_past_frame", scratch_past_frame,
	  EINVAL, "value_stack_off -4: its 8 bytes would run past" },
	{ "map_increment_refuses_scratch_over_key", scratch_holds_key, EINVAL,
	  "its 8 scratch bytes contain key_stack_off -12" },
	{ "map_lookup_or_init_refuses_init_below_frame", bad_init, EINVAL,
	  "init_value_stack_off -513" },
};

START_TEST(refusal)
{
	check_refused(refusals[_i].call, refusals[_i].err, refusals[_i].want);
}
END_TEST

START_TEST(map_ops_refuse_null_prog)
{
	errno = 0;
	ck_assert_int_eq(mapops_map_lookup(NULL, FD, -8), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(mapops_map_increment(NULL, FD, -8, -16, 1), -EINVAL);
	ck_assert_int_eq(mapops_map_update_ptr(NULL, FD, 1, 2, 0), -EINVAL);
	ck_assert_str_eq(mapops_prog_error(NULL), "mapops: prog is NULL");
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("maps"),
			       .setup = setup, .teardown = teardown };
	size_t i;

	TU_CASE(&ts, map_lookup_encoding);
	TU_CASE(&ts, map_lookup_key_at_frame_edge);
	TU_CASE(&ts, map_update_encoding);
	TU_CASE(&ts, map_update_flags_reach_r4);
	TU_CASE(&ts, map_delete_key_at_frame_edge);
	TU_LOOP(&ts, map_lookup_ptr_each_key_reg, 0, 10);
	TU_CASE(&ts, map_lookup_ptr_key_in_r1);
	TU_CASE(&ts, map_delete_ptr_key_in_r2);
	TU_CASE(&ts, map_delete_ptr_key_in_r6);
	TU_CASE(&ts, map_update_ptr_regs_in_place);
	TU_CASE(&ts, map_update_ptr_swapped_regs);
	TU_CASE(&ts, map_update_ptr_value_in_r2);
	TU_CASE(&ts, map_update_ptr_key_in_r3);
	TU_CASE(&ts, map_update_ptr_same_reg);
	TU_CASE(&ts, map_increment_encoding);
	TU_CASE(&ts, map_increment_wide_inc);
	TU_CASE(&ts, map_increment_atomic_encoding);
	TU_CASE(&ts, map_increment_atomic_wide_inc);
	TU_CASE(&ts, map_lookup_or_init_encoding);
	TU_CASE(&ts, map_helpers_repeat_without_collisions);
	for (i = 0; i < NSLOTS(refusals); i++)
		tu_case(&ts, refusals[i].name, refusal, (int)i, (int)i + 1, false);
	TU_CASE(&ts, map_ops_refuse_null_prog);
	return tu_run(&ts);
}
