/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The encoder: one struct bpf_insn per function, nothing else. */
#ifndef MAPOPS_INSN_H
#define MAPOPS_INSN_H

#include <linux/bpf.h>

/* The first slot's code of a 64-bit immediate load. */
#define INSN_LD_IMM64_CODE (BPF_LD | BPF_IMM | BPF_DW)

static inline struct bpf_insn insn_make(int code, int dst, int src, int off,
					__s32 imm)
{
	struct bpf_insn insn = {
		.code = (__u8)code,
		.dst_reg = (__u8)(dst & 0xf),
		.src_reg = (__u8)(src & 0xf),
		.off = (__s16)off,
		.imm = imm,
	};
	return insn;
}

static inline struct bpf_insn insn_alu64_imm(int op, int dst, __s32 imm)
{
	return insn_make(BPF_ALU64 | op | BPF_K, dst, 0, 0, imm);
}

static inline struct bpf_insn insn_alu64_reg(int op, int dst, int src)
{
	return insn_make(BPF_ALU64 | op | BPF_X, dst, src, 0, 0);
}

static inline struct bpf_insn insn_mov64_reg(int dst, int src)
{
	return insn_alu64_reg(BPF_MOV, dst, src);
}

static inline struct bpf_insn insn_mov64_imm(int dst, __s32 imm)
{
	return insn_alu64_imm(BPF_MOV, dst, imm);
}

static inline struct bpf_insn insn_ldx(int size, int dst, int src, int off)
{
	return insn_make(BPF_LDX | BPF_MEM | size, dst, src, off, 0);
}

static inline struct bpf_insn insn_stx(int size, int dst, int src, int off)
{
	return insn_make(BPF_STX | BPF_MEM | size, dst, src, off, 0);
}

static inline struct bpf_insn insn_st(int size, int dst, int off, __s32 imm)
{
	return insn_make(BPF_ST | BPF_MEM | size, dst, 0, off, imm);
}

static inline struct bpf_insn insn_atomic(int size, int op, int dst, int src,
					  int off)
{
	return insn_make(BPF_STX | BPF_ATOMIC | size, dst, src, off, op);
}

static inline struct bpf_insn insn_jmp_imm(int op, int dst, __s32 imm, int off)
{
	return insn_make(BPF_JMP | op | BPF_K, dst, 0, off, imm);
}

static inline struct bpf_insn insn_call(__s32 helper)
{
	return insn_make(BPF_JMP | BPF_CALL, 0, 0, 0, helper);
}

/* Writes the two slots of "dst = imm ll" (src: 0 or a BPF_PSEUDO_* kind). */
static inline struct bpf_insn *put_ld_imm64(struct bpf_insn *p, int dst,
					    int src, __u64 imm)
{
	p[0] = insn_make(INSN_LD_IMM64_CODE, dst, src, 0, (__s32)(__u32)imm);
	p[1] = insn_make(0, 0, 0, 0, (__s32)(__u32)(imm >> 32));
	return p + 2;
}

/* Points the jump at *jmp to the slot at target (both in one buffer). */
static inline void patch_jump(struct bpf_insn *jmp, const struct bpf_insn *target)
{
	jmp->off = (__s16)(target - (jmp + 1));
}

#endif
