/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* mapops_prog_load(): loading, options, and the verifier log on refusal. */
#include <stdlib.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "testutil.h"

static mapops_prog_t *prog;
static int map_fd;

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
	map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 16);
}

static void teardown(void)
{
	mapops_prog_free(prog);
	close(map_fd);
}

/* r0 = 7; exit */
static void build_valid(void)
{
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 7), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
}

/* A lookup whose result is dereferenced without a NULL check. */
static void build_unchecked_deref(void)
{
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, BPF_REG_10, -4, 1), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, map_fd, -4), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
}

START_TEST(load_loads_and_runs)
{
	MAPOPS_LOAD_OPTS(opts, .prog_name = "seven");
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	int fd;

	build_valid();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &opts);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(prog));
	ck_assert_uint_eq(tu_prog_run(fd, 3, NULL, 0), 7);
	memset(&info, 0, sizeof(info));
	ck_assert_int_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	ck_assert_str_eq(info.name, "seven");
	close(fd);
	/* NULL opts: defaults. */
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(prog));
	close(fd);
}
END_TEST

START_TEST(load_refusal_keeps_the_log)
{
	const char *msg;
	size_t len;
	int rc;

	build_unchecked_deref();
	len = mapops_prog_len(prog);
	errno = 0;
	rc = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_int_eq(rc, -EACCES);
	ck_assert_int_eq(errno, EACCES);
	msg = mapops_prog_error(prog);
	ck_assert_msg(strstr(msg, "mapops_prog_load: the kernel refused the program") != NULL, "%s", msg);
	ck_assert_msg(strstr(msg, "invalid mem access 'map_value_or_null'") != NULL,
		      "no verifier log in: %s", msg);
	ck_assert_uint_eq(mapops_prog_len(prog), len);
}
END_TEST

START_TEST(load_refusal_into_callers_buffer)
{
	static char log[1 << 16];
	MAPOPS_LOAD_OPTS(opts, .log_buf = log, .log_size = sizeof(log));
	int rc;

	build_unchecked_deref();
	rc = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &opts);
	ck_assert_int_eq(rc, -EACCES);
	ck_assert_msg(strstr(log, "map_value_or_null") != NULL, "log: %s", log);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog), "map_value_or_null"));
}
END_TEST

START_TEST(load_refuses_type_unspec)
{
	build_valid();
	errno = 0;
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_UNSPEC, NULL),
			  EINVAL, "type BPF_PROG_TYPE_UNSPEC is not a program type");
}
END_TEST

START_TEST(load_opts_larger_struct_nonzero_tail_refused)
{
	struct {
		struct mapops_load_opts opts;
		__u64 future;
	} big;

	build_valid();
	memset(&big, 0, sizeof(big));
	big.opts.sz = sizeof(big);
	big.future = 1;
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &big.opts),
			  EINVAL, "an option this library does not know");
}
END_TEST

START_TEST(load_opts_larger_struct_zero_tail_accepted)
{
	struct {
		struct mapops_load_opts opts;
		__u64 future;
	} big;
	int fd;

	build_valid();
	memset(&big, 0, sizeof(big));
	big.opts.sz = sizeof(big);
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &big.opts);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(prog));
	close(fd);
}
END_TEST

START_TEST(load_opts_log_level_without_buffer_refused)
{
	MAPOPS_LOAD_OPTS(leveled, .log_level = 2);

	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &leveled),
			  EINVAL, "opts->log_level is 2 but log_buf is NULL");
}
END_TEST

START_TEST(load_opts_sz_too_small_refused)
{
	struct mapops_load_opts tiny;

	build_valid();
	memset(&tiny, 0, sizeof(tiny));
	tiny.sz = 4;
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &tiny),
			  EINVAL, "opts->sz 4");
}
END_TEST

