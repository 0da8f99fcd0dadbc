/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The printer against the running kernel's own text.
 *
 * Each tcase loads one program covering a group of instruction forms (ALU64,
 * ALU32, memory, atomics, jumps, calls, ld_imm64, ...) at verifier log
 * level 2, reads the verifier's per-instruction lines "N: (xx) text" and
 * compares each with mapops_insn_snprint() of slot N of the same bytes.
 * Every form under test must appear in the log.
 *
 * The documented exception: loads the kernel resolves to an address before
 * it prints them (BPF_PSEUDO_MAP_FD, BPF_PSEUDO_MAP_VALUE) print as
 * "rN = 0x<address>" in the log and as "rN = map_fd#N" /
 * "map_value(map_fd#N)+OFF" here; for those slots only the form is checked.
 *
 * Not covered: addr_space_cast (needs an arena map), BPF_PSEUDO_BTF_ID and
 * the map-index loads (resolved to addresses like map loads), and the
 * encodings the kernel refuses.  Programs are straight-line code on
 * initialised registers, so each passes the verifier.
 *
 * Skips (77) with the reason when bpf() is refused.
 */
#include <stdio.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>

#include "testutil.h"

/* Not in Debian 12's <linux/bpf.h>. */
#define MEMSX 0x80
#define JCOND 0xe0
#define LOAD_ACQ 0x100
#define STORE_REL 0x110

#define MAX_SLOTS 512

/* A program under construction, and which slots are forms under test. */
struct prog {
	struct bpf_insn insns[MAX_SLOTS];
	bool must[MAX_SLOTS];     /* must appear in the log and match */
	bool resolved[MAX_SLOTS]; /* map loads: the documented exception */
	size_t n;
};

static void add(struct prog *p, struct bpf_insn in, bool must)
{
	ck_assert_uint_lt(p->n, MAX_SLOTS);
	p->must[p->n] = must;
	p->insns[p->n++] = in;
}

/* A form under test. */
#define FORM(p, ...) add((p), I(__VA_ARGS__), true)
/* Set-up whose text is compared if it is printed, but need not be. */
#define FILL(p, ...) add((p), I(__VA_ARGS__), false)

static void ld64(struct prog *p, int dst, int src, __u64 imm, bool resolved)
{
	size_t at = p->n;

	add(p, I(BPF_LD | BPF_IMM | BPF_DW, dst, src, 0, (__s32)(__u32)imm), true);
	add(p, I(0, 0, 0, 0, (__s32)(__u32)(imm >> 32)), false);
	p->resolved[at] = resolved;
}

static void mov_imm(struct prog *p, int dst, __s32 imm)
{
	FILL(p, BPF_ALU64 | BPF_MOV | BPF_K, dst, 0, 0, imm);
}

