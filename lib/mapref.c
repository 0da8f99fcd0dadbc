/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Map operands: maps in registers, named maps bound late, and what the
 * kernel says about each map a program is given (asked once per fd).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "grow.h"
#include "insn.h"
#include "internal.h"

/* ---- The operands -------------------------------------------------- */

int mapops_map_reg(int reg)
{
	if (reg < BPF_REG_0 || reg > BPF_REG_9) {
		errno = EINVAL;
		return -EINVAL;
	}
	return MAP_OPERAND_REG + reg;
}

/* s, cut to fit buf with "..." after it.  Not escaped here: op_error()
 * escapes every message that quotes caller text (escape.c). */
static const char *escaped(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);

	if (n < size) {
		memcpy(buf, s, n + 1);
		return buf;
	}
	memcpy(buf, s, size - 4);
	memcpy(buf + size - 4, "...", 4);
	return buf;
}

#define NAME_TEXT 96 /* room for a name in a message */

/* The name's index, or nrefs when absent. */
static size_t ref_find(const mapops_prog_t *prog, const char *name)
{
	size_t i;

	for (i = 0; i < prog->nrefs; i++)
		if (strcmp(prog->refs[i].name, name) == 0)
			break;
	return i;
}

static void chk_name(struct op *o, const char *name)
{
	size_t len;

	if (!name) {
		op_error(o, -EINVAL, "name is NULL");
		return;
	}
	len = strlen(name);
	if (len == 0)
		op_error(o, -EINVAL, "name is empty");
	else if (len > MAPOPS_LABEL_MAX)
		op_error(o, -ENAMETOOLONG,
			 "name is %zu bytes long, longer than MAPOPS_LABEL_MAX (%d)",
			 len, MAPOPS_LABEL_MAX);
}

/* The index of name, added unbound if new; nrefs (error recorded) on
 * failure. */
static size_t ref_get(struct op *o, const char *name)
{
	mapops_prog_t *prog = o->prog;
	size_t i = ref_find(prog, name);
	struct map_ref *refs;
	char *copy;

	if (i < prog->nrefs)
		return i;
	if (prog->nrefs > MAP_OPERAND_REF_MAX) {
		op_error(o, -E2BIG, "the program names %zu maps already",
			 prog->nrefs);
		return prog->nrefs;
	}
	refs = grow_array(prog->refs, &prog->cap_refs, prog->nrefs + 1,
			  sizeof(*prog->refs));
	if (!refs) {
		op_error(o, -ENOMEM, "out of memory naming a map");
		return prog->nrefs;
	}
	prog->refs = refs;
	copy = malloc(strlen(name) + 1);
	if (!copy) {
		op_error(o, -ENOMEM, "out of memory naming a map");
		return prog->nrefs;
	}
	strcpy(copy, name);
	refs[prog->nrefs].name = copy;
	refs[prog->nrefs].fd = -1;
	return prog->nrefs++;
}

int mapops_map_ref(mapops_prog_t *prog, const char *name)
{
	struct op o;
	size_t i;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_name(&o, name);
	if (o.err)
		return op_fail(&o);
	i = ref_get(&o, name);
	if (o.err)
		return op_fail(&o);
	return MAP_OPERAND_REF + (int)i;
}

/* ---- What the kernel says about a map ------------------------------ */

/* Whether fd is a BPF map: its file is the kernel's "bpf-map" anon inode.
 * (bpf_obj_get_info_by_fd also answers for programs and links, with
 * their own info structs.) */
