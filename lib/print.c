/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The printer: one instruction in the syntax of the kernel's verifier log
 * and bpftool (kernel/bpf/disasm.c), and a whole program with its labels
 * and the calls that emitted it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insn-valid.h"
#include "internal.h"
#include "names.h"

/* Indexed by BPF_SIZE(code) >> 3: BPF_W, BPF_H, BPF_B, BPF_DW. */
static const char *const size_u[4] = { "u32", "u16", "u8", "u64" };
static const char *const size_s[4] = { "s32", "s16", "s8", "s64" };

/* Indexed by BPF_OP(code) >> 4 (of a valid instruction). */
static const char *const alu_ops[16] = {
	"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
	"neg", "%=", "^=", "=", "s>>=", "endian", NULL, NULL,
};
static const char *const jmp_ops[16] = {
	"ja", "==", ">", ">=", "&", "!=", "s>", "s>=",
	"call", "exit", "<", "<=", "s<", "s<=", "jcond", NULL,
};
static const char *const atomic_ops[16] = {
	[BPF_ADD >> 4] = "add", [BPF_OR >> 4] = "or",
	[BPF_AND >> 4] = "and", [BPF_XOR >> 4] = "xor",
};

/* Output that counts what it would need, as snprintf does. */
struct text {
	char *buf;
	size_t size, len;
};

static void put(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	if (t->buf && t->len < t->size)
		n = vsnprintf(t->buf + t->len, t->size - t->len, fmt, ap);
	else
		n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n;
}

static void print_alu(struct text *t, const struct bpf_insn *in)
{
	unsigned op = BPF_OP(in->code);
	char r = BPF_CLASS(in->code) == BPF_ALU64 ? 'r' : 'w';
	const char *sym = alu_ops[op >> 4];

	if (op == BPF_END) {
		if (r == 'r')
			put(t, "r%u = bswap%d r%u", in->dst_reg, in->imm, in->dst_reg);
		else
			put(t, "r%u = %s%d r%u", in->dst_reg,
			    BPF_SRC(in->code) == BPF_TO_BE ? "be" : "le",
			    in->imm, in->dst_reg);
		return;
	}
	if (op == BPF_NEG) {
		put(t, "%c%u = -%c%u", r, in->dst_reg, r, in->dst_reg);
		return;
	}
	if ((op == BPF_DIV || op == BPF_MOD) && in->off == 1)
		sym = op == BPF_DIV ? "s/=" : "s%=";
	if (BPF_SRC(in->code) == BPF_K) {
		put(t, "%c%u %s %d", r, in->dst_reg, sym, in->imm);
	} else if (op == BPF_MOV && r == 'r' && in->off == BPF_ADDR_SPACE_CAST) {
		put(t, "r%u = addr_space_cast(r%u, %u, %u)", in->dst_reg,
		    in->src_reg, (unsigned)in->imm >> 16,
		    (unsigned)in->imm & 0xffff);
	} else if (op == BPF_MOV && in->off) {
		put(t, "%c%u = (s%d)%c%u", r, in->dst_reg, in->off, r,
		    in->src_reg);
	} else {
		put(t, "%c%u %s %c%u", r, in->dst_reg, sym, r, in->src_reg);
	}
}

/*
 * The kernel prints every ld_imm64 as "rN = 0x<64-bit imm>" (a
 * BPF_PSEUDO_FUNC load too: its imm is the callee's relative slot).  The
 * loads it resolves to addresses before it prints them (map fds and
 * indexes, map values, BTF ids of kernel variables) are shown by what they
 * name instead, as the address is not known before loading.
 */
