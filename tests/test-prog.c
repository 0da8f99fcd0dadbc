/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The handle: creation, raw instructions, errors and the size limit. */
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

START_TEST(prog_new_is_empty)
{
	const struct bpf_insn *insns;
	size_t cnt = 99;

	ck_assert_uint_eq(mapops_prog_len(prog), 0);
	ck_assert_str_eq(mapops_prog_error(prog), "");
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	ck_assert_uint_eq(cnt, 0);
}
END_TEST

START_TEST(prog_len_and_free_accept_null)
{
	mapops_prog_free(NULL);
	ck_assert_uint_eq(mapops_prog_len(NULL), 0);
}
END_TEST

START_TEST(prog_insns_refuses_null_prog)
{
	size_t cnt;

	errno = 0;
	ck_assert_ptr_null(mapops_prog_insns(NULL, &cnt));
	ck_assert_int_eq(errno, EINVAL);
}
END_TEST

START_TEST(prog_insns_refuses_null_cnt)
{
	errno = 0;
	ck_assert_ptr_null(mapops_prog_insns(prog, NULL));
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_str_eq(mapops_prog_error(prog), "mapops_prog_insns: cnt is NULL");
}
END_TEST

START_TEST(emit_refuses_null_prog)
{
	ck_assert_int_eq(mapops_emit(NULL, NULL, 0), -EINVAL);
}
END_TEST

START_TEST(emit_raw_slots_kept)
{
	const struct bpf_insn raw[] = {
		I(0xb7, 0, 0, 0, 2),          /* r0 = 2 */
		I(0x18, 2, 0, 0, 1), I(0, 0, 0, 0, 2), /* r2 = 0x200000001 ll */
		I(0x05, 0, 0, 0, 0),          /* goto +0, kept as given */
		I(0x95, 0, 0, 0, 0),
	};

	ck_assert_int_eq(mapops_emit(prog, raw, 2), 0);
	ck_assert_int_eq(mapops_emit(prog, raw + 2, 3), 0);
	ck_assert_int_eq(mapops_emit(prog, NULL, 0), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), 5);
	ck_assert_prog(prog, raw);
}
END_TEST

START_TEST(emit_own_slots_while_growing)
{
	/* Repeating the program's own slots while it grows (the fuzzer found
	 * this reading freed memory): the copy comes from the new array. */
	const struct bpf_insn *insns;
	size_t i, cnt;

	for (i = 0; i < 16; i++)
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 0, (int)i), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_int_eq(mapops_emit(prog, insns, cnt), 0);
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_uint_eq(cnt, 32);
	for (i = 0; i < 32; i++)
		ck_assert_int_eq(insns[i].imm, (int)(i % 16));
}
END_TEST

/* Each refusal leaves the program (one exit) unchanged. */
static void emit_refused(const struct bpf_insn *insns, size_t cnt, int err,
			 const char *want)
{
	struct tu_snapshot s;

	ck_assert_int_eq(mapops_exit(prog), 0);
	tu_snapshot_take(&s, prog);
	errno = 0;
	ck_assert_refused(prog, mapops_emit(prog, insns, cnt), err, want);
	ck_assert_unchanged(&s, prog);
}

START_TEST(emit_refuses_null_insns)
{
	emit_refused(NULL, 3, EINVAL, "mapops_emit: insns is NULL but cnt is 3");
}
END_TEST

START_TEST(emit_refuses_bad_dst_reg)
{
	const struct bpf_insn bad_reg[] = { I(0xb7, 11, 0, 0, 0) };

	emit_refused(bad_reg, 1, EINVAL, "insns[0] names register dst 11 src 0");
}
END_TEST

START_TEST(emit_refuses_bad_src_reg)
{
	const struct bpf_insn bad_src[] = { I(0xbf, 1, 15, 0, 0) };

	emit_refused(bad_src, 1, EINVAL, "dst 1 src 15");
}
END_TEST

START_TEST(emit_refuses_unpaired_ld_imm64)
{
	const struct bpf_insn bad_pair[] = {
		I(0x18, 1, 0, 0, 1), I(0xb7, 0, 0, 0, 0),
	};

	emit_refused(bad_pair, 2, EINVAL,
		     "insns[1] must be the second slot of an ld_imm64");
}
END_TEST

