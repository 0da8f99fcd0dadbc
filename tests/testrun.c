/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Running the Check suites, and the kernel fixture they share (testrun.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "testrun.h"

/* ---- Cases ---------------------------------------------------------- */

static void oom(void)
{
	fprintf(stderr, "tests: out of memory building the suite\n");
	exit(EXIT_FAILURE);
}

TCase *tu_case(struct tu_suite *ts, const char *name, const TTest *t,
	       int from, int to, bool kernel)
{
	struct tu_case_entry *e;
	TCase *tc;
	size_t i;

	for (i = 0; i < ts->ncases; i++) {
		if (strcmp(ts->cases[i].name, name) == 0) {
			fprintf(stderr, "tests: two cases are named %s\n", name);
			exit(EXIT_FAILURE);
		}
	}
	if (ts->ncases == ts->cap) {
		size_t cap = ts->cap ? 2 * ts->cap : 64;
		struct tu_case_entry *cases =
			realloc(ts->cases, cap * sizeof(*cases));

		if (!cases)
			oom();
		ts->cases = cases;
		ts->cap = cap;
	}
	e = &ts->cases[ts->ncases++];
	/* Check keeps the pointer: the copy lives until tu_run() is done. */
	e->name = strdup(name);
	if (!e->name)
		oom();
	e->left_out = kernel && !tu_bpf_available();
	if (e->left_out) {
		ts->kernel_skipped++;
		return NULL;
	}
	tc = tcase_create(e->name);
	/* Its own name as a tag: CK_INCLUDE_TAGS="a b" runs cases a and b. */
	tcase_set_tags(tc, e->name);
	/* Check runs the setups in this order, the teardowns in reverse. */
	if (kernel)
		tcase_add_checked_fixture(tc, tu_track_begin, tu_close_tracked);
	if (ts->setup || ts->teardown)
		tcase_add_checked_fixture(tc, ts->setup, ts->teardown);
	if (ts->timeout > 0)
		tcase_set_timeout(tc, ts->timeout);
	_tcase_add_test(tc, t, 0, 0, from, to);
	suite_add_tcase(ts->suite, tc);
	return tc;
}

void tu_case_name(char *buf, size_t n, const char *text)
{
	char *q = buf;

	if (n == 0)
		return;
	for (; *text && (size_t)(q - buf) + 1 < n; text++) {
		char ch = *text;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
			ch = '_';
		if (ch == '_' && (q == buf || q[-1] == '_'))
			continue;
		*q++ = ch;
	}
	while (q > buf && q[-1] == '_')
		q--;
	*q = '\0';
}

static const char *selection(void)
{
	static const char *const vars[] = {
		"CK_RUN_CASE", "CK_RUN_SUITE", "CK_INCLUDE_TAGS", "CK_EXCLUDE_TAGS",
	};
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return vars[i];
	}
	return NULL;
}

/* True when CK_RUN_CASE names a kernel case that was left out. */
static bool selects_left_out(const struct tu_suite *ts)
{
	const char *want = getenv("CK_RUN_CASE");
	size_t i;

	for (i = 0; ts && want && i < ts->ncases; i++)
		if (ts->cases[i].left_out && strcmp(ts->cases[i].name, want) == 0)
			return true;
	return false;
}

/* Runs s (and frees it); the exit code, before any kernel skip. */
static int run(Suite *s, const struct tu_suite *ts)
{
	SRunner *sr = srunner_create(s);
	const char *sel;
	int failed, ran;
	size_t i;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	ran = srunner_ntests_run(sr);
	srunner_free(sr);
	if (failed)
		return EXIT_FAILURE;
	if (ran > 0 || selects_left_out(ts))
		return EXIT_SUCCESS;
	fflush(stdout);
	sel = selection();
	if (sel) {
		fprintf(stderr, "FAIL: %s=%s selects no test of this suite", sel,
			getenv(sel));
		if (ts && ts->ncases) {
			fprintf(stderr, "; its cases are:");
			for (i = 0; i < ts->ncases; i++)
				fprintf(stderr, "\n  %s", ts->cases[i].name);
		}
		fprintf(stderr, "\n");
	} else {
		fprintf(stderr, "FAIL: the suite ran no test\n");
	}
	return EXIT_FAILURE;
}

int tu_run_suite(Suite *s)
{
	return run(s, NULL);
}

int tu_run(struct tu_suite *ts)
{
	const char *list = getenv("MAPOPS_LIST_CASES");
	int rc = EXIT_SUCCESS;
	size_t i;

	if (list && strcmp(list, "1") == 0) {
		for (i = 0; i < ts->ncases; i++)
			printf("%s\n", ts->cases[i].name);
		srunner_free(srunner_create(ts->suite)); /* frees it */
	} else if (ts->kernel_skipped == ts->ncases && ts->ncases > 0) {
		/* Every case needs the kernel: nothing to run. */
		srunner_free(srunner_create(ts->suite));
	} else {
		rc = run(ts->suite, ts);
	}
	ts->suite = NULL;
	for (i = 0; i < ts->ncases; i++)
		free(ts->cases[i].name);
	free(ts->cases);
	ts->cases = NULL;
	ts->ncases = ts->cap = 0;
	if (rc == EXIT_SUCCESS && ts->kernel_skipped > 0) {
		fprintf(stderr, "%s: %zu case%s that need%s bpf() did not run%s\n",
			tu_bpf_required() ? "FAIL" : "SKIP",
			ts->kernel_skipped, ts->kernel_skipped == 1 ? "" : "s",
			ts->kernel_skipped == 1 ? "s" : "",
			tu_bpf_required() ? " (MAPOPS_REQUIRE_BPF=1)" : "");
		rc = tu_skip_code();
	}
	return rc;
}

