/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The v4 and newer instructions, run in the kernel and read back: signed
 * division and modulo, sign-extending moves and loads, bswap, gotol (and a
 * mapops_ja() widened to it), may_goto, load-acquire and store-release,
 * the legacy packet loads and kfunc calls.  A case whose instruction the
 * running kernel predates prints "SKIPPED: ..." with the kernel it needs
 * (the 6.1 run under qemu) and passes.
 */
#include <stdio.h>

#include <arpa/inet.h>
#include <bpf/bpf.h>

#include "testutil.h"

#define OK(call)                                                            \
	do {                                                                \
		int ok_rc_ = (call);                                        \
		ck_assert_msg(ok_rc_ == 0, "%s returned %d: %s", #call,     \
			      ok_rc_, mapops_prog_error(prog));             \
	} while (0)

#define NRES 16
static mapops_prog_t *prog;
static struct tu_results res = { -1, 0 };

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
	tu_results_open(&res, NRES);
}

static void teardown(void)
{
	mapops_prog_free(prog);
	prog = NULL;
	tu_close(res.fd);
	res.fd = -1;
}

static __u32 run(const void *pkt, size_t len)
{
	int fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	__u32 ret;

	ck_assert_msg(fd >= 0, "mapops_prog_load: %s", mapops_prog_error(prog));
	tu_track_fd(fd);
	ret = tu_prog_run(fd, 0, pkt, len);
	tu_close(fd);
	return ret;
}

static void finish(void)
{
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(prog));
}

#define ck_res(idx, want)                                                   \
	ck_assert_msg(tu_result(&res, idx) == (__u64)(want),                         \
		      "res[%d] = 0x%llx, expected 0x%llx", (idx),           \
		      (unsigned long long)tu_result(&res, idx),                      \
		      (unsigned long long)(__u64)(want))

/* ---- ALU ---------------------------------------------------------------- */

START_TEST(isa_signed_div_mod)
{
	if (!tu_kernel_at_least(6, 6, "sdiv/smod"))
		return;
	/* r6 = -7, r7 = -2 */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, -2));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, -7));
	OK(mapops_alu64_signed_imm(prog, BPF_DIV, BPF_REG_6, 2));
	tu_emit_result(prog, &res, 0, BPF_REG_6);                                  /* -3 */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, -7));
	OK(mapops_alu64_signed_imm(prog, BPF_MOD, BPF_REG_6, 2));
	tu_emit_result(prog, &res, 1, BPF_REG_6);                                  /* -1 */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, -7));
	OK(mapops_alu64_signed_reg(prog, BPF_DIV, BPF_REG_6, BPF_REG_7));
	tu_emit_result(prog, &res, 2, BPF_REG_6);                                  /* 3 */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 7));
	OK(mapops_alu64_signed_reg(prog, BPF_MOD, BPF_REG_6, BPF_REG_7));
	tu_emit_result(prog, &res, 3, BPF_REG_6);                                  /* 1 */
	OK(mapops_alu32_imm(prog, BPF_MOV, BPF_REG_6, -7));
	OK(mapops_alu32_signed_imm(prog, BPF_DIV, BPF_REG_6, 2));
	tu_emit_result(prog, &res, 4, BPF_REG_6);                                  /* (u32)-3 */
	OK(mapops_alu32_imm(prog, BPF_MOV, BPF_REG_6, -7));
	OK(mapops_alu32_signed_imm(prog, BPF_MOD, BPF_REG_6, 4));
	tu_emit_result(prog, &res, 5, BPF_REG_6);                                  /* (u32)-3 */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, -2));
	OK(mapops_alu32_imm(prog, BPF_MOV, BPF_REG_6, 9));
	OK(mapops_alu32_signed_reg(prog, BPF_DIV, BPF_REG_6, BPF_REG_7));
	tu_emit_result(prog, &res, 6, BPF_REG_6);                                  /* (u32)-4 */
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, -2));
	OK(mapops_alu32_imm(prog, BPF_MOV, BPF_REG_6, -9));
	OK(mapops_alu32_signed_reg(prog, BPF_MOD, BPF_REG_6, BPF_REG_7));
	tu_emit_result(prog, &res, 7, BPF_REG_6);                                  /* (u32)-1 */
	finish();
	run(NULL, 0);
	ck_res(0, -3);
	ck_res(1, -1);
	ck_res(2, 3);
	ck_res(3, 1);
	ck_res(4, 0xfffffffdu);
	ck_res(5, 0xfffffffdu);
	ck_res(6, 0xfffffffcu);
	ck_res(7, 0xffffffffu);
}
END_TEST

