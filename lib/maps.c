/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The map operations: fixed sequences around the map helper calls. */
#include <errno.h>

#include "insn.h"
#include "internal.h"

/* Room for the longest sequence (the atomic increment's 27 slots). */
#define MAP_OP_MAX_SLOTS 32

/* rN = r10 + off: a pointer into the stack frame. */
static struct bpf_insn *put_stack_ptr(struct bpf_insn *p, int reg, int off)
{
	*p++ = insn_mov64_reg(reg, BPF_REG_10);
	*p++ = insn_alu64_imm(BPF_ADD, reg, off);
	return p;
}

/* Why the operations making two helper calls want the map in r6..r9. */
#define TWO_CALLS "this operation makes two or more helper calls, which clobber r0..r5, and the map must survive them: keep it in r6..r9"

static struct map_need need(int kind, int key, int value, __u32 arg)
{
	struct map_need n = { (uint8_t)kind, key, value, arg };

	return n;
}

static struct bpf_insn *put_lookup(struct map_use *m, struct bpf_insn *buf,
				   struct bpf_insn *p, int key)
{
	p = put_map(m, buf, p, BPF_REG_1);
	p = put_stack_ptr(p, BPF_REG_2, key);
	*p++ = insn_call(BPF_FUNC_map_lookup_elem);
	return p;
}

static struct bpf_insn *put_update(struct map_use *m, struct bpf_insn *buf,
				   struct bpf_insn *p, int key, int value,
				   __u64 flags)
{
	p = put_map(m, buf, p, BPF_REG_1);
	p = put_stack_ptr(p, BPF_REG_2, key);
	p = put_stack_ptr(p, BPF_REG_3, value);
	*p++ = insn_mov64_imm(BPF_REG_4, (__s32)flags);
	*p++ = insn_call(BPF_FUNC_map_update_elem);
	return p;
}

static void chk_update_flags(struct op *o, __u64 flags)
{
	if ((flags & ~(__u64)(BPF_NOEXIST | BPF_EXIST | BPF_F_LOCK)) ||
	    (flags & (BPF_NOEXIST | BPF_EXIST)) == (BPF_NOEXIST | BPF_EXIST))
		op_error(o, -EINVAL,
			 "flags 0x%llx are not BPF_ANY, BPF_NOEXIST or BPF_EXIST (optionally | BPF_F_LOCK)",
			 (unsigned long long)flags);
}

/* Checks the map operand and the stack key of a stack-key operation. */
static void chk_fd_key(struct op *o, struct map_use *m, int map_fd,
		       unsigned takes, struct map_need n)
{
	map_use_start(o, m, map_fd, takes, TWO_CALLS, n);
	chk_stack(o, "key_stack_off", n.key_off, 1);
	map_use_check(o, m);
}

