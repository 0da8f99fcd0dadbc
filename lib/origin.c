/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Provenance: which public call (and caller tag) emitted each slot. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "grow.h"
#include "internal.h"

bool origin_reserve(struct op *o, size_t n)
{
	mapops_prog_t *prog = o->prog;
	void *p;

	p = grow_array(prog->slot_origin, &prog->cap_slot_origin,
		       prog->len + n, sizeof(*prog->slot_origin));
	if (p) {
		prog->slot_origin = p;
		p = grow_array(prog->origins, &prog->cap_origins,
			       prog->norigins + 1, sizeof(*prog->origins));
	}
	if (!p) {
		op_error(o, -ENOMEM, "out of memory recording where slots come from");
		return false;
	}
	prog->origins = p;
	return true;
}

/* The number of earlier calls of fn, counted in place. */
static uint32_t *call_count(mapops_prog_t *prog, const char *fn)
{
	size_t h = ((uintptr_t)fn >> 3) % CALL_COUNTS, i;

	for (i = 0; i < CALL_COUNTS; i++) {
		struct call_count *c = &prog->counts[(h + i) % CALL_COUNTS];

		if (c->fn == fn || !c->fn) {
			c->fn = fn;
			return &c->n;
		}
	}
	return NULL; /* more public functions than CALL_COUNTS: cannot happen */
}

void origin_commit(struct op *o, size_t first, size_t n)
{
	mapops_prog_t *prog = o->prog;
	uint32_t id = (uint32_t)prog->norigins++, *count;
	struct origin *org = &prog->origins[id];
	size_t i;

	count = call_count(prog, o->fn);
	org->fn = o->fn;
	org->index = count ? ++*count : 0;
	org->tag = prog->cur_tag;
	for (i = first; i < first + n; i++)
		prog->slot_origin[i] = id;
}

int origin_snprint(const mapops_prog_t *prog, size_t slot, char *buf,
		   size_t size)
{
	const struct origin *org = &prog->origins[prog->slot_origin[slot]];

	if (org->tag)
		return snprintf(buf, size, "%s #%u (\"%s\")", org->fn,
				org->index, prog->tags + org->tag - 1);
	return snprintf(buf, size, "%s #%u", org->fn, org->index);
}

int mapops_prog_set_tag(mapops_prog_t *prog, const char *tag)
{
	struct op o;
	size_t len;
	void *p;

	if (op_start(&o, prog, __func__))
		return o.err;
	if (!tag) {
		prog->cur_tag = 0;
		return 0;
	}
	len = strnlen(tag, MAPOPS_TAG_MAX + 1);
	if (len > MAPOPS_TAG_MAX) {
		op_error(&o, -ENAMETOOLONG, "tag \"%.32s...\" is longer than %d bytes",
			 tag, MAPOPS_TAG_MAX);
		return op_fail(&o);
	}
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
	memcpy(prog->tags + prog->tags_len, tag, len + 1);
	prog->cur_tag = (uint32_t)prog->tags_len + 1;
	prog->tags_len += len + 1;
	return 0;
}

int mapops_prog_insn_origin(const mapops_prog_t *prog, size_t slot,
			    const char **call, unsigned *call_index,
			    const char **tag)
{
	const struct origin *org;

	if (!prog) {
		errno = EINVAL;
		return -EINVAL;
	}
	if (slot >= prog->len) {
		errno = ERANGE;
		return -ERANGE;
	}
	org = &prog->origins[prog->slot_origin[slot]];
	if (call)
		*call = org->fn;
	if (call_index)
		*call_index = org->index;
	if (tag)
		*tag = org->tag ? prog->tags + org->tag - 1 : NULL;
	return 0;
}
