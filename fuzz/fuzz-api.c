/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * libFuzzer target for the whole builder API.
 *
 * The input is decoded into a sequence of public calls with arbitrary
 * arguments (a NULL handle now and then, registers -2..16, offsets from the
 * whole int range with a bias to the stack's edges, flags, label names that
 * are long, empty, duplicate or random bytes, raw instructions including
 * split ld_imm64 pairs, huge counts, tags, provenance queries), all run on
 * one program.  The harness keeps its own model of the program, written
 * from <mapops/mapops.h> alone: a shadow copy of every slot, the labels,
 * the jumps, where each slot came from, whether an ld_imm64 is open.  After
 * EVERY call it checks:
 *
 *  - the call succeeded exactly when the header says it must (and failed
 *    with one of the errnos the header gives for the arguments);
 *  - a failure returned a negative errno, set errno to match, changed
 *    neither mapops_prog_len() nor any byte already emitted, and left a
 *    non-empty message naming the function in mapops_prog_error();
 *  - a success appended exactly the documented number of slots, encoded as
 *    the header says, and left every earlier byte and the error text alone;
 *  - mapops_prog_insns() either resolves every label jump to
 *    off = target - slot - 1 with the target inside the program and not
 *    the second slot of an ld_imm64 (found by scanning the bytes), or fails
 *    exactly when the model says, with a message;
 *  - mapops_prog_insn_origin() reports the call, its index and the tag the
 *    harness recorded for that slot.
 *
 * Any violation prints what was expected and abort()s.  The fuzzer never
 * loads anything into the kernel.
 *
 * Built from the library's sources (fuzz/run.sh), so it may read the
 * program's raw slots through lib/internal.h when they do not resolve.
 *
 * MAPOPS_FUZZ_NO_ALIAS=1 in the environment turns off the calls that pass
 * the program's own storage back to it (a tag returned by
 * mapops_prog_insn_origin() to mapops_prog_set_tag(), slots returned by
 * mapops_prog_insns() to mapops_emit()).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mapops/mapops.h>

#include "internal.h"

/* The printing API (lib/print.c) is exercised when it is linked in. */
int mapops_insn_snprint(char *buf, size_t size, const struct bpf_insn *insns,
			size_t cnt, size_t slot) __attribute__((weak));
int mapops_prog_dump(mapops_prog_t *prog, FILE *out) __attribute__((weak));

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Failing allocations.  fuzz/run.sh compiles the library with
 * -Dmalloc=mapops_fuzz_malloc (calloc, realloc likewise), so every
 * allocation the library makes comes here; an input can make the Nth
 * allocation from now fail (once).  A call during which one failed must
 * fail with -ENOMEM and change nothing.
 */
void *mapops_fuzz_malloc(size_t size);
void *mapops_fuzz_calloc(size_t nmemb, size_t size);
void *mapops_fuzz_realloc(void *ptr, size_t size);

static long fail_countdown = -1; /* allocations until one fails; -1: none */
static bool fail_fired;          /* one failed during the current call */

static bool inject_failure(void)
{
	if (fail_countdown < 0)
		return false;
	if (fail_countdown-- == 0) {
		fail_fired = true;
		return true;
	}
	return false;
}

void *mapops_fuzz_malloc(size_t size)
{
	return inject_failure() ? NULL : malloc(size);
}

void *mapops_fuzz_calloc(size_t nmemb, size_t size)
{
	return inject_failure() ? NULL : calloc(nmemb, size);
}

void *mapops_fuzz_realloc(void *ptr, size_t size)
{
	return inject_failure() ? NULL : realloc(ptr, size);
}

#define MAX_CALLS 4096

/* The harness's own per-slot loops: no coverage feedback from them (it
 * would only slow the fuzzer down on long programs). */
#define HARNESS_LOOP __attribute__((no_sanitize("coverage")))
#define LD64 (BPF_LD | BPF_IMM | BPF_DW)

static bool no_alias;
static FILE *devnull;

/* ---- Failing ----------------------------------------------------------- */

static const char *cur_call = "(none)";
static unsigned long call_no;

__attribute__((noreturn, format(printf, 1, 2))) static void fail(const char *fmt,
								 ...)
{
	va_list ap;

	fprintf(stderr, "\nINVARIANT VIOLATED in call #%lu (%s): ", call_no,
		cur_call);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

#define CHECK(cond, ...)                  \
	do {                              \
		if (!(cond))              \
			fail(__VA_ARGS__); \
	} while (0)

/* ---- Reading the input ------------------------------------------------- */

struct rd {
	const uint8_t *p;
	size_t n;
};

static uint8_t u8(struct rd *r)
{
	if (!r->n)
		return 0;
	r->n--;
	return *r->p++;
}

static uint16_t u16(struct rd *r)
{
	uint16_t v = u8(r);

	return (uint16_t)(v | (uint16_t)(u8(r) << 8));
}

static uint32_t u32(struct rd *r)
{
	uint32_t v = u16(r);

	return v | ((uint32_t)u16(r) << 16);
}

static uint64_t u64(struct rd *r)
{
	uint64_t v = u32(r);

	return v | ((uint64_t)u32(r) << 32);
}

#define PICK(r, arr) ((arr)[u8(r) % (sizeof(arr) / sizeof((arr)[0]))])

static int get_reg(struct rd *r)
{
	static const int odd[] = { INT_MIN, INT_MAX, -100, 255, 11, 10, -1 };
	uint8_t b = u8(r);

	if (b < 247)
		return (int)(b % 19) - 2; /* -2 .. 16 */
	return odd[b % 7];
}

static int get_off(struct rd *r)
{
	static const int edges[] = {
		-512, -513, -1, 0, -8, -511, -504, -505, -7, -9, -16, -2,
		-4, 1, 8, -32768, -32769, 32767, 32768, INT_MIN, INT_MAX,
		-520, -256, -3, -5, -6, -508, -510, -24, -12,
	};
	uint8_t s = u8(r);

	if (s < 128)
		return PICK(r, edges);
	if (s < 192)
		return -(int)(u16(r) % 530);
	if (s < 232)
		return -8 * (int)(u8(r) % 66);
	return (int)u32(r);
}

static int32_t get_imm(struct rd *r)
{
	static const int32_t edges[] = {
		0, 1, -1, 2, 7, 8, 16, 31, 32, 63, 64, -17, INT32_MIN,
		INT32_MAX, -512, 4096,
	};
	uint8_t s = u8(r);

	if (s < 160)
		return PICK(r, edges);
	return (int32_t)u32(r);
}

static int64_t get_s64(struct rd *r)
{
	static const int64_t edges[] = {
		0, 1, -1, INT32_MAX, INT32_MIN, (int64_t)INT32_MAX + 1,
		(int64_t)INT32_MIN - 1, INT64_MAX, INT64_MIN,
		(int64_t)1 << 32, 0xffffffffLL, 100,
	};
	uint8_t s = u8(r);

	if (s < 160)
		return PICK(r, edges);
	return (int64_t)u64(r);
}

static uint64_t get_flags(struct rd *r)
{
	static const uint64_t edges[] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 16, (uint64_t)1 << 32, UINT64_MAX,
		0x80000000u, 0x100000004ull,
	};
	uint8_t s = u8(r);

	if (s < 200)
		return PICK(r, edges);
	return u64(r);
}

static int get_fd(struct rd *r)
{
	static const int edges[] = {
		-1, -2, INT_MIN, 0, 1, 2, 3, 100, INT_MAX, -100, 7,
	};
	uint8_t s = u8(r);

	if (s < 200)
		return PICK(r, edges);
	return (int)u32(r);
}

static int get_helper(struct rd *r)
{
	static const int edges[] = {
		0, -1, 1, 2, 3, 5, 6, INT_MAX, INT_MIN, 212, 1000,
	};
	uint8_t s = u8(r);

	if (s < 200)
		return PICK(r, edges);
	return (int)u32(r);
}

static int get_size(struct rd *r)
{
	static const int sizes[] = {
		BPF_W, BPF_H, BPF_B, BPF_DW, BPF_W, BPF_H, BPF_B, BPF_DW,
		0x20, 0x01, -1, 0x19, 0x60, 0x18 | 0x60,
	};
	uint8_t s = u8(r);

	if (s < 240)
		return PICK(r, sizes);
	return (int)u32(r);
}

static const int alu_ops[] = {
	BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_MOD, BPF_OR, BPF_AND, BPF_XOR,
	BPF_LSH, BPF_RSH, BPF_ARSH, BPF_MOV, BPF_NEG,
	/* not ALU operations */
	BPF_END, 0xe0, 0xf0, 0x08, 0x01, -1, 0x100,
};

static int get_alu_op(struct rd *r)
{
	uint8_t s = u8(r);

	if (s < 240)
		return PICK(r, alu_ops);
	return (int)u32(r);
}

static const int jmp_ops[] = {
	BPF_JEQ, BPF_JNE, BPF_JGT, BPF_JGE, BPF_JLT, BPF_JLE, BPF_JSET,
	BPF_JSGT, BPF_JSGE, BPF_JSLT, BPF_JSLE,
	/* not conditional jumps */
	BPF_JA, BPF_CALL, BPF_EXIT, 0xe0, 0xf0, 0x08, 0x15, -1,
};

