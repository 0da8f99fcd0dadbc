/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Subprograms and callbacks in the running kernel: bpf-to-bpf calls
 * (mapops_call), callbacks (mapops_ld_func, mapops_map_for_each,
 * mapops_loop) loaded through mapops_prog_load() with the BTF the library
 * builds, and through libbpf's bpf_prog_load() with mapops_prog_func_info();
 * the BTF names the kernel keeps; the resolution refusals, each next to the
 * kernel's own refusal of the same bytes; provenance inside a subprogram.
 *
 * Programs are socket filters run with BPF_PROG_TEST_RUN; 64-bit results go
 * to the array map "res" (key u32, value u64).
 */
#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "testutil.h"

#define OK(call)                                                            \
	do {                                                                \
		int ok_rc_ = (call);                                        \
		ck_assert_msg(ok_rc_ == 0, "%s returned %d: %s", #call,     \
			      ok_rc_, mapops_prog_error(prog));             \
	} while (0)

#define NRES 8
#define RES_VAL_OFF (-8)
#define RES_KEY_OFF (-12)

static mapops_prog_t *prog;
static struct tu_results res = { -1, 0 };

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
	tu_results_open(&res, NRES);
}

static void teardown(void)
{
	mapops_prog_free(prog);
	prog = NULL;
	tu_close(res.fd);
	res.fd = -1;
}

/* Loads with mapops_prog_load() (the library's BTF), failing the test with
 * the library's message (the verifier log) on error; the fd is tracked. */
static int load(void)
{
	int fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);

	ck_assert_msg(fd >= 0, "mapops_prog_load: %s", mapops_prog_error(prog));
	return tu_track_fd(fd);
}

static __u32 load_and_run(void)
{
	int fd = load();
	__u32 ret = tu_prog_run(fd, 0, NULL, 0);

	tu_close(fd);
	return ret;
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* ---- bpf-to-bpf calls -------------------------------------------------- */

/*
 * Three subprograms calling each other, one of them called from two places:
 *      main: r1 = 3; call f-plus-one; r6 = r0; r1 = 4; call g.twice;
 *            r0 += r6; exit                      f(3) + g(4) = 10 + 32
 *      f-plus-one(x) = sq(x) + 1;  g.twice(x) = sq(x) * 2;  sq(x) = x * x
 * The labels are not C identifiers: the BTF names are "f_plus_one" etc.
 */
static void emit_call_chain(void)
{
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_1, 3));
	OK(mapops_call(prog, "f-plus-one"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_6, BPF_REG_0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_1, 4));
	OK(mapops_call(prog, "g.twice"));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_0, BPF_REG_6));
	OK(mapops_exit(prog));

	OK(mapops_label(prog, "f-plus-one"));
	OK(mapops_call(prog, "sq"));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_0, 1));
	OK(mapops_exit(prog));

	OK(mapops_label(prog, "g.twice"));
	OK(mapops_call(prog, "sq"));
	OK(mapops_alu64_imm(prog, BPF_MUL, BPF_REG_0, 2));
	OK(mapops_exit(prog));

	OK(mapops_label(prog, "sq"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_1));
	OK(mapops_alu64_reg(prog, BPF_MUL, BPF_REG_0, BPF_REG_1));
	OK(mapops_exit(prog));
}

START_TEST(call_three_subprograms)
{
	emit_call_chain();
	ck_assert_uint_eq(load_and_run(), 42);
}
END_TEST

/* The kernel keeps the BTF the library gave it: one static function per
 * subprogram, named after its label made an identifier. */
