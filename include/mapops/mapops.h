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
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API mapops_prog_t *mapops_prog_new(void);

/**
 * Frees the program and everything it owns.  NULL is accepted.
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API void mapops_prog_free(mapops_prog_t *prog);

/**
 * Returns the number of slots emitted so far (an ld_imm64 counts 2), or 0
 * if prog is NULL.
 * Minimum kernel: none (builds or reads memory only).
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
 *   ENOENT  a jump names a label that was never bound (the message names it
 *           and the call that emitted the jump, with its tag);
 *   ERANGE  a jump's label is bound past the last instruction (a label
 *           no jump names may sit there), or a jump's distance to its label
 *           does not fit the 16-bit offset field;
 *   EINVAL, ENOMEM  the subprogram checks (see "Subprograms and callbacks"),
 *           only for a program with mapops_call() or mapops_ld_func().
 * A failure changes nothing; the program can be completed and resolved again.
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog,
						    size_t *cnt);

/* libbpf's options of bpf_prog_load() (<bpf/bpf.h>). */
struct bpf_prog_load_opts;

/**
 * For a C caller that loads the instructions of mapops_prog_insns() with
 * libbpf's bpf_prog_load() itself: sets opts->prog_btf_fd, func_info,
 * func_info_cnt and func_info_rec_size to the BTF function information
 * mapops_prog_load() would give the kernel, and touches no other field.
 * A program with subprograms (mapops_call(), mapops_ld_func()) needs it
 * when it has a callback (the kernel refuses a BPF_PSEUDO_FUNC load without
 * it: "missing btf func_info"), and once it is given every subprogram has
 * a record.  The library builds it with libbpf's BTF writer and loads it
 * into the kernel: one static function "int NAME(void)" per subprogram
 * (the main program first), NAME its label made a C identifier as the
 * dump's "; func#N NAME" line shows it.  A program without subprograms
 * needs none: the fields are set to 0 and NULL and nothing is loaded.
 *
 *      LIBBPF_OPTS(bpf_prog_load_opts, lo);
 *      insns = mapops_prog_insns(prog, &cnt);
 *      if (!insns || mapops_prog_func_info(prog, &lo)) ...
 *      fd = bpf_prog_load(BPF_PROG_TYPE_XDP, "xdp", "GPL", insns, cnt, &lo);
 *
 * The BTF file descriptor and the func_info array belong to the program:
 * they stay valid (and the fd open) until the next mapops_prog_func_info()
 * or mapops_prog_free() on it, which close and free them.
 * Returns 0, or a negative errno with errno set: -EINVAL prog or opts is
 * NULL, or opts->sz is too small to hold func_info_rec_size (declare opts
 * with LIBBPF_OPTS()); the errors of mapops_prog_insns(); -ENOMEM; the
 * kernel's errno when it refuses the BTF.  A failure leaves opts and the
 * BTF of an earlier call as they were.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.0.
 */
MAPOPS_API int mapops_prog_func_info(mapops_prog_t *prog,
				     struct bpf_prog_load_opts *opts);

/**
 * Returns the text of the last failure on this program ("" if there was
 * none).  The string belongs to the program and stays valid until the next
 * call on it.  For a NULL prog it returns a static text saying so.
 * Minimum kernel: none (builds or reads memory only).
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
 * Minimum kernel: none (builds or reads memory only).
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
 * Minimum kernel: none (builds or reads memory only).
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
 * Minimum kernel: none (builds or reads memory only).
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
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API int mapops_label(mapops_prog_t *prog, const char *name);

/**
 * Emits "if reg <op> imm goto label" (BPF_JMP | op | BPF_K), 64-bit compare.
 * op: BPF_JEQ, BPF_JNE, BPF_JGT, BPF_JGE, BPF_JLT, BPF_JLE, BPF_JSET,
 * BPF_JSGT, BPF_JSGE, BPF_JSLT, BPF_JSLE.  1 slot.  reg may be r0..r10.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_jmp_imm(mapops_prog_t *prog, int op, int reg, __s32 imm,
			      const char *label);

/**
 * As mapops_jmp_imm(), comparing dst with register src (BPF_X). 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_jmp_reg(mapops_prog_t *prog, int op, int dst, int src,
			      const char *label);

/**
 * As mapops_jmp_imm(), comparing the low 32 bits (BPF_JMP32). 1 slot.
 * Minimum kernel: 5.1.
 */
MAPOPS_API int mapops_jmp32_imm(mapops_prog_t *prog, int op, int reg,
				__s32 imm, const char *label);

/**
 * As mapops_jmp_reg(), comparing the low 32 bits (BPF_JMP32). 1 slot.
 * Minimum kernel: 5.1.
 */
MAPOPS_API int mapops_jmp32_reg(mapops_prog_t *prog, int op, int dst, int src,
				const char *label);

