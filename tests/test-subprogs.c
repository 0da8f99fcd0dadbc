/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Subprograms without the kernel: mapops_prog_allow_v4() and the gotol a
 * far mapops_ja() becomes, mapops_prog_func_info()'s argument refusals and
 * its answer for a program without subprograms, the dump's subprogram
 * lines and BTF names, and resolution refusals leaving the program as it
 * was.
 */
#include <stdio.h>

#include <bpf/bpf.h>

#include "testutil.h"

#define OK(call) ck_assert_msg((call) == 0, "%s: %s", #call, mapops_prog_error(prog))

static mapops_prog_t *prog;

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
}

static void teardown(void)
{
	mapops_prog_free(prog);
	prog = NULL;
}

/* goto far; 40000 slots; far: exit */
static void emit_far_ja(void)
{
	int i;

	OK(mapops_ja(prog, "far"));
	for (i = 0; i < 40000; i++)
		OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_label(prog, "far"));
	OK(mapops_exit(prog));
}

START_TEST(prog_allow_v4_widens_far_ja)
{
	const struct bpf_insn *insns;
	size_t cnt;

	emit_far_ja();
	OK(mapops_prog_allow_v4(prog, 1));
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	ck_assert_uint_eq(insns[0].code, BPF_JMP32 | BPF_JA);
	ck_assert_int_eq(insns[0].imm, 40000);
	ck_assert_int_eq(insns[0].off, 0);
}
END_TEST

START_TEST(prog_allow_v4_off_refuses_far_ja)
{
	size_t cnt;

	emit_far_ja();
	OK(mapops_prog_allow_v4(prog, 1));
	ck_assert_ptr_nonnull(mapops_prog_insns(prog, &cnt));
	OK(mapops_prog_allow_v4(prog, 0));
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_int_eq(errno, ERANGE);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog),
				     "(mapops_gotol(), or mapops_prog_allow_v4(), reaches it)"));
}
END_TEST

/* A near ja stays a 16-bit ja, also after it was once widened. */
START_TEST(prog_allow_v4_near_ja_stays_short)
{
	const struct bpf_insn want[] = {
		I(BPF_JMP | BPF_JA, 0, 0, 0, 0), I(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
	};

	OK(mapops_prog_allow_v4(prog, 1));
	OK(mapops_ja(prog, "x"));
	OK(mapops_label(prog, "x"));
	OK(mapops_exit(prog));
	ck_assert_prog(prog, want);
}
END_TEST

START_TEST(prog_allow_v4_refuses_2)
{
	int rc = mapops_prog_allow_v4(prog, 2);

	ck_assert_refused(prog, rc, EINVAL, "mapops_prog_allow_v4: allow 2 is not 0 or 1");
}
END_TEST

START_TEST(prog_func_info_refuses_null_opts)
{
	int rc = mapops_prog_func_info(prog, NULL);

	ck_assert_refused(prog, rc, EINVAL, "mapops_prog_func_info: opts is NULL");
}
END_TEST

START_TEST(prog_func_info_refuses_small_sz)
{
	struct bpf_prog_load_opts lo = { .sz = offsetof(struct bpf_prog_load_opts, func_info) };
	int rc = mapops_prog_func_info(prog, &lo);

	ck_assert_refused(prog, rc, EINVAL, "is too small to hold func_info_rec_size");
}
END_TEST

/* No subprograms: nothing loaded (no kernel needed), fields zeroed. */
START_TEST(prog_func_info_without_subprograms)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo, .prog_btf_fd = 99, .func_info_cnt = 3);

	OK(mapops_exit(prog));
	OK(mapops_prog_func_info(prog, &lo));
	ck_assert_uint_eq(lo.prog_btf_fd, 0);
	ck_assert_ptr_null(lo.func_info);
	ck_assert_uint_eq(lo.func_info_cnt, 0);
	ck_assert_uint_eq(lo.func_info_rec_size, 0);
}
END_TEST

/* The dump: "; func#N NAME" before each subprogram, NAME the label made a
 * unique C identifier; the label line keeps the original text. */
START_TEST(prog_dump_names_subprograms)
{
	const char *text;

	OK(mapops_call(prog, "parse-ipv4"));
	OK(mapops_call(prog, "parse.ipv4"));
	OK(mapops_ld_func(prog, BPF_REG_2, "9lives"));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "parse-ipv4"));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "parse.ipv4"));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "9lives"));
	OK(mapops_exit(prog));
	text = mapops_prog_dump_text(prog);
	ck_assert_msg(text != NULL, "%s", mapops_prog_error(prog));
	ck_assert_str_eq(text,
			 "   ; func#0 main\n"
			 "   ; mapops_call #1\n"
			 "   0: call pc+4\n"
			 "   ; mapops_call #2\n"
			 "   1: call pc+4\n"
			 "   ; mapops_ld_func #1\n"
			 "   2: r2 = 0x4\n"
			 "   ; mapops_exit #1\n"
			 "   4: exit\n"
			 "   ; func#1 parse_ipv4\n"
			 "parse-ipv4:\n"
			 "   ; mapops_exit #2\n"
			 "   5: exit\n"
			 "   ; func#2 parse_ipv4_2\n"
			 "parse.ipv4:\n"
			 "   ; mapops_exit #3\n"
			 "   6: exit\n"
			 "   ; func#3 _9lives\n"
			 "9lives:\n"
			 "   ; mapops_exit #4\n"
			 "   7: exit\n");
}
END_TEST

/* A jump from the main program to a label inside a subprogram. */
START_TEST(resolve_refuses_jump_across_subprograms)
{
	size_t cnt;

	OK(mapops_call(prog, "f"));
	OK(mapops_ja(prog, "g"));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "f"));
	OK(mapops_label(prog, "g"));
	OK(mapops_exit(prog));
	ck_assert_ptr_null(mapops_prog_insns(prog, &cnt));
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog),
				     "mapops_prog_insns: the jump at slot 1 in the main program goes to label \"g\" (slot 3) in subprogram \"f\""));
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("subprogs"),
			       .setup = setup, .teardown = teardown };

	TU_CASE(&ts, prog_allow_v4_widens_far_ja);
	TU_CASE(&ts, prog_allow_v4_off_refuses_far_ja);
	TU_CASE(&ts, prog_allow_v4_near_ja_stays_short);
	TU_CASE(&ts, prog_allow_v4_refuses_2);
	TU_CASE(&ts, prog_func_info_refuses_null_opts);
	TU_CASE(&ts, prog_func_info_refuses_small_sz);
	TU_CASE(&ts, prog_func_info_without_subprograms);
	TU_CASE(&ts, prog_dump_names_subprograms);
	TU_CASE(&ts, resolve_refuses_jump_across_subprograms);
	return tu_run(&ts);
}
