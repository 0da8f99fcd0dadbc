/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Memory exhaustion: every public call, with each of its allocations made
 * to fail in turn.
 *
 * The test links the STATIC library with -Wl,--wrap=malloc,--wrap=calloc,
 * --wrap=realloc (tests/meson.build), so every allocation the library makes
 * goes through __wrap_*() below.  A call is first run once to count its
 * allocations (n); then, on a fresh program built the same way, for each
 * N in 0..n-1 the Nth allocation (and, in a second pass, every allocation
 * from the Nth on) fails.  The header's promise is checked each time:
 *
 *  - the call returns -ENOMEM and sets errno (mapops_prog_new(): NULL and
 *    errno ENOMEM);
 *  - the program is unchanged: its length, its bytes, its labels (it
 *    resolves exactly as before), the provenance of every slot;
 *  - mapops_prog_error() names the function and says "out of memory";
 *  - the program stays usable: the same call then succeeds, and the program
 *    ends up byte for byte (and origin for origin) the same as one built
 *    without any failure.
 *
 * The states the calls start from put them across capacity boundaries: the
 * slot arrays at 16 and 32 slots (doubling), the label table at 16 labels
 * (growth and rehash), its name arena, the fixup table at 16 jumps, the
 * provenance records, the tag arena.
 */
#include <check.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include <mapops/mapops.h>

#include "testrun.h"

/* Every builder, with the example call lib/mapops.api gives it. */
#define MAPOPS_API_CALLS
#include "api-table.h"

/* ---- Failing allocations ------------------------------------------------- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t nmemb, size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t nmemb, size_t size);
void *__wrap_realloc(void *ptr, size_t size);

enum fail_mode { FAIL_ONE, FAIL_FROM };

static bool armed;          /* counting the allocations of the call under test */
static long allocs;         /* allocations seen while armed */
static long fail_at = -1;   /* the allocation to fail, -1: none */
static enum fail_mode mode;
static long failures;       /* allocations made to fail */

