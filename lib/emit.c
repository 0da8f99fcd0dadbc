/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The composing emitters: arithmetic, memory, immediates, calls, exit. */
#include <errno.h>

#include "insn.h"
#include "internal.h"

/* Appends one instruction once every check has passed. */
static int emit1(struct op *o, struct bpf_insn insn)
{
	return op_append(o, &insn, 1);
}

static void chk_alu_op(struct op *o, int op, bool imm_form)
{
	switch (op) {
	case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_DIV: case BPF_MOD:
	case BPF_OR: case BPF_AND: case BPF_XOR: case BPF_LSH: case BPF_RSH:
	case BPF_ARSH: case BPF_MOV:
		return;
	case BPF_NEG:
		if (imm_form)
			return;
		break;
	default:
		break;
	}
	op_error(o, -EINVAL, "op 0x%x is not an ALU operation%s", (unsigned)op,
		 imm_form ? "" : " with a register source");
}

static void chk_alu_imm(struct op *o, int op, __s32 imm, int bits)
{
	if ((op == BPF_DIV || op == BPF_MOD) && imm == 0)
		op_error(o, -EINVAL, "division by the immediate 0");
	else if ((op == BPF_LSH || op == BPF_RSH || op == BPF_ARSH) &&
		 (imm < 0 || imm >= bits))
		op_error(o, -EINVAL, "shift by %d is outside [0, %d]", imm,
			 bits - 1);
	else if (op == BPF_NEG && imm != 0)
		op_error(o, -EINVAL, "BPF_NEG takes no operand but imm is %d",
			 imm);
}

static int alu_imm(const char *fn, mapops_prog_t *prog, int cls, int op,
		   int dst, __s32 imm)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_alu_op(&o, op, true);
	chk_dst(&o, "dst", dst);
	chk_alu_imm(&o, op, imm, cls == BPF_ALU64 ? 64 : 32);
	return emit1(&o, insn_make(cls | op | BPF_K, dst, 0, 0, imm));
}

static int alu_reg(const char *fn, mapops_prog_t *prog, int cls, int op,
		   int dst, int src)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_alu_op(&o, op, false);
	chk_dst(&o, "dst", dst);
	chk_reg(&o, "src", src);
	return emit1(&o, insn_make(cls | op | BPF_X, dst, src, 0, 0));
}

int mapops_alu64_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)
{
	return alu_imm(__func__, prog, BPF_ALU64, op, dst, imm);
}

int mapops_alu64_reg(mapops_prog_t *prog, int op, int dst, int src)
{
	return alu_reg(__func__, prog, BPF_ALU64, op, dst, src);
}

int mapops_alu32_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)
{
	return alu_imm(__func__, prog, BPF_ALU, op, dst, imm);
}

int mapops_alu32_reg(mapops_prog_t *prog, int op, int dst, int src)
{
	return alu_reg(__func__, prog, BPF_ALU, op, dst, src);
}

int mapops_endian(mapops_prog_t *prog, int type, int dst, int bits)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (type != BPF_TO_LE && type != BPF_TO_BE)
		op_error(&o, -EINVAL,
			 "type 0x%x is not BPF_TO_LE or BPF_TO_BE",
			 (unsigned)type);
	chk_dst(&o, "dst", dst);
	if (bits != 16 && bits != 32 && bits != 64)
		op_error(&o, -EINVAL, "bits %d is not 16, 32 or 64", bits);
	return emit1(&o, insn_make(BPF_ALU | BPF_END | type, dst, 0, 0, bits));
}

/* Checks base + off; with r10 as base the size bytes must fit the frame. */
static void chk_mem(struct op *o, int size, int base, int off)
{
	static const int bytes[4] = { 4, 2, 1, 8 }; /* BPF_W, H, B, DW */

	chk_size(o, size);
	chk_off16(o, "off", off);
	if (!o->err && base == BPF_REG_10)
		chk_stack(o, "off", off, bytes[size >> 3]);
}

int mapops_ldx_mem(mapops_prog_t *prog, int size, int dst, int src, int off)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_dst(&o, "dst", dst);
	chk_reg(&o, "src", src);
	chk_mem(&o, size, src, off);
	return emit1(&o, insn_ldx(size, dst, src, off));
}

int mapops_stx_mem(mapops_prog_t *prog, int size, int dst, int src, int off)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_reg(&o, "dst", dst);
	chk_reg(&o, "src", src);
	chk_mem(&o, size, dst, off);
	return emit1(&o, insn_stx(size, dst, src, off));
}

int mapops_st_mem(mapops_prog_t *prog, int size, int dst, int off, __s32 imm)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_reg(&o, "dst", dst);
	chk_mem(&o, size, dst, off);
	return emit1(&o, insn_st(size, dst, off, imm));
}

int mapops_atomic_op(mapops_prog_t *prog, int size, int op, int dst, int src,
		     int off)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (size != BPF_W && size != BPF_DW)
		op_error(&o, -EINVAL,
			 "size 0x%x is not BPF_W or BPF_DW (atomics are 32 or 64 bits)",
			 (unsigned)size);
	switch (op) {
	case BPF_ADD: case BPF_OR: case BPF_AND: case BPF_XOR:
	case BPF_ADD | BPF_FETCH: case BPF_OR | BPF_FETCH:
	case BPF_AND | BPF_FETCH: case BPF_XOR | BPF_FETCH:
	case BPF_XCHG: case BPF_CMPXCHG:
		break;
	default:
		op_error(&o, -EINVAL, "op 0x%x is not an atomic operation",
			 (unsigned)op);
	}
	chk_reg(&o, "dst", dst);
	chk_reg(&o, "src", src);
	chk_mem(&o, size, dst, off);
	return emit1(&o, insn_atomic(size, op, dst, src, off));
}

static int ld_imm64(struct op *o, int dst, int src, __u64 imm)
{
	struct bpf_insn buf[2];

	chk_dst(o, "dst", dst);
	put_ld_imm64(buf, dst, src, imm);
	return op_append(o, buf, 2);
}

int mapops_ld_imm64(mapops_prog_t *prog, int dst, __u64 imm)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return ld_imm64(&o, dst, 0, imm);
}

int mapops_ld_map_fd(mapops_prog_t *prog, int dst, int map_fd)
{
	struct op o;

	struct bpf_insn buf[2], *p;
	struct map_use m;
	struct map_need n = { NEED_ANY, 0, 0, 0 };

	if (op_start(&o, prog, __func__))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, n);
	chk_dst(&o, "dst", dst);
	if (o.err)
		return op_fail(&o);
	/* A map in a register is a move (none when it is in dst already). */
	p = put_map(&m, buf, buf, dst);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_call_helper(mapops_prog_t *prog, int helper_id)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (helper_id <= 0)
		op_error(&o, -EINVAL, "helper_id %d is not a helper function id",
			 helper_id);
	return emit1(&o, insn_call(helper_id));
}

int mapops_exit(mapops_prog_t *prog)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit1(&o, insn_make(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
}
