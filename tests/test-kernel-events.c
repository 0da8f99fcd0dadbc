/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Events to user space, in the running kernel: ring buffers
 * (mapops_ringbuf_output/reserve/submit/discard) read back through
 * libbpf's ring_buffer__new/ring_buffer__poll, and mapops_perf_event_output
 * read back through perf_buffer__new/perf_buffer__poll, with the exact
 * bytes sent.  Every program also checks that r6..r9 survive.
 */
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel11.h"

#define DATA_OFF (-32)
#define RB_SIZE 4096

static const unsigned char payload[32] = {
	0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe, 0x01, 0x23, 0x45,
	0x67, 0x89, 0xab, 0xcd, 0xef, 0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa,
	0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00,
};

/* What the consumers received. */
struct got {
	struct perf_buffer *pb;
	int n;
	size_t size[8];
	unsigned char data[8][64];
};

static int rb_sample(void *ctx, void *data, size_t size)
{
	struct got *g = ctx;

	if (g->n < 8) {
		g->size[g->n] = size;
		memcpy(g->data[g->n], data, size < 64 ? size : 64);
	}
	g->n++;
	return 0;
}

static void pb_sample(void *ctx, int cpu, void *data, __u32 size)
{
	(void)cpu;
	rb_sample(ctx, data, size);
}

static void pb_lost(void *ctx, int cpu, __u64 cnt)
{
	(void)ctx;
	ck_abort_msg("perf buffer lost %llu samples on CPU %d",
		     (unsigned long long)cnt, cpu);
}

static int run(mapops_prog_t *p)
{
	int fd = tu_prog_load(p, BPF_PROG_TYPE_SCHED_CLS);
	int ret = (int)tu_prog_run(fd, 0, NULL, 0);

	close(fd);
	return ret;
}

/* Polls the ring buffer once and returns what arrived. */
static void rb_read(int rb_fd, struct got *g, bool poll)
{
	struct ring_buffer *rb;
	int n;

	memset(g, 0, sizeof(*g));
	rb = ring_buffer__new(rb_fd, rb_sample, g, NULL);
	ck_assert_msg(rb != NULL, "ring_buffer__new: %s", strerror(errno));
	n = poll ? ring_buffer__poll(rb, 100) : ring_buffer__consume(rb);
	ck_assert_msg(n >= 0, "ring_buffer__poll: %d", n);
	ring_buffer__free(rb);
}

START_TEST(ringbuf_output_exact_bytes)
{
	int rb_fd = tu_map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, RB_SIZE);
	mapops_prog_t *p = k11_new();
	struct got g;

	k11_put_canaries(p, 0);
	k11_put_bytes(p, DATA_OFF, payload, sizeof(payload));
	OK(p, mapops_ringbuf_output(p, rb_fd, DATA_OFF, 24, 0));
	k11_check_canaries(p, 0);
	OK(p, mapops_exit(p));
	k11_put_clobbered(p);
	ck_assert_int_eq(run(p), 0);
	rb_read(rb_fd, &g, true);
	ck_assert_int_eq(g.n, 1);
	ck_assert_uint_eq(g.size[0], 24);
	ck_assert_mem_eq(g.data[0], payload, 24);
	mapops_prog_free(p);
	close(rb_fd);
}
END_TEST

/* BPF_RB_NO_WAKEUP: no wakeup, but the record is there to consume;
 * BPF_RB_FORCE_WAKEUP: poll sees it. */
START_TEST(ringbuf_output_flags)
{
	static const __u64 flags[] = { BPF_RB_NO_WAKEUP, BPF_RB_FORCE_WAKEUP };
	int rb_fd = tu_map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, RB_SIZE);
	mapops_prog_t *p = k11_new();
	struct got g;

	k11_put_bytes(p, DATA_OFF, payload, sizeof(payload));
	OK(p, mapops_ringbuf_output(p, rb_fd, DATA_OFF, 8, flags[_i]));
	OK(p, mapops_exit(p));
	ck_assert_int_eq(run(p), 0);
	rb_read(rb_fd, &g, flags[_i] == BPF_RB_FORCE_WAKEUP);
	ck_assert_int_eq(g.n, 1);
	ck_assert_mem_eq(g.data[0], payload, 8);
	mapops_prog_free(p);
	close(rb_fd);
}
END_TEST

