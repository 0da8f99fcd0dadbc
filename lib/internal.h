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

/* A reference to a label waiting for its slot: what resolution writes. */
enum fixup_kind {
	FIXUP_OFF,  /* a jump's 16-bit off (conditional jumps, may_goto) */
	FIXUP_JA,   /* mapops_ja's off; a gotol (imm) if too far and v4 allowed */
	FIXUP_IMM,  /* imm = target - (slot + 1): gotol, bpf-to-bpf call,
		     * BPF_PSEUDO_FUNC ld_imm64 (first slot) */
};

struct fixup {
	uint32_t slot;
	uint32_t label;
	uint32_t kind;  /* enum fixup_kind */
};

/*
 * BTF function information for the subprograms (btf.c), built with
 * libbpf's BTF writer: one static function per subprogram, named after its
 * label mapped to a unique C identifier (names).  Owned by whoever holds
 * the struct; prog_btf_release() closes and frees it, keeping errno.
 */
struct prog_btf {
	struct btf *btf;            /* NULL: no subprograms, nothing loaded */
	struct bpf_func_info *info;
	uint32_t cnt;
};
#define PROG_BTF_INIT { NULL, NULL, 0 }

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
	/* mapops_prog_allow_v4(): a too-far mapops_ja() may become a gotol. */
	bool allow_v4;
	char err[MAPOPS_ERR_MAX];
	/* A message too long for err (a verifier log), or NULL. */
	char *err_long;
	/* The last mapops_prog_dump_text(), or NULL. */
	char *dump_text;
	/* The BTF of the last mapops_prog_func_info(). */
	struct prog_btf btf;
	/* Map operands (mapref.c): named references, their uses, and what
	 * the kernel said about each map fd this program was given. */
	struct map_ref *refs;
	size_t nrefs, cap_refs;
	struct map_site *sites;
	size_t nsites, cap_sites;
	struct map_info *infos;
	size_t ninfos, cap_infos;
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
/* As chk_stack() for one load or store of size bytes (1, 2, 4, 8): also
 * aligned to its size, as the kernel requires of stack accesses. */
void chk_stack_access(struct op *o, const char *what, int off, int size);
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
 * Map operands (mapref.c).  A map_fd argument is a file descriptor (>= 0),
 * mapops_map_reg(r) = MAP_OPERAND_REG + r, or mapops_map_ref() =
 * MAP_OPERAND_REF + the name's index in the program.  Both lie below the
 * errno range, so a 1.0 caller's negative values mean what they meant.
 */
#define MAP_OPERAND_REG (-0x70000000)
#define MAP_OPERAND_REF (-0x60000000)
#define MAP_OPERAND_REF_MAX 0x00ffffff

/* What the kernel told about a map fd (cached per program). */
struct map_info {
	int fd;
	bool is_map;           /* false: not a BPF map (unchecked) */
	__u32 type, key_size, value_size, max_entries;
};

/* What a call needs of its map, checked when the map is known. */
enum map_need_kind {
	NEED_ANY,        /* lookup (key_off) */
	NEED_UPDATE,     /* arg: flags; BPF_NOEXIST refused on arrays */
	NEED_DELETE,     /* refused on arrays */
	NEED_COUNTER,    /* value_size >= 8 */
	NEED_RINGBUF,
	NEED_RB_RESERVE, /* arg: size */
	NEED_PERF,
	NEED_QUEUE,
	NEED_PROG_ARRAY,
	NEED_VALUE_ADDR, /* arg: off */
	NEED_PERCPU,
};
struct map_need {
	uint8_t kind;
	int key_off;        /* a stack key of key_size bytes, or 0 */
	int value_off;      /* a stack value of value_size bytes, or 0 */
	uint32_t arg;
};

/* A named map: the caller's name and its bound fd (-1: not yet). */
struct map_ref {
	char *name;
	int fd;
};

/* A placeholder map load at slot, for ref, by a call needing need. */
struct map_site {
	uint32_t slot;
	uint32_t ref;
	struct map_need need;
};

/* The map operand of a call in progress. */
enum { MAP_FD, MAP_REG, MAP_REF };
#define MAP_USE_MAX_LOADS 4
struct map_use {
	int kind;              /* MAP_FD, MAP_REG, MAP_REF */
	int value;             /* the fd, the register or the ref index */
	struct map_need need;
	size_t at[MAP_USE_MAX_LOADS]; /* buffer slots of the ref's loads */
	unsigned nat;
};