/**
 * Emits "goto label" (BPF_JMP | BPF_JA). 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_ja(mapops_prog_t *prog, const char *label);

/**
 * Emits "gotol label" (BPF_JMP32 | BPF_JA): an unconditional jump whose
 * distance is the 32-bit imm, for a label farther than the 32767 slots
 * mapops_ja() reaches. 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_gotol(mapops_prog_t *prog, const char *label);

/**
 * Lets the library use the v4 instruction set where it chooses an
 * instruction itself (allow 1; 0, the default, forbids it): today, a
 * mapops_ja() whose label turns out to be farther than 16 bits reach
 * becomes a gotol (BPF_JMP32 | BPF_JA, imm = distance) when the labels are
 * resolved, instead of failing with ERANGE.  A conditional jump cannot be
 * widened so and still fails.  Emits nothing.
 * Errors: -EINVAL allow is not 0 or 1.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API int mapops_prog_allow_v4(mapops_prog_t *prog, int allow);

/**
 * Emits "may_goto label" (BPF_JMP | BPF_JCOND, src_reg BPF_MAY_GOTO 0):
 * falls through while the kernel's loop budget for the program (8 million
 * may_goto executions) lasts, then jumps to label. 1 slot.  It bounds a
 * loop the verifier could not bound itself.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.9.
 */
MAPOPS_API int mapops_may_goto(mapops_prog_t *prog, const char *label);

/* ------------------------------------------------------------------------
 * Subprograms and callbacks
 *
 * A label named by mapops_call() or mapops_ld_func() starts a subprogram
 * (a bpf-to-bpf function): the slots from it up to the next subprogram's
 * start belong to it, and the main program ends where the first one
 * starts.  So emit the main program first (ending with exit), then each
 * subprogram: its label, its body, its exit.  Resolution
 * (mapops_prog_insns(), mapops_prog_load(), mapops_prog_dump()) refuses
 * with -EINVAL, naming the labels, what the kernel would refuse: a
 * subprogram (or the main program) whose last slot is not exit or an
 * unconditional jump (it would run into the next), and a jump to a label
 * in another subprogram (jumps stay inside their subprogram; a call is the
 * way in).  A program whose only calls are raw ones (mapops_emit()) is not
 * checked so: raw instructions stay as given, and the kernel judges them.
 *
 * A subprogram is called with its arguments in r1..r5 (pointers into the
 * caller's stack frame are allowed) and returns its result in r0; r1..r5
 * are clobbered, and r6..r9 and r10 are the caller's again after the call.
 * Each subprogram has its own 512-byte stack frame, but the kernel limits
 * a call chain's frames together (caller and callees, up to 8 deep) to
 * MAPOPS_STACK_SIZE (512) bytes.
 *
 * mapops_prog_load() gives the kernel the BTF function information the
 * subprograms need (see mapops_prog_func_info()); mapops_prog_dump() shows
 * each subprogram's start as "; func#N NAME", NAME its BTF name, before
 * its label.
 * ------------------------------------------------------------------------ */

/**
 * Emits "call label": a bpf-to-bpf call of the subprogram that starts at
 * label (BPF_JMP | BPF_CALL, src_reg BPF_PSEUDO_CALL, imm = the label's
 * slot - (this slot + 1), filled in when the labels are resolved). 1 slot.
 * Result in r0; clobbers r1..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.16.
 */
MAPOPS_API int mapops_call(mapops_prog_t *prog, const char *label);

/**
 * Emits "dst = label": the address of the subprogram at label, for a
 * helper that calls back (an ld_imm64 with src_reg BPF_PSEUDO_FUNC, imm =
 * the label's slot - (this slot + 1), filled in when the labels are
 * resolved). 2 slots.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.13.
 */
MAPOPS_API int mapops_ld_func(mapops_prog_t *prog, int dst, const char *label);

/**
 * Calls the subprogram callback for every element of the map.
 * Emits (7 slots, 8 with a context):
 *      r1 = fd; r2 = callback (as mapops_ld_func());
 *      r3 = r10; r3 += ctx_stack_off    (or r3 = 0 when ctx_stack_off is 0)
 *      r4 = 0 (flags); call bpf_for_each_map_elem
 * The callback is called with r1 = the map, r2 = a pointer to the key,
 * r3 = a pointer to the value, r4 = the context pointer (r3 above), and
 * returns 0 to go on or 1 to stop; it may update the value in place.
 * Result: r0 = the number of elements visited.  Clobbers: r0..r5.
 * Errors: -EBADF map_fd is negative; -EINVAL ctx_stack_off neither 0 nor
 * in the frame; flags not 0 (the kernel defines none: it returns -EINVAL
 * for any).
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.13.
 */
MAPOPS_API int mapops_map_for_each(mapops_prog_t *prog, int map_fd,
				   const char *callback, int ctx_stack_off,
				   __u64 flags);

/**
 * Calls the subprogram callback nr_loops times (bpf_loop).
 * Emits (6 slots, 7 with a context):
 *      r1 = nr_loops; r2 = callback (as mapops_ld_func());
 *      r3 = r10; r3 += ctx_stack_off    (or r3 = 0 when ctx_stack_off is 0)
 *      r4 = 0 (flags); call bpf_loop
 * The callback is called with r1 = the index (0, 1, ...) and r2 = the
 * context pointer, and returns 0 to go on or 1 to stop.
 * Result: r0 = the number of iterations.  Clobbers: r0..r5.
 * Errors: -EINVAL nr_loops above 8388608 (the kernel's BPF_MAX_LOOPS: it
 * would return -E2BIG); ctx_stack_off and flags as mapops_map_for_each().
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.17.
 */
MAPOPS_API int mapops_loop(mapops_prog_t *prog, __u32 nr_loops,
			   const char *callback, int ctx_stack_off,
			   __u64 flags);

/* ------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------ */

