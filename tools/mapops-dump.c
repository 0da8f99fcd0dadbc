/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * mapops-dump: prints eBPF instructions given as raw bytes (8 per slot,
 * host byte order) or as hex text, one line per instruction, in the syntax
 * of the kernel's verifier log (mapops_insn_snprint()).
 *
 * Input is bounded: past 1,000,000 slots (8,000,000 bytes; no valid program
 * is larger) or 128 MiB of --hex text it stops with an error, so memory and
 * time stay bounded on endless input (/dev/zero, "yes ff").  An empty input
 * and a directory are errors too; bad --hex tokens are quoted escaped.
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
#include <sys/stat.h>

#include <mapops/mapops.h>

#include "internal.h" /* escape_text(): lib/escape.c, built in */

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
		"At most 1000000 slots (8000000 bytes), as the kernel takes.\n"
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

#ifdef MAPOPS_DUMP_FUZZ
/* fuzz/fuzz-raw.c: checks the message and returns to the fuzzer. */
static void fuzz_die(const char *fmt, va_list ap) __attribute__((noreturn));
#endif

static void die(const char *fmt, ...)
{
	va_list ap;

#ifdef MAPOPS_DUMP_FUZZ
	va_start(ap, fmt);
	fuzz_die(fmt, ap);
#endif
	fprintf(stderr, "%s: ", prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_FAILURE);
}

/* No valid program is larger: 1,000,000 slots of 8 bytes. */
#define MAX_BYTES ((size_t)MAPOPS_MAX_INSNS * sizeof(struct bpf_insn))
/* --hex text past this is refused, whatever it holds (blanks, comments):
 * with MAX_BYTES as "0xNN, " tokens and room for comments. */
#define MAX_HEX_TEXT ((size_t)128 << 20)
/* How much of a bad token the message quotes. */
#define TOKEN_SHOWN 32

/* The bytes read: at most MAX_BYTES, so never more memory than that. */
struct bytes {
	unsigned char *p;
	size_t len;
};

static void push(struct bytes *b, const char *name, unsigned char byte)
{
	if (b->len == MAX_BYTES)
		die("%s: more than %zu bytes (%d slots): no valid program is that large",
		    name, MAX_BYTES, MAPOPS_MAX_INSNS);
	b->p[b->len++] = byte;
}

/* Raw bytes, read up to one byte past the limit (so /dev/zero stops). */
static void read_raw(FILE *in, const char *name, struct bytes *b)
{
	size_t n;

	while ((n = fread(b->p + b->len, 1, MAX_BYTES - b->len, in)) > 0) {
		b->len += n;
		if (b->len == MAX_BYTES) {
			if (fgetc(in) != EOF)
				die("%s: more than %zu bytes (%d slots): no valid program is that large",
				    name, MAX_BYTES, MAPOPS_MAX_INSNS);
			break;
		}
	}
	if (ferror(in))
		die("reading %s: %s", name, strerror(errno));
}

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

/* One --hex token as it streams in. */
struct token {
	unsigned char shown[TOKEN_SHOWN]; /* its first bytes, for a message */
	size_t len;
	bool bad;
	int first;   /* the first character, until the second decides */
	int nibble;  /* a pending high nibble, or -1 */
};

static void token_bad(const struct token *t, const char *name, unsigned line)
{
	char esc[4 * TOKEN_SHOWN + 1];
	size_t n = t->len < TOKEN_SHOWN ? t->len : TOKEN_SHOWN;

	/* The token's bytes are the input's: escaped, so that control bytes
	 * (ESC sequences, NUL) cannot reach the terminal or cut the text. */
	escape_text(esc, sizeof(esc), (const char *)t->shown, n, true);
	die("%s:%u: \"%s\"%s is not a hex byte (0xNN) or hex digit pairs",
	    name, line, esc, t->len > n ? "..." : "");
}

static void token_char(struct token *t, int c, const char *name,
		       struct bytes *out)
{
	int v = hexval(c);

	if (t->len < TOKEN_SHOWN)
		t->shown[t->len] = (unsigned char)c;
	t->len++;
	if (t->bad)
		return;
	if (t->len == 1) {
		t->first = c;
		return;
	}
	if (t->len == 2) {
		if (t->first == '0' && (c == 'x' || c == 'X'))
			return; /* 0xN or 0xNN */
		if (hexval(t->first) < 0 || v < 0) {
			t->bad = true;
			return;
		}
		push(out, name, (unsigned char)(hexval(t->first) << 4 | v));
		return;
	}
	if (t->first == '0' && (t->shown[1] == 'x' || t->shown[1] == 'X')) {
		if (t->len > 4 || v < 0)
			t->bad = true;
		else if (t->len == 3)
			t->nibble = v;
		else
			t->nibble = t->nibble << 4 | v;
		return;
	}
	if (v < 0) {
		t->bad = true;
	} else if (t->len % 2) {
		t->nibble = v;
	} else {
		push(out, name, (unsigned char)(t->nibble << 4 | v));
		t->nibble = -1;
	}
}

static void token_end(struct token *t, const char *name, unsigned line,
		      struct bytes *out)
{
	bool ox = t->len >= 2 && t->first == '0' &&
		  (t->shown[1] == 'x' || t->shown[1] == 'X');

	if (!t->len)
		return;
	if (ox && t->len == 2)
		t->bad = true; /* "0x" alone */
	else if (!ox && t->len % 2)
		t->bad = true; /* an odd number of digits */
	if (t->bad)
		token_bad(t, name, line);
	if (ox)
		push(out, name, (unsigned char)t->nibble);
	memset(t, 0, sizeof(*t));
	t->nibble = -1;
}

/* Parses --hex text as it is read: memory is the bytes (at most MAX_BYTES),
 * time at most MAX_HEX_TEXT characters. */
static void read_hex(FILE *in, const char *name, struct bytes *out)
{
	struct token t = { .nibble = -1 };
	bool comment = false;
	size_t text = 0;
	unsigned line = 1;
	int c;

	while ((c = getc(in)) != EOF) {
		if (++text > MAX_HEX_TEXT)
			die("%s: more than %zu bytes of hex text: no valid program is that large",
			    name, MAX_HEX_TEXT);
		if (c == '\n') {
			token_end(&t, name, line, out);
			comment = false;
			line++;
		} else if (comment) {
			continue;
		} else if (c == '#' || c == ';') {
			token_end(&t, name, line, out);
			comment = true;
		} else if (isspace(c) || c == ',') {
			token_end(&t, name, line, out);
		} else {
			token_char(&t, c, name, out);
		}
	}
	if (ferror(in))
		die("reading %s: %s", name, strerror(errno));
	token_end(&t, name, line, out);
}

int main(int argc, char **argv)
{
	const char *path = NULL, *name;
	struct bytes raw = { 0 };
	struct stat st;
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
	if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode))
		die("%s is a directory, not a file of instructions", name);
	raw.p = malloc(MAX_BYTES);
	if (!raw.p)
		die("out of memory");
	if (hex_mode)
		read_hex(in, name, &raw);
	else
		read_raw(in, name, &raw);
	if (in != stdin)
		fclose(in);

	if (!raw.len)
		die("%s is empty: no instructions to print", name);
	if (raw.len % sizeof(struct bpf_insn)) {
		die("%s: %zu bytes is not a whole number of 8-byte instructions",
		    name, raw.len);
	}
	cnt = raw.len / sizeof(struct bpf_insn);
	insns = (struct bpf_insn *)raw.p; /* malloc()'s alignment suits it */

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
