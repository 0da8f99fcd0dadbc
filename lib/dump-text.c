/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The dump as text the program keeps: mapops_prog_dump() without a FILE *. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The failure of the mapops_prog_dump() inside, as this function's own. */
static void rename_error(struct op *o, int err)
{
	static const char dump[] = "mapops_prog_dump: ";
	char msg[MAPOPS_ERR_MAX];

	if (o->err)
		return;
	snprintf(msg, sizeof(msg), "%s", mapops_prog_error(o->prog));
	if (strncmp(msg, dump, sizeof(dump) - 1) == 0)
		op_error(o, err, "%s", msg + sizeof(dump) - 1);
	else
		op_error(o, err, "%s", msg);
}

const char *mapops_prog_dump_text(mapops_prog_t *prog)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out;
	struct op o;
	int rc;

	if (op_start(&o, prog, __func__))
		return NULL;
	out = open_memstream(&text, &len);
	if (!out) {
		op_error(&o, -ENOMEM, "out of memory opening the text");
		op_fail(&o);
		return NULL;
	}
	rc = mapops_prog_dump(prog, out);
	if (fclose(out) != 0 && rc == 0) {
		op_error(&o, -ENOMEM, "out of memory writing the text");
		rc = -ENOMEM;
	}
	if (rc < 0) {
		free(text);
		rename_error(&o, rc);
		op_fail(&o);
		return NULL;
	}
	free(prog->dump_text);
	prog->dump_text = text;
	return text;
}
