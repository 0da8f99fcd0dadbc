/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The label table: names to slots, O(1) per lookup (a keyed hash). */
#ifndef MAPOPS_LABELS_H
#define MAPOPS_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LABEL_UNBOUND UINT32_MAX

struct label {
	uint32_t name_off; /* into the table's name arena */
	uint32_t name_len;
	uint32_t hash;
	uint32_t slot;     /* LABEL_UNBOUND until bound */
	uint32_t next;     /* next label in the bucket, or UINT32_MAX */
};

struct label_table {
	struct label *labels;
	size_t count, cap;
	char *names;
	size_t names_len, names_cap;
	uint32_t *buckets; /* power-of-two count, UINT32_MAX = empty */
	size_t nbuckets;
};

/* The most bytes all label names of one program take together, one NUL
 * each counted (the header documents it: 64 MiB). */
#define LABELS_BYTES_MAX ((size_t)64 << 20)

void labels_free(struct label_table *t);
/* A keyed hash (random per process): names cannot be chosen to collide. */
uint32_t labels_hash(const char *name, size_t len);
/* The label's index, or -1. */
long labels_find(const struct label_table *t, const char *name, size_t len,
		 uint32_t hash);
/* Whether a label of len more bytes stays within LABELS_BYTES_MAX. */
bool labels_room(const struct label_table *t, size_t len);
/* Makes room for one more label of len bytes; false on ENOMEM. */
bool labels_reserve(struct label_table *t, size_t len);
/* Adds an unbound label; room must have been reserved.  Returns its index. */
uint32_t labels_add(struct label_table *t, const char *name, size_t len,
		    uint32_t hash);
static inline const char *labels_name(const struct label_table *t, uint32_t i)
{
	return t->names + t->labels[i].name_off;
}

#endif