/* An older caller's smaller struct: fields past its sz are ignored. */
START_TEST(load_opts_older_smaller_struct_accepted)
{
	struct mapops_load_opts tiny;
	int fd;

	build_valid();
	memset(&tiny, 0xff, sizeof(tiny));
	tiny.sz = sizeof(size_t);
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &tiny);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(prog));
	close(fd);
}
END_TEST

START_TEST(load_refuses_null_prog)
{
	ck_assert_int_eq(mapops_prog_load(NULL, BPF_PROG_TYPE_XDP, NULL), -EINVAL);
}
END_TEST

START_TEST(load_refusal_names_the_origin)
{
	const char *msg;

	/* A NULL-check forgotten after a tagged lookup: the bad slot is the
	 * caller's load, and the message says so. */
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, BPF_REG_10, -4, 1), 0);
	ck_assert_int_eq(mapops_map_increment(prog, map_fd, -4, -16, 1), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, "ingress counter"), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, map_fd, -4), 0);
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL),
			 -EACCES);
	msg = mapops_prog_error(prog);
	ck_assert_msg(strstr(msg, "\ninsn 25: emitted by mapops_ldx_mem #1 (\"ingress counter\")") != NULL,
		      "%s", msg);
	ck_assert_str_eq(msg + strlen(msg) - strlen("(\"ingress counter\")"),
			 "(\"ingress counter\")");
}
END_TEST

START_TEST(load_refusal_inside_a_map_operation)
{
	const char *msg;
	int rc;

	/* The second increment's map is "the map in r6", and r6 holds a
	 * number, not a map: the library cannot know (a key past the frame,
	 * the 1.0 way to provoke this, is now refused at the call since the
	 * library asks the kernel about the map), the verifier stops inside
	 * that helper's sequence, and the message names the call, not just a
	 * slot number. */
	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, BPF_REG_10, -4, 1), 0);
	ck_assert_int_eq(mapops_map_increment(prog, map_fd, -4, -16, 1), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 0), 0);
	ck_assert_int_eq(mapops_prog_set_tag(prog, "egress"), 0);
	ck_assert_int_eq(mapops_map_increment(prog, mapops_map_reg(BPF_REG_6), -4,
					      -16, 1), 0);
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
	rc = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_msg(rc == -EACCES || rc == -EINVAL, "rc %d", rc);
	msg = mapops_prog_error(prog);
	ck_assert_msg(strstr(msg, ": emitted by mapops_map_increment #2 (\"egress\")") != NULL,
		      "%s", msg);
}
END_TEST

START_TEST(load_unresolved_label)
{
	ck_assert_int_eq(mapops_ja(prog, "missing"), 0);
	build_valid();
	errno = 0;
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_XDP, NULL), -ENOENT);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(prog), "\"missing\" is never bound"));
}
END_TEST

START_TEST(load_prog_name_invalid_byte)
{
	MAPOPS_LOAD_OPTS(o, .prog_name = "bad name!");

	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &o),
			  EINVAL, "opts->prog_name \"bad name!\": byte 3 (0x20) is not an ASCII letter, digit, '_' or '.'");
}
END_TEST

START_TEST(load_prog_name_non_ascii_escaped)
{
	MAPOPS_LOAD_OPTS(o, .prog_name = "caf\xc3\xa9\x1b[2J");

	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &o),
			  EINVAL, "opts->prog_name \"caf\xc3\xa9\\x1b[2J\": byte 3 (0xc3)");
}
END_TEST

START_TEST(load_prog_name_too_long)
{
	MAPOPS_LOAD_OPTS(o, .prog_name = "a_name_of_thirty_one_characters");

	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &o),
			  ENAMETOOLONG, "opts->prog_name \"a_name_of_thirty_one_characters\" is longer than the kernel's 15 bytes");
}
END_TEST

