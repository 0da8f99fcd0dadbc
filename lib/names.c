/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The names the printer shows (see names.h). */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <linux/bpf.h>

#include "names.h"

/*
 * The helpers' names from the kernel's own list, __BPF_FUNC_MAPPER, as
 * kernel/bpf/disasm.c makes them.  The mapper calls FN with the bare name
 * both in Debian 12's 6.1 header and in newer ones (which wrap a two-
 * argument list in __BPF_FUNC_MAPPER_APPLY), and puts the commas itself.
 */
#define HELPER_NAME(x) [BPF_FUNC_##x] = "bpf_" #x
static const char *const helper_names[] = {
	__BPF_FUNC_MAPPER(HELPER_NAME)
};
#undef HELPER_NAME
#define NHELPERS (sizeof(helper_names) / sizeof(helper_names[0]))

/*
 * Helpers newer than the 6.1 header: ids are fixed by the kernel's ABI,
 * and the list has been frozen since 6.2 (new functions are kfuncs).  With
 * a newer header the mapper names them and this list is not consulted.
 */
static const struct {
	int id;
	const char *name;
} newer_helpers[] = {
	{ 210, "bpf_cgrp_storage_get" },
	{ 211, "bpf_cgrp_storage_delete" },
};

const char *helper_name(int id)
{
	size_t i;

	if (id < 0)
		return NULL;
	if ((size_t)id < NHELPERS)
		return helper_names[id];
	for (i = 0; i < sizeof(newer_helpers) / sizeof(newer_helpers[0]); i++)
		if (newer_helpers[i].id == id)
			return newer_helpers[i].name;
	return NULL;
}

/* ---- Kernel functions: the running kernel's BTF ------------------------ */

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"

static pthread_once_t vmlinux_once = PTHREAD_ONCE_INIT;
static struct btf *vmlinux;

static void vmlinux_load(void)
{
	/* libbpf would look in /boot too, and print a warning to stderr
	 * when it finds nothing: ask only for the running kernel's. */
	if (access(VMLINUX_BTF, R_OK) != 0)
		return;
	vmlinux = btf__load_vmlinux_btf(); /* NULL (errno set) on failure */
}

__attribute__((destructor)) static void vmlinux_free(void)
{
	btf__free(vmlinux);
	vmlinux = NULL;
}

const char *kfunc_name(__s32 btf_id, __s16 btf_fd_idx)
{
	const struct btf_type *t;
	const char *name;

	if (btf_fd_idx != 0 || btf_id <= 0)
		return NULL;
	if (pthread_once(&vmlinux_once, vmlinux_load) != 0 || !vmlinux)
		return NULL;
	t = btf__type_by_id(vmlinux, (__u32)btf_id);
	if (!t || !btf_is_func(t))
		return NULL;
	name = btf__name_by_offset(vmlinux, t->name_off);
	return name && name[0] ? name : NULL;
}

int kfunc_id(const char *name)
{
	__s32 id;

	if (pthread_once(&vmlinux_once, vmlinux_load) != 0 || !vmlinux)
		return -ENODEV;
	id = btf__find_by_name_kind(vmlinux, name, BTF_KIND_FUNC);
	return id > 0 ? id : -ENOENT;
}
