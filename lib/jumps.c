/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Labels, jumps to them, and resolving the jumps' offsets. */
#include <errno.h>
#include <string.h>

#include "insn.h"
#include "internal.h"

/* Checks a label name; returns its length (0 after a recorded error). */
static size_t chk_label(struct op *o, const char *name)
{
	size_t len;

	if (!name) {
		op_error(o, -EINVAL, "label name is NULL");
		return 0;
	}
	len = strnlen(name, MAPOPS_LABEL_MAX + 1);
	if (len == 0)
		op_error(o, -EINVAL, "label name is empty");
	else if (len > MAPOPS_LABEL_MAX)
		op_error(o, -ENAMETOOLONG,
			 "label name \"%.32s...\" is longer than %d bytes",
			 name, MAPOPS_LABEL_MAX);
	return o->err ? 0 : len;
}

/* Finds the label, or makes room to add it; -1 after a recorded error. */
static long find_or_reserve(struct op *o, const char *name, size_t len,
			    uint32_t hash)
{
	struct label_table *t = &o->prog->labels;
	long i = labels_find(t, name, len, hash);

	if (i >= 0)
		return i;
	if (!labels_room(t, len)) {
		op_error(o, -E2BIG, "label \"%s\" would make the program's label names take more than %zu bytes",
			 name, LABELS_BYTES_MAX);
		return -1;
	}
	if (!labels_reserve(t, len)) {
		op_error(o, -ENOMEM, "out of memory adding label \"%s\"", name);
		return -1;
	}
	return (long)t->count; /* the index labels_add() will give it */
}

int mapops_label(mapops_prog_t *prog, const char *name)
{
	struct label_table *t;
	uint32_t hash;
	size_t len;
	struct op o;
	long i;

	if (op_start(&o, prog, __func__))
		return o.err;
	len = chk_label(&o, name);
	if (o.err)
		return op_fail(&o);
	if (prog->open_ld64) {
		op_error(&o, -EINVAL,
			 "label \"%s\" would be bound to slot %zu, the second half of an ld_imm64",
			 name, prog->len);
		return op_fail(&o);
	}
	t = &prog->labels;
	hash = labels_hash(name, len);
	i = find_or_reserve(&o, name, len, hash);
	if (i < 0)
		return op_fail(&o);
	if ((size_t)i < t->count && t->labels[i].slot != LABEL_UNBOUND) {
		op_error(&o, -EEXIST, "label \"%s\" is already bound to slot %u",
			 name, t->labels[i].slot);
		return op_fail(&o);
	}
	if ((size_t)i == t->count)
		labels_add(t, name, len, hash);
	t->labels[i].slot = (uint32_t)prog->len;
	return 0;
}

int emit_jump(struct op *o, struct bpf_insn insn, const char *label)
{
	mapops_prog_t *prog = o->prog;
	struct label_table *t = &prog->labels;
	struct bpf_insn *p;
	uint32_t hash = 0;
	size_t len;
	long i = -1;

	len = chk_label(o, label);
	if (!o->err) {
		hash = labels_hash(label, len);
		i = find_or_reserve(o, label, len, hash);
	}
	if (!op_reserve_fixup(o))
		return op_fail(o);
	p = op_reserve(o, 1, false);
	if (!p)
		return op_fail(o);
	if ((size_t)i == t->count)
		labels_add(t, label, len, hash);
	prog->fixups[prog->nfixups].slot = (uint32_t)prog->len;
	prog->fixups[prog->nfixups].label = (uint32_t)i;
	prog->nfixups++;
	*p = insn;
	return op_commit(o, p + 1);
}

static void chk_jmp_op(struct op *o, int op)
{
	switch (op) {
	case BPF_JEQ: case BPF_JNE: case BPF_JGT: case BPF_JGE:
	case BPF_JLT: case BPF_JLE: case BPF_JSET: case BPF_JSGT:
	case BPF_JSGE: case BPF_JSLT: case BPF_JSLE:
		return;
	default:
		op_error(o, -EINVAL,
			 "op 0x%x is not a conditional jump (BPF_JEQ .. BPF_JSLE)",
			 (unsigned)op);
	}
}