static int get_jmp_op(struct rd *r)
{
	uint8_t s = u8(r);

	if (s < 240)
		return PICK(r, jmp_ops);
	return (int)u32(r);
}

static int get_atomic_op(struct rd *r)
{
	static const int ops[] = {
		BPF_ADD, BPF_OR, BPF_AND, BPF_XOR, BPF_ADD | BPF_FETCH,
		BPF_OR | BPF_FETCH, BPF_AND | BPF_FETCH, BPF_XOR | BPF_FETCH,
		BPF_XCHG, BPF_CMPXCHG,
		/* not atomic operations */
		BPF_SUB, BPF_SUB | BPF_FETCH, 0xe0, 0xf0, 0x02, -1, BPF_MUL,
	};
	uint8_t s = u8(r);

	if (s < 240)
		return PICK(r, ops);
	return (int)u32(r);
}

/* ---- The rules, from the header alone ----------------------------------- */

enum {
	X_INVAL = 1 << 0,
	X_BADF = 1 << 1,
	X_2BIG = 1 << 2,
	X_NAMETOOLONG = 1 << 3,
	X_EXIST = 1 << 4,
	X_NOENT = 1 << 5,
	X_RANGE = 1 << 6,
	X_NOMEM = 1 << 7,
};

static unsigned errno_bit(int e)
{
	switch (e) {
	case EINVAL: return X_INVAL;
	case EBADF: return X_BADF;
	case E2BIG: return X_2BIG;
	case ENAMETOOLONG: return X_NAMETOOLONG;
	case EEXIST: return X_EXIST;
	case ENOENT: return X_NOENT;
	case ERANGE: return X_RANGE;
	case ENOMEM: return X_NOMEM;
	default: return 0;
	}
}

static bool reg_ok(int r) { return r >= 0 && r <= 10; }
static bool dst_ok(int r) { return r >= 0 && r <= 9; }
static bool ptr_ok(int r) { return r >= 0 && r <= 9; }
static bool stack_ok(int off) { return off >= -512 && off <= -1; }
static bool off16_ok(int off) { return off >= -32768 && off <= 32767; }

static bool alu_op_ok(int op, bool imm_form)
{
	switch (op) {
	case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_DIV: case BPF_MOD:
	case BPF_OR: case BPF_AND: case BPF_XOR: case BPF_LSH: case BPF_RSH:
	case BPF_ARSH: case BPF_MOV:
		return true;
	case BPF_NEG:
		return imm_form;
	default:
		return false;
	}
}

static bool jmp_op_ok(int op)
{
	switch (op) {
	case BPF_JEQ: case BPF_JNE: case BPF_JGT: case BPF_JGE: case BPF_JLT:
	case BPF_JLE: case BPF_JSET: case BPF_JSGT: case BPF_JSGE:
	case BPF_JSLT: case BPF_JSLE:
		return true;
	default:
		return false;
	}
}

static int size_bytes(int size)
{
	switch (size) {
	case BPF_B: return 1;
	case BPF_H: return 2;
	case BPF_W: return 4;
	case BPF_DW: return 8;
	default: return 0;
	}
}

static bool atomic_op_ok(int op)
{
	switch (op) {
	case BPF_ADD: case BPF_OR: case BPF_AND: case BPF_XOR:
	case BPF_ADD | BPF_FETCH: case BPF_OR | BPF_FETCH:
	case BPF_AND | BPF_FETCH: case BPF_XOR | BPF_FETCH:
	case BPF_XCHG: case BPF_CMPXCHG:
		return true;
	default:
		return false;
	}
}

static bool flags_ok(uint64_t f)
{
	if (f & ~(uint64_t)(BPF_NOEXIST | BPF_EXIST | BPF_F_LOCK))
		return false;
	return (f & (BPF_NOEXIST | BPF_EXIST)) != (BPF_NOEXIST | BPF_EXIST);
}

/* [off, off + size) inside the frame, when the base is r10. */
static bool mem_ok(int size, int base, int off)
{
	int n = size_bytes(size);

	if (!n || !off16_ok(off))
		return false;
	if (base == BPF_REG_10) /* inside the frame, aligned to its size */
		return off >= -512 && (long long)off + n <= 0 && off % n == 0;
	return true;
}

static bool counter_ok(int key, int value)
{
	if (!stack_ok(key) || value < -512 || value > -8 || (value & 7))
		return false;
	return !(key >= value && key < value + 8);
}

/*
 * How a message quotes caller text: control bytes as \xNN, backslashes
 * doubled (written here apart from the library's lib/escape.c, as an
 * oracle).  Only the first 100 bytes: a long escaped name may be cut.
 */
static const char *escaped_prefix(const char *s)
{
	static char buf[128];
	size_t n = 0;

	for (; *s && n < 100; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\')
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\\\");
		else if (c < 0x20 || c == 0x7f)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\x%02x", c);
		else
			buf[n++] = (char)c;
	}
	buf[n < 100 ? n : 100] = '\0';
	return buf;
}

/* ---- The model ----------------------------------------------------------- */

struct mlabel {
	char *name;
	size_t len;
	long slot; /* -1: not bound */
};

struct mjump {
	size_t slot;
	size_t label;
};

struct morigin {
	const char *fn;
	unsigned index;
	long tag; /* index into tags, -1: none */
};

struct fncount {
	const char *fn;
	unsigned n;
};

struct model {
	mapops_prog_t *prog;
	struct bpf_insn *shadow; /* the slots as the program must hold them */
	uint32_t *slot_org;      /* slot -> origins[] */
	bool *second;            /* slot is the second half of an ld_imm64 */
	size_t len, cap;
	bool open;               /* the last slot opens an ld_imm64 */
	struct mlabel *labels;
	size_t nlabels, cap_labels;
	struct mjump *jumps;
	size_t njumps, cap_jumps;
	struct morigin *origins;
	size_t norigins, cap_origins;
	char **tags;
	size_t ntags, cap_tags;
	long cur_tag;
	struct fncount counts[64];
	size_t ncounts;
	char errtext[MAPOPS_ERR_MAX + 8]; /* mapops_prog_error() before the call */
	char *pool[32];          /* names used so far, for duplicates */
	size_t npool;
};

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fprintf(stderr, "harness: out of memory\n");
		abort();
	}
	return q;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xrealloc(NULL, n);

	memcpy(p, s, n);
	return p;
}

#define GROW(arr, cnt, cap, need)                                        \
	do {                                                             \
		if ((need) > (cap)) {                                    \
			size_t nc_ = (cap) ? (cap) : 16;                 \
			while (nc_ < (need))                             \
				nc_ *= 2;                                \
			(arr) = xrealloc((arr), nc_ * sizeof(*(arr)));   \
			(cap) = nc_;                                     \
		}                                                        \
	} while (0)

static void model_reserve(struct model *m, size_t need)
{
	size_t nc = m->cap ? m->cap : 64;

	if (need <= m->cap)
		return;
	while (nc < need)
		nc *= 2;
	m->shadow = xrealloc(m->shadow, nc * sizeof(*m->shadow));
	m->slot_org = xrealloc(m->slot_org, nc * sizeof(*m->slot_org));
	m->second = xrealloc(m->second, nc * sizeof(*m->second));
	m->cap = nc;
}

static long find_label(const struct model *m, const char *name)
{
	size_t len = strlen(name), i;

	for (i = 0; i < m->nlabels; i++)
		if (m->labels[i].len == len &&
		    memcmp(m->labels[i].name, name, len) == 0)
			return (long)i;
	return -1;
}

static size_t add_label(struct model *m, const char *name)
{
	long i = find_label(m, name);

	if (i >= 0)
		return (size_t)i;
	GROW(m->labels, m->nlabels, m->cap_labels, m->nlabels + 1);
	m->labels[m->nlabels].name = xstrdup(name);
	m->labels[m->nlabels].len = strlen(name);
	m->labels[m->nlabels].slot = -1;
	return m->nlabels++;
}

static void pool_add(struct model *m, const char *name)
{
	size_t i;

	if (!name || strlen(name) > 1000)
		return;
	for (i = 0; i < m->npool; i++)
		if (strcmp(m->pool[i], name) == 0)
			return;
	if (m->npool < 32) {
		m->pool[m->npool++] = xstrdup(name);
	} else {
		free(m->pool[m->npool - 1]);
		m->pool[m->npool - 1] = xstrdup(name);
	}
}

static unsigned next_index(struct model *m, const char *fn)
{
	size_t i;

	for (i = 0; i < m->ncounts; i++)
		if (strcmp(m->counts[i].fn, fn) == 0)
			return ++m->counts[i].n;
	if (m->ncounts < 64) {
		m->counts[m->ncounts].fn = fn;
		m->counts[m->ncounts].n = 1;
		m->ncounts++;
	}
	return 1;
}

static void model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->nlabels; i++)
		free(m->labels[i].name);
	for (i = 0; i < m->ntags; i++)
		free(m->tags[i]);
	for (i = 0; i < m->npool; i++)
		free(m->pool[i]);
	free(m->labels);
	free(m->jumps);
	free(m->origins);
	free(m->tags);
	free(m->shadow);
	free(m->slot_org);
	free(m->second);
}

