/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The composing emitters and labels, in the running kernel: jumps to labels
 * forward and backward (bounded loops, jumps over ld_imm64, long jumps),
 * every conditional jump in its four forms, the ALU64 and ALU32 ops, byte
 * swaps, loads and stores of every size on the stack and on a map value,
 * the atomics on a map value, ld_imm64, helper calls, and one program that
 * mixes the map operations with many labels.
 *
 * Every program is loaded as BPF_PROG_TYPE_SOCKET_FILTER and run with
 * BPF_PROG_TEST_RUN.  Its return value is only 32 bits, so 64-bit results
 * are stored into the array map "res" (key u32, value u64) and read back
 * from user space.  Where the verifier could fold a constant, the operands
 * are also read from the array map "in" (one 16-byte value: a, b), so that
 * the JIT-compiled code computes them.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "testutil.h"

/* Fails the test, naming the call and the library's message, unless the
 * call returned 0. */
#define OK(call)                                                            \
	do {                                                                \
		int ok_rc_ = (call);                                        \
		ck_assert_msg(ok_rc_ == 0, "%s returned %d: %s", #call,     \
			      ok_rc_, mapops_prog_error(prog));             \
	} while (0)

#define NRES 64
#define RES_UNSET 0x5E5E5E5E5E5E5E5EULL /* "never stored" */
#define BAD_RET 0xBADu /* a lookup that cannot fail failed */

/* Stack use: emit_result() owns [-12, -1]; the "in" lookup key is at -20;
 * tests use -32 and below. */
#define RES_VAL_OFF (-8)
#define RES_KEY_OFF (-12)
#define IN_KEY_OFF (-20)

static mapops_prog_t *prog;
static int res_fd = -1, in_fd = -1;
static unsigned label_seq;

static void setup(void)
{
	const __u64 unset = RES_UNSET;
	__u32 k;

	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
	res_fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, NRES);
	in_fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 16, 1);
	for (k = 0; k < NRES; k++)
		tu_map_set(res_fd, BPF_MAP_TYPE_ARRAY, &k, &unset, 8);
}

static void teardown(void)
{
	mapops_prog_free(prog);
	prog = NULL;
	tu_close(res_fd);
	tu_close(in_fd);
	res_fd = in_fd = -1;
}

/* A label name no other call has returned (the buffer is the caller's). */
static const char *new_label(char *buf, size_t n, const char *stem)
{
	snprintf(buf, n, "%s_%u", stem, label_seq++);
	return buf;
}

/*
 * Emits "res[idx] = reg" (64 bits).  reg may be any of r0..r9; r0..r5 are
 * clobbered (a map lookup), r6..r9 kept.
 *      *(u64 *)(r10 - 8) = reg; *(u32 *)(r10 - 12) = idx; lookup
 *      if r0 == 0 goto skip; r1 = *(u64 *)(r10 - 8); *(u64 *)(r0 + 0) = r1
 * skip:
 */
static void emit_result(int idx, int reg)
{
	char skip[32];

	new_label(skip, sizeof(skip), "res_skip");
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, reg, RES_VAL_OFF));
	OK(mapops_st_mem(prog, BPF_W, BPF_REG_10, RES_KEY_OFF, idx));
	OK(mapops_map_lookup(prog, res_fd, RES_KEY_OFF));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, skip));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_1, BPF_REG_10, RES_VAL_OFF));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_1, 0));
	OK(mapops_label(prog, skip));
}

/* Emits r6 = in.a, r7 = in.b (unknown to the verifier). */
static void emit_load_inputs(void)
{
	char have[32];

	new_label(have, sizeof(have), "in_ok");
	OK(mapops_st_mem(prog, BPF_W, BPF_REG_10, IN_KEY_OFF, 0));
	OK(mapops_map_lookup(prog, in_fd, IN_KEY_OFF));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_0, 0, have));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, BAD_RET));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, have));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_6, BPF_REG_0, 0));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_7, BPF_REG_0, 8));
}

static void set_inputs(__u64 a, __u64 b)
{
	__u64 v[2] = { a, b };
	__u32 k = 0;

	tu_map_set(in_fd, BPF_MAP_TYPE_ARRAY, &k, v, sizeof(v));
}

static __u64 result(int idx)
{
	__u32 k = (__u32)idx;
	__u64 v = 0;

	ck_assert(tu_map_get_u64(res_fd, BPF_MAP_TYPE_ARRAY, &k, 8, &v));
	return v;
}

/* Loads the program; the caller closes the fd. */
static int load(void)
{
	return tu_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER);
}

static __u32 run(int prog_fd)
{
	return tu_prog_run(prog_fd, 0, NULL, 0);
}

static __u32 load_and_run(void)
{
	int fd = load();
	__u32 ret = run(fd);

	tu_close(fd);
	return ret;
}

#define ck_assert_res(idx, want, what)                                      \
	do {                                                                \
		__u64 got_ = result(idx), want_ = (want);                   \
		ck_assert_msg(got_ == want_,                                \
			      "%s: res[%d] = 0x%016llx, expected 0x%016llx", \
			      (what), (idx), (unsigned long long)got_,      \
			      (unsigned long long)want_);                   \
	} while (0)

/* ---- Labels: forward and backward jumps -------------------------------- */

/* r6 = 10; loop: r7 += r6; r6 -= 1; if r6 != 0 goto loop => 55 */
START_TEST(label_bounded_loop)
{
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 10));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, 0));
	OK(mapops_label(prog, "loop"));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_7, BPF_REG_6));
	OK(mapops_alu64_imm(prog, BPF_SUB, BPF_REG_6, 1));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_6, 0, "loop"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_7));
	OK(mapops_exit(prog));

	ck_assert_uint_eq(load_and_run(), 55);
}
END_TEST

/*
 * A loop whose back edge is a "goto" (ja) and whose exit is a forward
 * conditional jump, with ld_imm64s (2 slots) inside the loop, as the first
 * instruction at a label, and jumped over.  The trip count comes from the
 * "in" map (masked to 0..7 so the verifier sees the loop is bounded):
 *      r6 = in.a & 7; r7 = in.b; r9 = 0
 * top: if r6 s<= 0 goto done     (not "== 0": verifiers before 6.8 do not
 *                               learn r6 >= 1 when that falls through, and
 *                               could not bound the loop)
 *      r8 = 0x100000000 ll
 *      r9 += r8; r9 += 1; r6 -= 1
 *      goto top
 * done: res[0] = r9
 *      if r7 != 0 goto skip
 *      r9 = 0xdead ll                (jumped over when b != 0)
 * skip: r6 = 0
 * again: r8 = 0x200000000 ll         (label on an ld_imm64, backward target)
 *      r6 += 1
 *      if r6 < 3 goto again
 *      res[1] = r8; res[2] = r6
 *      r0 = r9; exit
 */
