/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The printer: exact kernel-syntax text for every class, invalid bytes,
 * snprintf semantics, and whole-program dumps.  One tcase per behaviour:
 * CK_RUN_CASE=insn_snprint_kfunc_calls ./build/tests/test-print runs one.
 * (tests/test-kernel-print.c compares the text with the running kernel's.) */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include <bpf/btf.h>

#include "testutil.h"

/* Not in Debian 12's <linux/bpf.h>. */
#define MEMSX 0x80
#define JCOND 0xe0
#define LOAD_ACQ 0x100
#define STORE_REL 0x110

#define LD64(d, s, lo, hi)                                                   \
	I(BPF_LD | BPF_IMM | BPF_DW, d, s, 0, (__s32)(lo)), I(0, 0, 0, 0, (__s32)(hi))

/* Prints insns[slot] and checks the return value against the text. */
static const char *print_at(const struct bpf_insn *insns, size_t cnt,
			    size_t slot)
{
	static char buf[256];
	int n;

	memset(buf, 0x5a, sizeof(buf));
	n = mapops_insn_snprint(buf, sizeof(buf), insns, cnt, slot);
	ck_assert_int_ge(n, 1);
	ck_assert_int_lt(n, (int)sizeof(buf));
	ck_assert_uint_eq(strlen(buf), (size_t)n);
	ck_assert_int_eq(mapops_insn_snprint(NULL, 0, insns, cnt, slot), n);
	return buf;
}

/* Expects insns (one instruction, or an ld_imm64) to print as text. */
#define EXPECT(text, ...)                                                    \
	do {                                                                  \
		const struct bpf_insn in_[] = { __VA_ARGS__ };                \
		ck_assert_str_eq(print_at(in_, NSLOTS(in_), 0), (text));      \
	} while (0)

START_TEST(insn_snprint_kernel_examples)
{
	EXPECT("r1 = r10", I(0xbf, 1, 10, 0, 0));
	EXPECT("r2 += -16", I(0x07, 2, 0, 0, -16));
	EXPECT("w1 = w2", I(0xbc, 1, 2, 0, 0));
	EXPECT("r0 = 1", I(0xb7, 0, 0, 0, 1));
	EXPECT("if r0 == 0x0 goto pc+3", I(0x15, 0, 0, 3, 0));
	EXPECT("if w1 s> w2 goto pc-5", I(0x6e, 1, 2, -5, 0));
	EXPECT("goto pc+2", I(0x05, 0, 0, 2, 0));
	EXPECT("call bpf_map_lookup_elem#1", I(0x85, 0, 0, 0, 1));
	EXPECT("exit", I(0x95, 0, 0, 0, 0));
	EXPECT("r1 = *(u64 *)(r2 +8)", I(0x79, 1, 2, 8, 0));
	EXPECT("*(u32 *)(r10 -4) = r1", I(0x63, 10, 1, -4, 0));
	EXPECT("*(u16 *)(r10 -2) = 7", I(0x6a, 10, 0, -2, 7));
	EXPECT("lock *(u64 *)(r0 +0) += r1", I(0xdb, 0, 1, 0, BPF_ADD));
	EXPECT("r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)",
	       I(0xdb, 0, 1, 0, BPF_ADD | BPF_FETCH));
	EXPECT("r1 = atomic64_xchg((u64 *)(r10 -8), r1)",
	       I(0xdb, 10, 1, -8, BPF_XCHG));
	EXPECT("r0 = atomic64_cmpxchg((u64 *)(r2 +0), r0, r3)",
	       I(0xdb, 2, 3, 0, BPF_CMPXCHG));
	EXPECT("r1 = be16 r1", I(0xdc, 1, 0, 0, 16));
	EXPECT("r1 = le64 r1", I(0xd4, 1, 0, 0, 64));
	EXPECT("r1 = 0x123456789", LD64(1, 0, 0x23456789, 1));
	EXPECT("r1 = map_fd#7", LD64(1, BPF_PSEUDO_MAP_FD, 7, 0));
}
END_TEST

START_TEST(insn_snprint_alu)
{
	static const struct {
		int op;
		const char *sym;
	} ops[] = {
		{ BPF_ADD, "+=" }, { BPF_SUB, "-=" }, { BPF_MUL, "*=" },
		{ BPF_DIV, "/=" }, { BPF_OR, "|=" }, { BPF_AND, "&=" },
		{ BPF_LSH, "<<=" }, { BPF_RSH, ">>=" }, { BPF_MOD, "%=" },
		{ BPF_XOR, "^=" }, { BPF_MOV, "=" }, { BPF_ARSH, "s>>=" },
	};
	char want[64];
	size_t i;

	for (i = 0; i < NSLOTS(ops); i++) {
		snprintf(want, sizeof(want), "r3 %s -7", ops[i].sym);
		EXPECT(want, I(BPF_ALU64 | ops[i].op | BPF_K, 3, 0, 0, -7));
		snprintf(want, sizeof(want), "r3 %s r4", ops[i].sym);
		EXPECT(want, I(BPF_ALU64 | ops[i].op | BPF_X, 3, 4, 0, 0));
		snprintf(want, sizeof(want), "w3 %s 9", ops[i].sym);
		EXPECT(want, I(BPF_ALU | ops[i].op | BPF_K, 3, 0, 0, 9));
		snprintf(want, sizeof(want), "w3 %s w4", ops[i].sym);
		EXPECT(want, I(BPF_ALU | ops[i].op | BPF_X, 3, 4, 0, 0));
	}
	EXPECT("r1 = -r1", I(0x87, 1, 0, 0, 0));
	EXPECT("w1 = -w1", I(0x84, 1, 0, 0, 0));
	EXPECT("r1 s/= r2", I(0x3f, 1, 2, 1, 0));
	EXPECT("r1 s%= 5", I(0x97, 1, 0, 1, 5));
	EXPECT("w1 s/= -3", I(0x34, 1, 0, 1, -3));
	EXPECT("w1 s%= w2", I(0x9c, 1, 2, 1, 0));
	EXPECT("r1 = (s8)r2", I(0xbf, 1, 2, 8, 0));
	EXPECT("r1 = (s16)r2", I(0xbf, 1, 2, 16, 0));
	EXPECT("r1 = (s32)r2", I(0xbf, 1, 2, 32, 0));
	EXPECT("w1 = (s8)w2", I(0xbc, 1, 2, 8, 0));
	EXPECT("w1 = (s16)w2", I(0xbc, 1, 2, 16, 0));
	EXPECT("r1 = bswap16 r1", I(0xd7, 1, 0, 0, 16));
	EXPECT("r2 = bswap32 r2", I(0xd7, 2, 0, 0, 32));
	EXPECT("r3 = bswap64 r3", I(0xd7, 3, 0, 0, 64));
	EXPECT("r4 = le16 r4", I(0xd4, 4, 0, 0, 16));
	EXPECT("r5 = be32 r5", I(0xdc, 5, 0, 0, 32));
	EXPECT("r1 = addr_space_cast(r2, 0, 1)", I(0xbf, 1, 2, 1, 1));
	EXPECT("r1 = addr_space_cast(r2, 1, 0)", I(0xbf, 1, 2, 1, 1 << 16));
	EXPECT("r0 = -2147483648", I(0xb7, 0, 0, 0, -2147483647 - 1));
	EXPECT("w0 = -1", I(0xb4, 0, 0, 0, -1));
}
END_TEST

START_TEST(insn_snprint_memory)
{
	EXPECT("r1 = *(u32 *)(r2 +8)", I(0x61, 1, 2, 8, 0));
	EXPECT("r1 = *(u16 *)(r10 -32768)", I(0x69, 1, 10, -32768, 0));
	EXPECT("r1 = *(u8 *)(r2 +32767)", I(0x71, 1, 2, 32767, 0));
	EXPECT("r1 = *(s32 *)(r2 +0)", I(0x81, 1, 2, 0, 0));
	EXPECT("r1 = *(s16 *)(r2 -2)", I(0x89, 1, 2, -2, 0));
	EXPECT("r1 = *(s8 *)(r2 +0)", I(0x91, 1, 2, 0, 0));
	EXPECT("*(u32 *)(r10 -4) = -1", I(0x62, 10, 0, -4, -1));
	EXPECT("*(u8 *)(r1 +3) = 255", I(0x72, 1, 0, 3, 255));
	EXPECT("*(u64 *)(r10 -8) = 0", I(0x7a, 10, 0, -8, 0));
	EXPECT("*(u16 *)(r2 +6) = r3", I(0x6b, 2, 3, 6, 0));
	EXPECT("*(u8 *)(r4 -1) = r5", I(0x73, 4, 5, -1, 0));
	EXPECT("*(u64 *)(r10 -16) = r6", I(0x7b, 10, 6, -16, 0));
	/* Atomics, 32 bits: no "32" in the kernel's names. */
	EXPECT("lock *(u32 *)(r1 +4) |= r2", I(0xc3, 1, 2, 4, BPF_OR));
	EXPECT("lock *(u32 *)(r1 -4) &= r2", I(0xc3, 1, 2, -4, BPF_AND));
	EXPECT("lock *(u32 *)(r1 +0) ^= r2", I(0xc3, 1, 2, 0, BPF_XOR));
	EXPECT("lock *(u32 *)(r1 +0) += r2", I(0xc3, 1, 2, 0, BPF_ADD));
	EXPECT("r4 = atomic_fetch_add((u32 *)(r3 +0), r4)",
	       I(0xc3, 3, 4, 0, BPF_ADD | BPF_FETCH));
	EXPECT("r4 = atomic_fetch_or((u32 *)(r3 +0), r4)",
	       I(0xc3, 3, 4, 0, BPF_OR | BPF_FETCH));
	EXPECT("r4 = atomic_fetch_and((u32 *)(r3 +0), r4)",
	       I(0xc3, 3, 4, 0, BPF_AND | BPF_FETCH));
	EXPECT("r4 = atomic_fetch_xor((u32 *)(r3 +0), r4)",
	       I(0xc3, 3, 4, 0, BPF_XOR | BPF_FETCH));
	EXPECT("r5 = atomic_xchg((u32 *)(r10 -8), r5)",
	       I(0xc3, 10, 5, -8, BPF_XCHG));
	EXPECT("r0 = atomic_cmpxchg((u32 *)(r6 +12), r0, r7)",
	       I(0xc3, 6, 7, 12, BPF_CMPXCHG));
	EXPECT("lock *(u64 *)(r0 +8) |= r1", I(0xdb, 0, 1, 8, BPF_OR));
	EXPECT("lock *(u64 *)(r0 -8) &= r1", I(0xdb, 0, 1, -8, BPF_AND));
	EXPECT("lock *(u64 *)(r0 +16) ^= r1", I(0xdb, 0, 1, 16, BPF_XOR));
	EXPECT("r3 = atomic64_fetch_or((u64 *)(r2 +0), r3)",
	       I(0xdb, 2, 3, 0, BPF_OR | BPF_FETCH));
	EXPECT("r3 = atomic64_fetch_and((u64 *)(r2 +0), r3)",
	       I(0xdb, 2, 3, 0, BPF_AND | BPF_FETCH));
	EXPECT("r3 = atomic64_fetch_xor((u64 *)(r2 +0), r3)",
	       I(0xdb, 2, 3, 0, BPF_XOR | BPF_FETCH));
	EXPECT("r1 = load_acquire((u8 *)(r2 +0))", I(0xd3, 1, 2, 0, LOAD_ACQ));
	EXPECT("r1 = load_acquire((u64 *)(r2 +8))", I(0xdb, 1, 2, 8, LOAD_ACQ));
	EXPECT("store_release((u16 *)(r1 -2), r2)", I(0xcb, 1, 2, -2, STORE_REL));
	EXPECT("store_release((u32 *)(r10 -4), r2)", I(0xc3, 10, 2, -4, STORE_REL));
}
END_TEST

/* Constants as the kernel prints them: 64-bit hex, no " ll". */
START_TEST(insn_snprint_ld_imm64)
{
	EXPECT("r0 = 0x0", LD64(0, 0, 0, 0));
	EXPECT("r2 = 0xffffffffffffffff", LD64(2, 0, -1, -1));
	EXPECT("r3 = 0x8000000000000000", LD64(3, 0, 0, 0x80000000u));
	EXPECT("r4 = 0xffffffff", LD64(4, 0, -1, 0));
	EXPECT("r10 = 0x2a", LD64(10, 0, 42, 0));
}
END_TEST

/* BPF_PSEUDO_FUNC as the verifier prints it: the imm (the callee's slot
 * relative to the next one), as a 64-bit number. */
START_TEST(insn_snprint_pseudo_func)
{
	EXPECT("r4 = 0x5", LD64(4, BPF_PSEUDO_FUNC, 5, 0));
	EXPECT("r4 = 0xfffffff7", LD64(4, BPF_PSEUDO_FUNC, -9, 0));
}
END_TEST

/* The loads the kernel resolves to addresses, by what they name. */
START_TEST(insn_snprint_resolved_loads)
{
	EXPECT("r1 = map_fd#7", LD64(1, BPF_PSEUDO_MAP_FD, 7, 0));
	EXPECT("r2 = map_value(map_fd#7)+16", LD64(2, BPF_PSEUDO_MAP_VALUE, 7, 16));
	EXPECT("r3 = btf_id#1234", LD64(3, BPF_PSEUDO_BTF_ID, 1234, 0));
	EXPECT("r3 = btf_id#1234 (btf_fd#5)", LD64(3, BPF_PSEUDO_BTF_ID, 1234, 5));
	EXPECT("r5 = map_idx#3", LD64(5, BPF_PSEUDO_MAP_IDX, 3, 0));
	EXPECT("r6 = map_value(map_idx#3)+8", LD64(6, BPF_PSEUDO_MAP_IDX_VALUE, 3, 8));
}
END_TEST

START_TEST(insn_snprint_packet_loads)
{
	EXPECT("r0 = *(u32 *)skb[16]", I(0x20, 0, 0, 0, 16));
	EXPECT("r0 = *(u16 *)skb[12]", I(0x28, 0, 0, 0, 12));
	EXPECT("r0 = *(u8 *)skb[23]", I(0x30, 0, 0, 0, 23));
	EXPECT("r0 = *(u32 *)skb[r1 + 0]", I(0x40, 0, 1, 0, 0));
	EXPECT("r0 = *(u16 *)skb[r6 + 14]", I(0x48, 0, 6, 0, 14));
	EXPECT("r0 = *(u8 *)skb[r7 + -4]", I(0x50, 0, 7, 0, -4));
}
END_TEST

START_TEST(insn_snprint_jumps)
{
	static const struct {
		int op;
		const char *sym;
	} ops[] = {
		{ BPF_JEQ, "==" }, { BPF_JGT, ">" }, { BPF_JGE, ">=" },
		{ BPF_JSET, "&" }, { BPF_JNE, "!=" }, { BPF_JSGT, "s>" },
		{ BPF_JSGE, "s>=" }, { BPF_JLT, "<" }, { BPF_JLE, "<=" },
		{ BPF_JSLT, "s<" }, { BPF_JSLE, "s<=" },
	};
	char want[64];
	size_t i;

	for (i = 0; i < NSLOTS(ops); i++) {
		snprintf(want, sizeof(want), "if r1 %s 0xfffffff0 goto pc-7", ops[i].sym);
		EXPECT(want, I(BPF_JMP | ops[i].op | BPF_K, 1, 0, -7, -16));
		snprintf(want, sizeof(want), "if r1 %s r10 goto pc+7", ops[i].sym);
		EXPECT(want, I(BPF_JMP | ops[i].op | BPF_X, 1, 10, 7, 0));
		snprintf(want, sizeof(want), "if w2 %s 0x80 goto pc+0", ops[i].sym);
		EXPECT(want, I(BPF_JMP32 | ops[i].op | BPF_K, 2, 0, 0, 0x80));
		snprintf(want, sizeof(want), "if w2 %s w3 goto pc+32767", ops[i].sym);
		EXPECT(want, I(BPF_JMP32 | ops[i].op | BPF_X, 2, 3, 32767, 0));
	}
	EXPECT("goto pc-32768", I(0x05, 0, 0, -32768, 0));
	EXPECT("gotol pc+100000", I(0x06, 0, 0, 0, 100000));
	EXPECT("gotol pc-1", I(0x06, 0, 0, 0, -1));
	EXPECT("may_goto pc+5", I(BPF_JMP | JCOND, 0, 0, 5, 0));
}
END_TEST

/* Helper names: the kernel's enum bpf_func_id (__BPF_FUNC_MAPPER). */
START_TEST(insn_snprint_helper_calls)
{
	EXPECT("call bpf_unspec#0", I(0x85, 0, 0, 0, 0));
	EXPECT("call bpf_ktime_get_ns#5", I(0x85, 0, 0, 0, 5));
	EXPECT("call bpf_trace_printk#6", I(0x85, 0, 0, 0, 6));
	EXPECT("call bpf_get_smp_processor_id#8", I(0x85, 0, 0, 0, 8));
	EXPECT("call bpf_map_update_elem#2", I(0x85, 0, 0, 0, 2));
	EXPECT("call bpf_map_delete_elem#3", I(0x85, 0, 0, 0, 3));
	EXPECT("call bpf_ringbuf_output#130", I(0x85, 0, 0, 0, 130));
	EXPECT("call bpf_user_ringbuf_drain#209", I(0x85, 0, 0, 0, 209));
	EXPECT("call bpf_cgrp_storage_get#210", I(0x85, 0, 0, 0, 210));
	EXPECT("call bpf_cgrp_storage_delete#211", I(0x85, 0, 0, 0, 211));
	EXPECT("call unknown#212", I(0x85, 0, 0, 0, 212));
	EXPECT("call unknown#-1", I(0x85, 0, 0, 0, -1));
	EXPECT("call unknown#2147483647", I(0x85, 0, 0, 0, 2147483647));
}
END_TEST

START_TEST(insn_snprint_subprog_calls)
{
	EXPECT("call pc+5", I(0x85, 0, BPF_PSEUDO_CALL, 0, 5));
	EXPECT("call pc-3", I(0x85, 0, BPF_PSEUDO_CALL, 0, -3));
}
END_TEST

/*
 * Kernel functions by the running kernel's BTF name, found here
 * independently with libbpf; without /sys/kernel/btf/vmlinux the kernel's
 * own fallback "kernel-function".  Ids that are no function in it, and
 * calls into a module's BTF (off != 0), fall back too.
 */
START_TEST(insn_snprint_kfunc_calls)
{
	bool have_btf = access("/sys/kernel/btf/vmlinux", R_OK) == 0;
	struct btf *btf = have_btf ? btf__load_vmlinux_btf() : NULL;
	char want[128];
	int id;

	if (!have_btf) {
		printf("insn_snprint_kfunc_calls: no /sys/kernel/btf/vmlinux, "
		       "checking the fallback text only\n");
		EXPECT("call kernel-function#12345",
		       I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, 12345));
		return;
	}
	ck_assert_ptr_nonnull(btf);
	id = btf__find_by_name_kind(btf, "bpf_cast_to_kern_ctx", BTF_KIND_FUNC);
	ck_assert_int_gt(id, 0);
	snprintf(want, sizeof(want), "call bpf_cast_to_kern_ctx#%d", id);
	EXPECT(want, I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, id));
	id = btf__find_by_name_kind(btf, "bpf_rdonly_cast", BTF_KIND_FUNC);
	if (id > 0) {
		snprintf(want, sizeof(want), "call bpf_rdonly_cast#%d", id);
		EXPECT(want, I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, id));
	}
	/* A module's BTF (off = its fd_array index): only the loader knows. */
	snprintf(want, sizeof(want), "call kernel-function#%d", id);
	EXPECT(want, I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 1, id));
	/* Not a function: the struct the kfunc's context is. */
	id = btf__find_by_name_kind(btf, "sk_buff", BTF_KIND_STRUCT);
	ck_assert_int_gt(id, 0);
	snprintf(want, sizeof(want), "call kernel-function#%d", id);
	EXPECT(want, I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, id));
	/* Past the last type, and negative. */
	id = (int)btf__type_cnt(btf);
	snprintf(want, sizeof(want), "call kernel-function#%d", id);
	EXPECT(want, I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, id));
	EXPECT("call kernel-function#-1", I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, -1));
	EXPECT("call kernel-function#0", I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, 0));
	btf__free(btf);
}
END_TEST

