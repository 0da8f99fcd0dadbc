/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Memory exhaustion for the uses of named maps (mapops_map_ref): each
 * allocation of the call failing in turn.  The name exists before the
 * call (the call under test then allocates only its own records); the call
 * must return -ENOMEM, name itself and "out of memory", leave the program
 * byte-identical (it still resolves to the same bytes once bound), and
 * succeed when retried.  Linked like test-enomem (static library, wrapped
 * malloc, calloc and realloc).
 */
#include <check.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <mapops/mapops.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t nmemb, size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t nmemb, size_t size);
void *__wrap_realloc(void *ptr, size_t size);

static bool armed;
static long allocs, fail_at = -1;

static bool should_fail(void)
{
	return armed && allocs++ == fail_at;
}

void *__wrap_malloc(size_t size)
{
	return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t nmemb, size_t size)
{
	return should_fail() ? NULL : __real_calloc(nmemb, size);
}

void *__wrap_realloc(void *ptr, size_t size)
{
	return should_fail() ? NULL : __real_realloc(ptr, size);
}

struct call {
	const char *fn;
	int (*call)(mapops_prog_t *p, int map);
};

static int c_lookup(mapops_prog_t *p, int m) { return mapops_map_lookup(p, m, -4); }
static int c_update_ptr(mapops_prog_t *p, int m) { return mapops_map_update_ptr(p, m, 3, 2, BPF_ANY); }
static int c_increment_atomic(mapops_prog_t *p, int m) { return mapops_map_increment_atomic(p, m, -4, -16, 1); }
static int c_lookup_or_init(mapops_prog_t *p, int m) { return mapops_map_lookup_or_init(p, m, -4, -16); }
static int c_ld_map_fd(mapops_prog_t *p, int m) { return mapops_ld_map_fd(p, 1, m); }
static int c_ld_map_value(mapops_prog_t *p, int m) { return mapops_ld_map_value(p, 1, m, 8); }
static int c_ringbuf_output(mapops_prog_t *p, int m) { return mapops_ringbuf_output(p, m, -8, 8, 0); }
static int c_perf_event_output(mapops_prog_t *p, int m) { return mapops_perf_event_output(p, 6, m, -8, 8, BPF_F_CURRENT_CPU); }
static int c_map_push(mapops_prog_t *p, int m) { return mapops_map_push(p, m, -8, BPF_ANY); }
static int c_tail_call_reg(mapops_prog_t *p, int m) { return mapops_tail_call_reg(p, 3, m, 1); }
static int c_lookup_percpu(mapops_prog_t *p, int m) { return mapops_map_lookup_percpu(p, m, -4, 1); }

static const struct call calls[] = {
	{ "mapops_map_lookup", c_lookup },
	{ "mapops_map_update_ptr", c_update_ptr },
	{ "mapops_map_increment_atomic", c_increment_atomic },
	{ "mapops_map_lookup_or_init", c_lookup_or_init },
	{ "mapops_ld_map_fd", c_ld_map_fd },
	{ "mapops_ld_map_value", c_ld_map_value },
	{ "mapops_ringbuf_output", c_ringbuf_output },
	{ "mapops_perf_event_output", c_perf_event_output },
	{ "mapops_map_push", c_map_push },
	{ "mapops_tail_call_reg", c_tail_call_reg },
	{ "mapops_map_lookup_percpu", c_lookup_percpu },
};

/* A program of k exits naming "counters" (bound to fd 5 if bind). */
static mapops_prog_t *build(int k, int *m)
{
	mapops_prog_t *p = mapops_prog_new();
	int i;

	ck_assert_ptr_nonnull(p);
	for (i = 0; i < k; i++)
		ck_assert_int_eq(mapops_exit(p), 0);
	*m = mapops_map_ref(p, "counters");
	ck_assert_int_lt(*m, -4095);
	ck_assert_int_eq(mapops_prog_bind_map(p, "counters", 5), 0);
	return p;
}

/* The resolved bytes, copied (NULL, 0 for an empty program). */
static struct bpf_insn *bytes(mapops_prog_t *p, size_t *n)
{
	const struct bpf_insn *in = mapops_prog_insns(p, n);
	struct bpf_insn *copy;

	ck_assert_msg(in != NULL, "%s", mapops_prog_error(p));
	copy = malloc((*n + 1) * sizeof(*copy));
	ck_assert_ptr_nonnull(copy);
	memcpy(copy, in, *n * sizeof(*copy));
	return copy;
}

/* _i = call * 3 + state (0, 15 or 31 slots: across the slot arrays'
 * doubling and the first site record). */
START_TEST(named_map_use_enomem)
{
	static const int states[] = { 0, 15, 31 };
	const struct call *c = &calls[_i / 3];
	int k = states[_i % 3], m, rc;
	struct bpf_insn *want, *before, *after;
	size_t nwant, nbefore, nafter;
	mapops_prog_t *p;
	long n, at;

	p = build(k, &m);
	armed = true;
	allocs = 0;
	fail_at = -1;
	rc = c->call(p, m);
	armed = false;
	n = allocs;
	ck_assert_msg(rc == 0, "%s: %s", c->fn, mapops_prog_error(p));
	want = bytes(p, &nwant);
	mapops_prog_free(p);
	for (at = 0; at < n; at++) {
		p = build(k, &m);
		before = bytes(p, &nbefore);
		armed = true;
		allocs = 0;
		fail_at = at;
		rc = c->call(p, m);
		armed = false;
		fail_at = -1;
		ck_assert_msg(rc == -ENOMEM && errno == ENOMEM,
			      "%s, allocation %ld of %ld failing: %d", c->fn,
			      at + 1, n, rc);
		ck_assert_msg(strstr(mapops_prog_error(p), c->fn) &&
				      strstr(mapops_prog_error(p), "out of memory"),
			      "%s: \"%s\"", c->fn, mapops_prog_error(p));
		after = bytes(p, &nafter);
		ck_assert_uint_eq(nafter, nbefore);
		ck_assert(memcmp(after, before, nafter * sizeof(*after)) == 0);
		free(after);
		free(before);
		ck_assert_int_eq(c->call(p, m), 0);
		after = bytes(p, &nafter);
		ck_assert_uint_eq(nafter, nwant);
		ck_assert(memcmp(after, want, nafter * sizeof(*after)) == 0);
		free(after);
		mapops_prog_free(p);
	}
	free(want);
}
END_TEST

/* A binding that grows the name table fails whole. */
START_TEST(prog_bind_map_enomem)
{
	mapops_prog_t *p = mapops_prog_new();
	long at;

	ck_assert_ptr_nonnull(p);
	for (at = 0; at < 2; at++) {
		armed = true;
		allocs = 0;
		fail_at = at;
		ck_assert_int_eq(mapops_prog_bind_map(p, "fresh", 5), -ENOMEM);
		armed = false;
		fail_at = -1;
	}
	/* Nothing was bound: a use of the name still needs a binding. */
	ck_assert_int_eq(mapops_map_lookup(p, mapops_map_ref(p, "fresh"), -4), 0);
	ck_assert_int_eq(mapops_prog_bind_map(p, "fresh", 5), 0);
	mapops_prog_free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("enomem-maps");
	TCase *tc = tcase_create("named_map_use_enomem");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, named_map_use_enomem, 0,
			    (int)(sizeof(calls) / sizeof(calls[0])) * 3);
	suite_add_tcase(s, tc);
	tc = tcase_create("prog_bind_map_enomem");
	tcase_add_test(tc, prog_bind_map_enomem);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
