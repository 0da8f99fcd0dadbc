/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Ring buffers (BPF_MAP_TYPE_RINGBUF): output, reserve, submit, discard. */
#include <errno.h>

#include "insn.h"
#include "internal.h"

/* The kernel's largest record (RINGBUF_MAX_RECORD_SZ: UINT_MAX / 4). */
#define RINGBUF_MAX_RECORD 0x3fffffffu

static void chk_rb_flags(struct op *o, __u64 flags)
{
	if (flags != 0 && flags != BPF_RB_NO_WAKEUP &&
	    flags != BPF_RB_FORCE_WAKEUP)
		op_error(o, -EINVAL,
			 "flags 0x%llx are not 0, BPF_RB_NO_WAKEUP or BPF_RB_FORCE_WAKEUP",
			 (unsigned long long)flags);
}

int mapops_ringbuf_output(mapops_prog_t *prog, int map_fd, int data_stack_off,
			  __u32 size, __u64 flags)
{
	struct map_need n = { NEED_RINGBUF, 0, 0, 0 };
	struct bpf_insn buf[16], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, n);
	chk_stack_object(&o, "data_stack_off", data_stack_off, size);
	chk_rb_flags(&o, flags);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	p = put_map(&m, buf, buf, BPF_REG_1);
	*p++ = insn_mov64_reg(BPF_REG_2, BPF_REG_10);
	*p++ = insn_alu64_imm(BPF_ADD, BPF_REG_2, data_stack_off);
	*p++ = insn_mov64_imm(BPF_REG_3, (__s32)size);
	*p++ = insn_mov64_imm(BPF_REG_4, (__s32)flags);
	*p++ = insn_call(BPF_FUNC_ringbuf_output);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_ringbuf_reserve(mapops_prog_t *prog, int map_fd, __u32 size)
{
	struct map_need n = { NEED_RB_RESERVE, 0, 0, size };
	struct bpf_insn buf[16], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL, n);
	if (size > RINGBUF_MAX_RECORD)
		op_error(&o, -EINVAL,
			 "size %u is larger than a ring-buffer record can be (0x%x bytes)",
			 size, RINGBUF_MAX_RECORD);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	p = put_map(&m, buf, buf, BPF_REG_1);
	*p++ = insn_mov64_imm(BPF_REG_2, (__s32)size);
	*p++ = insn_mov64_imm(BPF_REG_3, 0);
	*p++ = insn_call(BPF_FUNC_ringbuf_reserve);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

static int ringbuf_commit(const char *fn, mapops_prog_t *prog, int ptr_reg,
			  __u64 flags, int helper)
{
	struct bpf_insn buf[4], *p = buf;
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	chk_ptr_reg(&o, "ptr_reg", ptr_reg);
	chk_rb_flags(&o, flags);
	if (o.err)
		return op_fail(&o);
	if (ptr_reg != BPF_REG_1)
		*p++ = insn_mov64_reg(BPF_REG_1, ptr_reg);
	*p++ = insn_mov64_imm(BPF_REG_2, (__s32)flags);
	*p++ = insn_call(helper);
	return op_append(&o, buf, (size_t)(p - buf));
}

int mapops_ringbuf_submit(mapops_prog_t *prog, int ptr_reg, __u64 flags)
{
	return ringbuf_commit(__func__, prog, ptr_reg, flags,
			      BPF_FUNC_ringbuf_submit);
}

int mapops_ringbuf_discard(mapops_prog_t *prog, int ptr_reg, __u64 flags)
{
	return ringbuf_commit(__func__, prog, ptr_reg, flags,
			      BPF_FUNC_ringbuf_discard);
}
