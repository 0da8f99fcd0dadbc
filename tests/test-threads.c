/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Threads: "distinct handles are independent and may be used concurrently
 * from any thread".  NTHREADS threads start together and, many times over,
 * each build their own programs with their own handles, check the bytes
 * against a reference built beforehand on one thread, load them into the
 * kernel with mapops_prog_load() and run them; every so often a program
 * the verifier refuses, whose error text (with the thread's own tag in the
 * origin line) must be that handle's own.  The counter programs add to one
 * shared array map, so the final count proves every run happened.
 *
 * run.sh also runs this suite under ThreadSanitizer (build-tsan,
 * meson test --suite threads), with halt_on_error=1.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "testutil.h"

#define NTHREADS 8
#define NVARIANTS 4

static int iterations(void)
{
	const char *v = getenv("MAPOPS_THREAD_ITERATIONS");

	return v && atoi(v) > 0 ? atoi(v) : 200;
}

static int counter_map; /* ARRAY, 1 entry of 8 bytes: runs of variant 0 */
static int hash_map;    /* HASH, u32 -> u64: lookup_or_init target */

/*
 * The programs.  Each build is a sequence of calls whose every result is
 * checked; the first failure is written to err and the build stops.
 */
struct build_ctx {
	mapops_prog_t *p;
	char *err;
	size_t errsz;
	int tid;
};

#define TRY(ctx, call)                                                       \
	do {                                                                 \
		int rc_ = (call);                                            \
		if (rc_ != 0) {                                              \
			snprintf((ctx)->err, (ctx)->errsz, "%s:%d: %s = %d: %s", \
				 __FILE__, __LINE__, #call, rc_,             \
				 mapops_prog_error((ctx)->p));               \
			return false;                                        \
		}                                                            \
	} while (0)

/* 0: an atomic counter in the shared array map; returns 1. */
static bool build_counter(struct build_ctx *c)
{
	mapops_prog_t *p = c->p;

	TRY(c, mapops_prog_set_tag(p, "counter"));
	TRY(c, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, 0));
	TRY(c, mapops_map_increment_atomic(p, counter_map, -4, -16, 1));
	TRY(c, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 1));
	TRY(c, mapops_exit(p));
	return true;
}

/* 1: a bounded loop with labels, forward and backward jumps; returns 45. */
static bool build_loop(struct build_ctx *c)
{
	mapops_prog_t *p = c->p;

	TRY(c, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0));
	TRY(c, mapops_alu64_imm(p, BPF_MOV, BPF_REG_6, 0));
	TRY(c, mapops_label(p, "loop"));
	TRY(c, mapops_jmp_imm(p, BPF_JGE, BPF_REG_6, 10, "done"));
	TRY(c, mapops_alu64_reg(p, BPF_ADD, BPF_REG_0, BPF_REG_6));
	TRY(c, mapops_alu64_imm(p, BPF_ADD, BPF_REG_6, 1));
	TRY(c, mapops_ja(p, "loop"));
	TRY(c, mapops_label(p, "done"));
	TRY(c, mapops_exit(p));
	/* Refusals in between must leave nothing behind. */
	if (mapops_label(p, "loop") != -EEXIST ||
	    mapops_alu64_imm(p, BPF_MOV, BPF_REG_10, 0) != -EINVAL ||
	    mapops_map_lookup(p, -1, -4) != -EBADF) {
		snprintf(c->err, c->errsz, "a refusal was accepted: %s",
			 mapops_prog_error(p));
		return false;
	}
	return true;
}