/**
 * Emits "dst <op>= imm" on 64 bits (BPF_ALU64 | op | BPF_K). 1 slot.
 * op: BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_MOD, BPF_OR, BPF_AND, BPF_XOR,
 * BPF_LSH, BPF_RSH, BPF_ARSH, BPF_MOV, BPF_NEG.  The immediate is
 * sign-extended to 64 bits.  Refused (-EINVAL): dst r10; BPF_DIV or BPF_MOD
 * by 0; a shift by imm outside [0, 63]; BPF_NEG with imm other than 0.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_alu64_imm(mapops_prog_t *prog, int op, int dst,
				__s32 imm);

/**
 * Emits "dst <op>= src" on 64 bits (BPF_ALU64 | op | BPF_X). 1 slot.
 * op as for mapops_alu64_imm() except BPF_NEG.  src may be r10 (r1 = r10).
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_alu64_reg(mapops_prog_t *prog, int op, int dst, int src);

/** As mapops_alu64_imm() on the low 32 bits, zeroing the upper 32 (BPF_ALU);
 *  shifts take imm in [0, 31]. 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_alu32_imm(mapops_prog_t *prog, int op, int dst,
				__s32 imm);

/**
 * As mapops_alu64_reg() on the low 32 bits (BPF_ALU). 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_alu32_reg(mapops_prog_t *prog, int op, int dst, int src);

/**
 * Emits a byte swap "dst = le<bits>(dst)" or "be<bits>" (BPF_ALU | BPF_END |
 * type, imm = bits).  type: BPF_TO_LE or BPF_TO_BE; bits: 16, 32 or 64.
 * 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_endian(mapops_prog_t *prog, int type, int dst, int bits);

/**
 * Emits the signed division or modulo "dst s/= imm" or "dst s%= imm" on
 * 64 bits (BPF_ALU64 | op | BPF_K with off 1, the ISA's SDIV and SMOD).
 * op: BPF_DIV or BPF_MOD.  Division truncates towards zero; the remainder
 * has the dividend's sign.  At run time, a division by 0 gives 0 and a
 * modulo by 0 leaves dst.  1 slot.
 * Errors: -EINVAL op not BPF_DIV or BPF_MOD; imm 0.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_alu64_signed_imm(mapops_prog_t *prog, int op, int dst,
				       __s32 imm);

/**
 * As mapops_alu64_signed_imm(), by register src (BPF_X, off 1). 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_alu64_signed_reg(mapops_prog_t *prog, int op, int dst,
				       int src);

/**
 * As mapops_alu64_signed_imm() on the low 32 bits, zeroing the upper 32
 * (BPF_ALU, off 1). 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_alu32_signed_imm(mapops_prog_t *prog, int op, int dst,
				       __s32 imm);

/**
 * As mapops_alu32_signed_imm(), by register src (BPF_X, off 1). 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_alu32_signed_reg(mapops_prog_t *prog, int op, int dst,
				       int src);

/**
 * Emits the sign-extending move "dst = (s<bits>)src" of the low bits of
 * src to 64 bits (BPF_ALU64 | BPF_MOV | BPF_X, off = bits).  bits: 8, 16
 * or 32. 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_movsx64(mapops_prog_t *prog, int dst, int src, int bits);

/**
 * As mapops_movsx64() to 32 bits, zeroing the upper 32 (BPF_ALU | BPF_MOV
 * | BPF_X, off = bits): "wdst = (s<bits>)wsrc".  bits: 8 or 16. 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_movsx32(mapops_prog_t *prog, int dst, int src, int bits);

/**
 * Emits the unconditional byte swap "dst = bswap<bits> dst" (BPF_ALU64 |
 * BPF_END, imm = bits): the low bits of dst reversed bytewise, the rest
 * zeroed, whatever the host's byte order.  bits: 16, 32 or 64. 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_bswap(mapops_prog_t *prog, int dst, int bits);

/* ------------------------------------------------------------------------
 * Memory
 *
 * size is BPF_B, BPF_H, BPF_W or BPF_DW; off is a signed 16-bit offset.
 * With r10 as the base, [off, off + size) must lie inside the stack frame.
 * ------------------------------------------------------------------------ */

/**
 * Emits "dst = *(size *)(src + off)" (BPF_LDX | BPF_MEM). 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_ldx_mem(mapops_prog_t *prog, int size, int dst, int src,
			      int off);

/**
 * Emits "*(size *)(dst + off) = src" (BPF_STX | BPF_MEM). 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_stx_mem(mapops_prog_t *prog, int size, int dst, int src,
			      int off);

/**
 * Emits "*(size *)(dst + off) = imm" (BPF_ST | BPF_MEM).  For BPF_DW the
 * immediate is sign-extended to 64 bits. 1 slot.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_st_mem(mapops_prog_t *prog, int size, int dst, int off,
			     __s32 imm);

/**
 * Emits an atomic read-modify-write on *(size *)(dst + off) with src
 * (BPF_STX | BPF_ATOMIC | size, imm = op).  size: BPF_W or BPF_DW.
 * op: BPF_ADD, BPF_OR, BPF_AND, BPF_XOR, each optionally | BPF_FETCH (the old
 * value is then returned in src), BPF_XCHG, BPF_CMPXCHG (compares with r0,
 * old value returned in r0). 1 slot.
 * Minimum kernel: 5.12.
 */