static void ret0(struct prog *p)
{
	mov_imm(p, 0, 0);
	FORM(p, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
}

/* Load options beyond the type. */
struct how {
	enum bpf_prog_type type;
	int btf_fd;
	const struct bpf_func_info *func_info;
	__u32 func_info_cnt;
};

static char log_buf[4 << 20];

/* The text of the log line "N: (xx) text [; state]": text, trimmed. */
static bool parse_line(char *line, unsigned long *slot, unsigned *code,
		       char **text)
{
	char *p = line, *end;

	if (*p < '0' || *p > '9')
		return false;
	*slot = strtoul(p, &end, 10);
	if (end[0] != ':' || end[1] != ' ' || end[2] != '(')
		return false;
	p = end + 3;
	*code = (unsigned)strtoul(p, &end, 16);
	if (end != p + 2 || end[0] != ')' || end[1] != ' ')
		return false;
	p = end + 2;
	end = strchr(p, ';'); /* the register state after it, at level 2 */
	if (!end)
		end = p + strlen(p);
	while (end > p && end[-1] == ' ')
		end--;
	*end = '\0';
	*text = p;
	return true;
}

/* Loads p at log level 2 and compares every printed slot; returns how many
 * lines were compared. */
static unsigned compare(const struct prog *p, const struct how *how,
			const char *group)
{
	LIBBPF_OPTS(bpf_prog_load_opts, opts);
	bool seen[MAX_SLOTS] = { false };
	unsigned compared = 0, resolved = 0, forms = 0;
	char ours[256], *line, *save = NULL;
	size_t i;
	int fd;

	opts.log_buf = log_buf;
	opts.log_size = sizeof(log_buf);
	opts.log_level = 2;
	if (how->func_info) {
		opts.prog_btf_fd = (__u32)how->btf_fd;
		opts.func_info = how->func_info;
		opts.func_info_cnt = how->func_info_cnt;
		opts.func_info_rec_size = sizeof(struct bpf_func_info);
	}
	log_buf[0] = '\0';
	fd = bpf_prog_load(how->type, group, "GPL", p->insns, p->n, &opts);
	ck_assert_msg(fd >= 0, "%s: the kernel refused the program: %s\n%s",
		      group, strerror(errno), log_buf);
	close(fd);

	for (line = strtok_r(log_buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		unsigned long slot;
		unsigned code;
		char *theirs;

		if (!parse_line(line, &slot, &code, &theirs))
			continue;
		ck_assert_msg(slot < p->n, "%s: log line for slot %lu of %zu: %s",
			      group, slot, p->n, line);
		ck_assert_msg(code == p->insns[slot].code,
			      "%s: slot %lu: the log says code 0x%02x, the program has 0x%02x",
			      group, slot, code, p->insns[slot].code);
		ck_assert_int_ge(mapops_insn_snprint(ours, sizeof(ours), p->insns,
						     p->n, slot), 1);
		seen[slot] = true;
		if (p->resolved[slot]) {
			/* The documented exception: an address vs a name. */
			ck_assert_msg(strncmp(theirs, ours, 5) == 0 &&
				      strncmp(theirs + 5, "0x", 2) == 0 &&
				      (strncmp(ours + 5, "map_fd#", 7) == 0 ||
				       strncmp(ours + 5, "map_value(", 10) == 0),
				      "%s: slot %lu: kernel \"%s\", ours \"%s\"",
				      group, slot, theirs, ours);
			resolved++;
			continue;
		}
		ck_assert_msg(strcmp(theirs, ours) == 0,
			      "%s: slot %lu (code 0x%02x): the kernel prints \"%s\", mapops_insn_snprint \"%s\"",
			      group, slot, code, theirs, ours);
		compared++;
	}
	for (i = 0; i < p->n; i++) {
		if (!p->must[i])
			continue;
		forms++;
		ck_assert_msg(seen[i], "%s: slot %zu (%02x) is not in the verifier log:\n%s",
			      group, i, p->insns[i].code, log_buf);
	}
	printf("%s: %u forms, %u log lines equal, %u map loads by name (the exception)\n",
	       group, forms, compared, resolved);
	return compared;
}

/* True when the running kernel is at least maj.min; else prints why the
 * forms of what are left out (the 6.1 run under qemu). */
static bool kernel_has(int maj, int min, const char *group, const char *what)
{
	char text[256];

	snprintf(text, sizeof(text), "%s: %s", group, what);
	return tu_kernel_at_least(maj, min, text);
}

static void compare_socket_filter(const struct prog *p, const char *group)
{
	struct how how = { .type = BPF_PROG_TYPE_SOCKET_FILTER };

	compare(p, &how, group);
}

static const int alu_ops[] = {
	BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR, BPF_AND, BPF_LSH,
	BPF_RSH, BPF_MOD, BPF_XOR, BPF_MOV, BPF_ARSH,
};

/* Every ALU operation in both forms, signed division, sign-extending
 * moves, negation and the byte swaps (cls BPF_ALU64 or BPF_ALU); the v4
 * forms (sdiv, smod, movsx, bswap) only on kernels from 6.6. */
static void alu_forms(struct prog *p, int cls, const char *group)
{
	bool v4 = kernel_has(6, 6, group, "sdiv, smod, movsx and bswap");
	size_t i;

	mov_imm(p, 3, 7);
	for (i = 0; i < NSLOTS(alu_ops); i++) {
		mov_imm(p, 2, 100);
		FORM(p, cls | alu_ops[i] | BPF_K, 2, 0, 0, 3);
		FORM(p, cls | alu_ops[i] | BPF_X, 2, 3, 0, 0);
	}
	FORM(p, cls | BPF_MOV | BPF_K, 4, 0, 0, -2147483647 - 1);
	FORM(p, cls | BPF_ADD | BPF_K, 4, 0, 0, -16);
	FORM(p, cls | BPF_NEG | BPF_K, 2, 0, 0, 0);
	if (cls == BPF_ALU64)
		FORM(p, BPF_ALU64 | BPF_MOV | BPF_X, 6, 10, 0, 0);
	if (!v4)
		goto swaps;
	FORM(p, cls | BPF_DIV | BPF_K, 2, 0, 1, -3);  /* sdiv */
	FORM(p, cls | BPF_DIV | BPF_X, 2, 3, 1, 0);
	FORM(p, cls | BPF_MOD | BPF_K, 2, 0, 1, 5);   /* smod */
	FORM(p, cls | BPF_MOD | BPF_X, 2, 3, 1, 0);
	FORM(p, cls | BPF_MOV | BPF_X, 5, 3, 8, 0);   /* movsx */
	FORM(p, cls | BPF_MOV | BPF_X, 5, 3, 16, 0);
	if (cls == BPF_ALU64)
		FORM(p, cls | BPF_MOV | BPF_X, 5, 3, 32, 0);
	if (cls == BPF_ALU64) {
		FORM(p, BPF_ALU64 | BPF_END | BPF_K, 2, 0, 0, 16); /* bswap */
		FORM(p, BPF_ALU64 | BPF_END | BPF_K, 2, 0, 0, 32);
		FORM(p, BPF_ALU64 | BPF_END | BPF_K, 2, 0, 0, 64);
	}
swaps:
	if (cls == BPF_ALU) {
		FORM(p, BPF_ALU | BPF_END | BPF_TO_LE, 2, 0, 0, 16);
		FORM(p, BPF_ALU | BPF_END | BPF_TO_LE, 2, 0, 0, 32);
		FORM(p, BPF_ALU | BPF_END | BPF_TO_LE, 2, 0, 0, 64);
		FORM(p, BPF_ALU | BPF_END | BPF_TO_BE, 2, 0, 0, 16);
		FORM(p, BPF_ALU | BPF_END | BPF_TO_BE, 2, 0, 0, 32);
		FORM(p, BPF_ALU | BPF_END | BPF_TO_BE, 2, 0, 0, 64);
	}
	ret0(p);
}

START_TEST(kernel_print_alu64)
{
	static struct prog p;

	alu_forms(&p, BPF_ALU64, "alu64");
	compare_socket_filter(&p, "alu64");
}
END_TEST

START_TEST(kernel_print_alu32)
{
	static struct prog p;

	alu_forms(&p, BPF_ALU, "alu32");
	compare_socket_filter(&p, "alu32");
}
END_TEST

/* Stores of every size from a register and an immediate, loads of every
 * size, and the sign-extending loads, all on aligned stack slots. */
START_TEST(kernel_print_memory)
{
	static const struct {
		int size, off;
	} slots[] = {
		{ BPF_DW, -8 }, { BPF_W, -12 }, { BPF_H, -14 }, { BPF_B, -15 },
	};
	static struct prog p;
	bool v4 = kernel_has(6, 6, "memory", "the sign-extending loads");
	size_t i;

	mov_imm(&p, 2, -3);
	for (i = 0; i < NSLOTS(slots); i++) {
		FORM(&p, BPF_STX | BPF_MEM | slots[i].size, 10, 2, slots[i].off, 0);
		FORM(&p, BPF_ST | BPF_MEM | slots[i].size, 10, 0, slots[i].off - 16, -7);
		FORM(&p, BPF_LDX | BPF_MEM | slots[i].size, 3, 10, slots[i].off, 0);
		FORM(&p, BPF_LDX | BPF_MEM | slots[i].size, 4, 10, slots[i].off - 16, 0);
		if (slots[i].size != BPF_DW && v4)
			FORM(&p, BPF_LDX | MEMSX | slots[i].size, 5, 10, slots[i].off, 0);
	}
	ret0(&p);
	compare_socket_filter(&p, "memory");
}
END_TEST

/* Every read-modify-write atomic, 32 and 64 bits, on the stack. */
START_TEST(kernel_print_atomics)
{
	static const int ops[] = {
		BPF_ADD, BPF_OR, BPF_AND, BPF_XOR, BPF_ADD | BPF_FETCH,
		BPF_OR | BPF_FETCH, BPF_AND | BPF_FETCH, BPF_XOR | BPF_FETCH,
		BPF_XCHG, BPF_CMPXCHG,
	};
	static struct prog p;
	size_t i;

	mov_imm(&p, 0, 0);
	mov_imm(&p, 2, 1);
	FILL(&p, BPF_STX | BPF_MEM | BPF_DW, 10, 2, -8, 0);
	FILL(&p, BPF_STX | BPF_MEM | BPF_W, 10, 2, -16, 0);
	for (i = 0; i < NSLOTS(ops); i++) {
		mov_imm(&p, 3, 5);
		FORM(&p, BPF_STX | BPF_ATOMIC | BPF_DW, 10, 3, -8, ops[i]);
		mov_imm(&p, 3, 5);
		FORM(&p, BPF_STX | BPF_ATOMIC | BPF_W, 10, 3, -16, ops[i]);
	}
	ret0(&p);
	compare_socket_filter(&p, "atomics");
}
END_TEST

/* load_acquire and store_release (6.15+), every size. */
START_TEST(kernel_print_acquire_release)
{
	static const struct {
		int size, off;
	} slots[] = {
		{ BPF_DW, -8 }, { BPF_W, -12 }, { BPF_H, -14 }, { BPF_B, -15 },
	};
	static struct prog p;
	size_t i;

	if (!kernel_has(6, 15, "acquire_release", "load_acquire and store_release"))
		return;
	mov_imm(&p, 2, 9);
	for (i = 0; i < NSLOTS(slots); i++) {
		FORM(&p, BPF_STX | BPF_ATOMIC | slots[i].size, 10, 2, slots[i].off,
		     STORE_REL);
		FORM(&p, BPF_STX | BPF_ATOMIC | slots[i].size, 3, 10, slots[i].off,
		     LOAD_ACQ);
	}
	ret0(&p);
	compare_socket_filter(&p, "acquire_release");
}
END_TEST

static const int cond_ops[] = {
	BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET, BPF_JNE, BPF_JSGT, BPF_JSGE,
	BPF_JLT, BPF_JLE, BPF_JSLT, BPF_JSLE,
};

/* Every conditional jump in both forms and widths, goto, gotol (6.6+),
 * may_goto (6.9+), exit.  Each jumps over one filler slot. */
START_TEST(kernel_print_jumps)
{
	static struct prog p;
	bool v4 = kernel_has(6, 6, "jumps", "gotol");
	bool cond = kernel_has(6, 9, "jumps", "may_goto");
	size_t i;

	mov_imm(&p, 0, 0);
	mov_imm(&p, 2, 3);
	mov_imm(&p, 3, -4);
	for (i = 0; i < NSLOTS(cond_ops); i++) {
		FORM(&p, BPF_JMP | cond_ops[i] | BPF_K, 2, 0, 1, -16);
		mov_imm(&p, 0, 1);
		FORM(&p, BPF_JMP | cond_ops[i] | BPF_X, 2, 3, 1, 0);
		mov_imm(&p, 0, 1);
		FORM(&p, BPF_JMP32 | cond_ops[i] | BPF_K, 2, 0, 1, 0x80);
		mov_imm(&p, 0, 1);
		FORM(&p, BPF_JMP32 | cond_ops[i] | BPF_X, 3, 2, 1, 0);
		mov_imm(&p, 0, 1);
	}
	/* Unconditional: to the next slot (a slot jumped over would be
	 * unreachable, which the verifier refuses). */
	FORM(&p, BPF_JMP | BPF_JA, 0, 0, 0, 0);
	if (v4)
		FORM(&p, BPF_JMP32 | BPF_JA, 0, 0, 0, 0); /* gotol */
	/* Forward and backward: a -> a + 2 -> a + 1 -> a + 3. */
	FORM(&p, BPF_JMP | BPF_JA, 0, 0, 1, 0);
	if (v4)
		FORM(&p, BPF_JMP32 | BPF_JA, 0, 0, 0, 1);
	else
		FORM(&p, BPF_JMP | BPF_JA, 0, 0, 1, 0);
	FORM(&p, BPF_JMP | BPF_JA, 0, 0, -2, 0);
	if (cond) {
		FORM(&p, BPF_JMP | JCOND, 0, 0, 1, 0);    /* may_goto */
		mov_imm(&p, 0, 1);
	}
	ret0(&p);
	compare_socket_filter(&p, "jumps");
}
END_TEST

/* Helper calls, a bpf-to-bpf call and a kfunc call (bpf_cast_to_kern_ctx,
 * allowed for every program type), named from the running kernel's BTF. */
START_TEST(kernel_print_calls)
{
	static struct prog p;
	struct btf *btf;
	int kfunc = 0;

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		printf("calls: SKIPPED the kfunc call: no /sys/kernel/btf/vmlinux for its id\n");
	} else {
		btf = btf__load_vmlinux_btf();
		ck_assert_ptr_nonnull(btf);
		kfunc = btf__find_by_name_kind(btf, "bpf_cast_to_kern_ctx",
					       BTF_KIND_FUNC);
		btf__free(btf);
		if (kfunc <= 0 && kernel_has(6, 2, "calls", "the kfunc call"))
			ck_abort_msg("no bpf_cast_to_kern_ctx in the BTF of a kernel from 6.2");
	}

	FILL(&p, BPF_ALU64 | BPF_MOV | BPF_X, 6, 1, 0, 0);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_ktime_get_ns);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_get_prandom_u32);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_get_smp_processor_id);
	FILL(&p, BPF_ALU64 | BPF_MOV | BPF_X, 1, 6, 0, 0);
	if (kfunc > 0)
		FORM(&p, BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL, 0, kfunc);
	FORM(&p, BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, 2); /* to the subprog */
	ret0(&p);
	/* The subprogram. */
	mov_imm(&p, 0, 0);
	FORM(&p, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
	compare_socket_filter(&p, "calls");
}
END_TEST

