/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * bench-codegen: the code libmapops emits against the code clang -O2 emits
 * for the same map operation, in whole programs whose only difference is
 * the operation.
 *
 * For every operation bench/clang/OP.bpf.c is compiled by every anchor
 * compiler (clang-14 at its default -mcpu, clang-19 -mcpu=v4), plainly and
 * with the operation bracketed by no-op "goto +0" markers (-DBENCH_MARK).
 * The marked object only says where the operation is: the slots before its
 * first marker and after its last are clang's surroundings.  When the plain
 * program starts and ends with exactly those slots, the plain program is
 * the clang side and the operation is what lies between; otherwise (the
 * markers moved clang's code) the marked program without its markers is.
 * The libmapops side is the same clang program with that middle replaced by
 * the one libmapops call, whose arguments (stack offsets or registers of
 * key and value) are read from clang's own code, and the jumps around it
 * re-aimed.  So both programs have the very same code around the operation
 * and the slot counts differ by exactly the operation's.
 *
 * With the kernel (not --quick), for hash and array maps:
 *   - the verifier's processed instructions, total and peak states
 *     (log_level BPF_LOG_STATS), slots after the verifier and JIT bytes;
 *   - load time: median of --load-reps loads of each, interleaved, this
 *     thread's CPU time per bpf(BPF_PROG_LOAD);
 *   - run time: BPF_PROG_TEST_RUN of `repeat` runs timed by this thread's
 *     CPU time (sub-ns per run), less an empty program's per-run time; every
 *     program is loaded --loads times and the repetitions take the loads in
 *     turn; every repetition runs, in rotating order, libmapops, clang and
 *     clang again from another load (the A/A control of that row).  The
 *     programs must return the same value on every run.
 *   - direct value access, under every anchor, for 1 and 64 u64 counters:
 *     clang's own global variables (.bss, relocated by libbpf against a
 *     one-element array map of the benchmark's: the limit), the same
 *     counters through mapops_ld_map_value, and through lookup-and-add
 *     (mapops_map_increment) on an array map and on a hash map of as many
 *     keys; slots, verifier, load time and run time, each against clang's.
 * Prints one JSON object.  --quick: counts only (no kernel).  --direct-only:
 * the direct value access part only.
 *
 * usage: bench-codegen OBJDIR [--quick] [--reps N] [--repeat N] [--loads N]
 *                      [--load-reps N] [--direct-only]
 *   OBJDIR holds OP.ANCHOR.bpf.o and OP.ANCHOR.mark.bpf.o (ANCHOR: clang14,
 *   clang19v4; an anchor without objects is skipped), global.ANCHOR.bpf.o
 *   and global64.ANCHOR.bpf.o.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <mapops/mapops.h>

#define KEY_HIT 0u
#define KEY_MISS 2u
#define PKT_LEN 64
#define MAX_REPS 201
#define MAX_LOADS 64
#define MAX_LOAD_REPS 501
#define MAX_SLOTS 256
#define LOG_SIZE 65536

static void die(const char *what, const char *why)
{
	fprintf(stderr, "bench-codegen: %s: %s\n", what, why);
	exit(1);
}

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Sorts v. */
static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The q-quantile of the sorted v[0..n), interpolated. */
static double quantile(const double *v, int n, double q)
{
	double pos = q * (n - 1);
	int i = (int)pos;

	return i + 1 < n ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
}

/* ------------------------------------------------------------------------
 * Programs as slot arrays
 * ------------------------------------------------------------------------ */

struct prog {
	struct bpf_insn *in;
	size_t n;
};

static void prog_set(struct prog *p, const struct bpf_insn *in, size_t n)
{
	p->in = malloc((n ? n : 1) * sizeof(*in));
	if (!p->in)
		die("malloc", strerror(ENOMEM));
	memcpy(p->in, in, n * sizeof(*in));
	p->n = n;
}

static bool is_ld64(const struct bpf_insn *in)
{
	return in->code == (BPF_LD | BPF_IMM | BPF_DW);
}

static bool is_marker(const struct bpf_insn *in)
{
	return in->code == (BPF_JMP | BPF_JA) && in->off == 0 && in->imm == 0;
}

static bool is_jump(const struct bpf_insn *in)
{
	int cls = BPF_CLASS(in->code), op = BPF_OP(in->code);

	return (cls == BPF_JMP || cls == BPF_JMP32) && op != BPF_CALL &&
	       op != BPF_EXIT;
}

/* gotol (BPF_JMP32 | BPF_JA) keeps its offset in imm */
static long jump_off(const struct bpf_insn *in)
{
	return in->code == (BPF_JMP32 | BPF_JA) ? in->imm : in->off;
}

static void set_jump_off(struct bpf_insn *in, long off)
{
	if (in->code == (BPF_JMP32 | BPF_JA))
		in->imm = (__s32)off;
	else if (off < INT16_MIN || off > INT16_MAX)
		die("splice", "jump offset out of range");
	else
		in->off = (__s16)off;
}

/* Replaces slots [rs, re) of src by ins[0..m), re-aiming every jump outside
 * the range; a jump into the range may only target its first slot. */
static bool splice(const struct prog *src, size_t rs, size_t re,
		   const struct bpf_insn *ins, size_t m, struct prog *out)
{
	size_t n = src->n - (re - rs) + m, i, j = 0;
	struct bpf_insn *o = malloc((n ? n : 1) * sizeof(*o));

	if (!o)
		die("malloc", strerror(ENOMEM));
	for (i = 0; i < src->n; i++) {
		if (i == rs) {
			memcpy(o + j, ins, m * sizeof(*ins));
			j += m;
		}
		if (i >= rs && i < re)
			continue;
		o[j] = src->in[i];
		if (is_jump(&src->in[i])) {
			long t = (long)i + 1 + jump_off(&src->in[i]), nt;

			if (t > (long)rs && t < (long)re) {
				free(o);
				return false;
			}
			nt = t >= (long)re ? t - (long)(re - rs) + (long)m : t;
			set_jump_off(&o[j], nt - (long)j - 1);
		}
		if (is_ld64(&src->in[i]) && i + 1 < src->n) {
			o[++j] = src->in[++i];
		}
		j++;
	}
	if (rs == src->n) {
		memcpy(o + j, ins, m * sizeof(*ins));
		j += m;
	}
	out->in = o;
	out->n = j;
	return true;
}

static void strip_markers(struct prog *p)
{
	size_t i;

	for (i = 0; i < p->n;) {
		if (is_marker(&p->in[i])) {
			struct prog q;

			if (!splice(p, i, i + 1, NULL, 0, &q))
				die("strip_markers", "a jump into a marker");
			free(p->in);
			*p = q;
			continue;
		}
		i += is_ld64(&p->in[i]) ? 2 : 1;
	}
}

/* Equal slots; jumps may differ in their offset. */
static bool same_slot(const struct bpf_insn *a, const struct bpf_insn *b)
{
	if (a->code != b->code || a->dst_reg != b->dst_reg ||
	    a->src_reg != b->src_reg)
		return false;
	if (is_jump(a))
		return a->code == (BPF_JMP32 | BPF_JA) || a->imm == b->imm;
	return a->off == b->off && a->imm == b->imm;
}

/* ------------------------------------------------------------------------
 * Reading clang's operation
 * ------------------------------------------------------------------------ */

static bool writes_reg(const struct bpf_insn *in, int reg)
{
	int cls = BPF_CLASS(in->code);

	if (cls == BPF_JMP && BPF_OP(in->code) == BPF_CALL)
		return reg <= BPF_REG_5;
	if (cls == BPF_ALU || cls == BPF_ALU64 || cls == BPF_LDX ||
	    cls == BPF_LD)
		return in->dst_reg == reg;
	return false;
}

/* Where reg points at slot `at` of p (searching back to slot rs): on the
 * stack (returns 1, *off) or what a register held before the operation
 * (returns 2, *reg_out).  0: neither. */
static int pointer_of(const struct prog *p, const bool *second, size_t rs,
		      size_t at, int reg, int *off, int *reg_out)
{
	long acc = 0;
	size_t i;

	for (i = at; i-- > rs;) {
		const struct bpf_insn *in = &p->in[i];

		if (second[i] || !writes_reg(in, reg))
			continue;
		if (in->code == (BPF_ALU64 | BPF_ADD | BPF_K)) {
			acc += in->imm;
			continue;
		}
		if (in->code == (BPF_ALU64 | BPF_MOV | BPF_X)) {
			if (in->src_reg == BPF_REG_10) {
				*off = (int)acc;
				return 1;
			}
			reg = in->src_reg;
			continue;
		}
		return 0;
	}
	if (acc)
		return 0;
	*reg_out = reg;
	return 2;
}

struct args {
	int key_off, val_off, key_reg, val_reg;
};

/* Reads the operation's arguments from clang's code in [rs, re). */
static bool read_args(const struct prog *p, size_t rs, size_t re,
		      bool ptr, struct args *a)
{
	bool second[MAX_SLOTS * 4] = { false };
	size_t i, first_call = 0, first_update = 0;
	int k, v, reg;

	if (p->n > sizeof(second) / sizeof(second[0]))
		return false;
	for (i = 0; i + 1 < p->n; i++)
		if (is_ld64(&p->in[i]))
			second[++i] = true;
	for (i = rs; i < re; i++) {
		const struct bpf_insn *in = &p->in[i];

		if (second[i] || in->code != (BPF_JMP | BPF_CALL) ||
		    in->src_reg != 0)
			continue;
		if (!first_call)
			first_call = i + 1;
		if (in->imm == BPF_FUNC_map_update_elem && !first_update)
			first_update = i + 1;
	}
	if (!first_call)
		return false;
	k = pointer_of(p, second, rs, first_call - 1, BPF_REG_2, &a->key_off,
		       &a->key_reg);
	if (k != (ptr ? 2 : 1))
		return false;
	if (!first_update)
		return true;
	v = pointer_of(p, second, rs, first_update - 1, BPF_REG_3, &a->val_off,
		       &reg);
	if (v == 2 && ptr)
		a->val_reg = reg;
	return v == (ptr ? 2 : 1);
}

/* ------------------------------------------------------------------------
 * The operations
 * ------------------------------------------------------------------------ */

enum kind { LOOKUP, LOOKUP_PTR, UPDATE, UPDATE_PTR, DELETE, DELETE_PTR,
	    INCREMENT, INCREMENT_ATOMIC, LOOKUP_OR_INIT };

struct op {
	const char *name;
	enum kind kind;
	bool ptr, hit_repeats_hash, hit_repeats_array;
};

/* delete has no repeatable hit on a hash map (the first run deletes the
 * key), nor any hit on an array map (its elements cannot be deleted) */
static const struct op ops[] = {
	{ "lookup", LOOKUP, false, true, true },
	{ "lookup_ptr", LOOKUP_PTR, true, true, true },
	{ "update", UPDATE, false, true, true },
	{ "update_ptr", UPDATE_PTR, true, true, true },
	{ "delete", DELETE, false, false, false },
	{ "delete_ptr", DELETE_PTR, true, false, false },
	{ "increment", INCREMENT, false, true, true },
	{ "increment_atomic", INCREMENT_ATOMIC, false, true, true },
	{ "lookup_or_init", LOOKUP_OR_INIT, false, true, true },
};
#define NOPS (sizeof(ops) / sizeof(ops[0]))

static int lib_call(mapops_prog_t *p, const struct op *op, int fd,
		    const struct args *a)
{
	switch (op->kind) {
	case LOOKUP:
		return mapops_map_lookup(p, fd, a->key_off);
	case LOOKUP_PTR:
		return mapops_map_lookup_ptr(p, fd, a->key_reg);
	case UPDATE:
		return mapops_map_update(p, fd, a->key_off, a->val_off, BPF_ANY);
	case UPDATE_PTR:
		return mapops_map_update_ptr(p, fd, a->key_reg, a->val_reg,
					     BPF_ANY);
	case DELETE:
		return mapops_map_delete(p, fd, a->key_off);
	case DELETE_PTR:
		return mapops_map_delete_ptr(p, fd, a->key_reg);
	case INCREMENT:
		return mapops_map_increment(p, fd, a->key_off, a->val_off, 1);
	case INCREMENT_ATOMIC:
		return mapops_map_increment_atomic(p, fd, a->key_off,
						   a->val_off, 1);
	case LOOKUP_OR_INIT:
		return mapops_map_lookup_or_init(p, fd, a->key_off, a->val_off);
	}
	return -EINVAL;
}

static void read_obj(const char *path, const char *prog_name, struct prog *out)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	struct bpf_program *bp;

	if (!obj)
		die(path, strerror(errno));
	bp = bpf_object__find_program_by_name(obj, prog_name);
	if (!bp)
		die(path, "no program of that name");
	prog_set(out, bpf_program__insns(bp), bpf_program__insn_cnt(bp));
	bpf_object__close(obj);
}

