/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * mapops_prog_load() and the caller's log buffer: unterminated and stale
 * buffers, buffers too small or larger than the kernel takes, and how many
 * BPF_PROG_LOAD calls a load costs (at most two), counted by wrapping the
 * syscall() function the library calls bpf() through.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include <bpf/bpf.h>

#include "testutil.h"

/* ---- Counting BPF_PROG_LOAD ---------------------------------------- */

static unsigned prog_loads;

#ifdef __x86_64__
#define COUNTING 1
/* The executable's syscall() takes the place of libc's for libmapops (and
 * libbpf): it counts BPF_PROG_LOAD and makes the call itself. */
long syscall(long n, ...)
{
	register long r10 __asm__("r10"), r8 __asm__("r8"), r9 __asm__("r9");
	long a1, a2, a3, ret;
	va_list ap;

	va_start(ap, n);
	a1 = va_arg(ap, long);
	a2 = va_arg(ap, long);
	a3 = va_arg(ap, long);
	r10 = va_arg(ap, long);
	r8 = va_arg(ap, long);
	r9 = va_arg(ap, long);
	va_end(ap);
	if (n == __NR_bpf && a1 == BPF_PROG_LOAD)
		__atomic_add_fetch(&prog_loads, 1, __ATOMIC_RELAXED);
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8),
			   "r"(r9)
			 : "rcx", "r11", "memory");
	if (ret < 0 && ret > -4096) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}
#else
#define COUNTING 0
#endif

/* Fails unless the loads since *mark number at most max (and updates it). */
static void check_loads(unsigned *mark, unsigned min, unsigned max)
{
	unsigned n = prog_loads - *mark;

	*mark = prog_loads;
	if (!COUNTING)
		return;
	ck_assert_msg(n >= min && n <= max,
		      "%u BPF_PROG_LOAD calls, expected %u..%u", n, min, max);
}

/* ---- Programs --------------------------------------------------------- */

static mapops_prog_t *prog;
static int map_fd;

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
	map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 16);
}

static void teardown(void)
{
	mapops_prog_free(prog);
	close(map_fd);
}

static const char *msg(void);

/* r0 = 7; exit */
static void build_valid(void)
{
	ck_assert_int_eq(mapops_alu64_imm(prog, BPF_MOV, BPF_REG_0, 7), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
}

/* A lookup whose result is dereferenced without a NULL check, after
 * filler slots (r1 = 0) that the verifier walks through first.
 *
 * The filler is checked once, not slot by slot: every passing ck_assert
 * sends Check's parent a message, and the parent (Check 0.15's punpack())
 * moves its whole 2 * CK_MAX_MSG_SIZE buffer once per message.  With the
 * 1 MiB CK_MAX_MSG_SIZE of the qemu run, a million messages made that
 * 2 TB of memmove: the suite seemed to hang after the 1,000,000-slot case
 * (on the host too, with CK_MAX_MSG_SIZE=1048576). */
static void build_unchecked_deref(size_t filler)
{
	size_t i;
	int rc = 0;

	ck_assert_int_eq(mapops_st_mem(prog, BPF_W, BPF_REG_10, -4, 1), 0);
	ck_assert_int_eq(mapops_map_lookup(prog, map_fd, -4), 0);
	for (i = 0; i < filler && rc == 0; i++)
		rc = mapops_alu64_imm(prog, BPF_MOV, BPF_REG_1, 0);
	ck_assert_msg(rc == 0, "filler slot %zu: %d: %s", i, rc, msg());
	ck_assert_int_eq(mapops_ldx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_0, 0), 0);
	ck_assert_int_eq(mapops_exit(prog), 0);
}

static const char *msg(void)
{
	return mapops_prog_error(prog);
}

#define ck_assert_msg_has(want)                                             \
	ck_assert_msg(strstr(msg(), (want)) != NULL, "no \"%s\" in: %.2000s", \
		      (want), msg())

/* ---- Early refusals: nothing written, nothing read past log_size ------ */

/* 8 bytes of 'A', unterminated: a refusal of the flags before the
 * verifier runs must not read them (ASan would see the over-read). */
START_TEST(load_log_unterminated_buffer_early_einval)
{
	char *log = malloc(8);
	unsigned mark = prog_loads;
	int rc;

	memset(log, 'A', 8);
	{
		MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = 8, .log_level = 1,
				 .prog_flags = 0x80000000);

		build_valid();
		rc = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o);
	}
	check_loads(&mark, 1, 2);
	ck_assert_int_eq(rc, -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_msg_has("before verifying it (no verifier log)");
	ck_assert_msg_has("opts->prog_flags 0x80000000");
	ck_assert_ptr_null(strstr(msg(), "AAAA"));
	ck_assert_int_eq(log[0], '\0');
	free(log);
}
END_TEST