/* 64-bit constants. */
START_TEST(kernel_print_ld_imm64)
{
	static const __u64 imms[] = {
		0, 1, 0x123456789ULL, 0xffffffffULL, 0x8000000000000000ULL,
		~0ULL, 0x7fffffffffffffffULL,
	};
	static struct prog p;
	size_t i;

	for (i = 0; i < NSLOTS(imms); i++)
		ld64(&p, (int)(i % 10), 0, imms[i], false);
	ret0(&p);
	compare_socket_filter(&p, "ld_imm64");
}
END_TEST

/*
 * A BPF_PSEUDO_FUNC load: the callback of bpf_loop().  It needs BTF
 * function info: both functions static, with a trivial prototype.
 */
START_TEST(kernel_print_pseudo_func)
{
	static struct prog p;
	struct bpf_func_info info[2];
	struct how how = { .type = BPF_PROG_TYPE_SOCKET_FILTER };
	struct btf *btf = btf__new_empty();
	int int_id, proto, main_fn, cb_fn, fd;
	size_t cb;

	ck_assert_ptr_nonnull(btf);
	int_id = btf__add_int(btf, "int", 4, BTF_INT_SIGNED);
	proto = btf__add_func_proto(btf, int_id);
	main_fn = btf__add_func(btf, "prog", BTF_FUNC_STATIC, proto);
	cb_fn = btf__add_func(btf, "callback", BTF_FUNC_STATIC, proto);
	ck_assert_int_gt(cb_fn, 0);
	ck_assert_int_eq(btf__load_into_kernel(btf), 0);
	fd = btf__fd(btf);

	mov_imm(&p, 1, 1);                           /* nr_loops */
	ld64(&p, 2, BPF_PSEUDO_FUNC, 6, false);      /* r2 = callback */
	mov_imm(&p, 3, 0);                           /* ctx */
	mov_imm(&p, 4, 0);                           /* flags */
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, 181);  /* bpf_loop */
	ret0(&p);
	cb = p.n;
	ck_assert_uint_eq(cb, 8); /* where the imm 6 points: 1 + 6 + 1 */
	mov_imm(&p, 0, 0);
	FORM(&p, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);

	info[0].insn_off = 0;
	info[0].type_id = (__u32)main_fn;
	info[1].insn_off = (__u32)cb;
	info[1].type_id = (__u32)cb_fn;
	how.btf_fd = fd;
	how.func_info = info;
	how.func_info_cnt = 2;
	compare(&p, &how, "pseudo_func");
	btf__free(btf);
}
END_TEST

