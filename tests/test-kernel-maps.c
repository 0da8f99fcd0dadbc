/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The stack-offset map operations in the running kernel.
 *
 * Every test builds a program with the public API only, loads it as a
 * socket filter, runs it with BPF_PROG_TEST_RUN and reads the map back from
 * user space.  Each case loops (TU_KERNEL_LOOP) over the map types the
 * operation fits; every message names the map type under test.
 *
 * Keys are u32 (an array index for the array types) stored at KEY_OFF,
 * values u64.  Per-CPU maps are read back summed over every possible CPU
 * (tu_map_get_u64): a program writes only the slot of the CPU it runs on,
 * user space (tu_map_set) writes every CPU's slot.  Each test pins itself to
 * the CPU it runs on, so all its program runs use one per-CPU slot and a
 * value the program returns is that slot's.
 */
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "testutil.h"

#define KEY_SIZE 4
#define VAL_SIZE 8
/* Large enough that LRU_HASH never evicts in these tests. */
#define MAX_ENTRIES 1024
/* An array index past max_entries. */
#define OOR_INDEX 5000

/* Stack layout of the programs. */
#define KEY_OFF (-4)
#define VAL_OFF (-16)

/* What a program returns when a lookup gives NULL. */
#define SENTINEL 0x5eed

static const enum bpf_map_type all_types[] = {
	BPF_MAP_TYPE_ARRAY,	BPF_MAP_TYPE_PERCPU_ARRAY, BPF_MAP_TYPE_HASH,
	BPF_MAP_TYPE_PERCPU_HASH, BPF_MAP_TYPE_LRU_HASH,
};
/* The types one counter of which all CPUs share (the atomic increment's). */
static const enum bpf_map_type shared_types[] = {
	BPF_MAP_TYPE_ARRAY,
	BPF_MAP_TYPE_HASH,
	BPF_MAP_TYPE_LRU_HASH,
};
/* The types where an insert can fail (LRU_HASH evicts instead). */
static const enum bpf_map_type insert_can_fail_types[] = {
	BPF_MAP_TYPE_ARRAY,
	BPF_MAP_TYPE_PERCPU_ARRAY,
	BPF_MAP_TYPE_HASH,
	BPF_MAP_TYPE_PERCPU_HASH,
};
/* The types where several CPUs may each increment without atomics. */
static const enum bpf_map_type percpu_types[] = {
	BPF_MAP_TYPE_PERCPU_ARRAY,
	BPF_MAP_TYPE_PERCPU_HASH,
};

#define NTYPES(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- Per-test state ------------------------------------------------- */

static enum bpf_map_type cur_type;
#define TN tu_map_type_name(cur_type)

/* The CPUs this process may use before begin() pinned it to one. */
static cpu_set_t orig_cpus;
static bool have_orig_cpus;

/* Starts a test on map type t: records it for messages and pins the
 * process to the CPU it is on. */
static void begin(enum bpf_map_type t)
{
	cpu_set_t one;
	int cpu;

	cur_type = t;
	if (!have_orig_cpus) {
		ck_assert_msg(sched_getaffinity(0, sizeof(orig_cpus),
						&orig_cpus) == 0,
			      "sched_getaffinity: %s", strerror(errno));
		have_orig_cpus = true;
	}
	cpu = sched_getcpu();
	ck_assert_msg(cpu >= 0, "sched_getcpu: %s", strerror(errno));
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	ck_assert_msg(sched_setaffinity(0, sizeof(one), &one) == 0,
		      "sched_setaffinity(cpu %d): %s", cpu, strerror(errno));
}

static bool is_array(void)
{
	return cur_type == BPF_MAP_TYPE_ARRAY ||
	       cur_type == BPF_MAP_TYPE_PERCPU_ARRAY;
}

static bool is_percpu(void)
{
	return tu_map_is_percpu(cur_type);
}

static __u64 ncpus(void)
{
	int n = libbpf_num_possible_cpus();

	ck_assert_msg(n > 0, "libbpf_num_possible_cpus: %d", n);
	return (__u64)n;
}

/* What tu_map_get_u64 reads after user space stored v (every CPU's slot). */
static __u64 user_sum(__u64 v)
{
	return is_percpu() ? ncpus() * v : v;
}

/* What tu_map_get_u64 reads after user space stored old and then one
 * program run (on one CPU) stored v. */
