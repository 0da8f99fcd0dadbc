/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * bench-codegen: the code libmapops emits against the code clang -O2 emits
 * for the same map operation.
 *
 * For every operation it builds a tc program with libmapops (build_* below)
 * and opens the clang-compiled restricted-C program that does the same work
 * (bench/clang/OP.bpf.c), twice: plain, and with the operation bracketed by
 * no-op marker jumps (-DBENCH_MARK).  It reports
 *   - the operation's own sequence: the slots the one libmapops call emitted,
 *     against clang's (the plain program less clang's prologue and epilogue,
 *     which the marked object shows; see bench/README.md);
 *   - the whole program, both sides;
 *   - with the kernel (not in --quick): the run time per execution that
 *     BPF_PROG_TEST_RUN reports ("duration", the kernel's mean over repeat
 *     runs), both programs loaded on the same map and run alternately, as a
 *     ratio libmapops/clang, median over the repetitions, for a packet whose
 *     key is in the map (hit) and one whose key is not (miss; the map is full,
 *     so a miss also runs the whole insert path, every time).
 * Prints one JSON object.  --quick: counts only (no kernel), and exit 1 if
 * any libmapops count is above clang's.
 *
 * usage: bench-codegen OBJDIR [--quick] [--reps N] [--repeat N]
 *   OBJDIR holds OP.bpf.o and OP.mark.bpf.o for every operation.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <mapops/mapops.h>

#define KEY_HIT 1u
#define KEY_MISS 2u
#define PKT_LEN 64
#define MAX_REPS 101

static void die(const char *what, const char *why)
{
	fprintf(stderr, "bench-codegen: %s: %s\n", what, why);
	exit(1);
}

#define E(prog, x)                                                         \
	do {                                                               \
		if ((x) < 0)                                               \
			die(#x, mapops_prog_error(prog));                  \
	} while (0)

/* ------------------------------------------------------------------------
 * The libmapops side, written as a user of the library would write it.
 * Every program: r1 = skb; data in r2, data_end in r3; return 0 unless the
 * packet holds 16 bytes; key = packet[0..4) (stored at r10-4 for the stack
 * forms), value = packet[8..16) (at r10-16).  Each builder returns the
 * number of slots the map operation's own call emitted.
 * ------------------------------------------------------------------------ */

#define KEY_OFF (-4)
#define VAL_OFF (-16)

static void prologue(mapops_prog_t *p, bool zero_r0)
{
	E(p, mapops_ldx_mem(p, BPF_W, BPF_REG_2, BPF_REG_1,
			    offsetof(struct __sk_buff, data)));
	E(p, mapops_ldx_mem(p, BPF_W, BPF_REG_3, BPF_REG_1,
			    offsetof(struct __sk_buff, data_end)));
	if (zero_r0)
		E(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0));
	E(p, mapops_alu64_reg(p, BPF_MOV, BPF_REG_4, BPF_REG_2));
	E(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_4, 16));
	E(p, mapops_jmp_reg(p, BPF_JGT, BPF_REG_4, BPF_REG_3, "out"));
}

static void store_key(mapops_prog_t *p)
{
	E(p, mapops_ldx_mem(p, BPF_W, BPF_REG_1, BPF_REG_2, 0));
	E(p, mapops_stx_mem(p, BPF_W, BPF_REG_10, BPF_REG_1, KEY_OFF));
}

static void store_value(mapops_prog_t *p)
{
	E(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_2, 8));
	E(p, mapops_stx_mem(p, BPF_DW, BPF_REG_10, BPF_REG_1, VAL_OFF));
}

/* return r0 ? *(u64 *)r0 : 0  (r0 is 0 on the early exit too) */
static void return_value(mapops_prog_t *p)
{
	E(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "out"));
	E(p, mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	E(p, mapops_label(p, "out"));
	E(p, mapops_exit(p));
}

/* return r0 (the helper's result; 0 on the early exit) */
static void return_r0(mapops_prog_t *p)
{
	E(p, mapops_label(p, "out"));
	E(p, mapops_exit(p));
}

static void return_zero(mapops_prog_t *p)
{
	E(p, mapops_label(p, "out"));
	E(p, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0));
	E(p, mapops_exit(p));
}