/* The first kfunc call of the process loads the kernel's BTF: threads that
 * race to it all get the same name (the test runs in a fresh process). */
#define KFUNC_THREADS 8

static void *print_kfunc(void *arg)
{
	const struct bpf_insn in = I(0x85, 0, BPF_PSEUDO_KFUNC_CALL, 0, *(int *)arg);
	char *text = malloc(128);
	int i;

	for (i = 0; text && i < 200; i++)
		if (mapops_insn_snprint(text, 128, &in, 1, 0) <= 0)
			break;
	return text;
}

START_TEST(insn_snprint_kfunc_threads)
{
	pthread_t t[KFUNC_THREADS];
	struct btf *btf = NULL;
	char want[128];
	int id = 12345, i;

	if (access("/sys/kernel/btf/vmlinux", R_OK) == 0) {
		btf = btf__load_vmlinux_btf();
		ck_assert_ptr_nonnull(btf);
		id = btf__find_by_name_kind(btf, "bpf_cast_to_kern_ctx", BTF_KIND_FUNC);
		ck_assert_int_gt(id, 0);
		snprintf(want, sizeof(want), "call bpf_cast_to_kern_ctx#%d", id);
		btf__free(btf);
	} else {
		snprintf(want, sizeof(want), "call kernel-function#%d", id);
	}
	for (i = 0; i < KFUNC_THREADS; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, print_kfunc, &id), 0);
	for (i = 0; i < KFUNC_THREADS; i++) {
		void *text;

		ck_assert_int_eq(pthread_join(t[i], &text), 0);
		ck_assert_ptr_nonnull(text);
		ck_assert_str_eq((char *)text, want);
		free(text);
	}
}
END_TEST

