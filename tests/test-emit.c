/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Exact encodings and refusals of the composing emitters. */
#include "testutil.h"

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

/* Each ALU op's opcode nibble, as RFC 9669 lists them. */
static const struct { int op; int code; } alu_ops[] = {
	{ BPF_ADD, 0x00 }, { BPF_SUB, 0x10 }, { BPF_MUL, 0x20 },
	{ BPF_DIV, 0x30 }, { BPF_OR, 0x40 },  { BPF_AND, 0x50 },
	{ BPF_LSH, 0x60 }, { BPF_RSH, 0x70 }, { BPF_MOD, 0x90 },
	{ BPF_XOR, 0xa0 }, { BPF_MOV, 0xb0 }, { BPF_ARSH, 0xc0 },
};

START_TEST(alu_each_op)
{
	const int op = alu_ops[_i].op, c = alu_ops[_i].code;
	const struct bpf_insn want[] = {
		I(0x07 | c, 3, 0, 0, 5),   /* alu64 imm */
		I(0x0f | c, 3, 4, 0, 0),   /* alu64 reg */
		I(0x04 | c, 9, 0, 0, 7),   /* alu32 imm */
		I(0x0c | c, 9, 10, 0, 0),  /* alu32 reg, src r10 */
	};

	ck_assert_int_eq(mapops_alu64_imm(prog, op, 3, 5), 0);
	ck_assert_int_eq(mapops_alu64_reg(prog, op, 3, 4), 0);
	ck_assert_int_eq(mapops_alu32_imm(prog, op, 9, 7), 0);
	ck_assert_int_eq(mapops_alu32_reg(prog, op, 9, 10), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(alu_neg_and_edge_immediates)
{
	const struct bpf_insn want[] = {
		I(0x87, 1, 0, 0, 0), I(0x84, 2, 0, 0, 0),
		I(0x77, 1, 0, 0, 63), I(0x64, 1, 0, 0, 31),
		I(0xb7, 0, 0, 0, -1), I(0x37, 5, 0, 0, -3),
	};

	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_NEG, 1, 0), 0);
	ck_assert_int_eq(mapops_alu32_imm(prog, BPF_NEG, 2, 0), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_RSH, 1, 63), 0);
	ck_assert_int_eq(mapops_alu32_imm(prog, BPF_LSH, 1, 31), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, -1), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_DIV, 5, -3), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(endian_each_width)
{
	const struct bpf_insn want[] = {
		I(0xdc, 1, 0, 0, 16), I(0xdc, 2, 0, 0, 32), I(0xdc, 3, 0, 0, 64),
		I(0xd4, 4, 0, 0, 16), I(0xd4, 5, 0, 0, 64),
	};

	ck_assert_int_eq(mapops_endian(prog, BPF_TO_BE, 1, 16), 0);
	ck_assert_int_eq(mapops_endian(prog, BPF_TO_BE, 2, 32), 0);
	ck_assert_int_eq(mapops_endian(prog, BPF_TO_BE, 3, 64), 0);
	ck_assert_int_eq(mapops_endian(prog, BPF_TO_LE, 4, 16), 0);
	ck_assert_int_eq(mapops_endian(prog, BPF_TO_LE, 5, 64), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(ldx_mem_each_size)
{
	const struct bpf_insn want[] = {
		I(0x71, 1, 2, 3, 0), I(0x69, 1, 2, -4, 0),
		I(0x61, 1, 2, 32767, 0), I(0x79, 1, 10, -512, 0),
	};

	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_B, 1, 2, 3), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_H, 1, 2, -4), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_W, 1, 2, 32767), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_DW, 1, 10, -512), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(stx_mem_each_size)
{
	const struct bpf_insn want[] = {
		I(0x73, 10, 1, -1, 0), I(0x6b, 10, 1, -2, 0),
		I(0x63, 6, 1, -32768, 0), I(0x7b, 10, 1, -8, 0),
	};

	ck_assert_int_eq(mapops_stx_mem(prog, BPF_B, 10, 1, -1), 0);
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_H, 10, 1, -2), 0);
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_W, 6, 1, -32768), 0);
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_DW, 10, 1, -8), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(st_mem_each_size)
{
	const struct bpf_insn want[] = {
		I(0x72, 10, 0, -1, 0x7f), I(0x6a, 10, 0, -2, -1),
		I(0x62, 10, 0, -4, 1234), I(0x7a, 7, 0, 16, -5),
	};

	ck_assert_int_eq(mapops_st_mem(prog, BPF_B, 10, -1, 0x7f), 0);
	ck_assert_int_eq(mapops_st_mem(prog, BPF_H, 10, -2, -1), 0);
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, 10, -4, 1234), 0);
	ck_assert_int_eq(mapops_st_mem(prog, BPF_DW, 7, 16, -5), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(atomic_op_each_op)
{
	const struct bpf_insn want[] = {
		I(0xdb, 0, 1, 0, 0x00), I(0xc3, 0, 1, 4, 0x01),
		I(0xdb, 2, 3, -8, 0x40), I(0xdb, 2, 3, -8, 0x41),
		I(0xdb, 2, 3, 0, 0x50), I(0xdb, 2, 3, 0, 0x51),
		I(0xdb, 2, 3, 0, 0xa0), I(0xdb, 2, 3, 0, 0xa1),
		I(0xdb, 10, 3, -16, 0xe1), I(0xc3, 10, 3, -4, 0xf1),
	};

	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_ADD, 0, 1, 0), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_W, BPF_ADD | BPF_FETCH, 0, 1, 4), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_OR, 2, 3, -8), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_OR | BPF_FETCH, 2, 3, -8), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_AND, 2, 3, 0), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_AND | BPF_FETCH, 2, 3, 0), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_XOR, 2, 3, 0), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_XOR | BPF_FETCH, 2, 3, 0), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_XCHG, 10, 3, -16), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_W, BPF_CMPXCHG, 10, 3, -4), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(ld_imm64_encoding)
{
	const struct bpf_insn want[] = {
		I(0x18, 3, 0, 0, (__s32)0x89abcdef), I(0, 0, 0, 0, 0x01234567),
	};

	ck_assert_int_eq(mapops_ld_imm64(prog, 3, 0x0123456789abcdefULL), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), 2);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(ld_map_fd_encoding)
{
	const struct bpf_insn want[] = {
		I(0x18, 1, 1, 0, 42), I(0, 0, 0, 0, 0),
	};

	ck_assert_int_eq(mapops_ld_map_fd(prog, 1, 42), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), 2);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(call_helper_encoding)
{
	const struct bpf_insn want[] = {
		I(0x85, 0, 0, 0, BPF_FUNC_ktime_get_ns),
	};

	ck_assert_int_eq(mapops_call_helper(prog, BPF_FUNC_ktime_get_ns), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), 1);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(exit_encoding)
{
	const struct bpf_insn want[] = { I(0x95, 0, 0, 0, 0) };

	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), 1);
	ck_assert_prog(prog, want);
}
END_TEST