static void print_ld_imm64(struct text *t, const struct bpf_insn *in)
{
	__u32 lo = (__u32)in[0].imm, hi = (__u32)in[1].imm;
	unsigned long long imm = (unsigned long long)hi << 32 | lo;

	put(t, "r%u = ", in->dst_reg);
	switch (in->src_reg) {
	case BPF_PSEUDO_MAP_FD:
		put(t, "map_fd#%d", in->imm);
		break;
	case BPF_PSEUDO_MAP_VALUE:
		put(t, "map_value(map_fd#%d)+%u", in->imm, hi);
		break;
	case BPF_PSEUDO_BTF_ID:
		put(t, "btf_id#%d", in->imm);
		if (hi)
			put(t, " (btf_fd#%d)", (int)hi);
		break;
	case BPF_PSEUDO_MAP_IDX:
		put(t, "map_idx#%d", in->imm);
		break;
	case BPF_PSEUDO_MAP_IDX_VALUE:
		put(t, "map_value(map_idx#%d)+%u", in->imm, hi);
		break;
	default: /* 0 and BPF_PSEUDO_FUNC */
		put(t, "0x%llx", imm);
	}
}

static void print_mem(struct text *t, const struct bpf_insn *in)
{
	unsigned cls = BPF_CLASS(in->code), sz = BPF_SIZE(in->code) >> 3;
	const char *a64 = BPF_SIZE(in->code) == BPF_DW ? "64" : "";

	if (cls == BPF_LDX) {
		put(t, "r%u = *(%s *)(r%u %+d)", in->dst_reg,
		    BPF_MODE(in->code) == BPF_MEMSX ? size_s[sz] : size_u[sz],
		    in->src_reg, in->off);
	} else if (cls == BPF_ST) {
		put(t, "*(%s *)(r%u %+d) = %d", size_u[sz], in->dst_reg, in->off,
		    in->imm);
	} else if (BPF_MODE(in->code) == BPF_MEM) {
		put(t, "*(%s *)(r%u %+d) = r%u", size_u[sz], in->dst_reg, in->off,
		    in->src_reg);
	} else if (in->imm == BPF_LOAD_ACQ) {
		put(t, "r%u = load_acquire((%s *)(r%u %+d))", in->dst_reg,
		    size_u[sz], in->src_reg, in->off);
	} else if (in->imm == BPF_STORE_REL) {
		put(t, "store_release((%s *)(r%u %+d), r%u)", size_u[sz],
		    in->dst_reg, in->off, in->src_reg);
	} else if (in->imm == BPF_XCHG) {
		put(t, "r%u = atomic%s_xchg((%s *)(r%u %+d), r%u)", in->src_reg,
		    a64, size_u[sz], in->dst_reg, in->off, in->src_reg);
	} else if (in->imm == BPF_CMPXCHG) {
		put(t, "r0 = atomic%s_cmpxchg((%s *)(r%u %+d), r0, r%u)", a64,
		    size_u[sz], in->dst_reg, in->off, in->src_reg);
	} else if (in->imm & BPF_FETCH) {
		put(t, "r%u = atomic%s_fetch_%s((%s *)(r%u %+d), r%u)",
		    in->src_reg, a64, atomic_ops[BPF_OP(in->imm) >> 4],
		    size_u[sz], in->dst_reg, in->off, in->src_reg);
	} else {
		put(t, "lock *(%s *)(r%u %+d) %s r%u", size_u[sz], in->dst_reg,
		    in->off, alu_ops[BPF_OP(in->imm) >> 4], in->src_reg);
	}
}

static void print_jmp(struct text *t, const struct bpf_insn *in)
{
	unsigned op = BPF_OP(in->code);
	char r = BPF_CLASS(in->code) == BPF_JMP ? 'r' : 'w';
	const char *name;

	switch (op) {
	case BPF_JA:
		if (r == 'r')
			put(t, "goto pc%+d", in->off);
		else
			put(t, "gotol pc%+d", in->imm);
		return;
	case BPF_CALL:
		if (in->src_reg == BPF_PSEUDO_CALL)
			name = NULL;
		else if (in->src_reg == BPF_PSEUDO_KFUNC_CALL)
			name = kfunc_name(in->imm, in->off);
		else
			name = helper_name(in->imm);
		if (in->src_reg == BPF_PSEUDO_CALL)
			put(t, "call pc%+d", in->imm);
		else /* the kernel's fallbacks when it has no name */
			put(t, "call %s#%d",
			    name ? name : in->src_reg ? "kernel-function" : "unknown",
			    in->imm);
		return;
	case BPF_EXIT:
		put(t, "exit");
		return;
	case BPF_JCOND:
		put(t, "may_goto pc%+d", in->off);
		return;
	default:
		if (BPF_SRC(in->code) == BPF_X)
			put(t, "if %c%u %s %c%u goto pc%+d", r, in->dst_reg,
			    jmp_ops[op >> 4], r, in->src_reg, in->off);
		else
			put(t, "if %c%u %s 0x%x goto pc%+d", r, in->dst_reg,
			    jmp_ops[op >> 4], (unsigned)in->imm, in->off);
	}
}

