/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * libFuzzer target over raw bytes (fuzz/run-raw.sh builds and runs it):
 *  - first byte even: the rest are instructions for mapops_insn_snprint(),
 *    printed slot by slot into buffers of several sizes: the same length
 *    every time, truncation a prefix, no control byte, nothing read past
 *    the array (ASan);
 *  - first byte odd: the rest is --hex text for mapops-dump's parser
 *    (tools/mapops-dump.c, built in with its exit turned into a return):
 *    its bytes are bounded and an error message holds no control byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf fuzz_jmp;

#define MAPOPS_DUMP_FUZZ 1
#define main mapops_dump_main
#include "../tools/mapops-dump.c"
#undef main

static void no_control(const char *s, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f) {
			fprintf(stderr, "%s holds control byte 0x%02x at %zu: %.*s\n",
				what, c, i, (int)n, s);
			abort();
		}
	}
}

static void fuzz_die(const char *fmt, va_list ap)
{
	char msg[1024];
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);

	va_end(ap);
	if (n < 0)
		abort();
	no_control(msg, strlen(msg), "mapops-dump's message");
	longjmp(fuzz_jmp, 1);
}

static void print_all(const struct bpf_insn *insns, size_t cnt)
{
	static const size_t sizes[] = { 0, 1, 7, 24, 256 };
	char full[256], part[256];
	size_t i, k;

	for (i = 0; i < cnt; i++) {
		int len = mapops_insn_snprint(full, sizeof(full), insns, cnt, i);

		if (len < 0 || (size_t)len >= sizeof(full) ||
		    strlen(full) != (size_t)len)
			abort();
		no_control(full, (size_t)len, "mapops_insn_snprint()");
		for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			int n;

			memset(part, 'X', sizeof(part));
			n = mapops_insn_snprint(sizes[k] ? part : NULL, sizes[k],
						insns, cnt, i);
			if (n != len)
				abort();
			if (sizes[k] && (strlen(part) >= sizes[k] ||
					 strncmp(part, full, strlen(part)) != 0))
				abort();
		}
	}
	if (cnt && mapops_insn_snprint(full, sizeof(full), insns, cnt, cnt) != -EINVAL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!(data[0] & 1)) {
		/* A copy of exactly the slots, so ASan sees any read past them. */
		size_t cnt = (size - 1) / sizeof(struct bpf_insn);
		struct bpf_insn *insns = malloc(cnt ? cnt * sizeof(*insns) : 1);

		if (!insns)
			return 0;
		memcpy(insns, data + 1, cnt * sizeof(*insns));
		print_all(insns, cnt);
		free(insns);
		return 0;
	} else {
		static struct bytes raw;
		FILE *in = fmemopen((void *)(data + 1), size - 1, "r");

		if (size == 1 || !in) {
			if (in)
				fclose(in);
			return 0;
		}
		if (!raw.p)
			raw.p = malloc(MAX_BYTES); /* kept: the tool's one buffer */
		raw.len = 0;
		if (setjmp(fuzz_jmp) == 0) {
			read_hex(in, "<fuzz>", &raw);
			if (raw.len > MAX_BYTES)
				abort();
			print_all((const struct bpf_insn *)raw.p,
				  raw.len / sizeof(struct bpf_insn));
		}
		fclose(in);
	}
	return 0;
}