/* ---- Comparing the program with the model -------------------------------- */

HARNESS_LOOP static bool insn_eq(const struct bpf_insn *a, const struct bpf_insn *b)
{
	return a->code == b->code && a->dst_reg == b->dst_reg &&
	       a->src_reg == b->src_reg && a->off == b->off && a->imm == b->imm;
}

static const char *fmt_insn(const struct bpf_insn *i, char *buf, size_t n)
{
	snprintf(buf, n, "{code 0x%02x dst %u src %u off %d imm %d}", i->code,
		 i->dst_reg, i->src_reg, i->off, i->imm);
	return buf;
}

HARNESS_LOOP static void check_slot(const struct model *m, const struct bpf_insn *arr,
		       size_t i)
{
	char a[96], b[96];

	CHECK(insn_eq(&arr[i], &m->shadow[i]),
	      "slot %zu changed: program has %s, expected %s", i,
	      fmt_insn(&arr[i], a, sizeof(a)), fmt_insn(&m->shadow[i], b, sizeof(b)));
}

/* Programs longer than this are compared in full only at the end of each
 * input, and sampled after each call (the first and last 1024 slots, every
 * 1021st, every jump): comparing megabytes after every call would make the
 * fuzzer crawl. */
#define FULL_COMPARE_MAX 4096

/* Every slot of arr in [0, upto) equals the shadow; sampled for long
 * programs. */
HARNESS_LOOP static void check_array(const struct model *m, const struct bpf_insn *arr,
			size_t upto, bool full)
{
	size_t i;

	CHECK(upto <= m->len, "harness: upto %zu > len %zu", upto, m->len);
	if (!upto)
		return;
	if (full || upto <= FULL_COMPARE_MAX) {
		if (memcmp(arr, m->shadow, upto * sizeof(*m->shadow)))
			for (i = 0; i < upto; i++)
				check_slot(m, arr, i);
		return;
	}
	for (i = 0; i < 1024; i++)
		check_slot(m, arr, i);
	for (i = upto - 1024; i < upto; i++)
		check_slot(m, arr, i);
	for (i = 0; i < upto; i += 1021)
		check_slot(m, arr, i);
	for (i = 0; i < m->njumps; i++)
		if (m->jumps[i].slot < upto)
			check_slot(m, arr, m->jumps[i].slot);
}

/* The program's raw slots (prog->insns) in [0, upto) are the shadow's. */
static void check_bytes(const struct model *m, size_t upto, bool full)
{
	check_array(m, m->prog->insns, upto, full);
}

/* The program's slots are the model's: length and every byte. */
static void check_unchanged(const struct model *m)
{
	CHECK(mapops_prog_len(m->prog) == m->len,
	      "mapops_prog_len is %zu, the model has %zu slots",
	      mapops_prog_len(m->prog), m->len);
	CHECK(m->prog->len == m->len, "prog->len %zu, model %zu", m->prog->len,
	      m->len);
	check_bytes(m, m->len, false);
}

/* ---- One call ------------------------------------------------------------- */

/* What the header says about the call being made. */
struct expect {
	const char *fn;
	bool null_prog;   /* the handle passed is NULL */
	unsigned errs;    /* errnos it may fail with; 0: it must succeed */
	size_t slots;     /* slots it appends on success */
	bool keeps_text;  /* a failure leaves the error text alone */
	bool any;         /* success or failure both allowed (errs then) */
	/* the exact slots it must append, when known (n_exp == slots) */
	struct bpf_insn exp[40];
	size_t n_exp;
	bool is_raw;      /* mapops_emit: slots scanned for ld_imm64 pairs */
};

static void exp_init(struct expect *e, const char *fn, bool null_prog)
{
	memset(e, 0, sizeof(*e));
	e->fn = fn;
	e->null_prog = null_prog;
	cur_call = fn;
}

/* The common checks before the call's own. */
static void before(struct model *m, struct expect *e)
{
	const char *t = mapops_prog_error(m->prog);

	CHECK(strlen(t) < sizeof(m->errtext), "error text too long (%zu)",
	      strlen(t));
	strcpy(m->errtext, t);
	if (e->null_prog)
		e->errs = X_INVAL; /* nothing else matters */
	else if (e->slots && MAPOPS_MAX_INSNS - m->len < e->slots)
		e->errs |= X_2BIG;
	fail_fired = false;
	errno = 12345;
}

/* The common checks after an int-returning call; true if it succeeded. */
static bool after(struct model *m, struct expect *e, int rc)
{
	const char *t = mapops_prog_error(m->prog);
	int err = errno;

	if (fail_fired && !e->null_prog) {
		/* An allocation failed: the call fails, -ENOMEM, changes
		 * nothing, and says so. */
		CHECK(rc == -ENOMEM && err == ENOMEM,
		      "an allocation failed, but the call returned %d (errno %d): \"%s\"",
		      rc, err, t);
		CHECK(strstr(t, e->fn) && strstr(t, "out of memory"),
		      "out of memory, but the message is \"%s\"", t);
		check_unchanged(m);
		return false;
	}
	if (rc == 0) {
		CHECK(!e->errs || e->any,
		      "succeeded, but the header makes it fail (errno mask 0x%x)",
		      e->errs);
		CHECK(!e->null_prog, "succeeded on a NULL handle");
		CHECK(strcmp(t, m->errtext) == 0,
		      "a successful call changed the error text from \"%s\" to \"%s\"",
		      m->errtext, t);
		CHECK(mapops_prog_len(m->prog) == m->len + e->slots,
		      "appended %zu slots, the header says %zu",
		      mapops_prog_len(m->prog) - m->len, e->slots);
		check_bytes(m, m->len, false);
		return true;
	}
	CHECK(rc < 0, "returned %d: neither 0 nor a negative errno", rc);
	CHECK(err == -rc, "returned %d but errno is %d", rc, err);
	CHECK(e->errs, "failed with %d (%s): \"%s\", but the header makes it succeed",
	      rc, strerror(-rc), t);
	CHECK(errno_bit(-rc) & e->errs,
	      "failed with %d (%s), not one of the errnos expected (mask 0x%x): \"%s\"",
	      rc, strerror(-rc), e->errs, t);
	if (e->null_prog) {
		CHECK(mapops_prog_error(NULL)[0], "mapops_prog_error(NULL) is empty");
		CHECK(strcmp(t, m->errtext) == 0,
		      "a call on a NULL handle changed another program's error text");
	} else if (e->keeps_text) {
		CHECK(strcmp(t, m->errtext) == 0,
		      "the failure changed the error text from \"%s\" to \"%s\"",
		      m->errtext, t);
	} else {
		CHECK(t[0], "failed with %d but the error text is empty", rc);
		CHECK(strstr(t, e->fn), "the message \"%s\" does not name %s", t,
		      e->fn);
	}
	check_unchanged(m);
	return false;
}

/* Scans new slots [from, to) for ld_imm64 pairs. */
HARNESS_LOOP static void scan_pairs(struct model *m, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (m->open) {
			m->second[i] = true;
			m->open = false;
		} else {
			m->second[i] = false;
			m->open = m->shadow[i].code == LD64;
		}
	}
}

/* Appends the call's slots to the model, after a success. */
HARNESS_LOOP static void commit(struct model *m, struct expect *e)
{
	size_t first = m->len, n = e->slots, i;
	char a[96], b[96];
	uint32_t org;

	model_reserve(m, first + n);
	memcpy(m->shadow + first, m->prog->insns + first, n * sizeof(*m->shadow));
	if (e->n_exp == n) {
		for (i = 0; i < n; i++)
			CHECK(insn_eq(&m->shadow[first + i], &e->exp[i]),
			      "new slot %zu (+%zu) is %s, the header says %s",
			      first + i, i,
			      fmt_insn(&m->shadow[first + i], a, sizeof(a)),
			      fmt_insn(&e->exp[i], b, sizeof(b)));
	}
	/* The provenance of the call ("calls that emitted no slot are not
	 * counted"). */
	if (n) {
		GROW(m->origins, m->norigins, m->cap_origins, m->norigins + 1);
		org = (uint32_t)m->norigins++;
		m->origins[org].fn = e->fn;
		m->origins[org].index = next_index(m, e->fn);
		m->origins[org].tag = m->cur_tag;
		for (i = first; i < first + n; i++)
			m->slot_org[i] = org;
	}
	if (!e->is_raw)
		CHECK(!m->open, "harness: builder slots after an open ld_imm64");
	scan_pairs(m, first, first + n);
	m->len = first + n;
}

/* Jumps inside a builder call's own slots: in range and not to a second
 * half (their targets are part of the sequence, or its end). */
HARNESS_LOOP static void check_inner_jumps(const struct model *m, size_t first, size_t n)
{
	size_t i;

	for (i = first; i < first + n; i++) {
		const struct bpf_insn *in = &m->shadow[i];
		int cls = BPF_CLASS(in->code), op = BPF_OP(in->code);
		long long t;

		if (m->second[i] || (cls != BPF_JMP && cls != BPF_JMP32) ||
		    op == BPF_CALL || op == BPF_EXIT)
			continue;
		t = (long long)i + 1 + in->off;
		CHECK(t > (long long)i && t <= (long long)(first + n),
		      "the jump at slot %zu goes to slot %lld, outside its sequence [%zu, %zu]",
		      i, t, first, first + n);
		CHECK(t == (long long)(first + n) || !m->second[t],
		      "the jump at slot %zu goes to slot %lld, the second half of an ld_imm64",
		      i, t);
	}
}