static int jmp_imm(const char *fn, mapops_prog_t *prog, int cls, int op,
		   int reg, __s32 imm, const char *label)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_jmp_op(&o, op);
	chk_reg(&o, "reg", reg);
	return emit_jump(&o, insn_make(cls | op | BPF_K, reg, 0, 0, imm), label);
}

static int jmp_reg(const char *fn, mapops_prog_t *prog, int cls, int op,
		   int dst, int src, const char *label)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_jmp_op(&o, op);
	chk_reg(&o, "dst", dst);
	chk_reg(&o, "src", src);
	return emit_jump(&o, insn_make(cls | op | BPF_X, dst, src, 0, 0), label);
}

int mapops_jmp_imm(mapops_prog_t *prog, int op, int reg, __s32 imm,
		   const char *label)
{
	return jmp_imm(__func__, prog, BPF_JMP, op, reg, imm, label);
}

int mapops_jmp_reg(mapops_prog_t *prog, int op, int dst, int src,
		   const char *label)
{
	return jmp_reg(__func__, prog, BPF_JMP, op, dst, src, label);
}

int mapops_jmp32_imm(mapops_prog_t *prog, int op, int reg, __s32 imm,
		     const char *label)
{
	return jmp_imm(__func__, prog, BPF_JMP32, op, reg, imm, label);
}

int mapops_jmp32_reg(mapops_prog_t *prog, int op, int dst, int src,
		     const char *label)
{
	return jmp_reg(__func__, prog, BPF_JMP32, op, dst, src, label);
}

int mapops_ja(mapops_prog_t *prog, const char *label)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit_jump(&o, insn_make(BPF_JMP | BPF_JA, 0, 0, 0, 0), label);
}

/* The offset of fixup f, or a recorded error. */
static long jump_offset(struct op *o, const struct fixup *f)
{
	const struct label_table *t = &o->prog->labels;
	uint32_t target = t->labels[f->label].slot;
	long d;

	if (target == LABEL_UNBOUND) {
		op_error(o, -ENOENT,
			 "label \"%s\" is never bound (the jump at slot %u names it)",
			 labels_name(t, f->label), f->slot);
		return 0;
	}
	if (target >= o->prog->len) {
		op_error(o, -ERANGE,
			 "label \"%s\" is bound to slot %u, past the last instruction (slot %zu); the jump at slot %u would leave the program",
			 labels_name(t, f->label), target, o->prog->len - 1,
			 f->slot);
		return 0;
	}
	d = (long)target - ((long)f->slot + 1);
	if (d < -32768 || d > 32767)
		op_error(o, -ERANGE,
			 "the jump at slot %u to label \"%s\" (slot %u) spans %ld slots, which does not fit the signed 16-bit offset",
			 f->slot, labels_name(t, f->label), target, d);
	return d;
}

const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog, size_t *cnt)
{
	struct op o;
	size_t i;

	if (op_start(&o, prog, __func__))
		return NULL;
	if (!cnt)
		op_error(&o, -EINVAL, "cnt is NULL");
	else if (prog->open_ld64)
		op_error(&o, -EINVAL,
			 "the program ends inside the ld_imm64 at slot %zu",
			 prog->len - 1);
	/* Check every jump before writing any, so a failure changes nothing. */
	for (i = 0; i < prog->nfixups && !o.err; i++)
		jump_offset(&o, &prog->fixups[i]);
	if (o.err) {
		op_fail(&o);
		return NULL;
	}
	for (i = 0; i < prog->nfixups; i++)
		prog->insns[prog->fixups[i].slot].off =
			(__s16)jump_offset(&o, &prog->fixups[i]);
	*cnt = prog->len;
	return prog->insns;
}