/* A reused buffer still holding the previous run's text. */
START_TEST(load_log_stale_buffer_early_einval)
{
	static char log[4096];
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = sizeof(log),
			 .log_level = 1, .prog_flags = 0x80000000);
	unsigned mark = prog_loads;

	strcpy(log, "0: (b7) r0 = 7\nstale text of an earlier load\n");
	build_valid();
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o),
			 -EINVAL);
	check_loads(&mark, 1, 1);
	ck_assert_ptr_null(strstr(msg(), "stale"));
	ck_assert_int_eq(log[0], '\0');
}
END_TEST

/* ---- Small buffers ---------------------------------------------------- */

START_TEST(load_log_size_1_refused_keeps_errno)
{
	char log[1] = { 'X' };
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = 1, .log_level = 1);
	unsigned mark = prog_loads;

	build_unchecked_deref(0);
	errno = 0;
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o),
			 -EACCES);
	ck_assert_int_eq(errno, EACCES);
	check_loads(&mark, 2, 2);
	ck_assert_int_eq(log[0], '\0');
	/* The library's own buffer got the log for the message. */
	ck_assert_msg_has("invalid mem access 'map_value_or_null'");
	ck_assert_msg_has("emitted by mapops_ldx_mem #1");
}
END_TEST

START_TEST(load_log_size_1_valid_loads)
{
	char log[1] = { 'X' };
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = 1, .log_level = 1);
	unsigned mark = prog_loads;
	int fd;

	build_valid();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o);
	ck_assert_msg(fd >= 0, "%s", msg());
	check_loads(&mark, 1, 1);
	ck_assert_uint_eq(tu_prog_run(fd, 1, NULL, 0), 7);
	ck_assert_int_eq(log[0], '\0');
	close(fd);
}
END_TEST

START_TEST(load_log_size_200_refused_keeps_errno)
{
	char log[200 + 16];
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = 200, .log_level = 1);
	unsigned mark = prog_loads;

	memset(log, 'Z', sizeof(log));
	build_unchecked_deref(40);
	errno = 0;
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o),
			 -EACCES);
	ck_assert_int_eq(errno, EACCES);
	check_loads(&mark, 1, 2);
	ck_assert_uint_lt(strnlen(log, 200), 200);
	ck_assert_int_eq(log[200], 'Z'); /* nothing written past log_size */
	ck_assert_msg_has("the kernel refused the program: Permission denied (errno 13)");
	/* The log is longer than 200 bytes: the message says it was cut. */
	ck_assert_msg_has("only its");
	ck_assert_msg_has(log);
}
END_TEST

START_TEST(load_log_size_200_level2_valid_loads)
{
	char log[200];
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = sizeof(log), .log_level = 2);
	unsigned mark = prog_loads;
	int fd;

	/* Filled: valgrind does not see the kernel write the log. */
	memset(log, 'Q', sizeof(log));
	build_valid();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o);
	ck_assert_msg(fd >= 0, "%s", msg());
	check_loads(&mark, 1, 2);
	ck_assert_str_eq(msg(), "");
	close(fd);
}
END_TEST

/* log_level 0 with a buffer: the log only of a refusal, in the buffer. */
START_TEST(load_log_level0_buffer_gets_refusal_log)
{
	static char log[1 << 16];
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = sizeof(log));
	unsigned mark = prog_loads;
	int fd;

	build_valid();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o);
	ck_assert_msg(fd >= 0, "%s", msg());
	close(fd);
	check_loads(&mark, 1, 1);
	ck_assert_str_eq(log, "");

	mapops_prog_free(prog);
	prog = mapops_prog_new();
	build_unchecked_deref(0);
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o),
			 -EACCES);
	check_loads(&mark, 2, 2);
	ck_assert_ptr_nonnull(strstr(log, "map_value_or_null"));
	ck_assert_msg_has("map_value_or_null");
}
END_TEST

/* ---- A buffer larger than the kernel takes ----------------------------- */

