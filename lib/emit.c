/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The composing emitters: arithmetic, memory, immediates, calls, exit. */
#include <errno.h>

#include "insn-valid.h"
#include "internal.h"
#include "names.h"

/* Appends one instruction once every check has passed. */
static int emit1(struct op *o, struct bpf_insn insn)
{
	return op_append(o, &insn, 1);
}

static void chk_alu_op(struct op *o, int op, bool imm_form)
{
	if (!insn_alu_op_ok(op, imm_form))
		op_error(o, -EINVAL, "op 0x%x is not an ALU operation%s",
			 (unsigned)op, imm_form ? "" : " with a register source");
}

static void chk_alu_imm(struct op *o, int op, __s32 imm, int bits)
{
	if (insn_alu_imm_ok(op, imm, bits))
		return;
	if (op == BPF_DIV || op == BPF_MOD)
		op_error(o, -EINVAL, "division by the immediate 0");
	else if (op == BPF_NEG)
		op_error(o, -EINVAL, "BPF_NEG takes no operand but imm is %d",
			 imm);
	else /* a shift */
		op_error(o, -EINVAL, "shift by %d is outside [0, %d]", imm,
			 bits - 1);
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
	return emit1(&o, insn_alu_imm(cls, op, dst, imm));
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
	return emit1(&o, insn_alu_reg(cls, op, dst, src));
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
	if (!insn_endian_type_ok(type))
		op_error(&o, -EINVAL,
			 "type 0x%x is not BPF_TO_LE or BPF_TO_BE",
			 (unsigned)type);
	chk_dst(&o, "dst", dst);
	if (!insn_endian_bits_ok(bits))
		op_error(&o, -EINVAL, "bits %d is not 16, 32 or 64", bits);
	return emit1(&o, insn_endian(type, dst, bits));
}

/* Checks base + off; with r10 as base the size bytes must fit the frame. */
static void chk_mem(struct op *o, int size, int base, int off)
{
	chk_size(o, size);
	chk_off16(o, "off", off);
	if (!o->err && base == BPF_REG_10)
		chk_stack_access(o, "off", off, insn_size_bytes(size));
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
	if (!insn_atomic_size_ok(size))
		op_error(&o, -EINVAL,
			 "size 0x%x is not BPF_W or BPF_DW (atomics are 32 or 64 bits)",
			 (unsigned)size);
	if (!insn_atomic_op_ok(op))
		op_error(&o, -EINVAL, "op 0x%x is not an atomic operation",
			 (unsigned)op);
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
	return emit1(&o, insn_exit());
}

/* ---- The v4 and newer instructions ------------------------------------ */

static int alu_signed(const char *fn, mapops_prog_t *prog, int cls, int op,
		      int dst, int src, __s32 imm, bool imm_form)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	if (!insn_signed_op_ok(op))
		op_error(&o, -EINVAL,
			 "op 0x%x is not BPF_DIV or BPF_MOD (the operations with a signed form)",
			 (unsigned)op);
	chk_dst(&o, "dst", dst);
	if (imm_form) {
		if (imm == 0)
			op_error(&o, -EINVAL, "division by the immediate 0");
		return emit1(&o, insn_make(cls | op | BPF_K, dst, 0, 1, imm));
	}
	chk_reg(&o, "src", src);
	return emit1(&o, insn_make(cls | op | BPF_X, dst, src, 1, 0));
}

int mapops_alu64_signed_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)
{
	return alu_signed(__func__, prog, BPF_ALU64, op, dst, 0, imm, true);
}

int mapops_alu64_signed_reg(mapops_prog_t *prog, int op, int dst, int src)
{
	return alu_signed(__func__, prog, BPF_ALU64, op, dst, src, 0, false);
}

int mapops_alu32_signed_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)
{
	return alu_signed(__func__, prog, BPF_ALU, op, dst, 0, imm, true);
}

int mapops_alu32_signed_reg(mapops_prog_t *prog, int op, int dst, int src)
{
	return alu_signed(__func__, prog, BPF_ALU, op, dst, src, 0, false);
}

static int movsx(const char *fn, mapops_prog_t *prog, int cls, int dst,
		 int src, int bits)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_dst(&o, "dst", dst);
	chk_reg(&o, "src", src);
	if (!insn_movsx_bits_ok(bits, cls == BPF_ALU64))
		op_error(&o, -EINVAL, "bits %d is not 8, 16%s", bits,
			 cls == BPF_ALU64 ? " or 32" : " (32-bit moves)");
	return emit1(&o, insn_make(cls | BPF_MOV | BPF_X, dst, src, bits, 0));
}

