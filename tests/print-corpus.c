/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The corpus for tests/check-llvm-disasm.py.
 *
 *   print-corpus            every opcode and variant of the eBPF ISA, one
 *                           instruction a line: "HEX<TAB>our text", HEX the
 *                           bytes as llvm-mc reads them ("0xbf 0x21 ...").
 *   print-corpus --encode   what the library's emitters produce, a line per
 *                           call: "HEX<TAB>asm; asm; ..." with the LLVM
 *                           assembly that must give exactly those bytes.
 *
 * Exit 0, or 1 if the library refused a call (a bug in this file or in it).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mapops/mapops.h>

/* One corpus entry: an instruction of one slot, or an ld_imm64 of two. */
struct entry {
	struct bpf_insn insn[2];
	size_t n;
};

#define INSN(c, d, s, o, i)                                                  \
	{ { { .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o),       \
	      .imm = (i) } }, 1 }
#define LD64(d, s, lo, hi)                                                   \
	{ { { .code = BPF_LD | BPF_IMM | BPF_DW, .dst_reg = (d),             \
	      .src_reg = (s), .imm = (__s32)(lo) },                          \
	    { .imm = (__s32)(hi) } }, 2 }

/* ALU and ALU64 opcodes: class | op | source. */
#define A64K(op) (BPF_ALU64 | (op) | BPF_K)
#define A64X(op) (BPF_ALU64 | (op) | BPF_X)
#define A32K(op) (BPF_ALU | (op) | BPF_K)
#define A32X(op) (BPF_ALU | (op) | BPF_X)
#define JK(op) (BPF_JMP | (op) | BPF_K)
#define JX(op) (BPF_JMP | (op) | BPF_X)
#define J32K(op) (BPF_JMP32 | (op) | BPF_K)
#define J32X(op) (BPF_JMP32 | (op) | BPF_X)

/* Not in Debian 12's <linux/bpf.h>. */
#define MEMSX 0x80
#define JCOND 0xe0
#define LOAD_ACQ 0x100
#define STORE_REL 0x110

#define ATOMIC(size, op, dst, src, off)                                      \
	INSN(BPF_STX | BPF_ATOMIC | (size), dst, src, off, op)

