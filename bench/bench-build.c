/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * bench-build: how fast the builder emits, against memcpy, and how it scales.
 *
 * Builder: builds the mix of programs.h with N = 10, 1,000 and 100,000
 * calls (mapops_prog_new, the calls, mapops_prog_insns, mapops_prog_free)
 * and, in the same repetition, memcpy()s the same resolved instruction array
 * (precomputed) into a buffer; ns per emitted slot for both and their ratio,
 * median over the repetitions, the order alternating.
 *
 * Scale: builds the scale program of programs.h (one label and one jump
 * every 10 slots) with 1k, 10k, 100k and 1M slots, each build in a fresh
 * process (this program again, --scale-child N), for the time from
 * mapops_prog_new() to the resolved array and the process's peak RSS before
 * and after it (getrusage).  Median over the repetitions.
 *
 * The map operations name a real hash map (created here; fd 3, not a map,
 * when bpf() is refused): the library asks the kernel about a map once per
 * program, and that cost belongs to the build.
 *
 * Prints one JSON object.
 * usage: bench-build [--quick]   (quick: N = 1,000 only; 100k and 1M only)
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "programs.h"

#define MAX_REPS 31
#define FAKE_MAP_FD 3 /* without bpf(): an fd that is not a map */

/* The map operand of the builds: a real hash map (the library asks the
 * kernel about it once per program, as it would for a caller's), or
 * FAKE_MAP_FD when bpf() is refused. */
static int bench_map = FAKE_MAP_FD;
static bool real_map;

static double now_ns(void)
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

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Through a volatile pointer, so that no copy can be optimised away. */
static void *(*volatile copy)(void *, const void *, size_t) = memcpy;

static mapops_prog_t *lib_mix(size_t calls, const struct names *names,
			      int map_fd)
{
	mapops_prog_t *p = mapops_prog_new();

	if (!p)
		bench_die(NULL, "mapops_prog_new");
	build_mix(p, calls, map_fd, names);
	return p;
}

static mapops_prog_t *lib_op(int op, size_t n, const struct names *names)
{
	mapops_prog_t *p = mapops_prog_new();

	if (!p)
		bench_die(NULL, "mapops_prog_new");
	build_op(p, op, n, bench_map, names);
	return p;
}

/* One program through the library and through the hand-written writer:
 * op < 0 is the mix of `calls` calls, else `calls` times operation op. */
struct subject {
	int op;
	size_t calls;
	const struct names *names;
	int map_fd;
};

static const struct bpf_insn *lib_build(const struct subject *s, size_t *cnt,
					mapops_prog_t **pp)
{
	mapops_prog_t *p = s->op < 0 ? lib_mix(s->calls, s->names, s->map_fd)
				     : lib_op(s->op, s->calls, s->names);
	const struct bpf_insn *in = mapops_prog_insns(p, cnt);

	if (!in)
		bench_die(p, "mapops_prog_insns");
	*pp = p;
	return in;
}

static const struct bpf_insn *hw_build(const struct subject *s, size_t *cnt,
				       struct hw *w)
{
	if (s->op < 0)
		hw_build_mix(w, s->calls, s->map_fd);
	else
		hw_build_op(w, s->op, s->calls, s->map_fd);
	return hw_finish(w, cnt);
}

struct result {
	size_t slots, calls;
	double lib_ns, hw_ns, ratio, ratio_min, ratio_max, memcpy_ns;
	long iters;
};

/* Median over reps of both builders' CPU ns per slot, the order
 * alternating, and of their ratio; memcpy of the result as a footnote.
 * Checks once that both write the same bytes. */
static void measure(const struct subject *s, int reps, double budget_slots,
		    struct result *r)
{
	double lib[MAX_REPS], hw[MAX_REPS], ratio[MAX_REPS], mc[MAX_REPS];
	const struct bpf_insn *a, *b;
	size_t na, nb, i;
	mapops_prog_t *p;
	struct hw w;
	volatile __u8 sink = 0;
	struct bpf_insn *dst;
	long iters;
	int rep, k;

	a = lib_build(s, &na, &p);
	b = hw_build(s, &nb, &w);
	if (na != nb || memcmp(a, b, na * sizeof(*a)))
		bench_die(p, "the hand-written writer's slots differ from the library's");
	dst = malloc(na * sizeof(*dst));
	if (!dst)
		bench_die(NULL, "malloc");
	r->slots = na;
	iters = (long)(budget_slots / (double)na);
	if (iters < 1)
		iters = 1;
	r->iters = iters;
	for (rep = 0; rep < reps; rep++) {
		double t0, t1 = 0;

		t0 = now_ns();
		for (i = 0; i < (size_t)iters; i++)
			copy(dst, a, na * sizeof(*a));
		mc[rep] = (now_ns() - t0) / (double)(iters * (long)na);
		for (k = 0; k < 2; k++) {
			bool lib_now = (rep + k) % 2 == 0;

			t0 = now_ns();
			for (i = 0; i < (size_t)iters; i++) {
				size_t n;

				if (lib_now) {
					mapops_prog_t *q;

					sink ^= lib_build(s, &n, &q)[n - 1].code;
					mapops_prog_free(q);
				} else {
					struct hw v;

					sink ^= hw_build(s, &n, &v)[n - 1].code;
					hw_free(&v);
				}
			}
			t1 = now_ns();
			(lib_now ? lib : hw)[rep] =
				(t1 - t0) / (double)(iters * (long)na);
		}
		ratio[rep] = lib[rep] / hw[rep];
	}
	(void)sink;
	r->lib_ns = median(lib, reps);
	r->hw_ns = median(hw, reps);
	r->ratio = median(ratio, reps);
	r->ratio_min = ratio[0];
	r->ratio_max = ratio[reps - 1];
	r->memcpy_ns = median(mc, reps);
	mapops_prog_free(p);
	hw_free(&w);
	free(dst);
}