int mapops_insn_snprint(char *buf, size_t size, const struct bpf_insn *insns,
			size_t cnt, size_t slot)
{
	struct text t = { buf, size, 0 };
	const struct bpf_insn *in;
	struct insn_why w;

	if (!insns || slot >= cnt || (!buf && size)) {
		errno = EINVAL;
		return -EINVAL;
	}
	if (buf && size)
		buf[0] = '\0';
	in = &insns[slot];
	if (!insn_valid(insns, cnt, slot, &w)) {
		put(&t, "invalid insn code 0x%02x", in->code);
		if (w.text[0])
			put(&t, " (%s)", w.text);
		return (int)t.len;
	}
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		if (in->code == INSN_LD_IMM64_CODE)
			print_ld_imm64(&t, in);
		else if (BPF_MODE(in->code) == BPF_ABS)
			put(&t, "r0 = *(%s *)skb[%d]",
			    size_u[BPF_SIZE(in->code) >> 3], in->imm);
		else
			put(&t, "r0 = *(%s *)skb[r%u + %d]",
			    size_u[BPF_SIZE(in->code) >> 3], in->src_reg,
			    in->imm);
		break;
	case BPF_LDX:
	case BPF_ST:
	case BPF_STX:
		print_mem(&t, in);
		break;
	case BPF_ALU:
	case BPF_ALU64:
		print_alu(&t, in);
		break;
	default:
		print_jmp(&t, in);
	}
	return (int)t.len;
}

/* ---- Whole programs --------------------------------------------------- */

/* Writes s, with control bytes, backslashes (and, quoted, '"') escaped. */
static void put_escaped(FILE *out, const char *s, bool quoted)
{
	escape_fput(out, s, quoted); /* escape.c: the same as in messages */
}

static void put_origin(const mapops_prog_t *prog, FILE *out, size_t k)
{
	struct origin_info info;

	origin_get(prog, k, &info);
	fprintf(out, "   ; %s #%u", info.fn, info.index);
	if (info.tag) {
		fputs(" (\"", out);
		put_escaped(out, info.tag, true);
		fputs("\")", out);
	}
	fputc('\n', out);
}

struct bound {
	uint32_t slot, index;
};

