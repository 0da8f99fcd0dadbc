/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The _ptr forms of the map operations, in the running kernel, for every
 * choice of pointer registers: lookup_ptr and delete_ptr with the key in
 * r0..r9, update_ptr with every (key, value) pair in r0..r9 x r0..r9.
 *
 * Every program stores its key at r10 - 8, its value at r10 - 16 and a
 * decoy key at r10 - 24.  Before the pointer registers are set, every one of
 * r0..r9 is made to point at the decoy, so a sequence that reads the wrong
 * register (or loses a pointer while moving it) uses the decoy, and that is
 * caught when the map is read back from user space.
 */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "testutil.h"

#define KEY_OFF (-8)
#define VALUE_OFF (-16)
#define DECOY_OFF (-24)
#define NREGS 10 /* r0..r9 */

/* Fails the test, naming the call and the library's message, unless the
 * call returned 0. */
#define OK(prog, call)                                                      \
	do {                                                                \
		int ok_rc_ = (call);                                        \
		ck_assert_msg(ok_rc_ == 0, "%s returned %d: %s", #call,     \
			      ok_rc_, mapops_prog_error(prog));             \
	} while (0)

/* The decoy key and its value, present in the map where a test needs it. */
static const __u64 decoy_key = 0xDEC0;
static const __u64 decoy_value = 0x5A5A5A5A0BADF00DULL;

/* What lookup_ptr's program returns when the lookup found nothing. */
#define MISS_RET 0x0BADBAD0u

/* A distinct key per combination (id < 256); an imm32 for mapops_st_mem. */
static __u64 combo_key(int id)
{
	return 0x1000u + (unsigned)id;
}

/* A distinct value per combination: 64 bits (the upper half is not a
 * sign-extended imm32), its low 32 bits distinct per id. */
static __u64 combo_value(int key_reg, int value_reg, int id)
{
	return 0xC0DE000000000000ULL | ((__u64)key_reg << 40) |
	       ((__u64)value_reg << 32) | (0x7700u + (unsigned)id);
}

static mapops_prog_t *new_prog(void)
{
	mapops_prog_t *prog = mapops_prog_new();

	ck_assert_ptr_nonnull(prog);
	return prog;
}

static int new_hash(void)
{
	return tu_map_create(BPF_MAP_TYPE_HASH, 8, 8, 16);
}

/*
 * BPF_MAP_GET_NEXT_KEY through a fully zeroed union bpf_attr.  (libbpf 1.1's
 * bpf_map_get_next_key() passes a shorter attr, which valgrind's bpf()
 * wrapper reports as uninitialised bytes.)
 */
static int next_key(int map_fd, const __u64 *key, __u64 *next)
{
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.map_fd = (__u32)map_fd;
	attr.key = (__u64)(unsigned long)key;
	attr.next_key = (__u64)(unsigned long)next;
	return (int)syscall(__NR_bpf, BPF_MAP_GET_NEXT_KEY, &attr,
			    sizeof(attr));
}

/*
 * Counts the keys of a hash map with 8-byte keys.  The walk starts from a
 * key no test uses: for an absent key the kernel returns the first one.
 */
static unsigned count_keys(int map_fd)
{
	__u64 key = 0xFFFFFFFFFFFFFFFFULL, next = 0;
	unsigned n = 0;

	while (next_key(map_fd, &key, &next) == 0) {
		key = next;
		n++;
		ck_assert_msg(n < 1000, "runaway key iteration");
	}
	ck_assert_msg(errno == ENOENT, "BPF_MAP_GET_NEXT_KEY: %s",
		      strerror(errno));
	return n;
}

/* reg = r10 + off */
static void emit_stack_ptr(mapops_prog_t *prog, int reg, int off)
{
	OK(prog, mapops_alu64_reg(prog, BPF_MOV, reg, BPF_REG_10));
	OK(prog, mapops_alu64_imm(prog, BPF_ADD, reg, off));
}