/* ---- refusals ------------------------------------------------------- */

static void expect_refused(int rc, int err, const char *want,
			   struct tu_snapshot *snap)
{
	ck_assert_refused(prog, rc, err, want);
	ck_assert_unchanged(snap, prog);
	tu_snapshot_take(snap, prog);
}

/*
 * One case per refusal: name, call (on a program holding "r0 = 1"), errno,
 * and what the message must contain.
 */
#define REFUSALS(X)                                                         \
	X(alu64_imm_refuses_frame_pointer_dst,                              \
	  mapops_alu64_imm(prog, BPF_ADD, 10, 1), EINVAL,                   \
	  "mapops_alu64_imm: dst r10 is the read-only frame pointer")       \
	X(alu64_imm_refuses_dst_r11, mapops_alu64_imm(prog, BPF_ADD, 11, 1), \
	  EINVAL, "dst 11 is not a register (r0..r10)")                     \
	X(alu64_reg_refuses_src_minus_1,                                    \
	  mapops_alu64_reg(prog, BPF_ADD, 1, -1), EINVAL,                   \
	  "mapops_alu64_reg: src -1 is not a register")                     \
	X(alu64_imm_refuses_unknown_op, mapops_alu64_imm(prog, 0xd0, 1, 1), \
	  EINVAL, "op 0xd0 is not an ALU operation")                        \
	X(alu64_reg_refuses_neg, mapops_alu64_reg(prog, BPF_NEG, 1, 2),     \
	  EINVAL, "op 0x80 is not an ALU operation with a register source") \
	X(alu64_imm_refuses_neg_with_operand,                               \
	  mapops_alu64_imm(prog, BPF_NEG, 1, 2), EINVAL,                    \
	  "BPF_NEG takes no operand but imm is 2")                          \
	X(alu64_imm_refuses_div_by_zero,                                    \
	  mapops_alu64_imm(prog, BPF_DIV, 1, 0), EINVAL,                    \
	  "division by the immediate 0")                                    \
	X(alu32_imm_refuses_mod_by_zero,                                    \
	  mapops_alu32_imm(prog, BPF_MOD, 1, 0), EINVAL,                    \
	  "mapops_alu32_imm: division by the immediate 0")                  \
	X(alu64_imm_refuses_shift_by_64,                                    \
	  mapops_alu64_imm(prog, BPF_LSH, 1, 64), EINVAL,                   \
	  "shift by 64 is outside [0, 63]")                                 \
	X(alu32_imm_refuses_shift_by_32,                                    \
	  mapops_alu32_imm(prog, BPF_ARSH, 1, 32), EINVAL,                  \
	  "shift by 32 is outside [0, 31]")                                 \
	X(alu64_imm_refuses_negative_shift,                                 \
	  mapops_alu64_imm(prog, BPF_RSH, 1, -1), EINVAL, "shift by -1")    \
	X(endian_refuses_unknown_type, mapops_endian(prog, 0x10, 1, 16),    \
	  EINVAL, "type 0x10 is not BPF_TO_LE or BPF_TO_BE")                \
	X(endian_refuses_8_bits, mapops_endian(prog, BPF_TO_BE, 1, 8),      \
	  EINVAL, "bits 8 is not 16, 32 or 64")                             \
	X(ldx_mem_refuses_unknown_size, mapops_ldx_mem(prog, 0x20, 1, 2, 0), \
	  EINVAL, "size 0x20 is not BPF_B, BPF_H, BPF_W or BPF_DW")         \
	X(ldx_mem_refuses_frame_pointer_dst,                                \
	  mapops_ldx_mem(prog, BPF_W, 10, 2, 0), EINVAL, "dst r10")         \
	X(ldx_mem_refuses_off_past_s16,                                     \
	  mapops_ldx_mem(prog, BPF_W, 1, 2, 32768), EINVAL,                 \
	  "off 32768 does not fit the signed 16-bit offset field")          \
	X(ldx_mem_refuses_read_past_frame_top,                              \
	  mapops_ldx_mem(prog, BPF_DW, 1, 10, -4), EINVAL,                  \
	  "off -4: its 8 bytes would run past the top of the stack frame")  \
	X(stx_mem_refuses_below_stack,                                      \
	  mapops_stx_mem(prog, BPF_W, 10, 1, -516), EINVAL,                 \
	  "off -516 is outside the 512-byte stack")                         \
	X(st_mem_refuses_off_0_on_stack, mapops_st_mem(prog, BPF_H, 10, 0, 1), \
	  EINVAL, "mapops_st_mem: off 0 is outside")                        \
	X(st_mem_refuses_dst_r12, mapops_st_mem(prog, BPF_H, 12, -2, 1),    \
	  EINVAL, "dst 12")                                                 \
	X(atomic_op_refuses_byte_size,                                      \
	  mapops_atomic_op(prog, BPF_B, BPF_ADD, 1, 2, 0), EINVAL,          \
	  "size 0x10 is not BPF_W or BPF_DW")                               \
	X(atomic_op_refuses_sub, mapops_atomic_op(prog, BPF_DW, BPF_SUB, 1, 2, 0), \
	  EINVAL, "op 0x10 is not an atomic operation")                     \
	X(atomic_op_refuses_past_frame_top,                                 \
	  mapops_atomic_op(prog, BPF_DW, BPF_XCHG, 10, 2, -4), EINVAL,      \
	  "its 8 bytes would run past")                                     \
	X(ld_imm64_refuses_frame_pointer_dst, mapops_ld_imm64(prog, 10, 1), \
	  EINVAL, "dst r10")                                                \
	X(ld_map_fd_refuses_negative_fd, mapops_ld_map_fd(prog, 1, -9),     \
	  EBADF, "mapops_ld_map_fd: map_fd -9 is not a file descriptor")    \
	X(call_helper_refuses_id_0, mapops_call_helper(prog, 0), EINVAL,    \
	  "helper_id 0 is not a helper function id")