START_TEST(label_jumps_over_ld_imm64)
{
	int fd;

	emit_load_inputs();
	OK(mapops_alu64_imm(prog, BPF_AND, BPF_REG_6, 7));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_9, 0));
	OK(mapops_label(prog, "top"));
	OK(mapops_jmp_imm(prog, BPF_JSLE, BPF_REG_6, 0, "done"));
	OK(mapops_ld_imm64(prog, BPF_REG_8, 0x100000000ULL));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_9, BPF_REG_8));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_9, 1));
	OK(mapops_alu64_imm(prog, BPF_SUB, BPF_REG_6, 1));
	OK(mapops_ja(prog, "top"));
	OK(mapops_label(prog, "done"));
	emit_result(0, BPF_REG_9);
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_7, 0, "skip"));
	OK(mapops_ld_imm64(prog, BPF_REG_9, 0xdead));
	OK(mapops_label(prog, "skip"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 0));
	OK(mapops_label(prog, "again"));
	OK(mapops_ld_imm64(prog, BPF_REG_8, 0x200000000ULL));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_6, 1));
	OK(mapops_jmp_imm(prog, BPF_JLT, BPF_REG_6, 3, "again"));
	emit_result(1, BPF_REG_8);
	emit_result(2, BPF_REG_6);
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_9));
	OK(mapops_exit(prog));

	fd = load();
	set_inputs(5, 1);
	ck_assert_uint_eq(run(fd), 5);
	ck_assert_res(0, 0x500000005ULL, "loop sum, 5 passes");
	ck_assert_res(1, 0x200000000ULL, "ld_imm64 at a label");
	ck_assert_res(2, 3, "backward-jump count");

	/* No pass, and the ld_imm64 after "done" is not jumped over. */
	set_inputs(0, 0);
	ck_assert_uint_eq(run(fd), 0xdead);
	ck_assert_res(0, 0, "loop sum, no pass");

	/* in.a is masked: 0x17 & 7 = 7 passes. */
	set_inputs(0x17, 2);
	ck_assert_uint_eq(run(fd), 7);
	ck_assert_res(0, 0x700000007ULL, "loop sum, 7 passes");
	tu_close(fd);
}
END_TEST

#define LONG_BODY 3000

/*
 * Offsets beyond 8 bits: a forward jump over LONG_BODY instructions, and a
 * loop whose backward jump spans LONG_BODY + 1 of them.
 *      r6 = in.a; r7 = 0; r8 = 2
 *      if r6 == 0 goto far
 * body: LONG_BODY x (r7 += 1)
 *      r8 -= 1
 *      if r8 != 0 goto body
 * far: r0 = r7; exit
 */
START_TEST(label_long_jumps)
{
	int i, fd;

	emit_load_inputs();
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, 0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_8, 2));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_6, 0, "far"));
	OK(mapops_label(prog, "body"));
	for (i = 0; i < LONG_BODY; i++)
		OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_7, 1));
	OK(mapops_alu64_imm(prog, BPF_SUB, BPF_REG_8, 1));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_8, 0, "body"));
	OK(mapops_label(prog, "far"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_7));
	OK(mapops_exit(prog));

	fd = load();
	set_inputs(0, 0);
	ck_assert_uint_eq(run(fd), 0);
	set_inputs(1, 0);
	ck_assert_uint_eq(run(fd), 2 * LONG_BODY);
	tu_close(fd);
}
END_TEST

/*
 * Nested loops, several jumps to one label, a label on an exit:
 *      r6 = 3; r8 = 0
 * outer: r7 = 4
 * inner: r8 += 1
 *      if r8 == 1000 goto fail      (never: two jumps to "fail")
 *      r7 -= 1
 *      if r7 s> 0 goto inner
 *      r6 -= 1
 *      if r6 != 0 goto outer
 *      if r8 != 12 goto fail
 *      r0 = r8; goto out
 * fail: r0 = 0xbad
 * out: exit
 */
START_TEST(label_nested_loops)
{
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 3));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_8, 0));
	OK(mapops_label(prog, "outer"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, 4));
	OK(mapops_label(prog, "inner"));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_8, 1));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_8, 1000, "fail"));
	OK(mapops_alu64_imm(prog, BPF_SUB, BPF_REG_7, 1));
	OK(mapops_jmp_imm(prog, BPF_JSGT, BPF_REG_7, 0, "inner"));
	OK(mapops_alu64_imm(prog, BPF_SUB, BPF_REG_6, 1));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_6, 0, "outer"));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_8, 12, "fail"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_8));
	OK(mapops_ja(prog, "out"));
	OK(mapops_label(prog, "fail"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, BAD_RET));
	OK(mapops_label(prog, "out"));
	OK(mapops_exit(prog));

	ck_assert_uint_eq(load_and_run(), 12);
}
END_TEST

/* ---- Every conditional jump: JMP/JMP32 x imm/reg x taken/not taken ----- */

static const struct { int op; const char *name; } jmp_ops[] = {
	{ BPF_JEQ, "JEQ" },   { BPF_JNE, "JNE" },   { BPF_JGT, "JGT" },
	{ BPF_JGE, "JGE" },   { BPF_JLT, "JLT" },   { BPF_JLE, "JLE" },
	{ BPF_JSET, "JSET" }, { BPF_JSGT, "JSGT" }, { BPF_JSGE, "JSGE" },
	{ BPF_JSLT, "JSLT" }, { BPF_JSLE, "JSLE" },
};

/* Operand pairs that tell signed from unsigned and 32 from 64 bits.  The
 * imm forms use the pairs whose b is a sign-extended imm32. */
static const struct { __u64 a, b; } jmp_pairs[] = {
	{ 5, 5 },
	{ 5, 7 },
	{ 7, 5 },
	{ 0xFFFFFFFFFFFFFFFFULL, 1 },        /* -1 vs 1 */
	{ 0x100000005ULL, 5 },               /* equal in the low 32 bits */
	{ 0x180000000ULL, 1 },               /* 32-bit negative, 64-bit positive */
	{ 4, 3 },                            /* no common bit */
	{ 6, 3 },
	{ 0x100000000ULL, 0xFFFFFFFFFFFFFFFFULL }, /* JSET only in 64 bits */
	{ 0xFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL },  /* equal only in 32 bits */
	{ 0xFFFFFFFFFFFFFFFBULL, 0xFFFFFFFFFFFFFFFDULL }, /* -5 vs -3 */
	{ 0xFFFFFFFFFFFFFFFDULL, 0xFFFFFFFFFFFFFFFBULL }, /* -3 vs -5 */
	{ 0x7FFFFFFFULL, 0xFFFFFFFF80000000ULL },  /* INT32_MAX vs INT32_MIN */
	{ 0x80000000ULL, 0x7FFFFFFFULL },
	{ 0, 0 },
	/* Register forms only (b is no sign-extended imm32): */
	{ 0x200000005ULL, 0x100000005ULL },
	{ 0x8000000000000000ULL, 0x7FFFFFFFFFFFFFFFULL },
	{ 0x00000000FFFFFFFFULL, 0x80000000FFFFFFFEULL },
};

static bool is_imm32(__u64 b)
{
	return (__u64)(__s64)(__s32)(__u32)b == b;
}

/* What the ISA says: the expected outcome, computed independently. */
static bool jmp_taken(int op, bool w32, __u64 a, __u64 b)
{
	__s64 sa, sb;

	if (w32) {
		a = (__u32)a;
		b = (__u32)b;
		sa = (__s32)(__u32)a;
		sb = (__s32)(__u32)b;
	} else {
		sa = (__s64)a;
		sb = (__s64)b;
	}
	switch (op) {
	case BPF_JEQ: return a == b;
	case BPF_JNE: return a != b;
	case BPF_JGT: return a > b;
	case BPF_JGE: return a >= b;
	case BPF_JLT: return a < b;
	case BPF_JLE: return a <= b;
	case BPF_JSET: return (a & b) != 0;
	case BPF_JSGT: return sa > sb;
	case BPF_JSGE: return sa >= sb;
	case BPF_JSLT: return sa < sb;
	case BPF_JSLE: return sa <= sb;
	}
	ck_abort_msg("unknown jump op %d", op);
	return false;
}

