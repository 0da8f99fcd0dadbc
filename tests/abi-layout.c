/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Prints the size, alignment and field layout of the public types, as this
 * compiler lays them out, for tools/abi-doc.py (the generated type tables of
 * ABI.md).  One record a line, tab-separated:
 *
 *   type   <C type>  <size> <align>
 *   field  <C type>  <field> <offset> <size>
 *
 * The field list of a struct is checked here to tile the struct: each field
 * starts where the previous one ends (rounded up to its alignment) and the
 * last one ends where the struct does (rounded up to the struct's
 * alignment).  A field added to the header but not here breaks that, so the
 * list cannot silently fall behind; abi-doc.py also compares the names with
 * the header's.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <mapops/mapops.h>

struct field {
	const char *name;
	size_t off, size, align;
};

#define FIELD(s, f)                                                        \
	{ #f, offsetof(s, f), sizeof(((s *)0)->f), alignof(__typeof__(((s *)0)->f)) }

static const struct field load_opts[] = {
	FIELD(struct mapops_load_opts, sz),
	FIELD(struct mapops_load_opts, prog_name),
	FIELD(struct mapops_load_opts, license),
	FIELD(struct mapops_load_opts, expected_attach_type),
	FIELD(struct mapops_load_opts, prog_ifindex),
	FIELD(struct mapops_load_opts, prog_flags),
	FIELD(struct mapops_load_opts, kern_version),
	FIELD(struct mapops_load_opts, log_level),
	FIELD(struct mapops_load_opts, log_size),
	FIELD(struct mapops_load_opts, log_buf),
};

static size_t round_up(size_t n, size_t align)
{
	return (n + align - 1) / align * align;
}

static int print_struct(const char *type, size_t size, size_t align,
			const struct field *f, size_t n)
{
	size_t end = 0, i;
	int bad = 0;

	printf("type\t%s\t%zu\t%zu\n", type, size, align);
	for (i = 0; i < n; i++) {
		if (f[i].off != round_up(end, f[i].align)) {
			fprintf(stderr,
				"abi-layout: %s.%s is at offset %zu, expected %zu: a field before it is missing from tests/abi-layout.c\n",
				type, f[i].name, f[i].off, round_up(end, f[i].align));
			bad = 1;
		}
		printf("field\t%s\t%s\t%zu\t%zu\n", type, f[i].name, f[i].off,
		       f[i].size);
		end = f[i].off + f[i].size;
	}
	if (round_up(end, align) != size) {
		fprintf(stderr,
			"abi-layout: %s is %zu bytes but its listed fields end at %zu: a field after them is missing from tests/abi-layout.c\n",
			type, size, end);
		bad = 1;
	}
	return bad;
}

#define TYPE(t) printf("type\t%s\t%zu\t%zu\n", #t, sizeof(t), alignof(t))

int main(void)
{
	int bad;

	bad = print_struct("struct mapops_load_opts",
			   sizeof(struct mapops_load_opts),
			   alignof(struct mapops_load_opts), load_opts,
			   sizeof(load_opts) / sizeof(load_opts[0]));
	/* The kernel's types that appear in the public declarations. */
	TYPE(struct bpf_insn);
	TYPE(enum bpf_prog_type);
	TYPE(__s32);
	TYPE(__s64);
	TYPE(__u32);
	TYPE(__u64);
	TYPE(size_t);
	return bad ? EXIT_FAILURE : EXIT_SUCCESS;
}