static __u64 after_prog_store(__u64 old, __u64 v)
{
	return is_percpu() ? v + (ncpus() - 1) * old : v;
}

/* ---- Maps ----------------------------------------------------------- */

static int new_map(unsigned max_entries)
{
	return tu_map_create(cur_type, KEY_SIZE, VAL_SIZE, max_entries);
}

static void set_u64(int map_fd, __u32 key, __u64 v)
{
	tu_map_set(map_fd, cur_type, &key, &v, VAL_SIZE);
}

#define expect_value(map_fd, key, want, what)                              \
	expect_value_at(__LINE__, (map_fd), (key), (want), (what))
static void expect_value_at(int line, int map_fd, __u32 key, __u64 want,
			    const char *what)
{
	__u64 got = 0;

	ck_assert_msg(tu_map_get_u64(map_fd, cur_type, &key, VAL_SIZE, &got),
		      "[%s] line %d: %s: key %u is absent, expected value 0x%llx",
		      TN, line, what, key, (unsigned long long)want);
	ck_assert_msg(got == want,
		      "[%s] line %d: %s: key %u holds 0x%llx (%lld), expected 0x%llx (%lld)",
		      TN, line, what, key, (unsigned long long)got,
		      (long long)got, (unsigned long long)want, (long long)want);
}

#define expect_absent(map_fd, key, what)                                   \
	expect_absent_at(__LINE__, (map_fd), (key), (what))
static void expect_absent_at(int line, int map_fd, __u32 key,
			     const char *what)
{
	__u64 got = 0;

	ck_assert_msg(!tu_map_get_u64(map_fd, cur_type, &key, VAL_SIZE, &got),
		      "[%s] line %d: %s: key %u is present (0x%llx), expected absent",
		      TN, line, what, key, (unsigned long long)got);
}

/* ---- Programs ------------------------------------------------------- */

/* Every emitter call must succeed; p is the program being built. */
#define EMIT(call) emit_ok(p, (call), #call, __LINE__)
static void emit_ok(mapops_prog_t *p, int rc, const char *what, int line)
{
	ck_assert_msg(rc == 0, "[%s] line %d: %s returned %d: %s", TN, line,
		      what, rc, mapops_prog_error(p));
}

static mapops_prog_t *prog_begin(void)
{
	mapops_prog_t *p = mapops_prog_new();

	ck_assert_msg(p != NULL, "[%s] mapops_prog_new: %s", TN,
		      strerror(errno));
	return p;
}

/* Loads the program as a socket filter and frees the builder. */
static int prog_finish(mapops_prog_t *p)
{
	int fd = tu_prog_load(p, BPF_PROG_TYPE_SOCKET_FILTER);

	mapops_prog_free(p);
	return fd;
}

static bool fits_s32(__s64 v)
{
	return v >= INT32_MIN && v <= INT32_MAX;
}

/* *(u32 *)(r10 + off) = key */
static void put_key(mapops_prog_t *p, int off, __u32 key)
{
	EMIT(mapops_st_mem(p, BPF_W, BPF_REG_10, off, (__s32)key));
}

/* *(u64 *)(r10 + off) = v, through r1 when v needs 64 bits. */
static void put_u64(mapops_prog_t *p, int off, __u64 v)
{
	if (fits_s32((__s64)v)) {
		EMIT(mapops_st_mem(p, BPF_DW, BPF_REG_10, off, (__s32)v));
		return;
	}
	EMIT(mapops_ld_imm64(p, BPF_REG_1, v));
	EMIT(mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_1, off));
}

/* r0 = v; exit */
static void put_return(mapops_prog_t *p, __s32 v)
{
	EMIT(mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, v));
	EMIT(mapops_exit(p));
}

static __u32 run(int prog_fd, unsigned repeat)
{
	return tu_prog_run(prog_fd, repeat, NULL, 0);
}

#define expect_ret(got, want, what)                                        \
	expect_ret_at(__LINE__, (got), (__u32)(want), (what))
static void expect_ret_at(int line, __u32 got, __u32 want, const char *what)
{
	ck_assert_msg(got == want,
		      "[%s] line %d: %s: the program returned %u (%d, 0x%x), expected %u (%d, 0x%x)",
		      TN, line, what, got, (int)got, got, want, (int)want,
		      want);
}

/*
 * key at KEY_OFF; r0 = lookup; if r0 == 0 return SENTINEL;
 * r0 = *(u64 *)r0 [>> 32]; return r0 (the low 32 bits reach user space).
 */
