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

/* ---- The kernel ---------------------------------------------------- */

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
	return tu_track_fd(fd);
}

const char *tu_prog_load_rejected(mapops_prog_t *prog,
				  enum bpf_prog_type type)
{
	int fd = load(prog, type, true);

	ck_assert_msg(fd < 0, "the kernel accepted a program it should refuse");
	return verifier_log;
}

void tu_results_open(struct tu_results *r, unsigned n)
{
	r->fd = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, n);
	r->seq = 0;
}

#define TU_OK(prog, call)                                                   \
	ck_assert_msg((call) == 0, "%s: %s", #call, mapops_prog_error(prog))

void tu_emit_result(mapops_prog_t *prog, struct tu_results *r, int idx,
		    int reg)
{
	char skip[32];

	snprintf(skip, sizeof(skip), "res_skip_%u", r->seq++);
	TU_OK(prog, mapops_stx_mem(prog, BPF_DW, BPF_REG_10, reg, -8));
	TU_OK(prog, mapops_st_mem(prog, BPF_W, BPF_REG_10, -12, idx));
	TU_OK(prog, mapops_map_lookup(prog, r->fd, -12));
	TU_OK(prog, mapops_jmp_imm(prog, BPF_JEQ, BPF_REG_0, 0, skip));
	TU_OK(prog, mapops_ldx_mem(prog, BPF_DW, BPF_REG_1, BPF_REG_10, -8));
	TU_OK(prog, mapops_stx_mem(prog, BPF_DW, BPF_REG_0, BPF_REG_1, 0));
	TU_OK(prog, mapops_label(prog, skip));
}

__u64 tu_result(const struct tu_results *r, int idx)
{
	__u32 k = (__u32)idx;
	__u64 v = 0;

	ck_assert(tu_map_get_u64(r->fd, BPF_MAP_TYPE_ARRAY, &k, 8, &v));
	return v;
}
