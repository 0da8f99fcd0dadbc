/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "testutil.h"

void tu_assert_prog(const char *file, int line, mapops_prog_t *prog,
		    const struct bpf_insn *expected, size_t n)
{
	const struct bpf_insn *got;
	size_t cnt = 0, i;

	got = mapops_prog_insns(prog, &cnt);
	ck_assert_msg(got != NULL, "%s:%d: mapops_prog_insns failed: %s", file,
		      line, mapops_prog_error(prog));
	for (i = 0; i < cnt && i < n; i++) {
		const struct bpf_insn *g = &got[i], *e = &expected[i];

		ck_assert_msg(g->code == e->code && g->dst_reg == e->dst_reg &&
				      g->src_reg == e->src_reg &&
				      g->off == e->off && g->imm == e->imm,
			      "%s:%d: slot %zu is {code 0x%02x dst %u src %u off %d imm %d}, expected {code 0x%02x dst %u src %u off %d imm %d}",
			      file, line, i, g->code, g->dst_reg, g->src_reg,
			      g->off, g->imm, e->code, e->dst_reg, e->src_reg,
			      e->off, e->imm);
	}
	ck_assert_msg(cnt == n, "%s:%d: %zu slots, expected %zu", file, line,
		      cnt, n);
}

void tu_snapshot_take(struct tu_snapshot *s, mapops_prog_t *prog)
{
	const struct bpf_insn *insns;
	size_t cnt = 0;

	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_msg(insns != NULL, "snapshot: %s", mapops_prog_error(prog));
	s->len = cnt;
	s->insns = malloc((cnt ? cnt : 1) * sizeof(*insns));
	ck_assert_ptr_nonnull(s->insns);
	memcpy(s->insns, insns, cnt * sizeof(*insns));
}

void tu_assert_unchanged(const char *file, int line, struct tu_snapshot *s,
			 mapops_prog_t *prog)
{
	const struct bpf_insn *insns;
	size_t cnt = 0;

	ck_assert_msg(mapops_prog_len(prog) == s->len,
		      "%s:%d: length changed from %zu to %zu", file, line,
		      s->len, mapops_prog_len(prog));
	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_msg(insns != NULL, "%s:%d: %s", file, line,
		      mapops_prog_error(prog));
	ck_assert_msg(cnt == s->len && memcmp(insns, s->insns,
					      cnt * sizeof(*insns)) == 0,
		      "%s:%d: the program's bytes changed", file, line);
	free(s->insns);
	s->insns = NULL;
}

void tu_assert_refused(const char *file, int line, mapops_prog_t *prog,
		       int rc, int err, const char *want)
{
	const char *msg = mapops_prog_error(prog);

	ck_assert_msg(rc == -err, "%s:%d: returned %d, expected %d", file, line,
		      rc, -err);
	ck_assert_msg(errno == err, "%s:%d: errno %d, expected %d", file, line,
		      errno, err);
	ck_assert_msg(strstr(msg, want) != NULL,
		      "%s:%d: message \"%s\" does not contain \"%s\"", file,
		      line, msg, want);
}

int tu_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* ---- The kernel ---------------------------------------------------- */

bool tu_bpf_available(void)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, NULL, 4, 8, 1, NULL);
	const char *req = getenv("MAPOPS_REQUIRE_BPF");

	if (fd >= 0) {
		close(fd);
		return true;
	}
	fprintf(stderr,
		"SKIP: bpf(BPF_MAP_CREATE) is refused (%s, errno %d): these tests need root and a kernel that allows bpf()%s\n",
		strerror(errno), errno,
		req && strcmp(req, "1") == 0 ?
			"; MAPOPS_REQUIRE_BPF=1 makes this a failure" : "");
	return false;
}

int tu_skip_code(void)
{
	const char *req = getenv("MAPOPS_REQUIRE_BPF");

	return req && strcmp(req, "1") == 0 ? EXIT_FAILURE : 77;
}

int tu_map_create(enum bpf_map_type type, unsigned key_size,
		  unsigned value_size, unsigned max_entries)
{
	int fd = bpf_map_create(type, NULL, key_size, value_size, max_entries,
				NULL);

	ck_assert_msg(fd >= 0, "bpf_map_create(%s): %s", tu_map_type_name(type),
		      strerror(errno));
	return fd;
}

static char verifier_log[1 << 20];

static int load(mapops_prog_t *prog, enum bpf_prog_type type, bool with_log)
{
	LIBBPF_OPTS(bpf_prog_load_opts, opts);
	const struct bpf_insn *insns;
	size_t cnt = 0;

	insns = mapops_prog_insns(prog, &cnt);
	ck_assert_msg(insns != NULL, "mapops_prog_insns: %s",
		      mapops_prog_error(prog));
	if (with_log) {
		verifier_log[0] = '\0';
		opts.log_buf = verifier_log;
		opts.log_size = sizeof(verifier_log);
		opts.log_level = 1;
	}
	return bpf_prog_load(type, NULL, "GPL", insns, cnt, &opts);
}

int tu_prog_load(mapops_prog_t *prog, enum bpf_prog_type type)
{
	int fd = load(prog, type, false);

	if (fd < 0) {
		load(prog, type, true);
		ck_abort_msg("bpf_prog_load: %s\nverifier log:\n%s",
			     strerror(errno), verifier_log);
	}
	return fd;
}

const char *tu_prog_load_rejected(mapops_prog_t *prog,
				  enum bpf_prog_type type)
{
	int fd = load(prog, type, true);

	ck_assert_msg(fd < 0, "the kernel accepted a program it should refuse");
	return verifier_log;
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

__u64 tu_percpu_sum_u64(int map_fd, const void *key, unsigned value_size)
{
	__u64 sum = 0;

	tu_map_get_u64(map_fd, BPF_MAP_TYPE_PERCPU_HASH, key, value_size, &sum);
	return sum;
}

const char *tu_map_type_name(enum bpf_map_type type)
{
	const char *name = libbpf_bpf_map_type_str(type);

	return name ? name : "unknown map type";
}