/* ---- Expected encodings --------------------------------------------------- */

static struct bpf_insn mk(int code, int dst, int src, int off, int32_t imm)
{
	struct bpf_insn i;

	memset(&i, 0, sizeof(i));
	i.code = (uint8_t)code;
	i.dst_reg = (uint8_t)(dst & 0xf);
	i.src_reg = (uint8_t)(src & 0xf);
	i.off = (int16_t)off;
	i.imm = imm;
	return i;
}

struct seq {
	struct bpf_insn *p;
	size_t n;
};

static void put(struct seq *s, struct bpf_insn i) { s->p[s->n++] = i; }

static void put_ld64(struct seq *s, int dst, int src, uint64_t imm)
{
	put(s, mk(LD64, dst, src, 0, (int32_t)(uint32_t)imm));
	put(s, mk(0, 0, 0, 0, (int32_t)(uint32_t)(imm >> 32)));
}

static void put_fd(struct seq *s, int fd)
{
	put_ld64(s, 1, BPF_PSEUDO_MAP_FD, (uint32_t)fd);
}

static void put_stackptr(struct seq *s, int reg, int off)
{
	put(s, mk(BPF_ALU64 | BPF_MOV | BPF_X, reg, 10, 0, 0));
	put(s, mk(BPF_ALU64 | BPF_ADD | BPF_K, reg, 0, 0, off));
}

static void put_lookup(struct seq *s, int fd, int key)
{
	put_fd(s, fd);
	put_stackptr(s, 2, key);
	put(s, mk(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem));
}

static void put_update(struct seq *s, int fd, int key, int value, int flags)
{
	put_fd(s, fd);
	put_stackptr(s, 2, key);
	put_stackptr(s, 3, value);
	put(s, mk(BPF_ALU64 | BPF_MOV | BPF_K, 4, 0, 0, flags));
	put(s, mk(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_update_elem));
}

/* A jump at slot j to slot t. */
static void patch(struct seq *s, size_t j, size_t t)
{
	s->p[j].off = (int16_t)((long)t - (long)j - 1);
}

static bool fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

static void seq_increment(struct seq *s, int fd, int key, int value,
			  int64_t inc)
{
	size_t to_miss, to_out;

	put_lookup(s, fd, key);
	to_miss = s->n;
	put(s, mk(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 0, 0));
	put(s, mk(BPF_LDX | BPF_MEM | BPF_DW, 1, 0, 0, 0));
	if (fits32(inc)) {
		put(s, mk(BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 0, (int32_t)inc));
	} else {
		put_ld64(s, 2, 0, (uint64_t)inc);
		put(s, mk(BPF_ALU64 | BPF_ADD | BPF_X, 1, 2, 0, 0));
	}
	put(s, mk(BPF_STX | BPF_MEM | BPF_DW, 0, 1, 0, 0));
	to_out = s->n;
	put(s, mk(BPF_JMP | BPF_JA, 0, 0, 0, 0));
	patch(s, to_miss, s->n);
	if (fits32(inc)) {
		put(s, mk(BPF_ST | BPF_MEM | BPF_DW, 10, 0, value, (int32_t)inc));
	} else {
		put_ld64(s, 1, 0, (uint64_t)inc);
		put(s, mk(BPF_STX | BPF_MEM | BPF_DW, 10, 1, value, 0));
	}
	put_update(s, fd, key, value, BPF_ANY);
	patch(s, to_out, s->n);
}

static void seq_increment_atomic(struct seq *s, int fd, int key, int value,
				 int64_t inc)
{
	size_t to_hit, to_out1, to_out2;

	put_lookup(s, fd, key);
	to_hit = s->n;
	put(s, mk(BPF_JMP | BPF_JNE | BPF_K, 0, 0, 0, 0));
	if (fits32(inc)) {
		put(s, mk(BPF_ST | BPF_MEM | BPF_DW, 10, 0, value, (int32_t)inc));
	} else {
		put_ld64(s, 1, 0, (uint64_t)inc);
		put(s, mk(BPF_STX | BPF_MEM | BPF_DW, 10, 1, value, 0));
	}
	put_update(s, fd, key, value, BPF_NOEXIST);
	to_out1 = s->n;
	put(s, mk(BPF_JMP32 | BPF_JNE | BPF_K, 0, 0, 0, -EEXIST)); /* w0 */
	put_lookup(s, fd, key);
	to_out2 = s->n;
	put(s, mk(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 0, 0));
	patch(s, to_hit, s->n);
	if (fits32(inc))
		put(s, mk(BPF_ALU64 | BPF_MOV | BPF_K, 1, 0, 0, (int32_t)inc));
	else
		put_ld64(s, 1, 0, (uint64_t)inc);
	put(s, mk(BPF_STX | BPF_ATOMIC | BPF_DW, 0, 1, 0, BPF_ADD));
	patch(s, to_out1, s->n);
	patch(s, to_out2, s->n);
}

static void seq_lookup_or_init(struct seq *s, int fd, int key, int value)
{
	size_t to_out;

	put_lookup(s, fd, key);
	to_out = s->n;
	put(s, mk(BPF_JMP | BPF_JNE | BPF_K, 0, 0, 0, 0));
	put_update(s, fd, key, value, BPF_NOEXIST);
	put_lookup(s, fd, key);
	patch(s, to_out, s->n);
}

/* ---- Argument generators with model-level choices ------------------------- */

static char namebuf[2][1100];

/* A label name or tag: NULL, empty, a duplicate, random bytes, long. */
static const char *get_name(struct model *m, struct rd *r, int which)
{
	static const char *const common[] = {
		"a", "b", "c", "out", "loop", "miss", "L0", "x",
	};
	static const size_t longs[] = { 254, 255, 256, 257, 300, 1000 };
	char *buf = namebuf[which];
	uint8_t s = u8(r);
	size_t n, i;

	switch (s % 16) {
	case 0:
		return NULL;
	case 1:
		return "";
	case 2: case 3:
		if (m->npool)
			return m->pool[u8(r) % m->npool];
		return "a";
	case 4: case 5: /* random bytes (a NUL ends it early) */
		n = 1 + u8(r) % 24;
		for (i = 0; i < n; i++)
			buf[i] = (char)u8(r);
		buf[n] = '\0';
		return buf;
	case 6: /* long */
		n = PICK(r, longs);
		memset(buf, 'A' + u8(r) % 26, n);
		buf[n] = '\0';
		buf[u8(r) % n] = (char)(0x80 | u8(r)); /* a high byte somewhere */
		return buf;
	default:
		return common[u8(r) % 8];
	}
}

/* ---- The calls ------------------------------------------------------------ */

static mapops_prog_t *handle(struct model *m, bool null_prog)
{
	return null_prog ? NULL : m->prog;
}

static void do_label(struct model *m, struct rd *r, bool np)
{
	struct expect e;
	const char *name = get_name(m, r, 0);
	long li;
	int rc;

	exp_init(&e, "mapops_label", np);
	if (!name || !name[0])
		e.errs |= X_INVAL;
	else if (strlen(name) > MAPOPS_LABEL_MAX)
		e.errs |= X_NAMETOOLONG;
	else if ((li = find_label(m, name)) >= 0 && m->labels[li].slot >= 0)
		e.errs |= X_EXIST;
	if (m->open)
		e.errs |= X_INVAL;
	before(m, &e);
	rc = mapops_label(handle(m, np), name);
	if (after(m, &e, rc)) {
		size_t i = add_label(m, name);

		m->labels[i].slot = (long)m->len;
		pool_add(m, name);
	}
}

