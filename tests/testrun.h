/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Running the Check suites, and what the kernel suites share: one test case
 * (tcase) per behaviour, named after the function and the case, so that
 * CK_RUN_CASE=map_lookup_miss ./build/tests/test-kernel-maps runs exactly
 * that case; one runner that fails when a CK_RUN_CASE / CK_RUN_SUITE /
 * CK_INCLUDE_TAGS selection matches no test; one bpf() probe and skip.
 *
 * Needs Check and libbpf only, not libmapops: test-dlopen-ffi (which must
 * not link the library) and test-enomem (which links the static library
 * with malloc wrapped) use it too.  tests/README.md shows the commands.
 */
#ifndef MAPOPS_TESTRUN_H
#define MAPOPS_TESTRUN_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include <linux/bpf.h>

/* A suite under construction: every case added to it gets the checked
 * fixture setup/teardown (either may be NULL) and the timeout. */
struct tu_suite {
	Suite *suite;
	SFun setup, teardown;
	double timeout;    /* seconds per case; 0 keeps CK_DEFAULT_TIMEOUT */
	/* Kept by tu_case() and tu_run(). */
	struct tu_case_entry {
		char *name;
		bool left_out; /* a kernel case, and bpf() is refused */
	} *cases;
	size_t ncases, cap;
	size_t kernel_skipped; /* how many are left_out */
};

/*
 * Adds the test t (START_TEST(t)) as a case of its own, named after it
 * and tagged with its name: one behaviour, one name.  TU_LOOP runs it for _i in [from, to) (a table
 * of inputs to one behaviour).  TU_KERNEL_CASE / TU_KERNEL_LOOP add a case
 * that needs bpf(): when the kernel refuses bpf(), the case is left out and
 * tu_run() reports a skip (77), or a failure with MAPOPS_REQUIRE_BPF=1.
 * Kernel cases also close, after the case, every fd tu_map_create() or
 * tu_prog_load() returned that the case did not tu_close() itself (a case
 * that fails halfway in CK_FORK=no mode leaks nothing into the next).
 */
#define TU_CASE(ts, t) tu_case((ts), #t, (t), 0, 1, false)
#define TU_LOOP(ts, t, from, to) tu_case((ts), #t, (t), (from), (to), false)
#define TU_KERNEL_CASE(ts, t) tu_case((ts), #t, (t), 0, 1, true)
#define TU_KERNEL_LOOP(ts, t, from, to)                                     \
	tu_case((ts), #t, (t), (from), (to), true)
/* The same, under a name built at run time (copied). */
TCase *tu_case(struct tu_suite *ts, const char *name, const TTest *t,
	       int from, int to, bool kernel);

/* Writes text as a case name: lower case, [a-z0-9_], no "__", no "_" at
 * either end ("map_update_ptr (swap)" -> "map_update_ptr_swap"). */
void tu_case_name(char *buf, size_t n, const char *text);

/*
 * Runs the suite and frees it; returns the exit code: 0 when every case
 * passed, 1 when one failed or when no test ran at all (a CK_RUN_CASE that
 * names no case: the message lists the suite's cases), 77 (meson's SKIP)
 * when the rest passed but kernel cases were left out.  MAPOPS_LIST_CASES=1
 * prints the case names, one a line, and runs nothing.  CK_VERBOSITY=verbose
 * prints every case as it passes.
 */
int tu_run(struct tu_suite *ts);
/* Runs a suite built without tu_case(), with the same checks. */
int tu_run_suite(Suite *s);

/* ---- The kernel ---------------------------------------------------- */

/*
 * Probes bpf() (once per process).  Returns true when maps and programs can
 * be created.  When they cannot, prints why (once) and returns false.
 */
/* True when the running kernel is at least maj.min; otherwise prints
 * "SKIPPED: <what> needs kernel <maj>.<min>, this is <release>" and returns
 * false (the 6.1 run under qemu lacks the newer instructions). */
bool tu_kernel_at_least(int maj, int min, const char *what);

bool tu_bpf_available(void);
/* True when MAPOPS_REQUIRE_BPF=1: a refused bpf() is then a failure. */
bool tu_bpf_required(void);
/* 77 (meson's SKIP), or 1 when MAPOPS_REQUIRE_BPF=1. */
int tu_skip_code(void);

/* Creates a map, failing the test on error; the fd is tracked (above). */
int tu_map_create(enum bpf_map_type type, unsigned key_size,
		  unsigned value_size, unsigned max_entries);
/* The checked fixture of every kernel case: from tu_track_begin() to
 * tu_close_tracked(), tu_track_fd() records fds, and tu_close_tracked()
 * closes those still open.  Outside a kernel case nothing is tracked. */
void tu_track_begin(void);
void tu_close_tracked(void);
/* Tracks fd (if >= 0, in a kernel case) to be closed after it; returns fd. */
int tu_track_fd(int fd);
/* Closes fd and stops tracking it. */
void tu_close(int fd);

/* True for the per-CPU map types. */
bool tu_map_is_percpu(enum bpf_map_type type);
/* Writes value (value_size bytes) under key, once per CPU for per-CPU maps. */
void tu_map_set(int map_fd, enum bpf_map_type type, const void *key,
		const void *value, unsigned value_size);
/* Reads the first 8 bytes of the value (summed over CPUs for per-CPU
 * maps); returns false if the key is absent. */
bool tu_map_get_u64(int map_fd, enum bpf_map_type type, const void *key,
		    unsigned value_size, __u64 *out);
/* Name of a map type, for messages. */
const char *tu_map_type_name(enum bpf_map_type type);
/* Runs a loaded program repeat times (BPF_PROG_TEST_RUN over a 64-byte
 * packet, or pkt if not NULL), returning its return value. */
__u32 tu_prog_run(int prog_fd, unsigned repeat, const void *pkt,
		  size_t pkt_len);

#endif
