/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Provenance: every slot names the call (and tag) that emitted it. */
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

static void expect_origin(size_t slot, const char *call, unsigned index,
			  const char *tag)
{
	const char *c = NULL, *t = (const char *)1;
	unsigned i = 0;

	ck_assert_int_eq(mapops_prog_insn_origin(prog, slot, &c, &i, &t), 0);
	ck_assert_msg(strcmp(c, call) == 0, "slot %zu: %s, expected %s", slot, c, call);
	ck_assert_msg(i == index, "slot %zu: #%u, expected #%u", slot, i, index);
	if (tag)
		ck_assert_msg(t && strcmp(t, tag) == 0, "slot %zu: tag %s, expected %s",
			      slot, t ? t : "(none)", tag);
	else
		ck_assert_msg(t == NULL, "slot %zu: tag %s, expected none", slot, t);
}

START_TEST(prog_insn_origin_calls_and_indices)
{
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, 10, -4, 1), 0);         /* 0 */
	ck_assert_int_eq(mapops_map_increment(prog, 3, -4, -16, 1), 0);     /* 1..19 */
	ck_assert_int_eq(mapops_map_increment(prog, 3, -4, -16, 1), 0);     /* 20..38 */
	ck_assert_int_eq(mapops_ja(prog, "out"), 0);                         /* 39 */
	ck_assert_int_eq(mapops_label(prog, "out"), 0);
	ck_assert_int_eq(mapops_ld_imm64(prog, 1, 5), 0);                    /* 40, 41 */
	ck_assert_int_eq(mapops_exit(prog), 0);                              /* 42 */
	expect_origin(0, "mapops_st_mem", 1, NULL);
	expect_origin(1, "mapops_map_increment", 1, NULL);
	expect_origin(19, "mapops_map_increment", 1, NULL);
	expect_origin(20, "mapops_map_increment", 2, NULL);
	expect_origin(38, "mapops_map_increment", 2, NULL);
	expect_origin(39, "mapops_ja", 1, NULL);
	expect_origin(40, "mapops_ld_imm64", 1, NULL);
	expect_origin(41, "mapops_ld_imm64", 1, NULL);
	expect_origin(42, "mapops_exit", 1, NULL);
}
END_TEST

START_TEST(prog_insn_origin_skips_failed_calls)
{
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, 3, 0), -EINVAL);
	ck_assert_int_eq(mapops_map_lookup(prog, 3, -4), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	expect_origin(1, "mapops_map_lookup", 1, NULL);
	expect_origin(6, "mapops_exit", 2, NULL);
}
END_TEST

START_TEST(prog_set_tag_applies_to_later_slots)
{
	const struct bpf_insn raw[2] = { I(0xb7, 0, 0, 0, 0), I(0x95, 0, 0, 0, 0) };

	ck_assert_int_eq(mapops_prog_set_tag(prog, "ingress counter"), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, 3, -4), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, "raw tail"), 0);
	ck_assert_int_eq(mapops_emit(prog, raw, 2), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, NULL), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	expect_origin(0, "mapops_map_lookup", 1, "ingress counter");
	expect_origin(4, "mapops_map_lookup", 1, "ingress counter");
	expect_origin(5, "mapops_emit", 1, "raw tail");
	expect_origin(6, "mapops_emit", 1, "raw tail");
	expect_origin(7, "mapops_exit", 1, NULL);
}
END_TEST

START_TEST(prog_set_tag_with_own_tag)
{
	/* Re-applying a slot's tag, which the program owns, while the tag
	 * arena grows (the fuzzer found this reading freed memory). */
	const char *t = NULL;
	int i;

	ck_assert_int_eq(mapops_prog_set_tag(prog, "abcdefghij"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	for (i = 0; i < 8; i++) {
		ck_assert_int_eq(mapops_prog_insn_origin(prog, 0, NULL, NULL, &t), 0);
		ck_assert_int_eq(mapops_prog_set_tag(prog, t), 0);
		ck_assert_int_eq(mapops_exit(prog), 0);
	}
	expect_origin(8, "mapops_exit", 9, "abcdefghij");
}
END_TEST

START_TEST(prog_insn_origin_refuses_slot_past_end)
{
	const char *c = "untouched";
	unsigned i = 7;

	ck_assert_int_eq(mapops_exit(prog), 0);
	errno = 0;
	ck_assert_int_eq(mapops_prog_insn_origin(prog, 1, &c, &i, NULL), -ERANGE);
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_str_eq(c, "untouched");
	ck_assert_uint_eq(i, 7);
}
END_TEST

START_TEST(prog_insn_origin_refuses_null_prog)
{
	const char *c = "untouched";
	unsigned i = 7;

	ck_assert_int_eq(mapops_prog_insn_origin(NULL, 0, &c, &i, NULL), -EINVAL);
}
END_TEST

START_TEST(prog_insn_origin_accepts_null_outputs)
{
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_int_eq(mapops_prog_insn_origin(prog, 0, NULL, NULL, NULL), 0);
}
END_TEST

START_TEST(prog_set_tag_refuses_tag_too_long)
{
	char longtag[MAPOPS_TAG_MAX + 2];

	ck_assert_int_eq(mapops_exit(prog), 0);
	memset(longtag, 't', sizeof(longtag));
	longtag[sizeof(longtag) - 1] = '\0';
	errno = 0;
	ck_assert_refused(prog, mapops_prog_set_tag(prog, longtag), ENAMETOOLONG,
			  "mapops_prog_set_tag: tag");
	/* The refused tag does not apply to what follows. */
	ck_assert_int_eq(mapops_exit(prog), 0);
	expect_origin(1, "mapops_exit", 2, NULL);
}
END_TEST

START_TEST(prog_set_tag_refuses_null_prog)
{
	ck_assert_int_eq(mapops_prog_set_tag(NULL, "x"), -EINVAL);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("origin"), .setup = setup,
			       .teardown = teardown };

	TU_CASE(&ts, prog_insn_origin_calls_and_indices);
	TU_CASE(&ts, prog_insn_origin_skips_failed_calls);
	TU_CASE(&ts, prog_set_tag_applies_to_later_slots);
	TU_CASE(&ts, prog_set_tag_with_own_tag);
	TU_CASE(&ts, prog_insn_origin_refuses_slot_past_end);
	TU_CASE(&ts, prog_insn_origin_refuses_null_prog);
	TU_CASE(&ts, prog_insn_origin_accepts_null_outputs);
	TU_CASE(&ts, prog_set_tag_refuses_tag_too_long);
	TU_CASE(&ts, prog_set_tag_refuses_null_prog);
	return tu_run(&ts);
}
