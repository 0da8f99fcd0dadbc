/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The shared test vectors (every .json file of tests/vectors, format in
 * tests/vectors/README.md), run against the C library.
 *
 * Every case becomes one iteration of a Check loop test.  Anything the
 * runner cannot understand -- a file that does not parse, a missing or
 * unknown key, an unknown call name, a wrong argument count or type, a bad
 * hex slot, an unknown errno name -- fails that case (or the whole file)
 * loudly; nothing is skipped.  A directory without any case fails too.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "testutil.h"

/* ---- The call table ----------------------------------------------- */

/* Every public builder under its C name without "mapops_", with its
 * arguments' C types: generated from lib/mapops.api (tests/api-table.h). */
#define MAPOPS_API_CALLS
#include "api-table.h"

#define MAX_ARGS MAPOPS_API_MAX_ARGS

/* How a vector argument is read, by the C type of the parameter. */
enum arg_kind {
	A_INT,   /* int */
	A_S32,   /* __s32 */
	A_U64,   /* __u64 */
	A_U32,   /* __u32 */
	A_S64,   /* __s64 */
	A_LABEL, /* const char * */
	A_INSNS, /* const struct bpf_insn *, size_t (one JSON list of slots) */
	A_UNKNOWN,
};

static const char *const kind_names[] = {
	[A_INT] = "int", [A_S32] = "__s32", [A_U64] = "__u64", [A_U32] = "__u32",
	[A_S64] = "__s64", [A_LABEL] = "label string",
	[A_INSNS] = "list of slots", [A_UNKNOWN] = "unknown C type",
};

static enum arg_kind arg_kind_of(const char *ctype)
{
	static const struct { const char *ctype; enum arg_kind kind; } m[] = {
		{ "int", A_INT }, { "__s32", A_S32 }, { "__u64", A_U64 },
		{ "__u32", A_U32 },
		{ "__s64", A_S64 }, { "const char *", A_LABEL },
		{ "insns", A_INSNS },
	};
	size_t i;

	for (i = 0; i < NSLOTS(m); i++)
		if (strcmp(m[i].ctype, ctype) == 0)
			return m[i].kind;
	return A_UNKNOWN;
}

/* One converted argument, as the generated calls take it. */
#define arg mapops_api_arg

/* The one program-level call a vector may make besides the builders:
 * ["bind_map", "name", fd] is mapops_prog_bind_map(). */
static int call_bind_map(mapops_prog_t *p, const struct arg *a)
{
	return mapops_prog_bind_map(p, a[0].s, (int)a[1].i);
}

static const struct mapops_api_call bind_map_call = {
	102, "bind_map", call_bind_map, 2, { "label", "map" },
	{ "const char *", "int" }, 0, { { 0 } },
};

static const struct mapops_api_call *find_call(const char *name)
{
	size_t i;

	if (strcmp(name, bind_map_call.name) == 0)
		return &bind_map_call;
	for (i = 0; i < MAPOPS_API_NCALLS; i++)
		if (strcmp(mapops_api_calls[i].name, name) == 0)
			return &mapops_api_calls[i];
	return NULL;
}

/* The errno names the README allows. */
static const struct { const char *name; int value; } errno_names[] = {
	{ "EINVAL", EINVAL }, { "EBADF", EBADF },   { "ENOENT", ENOENT },
	{ "EEXIST", EEXIST }, { "ERANGE", ERANGE }, { "E2BIG", E2BIG },
	{ "ENAMETOOLONG", ENAMETOOLONG },
};

static const char *errno_name(int e)
{
	size_t i;

	for (i = 0; i < NSLOTS(errno_names); i++)
		if (errno_names[i].value == e)
			return errno_names[i].name;
	return "?";
}

/* ---- The loaded vectors ------------------------------------------- */

/* One loop iteration: a case, or a file that could not be used. */
struct entry {
	char *file;            /* the file's name, for messages */
	json_object *kase;     /* the case (owned by roots[]) */
	json_object *cases;    /* its file's case list, for duplicate names */
	size_t index;          /* its index in that list */
	char *error;           /* set: the file itself is malformed */
};

