/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Which instruction encodings are valid: the one place that decides it.
 * The emitters' argument checks, the printer and the fuzzer's model
 * (fuzz/fuzz-api.c) all ask these functions.
 *
 * Valid means what the kernel's verifier accepts as an encoding: an opcode
 * of the ISA (RFC 9669, with the kernel's extensions may_goto,
 * addr_space_cast, load_acquire and store_release), registers r0..r10 and
 * zero in every field the opcode does not use.  Whether the program then
 * passes the verifier (initialised registers, bounds, ...) is not asked.
 */
#ifndef MAPOPS_INSN_VALID_H
#define MAPOPS_INSN_VALID_H

#include <stdbool.h>
#include <stddef.h>

#include "insn.h"

/* ---- One field at a time: the operand sets of the public emitters ---- */

/* r0..r10. */
bool insn_reg_ok(int reg);
/* An ALU operation of mapops_alu{64,32}_{imm,reg}: BPF_ADD .. BPF_ARSH and
 * BPF_MOV, and BPF_NEG in the immediate form only (not BPF_END, which is
 * mapops_endian()'s). */
bool insn_alu_op_ok(int op, bool imm_form);
/* The immediate of an ALU operation on a bits-wide register (64 or 32):
 * no division by 0, shifts in [0, bits - 1], BPF_NEG's imm 0. */
bool insn_alu_imm_ok(int op, __s32 imm, int bits);
/* BPF_TO_LE or BPF_TO_BE. */
bool insn_endian_type_ok(int type);
/* 16, 32 or 64. */
bool insn_endian_bits_ok(int bits);
/* A conditional jump: BPF_JEQ .. BPF_JSLE. */
bool insn_jmp_cond_ok(int op);
/* The bytes a BPF_B, BPF_H, BPF_W or BPF_DW access moves, else 0. */
int insn_size_bytes(int size);
/* BPF_W or BPF_DW: the sizes of the read-modify-write atomics. */
bool insn_atomic_size_ok(int size);
/* A read-modify-write atomic (BPF_ATOMIC's imm): add, or, and, xor (each
 * also with BPF_FETCH), BPF_XCHG, BPF_CMPXCHG. */
bool insn_atomic_op_ok(int op);

/* The ops with a signed form (off 1): BPF_DIV and BPF_MOD (sdiv, smod). */
bool insn_signed_op_ok(int op);
/* The source widths of a sign-extending move (BPF_MOV | BPF_X, off = bits):
 * 8, 16 or 32 on 64 bits (BPF_ALU64), 8 or 16 on 32 bits (BPF_ALU). */
bool insn_movsx_bits_ok(int bits, bool alu64);
/* The sizes of a sign-extending load (BPF_LDX | BPF_MEMSX): BPF_B, BPF_H,
 * BPF_W. */
bool insn_memsx_size_ok(int size);
/* The sizes of load-acquire and store-release: BPF_B, BPF_H, BPF_W,
 * BPF_DW. */
bool insn_acq_rel_size_ok(int size);
/* The sizes of the legacy packet loads BPF_LD | BPF_ABS / BPF_IND: BPF_B,
 * BPF_H, BPF_W. */
bool insn_ld_pkt_size_ok(int size);

/* ---- A whole instruction ---- */

/* Why an instruction is not valid: empty when its opcode does not exist,
 * else the field and the rule it breaks ("off 3 is reserved and must be
 * 0"). */
struct insn_why {
	char text[96];
};

/*
 * Whether insns[slot] (slot < cnt) is a valid instruction.  An ld_imm64
 * (BPF_LD | BPF_IMM | BPF_DW) is judged with its second slot, slot + 1,
 * which must be inside insns[0 .. cnt - 1].  When it is not valid, why (if
 * not NULL) says why.  Nothing outside insns[0 .. cnt - 1] is read.
 */
bool insn_valid(const struct bpf_insn *insns, size_t cnt, size_t slot,
		struct insn_why *why);

#endif