/* One operation under one anchor: both programs and their counts. */
struct pairprog {
	struct prog clang, lib;
	size_t lib_seq, clang_seq, clang_plain;
	const char *method; /* "plain", "marked", or why there is no pair */
	bool ok;
};

static void make_pair(const char *dir, const char *anchor, const struct op *op,
		      int map_fd, struct pairprog *pp)
{
	char path[4096], name[64];
	struct prog plain, marked;
	size_t f = SIZE_MAX, l = 0, i, pre, suf, rs, re, cnt;
	const struct bpf_insn *seq;
	struct args a = { 0, 0, 0, 0 };
	mapops_prog_t *p;
	bool same = true;

	memset(pp, 0, sizeof(*pp));
	snprintf(name, sizeof(name), "bench_%s", op->name);
	snprintf(path, sizeof(path), "%s/%s.%s.bpf.o", dir, op->name, anchor);
	read_obj(path, name, &plain);
	snprintf(path, sizeof(path), "%s/%s.%s.mark.bpf.o", dir, op->name,
		 anchor);
	read_obj(path, name, &marked);
	pp->clang_plain = plain.n;
	for (i = 0; i < marked.n; i += is_ld64(&marked.in[i]) ? 2 : 1)
		if (is_marker(&marked.in[i])) {
			if (f == SIZE_MAX)
				f = i;
			l = i;
		}
	if (f == SIZE_MAX || f == l) {
		pp->method = "the marked object has fewer than two markers";
		goto out;
	}
	pre = f;
	suf = marked.n - l - 1;
	if (pre + suf > plain.n)
		same = false;
	for (i = 0; same && i < pre; i++)
		same = same_slot(&plain.in[i], &marked.in[i]);
	for (i = 0; same && i < suf; i++)
		same = same_slot(&plain.in[plain.n - suf + i],
				 &marked.in[l + 1 + i]);
	if (same) {
		pp->clang = plain;
		plain.in = NULL;
		pp->method = "plain";
	} else {
		strip_markers(&marked);
		pp->clang = marked;
		marked.in = NULL;
		pp->method = "marked";
	}
	rs = pre;
	re = pp->clang.n - suf;
	pp->clang_seq = re - rs;
	if (!read_args(&pp->clang, rs, re, op->ptr, &a)) {
		pp->method = "clang's key or value is not where this benchmark looks (a stack slot r10+off, or a register)";
		goto out;
	}
	p = mapops_prog_new();
	if (!p)
		die("mapops_prog_new", strerror(ENOMEM));
	if (lib_call(p, op, map_fd, &a) < 0)
		die(op->name, mapops_prog_error(p));
	seq = mapops_prog_insns(p, &cnt);
	if (!seq)
		die("mapops_prog_insns", mapops_prog_error(p));
	pp->lib_seq = cnt;
	if (!splice(&pp->clang, rs, re, seq, cnt, &pp->lib)) {
		pp->method = "clang jumps into the middle of its operation";
		mapops_prog_free(p);
		goto out;
	}
	mapops_prog_free(p);
	pp->ok = true;
out:
	free(plain.in);
	free(marked.in);
}

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