static void do_jump(struct model *m, struct rd *r, bool np, int kind)
{
	static const char *const fns[] = {
		"mapops_jmp_imm", "mapops_jmp_reg", "mapops_jmp32_imm",
		"mapops_jmp32_reg", "mapops_ja",
	};
	struct expect e;
	int op = 0, dst = 0, src = 0, rc = 0;
	int32_t imm = 0;
	const char *label;
	bool reg_form = kind == 1 || kind == 3;
	int cls = kind >= 2 && kind <= 3 ? BPF_JMP32 : BPF_JMP;

	exp_init(&e, fns[kind], np);
	if (kind != 4) {
		op = get_jmp_op(r);
		dst = get_reg(r);
		if (reg_form)
			src = get_reg(r);
		else
			imm = get_imm(r);
	}
	label = get_name(m, r, 0);
	e.slots = 1;
	if (kind != 4 && (!jmp_op_ok(op) || !reg_ok(dst) ||
			  (reg_form && !reg_ok(src))))
		e.errs |= X_INVAL;
	if (!label || !label[0])
		e.errs |= X_INVAL;
	else if (strlen(label) > MAPOPS_LABEL_MAX)
		e.errs |= X_NAMETOOLONG;
	if (m->open)
		e.errs |= X_INVAL;
	before(m, &e);
	switch (kind) {
	case 0: rc = mapops_jmp_imm(handle(m, np), op, dst, imm, label); break;
	case 1: rc = mapops_jmp_reg(handle(m, np), op, dst, src, label); break;
	case 2: rc = mapops_jmp32_imm(handle(m, np), op, dst, imm, label); break;
	case 3: rc = mapops_jmp32_reg(handle(m, np), op, dst, src, label); break;
	default: rc = mapops_ja(handle(m, np), label); break;
	}
	if (after(m, &e, rc)) {
		const struct bpf_insn *in = &m->prog->insns[m->len];
		struct bpf_insn want;
		char a[96], b[96];

		if (kind == 4)
			want = mk(BPF_JMP | BPF_JA, 0, 0, in->off, 0);
		else
			want = mk(cls | op | (reg_form ? BPF_X : BPF_K), dst,
				  src, in->off, imm);
		/* The offset is filled in by mapops_prog_insns(). */
		CHECK(insn_eq(in, &want), "jump encoded as %s, expected %s",
		      fmt_insn(in, a, sizeof(a)), fmt_insn(&want, b, sizeof(b)));
		GROW(m->jumps, m->njumps, m->cap_jumps, m->njumps + 1);
		m->jumps[m->njumps].slot = m->len;
		m->jumps[m->njumps].label = add_label(m, label);
		m->njumps++;
		pool_add(m, label);
		commit(m, &e);
	}
}

static void do_alu(struct model *m, struct rd *r, bool np, int kind)
{
	static const char *const fns[] = {
		"mapops_alu64_imm", "mapops_alu64_reg", "mapops_alu32_imm",
		"mapops_alu32_reg",
	};
	struct expect e;
	bool imm_form = kind == 0 || kind == 2;
	int cls = kind < 2 ? BPF_ALU64 : BPF_ALU, bits = kind < 2 ? 64 : 32;
	int op = get_alu_op(r), dst = get_reg(r), src = 0, rc;
	int32_t imm = 0;

	exp_init(&e, fns[kind], np);
	if (imm_form)
		imm = get_imm(r);
	else
		src = get_reg(r);
	e.slots = 1;
	if (!alu_op_ok(op, imm_form) || !dst_ok(dst) ||
	    (!imm_form && !reg_ok(src)))
		e.errs |= X_INVAL;
	if (imm_form && (op == BPF_DIV || op == BPF_MOD) && imm == 0)
		e.errs |= X_INVAL;
	if (imm_form && (op == BPF_LSH || op == BPF_RSH || op == BPF_ARSH) &&
	    (imm < 0 || imm >= bits))
		e.errs |= X_INVAL;
	if (imm_form && op == BPF_NEG && imm != 0)
		e.errs |= X_INVAL;
	if (m->open)
		e.errs |= X_INVAL;
	e.exp[0] = mk(cls | op | (imm_form ? BPF_K : BPF_X), dst, src, 0, imm);
	e.n_exp = 1;
	before(m, &e);
	switch (kind) {
	case 0: rc = mapops_alu64_imm(handle(m, np), op, dst, imm); break;
	case 1: rc = mapops_alu64_reg(handle(m, np), op, dst, src); break;
	case 2: rc = mapops_alu32_imm(handle(m, np), op, dst, imm); break;
	default: rc = mapops_alu32_reg(handle(m, np), op, dst, src); break;
	}
	if (after(m, &e, rc))
		commit(m, &e);
}

static void do_endian(struct model *m, struct rd *r, bool np)
{
	static const int types[] = { BPF_TO_LE, BPF_TO_BE, 1, 0x10, -1 };
	static const int bitss[] = { 16, 32, 64, 0, 8, 128, -16, 48 };
	struct expect e;
	int type = PICK(r, types), dst = get_reg(r), bits = PICK(r, bitss), rc;

	exp_init(&e, "mapops_endian", np);
	e.slots = 1;
	if ((type != BPF_TO_LE && type != BPF_TO_BE) || !dst_ok(dst) ||
	    (bits != 16 && bits != 32 && bits != 64) || m->open)
		e.errs |= X_INVAL;
	e.exp[0] = mk(BPF_ALU | BPF_END | type, dst, 0, 0, bits);
	e.n_exp = 1;
	before(m, &e);
	rc = mapops_endian(handle(m, np), type, dst, bits);
	if (after(m, &e, rc))
		commit(m, &e);
}

static void do_mem(struct model *m, struct rd *r, bool np, int kind)
{
	static const char *const fns[] = {
		"mapops_ldx_mem", "mapops_stx_mem", "mapops_st_mem",
		"mapops_atomic_op",
	};
	struct expect e;
	int size = get_size(r), dst = get_reg(r), src = 0, off, op = 0, rc = 0;
	int32_t imm = 0;

	exp_init(&e, fns[kind], np);
	if (kind != 2)
		src = get_reg(r);
	if (kind == 3)
		op = get_atomic_op(r);
	off = get_off(r);
	if (kind == 2)
		imm = get_imm(r);
	e.slots = 1;
	switch (kind) {
	case 0: /* dst = *(src + off) */
		if (!dst_ok(dst) || !reg_ok(src) || !mem_ok(size, src, off))
			e.errs |= X_INVAL;
		e.exp[0] = mk(BPF_LDX | BPF_MEM | size, dst, src, off, 0);
		break;
	case 1: /* *(dst + off) = src */
		if (!reg_ok(dst) || !reg_ok(src) || !mem_ok(size, dst, off))
			e.errs |= X_INVAL;
		e.exp[0] = mk(BPF_STX | BPF_MEM | size, dst, src, off, 0);
		break;
	case 2: /* *(dst + off) = imm */
		if (!reg_ok(dst) || !mem_ok(size, dst, off))
			e.errs |= X_INVAL;
		e.exp[0] = mk(BPF_ST | BPF_MEM | size, dst, 0, off, imm);
		break;
	default:
		if ((size != BPF_W && size != BPF_DW) || !atomic_op_ok(op) ||
		    !reg_ok(dst) || !reg_ok(src) || !mem_ok(size, dst, off))
			e.errs |= X_INVAL;
		e.exp[0] = mk(BPF_STX | BPF_ATOMIC | size, dst, src, off, op);
		break;
	}
	if (m->open)
		e.errs |= X_INVAL;
	e.n_exp = 1;
	before(m, &e);
	switch (kind) {
	case 0: rc = mapops_ldx_mem(handle(m, np), size, dst, src, off); break;
	case 1: rc = mapops_stx_mem(handle(m, np), size, dst, src, off); break;
	case 2: rc = mapops_st_mem(handle(m, np), size, dst, off, imm); break;
	default:
		rc = mapops_atomic_op(handle(m, np), size, op, dst, src, off);
		break;
	}
	if (after(m, &e, rc))
		commit(m, &e);
}

static void do_ld(struct model *m, struct rd *r, bool np, int kind)
{
	struct expect e;
	struct seq s;
	int dst = get_reg(r), fd = 0, rc;
	uint64_t imm = 0;

	exp_init(&e, kind ? "mapops_ld_map_fd" : "mapops_ld_imm64", np);
	s.p = e.exp;
	s.n = 0;
	if (kind)
		fd = get_fd(r);
	else
		imm = (uint64_t)get_s64(r);
	e.slots = 2;
	if (!dst_ok(dst) || m->open)
		e.errs |= X_INVAL;
	if (kind && fd < 0)
		e.errs |= X_BADF;
	if (kind)
		put_ld64(&s, dst, BPF_PSEUDO_MAP_FD, (uint32_t)fd);
	else
		put_ld64(&s, dst, 0, imm);
	e.n_exp = s.n;
	before(m, &e);
	rc = kind ? mapops_ld_map_fd(handle(m, np), dst, fd) :
		    mapops_ld_imm64(handle(m, np), dst, imm);
	if (after(m, &e, rc))
		commit(m, &e);
}

static void do_call_exit(struct model *m, struct rd *r, bool np, int kind)
{
	struct expect e;
	int id = 0, rc;

	exp_init(&e, kind ? "mapops_exit" : "mapops_call_helper", np);
	if (!kind)
		id = get_helper(r);
	e.slots = 1;
	if ((!kind && id <= 0) || m->open)
		e.errs |= X_INVAL;
	e.exp[0] = kind ? mk(BPF_JMP | BPF_EXIT, 0, 0, 0, 0) :
			  mk(BPF_JMP | BPF_CALL, 0, 0, 0, id);
	e.n_exp = 1;
	before(m, &e);
	rc = kind ? mapops_exit(handle(m, np)) :
		    mapops_call_helper(handle(m, np), id);
	if (after(m, &e, rc))
		commit(m, &e);
}

/* Room for a program at the kernel's limit, and some. */
#define FILL_MARKER 0xb1
#define FAR_MARKER 0xb2
static struct bpf_insn zeros[MAPOPS_MAX_INSNS + 64];
static struct bpf_insn rawbuf[64];