static int lookup_prog(int map_fd, __u32 key, bool high)
{
	mapops_prog_t *p = prog_begin();

	put_key(p, KEY_OFF, key);
	EMIT(mapops_map_lookup(p, map_fd, KEY_OFF));
	EMIT(mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "miss"));
	EMIT(mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	if (high)
		EMIT(mapops_alu64_imm(p, BPF_RSH, BPF_REG_0, 32));
	EMIT(mapops_exit(p));
	EMIT(mapops_label(p, "miss"));
	put_return(p, SENTINEL);
	return prog_finish(p);
}

/* key at KEY_OFF, value at VAL_OFF; return update(flags). */
static int update_prog(int map_fd, __u32 key, __u64 value, __u64 flags)
{
	mapops_prog_t *p = prog_begin();

	put_key(p, KEY_OFF, key);
	put_u64(p, VAL_OFF, value);
	EMIT(mapops_map_update(p, map_fd, KEY_OFF, VAL_OFF, flags));
	EMIT(mapops_exit(p));
	return prog_finish(p);
}

/* key at KEY_OFF; return delete. */
static int delete_prog(int map_fd, __u32 key)
{
	mapops_prog_t *p = prog_begin();

	put_key(p, KEY_OFF, key);
	EMIT(mapops_map_delete(p, map_fd, KEY_OFF));
	EMIT(mapops_exit(p));
	return prog_finish(p);
}

/* key at KEY_OFF; increment (atomic or not) with scratch VAL_OFF;
 * return 0. */
static int increment_prog(int map_fd, __u32 key, __s64 inc, bool atomic)
{
	mapops_prog_t *p = prog_begin();

	put_key(p, KEY_OFF, key);
	if (atomic)
		EMIT(mapops_map_increment_atomic(p, map_fd, KEY_OFF, VAL_OFF,
						 inc));
	else
		EMIT(mapops_map_increment(p, map_fd, KEY_OFF, VAL_OFF, inc));
	put_return(p, 0);
	return prog_finish(p);
}

/*
 * key at KEY_OFF, init at VAL_OFF; r0 = lookup_or_init;
 * if r0 == 0 return SENTINEL; *(u64 *)r0 += 1; return the new value.
 */
static int lookup_or_init_prog(int map_fd, __u32 key, __u64 init)
{
	mapops_prog_t *p = prog_begin();

	put_key(p, KEY_OFF, key);
	put_u64(p, VAL_OFF, init);
	EMIT(mapops_map_lookup_or_init(p, map_fd, KEY_OFF, VAL_OFF));
	EMIT(mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "null"));
	EMIT(mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_0, 0));
	EMIT(mapops_alu64_imm(p, BPF_ADD, BPF_REG_1, 1));
	EMIT(mapops_stx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_1, 0));
	EMIT(mapops_alu64_reg(p, BPF_MOV, BPF_REG_0, BPF_REG_1));
	EMIT(mapops_exit(p));
	EMIT(mapops_label(p, "null"));
	put_return(p, SENTINEL);
	return prog_finish(p);
}

/* ---- mapops_map_lookup ---------------------------------------------- */

START_TEST(map_lookup_hit)
{
	const __u64 v = 0x1122334455667788ULL;
	int map, lo, hi;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);
	set_u64(map, 3, v);
	lo = lookup_prog(map, 3, false);
	hi = lookup_prog(map, 3, true);

	expect_ret(run(lo, 10), 0x55667788u, "lookup of a stored key, low half");
	expect_ret(run(hi, 10), 0x11223344u,
		   "lookup of a stored key, high half");
	expect_value(map, 3, user_sum(v), "the lookup left the value alone");
	tu_close(hi);
	tu_close(lo);
	tu_close(map);
}
END_TEST

START_TEST(map_lookup_miss)
{
	int map, prog;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);
	set_u64(map, 3, 0x77);
	if (is_array()) {
		/* Out of range: NULL.  In range but never written: 0. */
		prog = lookup_prog(map, OOR_INDEX, false);
		expect_ret(run(prog, 10), SENTINEL,
			   "lookup of an out-of-range index gives NULL");
		tu_close(prog);
		prog = lookup_prog(map, 5, false);
		expect_ret(run(prog, 10), 0,
			   "lookup of an unwritten in-range index gives a zero value");
	} else {
		prog = lookup_prog(map, 42, false);
		expect_ret(run(prog, 10), SENTINEL,
			   "lookup of an absent key gives NULL");
		expect_absent(map, 42, "a lookup miss creates nothing");
	}
	tu_close(prog);
	tu_close(map);
}
END_TEST

