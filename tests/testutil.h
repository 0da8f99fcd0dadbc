/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Shared helpers of the Check suites: exact-slot comparison and the kernel. */
#ifndef MAPOPS_TESTUTIL_H
#define MAPOPS_TESTUTIL_H

#include <check.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <mapops/mapops.h>

#include "testrun.h"

/* One expected slot. */
#define I(code_, dst_, src_, off_, imm_)                                   \
	((struct bpf_insn){ .code = (code_), .dst_reg = (dst_),             \
			    .src_reg = (src_), .off = (off_), .imm = (imm_) })
#define NSLOTS(a) (sizeof(a) / sizeof((a)[0]))

/* Fails the test, naming the first differing slot and field, unless the
 * program resolves to exactly the expected slots. */
#define ck_assert_prog(prog, expected)                                      \
	tu_assert_prog(__FILE__, __LINE__, (prog), (expected),              \
		       NSLOTS(expected))
void tu_assert_prog(const char *file, int line, mapops_prog_t *prog,
		    const struct bpf_insn *expected, size_t n);

/* A copy of a program's slots, to prove a failed call changed nothing. */
struct tu_snapshot {
	size_t len;
	struct bpf_insn *insns;
};
void tu_snapshot_take(struct tu_snapshot *s, mapops_prog_t *prog);
/* Fails unless prog still has exactly the snapshot's slots; frees it. */
#define ck_assert_unchanged(snap, prog)                                     \
	tu_assert_unchanged(__FILE__, __LINE__, (snap), (prog))
void tu_assert_unchanged(const char *file, int line, struct tu_snapshot *s,
			 mapops_prog_t *prog);

/* Asserts that a call failed with -err, set errno, and left a message
 * containing want. */
#define ck_assert_refused(prog, rc, err, want)                              \
	tu_assert_refused(__FILE__, __LINE__, (prog), (rc), (err), (want))
void tu_assert_refused(const char *file, int line, mapops_prog_t *prog,
		       int rc, int err, const char *want);

/* ---- The kernel (the rest is in testrun.h) ------------------------- */

/* Loads the program, failing the test with the verifier log on error; the
 * fd is tracked like tu_map_create()'s (testrun.h). */
int tu_prog_load(mapops_prog_t *prog, enum bpf_prog_type type);
/* Loads a program the kernel must refuse (fails the test if it loads);
 * returns the verifier's log, valid until the next load. */
const char *tu_prog_load_rejected(mapops_prog_t *prog,
				  enum bpf_prog_type type);

/* A result map for kernel cases: an array map of u64 results that a
 * program writes with tu_emit_result() and the test reads back. */
struct tu_results {
	int fd;       /* tracked: closed after the case */
	unsigned seq; /* for the emitted labels */
};
void tu_results_open(struct tu_results *r, unsigned n);
/* Emits res[idx] = reg; clobbers r0..r5 and [-12, -1] of the frame. */
void tu_emit_result(mapops_prog_t *prog, struct tu_results *r, int idx,
		    int reg);
__u64 tu_result(const struct tu_results *r, int idx);

#endif