/* The raw rules: registers r0..r10, ld_imm64 pairs well formed. */
HARNESS_LOOP static bool raw_ok(const struct bpf_insn *in, size_t cnt, bool open,
		   bool *open_after)
{
	size_t i;

	for (i = 0; i < cnt; i++) {
		if (open) {
			if (in[i].code || in[i].dst_reg || in[i].src_reg ||
			    in[i].off)
				return false;
			open = false;
			continue;
		}
		if (in[i].dst_reg > 10 || in[i].src_reg > 10)
			return false;
		open = in[i].code == LD64;
	}
	*open_after = open;
	return true;
}

static void do_emit(struct model *m, struct rd *r, bool np)
{
	static const uint8_t codes[] = {
		LD64, 0, 0xb7, 0x95, 0x05, 0x85, 0xbf, 0x07, 0x79, 0x7b, 0x15,
		0x18, 0x18, 0xdb,
	};
	struct expect e;
	const struct bpf_insn *insns = rawbuf;
	struct bpf_insn *copy = NULL;
	size_t cnt = 0, i, room = MAPOPS_MAX_INSNS - m->len;
	uint8_t mode = u8(r) % 16;
	bool open_after = false;
	int rc, code, a, b, off;
	int32_t imm;

	exp_init(&e, "mapops_emit", np);
	switch (mode) {
	case 0: /* NULL insns, any count */
		insns = NULL;
		cnt = u8(r) % 4 ? u8(r) % 3 : (size_t)u64(r);
		break;
	case 1: /* a count near the limit (the fill is all-zero slots) */
		insns = zeros;
		/* A million slots cost milliseconds: only behind a marker
		 * byte, so that few inputs carry one. */
		if (u8(r) != FILL_MARKER) {
			cnt = u8(r) % 64;
			break;
		}
		cnt = room + (size_t)((int)(u8(r) % 7) - 3);
		if (cnt > MAPOPS_MAX_INSNS + 64) /* wrapped below 0 */
			cnt = 0;
		break;
	case 2: /* enough to put labels out of a jump's reach */
		insns = zeros;
		if (u8(r) != FAR_MARKER) {
			cnt = u8(r) % 64;
			break;
		}
		cnt = 32760 + u8(r) % 16;
		if (cnt > room + 8)
			cnt = room + 8;
		break;
	case 3: /* a complete ld_imm64 */
	case 4: /* the first half alone */
		a = u8(r) % 12;
		b = u8(r) % 7;
		imm = (int32_t)u32(r);
		rawbuf[0] = mk(LD64, a, b, 0, imm);
		rawbuf[1] = mk(0, 0, 0, 0, (int32_t)u32(r));
		cnt = mode == 3 ? 2 : 1;
		break;
	case 5: /* a second half (or something that is not one) alone */
		code = u8(r) % 4 ? 0 : u8(r);
		a = u8(r) % 8 ? 0 : u8(r);
		b = u8(r) % 8 ? 0 : u8(r);
		off = u8(r) % 8 ? 0 : (int16_t)u16(r);
		rawbuf[0] = mk(code, a, b, off, (int32_t)u32(r));
		cnt = 1;
		break;
	case 6: /* a copy of the program's own slots, from its own array */
		if (!no_alias && m->len && !np) {
			size_t from = u16(r) % m->len;

			cnt = 1 + u16(r) % (m->len - from);
			if (cnt > room + 2)
				cnt = room + 2;
			insns = m->prog->insns + from;
			/* The model's own copy of what must be appended. */
			copy = xrealloc(NULL, cnt * sizeof(*copy));
			memcpy(copy, m->shadow + from, cnt * sizeof(*copy));
			break;
		}
		/* fall through */
	default: /* up to 12 random slots, biased to real codes */
		cnt = u8(r) % 13;
		for (i = 0; i < cnt; i++) {
			code = u8(r) < 200 ? PICK(r, codes) : u8(r);
			a = u8(r) % 16 < 14 ? u8(r) % 11 : u8(r);
			b = u8(r) % 16 < 14 ? u8(r) % 11 : u8(r);
			off = u8(r) % 4 ? 0 : (int16_t)u16(r);
			imm = u8(r) % 2 ? u8(r) : (int32_t)u32(r);
			rawbuf[i] = mk(code, a, b, off, imm);
			if (rawbuf[i].code != LD64 && i && rawbuf[i - 1].code == LD64 &&
			    u8(r) % 4)
				rawbuf[i] = mk(0, 0, 0, 0, (int32_t)u32(r));
		}
		break;
	}
	if (!insns && cnt)
		e.errs |= X_INVAL;
	else if (!raw_ok(copy ? copy : insns, cnt, m->open, &open_after))
		e.errs |= X_INVAL;
	e.slots = cnt;
	e.is_raw = true;
	if (cnt <= sizeof(e.exp) / sizeof(e.exp[0]) && (insns || copy)) {
		memcpy(e.exp, copy ? copy : insns, cnt * sizeof(*insns));
		e.n_exp = cnt;
	}
	before(m, &e);
	rc = mapops_emit(handle(m, np), insns, cnt);
	if (after(m, &e, rc)) {
		size_t first = m->len;

		/* Large copies: compare outside expect's small buffer. */
		if (e.n_exp != cnt && cnt) {
			const struct bpf_insn *want = copy ? copy : insns;

			if (memcmp(m->prog->insns + first, want,
				   cnt * sizeof(*want)))
				for (i = 0; i < cnt; i++)
					CHECK(insn_eq(&m->prog->insns[first + i],
						      &want[i]),
					      "raw slot %zu was not copied as given",
					      first + i);
		}
		commit(m, &e);
		CHECK(m->open == open_after, "harness: open %d vs %d", m->open,
		      open_after);
	}
	free(copy);
}

static void do_set_tag(struct model *m, struct rd *r, bool np)
{
	struct expect e;
	const char *tag;
	char *self = NULL;
	uint8_t mode = u8(r) % 8;
	int rc;

	exp_init(&e, "mapops_prog_set_tag", np);
	if (mode == 0 && !no_alias && !np && m->len) {
		/* The tag the program returns for one of its slots. */
		const char *t = NULL;

		mapops_prog_insn_origin(m->prog, u16(r) % m->len, NULL, NULL,
					&t);
		tag = t;
		if (t)
			self = xstrdup(t);
	} else {
		tag = get_name(m, r, 1);
	}
	if (tag && strlen(tag) > MAPOPS_TAG_MAX)
		e.errs |= X_NAMETOOLONG;
	/* "until then only mapops_emit() is accepted": a call that emits
	 * nothing may go either way. */
	if (m->open && !e.errs) {
		e.any = true;
		e.errs = X_INVAL;
	}
	before(m, &e);
	rc = mapops_prog_set_tag(handle(m, np), tag);
	if (after(m, &e, rc)) {
		if (!tag) {
			m->cur_tag = -1;
		} else {
			GROW(m->tags, m->ntags, m->cap_tags, m->ntags + 1);
			m->tags[m->ntags] = xstrdup(self ? self : tag);
			m->cur_tag = (long)m->ntags++;
			pool_add(m, self ? self : tag);
		}
	}
	free(self);
}

static void do_origin(struct model *m, struct rd *r, bool np)
{
	struct expect e;
	const char *call = (const char *)1, *tag = (const char *)1;
	unsigned idx = 12345;
	uint8_t sel = u8(r), outs = u8(r);
	size_t slot;
	int rc;

	switch (sel % 6) {
	case 0: slot = 0; break;
	case 1: slot = m->len ? m->len - 1 : 0; break;
	case 2: slot = m->len; break;
	case 3: slot = u8(r) % 2 ? m->len + 1 : SIZE_MAX; break;
	default: slot = m->len ? u32(r) % m->len : u8(r); break;
	}
	exp_init(&e, "mapops_prog_insn_origin", np);
	e.keeps_text = true; /* "the program's error text is not touched" */
	if (slot >= m->len)
		e.errs |= X_RANGE;
	before(m, &e);
	rc = mapops_prog_insn_origin(handle(m, np), slot,
				     outs & 1 ? &call : NULL,
				     outs & 2 ? &idx : NULL,
				     outs & 4 ? &tag : NULL);
	if (after(m, &e, rc)) {
		const struct morigin *o = &m->origins[m->slot_org[slot]];

		if (outs & 1)
			CHECK(call && strcmp(call, o->fn) == 0,
			      "slot %zu: call \"%s\", expected \"%s\"", slot,
			      call ? call : "(null)", o->fn);
		if (outs & 2)
			CHECK(idx == o->index,
			      "slot %zu: call index %u, expected %u (%s)", slot,
			      idx, o->index, o->fn);
		if (outs & 4) {
			if (o->tag < 0)
				CHECK(!tag, "slot %zu: tag \"%s\", expected none",
				      slot, tag);
			else
				CHECK(tag && strcmp(tag, m->tags[o->tag]) == 0,
				      "slot %zu: tag \"%s\", expected \"%s\"",
				      slot, tag ? tag : "(null)",
				      m->tags[o->tag]);
		}
	}
}

