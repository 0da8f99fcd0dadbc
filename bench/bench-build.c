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

#include "programs.h"

#define MAX_REPS 31
#define FAKE_MAP_FD 3 /* built, never loaded: any fd will do */

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

static const struct bpf_insn *build_once(const struct names *names,
					 size_t calls, size_t *cnt,
					 mapops_prog_t **pp)
{
	mapops_prog_t *p = mapops_prog_new();
	const struct bpf_insn *insns;

	if (!p)
		bench_die(NULL, "mapops_prog_new");
	build_mix(p, calls, FAKE_MAP_FD, names);
	insns = mapops_prog_insns(p, cnt);
	if (!insns)
		bench_die(p, "mapops_prog_insns");
	*pp = p;
	return insns;
}

/* ns per slot of new + mapops_emit(all of src) + insns + free */
static double emit_raw(const struct bpf_insn *src, size_t cnt, size_t iters)
{
	double t0 = now_ns();
	size_t i, n;

	for (i = 0; i < iters; i++) {
		mapops_prog_t *p = mapops_prog_new();

		if (!p || mapops_emit(p, src, cnt) || !mapops_prog_insns(p, &n))
			bench_die(p, "mapops_emit");
		mapops_prog_free(p);
	}
	return (now_ns() - t0) / (double)(iters * cnt);
}

static void bench_builder(size_t calls, int reps, double budget_slots,
			  bool last)
{
	double b[MAX_REPS], m[MAX_REPS], r[MAX_REPS], e[MAX_REPS];
	double t0, t1, t2 = 0, t3 = 0, bmed, rmed, rmin, rmax, emed;
	struct names names;
	mapops_prog_t *p;
	const struct bpf_insn *insns;
	struct bpf_insn *src, *dst;
	size_t cnt, slots = mix_slots(calls), iters, i;
	volatile __u8 sink = 0;
	int rep;

	names_make(&names, calls / MIX_BLOCK_CALLS + 1);
	insns = build_once(&names, calls, &cnt, &p);
	if (cnt != slots)
		bench_die(p, "unexpected slot count");
	src = malloc(cnt * sizeof(*src));
	dst = malloc(cnt * sizeof(*dst));
	if (!src || !dst)
		bench_die(NULL, "malloc");
	memcpy(src, insns, cnt * sizeof(*src));
	memset(dst, 0, cnt * sizeof(*dst));
	mapops_prog_free(p);

	iters = (size_t)(budget_slots / (double)slots);
	if (iters < 1)
		iters = 1;
	for (rep = 0; rep < reps; rep++) {
		bool builder_first = rep % 2 == 0;

		if (!builder_first) {
			t2 = now_ns();
			for (i = 0; i < iters; i++)
				copy(dst, src, cnt * sizeof(*src));
			t3 = now_ns();
		}
		t0 = now_ns();
		for (i = 0; i < iters; i++) {
			insns = build_once(&names, calls, &cnt, &p);
			sink ^= insns[cnt - 1].code;
			mapops_prog_free(p);
		}
		t1 = now_ns();
		if (builder_first) {
			t2 = now_ns();
			for (i = 0; i < iters; i++)
				copy(dst, src, cnt * sizeof(*src));
			t3 = now_ns();
		}
		sink ^= dst[cnt - 1].code;
		b[rep] = (t1 - t0) / (double)(iters * slots);
		m[rep] = (t3 - t2) / (double)(iters * slots);
		r[rep] = b[rep] / m[rep];
		e[rep] = emit_raw(src, cnt, iters) / m[rep];
	}
	bmed = median(b, reps);
	rmed = median(r, reps); /* sorts r */
	rmin = r[0];
	rmax = r[reps - 1];
	emed = median(e, reps);
	printf("    \"%zu\": {\"calls\": %zu, \"slots\": %zu, \"builds\": %zu, \"build_ns_per_slot\": %.4f, \"build_ns_per_call\": %.3f, \"memcpy_ns_per_slot\": %.4f, \"ratio\": %.3f, \"ratio_min\": %.3f, \"ratio_max\": %.3f, \"emit_raw_ratio\": %.3f}%s\n",
	       calls, mix_calls(calls), slots, iters, bmed,
	       bmed * (double)slots / (double)mix_calls(calls),
	       median(m, reps), rmed, rmin, rmax, emed, last ? "" : ",");
	(void)sink;
	free(src);
	free(dst);
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

int main(int argc, char **argv)
{
	static const size_t full_calls[] = { 10, 1000, 100000 };
	static const size_t quick_calls[] = { 1000 };
	static const size_t full_slots[] = { 1000, 10000, 100000, 1000000 };
	static const size_t quick_slots[] = { 100000, 1000000 };
	const size_t *calls = full_calls, *slots = full_slots;
	size_t ncalls = 3, nslots = 4, i;
	int reps = 9, scale_reps = 5;
	char self[4096];
	ssize_t n;

	if (argc == 3 && !strcmp(argv[1], "--scale-child"))
		return scale_child((size_t)strtoul(argv[2], NULL, 10));
	if (argc == 2 && !strcmp(argv[1], "--quick")) {
		calls = quick_calls;
		ncalls = 1;
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

	printf("{\n  \"reps\": %d,\n  \"scale_reps\": %d,\n", reps, scale_reps);
	empty_lifecycle(reps);
	printf("  \"builder\": {\n");
	for (i = 0; i < ncalls; i++)
		bench_builder(calls[i], reps, reps > 5 ? 4e6 : 1e6,
			      i + 1 == ncalls);
	printf("  },\n  \"scale\": {\n");
	for (i = 0; i < nslots; i++)
		bench_scale(self, slots[i], scale_reps, i + 1 == nslots);
	printf("  }\n}\n");
	return 0;
}