/* Which operands a call takes besides fds and references. */
#define MAP_TAKES_REG     1u  /* any of r0..r9 */
#define MAP_TAKES_REG_CALLEE 2u /* only r6..r9 (survives a helper call) */

/* Checks the operand (naming the argument "map_fd") and fills u.  why:
 * the refusal text for a register operand the call does not take. */
void map_use_start(struct op *o, struct map_use *u, int operand,
		   unsigned takes, const char *why, struct map_need need);
/* After the call's own checks passed: when the map is known (a real map
 * fd, or a bound name), refuses what it makes impossible. */
void map_use_check(struct op *o, struct map_use *u);
/* Writes "dst = map" at p (a load, or a move for a register operand; no
 * slot when the register is dst already). buf: the sequence's start. */
struct bpf_insn *put_map(struct map_use *u, struct bpf_insn *buf,
			 struct bpf_insn *p, int dst);
/* op_append() that also records the reference's loads; 0 or op_fail(). */
int map_use_append(struct op *o, struct map_use *u,
		   const struct bpf_insn *buf, size_t n);
/* The two halves of map_use_append() around another append: makes room to
 * record the loads (false, error recorded, on ENOMEM), then records them
 * for the slots appended from first. */
bool map_use_reserve(struct op *o, struct map_use *u);
void map_use_record(mapops_prog_t *prog, const struct map_use *u,
		    size_t first);
/* Fills every reference's loads from its binding (mapops_prog_insns);
 * first checks all, recording ENOENT for an unbound one. */
void map_refs_check(struct op *o);
void map_refs_fill(mapops_prog_t *prog);
void map_refs_free(mapops_prog_t *prog);

/* rN = v in the fewest slots: a 64-bit move up to INT32_MAX, a 32-bit
 * move (zero-extending) up to UINT32_MAX, else an ld_imm64. */
struct bpf_insn *put_const_u64(struct bpf_insn *p, int reg, __u64 v);
/* dst = address of byte off of the map's value (BPF_PSEUDO_MAP_VALUE). */
struct bpf_insn *put_map_value(struct map_use *u, struct bpf_insn *buf,
			       struct bpf_insn *p, int dst, __u32 off);
/* Checks a stack object of size bytes at off (size may exceed the frame). */
void chk_stack_object(struct op *o, const char *what, int off, __u32 size);

/* A parallel register move: dst[i] = src[i] for all i at once. */
struct bpf_insn *put_parallel_moves(struct bpf_insn *p, const int *dst,
				    const int *src, int n,
				    const int *scratch, int nscratch);

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

/* Appends n builder slots whose slot at names label (the fixup's kind):
 * 0 or op_fail(). */
int emit_ref(struct op *o, const struct bpf_insn *insns, size_t n, size_t at,
	     const char *label, enum fixup_kind kind);

/*
 * Subprograms (jumps.c): the main program starts at slot 0, and every
 * target of a BPF_PSEUDO_CALL call or a BPF_PSEUDO_FUNC ld_imm64 starts
 * one, as the kernel counts them.  label is the label that names it (the
 * first mapops_call()/mapops_ld_func() to it, else the first label bound
 * there), or LABEL_UNBOUND.
 */
struct subprog {
	uint32_t start;
	uint32_t label;
};
/* The program's subprograms in slot order, main first, from its labels
 * (the targets of builder calls) and the raw slots' imms (the others):
 * *out is malloc()ed, or NULL when there is only the main program (*n 1).
 * Returns 0 or -ENOMEM. */
int prog_subprogs(const mapops_prog_t *prog, struct subprog **out, size_t *n);

void prog_btf_release(struct prog_btf *pb);
struct bpf_prog_load_opts;
/* As mapops_prog_load() needs it: builds the BTF of the resolved program
 * into *pb (declared PROG_BTF_AUTO, released when it goes out of scope)
 * and points lo at it.  0, or a negative errno recorded in o. */
int prog_btf_load_opts(struct op *o, struct prog_btf *pb,
		       struct bpf_prog_load_opts *lo);
#define PROG_BTF_AUTO                                                      \
	struct prog_btf __attribute__((cleanup(prog_btf_release)))
/* The BTF names of the n subprograms: names[i] points into the returned
 * arena (free() it), or NULL on ENOMEM. */
char *subprog_btf_names(const mapops_prog_t *prog, const struct subprog *sp,
			size_t n, const char **names);
/* Resolves the label jumps as mapops_prog_insns() does, for the call o (its
 * errors name o->fn): the slots and *cnt, or NULL with the error recorded
 * in o (then call op_fail()). */
const struct bpf_insn *prog_resolve(struct op *o, size_t *cnt);

#endif