/* 2: lookup_or_init in the shared hash map, then read it; returns 7. */
static bool build_lookup_or_init(struct build_ctx *c)
{
	mapops_prog_t *p = c->p;

	TRY(c, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, 42));
	TRY(c, mapops_st_mem(p, BPF_DW, BPF_REG_10, -16, 7));
	TRY(c, mapops_map_lookup_or_init(p, hash_map, -4, -16));
	TRY(c, mapops_jmp_imm(p, BPF_JEQ, BPF_REG_0, 0, "null"));
	TRY(c, mapops_ldx_mem(p, BPF_DW, BPF_REG_0, BPF_REG_0, 0));
	TRY(c, mapops_exit(p));
	TRY(c, mapops_label(p, "null"));
	TRY(c, mapops_alu64_imm(p, BPF_MOV, BPF_REG_0, 0));
	TRY(c, mapops_exit(p));
	return true;
}

/* 3: the _ptr forms and a split raw ld_imm64; returns 3. */
static bool build_ptr(struct build_ctx *c)
{
	const struct bpf_insn half1 = { .code = BPF_LD | BPF_IMM | BPF_DW,
					.dst_reg = BPF_REG_0, .imm = 3 };
	const struct bpf_insn half2 = { .imm = 0 };
	mapops_prog_t *p = c->p;

	TRY(c, mapops_st_mem(p, BPF_W, BPF_REG_10, -4, 1));
	TRY(c, mapops_st_mem(p, BPF_DW, BPF_REG_10, -16, 5));
	TRY(c, mapops_alu64_reg(p, BPF_MOV, BPF_REG_7, BPF_REG_10));
	TRY(c, mapops_alu64_imm(p, BPF_ADD, BPF_REG_7, -4));
	TRY(c, mapops_alu64_reg(p, BPF_MOV, BPF_REG_8, BPF_REG_10));
	TRY(c, mapops_alu64_imm(p, BPF_ADD, BPF_REG_8, -16));
	TRY(c, mapops_map_update_ptr(p, hash_map, BPF_REG_7, BPF_REG_8, BPF_ANY));
	TRY(c, mapops_map_lookup_ptr(p, hash_map, BPF_REG_7));
	TRY(c, mapops_map_delete_ptr(p, hash_map, BPF_REG_7));
	TRY(c, mapops_emit(p, &half1, 1));
	TRY(c, mapops_emit(p, &half2, 1));
	TRY(c, mapops_exit(p));
	return true;
}

static bool (*const builders[NVARIANTS])(struct build_ctx *) = {
	build_counter, build_loop, build_lookup_or_init, build_ptr,
};
static const __u32 retvals[NVARIANTS] = { 1, 45, 7, 3 };

struct ref {
	struct bpf_insn *insns;
	size_t cnt;
};
static struct ref refs[NVARIANTS];

/* ---- One thread ------------------------------------------------------------ */

struct worker {
	pthread_t thread;
	int tid;
	pthread_barrier_t *start;
	long loads, counter_runs, refusals;
	char err[2048]; /* the first failure, "" if none */
};

