/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Labels and jumps: encodings, resolution and every refusal. */
#include <stdio.h>

#include "testutil.h"

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

#define EXIT I(0x95, 0, 0, 0, 0)
#define MOV_K(d, k) I(0xb7, d, 0, 0, k)

START_TEST(label_forward_and_backward_jumps)
{
	const struct bpf_insn want[] = {
		MOV_K(0, 0),                 /* 0 */
		I(0x15, 1, 0, 2, 5),         /* 1: if r1 == 5 goto out (+2) */
		MOV_K(0, 1),                 /* 2: top */
		I(0x05, 0, 0, -2, 0),        /* 3: goto top (-2) */
		EXIT,                        /* 4: out */
	};

	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 0), 0);
	ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JEQ, 1, 5, "out"), 0);
	ck_assert_int_eq(mapops_label(prog, "top"), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 1), 0);
	ck_assert_int_eq(mapops_ja(prog, "top"), 0);
	ck_assert_int_eq(mapops_label(prog, "out"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_prog(prog, want);
}
END_TEST

/* Each conditional jump op's opcode nibble. */
static const struct { int op; int code; } jmp_ops[] = {
	{ BPF_JEQ, 0x10 }, { BPF_JGT, 0x20 }, { BPF_JGE, 0x30 },
	{ BPF_JSET, 0x40 }, { BPF_JNE, 0x50 }, { BPF_JSGT, 0x60 },
	{ BPF_JSGE, 0x70 }, { BPF_JLT, 0xa0 }, { BPF_JLE, 0xb0 },
	{ BPF_JSLT, 0xc0 }, { BPF_JSLE, 0xd0 },
};

START_TEST(jmp_each_op)
{
	const int op = jmp_ops[_i].op, c = jmp_ops[_i].code;
	const struct bpf_insn want[] = {
		I(0x05 | c, 2, 0, 3, -7),   /* jmp imm */
		I(0x0d | c, 2, 10, 2, 0),   /* jmp reg */
		I(0x06 | c, 9, 0, 1, 0x7fffffff), /* jmp32 imm */
		I(0x0e | c, 0, 1, 0, 0),    /* jmp32 reg */
		EXIT,
	};

	ck_assert_int_eq(mapops_jmp_imm(prog, op, 2, -7, "end"), 0);
	ck_assert_int_eq(mapops_jmp_reg(prog, op, 2, 10, "end"), 0);
	ck_assert_int_eq(mapops_jmp32_imm(prog, op, 9, 0x7fffffff, "end"), 0);
	ck_assert_int_eq(mapops_jmp32_reg(prog, op, 0, 1, "end"), 0);
	ck_assert_int_eq(mapops_label(prog, "end"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(label_several_on_one_slot)
{
	const struct bpf_insn want[] = {
		I(0x05, 0, 0, 1, 0), I(0x05, 0, 0, 0, 0), EXIT,
	};

	ck_assert_int_eq(mapops_ja(prog, "a"), 0);
	ck_assert_int_eq(mapops_ja(prog, "b"), 0);
	ck_assert_int_eq(mapops_label(prog, "a"), 0);
	ck_assert_int_eq(mapops_label(prog, "b"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(label_ten_thousand)
{
	/* 10,000 labels, each jumped to from before and after it. */
	const size_t n = 10000;
	const struct bpf_insn *insns;
	char name[32];
	size_t i, cnt;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "L%zu", i);
		ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JNE, 1, 0, name), 0);
		ck_assert_int_eq(mapops_label(prog, name), 0);
		ck_assert_int_eq(mapops_ja(prog, name), 0);
	}
	ck_assert_int_eq(mapops_exit(prog), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	ck_assert_uint_eq(cnt, 2 * n + 1);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(insns[2 * i].off, 0);
		ck_assert_int_eq(insns[2 * i + 1].off, -1);
	}
}
END_TEST

START_TEST(prog_insns_longest_jumps_fit)
{
	/* 32767 slots forward and 32768 back fit; the limits themselves. */
	const struct bpf_insn *insns;
	size_t i, cnt;

	ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JEQ, 1, 0, "fwd"), 0);
	ck_assert_int_eq(mapops_label(prog, "back"), 0);
	for (i = 0; i < 32767; i++)
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 0), 0);
	ck_assert_int_eq(mapops_label(prog, "fwd"), 0);
	ck_assert_int_eq(mapops_ja(prog, "back"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_msg(insns != NULL, "%s", mapops_prog_error(prog));
	ck_assert_int_eq(insns[0].off, 32767);
	ck_assert_int_eq(insns[32768].off, -32768);
}
END_TEST

START_TEST(prog_insns_refuses_jump_too_far)
{
	size_t i, cnt = 99;

	ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JEQ, 1, 0, "far"), 0);
	for (i = 0; i < 32768; i++)
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 0), 0);
	ck_assert_int_eq(mapops_label(prog, "far"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	errno = 0;
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_uint_eq(cnt, 99);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog),
		"the jump at slot 0 to label \"far\" (slot 32769) spans 32768 slots, which does not fit the signed 16-bit offset"));
}
END_TEST