/*
 * Emits: r6 = in.a; r7 = in.b; r0 = 1; if r6 <op> (r7 | imm) goto out;
 *        r0 = 2; out: exit
 * Returns 1 when the jump is taken, 2 when not.
 */
static void emit_cond_prog(int op, bool w32, bool reg, __s32 imm)
{
	emit_load_inputs();
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 1));
	if (w32 && reg)
		OK(mapops_jmp32_reg(prog, op, BPF_REG_6, BPF_REG_7, "out"));
	else if (w32)
		OK(mapops_jmp32_imm(prog, op, BPF_REG_6, imm, "out"));
	else if (reg)
		OK(mapops_jmp_reg(prog, op, BPF_REG_6, BPF_REG_7, "out"));
	else
		OK(mapops_jmp_imm(prog, op, BPF_REG_6, imm, "out"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 2));
	OK(mapops_label(prog, "out"));
	OK(mapops_exit(prog));
}

/* _i = op * 4 + w32 * 2 + reg */
START_TEST(jmp_each_op_each_form)
{
	const int op = jmp_ops[_i / 4].op;
	const bool w32 = (_i / 2) % 2, reg = _i % 2;
	char what[64];
	unsigned taken = 0, not_taken = 0;
	size_t p;
	int fd = -1;

	snprintf(what, sizeof(what), "%s %s %s", w32 ? "BPF_JMP32" : "BPF_JMP",
		 jmp_ops[_i / 4].name, reg ? "reg" : "imm");
	if (reg) {
		emit_cond_prog(op, w32, true, 0);
		fd = load();
	}
	for (p = 0; p < NSLOTS(jmp_pairs); p++) {
		const __u64 a = jmp_pairs[p].a, b = jmp_pairs[p].b;
		bool want;
		__u32 ret;

		if (!reg && !is_imm32(b))
			continue;
		want = jmp_taken(op, w32, a, b);
		set_inputs(a, reg ? b : 0xDEADDEADDEADDEADULL);
		if (reg) {
			ret = run(fd);
		} else {
			mapops_prog_free(prog);
			prog = mapops_prog_new();
			ck_assert_ptr_nonnull(prog);
			emit_cond_prog(op, w32, false, (__s32)(__u32)b);
			ret = load_and_run();
		}
		ck_assert_msg(ret == (want ? 1u : 2u),
			      "%s: a=0x%llx b=0x%llx: %s (returned %u), expected %s",
			      what, (unsigned long long)a, (unsigned long long)b,
			      ret == 1 ? "taken" : ret == 2 ? "not taken" : "?",
			      ret, want ? "taken" : "not taken");
		if (want)
			taken++;
		else
			not_taken++;
	}
	if (fd >= 0)
		tu_close(fd);
	/* The pairs exercise both outcomes of every form. */
	ck_assert_msg(taken > 0 && not_taken > 0,
		      "%s: the pairs give %u taken, %u not taken", what, taken,
		      not_taken);
}
END_TEST

/* ---- ALU64 and ALU32 with known results -------------------------------- */

/* For the imm forms, src is the imm32 (sign-extended here). */
static const struct alu_case {
	const char *name;
	bool w32, reg;
	int op;
	__u64 dst, src, want;
} alu_cases[] = {
	{ "add64 imm carry", 0, 0, BPF_ADD, 0x00000001FFFFFFFFULL, 1, 0x0000000200000000ULL },
	{ "add64 imm negative", 0, 0, BPF_ADD, 10, (__u64)-3, 7 },
	{ "add64 reg wrap", 0, 1, BPF_ADD, 0xFFFFFFFFFFFFFFFFULL, 2, 1 },
	{ "sub64 imm", 0, 0, BPF_SUB, 0, 1, 0xFFFFFFFFFFFFFFFFULL },
	{ "sub64 reg", 0, 1, BPF_SUB, 5, 7, 0xFFFFFFFFFFFFFFFEULL },
	{ "mul64 imm", 0, 0, BPF_MUL, 0x100000000ULL, 3, 0x300000000ULL },
	{ "mul64 reg", 0, 1, BPF_MUL, 0xFFFFFFFFULL, 0xFFFFFFFFULL, 0xFFFFFFFE00000001ULL },
	{ "div64 imm", 0, 0, BPF_DIV, 100, 7, 14 },
	{ "div64 reg unsigned", 0, 1, BPF_DIV, 0xFFFFFFFFFFFFFFFFULL, 2, 0x7FFFFFFFFFFFFFFFULL },
	{ "div64 imm -1 (sign-extended, unsigned)", 0, 0, BPF_DIV, 0xFFFFFFFFFFFFFFFFULL, (__u64)-1, 1 },
	{ "mod64 imm", 0, 0, BPF_MOD, 100, 7, 2 },
	{ "mod64 reg", 0, 1, BPF_MOD, 0x100000005ULL, 0x100000000ULL, 5 },
	{ "or64 imm", 0, 0, BPF_OR, 0xF0, 0x0F, 0xFF },
	{ "or64 imm negative", 0, 0, BPF_OR, 0, (__u64)-1, 0xFFFFFFFFFFFFFFFFULL },
	{ "or64 reg", 0, 1, BPF_OR, 0xF000000000000000ULL, 1, 0xF000000000000001ULL },
	{ "and64 imm", 0, 0, BPF_AND, 0xFFFFFFFFFFFFFFFFULL, 0x0F0F0F0F, 0x0F0F0F0F },
	{ "and64 imm negative", 0, 0, BPF_AND, 0x123456789ABCDEF0ULL, (__u64)-256, 0x123456789ABCDE00ULL },
	{ "and64 reg", 0, 1, BPF_AND, 0xFF00FF00FF00FF00ULL, 0x0FF00FF00FF00FF0ULL, 0x0F000F000F000F00ULL },
	{ "xor64 imm negative", 0, 0, BPF_XOR, 0xAAAAAAAAAAAAAAAAULL, (__u64)-1, 0x5555555555555555ULL },
	{ "xor64 reg", 0, 1, BPF_XOR, 0xFF00FF00FF00FF00ULL, 0x0FF00FF00FF00FF0ULL, 0xF0F0F0F0F0F0F0F0ULL },
	{ "lsh64 imm 63", 0, 0, BPF_LSH, 1, 63, 0x8000000000000000ULL },
	{ "lsh64 reg", 0, 1, BPF_LSH, 3, 32, 0x300000000ULL },
	{ "rsh64 imm 63", 0, 0, BPF_RSH, 0x8000000000000000ULL, 63, 1 },
	{ "rsh64 reg", 0, 1, BPF_RSH, 0xF000000000000000ULL, 4, 0x0F00000000000000ULL },
	{ "arsh64 imm", 0, 0, BPF_ARSH, 0x8000000000000000ULL, 4, 0xF800000000000000ULL },
	{ "arsh64 reg", 0, 1, BPF_ARSH, 0xFFFFFFFFFFFFFFF0ULL, 2, 0xFFFFFFFFFFFFFFFCULL },
	{ "arsh64 imm positive", 0, 0, BPF_ARSH, 0x4000000000000000ULL, 62, 1 },
	{ "neg64", 0, 0, BPF_NEG, 5, 0, 0xFFFFFFFFFFFFFFFBULL },
	{ "neg64 INT64_MIN", 0, 0, BPF_NEG, 0x8000000000000000ULL, 0, 0x8000000000000000ULL },
	{ "mov64 imm -1", 0, 0, BPF_MOV, 0x1234, (__u64)-1, 0xFFFFFFFFFFFFFFFFULL },
	{ "mov64 reg", 0, 1, BPF_MOV, 0x1234, 0x123456789ABCDEF0ULL, 0x123456789ABCDEF0ULL },

	{ "add32 imm wrap, upper zeroed", 1, 0, BPF_ADD, 0xFFFFFFFFFFFFFFFFULL, 1, 0 },
	{ "add32 reg", 1, 1, BPF_ADD, 0x1234567800000001ULL, 0xFFFFFFFF00000002ULL, 3 },
	{ "sub32 imm", 1, 0, BPF_SUB, 0, 1, 0x00000000FFFFFFFFULL },
	{ "sub32 reg", 1, 1, BPF_SUB, 0xAAAAAAAA00000005ULL, 7, 0xFFFFFFFEULL },
	{ "mul32 imm", 1, 0, BPF_MUL, 0xAAAAAAAA00000007ULL, 6, 42 },
	{ "mul32 reg overflow", 1, 1, BPF_MUL, 0x10000, 0x10000, 0 },
	{ "div32 imm", 1, 0, BPF_DIV, 0x1FFFFFFFFULL, 2, 0x7FFFFFFF },
	{ "div32 reg", 1, 1, BPF_DIV, 100, 0xFFFFFFFF00000007ULL, 14 },
	{ "div32 imm -1 (unsigned)", 1, 0, BPF_DIV, 0x12345678FFFFFFFFULL, (__u64)-1, 1 },
	{ "mod32 imm", 1, 0, BPF_MOD, 0x500000064ULL, 7, 2 },
	{ "mod32 reg", 1, 1, BPF_MOD, 0xFFFFFFFFULL, 0x10, 0xF },
	{ "or32 imm", 1, 0, BPF_OR, 0xFFFFFFFF00000000ULL, 1, 1 },
	{ "or32 imm negative", 1, 0, BPF_OR, 0, (__u64)-1, 0xFFFFFFFFULL },
	{ "and32 reg", 1, 1, BPF_AND, 0xFFFFFFFFFFFF0000ULL, 0x00FF00FF, 0x00FF0000 },
	{ "xor32 imm", 1, 0, BPF_XOR, 0xAAAAAAAAAAAAAAAAULL, (__u64)-1, 0x55555555 },
	{ "xor32 reg", 1, 1, BPF_XOR, 0x0F0F0F0F0F0F0F0FULL, 0xFFFFFFFFFFFFFFFFULL, 0xF0F0F0F0ULL },
	{ "lsh32 imm 31", 1, 0, BPF_LSH, 1, 31, 0x80000000ULL },
	{ "lsh32 reg", 1, 1, BPF_LSH, 0xFFFFFFFFULL, 4, 0xFFFFFFF0ULL },
	{ "rsh32 imm", 1, 0, BPF_RSH, 0xF000000080000000ULL, 31, 1 },
	{ "rsh32 reg", 1, 1, BPF_RSH, 0xF0000000ULL, 28, 0xF },
	{ "arsh32 imm", 1, 0, BPF_ARSH, 0x80000000ULL, 4, 0xF8000000ULL },
	{ "arsh32 reg", 1, 1, BPF_ARSH, 0xFFFFFFF0ULL, 2, 0xFFFFFFFCULL },
	{ "arsh32 imm uses bit 31, not 63", 1, 0, BPF_ARSH, 0x8000000040000000ULL, 30, 1 },
	{ "neg32", 1, 0, BPF_NEG, 5, 0, 0xFFFFFFFBULL },
	{ "neg32 upper bits dropped", 1, 0, BPF_NEG, 0xFFFFFFFF00000000ULL, 0, 0 },
	{ "mov32 imm -1", 1, 0, BPF_MOV, 0xFFFFFFFFFFFFFFFFULL, (__u64)-1, 0xFFFFFFFFULL },
	{ "mov32 reg", 1, 1, BPF_MOV, 0, 0x123456789ABCDEF0ULL, 0x9ABCDEF0ULL },
};

