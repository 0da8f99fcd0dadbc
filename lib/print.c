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

#include "internal.h"

/*
 * Newer than Debian 12's <linux/bpf.h> (6.1).  The sign-extending moves
 * (BPF_MOVSX in the ISA) have no constant of their own: they are BPF_MOV |
 * BPF_X with off 8, 16 or 32, as sdiv and smod are BPF_DIV and BPF_MOD with
 * off 1.
 */
#ifndef BPF_JCOND
#define BPF_JCOND 0xe0 /* may_goto (src_reg BPF_MAY_GOTO = 0) */
#endif
#ifndef BPF_MEMSX
#define BPF_MEMSX 0x80 /* sign-extending load */
#endif
#ifndef BPF_ADDR_SPACE_CAST
#define BPF_ADDR_SPACE_CAST 1 /* off of an ALU64 MOV X: arena cast */
#endif
#ifndef BPF_LOAD_ACQ
#define BPF_LOAD_ACQ 0x100 /* atomic imm: load-acquire */
#endif
#ifndef BPF_STORE_REL
#define BPF_STORE_REL 0x110 /* atomic imm: store-release */
#endif

#define LD_IMM64 (BPF_LD | BPF_IMM | BPF_DW)

/* The kernel's helper names (enum bpf_func_id), "bpf_" left off. */
static const char *const helper_names[] = {
	"unspec", "map_lookup_elem", "map_update_elem", "map_delete_elem",
	"probe_read", "ktime_get_ns", "trace_printk", "get_prandom_u32",
	"get_smp_processor_id", "skb_store_bytes", "l3_csum_replace",
	"l4_csum_replace", "tail_call", "clone_redirect", "get_current_pid_tgid",
	"get_current_uid_gid", "get_current_comm", "get_cgroup_classid",
	"skb_vlan_push", "skb_vlan_pop", "skb_get_tunnel_key", "skb_set_tunnel_key",
	"perf_event_read", "redirect", "get_route_realm", "perf_event_output",
	"skb_load_bytes", "get_stackid", "csum_diff", "skb_get_tunnel_opt",
	"skb_set_tunnel_opt", "skb_change_proto", "skb_change_type",
	"skb_under_cgroup", "get_hash_recalc", "get_current_task", "probe_write_user",
	"current_task_under_cgroup", "skb_change_tail", "skb_pull_data",
	"csum_update", "set_hash_invalid", "get_numa_node_id", "skb_change_head",
	"xdp_adjust_head", "probe_read_str", "get_socket_cookie", "get_socket_uid",
	"set_hash", "setsockopt", "skb_adjust_room", "redirect_map",
	"sk_redirect_map", "sock_map_update", "xdp_adjust_meta",
	"perf_event_read_value", "perf_prog_read_value", "getsockopt",
	"override_return", "sock_ops_cb_flags_set", "msg_redirect_map",
	"msg_apply_bytes", "msg_cork_bytes", "msg_pull_data", "bind",
	"xdp_adjust_tail", "skb_get_xfrm_state", "get_stack",
	"skb_load_bytes_relative", "fib_lookup", "sock_hash_update",
	"msg_redirect_hash", "sk_redirect_hash", "lwt_push_encap",
	"lwt_seg6_store_bytes", "lwt_seg6_adjust_srh", "lwt_seg6_action", "rc_repeat",
	"rc_keydown", "skb_cgroup_id", "get_current_cgroup_id", "get_local_storage",
	"sk_select_reuseport", "skb_ancestor_cgroup_id", "sk_lookup_tcp",
	"sk_lookup_udp", "sk_release", "map_push_elem", "map_pop_elem",
	"map_peek_elem", "msg_push_data", "msg_pop_data", "rc_pointer_rel",
	"spin_lock", "spin_unlock", "sk_fullsock", "tcp_sock", "skb_ecn_set_ce",
	"get_listener_sock", "skc_lookup_tcp", "tcp_check_syncookie",
	"sysctl_get_name", "sysctl_get_current_value", "sysctl_get_new_value",
	"sysctl_set_new_value", "strtol", "strtoul", "sk_storage_get",
	"sk_storage_delete", "send_signal", "tcp_gen_syncookie", "skb_output",
	"probe_read_user", "probe_read_kernel", "probe_read_user_str",
	"probe_read_kernel_str", "tcp_send_ack", "send_signal_thread", "jiffies64",
	"read_branch_records", "get_ns_current_pid_tgid", "xdp_output",
	"get_netns_cookie", "get_current_ancestor_cgroup_id", "sk_assign",
	"ktime_get_boot_ns", "seq_printf", "seq_write", "sk_cgroup_id",
	"sk_ancestor_cgroup_id", "ringbuf_output", "ringbuf_reserve",
	"ringbuf_submit", "ringbuf_discard", "ringbuf_query", "csum_level",
	"skc_to_tcp6_sock", "skc_to_tcp_sock", "skc_to_tcp_timewait_sock",
	"skc_to_tcp_request_sock", "skc_to_udp6_sock", "get_task_stack",
	"load_hdr_opt", "store_hdr_opt", "reserve_hdr_opt", "inode_storage_get",
	"inode_storage_delete", "d_path", "copy_from_user", "snprintf_btf",
	"seq_printf_btf", "skb_cgroup_classid", "redirect_neigh", "per_cpu_ptr",
	"this_cpu_ptr", "redirect_peer", "task_storage_get", "task_storage_delete",
	"get_current_task_btf", "bprm_opts_set", "ktime_get_coarse_ns",
	"ima_inode_hash", "sock_from_file", "check_mtu", "for_each_map_elem",
	"snprintf", "sys_bpf", "btf_find_by_name_kind", "sys_close", "timer_init",
	"timer_set_callback", "timer_start", "timer_cancel", "get_func_ip",
	"get_attach_cookie", "task_pt_regs", "get_branch_snapshot", "trace_vprintk",
	"skc_to_unix_sock", "kallsyms_lookup_name", "find_vma", "loop", "strncmp",
	"get_func_arg", "get_func_ret", "get_func_arg_cnt", "get_retval",
	"set_retval", "xdp_get_buff_len", "xdp_load_bytes", "xdp_store_bytes",
	"copy_from_user_task", "skb_set_tstamp", "ima_file_hash", "kptr_xchg",
	"map_lookup_percpu_elem", "skc_to_mptcp_sock", "dynptr_from_mem",
	"ringbuf_reserve_dynptr", "ringbuf_submit_dynptr", "ringbuf_discard_dynptr",
	"dynptr_read", "dynptr_write", "dynptr_data", "tcp_raw_gen_syncookie_ipv4",
	"tcp_raw_gen_syncookie_ipv6", "tcp_raw_check_syncookie_ipv4",
	"tcp_raw_check_syncookie_ipv6", "ktime_get_tai_ns", "user_ringbuf_drain",
	"cgrp_storage_get", "cgrp_storage_delete",
};
#define NHELPERS (sizeof(helper_names) / sizeof(helper_names[0]))