/* A clang object's map references (ld_imm64 with src_reg 0: these programs
 * hold no other 64-bit constant) pointed at map_fd, as a direct value
 * (BPF_PSEUDO_MAP_VALUE, offset 0) when value is set. */
static void relocate(struct prog *p, int map_fd, bool value)
{
	size_t i;

	for (i = 0; i + 1 < p->n; i++) {
		if (!is_ld64(&p->in[i]))
			continue;
		if (p->in[i].src_reg == 0) {
			p->in[i].src_reg = value ? BPF_PSEUDO_MAP_VALUE
						 : BPF_PSEUDO_MAP_FD;
			p->in[i].imm = map_fd;
			p->in[i + 1].imm = 0;
		}
		i++;
	}
}

struct vstats {
	unsigned insns, total_states, peak_states, xlated, jited;
};

static int load(const struct prog *p, char *log, size_t log_size,
		unsigned log_level)
{
	LIBBPF_OPTS(bpf_prog_load_opts, o, .log_buf = log,
		    .log_size = (__u32)log_size, .log_level = log_level);

	return bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "bench", "GPL", p->in,
			     p->n, log ? &o : NULL);
}

static int load_or_die(const struct prog *p, const char *what)
{
	static char log[LOG_SIZE];
	int fd = load(p, NULL, 0, 0);

	if (fd < 0) {
		int err = errno;

		load(p, log, sizeof(log), 1);
		fprintf(stderr, "bench-codegen: loading %s: %s\n%s\n", what,
			strerror(err), log);
		exit(1);
	}
	return fd;
}