/*
 * The common prologue: the decoy key at r10 - 24, the key at r10 - 8 (an
 * imm32 st), the value at r10 - 16 (ld_imm64 into r0, then stx), and every
 * register r0..r9 pointing at the decoy.
 */
static void emit_prologue(mapops_prog_t *prog, __u64 key, __u64 value)
{
	int r;

	OK(prog, mapops_st_mem(prog, BPF_DW, BPF_REG_10, DECOY_OFF,
			       (__s32)decoy_key));
	OK(prog, mapops_st_mem(prog, BPF_DW, BPF_REG_10, KEY_OFF, (__s32)key));
	OK(prog, mapops_ld_imm64(prog, BPF_REG_0, value));
	OK(prog, mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_0,
				VALUE_OFF));
	for (r = BPF_REG_0; r <= BPF_REG_9; r++)
		emit_stack_ptr(prog, r, DECOY_OFF);
}

/*
 * Checks the slot count a one-pointer _ptr form appended: the documented
 * sequence "[r2 = key_reg]; r1 = fd (2 slots); call" is 3 or 4 slots.  (The
 * header's parenthesis says "4 or 5"; the sequence it lists, and the
 * library, have one slot fewer.)
 */
static void check_one_ptr_len(mapops_prog_t *prog, size_t before, int key_reg)
{
	size_t want = key_reg == BPF_REG_2 ? 3 : 4;

	ck_assert_msg(mapops_prog_len(prog) - before == want,
		      "key r%d: %zu slots, expected %zu", key_reg,
		      mapops_prog_len(prog) - before, want);
}

/* Loads and runs once; returns the program's return value. */
static __u32 load_and_run(mapops_prog_t *prog)
{
	int prog_fd = tu_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER);
	__u32 ret = tu_prog_run(prog_fd, 0, NULL, 0);

	tu_close(prog_fd);
	return ret;
}

/* Fills the map with the combination's key and the decoy. */
static void fill_key_and_decoy(int map_fd, __u64 key, __u64 value)
{
	tu_map_set(map_fd, BPF_MAP_TYPE_HASH, &key, &value, 8);
	tu_map_set(map_fd, BPF_MAP_TYPE_HASH, &decoy_key, &decoy_value, 8);
}

/* ---- lookup_ptr: key in r0..r9 ---------------------------------------- */

START_TEST(map_lookup_ptr_each_key_reg)
{
	const int key_reg = _i;
	const __u64 key = combo_key(key_reg);
	const __u64 value = combo_value(key_reg, 0xF, key_reg);
	mapops_prog_t *prog = new_prog();
	int map_fd = new_hash();
	size_t before;
	__u64 got = 0;
	__u32 ret;

	fill_key_and_decoy(map_fd, key, value);

	/* The value slot on the stack is unused here; store something that is
	 * not in the map. */
	emit_prologue(prog, key, ~value);
	emit_stack_ptr(prog, key_reg, KEY_OFF);
	before = mapops_prog_len(prog);
	OK(prog, mapops_map_lookup_ptr(prog, map_fd, key_reg));
	check_one_ptr_len(prog, before, key_reg);
	/* if r0 == 0 goto miss; r0 = *(u64 *)(r0 + 0); exit */
	OK(prog, mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "miss"));
	OK(prog, mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	OK(prog, mapops_exit(prog));
	OK(prog, mapops_label(prog, "miss"));
	OK(prog, mapops_alu32_imm(prog, BPF_MOV, BPF_REG_0, (__s32)MISS_RET));
	OK(prog, mapops_exit(prog));

	ret = load_and_run(prog);
	ck_assert_msg(ret != MISS_RET,
		      "lookup_ptr key r%d: the lookup found nothing", key_reg);
	ck_assert_msg(ret != (__u32)decoy_value,
		      "lookup_ptr key r%d: looked up the decoy key, not the key r%d points to",
		      key_reg, key_reg);
	ck_assert_msg(ret == (__u32)value,
		      "lookup_ptr key r%d: returned 0x%08x, expected 0x%08x",
		      key_reg, ret, (__u32)value);

	/* A lookup changes nothing. */
	ck_assert_uint_eq(count_keys(map_fd), 2);
	ck_assert(tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &key, 8, &got));
	ck_assert_uint_eq(got, value);

	tu_close(map_fd);
	mapops_prog_free(prog);
}
END_TEST