START_TEST(call_btf_names_in_kernel)
{
	static const char *const want[] = { "main", "f_plus_one", "g_twice", "sq" };
	static char raw[1 << 16];
	struct bpf_func_info info[8];
	struct bpf_prog_info pi;
	struct bpf_btf_info bi;
	__u32 len = sizeof(pi), blen = sizeof(bi), i;
	struct btf *btf;
	int fd, btf_fd;

	emit_call_chain();
	fd = load();
	/* Buffers the kernel fills are zeroed first: valgrind cannot see the
	 * kernel write through the pointers in the info structs. */
	memset(info, 0, sizeof(info));
	memset(raw, 0, sizeof(raw));
	memset(&bi, 0, sizeof(bi));
	memset(&pi, 0, sizeof(pi));
	pi.nr_func_info = 8;
	pi.func_info_rec_size = sizeof(info[0]);
	pi.func_info = (__u64)(unsigned long)info;
	ck_assert_int_eq(bpf_obj_get_info_by_fd(fd, &pi, &len), 0);
	ck_assert_uint_eq(pi.nr_func_info, 4);
	ck_assert_uint_gt(pi.btf_id, 0);
	btf_fd = tu_track_fd(bpf_btf_get_fd_by_id(pi.btf_id));
	ck_assert_int_ge(btf_fd, 0);
	bi.btf = (__u64)(unsigned long)raw;
	bi.btf_size = sizeof(raw);
	ck_assert_int_eq(bpf_obj_get_info_by_fd(btf_fd, &bi, &blen), 0);
	btf = btf__new(raw, bi.btf_size);
	ck_assert_ptr_nonnull(btf);
	for (i = 0; i < 4; i++) {
		const struct btf_type *t = btf__type_by_id(btf, info[i].type_id);

		ck_assert_ptr_nonnull(t);
		ck_assert_str_eq(btf__name_by_offset(btf, t->name_off), want[i]);
		ck_assert_int_eq(BTF_INFO_VLEN(t->info), BTF_FUNC_STATIC);
	}
	ck_assert_uint_eq(info[1].insn_off, 7);
	btf__free(btf);
	tu_close(btf_fd);
	tu_close(fd);
}
END_TEST

/* A pointer into the caller's frame as an argument: the callee adds 7 to
 * the caller's stack slot; r6..r9 survive the call. */
START_TEST(call_stack_pointer_argument)
{
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 1000));
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -16, 5));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_1, BPF_REG_10));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_1, -16));
	OK(mapops_call(prog, "add7"));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_10, -16));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_0, BPF_REG_6));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "add7"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 0)); /* the callee's r6 */
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_2, BPF_REG_1, 0));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_2, 7));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_1, BPF_REG_2, 0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));
	ck_assert_uint_eq(load_and_run(), 1012);
}
END_TEST

/* mapops_prog_load() closes the BTF it loaded, on success and on failure. */
START_TEST(call_load_closes_btf_fd)
{
	int before, fd;

	emit_call_chain();
	before = count_fds();
	fd = load();
	ck_assert_int_eq(count_fds(), before + 1);
	tu_close(fd);
	/* Refused by the verifier (r0 not set in the main program). */
	mapops_prog_free(prog);
	prog = mapops_prog_new();
	OK(mapops_call(prog, "f"));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_0, BPF_REG_7));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "f"));
	OK(mapops_exit(prog));
	before = count_fds();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_int_eq(fd, -EACCES);
	ck_assert_int_eq(count_fds(), before);
}
END_TEST

/* A verifier refusal inside a subprogram names the call that emitted it. */
START_TEST(call_refusal_origin_in_subprogram)
{
	int fd;

	OK(mapops_call(prog, "bad"));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "bad"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0)); /* NULL */
	OK(mapops_exit(prog));
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_int_lt(fd, 0);
	ck_assert_msg(strstr(mapops_prog_error(prog),
			     "insn 3: emitted by mapops_ldx_mem #1"),
		      "%s", mapops_prog_error(prog));
}
END_TEST

/* ---- Resolution refusals, next to the kernel's ------------------------- */

/* Loads raw slots with libbpf (no resolution) and returns the log. */
static int raw_load(const struct bpf_insn *insns, size_t cnt, char *log,
		    size_t size)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo, .log_buf = log,
		    .log_size = (__u32)size, .log_level = 1);
	int fd = bpf_prog_load(BPF_PROG_TYPE_SOCKET_FILTER, NULL, "GPL", insns,
			       cnt, &lo);

	if (fd >= 0)
		close(fd);
	return fd < 0 ? -errno : fd;
}

