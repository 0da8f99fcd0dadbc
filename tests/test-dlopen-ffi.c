/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The library as a foreign runtime sees it (Python's ctypes, LuaJIT's FFI, a
 * JVM, ...): this program is not linked with libmapops and does not include
 * <mapops/mapops.h>.  It dlopen()s "libmapops.so.1" by its SONAME (or the
 * path in MAPOPS_LIBRARY), binds every exported function with
 * dlvsym(name, its version node) from one table of names and libffi types,
 * and builds, resolves, loads and runs a real program through ffi_call()
 * alone.  The table is checked against lib/libmapops.map (argv[1]), so a
 * symbol the version script exports cannot be missing from it, and every
 * entry is called at least once.
 */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <ffi.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>

#include "api-table.h"
#include "testrun.h"

#define SONAME "libmapops.so.1"
#define V1_0 "MAPOPS_1.0"
#define MAX_ARGS MAPOPS_API_MAX_ARGS

/* The ABI's C types, as libffi names them. */
#define T_VOID (&ffi_type_void)
#define T_PTR (&ffi_type_pointer)
#define T_INT (&ffi_type_sint)
#define T_S32 (&ffi_type_sint32)   /* __s32 */
#define T_S64 (&ffi_type_sint64)   /* __s64 */
#define T_U64 (&ffi_type_uint64)   /* __u64 */
#define T_U32 (&ffi_type_uint32)   /* __u32 */
#define T_ENUM (&ffi_type_uint)    /* enum bpf_prog_type: all values >= 0 */
#if SIZE_MAX == UINT64_MAX
#define T_SIZE (&ffi_type_uint64)  /* size_t */
#else
#define T_SIZE (&ffi_type_uint32)
#endif

struct fn {
	const char *name;
	const char *node;      /* the version node it must be bound at */
	ffi_type *ret;
	unsigned nargs;
	ffi_type *args[MAX_ARGS];
	/* Filled in at run time. */
	void (*sym)(void);
	ffi_cif cif;
	unsigned calls;
};

/* A C type of the description as libffi's type; NULL if it has none. */
static ffi_type *ffi_type_of(const char *ctype)
{
	static const struct { const char *ctype; ffi_type *t; } m[] = {
		{ "void", T_VOID }, { "int", T_INT }, { "__s32", T_S32 },
		{ "__s64", T_S64 }, { "__u64", T_U64 }, { "size_t", T_SIZE },
		{ "__u32", T_U32 },
		{ "enum bpf_prog_type", T_ENUM },
	};
	size_t i, n = strlen(ctype);

	if (n && ctype[n - 1] == '*')
		return T_PTR;
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (strcmp(m[i].ctype, ctype) == 0)
			return m[i].t;
	return NULL;
}

/* Every exported function: name, version node, return and parameter types,
 * from the API description (lib/mapops.api, through tests/api-table.h). */
static struct fn table[MAPOPS_API_NFUNCTIONS];

static void table_init(void)
{
	size_t i;
	int k;

	for (i = 0; i < MAPOPS_API_NFUNCTIONS; i++) {
		const struct mapops_api_fn *d = &mapops_api_functions[i];
		struct fn *f = &table[i];

		memset(f, 0, sizeof(*f));
		f->name = d->name;
		f->node = d->node;
		f->ret = ffi_type_of(d->ret_ctype);
		ck_assert_msg(f->ret, "%s: no libffi type for %s", d->name,
			      d->ret_ctype);
		f->nargs = (unsigned)d->nargs;
		for (k = 0; k < d->nargs; k++) {
			f->args[k] = ffi_type_of(d->ctypes[k]);
			ck_assert_msg(f->args[k], "%s: no libffi type for %s",
				      d->name, d->ctypes[k]);
		}
	}
}
#define NFN MAPOPS_API_NFUNCTIONS

/*
 * The first two fields of struct mapops_load_opts, as a caller compiled
 * against a smaller struct passes it: sz says 16 bytes, and the library
 * takes the defaults for every field past them.
 */