static void *work(void *arg)
{
	struct worker *w = arg;
	unsigned char pkt[64] = { 0 }, out[128]; /* valgrind checks data_out */
	int n = iterations(), i;
	char tag[32], want[128];

	snprintf(tag, sizeof(tag), "thread %d", w->tid);
	pthread_barrier_wait(w->start);
	for (i = 0; i < n && !w->err[0]; i++) {
		int v = (w->tid + i) % NVARIANTS, fd;
		struct build_ctx c = { mapops_prog_new(), w->err, sizeof(w->err),
				       w->tid };
		const struct bpf_insn *insns;
		size_t cnt = 0;
		char name[16];
		LIBBPF_OPTS(bpf_test_run_opts, run);

		if (!c.p) {
			snprintf(w->err, sizeof(w->err), "mapops_prog_new failed");
			break;
		}
		if (!builders[v](&c))
			goto next;
		insns = mapops_prog_insns(c.p, &cnt);
		if (!insns || cnt != refs[v].cnt ||
		    memcmp(insns, refs[v].insns, cnt * sizeof(*insns)) != 0) {
			snprintf(w->err, sizeof(w->err),
				 "variant %d, iteration %d: the bytes differ from the reference (%zu slots, expected %zu): %s",
				 v, i, cnt, refs[v].cnt, mapops_prog_error(c.p));
			goto next;
		}
		snprintf(name, sizeof(name), "thr%d_%d", w->tid, v);
		{
			MAPOPS_LOAD_OPTS(opts, .prog_name = name);

			fd = mapops_prog_load(c.p, BPF_PROG_TYPE_SOCKET_FILTER,
					      &opts);
		}
		if (fd < 0) {
			snprintf(w->err, sizeof(w->err),
				 "variant %d, iteration %d: mapops_prog_load: %d: %s",
				 v, i, fd, mapops_prog_error(c.p));
			goto next;
		}
		w->loads++;
		run.data_in = pkt;
		run.data_size_in = sizeof(pkt);
		run.data_out = out;
		run.data_size_out = sizeof(out);
		if (bpf_prog_test_run_opts(fd, &run) != 0 ||
		    run.retval != retvals[v]) {
			snprintf(w->err, sizeof(w->err),
				 "variant %d, iteration %d: test run: %s, retval %u (expected %u)",
				 v, i, strerror(errno), run.retval, retvals[v]);
			close(fd);
			goto next;
		}
		if (v == 0)
			w->counter_runs++;
		close(fd);

		/* Every 8th time: a refusal, whose message is this handle's. */
		if (i % 8 == 0) {
			mapops_prog_free(c.p);
			c.p = mapops_prog_new();
			if (!c.p || mapops_prog_set_tag(c.p, tag) ||
			    mapops_exit(c.p)) {
				snprintf(w->err, sizeof(w->err), "building a refusal failed");
				goto next;
			}
			fd = mapops_prog_load(c.p, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
			snprintf(want, sizeof(want),
				 "insn 0: emitted by mapops_exit #1 (\"%s\")", tag);
			if (fd != -EACCES ||
			    !strstr(mapops_prog_error(c.p), "R0 !read_ok") ||
			    !strstr(mapops_prog_error(c.p), want)) {
				snprintf(w->err, sizeof(w->err),
					 "iteration %d: the refusal gave %d: %s",
					 i, fd, mapops_prog_error(c.p));
				if (fd >= 0)
					close(fd);
				goto next;
			}
			w->refusals++;
		}
next:
		mapops_prog_free(c.p);
	}
	return NULL;
}

/* ---- The test --------------------------------------------------------------- */

static void setup(void)
{
	int v;

	counter_map = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1);
	hash_map = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 16);
	/* The references, built on this thread alone. */
	for (v = 0; v < NVARIANTS; v++) {
		char err[512] = "";
		struct build_ctx c = { mapops_prog_new(), err, sizeof(err), -1 };
		const struct bpf_insn *insns;
		size_t cnt = 0;
		int fd;

		ck_assert_ptr_nonnull(c.p);
		ck_assert_msg(builders[v](&c), "reference %d: %s", v, err);
		insns = mapops_prog_insns(c.p, &cnt);
		ck_assert_msg(insns != NULL, "%s", mapops_prog_error(c.p));
		refs[v].cnt = cnt;
		refs[v].insns = malloc(cnt * sizeof(*insns));
		ck_assert_ptr_nonnull(refs[v].insns);
		memcpy(refs[v].insns, insns, cnt * sizeof(*insns));
		fd = tu_prog_load(c.p, BPF_PROG_TYPE_SOCKET_FILTER);
		ck_assert_uint_eq(tu_prog_run(fd, 0, NULL, 0), retvals[v]);
		tu_close(fd);
		mapops_prog_free(c.p);
	}
}

static void teardown(void)
{
	int v;

	for (v = 0; v < NVARIANTS; v++) {
		free(refs[v].insns);
		refs[v].insns = NULL;
	}
	tu_close(counter_map);
	tu_close(hash_map);
}

