/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The programs the builder benchmarks build (bench-build.c, bench-alloc.c).
 * bench_build.py and bench_build.lua build the same mix through the
 * bindings. */
#ifndef BENCH_PROGRAMS_H
#define BENCH_PROGRAMS_H

#include <stddef.h>

#include <mapops/mapops.h>

#include "handwriter.h"

/* Label names "L0", "L1", ... made before any timing starts. */
struct names {
	char **v;
	char *arena;
	size_t n;
};
void names_make(struct names *n, size_t count);
void names_free(struct names *n);

/*
 * The builder mix: blocks of 10 calls,
 *   label Lk; st_mem; map_lookup; jmp_imm -> Lk+1; ldx_mem; alu64_imm;
 *   stx_mem; map_update; call_helper; ja -> Lk+1
 * (20 slots), then "label Ln; r0 = 0; exit" (3 calls, 2 slots).
 * calls must be a multiple of 10; names must hold calls / 10 + 1 labels.
 * Exits the process on any failure.
 */
#define MIX_BLOCK_CALLS 10
#define MIX_BLOCK_SLOTS 20
void build_mix(mapops_prog_t *p, size_t calls, int map_fd,
	       const struct names *names);
static inline size_t mix_calls(size_t calls) { return calls + 3; }
static inline size_t mix_slots(size_t calls)
{
	return calls / MIX_BLOCK_CALLS * MIX_BLOCK_SLOTS + 2;
}

/*
 * The scale program: slots / 10 blocks of ten 1-slot calls, each block
 * bound to a label and ending in a conditional jump to the next block's
 * label (the last block jumps back to its own, then exits): slots / 10
 * labels and jumps.  slots must be a multiple of 10, at least 10.
 */
void build_scale(mapops_prog_t *p, size_t slots, const struct names *names);

/* The same mix through the hand-written writer (handwriter.h): the same
 * slots, byte for byte. */
void hw_build_mix(struct hw *w, size_t calls, int map_fd);

/* One operation n times, then a label and exit; with the library (names
 * must hold n + 1 labels) and with the hand-written writer. */
enum { OP_ST_MEM, OP_LDX_MEM, OP_ALU64_IMM, OP_STX_MEM, OP_CALL_HELPER,
       OP_JMP_IMM, OP_LABEL_JA, OP_MAP_LOOKUP, OP_MAP_UPDATE, OP_COUNT };
extern const char *const op_names[OP_COUNT];
void build_op(mapops_prog_t *p, int op, size_t n, int map_fd,
	      const struct names *names);
void hw_build_op(struct hw *w, int op, size_t n, int map_fd);

/* Exits with the program's error text after a failed call. */
void bench_die(mapops_prog_t *p, const char *what);

#endif