static bool fd_is_map(int fd)
{
	char path[64], link[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return false;
	link[n] = '\0';
	return strcmp(link, "anon_inode:bpf-map") == 0;
}

/* The map behind fd, asked once per program; NULL when fd is not a BPF map
 * (taken unchecked) or on ENOMEM (error recorded). */
static const struct map_info *map_info_get(struct op *o, int fd)
{
	mapops_prog_t *prog = o->prog;
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	struct map_info *mi;
	size_t i;

	for (i = 0; i < prog->ninfos; i++)
		if (prog->infos[i].fd == fd)
			return prog->infos[i].is_map ? &prog->infos[i] : NULL;
	mi = grow_array(prog->infos, &prog->cap_infos, prog->ninfos + 1,
			sizeof(*prog->infos));
	if (!mi) {
		op_error(o, -ENOMEM, "out of memory remembering map_fd %d", fd);
		return NULL;
	}
	prog->infos = mi;
	mi += prog->ninfos++;
	memset(mi, 0, sizeof(*mi));
	mi->fd = fd;
	memset(&info, 0, sizeof(info));
	/* The kernel first: it refuses an fd that is no BPF object at once
	 * (0.5 us here), where the readlink costs 3 us. */
	if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0 || !fd_is_map(fd))
		return NULL;
	mi->is_map = true;
	mi->type = info.type;
	mi->key_size = info.key_size;
	mi->value_size = info.value_size;
	mi->max_entries = info.max_entries;
	return mi;
}

static const char *type_name(__u32 type)
{
	const char *s = libbpf_bpf_map_type_str((enum bpf_map_type)type);

	return s ? s : "unknown";
}

/* "a" or "an" before a type name. */
static const char *art(const char *t)
{
	return strchr("aeiou", t[0]) ? "an" : "a";
}

static bool is_array(__u32 type)
{
	return type == BPF_MAP_TYPE_ARRAY || type == BPF_MAP_TYPE_PERCPU_ARRAY;
}

static bool is_percpu(__u32 type)
{
	return type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       type == BPF_MAP_TYPE_PERCPU_HASH ||
	       type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

/* What the map makes impossible in need: 0, or a negative errno with the
 * reason in msg (naming the argument). */
static int need_problem(const struct map_info *mi, const struct map_need *n,
			char *msg, size_t size)
{
	/* The type's name only for a message, not on every call (a call
	 * into libbpf). */
	const char *t;

	if (n->key_off && n->key_off + (long)mi->key_size > 0) {
		snprintf(msg, size,
			 "key_stack_off %d: the map's %u-byte key would run past the top of the stack frame",
			 n->key_off, mi->key_size);
		return -EINVAL;
	}
	if (n->value_off && n->value_off + (long)mi->value_size > 0) {
		snprintf(msg, size,
			 "value_stack_off %d: the map's %u-byte value would run past the top of the stack frame",
			 n->value_off, mi->value_size);
		return -EINVAL;
	}
	switch (n->kind) {
	case NEED_UPDATE:
		if (is_array(mi->type) && (n->arg & BPF_NOEXIST)) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "flags BPF_NOEXIST on %s %s map, whose elements always exist: the update always fails (-EEXIST)",
				 art(t), t);
			return -EINVAL;
		}
		break;
	case NEED_DELETE:
		if (is_array(mi->type)) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map, whose elements cannot be deleted (the kernel answers -EINVAL)",
				art(t), t);
			return -EINVAL;
		}
		break;
	case NEED_COUNTER:
		if (mi->value_size < 8) {
			snprintf(msg, size,
				 "map_fd: the map's value is %u bytes, too short for the 8-byte counter",
				 mi->value_size);
			return -EINVAL;
		}
		break;
	case NEED_RINGBUF:
	case NEED_RB_RESERVE:
		if (mi->type != BPF_MAP_TYPE_RINGBUF) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map, not a ring buffer (BPF_MAP_TYPE_RINGBUF)",
				art(t), t);
			return -EINVAL;
		}
		/* A record takes an 8-byte header and is rounded up to 8. */
		if (n->kind == NEED_RB_RESERVE &&
		    (((__u64)n->arg + 8 + 7) & ~(__u64)7) > mi->max_entries) {
			snprintf(msg, size,
				 "size %u: a record of that size never fits the %u-byte ring buffer (the reservation would always be NULL)",
				 n->arg, mi->max_entries);
			return -EINVAL;
		}
		break;
	case NEED_PERF:
		if (mi->type != BPF_MAP_TYPE_PERF_EVENT_ARRAY) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map, not a perf event array (BPF_MAP_TYPE_PERF_EVENT_ARRAY)",
				art(t), t);
			return -EINVAL;
		}
		break;
	case NEED_QUEUE:
		if (mi->type != BPF_MAP_TYPE_QUEUE &&
		    mi->type != BPF_MAP_TYPE_STACK) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map, not a queue or stack (BPF_MAP_TYPE_QUEUE, BPF_MAP_TYPE_STACK)",
				art(t), t);
			return -EINVAL;
		}
		break;
	case NEED_PROG_ARRAY:
		if (mi->type != BPF_MAP_TYPE_PROG_ARRAY) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map, not a program array (BPF_MAP_TYPE_PROG_ARRAY)",
				art(t), t);
			return -EINVAL;
		}
		break;
	case NEED_VALUE_ADDR:
		if (mi->type != BPF_MAP_TYPE_ARRAY || mi->max_entries != 1) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map of %u entries: direct value access needs an array map (BPF_MAP_TYPE_ARRAY) of exactly one entry",
				 art(t), t, mi->max_entries);
			return -EINVAL;
		}
		if (n->arg >= mi->value_size) {
			snprintf(msg, size,
				 "off %u is past the map's %u-byte value",
				 n->arg, mi->value_size);
			return -EINVAL;
		}
		break;
	case NEED_PERCPU:
		if (!is_percpu(mi->type)) {
			t = type_name(mi->type);
			snprintf(msg, size,
				 "map_fd is %s %s map, not a per-CPU map (BPF_MAP_TYPE_PERCPU_ARRAY, _PERCPU_HASH, _LRU_PERCPU_HASH)",
				art(t), t);
			return -EINVAL;
		}
		break;
	default:
		break;
	}
	return 0;
}