START_TEST(resolve_refuses_fall_through)
{
	const struct bpf_insn raw[] = {
		I(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, 2),
		I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
		I(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
		I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 1), /* no exit */
		I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 2),
	};
	static char log[4096];
	int rc;

	OK(mapops_call(prog, "tail"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "tail"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 1));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 2));
	rc = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_refused(prog, rc, EINVAL,
			  "subprogram \"tail\" (slots 3..4) ends with \"r0 = 2\", not exit or an unconditional jump: it would run into the end of the program");
	ck_assert_int_lt(raw_load(raw, NSLOTS(raw), log, sizeof(log)), 0);
	ck_assert_msg(strstr(log, "last insn is not an exit or jmp"), "%s", log);
}
END_TEST

START_TEST(resolve_refuses_jump_into_subprogram)
{
	const struct bpf_insn raw[] = {
		I(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, 3),
		I(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3, 0), /* into "sub" */
		I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
		I(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
		I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 1),
		I(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 2),
		I(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
	};
	static char log[4096];
	int rc;

	OK(mapops_call(prog, "sub"));
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "inside"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "sub"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 1));
	OK(mapops_label(prog, "inside"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 2));
	OK(mapops_exit(prog));
	rc = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_refused(prog, rc, EINVAL,
			  "the jump at slot 1 in the main program goes to label \"inside\" (slot 5) in subprogram \"sub\"");
	ck_assert_int_lt(raw_load(raw, NSLOTS(raw), log, sizeof(log)), 0);
	ck_assert_msg(strstr(log, "jump out of range"), "%s", log);
}
END_TEST

/* ---- Callbacks --------------------------------------------------------- */

#define NELEMS 50

/*
 * A hash map of NELEMS elements; the callback adds each value to the sum in
 * the caller's frame at -24 (its ctx):
 *      *(u64 *)(r10 - 24) = 0; for_each(map, "sum_cb", ctx -24, 0)
 *      res[0] = r0 (elements visited); res[1] = *(u64 *)(r10 - 24)
 * sum_cb: r0 = *(u64 *)(r3 + 0); r1 = *(u64 *)(r4 + 0); r1 += r0;
 *         *(u64 *)(r4 + 0) = r1; r0 = 0; exit
 */
START_TEST(map_for_each_sums_hash)
{
	int map = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 64);
	__u64 sum = 0, v;
	__u32 k;

	srand(12);
	for (k = 0; k < NELEMS; k++) {
		v = ((__u64)rand() << 20) ^ (__u64)rand();
		ck_assert_int_eq(bpf_map_update_elem(map, &k, &v, BPF_ANY), 0);
	}
	/* The sum as user space reads it back. */
	for (k = 0; k < NELEMS; k++) {
		ck_assert_int_eq(bpf_map_lookup_elem(map, &k, &v), 0);
		sum += v;
	}
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -24, 0));
	OK(mapops_map_for_each(prog, map, "sum_cb", -24, 0));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_6, BPF_REG_0));
	tu_emit_result(prog, &res, 0, BPF_REG_6);
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_6, BPF_REG_10, -24));
	tu_emit_result(prog, &res, 1, BPF_REG_6);
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));

	OK(mapops_label(prog, "sum_cb"));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_3, 0));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_1, BPF_REG_4, 0));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_1, BPF_REG_0));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_4, BPF_REG_1, 0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));

	load_and_run();
	ck_assert_uint_eq(tu_result(&res, 0), NELEMS);
	ck_assert_uint_eq(tu_result(&res, 1), sum);
	tu_close(map);
}
END_TEST

/*
 * bpf_loop: the callback folds the index into the value in the caller's
 * frame, v = v * 3 + i, N times; r0 is the number of iterations.
 */
#define NLOOPS 20