static void verifier_stats(const struct prog *p, const char *what,
			   struct vstats *s)
{
	static char log[LOG_SIZE];
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	const char *q;
	int fd;

	log[0] = '\0';
	fd = load(p, log, sizeof(log), 4 /* BPF_LOG_STATS */);
	if (fd < 0)
		die(what, strerror(errno));
	q = strstr(log, "processed ");
	memset(s, 0, sizeof(*s));
	if (!q || sscanf(q, "processed %u insns", &s->insns) != 1)
		die(what, "no \"processed N insns\" in the verifier's log");
	q = strstr(q, "total_states ");
	if (!q || sscanf(q, "total_states %u peak_states %u",
			 &s->total_states, &s->peak_states) != 2)
		die(what, "no \"total_states N peak_states N\" in the verifier's log");
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		die("bpf_obj_get_info_by_fd", strerror(errno));
	s->xlated = info.xlated_prog_len / sizeof(struct bpf_insn);
	s->jited = info.jited_prog_len;
	close(fd);
}

/* Median CPU ns of one load of each of a and b, reps loads each,
 * interleaved, the order alternating. */
static void load_times(const struct prog *a, const struct prog *b, int reps,
		       double *ta, double *tb)
{
	static double va[MAX_LOAD_REPS], vb[MAX_LOAD_REPS];
	int i, k;

	for (i = 0; i < reps; i++)
		for (k = 0; k < 2; k++) {
			bool first_a = (i + k) % 2 == 0;
			const struct prog *p = first_a ? a : b;
			double t0 = cpu_ns();
			int fd = load(p, NULL, 0, 0);
			double t = cpu_ns() - t0;

			if (fd < 0)
				die("load_times", strerror(errno));
			close(fd);
			(first_a ? va : vb)[i] = t;
		}
	*ta = median(va, reps);
	*tb = median(vb, reps);
}

/* ------------------------------------------------------------------------
 * Running
 * ------------------------------------------------------------------------ */

/* One test run of repeat executions; CPU ns per execution. */
static double run(int fd, __u32 key, unsigned repeat, __u32 *retval)
{
	unsigned char pkt[PKT_LEN] = { 0 };
	__u64 val = 7;
	double t0, t1;
	int err;
	LIBBPF_OPTS(bpf_test_run_opts, t, .data_in = pkt,
		    .data_size_in = sizeof(pkt), .repeat = repeat);

	memcpy(pkt, &key, sizeof(key));
	memcpy(pkt + 8, &val, sizeof(val));
	t0 = cpu_ns();
	err = bpf_prog_test_run_opts(fd, &t);
	t1 = cpu_ns();
	if (err)
		die("bpf_prog_test_run_opts", strerror(errno));
	*retval = t.retval;
	return (t1 - t0) / repeat;
}

/* libmapops (or any B side) against clang, and clang against another load
 * of itself (the A/A control), on one packet. */
