/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The handle: its buffers, appending slots, raw instructions. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "insn.h"
#include "internal.h"

mapops_prog_t *mapops_prog_new(void)
{
	mapops_prog_t *prog = calloc(1, sizeof(*prog));

	if (!prog) {
		errno = ENOMEM;
		return NULL;
	}
	/* Never hand out a NULL array, even for an empty program. */
	prog->insns = grow_array(NULL, &prog->cap, 1, sizeof(*prog->insns));
	if (!prog->insns) {
		free(prog);
		errno = ENOMEM;
		return NULL;
	}
	return prog;
}

void mapops_prog_free(mapops_prog_t *prog)
{
	if (!prog)
		return;
	free(prog->insns);
	free(prog->fixups);
	labels_free(&prog->labels);
	free(prog->err_long);
	free(prog->dump_text);
	prog_btf_release(&prog->btf);
	free(prog->origins);
	free(prog->tag_runs);
	free(prog->tags);
	map_refs_free(prog);
	free(prog);
}

size_t mapops_prog_len(const mapops_prog_t *prog)
{
	return prog ? prog->len : 0;
}

/* op_reserve() when a check fails or an array must grow. */
static struct bpf_insn *op_reserve_slow(struct op *o, size_t n, bool raw)
{
	mapops_prog_t *prog = o->prog;
	void *p;

	if (o->err)
		return NULL;
	if (prog->open_ld64 && !raw) {
		op_error(o, -EINVAL,
			 "slot %zu must be the second half of the ld_imm64 at slot %zu; complete it with mapops_emit()",
			 prog->len, prog->len - 1);
		return NULL;
	}
	if (n > MAPOPS_MAX_INSNS - prog->len) {
		op_error(o, -E2BIG,
			 "%zu more slots would make the program %zu slots long, past the kernel's limit of %d",
			 n, prog->len + n, MAPOPS_MAX_INSNS);
		return NULL;
	}
	if (prog->len + n <= prog->cap && prog->norigins < prog->cap_origins)
		return prog->insns + prog->len;
	p = grow_array(prog->insns, &prog->cap, prog->len + n,
		       sizeof(*prog->insns));
	if (!p) {
		op_error(o, -ENOMEM, "out of memory growing to %zu slots",
			 prog->len + n);
		return NULL;
	}
	prog->insns = p;
	if (!origin_reserve(o))
		return NULL;
	return prog->insns + prog->len;
}

/* The common case kept small, so that (with link-time optimisation) it is
 * inlined into every emitter: no error, no open ld_imm64, room in both
 * arrays. */
struct bpf_insn *op_reserve(struct op *o, size_t n, bool raw)
{
	mapops_prog_t *prog = o->prog;

	if (!o->err && (raw || !prog->open_ld64) &&
	    n <= MAPOPS_MAX_INSNS - prog->len && prog->len + n <= prog->cap &&
	    prog->norigins < prog->cap_origins)
		return prog->insns + prog->len;
	return op_reserve_slow(o, n, raw);
}

bool op_reserve_fixup(struct op *o)
{
	mapops_prog_t *prog = o->prog;
	void *p;

	if (o->err)
		return false;
	p = grow_array(prog->fixups, &prog->cap_fixups, prog->nfixups + 1,
		       sizeof(*prog->fixups));
	if (!p) {
		op_error(o, -ENOMEM, "out of memory recording a jump");
		return false;
	}
	prog->fixups = p;
	return true;
}

int op_commit(struct op *o, struct bpf_insn *end)
{
	size_t len = (size_t)(end - o->prog->insns);

	origin_commit(o, o->prog->len, len - o->prog->len);
	o->prog->len = len;
	return 0;
}

int op_append(struct op *o, const struct bpf_insn *insns, size_t n)
{
	struct bpf_insn *p = op_reserve(o, n, false);
	size_t i;

	if (!p)
		return op_fail(o);
	/* Slot by slot: the caller has just written each slot with one 8-byte
	 * store, which an 8-byte load forwards; memcpy's wider loads span
	 * several such stores and stall until they retire (perf put 14% of
	 * building map_lookup sequences in that memcpy). */
	for (i = 0; i < n; i++)
		p[i] = insns[i];
	return op_commit(o, p + n);
}

/* Checks raw slots; returns whether the last one opens an ld_imm64. */
static bool check_raw(struct op *o, const struct bpf_insn *insns, size_t cnt,
		      bool open)
{
	size_t i;

	for (i = 0; i < cnt && !o->err; i++) {
		const struct bpf_insn *in = &insns[i];

		if (open) {
			if (in->code || in->dst_reg || in->src_reg || in->off)
				op_error(o, -EINVAL,
					 "insns[%zu] must be the second slot of an ld_imm64: code, registers and offset 0 (got code 0x%02x dst %u src %u off %d)",
					 i, in->code, in->dst_reg, in->src_reg,
					 in->off);
			open = false;
			continue;
		}
		if (in->dst_reg > BPF_REG_10 || in->src_reg > BPF_REG_10)
			op_error(o, -EINVAL,
				 "insns[%zu] names register dst %u src %u; registers are r0..r10",
				 i, in->dst_reg, in->src_reg);
		open = in->code == INSN_LD_IMM64_CODE;
	}
	return open;
}

int mapops_emit(mapops_prog_t *prog, const struct bpf_insn *insns, size_t cnt)
{
	size_t own = SIZE_MAX;
	struct bpf_insn *p;
	struct op o;
	bool open;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!insns && cnt)
		op_error(&o, -EINVAL, "insns is NULL but cnt is %zu", cnt);
	/* Before reading any slot: a cnt past the limit (a byte count passed
	 * for a slot count, say) must not make us read past the caller's array. */
	if (cnt > MAPOPS_MAX_INSNS - prog->len)
		op_error(&o, -E2BIG,
			 "cnt %zu: the program has %zu slots and may not grow past the kernel's limit of %d (no slot was read)",
			 cnt, prog->len, MAPOPS_MAX_INSNS);
	open = check_raw(&o, insns, cnt, prog->open_ld64);
	/* The caller may pass the program's own slots (from mapops_prog_insns)
	 * to repeat them: growing would free them, so find them again after. */
	if (cnt && (uintptr_t)insns >= (uintptr_t)prog->insns &&
	    (uintptr_t)insns < (uintptr_t)(prog->insns + prog->len))
		own = (size_t)(insns - prog->insns);
	p = op_reserve(&o, cnt, true);
	if (!p)
		return op_fail(&o);
	if (own != SIZE_MAX)
		insns = prog->insns + own;
	if (cnt)
		memmove(p, insns, cnt * sizeof(*insns));
	prog->open_ld64 = open;
	return op_commit(&o, p + cnt);
}
