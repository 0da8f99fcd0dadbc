/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Limits and hostile arguments without the kernel: mapops_emit() with a
 * cnt past the limit on a short array (nothing may be read: run under
 * ASan), misaligned stack accesses through r10, caller text escaped in
 * mapops_prog_error(), and mapops_prog_dump() into a stream that fails.
 */
#include <stdio.h>
#include <stdlib.h>

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

/* ---- mapops_emit: the size first ------------------------------------ */

START_TEST(emit_cnt_past_limit_short_buffer)
{
	/* Four slots on the heap, where ASan sees any read past them. */
	struct bpf_insn *four = calloc(4, sizeof(*four));
	struct tu_snapshot snap;

	ck_assert_int_eq(mapops_exit(prog), 0);
	tu_snapshot_take(&snap, prog);
	errno = 0;
	ck_assert_refused(prog, mapops_emit(prog, four, 2000000), E2BIG,
			  "mapops_emit: cnt 2000000: the program has 1 slots and may not grow past the kernel's limit of 1000000 (no slot was read)");
	ck_assert_unchanged(&snap, prog);
	free(four);
}
END_TEST

START_TEST(emit_cnt_byte_count_for_slot_count)
{
	/* A byte count passed for a slot count: 8 times too many. */
	struct bpf_insn *slots = calloc(200000, sizeof(*slots));

	ck_assert_refused(prog, mapops_emit(prog, slots, 200000 * sizeof(*slots)),
			  E2BIG, "cnt 1600000");
	ck_assert_uint_eq(mapops_prog_len(prog), 0);
	free(slots);
}
END_TEST

START_TEST(emit_cnt_size_max)
{
	struct bpf_insn one = I(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);

	ck_assert_refused(prog, mapops_emit(prog, &one, (size_t)-1), E2BIG,
			  "no slot was read");
}
END_TEST

START_TEST(emit_cnt_exactly_the_rest)
{
	struct bpf_insn *slots = calloc(MAPOPS_MAX_INSNS, sizeof(*slots));
	size_t i;

	for (i = 0; i < MAPOPS_MAX_INSNS; i++)
		slots[i] = I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_refused(prog, mapops_emit(prog, slots, MAPOPS_MAX_INSNS), E2BIG,
			  "cnt 1000000");
	ck_assert_int_eq(mapops_emit(prog, slots, MAPOPS_MAX_INSNS - 1), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAX_INSNS);
	free(slots);
}
END_TEST

/* ---- Misaligned stack accesses through r10 ---------------------------- */

START_TEST(stx_mem_misaligned_stack)
{
	ck_assert_refused(prog, mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_1, -20),
			  EINVAL, "mapops_stx_mem: off -20 is not 8-byte aligned");
	ck_assert_refused(prog, mapops_stx_mem(prog, BPF_W, BPF_REG_10, BPF_REG_1, -6),
			  EINVAL, "off -6 is not 4-byte aligned");
	ck_assert_refused(prog, mapops_stx_mem(prog, BPF_H, BPF_REG_10, BPF_REG_1, -3),
			  EINVAL, "off -3 is not 2-byte aligned");
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_B, BPF_REG_10, BPF_REG_1, -3), 0);
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_1, -24), 0);
	/* Through another register the alignment is the verifier's to judge. */
	ck_assert_int_eq(mapops_stx_mem(prog, BPF_DW, BPF_REG_1, BPF_REG_2, -20), 0);
}
END_TEST

START_TEST(st_mem_misaligned_stack)
{
	ck_assert_refused(prog, mapops_st_mem(prog, BPF_DW, BPF_REG_10, -12, 1),
			  EINVAL, "mapops_st_mem: off -12 is not 8-byte aligned");
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, BPF_REG_10, -12, 1), 0);
}
END_TEST

START_TEST(ldx_mem_misaligned_stack)
{
	ck_assert_refused(prog, mapops_ldx_mem(prog, BPF_W, BPF_REG_0, BPF_REG_10, -10),
			  EINVAL, "mapops_ldx_mem: off -10 is not 4-byte aligned");
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_H, BPF_REG_0, BPF_REG_10, -10), 0);
}
END_TEST