/* The legacy packet loads of socket filters (r6 holds the context). */
START_TEST(kernel_print_packet_loads)
{
	static const int sizes[] = { BPF_W, BPF_H, BPF_B };
	static struct prog p;
	size_t i;

	FILL(&p, BPF_ALU64 | BPF_MOV | BPF_X, 6, 1, 0, 0);
	mov_imm(&p, 7, 2);
	for (i = 0; i < NSLOTS(sizes); i++) {
		FORM(&p, BPF_LD | BPF_ABS | sizes[i], 0, 0, 0, 12 + (int)i);
		FORM(&p, BPF_LD | BPF_IND | sizes[i], 0, 7, 0, 14 - (int)i);
	}
	ret0(&p);
	compare_socket_filter(&p, "packet_loads");
}
END_TEST

/* The exception: map fd and map value loads print an address in the log;
 * the rest of a lookup prints the same. */
START_TEST(kernel_print_map_loads)
{
	static struct prog p;
	int map = tu_map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1);

	FILL(&p, BPF_ST | BPF_MEM | BPF_W, 10, 0, -4, 0);
	ld64(&p, 1, BPF_PSEUDO_MAP_FD, (__u32)map, true);
	FORM(&p, BPF_ALU64 | BPF_MOV | BPF_X, 2, 10, 0, 0);
	FORM(&p, BPF_ALU64 | BPF_ADD | BPF_K, 2, 0, 0, -4);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem);
	ld64(&p, 3, BPF_PSEUDO_MAP_VALUE, (__u64)(__u32)map | (__u64)4 << 32, true);
	FORM(&p, BPF_LDX | BPF_MEM | BPF_W, 4, 3, 0, 0);
	ret0(&p);
	compare_socket_filter(&p, "map_loads");
	close(map);
}
END_TEST