/* ---- mapops_map_update ---------------------------------------------- */

START_TEST(map_update_any)
{
	const __u64 v = 0x0102030405060708ULL, old = 0x55, v2 = 0xfedcba9876543210ULL;
	int map, prog;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);

	/* A new key (hash) or an unwritten index (array). */
	if (is_array())
		expect_value(map, 5, 0, "an unwritten index");
	else
		expect_absent(map, 5, "before the update");
	prog = update_prog(map, 5, v, BPF_ANY);
	expect_ret(run(prog, 10), 0, "BPF_ANY on a new key");
	expect_value(map, 5, v, "BPF_ANY stored the value");
	tu_close(prog);

	/* An existing key is overwritten. */
	set_u64(map, 6, old);
	prog = update_prog(map, 6, v2, BPF_ANY);
	expect_ret(run(prog, 10), 0, "BPF_ANY on an existing key");
	expect_value(map, 6, after_prog_store(old, v2),
		     "BPF_ANY overwrote the value");
	expect_value(map, 5, v, "the other key is untouched");
	tu_close(prog);

	if (is_array()) {
		prog = update_prog(map, OOR_INDEX, v, BPF_ANY);
		expect_ret(run(prog, 1), -E2BIG,
			   "BPF_ANY on an out-of-range index");
		tu_close(prog);
	}
	tu_close(map);
}
END_TEST

START_TEST(map_update_noexist)
{
	const __u64 v = 0x0102030405060708ULL, old = 0x55, v2 = 0x99;
	int map, prog;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);
	if (is_array()) {
		/* Every in-range index exists, so BPF_NOEXIST always fails:
		 * the library, which asks the kernel about the map, refuses
		 * it when the program is built, and appends nothing. */
		mapops_prog_t *p = prog_begin();
		size_t len = mapops_prog_len(p);

		ck_assert_int_eq(mapops_map_update(p, map, KEY_OFF, VAL_OFF,
						   BPF_NOEXIST), -EINVAL);
		ck_assert_msg(strstr(mapops_prog_error(p), "BPF_NOEXIST on"),
			      "[%s] %s", TN, mapops_prog_error(p));
		ck_assert_uint_eq(mapops_prog_len(p), len);
		mapops_prog_free(p);
		tu_close(map);
		return;
	}

	/* An existing key: -EEXIST, the value stays. */
	set_u64(map, 6, old);
	prog = update_prog(map, 6, v2, BPF_NOEXIST);
	expect_ret(run(prog, 10), -EEXIST, "BPF_NOEXIST on an existing key");
	expect_value(map, 6, user_sum(old),
		     "a refused BPF_NOEXIST left the value");
	tu_close(prog);

	prog = update_prog(map, 5, v, BPF_NOEXIST);
	/* The first run creates, the next ones are refused. */
	expect_ret(run(prog, 1), 0, "BPF_NOEXIST on an absent key");
	expect_value(map, 5, v, "BPF_NOEXIST created the key");
	expect_ret(run(prog, 10), -EEXIST, "BPF_NOEXIST on the key it created");
	expect_value(map, 5, v, "the repeated BPF_NOEXIST changed nothing");
	tu_close(prog);
	tu_close(map);
}
END_TEST

START_TEST(map_update_exist)
{
	const __u64 v = 0x0102030405060708ULL, old = 0x55, v2 = 0xabcdef;
	int map, prog;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);

	/* An existing key is overwritten. */
	set_u64(map, 6, old);
	prog = update_prog(map, 6, v2, BPF_EXIST);
	expect_ret(run(prog, 10), 0, "BPF_EXIST on an existing key");
	expect_value(map, 6, after_prog_store(old, v2),
		     "BPF_EXIST overwrote the value");
	tu_close(prog);

	prog = update_prog(map, 5, v, BPF_EXIST);
	if (is_array()) {
		/* Every in-range index exists. */
		expect_ret(run(prog, 10), 0,
			   "BPF_EXIST on an unwritten array index");
		expect_value(map, 5, v, "BPF_EXIST stored the value");
	} else {
		expect_ret(run(prog, 10), -ENOENT, "BPF_EXIST on an absent key");
		expect_absent(map, 5, "a refused BPF_EXIST created nothing");
	}
	tu_close(prog);
	tu_close(map);
}
END_TEST