static bool should_fail(void)
{
	long n;

	if (!armed)
		return false;
	n = allocs++;
	if (fail_at < 0)
		return false;
	if (n == fail_at || (mode == FAIL_FROM && n > fail_at)) {
		failures++;
		return true;
	}
	return false;
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

static void arm(long at, enum fail_mode m)
{
	allocs = 0;
	failures = 0;
	fail_at = at;
	mode = m;
	armed = true;
}

static void disarm(void)
{
	armed = false;
	fail_at = -1;
}

/* ---- What a program holds ----------------------------------------------- */

struct state {
	size_t len;
	bool resolves;
	int resolve_errno;
	struct bpf_insn *insns;
	/* provenance of each slot */
	const char **fn;
	unsigned *index;
	char **tag;
};

static void state_take(struct state *s, mapops_prog_t *p)
{
	const struct bpf_insn *insns;
	size_t cnt = 0, i;

	memset(s, 0, sizeof(*s));
	s->len = mapops_prog_len(p);
	errno = 0;
	insns = mapops_prog_insns(p, &cnt);
	s->resolves = insns != NULL;
	s->resolve_errno = insns ? 0 : errno;
	s->insns = calloc(s->len + 1, sizeof(*s->insns));
	s->fn = calloc(s->len + 1, sizeof(*s->fn));
	s->index = calloc(s->len + 1, sizeof(*s->index));
	s->tag = calloc(s->len + 1, sizeof(*s->tag));
	ck_assert(s->insns && s->fn && s->index && s->tag);
	if (insns) {
		ck_assert_uint_eq(cnt, s->len);
		memcpy(s->insns, insns, cnt * sizeof(*insns));
	}
	for (i = 0; i < s->len; i++) {
		const char *tag = NULL;

		ck_assert_int_eq(mapops_prog_insn_origin(p, i, &s->fn[i],
							 &s->index[i], &tag),
				 0);
		s->tag[i] = tag ? strdup(tag) : NULL;
	}
}

static void state_free(struct state *s)
{
	size_t i;

	for (i = 0; i < s->len; i++)
		free(s->tag[i]);
	free(s->insns);
	free(s->fn);
	free(s->index);
	free(s->tag);
}

/* Fails unless p holds what s recorded: length, resolution, bytes, origins. */
static void state_assert_same(const struct state *s, mapops_prog_t *p,
			      const char *what)
{
	struct state now;
	size_t i;

	state_take(&now, p);
	ck_assert_msg(now.len == s->len, "%s: %zu slots, expected %zu", what,
		      now.len, s->len);
	ck_assert_msg(now.resolves == s->resolves &&
			      now.resolve_errno == s->resolve_errno,
		      "%s: mapops_prog_insns %s (errno %d), expected %s (errno %d): %s",
		      what, now.resolves ? "resolves" : "fails",
		      now.resolve_errno, s->resolves ? "resolves" : "fails",
		      s->resolve_errno, mapops_prog_error(p));
	if (s->resolves)
		for (i = 0; i < s->len; i++)
			ck_assert_msg(memcmp(&now.insns[i], &s->insns[i],
					     sizeof(s->insns[i])) == 0,
				      "%s: slot %zu differs", what, i);
	for (i = 0; i < s->len; i++) {
		ck_assert_msg(strcmp(now.fn[i], s->fn[i]) == 0 &&
				      now.index[i] == s->index[i],
			      "%s: slot %zu comes from %s #%u, expected %s #%u",
			      what, i, now.fn[i], now.index[i], s->fn[i],
			      s->index[i]);
		ck_assert_msg((!now.tag[i] && !s->tag[i]) ||
				      (now.tag[i] && s->tag[i] &&
				       strcmp(now.tag[i], s->tag[i]) == 0),
			      "%s: slot %zu has tag \"%s\", expected \"%s\"",
			      what, i, now.tag[i] ? now.tag[i] : "(none)",
			      s->tag[i] ? s->tag[i] : "(none)");
	}
	state_free(&now);
}

/* ---- The starting states ----------------------------------------------- */

static const struct bpf_insn exit_insn = { .code = BPF_JMP | BPF_EXIT };

/* Every state starts with the label "top" bound at slot 0. */
static void top(mapops_prog_t *p)
{
	ck_assert_int_eq(mapops_label(p, "top"), 0);
}

/* A new program with nothing in it, not even a label: the first label,
 * fixup, slot record and tag allocate their tables. */
static void setup_bare(mapops_prog_t *p, int k)
{
	(void)p;
	(void)k;
}

/* k slots from k calls: k slots and k provenance records. */
static void setup_calls(mapops_prog_t *p, int k)
{
	int i;

	top(p);
	for (i = 0; i < k; i++)
		ck_assert_int_eq(mapops_exit(p), 0);
}

/* k slots from one raw call: the slot arrays grow, the records do not. */
static void setup_raw(mapops_prog_t *p, int k)
{
	struct bpf_insn buf[64];
	int i;

	ck_assert_int_le(k, 64);
	for (i = 0; i < k; i++)
		buf[i] = exit_insn;
	top(p);
	ck_assert_int_eq(mapops_emit(p, buf, (size_t)k), 0);
}

/* k labels in all (the table holds 16 before it grows and rehashes). */
static void setup_labels(mapops_prog_t *p, int k)
{
	char name[32];
	int i;

	top(p);
	for (i = 1; i < k; i++) {
		snprintf(name, sizeof(name), "label%d", i);
		ck_assert_int_eq(mapops_label(p, name), 0);
	}
	ck_assert_int_eq(mapops_exit(p), 0);
}

/* k jumps back to "top" (the fixup table holds 16 before it grows). */
static void setup_jumps(mapops_prog_t *p, int k)
{
	int i;

	top(p);
	ck_assert_int_eq(mapops_exit(p), 0);
	for (i = 0; i < k; i++)
		ck_assert_int_eq(mapops_ja(p, "top"), 0);
}

/* Labels with long names, k of them: the name arena fills. */
static void setup_long_names(mapops_prog_t *p, int k)
{
	char name[MAPOPS_LABEL_MAX + 1];
	int i;

	top(p);
	for (i = 0; i < k; i++) {
		memset(name, 'a' + i, MAPOPS_LABEL_MAX);
		name[MAPOPS_LABEL_MAX] = '\0';
		ck_assert_int_eq(mapops_label(p, name), 0);
	}
	ck_assert_int_eq(mapops_exit(p), 0);
}

/* The first half of an ld_imm64 as slot 16: only mapops_emit() may follow. */
static void setup_open_ld64(mapops_prog_t *p, int k)
{
	const struct bpf_insn half = { .code = BPF_LD | BPF_IMM | BPF_DW,
				       .dst_reg = 1, .imm = 5 };

	setup_calls(p, k - 1);
	ck_assert_int_eq(mapops_emit(p, &half, 1), 0);
}

/* k slots emitted under a tag. */
static void setup_tagged(mapops_prog_t *p, int k)
{
	top(p);
	ck_assert_int_eq(mapops_prog_set_tag(p, "ingress counter"), 0);
	for (; k > 0; k--)
		ck_assert_int_eq(mapops_exit(p), 0);
}

struct setup {
	const char *name;
	void (*fn)(mapops_prog_t *p, int k);
	int k;
};

static const struct setup setups[] = {
	{ "a new program", setup_bare, 0 },
	{ "an empty program with a label", setup_calls, 0 },
	{ "15 slots from 15 calls", setup_calls, 15 },
	{ "16 slots from 16 calls", setup_calls, 16 },
	{ "31 slots from 31 calls", setup_calls, 31 },
	{ "32 slots from 32 calls", setup_calls, 32 },
	{ "14 slots from one call", setup_raw, 14 },
	{ "16 slots from one call", setup_raw, 16 },
	{ "32 slots from one call", setup_raw, 32 },
	{ "16 labels", setup_labels, 16 },
	{ "16 jumps", setup_jumps, 16 },
	{ "2 labels of 255 bytes", setup_long_names, 2 },
	{ "3 tagged slots", setup_tagged, 3 },
};
#define NSETUPS (sizeof(setups) / sizeof(setups[0]))

/* ---- The calls ------------------------------------------------------------ */

static int c_emit1(mapops_prog_t *p) { return mapops_emit(p, &exit_insn, 1); }
static int c_emit0(mapops_prog_t *p) { return mapops_emit(p, NULL, 0); }
static int c_emit17(mapops_prog_t *p)
{
	struct bpf_insn buf[17];
	size_t i;

	for (i = 0; i < 17; i++)
		buf[i] = exit_insn;
	return mapops_emit(p, buf, 17);
}
/* Backward jumps to "top" (bound): the fixup table and the slots. */
/* Forward jumps to a new label: the label table too. */
static int c_ja_new(mapops_prog_t *p) { return mapops_ja(p, "fresh"); }
static int c_jmp_imm_new(mapops_prog_t *p) { return mapops_jmp_imm(p, BPF_JNE, 0, 1, "fresh"); }
static int c_label(mapops_prog_t *p) { return mapops_label(p, "fresh"); }
static int c_label_long(mapops_prog_t *p)
{
	char name[MAPOPS_LABEL_MAX + 1];

	memset(name, 'z', MAPOPS_LABEL_MAX);
	name[MAPOPS_LABEL_MAX] = '\0';
	return mapops_label(p, name);
}
static int c_increment64(mapops_prog_t *p)
{
	return mapops_map_increment(p, 3, -4, -16, (__s64)1 << 40);
}
static int c_increment_atomic64(mapops_prog_t *p)
{
	return mapops_map_increment_atomic(p, 3, -4, -16, INT64_MIN);
}
static int c_set_tag(mapops_prog_t *p) { return mapops_prog_set_tag(p, "a tag of some length"); }
static FILE *devnull;
static int c_dump(mapops_prog_t *p) { return mapops_prog_dump(p, devnull); }
static int c_dump_text(mapops_prog_t *p) { return mapops_prog_dump_text(p) ? 0 : -errno; }

/* After the call: make the program resolve (bind what the call named). */
static void f_bind_fresh(mapops_prog_t *p)
{
	ck_assert_int_eq(mapops_label(p, "fresh"), 0);
	ck_assert_int_eq(mapops_exit(p), 0);
}
static void f_jump_fresh(mapops_prog_t *p)
{
	ck_assert_int_eq(mapops_ja(p, "fresh"), 0);
	ck_assert_int_eq(mapops_exit(p), 0);
}
/* A tag shows in the provenance of what follows. */
static void f_exit(mapops_prog_t *p)
{
	ck_assert_int_eq(mapops_exit(p), 0);
}

/* MAPOPS_1.1 map functions (issue 11); the uses of named maps are in
 * tests/test-enomem-maps.c (their name must exist before the call). */
static bool is_errno(int v) { return v < 0 && v > -4096; }
static int c_map_ref(mapops_prog_t *p)
{
	int m = mapops_map_ref(p, "counters");

	return is_errno(m) ? m : 0;
}
static int c_bind_map(mapops_prog_t *p) { return mapops_prog_bind_map(p, "counters", 5); }
static int c_lookup_reg(mapops_prog_t *p) { return mapops_map_lookup(p, mapops_map_reg(6), -4); }

struct call {
	const char *fn;      /* the public function, as the message names it */
	const char *what;
	int (*call)(mapops_prog_t *p);
	void (*finish)(mapops_prog_t *p);
	/* Or the description's example call of a builder (call is NULL). */
	const struct mapops_api_call *api;
};

/* Every builder's example call from lib/mapops.api comes first (added in
 * main()); these are the calls the examples do not cover. */
static const struct call special_calls[] = {
	{ "mapops_emit", "1 raw slot", c_emit1, NULL, NULL },
	{ "mapops_emit", "0 raw slots", c_emit0, NULL, NULL },
	{ "mapops_emit", "17 raw slots", c_emit17, NULL, NULL },
	{ "mapops_ja", "goto a new label", c_ja_new, f_bind_fresh, NULL },
	{ "mapops_jmp_imm", "jump to a new label", c_jmp_imm_new, f_bind_fresh, NULL },
	{ "mapops_label", "a new label", c_label, f_jump_fresh, NULL },
	{ "mapops_label", "a new label of 255 bytes", c_label_long, f_exit, NULL },
	{ "mapops_map_increment", "64-bit increment", c_increment64, NULL, NULL },
	{ "mapops_map_increment_atomic", "64-bit atomic increment", c_increment_atomic64, NULL, NULL },
	{ "mapops_prog_set_tag", "a new tag", c_set_tag, f_exit, NULL },
	{ "mapops_prog_dump", "to /dev/null", c_dump, NULL, NULL },
	{ "mapops_prog_dump_text", "as text", c_dump_text, NULL, NULL },
	{ "mapops_map_ref", "a new name", c_map_ref, NULL, NULL },
	{ "mapops_prog_bind_map", "a new name", c_bind_map, NULL, NULL },
	{ "mapops_map_lookup", "a map in r6", c_lookup_reg, NULL, NULL },
};
#define NSPECIAL (sizeof(special_calls) / sizeof(special_calls[0]))

static struct call calls[MAPOPS_API_NCALLS + NSPECIAL];
static size_t ncalls;
static char example_names[MAPOPS_API_NCALLS][80];

static int do_call(const struct call *c, mapops_prog_t *p)
{
	return c->api ? c->api->call(p, c->api->example) : c->call(p);
}

/* calls[]: the examples of every builder that has one, then the specials. */
static void calls_init(void)
{
	size_t i;

	for (i = 0; i < MAPOPS_API_NCALLS; i++) {
		const struct mapops_api_call *a = &mapops_api_calls[i];

		if (!a->has_example)
			continue;
		snprintf(example_names[ncalls], sizeof(example_names[ncalls]),
			 "mapops_%s", a->name);
		calls[ncalls].fn = example_names[ncalls];
		calls[ncalls].what = "example";
		calls[ncalls].api = a;
		ncalls++;
	}
	for (i = 0; i < NSPECIAL; i++)
		calls[ncalls++] = special_calls[i];
}

/* ---- The driver ------------------------------------------------------------ */

static mapops_prog_t *build(void (*setup)(mapops_prog_t *, int), int k)
{
	mapops_prog_t *p = mapops_prog_new();

	ck_assert_ptr_nonnull(p);
	setup(p, k);
	return p;
}

/* Runs one call from one state with each of its allocations failing;
 * returns how many allocations the call makes. */
static long run_case(const struct call *c, void (*setup)(mapops_prog_t *, int),
		     int k, const char *setup_name)
{
	struct state ref, before;
	mapops_prog_t *p;
	long n, at;
	int rc, m;
	char what[256];

	/* The reference: no failure. */
	p = build(setup, k);
	arm(-1, FAIL_ONE);
	rc = do_call(c, p);
	disarm();
	n = allocs;
	ck_assert_msg(rc == 0, "%s (%s) from %s: %s", c->fn, c->what,
		      setup_name, mapops_prog_error(p));
	if (c->finish)
		c->finish(p);
	state_take(&ref, p);
	mapops_prog_free(p);

	for (m = FAIL_ONE; m <= FAIL_FROM; m++) {
		for (at = 0; at < n; at++) {
			const char *msg;

			snprintf(what, sizeof(what),
				 "%s (%s) from %s, allocation %ld of %ld failing%s",
				 c->fn, c->what, setup_name, at + 1, n,
				 m == FAIL_FROM ? " and every later one" : "");
			p = build(setup, k);
			state_take(&before, p);
			arm(at, (enum fail_mode)m);
			errno = 0;
			rc = do_call(c, p);
			disarm();
			ck_assert_msg(failures >= 1, "%s: the allocation was not made",
				      what);
			ck_assert_msg(rc == -ENOMEM, "%s: returned %d (%s)", what,
				      rc, mapops_prog_error(p));
			ck_assert_msg(errno == ENOMEM, "%s: errno %d", what, errno);
			msg = mapops_prog_error(p);
			ck_assert_msg(strstr(msg, c->fn) &&
					      strstr(msg, "out of memory"),
				      "%s: the message \"%s\" does not name %s and \"out of memory\"",
				      what, msg, c->fn);
			/* Unchanged: length, bytes, labels, provenance. */
			state_assert_same(&before, p, what);
			state_free(&before);
			/* Usable: the same call now succeeds, and the result is
			 * the reference's. */
			rc = do_call(c, p);
			ck_assert_msg(rc == 0, "%s: the retry failed: %s", what,
				      mapops_prog_error(p));
			if (c->finish)
				c->finish(p);
			state_assert_same(&ref, p, what);
			mapops_prog_free(p);
		}
	}
	state_free(&ref);
	return n;
}

/* One call kind from every starting state (a case of its own each, named
 * after the function and what the call does: map_increment_enomem_64_bit_increment). */
START_TEST(call_kind)
{
	const struct call *c = &calls[_i];
	long total = 0, most = 0;
	size_t s;

	for (s = 0; s < NSETUPS; s++) {
		long n = run_case(c, setups[s].fn, setups[s].k, setups[s].name);

		total += n;
		if (n > most)
			most = n;
	}
	/* Every call that appends or records something allocates in some
	 * state: the slot arrays start small. */
	ck_assert_msg(total > 0, "%s (%s) never allocated", c->fn, c->what);
	printf("enomem: %-28s %-26s %3ld allocation points over %zu states (at most %ld in one call)\n",
	       c->fn, c->what, total, NSETUPS, most);
}
END_TEST

/* An ld_imm64 completed by mapops_emit() across the 16-slot boundary. */
static int c_emit_second_half(mapops_prog_t *p)
{
	const struct bpf_insn second = { .imm = 1 };

	return mapops_emit(p, &second, 1);
}

START_TEST(emit_enomem_second_half_of_ld_imm64)
{
	static const struct call c = {
		"mapops_emit", "the second half of an ld_imm64",
		c_emit_second_half, f_exit, NULL,
	};
	mapops_prog_t *p;
	long total = 0;
	int k, rc;

	/* The pair's first half as slot 14 .. 17 (the arrays double at 16). */
	for (k = 15; k <= 18; k++)
		total += run_case(&c, setup_open_ld64, k, "an open ld_imm64");
	ck_assert_int_gt(total, 0);
	/* A builder call is still refused while the pair is open, after the
	 * failure too. */
	p = build(setup_open_ld64, 16);
	arm(0, FAIL_FROM);
	rc = c_emit_second_half(p);
	disarm();
	ck_assert_int_eq(rc, -ENOMEM);
	ck_assert_int_eq(mapops_exit(p), -EINVAL);
	ck_assert_int_eq(c_emit_second_half(p), 0);
	ck_assert_int_eq(mapops_exit(p), 0);
	mapops_prog_free(p);
	printf("enomem: %-28s %-26s %3ld allocation points over 4 states\n",
	       "mapops_emit", "second half of ld_imm64", total);
}
END_TEST

/* The constructor: each of its allocations failing returns NULL, ENOMEM
 * (the sanitizer and valgrind runs check that nothing leaks). */
START_TEST(prog_new_enomem)
{
	mapops_prog_t *p;
	long n, at;
	int m;

	arm(-1, FAIL_ONE);
	p = mapops_prog_new();
	disarm();
	n = allocs;
	ck_assert_ptr_nonnull(p);
	mapops_prog_free(p);
	ck_assert_int_ge(n, 1);
	for (m = FAIL_ONE; m <= FAIL_FROM; m++) {
		for (at = 0; at < n; at++) {
			arm(at, (enum fail_mode)m);
			errno = 0;
			p = mapops_prog_new();
			disarm();
			ck_assert_msg(p == NULL, "allocation %ld of %ld failing: got a program",
				      at + 1, n);
			ck_assert_int_eq(errno, ENOMEM);
		}
	}
	/* And it works again. */
	p = mapops_prog_new();
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(mapops_exit(p), 0);
	mapops_prog_free(p);
	printf("enomem: %-28s %-26s %3ld allocation points\n", "mapops_prog_new",
	       "", n);
}
END_TEST

/* A failed mapops_prog_set_tag() keeps the current tag; the arena's move
 * keeps the earlier slots' tags. */
START_TEST(prog_set_tag_enomem_keeps_current_tag)
{
	static const char *const old_tags[] = { NULL, "ab", "first tag" };
	const char *new_tag = "the second tag, longer";
	size_t t;

	for (t = 0; t < sizeof(old_tags) / sizeof(old_tags[0]); t++) {
		mapops_prog_t *p;
		const char *tag;
		long n, at;
		int rc;

		p = mapops_prog_new();
		ck_assert_int_eq(mapops_prog_set_tag(p, old_tags[t]), 0);
		arm(-1, FAIL_ONE);
		rc = mapops_prog_set_tag(p, new_tag);
		disarm();
		n = allocs;
		ck_assert_int_eq(rc, 0);
		mapops_prog_free(p);
		ck_assert_int_ge(n, 1);
		for (at = 0; at < n; at++) {
			p = mapops_prog_new();
			ck_assert_int_eq(mapops_prog_set_tag(p, old_tags[t]), 0);
			ck_assert_int_eq(mapops_exit(p), 0);
			arm(at, FAIL_ONE);
			errno = 0;
			rc = mapops_prog_set_tag(p, new_tag);
			disarm();
			ck_assert_int_eq(rc, -ENOMEM);
			ck_assert_int_eq(errno, ENOMEM);
			ck_assert_ptr_nonnull(strstr(mapops_prog_error(p), "out of memory"));
			ck_assert_ptr_nonnull(strstr(mapops_prog_error(p), "mapops_prog_set_tag"));
			/* What follows still has the old tag. */
			ck_assert_int_eq(mapops_exit(p), 0);
			ck_assert_int_eq(mapops_prog_insn_origin(p, 1, NULL, NULL, &tag), 0);
			if (old_tags[t])
				ck_assert_str_eq(tag, old_tags[t]);
			else
				ck_assert_ptr_null(tag);
			/* It works again, and the first slot keeps its tag. */
			ck_assert_int_eq(mapops_prog_set_tag(p, new_tag), 0);
			ck_assert_int_eq(mapops_exit(p), 0);
			ck_assert_int_eq(mapops_prog_insn_origin(p, 2, NULL, NULL, &tag), 0);
			ck_assert_str_eq(tag, new_tag);
			ck_assert_int_eq(mapops_prog_insn_origin(p, 0, NULL, NULL, &tag), 0);
			if (old_tags[t])
				ck_assert_str_eq(tag, old_tags[t]);
			else
				ck_assert_ptr_null(tag);
			mapops_prog_free(p);
		}
	}
}
END_TEST

/* The calls that only read (mapops_insn_snprint() too) allocate nothing,
 * so they cannot fail so. */
START_TEST(prog_queries_do_not_allocate)
{
	mapops_prog_t *p = build(setup_jumps, 20);
	const struct bpf_insn *insns;
	const struct bpf_insn *null_cnt;
	const char *call = NULL, *tag = NULL, *err;
	unsigned idx = 0;
	size_t cnt = 0, len;
	int rc_origin, rc_tag, rc_range, printed;
	char text[128];

	arm(0, FAIL_FROM);
	insns = mapops_prog_insns(p, &cnt);
	rc_origin = mapops_prog_insn_origin(p, 3, &call, &idx, &tag);
	rc_range = mapops_prog_insn_origin(p, 99, NULL, NULL, NULL);
	len = mapops_prog_len(p);
	rc_tag = mapops_prog_set_tag(p, NULL);
	null_cnt = mapops_prog_insns(p, NULL); /* an error, no allocation */
	err = mapops_prog_error(p);
	printed = insns ? mapops_insn_snprint(text, sizeof(text), insns, cnt, 1) : -1;
	disarm();
	ck_assert_int_eq(allocs, 0);
	ck_assert_ptr_nonnull(insns);
	ck_assert_uint_eq(cnt, 21);
	ck_assert_int_eq(rc_origin, 0);
	ck_assert_int_eq(rc_range, -ERANGE);
	ck_assert_uint_eq(len, 21);
	ck_assert_int_eq(rc_tag, 0);
	ck_assert_ptr_null(null_cnt);
	ck_assert_str_eq(err, "mapops_prog_insns: cnt is NULL");
	ck_assert_str_eq(call, "mapops_ja");
	ck_assert_uint_eq(idx, 3);
	ck_assert_int_gt(printed, 0);
	ck_assert_str_eq(text, "goto pc-2");
	mapops_prog_free(p);
}
END_TEST

/* mapops_prog_load(): its allocations serve the verifier's log.  Each one
 * failing still returns the kernel's errno with a message, and leaves the
 * program loadable; only the log may be missing. */
START_TEST(prog_load_enomem_keeps_refusal)
{
	mapops_prog_t *p;
	struct state before;
	long n, at;
	int fd, m, rc;

	/* "exit" with r0 never set: the verifier refuses it (EACCES). */
	p = mapops_prog_new();
	ck_assert_int_eq(mapops_exit(p), 0);
	arm(-1, FAIL_ONE);
	rc = mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	disarm();
	n = allocs;
	ck_assert_int_eq(rc, -EACCES);
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(p), "R0 !read_ok"));
	ck_assert_ptr_nonnull(strstr(mapops_prog_error(p), "emitted by mapops_exit #1"));
	mapops_prog_free(p);
	for (m = FAIL_ONE; m <= FAIL_FROM; m++) {
		for (at = 0; at < n; at++) {
			p = mapops_prog_new();
			ck_assert_int_eq(mapops_exit(p), 0);
			state_take(&before, p);
			arm(at, (enum fail_mode)m);
			errno = 0;
			rc = mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
			disarm();
			ck_assert_int_eq(rc, -EACCES);
			ck_assert_int_eq(errno, EACCES);
			ck_assert_ptr_nonnull(strstr(mapops_prog_error(p),
						     "mapops_prog_load: the kernel refused the program"));
			state_assert_same(&before, p, "load");
			state_free(&before);
			/* With memory back, the whole log. */
			ck_assert_int_eq(mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER,
							  NULL),
					 -EACCES);
			ck_assert_ptr_nonnull(strstr(mapops_prog_error(p), "R0 !read_ok"));
			mapops_prog_free(p);
		}
	}
	p = mapops_prog_new();
	ck_assert_int_eq(mapops_alu64_imm(p, BPF_MOV, 0, 0), 0);
	ck_assert_int_eq(mapops_exit(p), 0);
	arm(0, FAIL_FROM);
	fd = mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	disarm();
	ck_assert_msg(fd >= 0, "a valid program with no memory: %s",
		      mapops_prog_error(p));
	close(fd);
	mapops_prog_free(p);
	printf("enomem: %-28s %-26s %3ld allocation points\n", "mapops_prog_load",
	       "a verifier refusal", n);
}
END_TEST