static void emit_alu(const struct alu_case *c, int dst, int src)
{
	if (c->w32 && c->reg)
		OK(mapops_alu32_reg(prog, c->op, dst, src));
	else if (c->w32)
		OK(mapops_alu32_imm(prog, c->op, dst, (__s32)(__u32)c->src));
	else if (c->reg)
		OK(mapops_alu64_reg(prog, c->op, dst, src));
	else
		OK(mapops_alu64_imm(prog, c->op, dst, (__s32)(__u32)c->src));
}

/*
 * Twice: with the operands as ld_imm64 constants (known to the verifier),
 * and read from the "in" map (unknown to it).
 *      r8 = dst ll; r9 = src ll; r8 <op>= r9|imm
 *      r6 = in.a; r7 = in.b; r6 <op>= r7|imm
 *      res[0] = r8; res[1] = r9; res[2] = r6; res[3] = r7; r0 = r6; exit
 */
START_TEST(alu_each_op_computes)
{
	const struct alu_case *c = &alu_cases[_i];

	ck_assert(c->reg || is_imm32(c->src));
	set_inputs(c->dst, c->src);
	OK(mapops_ld_imm64(prog, BPF_REG_8, c->dst));
	OK(mapops_ld_imm64(prog, BPF_REG_9, c->src));
	emit_alu(c, BPF_REG_8, BPF_REG_9);
	emit_load_inputs();
	emit_alu(c, BPF_REG_6, BPF_REG_7);
	emit_result(0, BPF_REG_8);
	emit_result(1, BPF_REG_9);
	emit_result(2, BPF_REG_6);
	emit_result(3, BPF_REG_7);
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_6));
	OK(mapops_exit(prog));

	const __u32 ret = load_and_run();

	ck_assert_msg(ret == (__u32)c->want,
		      "%s: returned 0x%08x, not the low 32 bits of 0x%llx",
		      c->name, ret, (unsigned long long)c->want);
	ck_assert_res(0, c->want, c->name);
	ck_assert_res(1, c->src, c->name); /* the source is unchanged */
	ck_assert_res(2, c->want, c->name);
	ck_assert_res(3, c->src, c->name);
}
END_TEST

/* ---- Byte swaps ---------------------------------------------------------- */

#define SWAP_IN 0x1122334455667788ULL

static const struct { int type, bits; const char *name; } swaps[] = {
	{ BPF_TO_BE, 16, "be16" }, { BPF_TO_BE, 32, "be32" },
	{ BPF_TO_BE, 64, "be64" }, { BPF_TO_LE, 16, "le16" },
	{ BPF_TO_LE, 32, "le32" }, { BPF_TO_LE, 64, "le64" },
};

/* What "dst = be<bits>(dst)" / "le<bits>" gives on this host. */
static __u64 swap_want(int type, int bits, __u64 v)
{
	bool host_be = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
	bool swap = (type == BPF_TO_BE) != host_be;

	switch (bits) {
	case 16: return swap ? __builtin_bswap16((__u16)v) : (__u16)v;
	case 32: return swap ? __builtin_bswap32((__u32)v) : (__u32)v;
	default: return swap ? __builtin_bswap64(v) : v;
	}
}

START_TEST(endian_each_swap_computes)
{
	const int type = swaps[_i].type, bits = swaps[_i].bits;
	const __u64 want = swap_want(type, bits, SWAP_IN);

	set_inputs(SWAP_IN, 0);
	OK(mapops_ld_imm64(prog, BPF_REG_8, SWAP_IN));
	OK(mapops_endian(prog, type, BPF_REG_8, bits));
	emit_load_inputs();
	OK(mapops_endian(prog, type, BPF_REG_6, bits));
	emit_result(0, BPF_REG_8);
	emit_result(1, BPF_REG_6);
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_6));
	OK(mapops_exit(prog));

	const __u32 ret = load_and_run();

	ck_assert_msg(ret == (__u32)want,
		      "%s of 0x%llx: returned 0x%08x, expected 0x%08x",
		      swaps[_i].name, (unsigned long long)SWAP_IN, ret,
		      (__u32)want);
	ck_assert_res(0, want, swaps[_i].name);
	ck_assert_res(1, want, swaps[_i].name);
}
END_TEST

