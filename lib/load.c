/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The loader: mapops_prog_load() through libbpf, keeping the verifier log. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "internal.h"

/* The library's own log buffer: doubled on ENOSPC up to the kernel's cap. */
#define LOG_START (1u << 20)
#define LOG_MAX (1u << 30)

#define OPTS_HAS(opts, field)                                              \
	((opts) && (opts)->sz >= offsetof(struct mapops_load_opts, field) + \
				  sizeof((opts)->field))
#define OPTS_GET(opts, field, def) (OPTS_HAS(opts, field) ? (opts)->field : (def))

static void chk_opts(struct op *o, const struct mapops_load_opts *opts)
{
	const unsigned char *tail;
	size_t i;

	if (!opts)
		return;
	if (opts->sz < sizeof(opts->sz)) {
		op_error(o, -EINVAL, "opts->sz %zu is smaller than the sz field itself",
			 opts->sz);
		return;
	}
	tail = (const unsigned char *)opts;
	for (i = sizeof(*opts); i < opts->sz; i++) {
		if (tail[i]) {
			op_error(o, -EINVAL,
				 "opts->sz %zu is larger than this library's struct mapops_load_opts (%zu bytes) and byte %zu is not zero: an option this library does not know",
				 opts->sz, sizeof(*opts), i);
			return;
		}
	}
	if (OPTS_GET(opts, log_buf, NULL) && !OPTS_GET(opts, log_size, 0))
		op_error(o, -EINVAL, "opts->log_buf is set but log_size is 0");
	if (!OPTS_GET(opts, log_buf, NULL) && OPTS_GET(opts, log_size, 0))
		op_error(o, -EINVAL, "opts->log_size is %u but log_buf is NULL",
			 OPTS_GET(opts, log_size, 0));
	if (!OPTS_GET(opts, log_buf, NULL) && OPTS_GET(opts, log_level, 0))
		op_error(o, -EINVAL,
			 "opts->log_level is %u but log_buf is NULL: a log level needs the caller's buffer (without one, the library keeps the log of a refusal anyway)",
			 OPTS_GET(opts, log_level, 0));
}

/* Loads once more with a buffer of our own to get the verifier's log. */
static char *load_for_log(enum bpf_prog_type type, const char *name,
			  const char *license, const struct bpf_insn *insns,
			  size_t cnt, struct bpf_prog_load_opts *lo)
{
	__u32 size;
	char *buf;
	int fd;

	for (size = LOG_START; size <= LOG_MAX; size *= 2) {
		buf = calloc(1, size); /* zeroed: the log is a string whatever happens */
		if (!buf)
			return NULL;
		lo->log_buf = buf;
		lo->log_size = size;
		lo->log_level = 1;
		fd = bpf_prog_load(type, name, license, insns, cnt, lo);
		if (fd >= 0) { /* accepted this time: nothing to explain */
			close(fd);
			free(buf);
			return NULL;
		}
		if (errno != ENOSPC)
			return buf;
		free(buf);
	}
	return NULL;
}

/*
 * The slot the verifier stopped at: the last instruction line of its log,
 * "37: (79) r1 = *(u64 *)(r0 +0)".  -1 if there is none.
 */
static long failing_slot(const char *log)
{
	const char *line = log;
	long slot = -1;

	while (line && *line) {
		char *end;
		long n = strtol(line, &end, 10);

		if (end != line && n >= 0 && end[0] == ':' && end[1] == ' ' &&
		    end[2] == '(')
			slot = n;
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return slot;
}

/* The log followed by "insn N: emitted by <origin>", newly allocated. */
static char *log_with_origin(const mapops_prog_t *prog, const char *log)
{
	long slot = failing_slot(log);
	size_t len = strlen(log);
	char origin[MAPOPS_TAG_MAX + 128];
	char *msg;

	if (slot < 0 || (size_t)slot >= prog->len)
		return strdup(log);
	origin_snprint(prog, (size_t)slot, origin, sizeof(origin));
	msg = malloc(len + sizeof(origin) + 64);
	if (!msg)
		return NULL;
	snprintf(msg, len + sizeof(origin) + 64, "%s%sinsn %ld: emitted by %s",
		 log, len && log[len - 1] == '\n' ? "" : "\n", slot, origin);
	return msg;
}

int mapops_prog_load(mapops_prog_t *prog, enum bpf_prog_type type,
		     const struct mapops_load_opts *opts)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo);
	PROG_BTF_AUTO btf = PROG_BTF_INIT; /* closed on every return */
	const struct bpf_insn *insns;
	const char *name, *license;
	char *log = NULL;
	size_t cnt;
	struct op o;
	int fd, err;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (type == BPF_PROG_TYPE_UNSPEC)
		op_error(&o, -EINVAL, "type BPF_PROG_TYPE_UNSPEC is not a program type");
	chk_opts(&o, opts);
	if (o.err)
		return op_fail(&o);
	insns = prog_resolve(&o, &cnt);
	if (!insns || prog_btf_load_opts(&o, &btf, &lo))
		return op_fail(&o);

	name = OPTS_GET(opts, prog_name, NULL);
	license = OPTS_GET(opts, license, NULL);
	if (!license)
		license = "GPL";
	lo.expected_attach_type = OPTS_GET(opts, expected_attach_type, 0);
	lo.prog_ifindex = OPTS_GET(opts, prog_ifindex, 0);
	lo.prog_flags = OPTS_GET(opts, prog_flags, 0);
	lo.kern_version = OPTS_GET(opts, kern_version, 0);
	lo.log_buf = OPTS_GET(opts, log_buf, NULL);
	lo.log_size = OPTS_GET(opts, log_size, 0);
	lo.log_level = OPTS_GET(opts, log_level, 0);

	fd = bpf_prog_load(type, name, license, insns, cnt, &lo);
	if (fd >= 0)
		return fd;
	err = errno;
	if (lo.log_buf && lo.log_buf[0])
		log = strdup(lo.log_buf);
	else if (!lo.log_buf)
		log = load_for_log(type, name, license, insns, cnt, &lo);
	if (log && log[0]) {
		char head[128], *full = log_with_origin(prog, log);

		snprintf(head, sizeof(head),
			 "the kernel refused the program: %s (errno %d); verifier log:",
			 strerror(err), err);
		op_error_long(&o, -err, head, full ? full : log);
		free(full);
	} else {
		op_error(&o, -err, "the kernel refused the program: %s (errno %d)",
			 strerror(err), err);
	}
	free(log);
	return op_fail(&o);
}