/* A program with a callback: main calls bpf_loop with "cb". */
static mapops_prog_t *callback_prog(void)
{
	mapops_prog_t *p = mapops_prog_new();

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(mapops_loop(p, 3, "cb", 0, 0), 0);
	ck_assert_int_eq(mapops_exit(p), 0);
	ck_assert_int_eq(mapops_label(p, "cb"), 0);
	ck_assert_int_eq(mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0), 0);
	ck_assert_int_eq(mapops_exit(p), 0);
	return p;
}

/* mapops_prog_func_info(): each allocation failing returns -ENOMEM, leaves
 * opts and the program as they were, and the retry succeeds. */
START_TEST(prog_func_info_enomem)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo);
	struct bpf_prog_load_opts before_lo;
	struct state before;
	mapops_prog_t *p;
	long n, at;
	int m, rc;

	p = callback_prog();
	arm(-1, FAIL_ONE);
	rc = mapops_prog_func_info(p, &lo);
	disarm();
	n = allocs;
	ck_assert_msg(rc == 0, "%s", mapops_prog_error(p));
	ck_assert_uint_eq(lo.func_info_cnt, 2);
	mapops_prog_free(p);
	for (m = FAIL_ONE; m <= FAIL_FROM; m++) {
		for (at = 0; at < n; at++) {
			memset(&lo, 0, sizeof(lo));
			lo.sz = sizeof(lo);
			before_lo = lo;
			p = callback_prog();
			state_take(&before, p);
			arm(at, (enum fail_mode)m);
			errno = 0;
			rc = mapops_prog_func_info(p, &lo);
			disarm();
			ck_assert_int_eq(rc, -ENOMEM);
			ck_assert_int_eq(errno, ENOMEM);
			ck_assert_ptr_nonnull(strstr(mapops_prog_error(p),
						     "mapops_prog_func_info: out of memory"));
			ck_assert(memcmp(&lo, &before_lo, sizeof(lo)) == 0);
			state_assert_same(&before, p, "func_info");
			state_free(&before);
			ck_assert_int_eq(mapops_prog_func_info(p, &lo), 0);
			ck_assert_uint_eq(lo.func_info_cnt, 2);
			mapops_prog_free(p);
		}
	}
	printf("enomem: %-28s %-26s %3ld allocation points\n",
	       "mapops_prog_func_info", "a callback", n);
}
END_TEST

