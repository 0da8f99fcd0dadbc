/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Argument checks shared by every entry point. */
#include <errno.h>

#include "internal.h"

void chk_reg(struct op *o, const char *what, int reg)
{
	if (reg < BPF_REG_0 || reg > BPF_REG_10)
		op_error(o, -EINVAL, "%s %d is not a register (r0..r10)", what,
			 reg);
}

void chk_dst(struct op *o, const char *what, int reg)
{
	chk_reg(o, what, reg);
	if (reg == BPF_REG_10)
		op_error(o, -EINVAL,
			 "%s r10 is the read-only frame pointer and cannot be written",
			 what);
}

void chk_ptr_reg(struct op *o, const char *what, int reg)
{
	if (reg < BPF_REG_0 || reg > BPF_REG_9)
		op_error(o, -EINVAL,
			 "%s %d is not a pointer register (r0..r9)", what, reg);
}

void chk_stack(struct op *o, const char *what, int off, int size)
{
	if (off < -MAPOPS_STACK_SIZE || off > -1)
		op_error(o, -EINVAL,
			 "%s %d is outside the %d-byte stack [-%d, -1]", what,
			 off, MAPOPS_STACK_SIZE, MAPOPS_STACK_SIZE);
	else if (off + size > 0)
		op_error(o, -EINVAL,
			 "%s %d: its %d bytes would run past the top of the stack frame",
			 what, off, size);
}

void chk_stack_access(struct op *o, const char *what, int off, int size)
{
	chk_stack(o, what, off, size);
	if (!o->err && off % size)
		op_error(o, -EINVAL,
			 "%s %d is not %d-byte aligned (the kernel refuses misaligned stack accesses)",
			 what, off, size);
}

void chk_size(struct op *o, int size)
{
	if (size != BPF_B && size != BPF_H && size != BPF_W && size != BPF_DW)
		op_error(o, -EINVAL,
			 "size 0x%x is not BPF_B, BPF_H, BPF_W or BPF_DW",
			 (unsigned)size);
}

void chk_off16(struct op *o, const char *what, int off)
{
	if (off < -32768 || off > 32767)
		op_error(o, -EINVAL,
			 "%s %d does not fit the signed 16-bit offset field",
			 what, off);
}
