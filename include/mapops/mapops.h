/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * libmapops: build the eBPF instruction sequences that use BPF maps.
 *
 * A program is built in an opaque handle (mapops_prog_t) by appending
 * instructions: the map operations (mapops_map_*), the composing emitters
 * (ALU, memory, jumps to named labels, calls, exit) and raw instructions.
 * mapops_prog_insns() resolves the labels and returns a struct bpf_insn
 * array ready for libbpf's bpf_prog_load().
 *
 * Conventions, for every function below unless its comment says otherwise:
 *
 *  - Registers are the kernel's BPF_REG_0 .. BPF_REG_10, opcodes, sizes and
 *    flags the kernel's own constants from <linux/bpf.h> (BPF_ADD, BPF_JEQ,
 *    BPF_DW, BPF_ANY, ...).
 *  - An int-returning function returns 0 on success, or a negative errno on
 *    failure and then also sets errno to the positive value (as libbpf
 *    does).  A failed call appends nothing and changes nothing in the
 *    program except the text returned by mapops_prog_error(), which names the
 *    function, the argument and the bad value.  Caller text quoted in a
 *    message (label names, tags, program names) has its control bytes
 *    written as \xNN and its backslashes doubled, as mapops_prog_dump()
 *    writes them, so a message is safe to print to a terminal.
 *  - Errors common to all emitters:
 *      -EINVAL  prog is NULL; a register outside r0..r10; r10 (the read-only
 *               frame pointer) as a destination; an opcode, size or flag the
 *               function does not take; a stack offset outside the 512-byte
 *               frame [-512, -1], or a stack object that would run past it;
 *               a stack access of 2, 4 or 8 bytes through r10 at an offset
 *               that is not a multiple of its size (the verifier refuses
 *               misaligned stack accesses).
 *      -E2BIG   the program would grow past MAPOPS_MAX_INSNS slots.
 *      -ENOMEM  out of memory (the program stays usable).
 *  - A "slot" is one struct bpf_insn; a 64-bit immediate load (ld_imm64)
 *    takes two.
 *  - "Clobbers" lists the registers whose value is undefined afterwards.  The
 *    helper calls inside the map operations clobber r1..r5 as every BPF
 *    helper call does; r6..r9 are never touched by a map operation.
 *
 * Thread safety: a handle must not be used by two threads at once; distinct
 * handles are independent and may be used concurrently from any thread.
 */
#ifndef MAPOPS_MAPOPS_H
#define MAPOPS_MAPOPS_H

#include <stddef.h>
#include <stdio.h>
#include <linux/bpf.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef MAPOPS_API
#define MAPOPS_API __attribute__((visibility("default")))
#endif

/** The kernel's limit on the size of one program, in slots. */
#define MAPOPS_MAX_INSNS 1000000
/** Bytes in the BPF stack frame; stack offsets lie in [-512, -1]. */
#define MAPOPS_STACK_SIZE 512
/** Longest label name, in bytes, not counting the terminating NUL. */
#define MAPOPS_LABEL_MAX 255
/** Longest caller tag (mapops_prog_set_tag), in bytes. */
#define MAPOPS_TAG_MAX 255

/** Slot counts of the fixed-length map operations. */
#define MAPOPS_MAP_LOOKUP_SLOTS 5
#define MAPOPS_MAP_UPDATE_SLOTS 8
#define MAPOPS_MAP_DELETE_SLOTS 5
#define MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS 19

/** An instruction program under construction.  Opaque. */
typedef struct mapops_prog mapops_prog_t;

/* ------------------------------------------------------------------------
 * The handle
 * ------------------------------------------------------------------------ */

/**
 * Creates an empty program.
 * Returns the handle, or NULL with errno = ENOMEM.
 */
MAPOPS_API mapops_prog_t *mapops_prog_new(void);

/** Frees the program and everything it owns.  NULL is accepted. */
MAPOPS_API void mapops_prog_free(mapops_prog_t *prog);

/**
 * Returns the number of slots emitted so far (an ld_imm64 counts 2), or 0
 * if prog is NULL.
 */