/* ---- Programs built with the typed emitters ---------------------------- */

#define OK(call)                                                            \
	do {                                                                \
		int ok_rc_ = (call);                                        \
		ck_assert_msg(ok_rc_ == 0, "%s returned %d: %s", #call,     \
			      ok_rc_, mapops_prog_error(mp));               \
	} while (0)

/*
 * The same comparison for a program built with libmapops: its resolved
 * slots (every first slot is a form under test), loaded with the BTF
 * function information mapops_prog_func_info() gives for subprograms.
 */
static void compare_built(mapops_prog_t *mp, enum bpf_prog_type type,
			  const char *group)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo);
	static struct prog p;
	struct how how = { .type = type };
	const struct bpf_insn *in;
	size_t n, i;

	in = mapops_prog_insns(mp, &n);
	ck_assert_msg(in != NULL, "%s: %s", group, mapops_prog_error(mp));
	ck_assert_uint_le(n, MAX_SLOTS);
	memset(&p, 0, sizeof(p));
	memcpy(p.insns, in, n * sizeof(*in));
	p.n = n;
	for (i = 0; i < n; i++) {
		p.must[i] = true;
		if (in[i].code == (BPF_LD | BPF_IMM | BPF_DW)) {
			p.resolved[i] = in[i].src_reg == BPF_PSEUDO_MAP_FD ||
					in[i].src_reg == BPF_PSEUDO_MAP_VALUE;
			i++; /* its second slot has no line of its own */
		}
	}
	ck_assert_int_eq(mapops_prog_func_info(mp, &lo), 0);
	if (lo.func_info) {
		how.btf_fd = (int)lo.prog_btf_fd;
		how.func_info = lo.func_info;
		how.func_info_cnt = lo.func_info_cnt;
	}
	compare(&p, &how, group);
}

