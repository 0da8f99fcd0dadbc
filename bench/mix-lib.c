/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * libbenchmix: the C builder mix of programs.h as a shared library, so that
 * bench_build.py (ctypes) and bench_build.lua (FFI) can time the C builder
 * in their own process, interleaved with the binding: the "ratio to C" is
 * then measured side by side.
 */
#include <time.h>

#include "programs.h"

MAPOPS_API double bench_mix_ns_per_call(unsigned long calls, double budget_ns);

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Builds the mix of calls calls (new, calls, insns, free) until budget_ns of
 * this thread's CPU time have passed; returns the CPU ns per call. */
double bench_mix_ns_per_call(unsigned long calls, double budget_ns)
{
	struct names names;
	double t0, t;
	unsigned long n = 0;
	size_t cnt;

	names_make(&names, calls / MIX_BLOCK_CALLS + 1);
	t0 = cpu_ns();
	do {
		mapops_prog_t *p = mapops_prog_new();

		if (!p)
			bench_die(NULL, "mapops_prog_new");
		build_mix(p, calls, 3, &names);
		if (!mapops_prog_insns(p, &cnt))
			bench_die(p, "mapops_prog_insns");
		mapops_prog_free(p);
		n++;
		t = cpu_ns() - t0;
	} while (t < budget_ns);
	names_free(&names);
	return t / ((double)n * (double)mix_calls(calls));
}