MAPOPS_API size_t mapops_prog_len(const mapops_prog_t *prog);

/**
 * Resolves every jump to its label and returns the instructions, storing
 * the slot count in *cnt.  The array belongs to the program and stays valid
 * until the next call that appends to it or frees it; it may be passed to
 * bpf_prog_load() as it is.  Calling it again, or appending more and calling
 * it again, is allowed.
 *
 * Returns NULL with errno set, and the reason in mapops_prog_error(), if:
 *   EINVAL  prog or cnt is NULL; the program ends inside an ld_imm64;
 *   ENOENT  a jump names a label that was never bound (the message names it);
 *   ERANGE  a jump's label is bound past the last instruction (a label
 *           no jump names may sit there), or a jump's distance to its label
 *           does not fit the 16-bit offset field.
 * A failure changes nothing; the program can be completed and resolved again.
 */
MAPOPS_API const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog,
						    size_t *cnt);

/**
 * Returns the text of the last failure on this program ("" if there was
 * none).  The string belongs to the program and stays valid until the next
 * call on it.  For a NULL prog it returns a static text saying so.
 */
MAPOPS_API const char *mapops_prog_error(const mapops_prog_t *prog);

/**
 * Appends cnt raw instructions, copied as they are.
 * Refuses (-E2BIG) a cnt that would take the program past MAPOPS_MAX_INSNS
 * before reading any slot (so a byte count passed for a slot count is
 * refused, not read past the array), and (-EINVAL) a NULL insns with
 * cnt > 0, a register field above r10,
 * and a malformed ld_imm64 pair (the second slot must have code, registers
 * and offset zero).  An ld_imm64 whose second slot is not in this call may
 * be completed by the next mapops_emit(); until then only mapops_emit() is
 * accepted.  Jumps in raw instructions keep their offsets as given.  insns
 * may point into this program's own array (mapops_prog_insns()), to repeat
 * slots.
 */
MAPOPS_API int mapops_emit(mapops_prog_t *prog, const struct bpf_insn *insns,
			   size_t cnt);

/* ------------------------------------------------------------------------
 * Provenance: where each slot came from
 * ------------------------------------------------------------------------ */

/**
 * Tags what is emitted from now on with the caller's text (a copy is kept),
 * e.g. "ingress counter", which may be a tag this program returned;
 * NULL removes the tag.  Tags appear in
 * mapops_prog_insn_origin(), in the origin line of a load refusal and in
 * mapops_prog_dump().  Emits nothing.
 * Errors: -ENAMETOOLONG tag longer than MAPOPS_TAG_MAX bytes.
 */
MAPOPS_API int mapops_prog_set_tag(mapops_prog_t *prog, const char *tag);

/**
 * Tells which public call emitted slot: *call is the function's name
 * ("mapops_map_increment"), *call_index counts that function's calls in
 * this program from 1 (the second increment is #2; calls that emitted no
 * slot are not counted), *tag is the caller's tag at the time or NULL.  Any out-pointer may be NULL.  The strings belong to
 * the library (the tag to the program, valid until its next call).
 * Returns 0; -EINVAL if prog is NULL; -ERANGE if slot >= the program's
 * length (errno set; the program's error text is not touched).
 */
MAPOPS_API int mapops_prog_insn_origin(const mapops_prog_t *prog, size_t slot,
				       const char **call, unsigned *call_index,
				       const char **tag);

/* ------------------------------------------------------------------------
 * Labels and jumps
 *
 * A label is a NUL-terminated name of 1..MAPOPS_LABEL_MAX bytes.  Jumps
 * name labels that may be bound before (backward jump) or after (forward
 * jump) them; offsets are filled in by mapops_prog_insns().  Label names
 * are the caller's own: the map operations use no labels.
 * ------------------------------------------------------------------------ */

/**
 * Binds name to the next slot to be emitted.
 * Errors: -EINVAL name NULL or empty; -ENAMETOOLONG name longer than
 * MAPOPS_LABEL_MAX; -EEXIST name already bound; -E2BIG the program's label
 * names (each counted with one byte more) would take more than 64 MiB.
 * Lookups take constant time on average whatever the names (the hash is
 * keyed at random per process, so names cannot be chosen to collide).
 */