static struct entry *entries;
static size_t nentries;
static json_object **roots;
static size_t nroots;
static size_t nfiles;

static void add_entry(const char *file, json_object *cases, json_object *kase,
		      size_t index, const char *error)
{
	struct entry *e;

	entries = realloc(entries, (nentries + 1) * sizeof(*entries));
	if (!entries) {
		perror("test-vectors");
		exit(EXIT_FAILURE);
	}
	e = &entries[nentries++];
	e->file = strdup(file);
	e->kase = kase;
	e->cases = cases;
	e->index = index;
	e->error = error ? strdup(error) : NULL;
	if (!e->file || (error && !e->error)) {
		perror("test-vectors");
		exit(EXIT_FAILURE);
	}
}

static bool has_only_keys(json_object *obj, const char *const *keys,
			  size_t nkeys, const char **bad)
{
	json_object_object_foreach(obj, key, val) {
		size_t i;

		(void)val;
		for (i = 0; i < nkeys; i++)
			if (strcmp(key, keys[i]) == 0)
				break;
		if (i == nkeys) {
			*bad = key;
			return false;
		}
	}
	return true;
}

/* Reads one file: its cases become entries, or the file one failing entry. */
static void load_file(const char *dir, const char *name)
{
	static const char *const top_keys[] = { "description", "cases" };
	json_object *root, *desc, *cases;
	char path[4096], msg[1024];
	const char *bad;
	size_t i, n;

	nfiles++;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	root = json_object_from_file(path);
	if (!root) {
		snprintf(msg, sizeof(msg), "cannot be read as JSON: %s",
			 json_util_get_last_err() ? json_util_get_last_err() :
						    "unknown error");
		add_entry(name, NULL, NULL, 0, msg);
		return;
	}
	roots = realloc(roots, (nroots + 1) * sizeof(*roots));
	if (!roots) {
		perror("test-vectors");
		exit(EXIT_FAILURE);
	}
	roots[nroots++] = root;
	if (!json_object_is_type(root, json_type_object)) {
		add_entry(name, NULL, NULL, 0, "the top level is not an object");
		return;
	}
	if (!has_only_keys(root, top_keys, NSLOTS(top_keys), &bad)) {
		snprintf(msg, sizeof(msg),
			 "unknown top-level key \"%s\" (only \"description\" and \"cases\")",
			 bad);
		add_entry(name, NULL, NULL, 0, msg);
		return;
	}
	if (!json_object_object_get_ex(root, "description", &desc) ||
	    !json_object_is_type(desc, json_type_string) ||
	    json_object_get_string_len(desc) == 0) {
		add_entry(name, NULL, NULL, 0,
			  "\"description\" is missing, not a string, or empty");
		return;
	}
	if (!json_object_object_get_ex(root, "cases", &cases) ||
	    !json_object_is_type(cases, json_type_array)) {
		add_entry(name, NULL, NULL, 0,
			  "\"cases\" is missing or not a list");
		return;
	}
	n = json_object_array_length(cases);
	if (n == 0) {
		add_entry(name, NULL, NULL, 0, "\"cases\" is empty");
		return;
	}
	for (i = 0; i < n; i++)
		add_entry(name, cases, json_object_array_get_idx(cases, i), i,
			  NULL);
}

static int is_json_file(const struct dirent *d)
{
	size_t len = strlen(d->d_name);

	return d->d_name[0] != '.' && len > 5 &&
	       strcmp(d->d_name + len - 5, ".json") == 0;
}