int mapops_map_lookup(mapops_prog_t *prog, int map_fd, int key_stack_off)
{
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_fd_key(&o, &m, map_fd, MAP_TAKES_REG,
		   need(NEED_ANY, key_stack_off, 0, 0));
	if (o.err)
		return op_fail(&o);
	p = put_lookup(&m, buf, buf, key_stack_off);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_map_update(mapops_prog_t *prog, int map_fd, int key_stack_off,
		      int value_stack_off, __u64 flags)
{
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_stack(&o, "value_stack_off", value_stack_off, 1);
	chk_update_flags(&o, flags);
	chk_fd_key(&o, &m, map_fd, MAP_TAKES_REG,
		   need(NEED_UPDATE, key_stack_off, value_stack_off,
			(__u32)flags));
	if (o.err)
		return op_fail(&o);
	p = put_update(&m, buf, buf, key_stack_off, value_stack_off, flags);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_map_delete(mapops_prog_t *prog, int map_fd, int key_stack_off)
{
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_fd_key(&o, &m, map_fd, MAP_TAKES_REG,
		   need(NEED_DELETE, key_stack_off, 0, 0));
	if (o.err)
		return op_fail(&o);
	p = put_map(&m, buf, buf, BPF_REG_1);
	p = put_stack_ptr(p, BPF_REG_2, key_stack_off);
	*p++ = insn_call(BPF_FUNC_map_delete_elem);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

/* The _ptr forms with one pointer: r2 = key_reg (unless there), r1 = fd, call. */
static int map_call_ptr(const char *fn, mapops_prog_t *prog, int map_fd,
			int key_reg, int helper, int kind)
{
	static const int scratch[] = { BPF_REG_3, BPF_REG_0 };
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, fn))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL,
		      need(kind, 0, 0, 0));
	chk_ptr_reg(&o, "key_reg", key_reg);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	p = buf;
	if (m.kind == MAP_REG) {
		/* r1 = map, r2 = key at once: neither may be lost. */
		const int dst[] = { BPF_REG_1, BPF_REG_2 };
		const int src[] = { m.value, key_reg };

		p = put_parallel_moves(p, dst, src, 2, scratch, 2);
	} else {
		if (key_reg != BPF_REG_2)
			*p++ = insn_mov64_reg(BPF_REG_2, key_reg);
		p = put_map(&m, buf, p, BPF_REG_1);
	}
	*p++ = insn_call(helper);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_map_lookup_ptr(mapops_prog_t *prog, int map_fd, int key_reg)
{
	return map_call_ptr(__func__, prog, map_fd, key_reg,
			    BPF_FUNC_map_lookup_elem, NEED_ANY);
}

int mapops_map_delete_ptr(mapops_prog_t *prog, int map_fd, int key_reg)
{
	return map_call_ptr(__func__, prog, map_fd, key_reg,
			    BPF_FUNC_map_delete_elem, NEED_DELETE);
}

/* The parallel move r2 = key, r3 = value, in an order that loses neither. */
static struct bpf_insn *put_key_value_moves(struct bpf_insn *p, int key,
					    int value)
{
	if (key == BPF_REG_3 && value == BPF_REG_2) {
		*p++ = insn_mov64_reg(BPF_REG_1, BPF_REG_3);
		*p++ = insn_mov64_reg(BPF_REG_3, BPF_REG_2);
		*p++ = insn_mov64_reg(BPF_REG_2, BPF_REG_1);
		return p;
	}
	if (key == BPF_REG_3) {
		/* r3 holds the key: copy it out before r3 is overwritten. */
		*p++ = insn_mov64_reg(BPF_REG_2, key);
		if (value != BPF_REG_3)
			*p++ = insn_mov64_reg(BPF_REG_3, value);
		return p;
	}
	if (value != BPF_REG_3)
		*p++ = insn_mov64_reg(BPF_REG_3, value);
	if (key != BPF_REG_2)
		*p++ = insn_mov64_reg(BPF_REG_2, key);
	return p;
}

int mapops_map_update_ptr(mapops_prog_t *prog, int map_fd, int key_reg,
			  int value_reg, __u64 flags)
{
	static const int scratch[] = { BPF_REG_4, BPF_REG_5, BPF_REG_0 };
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	map_use_start(&o, &m, map_fd, MAP_TAKES_REG, NULL,
		      need(NEED_UPDATE, 0, 0, (__u32)flags));
	chk_ptr_reg(&o, "key_reg", key_reg);
	chk_ptr_reg(&o, "value_reg", value_reg);
	chk_update_flags(&o, flags);
	map_use_check(&o, &m);
	if (o.err)
		return op_fail(&o);
	if (m.kind == MAP_REG) {
		/* r1 = map, r2 = key, r3 = value at once. */
		const int dst[] = { BPF_REG_1, BPF_REG_2, BPF_REG_3 };
		const int src[] = { m.value, key_reg, value_reg };

		p = put_parallel_moves(buf, dst, src, 3, scratch, 3);
	} else {
		p = put_key_value_moves(buf, key_reg, value_reg);
		p = put_map(&m, buf, p, BPF_REG_1);
	}
	*p++ = insn_mov64_imm(BPF_REG_4, (__s32)flags);
	*p++ = insn_call(BPF_FUNC_map_update_elem);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

static bool fits_s32(__s64 v)
{
	return v >= INT32_MIN && v <= INT32_MAX;
}

/* *(u64 *)(r10 + off) = inc, through r1 when inc needs 64 bits. */
static struct bpf_insn *put_store_counter(struct bpf_insn *p, int off,
					  __s64 inc)
{
	if (fits_s32(inc)) {
		*p++ = insn_st(BPF_DW, BPF_REG_10, off, (__s32)inc);
		return p;
	}
	p = put_ld_imm64(p, BPF_REG_1, 0, (__u64)inc);
	*p++ = insn_stx(BPF_DW, BPF_REG_10, BPF_REG_1, off);
	return p;
}

/* rN = inc, as a mov or an ld_imm64. */
static struct bpf_insn *put_const(struct bpf_insn *p, int reg, __s64 inc)
{
	if (fits_s32(inc)) {
		*p++ = insn_mov64_imm(reg, (__s32)inc);
		return p;
	}
	return put_ld_imm64(p, reg, 0, (__u64)inc);
}

static void chk_counter(struct op *o, int key, int value)
{
	chk_stack(o, "value_stack_off", value, 8);
	if (!o->err && (value & 7))
		op_error(o, -EINVAL,
			 "value_stack_off %d is not 8-byte aligned (the kernel refuses misaligned stack stores)",
			 value);
	if (!o->err && key >= value && key < value + 8)
		op_error(o, -EINVAL,
			 "value_stack_off %d: its 8 scratch bytes contain key_stack_off %d",
			 value, key);
}

int mapops_map_increment(mapops_prog_t *prog, int map_fd, int key_stack_off,
			 int value_stack_off, __s64 increment)
{
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p, *to_miss, *to_out;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_counter(&o, key_stack_off, value_stack_off);
	chk_fd_key(&o, &m, map_fd, MAP_TAKES_REG_CALLEE,
		   need(NEED_COUNTER, key_stack_off, value_stack_off, 0));
	if (o.err)
		return op_fail(&o);
	p = put_lookup(&m, buf, buf, key_stack_off);
	to_miss = p;
	*p++ = insn_jmp_imm(BPF_JEQ, BPF_REG_0, 0, 0);
	*p++ = insn_ldx(BPF_DW, BPF_REG_1, BPF_REG_0, 0);
	if (fits_s32(increment)) {
		*p++ = insn_alu64_imm(BPF_ADD, BPF_REG_1, (__s32)increment);
	} else {
		p = put_ld_imm64(p, BPF_REG_2, 0, (__u64)increment);
		*p++ = insn_alu64_reg(BPF_ADD, BPF_REG_1, BPF_REG_2);
	}
	*p++ = insn_stx(BPF_DW, BPF_REG_0, BPF_REG_1, 0);
	to_out = p;
	*p++ = insn_make(BPF_JMP | BPF_JA, 0, 0, 0, 0);
	patch_jump(to_miss, p);
	p = put_store_counter(p, value_stack_off, increment);
	p = put_update(&m, buf, p, key_stack_off, value_stack_off, BPF_ANY);
	patch_jump(to_out, p);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_map_increment_atomic(mapops_prog_t *prog, int map_fd,
				int key_stack_off, int value_stack_off,
				__s64 increment)
{
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p, *to_hit, *to_out1, *to_out2;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_counter(&o, key_stack_off, value_stack_off);
	chk_fd_key(&o, &m, map_fd, MAP_TAKES_REG_CALLEE,
		   need(NEED_COUNTER, key_stack_off, value_stack_off, 0));
	if (o.err)
		return op_fail(&o);
	p = put_lookup(&m, buf, buf, key_stack_off);
	to_hit = p;
	*p++ = insn_jmp_imm(BPF_JNE, BPF_REG_0, 0, 0);
	p = put_store_counter(p, value_stack_off, increment);
	p = put_update(&m, buf, p, key_stack_off, value_stack_off,
		       BPF_NOEXIST);
	to_out1 = p;
	/* 32 bits: before 6.4 the kernel's int result is zero-extended. */
	*p++ = insn_make(BPF_JMP32 | BPF_JNE | BPF_K, BPF_REG_0, 0, 0, -EEXIST);
	p = put_lookup(&m, buf, p, key_stack_off);
	to_out2 = p;
	*p++ = insn_jmp_imm(BPF_JEQ, BPF_REG_0, 0, 0);
	patch_jump(to_hit, p);
	p = put_const(p, BPF_REG_1, increment);
	*p++ = insn_atomic(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0);
	patch_jump(to_out1, p);
	patch_jump(to_out2, p);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}

int mapops_map_lookup_or_init(mapops_prog_t *prog, int map_fd,
			      int key_stack_off, int init_value_stack_off)
{
	struct bpf_insn buf[MAP_OP_MAX_SLOTS], *p, *to_out;
	struct map_use m;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_stack(&o, "init_value_stack_off", init_value_stack_off, 1);
	chk_fd_key(&o, &m, map_fd, MAP_TAKES_REG_CALLEE,
		   need(NEED_ANY, key_stack_off, init_value_stack_off, 0));
	if (o.err)
		return op_fail(&o);
	p = put_lookup(&m, buf, buf, key_stack_off);
	to_out = p;
	*p++ = insn_jmp_imm(BPF_JNE, BPF_REG_0, 0, 0);
	p = put_update(&m, buf, p, key_stack_off, init_value_stack_off,
		       BPF_NOEXIST);
	p = put_lookup(&m, buf, p, key_stack_off);
	patch_jump(to_out, p);
	return map_use_append(&o, &m, buf, (size_t)(p - buf));
}
