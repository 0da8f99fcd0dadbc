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
 * moves, negation and the byte swaps (cls BPF_ALU64 or BPF_ALU). */
static void alu_forms(struct prog *p, int cls)
{
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
	FORM(p, cls | BPF_DIV | BPF_K, 2, 0, 1, -3);  /* sdiv */
	FORM(p, cls | BPF_DIV | BPF_X, 2, 3, 1, 0);
	FORM(p, cls | BPF_MOD | BPF_K, 2, 0, 1, 5);   /* smod */
	FORM(p, cls | BPF_MOD | BPF_X, 2, 3, 1, 0);
	FORM(p, cls | BPF_MOV | BPF_X, 5, 3, 8, 0);   /* movsx */
	FORM(p, cls | BPF_MOV | BPF_X, 5, 3, 16, 0);
	if (cls == BPF_ALU64)
		FORM(p, cls | BPF_MOV | BPF_X, 5, 3, 32, 0);
	if (cls == BPF_ALU64) {
		FORM(p, BPF_ALU64 | BPF_MOV | BPF_X, 6, 10, 0, 0);
		FORM(p, BPF_ALU64 | BPF_END | BPF_K, 2, 0, 0, 16); /* bswap */
		FORM(p, BPF_ALU64 | BPF_END | BPF_K, 2, 0, 0, 32);
		FORM(p, BPF_ALU64 | BPF_END | BPF_K, 2, 0, 0, 64);
	} else {
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

	alu_forms(&p, BPF_ALU64);
	compare_socket_filter(&p, "alu64");
}
END_TEST

START_TEST(kernel_print_alu32)
{
	static struct prog p;

	alu_forms(&p, BPF_ALU);
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
	size_t i;

	mov_imm(&p, 2, -3);
	for (i = 0; i < NSLOTS(slots); i++) {
		FORM(&p, BPF_STX | BPF_MEM | slots[i].size, 10, 2, slots[i].off, 0);
		FORM(&p, BPF_ST | BPF_MEM | slots[i].size, 10, 0, slots[i].off - 16, -7);
		FORM(&p, BPF_LDX | BPF_MEM | slots[i].size, 3, 10, slots[i].off, 0);
		FORM(&p, BPF_LDX | BPF_MEM | slots[i].size, 4, 10, slots[i].off - 16, 0);
		if (slots[i].size != BPF_DW)
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
	FORM(&p, BPF_JMP32 | BPF_JA, 0, 0, 0, 0); /* gotol */
	/* Forward and backward: a -> a + 2 -> a + 1 -> a + 3. */
	FORM(&p, BPF_JMP | BPF_JA, 0, 0, 1, 0);
	FORM(&p, BPF_JMP32 | BPF_JA, 0, 0, 0, 1);
	FORM(&p, BPF_JMP | BPF_JA, 0, 0, -2, 0);
	FORM(&p, BPF_JMP | JCOND, 0, 0, 1, 0);    /* may_goto */
	mov_imm(&p, 0, 1);
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
	int kfunc;

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		printf("calls: SKIPPED, no /sys/kernel/btf/vmlinux for the kfunc id\n");
		return;
	}
	btf = btf__load_vmlinux_btf();
	ck_assert_ptr_nonnull(btf);
	kfunc = btf__find_by_name_kind(btf, "bpf_cast_to_kern_ctx", BTF_KIND_FUNC);
	btf__free(btf);
	ck_assert_int_gt(kfunc, 0);

	FILL(&p, BPF_ALU64 | BPF_MOV | BPF_X, 6, 1, 0, 0);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_ktime_get_ns);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_get_prandom_u32);
	FORM(&p, BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_get_smp_processor_id);
	FILL(&p, BPF_ALU64 | BPF_MOV | BPF_X, 1, 6, 0, 0);
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
	return s;
}

int main(void)
{
	if (!tu_bpf_available())
		return tu_skip_code();
	return tu_run_suite(kernel_print_suite());
}