/* The miss path: a key that is absent gives NULL in r0. */
START_TEST(map_lookup_ptr_absent_key)
{
	const int key_reg = _i;
	const __u64 key = combo_key(0x80 + key_reg);
	mapops_prog_t *prog = new_prog();
	int map_fd = new_hash();
	__u64 absent = key;
	__u64 got = 0;

	tu_map_set(map_fd, BPF_MAP_TYPE_HASH, &decoy_key, &decoy_value, 8);
	emit_prologue(prog, key, 0);
	emit_stack_ptr(prog, key_reg, KEY_OFF);
	OK(prog, mapops_map_lookup_ptr(prog, map_fd, key_reg));
	OK(prog, mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "miss"));
	OK(prog, mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	OK(prog, mapops_exit(prog));
	OK(prog, mapops_label(prog, "miss"));
	OK(prog, mapops_alu32_imm(prog, BPF_MOV, BPF_REG_0, (__s32)MISS_RET));
	OK(prog, mapops_exit(prog));

	ck_assert_msg(load_and_run(prog) == MISS_RET,
		      "lookup_ptr key r%d: an absent key was found", key_reg);
	ck_assert(!tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &absent, 8, &got));
	tu_close(map_fd);
	mapops_prog_free(prog);
}
END_TEST

/* ---- delete_ptr: key in r0..r9 ---------------------------------------- */

START_TEST(map_delete_ptr_each_key_reg)
{
	const int key_reg = _i;
	const __u64 key = combo_key(0x40 + key_reg);
	const __u64 value = combo_value(key_reg, 0xE, 0x40 + key_reg);
	mapops_prog_t *prog = new_prog();
	int map_fd = new_hash();
	size_t before;
	__u64 got = 0;
	__u32 ret;

	fill_key_and_decoy(map_fd, key, value);

	emit_prologue(prog, key, ~value);
	emit_stack_ptr(prog, key_reg, KEY_OFF);
	before = mapops_prog_len(prog);
	OK(prog, mapops_map_delete_ptr(prog, map_fd, key_reg));
	check_one_ptr_len(prog, before, key_reg);
	OK(prog, mapops_exit(prog)); /* r0 = 0 or -errno */

	ret = load_and_run(prog);
	ck_assert_msg(ret == 0,
		      "delete_ptr key r%d: bpf_map_delete_elem returned %d",
		      key_reg, (int)ret);
	ck_assert_msg(!tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &key, 8, &got),
		      "delete_ptr key r%d: key 0x%llx is still there", key_reg,
		      (unsigned long long)key);
	ck_assert_msg(tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &decoy_key, 8,
				     &got) && got == decoy_value,
		      "delete_ptr key r%d: the decoy key was deleted or changed",
		      key_reg);
	ck_assert_uint_eq(count_keys(map_fd), 1);

	/* A second run finds nothing to delete: -ENOENT. */
	ret = load_and_run(prog);
	ck_assert_msg((int)ret == -ENOENT,
		      "delete_ptr key r%d: second delete returned %d, expected -ENOENT",
		      key_reg, (int)ret);
	ck_assert_uint_eq(count_keys(map_fd), 1);

	tu_close(map_fd);
	mapops_prog_free(prog);
}
END_TEST

/* ---- update_ptr: every (key, value) pair in r0..r9 x r0..r9 ------------ */

/* The moves update_ptr emits before "r1 = fd; r4 = flags; call". */
static size_t update_moves(int key_reg, int value_reg)
{
	if (key_reg == BPF_REG_3 && value_reg == BPF_REG_2)
		return 3; /* the swap through r1 */
	return (size_t)(key_reg != BPF_REG_2) + (size_t)(value_reg != BPF_REG_3);
}

