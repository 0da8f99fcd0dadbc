/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * bench-alloc: how many times the builder allocates.
 *
 * Linked with the library's sources and -Wl,--wrap for malloc, calloc,
 * realloc and free, so that every allocation the library makes is counted.
 * For the builder mix of programs.h (N = 10, 1,000, 100,000 calls) and the
 * scale program (1M slots, 100k labels) it counts the allocations from
 * mapops_prog_new() to the resolved array: the buffers grow by doubling, so
 * the count grows with log(N), and per call it goes to zero.
 * Prints one JSON object.
 */
#include <stdio.h>
#include <stdlib.h>

#include "programs.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static unsigned long allocs;

void *__wrap_malloc(size_t n)
{
	allocs++;
	return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t m)
{
	allocs++;
	return __real_calloc(n, m);
}

void *__wrap_realloc(void *p, size_t n)
{
	allocs++;
	return __real_realloc(p, n);
}

static unsigned long count(size_t calls, size_t slots, size_t *len)
{
	struct names names;
	mapops_prog_t *p;
	unsigned long before;

	names_make(&names, calls ? calls / MIX_BLOCK_CALLS + 1 : slots / 10);
	before = allocs;
	p = mapops_prog_new();
	if (!p)
		bench_die(NULL, "mapops_prog_new");
	if (calls)
		build_mix(p, calls, 3, &names);
	else
		build_scale(p, slots, &names);
	if (!mapops_prog_insns(p, len))
		bench_die(p, "mapops_prog_insns");
	before = allocs - before;
	mapops_prog_free(p);
	names_free(&names);
	return before;
}

int main(void)
{
	static const size_t calls[] = { 10, 1000, 100000 };
	unsigned long n;
	size_t i, len;

	printf("{\n  \"builder\": {\n");
	for (i = 0; i < 3; i++) {
		n = count(calls[i], 0, &len);
		printf("    \"%zu\": {\"calls\": %zu, \"slots\": %zu, \"allocs\": %lu, \"allocs_per_call\": %.6f},\n",
		       calls[i], mix_calls(calls[i]), len, n,
		       (double)n / (double)mix_calls(calls[i]));
	}
	n = count(0, 1000000, &len);
	printf("    \"scale_1000000\": {\"calls\": %zu, \"slots\": %zu, \"allocs\": %lu, \"allocs_per_call\": %.6f}\n  }\n}\n",
	       len / 10 * 11, len, n, (double)n / (double)(len / 10 * 11));
	return 0;
}