struct pair {
	const char *name;
	int *lib_fd, *clang_fd; /* nloads each */
	__u32 key;
	double l[MAX_REPS], c[MAX_REPS], c2[MAX_REPS];
};

static void time_pair(struct pair *p, int rep, int order, int nloads,
		      unsigned repeat)
{
	int fds[3] = { p->lib_fd[rep % nloads], p->clang_fd[rep % nloads],
		       p->clang_fd[(rep + nloads / 2) % nloads] };
	double *dst[3] = { &p->l[rep], &p->c[rep], &p->c2[rep] };
	__u32 rv[3];
	int k;

	for (k = 0; k < 3; k++) {
		int w = (k + order) % 3;

		*dst[w] = run(fds[w], p->key, repeat, &rv[w]);
	}
	if (rv[0] != rv[1] || rv[1] != rv[2]) {
		fprintf(stderr,
			"bench-codegen: %s key %u: the B side returned %u, clang %u and %u\n",
			p->name, p->key, rv[0], rv[1], rv[2]);
		exit(1);
	}
}

struct ratio {
	double med, q1, q3, min, max;
};

static void ratio_of(const double *num, const double *den, double empty,
		     int reps, struct ratio *r)
{
	double v[MAX_REPS];
	int i;

	for (i = 0; i < reps; i++)
		v[i] = (num[i] - empty) / (den[i] - empty);
	r->med = median(v, reps);
	r->q1 = quantile(v, reps, 0.25);
	r->q3 = quantile(v, reps, 0.75);
	r->min = v[0];
	r->max = v[reps - 1];
}

static void print_ratio(const char *name, const struct ratio *r)
{
	printf("\"%s\": {\"med\": %.4f, \"q1\": %.4f, \"q3\": %.4f, \"min\": %.4f, \"max\": %.4f}",
	       name, r->med, r->q1, r->q3, r->min, r->max);
}

/* The per-repetition differences num - den, ns per run. */
static void diff_of(const double *num, const double *den, int reps,
		    struct ratio *r)
{
	double v[MAX_REPS];
	int i;

	for (i = 0; i < reps; i++)
		v[i] = num[i] - den[i];
	r->med = median(v, reps);
	r->q1 = quantile(v, reps, 0.25);
	r->q3 = quantile(v, reps, 0.75);
	r->min = v[0];
	r->max = v[reps - 1];
}

/* Net times (less the empty program), the ratio libmapops / clang and the
 * difference in ns, each with its A/A control: clang from another load
 * against clang. */
static void print_timing(const char *name, struct pair *p, double empty,
			 int reps)
{
	struct ratio r, aa, d, daa;
	double l[MAX_REPS], c[MAX_REPS];

	ratio_of(p->l, p->c, empty, reps, &r);
	ratio_of(p->c2, p->c, empty, reps, &aa);
	diff_of(p->l, p->c, reps, &d);
	diff_of(p->c2, p->c, reps, &daa);
	memcpy(l, p->l, sizeof(l));
	memcpy(c, p->c, sizeof(c));
	printf(",\n      \"%s\": {\"lib_ns\": %.3f, \"clang_ns\": %.3f, ", name,
	       median(l, reps) - empty, median(c, reps) - empty);
	print_ratio("ratio", &r);
	printf(", ");
	print_ratio("ratio_aa", &aa);
	printf(", ");
	print_ratio("diff", &d);
	printf(", ");
	print_ratio("diff_aa", &daa);
	printf("}");
}

static int empty_fd(void)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int fd = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "empty", "GPL", insns,
			       2, NULL);

	if (fd < 0)
		die("loading the empty program", strerror(errno));
	return fd;
}

static int map_new(enum bpf_map_type type)
{
	__u32 key = KEY_HIT;
	__u64 val = 0;
	int fd;

	/* One entry, holding KEY_HIT: a miss on the hash map cannot insert,
	 * so every run of a miss takes the whole miss path; KEY_MISS is out
	 * of the array's range. */
	fd = bpf_map_create(type, "bench", sizeof(__u32), sizeof(__u64), 1,
			    NULL);
	if (fd < 0)
		die("bpf_map_create", strerror(errno));
	if (bpf_map_update_elem(fd, &key, &val, BPF_ANY))
		die("bpf_map_update_elem", strerror(errno));
	return fd;
}

struct cfg {
	const char *dir;
	bool quick;
	int reps, nloads, load_reps;
	unsigned repeat;
};

/* Runs the pairs, every repetition going round all of them and the empty
 * program; returns the empty program's median ns per run. */
static double run_pairs(const struct cfg *cf, struct pair *pairs, int npairs)
{
	double e[MAX_REPS];
	int efd = empty_fd(), rep, i;
	__u32 rv;

	for (rep = 0; rep < cf->reps; rep++) {
		e[rep] = run(efd, KEY_HIT, cf->repeat, &rv);
		for (i = 0; i < npairs; i++)
			time_pair(&pairs[i], rep, (rep + i) % 3, cf->nloads,
				  cf->repeat);
	}
	close(efd);
	return median(e, cf->reps);
}

static void print_vstats(const char *name, const struct vstats *s)
{
	printf("\"%s\": {\"insns\": %u, \"total_states\": %u, \"peak_states\": %u, \"xlated\": %u, \"jited\": %u}",
	       name, s->insns, s->total_states, s->peak_states, s->xlated,
	       s->jited);
}