int mapops_movsx64(mapops_prog_t *prog, int dst, int src, int bits)
{
	return movsx(__func__, prog, BPF_ALU64, dst, src, bits);
}

int mapops_movsx32(mapops_prog_t *prog, int dst, int src, int bits)
{
	return movsx(__func__, prog, BPF_ALU, dst, src, bits);
}

int mapops_ldx_memsx(mapops_prog_t *prog, int size, int dst, int src, int off)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_dst(&o, "dst", dst);
	chk_reg(&o, "src", src);
	if (!insn_memsx_size_ok(size))
		op_error(&o, -EINVAL,
			 "size 0x%x is not BPF_B, BPF_H or BPF_W (a 64-bit load has nothing to extend)",
			 (unsigned)size);
	else
		chk_mem(&o, size, src, off);
	return emit1(&o, insn_make(BPF_LDX | BPF_MEMSX | size, dst, src, off, 0));
}

int mapops_bswap(mapops_prog_t *prog, int dst, int bits)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_dst(&o, "dst", dst);
	if (!insn_endian_bits_ok(bits))
		op_error(&o, -EINVAL, "bits %d is not 16, 32 or 64", bits);
	return emit1(&o, insn_make(BPF_ALU64 | BPF_END | BPF_TO_LE, dst, 0, 0,
				   bits));
}

static void chk_acq_rel_size(struct op *o, int size)
{
	if (!insn_acq_rel_size_ok(size))
		op_error(o, -EINVAL,
			 "size 0x%x is not BPF_B, BPF_H, BPF_W or BPF_DW",
			 (unsigned)size);
}

int mapops_load_acquire(mapops_prog_t *prog, int size, int dst, int src,
			int off)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_acq_rel_size(&o, size);
	chk_dst(&o, "dst", dst);
	chk_reg(&o, "src", src);
	if (!o.err)
		chk_mem(&o, size, src, off);
	/* dst_reg is the register loaded, src_reg the address. */
	return emit1(&o, insn_atomic(size, BPF_LOAD_ACQ, dst, src, off));
}

int mapops_store_release(mapops_prog_t *prog, int size, int dst, int src,
			 int off)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_acq_rel_size(&o, size);
	chk_reg(&o, "dst", dst);
	chk_reg(&o, "src", src);
	if (!o.err)
		chk_mem(&o, size, dst, off);
	return emit1(&o, insn_atomic(size, BPF_STORE_REL, dst, src, off));
}

static void chk_ld_pkt_size(struct op *o, int size)
{
	if (!insn_ld_pkt_size_ok(size))
		op_error(o, -EINVAL, "size 0x%x is not BPF_B, BPF_H or BPF_W",
			 (unsigned)size);
}

int mapops_ld_abs(mapops_prog_t *prog, int size, __s32 imm)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_ld_pkt_size(&o, size);
	return emit1(&o, insn_make(BPF_LD | BPF_ABS | size, 0, 0, 0, imm));
}

int mapops_ld_ind(mapops_prog_t *prog, int size, int src, __s32 imm)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_ld_pkt_size(&o, size);
	chk_reg(&o, "src", src);
	return emit1(&o, insn_make(BPF_LD | BPF_IND | size, 0, src, 0, imm));
}

int mapops_call_kfunc(mapops_prog_t *prog, __s32 btf_id)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (btf_id <= 0)
		op_error(&o, -EINVAL, "btf_id %d is not a BTF type id", btf_id);
	return emit1(&o, insn_make(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL,
				   0, btf_id));
}

int mapops_call_kfunc_name(mapops_prog_t *prog, const char *name)
{
	struct op o;
	__s32 id = 0;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!name) {
		op_error(&o, -EINVAL, "name is NULL");
		return op_fail(&o);
	}
	id = kfunc_id(name);
	if (id == -ENODEV)
		op_error(&o, -ENOENT,
			 "kernel function \"%.64s\": the running kernel's BTF (/sys/kernel/btf/vmlinux) cannot be read",
			 name);
	else if (id < 0)
		op_error(&o, -ENOENT,
			 "name \"%.64s\" is no function in the running kernel's BTF (/sys/kernel/btf/vmlinux)",
			 name);
	return emit1(&o, insn_make(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL,
				   0, id));
}
