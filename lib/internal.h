/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Private declarations shared by the library's source files. */
#ifndef MAPOPS_INTERNAL_H
#define MAPOPS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mapops/mapops.h"
#include "labels.h"

#define MAPOPS_ERR_MAX 512

/*
 * Where slots came from: one record per public call that emitted slots, in
 * slot order (8 bytes a call, no per-slot storage; a slot's record is found
 * by binary search).  fn_id indexes the program's call counts table.
 */
struct origin {
	uint32_t first;      /* the call's first slot */
	uint32_t fn_index;   /* fn_id in the low 8 bits, the call's index above */
};
#define ORIGIN_FN_BITS 8

/* From this slot on, the caller's tag is the one at tag - 1 in the tag arena
 * (0: none).  One record per mapops_prog_set_tag() position. */
struct tag_run {
	uint32_t first;
	uint32_t tag;
};

/* How many calls each public function has made, keyed by fn's address. */
#define CALL_COUNTS 64
struct call_count {
	const char *fn;
	uint32_t n;
};

/* A jump waiting for its label's slot. */
struct fixup {
	uint32_t slot;
	uint32_t label;
};

struct mapops_prog {
	struct bpf_insn *insns;
	size_t len, cap;
	struct fixup *fixups;
	size_t nfixups, cap_fixups;
	struct label_table labels;
	/* Provenance (origin.c). */
	struct origin *origins;
	size_t norigins, cap_origins;
	struct call_count counts[CALL_COUNTS];
	struct tag_run *tag_runs;
	size_t ntag_runs, cap_tag_runs;
	char *tags;       /* NUL-separated caller tags */
	size_t tags_len, tags_cap;
	/* The last slot is the first half of an ld_imm64 from mapops_emit(). */
	bool open_ld64;
	char err[MAPOPS_ERR_MAX];
	/* A message too long for err (a verifier log), or NULL. */
	char *err_long;
};

/*
 * One public call in progress.  Checks record the first failure (code and
 * message) and do nothing once one is recorded; nothing is appended until
 * op_reserve() has succeeded, so a failed call leaves the program as it was.
 */
struct op {
	mapops_prog_t *prog;
	const char *fn;
	int err;
};

/* Starts a call: 0, or -EINVAL (errno set) when prog is NULL. */
int op_start(struct op *o, mapops_prog_t *prog, const char *fn);
/* Records a failure: err is a negative errno, fmt the message after "fn: ". */
void op_error(struct op *o, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records a failure whose message is err's "fn: head" followed by the
 * text tail of any length (a verifier log); falls back to head alone. */
void op_error_long(struct op *o, int err, const char *head, const char *tail);
/* Ends a failed call: sets errno and returns the recorded negative errno. */
int op_fail(struct op *o);

/* Argument checks; "what" names the argument in the message. */
void chk_reg(struct op *o, const char *what, int reg);
void chk_dst(struct op *o, const char *what, int reg);
void chk_ptr_reg(struct op *o, const char *what, int reg);
void chk_stack(struct op *o, const char *what, int off, int size);
void chk_map_fd(struct op *o, int map_fd);
void chk_size(struct op *o, int size);
void chk_off16(struct op *o, const char *what, int off);

/*
 * Makes room for n more slots after every check passed.  Returns where to
 * write them, or NULL when a check failed or growing did not (call op_fail()).
 * Refuses builder slots after an unfinished ld_imm64 unless raw is set.
 */
struct bpf_insn *op_reserve(struct op *o, size_t n, bool raw);
/* Makes room for one more fixup; false (error recorded) on ENOMEM. */
bool op_reserve_fixup(struct op *o);
/* Appends the slots written up to end; returns 0. */
int op_commit(struct op *o, struct bpf_insn *end);
/* Reserves, copies and commits n builder slots; 0 or op_fail(). */
int op_append(struct op *o, const struct bpf_insn *insns, size_t n);

/* Provenance (origin.c).  Makes room to record one more call. */
bool origin_reserve(struct op *o);
/* Records that the call o->fn emitted slots [first, first + n). */
void origin_commit(struct op *o, size_t first, size_t n);
/* What origin record k says: the call, its index, the tag (or NULL). */
struct origin_info {
	const char *fn;
	unsigned index;
	const char *tag;
};
void origin_get(const mapops_prog_t *prog, size_t k, struct origin_info *info);
/* The index of the record covering slot (< prog->len). */
size_t origin_find(const mapops_prog_t *prog, size_t slot);
/* Writes "fn #index" and, if tagged, " (\"tag\")"; snprintf's return. */
int origin_snprint(const mapops_prog_t *prog, size_t slot, char *buf,
		   size_t size);

/*
 * Escaping caller text (escape.c), the same way in messages and dumps:
 * a backslash as two, a control byte (< 0x20, 0x7f) as \xNN and, when
 * quoted, '"' as \".  escape_text() writes the escape of s[0 .. len - 1]
 * into buf as snprintf() does (whole escapes only) and returns the length of
 * the whole escape; escape_fput() writes the escape of the string s to out.
 */
size_t escape_text(char *buf, size_t size, const char *s, size_t len,
		   bool quoted);
void escape_fput(FILE *out, const char *s, bool quoted);

/* Emits one jump to the named label (a builder call's whole body). */
int emit_jump(struct op *o, struct bpf_insn insn, const char *label);

#endif
