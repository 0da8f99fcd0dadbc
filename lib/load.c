/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The loader: mapops_prog_load() through the raw bpf(BPF_PROG_LOAD) call,
 * keeping the verifier's errno and log.
 *
 * At most two loads, whatever happens:
 *  - with a caller's buffer (128 bytes or more) and a log level, the first
 *    load writes the log there; if it fails with ENOSPC (the log did not
 *    fit: the kernel then fails even a valid program), a second load
 *    without a log gives the program's fate and the verifier's own errno;
 *  - otherwise the first load has no log, and only a refused program is
 *    loaded a second time, at level 1, into the caller's buffer or into one
 *    of the library's own (LIB_LOG_SIZE; the kernel keeps a log's tail from
 *    6.4 on, where it reports the log's true size in log_true_size).
 * libbpf 1.1.2's bpf_prog_load() cannot do this: it has no log_true_size,
 * retries a failed load with its own log level, and cuts a long prog_name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include <bpf/bpf.h>

#include "internal.h"

/* The kernel's largest log_size (a larger one is EINVAL). */
#define KERNEL_LOG_MAX (UINT32_MAX >> 2)
/* Kernels before 6.4 refuse (EINVAL) a log buffer smaller than this. */
#define KERNEL_LOG_MIN 128u
/* The library's own buffer, for a refusal when the caller gave none. */
#define LIB_LOG_SIZE (16u << 20)
/* The message keeps at most this much of the log's start and of its end. */
#define MSG_LOG_HEAD (8u << 10)
#define MSG_LOG_TAIL (56u << 10)
/* struct mapops_load_opts will never be this large: a larger sz is a bug. */
#define OPTS_SZ_MAX 4096u
/* BPF_LOG_FIXED (6.4+): the kernel keeps the log's start, not its end. */
#define LOG_FIXED 8u

/*
 * union bpf_attr's BPF_PROG_LOAD part as of 6.4: Debian 12's <linux/bpf.h>
 * (6.1) ends it at core_relo_rec_size; 6.4 appends log_true_size, which
 * the kernel fills in when the attr passed is long enough.  Older kernels
 * accept the longer attr as long as the bytes they do not know are zero.
 */
struct load_attr_ext {
	char known[offsetof(union bpf_attr, core_relo_rec_size) +
		   sizeof(__u32)];
	__u32 log_true_size;
};
union load_attr {
	union bpf_attr attr;
	struct load_attr_ext ext;
};
_Static_assert(offsetof(struct load_attr_ext, log_true_size) ==
		       offsetof(union bpf_attr, core_relo_rec_size) + 4,
	       "log_true_size follows core_relo_rec_size (kernel 6.4)");

#define OPTS_HAS(opts, field)                                              \
	((opts) && (opts)->sz >= offsetof(struct mapops_load_opts, field) + \
				  sizeof((opts)->field))
#define OPTS_GET(opts, field, def) (OPTS_HAS(opts, field) ? (opts)->field : (def))

