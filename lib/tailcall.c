/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Tail calls through a program array (BPF_MAP_TYPE_PROG_ARRAY). */
#include <errno.h>

#include "insn.h"
#include "internal.h"

#define NO_MAP_IN_REG "a tail call needs its program array at load time (the kernel refuses a program array inside a map-in-map: ENOTSUPP); pass its fd or a mapops_map_ref()"

static int tail_call(const char *fn, mapops_prog_t *prog, int ctx_reg,
		     int map_fd, bool by_reg, int index_reg, __u32 index)
{
	static const int scratch[] = { BPF_REG_2, BPF_REG_0 };
	struct map_need n = { NEED_PROG_ARRAY, 0, 0, 0 };
	struct bpf_insn buf[16], *p = buf;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_ptr_reg(&o, "ctx_reg", ctx_reg);
	map_use_start(&o, &m, map_fd, 0, NO_MAP_IN_REG, n);
	if (by_reg)
		chk_ptr_reg(&o, "index_reg", index_reg);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	if (by_reg) {
		/* r1 = ctx, r3 = index at once; r2 is loaded after. */
		const int dst[] = { BPF_REG_1, BPF_REG_3 };
		const int src[] = { ctx_reg, index_reg };

		p = put_parallel_moves(p, dst, src, 2, scratch, 2);
		p = put_map(&m, buf, p, BPF_REG_2);
	} else {
		if (ctx_reg != BPF_REG_1)
			*p++ = insn_mov64_reg(BPF_REG_1, ctx_reg);
		p = put_map(&m, buf, p, BPF_REG_2);
		p = put_const_u64(p, BPF_REG_3, index);
	}
	*p++ = insn_call(BPF_FUNC_tail_call);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_tail_call(mapops_prog_t *prog, int ctx_reg, int map_fd,
		     __u32 index)
{
	return tail_call(__func__, prog, ctx_reg, map_fd, false, 0, index);
}

int mapops_tail_call_reg(mapops_prog_t *prog, int ctx_reg, int map_fd,
			 int index_reg)
{
	return tail_call(__func__, prog, ctx_reg, map_fd, true, index_reg, 0);
}