static void emit_loop_prog(void)
{
	OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -24, 1));
	OK(mapops_loop(prog, NLOOPS, "fold", -24, 0));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_6, BPF_REG_0));
	tu_emit_result(prog, &res, 0, BPF_REG_6);
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_6, BPF_REG_10, -24));
	tu_emit_result(prog, &res, 1, BPF_REG_6);
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));

	OK(mapops_label(prog, "fold"));
	OK(mapops_ldx_mem(prog, BPF_DW, BPF_REG_3, BPF_REG_2, 0));
	OK(mapops_alu64_imm(prog, BPF_MUL, BPF_REG_3, 3));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_3, BPF_REG_1));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_2, BPF_REG_3, 0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));
}

static __u64 loop_want(void)
{
	__u64 v = 1;
	unsigned i;

	for (i = 0; i < NLOOPS; i++)
		v = v * 3 + i;
	return v;
}

START_TEST(loop_builds_value)
{
	emit_loop_prog();
	load_and_run();
	ck_assert_uint_eq(tu_result(&res, 0), NLOOPS);
	ck_assert_uint_eq(tu_result(&res, 1), loop_want());
}
END_TEST

/* mapops_ld_func() by hand: r1 = 5; r2 = "count"; r3 = 0; r4 = 0;
 * call bpf_loop; r0 = iterations (5). */
START_TEST(ld_func_for_bpf_loop)
{
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_1, 5));
	OK(mapops_ld_func(prog, BPF_REG_2, "count"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_3, 0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_4, 0));
	OK(mapops_call_helper(prog, BPF_FUNC_loop));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "count"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));
	ck_assert_uint_eq(load_and_run(), 5);
}
END_TEST

/* The same program loaded by libbpf directly, with the library's BTF. */
START_TEST(prog_func_info_with_libbpf)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo);
	const struct bpf_insn *insns;
	size_t cnt;
	int fd;

	emit_loop_prog();
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	OK(mapops_prog_func_info(prog, &lo));
	ck_assert_uint_eq(lo.func_info_cnt, 2);
	ck_assert_uint_eq(lo.func_info_rec_size, sizeof(struct bpf_func_info));
	ck_assert_uint_gt(lo.prog_btf_fd, 0);
	fd = tu_track_fd(bpf_prog_load(BPF_PROG_TYPE_SOCKET_FILTER, "fi", "GPL",
				       insns, cnt, &lo));
	ck_assert_int_ge(fd, 0);
	tu_prog_run(fd, 0, NULL, 0);
	ck_assert_uint_eq(tu_result(&res, 1), loop_want());
	tu_close(fd);
}
END_TEST

/* Without the func_info the kernel refuses the callback. */
START_TEST(prog_func_info_needed_by_kernel)
{
	static char log[65536];
	const struct bpf_insn *insns;
	size_t cnt;

	emit_loop_prog();
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	ck_assert_int_lt(raw_load(insns, cnt, log, sizeof(log)), 0);
	ck_assert_msg(strstr(log, "missing btf func_info"), "%s", log);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("subprogs"),
			       .setup = setup, .teardown = teardown };

	TU_KERNEL_CASE(&ts, call_three_subprograms);
	TU_KERNEL_CASE(&ts, call_btf_names_in_kernel);
	TU_KERNEL_CASE(&ts, call_stack_pointer_argument);
	TU_KERNEL_CASE(&ts, call_load_closes_btf_fd);
	TU_KERNEL_CASE(&ts, call_refusal_origin_in_subprogram);
	TU_KERNEL_CASE(&ts, resolve_refuses_fall_through);
	TU_KERNEL_CASE(&ts, resolve_refuses_jump_into_subprogram);
	TU_KERNEL_CASE(&ts, map_for_each_sums_hash);
	TU_KERNEL_CASE(&ts, loop_builds_value);
	TU_KERNEL_CASE(&ts, ld_func_for_bpf_loop);
	TU_KERNEL_CASE(&ts, prog_func_info_with_libbpf);
	TU_KERNEL_CASE(&ts, prog_func_info_needed_by_kernel);
	return tu_run(&ts);
}