/* Opcodes that do not exist: the code alone. */
START_TEST(insn_snprint_invalid_opcodes)
{
	EXPECT("invalid insn code 0x00", I(0x00, 0, 0, 0, 0));
	EXPECT("invalid insn code 0xff", I(0xff, 1, 2, 3, 4));
	EXPECT("invalid insn code 0xe7", I(0xe7, 1, 0, 0, 0));  /* ALU64 op 0xe0 */
	EXPECT("invalid insn code 0xf4", I(0xf4, 1, 0, 0, 0));
	EXPECT("invalid insn code 0x8f", I(0x8f, 1, 2, 0, 0));  /* neg, X */
	EXPECT("invalid insn code 0xdf", I(0xdf, 1, 0, 0, 16)); /* bswap, X */
	EXPECT("invalid insn code 0x8d", I(0x8d, 1, 0, 0, 0));  /* callx */
	EXPECT("invalid insn code 0x86", I(0x86, 0, 0, 0, 1));  /* JMP32 call */
	EXPECT("invalid insn code 0x96", I(0x96, 0, 0, 0, 0));  /* JMP32 exit */
	EXPECT("invalid insn code 0x0d", I(0x0d, 0, 0, 1, 0));  /* ja, X */
	EXPECT("invalid insn code 0xe6", I(0xe6, 0, 0, 1, 0));  /* JMP32 jcond */
	EXPECT("invalid insn code 0xf5", I(0xf5, 1, 0, 1, 0));
	EXPECT("invalid insn code 0x99", I(0x99, 1, 2, 0, 0));  /* ldsx u64 */
	EXPECT("invalid insn code 0x38", I(0x38, 0, 0, 0, 0));  /* ld_abs dw */
	EXPECT("invalid insn code 0x10", I(0x10, 0, 0, 0, 0));  /* ld_imm32 */
	EXPECT("invalid insn code 0xc2", I(0xc2, 1, 0, 0, 0));  /* st atomic */
	EXPECT("invalid insn code 0x83", I(0x83, 1, 2, 0, 0));  /* stx memsx */
	EXPECT("invalid insn code 0x21", I(0x21, 1, 2, 0, 0));  /* ldx abs */
}
END_TEST