/* n = the number of slots call emitted */
#define SEQ(n, p, call)                                                    \
	do {                                                               \
		size_t before_ = mapops_prog_len(p);                       \
		E(p, call);                                                \
		(n) = mapops_prog_len(p) - before_;                        \
	} while (0)

static size_t build_lookup(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	store_key(p);
	SEQ(n, p, mapops_map_lookup(p, fd, KEY_OFF));
	return_value(p);
	return n;
}

static size_t build_lookup_ptr(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	SEQ(n, p, mapops_map_lookup_ptr(p, fd, BPF_REG_2));
	return_value(p);
	return n;
}

static size_t build_update(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	store_key(p);
	store_value(p);
	SEQ(n, p, mapops_map_update(p, fd, KEY_OFF, VAL_OFF, BPF_ANY));
	return_r0(p);
	return n;
}

static size_t build_update_ptr(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	E(p, mapops_alu64_reg(p, BPF_MOV, BPF_REG_3, BPF_REG_2));
	E(p, mapops_alu64_imm(p, BPF_ADD, BPF_REG_3, 8));
	SEQ(n, p, mapops_map_update_ptr(p, fd, BPF_REG_2, BPF_REG_3, BPF_ANY));
	return_r0(p);
	return n;
}

static size_t build_delete(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	store_key(p);
	SEQ(n, p, mapops_map_delete(p, fd, KEY_OFF));
	return_r0(p);
	return n;
}

static size_t build_delete_ptr(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	SEQ(n, p, mapops_map_delete_ptr(p, fd, BPF_REG_2));
	return_r0(p);
	return n;
}

static size_t build_increment(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, false);
	store_key(p);
	SEQ(n, p, mapops_map_increment(p, fd, KEY_OFF, VAL_OFF, 1));
	return_zero(p);
	return n;
}

static size_t build_increment_atomic(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, false);
	store_key(p);
	SEQ(n, p, mapops_map_increment_atomic(p, fd, KEY_OFF, VAL_OFF, 1));
	return_zero(p);
	return n;
}

static size_t build_lookup_or_init(mapops_prog_t *p, int fd)
{
	size_t n;

	prologue(p, true);
	store_key(p);
	store_value(p);
	SEQ(n, p, mapops_map_lookup_or_init(p, fd, KEY_OFF, VAL_OFF));
	return_value(p);
	return n;
}

struct op {
	const char *name;
	size_t (*build)(mapops_prog_t *p, int fd);
	bool hit_repeats; /* false: a hit changes the map (delete) */
};

static const struct op ops[] = {
	{ "lookup", build_lookup, true },
	{ "lookup_ptr", build_lookup_ptr, true },
	{ "update", build_update, true },
	{ "update_ptr", build_update_ptr, true },
	{ "delete", build_delete, false },
	{ "delete_ptr", build_delete_ptr, false },
	{ "increment", build_increment, true },
	{ "increment_atomic", build_increment_atomic, true },
	{ "lookup_or_init", build_lookup_or_init, true },
};
#define NOPS (sizeof(ops) / sizeof(ops[0]))

/* ------------------------------------------------------------------------
 * The clang side
 * ------------------------------------------------------------------------ */

static bool is_marker(const struct bpf_insn *in)
{
	return in->code == (BPF_JMP | BPF_JA) && in->off == 0 && in->imm == 0;
}

static struct bpf_object *open_obj(const char *dir, const char *op,
				   const char *suffix, struct bpf_program **prog)
{
	char path[4096], name[64];
	struct bpf_object *obj;

	snprintf(path, sizeof(path), "%s/%s%s.bpf.o", dir, op, suffix);
	obj = bpf_object__open_file(path, NULL);
	if (!obj)
		die(path, strerror(errno));
	snprintf(name, sizeof(name), "bench_%s", op);
	*prog = bpf_object__find_program_by_name(obj, name);
	if (!*prog)
		die(path, "no program of that name");
	return obj;
}

struct counts {
	size_t lib_seq, lib_total;
	size_t clang_seq, clang_total;
	size_t clang_seq_marked; /* between the markers, markers excluded */
};

/* Counts the clang program's slots: plain total, and its sequence as the
 * plain total less what lies outside the markers in the marked build. */