START_TEST(map_update_ptr_each_reg_pair)
{
	const int key_reg = _i / NREGS, value_reg = _i % NREGS;
	const int same = key_reg == value_reg;
	const __u64 key = combo_key(_i);
	const __u64 value = combo_value(key_reg, value_reg, _i);
	/* With one register for both, the key bytes are the value bytes. */
	const __u64 want = same ? key : value;
	mapops_prog_t *prog = new_prog();
	int map_fd = new_hash();
	size_t before, want_len, got_len;
	__u64 got = 0;
	__u32 ret;

	emit_prologue(prog, key, value);
	/* Value pointer first, then the key pointer: when both are the same
	 * register it points at the key. */
	emit_stack_ptr(prog, value_reg, VALUE_OFF);
	emit_stack_ptr(prog, key_reg, KEY_OFF);
	before = mapops_prog_len(prog);
	OK(prog, mapops_map_update_ptr(prog, map_fd, key_reg, value_reg,
				       BPF_ANY));
	/* moves; r1 = fd (2 slots); r4 = flags; call.  (The header says "5 to
	 * 8 slots"; its sequence, and the library, give 4 to 7.) */
	want_len = update_moves(key_reg, value_reg) + 4;
	got_len = mapops_prog_len(prog) - before;
	OK(prog, mapops_exit(prog)); /* r0 = 0 or -errno */

	ret = load_and_run(prog);
	ck_assert_msg(ret == 0,
		      "update_ptr key r%d value r%d: bpf_map_update_elem returned %d",
		      key_reg, value_reg, (int)ret);
	ck_assert_msg(!tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &decoy_key, 8,
				      &got),
		      "update_ptr key r%d value r%d: stored under the decoy key (value 0x%llx)",
		      key_reg, value_reg, (unsigned long long)got);
	ck_assert_msg(tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &key, 8, &got),
		      "update_ptr key r%d value r%d: key 0x%llx is absent",
		      key_reg, value_reg, (unsigned long long)key);
	ck_assert_msg(got == want,
		      "update_ptr key r%d value r%d: key 0x%llx holds 0x%llx, expected 0x%llx%s",
		      key_reg, value_reg, (unsigned long long)key,
		      (unsigned long long)got, (unsigned long long)want,
		      got == decoy_key ? " (the decoy's bytes)" : "");
	ck_assert_msg(count_keys(map_fd) == 1,
		      "update_ptr key r%d value r%d: %u keys in the map, expected 1",
		      key_reg, value_reg, count_keys(map_fd));
	/* Checked after the kernel's verdict, which says more. */
	ck_assert_msg(got_len == want_len,
		      "update_ptr key r%d value r%d: %zu slots, expected %zu",
		      key_reg, value_reg, got_len, want_len);

	tu_close(map_fd);
	mapops_prog_free(prog);
}
END_TEST

/* update_ptr with BPF_NOEXIST, then BPF_EXIST, for a few telling pairs:
 * the flags reach r4 whatever the moves were. */
static const struct { int key_reg, value_reg; } flag_pairs[] = {
	{ BPF_REG_3, BPF_REG_2 }, { BPF_REG_1, BPF_REG_2 },
	{ BPF_REG_4, BPF_REG_4 }, { BPF_REG_0, BPF_REG_9 },
	{ BPF_REG_2, BPF_REG_3 },
};

/* Fails unless key holds want (naming the registers). */
static void check_holds(int map_fd, __u64 key, __u64 want, int key_reg,
			int value_reg)
{
	__u64 got = 0;

	ck_assert_msg(tu_map_get_u64(map_fd, BPF_MAP_TYPE_HASH, &key, 8, &got),
		      "key r%d value r%d: key 0x%llx is absent", key_reg,
		      value_reg, (unsigned long long)key);
	ck_assert_msg(got == want,
		      "key r%d value r%d: key 0x%llx holds 0x%llx, expected 0x%llx",
		      key_reg, value_reg, (unsigned long long)key,
		      (unsigned long long)got, (unsigned long long)want);
}