static const struct entry corpus[] = {
	/* ---- ALU64, immediate source ---- */
	INSN(A64K(BPF_ADD), 2, 0, 0, -16),
	INSN(A64K(BPF_ADD), 1, 0, 0, 2147483647),
	INSN(A64K(BPF_SUB), 3, 0, 0, 5),
	INSN(A64K(BPF_MUL), 4, 0, 0, 7),
	INSN(A64K(BPF_DIV), 5, 0, 0, 3),
	INSN(A64K(BPF_DIV), 5, 0, 1, -3),      /* sdiv */
	INSN(A64K(BPF_OR), 6, 0, 0, 255),
	INSN(A64K(BPF_AND), 7, 0, 0, -256),
	INSN(A64K(BPF_LSH), 8, 0, 0, 12),
	INSN(A64K(BPF_RSH), 9, 0, 0, 63),
	INSN(A64K(BPF_NEG), 1, 0, 0, 0),
	INSN(A64K(BPF_MOD), 0, 0, 0, 10),
	INSN(A64K(BPF_MOD), 0, 0, 1, 10),      /* smod */
	INSN(A64K(BPF_XOR), 1, 0, 0, -1),
	INSN(A64K(BPF_MOV), 0, 0, 0, 1),
	INSN(A64K(BPF_MOV), 1, 0, 0, -2147483647 - 1),
	INSN(A64K(BPF_ARSH), 2, 0, 0, 3),
	/* ---- ALU64, register source ---- */
	INSN(A64X(BPF_ADD), 1, 2, 0, 0),
	INSN(A64X(BPF_SUB), 3, 4, 0, 0),
	INSN(A64X(BPF_MUL), 5, 6, 0, 0),
	INSN(A64X(BPF_DIV), 7, 8, 0, 0),
	INSN(A64X(BPF_DIV), 7, 8, 1, 0),       /* sdiv */
	INSN(A64X(BPF_OR), 9, 0, 0, 0),
	INSN(A64X(BPF_AND), 0, 9, 0, 0),
	INSN(A64X(BPF_LSH), 1, 3, 0, 0),
	INSN(A64X(BPF_RSH), 2, 4, 0, 0),
	INSN(A64X(BPF_MOD), 3, 5, 0, 0),
	INSN(A64X(BPF_MOD), 3, 5, 1, 0),       /* smod */
	INSN(A64X(BPF_XOR), 4, 6, 0, 0),
	INSN(A64X(BPF_MOV), 1, 10, 0, 0),
	INSN(A64X(BPF_MOV), 1, 2, 8, 0),       /* movsx */
	INSN(A64X(BPF_MOV), 3, 4, 16, 0),
	INSN(A64X(BPF_MOV), 5, 6, 32, 0),
	INSN(A64X(BPF_MOV), 1, 2, 1, 1),       /* addr_space_cast */
	INSN(A64X(BPF_MOV), 3, 4, 1, 1 << 16),
	INSN(A64X(BPF_ARSH), 5, 7, 0, 0),
	/* ---- ALU64 byte swap ---- */
	INSN(BPF_ALU64 | BPF_END | BPF_TO_LE, 1, 0, 0, 16),
	INSN(BPF_ALU64 | BPF_END | BPF_TO_LE, 2, 0, 0, 32),
	INSN(BPF_ALU64 | BPF_END | BPF_TO_LE, 3, 0, 0, 64),
	/* ---- ALU (32 bits), immediate source ---- */
	INSN(A32K(BPF_ADD), 2, 0, 0, -16),
	INSN(A32K(BPF_SUB), 3, 0, 0, 5),
	INSN(A32K(BPF_MUL), 4, 0, 0, -7),
	INSN(A32K(BPF_DIV), 5, 0, 0, 3),
	INSN(A32K(BPF_DIV), 5, 0, 1, -3),
	INSN(A32K(BPF_OR), 6, 0, 0, 255),
	INSN(A32K(BPF_AND), 7, 0, 0, 65535),
	INSN(A32K(BPF_LSH), 8, 0, 0, 5),
	INSN(A32K(BPF_RSH), 9, 0, 0, 31),
	INSN(A32K(BPF_NEG), 1, 0, 0, 0),
	INSN(A32K(BPF_MOD), 0, 0, 0, 10),
	INSN(A32K(BPF_MOD), 0, 0, 1, 3),
	INSN(A32K(BPF_XOR), 1, 0, 0, -1),
	INSN(A32K(BPF_MOV), 1, 0, 0, 7),
	INSN(A32K(BPF_MOV), 0, 0, 0, -1),
	INSN(A32K(BPF_ARSH), 2, 0, 0, 4),
	/* ---- ALU (32 bits), register source ---- */
	INSN(A32X(BPF_ADD), 1, 2, 0, 0),
	INSN(A32X(BPF_SUB), 3, 4, 0, 0),
	INSN(A32X(BPF_MUL), 5, 6, 0, 0),
	INSN(A32X(BPF_DIV), 7, 8, 0, 0),
	INSN(A32X(BPF_DIV), 7, 8, 1, 0),
	INSN(A32X(BPF_OR), 9, 1, 0, 0),
	INSN(A32X(BPF_AND), 0, 9, 0, 0),
	INSN(A32X(BPF_LSH), 1, 3, 0, 0),
	INSN(A32X(BPF_RSH), 2, 4, 0, 0),
	INSN(A32X(BPF_MOD), 3, 5, 0, 0),
	INSN(A32X(BPF_MOD), 3, 5, 1, 0),
	INSN(A32X(BPF_XOR), 4, 6, 0, 0),
	INSN(A32X(BPF_MOV), 1, 2, 0, 0),
	INSN(A32X(BPF_MOV), 1, 2, 8, 0),       /* movsx */
	INSN(A32X(BPF_MOV), 3, 4, 16, 0),
	INSN(A32X(BPF_ARSH), 5, 7, 0, 0),
	/* ---- ALU byte order ---- */
	INSN(BPF_ALU | BPF_END | BPF_TO_LE, 1, 0, 0, 16),
	INSN(BPF_ALU | BPF_END | BPF_TO_LE, 2, 0, 0, 32),
	INSN(BPF_ALU | BPF_END | BPF_TO_LE, 3, 0, 0, 64),
	INSN(BPF_ALU | BPF_END | BPF_TO_BE, 4, 0, 0, 16),
	INSN(BPF_ALU | BPF_END | BPF_TO_BE, 5, 0, 0, 32),
	INSN(BPF_ALU | BPF_END | BPF_TO_BE, 6, 0, 0, 64),
	/* ---- LDX ---- */
	INSN(BPF_LDX | BPF_MEM | BPF_W, 1, 2, 8, 0),
	INSN(BPF_LDX | BPF_MEM | BPF_H, 3, 10, -2, 0),
	INSN(BPF_LDX | BPF_MEM | BPF_B, 4, 5, 32767, 0),
	INSN(BPF_LDX | BPF_MEM | BPF_DW, 1, 2, 8, 0),
	INSN(BPF_LDX | BPF_MEM | BPF_DW, 0, 10, -32768, 0),
	INSN(BPF_LDX | MEMSX | BPF_W, 1, 2, 0, 0),
	INSN(BPF_LDX | MEMSX | BPF_H, 6, 7, -4, 0),
	INSN(BPF_LDX | MEMSX | BPF_B, 8, 9, 12, 0),
	/* ---- ST ---- */
	INSN(BPF_ST | BPF_MEM | BPF_W, 10, 0, -4, 1),
	INSN(BPF_ST | BPF_MEM | BPF_H, 10, 0, -2, 7),
	INSN(BPF_ST | BPF_MEM | BPF_B, 1, 0, 3, -1),
	INSN(BPF_ST | BPF_MEM | BPF_DW, 10, 0, -8, -2147483647 - 1),
	/* ---- STX ---- */
	INSN(BPF_STX | BPF_MEM | BPF_W, 10, 1, -4, 0),
	INSN(BPF_STX | BPF_MEM | BPF_H, 2, 3, 6, 0),
	INSN(BPF_STX | BPF_MEM | BPF_B, 4, 5, -1, 0),
	INSN(BPF_STX | BPF_MEM | BPF_DW, 10, 6, -16, 0),
	/* ---- atomics, 32 and 64 bits ---- */
	ATOMIC(BPF_W, BPF_ADD, 1, 2, 0),
	ATOMIC(BPF_W, BPF_OR, 1, 2, 4),
	ATOMIC(BPF_W, BPF_AND, 1, 2, -4),
	ATOMIC(BPF_W, BPF_XOR, 1, 2, 8),
	ATOMIC(BPF_W, BPF_ADD | BPF_FETCH, 3, 4, 0),
	ATOMIC(BPF_W, BPF_OR | BPF_FETCH, 3, 4, 0),
	ATOMIC(BPF_W, BPF_AND | BPF_FETCH, 3, 4, 0),
	ATOMIC(BPF_W, BPF_XOR | BPF_FETCH, 3, 4, 0),
	ATOMIC(BPF_W, BPF_XCHG, 10, 5, -8),
	ATOMIC(BPF_W, BPF_CMPXCHG, 6, 7, 12),
	ATOMIC(BPF_DW, BPF_ADD, 0, 1, 0),
	ATOMIC(BPF_DW, BPF_OR, 0, 1, 8),
	ATOMIC(BPF_DW, BPF_AND, 0, 1, -8),
	ATOMIC(BPF_DW, BPF_XOR, 0, 1, 16),
	ATOMIC(BPF_DW, BPF_ADD | BPF_FETCH, 0, 1, 0),
	ATOMIC(BPF_DW, BPF_OR | BPF_FETCH, 2, 3, 0),
	ATOMIC(BPF_DW, BPF_AND | BPF_FETCH, 2, 3, 0),
	ATOMIC(BPF_DW, BPF_XOR | BPF_FETCH, 2, 3, 0),
	ATOMIC(BPF_DW, BPF_XCHG, 10, 1, -8),
	ATOMIC(BPF_DW, BPF_CMPXCHG, 2, 3, 0),
	/* load-acquire and store-release (kernel 6.15) */
	ATOMIC(BPF_B, LOAD_ACQ, 1, 2, 0),
	ATOMIC(BPF_H, LOAD_ACQ, 1, 2, 2),
	ATOMIC(BPF_W, LOAD_ACQ, 1, 2, 4),
	ATOMIC(BPF_DW, LOAD_ACQ, 1, 2, 8),
	ATOMIC(BPF_B, STORE_REL, 1, 2, 0),
	ATOMIC(BPF_H, STORE_REL, 1, 2, -2),
	ATOMIC(BPF_W, STORE_REL, 1, 2, -4),
	ATOMIC(BPF_DW, STORE_REL, 10, 2, -8),
	/* ---- legacy packet loads ---- */
	INSN(BPF_LD | BPF_ABS | BPF_W, 0, 0, 0, 16),
	INSN(BPF_LD | BPF_ABS | BPF_H, 0, 0, 0, 12),
	INSN(BPF_LD | BPF_ABS | BPF_B, 0, 0, 0, 23),
	INSN(BPF_LD | BPF_IND | BPF_W, 0, 1, 0, 0),
	INSN(BPF_LD | BPF_IND | BPF_H, 0, 6, 0, 14),
	INSN(BPF_LD | BPF_IND | BPF_B, 0, 7, 0, -4),
	/* ---- 64-bit immediates ---- */
	LD64(1, 0, 0x23456789, 0x1),
	LD64(2, 0, 0, 0),
	LD64(3, 0, 0xffffffff, 0xffffffff),
	LD64(4, 0, 0xffffffff, 0x7fffffff),
	LD64(5, 0, 0, 0x80000000),
	LD64(10, 0, 42, 0),
	LD64(1, BPF_PSEUDO_MAP_FD, 7, 0),
	LD64(2, BPF_PSEUDO_MAP_VALUE, 7, 16),
	LD64(3, BPF_PSEUDO_BTF_ID, 1234, 0),
	LD64(4, BPF_PSEUDO_FUNC, 5, 0),
	LD64(5, BPF_PSEUDO_MAP_IDX, 3, 0),
	LD64(6, BPF_PSEUDO_MAP_IDX_VALUE, 3, 8),
	/* ---- JMP ---- */
	INSN(JK(BPF_JA), 0, 0, 2, 0),
	INSN(JK(BPF_JA), 0, 0, -3, 0),
	INSN(JK(BPF_JA), 0, 0, 0, 0),
	INSN(JK(BPF_JEQ), 0, 0, 3, 0),
	INSN(JK(BPF_JEQ), 1, 0, -1, -16),
	INSN(JK(BPF_JGT), 2, 0, 4, 100),
	INSN(JK(BPF_JGE), 3, 0, 5, 0x7fffffff),
	INSN(JK(BPF_JSET), 4, 0, 6, 1),
	INSN(JK(BPF_JNE), 5, 0, 32767, -2147483647 - 1),
	INSN(JK(BPF_JSGT), 6, 0, -32768, -1),
	INSN(JK(BPF_JSGE), 7, 0, 1, 2),
	INSN(JK(BPF_JLT), 8, 0, 2, 3),
	INSN(JK(BPF_JLE), 9, 0, 3, 4),
	INSN(JK(BPF_JSLT), 10, 0, 4, -5),
	INSN(JK(BPF_JSLE), 0, 0, 5, 6),
	INSN(JX(BPF_JEQ), 1, 2, 3, 0),
	INSN(JX(BPF_JGT), 2, 3, -4, 0),
	INSN(JX(BPF_JGE), 3, 4, 5, 0),
	INSN(JX(BPF_JSET), 4, 5, 6, 0),
	INSN(JX(BPF_JNE), 5, 6, 7, 0),
	INSN(JX(BPF_JSGT), 6, 7, 8, 0),
	INSN(JX(BPF_JSGE), 7, 8, 9, 0),
	INSN(JX(BPF_JLT), 8, 9, 10, 0),
	INSN(JX(BPF_JLE), 9, 10, 11, 0),
	INSN(JX(BPF_JSLT), 10, 0, 12, 0),
	INSN(JX(BPF_JSLE), 0, 1, -13, 0),
	INSN(JK(BPF_CALL), 0, 0, 0, BPF_FUNC_map_lookup_elem),
	INSN(JK(BPF_CALL), 0, 0, 0, BPF_FUNC_ktime_get_ns),
	INSN(JK(BPF_CALL), 0, 0, 0, 211),     /* cgrp_storage_delete */
	INSN(JK(BPF_CALL), 0, 0, 0, 999),     /* unknown */
	INSN(JK(BPF_CALL), 0, BPF_PSEUDO_CALL, 0, 5),
	INSN(JK(BPF_CALL), 0, BPF_PSEUDO_CALL, 0, -3),
	INSN(JK(BPF_CALL), 0, BPF_PSEUDO_KFUNC_CALL, 0, 12345),
	INSN(JK(BPF_EXIT), 0, 0, 0, 0),
	INSN(JK(JCOND), 0, 0, 5, 0),           /* may_goto */
	/* ---- JMP32 ---- */
	INSN(J32K(BPF_JA), 0, 0, 0, 100000),   /* gotol */
	INSN(J32K(BPF_JA), 0, 0, 0, -1),
	INSN(J32K(BPF_JEQ), 1, 0, 3, 5),
	INSN(J32K(BPF_JGT), 2, 0, 4, -1),
	INSN(J32K(BPF_JGE), 3, 0, 5, 0),
	INSN(J32K(BPF_JSET), 4, 0, 6, 0x80),
	INSN(J32K(BPF_JNE), 5, 0, 7, 0),
	INSN(J32K(BPF_JSGT), 6, 0, 8, -7),
	INSN(J32K(BPF_JSGE), 7, 0, 9, 7),
	INSN(J32K(BPF_JLT), 8, 0, 10, 8),
	INSN(J32K(BPF_JLE), 9, 0, 11, 9),
	INSN(J32K(BPF_JSLT), 10, 0, -12, -10),
	INSN(J32K(BPF_JSLE), 0, 0, 13, 11),
	INSN(J32X(BPF_JEQ), 1, 2, -5, 0),
	INSN(J32X(BPF_JGT), 2, 3, 4, 0),
	INSN(J32X(BPF_JGE), 3, 4, 5, 0),
	INSN(J32X(BPF_JSET), 4, 5, 6, 0),
	INSN(J32X(BPF_JNE), 5, 6, 7, 0),
	INSN(J32X(BPF_JSGT), 1, 2, -5, 0),
	INSN(J32X(BPF_JSGE), 7, 8, 9, 0),
	INSN(J32X(BPF_JLT), 8, 9, 10, 0),
	INSN(J32X(BPF_JLE), 9, 10, 11, 0),
	INSN(J32X(BPF_JSLT), 10, 0, 12, 0),
	INSN(J32X(BPF_JSLE), 0, 1, 13, 0),
};