MAPOPS_API int mapops_label(mapops_prog_t *prog, const char *name);

/**
 * Emits "if reg <op> imm goto label" (BPF_JMP | op | BPF_K), 64-bit compare.
 * op: BPF_JEQ, BPF_JNE, BPF_JGT, BPF_JGE, BPF_JLT, BPF_JLE, BPF_JSET,
 * BPF_JSGT, BPF_JSGE, BPF_JSLT, BPF_JSLE.  1 slot.  reg may be r0..r10.
 */
MAPOPS_API int mapops_jmp_imm(mapops_prog_t *prog, int op, int reg, __s32 imm,
			      const char *label);

/** As mapops_jmp_imm(), comparing dst with register src (BPF_X). 1 slot. */
MAPOPS_API int mapops_jmp_reg(mapops_prog_t *prog, int op, int dst, int src,
			      const char *label);

/** As mapops_jmp_imm(), comparing the low 32 bits (BPF_JMP32). 1 slot. */
MAPOPS_API int mapops_jmp32_imm(mapops_prog_t *prog, int op, int reg,
				__s32 imm, const char *label);

/** As mapops_jmp_reg(), comparing the low 32 bits (BPF_JMP32). 1 slot. */
MAPOPS_API int mapops_jmp32_reg(mapops_prog_t *prog, int op, int dst, int src,
				const char *label);

/** Emits "goto label" (BPF_JMP | BPF_JA). 1 slot. */
MAPOPS_API int mapops_ja(mapops_prog_t *prog, const char *label);

/* ------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------ */

/**
 * Emits "dst <op>= imm" on 64 bits (BPF_ALU64 | op | BPF_K). 1 slot.
 * op: BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_MOD, BPF_OR, BPF_AND, BPF_XOR,
 * BPF_LSH, BPF_RSH, BPF_ARSH, BPF_MOV, BPF_NEG.  The immediate is
 * sign-extended to 64 bits.  Refused (-EINVAL): dst r10; BPF_DIV or BPF_MOD
 * by 0; a shift by imm outside [0, 63]; BPF_NEG with imm other than 0.
 */
MAPOPS_API int mapops_alu64_imm(mapops_prog_t *prog, int op, int dst,
				__s32 imm);

/**
 * Emits "dst <op>= src" on 64 bits (BPF_ALU64 | op | BPF_X). 1 slot.
 * op as for mapops_alu64_imm() except BPF_NEG.  src may be r10 (r1 = r10).
 */
MAPOPS_API int mapops_alu64_reg(mapops_prog_t *prog, int op, int dst, int src);

/** As mapops_alu64_imm() on the low 32 bits, zeroing the upper 32 (BPF_ALU);
 *  shifts take imm in [0, 31]. 1 slot. */
MAPOPS_API int mapops_alu32_imm(mapops_prog_t *prog, int op, int dst,
				__s32 imm);

/** As mapops_alu64_reg() on the low 32 bits (BPF_ALU). 1 slot. */
MAPOPS_API int mapops_alu32_reg(mapops_prog_t *prog, int op, int dst, int src);

/**
 * Emits a byte swap "dst = le<bits>(dst)" or "be<bits>" (BPF_ALU | BPF_END |
 * type, imm = bits).  type: BPF_TO_LE or BPF_TO_BE; bits: 16, 32 or 64.
 * 1 slot.
 */
MAPOPS_API int mapops_endian(mapops_prog_t *prog, int type, int dst, int bits);

/* ------------------------------------------------------------------------
 * Memory
 *
 * size is BPF_B, BPF_H, BPF_W or BPF_DW; off is a signed 16-bit offset.
 * With r10 as the base, [off, off + size) must lie inside the stack frame.
 * ------------------------------------------------------------------------ */

/** Emits "dst = *(size *)(src + off)" (BPF_LDX | BPF_MEM). 1 slot. */
MAPOPS_API int mapops_ldx_mem(mapops_prog_t *prog, int size, int dst, int src,
			      int off);