START_TEST(prog_error_kept_until_next_failure)
{
	ck_assert_int_eq(mapops_map_lookup(prog, 3, 0), -EINVAL);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog), "key_stack_off 0"));
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog), "key_stack_off 0"));
	ck_assert_int_eq(mapops_exit(NULL), -EINVAL);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, 10, 0), -EINVAL);
	ck_assert_ptr_null(strstr(mapops_prog_error(prog), "key_stack_off"));
}
END_TEST

START_TEST(prog_size_limit_refuses_next_slot)
{
	/* Exactly MAPOPS_MAX_INSNS slots build; the next slot is refused. */
	static struct bpf_insn chunk[10000];
	struct tu_snapshot s;
	size_t i;

	for (i = 0; i < 10000; i++)
		chunk[i] = I(0xb7, 0, 0, 0, (int)i);
	for (i = 0; i < MAPOPS_MAX_INSNS / 10000 - 1; i++)
		ck_assert_int_eq(mapops_emit(prog, chunk, 10000), 0);
	ck_assert_int_eq(mapops_emit(prog, chunk, 9995), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, 3, -4), 0); /* 5 slots: full */
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAX_INSNS);
	tu_snapshot_take(&s, prog);
	errno = 0;
	ck_assert_refused(prog, mapops_exit(prog), E2BIG,
			  "mapops_exit: 1 more slots would make the program 1000001 slots long, past the kernel's limit of 1000000");
	ck_assert_refused(prog, mapops_emit(prog, chunk, 1), E2BIG, "mapops_emit");
	ck_assert_refused(prog, mapops_ld_imm64(prog, 1, 1), E2BIG, "2 more slots");
	ck_assert_refused(prog, mapops_map_lookup_or_init(prog, 3, -4, -8),
			  E2BIG, "19 more slots");
	ck_assert_unchanged(&s, prog);
}
END_TEST

START_TEST(prog_size_limit_exact_fit)
{
	/* A 5-slot operation fits when exactly 5 slots are left. */
	static struct bpf_insn chunk[MAPOPS_MAX_INSNS - 5];

	ck_assert_int_eq(mapops_emit(prog, chunk, NSLOTS(chunk)), 0);
	ck_assert_int_eq(mapops_map_increment(prog, 3, -4, -16, 1), -E2BIG);
	ck_assert_int_eq(mapops_map_delete(prog, 3, -4), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAX_INSNS);
}
END_TEST

START_TEST(prog_handles_are_independent)
{
	mapops_prog_t *other = mapops_prog_new();

	ck_assert_ptr_nonnull(other);
	ck_assert_int_eq(mapops_label(prog, "x"), 0);
	ck_assert_int_eq(mapops_label(other, "x"), 0);
	ck_assert_int_eq(mapops_exit(other), -0);
	ck_assert_int_eq(mapops_alu64_imm(other, BPF_MOV, 10, 0), -EINVAL);
	ck_assert_str_eq(mapops_prog_error(prog), "");
	ck_assert_uint_eq(mapops_prog_len(prog), 0);
	mapops_prog_free(other);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("prog"), .setup = setup,
			       .teardown = teardown, .timeout = 60 };

	TU_CASE(&ts, prog_new_is_empty);
	TU_CASE(&ts, prog_len_and_free_accept_null);
	TU_CASE(&ts, prog_insns_refuses_null_prog);
	TU_CASE(&ts, prog_insns_refuses_null_cnt);
	TU_CASE(&ts, emit_refuses_null_prog);
	TU_CASE(&ts, emit_raw_slots_kept);
	TU_CASE(&ts, emit_own_slots_while_growing);
	TU_CASE(&ts, emit_refuses_null_insns);
	TU_CASE(&ts, emit_refuses_bad_dst_reg);
	TU_CASE(&ts, emit_refuses_bad_src_reg);
	TU_CASE(&ts, emit_refuses_unpaired_ld_imm64);
	TU_CASE(&ts, prog_error_kept_until_next_failure);
	TU_CASE(&ts, prog_size_limit_refuses_next_slot);
	TU_CASE(&ts, prog_size_limit_exact_fit);
	TU_CASE(&ts, prog_handles_are_independent);
	return tu_run(&ts);
}