static void clang_counts(const char *dir, const char *op, struct counts *c)
{
	struct bpf_program *prog;
	struct bpf_object *obj;
	const struct bpf_insn *in;
	size_t n, i, first = SIZE_MAX, last = 0, markers = 0, inner = 0;

	obj = open_obj(dir, op, "", &prog);
	c->clang_total = bpf_program__insn_cnt(prog);
	bpf_object__close(obj);

	obj = open_obj(dir, op, ".mark", &prog);
	in = bpf_program__insns(prog);
	n = bpf_program__insn_cnt(prog);
	for (i = 0; i < n; i++) {
		if (!is_marker(&in[i]))
			continue;
		markers++;
		if (first == SIZE_MAX)
			first = i;
		last = i;
	}
	if (markers < 2)
		die(op, "the marked object has fewer than two markers");
	for (i = first + 1; i < last; i++)
		inner += is_marker(&in[i]);
	c->clang_seq_marked = last - first - 1 - inner;
	/* outside = n - markers - seq_marked; seq = plain total - outside */
	c->clang_seq = c->clang_total - (n - markers - c->clang_seq_marked);
	bpf_object__close(obj);
}

/* ------------------------------------------------------------------------
 * Running
 * ------------------------------------------------------------------------ */

static int load_clang(const char *dir, const char *op, int map_fd,
		      struct bpf_object **objp)
{
	struct bpf_program *prog;
	struct bpf_object *obj = open_obj(dir, op, "", &prog);
	struct bpf_map *map = bpf_object__find_map_by_name(obj, "m");
	int err;

	if (!map)
		die(op, "clang object has no map m");
	err = bpf_map__reuse_fd(map, map_fd);
	if (err)
		die("bpf_map__reuse_fd", strerror(-err));
	err = bpf_object__load(obj);
	if (err)
		die("bpf_object__load", strerror(-err));
	*objp = obj;
	return bpf_program__fd(prog);
}

static int load_lib(const struct op *op, int map_fd, struct counts *c)
{
	mapops_prog_t *p = mapops_prog_new();
	size_t cnt;
	int fd;
	MAPOPS_LOAD_OPTS(o, .prog_name = "lib_bench");

	if (!p)
		die("mapops_prog_new", strerror(errno));
	/* Without a map (--quick) a placeholder fd: built, never loaded. */
	c->lib_seq = op->build(p, map_fd >= 0 ? map_fd : 0);
	if (!mapops_prog_insns(p, &cnt))
		die("mapops_prog_insns", mapops_prog_error(p));
	c->lib_total = cnt;
	fd = map_fd >= 0 ? mapops_prog_load(p, BPF_PROG_TYPE_SCHED_CLS, &o) : 0;
	if (fd < 0)
		die(op->name, mapops_prog_error(p));
	mapops_prog_free(p);
	return fd;
}

/* One test run of repeat executions; returns the kernel's ns per run. */
static __u32 run(int prog_fd, __u32 key, unsigned repeat, __u32 *retval)
{
	unsigned char pkt[PKT_LEN] = { 0 };
	__u64 val = 7;
	int err;
	LIBBPF_OPTS(bpf_test_run_opts, t, .data_in = pkt,
		    .data_size_in = sizeof(pkt), .repeat = repeat);

	memcpy(pkt, &key, sizeof(key));
	memcpy(pkt + 8, &val, sizeof(val));
	err = bpf_prog_test_run_opts(prog_fd, &t);
	if (err)
		die("bpf_prog_test_run_opts", strerror(errno));
	*retval = t.retval;
	return t.duration;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct timing {
	double lib_ns, clang_ns, ratio, ratio_min, ratio_max, q1, q3;
};

/* One pair of programs on one packet: every repetition's times. */
/* Every program is loaded LOADS times and the repetitions take the loads in
 * turn: where the JIT puts a program moves its run time by a few per cent
 * (the control shows it), and this averages that over several placements. */
#define LOADS 3

struct pair {
	const char *name;
	const int *lib_fd, *clang_fd; /* LOADS each */
	__u32 key;
	double l[MAX_REPS], c[MAX_REPS];
};

/* Runs both programs of the pair once each (repeat executions), in the
 * order given; their return values must agree. */
static void time_pair(struct pair *p, int rep, bool lib_first,
		      unsigned repeat)
{
	int lf = p->lib_fd[rep % LOADS], cf = p->clang_fd[rep % LOADS];
	__u32 rl, rc;

	if (lib_first) {
		p->l[rep] = run(lf, p->key, repeat, &rl);
		p->c[rep] = run(cf, p->key, repeat, &rc);
	} else {
		p->c[rep] = run(cf, p->key, repeat, &rc);
		p->l[rep] = run(lf, p->key, repeat, &rl);
	}
	if (rl != rc) {
		fprintf(stderr,
			"bench-codegen: %s key %u: libmapops returned %u, clang %u\n",
			p->name, p->key, rl, rc);
		exit(1);
	}
}

/* The q-quantile of the sorted v[0..n), interpolated. */
static double quantile(const double *v, int n, double q)
{
	double pos = q * (n - 1);
	int i = (int)pos;

	return i + 1 < n ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
}

/* The ratio's median, quartiles, min and max over the repetitions, the medians of the
 * times. */
static void summarize(struct pair *p, int reps, struct timing *t)
{
	double r[MAX_REPS];
	int i;

	for (i = 0; i < reps; i++)
		r[i] = p->l[i] / p->c[i];
	t->ratio = median(r, reps); /* sorts r */
	t->ratio_min = r[0];
	t->ratio_max = r[reps - 1];
	t->q1 = quantile(r, reps, 0.25);
	t->q3 = quantile(r, reps, 0.75);
	t->lib_ns = median(p->l, reps);
	t->clang_ns = median(p->c, reps);
}

/* What the kernel made of a loaded program: slots after the verifier's
 * rewrites (xlated) and bytes of JIT-compiled machine code. */
static void prog_sizes(int fd, __u32 *xlated, __u32 *jited)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		die("bpf_obj_get_info_by_fd", strerror(errno));
	*xlated = info.xlated_prog_len / sizeof(struct bpf_insn);
	*jited = info.jited_prog_len;
}