/* ---- The kernel ---------------------------------------------------- */

bool tu_bpf_required(void)
{
	const char *req = getenv("MAPOPS_REQUIRE_BPF");

	return req && strcmp(req, "1") == 0;
}

bool tu_bpf_available(void)
{
	static int probed = -1; /* -1: not yet, 0: refused, 1: works */
	int fd;

	if (probed >= 0)
		return probed;
	fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, NULL, 4, 8, 1, NULL);
	if (fd >= 0) {
		close(fd);
		probed = 1;
		return true;
	}
	fprintf(stderr,
		"SKIP: bpf(BPF_MAP_CREATE) is refused (%s, errno %d): these tests need root and a kernel that allows bpf()%s\n",
		strerror(errno), errno,
		tu_bpf_required() ? "; MAPOPS_REQUIRE_BPF=1 makes this a failure" : "");
	probed = 0;
	return false;
}

int tu_skip_code(void)
{
	return tu_bpf_required() ? EXIT_FAILURE : 77;
}

/* The fds a kernel case still holds (used from the case's thread only). */
static bool tracking;
static int tracked[256];
static size_t ntracked;

void tu_track_begin(void)
{
	tracking = true;
	ntracked = 0;
}

int tu_track_fd(int fd)
{
	if (fd < 0 || !tracking)
		return fd;
	ck_assert_msg(ntracked < sizeof(tracked) / sizeof(tracked[0]),
		      "more than %zu fds open in one case",
		      sizeof(tracked) / sizeof(tracked[0]));
	tracked[ntracked++] = fd;
	return fd;
}

void tu_close(int fd)
{
	size_t i;

	for (i = 0; i < ntracked; i++) {
		if (tracked[i] == fd) {
			tracked[i] = tracked[--ntracked];
			break;
		}
	}
	close(fd);
}

void tu_close_tracked(void)
{
	while (ntracked > 0)
		close(tracked[--ntracked]);
	tracking = false;
}

int tu_map_create(enum bpf_map_type type, unsigned key_size,
		  unsigned value_size, unsigned max_entries)
{
	int fd = bpf_map_create(type, NULL, key_size, value_size, max_entries,
				NULL);

	ck_assert_msg(fd >= 0, "bpf_map_create(%s): %s", tu_map_type_name(type),
		      strerror(errno));
	return tu_track_fd(fd);
}

__u32 tu_prog_run(int prog_fd, unsigned repeat, const void *pkt,
		  size_t pkt_len)
{
	static const unsigned char zero_pkt[64];
	static unsigned char out[4096]; /* valgrind checks data_out's size too */
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	int err;

	opts.data_in = pkt ? pkt : zero_pkt;
	opts.data_size_in = (__u32)(pkt ? pkt_len : sizeof(zero_pkt));
	ck_assert_uint_le(opts.data_size_in, sizeof(out));
	opts.data_out = out;
	opts.data_size_out = sizeof(out);
	opts.repeat = (int)repeat;
	err = bpf_prog_test_run_opts(prog_fd, &opts);
	ck_assert_msg(err == 0, "bpf_prog_test_run_opts: %s", strerror(errno));
	return opts.retval;
}

bool tu_map_is_percpu(enum bpf_map_type type)
{
	return type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       type == BPF_MAP_TYPE_PERCPU_HASH ||
	       type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

void tu_map_set(int map_fd, enum bpf_map_type type, const void *key,
		const void *value, unsigned value_size)
{
	int err;

	if (tu_map_is_percpu(type)) {
		int ncpu = libbpf_num_possible_cpus();
		size_t stride = (value_size + 7) & ~7u;
		unsigned char *buf = calloc((size_t)ncpu, stride);
		int c;

		ck_assert_ptr_nonnull(buf);
		for (c = 0; c < ncpu; c++)
			memcpy(buf + (size_t)c * stride, value, value_size);
		err = bpf_map_update_elem(map_fd, key, buf, BPF_ANY);
		free(buf);
	} else {
		err = bpf_map_update_elem(map_fd, key, value, BPF_ANY);
	}
	ck_assert_msg(err == 0, "bpf_map_update_elem(%s): %s",
		      tu_map_type_name(type), strerror(errno));
}

bool tu_map_get_u64(int map_fd, enum bpf_map_type type, const void *key,
		    unsigned value_size, __u64 *out)
{
	int ncpu = tu_map_is_percpu(type) ? libbpf_num_possible_cpus() : 1;
	size_t stride = (value_size + 7) & ~7u;
	unsigned char *buf = calloc((size_t)ncpu, stride);
	__u64 sum = 0, v;
	int c, err;

	ck_assert_ptr_nonnull(buf);
	err = bpf_map_lookup_elem(map_fd, key, buf);
	if (err) {
		ck_assert_msg(errno == ENOENT, "bpf_map_lookup_elem: %s",
			      strerror(errno));
		free(buf);
		return false;
	}
	for (c = 0; c < ncpu; c++) {
		memcpy(&v, buf + (size_t)c * stride, sizeof(v));
		sum += v;
	}
	free(buf);
	*out = sum;
	return true;
}

const char *tu_map_type_name(enum bpf_map_type type)
{
	const char *name = libbpf_bpf_map_type_str(type);

	return name ? name : "unknown map type";
}

bool tu_kernel_at_least(int maj, int min, const char *what)
{
	struct utsname u;
	int a = 0, b = 0;

	ck_assert_int_eq(uname(&u), 0);
	ck_assert_int_eq(sscanf(u.release, "%d.%d", &a, &b), 2);
	if (a > maj || (a == maj && b >= min))
		return true;
	printf("SKIPPED: %s needs kernel %d.%d, this is %s\n", what, maj, min,
	       u.release);
	return false;
}