/* ---- A call's map operand ------------------------------------------ */

void map_use_start(struct op *o, struct map_use *u, int operand,
		   unsigned takes, const char *why, struct map_need need)
{
	mapops_prog_t *prog = o->prog;

	memset(u, 0, sizeof(*u));
	/* Field by field: need arrives on the stack as two 8-byte stores,
	 * which one 16-byte load (a struct copy) cannot forward (a stall;
	 * with the lazy type name below, map operations built 7-12% faster). */
	u->need.kind = need.kind;
	u->need.key_off = need.key_off;
	u->need.value_off = need.value_off;
	u->need.arg = need.arg;
	u->kind = -1;
	if (operand >= 0) {
		u->kind = MAP_FD;
		u->value = operand;
	} else if (operand >= MAP_OPERAND_REG &&
		   operand <= MAP_OPERAND_REG + BPF_REG_9) {
		u->kind = MAP_REG;
		u->value = operand - MAP_OPERAND_REG;
		if (!takes ||
		    ((takes & MAP_TAKES_REG_CALLEE) && u->value < BPF_REG_6))
			op_error(o, -EINVAL, "map_fd mapops_map_reg(r%d): %s",
				 u->value, why);
	} else if (operand >= MAP_OPERAND_REF &&
		   operand <= MAP_OPERAND_REF + MAP_OPERAND_REF_MAX &&
		   (size_t)(operand - MAP_OPERAND_REF) < prog->nrefs) {
		u->kind = MAP_REF;
		u->value = operand - MAP_OPERAND_REF;
	} else if (operand >= MAP_OPERAND_REF &&
		   operand <= MAP_OPERAND_REF + MAP_OPERAND_REF_MAX) {
		op_error(o, -EINVAL,
			 "map_fd %d is not a mapops_map_ref() operand of this program",
			 operand);
	} else {
		op_error(o, -EBADF, "map_fd %d is not a file descriptor",
			 operand);
	}
}

void map_use_check(struct op *o, struct map_use *u)
{
	mapops_prog_t *prog = o->prog;
	const struct map_info *mi = NULL;
	char msg[256];
	int err;

	if (o->err)
		return;
	if (u->kind == MAP_FD)
		mi = map_info_get(o, u->value);
	else if (u->kind == MAP_REF && prog->refs[u->value].fd >= 0)
		mi = map_info_get(o, prog->refs[u->value].fd);
	if (!mi)
		return;
	err = need_problem(mi, &u->need, msg, sizeof(msg));
	if (err && u->kind == MAP_FD) {
		op_error(o, err, "%s (map_fd %d)", msg, u->value);
	} else if (err) {
		char name[NAME_TEXT];

		op_error(o, err, "%s (map \"%s\", fd %d)", msg,
			 escaped(prog->refs[u->value].name, name, sizeof(name)),
			 prog->refs[u->value].fd);
	}
}

