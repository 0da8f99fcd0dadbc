/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/*
 * The label table: a chained hash over an array of labels and a name arena.
 *
 * Names are the caller's, possibly from untrusted input, so the hash is
 * keyed (SipHash-1-3 with a per-process random key): names chosen to collide
 * cannot be computed in advance, and every lookup stays O(1) on average.
 * (FNV-1a, the hash before, let 20,000 names that collide in its low bits
 * share one bucket: binding them took quadratic time.)
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>

#include "grow.h"
#include "labels.h"

#define NO_INDEX UINT32_MAX

static uint64_t key0 = 0x736f6d6570736575ull, key1 = 0x646f72616e646f6dull;

/* Draws the hash key once, when the library is loaded (before any thread
 * of the caller's can use it, so it never changes under a table). */
__attribute__((constructor)) static void labels_key_init(void)
{
	uint64_t k[2];

	if (getrandom(k, sizeof(k), GRND_NONBLOCK) != (ssize_t)sizeof(k)) {
		/* No entropy yet (early boot): the address layout and the
		 * clock still vary from run to run. */
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		k[0] = (uint64_t)(uintptr_t)&k ^ (uint64_t)ts.tv_nsec;
		k[1] = (uint64_t)(uintptr_t)&labels_key_init ^
		       (uint64_t)ts.tv_sec << 32 ^ (uint64_t)getpid();
	}
	key0 ^= k[0];
	key1 ^= k[1];
}

void labels_free(struct label_table *t)
{
	free(t->labels);
	free(t->names);
	free(t->buckets);
	memset(t, 0, sizeof(*t));
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                           \
	do {                                                               \
		v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);  \
		v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                     \
		v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                     \
		v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);  \
	} while (0)

/* SipHash-1-3 of the name under the process's key, folded to 32 bits. */
uint32_t labels_hash(const char *name, size_t len)
{
	const unsigned char *p = (const unsigned char *)name;
	uint64_t v0 = key0 ^ 0x736f6d6570736575ull;
	uint64_t v1 = key1 ^ 0x646f72616e646f6dull;
	uint64_t v2 = key0 ^ 0x6c7967656e657261ull;
	uint64_t v3 = key1 ^ 0x7465646279746573ull;
	uint64_t m, b = (uint64_t)len << 56;
	size_t i, left = len & 7;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&m, p + i, 8);
		v3 ^= m;
		SIPROUND;
		v0 ^= m;
	}
	switch (left) {
	case 7: b |= (uint64_t)p[i + 6] << 48; /* fall through */
	case 6: b |= (uint64_t)p[i + 5] << 40; /* fall through */
	case 5: b |= (uint64_t)p[i + 4] << 32; /* fall through */
	case 4: b |= (uint64_t)p[i + 3] << 24; /* fall through */
	case 3: b |= (uint64_t)p[i + 2] << 16; /* fall through */
	case 2: b |= (uint64_t)p[i + 1] << 8;  /* fall through */
	case 1: b |= (uint64_t)p[i];           /* fall through */
	default: break;
	}
	v3 ^= b;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	m = v0 ^ v1 ^ v2 ^ v3;
	return (uint32_t)(m ^ m >> 32);
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

bool labels_room(const struct label_table *t, size_t len)
{
	return len + 1 <= LABELS_BYTES_MAX - t->names_len;
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