/* ---- Loads and stores of every size ---------------------------------- */

#define PATTERN 0x1122334455667788ULL

/* The little/big-endian-neutral value of n bytes at b. */
static __u64 bytes_as(const unsigned char *b, int n)
{
	__u8 v8;
	__u16 v16;
	__u32 v32;
	__u64 v64;

	switch (n) {
	case 1: memcpy(&v8, b, 1); return v8;
	case 2: memcpy(&v16, b, 2); return v16;
	case 4: memcpy(&v32, b, 4); return v32;
	default: memcpy(&v64, b, 8); return v64;
	}
}

static void put_bytes(unsigned char *b, int n, __u64 v)
{
	__u8 v8 = (__u8)v;
	__u16 v16 = (__u16)v;
	__u32 v32 = (__u32)v;

	switch (n) {
	case 1: memcpy(b, &v8, 1); break;
	case 2: memcpy(b, &v16, 2); break;
	case 4: memcpy(b, &v32, 4); break;
	default: memcpy(b, &v, 8); break;
	}
}

/* ldx of one size from base + off into r7, then res[idx] = r7. */
static void emit_ldx_result(int idx, int size, int base, int off)
{
	OK(mapops_ldx_mem(prog, size, BPF_REG_7, base, off));
	emit_result(idx, BPF_REG_7);
}

START_TEST(mem_stack_each_size)
{
	unsigned char pat[8], m[8];
	int i;

	put_bytes(pat, 8, PATTERN);
	OK(mapops_ld_imm64(prog, BPF_REG_6, PATTERN));
	/* stx of each size, read back with ldx of the same size */
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_6, -64));
	emit_ldx_result(0, BPF_DW, BPF_REG_10, -64);
	OK(mapops_stx_mem(prog, BPF_W, BPF_REG_10, BPF_REG_6, -72));
	emit_ldx_result(1, BPF_W, BPF_REG_10, -72);
	OK(mapops_stx_mem(prog, BPF_H, BPF_REG_10, BPF_REG_6, -76));
	emit_ldx_result(2, BPF_H, BPF_REG_10, -76);
	OK(mapops_stx_mem(prog, BPF_B, BPF_REG_10, BPF_REG_6, -78));
	emit_ldx_result(3, BPF_B, BPF_REG_10, -78);
	/* st of each size (DW sign-extends its imm32) */
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -88, -2));
	emit_ldx_result(4, BPF_DW, BPF_REG_10, -88);
	OK(mapops_st_mem(prog, BPF_W, BPF_REG_10, -96, (__s32)0x89ABCDEFu));
	emit_ldx_result(5, BPF_W, BPF_REG_10, -96);
	OK(mapops_st_mem(prog, BPF_H, BPF_REG_10, -100, 0xABCD));
	emit_ldx_result(6, BPF_H, BPF_REG_10, -100);
	OK(mapops_st_mem(prog, BPF_B, BPF_REG_10, -102, 0xEF));
	emit_ldx_result(7, BPF_B, BPF_REG_10, -102);
	/* narrow stores into a wide slot change only their bytes */
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_6, -112));
	OK(mapops_st_mem(prog, BPF_B, BPF_REG_10, -111, 0));
	OK(mapops_st_mem(prog, BPF_H, BPF_REG_10, -108, 0x0102));
	emit_ldx_result(8, BPF_DW, BPF_REG_10, -112);
	/* narrow loads from inside a wide slot */
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_6, -120));
	emit_ldx_result(9, BPF_B, BPF_REG_10, -119);
	emit_ldx_result(10, BPF_H, BPF_REG_10, -118);
	emit_ldx_result(11, BPF_W, BPF_REG_10, -116);
	/* ldx zero-extends */
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -128, -1));
	emit_ldx_result(12, BPF_B, BPF_REG_10, -128);
	emit_ldx_result(13, BPF_H, BPF_REG_10, -126);
	emit_ldx_result(14, BPF_W, BPF_REG_10, -124);
	/* the bottom of the frame */
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_6, -512));
	emit_ldx_result(15, BPF_DW, BPF_REG_10, -512);
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));

	ck_assert_uint_eq(load_and_run(), 0);
	ck_assert_res(0, PATTERN, "stx/ldx DW");
	ck_assert_res(1, (__u32)PATTERN, "stx/ldx W");
	ck_assert_res(2, (__u16)PATTERN, "stx/ldx H");
	ck_assert_res(3, (__u8)PATTERN, "stx/ldx B");
	ck_assert_res(4, 0xFFFFFFFFFFFFFFFEULL, "st DW -2 (sign-extended)");
	ck_assert_res(5, 0x89ABCDEFULL, "st/ldx W");
	ck_assert_res(6, 0xABCD, "st/ldx H");
	ck_assert_res(7, 0xEF, "st/ldx B");
	memcpy(m, pat, 8);
	put_bytes(m + 1, 1, 0);
	put_bytes(m + 4, 2, 0x0102);
	ck_assert_res(8, bytes_as(m, 8), "narrow stores into a DW");
	ck_assert_res(9, bytes_as(pat + 1, 1), "ldx B inside a DW");
	ck_assert_res(10, bytes_as(pat + 2, 2), "ldx H inside a DW");
	ck_assert_res(11, bytes_as(pat + 4, 4), "ldx W inside a DW");
	ck_assert_res(12, 0xFF, "ldx B zero-extends");
	ck_assert_res(13, 0xFFFF, "ldx H zero-extends");
	ck_assert_res(14, 0xFFFFFFFF, "ldx W zero-extends");
	ck_assert_res(15, PATTERN, "stx/ldx DW at r10 - 512");
	for (i = 16; i < NRES; i++)
		ck_assert_res(i, RES_UNSET, "unused result");
}
END_TEST

#define DATA_SIZE 32

/*
 * On a map value (array, 32 bytes, filled from user space with 0x10 + i):
 * ldx of each size, then stx and st of each size, the whole value read back.
 */