struct bpf_insn *put_map(struct map_use *u, struct bpf_insn *buf,
			 struct bpf_insn *p, int dst)
{
	switch (u->kind) {
	case MAP_REG:
		if (u->value != dst)
			*p++ = insn_mov64_reg(dst, u->value);
		return p;
	case MAP_REF:
		if (u->nat < MAP_USE_MAX_LOADS)
			u->at[u->nat++] = (size_t)(p - buf);
		return put_ld_imm64(p, dst, BPF_PSEUDO_MAP_FD, 0);
	default:
		return put_ld_imm64(p, dst, BPF_PSEUDO_MAP_FD,
				    (__u32)u->value);
	}
}

bool map_use_reserve(struct op *o, struct map_use *u)
{
	mapops_prog_t *prog = o->prog;

	if (u->kind == MAP_REF && !o->err) {
		struct map_site *s = grow_array(prog->sites, &prog->cap_sites,
						prog->nsites + u->nat,
						sizeof(*prog->sites));

		if (!s)
			op_error(o, -ENOMEM,
				 "out of memory recording a named map's use");
		else
			prog->sites = s;
	}
	return !o->err;
}

void map_use_record(mapops_prog_t *prog, const struct map_use *u,
		    size_t first)
{
	size_t i;

	if (u->kind != MAP_REF)
		return;
	for (i = 0; i < u->nat; i++) {
		struct map_site *s = &prog->sites[prog->nsites++];

		s->slot = (uint32_t)(first + u->at[i]);
		s->ref = (uint32_t)u->value;
		s->need = u->need;
	}
}

int map_use_append(struct op *o, struct map_use *u, const struct bpf_insn *buf,
		   size_t n)
{
	size_t first = o->prog->len;

	map_use_reserve(o, u);
	if (op_append(o, buf, n))
		return o->err;
	map_use_record(o->prog, u, first);
	return 0;
}

/* ---- Binding ------------------------------------------------------- */

int mapops_prog_bind_map(mapops_prog_t *prog, const char *name, int map_fd)
{
	const struct map_info *mi = NULL;
	char text[NAME_TEXT];
	struct op o;
	size_t i, nrefs;

	if (op_start(&o, prog, __func__))
		return o.err;
	chk_name(&o, name);
	if (!o.err && map_fd < 0)
		op_error(&o, -EBADF,
			 "map_fd %d is not a file descriptor (a name binds to a map's fd, not to another operand)",
			 map_fd);
	if (o.err)
		return op_fail(&o);
	nrefs = prog->nrefs;
	i = ref_get(&o, name);
	if (!o.err)
		mi = map_info_get(&o, map_fd);
	/* The calls made before the binding: check them now. */
	for (size_t k = 0; mi && !o.err && k < prog->nsites; k++) {
		const struct map_site *s = &prog->sites[k];
		char msg[256], call[160];
		int err;

		if (s->ref != i)
			continue;
		err = need_problem(mi, &s->need, msg, sizeof(msg));
		if (!err)
			continue;
		origin_snprint(prog, s->slot, call, sizeof(call));
		op_error(&o, err, "map \"%s\" (fd %d) cannot serve %s at slot %u: %s",
			 escaped(name, text, sizeof(text)), map_fd, call,
			 s->slot, msg);
	}
	if (o.err) {
		if (prog->nrefs > nrefs) { /* undo a name added by this call */
			prog->nrefs--;
			free(prog->refs[prog->nrefs].name);
		}
		return op_fail(&o);
	}
	prog->refs[i].fd = map_fd;
	return 0;
}

/* ---- Resolution ---------------------------------------------------- */

void map_refs_check(struct op *o)
{
	mapops_prog_t *prog = o->prog;
	size_t k;

	for (k = 0; k < prog->nsites && !o->err; k++) {
		const struct map_site *s = &prog->sites[k];
		char text[NAME_TEXT], call[160];

		if (prog->refs[s->ref].fd >= 0)
			continue;
		origin_snprint(prog, s->slot, call, sizeof(call));
		op_error(o, -ENOENT,
			 "map \"%s\" is never bound (mapops_prog_bind_map); %s at slot %u uses it",
			 escaped(prog->refs[s->ref].name, text, sizeof(text)),
			 call, s->slot);
	}
}

