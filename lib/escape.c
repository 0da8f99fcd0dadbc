/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * Escaping caller text (label names, tags, program names) before it reaches
 * a message or a dump: the one implementation both use.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The escape of byte c, or NULL when c stands for itself; fills tmp. */
static const char *escape_of(unsigned char c, bool quoted, char tmp[5])
{
	if (c == '\\' || (quoted && c == '"')) {
		tmp[0] = '\\';
		tmp[1] = (char)c;
		tmp[2] = '\0';
		return tmp;
	}
	if (c < 0x20 || c == 0x7f) {
		snprintf(tmp, 5, "\\x%02x", c);
		return tmp;
	}
	return NULL;
}

size_t escape_text(char *buf, size_t size, const char *s, size_t len,
		   bool quoted)
{
	size_t n = 0, end = 0, i;
	bool full = false;
	char tmp[5];

	for (i = 0; i < len; i++) {
		const char *e = escape_of((unsigned char)s[i], quoted, tmp);
		size_t elen = e ? strlen(e) : 1;

		/* An escape is written whole or not at all. */
		if (!full && n + elen < size) {
			memcpy(buf + n, e ? e : s + i, elen);
			end = n + elen;
		} else {
			full = true;
		}
		n += elen;
	}
	if (size)
		buf[end] = '\0';
	return n;
}

void escape_fput(FILE *out, const char *s, bool quoted)
{
	char tmp[5];

	for (; *s; s++) {
		const char *e = escape_of((unsigned char)*s, quoted, tmp);

		if (e)
			fputs(e, out);
		else
			fputc(*s, out);
	}
}
