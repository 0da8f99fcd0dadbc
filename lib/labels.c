/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The label table: a chained hash over an array of labels and a name arena. */
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "labels.h"

#define NO_INDEX UINT32_MAX

void labels_free(struct label_table *t)
{
	free(t->labels);
	free(t->names);
	free(t->buckets);
	memset(t, 0, sizeof(*t));
}

/* FNV-1a, 32 bits. */
uint32_t labels_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)name[i];
		h *= 16777619u;
	}
	return h;
}

long labels_find(const struct label_table *t, const char *name, size_t len,
		 uint32_t hash)
{
	uint32_t i;

	if (!t->nbuckets)
		return -1;
	for (i = t->buckets[hash & (t->nbuckets - 1)]; i != NO_INDEX;
	     i = t->labels[i].next) {
		const struct label *l = &t->labels[i];

		if (l->hash == hash && l->name_len == len &&
		    memcmp(t->names + l->name_off, name, len) == 0)
			return (long)i;
	}
	return -1;
}

static bool rehash(struct label_table *t, size_t nbuckets)
{
	uint32_t *b = malloc(nbuckets * sizeof(*b));
	size_t i;

	if (!b)
		return false;
	memset(b, 0xff, nbuckets * sizeof(*b));
	for (i = 0; i < t->count; i++) {
		uint32_t *head = &b[t->labels[i].hash & (nbuckets - 1)];

		t->labels[i].next = *head;
		*head = (uint32_t)i;
	}
	free(t->buckets);
	t->buckets = b;
	t->nbuckets = nbuckets;
	return true;
}

bool labels_reserve(struct label_table *t, size_t len)
{
	void *p;

	p = grow_array(t->labels, &t->cap, t->count + 1, sizeof(*t->labels));
	if (!p)
		return false;
	t->labels = p;
	p = grow_array(t->names, &t->names_cap, t->names_len + len + 1, 1);
	if (!p)
		return false;
	t->names = p;
	if (t->count + 1 > t->nbuckets)
		return rehash(t, t->nbuckets ? t->nbuckets * 2 : 16);
	return true;
}

uint32_t labels_add(struct label_table *t, const char *name, size_t len,
		    uint32_t hash)
{
	uint32_t i = (uint32_t)t->count++;
	struct label *l = &t->labels[i];
	uint32_t *head = &t->buckets[hash & (t->nbuckets - 1)];

	memcpy(t->names + t->names_len, name, len);
	t->names[t->names_len + len] = '\0';
	l->name_off = (uint32_t)t->names_len;
	l->name_len = (uint32_t)len;
	l->hash = hash;
	l->slot = LABEL_UNBOUND;
	l->next = *head;
	*head = i;
	t->names_len += len + 1;
	return i;
}