/* Opcodes that exist with a field they do not allow: the reason. */
START_TEST(insn_snprint_invalid_fields)
{
	EXPECT("invalid insn code 0xbf (dst_reg 11 is not a register (r0..r10))",
	       I(0xbf, 11, 1, 0, 0));
	EXPECT("invalid insn code 0x79 (src_reg 15 is not a register (r0..r10))",
	       I(0x79, 1, 15, 0, 0));
	EXPECT("invalid insn code 0x07 (src_reg 1 is reserved and must be 0)",
	       I(0x07, 1, 1, 0, 5));
	EXPECT("invalid insn code 0x0f (imm 5 is reserved and must be 0)",
	       I(0x0f, 1, 2, 0, 5));
	EXPECT("invalid insn code 0x0f (off 1 is reserved and must be 0)",
	       I(0x0f, 1, 2, 1, 0));
	EXPECT("invalid insn code 0x3f (off 2 is not 0 or 1 (signed))",
	       I(0x3f, 1, 2, 2, 0));
	EXPECT("invalid insn code 0xbc (off 32 is not 0, 8, 16)",
	       I(0xbc, 1, 2, 32, 0));
	EXPECT("invalid insn code 0xbf (off 4 is not 0, 8, 16 or 32)",
	       I(0xbf, 1, 2, 4, 0));
	EXPECT("invalid insn code 0xbf (addr_space_cast imm 0x2 is not 0x1 or 0x10000)",
	       I(0xbf, 1, 2, 1, 2));
	EXPECT("invalid insn code 0xdc (imm 8 is not 16, 32 or 64)",
	       I(0xdc, 1, 0, 0, 8));
	EXPECT("invalid insn code 0x87 (imm 1 is reserved and must be 0)",
	       I(0x87, 1, 0, 0, 1));
	EXPECT("invalid insn code 0xdb (imm 0x2 is not an atomic operation)",
	       I(0xdb, 1, 2, 0, 2));
	EXPECT("invalid insn code 0xd3 (atomic 0x0 on u8: only u32 and u64)",
	       I(0xd3, 1, 2, 0, BPF_ADD));
	EXPECT("invalid insn code 0x62 (src_reg 3 is reserved and must be 0)",
	       I(0x62, 10, 3, -4, 0));
	EXPECT("invalid insn code 0x95 (imm 1 is reserved and must be 0)",
	       I(0x95, 0, 0, 0, 1));
	EXPECT("invalid insn code 0x85 (call src_reg 3 is not 0, 1 or 2)",
	       I(0x85, 0, 3, 0, 1));
	EXPECT("invalid insn code 0x85 (off 1 is reserved and must be 0)",
	       I(0x85, 0, 0, 1, 1));
	EXPECT("invalid insn code 0x05 (imm 3 is reserved and must be 0)",
	       I(0x05, 0, 0, 1, 3));
	EXPECT("invalid insn code 0x06 (off 3 is reserved and must be 0)",
	       I(0x06, 0, 0, 3, 1));
	EXPECT("invalid insn code 0x15 (src_reg 1 is reserved and must be 0)",
	       I(0x15, 0, 1, 1, 0));
	EXPECT("invalid insn code 0x20 (dst_reg 1 is reserved and must be 0)",
	       I(0x20, 1, 0, 0, 0));
	EXPECT("invalid insn code 0x18 (ld_imm64 src_reg 7 is not 0..6)",
	       LD64(1, 7, 0, 0));
	EXPECT("invalid insn code 0x18 (second imm 1 is reserved and must be 0)",
	       LD64(1, BPF_PSEUDO_MAP_FD, 3, 1));
	EXPECT("invalid insn code 0x18 (ld_imm64 second slot must be zero except imm)",
	       I(0x18, 1, 0, 0, 1), I(0x07, 1, 0, 0, 0));
	EXPECT("invalid insn code 0x18 (off 1 is reserved and must be 0)",
	       I(0x18, 1, 0, 1, 1), I(0, 0, 0, 0, 0));
}
END_TEST

