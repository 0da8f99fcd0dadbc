/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Small helpers shared by the kernel suites of the 1.1 map functions. */
#ifndef MAPOPS_TESTS_KERNEL11_H
#define MAPOPS_TESTS_KERNEL11_H

#include "testutil.h"

/* Fails the test, naming the call and the library's message, unless the
 * call returned 0. */
#define OK(prog, call)                                                      \
	do {                                                                \
		int ok_rc_ = (call);                                        \
		ck_assert_msg(ok_rc_ == 0, "%s returned %d: %s", #call,     \
			      ok_rc_, mapops_prog_error(prog));             \
	} while (0)

/* What a program returns when a callee-saved register changed. */
#define CLOBBERED_RET 0xC10BBE2Du

static inline mapops_prog_t *k11_new(void)
{
	mapops_prog_t *prog = mapops_prog_new();

	ck_assert_ptr_nonnull(prog);
	return prog;
}

/* A 64-bit canary per callee-saved register (not a sign-extended imm32). */
static inline __u64 k11_canary(int reg)
{
	return 0xCA0A000000000000ULL | ((__u64)reg << 36) | 0x1234567u;
}

/* Loads canaries into r6..r9, except the registers in the mask (1 << r). */
static inline void k11_put_canaries(mapops_prog_t *p, unsigned skip)
{
	int r;

	for (r = BPF_REG_6; r <= BPF_REG_9; r++)
		if (!(skip & (1u << r)))
			OK(p, mapops_ld_imm64(p, r, k11_canary(r)));
}

/* Jumps to "clobbered" unless r6..r9 (but the masked) hold their canaries;
 * uses r1 (emit it where r1 is free). */
static inline void k11_check_canaries(mapops_prog_t *p, unsigned skip)
{
	int r;

	for (r = BPF_REG_6; r <= BPF_REG_9; r++) {
		if (skip & (1u << r))
			continue;
		OK(p, mapops_ld_imm64(p, BPF_REG_1, k11_canary(r)));
		OK(p, mapops_jmp_reg(p, BPF_JNE, r, BPF_REG_1, "clobbered"));
	}
}

/* "clobbered: r0 = CLOBBERED_RET; exit". */
static inline void k11_put_clobbered(mapops_prog_t *p)
{
	OK(p, mapops_label(p, "clobbered"));
	OK(p, mapops_ld_imm64(p, BPF_REG_0, CLOBBERED_RET));
	OK(p, mapops_exit(p));
}

/* Stores n bytes of data at r10 + off (n a multiple of 8) through r0. */
static inline void k11_put_bytes(mapops_prog_t *p, int off, const void *data,
				 size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 8) {
		__u64 v;

		memcpy(&v, (const char *)data + i, 8);
		OK(p, mapops_ld_imm64(p, BPF_REG_0, v));
		OK(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_0,
				     off + (int)i));
	}
}

static inline void k11_put_return(mapops_prog_t *p, __s32 v)
{
	OK(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, v));
	OK(p, mapops_exit(p));
}

#endif