START_TEST(mem_map_value_each_size)
{
	unsigned char init[DATA_SIZE], want[DATA_SIZE], got[DATA_SIZE];
	int data_fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, DATA_SIZE, 1);
	__u32 zero = 0;
	int i;

	for (i = 0; i < DATA_SIZE; i++)
		init[i] = (unsigned char)(0x10 + i);
	tu_map_set(data_fd, BPF_MAP_TYPE_ARRAY, &zero, init, DATA_SIZE);

	OK(mapops_st_mem(prog, BPF_W, BPF_REG_10, -32, 0));
	OK(mapops_map_lookup(prog, data_fd, -32));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_0, 0, "have"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, BAD_RET));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "have"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_8, BPF_REG_0));
	emit_ldx_result(0, BPF_DW, BPF_REG_8, 0);
	emit_ldx_result(1, BPF_W, BPF_REG_8, 8);
	emit_ldx_result(2, BPF_H, BPF_REG_8, 12);
	emit_ldx_result(3, BPF_B, BPF_REG_8, 15);
	emit_ldx_result(4, BPF_DW, BPF_REG_8, DATA_SIZE - 8); /* the last 8 */
	OK(mapops_ld_imm64(prog, BPF_REG_6, PATTERN));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_8, BPF_REG_6, 16));
	OK(mapops_stx_mem(prog, BPF_W, BPF_REG_8, BPF_REG_6, 24));
	OK(mapops_stx_mem(prog, BPF_H, BPF_REG_8, BPF_REG_6, 28));
	OK(mapops_stx_mem(prog, BPF_B, BPF_REG_8, BPF_REG_6, 30));
	OK(mapops_st_mem(prog, BPF_B, BPF_REG_8, 31, 0x5A));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_8, 0, -3));
	OK(mapops_st_mem(prog, BPF_W, BPF_REG_8, 8, 0x7EADBEEF));
	OK(mapops_st_mem(prog, BPF_H, BPF_REG_8, 12, 0x1234));
	OK(mapops_st_mem(prog, BPF_B, BPF_REG_8, 14, 0x99));
	/* byte 15 is left as it was */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));

	ck_assert_uint_eq(load_and_run(), 0);
	ck_assert_res(0, bytes_as(init, 8), "ldx DW from a map value");
	ck_assert_res(1, bytes_as(init + 8, 4), "ldx W from a map value");
	ck_assert_res(2, bytes_as(init + 12, 2), "ldx H from a map value");
	ck_assert_res(3, bytes_as(init + 15, 1), "ldx B from a map value");
	ck_assert_res(4, bytes_as(init + DATA_SIZE - 8, 8),
		      "ldx DW at the end of a map value");

	memcpy(want, init, DATA_SIZE);
	put_bytes(want + 16, 8, PATTERN);
	put_bytes(want + 24, 4, PATTERN);
	put_bytes(want + 28, 2, PATTERN);
	put_bytes(want + 30, 1, PATTERN);
	put_bytes(want + 31, 1, 0x5A);
	put_bytes(want + 0, 8, (__u64)-3);
	put_bytes(want + 8, 4, 0x7EADBEEF);
	put_bytes(want + 12, 2, 0x1234);
	put_bytes(want + 14, 1, 0x99);
	ck_assert_int_eq(bpf_map_lookup_elem(data_fd, &zero, got), 0);
	for (i = 0; i < DATA_SIZE; i++)
		ck_assert_msg(got[i] == want[i],
			      "map value byte %d is 0x%02x, expected 0x%02x", i,
			      got[i], want[i]);
	tu_close(data_fd);
}
END_TEST

/* ---- Atomics on an array map value ---------------------------------- */

#define ATOM_SIZE 512
#define ATOM_FETCHED 256 /* where the program stores src / r0 afterwards */
#define ATOM_SENTINEL 0xA5A5A5A5u /* the 4 bytes after each W target */

struct atomic_case {
	const char *name;
	int op;
	__u64 init, operand, r0; /* r0: CMPXCHG's comparand */
	__u64 want_mem, want_after; /* after: src, or r0 for CMPXCHG */
};

/* after = operand (unchanged) for the ops without BPF_FETCH */
static const struct atomic_case atomics_dw[] = {
	{ "add", BPF_ADD, 0x00000001FFFFFFFFULL, 1, 0, 0x0000000200000000ULL, 1 },
	{ "add|fetch", BPF_ADD | BPF_FETCH, 0x7000000000000005ULL, 0x10, 0, 0x7000000000000015ULL, 0x7000000000000005ULL },
	{ "or", BPF_OR, 0xF000000000000000ULL, 0x0F, 0, 0xF00000000000000FULL, 0x0F },
	{ "or|fetch", BPF_OR | BPF_FETCH, 0x00000000F0F0F0F0ULL, 0x0F0F0F0F00000000ULL, 0, 0x0F0F0F0FF0F0F0F0ULL, 0x00000000F0F0F0F0ULL },
	{ "and", BPF_AND, 0xFFFF0000FFFF0000ULL, 0x0FF00FF00FF00FF0ULL, 0, 0x0FF000000FF00000ULL, 0x0FF00FF00FF00FF0ULL },
	{ "and|fetch", BPF_AND | BPF_FETCH, 0x123456789ABCDEF0ULL, 0xFFFFFFFF00000000ULL, 0, 0x1234567800000000ULL, 0x123456789ABCDEF0ULL },
	{ "xor", BPF_XOR, 0xAAAAAAAAAAAAAAAAULL, 0xFFFFFFFF00000000ULL, 0, 0x55555555AAAAAAAAULL, 0xFFFFFFFF00000000ULL },
	{ "xor|fetch", BPF_XOR | BPF_FETCH, 0x0123456789ABCDEFULL, 0x0123456789ABCDEFULL, 0, 0, 0x0123456789ABCDEFULL },
	{ "xchg", BPF_XCHG, 0x1111111111111111ULL, 0x2222222222222222ULL, 0, 0x2222222222222222ULL, 0x1111111111111111ULL },
	{ "cmpxchg equal", BPF_CMPXCHG, 0x3333333333333333ULL, 0x4444444444444444ULL, 0x3333333333333333ULL, 0x4444444444444444ULL, 0x3333333333333333ULL },
	{ "cmpxchg different", BPF_CMPXCHG, 0x5555555555555555ULL, 0x6666666666666666ULL, 0x5555555555555554ULL, 0x5555555555555555ULL, 0x5555555555555555ULL },
	{ "cmpxchg differs in the upper half", BPF_CMPXCHG, 0x0000000100000007ULL, 0x77, 0x0000000200000007ULL, 0x0000000100000007ULL, 0x0000000100000007ULL },
};

/* 32-bit: operands and comparands carry junk in their upper halves, which
 * must be ignored; fetched values are zero-extended. */
static const struct atomic_case atomics_w[] = {
	{ "add", BPF_ADD, 0xFFFFFFFF, 0xDEAD000000000001ULL, 0, 0, 0xDEAD000000000001ULL },
	{ "add|fetch", BPF_ADD | BPF_FETCH, 0x10, 0xFFFFFFFF00000005ULL, 0, 0x15, 0x10 },
	{ "or", BPF_OR, 0xF0000000, 0x0F, 0, 0xF000000F, 0x0F },
	{ "or|fetch (zero-extended)", BPF_OR | BPF_FETCH, 0x80000000, 0x1234567800000001ULL, 0, 0x80000001, 0x80000000 },
	{ "and", BPF_AND, 0xFFFF00FF, 0xFFFFFFFF0F0F0F0FULL, 0, 0x0F0F000F, 0xFFFFFFFF0F0F0F0FULL },
	{ "and|fetch", BPF_AND | BPF_FETCH, 0x12345678, 0xFF00FF00, 0, 0x12005600, 0x12345678 },
	{ "xor", BPF_XOR, 0xAAAAAAAA, 0xFFFFFFFF, 0, 0x55555555, 0xFFFFFFFF },
	{ "xor|fetch", BPF_XOR | BPF_FETCH, 0x89ABCDEF, 0x89ABCDEF, 0, 0, 0x89ABCDEF },
	{ "xchg", BPF_XCHG, 0x11111111, 0xABCDEF0022222222ULL, 0, 0x22222222, 0x11111111 },
	{ "cmpxchg equal in the low half", BPF_CMPXCHG, 0x33333333, 0x44444444, 0xFFFFFFFF33333333ULL, 0x44444444, 0x33333333 },
	{ "cmpxchg different", BPF_CMPXCHG, 0x55555555, 0x66666666, 0x55555554, 0x55555555, 0x55555555 },
};