MAPOPS_API int mapops_atomic_op(mapops_prog_t *prog, int size, int op, int dst,
				int src, int off);

/**
 * Emits the sign-extending load "dst = *(s<size> *)(src + off)" (BPF_LDX |
 * BPF_MEMSX | size).  size: BPF_B, BPF_H or BPF_W. 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.6.
 */
MAPOPS_API int mapops_ldx_memsx(mapops_prog_t *prog, int size, int dst,
				int src, int off);

/**
 * Emits "dst = load_acquire((size *)(src + off))" (BPF_STX | BPF_ATOMIC |
 * size, imm BPF_LOAD_ACQ; dst_reg is the register loaded, src_reg the
 * address): later loads and stores are not ordered before it.  size:
 * BPF_B, BPF_H, BPF_W or BPF_DW (zero-extended). 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.15.
 */
MAPOPS_API int mapops_load_acquire(mapops_prog_t *prog, int size, int dst,
				   int src, int off);

/**
 * Emits "store_release((size *)(dst + off), src)" (BPF_STX | BPF_ATOMIC |
 * size, imm BPF_STORE_REL): earlier loads and stores are not ordered after
 * it.  size as mapops_load_acquire(). 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 6.15.
 */
MAPOPS_API int mapops_store_release(mapops_prog_t *prog, int size, int dst,
				    int src, int off);

/**
 * Emits the legacy packet load "r0 = *(size *)skb[imm]" (BPF_LD | BPF_ABS
 * | size): the packet's bytes at offset imm, in network byte order
 * converted to the host's; a read past the end ends the program with
 * return value 0.  The context (struct __sk_buff *) must be in r6.  size:
 * BPF_B, BPF_H or BPF_W.  Program types with direct packet access to an
 * skb (socket filters, tc); a subprogram using it must return int.
 * Result in r0; clobbers r1..r5. 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 3.19.
 */
MAPOPS_API int mapops_ld_abs(mapops_prog_t *prog, int size, __s32 imm);

/**
 * As mapops_ld_abs() at offset src + imm: "r0 = *(size *)skb[src + imm]"
 * (BPF_LD | BPF_IND | size). 1 slot.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 3.19.
 */
MAPOPS_API int mapops_ld_ind(mapops_prog_t *prog, int size, int src,
			     __s32 imm);

/* ------------------------------------------------------------------------
 * Immediates, calls, exit
 * ------------------------------------------------------------------------ */

/**
 * Emits "dst = imm" (BPF_LD | BPF_IMM | BPF_DW, 64-bit imm). 2 slots.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_ld_imm64(mapops_prog_t *prog, int dst, __u64 imm);

/**
 * Emits "dst = map_fd" as an ld_imm64 with src_reg BPF_PSEUDO_MAP_FD, which
 * the kernel replaces by the map's address at load time. 2 slots.
 * Errors: -EBADF map_fd is negative.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_ld_map_fd(mapops_prog_t *prog, int dst, int map_fd);

/**
 * Emits "call helper_id" (BPF_JMP | BPF_CALL, imm = id), e.g.
 * BPF_FUNC_ktime_get_ns.  Clobbers r1..r5; the result is in r0. 1 slot.
 * Errors: -EINVAL helper_id <= 0.
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_call_helper(mapops_prog_t *prog, int helper_id);

/**
 * Emits "call" of the kernel function (kfunc) with the BTF type id btf_id
 * in the kernel's own BTF (BPF_JMP | BPF_CALL, src_reg
 * BPF_PSEUDO_KFUNC_CALL, imm = btf_id, off 0: not a module's).  Which
 * kfuncs a program may call depends on its type; the verifier checks.
 * Arguments in r1..r5, result in r0; clobbers r1..r5. 1 slot.
 * Errors: -EINVAL btf_id <= 0.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.13.
 */
MAPOPS_API int mapops_call_kfunc(mapops_prog_t *prog, __s32 btf_id);

/**
 * As mapops_call_kfunc(), with the id of the function called name in the
 * running kernel's BTF (/sys/kernel/btf/vmlinux, read through libbpf once
 * per process, as the printer reads it), e.g. "bpf_cast_to_kern_ctx".
 * Errors: -EINVAL name is NULL; -ENOENT that BTF cannot be read, or has no
 * function of that name.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.13.
 */
MAPOPS_API int mapops_call_kfunc_name(mapops_prog_t *prog, const char *name);

/**
 * Emits "exit" (BPF_JMP | BPF_EXIT); r0 is the return value. 1 slot.
 * Minimum kernel: 3.18.
 */
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
 * Minimum kernel: 3.18.
 */
MAPOPS_API int mapops_prog_load(mapops_prog_t *prog, enum bpf_prog_type type,
				const struct mapops_load_opts *opts);