static void print_timing(const char *name, const struct timing *t)
{
	printf(",\n      \"%s\": {\"lib_ns\": %.2f, \"clang_ns\": %.2f, \"ratio\": %.4f, \"ratio_min\": %.4f, \"ratio_max\": %.4f, \"ratio_q1\": %.4f, \"ratio_q3\": %.4f}",
	       name, t->lib_ns, t->clang_ns, t->ratio, t->ratio_min,
	       t->ratio_max, t->q1, t->q3);
}

/* The run time of "r0 = 0; exit": the test-run loop's own cost. */
static double empty_ns(int reps, unsigned repeat)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	double v[MAX_REPS];
	__u32 rv;
	int fd, i;

	fd = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "empty", "GPL", insns, 2,
			   NULL);
	if (fd < 0)
		die("loading the empty program", strerror(errno));
	for (i = 0; i < reps; i++)
		v[i] = run(fd, KEY_HIT, repeat, &rv);
	close(fd);
	return median(v, reps);
}

static int map_new(void)
{
	__u32 key = KEY_HIT;
	__u64 val = 0;
	int fd;

	/* One entry, holding KEY_HIT: a miss cannot insert, so every run of a
	 * miss takes the whole miss path. */
	fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bench", sizeof(__u32),
			    sizeof(__u64), 1, NULL);
	if (fd < 0)
		die("bpf_map_create", strerror(errno));
	if (bpf_map_update_elem(fd, &key, &val, BPF_ANY))
		die("bpf_map_update_elem", strerror(errno));
	return fd;
}

/* Every operation's pair on a hit and on a miss, plus the control: clang's
 * lookup against a second load of itself (an A/A run: its spread is the
 * noise).  The repetitions go round all pairs, so a burst of noise from
 * elsewhere on the machine is spread over them all. */
#define NPAIRS (2 * NOPS + 1)