/* mapops_prog_load() of a program with a callback: the BTF's allocations
 * failing return -ENOMEM, and the retry loads it. */
START_TEST(prog_load_enomem_with_callback)
{
	mapops_prog_t *p;
	long n, at;
	int fd;

	p = callback_prog();
	arm(-1, FAIL_ONE);
	fd = mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	disarm();
	n = allocs;
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(p));
	close(fd);
	for (at = 0; at < n; at++) {
		arm(at, FAIL_ONE);
		errno = 0;
		fd = mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
		disarm();
		ck_assert_msg(fd == -ENOMEM, "allocation %ld: %d %s", at, fd,
			      mapops_prog_error(p));
		ck_assert_ptr_nonnull(strstr(mapops_prog_error(p),
					     "mapops_prog_load: out of memory"));
	}
	fd = mapops_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_msg(fd >= 0, "%s", mapops_prog_error(p));
	close(fd);
	mapops_prog_free(p);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("enomem"), .timeout = 120 };
	char raw[128], name[128];
	size_t i;
	int rc;

	devnull = fopen("/dev/null", "w");
	if (!devnull) {
		perror("/dev/null");
		return EXIT_FAILURE;
	}
	calls_init();
	for (i = 0; i < ncalls; i++) {
		/* "mapops_map_increment", "64-bit increment" ->
		 * map_increment_enomem_64_bit_increment */
		snprintf(raw, sizeof(raw), "%s_enomem_%s",
			 calls[i].fn + strlen("mapops_"), calls[i].what);
		tu_case_name(name, sizeof(name), raw);
		tu_case(&ts, name, call_kind, (int)i, (int)i + 1, false);
	}
	TU_CASE(&ts, emit_enomem_second_half_of_ld_imm64);
	TU_CASE(&ts, prog_new_enomem);
	TU_CASE(&ts, prog_set_tag_enomem_keeps_current_tag);
	TU_CASE(&ts, prog_queries_do_not_allocate);
	/* Left out, and the suite reported skipped, when bpf() is refused. */
	TU_KERNEL_CASE(&ts, prog_load_enomem_keeps_refusal);
	TU_KERNEL_CASE(&ts, prog_func_info_enomem);
	TU_KERNEL_CASE(&ts, prog_load_enomem_with_callback);
	rc = tu_run(&ts);
	fclose(devnull);
	return rc;
}