/* The legacy packet loads through mapops_ld_abs() and mapops_ld_ind(),
 * every size (a socket filter with the context in r6). */
START_TEST(kernel_print_typed_packet_loads)
{
	static const int sizes[] = { BPF_W, BPF_H, BPF_B };
	mapops_prog_t *mp = mapops_prog_new();
	size_t i;

	ck_assert_ptr_nonnull(mp);
	OK(mapops_alu64_reg(mp, BPF_MOV, BPF_REG_6, BPF_REG_1));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_7, 2));
	for (i = 0; i < NSLOTS(sizes); i++) {
		OK(mapops_ld_abs(mp, sizes[i], 12 + (int)i));
		OK(mapops_ld_ind(mp, sizes[i], BPF_REG_7, 14 - (int)i));
	}
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(mp));
	compare_built(mp, BPF_PROG_TYPE_SOCKET_FILTER, "typed_packet_loads");
	mapops_prog_free(mp);
}
END_TEST

/* A bpf-to-bpf call (mapops_call()), a callback's address
 * (mapops_ld_func()) handed to bpf_loop, and a helper call: the kernel
 * prints the call as "call pc+N" and the callback as "rN = 0x<imm>". */
START_TEST(kernel_print_typed_calls)
{
	mapops_prog_t *mp = mapops_prog_new();

	ck_assert_ptr_nonnull(mp);
	if (!kernel_has(5, 17, "typed_calls", "bpf_loop")) {
		mapops_prog_free(mp);
		return;
	}
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_1, 5));
	OK(mapops_call(mp, "twice"));
	OK(mapops_alu64_reg(mp, BPF_MOV, BPF_REG_6, BPF_REG_0));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_1, 3));
	OK(mapops_ld_func(mp, BPF_REG_2, "body"));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_3, 0));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_4, 0));
	OK(mapops_call_helper(mp, BPF_FUNC_loop));
	OK(mapops_call_helper(mp, BPF_FUNC_ktime_get_ns));
	OK(mapops_alu64_reg(mp, BPF_MOV, BPF_REG_0, BPF_REG_6));
	OK(mapops_exit(mp));
	OK(mapops_label(mp, "twice"));
	OK(mapops_alu64_reg(mp, BPF_MOV, BPF_REG_0, BPF_REG_1));
	OK(mapops_alu64_imm(mp, BPF_MUL, BPF_REG_0, 2));
	OK(mapops_exit(mp));
	OK(mapops_label(mp, "body"));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(mp));
	compare_built(mp, BPF_PROG_TYPE_SOCKET_FILTER, "typed_calls");
	mapops_prog_free(mp);
}
END_TEST