int main(int argc, char **argv)
{
	static struct pair pairs[NPAIRS];
	static struct bpf_object *objs[NOPS + 1][LOADS];
	static int lib_fds[NOPS][LOADS], clang_fds[NOPS + 1][LOADS];
	struct counts c[NOPS];
	unsigned repeat = 1000000;
	const char *dir = NULL;
	bool quick = false, bad = false;
	int reps = 9, map_fd = -1, i, j, rep, npairs = 0;
	size_t k;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			quick = true;
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
			repeat = (unsigned)atoi(argv[++i]);
		else if (!dir && argv[i][0] != '-')
			dir = argv[i];
		else
			die("usage", "bench-codegen OBJDIR [--quick] [--reps N] [--repeat N]");
	}
	if (!dir || reps < 1 || reps > MAX_REPS)
		die("usage", "bench-codegen OBJDIR [--quick] [--reps N (1..101)] [--repeat N]");
	libbpf_set_print(NULL);

	if (!quick)
		map_fd = map_new();
	for (k = 0; k < NOPS; k++) {
		clang_counts(dir, ops[k].name, &c[k]);
		for (j = 0; j < (quick ? 1 : LOADS); j++)
			lib_fds[k][j] = load_lib(&ops[k], map_fd, &c[k]);
		if (c[k].lib_seq > c[k].clang_seq ||
		    c[k].lib_total > c[k].clang_total) {
			fprintf(stderr,
				"bench-codegen: %s: libmapops %zu/%zu slots (sequence/program), clang %zu/%zu\n",
				ops[k].name, c[k].lib_seq, c[k].lib_total,
				c[k].clang_seq, c[k].clang_total);
			bad = true;
		}
		if (quick)
			continue;
		for (j = 0; j < LOADS; j++)
			clang_fds[k][j] = load_clang(dir, ops[k].name, map_fd,
						     &objs[k][j]);
		if (ops[k].hit_repeats)
			pairs[npairs++] = (struct pair){ ops[k].name, lib_fds[k],
							 clang_fds[k], KEY_HIT,
							 { 0 }, { 0 } };
		pairs[npairs++] = (struct pair){ ops[k].name, lib_fds[k],
						 clang_fds[k], KEY_MISS,
						 { 0 }, { 0 } };
	}
	if (!quick) {
		for (j = 0; j < LOADS; j++)
			clang_fds[NOPS][j] = load_clang(dir, "lookup", map_fd,
							&objs[NOPS][j]);
		pairs[npairs++] = (struct pair){ "control", clang_fds[NOPS],
						 clang_fds[0], KEY_HIT,
						 { 0 }, { 0 } };
		for (rep = 0; rep < reps; rep++)
			for (i = 0; i < npairs; i++)
				time_pair(&pairs[i], rep, (rep + i) % 2 == 0,
					  repeat);
	}

	printf("{\n  \"repeat\": %u,\n  \"reps\": %d,\n", repeat, reps);
	if (!quick) {
		struct timing t;

		printf("  \"empty_ns\": %.2f,\n", empty_ns(reps, repeat));
		summarize(&pairs[npairs - 1], reps, &t);
		printf("  \"control\": {\"a_ns\": %.2f, \"b_ns\": %.2f, \"ratio\": %.4f, \"ratio_min\": %.4f, \"ratio_max\": %.4f, \"ratio_q1\": %.4f, \"ratio_q3\": %.4f},\n",
		       t.lib_ns, t.clang_ns, t.ratio, t.ratio_min,
		       t.ratio_max, t.q1, t.q3);
	}
	printf("  \"ops\": {\n");
	for (k = 0, i = 0; k < NOPS; k++) {
		printf("    \"%s\": {\n      \"lib_seq\": %zu, \"clang_seq\": %zu, \"clang_seq_marked\": %zu, \"lib_total\": %zu, \"clang_total\": %zu",
		       ops[k].name, c[k].lib_seq, c[k].clang_seq,
		       c[k].clang_seq_marked, c[k].lib_total,
		       c[k].clang_total);
		if (!quick) {
			__u32 lx, lj, cx, cj;
			struct timing t;

			prog_sizes(lib_fds[k][0], &lx, &lj);
			prog_sizes(clang_fds[k][0], &cx, &cj);
			printf(",\n      \"lib_xlated\": %u, \"clang_xlated\": %u, \"lib_jited_bytes\": %u, \"clang_jited_bytes\": %u",
			       lx, cx, lj, cj);
			if (ops[k].hit_repeats) {
				summarize(&pairs[i++], reps, &t);
				print_timing("hit", &t);
			}
			summarize(&pairs[i++], reps, &t);
			print_timing("miss", &t);
			for (j = 0; j < LOADS; j++)
				close(lib_fds[k][j]);
		}
		printf("\n    }%s\n", k + 1 < NOPS ? "," : "");
	}
	printf("  }\n}\n");
	for (k = 0; k <= NOPS; k++)
		for (j = 0; j < LOADS; j++)
			bpf_object__close(objs[k][j]);
	if (map_fd >= 0)
		close(map_fd);
	return bad ? 1 : 0;
}
