/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Labels, jumps to them, and resolving the jumps' offsets. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insn-valid.h"
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

int emit_ref(struct op *o, const struct bpf_insn *insns, size_t n, size_t at,
	     const char *label, enum fixup_kind kind)
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
	p = op_reserve(o, n, false);
	if (!p)
		return op_fail(o);
	if ((size_t)i == t->count)
		labels_add(t, label, len, hash);
	prog->fixups[prog->nfixups].slot = (uint32_t)(prog->len + at);
	prog->fixups[prog->nfixups].label = (uint32_t)i;
	prog->fixups[prog->nfixups].kind = kind;
	prog->nfixups++;
	memcpy(p, insns, n * sizeof(*insns));
	return op_commit(o, p + n);
}

static int emit_jump(struct op *o, struct bpf_insn insn, const char *label)
{
	return emit_ref(o, &insn, 1, 0, label, FIXUP_OFF);
}

static void chk_jmp_op(struct op *o, int op)
{
	if (!insn_jmp_cond_ok(op))
		op_error(o, -EINVAL,
			 "op 0x%x is not a conditional jump (BPF_JEQ .. BPF_JSLE)",
			 (unsigned)op);
}

static int jmp_imm(const char *fn, mapops_prog_t *prog, int cls, int op,
		   int reg, __s32 imm, const char *label)
{
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_jmp_op(&o, op);
	chk_reg(&o, "reg", reg);
	return emit_jump(&o, insn_cond_imm(cls, op, reg, imm, 0), label);
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
	return emit_jump(&o, insn_cond_reg(cls, op, dst, src, 0), label);
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
	struct bpf_insn ja = insn_ja(0);
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit_ref(&o, &ja, 1, 0, label, FIXUP_JA);
}

/* Whether a 16-bit jump offset d would have to be a gotol. */
static bool too_far(long d)
{
	return d < -32768 || d > 32767;
}

/* The offset (or imm) of fixup f, or a recorded error. */
static long jump_offset(struct op *o, const struct fixup *f)
{
	const struct label_table *t = &o->prog->labels;
	uint32_t target = t->labels[f->label].slot;
	char by[MAPOPS_TAG_MAX + 64]; /* the call that emitted it (only on
				       * the way to an error: a hot path) */
	long d;

	if (target == LABEL_UNBOUND) {
		origin_snprint(o->prog, f->slot, by, sizeof(by));
		op_error(o, -ENOENT,
			 "label \"%s\" is never bound (the %s at slot %u names it); it was emitted by %s",
			 labels_name(t, f->label),
			 f->kind == FIXUP_IMM ? "reference" : "jump", f->slot, by);
		return 0;
	}
	if (target >= o->prog->len) {
		origin_snprint(o->prog, f->slot, by, sizeof(by));
		op_error(o, -ERANGE,
			 "label \"%s\" is bound to slot %u, past the last instruction (slot %zu); the %s at slot %u would leave the program; it was emitted by %s",
			 labels_name(t, f->label), target, o->prog->len - 1,
			 f->kind == FIXUP_IMM ? "reference" : "jump", f->slot, by);
		return 0;
	}
	d = (long)target - ((long)f->slot + 1);
	if (too_far(d))
		origin_snprint(o->prog, f->slot, by, sizeof(by));
	if (f->kind == FIXUP_OFF && too_far(d))
		op_error(o, -ERANGE,
			 "the jump at slot %u to label \"%s\" (slot %u) spans %ld slots, which does not fit the signed 16-bit offset; it was emitted by %s",
			 f->slot, labels_name(t, f->label), target, d, by);
	if (f->kind == FIXUP_JA && too_far(d) && !o->prog->allow_v4)
		op_error(o, -ERANGE,
			 "the jump at slot %u to label \"%s\" (slot %u) spans %ld slots, which does not fit the signed 16-bit offset (mapops_gotol(), or mapops_prog_allow_v4(), reaches it); it was emitted by %s",
			 f->slot, labels_name(t, f->label), target, d, by);
	return d;
}

/* True for a BPF_PSEUDO_CALL call and a BPF_PSEUDO_FUNC ld_imm64. */
static bool insn_is_subprog_ref(const struct bpf_insn *in)
{
	return (in->code == (BPF_JMP | BPF_CALL) &&
		in->src_reg == BPF_PSEUDO_CALL) ||
	       (in->code == INSN_LD_IMM64_CODE && in->src_reg == BPF_PSEUDO_FUNC);
}

static int by_start(const void *a, const void *b)
{
	const struct subprog *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	/* A named start first, then the earlier-named label. */
	return x->label < y->label ? -1 : x->label > y->label;
}