/** Emits "*(size *)(dst + off) = src" (BPF_STX | BPF_MEM). 1 slot. */
MAPOPS_API int mapops_stx_mem(mapops_prog_t *prog, int size, int dst, int src,
			      int off);

/**
 * Emits "*(size *)(dst + off) = imm" (BPF_ST | BPF_MEM).  For BPF_DW the
 * immediate is sign-extended to 64 bits. 1 slot.
 */
MAPOPS_API int mapops_st_mem(mapops_prog_t *prog, int size, int dst, int off,
			     __s32 imm);

/**
 * Emits an atomic read-modify-write on *(size *)(dst + off) with src
 * (BPF_STX | BPF_ATOMIC | size, imm = op).  size: BPF_W or BPF_DW.
 * op: BPF_ADD, BPF_OR, BPF_AND, BPF_XOR, each optionally | BPF_FETCH (the old
 * value is then returned in src), BPF_XCHG, BPF_CMPXCHG (compares with r0,
 * old value returned in r0). 1 slot.
 */
MAPOPS_API int mapops_atomic_op(mapops_prog_t *prog, int size, int op, int dst,
				int src, int off);

/* ------------------------------------------------------------------------
 * Immediates, calls, exit
 * ------------------------------------------------------------------------ */

/** Emits "dst = imm ll" (BPF_LD | BPF_IMM | BPF_DW). 2 slots. */
MAPOPS_API int mapops_ld_imm64(mapops_prog_t *prog, int dst, __u64 imm);

/**
 * Emits "dst = map_fd" as an ld_imm64 with src_reg BPF_PSEUDO_MAP_FD, which
 * the kernel replaces by the map's address at load time. 2 slots.
 * Errors: -EBADF map_fd is negative.
 */
MAPOPS_API int mapops_ld_map_fd(mapops_prog_t *prog, int dst, int map_fd);

/**
 * Emits "call helper_id" (BPF_JMP | BPF_CALL, imm = id), e.g.
 * BPF_FUNC_ktime_get_ns.  Clobbers r1..r5; the result is in r0. 1 slot.
 * Errors: -EINVAL helper_id <= 0.
 */
MAPOPS_API int mapops_call_helper(mapops_prog_t *prog, int helper_id);

/** Emits "exit" (BPF_JMP | BPF_EXIT); r0 is the return value. 1 slot. */
MAPOPS_API int mapops_exit(mapops_prog_t *prog);

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

/**
 * Options of mapops_prog_load().  Extensible the libbpf way: sz is the size
 * the caller was compiled with (set it with MAPOPS_LOAD_OPTS); a newer
 * library reads the fields it knows and takes defaults for the rest, and
 * refuses (-EINVAL) a larger struct whose bytes past its own last field are
 * not zero.  Every field is optional: zero means the default.
 */
struct mapops_load_opts {
	size_t sz;                 /* at most 4096: a larger sz is refused */
	const char *prog_name;     /* the kernel's name for it: up to 15 ASCII
				    * letters, digits, '_' and '.' */
	const char *license;       /* default "GPL" */
	__u32 expected_attach_type; /* enum bpf_attach_type */
	__u32 prog_ifindex;
	__u32 prog_flags;          /* BPF_F_* */
	__u32 kern_version;
	__u32 log_level;           /* with log_buf: the verifier log level */
	__u32 log_size;            /* bytes at log_buf: never more than the
				    * buffer holds */
	char *log_buf;             /* the caller's buffer for the verifier log */
};

#if !defined(__cplusplus) && defined(__STDC_VERSION__) && \
	__STDC_VERSION__ >= 199901L
/** Declares struct mapops_load_opts NAME, zeroed, with sz set and the
 *  given fields: MAPOPS_LOAD_OPTS(o, .prog_name = "counter");  (C99 and
 *  later; in C89 and C++ zero the struct and set sz = sizeof(it).) */
#define MAPOPS_LOAD_OPTS(NAME, ...)                                        \
	struct mapops_load_opts NAME = { .sz = sizeof(struct mapops_load_opts), \
					 __VA_ARGS__ }