struct load_opts_head {
	size_t sz;
	const char *prog_name;
};

static const char *map_path;
static void *lib;

static const char *library_name(void)
{
	const char *path = getenv("MAPOPS_LIBRARY");

	return path && *path ? path : SONAME;
}

static struct fn *find(const char *name)
{
	size_t i;

	for (i = 0; i < NFN; i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

/* dlopen()s the library and binds every table entry at its version node. */
static void setup(void)
{
	size_t i;

	table_init();
	lib = dlopen(library_name(), RTLD_NOW | RTLD_LOCAL);
	ck_assert_msg(lib != NULL, "dlopen(%s): %s", library_name(), dlerror());
	for (i = 0; i < NFN; i++) {
		struct fn *f = &table[i];
		void *sym = dlvsym(lib, f->name, f->node);

		ck_assert_msg(sym != NULL, "dlvsym(%s, %s): %s", f->name,
			      f->node, dlerror());
		/* POSIX: a void * from dlsym() may be converted to a function
		 * pointer; memcpy() says so without a cast ISO C frowns on. */
		memcpy(&f->sym, &sym, sizeof(f->sym));
		ck_assert_msg(ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, f->nargs,
					   f->ret, f->args) == FFI_OK,
			      "ffi_prep_cif(%s)", f->name);
		f->calls = 0;
	}
}

static void teardown(void)
{
	if (lib)
		dlclose(lib);
	lib = NULL;
}

/* One argument, stored as the type libffi reads it. */
union val {
	void *p;
	int i;
	unsigned u;
	int32_t s32;
	int64_t s64;
	uint64_t u64;
	size_t z;
};

/*
 * Calls name through libffi with the variadic arguments, each passed as the
 * C type of its table entry (pointers as void *, int as int, __u64 as
 * uint64_t, __s64 as int64_t, size_t as size_t), and returns the result.
 */
static union val vcall(const char *name, ffi_type *ret, va_list ap)
{
	struct fn *f = find(name);
	union val args[MAX_ARGS], r;
	void *avalues[MAX_ARGS];
	union {
		ffi_arg a;
		void *p;
	} rv;
	unsigned i;