static void load_n(const struct prog *p, int n, int *fds, const char *what)
{
	int i;

	for (i = 0; i < n; i++)
		fds[i] = load_or_die(p, what);
}

static void close_n(int *fds, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(fds[i]);
}

/* One table: every operation under one anchor on one map type. */
static void table(const struct cfg *cf, const char *anchor,
		  enum bpf_map_type type, bool last)
{
	static struct pair pairs[2 * NOPS];
	static int lib_fds[NOPS][MAX_LOADS], clang_fds[NOPS][MAX_LOADS];
	static struct pairprog pp[NOPS];
	bool array = type == BPF_MAP_TYPE_ARRAY;
	int map_fd = cf->quick ? 0 : map_new(type), npairs = 0, i;
	double empty = 0;
	size_t k;

	for (k = 0; k < NOPS; k++) {
		if (array && (ops[k].kind == DELETE ||
			      ops[k].kind == DELETE_PTR)) {
			memset(&pp[k], 0, sizeof(pp[k]));
			pp[k].method = "an array map's elements cannot be deleted: the library refuses the call (-EINVAL), as the kernel would";
			continue;
		}
		make_pair(cf->dir, anchor, &ops[k], map_fd, &pp[k]);
		if (!pp[k].ok || cf->quick)
			continue;
		relocate(&pp[k].clang, map_fd, false);
		load_n(&pp[k].lib, cf->nloads, lib_fds[k], ops[k].name);
		load_n(&pp[k].clang, cf->nloads, clang_fds[k], ops[k].name);
		if (array ? ops[k].hit_repeats_array : ops[k].hit_repeats_hash)
			pairs[npairs++] = (struct pair){ .name = ops[k].name,
				.lib_fd = lib_fds[k], .clang_fd = clang_fds[k],
				.key = KEY_HIT };
		pairs[npairs++] = (struct pair){ .name = ops[k].name,
			.lib_fd = lib_fds[k], .clang_fd = clang_fds[k],
			.key = KEY_MISS };
	}
	if (!cf->quick)
		empty = run_pairs(cf, pairs, npairs);

	printf("    {\"anchor\": \"%s\", \"map\": \"%s\"", anchor,
	       array ? "array" : "hash");
	if (!cf->quick)
		printf(", \"empty_ns\": %.3f", empty);
	printf(", \"ops\": {\n");
	for (k = 0, i = 0; k < NOPS; k++) {
		printf("    \"%s\": {\"ok\": %s, \"method\": \"%s\", \"lib_seq\": %zu, \"clang_seq\": %zu, \"lib_total\": %zu, \"clang_total\": %zu, \"clang_plain\": %zu",
		       ops[k].name, pp[k].ok ? "true" : "false", pp[k].method,
		       pp[k].lib_seq, pp[k].clang_seq, pp[k].lib.n,
		       pp[k].clang.n, pp[k].clang_plain);
		if (pp[k].ok && !cf->quick) {
			struct vstats vl, vc;
			double tl, tc;

			verifier_stats(&pp[k].lib, ops[k].name, &vl);
			verifier_stats(&pp[k].clang, ops[k].name, &vc);
			load_times(&pp[k].lib, &pp[k].clang, cf->load_reps,
				   &tl, &tc);
			printf(",\n      ");
			print_vstats("lib_verifier", &vl);
			printf(", ");
			print_vstats("clang_verifier", &vc);
			printf(",\n      \"lib_load_us\": %.2f, \"clang_load_us\": %.2f",
			       tl / 1e3, tc / 1e3);
			if (array ? ops[k].hit_repeats_array
				  : ops[k].hit_repeats_hash)
				print_timing("hit", &pairs[i++], empty,
					     cf->reps);
			print_timing("miss", &pairs[i++], empty, cf->reps);
			close_n(lib_fds[k], cf->nloads);
			close_n(clang_fds[k], cf->nloads);
		}
		printf("}%s\n", k + 1 < NOPS ? "," : "");
		free(pp[k].clang.in);
		free(pp[k].lib.in);
	}
	printf("    }}%s\n", last ? "" : ",");
	if (!cf->quick)
		close(map_fd);
}

/* ------------------------------------------------------------------------
 * Direct value access (a one-element array map)
 * ------------------------------------------------------------------------ */

/* An array or hash map of `entries` u32 keys 0..entries-1 (all present) and
 * value_size-byte values. */
static int map_new_n(enum bpf_map_type type, __u32 value_size, __u32 entries)
{
	static const __u8 zero[4096];
	__u32 key;
	int fd;

	fd = bpf_map_create(type, "bench", sizeof(__u32), value_size, entries,
			    NULL);
	if (fd < 0)
		die("bpf_map_create", strerror(errno));
	for (key = 0; key < entries; key++)
		if (bpf_map_update_elem(fd, &key, zero, BPF_ANY))
			die("bpf_map_update_elem", strerror(errno));
	return fd;
}

/* clang's program of global counters (.bss) as libbpf relocates it, its
 * .bss pointed at map_fd: every BPF_PSEUDO_MAP_VALUE load names map_fd
 * with the variable's offset in its second slot.  Returns the size of .bss. */