#endif

/**
 * Resolves the program's labels (as mapops_prog_insns()) and loads it into
 * the kernel (the bpf(BPF_PROG_LOAD) system call) as a program of the given
 * type.  opts may be NULL.
 * Returns the new program's file descriptor (the caller closes it), or a
 * negative errno with errno set: the resolution errors of
 * mapops_prog_insns(); -EINVAL for type BPF_PROG_TYPE_UNSPEC or bad opts
 * (the message names the field); -ENAMETOOLONG for a prog_name longer than
 * 15 bytes (it is not cut); -E2BIG for an empty program (the message says
 * it is empty); the kernel's errno when it refuses the program (-EACCES or
 * -EINVAL from the verifier, -EPERM without privileges; a kernel EINVAL
 * before the verifier runs names the suspect field: type, prog_flags...).
 * The program itself is unchanged and may be loaded again.
 *
 * The verifier log, and what the caller gets:
 *  - The errno is always the verifier's own: a log that does not fit never
 *    turns a refusal into ENOSPC, and a valid program is never refused
 *    because the log buffer was small (the log is then only truncated).
 *  - mapops_prog_error() of a refusal holds the log (at most its first
 *    8 KiB and last 56 KiB, with the bytes left out counted), ending with
 *    "insn N: emitted by <call> #<n>" naming the call that emitted the slot
 *    the verifier stopped at, and says when the kernel truncated the log.
 *  - Without log_buf, a valid program costs one load; a refused one is
 *    loaded once more at log level 1 into a 16 MiB buffer of the library's
 *    to get the log (kernels from 6.4 on keep the end of a longer log,
 *    where the verifier's reason is; older ones keep its start).
 *  - With log_buf and log_level 0, log_buf receives the log of a refusal
 *    only (loaded once more at level 1), as libbpf does.
 *  - With log_buf and log_level >= 1, the log is written into log_buf for
 *    valid programs too.  log_buf is terminated before loading (never
 *    stale text) and nothing is read or written past log_size.  A log that
 *    does not fit makes the kernel fail the load with ENOSPC; the library
 *    then loads once more without a log: a valid program loads, a refused
 *    one returns the verifier's errno, and log_buf holds as much of the log
 *    as fit (its end from 6.4 on, its start before).  A log_size below 128
 *    (refused by kernels before 6.4) gets an empty log for a valid
 *    program and the end of the log of a refused one; a log_size above the
 *    kernel's cap (UINT32_MAX >> 2) is used as the cap.
 *  - In every case at most two BPF_PROG_LOAD calls are made.
 */
MAPOPS_API int mapops_prog_load(mapops_prog_t *prog, enum bpf_prog_type type,
				const struct mapops_load_opts *opts);

/* ------------------------------------------------------------------------
 * Printing
 *
 * Instructions are printed in the syntax of the kernel's verifier log and
 * bpftool (kernel/bpf/disasm.c): "r1 = r10", "r2 += -16", "w1 = w2",
 * "if r0 == 0x0 goto pc+3", "call bpf_map_lookup_elem#1", "exit",
 * "r1 = *(u64 *)(r2 +8)", "lock *(u64 *)(r0 +0) += r1",
 * "r1 = 0x123456789 ll", "r1 = map_fd#7".
 * ------------------------------------------------------------------------ */