void map_refs_fill(mapops_prog_t *prog)
{
	size_t k;

	for (k = 0; k < prog->nsites; k++) {
		const struct map_site *s = &prog->sites[k];

		if (s->slot < prog->len)
			prog->insns[s->slot].imm = prog->refs[s->ref].fd;
	}
}

void map_refs_free(mapops_prog_t *prog)
{
	size_t i;

	for (i = 0; i < prog->nrefs; i++)
		free(prog->refs[i].name);
	free(prog->refs);
	free(prog->sites);
	free(prog->infos);
}

/* ---- Moves --------------------------------------------------------- */

struct bpf_insn *put_parallel_moves(struct bpf_insn *p, const int *dst,
				    const int *src, int n,
				    const int *scratch, int nscratch)
{
	int d[4], s[4], m = 0, i, j;

	for (i = 0; i < n && m < 4; i++)
		if (dst[i] != src[i]) {
			d[m] = dst[i];
			s[m++] = src[i];
		}
	while (m > 0) {
		/* A move whose destination no pending move still reads. */
		for (i = 0; i < m; i++) {
			for (j = 0; j < m; j++)
				if (j != i && s[j] == d[i])
					break;
			if (j == m)
				break;
		}
		if (i < m) {
			int done = d[i], from = s[i];

			*p++ = insn_mov64_reg(done, from);
			/* done now holds from's value for good: read it there,
			 * which may break a cycle without a scratch. */
			for (j = 0; j < m; j++)
				if (s[j] == from)
					s[j] = done;
			for (m--; i < m; i++) { /* keep the order */
				d[i] = d[i + 1];
				s[i] = s[i + 1];
			}
			continue;
		}
		/* Only cycles are left: park the first source in a scratch
		 * register that is neither a destination nor a source. */
		for (i = 0; i < nscratch; i++) {
			for (j = 0; j < n; j++)
				if (dst[j] == scratch[i] || src[j] == scratch[i])
					break;
			if (j == n)
				break;
		}
		if (i == nscratch) /* cannot happen with the callers' lists */
			return p;
		*p++ = insn_mov64_reg(scratch[i], s[0]);
		{
			int old = s[0];

			for (j = 0; j < m; j++)
				if (s[j] == old)
					s[j] = scratch[i];
		}
	}
	return p;
}

/* ---- Constants ----------------------------------------------------- */

struct bpf_insn *put_const_u64(struct bpf_insn *p, int reg, __u64 v)
{
	if (v <= INT32_MAX) {
		*p++ = insn_mov64_imm(reg, (__s32)v);
	} else if (v <= UINT32_MAX) {
		/* wN = v: a 32-bit move zero-extends, so 0xffffffff stays
		 * 0x00000000ffffffff (a 64-bit move would sign-extend it). */
		*p++ = insn_make(BPF_ALU | BPF_MOV | BPF_K, reg, 0, 0,
				 (__s32)(__u32)v);
	} else {
		p = put_ld_imm64(p, reg, 0, v);
	}
	return p;
}

struct bpf_insn *put_map_value(struct map_use *u, struct bpf_insn *buf,
			       struct bpf_insn *p, int dst, __u32 off)
{
	if (u->kind == MAP_REF && u->nat < MAP_USE_MAX_LOADS)
		u->at[u->nat++] = (size_t)(p - buf);
	p = put_ld_imm64(p, dst, BPF_PSEUDO_MAP_VALUE,
			 u->kind == MAP_FD ? (__u32)u->value : 0);
	p[-1].imm = (__s32)off;
	return p;
}

void chk_stack_object(struct op *o, const char *what, int off, __u32 size)
{
	if (size > MAPOPS_STACK_SIZE && off >= -MAPOPS_STACK_SIZE && off <= -1)
		op_error(o, -EINVAL,
			 "%s %d: its %u bytes would run past the top of the stack frame",
			 what, off, size);
	else
		chk_stack(o, what, off, (int)size);
}
