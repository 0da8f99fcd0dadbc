/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The helpers that call back into a subprogram: bpf_for_each_map_elem and
 * bpf_loop, with the callback loaded as a BPF_PSEUDO_FUNC. */
#include <errno.h>

#include "insn.h"
#include "internal.h"

/* Longest sequence: map (2) + callback (2) + ctx (2) + flags + call. */
#define CALLBACK_MAX_SLOTS 8

/* The kernel's BPF_MAX_LOOPS (include/linux/bpf.h): bpf_loop returns
 * -E2BIG for more, so more is refused here. */
#define LOOP_MAX (8u * 1024 * 1024)

static void chk_ctx(struct op *o, int ctx_stack_off)
{
	if (ctx_stack_off != 0)
		chk_stack(o, "ctx_stack_off", ctx_stack_off, 1);
}

static void chk_flags(struct op *o, const char *helper, __u64 flags)
{
	if (flags)
		op_error(o, -EINVAL,
			 "flags 0x%llx: %s takes no flags yet (the kernel returns -EINVAL for any), pass 0",
			 (unsigned long long)flags, helper);
}

/*
 * The common tail: r2 = callback (2 slots, at p - buf); r3 = ctx pointer or
 * 0; r4 = flags (0); call helper.  Emits buf[0 .. end) with the callback
 * reference at slot 'at'.
 */
static int finish(struct op *o, struct bpf_insn *buf, struct bpf_insn *p,
		  const char *callback, int ctx_stack_off, int helper)
{
	size_t at = (size_t)(p - buf);

	p = put_ld_imm64(p, BPF_REG_2, BPF_PSEUDO_FUNC, 0);
	if (ctx_stack_off) {
		*p++ = insn_mov64_reg(BPF_REG_3, BPF_REG_10);
		*p++ = insn_alu64_imm(BPF_ADD, BPF_REG_3, ctx_stack_off);
	} else {
		*p++ = insn_mov64_imm(BPF_REG_3, 0);
	}
	*p++ = insn_mov64_imm(BPF_REG_4, 0);
	*p++ = insn_call(helper);
	return emit_ref(o, buf, (size_t)(p - buf), at, callback, FIXUP_IMM);
}

int mapops_map_for_each(mapops_prog_t *prog, int map_fd, const char *callback,
			int ctx_stack_off, __u64 flags)
{
	struct bpf_insn buf[CALLBACK_MAX_SLOTS], *p = buf;
	struct map_need need = { NEED_ANY, 0, 0, 0 };
	struct map_use m;
	size_t first;
	struct op o;
	int rc;

	if (op_start(&o, prog, __func__))
		return o.err;
	/* The map: a file descriptor, a register or a named reference. */
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, need);
	chk_ctx(&o, ctx_stack_off);
	chk_flags(&o, "bpf_for_each_map_elem", flags);
	map_use_check(&o, &m);
	if (!o.err)
		p = put_map(&m, buf, p, BPF_REG_1);
	if (!map_use_reserve(&o, &m))
		return op_fail(&o);
	first = prog->len;
	rc = finish(&o, buf, p, callback, ctx_stack_off,
		    BPF_FUNC_for_each_map_elem);
	if (rc == 0)
		map_use_record(prog, &m, first);
	return rc;
}

int mapops_loop(mapops_prog_t *prog, __u32 nr_loops, const char *callback,
		int ctx_stack_off, __u64 flags)
{
	struct bpf_insn buf[CALLBACK_MAX_SLOTS], *p = buf;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (nr_loops > LOOP_MAX)
		op_error(&o, -EINVAL,
			 "nr_loops %u is more than bpf_loop's limit of %u (BPF_MAX_LOOPS)",
			 nr_loops, LOOP_MAX);
	chk_ctx(&o, ctx_stack_off);
	chk_flags(&o, "bpf_loop", flags);
	*p++ = insn_mov64_imm(BPF_REG_1, (__s32)nr_loops);
	return finish(&o, buf, p, callback, ctx_stack_off, BPF_FUNC_loop);
}
