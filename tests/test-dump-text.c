/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_prog_dump_text(): the dump as a string the program keeps. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* What mapops_prog_dump() writes to a stream. */
static char *dump_to_stream(mapops_prog_t *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(mapops_prog_dump(p, f), 0);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

START_TEST(prog_dump_text_equals_dump)
{
	const char *text;
	char *want;

	ck_assert_int_eq(mapops_label(prog, "start"), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, "counter"), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, 3, -8), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	text = mapops_prog_dump_text(prog);
	ck_assert_ptr_nonnull(text);
	want = dump_to_stream(prog);
	ck_assert_str_eq(text, want);
	ck_assert_ptr_nonnull(strstr(text, "start:\n"));
	ck_assert_ptr_nonnull(strstr(text, "; mapops_map_lookup #1 (\"counter\")"));
	free(want);
}
END_TEST

START_TEST(prog_dump_text_empty_program)
{
	const char *text = mapops_prog_dump_text(prog);

	ck_assert_ptr_nonnull(text);
	ck_assert_str_eq(text, "");
}
END_TEST

START_TEST(prog_dump_text_null_prog)
{
	errno = 0;
	ck_assert_ptr_null(mapops_prog_dump_text(NULL));
	ck_assert_int_eq(errno, EINVAL);
}
END_TEST

/* A failure names this function, changes nothing, and leaves the previous
 * text valid. */
START_TEST(prog_dump_text_unbound_label_keeps_previous_text)
{
	const char *first, *again;
	char *copy;
	size_t len;

	ck_assert_int_eq(mapops_exit(prog), 0);
	first = mapops_prog_dump_text(prog);
	ck_assert_ptr_nonnull(first);
	copy = strdup(first);
	ck_assert_int_eq(mapops_ja(prog, "nowhere"), 0);
	len = mapops_prog_len(prog);
	errno = 0;
	ck_assert_ptr_null(mapops_prog_dump_text(prog));
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_msg(strncmp(mapops_prog_error(prog), "mapops_prog_dump_text: ", 23) == 0,
		      "message: %s", mapops_prog_error(prog));
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog), "nowhere"));
	ck_assert_str_eq(first, copy);
	ck_assert_uint_eq(mapops_prog_len(prog), len);
	/* Bound now: the text is the new program's. */
	ck_assert_int_eq(mapops_label(prog, "nowhere"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	again = mapops_prog_dump_text(prog);
	ck_assert_ptr_nonnull(again);
	ck_assert_ptr_nonnull(strstr(again, "nowhere:\n"));
	free(copy);
}
END_TEST

/* Label names and tags are escaped, as in mapops_prog_dump(). */
START_TEST(prog_dump_text_escapes_caller_text)
{
	const char *text;

	ck_assert_int_eq(mapops_label(prog, "a\x1b[2Jb"), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	text = mapops_prog_dump_text(prog);
	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_null(strchr(text, '\x1b'));
	ck_assert_ptr_nonnull(strstr(text, "a\\x1b[2Jb:"));
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("dump-text"),
			       .setup = setup, .teardown = teardown };

	TU_CASE(&ts, prog_dump_text_equals_dump);
	TU_CASE(&ts, prog_dump_text_empty_program);
	TU_CASE(&ts, prog_dump_text_null_prog);
	TU_CASE(&ts, prog_dump_text_unbound_label_keeps_previous_text);
	TU_CASE(&ts, prog_dump_text_escapes_caller_text);
	return tu_run(&ts);
}
