/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Which instruction encodings are valid (see insn-valid.h). */
#include <stdarg.h>
#include <stdio.h>

#include "insn-valid.h"

/* ---- Fields ------------------------------------------------------------ */

bool insn_reg_ok(int reg)
{
	return reg >= BPF_REG_0 && reg <= BPF_REG_10;
}

bool insn_alu_op_ok(int op, bool imm_form)
{
	switch (op) {
	case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_DIV: case BPF_MOD:
	case BPF_OR: case BPF_AND: case BPF_XOR: case BPF_LSH: case BPF_RSH:
	case BPF_ARSH: case BPF_MOV:
		return true;
	case BPF_NEG:
		return imm_form;
	default:
		return false;
	}
}

bool insn_alu_imm_ok(int op, __s32 imm, int bits)
{
	switch (op) {
	case BPF_DIV: case BPF_MOD:
		return imm != 0;
	case BPF_LSH: case BPF_RSH: case BPF_ARSH:
		return imm >= 0 && imm < bits;
	case BPF_NEG:
		return imm == 0;
	default:
		return true;
	}
}

bool insn_endian_type_ok(int type)
{
	return type == BPF_TO_LE || type == BPF_TO_BE;
}

bool insn_endian_bits_ok(int bits)
{
	return bits == 16 || bits == 32 || bits == 64;
}

bool insn_jmp_cond_ok(int op)
{
	switch (op) {
	case BPF_JEQ: case BPF_JNE: case BPF_JGT: case BPF_JGE:
	case BPF_JLT: case BPF_JLE: case BPF_JSET: case BPF_JSGT:
	case BPF_JSGE: case BPF_JSLT: case BPF_JSLE:
		return true;
	default:
		return false;
	}
}

int insn_size_bytes(int size)
{
	switch (size) {
	case BPF_B: return 1;
	case BPF_H: return 2;
	case BPF_W: return 4;
	case BPF_DW: return 8;
	default: return 0;
	}
}

bool insn_atomic_size_ok(int size)
{
	return size == BPF_W || size == BPF_DW;
}

bool insn_atomic_op_ok(int op)
{
	switch (op) {
	case BPF_ADD: case BPF_OR: case BPF_AND: case BPF_XOR:
	case BPF_ADD | BPF_FETCH: case BPF_OR | BPF_FETCH:
	case BPF_AND | BPF_FETCH: case BPF_XOR | BPF_FETCH:
	case BPF_XCHG: case BPF_CMPXCHG:
		return true;
	default:
		return false;
	}
}

bool insn_signed_op_ok(int op)
{
	return op == BPF_DIV || op == BPF_MOD;
}

bool insn_movsx_bits_ok(int bits, bool alu64)
{
	return bits == 8 || bits == 16 || (alu64 && bits == 32);
}

bool insn_memsx_size_ok(int size)
{
	return size == BPF_B || size == BPF_H || size == BPF_W;
}

bool insn_acq_rel_size_ok(int size)
{
	return insn_size_bytes(size) != 0;
}

bool insn_ld_pkt_size_ok(int size)
{
	return size == BPF_B || size == BPF_H || size == BPF_W;
}

/* ---- Whole instructions ------------------------------------------------ */

/* Indexed by BPF_SIZE(code) >> 3: BPF_W, BPF_H, BPF_B, BPF_DW. */
static const char *const size_u[4] = { "u32", "u16", "u8", "u64" };