START_TEST(prog_insns_refuses_unbound_label)
{
	size_t cnt;

	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, 0), 0);
	ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JEQ, 1, 0, "nowhere"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	errno = 0;
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_str_eq(mapops_prog_error(prog),
		"mapops_prog_insns: label \"nowhere\" is never bound (the jump at slot 1 names it); it was emitted by mapops_jmp_imm #1");
	/* The program can still be completed and resolved. */
	ck_assert_int_eq(mapops_label(prog, "nowhere"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_ptr_nonnull(mapops_prog_insns(prog, &cnt));
	ck_assert_uint_eq(cnt, 4);
}
END_TEST

/* The message names the call that emitted the jump, with its tag, so a
 * caller finds the line without counting slots. */
START_TEST(prog_insns_unbound_label_names_the_tagged_call)
{
	size_t cnt;

	ck_assert_int_eq(mapops_ja(prog, "done"), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, "parse ipv4"), 0);
	ck_assert_int_eq(mapops_jmp_imm(prog, BPF_JNE, 2, 4, "nowhere"), 0);
	ck_assert_int_eq(mapops_label(prog, "done"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_str_eq(mapops_prog_error(prog),
		"mapops_prog_insns: label \"nowhere\" is never bound (the jump at slot 1 names it); it was emitted by mapops_jmp_imm #1 (\"parse ipv4\")");
}
END_TEST

START_TEST(prog_insns_refuses_label_past_end)
{
	size_t cnt;

	ck_assert_int_eq(mapops_ja(prog, "end"), 0);
	ck_assert_int_eq(mapops_label(prog, "end"), 0);
	errno = 0;
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog),
		"label \"end\" is bound to slot 1, past the last instruction"));
}
END_TEST