/* The first label bound at slot, or LABEL_UNBOUND. */
static uint32_t label_at(const struct label_table *t, uint32_t slot)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		if (t->labels[i].slot == slot)
			return (uint32_t)i;
	return LABEL_UNBOUND;
}

int prog_subprogs(const mapops_prog_t *prog, struct subprog **out, size_t *n)
{
	const struct label_table *t = &prog->labels;
	size_t i, j = 0, k = 0, refs = 0;
	struct subprog *sp;

	*out = NULL;
	*n = 1;
	for (i = 0; i < prog->len; i++)
		refs += insn_is_subprog_ref(&prog->insns[i]);
	if (!refs)
		return 0;
	sp = malloc((refs + 1) * sizeof(*sp));
	if (!sp) {
		*n = 0;
		return -ENOMEM;
	}
	sp[k++] = (struct subprog){ 0, LABEL_UNBOUND };
	/* Fixups are in slot order: walk them along with the slots. */
	for (i = 0; i < prog->len; i++) {
		const struct bpf_insn *in = &prog->insns[i];
		long target;

		while (j < prog->nfixups && prog->fixups[j].slot < i)
			j++;
		if (!insn_is_subprog_ref(in))
			continue;
		if (j < prog->nfixups && prog->fixups[j].slot == i) {
			uint32_t l = prog->fixups[j].label;

			if (t->labels[l].slot == LABEL_UNBOUND ||
			    t->labels[l].slot >= prog->len)
				continue;
			sp[k++] = (struct subprog){ t->labels[l].slot, l };
			continue;
		}
		target = (long)i + 1 + in->imm; /* raw: the kernel's reading */
		if (target >= 0 && (size_t)target < prog->len)
			sp[k++] = (struct subprog){ (uint32_t)target,
						    LABEL_UNBOUND };
	}
	qsort(sp, k, sizeof(*sp), by_start);
	for (i = 1, j = 1; i < k; i++)
		if (sp[i].start != sp[j - 1].start)
			sp[j++] = sp[i];
	for (i = 0; i < j; i++)
		if (sp[i].label == LABEL_UNBOUND)
			sp[i].label = label_at(t, sp[i].start);
	*out = sp;
	*n = j;
	return 0;
}

/* The subprogram that slot lies in (sp sorted, sp[0].start 0). */
static size_t subprog_of(const struct subprog *sp, size_t n, uint32_t slot)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (sp[mid].start <= slot)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Writes "subprogram \"label\"" or "the main program" for error messages. */
static const char *subprog_what(const mapops_prog_t *prog,
				const struct subprog *sp, size_t k, char *buf,
				size_t size)
{
	if (k == 0)
		snprintf(buf, size, "the main program");
	else if (sp[k].label != LABEL_UNBOUND)
		snprintf(buf, size, "subprogram \"%.*s\"", MAPOPS_LABEL_MAX,
			 labels_name(&prog->labels, sp[k].label));
	else
		snprintf(buf, size, "the subprogram at slot %u", sp[k].start);
	return buf;
}

/*
 * What the kernel refuses of a program with subprograms: a subprogram (or
 * the main program) whose last slot is not exit or an unconditional jump,
 * and a label jump from one subprogram into another.
 */
static void chk_subprogs(struct op *o)
{
	const mapops_prog_t *prog = o->prog;
	char a[MAPOPS_LABEL_MAX + 40], b[MAPOPS_LABEL_MAX + 40];
	struct subprog *sp;
	size_t n, k, i;

	/* Only a program whose subprograms the library started (mapops_call,
	 * mapops_ld_func) is checked: raw calls from mapops_emit() keep 1.0's
	 * "as given" (and its resolution, which allocates nothing), and the
	 * kernel judges them at load. */
	for (i = 0; i < prog->nfixups; i++)
		if (insn_is_subprog_ref(&prog->insns[prog->fixups[i].slot]))
			break;
	if (i == prog->nfixups)
		return;
	if (prog_subprogs(prog, &sp, &n)) {
		op_error(o, -ENOMEM, "out of memory finding the subprograms");
		return;
	}
	if (!sp)
		return; /* no subprograms: nothing the kernel would refuse here */
	for (k = 0; k < n && !o->err; k++) {
		/* Starts are distinct and below len: end > sp[k].start. */
		size_t end = k + 1 < n ? sp[k + 1].start : prog->len;
		const struct bpf_insn *last = &prog->insns[end - 1];
		char text[160];

		if (last->code == (BPF_JMP | BPF_EXIT) ||
		    last->code == (BPF_JMP | BPF_JA) ||
		    last->code == (BPF_JMP32 | BPF_JA))
			continue;
		mapops_insn_snprint(text, sizeof(text), prog->insns, prog->len,
				    end - 1);
		op_error(o, -EINVAL,
			 "%s (slots %u..%zu) ends with \"%s\", not exit or an unconditional jump: it would run into %s",
			 subprog_what(prog, sp, k, a, sizeof(a)), sp[k].start,
			 end - 1, last->code ? text : "the second slot of an ld_imm64",
			 k + 1 < n ? subprog_what(prog, sp, k + 1, b, sizeof(b))
				   : "the end of the program");
	}
	for (i = 0; i < prog->nfixups && !o->err; i++) {
		const struct fixup *f = &prog->fixups[i];
		uint32_t target = prog->labels.labels[f->label].slot;
		const struct bpf_insn *in = &prog->insns[f->slot];
		size_t from, to;

		if (insn_is_subprog_ref(in))
			continue;
		from = subprog_of(sp, n, f->slot);
		to = subprog_of(sp, n, target);
		if (from == to)
			continue;
		op_error(o, -EINVAL,
			 "the jump at slot %u in %s goes to label \"%s\" (slot %u) in %s: a jump cannot leave its subprogram (call it with mapops_call())",
			 f->slot, subprog_what(prog, sp, from, a, sizeof(a)),
			 labels_name(&prog->labels, f->label), target,
			 subprog_what(prog, sp, to, b, sizeof(b)));
	}
	free(sp);
}

