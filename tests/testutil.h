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

/* Runs one suite; returns the process exit code (0 when all passed). */
int tu_run_suite(Suite *s);

/* ---- The kernel ---------------------------------------------------- */

/*
 * Probes bpf().  Returns true when maps and programs can be created.  When
 * they cannot, prints why and returns false; the caller then exits with
 * tu_skip_code(): 77 (meson's SKIP), or 1 when MAPOPS_REQUIRE_BPF=1.
 */
bool tu_bpf_available(void);
int tu_skip_code(void);

/* Creates a map, failing the test on error. */
int tu_map_create(enum bpf_map_type type, unsigned key_size,
		  unsigned value_size, unsigned max_entries);
/* Loads the program, failing the test with the verifier log on error. */
int tu_prog_load(mapops_prog_t *prog, enum bpf_prog_type type);
/* Loads and expects a verifier rejection; returns the log (static). */
const char *tu_prog_load_rejected(mapops_prog_t *prog,
				  enum bpf_prog_type type);
/* Runs a loaded program repeat times (BPF_PROG_TEST_RUN over a 64-byte
 * packet, or pkt if not NULL), returning its return value. */
__u32 tu_prog_run(int prog_fd, unsigned repeat, const void *pkt,
		  size_t pkt_len);
/* Sum of the first 8 bytes of a per-CPU value over every possible CPU. */
__u64 tu_percpu_sum_u64(int map_fd, const void *key, unsigned value_size);
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

#endif