/* mapops_call_kfunc() and mapops_call_kfunc_name(): the kernel prints the
 * kfunc by its name from its BTF, as the printer does. */
START_TEST(kernel_print_typed_kfunc)
{
	mapops_prog_t *mp = mapops_prog_new();
	struct btf *btf;
	int id;

	ck_assert_ptr_nonnull(mp);
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		printf("typed_kfunc: SKIPPED: no /sys/kernel/btf/vmlinux for the kfunc id\n");
		mapops_prog_free(mp);
		return;
	}
	btf = btf__load_vmlinux_btf();
	ck_assert_ptr_nonnull(btf);
	id = btf__find_by_name_kind(btf, "bpf_cast_to_kern_ctx", BTF_KIND_FUNC);
	btf__free(btf);
	if (id <= 0) {
		ck_assert(!kernel_has(6, 2, "typed_kfunc", "bpf_cast_to_kern_ctx"));
		mapops_prog_free(mp);
		return;
	}
	OK(mapops_alu64_reg(mp, BPF_MOV, BPF_REG_6, BPF_REG_1));
	OK(mapops_call_kfunc(mp, id));
	OK(mapops_alu64_reg(mp, BPF_MOV, BPF_REG_1, BPF_REG_6));
	OK(mapops_call_kfunc_name(mp, "bpf_cast_to_kern_ctx"));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(mp));
	compare_built(mp, BPF_PROG_TYPE_SOCKET_FILTER, "typed_kfunc");
	mapops_prog_free(mp);
}
END_TEST

/* The v4 instructions (6.6): signed division and modulo, 64 and 32 bits,
 * immediate and register; the sign-extending moves and loads; bswap;
 * gotol. */
START_TEST(kernel_print_typed_v4)
{
	static const int sizes[] = { BPF_W, BPF_H, BPF_B };
	mapops_prog_t *mp = mapops_prog_new();
	size_t i;

	ck_assert_ptr_nonnull(mp);
	if (!kernel_has(6, 6, "typed_v4", "the v4 instructions")) {
		mapops_prog_free(mp);
		return;
	}
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_2, -100));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_3, 7));
	OK(mapops_alu64_signed_imm(mp, BPF_DIV, BPF_REG_2, -3));
	OK(mapops_alu64_signed_imm(mp, BPF_MOD, BPF_REG_2, 5));
	OK(mapops_alu64_signed_reg(mp, BPF_DIV, BPF_REG_2, BPF_REG_3));
	OK(mapops_alu64_signed_reg(mp, BPF_MOD, BPF_REG_2, BPF_REG_3));
	OK(mapops_alu32_signed_imm(mp, BPF_DIV, BPF_REG_2, -3));
	OK(mapops_alu32_signed_imm(mp, BPF_MOD, BPF_REG_2, 5));
	OK(mapops_alu32_signed_reg(mp, BPF_DIV, BPF_REG_2, BPF_REG_3));
	OK(mapops_alu32_signed_reg(mp, BPF_MOD, BPF_REG_2, BPF_REG_3));
	OK(mapops_movsx64(mp, BPF_REG_4, BPF_REG_3, 8));
	OK(mapops_movsx64(mp, BPF_REG_4, BPF_REG_3, 16));
	OK(mapops_movsx64(mp, BPF_REG_4, BPF_REG_3, 32));
	OK(mapops_movsx32(mp, BPF_REG_4, BPF_REG_3, 8));
	OK(mapops_movsx32(mp, BPF_REG_4, BPF_REG_3, 16));
	OK(mapops_bswap(mp, BPF_REG_2, 16));
	OK(mapops_bswap(mp, BPF_REG_2, 32));
	OK(mapops_bswap(mp, BPF_REG_2, 64));
	OK(mapops_st_mem(mp, BPF_DW, BPF_REG_10, -8, -5));
	for (i = 0; i < NSLOTS(sizes); i++)
		OK(mapops_ldx_memsx(mp, sizes[i], BPF_REG_5, BPF_REG_10, -8));
	OK(mapops_gotol(mp, "out"));
	OK(mapops_label(mp, "out"));
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(mp));
	compare_built(mp, BPF_PROG_TYPE_SOCKET_FILTER, "typed_v4");
	mapops_prog_free(mp);
}
END_TEST

