/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Map operands without a kernel: mapops_map_reg's values and refusals, and
 * named maps (mapops_map_ref, mapops_prog_bind_map) with fake fds: exact
 * bytes after binding and rebinding, the ENOENT of an unbound name at
 * resolution, and the refusals.  (Checks against real maps are in
 * tests/test-kernel-mapref.c.)
 */
#include "testutil.h"

#define FD_A 7
#define FD_B 9

static mapops_prog_t *new_prog(void)
{
	mapops_prog_t *p = mapops_prog_new();

	ck_assert_ptr_nonnull(p);
	return p;
}

START_TEST(map_reg_values)
{
	int r;

	for (r = BPF_REG_0; r <= BPF_REG_9; r++)
		ck_assert_int_eq(mapops_map_reg(r), -0x70000000 + r);
}
END_TEST

START_TEST(map_reg_refuses_r10_and_negative)
{
	errno = 0;
	ck_assert_int_eq(mapops_map_reg(BPF_REG_10), -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(mapops_map_reg(-1), -EINVAL);
	ck_assert_int_eq(mapops_map_reg(11), -EINVAL);
}
END_TEST

START_TEST(map_ref_same_name_same_operand)
{
	mapops_prog_t *p = new_prog();
	int a = mapops_map_ref(p, "counters"), b = mapops_map_ref(p, "events");

	ck_assert_int_lt(a, -4095);
	ck_assert_int_lt(b, -4095);
	ck_assert_int_ne(a, b);
	ck_assert_int_eq(mapops_map_ref(p, "counters"), a);
	ck_assert_uint_eq(mapops_prog_len(p), 0);
	mapops_prog_free(p);
}
END_TEST

START_TEST(map_ref_name_refusals)
{
	mapops_prog_t *p = new_prog();
	char longname[MAPOPS_LABEL_MAX + 2];

	memset(longname, 'm', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	ck_assert_refused(p, mapops_map_ref(p, NULL), EINVAL, "name is NULL");
	ck_assert_refused(p, mapops_map_ref(p, ""), EINVAL, "name is empty");
	ck_assert_refused(p, mapops_map_ref(p, longname), ENAMETOOLONG,
			  "longer than MAPOPS_LABEL_MAX");
	ck_assert_int_eq(mapops_map_ref(NULL, "x"), -EINVAL);
	longname[MAPOPS_LABEL_MAX] = '\0';
	ck_assert_int_lt(mapops_map_ref(p, longname), -4095);
	mapops_prog_free(p);
}
END_TEST

/* The loads of a named map are an fd's, filled from the binding at each
 * resolution: bind, resolve, rebind, resolve. */
START_TEST(map_ref_lookup_bind_rebind)
{
	mapops_prog_t *p = new_prog();
	int m = mapops_map_ref(p, "counters");
	struct bpf_insn a[] = {
		I(BPF_LD | BPF_IMM | BPF_DW, 1, BPF_PSEUDO_MAP_FD, 0, FD_A),
		I(0, 0, 0, 0, 0),
		I(BPF_ALU64 | BPF_MOV | BPF_X, 2, 10, 0, 0),
		I(BPF_ALU64 | BPF_ADD | BPF_K, 2, 0, 0, -4),
		I(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem),
	};

	ck_assert_int_eq(mapops_map_lookup(p, m, -4), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "counters", FD_A), 0);
	ck_assert_prog(p, a);
	ck_assert_int_eq(mapops_prog_bind_map(p, "counters", FD_B), 0);
	a[0].imm = FD_B;
	ck_assert_prog(p, a);
	mapops_prog_free(p);
}
END_TEST

/* Bound before the use, the same bytes. */
START_TEST(map_ref_bound_before_use)
{
	mapops_prog_t *p = new_prog();
	const struct bpf_insn want[] = {
		I(BPF_LD | BPF_IMM | BPF_DW, 3, BPF_PSEUDO_MAP_FD, 0, FD_A),
		I(0, 0, 0, 0, 0),
	};

	ck_assert_int_eq(mapops_prog_bind_map(p, "m", FD_A), 0);
	ck_assert_int_eq(mapops_ld_map_fd(p, 3, mapops_map_ref(p, "m")), 0);
	ck_assert_prog(p, want);
	mapops_prog_free(p);
}
END_TEST

/* Every load of a three-load sequence is filled; a direct value load keeps
 * its offset. */
START_TEST(map_ref_every_load_filled)
{
	mapops_prog_t *p = new_prog();
	const struct bpf_insn *in;
	size_t n, i, loads = 0;

	ck_assert_int_eq(mapops_map_increment_atomic(p, mapops_map_ref(p, "c"),
						     -4, -16, 1), 0);
	ck_assert_int_eq(mapops_ld_map_value(p, 1, mapops_map_ref(p, "v"), 24), 0);
	ck_assert_int_eq(mapops_tail_call(p, 6, mapops_map_ref(p, "t"), 1), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "c", FD_A), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "v", FD_B), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "t", 11), 0);
	in = mapops_prog_insns(p, &n);
	ck_assert_ptr_nonnull(in);
	for (i = 0; i < n; i++) {
		if (in[i].code != (BPF_LD | BPF_IMM | BPF_DW))
			continue;
		loads++;
		if (in[i].src_reg == BPF_PSEUDO_MAP_VALUE) {
			ck_assert_int_eq(in[i].imm, FD_B);
			ck_assert_int_eq(in[i + 1].imm, 24);
		} else {
			ck_assert_int_eq(in[i].src_reg, BPF_PSEUDO_MAP_FD);
			ck_assert_int_eq(in[i].imm, in[i].dst_reg == 2 ? 11 : FD_A);
		}
		i++;
	}
	ck_assert_uint_eq(loads, 5);
	mapops_prog_free(p);
}
END_TEST