static void put_hex(const struct bpf_insn *insns, size_t n)
{
	const unsigned char *b = (const unsigned char *)insns;
	size_t i;

	for (i = 0; i < n * sizeof(*insns); i++)
		printf("%s0x%02x", i ? " " : "", b[i]);
}

/*
 * Fails unless every opcode byte the printer accepts appears in the corpus:
 * each code is tried with field values that make some variant of every
 * opcode valid.
 */
static int check_coverage(void)
{
	static const struct bpf_insn tries[] = {
		{ .dst_reg = 1, .src_reg = 2 },
		{ .dst_reg = 1, .imm = 16 },
		{ .dst_reg = 1, .src_reg = 2, .off = 8 },
		{ .dst_reg = 1, .src_reg = 2, .off = 1 },
		{ .dst_reg = 1, .off = 1, .imm = 5 },
		{ .dst_reg = 1, .src_reg = 2, .imm = 1 },
		{ .src_reg = 0 },
		{ .src_reg = 1 },
		{ .off = 1 },
		{ .imm = 1 },
		{ .src_reg = 2, .imm = 1 },
		{ .src_reg = 1, .imm = 5 },
		{ .dst_reg = 1, .src_reg = 2, .imm = LOAD_ACQ },
		{ .dst_reg = 1, .src_reg = 2, .imm = STORE_REL },
		{ .dst_reg = 1, .src_reg = 2, .imm = BPF_XCHG },
	};
	bool seen[256] = { false };
	int missing = 0;
	size_t i, t;
	unsigned code;

	for (i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++)
		seen[corpus[i].insn[0].code] = true;
	for (code = 0; code < 256; code++) {
		for (t = 0; t < sizeof(tries) / sizeof(tries[0]); t++) {
			struct bpf_insn in[2] = { tries[t], { .code = 0 } };
			char text[160];

			in[0].code = (__u8)code;
			mapops_insn_snprint(text, sizeof(text), in, 2, 0);
			if (strncmp(text, "invalid", 7) == 0)
				continue;
			if (!seen[code]) {
				fprintf(stderr, "print-corpus: opcode 0x%02x (\"%s\") is missing from the corpus\n",
					code, text);
				missing++;
			}
			break;
		}
	}
	return missing ? 1 : 0;
}