/* may_goto (6.9), bounding a loop the verifier could not bound. */
START_TEST(kernel_print_typed_may_goto)
{
	mapops_prog_t *mp = mapops_prog_new();

	ck_assert_ptr_nonnull(mp);
	if (!kernel_has(6, 9, "typed_may_goto", "may_goto")) {
		mapops_prog_free(mp);
		return;
	}
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_label(mp, "again"));
	OK(mapops_may_goto(mp, "out"));
	OK(mapops_alu64_imm(mp, BPF_ADD, BPF_REG_0, 1));
	OK(mapops_ja(mp, "again"));
	OK(mapops_label(mp, "out"));
	OK(mapops_exit(mp));
	compare_built(mp, BPF_PROG_TYPE_SOCKET_FILTER, "typed_may_goto");
	mapops_prog_free(mp);
}
END_TEST

/* load_acquire and store_release (6.15), every size, on the stack. */
START_TEST(kernel_print_typed_acquire_release)
{
	static const struct {
		int size, off;
	} slots[] = {
		{ BPF_DW, -8 }, { BPF_W, -12 }, { BPF_H, -14 }, { BPF_B, -15 },
	};
	mapops_prog_t *mp = mapops_prog_new();
	size_t i;

	ck_assert_ptr_nonnull(mp);
	if (!kernel_has(6, 15, "typed_acquire_release",
			"load_acquire and store_release")) {
		mapops_prog_free(mp);
		return;
	}
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_2, 9));
	for (i = 0; i < NSLOTS(slots); i++) {
		OK(mapops_store_release(mp, slots[i].size, BPF_REG_10, BPF_REG_2,
					slots[i].off));
		OK(mapops_load_acquire(mp, slots[i].size, BPF_REG_3, BPF_REG_10,
				       slots[i].off));
	}
	OK(mapops_alu64_imm(mp, BPF_MOV, BPF_REG_0, 0));
	OK(mapops_exit(mp));
	compare_built(mp, BPF_PROG_TYPE_SOCKET_FILTER, "typed_acquire_release");
	mapops_prog_free(mp);
}
END_TEST

#define CASE(s, name)                                                        \
	do {                                                                  \
		TCase *tc_ = tcase_create(#name);                             \
		tcase_add_test(tc_, name);                                    \
		suite_add_tcase(s, tc_);                                      \
	} while (0)

static Suite *kernel_print_suite(void)
{
	Suite *s = suite_create("kernel-print");

	CASE(s, kernel_print_alu64);
	CASE(s, kernel_print_alu32);
	CASE(s, kernel_print_memory);
	CASE(s, kernel_print_atomics);
	CASE(s, kernel_print_acquire_release);
	CASE(s, kernel_print_jumps);
	CASE(s, kernel_print_calls);
	CASE(s, kernel_print_ld_imm64);
	CASE(s, kernel_print_pseudo_func);
	CASE(s, kernel_print_packet_loads);
	CASE(s, kernel_print_map_loads);
	CASE(s, kernel_print_typed_packet_loads);
	CASE(s, kernel_print_typed_calls);
	CASE(s, kernel_print_typed_kfunc);
	CASE(s, kernel_print_typed_v4);
	CASE(s, kernel_print_typed_may_goto);
	CASE(s, kernel_print_typed_acquire_release);
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(kernel_print_suite());
}