START_TEST(insn_snprint_truncated_ld_imm64)
{
	/* Alone, and last after another: never reads past cnt. */
	struct bpf_insn *one = malloc(sizeof(*one));
	const struct bpf_insn two[] = { I(0xbf, 1, 10, 0, 0), I(0x18, 1, 0, 0, 5) };

	ck_assert_ptr_nonnull(one);
	*one = I(0x18, 1, 0, 0, 5);
	ck_assert_str_eq(print_at(one, 1, 0),
			 "invalid insn code 0x18 (ld_imm64 without its second slot)");
	free(one);
	ck_assert_str_eq(print_at(two, 2, 0), "r1 = r10");
	ck_assert_str_eq(print_at(two, 2, 1),
			 "invalid insn code 0x18 (ld_imm64 without its second slot)");
}
END_TEST

/* Every code with assorted fields, each alone in a heap block of exactly
 * one slot (valgrind and ASan see any read past it): never crashes, always
 * prints something, and agrees with itself on the length. */
START_TEST(insn_snprint_every_code)
{
	static const struct {
		__u8 dst, src;
		__s16 off;
		__s32 imm;
	} fields[] = {
		{ 0, 0, 0, 0 }, { 1, 2, 8, 16 }, { 10, 10, -1, -1 },
		{ 15, 15, 32767, 0x7fffffff }, { 3, 1, 1, 1 }, { 2, 0, 32, 64 },
		{ 0, 2, 16, 0xf1 }, { 4, 5, -32768, 0x100 }, { 6, 4, 0, 0xe1 },
	};
	unsigned code;
	size_t f;

	for (code = 0; code < 256; code++) {
		for (f = 0; f < NSLOTS(fields); f++) {
			struct bpf_insn *in = malloc(sizeof(*in));
			char small[4];
			int n;

			ck_assert_ptr_nonnull(in);
			*in = I(code, fields[f].dst, fields[f].src, fields[f].off,
				fields[f].imm);
			/* mapops_prog_dump() prints through 160 bytes. */
			ck_assert_uint_lt(strlen(print_at(in, 1, 0)), 160);
			n = mapops_insn_snprint(small, sizeof(small), in, 1, 0);
			ck_assert_int_ge(n, 1);
			ck_assert_uint_eq(strlen(small), n < 3 ? (size_t)n : 3u);
			free(in);
		}
	}
}
END_TEST