static int dump_corpus(void)
{
	size_t i;

	if (check_coverage())
		return 1;
	for (i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++) {
		const struct entry *e = &corpus[i];
		char text[160];
		int n = mapops_insn_snprint(text, sizeof(text), e->insn, e->n, 0);

		if (n < 0 || (size_t)n >= sizeof(text)) {
			fprintf(stderr, "print-corpus: entry %zu: mapops_insn_snprint returned %d\n",
				i, n);
			return 1;
		}
		put_hex(e->insn, e->n);
		printf("\t%s\n", text);
	}
	return 0;
}

/* ---- --encode: the emitters against LLVM's assembler ---------------- */

static int failures;

/*
 * Prints slots [first, first + n) of what call built (n 0: to the end),
 * with the LLVM assembly, statements separated by "; ", that encodes them.
 */
static void encoded(mapops_prog_t *p, int rc, const char *what, size_t first,
		    size_t n, const char *llvm_asm)
{
	const struct bpf_insn *insns;
	size_t cnt = 0;

	insns = rc == 0 ? mapops_prog_insns(p, &cnt) : NULL;
	if (!insns || first >= cnt) {
		fprintf(stderr, "print-corpus: %s: %s\n", what,
			mapops_prog_error(p));
		failures++;
		return;
	}
	if (!n || first + n > cnt)
		n = cnt - first;
	put_hex(insns + first, n);
	printf("\t%s\n", llvm_asm);
}