static int by_slot(const void *a, const void *b)
{
	const struct bound *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The bound labels in slot order (then in order of creation). */
static struct bound *labels_by_slot(const struct label_table *t, size_t *n)
{
	struct bound *order = malloc((t->count ? t->count : 1) * sizeof(*order));
	size_t i;

	*n = 0;
	if (!order)
		return NULL;
	for (i = 0; i < t->count; i++) {
		if (t->labels[i].slot == LABEL_UNBOUND)
			continue;
		order[*n].slot = t->labels[i].slot;
		order[(*n)++].index = (uint32_t)i;
	}
	qsort(order, *n, sizeof(*order), by_slot);
	return order;
}

static void put_label(const struct label_table *t, FILE *out, uint32_t i)
{
	put_escaped(out, labels_name(t, i), false);
	fputs(":\n", out);
}

/*
 * A named map's load (mapops_map_ref()) names its map:
 *      r1 = map "counters" (map_fd#5)
 *      r3 = map_value("counters")+4 (map_fd#5)
 * the fd being the one bound when the dump resolved the program.  The
 * sites are recorded in slot order, so *k walks them along with the dump.
 * mapops_insn_snprint() keeps the kernel's syntax (it sees bytes only).
 */
static bool put_map_name(const mapops_prog_t *prog, FILE *out, size_t *k,
			 const struct bpf_insn *in, size_t slot)
{
	const struct map_site *s;

	while (*k < prog->nsites && prog->sites[*k].slot < slot)
		(*k)++;
	if (*k >= prog->nsites || prog->sites[*k].slot != slot ||
	    (in->src_reg != BPF_PSEUDO_MAP_FD &&
	     in->src_reg != BPF_PSEUDO_MAP_VALUE))
		return false;
	s = &prog->sites[*k];
	fprintf(out, "%4zu: r%u = %s\"", slot, in->dst_reg,
		in->src_reg == BPF_PSEUDO_MAP_FD ? "map " : "map_value(");
	put_escaped(out, prog->refs[s->ref].name, true);
	if (in->src_reg == BPF_PSEUDO_MAP_FD)
		fprintf(out, "\" (map_fd#%d)\n", in->imm);
	else
		fprintf(out, "\")+%u (map_fd#%d)\n", (__u32)in[1].imm, in->imm);
	return true;
}

/* Writes "   ; func#K NAME" before subprogram K's first slot. */
static void put_subprog(FILE *out, size_t k, const char *name)
{
	fprintf(out, "   ; func#%zu %s\n", k, name);
}

int mapops_prog_dump(mapops_prog_t *prog, FILE *out)
{
	const struct label_table *t;
	const struct bpf_insn *insns;
	struct bound *order;
	size_t cnt = 0, nlabels, li = 0, i, n, s, k = 0, nsub, si = 0, mk = 0;
	char text[160]; /* the longest text, an invalid one, is ~120 bytes */
	struct subprog *sub = NULL;
	const char **names = NULL;
	char *arena = NULL;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!out) {
		op_error(&o, -EINVAL, "out is NULL");
		return op_fail(&o);
	}
	insns = prog_resolve(&o, &cnt);
	if (!insns)
		return op_fail(&o);
	t = &prog->labels;
	order = labels_by_slot(t, &nlabels);
	if (!order) {
		op_error(&o, -ENOMEM, "out of memory sorting %zu labels", t->count);
		return op_fail(&o);
	}
	if (prog_subprogs(prog, &sub, &nsub) == 0 && sub) {
		names = malloc(nsub * sizeof(*names));
		arena = names ? subprog_btf_names(prog, sub, nsub, names) : NULL;
	}
	/* nsub 0: prog_subprogs() ran out; sub without arena: naming did. */
	if (nsub == 0 || (sub && !arena)) {
		free(order);
		free(sub);
		free(names);
		op_error(&o, -ENOMEM, "out of memory naming the subprograms");
		return op_fail(&o);
	}
	for (i = 0; i < cnt; i += n) {
		n = insns[i].code == INSN_LD_IMM64_CODE && i + 1 < cnt ? 2 : 1;
		/* Subprograms start where a call or ld_func points: never on
		 * an ld_imm64's second slot in a program that resolved. */
		for (; sub && si < nsub && sub[si].start < i + n; si++)
			put_subprog(out, si, names[si]);
		for (; li < nlabels && order[li].slot < i + n; li++)
			put_label(t, out, order[li].index);
		/* Each call's first slot starts its run: one comment a call. */
		for (s = i; s < i + n; s++)
			if (k < prog->norigins && prog->origins[k].first == s)
				put_origin(prog, out, k++);
		if (n == 2 && put_map_name(prog, out, &mk, &insns[i], i))
			continue;
		mapops_insn_snprint(text, sizeof(text), insns, cnt, i);
		fprintf(out, "%4zu: %s\n", i, text);
	}
	for (; li < nlabels; li++) /* bound after the last slot */
		put_label(t, out, order[li].index);
	free(order);
	free(sub);
	free(names);
	free(arena);
	errno = 0; /* fflush() sets it on failure; an earlier failed write may not have */
	if (fflush(out) || ferror(out)) {
		int e = errno ? errno : EIO;

		op_error(&o, -EIO, "writing the dump failed: %s (errno %d)", strerror(e), e);
		return op_fail(&o);
	}
	return 0;
}
