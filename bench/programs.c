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