#define REFUSAL_TEST(name, call, err, want)                                 \
	START_TEST(name)                                                    \
	{                                                                   \
		struct tu_snapshot s;                                       \
                                                                            \
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 1), 0); \
		tu_snapshot_take(&s, prog);                                 \
		errno = 0;                                                  \
		expect_refused((call), (err), (want), &s);                  \
		free(s.insns);                                              \
	}                                                                   \
	END_TEST
REFUSALS(REFUSAL_TEST)

START_TEST(emitters_refuse_null_prog)
{
	errno = 0;
	ck_assert_int_eq(mapops_alu64_imm(NULL, BPF_MOV, 0, 1), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(mapops_exit(NULL), -EINVAL);
	ck_assert_int_eq(mapops_ld_imm64(NULL, 1, 1), -EINVAL);
	ck_assert_int_eq(mapops_atomic_op(NULL, BPF_DW, BPF_ADD, 1, 2, 0), -EINVAL);
	ck_assert_int_eq(mapops_endian(NULL, BPF_TO_BE, 1, 16), -EINVAL);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("emit"), .setup = setup,
			       .teardown = teardown };

	TU_LOOP(&ts, alu_each_op, 0, (int)NSLOTS(alu_ops));
	TU_CASE(&ts, alu_neg_and_edge_immediates);
	TU_CASE(&ts, endian_each_width);
	TU_CASE(&ts, ldx_mem_each_size);
	TU_CASE(&ts, stx_mem_each_size);
	TU_CASE(&ts, st_mem_each_size);
	TU_CASE(&ts, atomic_op_each_op);
	TU_CASE(&ts, ld_imm64_encoding);
	TU_CASE(&ts, ld_map_fd_encoding);
	TU_CASE(&ts, call_helper_encoding);
	TU_CASE(&ts, exit_encoding);
#define REFUSAL_CASE(name, call, err, want) TU_CASE(&ts, name);
	REFUSALS(REFUSAL_CASE)
	TU_CASE(&ts, emitters_refuse_null_prog);
	return tu_run(&ts);
}
