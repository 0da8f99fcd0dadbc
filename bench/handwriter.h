/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The practical floor for a builder: a hand-written, inline writer of the
 * same slots the library's calls emit, with no argument checks, no
 * provenance, no error text, and integer labels (an array index, not a
 * name).  Like the library it starts empty, grows by doubling and resolves
 * its jumps at the end.  bench-build times it against the library on the
 * very same programs, checking that both produce the same bytes.
 */
#ifndef BENCH_HANDWRITER_H
#define BENCH_HANDWRITER_H

#include <stdlib.h>
#include <string.h>

#include <linux/bpf.h>

struct hw_fix {
	size_t at;
	size_t label;
};

struct hw {
	struct bpf_insn *v;
	size_t n, cap;
	size_t *lab; /* label -> slot */
	size_t nlab;
	struct hw_fix *fx;
	size_t nfx, capfx;
};

void hw_oom(void);

static inline void hw_init(struct hw *w, size_t labels)
{
	memset(w, 0, sizeof(*w));
	w->lab = malloc((labels ? labels : 1) * sizeof(*w->lab));
	if (!w->lab)
		hw_oom();
	w->nlab = labels;
}

static inline void hw_free(struct hw *w)
{
	free(w->v);
	free(w->lab);
	free(w->fx);
}

static inline struct bpf_insn *hw_room(struct hw *w, size_t k)
{
	if (w->n + k > w->cap) {
		size_t cap = w->cap ? w->cap : 16;

		while (cap < w->n + k)
			cap *= 2;
		w->v = realloc(w->v, cap * sizeof(*w->v));
		if (!w->v)
			hw_oom();
		w->cap = cap;
	}
	return w->v + w->n;
}

static inline void hw_put(struct hw *w, __u8 code, __u8 dst, __u8 src,
			  __s16 off, __s32 imm)
{
	struct bpf_insn *p = hw_room(w, 1);

	p->code = code;
	p->dst_reg = dst;
	p->src_reg = src;
	p->off = off;
	p->imm = imm;
	w->n++;
}

static inline void hw_label(struct hw *w, size_t label)
{
	w->lab[label] = w->n;
}

static inline void hw_fixup(struct hw *w, size_t label)
{
	if (w->nfx == w->capfx) {
		w->capfx = w->capfx ? w->capfx * 2 : 16;
		w->fx = realloc(w->fx, w->capfx * sizeof(*w->fx));
		if (!w->fx)
			hw_oom();
	}
	w->fx[w->nfx].at = w->n;
	w->fx[w->nfx++].label = label;
}

static inline void hw_jmp_imm(struct hw *w, int op, int reg, __s32 imm,
			      size_t label)
{
	hw_fixup(w, label);
	hw_put(w, BPF_JMP | op | BPF_K, reg, 0, 0, imm);
}

static inline void hw_ja(struct hw *w, size_t label)
{
	hw_fixup(w, label);
	hw_put(w, BPF_JMP | BPF_JA, 0, 0, 0, 0);
}

static inline void hw_ld_map_fd(struct hw *w, int reg, int fd)
{
	hw_put(w, BPF_LD | BPF_IMM | BPF_DW, reg, BPF_PSEUDO_MAP_FD, 0, fd);
	hw_put(w, 0, 0, 0, 0, 0);
}

static inline void hw_stack_ptr(struct hw *w, int reg, int off)
{
	hw_put(w, BPF_ALU64 | BPF_MOV | BPF_X, reg, BPF_REG_10, 0, 0);
	hw_put(w, BPF_ALU64 | BPF_ADD | BPF_K, reg, 0, 0, off);
}

static inline void hw_map_lookup(struct hw *w, int fd, int key)
{
	hw_ld_map_fd(w, BPF_REG_1, fd);
	hw_stack_ptr(w, BPF_REG_2, key);
	hw_put(w, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem);
}

static inline void hw_map_update(struct hw *w, int fd, int key, int val,
				 __s32 flags)
{
	hw_ld_map_fd(w, BPF_REG_1, fd);
	hw_stack_ptr(w, BPF_REG_2, key);
	hw_stack_ptr(w, BPF_REG_3, val);
	hw_put(w, BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_4, 0, 0, flags);
	hw_put(w, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_update_elem);
}

/* Resolves the jumps; returns the slots. */
static inline const struct bpf_insn *hw_finish(struct hw *w, size_t *cnt)
{
	size_t i;

	for (i = 0; i < w->nfx; i++)
		w->v[w->fx[i].at].off =
			(__s16)(w->lab[w->fx[i].label] - w->fx[i].at - 1);
	*cnt = w->n;
	return w->v;
}

#endif