/* What mapops_prog_insns() must do now: the errnos it may fail with. */
static unsigned resolve_errs(const struct model *m)
{
	unsigned errs = 0;
	size_t i;

	if (m->open)
		errs |= X_INVAL;
	for (i = 0; i < m->njumps; i++) {
		const struct mjump *j = &m->jumps[i];
		long t = m->labels[j->label].slot;
		long d;

		if (t < 0) {
			errs |= X_NOENT;
			continue;
		}
		if ((size_t)t >= m->len) {
			errs |= X_RANGE;
			continue;
		}
		d = t - (long)j->slot - 1;
		if (d < -32768 || d > 32767)
			errs |= X_RANGE;
	}
	return errs;
}

/* The resolved slots: every label jump lands where it must. */
static void check_resolved(struct model *m, const struct bpf_insn *out,
			   size_t cnt)
{
	size_t i;

	CHECK(out, "mapops_prog_insns returned NULL for a program that resolves");
	CHECK(cnt == m->len, "cnt %zu, the program has %zu slots", cnt, m->len);
	for (i = 0; i < m->njumps; i++) {
		const struct mjump *j = &m->jumps[i];
		long t = m->labels[j->label].slot;

		CHECK(t >= 0 && (size_t)t < m->len,
		      "resolved, but label \"%s\" of the jump at slot %zu is at %ld",
		      m->labels[j->label].name, j->slot, t);
		CHECK(!m->second[t],
		      "label \"%s\" is bound to slot %ld, the second half of an ld_imm64",
		      m->labels[j->label].name, t);
		CHECK(out[j->slot].off == t - (long)j->slot - 1,
		      "the jump at slot %zu to \"%s\" (slot %ld) has off %d, expected %ld",
		      j->slot, m->labels[j->label].name, t, out[j->slot].off,
		      t - (long)j->slot - 1);
		m->shadow[j->slot].off = out[j->slot].off;
	}
	/* Everything else is as it was. */
	check_array(m, out, m->len, false);
}

static void do_insns(struct model *m, struct rd *r, bool np)
{
	const struct bpf_insn *out;
	size_t cnt = 777;
	bool null_cnt = u8(r) % 16 == 0;
	struct expect e;
	const char *t;
	int err;

	exp_init(&e, "mapops_prog_insns", np);
	e.errs = null_cnt ? X_INVAL : resolve_errs(m);
	before(m, &e);
	out = mapops_prog_insns(handle(m, np), null_cnt ? NULL : &cnt);
	err = errno;
	t = mapops_prog_error(handle(m, np));
	if (out) {
		CHECK(!e.errs, "resolved, but the model says it fails (mask 0x%x)",
		      e.errs);
		CHECK(strcmp(t, m->errtext) == 0,
		      "resolving changed the error text to \"%s\"", t);
		check_resolved(m, out, cnt);
		check_unchanged(m);
		return;
	}
	CHECK(e.errs, "returned NULL (errno %d: \"%s\"), but the program resolves",
	      err, t);
	CHECK(errno_bit(err) & e.errs,
	      "errno %d (%s), not one of mask 0x%x: \"%s\"", err, strerror(err),
	      e.errs, t);
	CHECK(t[0], "failed with an empty message");
	if (!np) {
		CHECK(strstr(t, "mapops_prog_insns"),
		      "the message \"%s\" does not name mapops_prog_insns", t);
		if (err == ENOENT) {
			size_t i;
			bool named = false;

			for (i = 0; i < m->njumps && !named; i++)
				if (m->labels[m->jumps[i].label].slot < 0 &&
				    strstr(t, escaped_prefix(m->labels[m->jumps[i].label].name)))
					named = true;
			CHECK(named, "ENOENT, but \"%s\" names no unbound label",
			      t);
		}
	}
	check_unchanged(m);
}

/* mapops_prog_dump(), when linked: resolves as mapops_prog_insns() does. */
static void do_dump(struct model *m, struct rd *r, bool np)
{
	struct expect e;
	int rc;

	(void)r;
	/* A line per slot: long programs would make the fuzzer crawl. */
	if (!mapops_prog_dump || !devnull || m->len > FULL_COMPARE_MAX)
		return;
	exp_init(&e, "mapops_prog_dump", np);
	e.errs = resolve_errs(m);
	before(m, &e);
	rc = mapops_prog_dump(handle(m, np), devnull);
	if (rc == 0) {
		CHECK(!e.errs, "dumped a program that does not resolve");
		check_resolved(m, m->prog->insns, m->prog->len);
		check_unchanged(m);
		return;
	}
	CHECK(errno == -rc, "returned %d, errno %d", rc, errno);
	if (rc == -ENOMEM && fail_fired && !np) {
		/* It may have resolved the jumps before it ran out: their
		 * offsets are then the resolved ones, which is no change any
		 * caller can see (the bytes are only handed out resolved). */
		size_t i;

		for (i = 0; i < m->njumps && !e.errs; i++) {
			const struct mjump *j = &m->jumps[i];
			long want = m->labels[j->label].slot - (long)j->slot - 1;
			int16_t off = m->prog->insns[j->slot].off;

			CHECK(off == m->shadow[j->slot].off || off == want,
			      "the failed dump left the jump at slot %zu with off %d",
			      j->slot, off);
			m->shadow[j->slot].off = off;
		}
		CHECK(strstr(mapops_prog_error(m->prog), "out of memory"),
		      "ENOMEM, but the message is \"%s\"",
		      mapops_prog_error(m->prog));
		check_unchanged(m);
		return;
	}
	CHECK(errno_bit(-rc) & e.errs,
	      "failed with %d (%s), not one of mask 0x%x: \"%s\"", rc,
	      strerror(-rc), e.errs, mapops_prog_error(handle(m, np)));
	CHECK(mapops_prog_error(handle(m, np))[0], "failed with no message");
	check_unchanged(m);
}

/* mapops_insn_snprint() over an exact-size copy of the slots. */
static void do_snprint(struct model *m, struct rd *r)
{
	static const size_t sizes[] = { 0, 1, 2, 8, 16, 31, 64, 128, 256 };
	size_t cnt = m->len < 64 ? m->len : 64, slot, size = PICK(r, sizes);
	struct bpf_insn *copy;
	char *buf;
	int rc;

	long countdown = fail_countdown;

	if (!mapops_insn_snprint)
		return;
	cur_call = "mapops_insn_snprint";
	fail_countdown = -1; /* not a call whose failures are modelled */
	if (!cnt)
		return;
	copy = xrealloc(NULL, cnt * sizeof(*copy));
	memcpy(copy, m->shadow + m->len - cnt, cnt * sizeof(*copy));
	slot = u8(r) % (cnt + 1);
	buf = size ? xrealloc(NULL, size) : NULL;
	errno = 0;
	rc = mapops_insn_snprint(buf, size, copy, cnt, slot);
	if (slot >= cnt) {
		CHECK(rc == -EINVAL && errno == EINVAL,
		      "slot %zu >= cnt %zu gave %d", slot, cnt, rc);
	} else {
		CHECK(rc >= 0, "printing slot %zu failed: %d", slot, rc);
		if (size) {
			CHECK(memchr(buf, '\0', size) != NULL,
			      "the text is not NUL-terminated within %zu bytes",
			      size);
			CHECK(strlen(buf) == ((size_t)rc < size ? (size_t)rc : size - 1),
			      "returned %d, wrote %zu bytes into %zu", rc,
			      strlen(buf), size);
		}
	}
	free(buf);
	free(copy);
	fail_countdown = countdown;
}

