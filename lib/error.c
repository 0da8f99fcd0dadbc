/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Errors: the per-program message and the errno convention. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int op_start(struct op *o, mapops_prog_t *prog, const char *fn)
{
	o->prog = prog;
	o->fn = fn;
	o->err = 0;
	if (!prog) {
		o->err = -EINVAL;
		return op_fail(o);
	}
	return 0;
}

/*
 * The messages' own words hold no control byte and no backslash, so
 * escaping the whole formatted text escapes exactly the caller's text it
 * quotes (label names, tags, program names), as mapops_prog_dump() does.
 */
void op_error(struct op *o, int err, const char *fmt, ...)
{
	char text[MAPOPS_ERR_MAX];
	va_list ap;
	int n, m;

	if (o->err)
		return;
	o->err = err;
	if (!o->prog)
		return;
	free(o->prog->err_long);
	o->prog->err_long = NULL;
	n = snprintf(o->prog->err, sizeof(o->prog->err), "%s: ", o->fn);
	if (n < 0 || (size_t)n >= sizeof(o->prog->err))
		return;
	va_start(ap, fmt);
	m = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (m < 0)
		text[0] = '\0';
	escape_text(o->prog->err + n, sizeof(o->prog->err) - (size_t)n, text,
		    strlen(text), false);
}

void op_error_long(struct op *o, int err, const char *head, const char *tail)
{
	size_t len;
	char *msg;

	if (o->err)
		return;
	op_error(o, err, "%s", head);
	len = strlen(o->prog->err) + strlen(tail) + 2;
	msg = malloc(len);
	if (!msg)
		return; /* the short message stands */
	snprintf(msg, len, "%s\n%s", o->prog->err, tail);
	o->prog->err_long = msg;
}

int op_fail(struct op *o)
{
	errno = -o->err;
	return o->err;
}

const char *mapops_prog_error(const mapops_prog_t *prog)
{
	if (!prog)
		return "mapops: prog is NULL";
	return prog->err_long ? prog->err_long : prog->err;
}