START_TEST(prog_load_from_many_threads)
{
	struct worker w[NTHREADS];
	pthread_barrier_t start;
	long loads = 0, runs = 0, refusals = 0;
	__u32 key = 0;
	__u64 count = 0, before = 0;
	int t;

	ck_assert_int_eq(bpf_map_lookup_elem(counter_map, &key, &before), 0);
	ck_assert_int_eq(pthread_barrier_init(&start, NULL, NTHREADS), 0);
	memset(w, 0, sizeof(w));
	for (t = 0; t < NTHREADS; t++) {
		w[t].tid = t;
		w[t].start = &start;
		ck_assert_int_eq(pthread_create(&w[t].thread, NULL, work, &w[t]), 0);
	}
	for (t = 0; t < NTHREADS; t++)
		ck_assert_int_eq(pthread_join(w[t].thread, NULL), 0);
	pthread_barrier_destroy(&start);
	for (t = 0; t < NTHREADS; t++) {
		ck_assert_msg(!w[t].err[0], "thread %d: %s", t, w[t].err);
		loads += w[t].loads;
		runs += w[t].counter_runs;
		refusals += w[t].refusals;
	}
	ck_assert_int_eq(loads, (long)NTHREADS * iterations());
	ck_assert_int_gt(refusals, 0);
	ck_assert_int_eq(bpf_map_lookup_elem(counter_map, &key, &count), 0);
	ck_assert_msg(count - before == (__u64)runs,
		      "the counter rose by %llu, but %ld counter programs ran",
		      (unsigned long long)(count - before), runs);
	printf("threads: %d threads, %ld programs built, compared and loaded, %ld verifier refusals\n",
	       NTHREADS, loads, refusals);
}
END_TEST

/* Handles made on one thread, used and freed on others. */
struct handoff {
	mapops_prog_t *p;
	int tid;
	char err[512];
};

static void *finish_elsewhere(void *arg)
{
	struct handoff *h = arg;
	const struct bpf_insn *insns;
	size_t cnt = 0;
	char label[32];

	snprintf(label, sizeof(label), "end%d", h->tid);
	if (mapops_label(h->p, label) || mapops_alu64_imm(h->p, BPF_MOV, 0, h->tid) ||
	    mapops_exit(h->p)) {
		snprintf(h->err, sizeof(h->err), "%s", mapops_prog_error(h->p));
		return NULL;
	}
	insns = mapops_prog_insns(h->p, &cnt);
	if (!insns || cnt != 3 || insns[0].off != 0)
		snprintf(h->err, sizeof(h->err), "resolve: %s",
			 mapops_prog_error(h->p));
	mapops_prog_free(h->p);
	h->p = NULL;
	return NULL;
}

START_TEST(prog_handles_move_between_threads)
{
	struct handoff h[NTHREADS];
	pthread_t th[NTHREADS];
	int t;

	memset(h, 0, sizeof(h));
	for (t = 0; t < NTHREADS; t++) {
		char label[32];

		snprintf(label, sizeof(label), "end%d", t);
		h[t].tid = t;
		h[t].p = mapops_prog_new();
		ck_assert_ptr_nonnull(h[t].p);
		ck_assert_int_eq(mapops_ja(h[t].p, label), 0);
	}
	for (t = 0; t < NTHREADS; t++)
		ck_assert_int_eq(pthread_create(&th[t], NULL, finish_elsewhere, &h[t]), 0);
	for (t = 0; t < NTHREADS; t++) {
		ck_assert_int_eq(pthread_join(th[t], NULL), 0);
		ck_assert_msg(!h[t].err[0], "thread %d: %s", t, h[t].err);
	}
}
END_TEST

int main(void)
{
	struct tu_suite ts = { .suite = suite_create("threads"), .setup = setup,
			       .teardown = teardown, .timeout = 240 };

	TU_KERNEL_CASE(&ts, prog_load_from_many_threads);
	TU_KERNEL_CASE(&ts, prog_handles_move_between_threads);
	return tu_run(&ts);
}