/* ------------------------------------------------------------------------
 * Printing
 *
 * Instructions are printed as the kernel's verifier log prints them
 * (kernel/bpf/disasm.c, log level 2): "r1 = r10", "r2 += -16", "w1 = w2",
 * "if r0 == 0x0 goto pc+3", "call bpf_map_lookup_elem#1", "exit",
 * "r1 = *(u64 *)(r2 +8)", "lock *(u64 *)(r0 +0) += r1",
 * "r1 = 0x123456789".  The one difference: loads the kernel resolves to an
 * address before it prints them are shown by what they name ("r1 =
 * map_fd#7" where the verifier shows the map's address).
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
 * src_reg 1 the relative target ("call pc+4"), with src_reg 2
 * (BPF_PSEUDO_KFUNC_CALL) the kernel function's name from the running
 * kernel's BTF, /sys/kernel/btf/vmlinux, read once on first use
 * ("call bpf_cast_to_kern_ctx#63562"; "call kernel-function#63562", as the
 * kernel's disassembler falls back, without that BTF, for an id that is
 * no function in it, or for a module's function, off != 0).  A 64-bit
 * immediate load takes slots slot and slot + 1 and prints by its src_reg:
 * "r1 = 0x5" (0), "r1 = 0x6" (BPF_PSEUDO_FUNC: the callee's offset, as the
 * verifier prints it), and, for the loads the kernel resolves to
 * addresses, "map_fd#N" (BPF_PSEUDO_MAP_FD), "map_value(map_fd#N)+OFF"
 * (BPF_PSEUDO_MAP_VALUE), "btf_id#N" (BPF_PSEUDO_BTF_ID), "map_idx#N"
 * (BPF_PSEUDO_MAP_IDX), "map_value(map_idx#N)+OFF"
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
 * Minimum kernel: none (builds or reads memory only).
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
 * A load of a named map (mapops_map_ref()) shows the name with the fd it
 * is bound to: "r1 = map \"counters\" (map_fd#5)", and for a direct value
 * "r1 = map_value(\"counters\")+4 (map_fd#5)" (mapops_insn_snprint(),
 * which sees only the bytes, keeps the kernel's "r1 = map_fd#5").
 * Control characters and backslashes in label names, map names and tags
 * are escaped ("\x0a", "\\"), and '"' in tags and map names.  out is
 * flushed at the end.
 * Returns 0, or a negative errno with errno set: -EINVAL prog or out is
 * NULL; the errors of mapops_prog_insns(); -ENOMEM; -EIO writing failed
 * (the message names the stream's errno, e.g. ENOSPC, when it is known).
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API int mapops_prog_dump(mapops_prog_t *prog, FILE *out);

/**
 * The text mapops_prog_dump() would write, without a FILE * (for bindings
 * and callers that want a string).  The text belongs to the program and
 * stays valid until the next mapops_prog_dump_text() or mapops_prog_free()
 * on it; other calls leave it alone.
 * Returns the NUL-terminated text, or NULL with errno set, and the reason in
 * mapops_prog_error(): EINVAL prog is NULL; the errors of
 * mapops_prog_dump() (the message then names it); ENOMEM.  A failure
 * changes nothing in the program, and leaves the previous text valid.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API const char *mapops_prog_dump_text(mapops_prog_t *prog);

/* ------------------------------------------------------------------------
 * Map operations
 *
 * map_fd is a map file descriptor (from bpf_map_create()), loaded into r1 as
 * an ld_imm64 with src_reg BPF_PSEUDO_MAP_FD; -EBADF if it is negative and
 * not a map operand (since 1.1: a map in a register or a named map, see
 * "Map operands" below, which also lists what a real map is checked for).
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
 * Minimum kernel: 3.19.
 */
MAPOPS_API int mapops_map_lookup(mapops_prog_t *prog, int map_fd,
				 int key_stack_off);

/**
 * Looks up the key that key_reg points to.
 * Emits: [r2 = key_reg, unless key_reg is r2]; r1 = fd;
 *        call bpf_map_lookup_elem                          (3 or 4 slots)
 * The move comes first, so key_reg may be r1.
 * Result and clobbers as mapops_map_lookup().
 * Minimum kernel: 3.19.
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
 * Minimum kernel: 3.19.
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
 * Minimum kernel: 3.19.
 */
MAPOPS_API int mapops_map_update_ptr(mapops_prog_t *prog, int map_fd,
				     int key_reg, int value_reg, __u64 flags);

/**
 * Deletes the key at r10 + key_stack_off.
 * Emits (5 slots): r1 = fd; r2 = r10; r2 += k; call bpf_map_delete_elem
 * Result: r0 = 0, or a negative errno (-ENOENT absent; -EINVAL on array
 * maps, whose elements cannot be deleted).  Clobbers: r0..r5.
 * Minimum kernel: 3.19.
 */
MAPOPS_API int mapops_map_delete(mapops_prog_t *prog, int map_fd,
				 int key_stack_off);

/**
 * Deletes the key key_reg points to.
 * Emits: [r2 = key_reg, unless key_reg is r2]; r1 = fd;
 *        call bpf_map_delete_elem                          (3 or 4 slots)
 * Result and clobbers as mapops_map_delete().
 * Minimum kernel: 3.19.
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
 * Minimum kernel: 3.19.
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
 * Minimum kernel: 5.1.
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
 * Minimum kernel: 3.19.
 */
MAPOPS_API int mapops_map_lookup_or_init(mapops_prog_t *prog, int map_fd,
					 int key_stack_off,
					 int init_value_stack_off);

