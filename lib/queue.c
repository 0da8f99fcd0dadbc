/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Queues and stacks (BPF_MAP_TYPE_QUEUE, BPF_MAP_TYPE_STACK). */
#include <errno.h>

#include "insn.h"
#include "internal.h"

static int queue_op(const char *fn, mapops_prog_t *prog, int map_fd,
		    int value_stack_off, bool push, __u64 flags, int helper)
{
	struct map_need n = { NEED_QUEUE, 0, value_stack_off, 0 };
	struct bpf_insn buf[16], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, n);
	chk_stack(&o, "value_stack_off", value_stack_off, 1);
	if (push && flags == BPF_NOEXIST)
		op_error(&o, -EINVAL,
			 "flags BPF_NOEXIST: a push takes BPF_ANY or BPF_EXIST (the kernel answers -EINVAL at run time)");
	else if (push && flags != BPF_ANY && flags != BPF_EXIST)
		op_error(&o, -EINVAL,
			 "flags 0x%llx are not BPF_ANY or BPF_EXIST",
			 (unsigned long long)flags);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	p = put_map(&m, buf, buf, BPF_REG_1);
	*p++ = insn_mov64_reg(BPF_REG_2, BPF_REG_10);
	*p++ = insn_alu64_imm(BPF_ADD, BPF_REG_2, value_stack_off);
	if (push)
		*p++ = insn_mov64_imm(BPF_REG_3, (__s32)flags);
	*p++ = insn_call(helper);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_map_push(mapops_prog_t *prog, int map_fd, int value_stack_off,
		    __u64 flags)
{
	return queue_op(__func__, prog, map_fd, value_stack_off, true, flags,
			BPF_FUNC_map_push_elem);
}

int mapops_map_pop(mapops_prog_t *prog, int map_fd, int value_stack_off)
{
	return queue_op(__func__, prog, map_fd, value_stack_off, false, 0,
			BPF_FUNC_map_pop_elem);
}

int mapops_map_peek(mapops_prog_t *prog, int map_fd, int value_stack_off)
{
	return queue_op(__func__, prog, map_fd, value_stack_off, false, 0,
			BPF_FUNC_map_peek_elem);
}
