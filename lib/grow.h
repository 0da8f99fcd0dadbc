/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* Growing arrays by doubling. */
#ifndef MAPOPS_GROW_H
#define MAPOPS_GROW_H

#include <stddef.h>

/*
 * Returns an array of at least need elements of elem bytes holding the *cap
 * elements of p (p itself if it is large enough, else a doubled realloc from
 * 16), updating *cap.  NULL, with p and *cap untouched, on ENOMEM.
 */
void *grow_array(void *p, size_t *cap, size_t need, size_t elem);

#endif