static bool name_byte_ok(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static void chk_name(struct op *o, const char *name)
{
	size_t len, i;

	if (!name)
		return;
	len = strnlen(name, BPF_OBJ_NAME_LEN);
	if (len >= BPF_OBJ_NAME_LEN) {
		op_error(o, -ENAMETOOLONG,
			 "opts->prog_name \"%.32s%s\" is longer than the kernel's %u bytes",
			 name, strnlen(name, 33) > 32 ? "..." : "",
			 BPF_OBJ_NAME_LEN - 1);
		return;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (!name_byte_ok(c)) {
			op_error(o, -EINVAL,
				 "opts->prog_name \"%s\": byte %zu (0x%02x) is not an ASCII letter, digit, '_' or '.', which the kernel requires",
				 name, i, c);
			return;
		}
	}
}

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
	if (opts->sz > OPTS_SZ_MAX) {
		op_error(o, -EINVAL,
			 "opts->sz %zu is larger than a page (%u bytes): not the size of a struct mapops_load_opts (%zu bytes here)",
			 opts->sz, OPTS_SZ_MAX, sizeof(*opts));
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
	chk_name(o, OPTS_GET(opts, prog_name, NULL));
}

/* One BPF_PROG_LOAD: the new fd, or a negative errno.  buf (if any) is
 * terminated first, so a kernel that writes nothing leaves "" there. */
static int sys_load(union load_attr *a, __u32 level, char *buf, __u32 size,
		    __u32 *true_size)
{
	long fd;

	if (buf)
		buf[0] = '\0';
	a->attr.log_level = buf ? level : 0;
	a->attr.log_size = buf ? size : 0;
	a->attr.log_buf = (__u64)(uintptr_t)buf;
	a->ext.log_true_size = 0;
	fd = syscall(__NR_bpf, BPF_PROG_LOAD, a, sizeof(*a));
	*true_size = a->ext.log_true_size;
	if (fd < 0)
		return errno ? -errno : -EINVAL;
	return (int)fd;
}

/* What a refused load leaves to explain. */
struct refusal {
	int err;           /* the verifier's (positive) errno */
	const char *log;   /* the log's bytes, or NULL */
	size_t len;        /* how many (never past the buffer) */
	bool truncated;    /* the kernel had more log than it kept */
	bool tail_kept;    /* a truncated log kept its end (6.4+) */
	__u32 true_size;   /* the whole log's size, 0 if not reported */
	bool callers_buf;  /* the log is in the caller's buffer */
};

/*
 * The slot the verifier stopped at: the last instruction line of the log,
 * "37: (79) r1 = *(u64 *)(r0 +0)".  -1 if there is none.
 */
static long failing_slot(const char *log, size_t len)
{
	const char *line = log, *end = log + len;
	long slot = -1;

	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *eol = nl ? nl : end;
		long n = 0;
		const char *p = line;

		while (p < eol && *p >= '0' && *p <= '9' && n < 100000000)
			n = n * 10 + (*p++ - '0');
		if (p != line && eol - p >= 3 && p[0] == ':' && p[1] == ' ' &&
		    p[2] == '(')
			slot = n;
		line = eol + 1;
	}
	return slot;
}

/* Writes (or, dst NULL, measures) s[0 .. n - 1] with every byte but the
 * newlines escaped as caller text is; returns the length. */
static size_t put_log(char *dst, size_t cap, const char *s, size_t n)
{
	size_t out = 0, i = 0;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t seg = nl ? (size_t)(nl - (s + i)) : n - i;

		out += escape_text(dst ? dst + out : NULL, dst ? cap - out : 0,
				   s + i, seg, false);
		i += seg;
		if (nl) {
			if (dst && out + 1 < cap)
				dst[out] = '\n';
			out++;
			i++;
		}
	}
	if (dst && cap)
		dst[out < cap ? out : cap - 1] = '\0';
	return out;
}

/* The start of line following s + at, within s[0 .. n - 1]. */
static size_t next_line(const char *s, size_t n, size_t at)
{
	const char *nl = memchr(s + at, '\n', n - at);

	return nl ? (size_t)(nl - s) + 1 : at;
}

/*
 * The message's log part: the log (its first MSG_LOG_HEAD and last
 * MSG_LOG_TAIL bytes, whole lines, if it is longer), then
 * "insn N: emitted by <origin>".  Newly allocated, or NULL.
 */
static char *log_text(const mapops_prog_t *prog, const struct refusal *r)
{
	const char *log = r->log;
	size_t len = r->len, head = len, tail = len, cut = 0, size, n;
	char origin[64 + 4 * MAPOPS_TAG_MAX + 16], omitted[96];
	long slot = failing_slot(log, len);
	char *msg;

	while (len && (log[len - 1] == '\n' || log[len - 1] == '\0'))
		len--; /* the origin line follows after one newline */
	if (len > MSG_LOG_HEAD + MSG_LOG_TAIL) {
		head = next_line(log, MSG_LOG_HEAD, MSG_LOG_HEAD / 2);
		tail = next_line(log, len, len - MSG_LOG_TAIL);
		cut = tail - head;
	} else {
		head = tail = len;
	}
	snprintf(omitted, sizeof(omitted),
		 "[... %zu bytes of the verifier log left out ...]\n", cut);
	origin[0] = '\0';
	if (slot >= 0 && (size_t)slot < prog->len &&
	    (!r->truncated || r->tail_kept)) {
		struct origin_info info;
		int k;

		origin_get(prog, origin_find(prog, (size_t)slot), &info);
		k = snprintf(origin, sizeof(origin), "\ninsn %ld: emitted by %s #%u",
			     slot, info.fn, info.index);
		if (info.tag && k > 0 && (size_t)k < sizeof(origin) - 8) {
			strcat(origin, " (\"");
			k += 3;
			escape_text(origin + k, sizeof(origin) - (size_t)k - 2,
				    info.tag, strlen(info.tag), true);
			strcat(origin, "\")");
		}
	}
	size = put_log(NULL, 0, log, head) +
	       (cut ? strlen(omitted) + put_log(NULL, 0, log + tail, len - tail) : 0) +
	       strlen(origin) + 1;
	msg = malloc(size);
	if (!msg)
		return NULL;
	n = put_log(msg, size, log, head);
	if (cut) {
		memcpy(msg + n, omitted, strlen(omitted));
		n += strlen(omitted);
		n += put_log(msg + n, size - n, log + tail, len - tail);
	}
	memcpy(msg + n, origin, strlen(origin) + 1);
	return msg;
}