/* Loads every *.json of dir, in name order; false if dir is unreadable. */
static bool load_dir(const char *dir)
{
	struct dirent **list;
	int n, i;

	n = scandir(dir, &list, is_json_file, alphasort);
	if (n < 0) {
		fprintf(stderr, "test-vectors: cannot read %s: %s\n", dir,
			strerror(errno));
		return false;
	}
	for (i = 0; i < n; i++) {
		load_file(dir, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return true;
}

static void free_all(void)
{
	size_t i;

	for (i = 0; i < nentries; i++) {
		free(entries[i].file);
		free(entries[i].error);
	}
	free(entries);
	for (i = 0; i < nroots; i++)
		json_object_put(roots[i]);
	free(roots);
}

/* ---- One case ----------------------------------------------------- */

struct call {
	const struct mapops_api_call *def;
	struct arg args[MAX_ARGS];
	/* {"map_ref": "name"}: the operand of mapops_map_ref(prog, name),
	 * taken just before the call (NULL: args[k] as parsed). */
	const char *ref[MAX_ARGS];
};

struct expect_err {
	bool set;
	int err;
	const char *message;
};

/* The state of the running case, released by the teardown even when an
 * assertion ends the test early (CK_FORK=no under valgrind). */
static mapops_prog_t *prog;
static struct call *calls;
static size_t ncalls;
static struct bpf_insn *want;
static struct bpf_insn *snap;
static char where[1024]; /* "file: case N \"name\"" */

static void setup(void)
{
	prog = mapops_prog_new();
	ck_assert_ptr_nonnull(prog);
	calls = NULL;
	ncalls = 0;
	want = NULL;
	snap = NULL;
	where[0] = '\0';
}

static void teardown(void)
{
	size_t i, j;

	for (i = 0; i < ncalls; i++)
		for (j = 0; j < MAX_ARGS; j++)
			free((void *)calls[i].args[j].insns);
	free(calls);
	free(want);
	free(snap);
	mapops_prog_free(prog);
	calls = NULL;
	ncalls = 0;
	want = NULL;
	snap = NULL;
	prog = NULL;
}

/* Fails the case: "file: case N "name": <message>". */
#define fail_case(...) fail_case_(__VA_ARGS__, "")
#define fail_case_(fmt, ...) \
	ck_abort_msg("%s: " fmt "%s", where, __VA_ARGS__)

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parses one 16-hex-digit slot (the README's byte layout). */
static bool parse_slot(json_object *j, struct bpf_insn *out)
{
	unsigned char b[8];
	const char *s;
	int i;

	if (!json_object_is_type(j, json_type_string) ||
	    json_object_get_string_len(j) != 16)
		return false;
	s = json_object_get_string(j);
	for (i = 0; i < 8; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		b[i] = (unsigned char)(hi << 4 | lo);
	}
	memset(out, 0, sizeof(*out));
	out->code = b[0];
	out->dst_reg = b[1] & 0xf;
	out->src_reg = b[1] >> 4;
	out->off = (__s16)(__u16)(b[2] | b[3] << 8);
	out->imm = (__s32)((__u32)b[4] | (__u32)b[5] << 8 |
			   (__u32)b[6] << 16 | (__u32)b[7] << 24);
	return true;
}

/* The README's hex text of a slot (buf: 17 bytes). */
static const char *slot_hex(const struct bpf_insn *in, char *buf)
{
	__u32 imm = (__u32)in->imm;
	__u16 off = (__u16)in->off;

	snprintf(buf, 17, "%02x%02x%02x%02x%02x%02x%02x%02x", in->code,
		 (unsigned)(in->src_reg << 4 | in->dst_reg), off & 0xff,
		 off >> 8, imm & 0xff, (imm >> 8) & 0xff, (imm >> 16) & 0xff,
		 imm >> 24);
	return buf;
}

static bool slot_eq(const struct bpf_insn *a, const struct bpf_insn *b)
{
	return a->code == b->code && a->dst_reg == b->dst_reg &&
	       a->src_reg == b->src_reg && a->off == b->off &&
	       a->imm == b->imm;
}

/* Parses a list of slots into a new array (NULL with *n 0 if empty). */
static struct bpf_insn *parse_slots(json_object *list, size_t *n,
				    const char *what)
{
	struct bpf_insn *v;
	size_t i, len;

	if (!json_object_is_type(list, json_type_array))
		fail_case("%s is not a list of hex slots", what);
	len = json_object_array_length(list);
	*n = len;
	if (len == 0)
		return NULL;
	v = calloc(len, sizeof(*v));
	ck_assert_ptr_nonnull(v);
	for (i = 0; i < len; i++) {
		if (!parse_slot(json_object_array_get_idx(list, i), &v[i])) {
			const char *text = json_object_to_json_string(
				json_object_array_get_idx(list, i));

			free(v);
			fail_case("%s[%zu] is %s, not 16 hex digits", what, i,
				  text);
		}
	}
	return v;
}

/* Reads an integer argument: a JSON integer, or {"int": "TEXT"} parsed with
 * strtoll / strtoull (base 0, negative allowed).  Fails the case if it is
 * neither or out of range; sets *neg and *mag (|value|) otherwise. */
static void parse_integer(json_object *j, bool is_unsigned, bool *neg,
			  unsigned long long *mag, const char *what)
{
	if (json_object_is_type(j, json_type_int)) {
		int64_t v = json_object_get_int64(j);

		if (v == INT64_MAX && json_object_get_uint64(j) >
					      (uint64_t)INT64_MAX) {
			*neg = false;
			*mag = json_object_get_uint64(j);
		} else if (v < 0) {
			*neg = true;
			*mag = (unsigned long long)-(v + 1) + 1;
		} else {
			*neg = false;
			*mag = (unsigned long long)v;
		}
		return;
	}
	if (json_object_is_type(j, json_type_object)) {
		static const char *const int_keys[] = { "int" };
		json_object *t;
		const char *text, *bad;
		char *end;

		if (json_object_object_length(j) != 1 ||
		    !has_only_keys(j, int_keys, 1, &bad) ||
		    !json_object_object_get_ex(j, "int", &t) ||
		    !json_object_is_type(t, json_type_string))
			fail_case("%s is %s, not {\"int\": \"TEXT\"}", what,
				  json_object_to_json_string(j));
		text = json_object_get_string(t);
		if (text[0] == '\0' || isspace((unsigned char)text[0]) ||
		    text[0] == '+')
			fail_case("%s: \"%s\" is not an integer", what, text);
		errno = 0;
		if (is_unsigned) {
			unsigned long long u = strtoull(text, &end, 0);

			*neg = false;
			*mag = u;
		} else {
			long long s = strtoll(text, &end, 0);

			*neg = s < 0;
			*mag = s < 0 ? (unsigned long long)-(s + 1) + 1 :
				       (unsigned long long)s;
		}
		if (*end != '\0' || end == text)
			fail_case("%s: \"%s\" is not an integer", what, text);
		if (errno == ERANGE)
			fail_case("%s: \"%s\" is out of range for %s", what,
				  text, is_unsigned ? "__u64" : "__s64");
		return;
	}
	fail_case("%s is %s, not an integer or {\"int\": \"TEXT\"}", what,
		  json_object_to_json_string(j));
}

/* {"map_ref": "name"} for a map operand: the name, else NULL. */
static const char *parse_map_ref(json_object *j, const char *kind,
				 const char *what)
{
	static const char *const ref_keys[] = { "map_ref" };
	json_object *t;
	const char *bad;

	if (!json_object_is_type(j, json_type_object) ||
	    !json_object_object_get_ex(j, "map_ref", &t))
		return NULL;
	if (strcmp(kind, "map") != 0)
		fail_case("%s is %s, but only a map operand takes {\"map_ref\": NAME}",
			  what, json_object_to_json_string(j));
	if (json_object_object_length(j) != 1 ||
	    !has_only_keys(j, ref_keys, 1, &bad) ||
	    !json_object_is_type(t, json_type_string) ||
	    strlen(json_object_get_string(t)) !=
		    (size_t)json_object_get_string_len(t))
		fail_case("%s is %s, not {\"map_ref\": \"NAME\"}", what,
			  json_object_to_json_string(j));
	return json_object_get_string(t);
}

static void parse_arg(json_object *j, enum arg_kind kind, struct arg *a,
		      const char *what)
{
	unsigned long long mag;
	bool neg;

	switch (kind) {
	case A_INT:
	case A_S32:
		parse_integer(j, false, &neg, &mag, what);
		if (neg ? mag > (unsigned long long)INT_MAX + 1 : mag > INT_MAX)
			fail_case("%s %s%llu is out of range for %s", what,
				  neg ? "-" : "", mag, kind_names[kind]);
		a->i = neg ? (int)(-(long long)mag) : (int)mag;
		return;
	case A_S64:
		parse_integer(j, false, &neg, &mag, what);
		if (neg ? mag > (unsigned long long)INT64_MAX + 1 :
			  mag > (unsigned long long)INT64_MAX)
			fail_case("%s %s%llu is out of range for __s64", what,
				  neg ? "-" : "", mag);
		a->i = neg ? (long long)(0 - mag) : (long long)mag;
		return;
	case A_U64:
		/* Negative values wrap as strtoull and C's conversion do. */
		parse_integer(j, true, &neg, &mag, what);
		if (neg && mag > (unsigned long long)INT64_MAX + 1)
			fail_case("%s -%llu is out of range for __u64", what,
				  mag);
		a->u = neg ? (unsigned long long)(0 - mag) : (unsigned long long)mag;
		return;
	case A_U32:
		parse_integer(j, false, &neg, &mag, what);
		if (neg || mag > UINT32_MAX)
			fail_case("%s %s%llu is out of range for __u32", what,
				  neg ? "-" : "", mag);
		a->u = mag;
		return;
	case A_LABEL:
		if (!json_object_is_type(j, json_type_string))
			fail_case("%s is %s, not a label string", what,
				  json_object_to_json_string(j));
		a->s = json_object_get_string(j);
		if (strlen(a->s) != (size_t)json_object_get_string_len(j))
			fail_case("%s contains a NUL byte", what);
		return;
	case A_INSNS:
		a->insns = parse_slots(j, &a->n, what);
		return;
	case A_UNKNOWN:
		break;
	}
	fail_case("%s: unknown argument kind %d", what, (int)kind);
}

/* Parses "calls" into calls[] (every call checked before any runs). */
static void parse_calls(json_object *list)
{
	size_t i, n;

	if (!json_object_is_type(list, json_type_array))
		fail_case("%s", "\"calls\" is not a list");
	n = json_object_array_length(list);
	calls = calloc(n ? n : 1, sizeof(*calls));
	ck_assert_ptr_nonnull(calls);
	for (i = 0; i < n; i++) {
		json_object *c = json_object_array_get_idx(list, i), *jn;
		const struct mapops_api_call *def;
		const char *name;
		char what[96];
		size_t nargs;
		int k;

		if (!json_object_is_type(c, json_type_array) ||
		    json_object_array_length(c) == 0)
			fail_case("calls[%zu] is %s, not [\"name\", args...]",
				  i, json_object_to_json_string(c));
		jn = json_object_array_get_idx(c, 0);
		if (!json_object_is_type(jn, json_type_string))
			fail_case("calls[%zu]: the name %s is not a string", i,
				  json_object_to_json_string(jn));
		name = json_object_get_string(jn);
		def = find_call(name);
		if (!def)
			fail_case("calls[%zu]: unknown call name \"%s\"", i,
				  name);
		nargs = json_object_array_length(c) - 1;
		if (nargs != (size_t)def->nargs)
			fail_case("calls[%zu]: %s takes %d argument(s) after the program, the vector gives %zu",
				  i, name, def->nargs, nargs);
		calls[i].def = def;
		ncalls = i + 1;
		for (k = 0; k < def->nargs; k++) {
			json_object *ja = json_object_array_get_idx(c, (size_t)k + 1);

			snprintf(what, sizeof(what), "calls[%zu] (%s) argument %d",
				 i, name, k + 1);
			calls[i].ref[k] = parse_map_ref(ja, def->kinds[k], what);
			if (!calls[i].ref[k])
				parse_arg(ja, arg_kind_of(def->ctypes[k]),
					  &calls[i].args[k], what);
		}
	}
	ncalls = n;
}

static void parse_error_spec(json_object *j, const char *key,
			     struct expect_err *e)
{
	static const char *const err_keys[] = { "errno", "message" };
	json_object *je, *jm;
	const char *bad, *name;
	size_t i;

	if (!json_object_is_type(j, json_type_object))
		fail_case("\"%s\" is not an object", key);
	if (!has_only_keys(j, err_keys, NSLOTS(err_keys), &bad))
		fail_case("\"%s\" has an unknown key \"%s\"", key, bad);
	if (!json_object_object_get_ex(j, "errno", &je) ||
	    !json_object_is_type(je, json_type_string))
		fail_case("\"%s\".errno is missing or not a string", key);
	if (!json_object_object_get_ex(j, "message", &jm) ||
	    !json_object_is_type(jm, json_type_string))
		fail_case("\"%s\".message is missing or not a string", key);
	name = json_object_get_string(je);
	for (i = 0; i < NSLOTS(errno_names); i++)
		if (strcmp(errno_names[i].name, name) == 0)
			break;
	if (i == NSLOTS(errno_names))
		fail_case("\"%s\".errno \"%s\" is not one of the README's names",
			  key, name);
	e->set = true;
	e->err = errno_names[i].value;
	e->message = json_object_get_string(jm);
}

static const char *call_text(size_t i)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "calls[%zu] (%s)", i, calls[i].def->name);
	return buf;
}

/* Fails unless got[0..cnt) equals want[0..n), listing the differing slots. */
static void compare_slots(const char *what, const struct bpf_insn *got,
			  size_t cnt, const struct bpf_insn *exp, size_t n)
{
	char msg[4096], g[17], e[17];
	size_t i, len = 0, shown = 0, bad = 0;

	msg[0] = '\0';
	for (i = 0; i < cnt || i < n; i++) {
		if (i < cnt && i < n && slot_eq(&got[i], &exp[i]))
			continue;
		bad++;
		if (shown == 8 || len >= sizeof(msg) - 200)
			continue;
		shown++;
		if (i < cnt && i < n)
			len += (size_t)snprintf(msg + len, sizeof(msg) - len,
				"\n  slot %zu: expected %s, got %s (expected {code 0x%02x dst %u src %u off %d imm %d}, got {code 0x%02x dst %u src %u off %d imm %d})",
				i, slot_hex(&exp[i], e), slot_hex(&got[i], g),
				exp[i].code, exp[i].dst_reg, exp[i].src_reg,
				exp[i].off, exp[i].imm, got[i].code,
				got[i].dst_reg, got[i].src_reg, got[i].off,
				got[i].imm);
		else if (i < n)
			len += (size_t)snprintf(msg + len, sizeof(msg) - len,
				"\n  slot %zu: expected %s, got nothing", i,
				slot_hex(&exp[i], e));
		else
			len += (size_t)snprintf(msg + len, sizeof(msg) - len,
				"\n  slot %zu: expected nothing, got %s", i,
				slot_hex(&got[i], g));
	}
	if (bad)
		fail_case("%s: %zu slot(s), expected %zu; %zu slot(s) differ:%s%s",
			  what, cnt, n, bad, msg,
			  bad > shown ? "\n  ..." : "");
}

static void check_failure(const char *what, int rc, int err_seen,
			  const struct expect_err *e)
{
	const char *msg = mapops_prog_error(prog);

	if (rc != -e->err)
		fail_case("%s returned %d, expected %d (-%s); message \"%s\"",
			  what, rc, -e->err, errno_name(e->err), msg);
	if (err_seen != e->err)
		fail_case("%s set errno %d (%s), expected %d (%s)", what,
			  err_seen, errno_name(err_seen), e->err,
			  errno_name(e->err));
	if (!strstr(msg, e->message))
		fail_case("%s: message \"%s\" does not contain \"%s\"", what,
			  msg, e->message);
}

/* Takes the map_ref operands of calls[i] (as a binding's caller would,
 * right before the call). */
static void take_refs(size_t i)
{
	int k;

	for (k = 0; k < calls[i].def->nargs; k++) {
		int op;

		if (!calls[i].ref[k])
			continue;
		op = mapops_map_ref(prog, calls[i].ref[k]);
		if (op < 0 && op > -4096)
			fail_case("%s argument %d: mapops_map_ref(\"%s\") failed with %d: %s",
				  call_text(i), k + 1, calls[i].ref[k], op,
				  mapops_prog_error(prog));
		calls[i].args[k].i = op;
	}
}

static void run_calls(size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++) {
		int rc;

		take_refs(i);
		errno = 0;
		rc = calls[i].def->call(prog, calls[i].args);
		if (rc != 0)
			fail_case("%s failed with %d (%s): %s", call_text(i),
				  rc, errno_name(-rc), mapops_prog_error(prog));
	}
}