START_TEST(map_update_ptr_flags)
{
	const int key_reg = flag_pairs[_i].key_reg;
	const int value_reg = flag_pairs[_i].value_reg;
	const __u64 key = combo_key(0xC0 + _i);
	const __u64 value = combo_value(key_reg, value_reg, 0xC0 + _i);
	const __u64 want = key_reg == value_reg ? key : value;
	const __u64 old = 0x1111222233334444ULL;
	mapops_prog_t *noexist = new_prog(), *exist = new_prog();
	int map_fd = new_hash();
	__u32 ret;

	emit_prologue(noexist, key, value);
	emit_stack_ptr(noexist, value_reg, VALUE_OFF);
	emit_stack_ptr(noexist, key_reg, KEY_OFF);
	OK(noexist, mapops_map_update_ptr(noexist, map_fd, key_reg, value_reg,
					  BPF_NOEXIST));
	OK(noexist, mapops_exit(noexist));

	emit_prologue(exist, key, value);
	emit_stack_ptr(exist, value_reg, VALUE_OFF);
	emit_stack_ptr(exist, key_reg, KEY_OFF);
	OK(exist, mapops_map_update_ptr(exist, map_fd, key_reg, value_reg,
					BPF_EXIST));
	OK(exist, mapops_exit(exist));

	/* Absent: EXIST fails, NOEXIST creates. */
	ret = load_and_run(exist);
	ck_assert_msg((int)ret == -ENOENT,
		      "key r%d value r%d: BPF_EXIST on an absent key returned %d",
		      key_reg, value_reg, (int)ret);
	ck_assert_msg(count_keys(map_fd) == 0,
		      "key r%d value r%d: a failed BPF_EXIST update created a key",
		      key_reg, value_reg);
	ret = load_and_run(noexist);
	ck_assert_msg(ret == 0,
		      "key r%d value r%d: BPF_NOEXIST on an absent key returned %d",
		      key_reg, value_reg, (int)ret);
	check_holds(map_fd, key, want, key_reg, value_reg);

	/* Present: NOEXIST fails, EXIST overwrites. */
	tu_map_set(map_fd, BPF_MAP_TYPE_HASH, &key, &old, 8);
	ret = load_and_run(noexist);
	ck_assert_msg((int)ret == -EEXIST,
		      "key r%d value r%d: BPF_NOEXIST on a present key returned %d",
		      key_reg, value_reg, (int)ret);
	check_holds(map_fd, key, old, key_reg, value_reg);
	ret = load_and_run(exist);
	ck_assert_msg(ret == 0,
		      "key r%d value r%d: BPF_EXIST on a present key returned %d",
		      key_reg, value_reg, (int)ret);
	check_holds(map_fd, key, want, key_reg, value_reg);
	ck_assert_msg(count_keys(map_fd) == 1,
		      "key r%d value r%d: %u keys in the map, expected 1",
		      key_reg, value_reg, count_keys(map_fd));

	tu_close(map_fd);
	mapops_prog_free(noexist);
	mapops_prog_free(exist);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("kernel-ptr") };

	TU_KERNEL_LOOP(&ts, map_lookup_ptr_each_key_reg, BPF_REG_0, NREGS);
	TU_KERNEL_LOOP(&ts, map_lookup_ptr_absent_key, BPF_REG_0, NREGS);
	TU_KERNEL_LOOP(&ts, map_delete_ptr_each_key_reg, BPF_REG_0, NREGS);
	TU_KERNEL_LOOP(&ts, map_update_ptr_each_reg_pair, 0, NREGS * NREGS);
	TU_KERNEL_LOOP(&ts, map_update_ptr_flags, 0, (int)NSLOTS(flag_pairs));
	return tu_run(&ts);
}