/*
 * One program per size: r8 = &value; for each case i:
 *      r1 = operand ll; [r0 = comparand ll]
 *      lock *(size *)(r8 + 8i) <op>= r1
 *      *(u64 *)(r8 + 256 + 8i) = r1 (or r0 for CMPXCHG)
 */
START_TEST(atomic_op_each_size_on_map_value)
{
	const bool w32 = _i == 1;
	const int size = w32 ? BPF_W : BPF_DW;
	const struct atomic_case *cases = w32 ? atomics_w : atomics_dw;
	const size_t n = w32 ? NSLOTS(atomics_w) : NSLOTS(atomics_dw);
	unsigned char val[ATOM_SIZE], got[ATOM_SIZE];
	int atom_fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, ATOM_SIZE, 1);
	__u32 zero = 0;
	size_t i;

	memset(val, 0xEE, sizeof(val));
	for (i = 0; i < n; i++) {
		if (w32) {
			put_bytes(val + 8 * i, 4, cases[i].init);
			put_bytes(val + 8 * i + 4, 4, ATOM_SENTINEL);
		} else {
			put_bytes(val + 8 * i, 8, cases[i].init);
		}
	}
	tu_map_set(atom_fd, BPF_MAP_TYPE_ARRAY, &zero, val, ATOM_SIZE);

	OK(mapops_st_mem(prog, BPF_W, BPF_REG_10, -32, 0));
	OK(mapops_map_lookup(prog, atom_fd, -32));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_0, 0, "have"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, BAD_RET));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "have"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_8, BPF_REG_0));
	for (i = 0; i < n; i++) {
		const struct atomic_case *c = &cases[i];
		const int off = 8 * (int)i;
		const bool cmpxchg = c->op == BPF_CMPXCHG;

		OK(mapops_ld_imm64(prog, BPF_REG_1, c->operand));
		if (cmpxchg)
			OK(mapops_ld_imm64(prog, BPF_REG_0, c->r0));
		OK(mapops_atomic_op(prog, size, c->op, BPF_REG_8, BPF_REG_1,
				    off));
		OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_8,
				  cmpxchg ? BPF_REG_0 : BPF_REG_1,
				  ATOM_FETCHED + off));
	}
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0x600D));
	OK(mapops_exit(prog));

	ck_assert_uint_eq(load_and_run(), 0x600D);
	ck_assert_int_eq(bpf_map_lookup_elem(atom_fd, &zero, got), 0);
	for (i = 0; i < n; i++) {
		const struct atomic_case *c = &cases[i];
		const __u64 mem = bytes_as(got + 8 * i, w32 ? 4 : 8);
		const __u64 after = bytes_as(got + ATOM_FETCHED + 8 * i, 8);

		ck_assert_msg(mem == c->want_mem,
			      "%s atomic %s: memory is 0x%llx, expected 0x%llx",
			      w32 ? "BPF_W" : "BPF_DW", c->name,
			      (unsigned long long)mem,
			      (unsigned long long)c->want_mem);
		ck_assert_msg(after == c->want_after,
			      "%s atomic %s: %s is 0x%llx afterwards, expected 0x%llx",
			      w32 ? "BPF_W" : "BPF_DW", c->name,
			      c->op == BPF_CMPXCHG ? "r0" : "src",
			      (unsigned long long)after,
			      (unsigned long long)c->want_after);
		if (w32)
			ck_assert_msg(bytes_as(got + 8 * i + 4, 4) ==
					      ATOM_SENTINEL,
				      "BPF_W atomic %s wrote past its 4 bytes",
				      c->name);
	}
	tu_close(atom_fd);
}
END_TEST

/* ---- ld_imm64 ---------------------------------------------------------- */

static const __u64 imm64s[] = {
	0x8765432112345678ULL, 0, 0xFFFFFFFFFFFFFFFFULL,
	0x00000000FFFFFFFFULL, /* not sign-extended */
	0xFFFFFFFF00000000ULL, 0x0000000080000000ULL,
	0x0000000100000000ULL, 0x7FFFFFFFFFFFFFFFULL,
	0x8000000000000000ULL, 0x00000000DEADBEEFULL,
};

/*
 * ld_imm64 into every register r0..r9 (one constant each), each stored to
 * the stack at once, then read back into r6 and stored to res[]; the
 * program returns the low half of the first constant.
 */
START_TEST(ld_imm64_each_reg)
{
	int r;

	for (r = BPF_REG_0; r <= BPF_REG_9; r++) {
		OK(mapops_ld_imm64(prog, r, imm64s[r]));
		OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, r, -200 + 8 * r));
	}
	for (r = BPF_REG_0; r <= BPF_REG_9; r++) {
		OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_6, BPF_REG_10,
				  -200 + 8 * r));
		emit_result(r, BPF_REG_6);
	}
	OK(mapops_ld_imm64(prog, BPF_REG_0, imm64s[0]));
	OK(mapops_exit(prog));

	ck_assert_uint_eq(load_and_run(), (__u32)imm64s[0]);
	for (r = BPF_REG_0; r <= BPF_REG_9; r++) {
		char what[32];

		snprintf(what, sizeof(what), "r%d = imm ll", r);
		ck_assert_res(r, imm64s[r], what);
	}
}
END_TEST

/* ---- Helper calls ---------------------------------------------------- */

static __u64 monotonic_ns(void)
{
	struct timespec ts;

	ck_assert_int_eq(clock_gettime(CLOCK_MONOTONIC, &ts), 0);
	return (__u64)ts.tv_sec * 1000000000ULL + (__u64)ts.tv_nsec;
}

/*
 *      r9 = 0x1234567890 ll (must survive the calls)
 *      call get_smp_processor_id; r6 = r0
 *      call ktime_get_ns; r7 = r0
 *      call ktime_get_ns; r8 = r0
 *      res[0..3] = r6, r7, r8, r9
 *      call get_prandom_u32 (anything); r0 = 7; exit
 */
START_TEST(call_helper_results)
{
	__u64 before, after, t1, t2;
	int fd;

	OK(mapops_ld_imm64(prog, BPF_REG_9, 0x1234567890ULL));
	OK(mapops_call_helper(prog, BPF_FUNC_get_smp_processor_id));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_6, BPF_REG_0));
	OK(mapops_call_helper(prog, BPF_FUNC_ktime_get_ns));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_7, BPF_REG_0));
	OK(mapops_call_helper(prog, BPF_FUNC_ktime_get_ns));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_8, BPF_REG_0));
	emit_result(0, BPF_REG_6);
	emit_result(1, BPF_REG_7);
	emit_result(2, BPF_REG_8);
	emit_result(3, BPF_REG_9);
	OK(mapops_call_helper(prog, BPF_FUNC_get_prandom_u32));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 7));
	OK(mapops_exit(prog));

	fd = load();
	before = monotonic_ns();
	ck_assert_uint_eq(run(fd), 7);
	after = monotonic_ns();
	tu_close(fd);

	ck_assert_msg(result(0) < (__u64)libbpf_num_possible_cpus(),
		      "get_smp_processor_id returned %llu, %d CPUs possible",
		      (unsigned long long)result(0),
		      libbpf_num_possible_cpus());
	t1 = result(1);
	t2 = result(2);
	ck_assert_msg(t1 > 0 && t1 <= t2,
		      "ktime_get_ns: %llu then %llu", (unsigned long long)t1,
		      (unsigned long long)t2);
	/* ktime_get_ns is CLOCK_MONOTONIC read by the NMI-safe fast accessor,
	 * which may trail a concurrent timekeeping update slightly: 1 ms of
	 * slack keeps the bracket from ever flaking. */
	ck_assert_msg(before <= t1 + 1000000 && t2 <= after + 1000000,
		      "ktime_get_ns %llu..%llu outside CLOCK_MONOTONIC %llu..%llu",
		      (unsigned long long)t1, (unsigned long long)t2,
		      (unsigned long long)before, (unsigned long long)after);
	ck_assert_res(3, 0x1234567890ULL, "r9 across helper calls");
}
END_TEST