/* Unbound: ENOENT at resolution naming the map and the first call. */
START_TEST(map_ref_unbound_enoent)
{
	mapops_prog_t *p = new_prog();
	size_t n;

	ck_assert_int_eq(mapops_exit(p), 0);
	ck_assert_int_eq(mapops_map_lookup(p, mapops_map_ref(p, "bound"), -4), 0);
	ck_assert_int_eq(mapops_map_update(p, mapops_map_ref(p, "never\n"), -4,
					   -8, BPF_ANY), 0);
	ck_assert_int_eq(mapops_map_delete(p, mapops_map_ref(p, "never\n"), -4), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "bound", FD_A), 0);
	errno = 0;
	ck_assert_ptr_null(mapops_prog_insns(p, &n));
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_str_eq(mapops_prog_error(p),
			 "mapops_prog_insns: map \"never\\x0a\" is never bound (mapops_prog_bind_map); mapops_map_update #1 at slot 6 uses it");
	/* Nothing changed: binding it makes the program resolve. */
	ck_assert_int_eq(mapops_prog_bind_map(p, "never\n", FD_B), 0);
	ck_assert_ptr_nonnull(mapops_prog_insns(p, &n));
	ck_assert_uint_eq(n, 1 + 5 + 8 + 5);
	mapops_prog_free(p);
}
END_TEST

/* An operand of another program, and bind refusals. */
START_TEST(map_ref_refusals)
{
	mapops_prog_t *p = new_prog(), *q = new_prog();
	int m = mapops_map_ref(q, "other");
	struct tu_snapshot snap;

	ck_assert_int_eq(mapops_exit(p), 0);
	tu_snapshot_take(&snap, p);
	ck_assert_refused(p, mapops_map_lookup(p, m, -4), EINVAL,
			  "is not a mapops_map_ref() operand of this program");
	ck_assert_refused(p, mapops_prog_bind_map(p, "x", -1), EBADF,
			  "map_fd -1 is not a file descriptor");
	ck_assert_refused(p, mapops_prog_bind_map(p, "x", mapops_map_reg(6)),
			  EBADF, "a name binds to a map's fd");
	ck_assert_refused(p, mapops_prog_bind_map(p, NULL, 3), EINVAL,
			  "name is NULL");
	ck_assert_refused(p, mapops_prog_bind_map(p, "", 3), EINVAL,
			  "name is empty");
	ck_assert_int_eq(mapops_prog_bind_map(NULL, "x", 3), -EINVAL);
	ck_assert_unchanged(&snap, p);
	mapops_prog_free(p);
	mapops_prog_free(q);
}
END_TEST