/* Writes fixup f's value d into its slot. */
static void patch(mapops_prog_t *prog, const struct fixup *f, long d)
{
	struct bpf_insn *in = &prog->insns[f->slot];

	switch (f->kind) {
	case FIXUP_IMM:
		in->imm = (__s32)d;
		break;
	case FIXUP_JA: /* the short form when it fits, else a gotol */
		if (too_far(d)) {
			*in = insn_make(BPF_JMP32 | BPF_JA, 0, 0, 0, (__s32)d);
			break;
		}
		*in = insn_ja((int)d);
		break;
	default:
		in->off = (__s16)d;
	}
}

const struct bpf_insn *prog_resolve(struct op *o, size_t *cnt)
{
	mapops_prog_t *prog = o->prog;
	size_t i;

	if (!cnt)
		op_error(o, -EINVAL, "cnt is NULL");
	else if (prog->open_ld64)
		op_error(o, -EINVAL,
			 "the program ends inside the ld_imm64 at slot %zu",
			 prog->len - 1);
	/* Check every jump before writing any, so a failure changes nothing. */
	for (i = 0; i < prog->nfixups && !o->err; i++)
		jump_offset(o, &prog->fixups[i]);
	if (!o->err)
		chk_subprogs(o);
	if (!o->err)
		map_refs_check(o);
	if (o->err)
		return NULL;
	for (i = 0; i < prog->nfixups; i++)
		patch(prog, &prog->fixups[i], jump_offset(o, &prog->fixups[i]));
	map_refs_fill(prog);
	*cnt = prog->len;
	return prog->insns;
}

const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog, size_t *cnt)
{
	const struct bpf_insn *insns;
	struct op o;

	if (op_start(&o, prog, __func__))
		return NULL;
	insns = prog_resolve(&o, cnt);
	if (!insns)
		op_fail(&o);
	return insns;
}

/* ---- Subprograms and the v4 jumps ------------------------------------ */

int mapops_call(mapops_prog_t *prog, const char *label)
{
	struct bpf_insn call = insn_make(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL,
					 0, 0);
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit_ref(&o, &call, 1, 0, label, FIXUP_IMM);
}

static int emit_ld_func(struct op *o, int dst, const char *label)
{
	struct bpf_insn buf[2];

	chk_dst(o, "dst", dst);
	put_ld_imm64(buf, dst, BPF_PSEUDO_FUNC, 0);
	return emit_ref(o, buf, 2, 0, label, FIXUP_IMM);
}

int mapops_ld_func(mapops_prog_t *prog, int dst, const char *label)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit_ld_func(&o, dst, label);
}

int mapops_gotol(mapops_prog_t *prog, const char *label)
{
	struct bpf_insn ja = insn_make(BPF_JMP32 | BPF_JA, 0, 0, 0, 0);
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit_ref(&o, &ja, 1, 0, label, FIXUP_IMM);
}

int mapops_may_goto(mapops_prog_t *prog, const char *label)
{
	struct bpf_insn jcond = insn_make(BPF_JMP | BPF_JCOND, 0, 0, 0, 0);
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	return emit_ref(&o, &jcond, 1, 0, label, FIXUP_OFF);
}

int mapops_prog_allow_v4(mapops_prog_t *prog, int allow)
{
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (allow != 0 && allow != 1) {
		op_error(&o, -EINVAL, "allow %d is not 0 or 1", allow);
		return op_fail(&o);
	}
	prog->allow_v4 = allow;
	return 0;
}
