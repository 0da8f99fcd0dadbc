/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Provenance: which public call (and caller tag) emitted each slot. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "grow.h"
#include "internal.h"

bool origin_reserve(struct op *o)
{
	mapops_prog_t *prog = o->prog;
	void *p;

	p = grow_array(prog->origins, &prog->cap_origins, prog->norigins + 1,
		       sizeof(*prog->origins));
	if (!p) {
		op_error(o, -ENOMEM, "out of memory recording where slots come from");
		return false;
	}
	prog->origins = p;
	return true;
}

/* fn's entry in the call counts table (its fn_id is the entry's index). */
static size_t call_count(mapops_prog_t *prog, const char *fn)
{
	size_t h = ((uintptr_t)fn >> 3) % CALL_COUNTS, i, k = 0;

	for (i = 0; i < CALL_COUNTS; i++) {
		k = (h + i) % CALL_COUNTS;
		if (prog->counts[k].fn == fn || !prog->counts[k].fn)
			break;
	}
	/* The table has room for more functions than the library exports. */
	prog->counts[k].fn = fn;
	return k;
}

void origin_commit(struct op *o, size_t first, size_t n)
{
	mapops_prog_t *prog = o->prog;
	struct origin *org;
	size_t id;

	if (!n)
		return; /* a call that emitted nothing is nobody's origin */
	id = call_count(prog, o->fn);
	org = &prog->origins[prog->norigins++];
	org->first = (uint32_t)first;
	org->fn_index = (uint32_t)id | ++prog->counts[id].n << ORIGIN_FN_BITS;
}

size_t origin_find(const mapops_prog_t *prog, size_t slot)
{
	size_t lo = 0, hi = prog->norigins; /* origins[lo].first <= slot */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (prog->origins[mid].first <= slot)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The caller's tag in force at slot, or NULL. */
static const char *tag_at(const mapops_prog_t *prog, size_t slot)
{
	size_t lo = 0, hi = prog->ntag_runs;

	if (!hi || prog->tag_runs[0].first > slot)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (prog->tag_runs[mid].first <= slot)
			lo = mid;
		else
			hi = mid;
	}
	return prog->tag_runs[lo].tag ?
		prog->tags + prog->tag_runs[lo].tag - 1 : NULL;
}

void origin_get(const mapops_prog_t *prog, size_t k, struct origin_info *info)
{
	const struct origin *org = &prog->origins[k];

	info->fn = prog->counts[org->fn_index & ((1u << ORIGIN_FN_BITS) - 1)].fn;
	info->index = org->fn_index >> ORIGIN_FN_BITS;
	info->tag = tag_at(prog, org->first);
}

int origin_snprint(const mapops_prog_t *prog, size_t slot, char *buf,
		   size_t size)
{
	struct origin_info info;

	origin_get(prog, origin_find(prog, slot), &info);
	if (info.tag)
		return snprintf(buf, size, "%s #%u (\"%s\")", info.fn,
				info.index, info.tag);
	return snprintf(buf, size, "%s #%u", info.fn, info.index);
}

/* Starts a tag run at the next slot (replacing one that starts there). */
static bool set_tag_run(struct op *o, uint32_t tag)
{
	mapops_prog_t *prog = o->prog;
	struct tag_run *last = prog->ntag_runs ?
		&prog->tag_runs[prog->ntag_runs - 1] : NULL;
	void *p;

	if (last && last->first == prog->len) {
		last->tag = tag;
		return true;
	}
	if (!last && !tag)
		return true;
	p = grow_array(prog->tag_runs, &prog->cap_tag_runs,
		       prog->ntag_runs + 1, sizeof(*prog->tag_runs));
	if (!p) {
		op_error(o, -ENOMEM, "out of memory recording a tag");
		return false;
	}
	prog->tag_runs = p;
	prog->tag_runs[prog->ntag_runs].first = (uint32_t)prog->len;
	prog->tag_runs[prog->ntag_runs++].tag = tag;
	return true;
}

int mapops_prog_set_tag(mapops_prog_t *prog, const char *tag)
{
	char copy[MAPOPS_TAG_MAX + 1];
	struct op o;
	size_t len;
	void *p;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!tag)
		return set_tag_run(&o, 0) ? 0 : op_fail(&o);
	len = strnlen(tag, MAPOPS_TAG_MAX + 1);
	if (len > MAPOPS_TAG_MAX) {
		op_error(&o, -ENAMETOOLONG, "tag \"%.32s...\" is longer than %d bytes",
			 tag, MAPOPS_TAG_MAX);
		return op_fail(&o);
	}
	/* The tag may be the program's own (from mapops_prog_insn_origin),
	 * which growing the arena would free: copy it first. */
	memcpy(copy, tag, len + 1);
	tag = copy;
	if (prog->tags_len + len + 1 > UINT32_MAX) {
		op_error(&o, -ENOMEM, "too many tags");
		return op_fail(&o);
	}
	p = grow_array(prog->tags, &prog->tags_cap, prog->tags_len + len + 1, 1);
	if (!p) {
		op_error(&o, -ENOMEM, "out of memory storing tag \"%s\"", tag);
		return op_fail(&o);
	}
	prog->tags = p;
	if (!set_tag_run(&o, (uint32_t)prog->tags_len + 1))
		return op_fail(&o);
	memcpy(prog->tags + prog->tags_len, tag, len + 1);
	prog->tags_len += len + 1;
	return 0;
}

int mapops_prog_insn_origin(const mapops_prog_t *prog, size_t slot,
			    const char **call, unsigned *call_index,
			    const char **tag)
{
	struct origin_info info;

	if (!prog) {
		errno = EINVAL;
		return -EINVAL;
	}
	if (slot >= prog->len) {
		errno = ERANGE;
		return -ERANGE;
	}
	origin_get(prog, origin_find(prog, slot), &info);
	if (call)
		*call = info.fn;
	if (call_index)
		*call_index = info.index;
	if (tag)
		*tag = info.tag;
	return 0;
}