/* The dump names the map of each named load, with the fd bound at the
 * time; a direct value keeps its offset; an fd operand prints as before.
 * mapops_insn_snprint() of the same slot keeps the kernel's syntax. */
START_TEST(map_ref_dump_names_map)
{
	mapops_prog_t *p = new_prog();
	const struct bpf_insn *in;
	const char *text;
	char buf[64];
	size_t n;

	ck_assert_int_eq(mapops_ld_map_fd(p, 1, mapops_map_ref(p, "counters")), 0);
	ck_assert_int_eq(mapops_ld_map_value(p, 3, mapops_map_ref(p, "stats"), 24), 0);
	ck_assert_int_eq(mapops_ld_map_fd(p, 4, FD_B), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "counters", FD_A), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "stats", 11), 0);
	text = mapops_prog_dump_text(p);
	ck_assert_ptr_nonnull(text);
	ck_assert_str_eq(text,
			 "   ; mapops_ld_map_fd #1\n"
			 "   0: r1 = map \"counters\" (map_fd#7)\n"
			 "   ; mapops_ld_map_value #1\n"
			 "   2: r3 = map_value(\"stats\")+24 (map_fd#11)\n"
			 "   ; mapops_ld_map_fd #2\n"
			 "   4: r4 = map_fd#9\n");
	/* Rebinding changes the fd shown. */
	ck_assert_int_eq(mapops_prog_bind_map(p, "counters", 12), 0);
	text = mapops_prog_dump_text(p);
	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_nonnull(strstr(text, "   0: r1 = map \"counters\" (map_fd#12)\n"));
	in = mapops_prog_insns(p, &n);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(mapops_insn_snprint(buf, sizeof(buf), in, n, 0), 14);
	ck_assert_str_eq(buf, "r1 = map_fd#12");
	ck_assert_int_gt(mapops_insn_snprint(buf, sizeof(buf), in, n, 2), 0);
	ck_assert_str_eq(buf, "r3 = map_value(map_fd#11)+24");
	mapops_prog_free(p);
}
END_TEST

/* A name with control bytes, a backslash and quotes is escaped in the
 * dump as in messages; every load of a sequence is named. */
START_TEST(map_ref_dump_escapes_name)
{
	mapops_prog_t *p = new_prog();
	const char *text, *at;
	int loads = 0;

	ck_assert_int_eq(mapops_map_increment_atomic(p, mapops_map_ref(p, "a\"b\\c\n"),
						     -4, -16, 1), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "a\"b\\c\n", FD_A), 0);
	text = mapops_prog_dump_text(p);
	ck_assert_ptr_nonnull(text);
	for (at = text; (at = strstr(at, "r1 = map \"a\\\"b\\\\c\\x0a\" (map_fd#7)\n")); at++)
		loads++;
	ck_assert_int_eq(loads, 3); /* three lookups and updates */
	ck_assert_ptr_null(strstr(text, "= map_fd#"));
	mapops_prog_free(p);
}
END_TEST

/* An unbound name: the dump fails as resolution does (ENOENT). */
START_TEST(map_ref_dump_unbound_enoent)
{
	mapops_prog_t *p = new_prog();

	ck_assert_int_eq(mapops_ld_map_fd(p, 1, mapops_map_ref(p, "late")), 0);
	errno = 0;
	ck_assert_ptr_null(mapops_prog_dump_text(p));
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(p), "map \"late\" is never bound"));
	mapops_prog_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("mapref");
	TCase *tc;

#define TC(fn)                                                              \
	tc = tcase_create(#fn);                                             \
	tcase_add_test(tc, fn);                                             \
	suite_add_tcase(s, tc)
	TC(map_reg_values);
	TC(map_reg_refuses_r10_and_negative);
	TC(map_ref_same_name_same_operand);
	TC(map_ref_name_refusals);
	TC(map_ref_lookup_bind_rebind);
	TC(map_ref_bound_before_use);
	TC(map_ref_every_load_filled);
	TC(map_ref_unbound_enoent);
	TC(map_ref_refusals);
	TC(map_ref_dump_names_map);
	TC(map_ref_dump_escapes_name);
	TC(map_ref_dump_unbound_enoent);
	return tu_run_suite(s);
}