	ck_assert_msg(f != NULL, "%s is not in the table", name);
	ck_assert_msg(f->ret == ret, "%s: called for the wrong return type", name);
	for (i = 0; i < f->nargs; i++) {
		ffi_type *t = f->args[i];

		memset(&args[i], 0, sizeof(args[i]));
		if (t == T_PTR)
			args[i].p = va_arg(ap, void *);
		else if (t == T_INT)
			args[i].i = va_arg(ap, int);
		else if (t == T_S32)
			args[i].s32 = (int32_t)va_arg(ap, int);
		else if (t == T_ENUM || t == T_U32)
			args[i].u = va_arg(ap, unsigned);
		else if (t == T_S64)
			args[i].s64 = va_arg(ap, int64_t);
		else if (t == T_SIZE)
			args[i].z = va_arg(ap, size_t);
		else if (t == T_U64)
			args[i].u64 = va_arg(ap, uint64_t);
		else
			ck_abort_msg("%s: argument %u has a type vcall() does not know",
				     name, i);
		avalues[i] = &args[i];
	}
	memset(&rv, 0, sizeof(rv));
	ffi_call(&f->cif, f->sym, &rv, avalues);
	f->calls++;
	memset(&r, 0, sizeof(r));
	if (ret == T_PTR)
		r.p = rv.p;
	else if (ret == T_INT)
		r.i = (int)(ffi_sarg)rv.a;
	else if (ret == T_SIZE)
		r.z = (size_t)rv.a;
	return r;
}

static int icall(const char *name, ...)
{
	union val r;
	va_list ap;

	va_start(ap, name);
	r = vcall(name, T_INT, ap);
	va_end(ap);
	return r.i;
}

static void *pcall(const char *name, ...)
{
	union val r;
	va_list ap;

	va_start(ap, name);
	r = vcall(name, T_PTR, ap);
	va_end(ap);
	return r.p;
}

static size_t zcall(const char *name, ...)
{
	union val r;
	va_list ap;

	va_start(ap, name);
	r = vcall(name, T_SIZE, ap);
	va_end(ap);
	return r.z;
}

static void vcall_void(const char *name, ...)
{
	va_list ap;

	va_start(ap, name);
	vcall(name, T_VOID, ap);
	va_end(ap);
}

/* Calls f through libffi with every argument zero (a NULL handle, NULL
 * pointers) and checks the refusal its result kind promises. */
static void null_call(struct fn *f, const struct mapops_api_fn *d)
{
	union val args[MAX_ARGS];
	void *avalues[MAX_ARGS];
	union {
		ffi_arg a;
		void *p;
	} rv;
	unsigned i;

	memset(args, 0, sizeof(args));
	for (i = 0; i < f->nargs; i++)
		avalues[i] = &args[i];
	memset(&rv, 0, sizeof(rv));
	errno = 0;
	ffi_call(&f->cif, f->sym, &rv, avalues);
	f->calls++;
	if (!strcmp(d->ret_kind, "status") || !strcmp(d->ret_kind, "fd") ||
	    !strcmp(d->ret_kind, "chars")) {
		ck_assert_msg((int)(ffi_sarg)rv.a == -EINVAL && errno == EINVAL,
			      "%s(NULL, ...) returned %d, errno %d", f->name,
			      (int)(ffi_sarg)rv.a, errno);
	} else if (!strcmp(d->ret_kind, "resolved") ||
		   !strcmp(d->ret_kind, "text_or_null")) {
		ck_assert_msg(rv.p == NULL && errno == EINVAL,
			      "%s(NULL, ...) returned %p, errno %d", f->name,
			      rv.p, errno);
	} else if (!strcmp(d->ret_kind, "length")) {
		ck_assert_msg((size_t)rv.a == 0, "%s(NULL) returned %zu",
			      f->name, (size_t)rv.a);
	} else if (!strcmp(d->ret_kind, "text")) {
		ck_assert_msg(rv.p != NULL, "%s(NULL) returned NULL", f->name);
	} else if (!strcmp(d->ret_kind, "map_operand")) {
		int v = (int)(ffi_sarg)rv.a;

		/* With a handle: refused; without (mapops_map_reg(r0)): an
		 * operand, below the errno range. */
		if (d->nargs && !strcmp(d->kinds[0], "prog"))
			ck_assert_msg(v == -EINVAL && errno == EINVAL,
				      "%s(NULL, ...) returned %d, errno %d",
				      f->name, v, errno);
		else
			ck_assert_msg(v < -4095, "%s(0) returned %d", f->name, v);
	} else {
		ck_assert_msg(!strcmp(d->ret_kind, "void"),
			      "%s: no NULL-handle check for result kind %s",
			      f->name, d->ret_kind);
	}
}

/* Appends through ffi, failing the test with the library's message. */
#define EMIT(prog, name, ...)                                               \
	do {                                                                \
		int rc_ = icall(name, prog, __VA_ARGS__);                   \
		ck_assert_msg(rc_ == 0, "%s: %d: %s", name, rc_,            \
			      (const char *)pcall("mapops_prog_error", prog)); \
	} while (0)

/* ---- The version script ------------------------------------------- */

struct mapped {
	char name[128];
	char node[64];
};

/* Reads the "sym;" entries of the version script with their node. */
static size_t read_map(const char *path, struct mapped *out, size_t max)
{
	char node[64] = "", *buf, *p;
	size_t n = 0, len;
	FILE *f = fopen(path, "r");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	buf = calloc(1, 1 << 16);
	ck_assert_ptr_nonnull(buf);
	len = fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	ck_assert_msg(len > 0 && len < (1 << 16) - 1, "%s: cannot read it", path);
	for (p = buf; *p;) {
		char ident[128];
		size_t k = 0;

		if (p[0] == '/' && p[1] == '*') {
			char *end = strstr(p + 2, "*/");

			ck_assert_msg(end != NULL, "%s: unterminated comment", path);
			p = end + 2;
			continue;
		}
		if (!(*p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
		      (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
			p++;
			continue;
		}
		while (*p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
		       (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			ck_assert_msg(k + 1 < sizeof(ident), "%s: a name is too long", path);
			ident[k++] = *p++;
		}
		ident[k] = '\0';
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '{') {
			ck_assert_msg(k < sizeof(node), "%s: node name too long", path);
			memcpy(node, ident, k + 1);
		} else if (*p == ';' && strncmp(ident, "mapops_", 7) == 0) {
			ck_assert_msg(n < max, "%s: more symbols than expected", path);
			memcpy(out[n].name, ident, k + 1);
			memcpy(out[n].node, node, sizeof(node));
			n++;
		}
	}
	free(buf);
	return n;
}

START_TEST(dlvsym_table_covers_version_script)
{
	static struct mapped map[512];
	size_t n = read_map(map_path, map, 512), i, j;

	ck_assert_msg(n > 0, "%s: no symbols", map_path);
	for (i = 0; i < n; i++) {
		struct fn *f = find(map[i].name);

		ck_assert_msg(f != NULL,
			      "%s exports %s (node %s) but the table of tests/test-dlopen-ffi.c lacks it",
			      map_path, map[i].name, map[i].node);
		ck_assert_msg(strcmp(f->node, map[i].node) == 0,
			      "%s is in node %s of %s, the table says %s",
			      map[i].name, map[i].node, map_path, f->node);
	}
	for (i = 0; i < NFN; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(table[i].name, map[j].name) == 0)
				break;
		ck_assert_msg(j < n, "the table has %s, which %s does not export",
			      table[i].name, map_path);
	}
	ck_assert_uint_eq(n, NFN);
}
END_TEST

START_TEST(dlvsym_binds_at_version_node_only)
{
	struct link_map *lm = NULL;
	size_t i;

	ck_assert_int_eq(dlinfo(lib, RTLD_DI_LINKMAP, &lm), 0);
	printf("dlopen(\"%s\") loaded %s\n", library_name(), lm->l_name);
	for (i = 0; i < NFN; i++) {
		void *def = dlsym(lib, table[i].name);
		void *at = dlvsym(lib, table[i].name, table[i].node);

		ck_assert_msg(def != NULL && def == at,
			      "%s: dlsym %p, dlvsym(%s) %p", table[i].name, def,
			      table[i].node, at);
		ck_assert_msg(dlvsym(lib, table[i].name, "MAPOPS_0.9") == NULL,
			      "dlvsym(%s, MAPOPS_0.9) found a symbol",
			      table[i].name);
	}
	ck_assert_ptr_null(dlvsym(lib, "mapops_no_such_function", V1_0));
}
END_TEST

START_TEST(ffi_refusal_sets_errno_and_message)
{
	void *prog = pcall("mapops_prog_new");
	const char *msg;
	int rc;

	ck_assert_ptr_nonnull(prog);
	errno = 0;
	rc = icall("mapops_map_lookup", prog, 3, -520);
	ck_assert_int_eq(rc, -EINVAL);
	ck_assert_int_eq(errno, EINVAL);
	msg = pcall("mapops_prog_error", prog);
	ck_assert_msg(strstr(msg, "mapops_map_lookup: key_stack_off -520") != NULL,
		      "%s", msg);
	ck_assert_uint_eq(zcall("mapops_prog_len", prog), 0);
	msg = pcall("mapops_prog_error", NULL);
	ck_assert_ptr_nonnull(msg);
	vcall_void("mapops_prog_free", prog);
	vcall_void("mapops_prog_free", NULL);
}
END_TEST

/* ---- The kernel ---------------------------------------------------- */

enum { KEY_INC, KEY_ATOMIC, KEY_INIT, KEY_UPDATE, KEY_ABSENT };
#define RUNS 100u
#define RESULT 42

/*
 * Builds, through ffi only, a socket filter that calls every exported
 * function: three counters (map_increment by 1, map_increment_atomic by 2,
 * lookup_or_init + an atomic add of 3), an update of key 3 to 5 by the
 * stack and the pointer forms, deletes and a lookup of an absent key, and
 * arithmetic that turns the 5 read back into 42, the return value.  Any
 * path that sees something unexpected returns 1.
 */
static void build_counter(void *prog, int fd)
{
	struct bpf_insn raw = { .code = BPF_ALU64 | BPF_MOV | BPF_K,
				.dst_reg = BPF_REG_0, .imm = 1 };

	EMIT(prog, "mapops_prog_set_tag", "ffi counter");
	EMIT(prog, "mapops_st_mem", BPF_W, BPF_REG_10, -4, KEY_INC);
	EMIT(prog, "mapops_map_increment", fd, -4, -16, (int64_t)1);
	EMIT(prog, "mapops_st_mem", BPF_W, BPF_REG_10, -20, KEY_ATOMIC);
	EMIT(prog, "mapops_map_increment_atomic", fd, -20, -32, (int64_t)2);
	EMIT(prog, "mapops_st_mem", BPF_W, BPF_REG_10, -36, KEY_INIT);
	EMIT(prog, "mapops_st_mem", BPF_DW, BPF_REG_10, -48, 0);
	EMIT(prog, "mapops_map_lookup_or_init", fd, -36, -48);
	EMIT(prog, "mapops_jmp_imm", BPF_JEQ, BPF_REG_0, 0, "fail");
	EMIT(prog, "mapops_ld_imm64", BPF_REG_1, (uint64_t)3);
	EMIT(prog, "mapops_atomic_op", BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0);
	/* key 3 = 5, by the stack form and again by the pointer form */
	EMIT(prog, "mapops_st_mem", BPF_W, BPF_REG_10, -52, KEY_UPDATE);
	EMIT(prog, "mapops_alu64_imm", BPF_MOV, BPF_REG_1, 5);
	EMIT(prog, "mapops_stx_mem", BPF_DW, BPF_REG_10, BPF_REG_1, -64);
	EMIT(prog, "mapops_map_update", fd, -52, -64, (uint64_t)BPF_ANY);
	EMIT(prog, "mapops_alu64_reg", BPF_MOV, BPF_REG_6, BPF_REG_10);
	EMIT(prog, "mapops_alu64_imm", BPF_ADD, BPF_REG_6, -52);
	EMIT(prog, "mapops_alu64_reg", BPF_MOV, BPF_REG_7, BPF_REG_10);
	EMIT(prog, "mapops_alu64_imm", BPF_ADD, BPF_REG_7, -64);
	EMIT(prog, "mapops_map_update_ptr", fd, BPF_REG_6, BPF_REG_7,
	     (uint64_t)BPF_ANY);
	EMIT(prog, "mapops_map_lookup_ptr", fd, BPF_REG_6);
	EMIT(prog, "mapops_jmp_imm", BPF_JEQ, BPF_REG_0, 0, "fail");
	EMIT(prog, "mapops_ldx_mem", BPF_DW, BPF_REG_8, BPF_REG_0, 0);
	/* key 4 is never there: both deletes miss, the lookup finds nothing */
	EMIT(prog, "mapops_st_mem", BPF_W, BPF_REG_10, -68, KEY_ABSENT);
	EMIT(prog, "mapops_map_delete", fd, -68);
	EMIT(prog, "mapops_alu64_reg", BPF_MOV, BPF_REG_9, BPF_REG_10);
	EMIT(prog, "mapops_alu64_imm", BPF_ADD, BPF_REG_9, -68);
	EMIT(prog, "mapops_map_delete_ptr", fd, BPF_REG_9);
	EMIT(prog, "mapops_map_lookup", fd, -68);
	EMIT(prog, "mapops_jmp_imm", BPF_JNE, BPF_REG_0, 0, "fail");
	/* r8 = 5 * 8 + 2 = 42, checked on the way */
	EMIT(prog, "mapops_alu32_imm", BPF_MUL, BPF_REG_8, 8);
	EMIT(prog, "mapops_alu64_imm", BPF_MOV, BPF_REG_1, 2);
	EMIT(prog, "mapops_alu32_reg", BPF_ADD, BPF_REG_8, BPF_REG_1);
	EMIT(prog, "mapops_alu64_imm", BPF_MOV, BPF_REG_2, (int)htons(2));
	EMIT(prog, "mapops_endian", BPF_TO_BE, BPF_REG_1, 16);
	EMIT(prog, "mapops_jmp_reg", BPF_JNE, BPF_REG_1, BPF_REG_2, "fail");
	EMIT(prog, "mapops_jmp32_imm", BPF_JNE, BPF_REG_8, RESULT, "fail");
	EMIT(prog, "mapops_jmp32_reg", BPF_JNE, BPF_REG_8, BPF_REG_8, "fail");
	EMIT(prog, "mapops_call_helper", BPF_FUNC_get_prandom_u32);
	EMIT(prog, "mapops_ld_map_fd", BPF_REG_1, fd);
	EMIT(prog, "mapops_alu64_reg", BPF_MOV, BPF_REG_0, BPF_REG_8);
	EMIT(prog, "mapops_ja", "done");
	EMIT(prog, "mapops_label", "fail");
	EMIT(prog, "mapops_emit", (void *)&raw, (size_t)1);
	EMIT(prog, "mapops_label", "done");
	ck_assert_int_eq(icall("mapops_exit", prog), 0);
}

static __u64 map_get(int fd, __u32 key)
{
	__u64 v = 0;

	ck_assert_msg(bpf_map_lookup_elem(fd, &key, &v) == 0,
		      "key %u: %s", key, strerror(errno));
	return v;
}

START_TEST(ffi_counter_program_runs_in_kernel)
{
	static const unsigned char pkt[64];
	static unsigned char out[4096];
	LIBBPF_OPTS(bpf_test_run_opts, run);
	struct load_opts_head opts = { sizeof(opts), "ffi_counter" };
	const struct bpf_insn *insns;
	struct bpf_prog_info info;
	__u32 info_len = sizeof(info), key = KEY_ABSENT;
	const char *call = NULL, *tag = NULL;
	char text[64], *dumped = NULL;
	size_t dumped_len = 0;
	FILE *dump;
	unsigned call_index = 0;
	size_t cnt = 0, i;
	__u64 v;
	void *prog;
	int map_fd, prog_fd;

	map_fd = tu_map_create(BPF_MAP_TYPE_HASH, 4, 8, 8);
	prog = pcall("mapops_prog_new");
	ck_assert_ptr_nonnull(prog);
	build_counter(prog, map_fd);

	insns = pcall("mapops_prog_insns", prog, (void *)&cnt);
	ck_assert_msg(insns != NULL, "mapops_prog_insns: %s",
		      (const char *)pcall("mapops_prog_error", prog));
	ck_assert_uint_eq(cnt, zcall("mapops_prog_len", prog));
	ck_assert_uint_eq(insns[cnt - 1].code, BPF_JMP | BPF_EXIT);
	ck_assert_str_eq((const char *)pcall("mapops_prog_error", prog), "");
	ck_assert_int_eq(icall("mapops_prog_insn_origin", prog, (size_t)0,
			       (void *)&call, (void *)&call_index, (void *)&tag), 0);
	ck_assert_str_eq(call, "mapops_st_mem");
	ck_assert_uint_eq(call_index, 1);
	ck_assert_str_eq(tag, "ffi counter");
	ck_assert_int_eq(icall("mapops_insn_snprint", (void *)text, sizeof(text),
			       (void *)insns, cnt, cnt - 1), 4);
	ck_assert_str_eq(text, "exit");
	dump = open_memstream(&dumped, &dumped_len);
	ck_assert_ptr_nonnull(dump);
	ck_assert_int_eq(icall("mapops_prog_dump", prog, (void *)dump), 0);
	fclose(dump);
	ck_assert_msg(strstr(dumped, "; mapops_map_increment #1 (\"ffi counter\")") &&
		      strstr(dumped, "fail:") && strstr(dumped, ": exit"),
		      "mapops_prog_dump wrote:\n%s", dumped);
	free(dumped);

	prog_fd = icall("mapops_prog_load", prog,
			(unsigned)BPF_PROG_TYPE_SOCKET_FILTER, (void *)&opts);
	ck_assert_msg(prog_fd >= 0, "mapops_prog_load: %d: %s", prog_fd,
		      (const char *)pcall("mapops_prog_error", prog));
	memset(&info, 0, sizeof(info));
	ck_assert_int_eq(bpf_obj_get_info_by_fd(prog_fd, &info, &info_len), 0);
	ck_assert_str_eq(info.name, "ffi_counter");

	run.data_in = pkt;
	run.data_size_in = sizeof(pkt);
	run.data_out = out;
	run.data_size_out = sizeof(out);
	run.repeat = RUNS;
	ck_assert_msg(bpf_prog_test_run_opts(prog_fd, &run) == 0,
		      "bpf_prog_test_run_opts: %s", strerror(errno));
	ck_assert_uint_eq(run.retval, RESULT);

	ck_assert_uint_eq(map_get(map_fd, KEY_INC), RUNS);
	ck_assert_uint_eq(map_get(map_fd, KEY_ATOMIC), 2 * RUNS);
	ck_assert_uint_eq(map_get(map_fd, KEY_INIT), 3 * RUNS);
	ck_assert_uint_eq(map_get(map_fd, KEY_UPDATE), 5);
	ck_assert_int_ne(bpf_map_lookup_elem(map_fd, &key, &v), 0);

	ck_assert_msg(strstr(pcall("mapops_prog_dump_text", prog),
			     "; mapops_map_increment #1 (\"ffi counter\")"),
		      "mapops_prog_dump_text: %s",
		      (const char *)pcall("mapops_prog_error", prog));
	vcall_void("mapops_prog_free", prog);
	close(prog_fd);
	tu_close(map_fd);
	/* Every other function is called once with a NULL handle (and zeros
	 * for the rest), and refuses it as its result kind says. */
	for (i = 0; i < NFN; i++)
		if (table[i].calls == 0)
			null_call(&table[i], &mapops_api_functions[i]);
	for (i = 0; i < NFN; i++)
		ck_assert_msg(table[i].calls > 0,
			      "%s was never called through libffi",
			      table[i].name);
}
END_TEST

/* ---- Running ------------------------------------------------------- */

int main(int argc, char **argv)
{
	struct tu_suite ts = { .suite = suite_create("dlopen-ffi"),
			       .setup = setup, .teardown = teardown };

	if (argc != 2) {
		fprintf(stderr, "usage: %s lib/libmapops.map\n", argv[0]);
		return EXIT_FAILURE;
	}
	map_path = argv[1];
	/* Not linked with the library: nothing has loaded it yet. */
	if (dlopen(SONAME, RTLD_NOW | RTLD_NOLOAD)) {
		fprintf(stderr, "FAIL: %s is already loaded: this test must not link it\n",
			SONAME);
		return EXIT_FAILURE;
	}
	TU_CASE(&ts, dlvsym_table_covers_version_script);
	TU_CASE(&ts, dlvsym_binds_at_version_node_only);
	TU_CASE(&ts, ffi_refusal_sets_errno_and_message);
	/* Left out, and the suite reported skipped, when bpf() is refused. */
	TU_KERNEL_CASE(&ts, ffi_counter_program_runs_in_kernel);
	return tu_run(&ts);
}
