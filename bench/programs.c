/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "programs.h"

void bench_die(mapops_prog_t *p, const char *what)
{
	fprintf(stderr, "bench: %s: %s\n", what,
		p ? mapops_prog_error(p) : "out of memory");
	exit(1);
}

#define E(p, x)                                                            \
	do {                                                               \
		if ((x) < 0)                                               \
			bench_die(p, #x);                                  \
	} while (0)

void names_make(struct names *n, size_t count)
{
	size_t i, off = 0;

	n->n = count;
	n->v = malloc(count * sizeof(*n->v));
	n->arena = malloc(count * 12);
	if (!n->v || !n->arena)
		bench_die(NULL, "names_make");
	for (i = 0; i < count; i++) {
		n->v[i] = n->arena + off;
		off += (size_t)sprintf(n->arena + off, "L%zu", i) + 1;
	}
}

void names_free(struct names *n)
{
	free(n->v);
	free(n->arena);
}

void build_mix(mapops_prog_t *p, size_t calls, int map_fd,
	       const struct names *names)
{
	size_t k, blocks = calls / MIX_BLOCK_CALLS;

	for (k = 0; k < blocks; k++) {
		const char *next = names->v[k + 1];

		E(p, mapops_label(p, names->v[k]));
		E(p, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, (__s32)k));
		E(p, mapops_map_lookup(p, map_fd, -4));
		E(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, next));
		E(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_0, 0));
		E(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_1, 1));
		E(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_1, -16));
		E(p, mapops_map_update(p, map_fd, -4, -16, BPF_ANY));
		E(p, mapops_call_helper(p, BPF_FUNC_ktime_get_ns));
		E(p, mapops_ja(p, next));
	}
	E(p, mapops_label(p, names->v[blocks]));
	E(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0));
	E(p, mapops_exit(p));
}

void build_scale(mapops_prog_t *p, size_t slots, const struct names *names)
{
	size_t k, blocks = slots / 10;

	for (k = 0; k < blocks; k++) {
		bool last = k + 1 == blocks;

		E(p, mapops_label(p, names->v[k]));
		E(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_10, -8));
		E(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_1, (__s32)k));
		E(p, mapops_alu64_reg(p, BPF_XOR, BPF_REG_2, BPF_REG_1));
		E(p, mapops_st_mem(p, BPF_W, BPF_REG_10, -16, (__s32)k));
		E(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_1, -8));
		E(p, mapops_alu32_imm(p, BPF_AND, BPF_REG_3, 0xff));
		E(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0));
		E(p, mapops_endian(p, BPF_TO_BE, BPF_REG_2, 32));
		if (last) {
			E(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_1, 0,
					    names->v[k]));
			E(p, mapops_exit(p));
		} else {
			E(p, mapops_call_helper(p, BPF_FUNC_ktime_get_ns));
			E(p, mapops_jmp_imm(p, BPF_JNE, BPF_REG_1, (__s32)k,
					    names->v[k + 1]));
		}
	}
}

/* ---- the same programs through the hand-written writer ----------------- */

void hw_oom(void)
{
	bench_die(NULL, "handwriter");
}

void hw_build_mix(struct hw *w, size_t calls, int map_fd)
{
	size_t k, blocks = calls / MIX_BLOCK_CALLS;

	hw_init(w, blocks + 1);
	for (k = 0; k < blocks; k++) {
		hw_label(w, k);
		hw_put(w, BPF_ST | BPF_MEM | BPF_W, BPF_REG_10, 0, -4,
		       (__s32)k);
		hw_map_lookup(w, map_fd, -4);
		hw_jmp_imm(w, BPF_JEQ, BPF_REG_0, 0, k + 1);
		hw_put(w, BPF_LDX | BPF_MEM | BPF_DW, BPF_REG_1, BPF_REG_0, 0,
		       0);
		hw_put(w, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_1, 0, 0, 1);
		hw_put(w, BPF_STX | BPF_MEM | BPF_DW, BPF_REG_10, BPF_REG_1,
		       -16, 0);
		hw_map_update(w, map_fd, -4, -16, BPF_ANY);
		hw_put(w, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_ktime_get_ns);
		hw_ja(w, k + 1);
	}
	hw_label(w, blocks);
	hw_put(w, BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, 0);
	hw_put(w, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
}

/* ---- one operation, n times ---------------------------------------------- */

static void lib_one(mapops_prog_t *p, int op, size_t k, int fd,
		    const struct names *names)
{
	switch (op) {
	case OP_ST_MEM:
		E(p, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, (__s32)k));
		break;
	case OP_LDX_MEM:
		E(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_10, -16));
		break;
	case OP_ALU64_IMM:
		E(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_1, 1));
		break;
	case OP_STX_MEM:
		E(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_1, -16));
		break;
	case OP_CALL_HELPER:
		E(p, mapops_call_helper(p, BPF_FUNC_ktime_get_ns));
		break;
	case OP_JMP_IMM:
		E(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, names->v[0]));
		break;
	case OP_LABEL_JA:
		E(p, mapops_label(p, names->v[k]));
		E(p, mapops_ja(p, names->v[k + 1]));
		break;
	case OP_MAP_LOOKUP:
		E(p, mapops_map_lookup(p, fd, -4));
		break;
	case OP_MAP_UPDATE:
		E(p, mapops_map_update(p, fd, -4, -16, BPF_ANY));
		break;
	}
}

static void hw_one(struct hw *w, int op, size_t k, int fd)
{
	switch (op) {
	case OP_ST_MEM:
		hw_put(w, BPF_ST | BPF_MEM | BPF_W, BPF_REG_10, 0, -4,
		       (__s32)k);
		break;
	case OP_LDX_MEM:
		hw_put(w, BPF_LDX | BPF_MEM | BPF_DW, BPF_REG_1, BPF_REG_10,
		       -16, 0);
		break;
	case OP_ALU64_IMM:
		hw_put(w, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_1, 0, 0, 1);
		break;
	case OP_STX_MEM:
		hw_put(w, BPF_STX | BPF_MEM | BPF_DW, BPF_REG_10, BPF_REG_1,
		       -16, 0);
		break;
	case OP_CALL_HELPER:
		hw_put(w, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_ktime_get_ns);
		break;
	case OP_JMP_IMM:
		hw_jmp_imm(w, BPF_JEQ, BPF_REG_0, 0, 0);
		break;
	case OP_LABEL_JA:
		hw_label(w, k);
		hw_ja(w, k + 1);
		break;
	case OP_MAP_LOOKUP:
		hw_map_lookup(w, fd, -4);
		break;
	case OP_MAP_UPDATE:
		hw_map_update(w, fd, -4, -16, BPF_ANY);
		break;
	}
}

const char *const op_names[OP_COUNT] = {
	"st_mem", "ldx_mem", "alu64_imm", "stx_mem", "call_helper",
	"jmp_imm", "label + ja", "map_lookup", "map_update",
};

/* n times the operation, then (label; exit): names must hold n + 1. */
void build_op(mapops_prog_t *p, int op, size_t n, int map_fd,
	      const struct names *names)
{
	size_t k;

	for (k = 0; k < n; k++)
		lib_one(p, op, k, map_fd, names);
	E(p, mapops_label(p, names->v[op == OP_LABEL_JA ? n : 0]));
	E(p, mapops_exit(p));
}

void hw_build_op(struct hw *w, int op, size_t n, int map_fd)
{
	size_t k;

	hw_init(w, n + 1);
	for (k = 0; k < n; k++)
		hw_one(w, op, k, map_fd);
	hw_label(w, op == OP_LABEL_JA ? n : 0);
	hw_put(w, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
}