START_TEST(insn_snprint_truncates)
{
	const struct bpf_insn in[] = { I(0xbf, 1, 10, 0, 0) }; /* "r1 = r10" */
	char buf[16];

	ck_assert_int_eq(mapops_insn_snprint(NULL, 0, in, 1, 0), 8);
	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(mapops_insn_snprint(buf, 0, in, 1, 0), 8);
	ck_assert_int_eq(buf[0], 'x');
	ck_assert_int_eq(mapops_insn_snprint(buf, 1, in, 1, 0), 8);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(buf[1], 'x');
	ck_assert_int_eq(mapops_insn_snprint(buf, 5, in, 1, 0), 8);
	ck_assert_str_eq(buf, "r1 =");
	ck_assert_int_eq(buf[5], 'x');
	ck_assert_int_eq(mapops_insn_snprint(buf, 8, in, 1, 0), 8);
	ck_assert_str_eq(buf, "r1 = r1");
	ck_assert_int_eq(mapops_insn_snprint(buf, 9, in, 1, 0), 8);
	ck_assert_str_eq(buf, "r1 = r10");
	/* Truncation in the middle of a composed text. */
	{
		const struct bpf_insn at[] = { I(0xdb, 0, 1, 0, BPF_ADD | BPF_FETCH) };

		ck_assert_int_eq(mapops_insn_snprint(buf, sizeof(buf), at, 1, 0),
				 (int)strlen("r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)"));
		ck_assert_str_eq(buf, "r1 = atomic64_f");
	}
}
END_TEST