START_TEST(load_log_size_above_kernel_cap)
{
	/* A real 4 GiB buffer (reserved, not committed): log_size may only
	 * say what the buffer holds. */
	size_t size = (size_t)UINT32_MAX;
	char *log = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	unsigned mark = prog_loads;

	ck_assert_ptr_ne(log, MAP_FAILED);
	{
		MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = 0xffffffffu,
				 .log_level = 1);

		build_unchecked_deref(0);
		errno = 0;
		ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o),
				 -EACCES);
	}
	check_loads(&mark, 1, 1);
	ck_assert_msg_has("map_value_or_null");
	ck_assert_ptr_nonnull(strstr(log, "map_value_or_null"));
	munmap(log, size);
}
END_TEST

/* ---- How many loads ----------------------------------------------------- */

START_TEST(load_counts_valid_without_log_one_load)
{
	unsigned mark = prog_loads;
	int fd;

	build_valid();
	fd = mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL);
	ck_assert_msg(fd >= 0, "%s", msg());
	close(fd);
	check_loads(&mark, 1, 1);
}
END_TEST

START_TEST(load_counts_refused_without_log_two_loads)
{
	unsigned mark = prog_loads;

	build_unchecked_deref(0);
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL),
			 -EACCES);
	check_loads(&mark, 2, 2);
	ck_assert_msg_has("map_value_or_null");
}
END_TEST

START_TEST(load_counts_refused_into_large_buffer_one_load)
{
	static char log[1 << 16];
	MAPOPS_LOAD_OPTS(o, .log_buf = log, .log_size = sizeof(log), .log_level = 1);
	unsigned mark = prog_loads;

	build_unchecked_deref(0);
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, &o),
			 -EACCES);
	check_loads(&mark, 1, 1);
	ck_assert_ptr_nonnull(strstr(log, "map_value_or_null"));
}
END_TEST

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The largest program, refused at its end: two loads, seconds at most, and
 * a message of bounded size that still has the verifier's reason and the
 * call that emitted the slot it stopped at. */
START_TEST(load_refused_million_slots_two_loads_bounded)
{
	unsigned mark;
	double t0, t;
	size_t len;
	const char *m, *tail;

	build_unchecked_deref(MAPOPS_MAX_INSNS - 8);
	ck_assert_uint_eq(mapops_prog_len(prog), MAPOPS_MAX_INSNS);
	mark = prog_loads;
	t0 = now();
	ck_assert_int_eq(mapops_prog_load(prog, BPF_PROG_TYPE_SOCKET_FILTER, NULL),
			 -EACCES);
	t = now() - t0;
	check_loads(&mark, 2, 2);
	m = msg();
	len = strlen(m);
	fprintf(stderr, "refused 1000000-slot program: %.2f s, %zu-byte message\n",
		t, len);
	ck_assert_msg(t < 60.0, "took %.1f s", t);
	ck_assert_uint_lt(len, 80 * 1024);
	if (strstr(m, "kernels before 6.4 drop the end")) {
		/* A kernel before 6.4 kept the start of the 45 MB log in the
		 * library's 16 MiB: the message says the reason is lost. */
		ck_assert_msg_has("Permission denied (errno 13); verifier log (only its first");
		ck_assert_ptr_null(strstr(m, "emitted by"));
		return;
	}
	ck_assert_msg_has("invalid mem access 'map_value_or_null'");
	tail = m + len - strlen("emitted by mapops_ldx_mem #1");
	ck_assert_str_eq(tail, "emitted by mapops_ldx_mem #1");
	ck_assert_msg_has("\ninsn 999998: emitted by mapops_ldx_mem #1");
}
END_TEST

static void add(Suite *s, const char *name, const TTest *test, int timeout)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test);
	if (timeout)
		tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
}

#define ADD(s, t) add((s), #t, t, 0)

static Suite *load_log_suite(void)
{
	Suite *s = suite_create("load-log");

	ADD(s, load_log_unterminated_buffer_early_einval);
	ADD(s, load_log_stale_buffer_early_einval);
	ADD(s, load_log_size_1_refused_keeps_errno);
	ADD(s, load_log_size_1_valid_loads);
	ADD(s, load_log_size_200_refused_keeps_errno);
	ADD(s, load_log_size_200_level2_valid_loads);
	ADD(s, load_log_level0_buffer_gets_refusal_log);
	ADD(s, load_log_size_above_kernel_cap);
	ADD(s, load_counts_valid_without_log_one_load);
	ADD(s, load_counts_refused_without_log_two_loads);
	ADD(s, load_counts_refused_into_large_buffer_one_load);
	add(s, "load_refused_million_slots_two_loads_bounded",
	    load_refused_million_slots_two_loads_bounded, 300);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	if (!COUNTING)
		fprintf(stderr, "note: BPF_PROG_LOAD calls are counted on x86_64 only\n");
	return tu_run_suite(load_log_suite());
}