/* ------------------------------------------------------------------------
 * Map operands (since libmapops 1.1, MAPOPS_1.1)
 *
 * Every map_fd argument (the map operations above, mapops_ld_map_fd() and
 * every function below) takes a map file descriptor, or one of two
 * operands made by the functions in this section.  They are ints below
 * the errno range (-4095..-1), so they are never mistaken for an fd or an
 * error; a 1.0 library refuses them (-EBADF).
 *
 * - mapops_map_reg(r): the map whose pointer is in register r (r0..r9),
 *   e.g. an inner map returned by a lookup in an ARRAY_OF_MAPS or
 *   HASH_OF_MAPS.  Where a sequence above loads "fd" into r1, it then
 *   moves "r1 = r" instead (no slot when r is r1).  The _ptr forms and the
 *   functions below that take other registers move every register to its
 *   place at once, in an order that loses none: the moves are listed
 *   (map first, then the key, value, context, index or CPU as the function
 *   names them) and each is emitted as soon as no pending move still reads
 *   its destination (later moves from the same register then read the
 *   copy, which may break a cycle); a cycle parks one register in the first free scratch
 *   register (mapops_map_lookup_ptr, mapops_map_delete_ptr and
 *   mapops_perf_event_output: r3, else r0; mapops_map_update_ptr: r4, r5, r0;
 *   mapops_map_lookup_percpu and mapops_tail_call_reg: r2, else r0).
 *   The operations that make two or more helper calls
 *   (mapops_map_increment, mapops_map_increment_atomic,
 *   mapops_map_lookup_or_init) need the map after the first call, so they
 *   take it only from r6..r9 and refuse other registers (-EINVAL).
 *   mapops_tail_call, mapops_tail_call_reg and mapops_ld_map_value refuse
 *   a register (-EINVAL): the kernel needs their map itself at load time.
 *   With a register, mapops_ld_map_fd emits "dst = r" (nothing when dst is
 *   r).  The kernel only knows the map when it verifies the program, so
 *   nothing about it is checked while building.
 *
 * - mapops_map_ref(prog, name): a named map of this program, bound to an
 *   fd by mapops_prog_bind_map() before or after the calls that use it.
 *   The sequences are those of an fd; the load's immediate is filled from
 *   the binding by mapops_prog_insns() and mapops_prog_load() (so by every
 *   function that resolves the program), each time, so binding again and
 *   resolving again loads the same program against another map.  An
 *   unbound name fails the resolution with ENOENT, naming the map and the
 *   first call that used it.
 *
 * When a map operand is a real BPF map (an fd the kernel knows as a map,
 * or a name bound to one), the library asks the kernel once per fd and
 * program (bpf_obj_get_info_by_fd) for its type, key size, value size and
 * entry count, and refuses (-EINVAL, naming the argument) what the kernel
 * would refuse or what could never work: a stack key or value that runs
 * past the frame for the map's key_size or value_size (for
 * mapops_map_increment*, the scratch at value_stack_off must hold the
 * whole value, which must be at least 8 bytes); BPF_NOEXIST, delete or
 * delete_ptr on an ARRAY or PERCPU_ARRAY map; a ring-buffer call on a map
 * that is not BPF_MAP_TYPE_RINGBUF, or a reservation that can never fit
 * it; mapops_perf_event_output on a map that is not a perf event array;
 * push/pop/peek on a map that is not a queue or stack; a tail call through
 * a map that is not a program array; mapops_map_lookup_percpu on a map that
 * is not per-CPU; mapops_ld_map_value on a map that is not an array of one
 * entry, or at an offset past its value.  A name bound later is checked at
 * binding time against every call made before.  Any other fd (one that is
 * not a BPF map) is taken unchecked, as in 1.0.
 * ------------------------------------------------------------------------ */

/**
 * Returns the operand "the map whose pointer is in reg" for a map_fd
 * argument: reg must be r0..r9.  Emits nothing.  The value is stable:
 * -0x70000000 + reg.
 * Errors: -EINVAL (errno set) reg is not r0..r9.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.12.
 */
MAPOPS_API int mapops_map_reg(int reg);

/**
 * Returns the operand "the map named name in this program" for a map_fd
 * argument of calls on prog (not of another program), adding the name,
 * unbound, if new.  Calling it again with the same name returns the same
 * operand.  Emits nothing.
 * Errors (errno set): -EINVAL prog or name NULL, name empty;
 * -ENAMETOOLONG name longer than MAPOPS_LABEL_MAX; -ENOMEM.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API int mapops_map_ref(mapops_prog_t *prog, const char *name);

/**
 * Binds name (as given to mapops_map_ref(), before or after this call) to
 * the map map_fd; binding again replaces the fd.  The fd is written into
 * the program's loads when it is next resolved.  If map_fd is a BPF map,
 * the calls already made with this name are checked against it (see
 * "the library knows the map" above).  Emits nothing.
 * Errors (errno set): -EINVAL prog or name NULL, name empty, or a call
 * made with this name could not work with this map (the message names the
 * call and slot); -ENAMETOOLONG; -EBADF map_fd is negative (a name binds
 * to an fd, not to another operand); -ENOMEM.  A failure changes nothing.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: none (builds or reads memory only).
 */
MAPOPS_API int mapops_prog_bind_map(mapops_prog_t *prog, const char *name,
				    int map_fd);

/* ------------------------------------------------------------------------
 * Ring buffers (BPF_MAP_TYPE_RINGBUF; since libmapops 1.1)
 *
 * flags: 0 (wake the consumer as the kernel sees fit), BPF_RB_NO_WAKEUP or
 * BPF_RB_FORCE_WAKEUP.  The verifier requires every non-NULL reservation
 * to be submitted or discarded, exactly once, on every path to exit: test
 * r0 against 0 after mapops_ringbuf_reserve(), keep the pointer in a
 * register that survives until then (r6..r9 across other calls), and do
 * not exit in between.
 * ------------------------------------------------------------------------ */