static void print_result(const char *key, const struct result *r,
			 bool last)
{
	printf("    \"%s\": {\"slots\": %zu, \"calls\": %zu, \"builds\": %ld, \"lib_ns_per_slot\": %.4f, \"lib_ns_per_call\": %.3f, \"hw_ns_per_slot\": %.4f, \"ratio\": %.3f, \"ratio_min\": %.3f, \"ratio_max\": %.3f, \"memcpy_ns_per_slot\": %.4f}%s\n",
	       key, r->slots, r->calls, r->iters, r->lib_ns,
	       r->lib_ns * (double)r->slots / (double)r->calls, r->hw_ns,
	       r->ratio, r->ratio_min, r->ratio_max, r->memcpy_ns,
	       last ? "" : ",");
}

/* The kernel's load of the mix: median CPU ns of bpf(BPF_PROG_LOAD), or
 * -1 without the kernel (not root). */
static double kernel_load_ns(size_t calls, int reps, unsigned *processed)
{
	static char log[65536];
	double v[MAX_REPS];
	struct names names;
	mapops_prog_t *p;
	const struct bpf_insn *in;
	size_t n;
	int fd, rep;
	const char *q;
	LIBBPF_OPTS(bpf_prog_load_opts, o, .log_buf = log,
		    .log_size = sizeof(log), .log_level = 4);

	if (!real_map)
		return -1;
	names_make(&names, calls / MIX_BLOCK_CALLS + 1);
	p = lib_mix(calls, &names, bench_map);
	in = mapops_prog_insns(p, &n);
	if (!in)
		bench_die(p, "mapops_prog_insns");
	fd = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "mix", "GPL", in, n, &o);
	if (fd < 0)
		bench_die(NULL, "loading the mix");
	close(fd);
	q = strstr(log, "processed ");
	if (!q || sscanf(q, "processed %u", processed) != 1)
		*processed = 0;
	for (rep = 0; rep < reps; rep++) {
		double t0 = now_ns();

		fd = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "mix", "GPL", in,
				   n, NULL);
		v[rep] = now_ns() - t0;
		if (fd < 0)
			bench_die(NULL, "loading the mix");
		close(fd);
	}
	mapops_prog_free(p);
	names_free(&names);
	return median(v, reps);
}

static void bench_mix(const char *key, size_t calls, int reps,
		      double budget, bool load, bool last)
{
	struct names names;
	struct subject s = { -1, calls, &names, bench_map };
	struct result r;
	unsigned processed = 0;
	double ln;

	names_make(&names, calls / MIX_BLOCK_CALLS + 1);
	measure(&s, reps, budget, &r);
	r.calls = mix_calls(calls);
	names_free(&names);
	print_result(key, &r, !load && last);
	if (!load)
		return;
	ln = kernel_load_ns(calls, reps, &processed);
	printf("    \"%s_load\": {\"load_ns\": %.0f, \"processed\": %u}%s\n", key,
	       ln, processed, last ? "" : ",");
}

static void bench_ops(size_t n, int reps, double budget)
{
	struct names names;
	struct result r;
	int op;

	names_make(&names, n + 1);
	for (op = 0; op < OP_COUNT; op++) {
		struct subject s = { op, n, &names, bench_map };

		measure(&s, reps, budget, &r);
		r.calls = op == OP_LABEL_JA ? 2 * n + 2 : n + 2;
		print_result(op_names[op], &r, op + 1 == OP_COUNT);
	}
	names_free(&names);
}

/* ---- scale ---------------------------------------------------------- */

static long maxrss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* The child: builds once and prints "ns rss_before_kb rss_after_kb". */
static int scale_child(size_t slots)
{
	struct names names;
	mapops_prog_t *p;
	size_t cnt;
	long before, after;
	double t0, t1;

	names_make(&names, slots / 10);
	before = maxrss_kb();
	t0 = now_ns();
	p = mapops_prog_new();
	if (!p)
		bench_die(NULL, "mapops_prog_new");
	build_scale(p, slots, &names);
	if (!mapops_prog_insns(p, &cnt) || cnt != slots)
		bench_die(p, "mapops_prog_insns");
	t1 = now_ns();
	after = maxrss_kb();
	mapops_prog_free(p);
	names_free(&names);
	printf("%.0f %ld %ld\n", t1 - t0, before, after);
	return 0;
}

