/* SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause) */
/* The names the printer shows: helpers and kernel functions (kfuncs). */
#ifndef MAPOPS_NAMES_H
#define MAPOPS_NAMES_H

/* The kernel's name of helper id ("bpf_map_lookup_elem"), or NULL when the
 * id is not a helper (the kernel then prints "unknown"). */
const char *helper_name(int id);

/*
 * The name of the kernel function a BPF_PSEUDO_KFUNC_CALL calls: BTF type
 * btf_id of the running kernel's BTF (/sys/kernel/btf/vmlinux), read once
 * on first use.  NULL when there is no such BTF, when btf_id is not a
 * function in it, or when btf_fd_idx (the call's off) is not 0 and so
 * names a module's BTF, which only the loader knows.  Thread-safe.
 */
const char *kfunc_name(__s32 btf_id, __s16 btf_fd_idx);

/*
 * The BTF id of the function called name in the running kernel's BTF (the
 * one kfunc_name() reads), for a BPF_PSEUDO_KFUNC_CALL: > 0, or -ENODEV
 * when there is no such BTF, -ENOENT when it has no function of that name.
 * Thread-safe.
 */
int kfunc_id(const char *name);

#endif