/* ---- Map operations and many labels in one program ------------------- */

enum { KEY_A = 1, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F };

#define OFF_A (-8)
#define OFF_B (-16)
#define OFF_C (-24)
#define OFF_D (-32)
#define OFF_E (-40)
#define OFF_F (-48)
#define OFF_SCRATCH (-56)
#define OFF_INIT (-64)
#define INIT_VALUE 0x4242
#define E_VALUE 77
#define INC_B 0x100000001LL

/*
 * A hash map (8-byte keys and values), E = 77 set from user space.
 *      keys A..F on the stack; init value 0x4242
 *      increment(A, 5) twice; increment(B, 0x100000001) twice
 *      r6 = 3; loop_c: increment(C, 7); r6 -= 1; if r6 != 0 goto loop_c
 *      increment_atomic(F, 1) twice; increment_atomic(F, 0x100000000)
 *      r0 = lookup_or_init(D, init); if r0 == 0 goto fail
 *      r1 = *r0; r1 += 1; *r0 = r1
 *      r0 = lookup_or_init(E, init); if r0 == 0 goto fail
 *      r7 = *r0; if r7 != 77 goto bad_e
 *      r1 = fd (ld_map_fd); r2 = r10 - 8; call map_lookup_elem (A)
 *      if r0 == 0 goto fail; r0 = *r0; goto out
 * bad_e: r0 = 0xe00; goto out
 * fail: r0 = 0xf00
 * out: exit
 */
START_TEST(map_ops_mixed_with_labels)
{
	const struct { __u64 key, run1, run2; const char *name; } want[] = {
		{ KEY_A, 10, 20, "A: increment 5 twice" },
		{ KEY_B, 2 * INC_B, 4 * INC_B, "B: increment 0x100000001 twice" },
		{ KEY_C, 21, 42, "C: increment 7 in a 3-pass loop" },
		{ KEY_D, INIT_VALUE + 1, INIT_VALUE + 2, "D: lookup_or_init + 1" },
		{ KEY_E, E_VALUE, E_VALUE, "E: lookup_or_init of a present key" },
		{ KEY_F, 0x100000002ULL, 0x200000004ULL, "F: increment_atomic" },
	};
	const __u64 e_key = KEY_E, e_value = E_VALUE;
	int hash_fd = tu_map_create(BPF_MAP_TYPE_HASH, 8, 8, 64);
	int fd, pass;
	size_t i;

	tu_map_set(hash_fd, BPF_MAP_TYPE_HASH, &e_key, &e_value, 8);

	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_A, KEY_A));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_B, KEY_B));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_C, KEY_C));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_D, KEY_D));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_E, KEY_E));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_F, KEY_F));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, OFF_INIT, INIT_VALUE));

	OK(mapops_map_increment(prog, hash_fd, OFF_A, OFF_SCRATCH, 5));
	OK(mapops_map_increment(prog, hash_fd, OFF_A, OFF_SCRATCH, 5));
	OK(mapops_map_increment(prog, hash_fd, OFF_B, OFF_SCRATCH, INC_B));
	OK(mapops_map_increment(prog, hash_fd, OFF_B, OFF_SCRATCH, INC_B));

	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 3));
	OK(mapops_label(prog, "loop_c"));
	OK(mapops_map_increment(prog, hash_fd, OFF_C, OFF_SCRATCH, 7));
	OK(mapops_alu64_imm(prog, BPF_SUB, BPF_REG_6, 1));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_6, 0, "loop_c"));

	OK(mapops_map_increment_atomic(prog, hash_fd, OFF_F, OFF_SCRATCH, 1));
	OK(mapops_map_increment_atomic(prog, hash_fd, OFF_F, OFF_SCRATCH, 1));
	OK(mapops_map_increment_atomic(prog, hash_fd, OFF_F, OFF_SCRATCH,
				       0x100000000LL));

	OK(mapops_map_lookup_or_init(prog, hash_fd, OFF_D, OFF_INIT));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "fail"));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_1, BPF_REG_0, 0));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_1, 1));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_1, 0));

	OK(mapops_map_lookup_or_init(prog, hash_fd, OFF_E, OFF_INIT));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "fail"));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_7, BPF_REG_0, 0));
	OK(mapops_jmp_imm(prog, BPF_JNE, BPF_REG_7, E_VALUE, "bad_e"));

	/* the lookup by hand: ld_map_fd and call_helper */
	OK(mapops_ld_map_fd(prog, BPF_REG_1, hash_fd));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_2, BPF_REG_10));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_2, OFF_A));
	OK(mapops_call_helper(prog, BPF_FUNC_map_lookup_elem));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "fail"));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	OK(mapops_ja(prog, "out"));
	OK(mapops_label(prog, "bad_e"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0xE00));
	OK(mapops_ja(prog, "out"));
	OK(mapops_label(prog, "fail"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0xF00));
	OK(mapops_label(prog, "out"));
	OK(mapops_exit(prog));

	fd = load();
	for (pass = 1; pass <= 2; pass++) {
		__u32 ret = run(fd);

		ck_assert_msg(ret == (pass == 1 ? 10u : 20u),
			      "run %d returned 0x%x (0xe00: E wrong, 0xf00: a lookup failed)",
			      pass, ret);
		for (i = 0; i < NSLOTS(want); i++) {
			__u64 got = 0, w = pass == 1 ? want[i].run1 :
						       want[i].run2;

			ck_assert_msg(tu_map_get_u64(hash_fd, BPF_MAP_TYPE_HASH,
						     &want[i].key, 8, &got),
				      "run %d: %s: the key is absent", pass,
				      want[i].name);
			ck_assert_msg(got == w,
				      "run %d: %s: 0x%llx, expected 0x%llx",
				      pass, want[i].name,
				      (unsigned long long)got,
				      (unsigned long long)w);
		}
	}
	tu_close(fd);
	tu_close(hash_fd);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("kernel-compose"),
			       .setup = setup, .teardown = teardown };

	TU_KERNEL_CASE(&ts, label_bounded_loop);
	TU_KERNEL_CASE(&ts, label_jumps_over_ld_imm64);
	TU_KERNEL_CASE(&ts, label_long_jumps);
	TU_KERNEL_CASE(&ts, label_nested_loops);
	TU_KERNEL_LOOP(&ts, jmp_each_op_each_form, 0, 4 * (int)NSLOTS(jmp_ops));
	TU_KERNEL_LOOP(&ts, alu_each_op_computes, 0, (int)NSLOTS(alu_cases));
	TU_KERNEL_LOOP(&ts, endian_each_swap_computes, 0, (int)NSLOTS(swaps));
	TU_KERNEL_CASE(&ts, mem_stack_each_size);
	TU_KERNEL_CASE(&ts, mem_map_value_each_size);
	TU_KERNEL_LOOP(&ts, atomic_op_each_size_on_map_value, 0, 2);
	TU_KERNEL_CASE(&ts, ld_imm64_each_reg);
	TU_KERNEL_CASE(&ts, call_helper_results);
	TU_KERNEL_CASE(&ts, map_ops_mixed_with_labels);
	return tu_run(&ts);
}