/* ---- mapops_map_delete ---------------------------------------------- */

START_TEST(map_delete_present_then_absent)
{
	const __u64 x = 0x1234, y = 0x5678;
	int map, prog;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);
	set_u64(map, 7, x);
	set_u64(map, 8, y);
	if (is_array()) {
		/* The kernel answers -EINVAL to every delete on an array map:
		 * the library, knowing the map, refuses it at the call. */
		mapops_prog_t *p = prog_begin();
		size_t len = mapops_prog_len(p);

		ck_assert_int_eq(mapops_map_delete(p, map, KEY_OFF), -EINVAL);
		ck_assert_msg(strstr(mapops_prog_error(p), "cannot be deleted"),
			      "[%s] %s", TN, mapops_prog_error(p));
		ck_assert_uint_eq(mapops_prog_len(p), len);
		mapops_prog_free(p);
		expect_value(map, 7, user_sum(x), "nothing ran: the value stays");
		expect_value(map, 8, user_sum(y), "the other key is untouched");
		tu_close(map);
		return;
	}
	prog = delete_prog(map, 7);
	expect_ret(run(prog, 1), 0, "delete of a present key");
	expect_absent(map, 7, "the deleted key");
	expect_ret(run(prog, 10), -ENOENT, "delete of an absent key");
	expect_absent(map, 7, "the deleted key, deleted again");
	expect_value(map, 8, user_sum(y), "the other key is untouched");
	tu_close(prog);
	tu_close(map);
}
END_TEST

/* ---- mapops_map_increment, mapops_map_increment_atomic -------------- */

/*
 * Runs an increment program once, then n - 1 more times, on key 10: the
 * counter goes from start (stored by user space if preset, else absent on
 * hash maps and 0 on array maps) to start + inc, then to start + n * inc,
 * exactly, on 64 bits.
 */
static void check_increment(bool atomic, __s64 inc, unsigned n, bool preset,
			    __u64 start)
{
	const __u32 key = 10;
	const char *op = atomic ? "mapops_map_increment_atomic" :
				  "mapops_map_increment";
	__u64 base = 0;
	char what[160];
	int map, prog;

	map = new_map(MAX_ENTRIES);
	if (preset) {
		set_u64(map, key, start);
		base = user_sum(start);
	} else if (is_array()) {
		expect_value(map, key, 0, "the counter before the first run");
	} else {
		expect_absent(map, key, "the counter before the first run");
	}
	prog = increment_prog(map, key, inc, atomic);

	snprintf(what, sizeof(what), "%s by %lld, one run", op, (long long)inc);
	expect_ret(run(prog, 1), 0, what);
	expect_value(map, key, base + (__u64)inc, what);

	snprintf(what, sizeof(what), "%s by %lld, %u runs", op, (long long)inc,
		 n);
	expect_ret(run(prog, n - 1), 0, what);
	expect_value(map, key, base + (__u64)n * (__u64)inc, what);
	tu_close(prog);
	tu_close(map);
}

START_TEST(map_increment_counts)
{
	begin(all_types[_i]);
	check_increment(false, 3, 1000, false, 0);
}
END_TEST

START_TEST(map_increment_negative)
{
	begin(all_types[_i]);
	/* 100 * -5 = -500 = 0xfffffffffffffe0c */
	check_increment(false, -5, 100, false, 0);
}
END_TEST

START_TEST(map_increment_wide)
{
	begin(all_types[_i]);
	/* Increments that do not fit a sign-extended 32-bit immediate. */
	check_increment(false, 0x100000001LL, 10, false, 0);
	check_increment(false, 0x80000000LL, 4, false, 0);
	check_increment(false, -0x100000001LL, 3, false, 0);
	/* And the 32-bit extremes, which do. */
	check_increment(false, INT32_MAX, 4, false, 0);
	check_increment(false, INT32_MIN, 4, false, 0);
}
END_TEST

START_TEST(map_increment_existing)
{
	begin(all_types[_i]);
	/* The add is 64-bit: it carries out of the low half. */
	check_increment(false, 1, 10, true, 0xffffffffULL);
	check_increment(false, -7, 10, true, 1000);
}
END_TEST