/* Records why (when asked) and returns false. */
static bool invalid(struct insn_why *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool invalid(struct insn_why *w, const char *fmt, ...)
{
	va_list ap;

	if (w) {
		va_start(ap, fmt);
		vsnprintf(w->text, sizeof(w->text), fmt, ap);
		va_end(ap);
	}
	return false;
}

/* An opcode that does not exist: nothing more to say. */
static bool no_opcode(struct insn_why *w)
{
	if (w)
		w->text[0] = '\0';
	return false;
}

static bool zero(struct insn_why *w, const char *field, long v)
{
	if (v != 0)
		return invalid(w, "%s %ld is reserved and must be 0", field, v);
	return true;
}

static bool reg(struct insn_why *w, const char *field, unsigned r)
{
	if (!insn_reg_ok((int)r))
		return invalid(w, "%s %u is not a register (r0..r10)", field, r);
	return true;
}

static bool valid_alu(const struct bpf_insn *in, struct insn_why *w)
{
	unsigned cls = BPF_CLASS(in->code), op = BPF_OP(in->code);
	bool x = BPF_SRC(in->code) == BPF_X;

	if (op != BPF_END && !insn_alu_op_ok((int)op, true))
		return no_opcode(w);
	if (!reg(w, "dst_reg", in->dst_reg))
		return false;
	switch (op) {
	case BPF_END:
		if (cls == BPF_ALU64 && x)
			return no_opcode(w);
		if (!insn_endian_bits_ok(in->imm))
			return invalid(w, "imm %d is not 16, 32 or 64", in->imm);
		return zero(w, "src_reg", in->src_reg) && zero(w, "off", in->off);
	case BPF_NEG:
		if (!insn_alu_op_ok((int)op, !x))
			return no_opcode(w);
		return zero(w, "src_reg", in->src_reg) &&
		       zero(w, "off", in->off) && zero(w, "imm", in->imm);
	case BPF_MOV:
		if (!x)
			return zero(w, "src_reg", in->src_reg) &&
			       zero(w, "off", in->off);
		if (!reg(w, "src_reg", in->src_reg))
			return false;
		if (cls == BPF_ALU64 && in->off == BPF_ADDR_SPACE_CAST) {
			if (in->imm != 1 && in->imm != 1 << 16)
				return invalid(w, "addr_space_cast imm 0x%x is not 0x1 or 0x10000",
					       (unsigned)in->imm);
			return true;
		}
		if (in->off != 0 &&
		    !insn_movsx_bits_ok(in->off, cls == BPF_ALU64))
			return invalid(w, "off %d is not 0, 8, 16%s", in->off,
				       cls == BPF_ALU ? "" : " or 32");
		return zero(w, "imm", in->imm);
	case BPF_DIV:
	case BPF_MOD:
		if (in->off != 0 && (in->off != 1 || !insn_signed_op_ok((int)op)))
			return invalid(w, "off %d is not 0 or 1 (signed)", in->off);
		break;
	default:
		if (!zero(w, "off", in->off))
			return false;
	}
	if (x)
		return reg(w, "src_reg", in->src_reg) && zero(w, "imm", in->imm);
	return zero(w, "src_reg", in->src_reg);
}

static bool valid_ld(const struct bpf_insn *insns, size_t cnt, size_t slot,
		     struct insn_why *w)
{
	const struct bpf_insn *in = &insns[slot], *hi;
	unsigned mode = BPF_MODE(in->code), size = BPF_SIZE(in->code);

	if (mode == BPF_ABS || mode == BPF_IND) {
		if (!insn_ld_pkt_size_ok((int)size))
			return no_opcode(w);
		return zero(w, "dst_reg", in->dst_reg) && zero(w, "off", in->off) &&
		       (mode == BPF_IND ? reg(w, "src_reg", in->src_reg)
					: zero(w, "src_reg", in->src_reg));
	}
	if (in->code != INSN_LD_IMM64_CODE)
		return no_opcode(w);
	if (slot + 1 >= cnt)
		return invalid(w, "ld_imm64 without its second slot");
	hi = in + 1;
	if (hi->code || hi->dst_reg || hi->src_reg || hi->off)
		return invalid(w, "ld_imm64 second slot must be zero except imm");
	if (!reg(w, "dst_reg", in->dst_reg) || !zero(w, "off", in->off))
		return false;
	switch (in->src_reg) {
	case 0:
	case BPF_PSEUDO_MAP_VALUE:
	case BPF_PSEUDO_BTF_ID:
	case BPF_PSEUDO_MAP_IDX_VALUE:
		return true;
	case BPF_PSEUDO_MAP_FD:
	case BPF_PSEUDO_FUNC:
	case BPF_PSEUDO_MAP_IDX:
		return zero(w, "second imm", hi->imm);
	default:
		return invalid(w, "ld_imm64 src_reg %u is not 0..6", in->src_reg);
	}
}

static bool valid_mem(const struct bpf_insn *in, struct insn_why *w)
{
	unsigned cls = BPF_CLASS(in->code), mode = BPF_MODE(in->code);
	unsigned size = BPF_SIZE(in->code);

	if (!reg(w, "dst_reg", in->dst_reg))
		return false;
	switch (cls) {
	case BPF_LDX:
		if (mode != BPF_MEM &&
		    (mode != BPF_MEMSX || !insn_memsx_size_ok((int)size)))
			return no_opcode(w);
		return reg(w, "src_reg", in->src_reg) && zero(w, "imm", in->imm);
	case BPF_ST:
		if (mode != BPF_MEM)
			return no_opcode(w);
		return zero(w, "src_reg", in->src_reg);
	default: /* BPF_STX */
		if (mode == BPF_MEM)
			return reg(w, "src_reg", in->src_reg) &&
			       zero(w, "imm", in->imm);
		if (mode != BPF_ATOMIC)
			return no_opcode(w);
		if (!reg(w, "src_reg", in->src_reg))
			return false;
		if (in->imm == BPF_LOAD_ACQ || in->imm == BPF_STORE_REL)
			return true;
		if (!insn_atomic_op_ok(in->imm))
			return invalid(w, "imm 0x%x is not an atomic operation",
				       (unsigned)in->imm);
		if (!insn_atomic_size_ok((int)size))
			return invalid(w, "atomic 0x%x on %s: only u32 and u64",
				       (unsigned)in->imm, size_u[size >> 3]);
		return true;
	}
}

static bool valid_jmp(const struct bpf_insn *in, struct insn_why *w)
{
	unsigned cls = BPF_CLASS(in->code), op = BPF_OP(in->code);
	bool x = BPF_SRC(in->code) == BPF_X;

	switch (op) {
	case BPF_JA:
		if (x)
			return no_opcode(w);
		return zero(w, "dst_reg", in->dst_reg) &&
		       zero(w, "src_reg", in->src_reg) &&
		       (cls == BPF_JMP ? zero(w, "imm", in->imm)
				       : zero(w, "off", in->off));
	case BPF_CALL:
		if (x || cls == BPF_JMP32)
			return no_opcode(w);
		if (in->src_reg > BPF_PSEUDO_KFUNC_CALL)
			return invalid(w, "call src_reg %u is not 0, 1 or 2",
				       in->src_reg);
		return zero(w, "dst_reg", in->dst_reg) &&
		       (in->src_reg == BPF_PSEUDO_KFUNC_CALL ||
			zero(w, "off", in->off));
	case BPF_EXIT:
		if (x || cls == BPF_JMP32)
			return no_opcode(w);
		return zero(w, "dst_reg", in->dst_reg) &&
		       zero(w, "src_reg", in->src_reg) &&
		       zero(w, "off", in->off) && zero(w, "imm", in->imm);
	case BPF_JCOND:
		if (x || cls == BPF_JMP32)
			return no_opcode(w);
		return zero(w, "src_reg (may_goto)", in->src_reg) &&
		       zero(w, "dst_reg", in->dst_reg) && zero(w, "imm", in->imm);
	default:
		if (!insn_jmp_cond_ok((int)op))
			return no_opcode(w);
		if (!reg(w, "dst_reg", in->dst_reg))
			return false;
		if (x)
			return reg(w, "src_reg", in->src_reg) &&
			       zero(w, "imm", in->imm);
		return zero(w, "src_reg", in->src_reg);
	}
}

bool insn_valid(const struct bpf_insn *insns, size_t cnt, size_t slot,
		struct insn_why *why)
{
	const struct bpf_insn *in = &insns[slot];

	if (why)
		why->text[0] = '\0';
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		return valid_ld(insns, cnt, slot, why);
	case BPF_LDX:
	case BPF_ST:
	case BPF_STX:
		return valid_mem(in, why);
	case BPF_ALU:
	case BPF_ALU64:
		return valid_alu(in, why);
	default: /* BPF_JMP, BPF_JMP32 */
		return valid_jmp(in, why);
	}
}
