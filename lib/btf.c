/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * BTF function information for programs with subprograms, built with
 * libbpf's BTF writer.  The kernel needs it for callbacks (a
 * BPF_PSEUDO_FUNC load is refused without it: "missing btf func_info"),
 * and once any is given, every subprogram needs a record.  Every function
 * is static: the verifier refuses a callback that is not ("callback
 * function not static"), and checks a global one against its prototype.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>

#include "internal.h"

/* Names up to 127 bytes: the kernel's KSYM_NAME_LEN was 128 before 6.1. */
#define NAME_MAX_LEN 127

static bool ident_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       (!first && c >= '0' && c <= '9');
}

/* Writes label as a C identifier (at most NAME_MAX_LEN bytes) to buf. */
static void ident(char *buf, const char *label)
{
	size_t i = 0;

	if (!ident_char(label[0], true))
		buf[i++] = '_'; /* "2nd" -> "_2nd", "-x" -> "__x" */
	for (; *label && i < NAME_MAX_LEN; label++)
		buf[i++] = ident_char(*label, false) ? *label : '_';
	buf[i] = '\0';
}

static bool taken(const char **names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

char *subprog_btf_names(const mapops_prog_t *prog, const struct subprog *sp,
			size_t n, const char **names)
{
	/* Each name is at most NAME_MAX_LEN bytes and its NUL. */
	char *arena = malloc(n * (NAME_MAX_LEN + 1)), *p = arena;
	char base[NAME_MAX_LEN + 1];
	size_t k;

	if (!arena)
		return NULL;
	for (k = 0; k < n; k++, p += NAME_MAX_LEN + 1) {
		unsigned dup;

		if (sp[k].label != LABEL_UNBOUND)
			ident(base, labels_name(&prog->labels, sp[k].label));
		else if (k == 0)
			strcpy(base, "main");
		else
			snprintf(base, sizeof(base), "func_%u", sp[k].start);
		strcpy(p, base);
		/* "a-b" and "a.b" both map to "a_b": the second is "a_b_2". */
		for (dup = 2; taken(names, k, p); dup++) {
			char suffix[16];
			int len = snprintf(suffix, sizeof(suffix), "_%u", dup);

			snprintf(p, NAME_MAX_LEN + 1, "%.*s%s",
				 NAME_MAX_LEN - len, base, suffix);
		}
		names[k] = p;
	}
	return arena;
}

void prog_btf_release(struct prog_btf *pb)
{
	int err = errno;

	btf__free(pb->btf); /* closes its fd */
	free(pb->info);
	pb->btf = NULL;
	pb->info = NULL;
	pb->cnt = 0;
	errno = err;
}

/* Adds the functions to btf and fills info; a negative errno. */
static int add_funcs(struct btf *btf, const struct subprog *sp, size_t n,
		     const char **names, struct bpf_func_info *info)
{
	int int_id, proto_id, id;
	size_t k;

	/* int f(void): the return type the verifier wants of a subprogram
	 * that uses LD_ABS or tail calls; static functions' arguments are
	 * not checked against their prototype. */
	int_id = btf__add_int(btf, "int", 4, BTF_INT_SIGNED);
	if (int_id < 0)
		return int_id;
	proto_id = btf__add_func_proto(btf, int_id);
	if (proto_id < 0)
		return proto_id;
	for (k = 0; k < n; k++) {
		id = btf__add_func(btf, names[k], BTF_FUNC_STATIC, proto_id);
		if (id < 0)
			return id;
		info[k].insn_off = sp[k].start;
		info[k].type_id = (__u32)id;
	}
	return 0;
}

/* Builds the BTF of the resolved program and loads it into the kernel, for
 * o (its errors name o->fn); *pb must be empty.  With no subprograms it
 * loads nothing.  0, or a negative errno recorded in o. */
static int prog_btf_build(struct op *o, struct prog_btf *pb)
{
	struct subprog *sp = NULL;
	const char **names = NULL;
	char *arena = NULL;
	size_t n;
	int err;

	if (prog_subprogs(o->prog, &sp, &n)) {
		op_error(o, -ENOMEM, "out of memory finding the subprograms");
		return o->err;
	}
	if (!sp)
		return 0; /* only the main program: no BTF needed */
	names = malloc(n * sizeof(*names));
	if (names)
		arena = subprog_btf_names(o->prog, sp, n, names);
	pb->info = calloc(n, sizeof(*pb->info));
	pb->btf = btf__new_empty();
	if (!arena || !pb->info || !pb->btf) {
		op_error(o, -ENOMEM,
			 "out of memory building the BTF of %zu functions", n);
		goto out;
	}
	err = add_funcs(pb->btf, sp, n, names, pb->info);
	if (err) {
		op_error(o, err, "building the BTF of %zu functions failed: %s",
			 n, strerror(-err));
		goto out;
	}
	err = btf__load_into_kernel(pb->btf);
	if (err) {
		err = err < 0 ? err : -EINVAL;
		op_error(o, err,
			 "the kernel refused the BTF of the %zu functions (func_info for the subprograms): %s (errno %d)",
			 n, strerror(-err), -err);
		goto out;
	}
	pb->cnt = (uint32_t)n;
out:
	free(sp);
	free(names);
	free(arena);
	if (o->err)
		prog_btf_release(pb);
	return o->err;
}

/* Sets lo's prog_btf_fd, func_info, func_info_rec_size and func_info_cnt
 * from pb (zeros when it holds nothing). */
static void prog_btf_opts(const struct prog_btf *pb, struct bpf_prog_load_opts *lo)
{
	lo->prog_btf_fd = pb->btf ? (__u32)btf__fd(pb->btf) : 0;
	lo->func_info = pb->cnt ? pb->info : NULL;
	lo->func_info_cnt = pb->cnt;
	lo->func_info_rec_size = pb->cnt ? sizeof(*pb->info) : 0;
}

int prog_btf_load_opts(struct op *o, struct prog_btf *pb,
		       struct bpf_prog_load_opts *lo)
{
	if (prog_btf_build(o, pb))
		return o->err;
	prog_btf_opts(pb, lo);
	return 0;
}

int mapops_prog_func_info(mapops_prog_t *prog, struct bpf_prog_load_opts *opts)
{
	struct prog_btf pb = PROG_BTF_INIT;
	size_t need = offsetof(struct bpf_prog_load_opts, func_info_rec_size) +
		      sizeof(opts->func_info_rec_size);
	size_t cnt;
	struct op o;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!opts)
		op_error(&o, -EINVAL, "opts is NULL");
	else if (opts->sz < need)
		op_error(&o, -EINVAL,
			 "opts->sz %zu is too small to hold func_info_rec_size (%zu bytes): set it with LIBBPF_OPTS()",
			 opts->sz, need);
	if (o.err || !prog_resolve(&o, &cnt) || prog_btf_build(&o, &pb))
		return op_fail(&o);
	prog_btf_release(&prog->btf);
	prog->btf = pb;
	prog_btf_opts(&prog->btf, opts);
	return 0;
}