START_TEST(isa_movsx)
{
	if (!tu_kernel_at_least(6, 6, "movsx"))
		return;
	OK(mapops_ld_imm64(prog, BPF_REG_7, 0x1234567880008081ULL));
	OK(mapops_movsx64(prog, BPF_REG_6, BPF_REG_7, 8));
	tu_emit_result(prog, &res, 0, BPF_REG_6);
	OK(mapops_ld_imm64(prog, BPF_REG_7, 0x1234567880008081ULL));
	OK(mapops_movsx64(prog, BPF_REG_6, BPF_REG_7, 16));
	tu_emit_result(prog, &res, 1, BPF_REG_6);
	OK(mapops_ld_imm64(prog, BPF_REG_7, 0x1234567880008081ULL));
	OK(mapops_movsx64(prog, BPF_REG_6, BPF_REG_7, 32));
	tu_emit_result(prog, &res, 2, BPF_REG_6);
	OK(mapops_ld_imm64(prog, BPF_REG_7, 0x1234567880008081ULL));
	OK(mapops_movsx32(prog, BPF_REG_6, BPF_REG_7, 8));
	tu_emit_result(prog, &res, 3, BPF_REG_6);
	OK(mapops_ld_imm64(prog, BPF_REG_7, 0x1234567880008081ULL));
	OK(mapops_movsx32(prog, BPF_REG_6, BPF_REG_7, 16));
	tu_emit_result(prog, &res, 4, BPF_REG_6);
	finish();
	run(NULL, 0);
	ck_res(0, 0xffffffffffffff81ULL);
	ck_res(1, 0xffffffffffff8081ULL);
	ck_res(2, 0xffffffff80008081ULL);
	ck_res(3, 0x00000000ffffff81ULL);
	ck_res(4, 0x00000000ffff8081ULL);
}
END_TEST

START_TEST(isa_bswap)
{
	static const int bits[] = { 16, 32, 64 };
	static const __u64 want[] = { 0x0807, 0x08070605, 0x0807060504030201ULL };
	int i;

	if (!tu_kernel_at_least(6, 6, "bswap"))
		return;
	for (i = 0; i < 3; i++) {
		OK(mapops_ld_imm64(prog, BPF_REG_6, 0x0102030405060708ULL));
		OK(mapops_bswap(prog, BPF_REG_6, bits[i]));
		tu_emit_result(prog, &res, i, BPF_REG_6);
	}
	finish();
	run(NULL, 0);
	for (i = 0; i < 3; i++)
		ck_res(i, want[i]);
}
END_TEST

/* ---- Memory ----------------------------------------------------------- */

START_TEST(isa_ldx_memsx)
{
	static const int sizes[] = { BPF_B, BPF_H, BPF_W };
	static const __u64 want[] = { 0xffffffffffffff87ULL, 0xffffffffffff8687ULL,
				      0xffffffff84858687ULL };
	int i;

	if (!tu_kernel_at_least(6, 6, "ldsx"))
		return;
	OK(mapops_ld_imm64(prog, BPF_REG_1, 0x8081828384858687ULL));
	OK(mapops_stx_mem(prog, BPF_DW, BPF_REG_10, BPF_REG_1, -32));
	for (i = 0; i < 3; i++) {
		OK(mapops_ldx_memsx(prog, sizes[i], BPF_REG_6, BPF_REG_10, -32));
		tu_emit_result(prog, &res, i, BPF_REG_6);
	}
	finish();
	run(NULL, 0);
	for (i = 0; i < 3; i++)
		ck_res(i, want[i]);
}
END_TEST

START_TEST(isa_acquire_release)
{
	static const int sizes[] = { BPF_B, BPF_H, BPF_W, BPF_DW };
	static const __u64 want[] = { 0x88, 0x7788, 0x55667788, 0x1122334455667788ULL };
	int i;

	if (!tu_kernel_at_least(6, 15, "load-acquire/store-release"))
		return;
	for (i = 0; i < 4; i++) {
		OK(mapops_st_mem(prog, BPF_DW, BPF_REG_10, -32, 0));
		OK(mapops_ld_imm64(prog, BPF_REG_1, 0x1122334455667788ULL));
		OK(mapops_store_release(prog, sizes[i], BPF_REG_10, BPF_REG_1, -32));
		OK(mapops_load_acquire(prog, sizes[i], BPF_REG_6, BPF_REG_10, -32));
		tu_emit_result(prog, &res, i, BPF_REG_6);
	}
	finish();
	run(NULL, 0);
	for (i = 0; i < 4; i++)
		ck_res(i, want[i]);
}
END_TEST

/*
 * r0 = the skb's bytes 12..13 (BPF_ABS, network order) + byte 14 + r7
 * (BPF_IND) + the low byte of bytes 0..3.  A socket filter's test run
 * starts the skb after the 14-byte Ethernet header (skb byte k is packet
 * byte 14 + k).
 */
START_TEST(isa_ld_abs_ind)
{
	unsigned char pkt[64];
	__u32 w;
	int i;

	for (i = 0; i < 64; i++)
		pkt[i] = (unsigned char)(0xa0 + i);
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_6, BPF_REG_1));
	OK(mapops_ld_abs(prog, BPF_H, 12));
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_8, BPF_REG_0));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_7, 2));
	OK(mapops_ld_ind(prog, BPF_B, BPF_REG_7, 14));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_8, BPF_REG_0));
	OK(mapops_ld_abs(prog, BPF_W, 0));
	OK(mapops_alu64_imm(prog, BPF_AND, BPF_REG_0, 0xff));
	OK(mapops_alu64_reg(prog, BPF_ADD, BPF_REG_0, BPF_REG_8));
	OK(mapops_exit(prog));
	memcpy(&w, pkt + 14, 4);
	ck_assert_uint_eq(run(pkt, sizeof(pkt)),
			  (__u32)(((pkt[14 + 12] << 8) | pkt[14 + 13]) +
				  pkt[14 + 16] + (ntohl(w) & 0xff)));
}
END_TEST