#define ENC(first, n, llvm_asm, call)                                        \
	do {                                                                  \
		mapops_prog_t *p = mapops_prog_new();                         \
		if (!p) {                                                     \
			perror("mapops_prog_new");                            \
			return 1;                                             \
		}                                                             \
		encoded(p, (call), #call, (first), (n), (llvm_asm));          \
		mapops_prog_free(p);                                          \
	} while (0)

static int dump_encode(void)
{
	ENC(0, 0, "r1 = r10", mapops_alu64_reg(p, BPF_MOV, 1, 10));
	ENC(0, 0, "r2 += -16", mapops_alu64_imm(p, BPF_ADD, 2, -16));
	ENC(0, 0, "r3 s>>= 7", mapops_alu64_imm(p, BPF_ARSH, 3, 7));
	ENC(0, 0, "r4 ^= r5", mapops_alu64_reg(p, BPF_XOR, 4, 5));
	ENC(0, 0, "r1 = -r1", mapops_alu64_imm(p, BPF_NEG, 1, 0));
	ENC(0, 0, "r0 %= 10", mapops_alu64_imm(p, BPF_MOD, 0, 10));
	ENC(0, 0, "w1 = w2", mapops_alu32_reg(p, BPF_MOV, 1, 2));
	ENC(0, 0, "w3 <<= 5", mapops_alu32_imm(p, BPF_LSH, 3, 5));
	ENC(0, 0, "w4 /= w6", mapops_alu32_reg(p, BPF_DIV, 4, 6));
	ENC(0, 0, "w1 = -w1", mapops_alu32_imm(p, BPF_NEG, 1, 0));
	ENC(0, 0, "r1 = be16 r1", mapops_endian(p, BPF_TO_BE, 1, 16));
	ENC(0, 0, "r2 = le64 r2", mapops_endian(p, BPF_TO_LE, 2, 64));
	ENC(0, 0, "r1 = *(u64 *)(r2 + 8)", mapops_ldx_mem(p, BPF_DW, 1, 2, 8));
	ENC(0, 0, "w3 = *(u8 *)(r10 - 1)", mapops_ldx_mem(p, BPF_B, 3, 10, -1));
	ENC(0, 0, "*(u32 *)(r10 - 4) = w1", mapops_stx_mem(p, BPF_W, 10, 1, -4));
	ENC(0, 0, "*(u64 *)(r0 + 0) = r1", mapops_stx_mem(p, BPF_DW, 0, 1, 0));
	ENC(0, 0, "*(u16 *)(r10 - 2) = 7", mapops_st_mem(p, BPF_H, 10, -2, 7));
	ENC(0, 0, "*(u64 *)(r10 - 8) = -1", mapops_st_mem(p, BPF_DW, 10, -8, -1));
	ENC(0, 0, "lock *(u64 *)(r0 + 0) += r1",
	    mapops_atomic_op(p, BPF_DW, BPF_ADD, 0, 1, 0));
	ENC(0, 0, "lock *(u32 *)(r1 + 4) |= w2",
	    mapops_atomic_op(p, BPF_W, BPF_OR, 1, 2, 4));
	ENC(0, 0, "r1 = atomic_fetch_and((u64 *)(r0 + 8), r1)",
	    mapops_atomic_op(p, BPF_DW, BPF_AND | BPF_FETCH, 0, 1, 8));
	ENC(0, 0, "w2 = atomic_fetch_xor((u32 *)(r1 + 0), w2)",
	    mapops_atomic_op(p, BPF_W, BPF_XOR | BPF_FETCH, 1, 2, 0));
	ENC(0, 0, "r1 = xchg_64(r10 - 8, r1)",
	    mapops_atomic_op(p, BPF_DW, BPF_XCHG, 10, 1, -8));
	ENC(0, 0, "r0 = cmpxchg_64(r2 + 0, r0, r3)",
	    mapops_atomic_op(p, BPF_DW, BPF_CMPXCHG, 2, 3, 0));
	ENC(0, 0, "w0 = cmpxchg32_32(r2 + 0, w0, w3)",
	    mapops_atomic_op(p, BPF_W, BPF_CMPXCHG, 2, 3, 0));
	ENC(0, 0, "r1 = 0x123456789 ll", mapops_ld_imm64(p, 1, 0x123456789ULL));
	ENC(0, 0, "r2 = -1 ll", mapops_ld_imm64(p, 2, ~0ULL));
	ENC(0, 0, "ld_pseudo r1, 1, 7", mapops_ld_map_fd(p, 1, 7));
	ENC(0, 0, "call 1", mapops_call_helper(p, BPF_FUNC_map_lookup_elem));
	ENC(0, 0, "call 5", mapops_call_helper(p, BPF_FUNC_ktime_get_ns));
	ENC(0, 0, "exit", mapops_exit(p));
	/* Jumps: forward and backward to labels. */
	ENC(0, 1, "if r0 == 0 goto +1",
	    mapops_jmp_imm(p, BPF_JEQ, 0, 0, "l") || mapops_exit(p) ||
	    mapops_label(p, "l") || mapops_exit(p));
	ENC(2, 1, "if r1 s> r2 goto -3",
	    mapops_label(p, "top") || mapops_exit(p) || mapops_exit(p) ||
	    mapops_jmp_reg(p, BPF_JSGT, 1, 2, "top"));
	ENC(0, 1, "if w3 < -5 goto +2",
	    mapops_jmp32_imm(p, BPF_JLT, 3, -5, "l") || mapops_exit(p) ||
	    mapops_exit(p) || mapops_label(p, "l") || mapops_exit(p));
	ENC(0, 1, "if w4 & w5 goto +0",
	    mapops_jmp32_reg(p, BPF_JSET, 4, 5, "l") || mapops_label(p, "l") ||
	    mapops_exit(p));
	ENC(2, 1, "goto -2",
	    mapops_exit(p) || mapops_label(p, "l") || mapops_exit(p) ||
	    mapops_ja(p, "l"));
	/* The map operations, whole. */
	ENC(0, 0, "ld_pseudo r1, 1, 7; r2 = r10; r2 += -8; call 1",
	    mapops_map_lookup(p, 7, -8));
	ENC(0, 0, "ld_pseudo r1, 1, 7; r2 = r10; r2 += -8; r3 = r10; r3 += -24; r4 = 1; call 2",
	    mapops_map_update(p, 7, -8, -24, BPF_NOEXIST));
	ENC(0, 0, "ld_pseudo r1, 1, 7; r2 = r10; r2 += -4; call 3",
	    mapops_map_delete(p, 7, -4));
	ENC(0, 0, "r2 = r6; ld_pseudo r1, 1, 7; call 1",
	    mapops_map_lookup_ptr(p, 7, 6));
	ENC(0, 0,
	    "ld_pseudo r1, 1, 7; r2 = r10; r2 += -8; call 1; "
	    "if r0 == 0 goto +4; "
	    "r1 = *(u64 *)(r0 + 0); r1 += 1; *(u64 *)(r0 + 0) = r1; goto +9; "
	    "*(u64 *)(r10 - 16) = 1; "
	    "ld_pseudo r1, 1, 7; r2 = r10; r2 += -8; r3 = r10; r3 += -16; r4 = 0; call 2",
	    mapops_map_increment(p, 7, -8, -16, 1));
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--encode") == 0)
		return dump_encode();
	if (argc == 1)
		return dump_corpus();
	fprintf(stderr, "usage: %s [--encode]\n", argv[0]);
	return 2;
}