START_TEST(atomic_op_misaligned_stack)
{
	ck_assert_refused(prog, mapops_atomic_op(prog, BPF_DW, BPF_ADD, BPF_REG_10, BPF_REG_1, -12),
			  EINVAL, "mapops_atomic_op: off -12 is not 8-byte aligned");
	ck_assert_int_eq(mapops_atomic_op(prog, BPF_W, BPF_ADD, BPF_REG_10, BPF_REG_1, -4), 0);
}
END_TEST

/* ---- Caller text in messages -------------------------------------------- */

START_TEST(label_error_escapes_name)
{
	const char *name = "\x1b[2J\x1b[Hforged: all ok\n\\";

	ck_assert_int_eq(mapops_label(prog, name), 0);
	ck_assert_refused(prog, mapops_label(prog, name), EEXIST,
			  "label \"\\x1b[2J\\x1b[Hforged: all ok\\x0a\\\\\" is already bound");
	ck_assert_ptr_null(strchr(mapops_prog_error(prog), '\x1b'));
}
END_TEST

START_TEST(label_error_escapes_like_dump)
{
	const char *name = "a\tb\\c\x7f";
	char *dump = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&dump, &len);

	ck_assert_int_eq(mapops_label(prog, name), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_int_eq(mapops_prog_dump(prog, f), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(dump, "a\\x09b\\\\c\\x7f:\n"));
	ck_assert_refused(prog, mapops_label(prog, name), EEXIST,
			  "label \"a\\x09b\\\\c\\x7f\" is already bound");
	free(dump);
}
END_TEST

START_TEST(tag_error_escapes_tag)
{
	char tag[300];

	memset(tag, 'x', sizeof(tag));
	tag[0] = '\x1b';
	tag[299] = '\0';
	ck_assert_refused(prog, mapops_prog_set_tag(prog, tag), ENAMETOOLONG,
			  "tag \"\\x1bxxx");
	ck_assert_ptr_null(strchr(mapops_prog_error(prog), '\x1b'));
}
END_TEST

/* ---- Dumping into a stream that fails -------------------------------------- */

START_TEST(prog_dump_full_stream)
{
	FILE *full = fopen("/dev/full", "w");
	size_t i;

	ck_assert_ptr_nonnull(full);
	for (i = 0; i < 100; i++)
		ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 1), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_refused(prog, mapops_prog_dump(prog, full), EIO,
			  "mapops_prog_dump: writing the dump failed: No space left on device (errno 28)");
	fclose(full);
}
END_TEST

START_TEST(prog_dump_stream_with_error_set)
{
	/* A stream whose error indicator an earlier write set: EIO, with a
	 * true text (not strerror(0), "Success"). */
	FILE *f = fopen("/dev/null", "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(mapops_exit(prog), 0);
	/* Reading from a write-only stream sets its error indicator. */
	ck_assert_int_eq(fgetc(f), EOF);
	ck_assert(ferror(f));
	ck_assert_refused(prog, mapops_prog_dump(prog, f), EIO,
			  "writing the dump failed: ");
	ck_assert_ptr_null(strstr(mapops_prog_error(prog), "Success"));
	fclose(f);
}
END_TEST

static void add(Suite *s, const char *name, const TTest *test)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test);
	suite_add_tcase(s, tc);
}

#define ADD(s, t) add((s), #t, t)

int main(void)
{
	Suite *s = suite_create("emit-limits");

	ADD(s, emit_cnt_past_limit_short_buffer);
	ADD(s, emit_cnt_byte_count_for_slot_count);
	ADD(s, emit_cnt_size_max);
	ADD(s, emit_cnt_exactly_the_rest);
	ADD(s, stx_mem_misaligned_stack);
	ADD(s, st_mem_misaligned_stack);
	ADD(s, ldx_mem_misaligned_stack);
	ADD(s, atomic_op_misaligned_stack);
	ADD(s, label_error_escapes_name);
	ADD(s, label_error_escapes_like_dump);
	ADD(s, tag_error_escapes_tag);
	ADD(s, prog_dump_full_stream);
	ADD(s, prog_dump_stream_with_error_set);
	return tu_run_suite(s);
}
