/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Named maps (mapops_map_ref, mapops_prog_bind_map) in the running kernel:
 * one program, built once, loaded against two map sets, each counting into
 * its own maps; checks against real maps at the call (name bound first) and
 * at binding (calls made first); an unbound name at load time.
 */
#include <stdio.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "kernel11.h"

struct set {
	int counters, totals, events;
};

static void set_make(struct set *s)
{
	s->counters = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 4);
	s->totals = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1);
	s->events = tu_map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 16);
}

static void set_free(struct set *s)
{
	close(s->counters);
	close(s->totals);
	close(s->events);
}

static void bind(mapops_prog_t *p, const struct set *s)
{
	OK(p, mapops_prog_bind_map(p, "counters", s->counters));
	OK(p, mapops_prog_bind_map(p, "totals", s->totals));
	OK(p, mapops_prog_bind_map(p, "events", s->events));
}

static void run_n(mapops_prog_t *p, int n)
{
	int fd = tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS), i;

	for (i = 0; i < n; i++)
		ck_assert_int_eq(tu_prog_run(fd, 0, NULL, 0), 0);
	close(fd);
}

static void check(const struct set *s, __u64 n)
{
	__u32 k = 1, z = 0;
	__u64 v = 0;
	unsigned i;

	ck_assert_int_eq(bpf_map_lookup_elem(s->counters, &k, &v), 0);
	ck_assert_uint_eq(v, n);
	ck_assert_int_eq(bpf_map_lookup_elem(s->totals, &z, &v), 0);
	ck_assert_uint_eq(v, 10 * n);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(bpf_map_lookup_and_delete_elem(s->events, NULL, &v), 0);
		ck_assert_uint_eq(v, 0xE7);
	}
	ck_assert_int_ne(bpf_map_lookup_and_delete_elem(s->events, NULL, &v), 0);
}

START_TEST(map_ref_two_map_sets)
{
	mapops_prog_t *p = k11_new();
	struct set a, b;

	set_make(&a);
	set_make(&b);
	/* Built before any binding. */
	OK(p, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, 1));
	OK(p, mapops_map_increment(p, mapops_map_ref(p, "counters"), -4, -16, 1));
	OK(p, mapops_ld_map_value(p, BPF_REG_1, mapops_map_ref(p, "totals"), 0));
	OK(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_2, 10));
	OK(p, mapops_atomic_op(p, BPF_DW, BPF_ADD, BPF_REG_1, BPF_REG_2, 0));
	OK(p, mapops_st_mem(p, BPF_DW, BPF_REG_10, -24, 0xE7));
	OK(p, mapops_map_push(p, mapops_map_ref(p, "events"), -24, BPF_ANY));
	k11_put_return(p, 0);
	bind(p, &a);
	run_n(p, 3);
	bind(p, &b);
	run_n(p, 5);
	check(&a, 3);
	check(&b, 5);
	mapops_prog_free(p);
	set_free(&a);
	set_free(&b);
}
END_TEST

/* Bound first: the call itself is checked against the map. */
START_TEST(map_ref_checked_at_call)
{
	int hash = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 4);
	mapops_prog_t *p = k11_new();
	char want[128];

	OK(p, mapops_prog_bind_map(p, "events", hash));
	snprintf(want, sizeof(want),
		 "map_fd is a hash map, not a ring buffer (BPF_MAP_TYPE_RINGBUF) (map \"events\", fd %d)",
		 hash);
	ck_assert_refused(p, mapops_ringbuf_output(p, mapops_map_ref(p, "events"),
						   -8, 8, 0),
			  EINVAL, want);
	ck_assert_refused(p, mapops_map_lookup(p, mapops_map_ref(p, "events"), -2),
			  EINVAL, "key_stack_off -2: the map's 4-byte key");
	ck_assert_uint_eq(mapops_prog_len(p), 0);
	mapops_prog_free(p);
	close(hash);
}
END_TEST

/* Calls first: the binding checks them, and a refused binding binds
 * nothing. */
START_TEST(map_ref_checked_at_binding)
{
	int key4 = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 4);
	int key2 = tu_map_create(BPF_MAP_TYPE_HASH, 2, 8, 4);
	int array = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4);
	mapops_prog_t *p = k11_new();
	char want[256];
	size_t n;

	OK(p, mapops_exit(p));
	OK(p, mapops_map_lookup(p, mapops_map_ref(p, "m"), -2));
	snprintf(want, sizeof(want),
		 "mapops_prog_bind_map: map \"m\" (fd %d) cannot serve mapops_map_lookup #1 at slot 1: key_stack_off -2: the map's 4-byte key would run past the top of the stack frame",
		 key4);
	ck_assert_refused(p, mapops_prog_bind_map(p, "m", key4), EINVAL, want);
	ck_assert_ptr_null(mapops_prog_insns(p, &n));
	ck_assert_int_eq(errno, ENOENT);
	OK(p, mapops_prog_bind_map(p, "m", key2));
	ck_assert_ptr_nonnull(mapops_prog_insns(p, &n));
	mapops_prog_free(p);
	/* The type too: a delete, then an array bound. */
	p = k11_new();
	OK(p, mapops_map_delete(p, mapops_map_ref(p, "a"), -4));
	ck_assert_refused(p, mapops_prog_bind_map(p, "a", array), EINVAL,
			  "cannot serve mapops_map_delete #1 at slot 0: map_fd is an array map, whose elements cannot be deleted");
	mapops_prog_free(p);
	close(key4);
	close(key2);
	close(array);
}
END_TEST

START_TEST(map_ref_load_unbound_enoent)
{
	mapops_prog_t *p = k11_new();

	OK(p, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, 1));
	OK(p, mapops_map_lookup(p, mapops_map_ref(p, "counters"), -4));
	k11_put_return(p, 0);
	ck_assert_int_eq(mapops_prog_load(p, BPF_PROG_TYPE_SCHED_CLS, NULL), -ENOENT);
	ck_assert_msg(strstr(mapops_prog_error(p),
			     "map \"counters\" is never bound (mapops_prog_bind_map); mapops_map_lookup #1 at slot 1 uses it"),
		      "%s", mapops_prog_error(p));
	mapops_prog_free(p);
}
END_TEST

static Suite *mapref_suite(void)
{
	Suite *s = suite_create("kernel-mapref");
	TCase *tc;

#define TC(fn)                                                              \
	tc = tcase_create(#fn);                                             \
	tcase_add_test(tc, fn);                                             \
	suite_add_tcase(s, tc)
	TC(map_ref_two_map_sets);
	TC(map_ref_checked_at_call);
	TC(map_ref_checked_at_binding);
	TC(map_ref_load_unbound_enoent);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(mapref_suite());
}