START_TEST(map_increment_atomic_counts)
{
	begin(shared_types[_i]);
	check_increment(true, 3, 1000, false, 0);
}
END_TEST

START_TEST(map_increment_atomic_negative)
{
	begin(shared_types[_i]);
	check_increment(true, -5, 100, false, 0);
}
END_TEST

START_TEST(map_increment_atomic_wide)
{
	begin(shared_types[_i]);
	check_increment(true, 0x100000001LL, 10, false, 0);
	check_increment(true, 0x80000000LL, 4, false, 0);
	check_increment(true, -0x100000001LL, 3, false, 0);
	check_increment(true, INT32_MAX, 4, false, 0);
	check_increment(true, INT32_MIN, 4, false, 0);
}
END_TEST

START_TEST(map_increment_atomic_existing)
{
	begin(shared_types[_i]);
	check_increment(true, 1, 10, true, 0xffffffffULL);
	check_increment(true, -7, 10, true, 1000);
}
END_TEST

/*
 * Runs prog_fd repeat times in each of up to 8 child processes at once, each
 * pinned to a different CPU.  Each child reports one byte through a pipe (0:
 * done and returned 0; 2 pin, 3 barrier, 4 test run, 5 return value), not
 * through its exit status, which a wrapper such as valgrind may replace.
 * Returns the number of children.
 */
static unsigned run_on_all_cpus(int prog_fd, unsigned repeat)
{
	pid_t pids[8];
	unsigned nchild = 0, i;
	int go[2], done[2], cpu;

	ck_assert_msg(pipe(go) == 0 && pipe(done) == 0, "pipe: %s",
		      strerror(errno));
	for (cpu = 0; cpu < CPU_SETSIZE && nchild < 8; cpu++) {
		pid_t pid;

		if (!CPU_ISSET(cpu, &orig_cpus))
			continue;
		pid = fork();
		ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
		if (pid == 0) {
			static const unsigned char pkt[64];
			static unsigned char out[64];
			LIBBPF_OPTS(bpf_test_run_opts, opts);
			unsigned char code = 0;
			cpu_set_t one;
			char c;

			close(go[1]);
			close(done[0]);
			CPU_ZERO(&one);
			CPU_SET(cpu, &one);
			opts.data_in = pkt;
			opts.data_size_in = sizeof(pkt);
			/* valgrind 3.19 checks data_out against data_size_in. */
			opts.data_out = out;
			opts.data_size_out = sizeof(out);
			opts.repeat = (int)repeat;
			if (sched_setaffinity(0, sizeof(one), &one) != 0)
				code = 2;
			/* Wait until the parent releases every child. */
			else if (read(go[0], &c, 1) != 0)
				code = 3;
			else if (bpf_prog_test_run_opts(prog_fd, &opts) != 0)
				code = 4;
			else if (opts.retval != 0)
				code = 5;
			if (write(done[1], &code, 1) != 1)
				_exit(1);
			_exit(0);
		}
		pids[nchild++] = pid;
	}
	close(go[0]);
	close(go[1]);
	close(done[1]);
	for (i = 0; i < nchild; i++) {
		unsigned char code;

		ck_assert_msg(read(done[0], &code, 1) == 1,
			      "[%s] a child died without reporting", TN);
		ck_assert_msg(code == 0,
			      "[%s] a child failed with code %u (2 pin, 3 barrier, 4 test run, 5 return value)",
			      TN, code);
	}
	close(done[0]);
	for (i = 0; i < nchild; i++)
		ck_assert_msg(waitpid(pids[i], NULL, 0) == pids[i],
			      "waitpid: %s", strerror(errno));
	return nchild;
}

/* Every CPU increments the same key at once: not one add is lost. */
static void check_increment_concurrent(bool atomic)
{
	const unsigned repeat = 1000000;
	const __s64 inc = 3;
	const __u32 key = 11;
	unsigned nchild;
	int map, prog;

	map = new_map(MAX_ENTRIES);
	prog = increment_prog(map, key, inc, atomic);
	nchild = run_on_all_cpus(prog, repeat);
	if (nchild < 2)
		fprintf(stderr,
			"note: only one CPU is usable, the concurrent increment ran on one\n");
	expect_value(map, key, (__u64)nchild * repeat * (__u64)inc,
		     atomic ? "mapops_map_increment_atomic from every CPU at once" :
			      "mapops_map_increment on per-CPU slots from every CPU at once");
	tu_close(prog);
	tu_close(map);
}