/* ---- Jumps ------------------------------------------------------------ */

START_TEST(isa_gotol)
{
	if (!tu_kernel_at_least(6, 6, "gotol"))
		return;
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 2));
	OK(mapops_gotol(prog, "out"));
	OK(mapops_label(prog, "back"));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_0, 40));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "out"));
	OK(mapops_gotol(prog, "back"));
	ck_assert_uint_eq(run(NULL, 0), 42);
}
END_TEST

/* mapops_ja() past 32767 slots becomes a gotol under mapops_prog_allow_v4:
 * r0 = 0; goto far; back: r0 += 1 (40000 times); exit; far: r0 = 5;
 * goto back. */
#define FAR 40000
START_TEST(isa_ja_widened_to_gotol)
{
	const struct bpf_insn *insns;
	size_t cnt;
	int i;

	if (!tu_kernel_at_least(6, 6, "gotol"))
		return;
	OK(mapops_prog_allow_v4(prog, 1));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_ja(prog, "far"));
	OK(mapops_label(prog, "back"));
	for (i = 0; i < FAR; i++)
		OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_0, 1));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "far"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 5));
	OK(mapops_ja(prog, "back"));
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_ptr_nonnull(insns);
	ck_assert_uint_eq(insns[1].code, BPF_JMP32 | BPF_JA);
	ck_assert_uint_eq(insns[cnt - 1].code, BPF_JMP32 | BPF_JA);
	ck_assert_uint_eq(run(NULL, 0), FAR + 5);
}
END_TEST

/* A loop bounded only by may_goto: it runs, ends, and counts > 0. */
START_TEST(isa_may_goto)
{
	if (!tu_kernel_at_least(6, 9, "may_goto"))
		return;
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_6, 0));
	OK(mapops_label(prog, "top"));
	OK(mapops_may_goto(prog, "out"));
	OK(mapops_alu64_imm(prog, BPF_ADD, BPF_REG_6, 1));
	OK(mapops_ja(prog, "top"));
	OK(mapops_label(prog, "out"));
	tu_emit_result(prog, &res, 0, BPF_REG_6);
	finish();
	run(NULL, 0);
	ck_assert_uint_gt(tu_result(&res, 0), 0);
}
END_TEST

/* ---- Calls ------------------------------------------------------------ */

/* r0 = bpf_cast_to_kern_ctx(ctx) != 0, by BTF id and by name. */
static void emit_kfunc_prog(bool by_name)
{
	OK(mapops_alu64_reg(prog, BPF_MOV, BPF_REG_6, BPF_REG_1));
	if (by_name) {
		OK(mapops_call_kfunc_name(prog, "bpf_cast_to_kern_ctx"));
	} else {
		mapops_prog_t *tmp = mapops_prog_new();
		const struct bpf_insn *in;
		size_t n;

		/* The id, as the by-name call found it. */
		ck_assert_int_eq(mapops_call_kfunc_name(tmp, "bpf_cast_to_kern_ctx"), 0);
		in = mapops_prog_insns(tmp, &n);
		OK(mapops_call_kfunc(prog, in[0].imm));
		mapops_prog_free(tmp);
	}
	OK(mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, "null"));
	OK(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 1));
	OK(mapops_exit(prog));
	OK(mapops_label(prog, "null"));
	OK(mapops_exit(prog));
}

START_TEST(isa_call_kfunc_name)
{
	if (!tu_kernel_at_least(6, 2, "bpf_cast_to_kern_ctx"))
		return;
	emit_kfunc_prog(true);
	ck_assert_uint_eq(run(NULL, 0), 1);
}
END_TEST

START_TEST(isa_call_kfunc_id)
{
	if (!tu_kernel_at_least(6, 2, "bpf_cast_to_kern_ctx"))
		return;
	emit_kfunc_prog(false);
	ck_assert_uint_eq(run(NULL, 0), 1);
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("isa"),
			       .setup = setup, .teardown = teardown };

	TU_KERNEL_CASE(&ts, isa_signed_div_mod);
	TU_KERNEL_CASE(&ts, isa_movsx);
	TU_KERNEL_CASE(&ts, isa_bswap);
	TU_KERNEL_CASE(&ts, isa_ldx_memsx);
	TU_KERNEL_CASE(&ts, isa_acquire_release);
	TU_KERNEL_CASE(&ts, isa_ld_abs_ind);
	TU_KERNEL_CASE(&ts, isa_gotol);
	TU_KERNEL_CASE(&ts, isa_ja_widened_to_gotol);
	TU_KERNEL_CASE(&ts, isa_may_goto);
	TU_KERNEL_CASE(&ts, isa_call_kfunc_name);
	TU_KERNEL_CASE(&ts, isa_call_kfunc_id);
	return tu_run(&ts);
}