START_TEST(insn_snprint_refusals)
{
	const struct bpf_insn in[] = { I(0xbf, 1, 10, 0, 0) };
	char buf[16];

	errno = 0;
	ck_assert_int_eq(mapops_insn_snprint(buf, sizeof(buf), NULL, 1, 0), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	errno = 0;
	ck_assert_int_eq(mapops_insn_snprint(buf, sizeof(buf), in, 1, 1), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(mapops_insn_snprint(buf, sizeof(buf), in, 0, 0), -EINVAL);
	ck_assert_int_eq(mapops_insn_snprint(NULL, 4, in, 1, 0), -EINVAL);
}
END_TEST

/* ---- mapops_prog_dump ------------------------------------------------ */

static mapops_prog_t *prog;

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
}

static void teardown(void)
{
	mapops_prog_free(prog);
}

/* The dump as a string (caller frees). */
static char *dump(int *rc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	*rc = mapops_prog_dump(prog, f);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

static void expect_dump(const char *want)
{
	int rc;
	char *got = dump(&rc);

	ck_assert_msg(rc == 0, "mapops_prog_dump: %d (%s)", rc,
		      mapops_prog_error(prog));
	ck_assert_msg(strcmp(got, want) == 0, "dump:\n%s\nexpected:\n%s", got, want);
	free(got);
}

START_TEST(prog_dump_program)
{
	ck_assert_int_eq(mapops_prog_set_tag(prog, "ingress counter"), 0);
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, 10, -4, 0), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, 3, -4), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, NULL), 0);
	ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JEQ, 0, 0, "out"), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 1, 1), 0);
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_DW, BPF_ADD, 0, 1, 0), 0);
	ck_assert_int_eq(mapops_label(prog, "out"), 0);
	ck_assert_int_eq(mapops_label(prog, "done"), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 0), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_int_eq(mapops_label(prog, "end"), 0);
	expect_dump("   ; mapops_st_mem #1 (\"ingress counter\")\n"
		    "   0: *(u32 *)(r10 -4) = 0\n"
		    "   ; mapops_map_lookup #1 (\"ingress counter\")\n"
		    "   1: r1 = map_fd#3\n"
		    "   3: r2 = r10\n"
		    "   4: r2 += -4\n"
		    "   5: call bpf_map_lookup_elem#1\n"
		    "   ; mapops_jmp_imm #1\n"
		    "   6: if r0 == 0x0 goto pc+2\n"
		    "   ; mapops_alu64_imm #1\n"
		    "   7: r1 = 1\n"
		    "   ; mapops_atomic_op #1\n"
		    "   8: lock *(u64 *)(r0 +0) += r1\n"
		    "out:\n"
		    "done:\n"
		    "   ; mapops_alu64_imm #2\n"
		    "   9: r0 = 0\n"
		    "   ; mapops_exit #1\n"
		    "  10: exit\n"
		    "end:\n");
}
END_TEST

START_TEST(prog_dump_map_increment)
{
	ck_assert_int_eq(mapops_prog_set_tag(prog, "ingress counter"), 0);
	ck_assert_int_eq(mapops_map_increment(prog, 4, -8, -16, 1), 0);
	ck_assert_int_eq(mapops_map_increment(prog, 4, -8, -16, 1), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, NULL), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 2), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	expect_dump("   ; mapops_map_increment #1 (\"ingress counter\")\n"
		    "   0: r1 = map_fd#4\n"
		    "   2: r2 = r10\n"
		    "   3: r2 += -8\n"
		    "   4: call bpf_map_lookup_elem#1\n"
		    "   5: if r0 == 0x0 goto pc+4\n"
		    "   6: r1 = *(u64 *)(r0 +0)\n"
		    "   7: r1 += 1\n"
		    "   8: *(u64 *)(r0 +0) = r1\n"
		    "   9: goto pc+9\n"
		    "  10: *(u64 *)(r10 -16) = 1\n"
		    "  11: r1 = map_fd#4\n"
		    "  13: r2 = r10\n"
		    "  14: r2 += -8\n"
		    "  15: r3 = r10\n"
		    "  16: r3 += -16\n"
		    "  17: r4 = 0\n"
		    "  18: call bpf_map_update_elem#2\n"
		    "   ; mapops_map_increment #2 (\"ingress counter\")\n"
		    "  19: r1 = map_fd#4\n"
		    "  21: r2 = r10\n"
		    "  22: r2 += -8\n"
		    "  23: call bpf_map_lookup_elem#1\n"
		    "  24: if r0 == 0x0 goto pc+4\n"
		    "  25: r1 = *(u64 *)(r0 +0)\n"
		    "  26: r1 += 1\n"
		    "  27: *(u64 *)(r0 +0) = r1\n"
		    "  28: goto pc+9\n"
		    "  29: *(u64 *)(r10 -16) = 1\n"
		    "  30: r1 = map_fd#4\n"
		    "  32: r2 = r10\n"
		    "  33: r2 += -8\n"
		    "  34: r3 = r10\n"
		    "  35: r3 += -16\n"
		    "  36: r4 = 0\n"
		    "  37: call bpf_map_update_elem#2\n"
		    "   ; mapops_alu64_imm #1\n"
		    "  38: r0 = 2\n"
		    "   ; mapops_exit #1\n"
		    "  39: exit\n");
}
END_TEST