START_TEST(load_prog_name_fifteen_bytes_loads)
{
	MAPOPS_LOAD_OPTS(o, .prog_name = "fifteen_bytes.x");
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	int fd;

	build_valid();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &o);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(prog));
	memset(&info, 0, sizeof(info));
	ck_assert_int_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	ck_assert_str_eq(info.name, "fifteen_bytes.x");
	close(fd);
}
END_TEST

START_TEST(load_unknown_type_names_type)
{
	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, (enum bpf_prog_type)9999, NULL),
			  EINVAL, "type 9999 is not a program type");
}
END_TEST

START_TEST(load_unknown_flags_names_prog_flags)
{
	MAPOPS_LOAD_OPTS(o, .prog_flags = 0x80000000);

	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &o),
			  EINVAL, "opts->prog_flags 0x80000000 has bits");
}
END_TEST

START_TEST(load_empty_program_says_empty)
{
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, NULL),
			  E2BIG, "the program is empty (0 slots)");
}
END_TEST

START_TEST(load_opts_sz_past_a_page)
{
	MAPOPS_LOAD_OPTS(o, .license = "GPL");

	o.sz = 1u << 20;
	build_valid();
	ck_assert_refused(prog, mapops_prog_load(prog, BPF_PROG_TYPE_XDP, &o),
			  EINVAL, "opts->sz 1048576 is larger than a page");
}
END_TEST

START_TEST(load_refusal_escapes_tag_in_origin)
{
	const char *msg;

	ck_assert_int_eq(mapops_prog_set_tag(prog, "\x1b[2J\x1b[Hforged: all ok\n"), 0);
	build_unchecked_deref();
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL),
			 -EACCES);
	msg = mapops_prog_error(prog);
	ck_assert_ptr_null(strchr(msg, '\x1b'));
	ck_assert_msg(strstr(msg, "emitted by mapops_ldx_mem #1 (\"\\x1b[2J\\x1b[Hforged: all ok\\x0a\")") != NULL,
		      "%s", msg);
}
END_TEST

START_TEST(load_unbound_label_escaped)
{
	const char *msg;

	ck_assert_int_eq(mapops_ja(prog, "\x1b[2J\x1b[Hforged: all ok\n\\"), 0);
	build_valid();
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_XDP, NULL), -ENOENT);
	msg = mapops_prog_error(prog);
	ck_assert_ptr_null(strchr(msg, '\x1b'));
	ck_assert_ptr_null(strchr(msg, '\n'));
	ck_assert_msg(strstr(msg, "label \"\\x1b[2J\\x1b[Hforged: all ok\\x0a\\\\\" is never bound") != NULL,
		      "%s", msg);
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

static Suite *load_suite(void)
{
	Suite *s = suite_create("load");

	ADD(s, load_loads_and_runs);
	ADD(s, load_refusal_keeps_the_log);
	ADD(s, load_refusal_into_callers_buffer);
	ADD(s, load_refuses_type_unspec);
	ADD(s, load_opts_larger_struct_nonzero_tail_refused);
	ADD(s, load_opts_larger_struct_zero_tail_accepted);
	ADD(s, load_opts_log_level_without_buffer_refused);
	ADD(s, load_opts_sz_too_small_refused);
	ADD(s, load_opts_older_smaller_struct_accepted);
	ADD(s, load_refuses_null_prog);
	ADD(s, load_refusal_names_the_origin);
	ADD(s, load_refusal_inside_a_map_operation);
	ADD(s, load_unresolved_label);
	ADD(s, load_prog_name_invalid_byte);
	ADD(s, load_prog_name_non_ascii_escaped);
	ADD(s, load_prog_name_too_long);
	ADD(s, load_prog_name_fifteen_bytes_loads);
	ADD(s, load_unknown_type_names_type);
	ADD(s, load_unknown_flags_names_prog_flags);
	ADD(s, load_empty_program_says_empty);
	ADD(s, load_opts_sz_past_a_page);
	ADD(s, load_refusal_escapes_tag_in_origin);
	ADD(s, load_unbound_label_escaped);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(load_suite());
}
