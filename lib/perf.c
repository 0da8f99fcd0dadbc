/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* bpf_perf_event_output (BPF_MAP_TYPE_PERF_EVENT_ARRAY). */
#include <errno.h>

#include "insn.h"
#include "internal.h"

int mapops_perf_event_output(mapops_prog_t *prog, int ctx_reg, int map_fd,
			     int data_stack_off, __u32 size, __u64 flags)
{
	static const int scratch[] = { BPF_REG_3, BPF_REG_0 };
	struct map_need n = { NEED_PERF, 0, 0, 0 };
	struct bpf_insn buf[16], *p = buf;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_ptr_reg(&o, "ctx_reg", ctx_reg);
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, n);
	chk_stack_object(&o, "data_stack_off", data_stack_off, size);
	if (flags & ~(__u64)(BPF_F_INDEX_MASK | BPF_F_CTXLEN_MASK))
		op_error(&o, -EINVAL,
			 "flags 0x%llx have bits outside BPF_F_INDEX_MASK | BPF_F_CTXLEN_MASK",
			 (unsigned long long)flags);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	if (m.kind == MAP_REG) {
		/* r1 = ctx, r2 = map at once. */
		const int dst[] = { BPF_REG_1, BPF_REG_2 };
		const int src[] = { ctx_reg, m.value };

		p = put_parallel_moves(p, dst, src, 2, scratch, 2);
	} else {
		if (ctx_reg != BPF_REG_1)
			*p++ = insn_mov64_reg(BPF_REG_1, ctx_reg);
		p = put_map(&m, buf, p, BPF_REG_2);
	}
	p = put_const_u64(p, BPF_REG_3, flags);
	*p++ = insn_mov64_reg(BPF_REG_4, BPF_REG_10);
	*p++ = insn_alu64_imm(BPF_ADD, BPF_REG_4, data_stack_off);
	*p++ = insn_mov64_imm(BPF_REG_5, (__s32)size);
	*p++ = insn_call(BPF_FUNC_perf_event_output);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}