static __u32 read_global(const char *path, const char *prog_name, int map_fd,
			 struct prog *out)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	struct bpf_program *bp;
	struct bpf_map *bss;
	__u32 size;
	size_t i;

	if (!obj)
		die(path, strerror(errno));
	bss = bpf_object__find_map_by_name(obj, ".bss");
	bp = bpf_object__find_program_by_name(obj, prog_name);
	if (!bss || !bp)
		die(path, "no .bss or no program of that name");
	size = bpf_map__value_size(bss);
	if (bpf_map__reuse_fd(bss, map_fd) || bpf_object__load(obj))
		die(path, "libbpf could not load it against the benchmark's map");
	prog_set(out, bpf_program__insns(bp), bpf_program__insn_cnt(bp));
	for (i = 0; i + 1 < out->n; i++)
		if (is_ld64(&out->in[i])) {
			if (out->in[i].src_reg == BPF_PSEUDO_MAP_VALUE)
				out->in[i].imm = map_fd; /* libbpf's dup */
			i++;
		}
	bpf_object__close(obj);
	return size;
}

/* n u64 counters += 1: through mapops_ld_map_value (counter k at byte 8k
 * of map_fd's one value), or through lookup-and-add (mapops_map_increment,
 * key k of map_fd); then "r0 = 0; exit" as clang ends (w0 under -mcpu=v4). */
static void direct_lib(bool lookup, int n, int map_fd, const struct prog *clang,
		       struct prog *out)
{
	mapops_prog_t *p = mapops_prog_new();
	bool alu32 = clang->n >= 2 &&
		     BPF_CLASS(clang->in[clang->n - 2].code) == BPF_ALU;
	const struct bpf_insn *in;
	size_t cnt;
	bool ok = p != NULL;
	int k;

	for (k = 0; ok && k < n; k++) {
		if (lookup)
			ok = mapops_st_mem(p, BPF_W, BPF_REG_10, -4, k) >= 0 &&
			     mapops_map_increment(p, map_fd, -4, -16, 1) >= 0;
		else
			ok = mapops_ld_map_value(p, BPF_REG_1, map_fd,
						 (__u32)(8 * k)) >= 0 &&
			     mapops_ldx_mem(p, BPF_DW, BPF_REG_2, BPF_REG_1,
					    0) >= 0 &&
			     mapops_alu64_imm(p, BPF_ADD, BPF_REG_2, 1) >= 0 &&
			     mapops_stx_mem(p, BPF_DW, BPF_REG_1, BPF_REG_2,
					    0) >= 0;
	}
	ok = ok && (alu32 ? mapops_alu32_imm(p, BPF_MOV, BPF_REG_0, 0)
			  : mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0)) >= 0 &&
	     mapops_exit(p) >= 0;
	in = ok ? mapops_prog_insns(p, &cnt) : NULL;
	if (!in)
		die("direct value program",
		    p ? mapops_prog_error(p) : strerror(ENOMEM));
	prog_set(out, in, cnt);
	mapops_prog_free(p);
}

/* Median CPU ns of one load of each of the n programs, reps loads each, the
 * programs interleaved in rotating order. */
static void load_times_n(struct prog *const *pr, int n, int reps, double *t)
{
	static double v[4][MAX_LOAD_REPS];
	int i, k;

	for (i = 0; i < reps; i++)
		for (k = 0; k < n; k++) {
			int w = (i + k) % n;
			double t0 = cpu_ns();
			int fd = load(pr[w], NULL, 0, 0);

			v[w][i] = cpu_ns() - t0;
			if (fd < 0)
				die("load_times_n", strerror(errno));
			close(fd);
		}
	for (k = 0; k < n; k++)
		t[k] = median(v[k], reps);
}

/* n counters under one anchor: clang's globals (the limit), the same
 * through mapops_ld_map_value, and lookup-and-add on an array map and on a
 * hash map of n keys. */