/* reserve; if NULL return 1; move the pointer to reg; write; submit. */
static mapops_prog_t *reserve_prog(int rb_fd, int reg, bool submit)
{
	mapops_prog_t *p = k11_new();
	unsigned skip = 1u << reg;

	k11_put_canaries(p, 0);
	OK(p, mapops_ringbuf_reserve(p, rb_fd, 16));
	k11_check_canaries(p, 0);
	k11_put_canaries(p, skip);
	OK(p, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "null"));
	if (reg != BPF_REG_0)
		OK(p, mapops_alu64_reg(p, BPF_MOV, reg, BPF_REG_0));
	/* Write through the reservation with r0 / r1 as scratch. */
	OK(p, mapops_alu64_reg(p, BPF_MOV, reg == 1 ? 0 : 1, reg));
	{
		int w = reg == 1 ? 0 : 1, t = reg == 2 ? 3 : 2;
		__u64 a, b;

		memcpy(&a, payload, 8);
		memcpy(&b, payload + 8, 8);
		if (t == reg || t == w)
			t = 4;
		OK(p, mapops_ld_imm64(p, t, a));
		OK(p, mapops_stx_mem(p, BPF_DW, w, t, 0));
		OK(p, mapops_ld_imm64(p, t, b));
		OK(p, mapops_stx_mem(p, BPF_DW, w, t, 8));
	}
	if (submit)
		OK(p, mapops_ringbuf_submit(p, reg, 0));
	else
		OK(p, mapops_ringbuf_discard(p, reg, 0));
	k11_check_canaries(p, skip);
	k11_put_return(p, 0);
	OK(p, mapops_label(p, "null"));
	k11_put_return(p, 1);
	k11_put_clobbered(p);
	return p;
}

/* The pointer in each of r0..r9. */
START_TEST(ringbuf_submit_each_reg)
{
	int rb_fd = tu_map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, RB_SIZE);
	mapops_prog_t *p = reserve_prog(rb_fd, _i, true);
	struct got g;

	ck_assert_int_eq(run(p), 0);
	rb_read(rb_fd, &g, true);
	ck_assert_msg(g.n == 1, "pointer in r%d: %d records", _i, g.n);
	ck_assert_uint_eq(g.size[0], 16);
	ck_assert_mem_eq(g.data[0], payload, 16);
	mapops_prog_free(p);
	close(rb_fd);
}
END_TEST

START_TEST(ringbuf_discard_each_reg)
{
	int rb_fd = tu_map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, RB_SIZE);
	mapops_prog_t *p = reserve_prog(rb_fd, _i, false);
	struct got g;

	ck_assert_int_eq(run(p), 0);
	rb_read(rb_fd, &g, false);
	ck_assert_msg(g.n == 0, "pointer in r%d: a discarded record arrived",
		      _i);
	mapops_prog_free(p);
	close(rb_fd);
}
END_TEST

/* A reservation that is neither submitted nor discarded is refused. */
START_TEST(ringbuf_reserve_unreleased_refused)
{
	int rb_fd = tu_map_create(BPF_MAP_TYPE_RINGBUF, 0, 0, RB_SIZE);
	mapops_prog_t *p = k11_new();
	const char *log;

	OK(p, mapops_ringbuf_reserve(p, rb_fd, 16));
	k11_put_return(p, 0);
	log = tu_prog_load_rejected(p, BPF_PROG_TYPE_SCHED_CLS);
	ck_assert_msg(strstr(log, "Unreleased reference") != NULL, "%s", log);
	mapops_prog_free(p);
	close(rb_fd);
}
END_TEST

/* ---- perf_event_output -------------------------------------------- */

static void pb_read(int pa_fd, struct got *g)
{
	memset(g, 0, sizeof(*g));
	g->pb = perf_buffer__new(pa_fd, 8, pb_sample, pb_lost, g, NULL);
	ck_assert_msg(g->pb != NULL, "perf_buffer__new: %s", strerror(errno));
}

static void pb_poll(struct got *g)
{
	int n = perf_buffer__poll(g->pb, 100);

	ck_assert_msg(n >= 0, "perf_buffer__poll: %d", n);
	perf_buffer__free(g->pb);
	g->pb = NULL;
}

static int perf_array(void)
{
	return tu_map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4,
			     (unsigned)libbpf_num_possible_cpus());
}

/* BPF_F_CURRENT_CPU must reach r3 as 0xffffffff: the helper answers
 * -EINVAL for 0xffffffffffffffff.  The context in each of r1..r9. */