/**
 * Prints the instruction at insns[slot] into buf, as snprintf() does: at
 * most size bytes including the terminating NUL are written, and the
 * return value is the length of the whole text (not counting the NUL), so
 * a return value >= size means it was truncated.  buf may be NULL when
 * size is 0, to measure.
 *
 * Every opcode of the eBPF instruction set (RFC 9669) is printed, with the
 * kernel's extensions may_goto, addr_space_cast, load_acquire and
 * store_release.  Immediates of ALU and store instructions are decimal,
 * those of jumps hexadecimal; helper calls carry the helper's name
 * ("call bpf_ktime_get_ns#5", unknown ids "call unknown#123"), calls with
 * src_reg 1 the relative target ("call pc+4"), with src_reg 2 the BTF id
 * ("call kernel-function#123").  A 64-bit immediate load takes slots slot
 * and slot + 1 and prints by its src_reg: "r1 = 0x5 ll" (0), "map_fd#N"
 * (BPF_PSEUDO_MAP_FD), "map_value(map_fd#N)+OFF" (BPF_PSEUDO_MAP_VALUE),
 * "btf_id#N" (BPF_PSEUDO_BTF_ID), "subprog[pc+N]" (BPF_PSEUDO_FUNC),
 * "map_idx#N" (BPF_PSEUDO_MAP_IDX), "map_value(map_idx#N)+OFF"
 * (BPF_PSEUDO_MAP_IDX_VALUE).
 *
 * An instruction whose code is BPF_LD | BPF_IMM | BPF_DW (0x18) takes two
 * slots whether or not it is valid: the next instruction is at slot + 2.
 * Bytes that are not a valid instruction (an unknown opcode, a register
 * above r10, a reserved field that is not zero, an ld_imm64 at the last
 * slot or with a malformed second slot) print as
 * "invalid insn code 0xNN", followed by " (the reason)" when the opcode
 * itself exists.  Nothing is read outside insns[0 .. cnt - 1].
 *
 * Returns the text's length, or -EINVAL (errno set) if insns is NULL, slot
 * >= cnt, or buf is NULL with size > 0.
 */
MAPOPS_API int mapops_insn_snprint(char *buf, size_t size,
				   const struct bpf_insn *insns, size_t cnt,
				   size_t slot);

/**
 * Resolves the program's labels (as mapops_prog_insns()) and writes it to
 * out, one line per instruction as "%4zu: <instruction>" with the slot
 * number (an ld_imm64's second slot gets no line of its own).  Each label
 * bound at a slot is a line "name:" before it (labels bound after the last
 * slot come last), and the first slot of each call's slots is preceded by
 * the call as a comment, as mapops_prog_insn_origin() tells it:
 *
 *      start:
 *         ; mapops_map_increment #2 ("ingress counter")
 *         4: r1 = map_fd#3
 *         6: r2 = r10
 *
 * Control characters and backslashes in label names and tags are escaped
 * ("\x0a", "\\"), and '"' in tags.  out is flushed at the end.
 * Returns 0, or a negative errno with errno set: -EINVAL prog or out is
 * NULL; the errors of mapops_prog_insns(); -ENOMEM; -EIO writing failed
 * (the message names the stream's errno, e.g. ENOSPC, when it is known).
 */
MAPOPS_API int mapops_prog_dump(mapops_prog_t *prog, FILE *out);

/* ------------------------------------------------------------------------
 * Map operations
 *
 * map_fd is a map file descriptor (from bpf_map_create()), loaded into r1 as
 * an ld_imm64 with src_reg BPF_PSEUDO_MAP_FD; -EBADF if it is negative.
 * Stack offsets are relative to r10 and lie in [-512, -1]; the caller has
 * stored the key (and value) there.  Pointer registers of the _ptr forms may
 * be r0..r9.  The sequences below are exact: "fd" is the two-slot map load,
 * "k" and "v" the offsets or registers given.  None uses r6..r9.
 * ------------------------------------------------------------------------ */

/**
 * Looks up the key stored at r10 + key_stack_off.
 * Emits (5 slots): r1 = fd; r2 = r10; r2 += k; call bpf_map_lookup_elem
 * Result: r0 = pointer to the value, or NULL (0) if the key is absent; the
 * verifier requires a NULL check before r0 is dereferenced.
 * Clobbers: r0..r5.
 */
MAPOPS_API int mapops_map_lookup(mapops_prog_t *prog, int map_fd,
				 int key_stack_off);

/**
 * Looks up the key that key_reg points to.
 * Emits: [r2 = key_reg, unless key_reg is r2]; r1 = fd;
 *        call bpf_map_lookup_elem                          (3 or 4 slots)
 * The move comes first, so key_reg may be r1.
 * Result and clobbers as mapops_map_lookup().
 */