START_TEST(prog_dump_split_ld_imm64_and_escapes)
{
	const struct bpf_insn lo = I(0x18, 1, 0, 0, 5), hi = I(0, 0, 0, 0, 0);

	ck_assert_int_eq(mapops_label(prog, "a\nb\\c"), 0);
	ck_assert_int_eq(mapops_emit(prog, &lo, 1), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, "say \"hi\"\t"), 0);
	ck_assert_int_eq(mapops_emit(prog, &hi, 1), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	expect_dump("a\\x0ab\\\\c:\n"
		    "   ; mapops_emit #1\n"
		    "   ; mapops_emit #2 (\"say \\\"hi\\\"\\x09\")\n"
		    "   0: r1 = 0x5\n"
		    "   ; mapops_exit #1 (\"say \\\"hi\\\"\\x09\")\n"
		    "   2: exit\n");
}
END_TEST

START_TEST(prog_dump_empty)
{
	expect_dump("");
	ck_assert_int_eq(mapops_label(prog, "only"), 0);
	expect_dump("only:\n");
}
END_TEST

START_TEST(prog_dump_null_args)
{
	errno = 0;
	ck_assert_int_eq(mapops_prog_dump(NULL, stdout), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	errno = 0;
	ck_assert_int_eq(mapops_prog_dump(prog, NULL), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_str_eq(mapops_prog_error(prog), "mapops_prog_dump: out is NULL");
}
END_TEST

/* A jump to a label never bound: the resolution error, in the name of
 * mapops_prog_dump (not of mapops_prog_insns, which it uses inside). */
START_TEST(prog_dump_unbound_label)
{
	char *text;
	int rc;

	ck_assert_int_eq(mapops_ja(prog, "nowhere"), 0);
	errno = 0;
	text = dump(&rc);
	ck_assert_int_eq(rc, -ENOENT);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_str_eq(mapops_prog_error(prog),
			 "mapops_prog_dump: label \"nowhere\" is never bound (the jump at slot 0 names it); it was emitted by mapops_ja #1");
}
END_TEST

START_TEST(prog_dump_write_error)
{
	FILE *full = fopen("/dev/full", "w"); /* takes nothing */

	ck_assert_int_eq(mapops_exit(prog), 0);
	if (!full) {
		printf("prog_dump_write_error: no /dev/full, not checked\n");
		return;
	}
	errno = 0;
	ck_assert_int_eq(mapops_prog_dump(prog, full), -EIO);
	ck_assert_int_eq(errno, EIO);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog), "mapops_prog_dump: writing"));
	fclose(full);
}
END_TEST

START_TEST(prog_dump_open_ld_imm64)
{
	const struct bpf_insn lo = I(0x18, 1, 0, 0, 5);
	char *text;
	int rc;

	ck_assert_int_eq(mapops_emit(prog, &lo, 1), 0);
	text = dump(&rc);
	ck_assert_int_eq(rc, -EINVAL);
	free(text);
	ck_assert_str_eq(mapops_prog_error(prog),
			 "mapops_prog_dump: the program ends inside the ld_imm64 at slot 0");
}
END_TEST

/* One tcase per behaviour, named after the function and the case. */
#define CASE(s, name, fixture)                                               \
	do {                                                                  \
		TCase *tc_ = tcase_create(#name);                             \
		if (fixture)                                                  \
			tcase_add_checked_fixture(tc_, setup, teardown);      \
		tcase_add_test(tc_, name);                                    \
		suite_add_tcase(s, tc_);                                      \
	} while (0)

static Suite *print_suite(void)
{
	Suite *s = suite_create("print");

	CASE(s, insn_snprint_kernel_examples, false);
	CASE(s, insn_snprint_alu, false);
	CASE(s, insn_snprint_memory, false);
	CASE(s, insn_snprint_ld_imm64, false);
	CASE(s, insn_snprint_pseudo_func, false);
	CASE(s, insn_snprint_resolved_loads, false);
	CASE(s, insn_snprint_packet_loads, false);
	CASE(s, insn_snprint_jumps, false);
	CASE(s, insn_snprint_helper_calls, false);
	CASE(s, insn_snprint_subprog_calls, false);
	CASE(s, insn_snprint_kfunc_calls, false);
	CASE(s, insn_snprint_kfunc_threads, false);
	CASE(s, insn_snprint_invalid_opcodes, false);
	CASE(s, insn_snprint_invalid_fields, false);
	CASE(s, insn_snprint_truncated_ld_imm64, false);
	CASE(s, insn_snprint_every_code, false);
	CASE(s, insn_snprint_truncates, false);
	CASE(s, insn_snprint_refusals, false);
	CASE(s, prog_dump_program, true);
	CASE(s, prog_dump_map_increment, true);
	CASE(s, prog_dump_split_ld_imm64_and_escapes, true);
	CASE(s, prog_dump_empty, true);
	CASE(s, prog_dump_null_args, true);
	CASE(s, prog_dump_unbound_label, true);
	CASE(s, prog_dump_write_error, true);
	CASE(s, prog_dump_open_ld_imm64, true);
	return s;
}

int main(void)
{
	return tu_run_suite(print_suite());
}