START_TEST(perf_event_output_current_cpu_each_ctx_reg)
{
	int pa_fd = perf_array(), ctx = _i;
	unsigned skip = 1u << ctx;
	mapops_prog_t *p = k11_new();
	struct got g;

	if (ctx != BPF_REG_1)
		OK(p, mapops_alu64_reg(p, BPF_MOV, ctx, BPF_REG_1));
	k11_put_canaries(p, skip);
	k11_put_bytes(p, DATA_OFF, payload, sizeof(payload));
	OK(p, mapops_perf_event_output(p, ctx, pa_fd, DATA_OFF, 20,
				       BPF_F_CURRENT_CPU));
	k11_check_canaries(p, skip);
	OK(p, mapops_exit(p));
	k11_put_clobbered(p);
	pb_read(pa_fd, &g);
	ck_assert_int_eq(run(p), 0);
	pb_poll(&g);
	ck_assert_msg(g.n == 1, "ctx in r%d: %d samples", ctx, g.n);
	/* Raw samples are padded to keep 8-byte alignment. */
	ck_assert_uint_ge(g.size[0], 20);
	ck_assert_mem_eq(g.data[0], payload, 20);
	mapops_prog_free(p);
	close(pa_fd);
}
END_TEST

/* The sign-extended -1 that a careless encoder would emit: the kernel
 * refuses it at run time, which is why the library moves 32 bits. */
START_TEST(perf_event_output_sign_extended_flags_fail)
{
	const struct bpf_insn minus_one = {
		.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_3,
		.imm = -1,
	};
	int pa_fd = perf_array();
	mapops_prog_t *p = k11_new();
	const struct bpf_insn *in;
	struct bpf_insn copy[32];
	size_t n, i;

	k11_put_bytes(p, DATA_OFF, payload, 8);
	OK(p, mapops_perf_event_output(p, BPF_REG_1, pa_fd, DATA_OFF, 8,
				       BPF_F_CURRENT_CPU));
	OK(p, mapops_exit(p));
	in = mapops_prog_insns(p, &n);
	ck_assert_ptr_nonnull(in);
	ck_assert_uint_le(n, NSLOTS(copy));
	memcpy(copy, in, n * sizeof(*in));
	for (i = 0; i < n; i++)
		if (copy[i].code == (BPF_ALU | BPF_MOV | BPF_K) &&
		    copy[i].dst_reg == BPF_REG_3)
			break;
	ck_assert_msg(i < n, "no w3 = 0xffffffff in the sequence");
	ck_assert_int_eq(copy[i].imm, -1);
	copy[i] = minus_one;
	mapops_prog_free(p);
	p = k11_new();
	OK(p, mapops_emit(p, copy, n));
	ck_assert_int_eq(run(p), -EINVAL);
	mapops_prog_free(p);
	close(pa_fd);
}
END_TEST

/* An explicit CPU index: the event of CPU 0 fires only on CPU 0; any other
 * CPU's run gets -EOPNOTSUPP.  The program runs on this thread's CPU. */
START_TEST(perf_event_output_cpu_index)
{
	int pa_fd = perf_array();
	mapops_prog_t *p = k11_new();
	cpu_set_t set;
	struct got g;
	int ret;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	ck_assert_int_eq(sched_setaffinity(0, sizeof(set), &set), 0);
	k11_put_bytes(p, DATA_OFF, payload, 16);
	OK(p, mapops_perf_event_output(p, BPF_REG_1, pa_fd, DATA_OFF, 16, 0));
	OK(p, mapops_exit(p));
	pb_read(pa_fd, &g);
	ret = run(p);
	pb_poll(&g);
	ck_assert_int_eq(ret, 0);
	ck_assert_int_eq(g.n, 1);
	ck_assert_mem_eq(g.data[0], payload, 16);
	mapops_prog_free(p);
	close(pa_fd);
}
END_TEST

static Suite *events_suite(void)
{
	Suite *s = suite_create("kernel-events");
	TCase *tc;

#define TC(name, fn)                                                        \
	tc = tcase_create(name);                                            \
	tcase_add_test(tc, fn);                                             \
	suite_add_tcase(s, tc)
#define TCL(name, fn, lo, hi)                                               \
	tc = tcase_create(name);                                            \
	tcase_add_loop_test(tc, fn, lo, hi);                                \
	suite_add_tcase(s, tc)
	TC("ringbuf_output_exact_bytes", ringbuf_output_exact_bytes);
	TCL("ringbuf_output_flags", ringbuf_output_flags, 0, 2);
	TCL("ringbuf_submit_each_reg", ringbuf_submit_each_reg, 0, 10);
	TCL("ringbuf_discard_each_reg", ringbuf_discard_each_reg, 0, 10);
	TC("ringbuf_reserve_unreleased_refused",
	   ringbuf_reserve_unreleased_refused);
	TCL("perf_event_output_current_cpu_each_ctx_reg",
	    perf_event_output_current_cpu_each_ctx_reg, 1, 10);
	TC("perf_event_output_sign_extended_flags_fail",
	   perf_event_output_sign_extended_flags_fail);
	TC("perf_event_output_cpu_index", perf_event_output_cpu_index);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(events_suite());
}