START_TEST(map_increment_atomic_concurrent)
{
	begin(shared_types[_i]);
	check_increment_concurrent(true);
}
END_TEST

START_TEST(map_increment_percpu_concurrent)
{
	begin(percpu_types[_i]);
	check_increment_concurrent(false);
}
END_TEST

/* ---- mapops_map_lookup_or_init -------------------------------------- */

START_TEST(map_lookup_or_init_creates_then_reuses)
{
	const __u64 init = 100;
	const unsigned n = 50;
	/* Array elements always exist (zero): the init value is never used. */
	__u64 start;
	int map, prog;

	begin(all_types[_i]);
	start = is_array() ? 0 : init;
	map = new_map(MAX_ENTRIES);
	if (is_array())
		expect_value(map, 4, 0, "before the first run");
	else
		expect_absent(map, 4, "before the first run");
	prog = lookup_or_init_prog(map, 4, init);

	expect_ret(run(prog, 1), start + 1, "first run: (init or 0) + 1");
	expect_value(map, 4, start + 1, "after the first run");
	expect_ret(run(prog, n - 1), start + n,
		   "later runs add to the stored value, never re-init");
	expect_value(map, 4, start + n, "after all runs");
	tu_close(prog);
	tu_close(map);
}
END_TEST

START_TEST(map_lookup_or_init_keeps_existing)
{
	const __u64 init = 100, existing = 50;
	const unsigned n = 20;
	int map, prog;

	begin(all_types[_i]);
	map = new_map(MAX_ENTRIES);
	set_u64(map, 4, existing);
	prog = lookup_or_init_prog(map, 4, init);

	/* The program sees its own CPU's slot: existing + runs. */
	expect_ret(run(prog, n), existing + n,
		   "lookup_or_init on a present key uses its value");
	expect_value(map, 4, user_sum(existing) + n,
		     "the present value was not replaced by the init value");
	tu_close(prog);
	tu_close(map);
}
END_TEST

START_TEST(map_lookup_or_init_null_when_insert_fails)
{
	int map, prog;

	begin(insert_can_fail_types[_i]);
	if (is_array()) {
		map = new_map(MAX_ENTRIES);
		prog = lookup_or_init_prog(map, OOR_INDEX, 100);
		expect_ret(run(prog, 10), SENTINEL,
			   "lookup_or_init of an out-of-range index gives NULL");
	} else {
		/* A full map of one entry: the insert fails with -E2BIG. */
		map = new_map(1);
		set_u64(map, 1, 0x33);
		prog = lookup_or_init_prog(map, 4, 100);
		expect_ret(run(prog, 10), SENTINEL,
			   "lookup_or_init on a full map gives NULL");
		expect_absent(map, 4, "the insert into a full map");
		expect_value(map, 1, user_sum(0x33), "the entry already there");
	}
	tu_close(prog);
	tu_close(map);
}
END_TEST

/* ---- r6..r9 survive every map operation ------------------------------ */

static const __u64 callee_saved[4] = {
	0x0123456789abcdefULL, /* r6 */
	0xfffffffffffffffeULL, /* r7 */
	0x7fffffff00000001ULL, /* r8 */
	0xdeadbeefcafef00dULL, /* r9 */
};

/* If any of r6..r9 changed, returns stage * 16 + the register number. */
static void put_check_regs(mapops_prog_t *p, int stage)
{
	int r;

	for (r = BPF_REG_6; r <= BPF_REG_9; r++) {
		EMIT(mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, stage * 16 + r));
		EMIT(mapops_ld_imm64(p, BPF_REG_1, callee_saved[r - BPF_REG_6]));
		EMIT(mapops_jmp_reg(p, BPF_JNE, r, BPF_REG_1, "clobbered"));
	}
}