static void direct(const struct cfg *cf0, const char *anchor, int n,
		   bool last)
{
	enum { CLANG, DIRECT, LA_ARRAY, LA_HASH, NP };
	static const char *const names[NP] = { "clang_global", "direct_value",
					       "lookup_add_array",
					       "lookup_add_hash" };
	static int fds[NP][MAX_LOADS];
	static struct pair pairs[NP - 1];
	struct cfg cf = *cf0;
	struct prog pr[NP], *pp[NP];
	int maps[NP];
	char path[4096];
	struct vstats vs[NP];
	double empty, lt[NP];
	__u32 size;
	int i;

	/* 64 hash lookups take ~2 us a run: fewer runs per repetition */
	if (n > 1 && cf.repeat >= 10)
		cf.repeat /= 10;
	snprintf(path, sizeof(path), "%s/global%s.%s.bpf.o", cf.dir,
		 n > 1 ? "64" : "", anchor);
	maps[CLANG] = maps[DIRECT] =
		map_new_n(BPF_MAP_TYPE_ARRAY, 8 * (__u32)n, 1);
	size = read_global(path, n > 1 ? "bench_global64" : "bench_global",
			   maps[CLANG], &pr[CLANG]);
	if (size != 8 * (__u32)n)
		die(path, ".bss is not the expected size");
	maps[LA_ARRAY] = map_new_n(BPF_MAP_TYPE_ARRAY, 8, (__u32)n);
	maps[LA_HASH] = map_new_n(BPF_MAP_TYPE_HASH, 8, (__u32)n);
	direct_lib(false, n, maps[DIRECT], &pr[CLANG], &pr[DIRECT]);
	direct_lib(true, n, maps[LA_ARRAY], &pr[CLANG], &pr[LA_ARRAY]);
	direct_lib(true, n, maps[LA_HASH], &pr[CLANG], &pr[LA_HASH]);
	for (i = 0; i < NP; i++) {
		pp[i] = &pr[i];
		load_n(&pr[i], cf.nloads, fds[i], names[i]);
		verifier_stats(&pr[i], names[i], &vs[i]);
	}
	load_times_n(pp, NP, cf.load_reps, lt);
	for (i = 1; i < NP; i++)
		pairs[i - 1] = (struct pair){ .name = names[i],
					      .lib_fd = fds[i],
					      .clang_fd = fds[CLANG],
					      .key = KEY_HIT };
	empty = run_pairs(&cf, pairs, NP - 1);
	printf("    {\"anchor\": \"%s\", \"counters\": %d, \"repeat\": %u, \"empty_ns\": %.3f, \"identical\": %s",
	       anchor, n, cf.repeat, empty,
	       pr[DIRECT].n == pr[CLANG].n &&
	       !memcmp(pr[DIRECT].in, pr[CLANG].in,
		       pr[CLANG].n * sizeof(*pr[CLANG].in)) ? "true" : "false");
	for (i = 0; i < NP; i++) {
		printf(",\n     \"%s\": {\"slots\": %zu, \"load_us\": %.2f, ",
		       names[i], pr[i].n, lt[i] / 1e3);
		print_vstats("verifier", &vs[i]);
		printf("}");
	}
	printf(",\n     \"timing\": {\"x\": 0");
	for (i = 1; i < NP; i++)
		print_timing(names[i], &pairs[i - 1], empty, cf.reps);
	printf("}}%s\n", last ? "" : ",");
	for (i = 0; i < NP; i++) {
		close_n(fds[i], cf.nloads);
		free(pr[i].in);
	}
	close(maps[CLANG]);
	close(maps[LA_ARRAY]);
	close(maps[LA_HASH]);
}

static bool have_anchor(const char *dir, const char *anchor)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/lookup.%s.bpf.o", dir, anchor);
	return access(path, R_OK) == 0;
}

int main(int argc, char **argv)
{
	static const char *const anchors[] = { "clang14", "clang19v4" };
	struct cfg cf = { NULL, false, 32, 16, 50, 100000 };
	const char *usage = "bench-codegen OBJDIR [--quick] [--reps N (1..201)] [--repeat N] [--loads N (2..64)] [--load-reps N (1..501)] [--direct-only]";
	const char *have[2];
	int i, nhave = 0, t;
	bool direct_only = false;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			cf.quick = true;
		else if (!strcmp(argv[i], "--direct-only"))
			direct_only = true;
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			cf.reps = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
			cf.repeat = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--loads") && i + 1 < argc)
			cf.nloads = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--load-reps") && i + 1 < argc)
			cf.load_reps = atoi(argv[++i]);
		else if (!cf.dir && argv[i][0] != '-')
			cf.dir = argv[i];
		else
			die("usage", usage);
	}
	if (!cf.dir || cf.reps < 1 || cf.reps > MAX_REPS || cf.nloads < 2 ||
	    cf.nloads > MAX_LOADS || cf.load_reps < 1 ||
	    cf.load_reps > MAX_LOAD_REPS || cf.repeat < 1)
		die("usage", usage);
	libbpf_set_print(NULL);
	for (i = 0; i < 2; i++)
		if (have_anchor(cf.dir, anchors[i]))
			have[nhave++] = anchors[i];
	if (!nhave)
		die(cf.dir, "no clang objects (lookup.clang14.bpf.o, ...)");

	printf("{\n  \"quick\": %s, \"repeat\": %u, \"reps\": %d, \"loads\": %d, \"load_reps\": %d,\n",
	       cf.quick ? "true" : "false", cf.repeat, cf.reps, cf.nloads,
	       cf.load_reps);
	if (!cf.quick) {
		printf("  \"direct\": [\n");
		for (i = 0; i < nhave; i++) {
			direct(&cf, have[i], 1, false);
			direct(&cf, have[i], 64, i + 1 == nhave);
		}
		printf("  ],\n");
	}
	if (direct_only) {
		printf("  \"tables\": []\n}\n");
		return 0;
	}
	printf("  \"tables\": [\n");
	for (i = 0; i < nhave; i++)
		for (t = 0; t < (cf.quick ? 1 : 2); t++)
			table(&cf, have[i],
			      t ? BPF_MAP_TYPE_ARRAY : BPF_MAP_TYPE_HASH,
			      i + 1 == nhave && t + 1 == (cf.quick ? 1 : 2));
	printf("  ]\n}\n");
	return 0;
}