/* Indexed by BPF_SIZE(code) >> 3: BPF_W, BPF_H, BPF_B, BPF_DW. */
static const char *const size_u[4] = { "u32", "u16", "u8", "u64" };
static const char *const size_s[4] = { "s32", "s16", "s8", "s64" };

/* Indexed by BPF_OP(code) >> 4. */
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

/*
 * Why an instruction is not valid.  Its fields are those the kernel's
 * verifier accepts: an opcode of the ISA (RFC 9669, with the kernel's
 * extensions may_goto, addr_space_cast, load_acquire and store_release),
 * registers r0..r10 and zero in every field the opcode does not use.
 */
struct why {
	bool bad;
	char text[96];
};

static bool invalid(struct why *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool invalid(struct why *w, const char *fmt, ...)
{
	va_list ap;

	w->bad = true;
	va_start(ap, fmt);
	vsnprintf(w->text, sizeof(w->text), fmt, ap);
	va_end(ap);
	return false;
}

/* An opcode that does not exist: nothing more to say. */
static bool no_opcode(struct why *w)
{
	w->bad = true;
	w->text[0] = '\0';
	return false;
}

static bool zero(struct why *w, const char *field, long v)
{
	if (v != 0)
		return invalid(w, "%s %ld is reserved and must be 0", field, v);
	return true;
}

static bool reg(struct why *w, const char *field, unsigned r)
{
	if (r > BPF_REG_10)
		return invalid(w, "%s %u is not a register (r0..r10)", field, r);
	return true;
}

static bool valid_alu(const struct bpf_insn *in, struct why *w)
{
	unsigned cls = BPF_CLASS(in->code), op = BPF_OP(in->code);
	bool x = BPF_SRC(in->code) == BPF_X;

	if (!alu_ops[op >> 4])
		return no_opcode(w);
	if (!reg(w, "dst_reg", in->dst_reg))
		return false;
	switch (op) {
	case BPF_END:
		if (cls == BPF_ALU64 && x)
			return no_opcode(w);
		if (in->imm != 16 && in->imm != 32 && in->imm != 64)
			return invalid(w, "imm %d is not 16, 32 or 64", in->imm);
		return zero(w, "src_reg", in->src_reg) && zero(w, "off", in->off);
	case BPF_NEG:
		if (x)
			return no_opcode(w);
		return zero(w, "src_reg", in->src_reg) &&
		       zero(w, "off", in->off) && zero(w, "imm", in->imm);
	case BPF_MOV:
		if (!x)
			return zero(w, "src_reg", in->src_reg) &&
			       zero(w, "off", in->off);
		if (!reg(w, "src_reg", in->src_reg))
			return false;
		if (cls == BPF_ALU64 && in->off == BPF_ADDR_SPACE_CAST) {
			if (in->imm != 1 && in->imm != 1 << 16)
				return invalid(w, "addr_space_cast imm 0x%x is not 0x1 or 0x10000",
					       (unsigned)in->imm);
			return true;
		}
		if (in->off != 0 && in->off != 8 && in->off != 16 &&
		    (cls == BPF_ALU || in->off != 32))
			return invalid(w, "off %d is not 0, 8, 16%s", in->off,
				       cls == BPF_ALU ? "" : " or 32");
		return zero(w, "imm", in->imm);
	case BPF_DIV:
	case BPF_MOD:
		if (in->off != 0 && in->off != 1)
			return invalid(w, "off %d is not 0 or 1 (signed)", in->off);
		break;
	default:
		if (!zero(w, "off", in->off))
			return false;
	}
	if (x)
		return reg(w, "src_reg", in->src_reg) && zero(w, "imm", in->imm);
	return zero(w, "src_reg", in->src_reg);
}

static bool valid_ld(const struct bpf_insn *insns, size_t cnt, size_t slot,
		     struct why *w)
{
	const struct bpf_insn *in = &insns[slot], *hi;
	unsigned mode = BPF_MODE(in->code), size = BPF_SIZE(in->code);

	if (mode == BPF_ABS || mode == BPF_IND) {
		if (size == BPF_DW)
			return no_opcode(w);
		return zero(w, "dst_reg", in->dst_reg) && zero(w, "off", in->off) &&
		       (mode == BPF_IND ? reg(w, "src_reg", in->src_reg)
					: zero(w, "src_reg", in->src_reg));
	}
	if (in->code != LD_IMM64)
		return no_opcode(w);
	if (slot + 1 >= cnt)
		return invalid(w, "ld_imm64 without its second slot");
	hi = in + 1;
	if (hi->code || hi->dst_reg || hi->src_reg || hi->off)
		return invalid(w, "ld_imm64 second slot must be zero except imm");
	if (!reg(w, "dst_reg", in->dst_reg) || !zero(w, "off", in->off))
		return false;
	switch (in->src_reg) {
	case 0:
	case BPF_PSEUDO_MAP_VALUE:
	case BPF_PSEUDO_BTF_ID:
	case BPF_PSEUDO_MAP_IDX_VALUE:
		return true;
	case BPF_PSEUDO_MAP_FD:
	case BPF_PSEUDO_FUNC:
	case BPF_PSEUDO_MAP_IDX:
		return zero(w, "second imm", hi->imm);
	default:
		return invalid(w, "ld_imm64 src_reg %u is not 0..6", in->src_reg);
	}
}

static bool valid_mem(const struct bpf_insn *in, struct why *w)
{
	unsigned cls = BPF_CLASS(in->code), mode = BPF_MODE(in->code);
	unsigned size = BPF_SIZE(in->code);

	if (!reg(w, "dst_reg", in->dst_reg))
		return false;
	switch (cls) {
	case BPF_LDX:
		if (mode != BPF_MEM && (mode != BPF_MEMSX || size == BPF_DW))
			return no_opcode(w);
		return reg(w, "src_reg", in->src_reg) && zero(w, "imm", in->imm);
	case BPF_ST:
		if (mode != BPF_MEM)
			return no_opcode(w);
		return zero(w, "src_reg", in->src_reg);
	default: /* BPF_STX */
		if (mode == BPF_MEM)
			return reg(w, "src_reg", in->src_reg) &&
			       zero(w, "imm", in->imm);
		if (mode != BPF_ATOMIC)
			return no_opcode(w);
		if (!reg(w, "src_reg", in->src_reg))
			return false;
		switch (in->imm) {
		case BPF_LOAD_ACQ:
		case BPF_STORE_REL:
			return true;
		case BPF_ADD: case BPF_OR: case BPF_AND: case BPF_XOR:
		case BPF_ADD | BPF_FETCH: case BPF_OR | BPF_FETCH:
		case BPF_AND | BPF_FETCH: case BPF_XOR | BPF_FETCH:
		case BPF_XCHG: case BPF_CMPXCHG:
			if (size != BPF_W && size != BPF_DW)
				return invalid(w, "atomic 0x%x on %s: only u32 and u64",
					       (unsigned)in->imm, size_u[size >> 3]);
			return true;
		default:
			return invalid(w, "imm 0x%x is not an atomic operation",
				       (unsigned)in->imm);
		}
	}
}

static bool valid_jmp(const struct bpf_insn *in, struct why *w)
{
	unsigned cls = BPF_CLASS(in->code), op = BPF_OP(in->code);
	bool x = BPF_SRC(in->code) == BPF_X;

	if (!jmp_ops[op >> 4])
		return no_opcode(w);
	switch (op) {
	case BPF_JA:
		if (x)
			return no_opcode(w);
		return zero(w, "dst_reg", in->dst_reg) &&
		       zero(w, "src_reg", in->src_reg) &&
		       (cls == BPF_JMP ? zero(w, "imm", in->imm)
				       : zero(w, "off", in->off));
	case BPF_CALL:
		if (x || cls == BPF_JMP32)
			return no_opcode(w);
		if (in->src_reg > BPF_PSEUDO_KFUNC_CALL)
			return invalid(w, "call src_reg %u is not 0, 1 or 2",
				       in->src_reg);
		return zero(w, "dst_reg", in->dst_reg) &&
		       (in->src_reg == BPF_PSEUDO_KFUNC_CALL ||
			zero(w, "off", in->off));
	case BPF_EXIT:
		if (x || cls == BPF_JMP32)
			return no_opcode(w);
		return zero(w, "dst_reg", in->dst_reg) &&
		       zero(w, "src_reg", in->src_reg) &&
		       zero(w, "off", in->off) && zero(w, "imm", in->imm);
	case BPF_JCOND:
		if (x || cls == BPF_JMP32)
			return no_opcode(w);
		return zero(w, "src_reg (may_goto)", in->src_reg) &&
		       zero(w, "dst_reg", in->dst_reg) && zero(w, "imm", in->imm);
	default:
		if (!reg(w, "dst_reg", in->dst_reg))
			return false;
		if (x)
			return reg(w, "src_reg", in->src_reg) &&
			       zero(w, "imm", in->imm);
		return zero(w, "src_reg", in->src_reg);
	}
}

static bool valid(const struct bpf_insn *insns, size_t cnt, size_t slot,
		  struct why *w)
{
	const struct bpf_insn *in = &insns[slot];

	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		return valid_ld(insns, cnt, slot, w);
	case BPF_LDX:
	case BPF_ST:
	case BPF_STX:
		return valid_mem(in, w);
	case BPF_ALU:
	case BPF_ALU64:
		return valid_alu(in, w);
	default: /* BPF_JMP, BPF_JMP32 */
		return valid_jmp(in, w);
	}
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
	case BPF_PSEUDO_FUNC:
		put(t, "subprog[pc%+d]", in->imm);
		break;
	case BPF_PSEUDO_MAP_IDX:
		put(t, "map_idx#%d", in->imm);
		break;
	case BPF_PSEUDO_MAP_IDX_VALUE:
		put(t, "map_value(map_idx#%d)+%u", in->imm, hi);
		break;
	default:
		put(t, "0x%llx ll", imm);
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

	switch (op) {
	case BPF_JA:
		if (r == 'r')
			put(t, "goto pc%+d", in->off);
		else
			put(t, "gotol pc%+d", in->imm);
		return;
	case BPF_CALL:
		if (in->src_reg == BPF_PSEUDO_CALL)
			put(t, "call pc%+d", in->imm);
		else if (in->src_reg == BPF_PSEUDO_KFUNC_CALL)
			put(t, "call kernel-function#%d", in->imm);
		else if (in->imm >= 0 && (size_t)in->imm < NHELPERS)
			put(t, "call bpf_%s#%d", helper_names[in->imm], in->imm);
		else
			put(t, "call unknown#%d", in->imm);
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
	struct why w = { false, "" };

	if (!insns || slot >= cnt || (!buf && size)) {
		errno = EINVAL;
		return -EINVAL;
	}
	if (buf && size)
		buf[0] = '\0';
	in = &insns[slot];
	if (!valid(insns, cnt, slot, &w)) {
		put(&t, "invalid insn code 0x%02x", in->code);
		if (w.text[0])
			put(&t, " (%s)", w.text);
		return (int)t.len;
	}
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		if (in->code == LD_IMM64)
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

int mapops_prog_dump(mapops_prog_t *prog, FILE *out)
{
	const struct label_table *t;
	const struct bpf_insn *insns;
	struct bound *order;
	size_t cnt = 0, nlabels, li = 0, i, n, s, k = 0;
	char text[160]; /* the longest text, an invalid one, is ~120 bytes */
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!out) {
		op_error(&o, -EINVAL, "out is NULL");
		return op_fail(&o);
	}
	insns = mapops_prog_insns(prog, &cnt);
	if (!insns)
		return -errno;
	t = &prog->labels;
	order = labels_by_slot(t, &nlabels);
	if (!order) {
		op_error(&o, -ENOMEM, "out of memory sorting %zu labels", t->count);
		return op_fail(&o);
	}
	for (i = 0; i < cnt; i += n) {
		n = insns[i].code == LD_IMM64 && i + 1 < cnt ? 2 : 1;
		for (; li < nlabels && order[li].slot < i + n; li++)
			put_label(t, out, order[li].index);
		/* Each call's first slot starts its run: one comment a call. */
		for (s = i; s < i + n; s++)
			if (k < prog->norigins && prog->origins[k].first == s)
				put_origin(prog, out, k++);
		mapops_insn_snprint(text, sizeof(text), insns, cnt, i);
		fprintf(out, "%4zu: %s\n", i, text);
	}
	for (; li < nlabels; li++) /* bound after the last slot */
		put_label(t, out, order[li].index);
	free(order);
	errno = 0; /* fflush() sets it on failure; an earlier failed write may not have */
	if (fflush(out) || ferror(out)) {
		int e = errno ? errno : EIO;

		op_error(&o, -EIO, "writing the dump failed: %s (errno %d)", strerror(e), e);
		return op_fail(&o);
	}
	return 0;
}