/**
 * Copies size bytes from r10 + data_stack_off into a new ring-buffer
 * record.
 * Emits (8 slots): r1 = map; r2 = r10; r2 += d; r3 = size; r4 = flags;
 *                  call bpf_ringbuf_output
 * Result: r0 = 0, or a negative errno (-EAGAIN when the buffer is full).
 * Clobbers: r0..r5.
 * Errors: -EINVAL also when the size bytes at data_stack_off leave the
 * frame, or flags are not one of the three above.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.8.
 */
MAPOPS_API int mapops_ringbuf_output(mapops_prog_t *prog, int map_fd,
				     int data_stack_off, __u32 size,
				     __u64 flags);

/**
 * Reserves a record of size bytes (a constant) in the ring buffer.
 * Emits (5 slots): r1 = map; r2 = size; r3 = 0; call bpf_ringbuf_reserve
 * Result: r0 = pointer to size writable bytes, or NULL (0) when the buffer
 * has no room; the verifier requires the NULL check, and a submit or
 * discard of every non-NULL result (see above).  Clobbers: r0..r5.
 * Errors: -EINVAL also when size is above 0x3fffffff (the kernel's largest
 * record), or the known ring buffer is too small for it.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.8.
 */
MAPOPS_API int mapops_ringbuf_reserve(mapops_prog_t *prog, int map_fd,
				      __u32 size);

/**
 * Submits the reservation whose pointer is in ptr_reg (r0..r9), making it
 * visible to user space.
 * Emits: [r1 = ptr_reg, unless ptr_reg is r1]; r2 = flags;
 *        call bpf_ringbuf_submit                           (2 or 3 slots)
 * Result: none.  Clobbers: r0..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.8.
 */
MAPOPS_API int mapops_ringbuf_submit(mapops_prog_t *prog, int ptr_reg,
				     __u64 flags);

/**
 * Discards the reservation whose pointer is in ptr_reg (r0..r9).
 * Emits: [r1 = ptr_reg, unless ptr_reg is r1]; r2 = flags;
 *        call bpf_ringbuf_discard                          (2 or 3 slots)
 * Result: none.  Clobbers: r0..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.8.
 */
MAPOPS_API int mapops_ringbuf_discard(mapops_prog_t *prog, int ptr_reg,
				      __u64 flags);

/* ------------------------------------------------------------------------
 * Perf event output (BPF_MAP_TYPE_PERF_EVENT_ARRAY; since libmapops 1.1)
 * ------------------------------------------------------------------------ */

/**
 * Sends size bytes from r10 + data_stack_off as a raw sample to the perf
 * event in the map's slot flags & BPF_F_INDEX_MASK, or to the current
 * CPU's with BPF_F_CURRENT_CPU; skb and XDP programs may add a context
 * length in BPF_F_CTXLEN_MASK.  ctx_reg holds the program's context (it
 * arrives in r1; programs usually keep it in r6).
 * Emits: [r1 = ctx_reg, unless it is r1]; r2 = map; r3 = flags;
 *        r4 = r10; r4 += d; r5 = size; call bpf_perf_event_output
 * where "r3 = flags" reaches r3 with exactly the 64-bit value flags: a
 * 64-bit move when flags <= 0x7fffffff, a 32-bit move "w3 = flags" (which
 * zero-extends: BPF_F_CURRENT_CPU is 0xffffffff, and a sign-extending
 * 64-bit move would make it -1, which the helper refuses) when flags <=
 * 0xffffffff, else a 2-slot ld_imm64.  (9 to 11 slots with an fd.)
 * Result: r0 = 0, or a negative errno (-ENOENT no event in that slot,
 * -E2BIG an index past the array, -EOPNOTSUPP the wrong CPU's event).
 * Clobbers: r0..r5.
 * Errors: -EINVAL also when the data leave the frame, or flags have bits
 * outside BPF_F_INDEX_MASK | BPF_F_CTXLEN_MASK.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.4.
 */
MAPOPS_API int mapops_perf_event_output(mapops_prog_t *prog, int ctx_reg,
					int map_fd, int data_stack_off,
					__u32 size, __u64 flags);

/* ------------------------------------------------------------------------
 * Queues and stacks (BPF_MAP_TYPE_QUEUE, BPF_MAP_TYPE_STACK; since 1.1)
 *
 * The value (the map's value_size bytes) lies at r10 + value_stack_off.
 * A negative errno result is an int: kernels before 6.4 zero-extend it into
 * r0 (-ENOENT arrives as 0xfffffffe), so compare it with a 32-bit jump
 * (mapops_jmp32_imm); a test against 0 works on every kernel.
 * ------------------------------------------------------------------------ */

/**
 * Pushes the value: at the tail of a queue, on top of a stack.  flags:
 * BPF_ANY (fail with -E2BIG when full) or BPF_EXIST (overwrite the oldest
 * element when full); BPF_NOEXIST is refused (the kernel answers -EINVAL
 * at run time).
 * Emits (7 slots): r1 = map; r2 = r10; r2 += v; r3 = flags;
 *                  call bpf_map_push_elem
 * Result: r0 = 0, or a negative errno.  Clobbers: r0..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.20.
 */
