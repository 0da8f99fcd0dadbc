/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* A chosen CPU's value of a per-CPU map; direct map value addresses. */
#include <errno.h>

#include "insn.h"
#include "internal.h"

int mapops_map_lookup_percpu(mapops_prog_t *prog, int map_fd,
			     int key_stack_off, int cpu_reg)
{
	static const int scratch[] = { BPF_REG_2, BPF_REG_0 };
	struct map_need n = { NEED_PERCPU, key_stack_off, 0, 0 };
	struct bpf_insn buf[16], *p = buf;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, n);
	chk_stack(&o, "key_stack_off", key_stack_off, 1);
	chk_ptr_reg(&o, "cpu_reg", cpu_reg);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	if (m.kind == MAP_REG) {
		/* r1 = map, r3 = cpu at once; r2 is set after. */
		const int dst[] = { BPF_REG_1, BPF_REG_3 };
		const int src[] = { m.value, cpu_reg };

		p = put_parallel_moves(p, dst, src, 2, scratch, 2);
	} else {
		if (cpu_reg != BPF_REG_3)
			*p++ = insn_mov64_reg(BPF_REG_3, cpu_reg);
		p = put_map(&m, buf, p, BPF_REG_1);
	}
	*p++ = insn_mov64_reg(BPF_REG_2, BPF_REG_10);
	*p++ = insn_alu64_imm(BPF_ADD, BPF_REG_2, key_stack_off);
	*p++ = insn_call(BPF_FUNC_map_lookup_percpu_elem);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_ld_map_value(mapops_prog_t *prog, int dst, int map_fd, __u32 off)
{
	struct map_need n = { NEED_VALUE_ADDR, 0, 0, off };
	struct bpf_insn buf[2], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_dst(&o, "dst", dst);
	map_use_start(&o, &m, map_fd, 0,
		      "a direct value address is resolved at load time, from the map itself; pass its fd or a mapops_map_ref()",
		      n);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	p = put_map_value(&m, buf, buf, dst, off);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}
