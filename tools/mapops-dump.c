/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * mapops-dump: prints eBPF instructions given as raw bytes (8 per slot,
 * host byte order) or as hex text, one line per instruction, in the syntax
 * of the kernel's verifier log (mapops_insn_snprint()).
 *
 * Exit codes: 0 printed, 1 an error (message on stderr), 2 bad usage.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mapops/mapops.h>

#define EXIT_USAGE 2

static const char *prog_name = "mapops-dump";

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: %s [--hex] [FILE]\n"
		"Prints eBPF instructions in the kernel verifier's syntax, one line per\n"
		"instruction as \"SLOT: TEXT\" (an ld_imm64 takes two slots).\n"
		"\n"
		"FILE holds the instructions as raw bytes, 8 per slot in host byte\n"
		"order (struct bpf_insn); without FILE, or with \"-\", standard input.\n"
		"\n"
		"  --hex       read hex text instead: bytes written as 0xNN (one byte per\n"
		"              token, as llvm-mc and \"xxd -i\" write them) or as runs of\n"
		"              hex digit pairs (\"bf21000000000000\"), separated by blanks,\n"
		"              newlines or commas; '#' and ';' start a comment to the end\n"
		"              of the line\n"
		"  -h, --help  show this help and exit\n"
		"\n"
		"Exit status: 0 printed, 1 error, 2 bad usage.\n",
		prog_name);
}

static void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_FAILURE);
}

/* A growing byte buffer. */
struct bytes {
	unsigned char *p;
	size_t len, cap;
};

static void push(struct bytes *b, const void *src, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		void *p;

		while (cap < b->len + n)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p)
			die("out of memory");
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, src, n);
	b->len += n;
}

static void read_all(FILE *in, const char *name, struct bytes *b)
{
	unsigned char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		push(b, chunk, n);
	if (ferror(in))
		die("reading %s: %s", name, strerror(errno));
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parses one token of --hex input into bytes; false if it is not hex. */
static bool parse_token(const char *tok, size_t len, struct bytes *out)
{
	unsigned char byte;
	size_t i;

	if (len > 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')) {
		int hi, lo;

		if (len > 4)
			return false; /* 0xNN is one byte */
		hi = hexval(tok[2]);
		lo = len == 4 ? hexval(tok[3]) : 0;
		if (hi < 0 || lo < 0)
			return false;
		byte = (unsigned char)(len == 4 ? hi << 4 | lo : hi);
		push(out, &byte, 1);
		return true;
	}
	if (len % 2)
		return false;
	for (i = 0; i < len; i += 2) {
		int hi = hexval(tok[i]), lo = hexval(tok[i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		byte = (unsigned char)(hi << 4 | lo);
		push(out, &byte, 1);
	}
	return true;
}

static void parse_hex(const struct bytes *text, const char *name,
		      struct bytes *out)
{
	const char *s = (const char *)text->p, *end;
	unsigned line = 1;

	if (!text->len)
		return;
	end = s + text->len;
	while (s < end) {
		const char *tok = s;

		if (*s == '\n') {
			line++;
			s++;
			continue;
		}
		if (isspace((unsigned char)*s) || *s == ',') {
			s++;
			continue;
		}
		if (*s == '#' || *s == ';') {
			while (s < end && *s != '\n')
				s++;
			continue;
		}
		while (s < end && !isspace((unsigned char)*s) && *s != ',' &&
		       *s != '#' && *s != ';')
			s++;
		if (parse_token(tok, (size_t)(s - tok), out))
			continue;
		die("%s:%u: \"%.*s\" is not a hex byte (0xNN) or hex digit pairs",
		    name, line, (int)(s - tok > 32 ? 32 : s - tok), tok);
	}
}

int main(int argc, char **argv)
{
	const char *path = NULL, *name;
	struct bytes raw = { 0 }, hex = { 0 };
	struct bpf_insn *insns;
	bool hex_mode = false, opts_done = false;
	size_t cnt, i, n;
	char text[256];
	FILE *in;
	int a;

	for (a = 1; a < argc; a++) {
		const char *arg = argv[a];

		if (!opts_done && strcmp(arg, "--") == 0) {
			opts_done = true;
		} else if (!opts_done && (strcmp(arg, "-h") == 0 ||
					  strcmp(arg, "--help") == 0)) {
			usage(stdout);
			if (fflush(stdout) || ferror(stdout))
				die("writing the output: %s", strerror(errno));
			return 0;
		} else if (!opts_done && strcmp(arg, "--hex") == 0) {
			hex_mode = true;
		} else if (!opts_done && arg[0] == '-' && arg[1]) {
			fprintf(stderr, "%s: unknown option %s\n", prog_name, arg);
			usage(stderr);
			return EXIT_USAGE;
		} else if (path) {
			fprintf(stderr, "%s: more than one FILE (%s, %s)\n",
				prog_name, path, arg);
			usage(stderr);
			return EXIT_USAGE;
		} else {
			path = arg;
		}
	}

	if (!path || strcmp(path, "-") == 0) {
		in = stdin;
		name = "<stdin>";
	} else {
		in = fopen(path, "rb");
		name = path;
		if (!in)
			die("cannot open %s: %s", path, strerror(errno));
	}
	if (hex_mode) {
		read_all(in, name, &hex);
		parse_hex(&hex, name, &raw);
		free(hex.p);
	} else {
		read_all(in, name, &raw);
	}
	if (in != stdin)
		fclose(in);

	if (raw.len % sizeof(struct bpf_insn)) {
		die("%s: %zu bytes is not a whole number of 8-byte instructions",
		    name, raw.len);
	}
	cnt = raw.len / sizeof(struct bpf_insn);
	insns = malloc(cnt ? raw.len : 1);
	if (!insns)
		die("out of memory");
	if (cnt)
		memcpy(insns, raw.p, raw.len);
	free(raw.p);

	for (i = 0; i < cnt; i += n) {
		mapops_insn_snprint(text, sizeof(text), insns, cnt, i);
		printf("%4zu: %s\n", i, text);
		n = insns[i].code == (BPF_LD | BPF_IMM | BPF_DW) && i + 1 < cnt ? 2 : 1;
	}
	free(insns);
	if (fflush(stdout) || ferror(stdout))
		die("writing the output: %s", strerror(errno));
	return 0;
}