START_TEST(label_refuses_bound_twice)
{
	struct tu_snapshot s;

	ck_assert_int_eq(mapops_label(prog, "x"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	tu_snapshot_take(&s, prog);
	errno = 0;
	ck_assert_refused(prog, mapops_label(prog, "x"), EEXIST,
			  "mapops_label: label \"x\" is already bound to slot 0");
	ck_assert_unchanged(&s, prog);
}
END_TEST

/* A label name of len bytes (len <= MAPOPS_LABEL_MAX + 1). */
static const char *name_of_len(size_t len)
{
	static char name[MAPOPS_LABEL_MAX + 2];

	memset(name, 'a', len);
	name[len] = '\0';
	return name;
}

/*
 * One case per refusal of a label name or a jump: name, call (on a program
 * holding one exit), errno, and what the message must contain.  Each leaves
 * the program unchanged, and no unbound label behind.
 */
#define REFUSALS(X)                                                         \
	X(label_refuses_null_name, mapops_label(prog, NULL), EINVAL,        \
	  "label name is NULL")                                             \
	X(label_refuses_empty_name, mapops_label(prog, ""), EINVAL,         \
	  "label name is empty")                                            \
	X(label_refuses_name_too_long,                                      \
	  mapops_label(prog, name_of_len(MAPOPS_LABEL_MAX + 1)),            \
	  ENAMETOOLONG, "is longer than 255 bytes")                         \
	X(ja_refuses_null_label, mapops_ja(prog, NULL), EINVAL,             \
	  "mapops_ja: label name is NULL")                                  \
	X(jmp_imm_refuses_empty_label, mapops_jmp_imm(prog, BPF_JEQ, 1, 0, ""), \
	  EINVAL, "label name is empty")                                    \
	X(jmp_reg_refuses_label_too_long,                                   \
	  mapops_jmp_reg(prog, BPF_JEQ, 1, 2,                               \
			 name_of_len(MAPOPS_LABEL_MAX + 1)),                \
	  ENAMETOOLONG, "mapops_jmp_reg: label name")                       \
	X(jmp_imm_refuses_ja_op, mapops_jmp_imm(prog, BPF_JA, 1, 0, "new"), \
	  EINVAL, "op 0x0 is not a conditional jump")                       \
	X(jmp_imm_refuses_call_op,                                          \
	  mapops_jmp_imm(prog, BPF_CALL, 1, 0, "new"), EINVAL,              \
	  "op 0x80 is not a conditional jump")                              \
	X(jmp32_imm_refuses_reg_11,                                         \
	  mapops_jmp32_imm(prog, BPF_JEQ, 11, 0, "new"), EINVAL,            \
	  "mapops_jmp32_imm: reg 11")                                       \
	X(jmp32_reg_refuses_src_16,                                         \
	  mapops_jmp32_reg(prog, BPF_JEQ, 1, 16, "new"), EINVAL, "src 16")

#define REFUSAL_TEST(name, call, err, want)                                 \
	START_TEST(name)                                                    \
	{                                                                   \
		struct tu_snapshot s;                                       \
		size_t cnt;                                                 \
                                                                            \
		ck_assert_int_eq(mapops_exit(prog), 0);                     \
		tu_snapshot_take(&s, prog);                                 \
		errno = 0;                                                  \
		ck_assert_refused(prog, (call), (err), (want));             \
		ck_assert_unchanged(&s, prog);                              \
		/* The refused call left no label behind, unbound. */      \
		ck_assert_ptr_nonnull(mapops_prog_insns(prog, &cnt));       \
	}                                                                   \
	END_TEST
REFUSALS(REFUSAL_TEST)

START_TEST(label_accepts_longest_name)
{
	ck_assert_int_eq(mapops_label(prog, name_of_len(MAPOPS_LABEL_MAX)), 0);
}
END_TEST

START_TEST(label_refuses_inside_ld_imm64)
{
	const struct bpf_insn first = I(0x18, 1, 0, 0, 1);
	const struct bpf_insn second = I(0, 0, 0, 0, 2);
	size_t cnt;

	ck_assert_int_eq(mapops_emit(prog, &first, 1), 0);
	errno = 0;
	ck_assert_refused(prog, mapops_label(prog, "mid"), EINVAL,
			  "label \"mid\" would be bound to slot 1, the second half of an ld_imm64");
	ck_assert_refused(prog, mapops_exit(prog), EINVAL,
			  "slot 1 must be the second half of the ld_imm64 at slot 0");
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog),
				     "ends inside the ld_imm64 at slot 0"));
	ck_assert_int_eq(mapops_emit(prog, &second, 1), 0);
	ck_assert_int_eq(mapops_label(prog, "after"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_ptr_nonnull(mapops_prog_insns(prog, &cnt));
	ck_assert_uint_eq(cnt, 3);
}
END_TEST

START_TEST(prog_insns_resolves_again_after_growth)
{
	const struct bpf_insn *insns;
	size_t cnt;

	ck_assert_int_eq(mapops_ja(prog, "a"), 0);
	ck_assert_int_eq(mapops_label(prog, "a"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_int_eq(insns[0].off, 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_int_eq(insns[0].off, 0);
	ck_assert_int_eq(mapops_ja(prog, "a"), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_uint_eq(cnt, 3);
	ck_assert_int_eq(insns[2].off, -2);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("labels"), .setup = setup,
			       .teardown = teardown, .timeout = 60 };

	TU_CASE(&ts, label_forward_and_backward_jumps);
	TU_LOOP(&ts, jmp_each_op, 0, (int)NSLOTS(jmp_ops));
	TU_CASE(&ts, label_several_on_one_slot);
	TU_CASE(&ts, label_ten_thousand);
	TU_CASE(&ts, prog_insns_longest_jumps_fit);
	TU_CASE(&ts, prog_insns_refuses_jump_too_far);
	TU_CASE(&ts, prog_insns_refuses_unbound_label);
	TU_CASE(&ts, prog_insns_unbound_label_names_the_tagged_call);
	TU_CASE(&ts, prog_insns_refuses_label_past_end);
	TU_CASE(&ts, label_refuses_bound_twice);
#define REFUSAL_CASE(name, call, err, want) TU_CASE(&ts, name);
	REFUSALS(REFUSAL_CASE)
	TU_CASE(&ts, label_accepts_longest_name);
	TU_CASE(&ts, label_refuses_inside_ld_imm64);
	TU_CASE(&ts, prog_insns_resolves_again_after_growth);
	return tu_run(&ts);
}