START_TEST(map_ops_preserve_r6_to_r9)
{
	/* Keys: A (increment), B (lookup_or_init), C (atomic increment),
	 * D (update, then delete); two scratch/init slots. */
	enum { A = 20, B = 21, C = 22, D = 23 };
	enum { OFF_A = -4, OFF_B = -8, OFF_C = -12, OFF_D = -16,
	       OFF_SCRATCH = -24, OFF_INIT = -32, OFF_SCRATCH2 = -40 };
	const __u64 init = 0x4242;
	bool shared;
	mapops_prog_t *p;
	int map, prog, r;
	__u32 ret;

	begin(all_types[_i]);
	shared = !is_percpu();
	map = new_map(MAX_ENTRIES);

	p = prog_begin();
	put_key(p, OFF_A, A);
	put_key(p, OFF_B, B);
	put_key(p, OFF_C, C);
	put_key(p, OFF_D, D);
	put_u64(p, OFF_INIT, init);
	for (r = BPF_REG_6; r <= BPF_REG_9; r++)
		EMIT(mapops_ld_imm64(p, r, callee_saved[r - BPF_REG_6]));

	EMIT(mapops_map_increment(p, map, OFF_A, OFF_SCRATCH, 7));
	put_check_regs(p, 1);
	if (shared) {
		EMIT(mapops_map_increment_atomic(p, map, OFF_C, OFF_SCRATCH2,
						 0x100000001LL));
		put_check_regs(p, 2);
	}
	EMIT(mapops_map_lookup_or_init(p, map, OFF_B, OFF_INIT));
	put_check_regs(p, 3);
	EMIT(mapops_map_lookup(p, map, OFF_A));
	put_check_regs(p, 4);
	EMIT(mapops_map_update(p, map, OFF_D, OFF_INIT, BPF_ANY));
	put_check_regs(p, 5);
	if (!is_array()) { /* refused on arrays (map_delete_present_then_absent) */
		EMIT(mapops_map_delete(p, map, OFF_D));
		put_check_regs(p, 6);
	}
	put_return(p, 1);
	EMIT(mapops_label(p, "clobbered"));
	EMIT(mapops_exit(p));
	prog = prog_finish(p);

	/* First run: the miss paths on hash maps (the keys are new). */
	ret = run(prog, 1);
	ck_assert_msg(ret == 1,
		      "[%s] first run: r%u was clobbered at stage %u (1 increment, 2 atomic increment, 3 lookup_or_init, 4 lookup, 5 update, 6 delete)",
		      TN, ret & 15, ret >> 4);
	/* Later runs: the hit paths. */
	ret = run(prog, 5);
	ck_assert_msg(ret == 1,
		      "[%s] later runs: r%u was clobbered at stage %u (1 increment, 2 atomic increment, 3 lookup_or_init, 4 lookup, 5 update, 6 delete)",
		      TN, ret & 15, ret >> 4);

	/* And the operations did their work. */
	expect_value(map, A, 6 * 7, "the increment between the checks");
	if (shared)
		expect_value(map, C, 6 * 0x100000001ULL,
			     "the atomic increment between the checks");
	expect_value(map, B, is_array() ? 0 : init,
		     "the lookup_or_init between the checks");
	if (is_array())
		expect_value(map, D, init, "the update (delete is refused)");
	else
		expect_absent(map, D, "the key updated then deleted");
	tu_close(prog);
	tu_close(map);
}
END_TEST

/* ---- The suite -------------------------------------------------------- */

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("kernel-maps") };

	TU_KERNEL_LOOP(&ts, map_lookup_hit, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_lookup_miss, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_update_any, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_update_noexist, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_update_exist, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_delete_present_then_absent, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_increment_counts, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_increment_negative, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_increment_wide, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_increment_existing, 0, NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_increment_percpu_concurrent, 0,
		       NTYPES(percpu_types));
	TU_KERNEL_LOOP(&ts, map_increment_atomic_counts, 0, NTYPES(shared_types));
	TU_KERNEL_LOOP(&ts, map_increment_atomic_negative, 0,
		       NTYPES(shared_types));
	TU_KERNEL_LOOP(&ts, map_increment_atomic_wide, 0, NTYPES(shared_types));
	TU_KERNEL_LOOP(&ts, map_increment_atomic_existing, 0,
		       NTYPES(shared_types));
	TU_KERNEL_LOOP(&ts, map_increment_atomic_concurrent, 0,
		       NTYPES(shared_types));
	TU_KERNEL_LOOP(&ts, map_lookup_or_init_creates_then_reuses, 0,
		       NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_lookup_or_init_keeps_existing, 0,
		       NTYPES(all_types));
	TU_KERNEL_LOOP(&ts, map_lookup_or_init_null_when_insert_fails, 0,
		       NTYPES(insert_can_fail_types));
	TU_KERNEL_LOOP(&ts, map_ops_preserve_r6_to_r9, 0, NTYPES(all_types));
	return tu_run(&ts);
}