MAPOPS_API int mapops_map_push(mapops_prog_t *prog, int map_fd,
			       int value_stack_off, __u64 flags);

/**
 * Pops the oldest (queue) or newest (stack) element into the stack.
 * Emits (6 slots): r1 = map; r2 = r10; r2 += v; call bpf_map_pop_elem
 * Result: r0 = 0 with the value at r10 + value_stack_off, or -ENOENT when
 * the map is empty.  Clobbers: r0..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.20.
 */
MAPOPS_API int mapops_map_pop(mapops_prog_t *prog, int map_fd,
			      int value_stack_off);

/**
 * As mapops_map_pop(), leaving the element in the map.
 * Emits (6 slots): r1 = map; r2 = r10; r2 += v; call bpf_map_peek_elem
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.20.
 */
MAPOPS_API int mapops_map_peek(mapops_prog_t *prog, int map_fd,
			       int value_stack_off);

/* ------------------------------------------------------------------------
 * Tail calls (BPF_MAP_TYPE_PROG_ARRAY; since libmapops 1.1)
 *
 * A tail call does not return when the array's slot holds a program: that
 * program runs with the context in ctx_reg and its result is the caller's.
 * It falls through to the next instruction when the slot is empty, the
 * index is past the array, or the chain limit (33 calls) is reached.  The
 * map must be an fd or a mapops_map_ref() name (not a register).
 * ------------------------------------------------------------------------ */

/**
 * Tail-calls the program at the constant index.
 * Emits: [r1 = ctx_reg, unless it is r1]; r2 = map; r3 = index;
 *        call bpf_tail_call                                (5 or 6 slots)
 * ("r3 = index" is a 64-bit move up to 0x7fffffff, a 32-bit move above.)
 * Result: on fall-through r0 is undefined.  Clobbers: r0..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.2.
 */
MAPOPS_API int mapops_tail_call(mapops_prog_t *prog, int ctx_reg, int map_fd,
				__u32 index);

/**
 * Tail-calls the program at the index held in index_reg (r0..r9).
 * Emits: the moves r1 = ctx_reg and r3 = index_reg at once (none where in
 * place; r2 breaks the cycle when ctx_reg is r3 and index_reg r1);
 * r2 = map; call bpf_tail_call                             (3 to 6 slots)
 * Result and clobbers as mapops_tail_call().
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 4.2.
 */
MAPOPS_API int mapops_tail_call_reg(mapops_prog_t *prog, int ctx_reg,
				    int map_fd, int index_reg);

/* ------------------------------------------------------------------------
 * Per-CPU lookup and direct value access (since libmapops 1.1)
 * ------------------------------------------------------------------------ */

/**
 * Looks up the key at r10 + key_stack_off in a per-CPU map, returning the
 * value of the CPU whose number is in cpu_reg (r0..r9).
 * Emits: [r3 = cpu_reg, unless it is r3]; r1 = map; r2 = r10; r2 += k;
 *        call bpf_map_lookup_percpu_elem                  (5 or 6 slots)
 * Result: r0 = pointer to that CPU's value, or NULL when the key is absent
 * or the CPU does not exist.  Clobbers: r0..r5.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.19.
 */
MAPOPS_API int mapops_map_lookup_percpu(mapops_prog_t *prog, int map_fd,
					int key_stack_off, int cpu_reg);

/**
 * Emits "dst = address of byte off of the map's value" as an ld_imm64
 * with src_reg BPF_PSEUDO_MAP_VALUE (imm = the fd, the second slot's imm =
 * off): 2 slots, no helper call and no NULL check.  The kernel allows it
 * only for an array map (BPF_MAP_TYPE_ARRAY) of exactly one element, with
 * off < value_size; reads and writes through dst are then checked against
 * the value's bounds.  It is what clang emits for a global variable
 * (.bss, .data), byte for byte.
 * When to prefer it: for state the program keeps once, not per key
 * (global counters, settings), put it in a one-element array map and
 * address it directly rather than look it up: no helper call, no NULL
 * check, no key on the stack, and nothing for the verifier to branch on.
 * Measured (bench/README.md, kernel 6.18, x86-64 JIT): a counter += 1
 * takes 5 slots (this load, then load, add, store) against 20 for a key
 * store and mapops_map_increment; it runs as fast as clang's global, about
 * 0.5 ns a counter faster than lookup-and-add on an array map (whose
 * lookup the verifier inlines) and about 25 ns faster than on a hash map
 * (a helper call per counter); a program of 64 such counters is 322 slots
 * against 1282, verified in 258 instructions and no branch states against
 * about 1210 and 95, and loads about 16 times faster (0.1 ms against
 * 1.7-1.9 ms).  A lookup remains the way for per-key state, per-CPU
 * values (a PERCPU_ARRAY's value cannot be addressed directly) and maps of
 * more than one element.
 * Use mapops_atomic_op() on the address when several CPUs write.
 * Errors: -EINVAL also for a mapops_map_reg() operand.
 * Since libmapops 1.1 (MAPOPS_1.1).
 * Minimum kernel: 5.5.
 */
MAPOPS_API int mapops_ld_map_value(mapops_prog_t *prog, int dst, int map_fd,
				   __u32 off);

#ifdef __cplusplus
}
#endif

#endif /* MAPOPS_MAPOPS_H */