MAPOPS_API int mapops_map_lookup_ptr(mapops_prog_t *prog, int map_fd,
				     int key_reg);

/**
 * Stores the value at r10 + value_stack_off under the key at
 * r10 + key_stack_off.  flags: BPF_ANY, BPF_NOEXIST or BPF_EXIST, optionally
 * | BPF_F_LOCK.
 * Emits (8 slots): r1 = fd; r2 = r10; r2 += k; r3 = r10; r3 += v;
 *                  r4 = flags; call bpf_map_update_elem
 * Result: r0 = 0, or a negative errno (-EEXIST, -ENOENT, -E2BIG, ...).
 * Clobbers: r0..r5.
 */
MAPOPS_API int mapops_map_update(mapops_prog_t *prog, int map_fd,
				 int key_stack_off, int value_stack_off,
				 __u64 flags);

/**
 * Stores the value value_reg points to under the key key_reg points to.
 * Emits: the moves that put key_reg in r2 and value_reg in r3, none where a
 * pointer is already in place: r3 = value_reg first, then r2 = key_reg,
 * except that r2 = r3 comes first when key_reg is r3 (and when key_reg is
 * r3 and value_reg is r2 the swap goes through r1: r1 = r3; r3 = r2;
 * r2 = r1); then r1 = fd;
 * r4 = flags; call bpf_map_update_elem                     (4 to 7 slots)
 * key_reg and value_reg may be the same register.
 * Result and clobbers as mapops_map_update().
 */
MAPOPS_API int mapops_map_update_ptr(mapops_prog_t *prog, int map_fd,
				     int key_reg, int value_reg, __u64 flags);

/**
 * Deletes the key at r10 + key_stack_off.
 * Emits (5 slots): r1 = fd; r2 = r10; r2 += k; call bpf_map_delete_elem
 * Result: r0 = 0, or a negative errno (-ENOENT absent; -EINVAL on array
 * maps, whose elements cannot be deleted).  Clobbers: r0..r5.
 */
MAPOPS_API int mapops_map_delete(mapops_prog_t *prog, int map_fd,
				 int key_stack_off);

/**
 * Deletes the key key_reg points to.
 * Emits: [r2 = key_reg, unless key_reg is r2]; r1 = fd;
 *        call bpf_map_delete_elem                          (3 or 4 slots)
 * Result and clobbers as mapops_map_delete().
 */
MAPOPS_API int mapops_map_delete_ptr(mapops_prog_t *prog, int map_fd,
				     int key_reg);

/**
 * Adds increment to the 64-bit counter stored under the key at
 * r10 + key_stack_off, creating it with the value increment if absent.  The
 * counter is the first 8 bytes of the map's value (value_size >= 8).
 * value_stack_off names the stack scratch a new element is created from,
 * used only when the key is absent: its first 8 bytes (8-byte aligned,
 * inside the frame, not containing key_stack_off) receive the increment,
 * and the kernel reads the map's whole value_size from there.  So for a
 * value larger than 8 bytes, the caller initialises the bytes after the
 * first 8, and they too must lie inside the frame and clear of the key.
 * Emits, with "I" the increment (an ld_imm64 of 2 slots where an I outside
 * the signed 32-bit range is loaded into a register, else an immediate):
 *      r1 = fd; r2 = r10; r2 += k; call bpf_map_lookup_elem
 *      if r0 == 0 goto miss
 *      r1 = *(u64 *)(r0 +0); r1 += I; *(u64 *)(r0 +0) = r1   (hit, in place)
 *      goto out
 * miss: *(u64 *)(r10 + v) = I
 *      r1 = fd; r2 = r10; r2 += k; r3 = r10; r3 += v; r4 = BPF_ANY;
 *      call bpf_map_update_elem
 * out:
 * 19 slots (23 when I needs 64 bits: the hit path adds r2 = I ll and
 * uses r1 += r2, the miss path stores I from r1 = I ll).  The in-place add is not
 * atomic: use it on per-CPU maps or where one CPU updates the counter; use
 * mapops_map_increment_atomic() for shared maps.
 * Result: none (r0 is clobbered).  Clobbers: r0..r5.
 * A full map loses counts, silently: on a non-LRU hash map holding
 * max_entries keys, the update that would create a new key fails (-E2BIG)
 * and that key's increment is dropped; the program cannot tell (r0 is not
 * kept).  Remedies: an LRU hash map (BPF_MAP_TYPE_LRU_HASH or
 * LRU_PERCPU_HASH), which evicts an old key to make room (its count is
 * then lost instead); a max_entries above the number of distinct keys; or,
 * where a drop must be seen, mapops_map_lookup() plus mapops_map_update()
 * and a test of r0.  Keys that exist keep counting exactly.
 * Errors: -EINVAL also when value_stack_off is misaligned, its 8 bytes
 * leave the frame, or they contain key_stack_off.
 */