static void do_map(struct model *m, struct rd *r, bool np, int kind)
{
	static const char *const fns[] = {
		"mapops_map_lookup", "mapops_map_update", "mapops_map_delete",
		"mapops_map_lookup_ptr", "mapops_map_update_ptr",
		"mapops_map_delete_ptr", "mapops_map_increment",
		"mapops_map_increment_atomic", "mapops_map_lookup_or_init",
	};
	struct expect e;
	struct seq s;
	int fd = get_fd(r), key = 0, value = 0, kreg = 0, vreg = 0, rc = 0;
	uint64_t flags = 0;
	int64_t inc = 0;
	bool swap;

	exp_init(&e, fns[kind], np);
	s.p = e.exp;
	s.n = 0;
	if (fd < 0)
		e.errs |= X_BADF;
	switch (kind) {
	case 0: case 2: /* lookup, delete */
		key = get_off(r);
		if (!stack_ok(key))
			e.errs |= X_INVAL;
		e.slots = 5;
		put_fd(&s, fd);
		put_stackptr(&s, 2, key);
		put(&s, mk(BPF_JMP | BPF_CALL, 0, 0, 0,
			   kind ? BPF_FUNC_map_delete_elem :
				  BPF_FUNC_map_lookup_elem));
		break;
	case 1: /* update */
		key = get_off(r);
		value = get_off(r);
		flags = get_flags(r);
		if (!stack_ok(key) || !stack_ok(value) || !flags_ok(flags))
			e.errs |= X_INVAL;
		e.slots = 8;
		put_update(&s, fd, key, value, (int32_t)flags);
		break;
	case 3: case 5: /* lookup_ptr, delete_ptr */
		kreg = get_reg(r);
		if (!ptr_ok(kreg))
			e.errs |= X_INVAL;
		e.slots = kreg == 2 ? 3 : 4;
		if (kreg != 2)
			put(&s, mk(BPF_ALU64 | BPF_MOV | BPF_X, 2, kreg, 0, 0));
		put_fd(&s, fd);
		put(&s, mk(BPF_JMP | BPF_CALL, 0, 0, 0,
			   kind == 5 ? BPF_FUNC_map_delete_elem :
				       BPF_FUNC_map_lookup_elem));
		break;
	case 4: /* update_ptr: the moves are checked below */
		kreg = get_reg(r);
		vreg = get_reg(r);
		flags = get_flags(r);
		if (!ptr_ok(kreg) || !ptr_ok(vreg) || !flags_ok(flags))
			e.errs |= X_INVAL;
		swap = kreg == 3 && vreg == 2;
		e.slots = 4 + (swap ? 3 : (size_t)(kreg != 2) + (vreg != 3));
		break;
	case 6: case 7: /* increment, increment_atomic */
		key = get_off(r);
		value = get_off(r);
		inc = get_s64(r);
		if (!counter_ok(key, value))
			e.errs |= X_INVAL;
		if (kind == 6) {
			e.slots = fits32(inc) ? 19 : 23;
			seq_increment(&s, fd, key, value, inc);
		} else {
			e.slots = fits32(inc) ? 24 : 27;
			seq_increment_atomic(&s, fd, key, value, inc);
		}
		break;
	default: /* lookup_or_init */
		key = get_off(r);
		value = get_off(r);
		if (!stack_ok(key) || !stack_ok(value))
			e.errs |= X_INVAL;
		e.slots = 19;
		seq_lookup_or_init(&s, fd, key, value);
		break;
	}
	if (m->open)
		e.errs |= X_INVAL;
	e.n_exp = kind == 4 ? (size_t)-1 : s.n;
	CHECK(kind == 4 || s.n == e.slots,
	      "harness: sequence of %zu slots for %zu", s.n, e.slots);
	before(m, &e);
	switch (kind) {
	case 0: rc = mapops_map_lookup(handle(m, np), fd, key); break;
	case 1: rc = mapops_map_update(handle(m, np), fd, key, value, flags); break;
	case 2: rc = mapops_map_delete(handle(m, np), fd, key); break;
	case 3: rc = mapops_map_lookup_ptr(handle(m, np), fd, kreg); break;
	case 4:
		rc = mapops_map_update_ptr(handle(m, np), fd, kreg, vreg, flags);
		break;
	case 5: rc = mapops_map_delete_ptr(handle(m, np), fd, kreg); break;
	case 6:
		rc = mapops_map_increment(handle(m, np), fd, key, value, inc);
		break;
	case 7:
		rc = mapops_map_increment_atomic(handle(m, np), fd, key, value,
						 inc);
		break;
	default:
		rc = mapops_map_lookup_or_init(handle(m, np), fd, key, value);
		break;
	}
	if (!after(m, &e, rc))
		return;
	if (kind == 4) {
		/* Run the moves on symbolic registers: r2 must end up holding
		 * key_reg's value and r3 value_reg's, then r1 = fd; r4 = flags;
		 * call, exactly as many moves as the header counts. */
		const struct bpf_insn *in = m->prog->insns + m->len;
		size_t nmoves = e.slots - 4, i;
		int regs[11];
		struct bpf_insn tail[4];
		struct seq ts = { tail, 0 };
		char a[96], b[96];

		for (i = 0; i < 11; i++)
			regs[i] = (int)i;
		for (i = 0; i < nmoves; i++) {
			CHECK(in[i].code == (BPF_ALU64 | BPF_MOV | BPF_X) &&
				      in[i].off == 0 && in[i].imm == 0 &&
				      in[i].dst_reg >= 1 && in[i].dst_reg <= 3 &&
				      in[i].src_reg <= 9,
			      "update_ptr slot +%zu is %s, not a register move into r1..r3",
			      i, fmt_insn(&in[i], a, sizeof(a)));
			regs[in[i].dst_reg] = regs[in[i].src_reg];
		}
		CHECK(regs[2] == kreg && regs[3] == vreg,
		      "update_ptr(key r%d, value r%d): after the moves r2 holds r%d and r3 r%d",
		      kreg, vreg, regs[2], regs[3]);
		put_fd(&ts, fd);
		put(&ts, mk(BPF_ALU64 | BPF_MOV | BPF_K, 4, 0, 0, (int32_t)flags));
		put(&ts, mk(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_update_elem));
		for (i = 0; i < 4; i++)
			CHECK(insn_eq(&in[nmoves + i], &tail[i]),
			      "update_ptr slot +%zu is %s, expected %s", nmoves + i,
			      fmt_insn(&in[nmoves + i], a, sizeof(a)),
			      fmt_insn(&tail[i], b, sizeof(b)));
	}
	commit(m, &e);
	check_inner_jumps(m, m->len - e.slots, e.slots);
}

/* Queries that cannot fail: length and error text, on NULL too. */
static void do_queries(struct model *m)
{
	cur_call = "queries";
	CHECK(mapops_prog_len(NULL) == 0, "mapops_prog_len(NULL) != 0");
	CHECK(mapops_prog_error(NULL) && mapops_prog_error(NULL)[0],
	      "mapops_prog_error(NULL) is empty");
	CHECK(mapops_prog_len(m->prog) == m->len, "length %zu, model %zu",
	      mapops_prog_len(m->prog), m->len);
	mapops_prog_free(NULL);
}

/* ---- The driver ----------------------------------------------------------- */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *v = getenv("MAPOPS_FUZZ_NO_ALIAS");

	(void)argc;
	(void)argv;
	no_alias = v && strcmp(v, "1") == 0;
	devnull = fopen("/dev/null", "w");
	return 0;
}

/* Final checks: every byte and every slot's origin. */
static void final_checks(struct model *m)
{
	size_t i;

	cur_call = "final checks";
	check_unchanged(m);
	check_bytes(m, m->len, true);
	for (i = 0; i < m->len; i += m->len <= 4096 || i + 1024 >= m->len ? 1 : 97) {
		const char *call = NULL, *tag = NULL;
		unsigned idx = 0;
		const struct morigin *o = &m->origins[m->slot_org[i]];

		CHECK(mapops_prog_insn_origin(m->prog, i, &call, &idx, &tag) == 0,
		      "origin of slot %zu failed", i);
		CHECK(call && strcmp(call, o->fn) == 0 && idx == o->index,
		      "slot %zu: origin %s #%u, expected %s #%u", i,
		      call ? call : "(null)", idx, o->fn, o->index);
		CHECK(o->tag < 0 ? !tag : tag && strcmp(tag, m->tags[o->tag]) == 0,
		      "slot %zu: tag \"%s\"", i, tag ? tag : "(null)");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rd r = { data, size };
	struct model m;
	const struct bpf_insn *out;
	size_t cnt = 99;
	unsigned long calls = 0;

	memset(&m, 0, sizeof(m));
	m.cur_tag = -1;
	fail_countdown = -1;
	fail_fired = false;
	model_reserve(&m, 64);
	call_no = 0;
	cur_call = "mapops_prog_new";
	m.prog = mapops_prog_new();
	CHECK(m.prog, "mapops_prog_new failed: %s", strerror(errno));
	CHECK(mapops_prog_len(m.prog) == 0, "a new program is not empty");
	CHECK(strcmp(mapops_prog_error(m.prog), "") == 0,
	      "a new program has error text \"%s\"", mapops_prog_error(m.prog));
	out = mapops_prog_insns(m.prog, &cnt);
	CHECK(out && cnt == 0, "an empty program does not resolve to 0 slots");

	while (r.n && calls++ < MAX_CALLS) {
		uint8_t b = u8(&r);
		uint8_t kind = b % 36;
		/* 216..251: each call kind with a NULL handle. */
		bool np = b >= 216 && b < 252;

		call_no++;
		switch (kind) {
		case 0: case 1: do_label(&m, &r, np); break;
		case 2: case 3: case 4: case 5: case 6:
			do_jump(&m, &r, np, kind - 2);
			break;
		case 7: case 8: case 9: case 10:
			do_alu(&m, &r, np, kind - 7);
			break;
		case 11: do_endian(&m, &r, np); break;
		case 12: case 13: case 14: case 15:
			do_mem(&m, &r, np, kind - 12);
			break;
		case 16: case 17: do_ld(&m, &r, np, kind - 16); break;
		case 18: case 19: do_call_exit(&m, &r, np, kind - 18); break;
		case 20: case 21: do_emit(&m, &r, np); break;
		case 22: do_set_tag(&m, &r, np); break;
		case 23: do_origin(&m, &r, np); break;
		case 24: case 25: do_insns(&m, &r, np); break;
		case 26: case 27: case 28: case 29: case 30: case 31: case 32:
		case 33: case 34:
			do_map(&m, &r, np, kind - 26);
			break;
		default:
			switch (u8(&r) % 4) {
			case 0: do_dump(&m, &r, np); break;
			case 1: do_snprint(&m, &r); break;
			case 2: do_queries(&m); break;
			default: /* the Nth allocation from now fails */
				fail_countdown = u8(&r) % 8;
				break;
			}
			break;
		}
		if (!np)
			check_unchanged(&m);
	}
	final_checks(&m);
	fail_countdown = -1;
	mapops_prog_free(m.prog);
	model_free(&m);
	return 0;
}