START_TEST(vector_case)
{
	static const char *const case_keys[] = { "name", "calls", "insns",
						  "error", "resolve_error" };
	const struct entry *en = &entries[_i];
	json_object *jname, *jcalls, *jinsns = NULL, *jerr = NULL,
		    *jres = NULL;
	struct expect_err err = { 0 }, res = { 0 };
	const struct bpf_insn *got;
	const char *name, *bad;
	size_t nwant = 0, cnt, i;

	snprintf(where, sizeof(where), "%s", en->file);
	if (en->error)
		fail_case("%s", en->error);
	snprintf(where, sizeof(where), "%s: case %zu", en->file, en->index);
	if (!json_object_is_type(en->kase, json_type_object))
		fail_case("%s", "is not an object");
	if (!json_object_object_get_ex(en->kase, "name", &jname) ||
	    !json_object_is_type(jname, json_type_string) ||
	    json_object_get_string_len(jname) == 0)
		fail_case("%s", "has no \"name\" string");
	name = json_object_get_string(jname);
	snprintf(where, sizeof(where), "%s: case %zu \"%s\"", en->file,
		 en->index, name);
	if (!has_only_keys(en->kase, case_keys, NSLOTS(case_keys), &bad))
		fail_case("unknown key \"%s\"", bad);
	for (i = 0; i < en->index; i++) {
		json_object *other = json_object_array_get_idx(en->cases, i), *on;

		if (json_object_is_type(other, json_type_object) &&
		    json_object_object_get_ex(other, "name", &on) &&
		    json_object_is_type(on, json_type_string) &&
		    strcmp(json_object_get_string(on), name) == 0)
			fail_case("the name is already used by case %zu", i);
	}
	if (!json_object_object_get_ex(en->kase, "calls", &jcalls))
		fail_case("%s", "has no \"calls\"");
	json_object_object_get_ex(en->kase, "insns", &jinsns);
	json_object_object_get_ex(en->kase, "error", &jerr);
	json_object_object_get_ex(en->kase, "resolve_error", &jres);
	if (jerr)
		parse_error_spec(jerr, "error", &err);
	if (jres)
		parse_error_spec(jres, "resolve_error", &res);
	if (err.set && res.set)
		fail_case("%s", "has both \"error\" and \"resolve_error\"");
	if (res.set && jinsns)
		fail_case("%s", "has \"resolve_error\" and \"insns\"");
	if (!res.set && !jinsns)
		fail_case("%s", "has no \"insns\"");
	if (jinsns)
		want = parse_slots(jinsns, &nwant, "\"insns\"");
	parse_calls(jcalls);
	if (err.set && ncalls == 0)
		fail_case("%s", "has \"error\" but no call to fail");

	if (err.set) {
		size_t last = ncalls - 1, len0;
		int rc, seen;

		run_calls(last);
		/* The program before the failing call, to prove it unchanged. */
		got = mapops_prog_insns(prog, &cnt);
		if (!got)
			fail_case("the program before the failing call does not resolve: %s",
				  mapops_prog_error(prog));
		len0 = cnt;
		snap = malloc((cnt ? cnt : 1) * sizeof(*snap));
		ck_assert_ptr_nonnull(snap);
		memcpy(snap, got, cnt * sizeof(*snap));
		take_refs(last);
		errno = 0;
		rc = calls[last].def->call(prog, calls[last].args);
		seen = errno;
		check_failure(call_text(last), rc, seen, &err);
		if (mapops_prog_len(prog) != len0)
			fail_case("the failed %s changed the length from %zu to %zu",
				  call_text(last), len0, mapops_prog_len(prog));
		got = mapops_prog_insns(prog, &cnt);
		if (!got)
			fail_case("after the failed %s the program does not resolve: %s",
				  call_text(last), mapops_prog_error(prog));
		compare_slots("the program after the failed call, against the program before it",
			      got, cnt, snap, len0);
		compare_slots("\"insns\"", got, cnt, want, nwant);
	} else if (res.set) {
		size_t len0;
		int seen;

		run_calls(ncalls);
		len0 = mapops_prog_len(prog);
		cnt = (size_t)-1;
		errno = 0;
		got = mapops_prog_insns(prog, &cnt);
		seen = errno;
		if (got)
			fail_case("mapops_prog_insns resolved %zu slots, expected it to fail with %s",
				  cnt, errno_name(res.err));
		check_failure("mapops_prog_insns", -seen, seen, &res);
		if (cnt != (size_t)-1)
			fail_case("the failed mapops_prog_insns stored %zu in *cnt",
				  cnt);
		if (mapops_prog_len(prog) != len0)
			fail_case("the failed mapops_prog_insns changed the length from %zu to %zu",
				  len0, mapops_prog_len(prog));
	} else {
		run_calls(ncalls);
		got = mapops_prog_insns(prog, &cnt);
		if (!got)
			fail_case("mapops_prog_insns failed (%s): %s",
				  errno_name(errno), mapops_prog_error(prog));
		if (mapops_prog_len(prog) != cnt)
			fail_case("mapops_prog_len() is %zu but mapops_prog_insns() gave %zu slots",
				  mapops_prog_len(prog), cnt);
		compare_slots("\"insns\"", got, cnt, want, nwant);
	}
}
END_TEST