/* Why the kernel may have refused the attributes before verifying. */
static void attr_hint(char *buf, size_t size, const union load_attr *a)
{
	const __u32 known_flags = BPF_F_STRICT_ALIGNMENT | BPF_F_ANY_ALIGNMENT |
				  BPF_F_TEST_RND_HI32 | BPF_F_TEST_STATE_FREQ |
				  BPF_F_SLEEPABLE | BPF_F_XDP_HAS_FRAGS;

	if (a->attr.prog_type > BPF_PROG_TYPE_SYSCALL)
		snprintf(buf, size,
			 "type %u is not a program type of <linux/bpf.h> (the last is BPF_PROG_TYPE_SYSCALL, %d)",
			 a->attr.prog_type, BPF_PROG_TYPE_SYSCALL);
	else if (a->attr.prog_flags & ~known_flags)
		snprintf(buf, size,
			 "opts->prog_flags 0x%x has bits <linux/bpf.h> does not define (0x%x)",
			 a->attr.prog_flags, a->attr.prog_flags & ~known_flags);
	else
		snprintf(buf, size,
			 "it checks type %u with opts->expected_attach_type %u, prog_flags 0x%x, prog_ifindex %u and kern_version %u before verifying",
			 a->attr.prog_type, a->attr.expected_attach_type,
			 a->attr.prog_flags, a->attr.prog_ifindex,
			 a->attr.kern_version);
}

static int refuse(struct op *o, const union load_attr *a,
		  const struct refusal *r)
{
	char head[512], what[256];
	int err = r->err;

	if (!r->log || !r->len) {
		if (err == EINVAL) {
			attr_hint(what, sizeof(what), a);
			op_error(o, -err,
				 "the kernel refused the program: %s (errno %d) before verifying it (no verifier log): %s",
				 strerror(err), err, what);
		} else {
			op_error(o, -err,
				 "the kernel refused the program: %s (errno %d); the verifier wrote no log",
				 strerror(err), err);
		}
		return op_fail(o);
	}
	if (!r->truncated)
		what[0] = '\0';
	else if (r->tail_kept && r->true_size)
		snprintf(what, sizeof(what),
			 " (only its last %zu of %u bytes: %s)", r->len,
			 r->true_size, r->callers_buf ?
			 "opts->log_size is too small for the rest" :
			 "the start did not fit the library's buffer");
	else
		snprintf(what, sizeof(what),
			 " (only its first %zu bytes: the rest did not fit %s; kernels before 6.4 drop the end of such a log, and with it the verifier's reason)",
			 r->len, r->callers_buf ? "opts->log_size" :
			 "the library's buffer: pass a larger opts->log_buf");
	snprintf(head, sizeof(head),
		 "the kernel refused the program: %s (errno %d); verifier log%s:",
		 strerror(err), err, what);
	{
		char *text = log_text(o->prog, r);

		op_error_long(o, -err, head, text ? text : "");
		free(text);
	}
	return op_fail(o);
}

