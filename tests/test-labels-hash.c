/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The label table under hostile names: names built to collide in the low
 * bits of the hash the library used before (FNV-1a) must bind in about the
 * time ordinary names take (it was quadratic: 0.53 s against 0.005 s for
 * 20,000), and the names' arena has a cap with a clear error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "testutil.h"

#define NNAMES 20000
#define BLOCK 4
#define NAME_LEN (15 * BLOCK) /* 15 blocks */
#define LOW_BITS 16

static const char alphabet[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* FNV-1a's state after block b from state h, low LOW_BITS bits (which
 * depend on nothing but the low bits before). */
static uint32_t fnv_step(uint32_t h, const char *b)
{
	int k;

	for (k = 0; k < BLOCK; k++)
		h = (h ^ (unsigned char)b[k]) * 16777619u;
	return h & ((1u << LOW_BITS) - 1);
}

/* Block number i, in the alphabet. */
static void block(char *b, size_t i)
{
	size_t a = sizeof(alphabet) - 1;
	int k;

	for (k = 0; k < BLOCK; k++, i /= a)
		b[k] = alphabet[i % a];
}

/*
 * Joux's multicollision: at each of the 15 stages, two blocks that lead from
 * the same state to the same state; any choice of one block per stage gives
 * the same low bits at the end, so 2^15 names collide.
 */
static void colliding_names(char (*names)[NAME_LEN + 1], size_t n)
{
	static uint32_t seen[1u << LOW_BITS];
	char pair[15][2][BLOCK];
	uint32_t h = 2166136261u & ((1u << LOW_BITS) - 1);
	size_t stage, i, k;

	for (stage = 0; stage < 15; stage++) {
		bool found = false;

		memset(seen, 0, sizeof(seen));
		for (i = 0; i < 4 * (1u << LOW_BITS) && !found; i++) {
			char b[BLOCK];
			uint32_t next;

			block(b, i);
			next = fnv_step(h, b);
			if (seen[next]) {
				block(pair[stage][0], seen[next] - 1);
				memcpy(pair[stage][1], b, BLOCK);
				h = next;
				found = true;
			} else {
				seen[next] = (uint32_t)i + 1;
			}
		}
		ck_assert(found);
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < 15; k++)
			memcpy(names[i] + BLOCK * k, pair[k][(i >> k) & 1], BLOCK);
		names[i][NAME_LEN] = '\0';
	}
}

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds to jump to every name, bind them all and resolve: the best of
 * three runs. */
static double bind_time(char (*names)[NAME_LEN + 1], size_t n)
{
	double best = 1e9;
	int run;

	for (run = 0; run < 3; run++) {
		mapops_prog_t *prog = mapops_prog_new();
		size_t i, cnt;
		double t0 = now(), t;

		for (i = 0; i < n; i++)
			ck_assert_int_eq(mapops_ja(prog, names[i]), 0);
		for (i = 0; i < n; i++)
			ck_assert_int_eq(mapops_label(prog, names[i]), 0);
		ck_assert_int_eq(mapops_exit(prog), 0);
		ck_assert_ptr_nonnull(mapops_prog_insns(prog, &cnt));
		t = now() - t0;
		best = t < best ? t : best;
		mapops_prog_free(prog);
	}
	return best;
}

START_TEST(label_colliding_names_bind_in_linear_time)
{
	char (*bad)[NAME_LEN + 1] = calloc(NNAMES, sizeof(*bad));
	char (*plain)[NAME_LEN + 1] = calloc(NNAMES, sizeof(*plain));
	double t_bad, t_plain;
	size_t i;

	colliding_names(bad, NNAMES);
	for (i = 0; i < NNAMES; i++) {
		/* They do collide under the old hash, and are distinct. */
		ck_assert_uint_eq(fnv1a(bad[i]) & ((1u << LOW_BITS) - 1),
				  fnv1a(bad[0]) & ((1u << LOW_BITS) - 1));
		snprintf(plain[i], NAME_LEN + 1, "plain_label_%048zu", i);
	}
	ck_assert_str_ne(bad[0], bad[1]);
	t_plain = bind_time(plain, NNAMES);
	t_bad = bind_time(bad, NNAMES);
	fprintf(stderr, "20000 labels: %.4f s colliding, %.4f s plain\n", t_bad,
		t_plain);
	/* Quadratic was 100 times slower; allow noise on a shared machine. */
	ck_assert_msg(t_bad < 5 * t_plain + 0.02,
		      "colliding names took %.4f s, plain ones %.4f s", t_bad,
		      t_plain);
	free(bad);
	free(plain);
}
END_TEST

/* Label names of 255 bytes, distinct by their number. */
static void long_name(char *buf, size_t i)
{
	memset(buf, 'n', MAPOPS_LABEL_MAX);
	buf[snprintf(buf, 32, "%zu", i)] = '_';
	buf[MAPOPS_LABEL_MAX] = '\0';
}

START_TEST(label_arena_cap)
{
	/* 64 MiB of names (each counted with its NUL): 262,144 of 256 bytes. */
	const size_t fit = ((size_t)64 << 20) / (MAPOPS_LABEL_MAX + 1);
	mapops_prog_t *prog = mapops_prog_new();
	char name[MAPOPS_LABEL_MAX + 1];
	struct tu_snapshot snap;
	size_t i;

	ck_assert_int_eq(mapops_exit(prog), 0);
	for (i = 0; i < fit; i++) {
		long_name(name, i);
		ck_assert_int_eq(mapops_label(prog, name), 0);
	}
	tu_snapshot_take(&snap, prog);
	long_name(name, fit);
	ck_assert_refused(prog, mapops_label(prog, name), E2BIG,
			  "would make the program's label names take more than 67108864 bytes");
	ck_assert_refused(prog, mapops_ja(prog, "x"), E2BIG,
			  "label \"x\" would make");
	ck_assert_unchanged(&snap, prog);
	/* Names already there still work. */
	long_name(name, 7);
	ck_assert_int_eq(mapops_ja(prog, name), 0);
	ck_assert_uint_eq(mapops_prog_len(prog), 2);
	mapops_prog_free(prog);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("labels-hash");
	TCase *tc = tcase_create("label_colliding_names_bind_in_linear_time");

	tcase_add_test(tc, label_colliding_names_bind_in_linear_time);
	suite_add_tcase(s, tc);
	tc = tcase_create("label_arena_cap");
	tcase_add_test(tc, label_arena_cap);
	suite_add_tcase(s, tc);
	return tu_run_suite(s);
}