MAPOPS_API int mapops_map_increment(mapops_prog_t *prog, int map_fd,
				    int key_stack_off, int value_stack_off,
				    __s64 increment);

/**
 * As mapops_map_increment(), but exact when many CPUs increment the same
 * counter of a shared (not per-CPU) hash or array map: the in-place add is
 * an atomic add, and a create that loses the race to another CPU (-EEXIST
 * from BPF_NOEXIST) falls back to the atomic add.
 * Emits:
 *      r1 = fd; r2 = r10; r2 += k; call bpf_map_lookup_elem
 *      if r0 != 0 goto hit
 *      *(u64 *)(r10 + v) = I
 *      r1 = fd; r2 = r10; r2 += k; r3 = r10; r3 += v; r4 = BPF_NOEXIST;
 *      call bpf_map_update_elem
 *      if w0 != -EEXIST goto out           (a 32-bit compare, BPF_JMP32)
 *      r1 = fd; r2 = r10; r2 += k; call bpf_map_lookup_elem
 *      if r0 == 0 goto out
 * hit: r1 = I; lock *(u64 *)(r0 +0) += r1
 * out:
 * The -EEXIST test compares 32 bits because kernels before 6.4 return the
 * map's update result as an int that reaches r0 zero-extended
 * (0xffffffef, not -17); a 64-bit compare would miss the lost race there.
 * 24 slots (27 when I needs 64 bits: the hit path loads r1 = I ll, the
 * miss path stores I from r1 = I ll).  Result: none (r0 is clobbered).
 * Clobbers: r0..r5.
 * A full map loses counts, silently, as with mapops_map_increment(): on a
 * full non-LRU hash map the create fails (-E2BIG, not -EEXIST), so the
 * count of a new key is dropped.  Use an LRU hash map, size max_entries
 * for every key, or update and test r0 yourself where a drop must be seen.
 * Errors as mapops_map_increment().
 */
MAPOPS_API int mapops_map_increment_atomic(mapops_prog_t *prog, int map_fd,
					   int key_stack_off,
					   int value_stack_off,
					   __s64 increment);

/**
 * Returns the value under the key at r10 + key_stack_off, creating it from
 * the value at r10 + init_value_stack_off if absent.
 * Emits (19 slots):
 *      r1 = fd; r2 = r10; r2 += k; call bpf_map_lookup_elem
 *      if r0 != 0 goto out
 *      r1 = fd; r2 = r10; r2 += k; r3 = r10; r3 += v; r4 = BPF_NOEXIST;
 *      call bpf_map_update_elem
 *      r1 = fd; r2 = r10; r2 += k; call bpf_map_lookup_elem
 * out:
 * A hit makes no second map call.  If another CPU creates the key first the
 * second lookup finds its value.  Array maps always hit for in-range keys
 * (their elements always exist), so the init value is never used there.
 * Result: r0 = pointer to the value, or NULL only if the insert failed (map
 * full, or an out-of-range array index); check it before dereferencing.
 * Clobbers: r0..r5.
 */
MAPOPS_API int mapops_map_lookup_or_init(mapops_prog_t *prog, int map_fd,
					 int key_stack_off,
					 int init_value_stack_off);

#ifdef __cplusplus
}
#endif

#endif /* MAPOPS_MAPOPS_H */