int main(int argc, char **argv)
{
	struct tu_suite ts = { .setup = setup, .teardown = teardown };
	char **names;
	size_t i, j;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: %s VECTORS_DIR\n", argv[0]);
		return EXIT_FAILURE;
	}
	if (!load_dir(argv[1]))
		return EXIT_FAILURE;
	if (nentries == 0) {
		char msg[4200];

		snprintf(msg, sizeof(msg), "no vector cases found in %s",
			 argv[1]);
		add_entry("(none)", NULL, NULL, 0, msg);
		fprintf(stderr, "test-vectors: %s\n", msg);
	}
	fprintf(stderr, "test-vectors: %zu case(s) from %zu file(s) in %s\n",
		nentries, nfiles, argv[1]);

	ts.suite = suite_create("vectors");
	names = calloc(nentries, sizeof(*names));
	if (!names) {
		perror("test-vectors");
		return EXIT_FAILURE;
	}

	/* One case per vector, named after its file and its "name":
	 * CK_RUN_CASE=maps_map_lookup_fd_7_key_at_r10_8 runs that one. */
	for (i = 0; i < nentries; i++) {
		const struct entry *en = &entries[i];
		json_object *jname;
		char raw[512], base[256], name[300];
		const char *stem = strrchr(en->file, '/');

		stem = stem ? stem + 1 : en->file;
		if (en->kase && json_object_is_type(en->kase, json_type_object) &&
		    json_object_object_get_ex(en->kase, "name", &jname) &&
		    json_object_is_type(jname, json_type_string))
			snprintf(raw, sizeof(raw), "%.*s_%s",
				 (int)strcspn(stem, "."), stem,
				 json_object_get_string(jname));
		else
			snprintf(raw, sizeof(raw), "%.*s_case_%zu",
				 (int)strcspn(stem, "."), stem, en->index);
		tu_case_name(base, sizeof(base), raw);
		/* Two names that differ only in punctuation get the case's
		 * index too (duplicate names themselves fail the case). */
		snprintf(name, sizeof(name), "%s", base);
		for (j = 0; j < i; j++)
			if (strcmp(names[j], base) == 0)
				snprintf(name, sizeof(name), "%s_%zu", base,
					 en->index);
		names[i] = strdup(base);
		if (!names[i]) {
			perror("test-vectors");
			return EXIT_FAILURE;
		}
		tu_case(&ts, name, vector_case, (int)i, (int)i + 1, false);
	}
	rc = tu_run(&ts);
	for (i = 0; i < nentries; i++)
		free(names[i]);
	free(names);
	free_all();
	return rc;
}