int mapops_prog_load(mapops_prog_t *prog, enum bpf_prog_type type,
		     const struct mapops_load_opts *opts)
{
	LIBBPF_OPTS(bpf_prog_load_opts, lo);
	PROG_BTF_AUTO btf = PROG_BTF_INIT; /* closed on every return */
	const struct bpf_insn *insns;
	const char *name, *license;
	struct refusal r = { 0 };
	union load_attr a;
	char *ubuf, *own = NULL;
	__u32 level, usize, true_size = 0;
	size_t cnt;
	struct op o;
	int fd, rc;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (type == BPF_PROG_TYPE_UNSPEC)
		op_error(&o, -EINVAL, "type BPF_PROG_TYPE_UNSPEC is not a program type");
	chk_opts(&o, opts);
	if (o.err)
		return op_fail(&o);
	insns = prog_resolve(&o, &cnt);
	if (!insns)
		return op_fail(&o);
	if (!cnt) {
		op_error(&o, -E2BIG,
			 "the program is empty (0 slots); it needs at least an exit (the kernel refuses an empty program with E2BIG)");
		return op_fail(&o);
	}
	/* The BTF function information subprograms need (none without). */
	if (prog_btf_load_opts(&o, &btf, &lo))
		return op_fail(&o);

	name = OPTS_GET(opts, prog_name, NULL);
	license = OPTS_GET(opts, license, NULL);
	memset(&a, 0, sizeof(a));
	a.attr.prog_type = (__u32)type;
	a.attr.insn_cnt = (__u32)cnt;
	a.attr.insns = (__u64)(uintptr_t)insns;
	a.attr.license = (__u64)(uintptr_t)(license ? license : "GPL");
	a.attr.expected_attach_type = OPTS_GET(opts, expected_attach_type, 0);
	a.attr.prog_ifindex = OPTS_GET(opts, prog_ifindex, 0);
	a.attr.prog_flags = OPTS_GET(opts, prog_flags, 0);
	a.attr.kern_version = OPTS_GET(opts, kern_version, 0);
	if (name) /* checked: shorter than BPF_OBJ_NAME_LEN */
		memcpy(a.attr.prog_name, name, strlen(name));
	a.attr.prog_btf_fd = lo.prog_btf_fd;
	a.attr.func_info = (__u64)(uintptr_t)lo.func_info;
	a.attr.func_info_cnt = lo.func_info_cnt;
	a.attr.func_info_rec_size = lo.func_info_rec_size;
	ubuf = OPTS_GET(opts, log_buf, NULL);
	usize = OPTS_GET(opts, log_size, 0);
	level = OPTS_GET(opts, log_level, 0);
	if (usize > KERNEL_LOG_MAX) /* the kernel refuses more: use what it takes */
		usize = KERNEL_LOG_MAX;
	if (ubuf)
		ubuf[0] = '\0'; /* whatever happens, never stale text */

	if (ubuf && level && usize >= KERNEL_LOG_MIN) {
		/* The caller's log, for a valid program too. */
		fd = sys_load(&a, level, ubuf, usize, &true_size);
		if (fd >= 0)
			return fd;
		r.err = -fd;
		r.log = ubuf;
		r.len = strnlen(ubuf, usize);
		r.callers_buf = true;
		if (fd == -ENOSPC) {
			__u32 ignored;

			/* The log did not fit, and that alone fails a load:
			 * the program's own fate comes without a log. */
			r.truncated = true;
			r.true_size = true_size;
			r.tail_kept = true_size && !(level & LOG_FIXED);
			fd = sys_load(&a, 0, NULL, 0, &ignored);
			if (fd >= 0)
				return fd; /* valid: only the log was cut */
			r.err = -fd;
		}
		return refuse(&o, &a, &r);
	}

	/* No log (or too small a buffer for old kernels) first: a valid
	 * program loads at once. */
	fd = sys_load(&a, 0, NULL, 0, &true_size);
	if (fd >= 0)
		return fd;
	r.err = -fd;
	if (fd == -EPERM) /* no privileges: a log will not say more */
		return refuse(&o, &a, &r);
	if (!level)
		level = 1;
	if (ubuf && usize >= KERNEL_LOG_MIN) {
		rc = sys_load(&a, level, ubuf, usize, &true_size);
		r.log = ubuf;
		r.len = strnlen(ubuf, usize);
		r.callers_buf = true;
	} else {
		/* zeroed: fresh pages from the kernel, and no byte the tools
		 * (valgrind) think uninitialised if the kernel wrote less */
		own = calloc(1, LIB_LOG_SIZE);
		if (!own)
			return refuse(&o, &a, &r);
		rc = sys_load(&a, level, own, LIB_LOG_SIZE, &true_size);
		r.log = own;
		r.len = strnlen(own, LIB_LOG_SIZE);
	}
	if (rc >= 0) /* accepted the second time: nothing more to explain */
		close(rc);
	r.truncated = rc == -ENOSPC;
	r.true_size = true_size;
	r.tail_kept = true_size && !(level & LOG_FIXED);
	if (own && ubuf && usize) {
		/* A caller's buffer under KERNEL_LOG_MIN gets the log's end. */
		size_t keep = r.len < usize - 1 ? r.len : usize - 1;

		memcpy(ubuf, own + r.len - keep, keep);
		ubuf[keep] = '\0';
	}
	rc = refuse(&o, &a, &r);
	free(own);
	return rc;
}
