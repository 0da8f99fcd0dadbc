/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The encoder: one struct bpf_insn per function, nothing else. */
#ifndef MAPOPS_INSN_H
#define MAPOPS_INSN_H

#include <string.h>

#include <linux/bpf.h>

/* The first slot's code of a 64-bit immediate load. */
#define INSN_LD_IMM64_CODE (BPF_LD | BPF_IMM | BPF_DW)

/*
 * Newer than Debian 12's <linux/bpf.h> (6.1).  The sign-extending moves
 * (BPF_MOVSX in the ISA) have no constant of their own: they are BPF_MOV |
 * BPF_X with off 8, 16 or 32, as sdiv and smod are BPF_DIV and BPF_MOD with
 * off 1.
 */
#ifndef BPF_JCOND
#define BPF_JCOND 0xe0 /* may_goto (src_reg BPF_MAY_GOTO = 0) */
#endif
#ifndef BPF_MEMSX
#define BPF_MEMSX 0x80 /* sign-extending load */
#endif
#ifndef BPF_ADDR_SPACE_CAST
#define BPF_ADDR_SPACE_CAST 1 /* off of an ALU64 MOV X: arena cast */
#endif
#ifndef BPF_LOAD_ACQ
#define BPF_LOAD_ACQ 0x100 /* atomic imm: load-acquire */
#endif
#ifndef BPF_STORE_REL
#define BPF_STORE_REL 0x110 /* atomic imm: store-release */
#endif

static inline struct bpf_insn insn_make(int code, int dst, int src, int off,
					__s32 imm)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* The same bytes as the fields below, composed in a register: the
	 * slot then reaches memory as one 8-byte store, which the 8-byte load
	 * that appends it can forward.  Field by field, that load waits for
	 * four narrow stores to retire (a store-forwarding stall; composing
	 * the slot here made a one-slot call about 5% faster). */
	__u64 v = (__u64)(__u8)code | (__u64)(dst & 0xf) << 8 |
		  (__u64)(src & 0xf) << 12 | (__u64)(__u16)off << 16 |
		  (__u64)(__u32)imm << 32;
	struct bpf_insn insn;

	memcpy(&insn, &v, sizeof(insn));
	return insn;
#else
	struct bpf_insn insn = {
		.code = (__u8)code,
		.dst_reg = (__u8)(dst & 0xf),
		.src_reg = (__u8)(src & 0xf),
		.off = (__s16)off,
		.imm = imm,
	};
	return insn;
#endif
}

/* cls: BPF_ALU64 or BPF_ALU (32-bit). */
static inline struct bpf_insn insn_alu_imm(int cls, int op, int dst, __s32 imm)
{
	return insn_make(cls | op | BPF_K, dst, 0, 0, imm);
}

static inline struct bpf_insn insn_alu_reg(int cls, int op, int dst, int src)
{
	return insn_make(cls | op | BPF_X, dst, src, 0, 0);
}

static inline struct bpf_insn insn_alu64_imm(int op, int dst, __s32 imm)
{
	return insn_alu_imm(BPF_ALU64, op, dst, imm);
}

static inline struct bpf_insn insn_alu64_reg(int op, int dst, int src)
{
	return insn_alu_reg(BPF_ALU64, op, dst, src);
}

/* "dst = le<bits> dst" / "be<bits>" (type BPF_TO_LE or BPF_TO_BE). */
static inline struct bpf_insn insn_endian(int type, int dst, int bits)
{
	return insn_make(BPF_ALU | BPF_END | type, dst, 0, 0, bits);
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

/* A conditional jump; cls: BPF_JMP or BPF_JMP32 (32-bit compare). */
static inline struct bpf_insn insn_cond_imm(int cls, int op, int dst,
					    __s32 imm, int off)
{
	return insn_make(cls | op | BPF_K, dst, 0, off, imm);
}

static inline struct bpf_insn insn_cond_reg(int cls, int op, int dst, int src,
					    int off)
{
	return insn_make(cls | op | BPF_X, dst, src, off, 0);
}

static inline struct bpf_insn insn_jmp_imm(int op, int dst, __s32 imm, int off)
{
	return insn_cond_imm(BPF_JMP, op, dst, imm, off);
}

static inline struct bpf_insn insn_ja(int off)
{
	return insn_make(BPF_JMP | BPF_JA, 0, 0, off, 0);
}

static inline struct bpf_insn insn_call(__s32 helper)
{
	return insn_make(BPF_JMP | BPF_CALL, 0, 0, 0, helper);
}

static inline struct bpf_insn insn_exit(void)
{
	return insn_make(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
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