static void bench_scale(const char *self, size_t slots, int reps, bool last)
{
	double t[MAX_REPS], rb[MAX_REPS], ra[MAX_REPS], tmed;
	char cmd[4200];
	int rep;

	snprintf(cmd, sizeof(cmd), "'%s' --scale-child %zu", self, slots);
	for (rep = 0; rep < reps; rep++) {
		FILE *f = popen(cmd, "r");
		double ns;
		long before, after;

		if (!f || fscanf(f, "%lf %ld %ld", &ns, &before, &after) != 3) {
			fprintf(stderr, "bench-build: %s failed\n", cmd);
			exit(1);
		}
		if (pclose(f) != 0) {
			fprintf(stderr, "bench-build: %s failed\n", cmd);
			exit(1);
		}
		t[rep] = ns;
		rb[rep] = (double)before;
		ra[rep] = (double)after;
	}
	tmed = median(t, reps); /* sorts t */
	printf("    \"%zu\": {\"labels\": %zu, \"ms\": %.3f, \"ms_min\": %.3f, \"ms_max\": %.3f, \"ns_per_slot\": %.3f, \"rss_before_kb\": %.0f, \"rss_after_kb\": %.0f}%s\n",
	       slots, slots / 10, tmed / 1e6, t[0] / 1e6, t[reps - 1] / 1e6,
	       tmed / (double)slots, median(rb, reps), median(ra, reps),
	       last ? "" : ",");
}

static void empty_lifecycle(int reps)
{
	double v[MAX_REPS], t0;
	size_t cnt, i, iters = 200000;
	int rep;

	for (rep = 0; rep < reps; rep++) {
		t0 = now_ns();
		for (i = 0; i < iters; i++) {
			mapops_prog_t *p = mapops_prog_new();

			if (!p || !mapops_prog_insns(p, &cnt))
				bench_die(p, "empty program");
			mapops_prog_free(p);
		}
		v[rep] = (now_ns() - t0) / (double)iters;
	}
	printf("  \"empty_program_ns\": %.1f,\n", median(v, reps));
}

static void allocator(void)
{
	const char *t = getenv("GLIBC_TUNABLES");

	printf("  \"allocator\": \"%s\",\n",
	       t && *t ? t : "glibc defaults (dynamic M_TRIM_THRESHOLD and M_MMAP_THRESHOLD from 128 KiB)");
}

int main(int argc, char **argv)
{
	static const size_t full_slots[] = { 1000, 10000, 100000, 1000000 };
	static const size_t quick_slots[] = { 100000, 1000000 };
	const size_t *slots = full_slots;
	size_t nslots = 4, i;
	int reps = 9, scale_reps = 5;
	bool quick = false;
	char self[4096];
	int fd;
	ssize_t n;

	if (argc == 3 && !strcmp(argv[1], "--scale-child"))
		return scale_child((size_t)strtoul(argv[2], NULL, 10));
	if (argc == 2 && !strcmp(argv[1], "--quick")) {
		quick = true;
		slots = quick_slots;
		nslots = 2;
		reps = 5;
		scale_reps = 3;
	} else if (argc != 1) {
		fprintf(stderr, "usage: bench-build [--quick]\n");
		return 2;
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0) {
		perror("bench-build: readlink /proc/self/exe");
		return 1;
	}
	self[n] = '\0';
	libbpf_set_print(NULL);
	fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bench", sizeof(__u32),
			    sizeof(__u64), 1, NULL);
	if (fd >= 0) {
		bench_map = fd;
		real_map = true;
	}

	printf("{\n  \"reps\": %d,\n  \"scale_reps\": %d,\n", reps, scale_reps);
	printf("  \"map\": \"%s\",\n", fd >= 0 ? "a hash map"
	       : "fd 3, not a map (bpf() refused)");
	allocator();
	empty_lifecycle(reps);
	printf("  \"mix\": {\n");
	/* 10k slots: 500 blocks, 501 labels; "1M": the most whole blocks
	 * under the kernel's limit of 1,000,000 slots */
	if (quick) {
		bench_mix("10k", 5000, reps, 1e6, false, true);
	} else {
		bench_mix("100", 50, reps, 4e6, false, false);
		bench_mix("10k", 5000, reps, 4e6, true, false);
		bench_mix("1M", 499990, reps, 1, false, true);
	}
	printf("  },\n");
	if (!quick) {
		printf("  \"ops\": {\n");
		bench_ops(1000, reps, 2e6);
		printf("  },\n");
	}
	printf("  \"scale\": {\n");
	for (i = 0; i < nslots; i++)
		bench_scale(self, slots[i], scale_reps, i + 1 == nslots);
	printf("  }\n}\n");
	return 0;
}
