-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- Generated from lib/mapops.api by tools/api.py (./run.sh regen): do not edit.
--
-- The per-function part of the LuaJIT binding; require "mapops" uses it.
-- Requiring it declares every public C function with ffi.cdef and returns:
--   VERSION      the libmapops version this binding belongs to
--   CDEF         the declarations given to ffi.cdef
--   FUNCTIONS    every public function, in header order: id, name, short,
--                since (version node), kernel, ret and args (kind, C type,
--                name); a builder also has builder = true, params (its Lua
--                arguments after the handle: name, kind, check) and example
--                (valid arguments on a program with the label "top")
--   CONSTANTS    { name, value, C expression, group }, in description order
--   CONSTANT_HEADERS  the headers those expressions need
--   builders(b)  the Program methods of the builders, made with the
--                binding's handles, errors and checkers (mapops.lua's b)
--
-- The builder methods (C argument order after the handle):
--   emit(bytes)
--   label(name)
--   jmp_imm(op, reg, imm, label)
--   jmp_reg(op, dst, src, label)
--   jmp32_imm(op, reg, imm, label)
--   jmp32_reg(op, dst, src, label)
--   ja(label)
--   gotol(label)
--   may_goto(label)
--   call(label)
--   ld_func(dst, label)
--   map_for_each(map_fd, callback, ctx_stack_off, flags)
--   loop(nr_loops, callback, ctx_stack_off, flags)
--   alu64_imm(op, dst, imm)
--   alu64_reg(op, dst, src)
--   alu32_imm(op, dst, imm)
--   alu32_reg(op, dst, src)
--   endian(type, dst, bits)
--   alu64_signed_imm(op, dst, imm)
--   alu64_signed_reg(op, dst, src)
--   alu32_signed_imm(op, dst, imm)
--   alu32_signed_reg(op, dst, src)
--   movsx64(dst, src, bits)
--   movsx32(dst, src, bits)
--   bswap(dst, bits)
--   ldx_mem(size, dst, src, off)
--   stx_mem(size, dst, src, off)
--   st_mem(size, dst, off, imm)
--   atomic_op(size, op, dst, src, off)
--   ldx_memsx(size, dst, src, off)
--   load_acquire(size, dst, src, off)
--   store_release(size, dst, src, off)
--   ld_abs(size, imm)
--   ld_ind(size, src, imm)
--   ld_imm64(dst, imm)
--   ld_map_fd(dst, map_fd)
--   call_helper(helper_id)
--   call_kfunc(btf_id)
--   call_kfunc_name(name)
--   exit()
--   map_lookup(map_fd, key_stack_off)
--   map_lookup_ptr(map_fd, key_reg)
--   map_update(map_fd, key_stack_off, value_stack_off, flags)
--   map_update_ptr(map_fd, key_reg, value_reg, flags)
--   map_delete(map_fd, key_stack_off)
--   map_delete_ptr(map_fd, key_reg)
--   map_increment(map_fd, key_stack_off, value_stack_off, increment)
--   map_increment_atomic(map_fd, key_stack_off, value_stack_off, increment)
--   map_lookup_or_init(map_fd, key_stack_off, init_value_stack_off)
--   ringbuf_output(map_fd, data_stack_off, size, flags)
--   ringbuf_reserve(map_fd, size)
--   ringbuf_submit(ptr_reg, flags)
--   ringbuf_discard(ptr_reg, flags)
--   perf_event_output(ctx_reg, map_fd, data_stack_off, size, flags)
--   map_push(map_fd, value_stack_off, flags)
--   map_pop(map_fd, value_stack_off)
--   map_peek(map_fd, value_stack_off)
--   tail_call(ctx_reg, map_fd, index)
--   tail_call_reg(ctx_reg, map_fd, index_reg)
--   map_lookup_percpu(map_fd, key_stack_off, cpu_reg)
--   ld_map_value(dst, map_fd, off)

local ffi = require "ffi"
local bit = require "bit"

local API = {}

API.VERSION = "1.1.0"

API.CDEF = [[
typedef struct mapops_prog mapops_prog_t;
struct bpf_insn;
struct bpf_prog_load_opts;
struct mapops_load_opts;
mapops_prog_t *mapops_prog_new(void);
void mapops_prog_free(mapops_prog_t *prog);
size_t mapops_prog_len(const mapops_prog_t *prog);
const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog, size_t *cnt);
int mapops_prog_func_info(mapops_prog_t *prog, struct bpf_prog_load_opts *opts);
const char *mapops_prog_error(const mapops_prog_t *prog);
int mapops_emit(mapops_prog_t *prog, const struct bpf_insn *insns, size_t cnt);
int mapops_prog_set_tag(mapops_prog_t *prog, const char *tag);
int mapops_prog_insn_origin(const mapops_prog_t *prog, size_t slot, const char **call, unsigned *call_index, const char **tag);
int mapops_label(mapops_prog_t *prog, const char *name);
int mapops_jmp_imm(mapops_prog_t *prog, int op, int reg, int32_t imm, const char *label);
int mapops_jmp_reg(mapops_prog_t *prog, int op, int dst, int src, const char *label);
int mapops_jmp32_imm(mapops_prog_t *prog, int op, int reg, int32_t imm, const char *label);
int mapops_jmp32_reg(mapops_prog_t *prog, int op, int dst, int src, const char *label);
int mapops_ja(mapops_prog_t *prog, const char *label);
int mapops_gotol(mapops_prog_t *prog, const char *label);
int mapops_prog_allow_v4(mapops_prog_t *prog, int allow);
int mapops_may_goto(mapops_prog_t *prog, const char *label);
int mapops_call(mapops_prog_t *prog, const char *label);
int mapops_ld_func(mapops_prog_t *prog, int dst, const char *label);
int mapops_map_for_each(mapops_prog_t *prog, int map_fd, const char *callback, int ctx_stack_off, uint64_t flags);
int mapops_loop(mapops_prog_t *prog, uint32_t nr_loops, const char *callback, int ctx_stack_off, uint64_t flags);
int mapops_alu64_imm(mapops_prog_t *prog, int op, int dst, int32_t imm);
int mapops_alu64_reg(mapops_prog_t *prog, int op, int dst, int src);
int mapops_alu32_imm(mapops_prog_t *prog, int op, int dst, int32_t imm);
int mapops_alu32_reg(mapops_prog_t *prog, int op, int dst, int src);
int mapops_endian(mapops_prog_t *prog, int type, int dst, int bits);
int mapops_alu64_signed_imm(mapops_prog_t *prog, int op, int dst, int32_t imm);
int mapops_alu64_signed_reg(mapops_prog_t *prog, int op, int dst, int src);
int mapops_alu32_signed_imm(mapops_prog_t *prog, int op, int dst, int32_t imm);
int mapops_alu32_signed_reg(mapops_prog_t *prog, int op, int dst, int src);
int mapops_movsx64(mapops_prog_t *prog, int dst, int src, int bits);
int mapops_movsx32(mapops_prog_t *prog, int dst, int src, int bits);
int mapops_bswap(mapops_prog_t *prog, int dst, int bits);
int mapops_ldx_mem(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_stx_mem(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_st_mem(mapops_prog_t *prog, int size, int dst, int off, int32_t imm);
int mapops_atomic_op(mapops_prog_t *prog, int size, int op, int dst, int src, int off);
int mapops_ldx_memsx(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_load_acquire(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_store_release(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_ld_abs(mapops_prog_t *prog, int size, int32_t imm);
int mapops_ld_ind(mapops_prog_t *prog, int size, int src, int32_t imm);
int mapops_ld_imm64(mapops_prog_t *prog, int dst, uint64_t imm);
int mapops_ld_map_fd(mapops_prog_t *prog, int dst, int map_fd);
int mapops_call_helper(mapops_prog_t *prog, int helper_id);
int mapops_call_kfunc(mapops_prog_t *prog, int32_t btf_id);
int mapops_call_kfunc_name(mapops_prog_t *prog, const char *name);
int mapops_exit(mapops_prog_t *prog);
int mapops_prog_load(mapops_prog_t *prog, unsigned int type, const struct mapops_load_opts *opts);
int mapops_insn_snprint(char *buf, size_t size, const struct bpf_insn *insns, size_t cnt, size_t slot);
int mapops_prog_dump(mapops_prog_t *prog, void *out);
const char *mapops_prog_dump_text(mapops_prog_t *prog);
int mapops_map_lookup(mapops_prog_t *prog, int map_fd, int key_stack_off);
int mapops_map_lookup_ptr(mapops_prog_t *prog, int map_fd, int key_reg);
int mapops_map_update(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, uint64_t flags);
int mapops_map_update_ptr(mapops_prog_t *prog, int map_fd, int key_reg, int value_reg, uint64_t flags);
int mapops_map_delete(mapops_prog_t *prog, int map_fd, int key_stack_off);
int mapops_map_delete_ptr(mapops_prog_t *prog, int map_fd, int key_reg);
int mapops_map_increment(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, int64_t increment);
int mapops_map_increment_atomic(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, int64_t increment);
int mapops_map_lookup_or_init(mapops_prog_t *prog, int map_fd, int key_stack_off, int init_value_stack_off);
int mapops_map_reg(int reg);
int mapops_map_ref(mapops_prog_t *prog, const char *name);
int mapops_prog_bind_map(mapops_prog_t *prog, const char *name, int map_fd);
int mapops_ringbuf_output(mapops_prog_t *prog, int map_fd, int data_stack_off, uint32_t size, uint64_t flags);
int mapops_ringbuf_reserve(mapops_prog_t *prog, int map_fd, uint32_t size);
int mapops_ringbuf_submit(mapops_prog_t *prog, int ptr_reg, uint64_t flags);
int mapops_ringbuf_discard(mapops_prog_t *prog, int ptr_reg, uint64_t flags);
int mapops_perf_event_output(mapops_prog_t *prog, int ctx_reg, int map_fd, int data_stack_off, uint32_t size, uint64_t flags);
int mapops_map_push(mapops_prog_t *prog, int map_fd, int value_stack_off, uint64_t flags);
int mapops_map_pop(mapops_prog_t *prog, int map_fd, int value_stack_off);
int mapops_map_peek(mapops_prog_t *prog, int map_fd, int value_stack_off);
int mapops_tail_call(mapops_prog_t *prog, int ctx_reg, int map_fd, uint32_t index);
int mapops_tail_call_reg(mapops_prog_t *prog, int ctx_reg, int map_fd, int index_reg);
int mapops_map_lookup_percpu(mapops_prog_t *prog, int map_fd, int key_stack_off, int cpu_reg);
int mapops_ld_map_value(mapops_prog_t *prog, int dst, int map_fd, uint32_t off);
]]
ffi.cdef(API.CDEF)

API.FUNCTIONS = {
	{
		id = 1, name = "mapops_prog_new", short = "prog_new", since = "1.0", kernel = "-",
		ret = { kind = "new", ctype = "mapops_prog_t *" },
		args = {},
	},
	{
		id = 2, name = "mapops_prog_free", short = "prog_free", since = "1.0", kernel = "-",
		ret = { kind = "void", ctype = "void" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" } },
	},
	{
		id = 3, name = "mapops_prog_len", short = "prog_len", since = "1.0", kernel = "-",
		ret = { kind = "length", ctype = "size_t" },
		args = { { kind = "cprog", ctype = "const mapops_prog_t *", name = "prog" } },
	},
	{
		id = 4, name = "mapops_prog_insns", short = "prog_insns", since = "1.0", kernel = "-",
		ret = { kind = "resolved", ctype = "const struct bpf_insn *" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "out_count", ctype = "size_t *", name = "cnt" } },
	},
	{
		id = 200, name = "mapops_prog_func_info", short = "prog_func_info", since = "1.1", kernel = "5.0",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "libbpf_opts", ctype = "struct bpf_prog_load_opts *", name = "opts" } },
	},
	{
		id = 5, name = "mapops_prog_error", short = "prog_error", since = "1.0", kernel = "-",
		ret = { kind = "text", ctype = "const char *" },
		args = { { kind = "cprog", ctype = "const mapops_prog_t *", name = "prog" } },
	},
	{
		id = 6, name = "mapops_emit", short = "emit", since = "1.0", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "insns", ctype = "const struct bpf_insn *", name = "insns" }, { kind = "count", ctype = "size_t", name = "cnt" } },
		builder = true,
		params = { { name = "bytes", kind = "insns", check = "bytes" } },
	},
	{
		id = 7, name = "mapops_prog_set_tag", short = "prog_set_tag", since = "1.0", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "tag", ctype = "const char *", name = "tag" } },
	},
	{
		id = 8, name = "mapops_prog_insn_origin", short = "prog_insn_origin", since = "1.0", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "cprog", ctype = "const mapops_prog_t *", name = "prog" }, { kind = "slot", ctype = "size_t", name = "slot" }, { kind = "out_text", ctype = "const char **", name = "call" }, { kind = "out_uint", ctype = "unsigned *", name = "call_index" }, { kind = "out_text", ctype = "const char **", name = "tag" } },
	},
	{
		id = 9, name = "mapops_label", short = "label", since = "1.0", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "name" } },
		builder = true,
		params = { { name = "name", kind = "label", check = "label" } },
		example = { "fresh" },
	},
	{
		id = 10, name = "mapops_jmp_imm", short = "jmp_imm", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "jmp_op", ctype = "int", name = "op" }, { kind = "reg", ctype = "int", name = "reg" }, { kind = "s32", ctype = "__s32", name = "imm" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "op", kind = "jmp_op", check = "int" }, { name = "reg", kind = "reg", check = "int" }, { name = "imm", kind = "s32", check = "int" }, { name = "label", kind = "label", check = "label" } },
		example = { 16, 0, 0, "top" },
	},
	{
		id = 11, name = "mapops_jmp_reg", short = "jmp_reg", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "jmp_op", ctype = "int", name = "op" }, { kind = "reg", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "op", kind = "jmp_op", check = "int" }, { name = "dst", kind = "reg", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "label", kind = "label", check = "label" } },
		example = { 32, 1, 2, "top" },
	},
	{
		id = 12, name = "mapops_jmp32_imm", short = "jmp32_imm", since = "1.0", kernel = "5.1",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "jmp_op", ctype = "int", name = "op" }, { kind = "reg", ctype = "int", name = "reg" }, { kind = "s32", ctype = "__s32", name = "imm" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "op", kind = "jmp_op", check = "int" }, { name = "reg", kind = "reg", check = "int" }, { name = "imm", kind = "s32", check = "int" }, { name = "label", kind = "label", check = "label" } },
		example = { 208, 3, -1, "top" },
	},
	{
		id = 13, name = "mapops_jmp32_reg", short = "jmp32_reg", since = "1.0", kernel = "5.1",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "jmp_op", ctype = "int", name = "op" }, { kind = "reg", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "op", kind = "jmp_op", check = "int" }, { name = "dst", kind = "reg", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "label", kind = "label", check = "label" } },
		example = { 64, 10, 10, "top" },
	},
	{
		id = 14, name = "mapops_ja", short = "ja", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "label", kind = "label", check = "label" } },
		example = { "top" },
	},
	{
		id = 201, name = "mapops_gotol", short = "gotol", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "label", kind = "label", check = "label" } },
		example = { "top" },
	},
	{
		id = 202, name = "mapops_prog_allow_v4", short = "prog_allow_v4", since = "1.1", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "onoff", ctype = "int", name = "allow" } },
	},
	{
		id = 203, name = "mapops_may_goto", short = "may_goto", since = "1.1", kernel = "6.9",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "label", kind = "label", check = "label" } },
		example = { "top" },
	},
	{
		id = 204, name = "mapops_call", short = "call", since = "1.1", kernel = "4.16",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "label", kind = "label", check = "label" } },
		example = { "top" },
	},
	{
		id = 205, name = "mapops_ld_func", short = "ld_func", since = "1.1", kernel = "5.13",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "label", ctype = "const char *", name = "label" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "label", kind = "label", check = "label" } },
		example = { 2, "top" },
	},
	{
		id = 206, name = "mapops_map_for_each", short = "map_for_each", since = "1.1", kernel = "5.13",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "label", ctype = "const char *", name = "callback" }, { kind = "ctx_off", ctype = "int", name = "ctx_stack_off" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "callback", kind = "label", check = "label" }, { name = "ctx_stack_off", kind = "ctx_off", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 3, "top", -8, 0 },
	},
	{
		id = 207, name = "mapops_loop", short = "loop", since = "1.1", kernel = "5.17",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "u32", ctype = "__u32", name = "nr_loops" }, { kind = "label", ctype = "const char *", name = "callback" }, { kind = "ctx_off", ctype = "int", name = "ctx_stack_off" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "nr_loops", kind = "u32", check = "u32" }, { name = "callback", kind = "label", check = "label" }, { name = "ctx_stack_off", kind = "ctx_off", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 10, "top", 0, 0 },
	},
	{
		id = 15, name = "mapops_alu64_imm", short = "alu64_imm", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "alu_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "op", kind = "alu_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 176, 0, 1 },
	},
	{
		id = 16, name = "mapops_alu64_reg", short = "alu64_reg", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "alu_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" } },
		builder = true,
		params = { { name = "op", kind = "alu_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" } },
		example = { 0, 1, 10 },
	},
	{
		id = 17, name = "mapops_alu32_imm", short = "alu32_imm", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "alu_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "op", kind = "alu_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 96, 2, 31 },
	},
	{
		id = 18, name = "mapops_alu32_reg", short = "alu32_reg", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "alu_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" } },
		builder = true,
		params = { { name = "op", kind = "alu_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" } },
		example = { 160, 3, 4 },
	},
	{
		id = 19, name = "mapops_endian", short = "endian", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "endian", ctype = "int", name = "type" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "bits", ctype = "int", name = "bits" } },
		builder = true,
		params = { { name = "type", kind = "endian", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "bits", kind = "bits", check = "int" } },
		example = { 8, 1, 64 },
	},
	{
		id = 208, name = "mapops_alu64_signed_imm", short = "alu64_signed_imm", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "signed_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "op", kind = "signed_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 48, 0, -3 },
	},
	{
		id = 209, name = "mapops_alu64_signed_reg", short = "alu64_signed_reg", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "signed_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" } },
		builder = true,
		params = { { name = "op", kind = "signed_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" } },
		example = { 144, 1, 2 },
	},
	{
		id = 210, name = "mapops_alu32_signed_imm", short = "alu32_signed_imm", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "signed_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "op", kind = "signed_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 144, 3, 7 },
	},
	{
		id = 211, name = "mapops_alu32_signed_reg", short = "alu32_signed_reg", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "signed_op", ctype = "int", name = "op" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" } },
		builder = true,
		params = { { name = "op", kind = "signed_op", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" } },
		example = { 48, 4, 5 },
	},
	{
		id = 212, name = "mapops_movsx64", short = "movsx64", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "sx_bits", ctype = "int", name = "bits" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "bits", kind = "sx_bits", check = "int" } },
		example = { 1, 2, 32 },
	},
	{
		id = 213, name = "mapops_movsx32", short = "movsx32", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "sx_bits", ctype = "int", name = "bits" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "bits", kind = "sx_bits", check = "int" } },
		example = { 1, 2, 8 },
	},
	{
		id = 214, name = "mapops_bswap", short = "bswap", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "bits", ctype = "int", name = "bits" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "bits", kind = "bits", check = "int" } },
		example = { 1, 16 },
	},
	{
		id = 20, name = "mapops_ldx_mem", short = "ldx_mem", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size", ctype = "int", name = "size" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "off", ctype = "int", name = "off" } },
		builder = true,
		params = { { name = "size", kind = "size", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" } },
		example = { 24, 0, 10, -8 },
	},
	{
		id = 21, name = "mapops_stx_mem", short = "stx_mem", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size", ctype = "int", name = "size" }, { kind = "reg", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "off", ctype = "int", name = "off" } },
		builder = true,
		params = { { name = "size", kind = "size", check = "int" }, { name = "dst", kind = "reg", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" } },
		example = { 0, 10, 1, -4 },
	},
	{
		id = 22, name = "mapops_st_mem", short = "st_mem", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size", ctype = "int", name = "size" }, { kind = "reg", ctype = "int", name = "dst" }, { kind = "off", ctype = "int", name = "off" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "size", kind = "size", check = "int" }, { name = "dst", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 16, 10, -1, 7 },
	},
	{
		id = 23, name = "mapops_atomic_op", short = "atomic_op", since = "1.0", kernel = "5.12",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size", ctype = "int", name = "size" }, { kind = "atomic_op", ctype = "int", name = "op" }, { kind = "reg", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "off", ctype = "int", name = "off" } },
		builder = true,
		params = { { name = "size", kind = "size", check = "int" }, { name = "op", kind = "atomic_op", check = "int" }, { name = "dst", kind = "reg", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" } },
		example = { 24, 1, 10, 1, -8 },
	},
	{
		id = 215, name = "mapops_ldx_memsx", short = "ldx_memsx", since = "1.1", kernel = "6.6",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size32", ctype = "int", name = "size" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "off", ctype = "int", name = "off" } },
		builder = true,
		params = { { name = "size", kind = "size32", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" } },
		example = { 8, 0, 10, -2 },
	},
	{
		id = 216, name = "mapops_load_acquire", short = "load_acquire", since = "1.1", kernel = "6.15",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size", ctype = "int", name = "size" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "off", ctype = "int", name = "off" } },
		builder = true,
		params = { { name = "size", kind = "size", check = "int" }, { name = "dst", kind = "dst", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" } },
		example = { 24, 0, 10, -8 },
	},
	{
		id = 217, name = "mapops_store_release", short = "store_release", since = "1.1", kernel = "6.15",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size", ctype = "int", name = "size" }, { kind = "reg", ctype = "int", name = "dst" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "off", ctype = "int", name = "off" } },
		builder = true,
		params = { { name = "size", kind = "size", check = "int" }, { name = "dst", kind = "reg", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "off", kind = "off", check = "int" } },
		example = { 0, 10, 1, -4 },
	},
	{
		id = 218, name = "mapops_ld_abs", short = "ld_abs", since = "1.1", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size32", ctype = "int", name = "size" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "size", kind = "size32", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 8, 12 },
	},
	{
		id = 219, name = "mapops_ld_ind", short = "ld_ind", since = "1.1", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "size32", ctype = "int", name = "size" }, { kind = "reg", ctype = "int", name = "src" }, { kind = "s32", ctype = "__s32", name = "imm" } },
		builder = true,
		params = { { name = "size", kind = "size32", check = "int" }, { name = "src", kind = "reg", check = "int" }, { name = "imm", kind = "s32", check = "int" } },
		example = { 16, 1, 14 },
	},
	{
		id = 24, name = "mapops_ld_imm64", short = "ld_imm64", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "u64", ctype = "__u64", name = "imm" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "imm", kind = "u64", check = "u64" } },
		example = { 1, 4886718345 },
	},
	{
		id = 25, name = "mapops_ld_map_fd", short = "ld_map_fd", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "map", ctype = "int", name = "map_fd" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "map_fd", kind = "map", check = "int" } },
		example = { 2, 3 },
	},
	{
		id = 26, name = "mapops_call_helper", short = "call_helper", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "helper", ctype = "int", name = "helper_id" } },
		builder = true,
		params = { { name = "helper_id", kind = "helper", check = "int" } },
		example = { 5 },
	},
	{
		id = 220, name = "mapops_call_kfunc", short = "call_kfunc", since = "1.1", kernel = "5.13",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "btf_id", ctype = "__s32", name = "btf_id" } },
		builder = true,
		params = { { name = "btf_id", kind = "btf_id", check = "int" } },
		example = { 1 },
	},
	{
		id = 221, name = "mapops_call_kfunc_name", short = "call_kfunc_name", since = "1.1", kernel = "5.13",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "kfunc", ctype = "const char *", name = "name" } },
		builder = true,
		params = { { name = "name", kind = "kfunc", check = "label" } },
		example = { "bpf_cast_to_kern_ctx" },
	},
	{
		id = 27, name = "mapops_exit", short = "exit", since = "1.0", kernel = "3.18",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" } },
		builder = true,
		params = {},
		example = {},
	},
	{
		id = 28, name = "mapops_prog_load", short = "prog_load", since = "1.0", kernel = "3.18",
		ret = { kind = "fd", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "prog_type", ctype = "enum bpf_prog_type", name = "type" }, { kind = "load_opts", ctype = "const struct mapops_load_opts *", name = "opts" } },
	},
	{
		id = 29, name = "mapops_insn_snprint", short = "insn_snprint", since = "1.0", kernel = "-",
		ret = { kind = "chars", ctype = "int" },
		args = { { kind = "buf", ctype = "char *", name = "buf" }, { kind = "bufsize", ctype = "size_t", name = "size" }, { kind = "insns", ctype = "const struct bpf_insn *", name = "insns" }, { kind = "count", ctype = "size_t", name = "cnt" }, { kind = "slot", ctype = "size_t", name = "slot" } },
	},
	{
		id = 30, name = "mapops_prog_dump", short = "prog_dump", since = "1.0", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "file", ctype = "FILE *", name = "out" } },
	},
	{
		id = 40, name = "mapops_prog_dump_text", short = "prog_dump_text", since = "1.1", kernel = "-",
		ret = { kind = "text_or_null", ctype = "const char *" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" } },
	},
	{
		id = 31, name = "mapops_map_lookup", short = "map_lookup", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" } },
		example = { 3, -4 },
	},
	{
		id = 32, name = "mapops_map_lookup_ptr", short = "map_lookup_ptr", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "ptr_reg", ctype = "int", name = "key_reg" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_reg", kind = "ptr_reg", check = "int" } },
		example = { 3, 6 },
	},
	{
		id = 33, name = "mapops_map_update", short = "map_update", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" }, { kind = "stack_off", ctype = "int", name = "value_stack_off" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" }, { name = "value_stack_off", kind = "stack_off", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 3, -4, -16, 0 },
	},
	{
		id = 34, name = "mapops_map_update_ptr", short = "map_update_ptr", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "ptr_reg", ctype = "int", name = "key_reg" }, { kind = "ptr_reg", ctype = "int", name = "value_reg" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_reg", kind = "ptr_reg", check = "int" }, { name = "value_reg", kind = "ptr_reg", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 3, 3, 2, 2 },
	},
	{
		id = 35, name = "mapops_map_delete", short = "map_delete", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" } },
		example = { 3, -4 },
	},
	{
		id = 36, name = "mapops_map_delete_ptr", short = "map_delete_ptr", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "ptr_reg", ctype = "int", name = "key_reg" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_reg", kind = "ptr_reg", check = "int" } },
		example = { 3, 2 },
	},
	{
		id = 37, name = "mapops_map_increment", short = "map_increment", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" }, { kind = "stack_off", ctype = "int", name = "value_stack_off" }, { kind = "s64", ctype = "__s64", name = "increment" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" }, { name = "value_stack_off", kind = "stack_off", check = "int" }, { name = "increment", kind = "s64", check = "s64" } },
		example = { 3, -4, -16, 1 },
	},
	{
		id = 38, name = "mapops_map_increment_atomic", short = "map_increment_atomic", since = "1.0", kernel = "5.1",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" }, { kind = "stack_off", ctype = "int", name = "value_stack_off" }, { kind = "s64", ctype = "__s64", name = "increment" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" }, { name = "value_stack_off", kind = "stack_off", check = "int" }, { name = "increment", kind = "s64", check = "s64" } },
		example = { 3, -4, -16, -1 },
	},
	{
		id = 39, name = "mapops_map_lookup_or_init", short = "map_lookup_or_init", since = "1.0", kernel = "3.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" }, { kind = "stack_off", ctype = "int", name = "init_value_stack_off" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" }, { name = "init_value_stack_off", kind = "stack_off", check = "int" } },
		example = { 3, -4, -16 },
	},
	{
		id = 100, name = "mapops_map_reg", short = "map_reg", since = "1.1", kernel = "4.12",
		ret = { kind = "map_operand", ctype = "int" },
		args = { { kind = "ptr_reg", ctype = "int", name = "reg" } },
	},
	{
		id = 101, name = "mapops_map_ref", short = "map_ref", since = "1.1", kernel = "-",
		ret = { kind = "map_operand", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "name" } },
	},
	{
		id = 102, name = "mapops_prog_bind_map", short = "prog_bind_map", since = "1.1", kernel = "-",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "label", ctype = "const char *", name = "name" }, { kind = "map", ctype = "int", name = "map_fd" } },
	},
	{
		id = 103, name = "mapops_ringbuf_output", short = "ringbuf_output", since = "1.1", kernel = "5.8",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "data_stack_off" }, { kind = "u32", ctype = "__u32", name = "size" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "data_stack_off", kind = "stack_off", check = "int" }, { name = "size", kind = "u32", check = "u32" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 3, -16, 16, 0 },
	},
	{
		id = 104, name = "mapops_ringbuf_reserve", short = "ringbuf_reserve", since = "1.1", kernel = "5.8",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "u32", ctype = "__u32", name = "size" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "size", kind = "u32", check = "u32" } },
		example = { 3, 16 },
	},
	{
		id = 105, name = "mapops_ringbuf_submit", short = "ringbuf_submit", since = "1.1", kernel = "5.8",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "ptr_reg", ctype = "int", name = "ptr_reg" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "ptr_reg", kind = "ptr_reg", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 6, 1 },
	},
	{
		id = 106, name = "mapops_ringbuf_discard", short = "ringbuf_discard", since = "1.1", kernel = "5.8",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "ptr_reg", ctype = "int", name = "ptr_reg" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "ptr_reg", kind = "ptr_reg", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 1, 0 },
	},
	{
		id = 107, name = "mapops_perf_event_output", short = "perf_event_output", since = "1.1", kernel = "4.4",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "ptr_reg", ctype = "int", name = "ctx_reg" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "data_stack_off" }, { kind = "u32", ctype = "__u32", name = "size" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "ctx_reg", kind = "ptr_reg", check = "int" }, { name = "map_fd", kind = "map", check = "int" }, { name = "data_stack_off", kind = "stack_off", check = "int" }, { name = "size", kind = "u32", check = "u32" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 6, 3, -16, 16, 4294967295 },
	},
	{
		id = 108, name = "mapops_map_push", short = "map_push", since = "1.1", kernel = "4.20",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "value_stack_off" }, { kind = "flags", ctype = "__u64", name = "flags" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "value_stack_off", kind = "stack_off", check = "int" }, { name = "flags", kind = "flags", check = "u64" } },
		example = { 3, -8, 2 },
	},
	{
		id = 109, name = "mapops_map_pop", short = "map_pop", since = "1.1", kernel = "4.20",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "value_stack_off" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "value_stack_off", kind = "stack_off", check = "int" } },
		example = { 3, -8 },
	},
	{
		id = 110, name = "mapops_map_peek", short = "map_peek", since = "1.1", kernel = "4.20",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "value_stack_off" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "value_stack_off", kind = "stack_off", check = "int" } },
		example = { 3, -8 },
	},
	{
		id = 111, name = "mapops_tail_call", short = "tail_call", since = "1.1", kernel = "4.2",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "ptr_reg", ctype = "int", name = "ctx_reg" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "u32", ctype = "__u32", name = "index" } },
		builder = true,
		params = { { name = "ctx_reg", kind = "ptr_reg", check = "int" }, { name = "map_fd", kind = "map", check = "int" }, { name = "index", kind = "u32", check = "u32" } },
		example = { 6, 3, 2 },
	},
	{
		id = 112, name = "mapops_tail_call_reg", short = "tail_call_reg", since = "1.1", kernel = "4.2",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "ptr_reg", ctype = "int", name = "ctx_reg" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "ptr_reg", ctype = "int", name = "index_reg" } },
		builder = true,
		params = { { name = "ctx_reg", kind = "ptr_reg", check = "int" }, { name = "map_fd", kind = "map", check = "int" }, { name = "index_reg", kind = "ptr_reg", check = "int" } },
		example = { 3, 3, 1 },
	},
	{
		id = 113, name = "mapops_map_lookup_percpu", short = "map_lookup_percpu", since = "1.1", kernel = "5.19",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "stack_off", ctype = "int", name = "key_stack_off" }, { kind = "ptr_reg", ctype = "int", name = "cpu_reg" } },
		builder = true,
		params = { { name = "map_fd", kind = "map", check = "int" }, { name = "key_stack_off", kind = "stack_off", check = "int" }, { name = "cpu_reg", kind = "ptr_reg", check = "int" } },
		example = { 3, -4, 1 },
	},
	{
		id = 114, name = "mapops_ld_map_value", short = "ld_map_value", since = "1.1", kernel = "5.5",
		ret = { kind = "status", ctype = "int" },
		args = { { kind = "prog", ctype = "mapops_prog_t *", name = "prog" }, { kind = "dst", ctype = "int", name = "dst" }, { kind = "map", ctype = "int", name = "map_fd" }, { kind = "u32", ctype = "__u32", name = "off" } },
		builder = true,
		params = { { name = "dst", kind = "dst", check = "int" }, { name = "map_fd", kind = "map", check = "int" }, { name = "off", kind = "u32", check = "u32" } },
		example = { 2, 3, 4 },
	},
}

API.CONSTANTS = {
	{ "R0", 0, "BPF_REG_0", "registers" },
	{ "R1", 1, "BPF_REG_1", "registers" },
	{ "R2", 2, "BPF_REG_2", "registers" },
	{ "R3", 3, "BPF_REG_3", "registers" },
	{ "R4", 4, "BPF_REG_4", "registers" },
	{ "R5", 5, "BPF_REG_5", "registers" },
	{ "R6", 6, "BPF_REG_6", "registers" },
	{ "R7", 7, "BPF_REG_7", "registers" },
	{ "R8", 8, "BPF_REG_8", "registers" },
	{ "R9", 9, "BPF_REG_9", "registers" },
	{ "R10", 10, "BPF_REG_10", "registers" },
	{ "BPF_ANY", 0, "BPF_ANY", "map update flags" },
	{ "BPF_NOEXIST", 1, "BPF_NOEXIST", "map update flags" },
	{ "BPF_EXIST", 2, "BPF_EXIST", "map update flags" },
	{ "BPF_F_LOCK", 4, "BPF_F_LOCK", "map update flags" },
	{ "RB_NO_WAKEUP", 1, "BPF_RB_NO_WAKEUP", "ring buffer flags" },
	{ "RB_FORCE_WAKEUP", 2, "BPF_RB_FORCE_WAKEUP", "ring buffer flags" },
	{ "F_CURRENT_CPU", 4294967295, "BPF_F_CURRENT_CPU", "perf event output flags" },
	{ "F_INDEX_MASK", 4294967295, "BPF_F_INDEX_MASK", "perf event output flags" },
	{ "F_CTXLEN_MASK", 4503595332403200, "BPF_F_CTXLEN_MASK", "perf event output flags" },
	{ "ADD", 0, "BPF_ADD", "ALU operations" },
	{ "SUB", 16, "BPF_SUB", "ALU operations" },
	{ "MUL", 32, "BPF_MUL", "ALU operations" },
	{ "DIV", 48, "BPF_DIV", "ALU operations" },
	{ "OR", 64, "BPF_OR", "ALU operations" },
	{ "AND", 80, "BPF_AND", "ALU operations" },
	{ "LSH", 96, "BPF_LSH", "ALU operations" },
	{ "RSH", 112, "BPF_RSH", "ALU operations" },
	{ "NEG", 128, "BPF_NEG", "ALU operations" },
	{ "MOD", 144, "BPF_MOD", "ALU operations" },
	{ "XOR", 160, "BPF_XOR", "ALU operations" },
	{ "MOV", 176, "BPF_MOV", "ALU operations" },
	{ "ARSH", 192, "BPF_ARSH", "ALU operations" },
	{ "JA", 0, "BPF_JA", "jump operations" },
	{ "JEQ", 16, "BPF_JEQ", "jump operations" },
	{ "JGT", 32, "BPF_JGT", "jump operations" },
	{ "JGE", 48, "BPF_JGE", "jump operations" },
	{ "JSET", 64, "BPF_JSET", "jump operations" },
	{ "JNE", 80, "BPF_JNE", "jump operations" },
	{ "JSGT", 96, "BPF_JSGT", "jump operations" },
	{ "JSGE", 112, "BPF_JSGE", "jump operations" },
	{ "JLT", 160, "BPF_JLT", "jump operations" },
	{ "JLE", 176, "BPF_JLE", "jump operations" },
	{ "JSLT", 192, "BPF_JSLT", "jump operations" },
	{ "JSLE", 208, "BPF_JSLE", "jump operations" },
	{ "W", 0, "BPF_W", "memory access sizes" },
	{ "H", 8, "BPF_H", "memory access sizes" },
	{ "B", 16, "BPF_B", "memory access sizes" },
	{ "DW", 24, "BPF_DW", "memory access sizes" },
	{ "TO_LE", 0, "BPF_TO_LE", "byte swap directions" },
	{ "TO_BE", 8, "BPF_TO_BE", "byte swap directions" },
	{ "FETCH", 1, "BPF_FETCH", "atomic operations" },
	{ "XCHG", 225, "BPF_XCHG", "atomic operations" },
	{ "CMPXCHG", 241, "BPF_CMPXCHG", "atomic operations" },
	{ "PROG_TYPE_UNSPEC", 0, "BPF_PROG_TYPE_UNSPEC", "program types" },
	{ "PROG_TYPE_SOCKET_FILTER", 1, "BPF_PROG_TYPE_SOCKET_FILTER", "program types" },
	{ "PROG_TYPE_KPROBE", 2, "BPF_PROG_TYPE_KPROBE", "program types" },
	{ "PROG_TYPE_SCHED_CLS", 3, "BPF_PROG_TYPE_SCHED_CLS", "program types" },
	{ "PROG_TYPE_SCHED_ACT", 4, "BPF_PROG_TYPE_SCHED_ACT", "program types" },
	{ "PROG_TYPE_TRACEPOINT", 5, "BPF_PROG_TYPE_TRACEPOINT", "program types" },
	{ "PROG_TYPE_XDP", 6, "BPF_PROG_TYPE_XDP", "program types" },
	{ "PROG_TYPE_PERF_EVENT", 7, "BPF_PROG_TYPE_PERF_EVENT", "program types" },
	{ "PROG_TYPE_CGROUP_SKB", 8, "BPF_PROG_TYPE_CGROUP_SKB", "program types" },
	{ "PROG_TYPE_CGROUP_SOCK", 9, "BPF_PROG_TYPE_CGROUP_SOCK", "program types" },
	{ "PROG_TYPE_LWT_IN", 10, "BPF_PROG_TYPE_LWT_IN", "program types" },
	{ "PROG_TYPE_LWT_OUT", 11, "BPF_PROG_TYPE_LWT_OUT", "program types" },
	{ "PROG_TYPE_LWT_XMIT", 12, "BPF_PROG_TYPE_LWT_XMIT", "program types" },
	{ "PROG_TYPE_SOCK_OPS", 13, "BPF_PROG_TYPE_SOCK_OPS", "program types" },
	{ "PROG_TYPE_SK_SKB", 14, "BPF_PROG_TYPE_SK_SKB", "program types" },
	{ "PROG_TYPE_CGROUP_DEVICE", 15, "BPF_PROG_TYPE_CGROUP_DEVICE", "program types" },
	{ "PROG_TYPE_SK_MSG", 16, "BPF_PROG_TYPE_SK_MSG", "program types" },
	{ "PROG_TYPE_RAW_TRACEPOINT", 17, "BPF_PROG_TYPE_RAW_TRACEPOINT", "program types" },
	{ "PROG_TYPE_CGROUP_SOCK_ADDR", 18, "BPF_PROG_TYPE_CGROUP_SOCK_ADDR", "program types" },
	{ "PROG_TYPE_LWT_SEG6LOCAL", 19, "BPF_PROG_TYPE_LWT_SEG6LOCAL", "program types" },
	{ "PROG_TYPE_LIRC_MODE2", 20, "BPF_PROG_TYPE_LIRC_MODE2", "program types" },
	{ "PROG_TYPE_SK_REUSEPORT", 21, "BPF_PROG_TYPE_SK_REUSEPORT", "program types" },
	{ "PROG_TYPE_FLOW_DISSECTOR", 22, "BPF_PROG_TYPE_FLOW_DISSECTOR", "program types" },
	{ "PROG_TYPE_CGROUP_SYSCTL", 23, "BPF_PROG_TYPE_CGROUP_SYSCTL", "program types" },
	{ "PROG_TYPE_RAW_TRACEPOINT_WRITABLE", 24, "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE", "program types" },
	{ "PROG_TYPE_CGROUP_SOCKOPT", 25, "BPF_PROG_TYPE_CGROUP_SOCKOPT", "program types" },
	{ "PROG_TYPE_TRACING", 26, "BPF_PROG_TYPE_TRACING", "program types" },
	{ "PROG_TYPE_STRUCT_OPS", 27, "BPF_PROG_TYPE_STRUCT_OPS", "program types" },
	{ "PROG_TYPE_EXT", 28, "BPF_PROG_TYPE_EXT", "program types" },
	{ "PROG_TYPE_LSM", 29, "BPF_PROG_TYPE_LSM", "program types" },
	{ "PROG_TYPE_SK_LOOKUP", 30, "BPF_PROG_TYPE_SK_LOOKUP", "program types" },
	{ "PROG_TYPE_SYSCALL", 31, "BPF_PROG_TYPE_SYSCALL", "program types" },
	{ "MAP_TYPE_UNSPEC", 0, "BPF_MAP_TYPE_UNSPEC", "map types" },
	{ "MAP_TYPE_HASH", 1, "BPF_MAP_TYPE_HASH", "map types" },
	{ "MAP_TYPE_ARRAY", 2, "BPF_MAP_TYPE_ARRAY", "map types" },
	{ "MAP_TYPE_PROG_ARRAY", 3, "BPF_MAP_TYPE_PROG_ARRAY", "map types" },
	{ "MAP_TYPE_PERF_EVENT_ARRAY", 4, "BPF_MAP_TYPE_PERF_EVENT_ARRAY", "map types" },
	{ "MAP_TYPE_PERCPU_HASH", 5, "BPF_MAP_TYPE_PERCPU_HASH", "map types" },
	{ "MAP_TYPE_PERCPU_ARRAY", 6, "BPF_MAP_TYPE_PERCPU_ARRAY", "map types" },
	{ "MAP_TYPE_STACK_TRACE", 7, "BPF_MAP_TYPE_STACK_TRACE", "map types" },
	{ "MAP_TYPE_CGROUP_ARRAY", 8, "BPF_MAP_TYPE_CGROUP_ARRAY", "map types" },
	{ "MAP_TYPE_LRU_HASH", 9, "BPF_MAP_TYPE_LRU_HASH", "map types" },
	{ "MAP_TYPE_LRU_PERCPU_HASH", 10, "BPF_MAP_TYPE_LRU_PERCPU_HASH", "map types" },
	{ "MAP_TYPE_LPM_TRIE", 11, "BPF_MAP_TYPE_LPM_TRIE", "map types" },
	{ "MAP_TYPE_ARRAY_OF_MAPS", 12, "BPF_MAP_TYPE_ARRAY_OF_MAPS", "map types" },
	{ "MAP_TYPE_HASH_OF_MAPS", 13, "BPF_MAP_TYPE_HASH_OF_MAPS", "map types" },
	{ "MAP_TYPE_DEVMAP", 14, "BPF_MAP_TYPE_DEVMAP", "map types" },
	{ "MAP_TYPE_SOCKMAP", 15, "BPF_MAP_TYPE_SOCKMAP", "map types" },
	{ "MAP_TYPE_CPUMAP", 16, "BPF_MAP_TYPE_CPUMAP", "map types" },
	{ "MAP_TYPE_XSKMAP", 17, "BPF_MAP_TYPE_XSKMAP", "map types" },
	{ "MAP_TYPE_SOCKHASH", 18, "BPF_MAP_TYPE_SOCKHASH", "map types" },
	{ "MAP_TYPE_CGROUP_STORAGE", 19, "BPF_MAP_TYPE_CGROUP_STORAGE", "map types" },
	{ "MAP_TYPE_REUSEPORT_SOCKARRAY", 20, "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY", "map types" },
	{ "MAP_TYPE_PERCPU_CGROUP_STORAGE", 21, "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE", "map types" },
	{ "MAP_TYPE_QUEUE", 22, "BPF_MAP_TYPE_QUEUE", "map types" },
	{ "MAP_TYPE_STACK", 23, "BPF_MAP_TYPE_STACK", "map types" },
	{ "MAP_TYPE_SK_STORAGE", 24, "BPF_MAP_TYPE_SK_STORAGE", "map types" },
	{ "MAP_TYPE_DEVMAP_HASH", 25, "BPF_MAP_TYPE_DEVMAP_HASH", "map types" },
	{ "MAP_TYPE_STRUCT_OPS", 26, "BPF_MAP_TYPE_STRUCT_OPS", "map types" },
	{ "MAP_TYPE_RINGBUF", 27, "BPF_MAP_TYPE_RINGBUF", "map types" },
	{ "MAP_TYPE_INODE_STORAGE", 28, "BPF_MAP_TYPE_INODE_STORAGE", "map types" },
	{ "MAP_TYPE_TASK_STORAGE", 29, "BPF_MAP_TYPE_TASK_STORAGE", "map types" },
	{ "MAP_TYPE_BLOOM_FILTER", 30, "BPF_MAP_TYPE_BLOOM_FILTER", "map types" },
	{ "MAP_TYPE_USER_RINGBUF", 31, "BPF_MAP_TYPE_USER_RINGBUF", "map types" },
	{ "CGROUP_INET_INGRESS", 0, "BPF_CGROUP_INET_INGRESS", "attach types" },
	{ "CGROUP_INET_EGRESS", 1, "BPF_CGROUP_INET_EGRESS", "attach types" },
	{ "CGROUP_INET_SOCK_CREATE", 2, "BPF_CGROUP_INET_SOCK_CREATE", "attach types" },
	{ "CGROUP_SOCK_OPS", 3, "BPF_CGROUP_SOCK_OPS", "attach types" },
	{ "SK_SKB_STREAM_PARSER", 4, "BPF_SK_SKB_STREAM_PARSER", "attach types" },
	{ "SK_SKB_STREAM_VERDICT", 5, "BPF_SK_SKB_STREAM_VERDICT", "attach types" },
	{ "CGROUP_DEVICE", 6, "BPF_CGROUP_DEVICE", "attach types" },
	{ "SK_MSG_VERDICT", 7, "BPF_SK_MSG_VERDICT", "attach types" },
	{ "CGROUP_INET4_BIND", 8, "BPF_CGROUP_INET4_BIND", "attach types" },
	{ "CGROUP_INET6_BIND", 9, "BPF_CGROUP_INET6_BIND", "attach types" },
	{ "CGROUP_INET4_CONNECT", 10, "BPF_CGROUP_INET4_CONNECT", "attach types" },
	{ "CGROUP_INET6_CONNECT", 11, "BPF_CGROUP_INET6_CONNECT", "attach types" },
	{ "CGROUP_INET4_POST_BIND", 12, "BPF_CGROUP_INET4_POST_BIND", "attach types" },
	{ "CGROUP_INET6_POST_BIND", 13, "BPF_CGROUP_INET6_POST_BIND", "attach types" },
	{ "CGROUP_UDP4_SENDMSG", 14, "BPF_CGROUP_UDP4_SENDMSG", "attach types" },
	{ "CGROUP_UDP6_SENDMSG", 15, "BPF_CGROUP_UDP6_SENDMSG", "attach types" },
	{ "LIRC_MODE2", 16, "BPF_LIRC_MODE2", "attach types" },
	{ "FLOW_DISSECTOR", 17, "BPF_FLOW_DISSECTOR", "attach types" },
	{ "CGROUP_SYSCTL", 18, "BPF_CGROUP_SYSCTL", "attach types" },
	{ "CGROUP_UDP4_RECVMSG", 19, "BPF_CGROUP_UDP4_RECVMSG", "attach types" },
	{ "CGROUP_UDP6_RECVMSG", 20, "BPF_CGROUP_UDP6_RECVMSG", "attach types" },
	{ "CGROUP_GETSOCKOPT", 21, "BPF_CGROUP_GETSOCKOPT", "attach types" },
	{ "CGROUP_SETSOCKOPT", 22, "BPF_CGROUP_SETSOCKOPT", "attach types" },
	{ "TRACE_RAW_TP", 23, "BPF_TRACE_RAW_TP", "attach types" },
	{ "TRACE_FENTRY", 24, "BPF_TRACE_FENTRY", "attach types" },
	{ "TRACE_FEXIT", 25, "BPF_TRACE_FEXIT", "attach types" },
	{ "MODIFY_RETURN", 26, "BPF_MODIFY_RETURN", "attach types" },
	{ "LSM_MAC", 27, "BPF_LSM_MAC", "attach types" },
	{ "TRACE_ITER", 28, "BPF_TRACE_ITER", "attach types" },
	{ "CGROUP_INET4_GETPEERNAME", 29, "BPF_CGROUP_INET4_GETPEERNAME", "attach types" },
	{ "CGROUP_INET6_GETPEERNAME", 30, "BPF_CGROUP_INET6_GETPEERNAME", "attach types" },
	{ "CGROUP_INET4_GETSOCKNAME", 31, "BPF_CGROUP_INET4_GETSOCKNAME", "attach types" },
	{ "CGROUP_INET6_GETSOCKNAME", 32, "BPF_CGROUP_INET6_GETSOCKNAME", "attach types" },
	{ "XDP_DEVMAP", 33, "BPF_XDP_DEVMAP", "attach types" },
	{ "CGROUP_INET_SOCK_RELEASE", 34, "BPF_CGROUP_INET_SOCK_RELEASE", "attach types" },
	{ "XDP_CPUMAP", 35, "BPF_XDP_CPUMAP", "attach types" },
	{ "SK_LOOKUP", 36, "BPF_SK_LOOKUP", "attach types" },
	{ "XDP", 37, "BPF_XDP", "attach types" },
	{ "SK_SKB_VERDICT", 38, "BPF_SK_SKB_VERDICT", "attach types" },
	{ "SK_REUSEPORT_SELECT", 39, "BPF_SK_REUSEPORT_SELECT", "attach types" },
	{ "SK_REUSEPORT_SELECT_OR_MIGRATE", 40, "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE", "attach types" },
	{ "PERF_EVENT", 41, "BPF_PERF_EVENT", "attach types" },
	{ "TRACE_KPROBE_MULTI", 42, "BPF_TRACE_KPROBE_MULTI", "attach types" },
	{ "LSM_CGROUP", 43, "BPF_LSM_CGROUP", "attach types" },
	{ "FUNC_MAP_LOOKUP_ELEM", 1, "BPF_FUNC_map_lookup_elem", "helper function ids" },
	{ "FUNC_MAP_UPDATE_ELEM", 2, "BPF_FUNC_map_update_elem", "helper function ids" },
	{ "FUNC_MAP_DELETE_ELEM", 3, "BPF_FUNC_map_delete_elem", "helper function ids" },
	{ "FUNC_PROBE_READ", 4, "BPF_FUNC_probe_read", "helper function ids" },
	{ "FUNC_KTIME_GET_NS", 5, "BPF_FUNC_ktime_get_ns", "helper function ids" },
	{ "FUNC_TRACE_PRINTK", 6, "BPF_FUNC_trace_printk", "helper function ids" },
	{ "FUNC_GET_PRANDOM_U32", 7, "BPF_FUNC_get_prandom_u32", "helper function ids" },
	{ "FUNC_GET_SMP_PROCESSOR_ID", 8, "BPF_FUNC_get_smp_processor_id", "helper function ids" },
	{ "FUNC_SKB_STORE_BYTES", 9, "BPF_FUNC_skb_store_bytes", "helper function ids" },
	{ "FUNC_L3_CSUM_REPLACE", 10, "BPF_FUNC_l3_csum_replace", "helper function ids" },
	{ "FUNC_L4_CSUM_REPLACE", 11, "BPF_FUNC_l4_csum_replace", "helper function ids" },
	{ "FUNC_TAIL_CALL", 12, "BPF_FUNC_tail_call", "helper function ids" },
	{ "FUNC_CLONE_REDIRECT", 13, "BPF_FUNC_clone_redirect", "helper function ids" },
	{ "FUNC_GET_CURRENT_PID_TGID", 14, "BPF_FUNC_get_current_pid_tgid", "helper function ids" },
	{ "FUNC_GET_CURRENT_UID_GID", 15, "BPF_FUNC_get_current_uid_gid", "helper function ids" },
	{ "FUNC_GET_CURRENT_COMM", 16, "BPF_FUNC_get_current_comm", "helper function ids" },
	{ "FUNC_GET_CGROUP_CLASSID", 17, "BPF_FUNC_get_cgroup_classid", "helper function ids" },
	{ "FUNC_SKB_VLAN_PUSH", 18, "BPF_FUNC_skb_vlan_push", "helper function ids" },
	{ "FUNC_SKB_VLAN_POP", 19, "BPF_FUNC_skb_vlan_pop", "helper function ids" },
	{ "FUNC_SKB_GET_TUNNEL_KEY", 20, "BPF_FUNC_skb_get_tunnel_key", "helper function ids" },
	{ "FUNC_SKB_SET_TUNNEL_KEY", 21, "BPF_FUNC_skb_set_tunnel_key", "helper function ids" },
	{ "FUNC_PERF_EVENT_READ", 22, "BPF_FUNC_perf_event_read", "helper function ids" },
	{ "FUNC_REDIRECT", 23, "BPF_FUNC_redirect", "helper function ids" },
	{ "FUNC_GET_ROUTE_REALM", 24, "BPF_FUNC_get_route_realm", "helper function ids" },
	{ "FUNC_PERF_EVENT_OUTPUT", 25, "BPF_FUNC_perf_event_output", "helper function ids" },
	{ "FUNC_SKB_LOAD_BYTES", 26, "BPF_FUNC_skb_load_bytes", "helper function ids" },
	{ "FUNC_GET_STACKID", 27, "BPF_FUNC_get_stackid", "helper function ids" },
	{ "FUNC_CSUM_DIFF", 28, "BPF_FUNC_csum_diff", "helper function ids" },
	{ "FUNC_SKB_GET_TUNNEL_OPT", 29, "BPF_FUNC_skb_get_tunnel_opt", "helper function ids" },
	{ "FUNC_SKB_SET_TUNNEL_OPT", 30, "BPF_FUNC_skb_set_tunnel_opt", "helper function ids" },
	{ "FUNC_SKB_CHANGE_PROTO", 31, "BPF_FUNC_skb_change_proto", "helper function ids" },
	{ "FUNC_SKB_CHANGE_TYPE", 32, "BPF_FUNC_skb_change_type", "helper function ids" },
	{ "FUNC_SKB_UNDER_CGROUP", 33, "BPF_FUNC_skb_under_cgroup", "helper function ids" },
	{ "FUNC_GET_HASH_RECALC", 34, "BPF_FUNC_get_hash_recalc", "helper function ids" },
	{ "FUNC_GET_CURRENT_TASK", 35, "BPF_FUNC_get_current_task", "helper function ids" },
	{ "FUNC_PROBE_WRITE_USER", 36, "BPF_FUNC_probe_write_user", "helper function ids" },
	{ "FUNC_CURRENT_TASK_UNDER_CGROUP", 37, "BPF_FUNC_current_task_under_cgroup", "helper function ids" },
	{ "FUNC_SKB_CHANGE_TAIL", 38, "BPF_FUNC_skb_change_tail", "helper function ids" },
	{ "FUNC_SKB_PULL_DATA", 39, "BPF_FUNC_skb_pull_data", "helper function ids" },
	{ "FUNC_CSUM_UPDATE", 40, "BPF_FUNC_csum_update", "helper function ids" },
	{ "FUNC_SET_HASH_INVALID", 41, "BPF_FUNC_set_hash_invalid", "helper function ids" },
	{ "FUNC_GET_NUMA_NODE_ID", 42, "BPF_FUNC_get_numa_node_id", "helper function ids" },
	{ "FUNC_SKB_CHANGE_HEAD", 43, "BPF_FUNC_skb_change_head", "helper function ids" },
	{ "FUNC_XDP_ADJUST_HEAD", 44, "BPF_FUNC_xdp_adjust_head", "helper function ids" },
	{ "FUNC_PROBE_READ_STR", 45, "BPF_FUNC_probe_read_str", "helper function ids" },
	{ "FUNC_GET_SOCKET_COOKIE", 46, "BPF_FUNC_get_socket_cookie", "helper function ids" },
	{ "FUNC_GET_SOCKET_UID", 47, "BPF_FUNC_get_socket_uid", "helper function ids" },
	{ "FUNC_SET_HASH", 48, "BPF_FUNC_set_hash", "helper function ids" },
	{ "FUNC_SETSOCKOPT", 49, "BPF_FUNC_setsockopt", "helper function ids" },
	{ "FUNC_SKB_ADJUST_ROOM", 50, "BPF_FUNC_skb_adjust_room", "helper function ids" },
	{ "FUNC_REDIRECT_MAP", 51, "BPF_FUNC_redirect_map", "helper function ids" },
	{ "FUNC_SK_REDIRECT_MAP", 52, "BPF_FUNC_sk_redirect_map", "helper function ids" },
	{ "FUNC_SOCK_MAP_UPDATE", 53, "BPF_FUNC_sock_map_update", "helper function ids" },
	{ "FUNC_XDP_ADJUST_META", 54, "BPF_FUNC_xdp_adjust_meta", "helper function ids" },
	{ "FUNC_PERF_EVENT_READ_VALUE", 55, "BPF_FUNC_perf_event_read_value", "helper function ids" },
	{ "FUNC_PERF_PROG_READ_VALUE", 56, "BPF_FUNC_perf_prog_read_value", "helper function ids" },
	{ "FUNC_GETSOCKOPT", 57, "BPF_FUNC_getsockopt", "helper function ids" },
	{ "FUNC_OVERRIDE_RETURN", 58, "BPF_FUNC_override_return", "helper function ids" },
	{ "FUNC_SOCK_OPS_CB_FLAGS_SET", 59, "BPF_FUNC_sock_ops_cb_flags_set", "helper function ids" },
	{ "FUNC_MSG_REDIRECT_MAP", 60, "BPF_FUNC_msg_redirect_map", "helper function ids" },
	{ "FUNC_MSG_APPLY_BYTES", 61, "BPF_FUNC_msg_apply_bytes", "helper function ids" },
	{ "FUNC_MSG_CORK_BYTES", 62, "BPF_FUNC_msg_cork_bytes", "helper function ids" },
	{ "FUNC_MSG_PULL_DATA", 63, "BPF_FUNC_msg_pull_data", "helper function ids" },
	{ "FUNC_BIND", 64, "BPF_FUNC_bind", "helper function ids" },
	{ "FUNC_XDP_ADJUST_TAIL", 65, "BPF_FUNC_xdp_adjust_tail", "helper function ids" },
	{ "FUNC_SKB_GET_XFRM_STATE", 66, "BPF_FUNC_skb_get_xfrm_state", "helper function ids" },
	{ "FUNC_GET_STACK", 67, "BPF_FUNC_get_stack", "helper function ids" },
	{ "FUNC_SKB_LOAD_BYTES_RELATIVE", 68, "BPF_FUNC_skb_load_bytes_relative", "helper function ids" },
	{ "FUNC_FIB_LOOKUP", 69, "BPF_FUNC_fib_lookup", "helper function ids" },
	{ "FUNC_SOCK_HASH_UPDATE", 70, "BPF_FUNC_sock_hash_update", "helper function ids" },
	{ "FUNC_MSG_REDIRECT_HASH", 71, "BPF_FUNC_msg_redirect_hash", "helper function ids" },
	{ "FUNC_SK_REDIRECT_HASH", 72, "BPF_FUNC_sk_redirect_hash", "helper function ids" },
	{ "FUNC_LWT_PUSH_ENCAP", 73, "BPF_FUNC_lwt_push_encap", "helper function ids" },
	{ "FUNC_LWT_SEG6_STORE_BYTES", 74, "BPF_FUNC_lwt_seg6_store_bytes", "helper function ids" },
	{ "FUNC_LWT_SEG6_ADJUST_SRH", 75, "BPF_FUNC_lwt_seg6_adjust_srh", "helper function ids" },
	{ "FUNC_LWT_SEG6_ACTION", 76, "BPF_FUNC_lwt_seg6_action", "helper function ids" },
	{ "FUNC_RC_REPEAT", 77, "BPF_FUNC_rc_repeat", "helper function ids" },
	{ "FUNC_RC_KEYDOWN", 78, "BPF_FUNC_rc_keydown", "helper function ids" },
	{ "FUNC_SKB_CGROUP_ID", 79, "BPF_FUNC_skb_cgroup_id", "helper function ids" },
	{ "FUNC_GET_CURRENT_CGROUP_ID", 80, "BPF_FUNC_get_current_cgroup_id", "helper function ids" },
	{ "FUNC_GET_LOCAL_STORAGE", 81, "BPF_FUNC_get_local_storage", "helper function ids" },
	{ "FUNC_SK_SELECT_REUSEPORT", 82, "BPF_FUNC_sk_select_reuseport", "helper function ids" },
	{ "FUNC_SKB_ANCESTOR_CGROUP_ID", 83, "BPF_FUNC_skb_ancestor_cgroup_id", "helper function ids" },
	{ "FUNC_SK_LOOKUP_TCP", 84, "BPF_FUNC_sk_lookup_tcp", "helper function ids" },
	{ "FUNC_SK_LOOKUP_UDP", 85, "BPF_FUNC_sk_lookup_udp", "helper function ids" },
	{ "FUNC_SK_RELEASE", 86, "BPF_FUNC_sk_release", "helper function ids" },
	{ "FUNC_MAP_PUSH_ELEM", 87, "BPF_FUNC_map_push_elem", "helper function ids" },
	{ "FUNC_MAP_POP_ELEM", 88, "BPF_FUNC_map_pop_elem", "helper function ids" },
	{ "FUNC_MAP_PEEK_ELEM", 89, "BPF_FUNC_map_peek_elem", "helper function ids" },
	{ "FUNC_MSG_PUSH_DATA", 90, "BPF_FUNC_msg_push_data", "helper function ids" },
	{ "FUNC_MSG_POP_DATA", 91, "BPF_FUNC_msg_pop_data", "helper function ids" },
	{ "FUNC_RC_POINTER_REL", 92, "BPF_FUNC_rc_pointer_rel", "helper function ids" },
	{ "FUNC_SPIN_LOCK", 93, "BPF_FUNC_spin_lock", "helper function ids" },
	{ "FUNC_SPIN_UNLOCK", 94, "BPF_FUNC_spin_unlock", "helper function ids" },
	{ "FUNC_SK_FULLSOCK", 95, "BPF_FUNC_sk_fullsock", "helper function ids" },
	{ "FUNC_TCP_SOCK", 96, "BPF_FUNC_tcp_sock", "helper function ids" },
	{ "FUNC_SKB_ECN_SET_CE", 97, "BPF_FUNC_skb_ecn_set_ce", "helper function ids" },
	{ "FUNC_GET_LISTENER_SOCK", 98, "BPF_FUNC_get_listener_sock", "helper function ids" },
	{ "FUNC_SKC_LOOKUP_TCP", 99, "BPF_FUNC_skc_lookup_tcp", "helper function ids" },
	{ "FUNC_TCP_CHECK_SYNCOOKIE", 100, "BPF_FUNC_tcp_check_syncookie", "helper function ids" },
	{ "FUNC_SYSCTL_GET_NAME", 101, "BPF_FUNC_sysctl_get_name", "helper function ids" },
	{ "FUNC_SYSCTL_GET_CURRENT_VALUE", 102, "BPF_FUNC_sysctl_get_current_value", "helper function ids" },
	{ "FUNC_SYSCTL_GET_NEW_VALUE", 103, "BPF_FUNC_sysctl_get_new_value", "helper function ids" },
	{ "FUNC_SYSCTL_SET_NEW_VALUE", 104, "BPF_FUNC_sysctl_set_new_value", "helper function ids" },
	{ "FUNC_STRTOL", 105, "BPF_FUNC_strtol", "helper function ids" },
	{ "FUNC_STRTOUL", 106, "BPF_FUNC_strtoul", "helper function ids" },
	{ "FUNC_SK_STORAGE_GET", 107, "BPF_FUNC_sk_storage_get", "helper function ids" },
	{ "FUNC_SK_STORAGE_DELETE", 108, "BPF_FUNC_sk_storage_delete", "helper function ids" },
	{ "FUNC_SEND_SIGNAL", 109, "BPF_FUNC_send_signal", "helper function ids" },
	{ "FUNC_TCP_GEN_SYNCOOKIE", 110, "BPF_FUNC_tcp_gen_syncookie", "helper function ids" },
	{ "FUNC_SKB_OUTPUT", 111, "BPF_FUNC_skb_output", "helper function ids" },
	{ "FUNC_PROBE_READ_USER", 112, "BPF_FUNC_probe_read_user", "helper function ids" },
	{ "FUNC_PROBE_READ_KERNEL", 113, "BPF_FUNC_probe_read_kernel", "helper function ids" },
	{ "FUNC_PROBE_READ_USER_STR", 114, "BPF_FUNC_probe_read_user_str", "helper function ids" },
	{ "FUNC_PROBE_READ_KERNEL_STR", 115, "BPF_FUNC_probe_read_kernel_str", "helper function ids" },
	{ "FUNC_TCP_SEND_ACK", 116, "BPF_FUNC_tcp_send_ack", "helper function ids" },
	{ "FUNC_SEND_SIGNAL_THREAD", 117, "BPF_FUNC_send_signal_thread", "helper function ids" },
	{ "FUNC_JIFFIES64", 118, "BPF_FUNC_jiffies64", "helper function ids" },
	{ "FUNC_READ_BRANCH_RECORDS", 119, "BPF_FUNC_read_branch_records", "helper function ids" },
	{ "FUNC_GET_NS_CURRENT_PID_TGID", 120, "BPF_FUNC_get_ns_current_pid_tgid", "helper function ids" },
	{ "FUNC_XDP_OUTPUT", 121, "BPF_FUNC_xdp_output", "helper function ids" },
	{ "FUNC_GET_NETNS_COOKIE", 122, "BPF_FUNC_get_netns_cookie", "helper function ids" },
	{ "FUNC_GET_CURRENT_ANCESTOR_CGROUP_ID", 123, "BPF_FUNC_get_current_ancestor_cgroup_id", "helper function ids" },
	{ "FUNC_SK_ASSIGN", 124, "BPF_FUNC_sk_assign", "helper function ids" },
	{ "FUNC_KTIME_GET_BOOT_NS", 125, "BPF_FUNC_ktime_get_boot_ns", "helper function ids" },
	{ "FUNC_SEQ_PRINTF", 126, "BPF_FUNC_seq_printf", "helper function ids" },
	{ "FUNC_SEQ_WRITE", 127, "BPF_FUNC_seq_write", "helper function ids" },
	{ "FUNC_SK_CGROUP_ID", 128, "BPF_FUNC_sk_cgroup_id", "helper function ids" },
	{ "FUNC_SK_ANCESTOR_CGROUP_ID", 129, "BPF_FUNC_sk_ancestor_cgroup_id", "helper function ids" },
	{ "FUNC_RINGBUF_OUTPUT", 130, "BPF_FUNC_ringbuf_output", "helper function ids" },
	{ "FUNC_RINGBUF_RESERVE", 131, "BPF_FUNC_ringbuf_reserve", "helper function ids" },
	{ "FUNC_RINGBUF_SUBMIT", 132, "BPF_FUNC_ringbuf_submit", "helper function ids" },
	{ "FUNC_RINGBUF_DISCARD", 133, "BPF_FUNC_ringbuf_discard", "helper function ids" },
	{ "FUNC_RINGBUF_QUERY", 134, "BPF_FUNC_ringbuf_query", "helper function ids" },
	{ "FUNC_CSUM_LEVEL", 135, "BPF_FUNC_csum_level", "helper function ids" },
	{ "FUNC_SKC_TO_TCP6_SOCK", 136, "BPF_FUNC_skc_to_tcp6_sock", "helper function ids" },
	{ "FUNC_SKC_TO_TCP_SOCK", 137, "BPF_FUNC_skc_to_tcp_sock", "helper function ids" },
	{ "FUNC_SKC_TO_TCP_TIMEWAIT_SOCK", 138, "BPF_FUNC_skc_to_tcp_timewait_sock", "helper function ids" },
	{ "FUNC_SKC_TO_TCP_REQUEST_SOCK", 139, "BPF_FUNC_skc_to_tcp_request_sock", "helper function ids" },
	{ "FUNC_SKC_TO_UDP6_SOCK", 140, "BPF_FUNC_skc_to_udp6_sock", "helper function ids" },
	{ "FUNC_GET_TASK_STACK", 141, "BPF_FUNC_get_task_stack", "helper function ids" },
	{ "FUNC_LOAD_HDR_OPT", 142, "BPF_FUNC_load_hdr_opt", "helper function ids" },
	{ "FUNC_STORE_HDR_OPT", 143, "BPF_FUNC_store_hdr_opt", "helper function ids" },
	{ "FUNC_RESERVE_HDR_OPT", 144, "BPF_FUNC_reserve_hdr_opt", "helper function ids" },
	{ "FUNC_INODE_STORAGE_GET", 145, "BPF_FUNC_inode_storage_get", "helper function ids" },
	{ "FUNC_INODE_STORAGE_DELETE", 146, "BPF_FUNC_inode_storage_delete", "helper function ids" },
	{ "FUNC_D_PATH", 147, "BPF_FUNC_d_path", "helper function ids" },
	{ "FUNC_COPY_FROM_USER", 148, "BPF_FUNC_copy_from_user", "helper function ids" },
	{ "FUNC_SNPRINTF_BTF", 149, "BPF_FUNC_snprintf_btf", "helper function ids" },
	{ "FUNC_SEQ_PRINTF_BTF", 150, "BPF_FUNC_seq_printf_btf", "helper function ids" },
	{ "FUNC_SKB_CGROUP_CLASSID", 151, "BPF_FUNC_skb_cgroup_classid", "helper function ids" },
	{ "FUNC_REDIRECT_NEIGH", 152, "BPF_FUNC_redirect_neigh", "helper function ids" },
	{ "FUNC_PER_CPU_PTR", 153, "BPF_FUNC_per_cpu_ptr", "helper function ids" },
	{ "FUNC_THIS_CPU_PTR", 154, "BPF_FUNC_this_cpu_ptr", "helper function ids" },
	{ "FUNC_REDIRECT_PEER", 155, "BPF_FUNC_redirect_peer", "helper function ids" },
	{ "FUNC_TASK_STORAGE_GET", 156, "BPF_FUNC_task_storage_get", "helper function ids" },
	{ "FUNC_TASK_STORAGE_DELETE", 157, "BPF_FUNC_task_storage_delete", "helper function ids" },
	{ "FUNC_GET_CURRENT_TASK_BTF", 158, "BPF_FUNC_get_current_task_btf", "helper function ids" },
	{ "FUNC_BPRM_OPTS_SET", 159, "BPF_FUNC_bprm_opts_set", "helper function ids" },
	{ "FUNC_KTIME_GET_COARSE_NS", 160, "BPF_FUNC_ktime_get_coarse_ns", "helper function ids" },
	{ "FUNC_IMA_INODE_HASH", 161, "BPF_FUNC_ima_inode_hash", "helper function ids" },
	{ "FUNC_SOCK_FROM_FILE", 162, "BPF_FUNC_sock_from_file", "helper function ids" },
	{ "FUNC_CHECK_MTU", 163, "BPF_FUNC_check_mtu", "helper function ids" },
	{ "FUNC_FOR_EACH_MAP_ELEM", 164, "BPF_FUNC_for_each_map_elem", "helper function ids" },
	{ "FUNC_SNPRINTF", 165, "BPF_FUNC_snprintf", "helper function ids" },
	{ "FUNC_SYS_BPF", 166, "BPF_FUNC_sys_bpf", "helper function ids" },
	{ "FUNC_BTF_FIND_BY_NAME_KIND", 167, "BPF_FUNC_btf_find_by_name_kind", "helper function ids" },
	{ "FUNC_SYS_CLOSE", 168, "BPF_FUNC_sys_close", "helper function ids" },
	{ "FUNC_TIMER_INIT", 169, "BPF_FUNC_timer_init", "helper function ids" },
	{ "FUNC_TIMER_SET_CALLBACK", 170, "BPF_FUNC_timer_set_callback", "helper function ids" },
	{ "FUNC_TIMER_START", 171, "BPF_FUNC_timer_start", "helper function ids" },
	{ "FUNC_TIMER_CANCEL", 172, "BPF_FUNC_timer_cancel", "helper function ids" },
	{ "FUNC_GET_FUNC_IP", 173, "BPF_FUNC_get_func_ip", "helper function ids" },
	{ "FUNC_GET_ATTACH_COOKIE", 174, "BPF_FUNC_get_attach_cookie", "helper function ids" },
	{ "FUNC_TASK_PT_REGS", 175, "BPF_FUNC_task_pt_regs", "helper function ids" },
	{ "FUNC_GET_BRANCH_SNAPSHOT", 176, "BPF_FUNC_get_branch_snapshot", "helper function ids" },
	{ "FUNC_TRACE_VPRINTK", 177, "BPF_FUNC_trace_vprintk", "helper function ids" },
	{ "FUNC_SKC_TO_UNIX_SOCK", 178, "BPF_FUNC_skc_to_unix_sock", "helper function ids" },
	{ "FUNC_KALLSYMS_LOOKUP_NAME", 179, "BPF_FUNC_kallsyms_lookup_name", "helper function ids" },
	{ "FUNC_FIND_VMA", 180, "BPF_FUNC_find_vma", "helper function ids" },
	{ "FUNC_LOOP", 181, "BPF_FUNC_loop", "helper function ids" },
	{ "FUNC_STRNCMP", 182, "BPF_FUNC_strncmp", "helper function ids" },
	{ "FUNC_GET_FUNC_ARG", 183, "BPF_FUNC_get_func_arg", "helper function ids" },
	{ "FUNC_GET_FUNC_RET", 184, "BPF_FUNC_get_func_ret", "helper function ids" },
	{ "FUNC_GET_FUNC_ARG_CNT", 185, "BPF_FUNC_get_func_arg_cnt", "helper function ids" },
	{ "FUNC_GET_RETVAL", 186, "BPF_FUNC_get_retval", "helper function ids" },
	{ "FUNC_SET_RETVAL", 187, "BPF_FUNC_set_retval", "helper function ids" },
	{ "FUNC_XDP_GET_BUFF_LEN", 188, "BPF_FUNC_xdp_get_buff_len", "helper function ids" },
	{ "FUNC_XDP_LOAD_BYTES", 189, "BPF_FUNC_xdp_load_bytes", "helper function ids" },
	{ "FUNC_XDP_STORE_BYTES", 190, "BPF_FUNC_xdp_store_bytes", "helper function ids" },
	{ "FUNC_COPY_FROM_USER_TASK", 191, "BPF_FUNC_copy_from_user_task", "helper function ids" },
	{ "FUNC_SKB_SET_TSTAMP", 192, "BPF_FUNC_skb_set_tstamp", "helper function ids" },
	{ "FUNC_IMA_FILE_HASH", 193, "BPF_FUNC_ima_file_hash", "helper function ids" },
	{ "FUNC_KPTR_XCHG", 194, "BPF_FUNC_kptr_xchg", "helper function ids" },
	{ "FUNC_MAP_LOOKUP_PERCPU_ELEM", 195, "BPF_FUNC_map_lookup_percpu_elem", "helper function ids" },
	{ "FUNC_SKC_TO_MPTCP_SOCK", 196, "BPF_FUNC_skc_to_mptcp_sock", "helper function ids" },
	{ "FUNC_DYNPTR_FROM_MEM", 197, "BPF_FUNC_dynptr_from_mem", "helper function ids" },
	{ "FUNC_RINGBUF_RESERVE_DYNPTR", 198, "BPF_FUNC_ringbuf_reserve_dynptr", "helper function ids" },
	{ "FUNC_RINGBUF_SUBMIT_DYNPTR", 199, "BPF_FUNC_ringbuf_submit_dynptr", "helper function ids" },
	{ "FUNC_RINGBUF_DISCARD_DYNPTR", 200, "BPF_FUNC_ringbuf_discard_dynptr", "helper function ids" },
	{ "FUNC_DYNPTR_READ", 201, "BPF_FUNC_dynptr_read", "helper function ids" },
	{ "FUNC_DYNPTR_WRITE", 202, "BPF_FUNC_dynptr_write", "helper function ids" },
	{ "FUNC_DYNPTR_DATA", 203, "BPF_FUNC_dynptr_data", "helper function ids" },
	{ "FUNC_TCP_RAW_GEN_SYNCOOKIE_IPV4", 204, "BPF_FUNC_tcp_raw_gen_syncookie_ipv4", "helper function ids" },
	{ "FUNC_TCP_RAW_GEN_SYNCOOKIE_IPV6", 205, "BPF_FUNC_tcp_raw_gen_syncookie_ipv6", "helper function ids" },
	{ "FUNC_TCP_RAW_CHECK_SYNCOOKIE_IPV4", 206, "BPF_FUNC_tcp_raw_check_syncookie_ipv4", "helper function ids" },
	{ "FUNC_TCP_RAW_CHECK_SYNCOOKIE_IPV6", 207, "BPF_FUNC_tcp_raw_check_syncookie_ipv6", "helper function ids" },
	{ "FUNC_KTIME_GET_TAI_NS", 208, "BPF_FUNC_ktime_get_tai_ns", "helper function ids" },
	{ "FUNC_USER_RINGBUF_DRAIN", 209, "BPF_FUNC_user_ringbuf_drain", "helper function ids" },
	{ "XDP_ABORTED", 0, "XDP_ABORTED", "XDP actions" },
	{ "XDP_DROP", 1, "XDP_DROP", "XDP actions" },
	{ "XDP_PASS", 2, "XDP_PASS", "XDP actions" },
	{ "XDP_TX", 3, "XDP_TX", "XDP actions" },
	{ "XDP_REDIRECT", 4, "XDP_REDIRECT", "XDP actions" },
	{ "TC_ACT_UNSPEC", -1, "TC_ACT_UNSPEC", "tc actions" },
	{ "TC_ACT_OK", 0, "TC_ACT_OK", "tc actions" },
	{ "TC_ACT_RECLASSIFY", 1, "TC_ACT_RECLASSIFY", "tc actions" },
	{ "TC_ACT_SHOT", 2, "TC_ACT_SHOT", "tc actions" },
	{ "TC_ACT_PIPE", 3, "TC_ACT_PIPE", "tc actions" },
	{ "TC_ACT_STOLEN", 4, "TC_ACT_STOLEN", "tc actions" },
	{ "TC_ACT_QUEUED", 5, "TC_ACT_QUEUED", "tc actions" },
	{ "TC_ACT_REPEAT", 6, "TC_ACT_REPEAT", "tc actions" },
	{ "TC_ACT_REDIRECT", 7, "TC_ACT_REDIRECT", "tc actions" },
	{ "TC_ACT_TRAP", 8, "TC_ACT_TRAP", "tc actions" },
	{ "TC_ACT_VALUE_MAX", 8, "TC_ACT_VALUE_MAX", "tc actions" },
	{ "TC_ACT_EXT_VAL_MASK", 268435455, "TC_ACT_EXT_VAL_MASK", "tc actions" },
	{ "TC_ACT_JUMP", 268435456, "TC_ACT_JUMP", "tc actions" },
	{ "TC_ACT_GOTO_CHAIN", 536870912, "TC_ACT_GOTO_CHAIN", "tc actions" },
	{ "TC_ACT_EXT_OPCODE_MAX", 536870912, "TC_ACT_EXT_OPCODE_MAX", "tc actions" },
	{ "F_SLEEPABLE", 16, "BPF_F_SLEEPABLE", "program load flags" },
	{ "XDP_MD_DATA", 0, "offsetof(struct xdp_md, data)", "context offsets: struct xdp_md" },
	{ "XDP_MD_DATA_END", 4, "offsetof(struct xdp_md, data_end)", "context offsets: struct xdp_md" },
	{ "XDP_MD_DATA_META", 8, "offsetof(struct xdp_md, data_meta)", "context offsets: struct xdp_md" },
	{ "XDP_MD_INGRESS_IFINDEX", 12, "offsetof(struct xdp_md, ingress_ifindex)", "context offsets: struct xdp_md" },
	{ "XDP_MD_RX_QUEUE_INDEX", 16, "offsetof(struct xdp_md, rx_queue_index)", "context offsets: struct xdp_md" },
	{ "XDP_MD_EGRESS_IFINDEX", 20, "offsetof(struct xdp_md, egress_ifindex)", "context offsets: struct xdp_md" },
	{ "SK_BUFF_LEN", 0, "offsetof(struct __sk_buff, len)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_PKT_TYPE", 4, "offsetof(struct __sk_buff, pkt_type)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_MARK", 8, "offsetof(struct __sk_buff, mark)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_QUEUE_MAPPING", 12, "offsetof(struct __sk_buff, queue_mapping)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_PROTOCOL", 16, "offsetof(struct __sk_buff, protocol)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_VLAN_PRESENT", 20, "offsetof(struct __sk_buff, vlan_present)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_VLAN_TCI", 24, "offsetof(struct __sk_buff, vlan_tci)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_VLAN_PROTO", 28, "offsetof(struct __sk_buff, vlan_proto)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_PRIORITY", 32, "offsetof(struct __sk_buff, priority)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_INGRESS_IFINDEX", 36, "offsetof(struct __sk_buff, ingress_ifindex)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_IFINDEX", 40, "offsetof(struct __sk_buff, ifindex)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_TC_INDEX", 44, "offsetof(struct __sk_buff, tc_index)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_CB", 48, "offsetof(struct __sk_buff, cb)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_HASH", 68, "offsetof(struct __sk_buff, hash)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_TC_CLASSID", 72, "offsetof(struct __sk_buff, tc_classid)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_DATA", 76, "offsetof(struct __sk_buff, data)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_DATA_END", 80, "offsetof(struct __sk_buff, data_end)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_NAPI_ID", 84, "offsetof(struct __sk_buff, napi_id)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_FAMILY", 88, "offsetof(struct __sk_buff, family)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_REMOTE_IP4", 92, "offsetof(struct __sk_buff, remote_ip4)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_LOCAL_IP4", 96, "offsetof(struct __sk_buff, local_ip4)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_REMOTE_IP6", 100, "offsetof(struct __sk_buff, remote_ip6)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_LOCAL_IP6", 116, "offsetof(struct __sk_buff, local_ip6)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_REMOTE_PORT", 132, "offsetof(struct __sk_buff, remote_port)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_LOCAL_PORT", 136, "offsetof(struct __sk_buff, local_port)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_DATA_META", 140, "offsetof(struct __sk_buff, data_meta)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_FLOW_KEYS", 144, "offsetof(struct __sk_buff, flow_keys)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_TSTAMP", 152, "offsetof(struct __sk_buff, tstamp)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_WIRE_LEN", 160, "offsetof(struct __sk_buff, wire_len)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_GSO_SEGS", 164, "offsetof(struct __sk_buff, gso_segs)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_SK", 168, "offsetof(struct __sk_buff, sk)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_GSO_SIZE", 176, "offsetof(struct __sk_buff, gso_size)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_TSTAMP_TYPE", 180, "offsetof(struct __sk_buff, tstamp_type)", "context offsets: struct __sk_buff" },
	{ "SK_BUFF_HWTSTAMP", 184, "offsetof(struct __sk_buff, hwtstamp)", "context offsets: struct __sk_buff" },
	{ "BPF_SOCK_BOUND_DEV_IF", 0, "offsetof(struct bpf_sock, bound_dev_if)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_FAMILY", 4, "offsetof(struct bpf_sock, family)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_TYPE", 8, "offsetof(struct bpf_sock, type)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_PROTOCOL", 12, "offsetof(struct bpf_sock, protocol)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_MARK", 16, "offsetof(struct bpf_sock, mark)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_PRIORITY", 20, "offsetof(struct bpf_sock, priority)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_SRC_IP4", 24, "offsetof(struct bpf_sock, src_ip4)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_SRC_IP6", 28, "offsetof(struct bpf_sock, src_ip6)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_SRC_PORT", 44, "offsetof(struct bpf_sock, src_port)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_DST_PORT", 48, "offsetof(struct bpf_sock, dst_port)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_DST_IP4", 52, "offsetof(struct bpf_sock, dst_ip4)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_DST_IP6", 56, "offsetof(struct bpf_sock, dst_ip6)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_STATE", 72, "offsetof(struct bpf_sock, state)", "context offsets: struct bpf_sock" },
	{ "BPF_SOCK_RX_QUEUE_MAPPING", 76, "offsetof(struct bpf_sock, rx_queue_mapping)", "context offsets: struct bpf_sock" },
	{ "SOCK_ADDR_USER_FAMILY", 0, "offsetof(struct bpf_sock_addr, user_family)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_USER_IP4", 4, "offsetof(struct bpf_sock_addr, user_ip4)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_USER_IP6", 8, "offsetof(struct bpf_sock_addr, user_ip6)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_USER_PORT", 24, "offsetof(struct bpf_sock_addr, user_port)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_FAMILY", 28, "offsetof(struct bpf_sock_addr, family)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_TYPE", 32, "offsetof(struct bpf_sock_addr, type)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_PROTOCOL", 36, "offsetof(struct bpf_sock_addr, protocol)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_MSG_SRC_IP4", 40, "offsetof(struct bpf_sock_addr, msg_src_ip4)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_MSG_SRC_IP6", 44, "offsetof(struct bpf_sock_addr, msg_src_ip6)", "context offsets: struct bpf_sock_addr" },
	{ "SOCK_ADDR_SK", 64, "offsetof(struct bpf_sock_addr, sk)", "context offsets: struct bpf_sock_addr" },
	{ "SK_MSG_MD_DATA", 0, "offsetof(struct sk_msg_md, data)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_DATA_END", 8, "offsetof(struct sk_msg_md, data_end)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_FAMILY", 16, "offsetof(struct sk_msg_md, family)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_REMOTE_IP4", 20, "offsetof(struct sk_msg_md, remote_ip4)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_LOCAL_IP4", 24, "offsetof(struct sk_msg_md, local_ip4)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_REMOTE_IP6", 28, "offsetof(struct sk_msg_md, remote_ip6)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_LOCAL_IP6", 44, "offsetof(struct sk_msg_md, local_ip6)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_REMOTE_PORT", 60, "offsetof(struct sk_msg_md, remote_port)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_LOCAL_PORT", 64, "offsetof(struct sk_msg_md, local_port)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_SIZE", 68, "offsetof(struct sk_msg_md, size)", "context offsets: struct sk_msg_md" },
	{ "SK_MSG_MD_SK", 72, "offsetof(struct sk_msg_md, sk)", "context offsets: struct sk_msg_md" },
	{ "MAX_INSNS", 1000000, "MAPOPS_MAX_INSNS", "limits and slot counts of <mapops/mapops.h>" },
	{ "STACK_SIZE", 512, "MAPOPS_STACK_SIZE", "limits and slot counts of <mapops/mapops.h>" },
	{ "LABEL_MAX", 255, "MAPOPS_LABEL_MAX", "limits and slot counts of <mapops/mapops.h>" },
	{ "TAG_MAX", 255, "MAPOPS_TAG_MAX", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_LOOKUP_SLOTS", 5, "MAPOPS_MAP_LOOKUP_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_UPDATE_SLOTS", 8, "MAPOPS_MAP_UPDATE_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_DELETE_SLOTS", 5, "MAPOPS_MAP_DELETE_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_LOOKUP_OR_INIT_SLOTS", 19, "MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
}

-- The headers the C expressions of API.CONSTANTS need besides
-- <stddef.h>, <linux/bpf.h> and <mapops/mapops.h>.
API.CONSTANT_HEADERS = { "linux/pkt_cls.h" }

-- b: C (the library), handles (Program -> mapops_prog_t * or false),
-- not_open(self, method) and lib_fail(p, rc) and fail(method, argument,
-- why) (failure triples), check (the checkers by name: each returns the
-- value to pass to C, or nil and the reason), SAFE (2^53 - 1).
function API.builders(b)
	local C, handles, not_open, lib_fail, fail, check, SAFE =
		b.C, b.handles, b.not_open, b.lib_fail, b.fail, b.check, b.SAFE
	local type, tobit, find = type, bit.tobit, string.find
	local methods = {}

	-- int mapops_emit(mapops_prog_t *prog, const struct bpf_insn *insns, size_t cnt)  (MAPOPS_1.0)
	function methods.emit(self, bytes)
		local p = handles[self]
		if not p then return not_open(self, "emit") end
		local insns, n = check.bytes(bytes)
		if insns == nil then return fail("emit", "bytes", n) end
		local rc = C.mapops_emit(p, insns, n)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_label(mapops_prog_t *prog, const char *name)  (MAPOPS_1.0)
	function methods.label(self, name)
		local p = handles[self]
		if not p then return not_open(self, "label") end
		if not (type(name) == "string" and not find(name, "\0", 1, true)) then
			local v, why = check.label(name)
			if v == nil then return fail("label", "name", why) end
			name = v
		end
		local rc = C.mapops_label(p, name)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_jmp_imm(mapops_prog_t *prog, int op, int reg, __s32 imm, const char *label)  (MAPOPS_1.0)
	function methods.jmp_imm(self, op, reg, imm, label)
		local p = handles[self]
		if not p then return not_open(self, "jmp_imm") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("jmp_imm", "op", why) end
			op = v
		end
		if not (type(reg) == "number" and tobit(reg) == reg) then
			local v, why = check.int(reg)
			if v == nil then return fail("jmp_imm", "reg", why) end
			reg = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("jmp_imm", "imm", why) end
			imm = v
		end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("jmp_imm", "label", why) end
			label = v
		end
		local rc = C.mapops_jmp_imm(p, op, reg, imm, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_jmp_reg(mapops_prog_t *prog, int op, int dst, int src, const char *label)  (MAPOPS_1.0)
	function methods.jmp_reg(self, op, dst, src, label)
		local p = handles[self]
		if not p then return not_open(self, "jmp_reg") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("jmp_reg", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("jmp_reg", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("jmp_reg", "src", why) end
			src = v
		end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("jmp_reg", "label", why) end
			label = v
		end
		local rc = C.mapops_jmp_reg(p, op, dst, src, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_jmp32_imm(mapops_prog_t *prog, int op, int reg, __s32 imm, const char *label)  (MAPOPS_1.0)
	function methods.jmp32_imm(self, op, reg, imm, label)
		local p = handles[self]
		if not p then return not_open(self, "jmp32_imm") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("jmp32_imm", "op", why) end
			op = v
		end
		if not (type(reg) == "number" and tobit(reg) == reg) then
			local v, why = check.int(reg)
			if v == nil then return fail("jmp32_imm", "reg", why) end
			reg = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("jmp32_imm", "imm", why) end
			imm = v
		end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("jmp32_imm", "label", why) end
			label = v
		end
		local rc = C.mapops_jmp32_imm(p, op, reg, imm, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_jmp32_reg(mapops_prog_t *prog, int op, int dst, int src, const char *label)  (MAPOPS_1.0)
	function methods.jmp32_reg(self, op, dst, src, label)
		local p = handles[self]
		if not p then return not_open(self, "jmp32_reg") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("jmp32_reg", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("jmp32_reg", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("jmp32_reg", "src", why) end
			src = v
		end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("jmp32_reg", "label", why) end
			label = v
		end
		local rc = C.mapops_jmp32_reg(p, op, dst, src, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ja(mapops_prog_t *prog, const char *label)  (MAPOPS_1.0)
	function methods.ja(self, label)
		local p = handles[self]
		if not p then return not_open(self, "ja") end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("ja", "label", why) end
			label = v
		end
		local rc = C.mapops_ja(p, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_gotol(mapops_prog_t *prog, const char *label)  (MAPOPS_1.1)
	function methods.gotol(self, label)
		local p = handles[self]
		if not p then return not_open(self, "gotol") end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("gotol", "label", why) end
			label = v
		end
		local rc = C.mapops_gotol(p, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_may_goto(mapops_prog_t *prog, const char *label)  (MAPOPS_1.1)
	function methods.may_goto(self, label)
		local p = handles[self]
		if not p then return not_open(self, "may_goto") end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("may_goto", "label", why) end
			label = v
		end
		local rc = C.mapops_may_goto(p, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_call(mapops_prog_t *prog, const char *label)  (MAPOPS_1.1)
	function methods.call(self, label)
		local p = handles[self]
		if not p then return not_open(self, "call") end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("call", "label", why) end
			label = v
		end
		local rc = C.mapops_call(p, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ld_func(mapops_prog_t *prog, int dst, const char *label)  (MAPOPS_1.1)
	function methods.ld_func(self, dst, label)
		local p = handles[self]
		if not p then return not_open(self, "ld_func") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("ld_func", "dst", why) end
			dst = v
		end
		if not (type(label) == "string" and not find(label, "\0", 1, true)) then
			local v, why = check.label(label)
			if v == nil then return fail("ld_func", "label", why) end
			label = v
		end
		local rc = C.mapops_ld_func(p, dst, label)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_for_each(mapops_prog_t *prog, int map_fd, const char *callback, int ctx_stack_off, __u64 flags)  (MAPOPS_1.1)
	function methods.map_for_each(self, map_fd, callback, ctx_stack_off, flags)
		local p = handles[self]
		if not p then return not_open(self, "map_for_each") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_for_each", "map_fd", why) end
			map_fd = v
		end
		if not (type(callback) == "string" and not find(callback, "\0", 1, true)) then
			local v, why = check.label(callback)
			if v == nil then return fail("map_for_each", "callback", why) end
			callback = v
		end
		if not (type(ctx_stack_off) == "number" and tobit(ctx_stack_off) == ctx_stack_off) then
			local v, why = check.int(ctx_stack_off)
			if v == nil then return fail("map_for_each", "ctx_stack_off", why) end
			ctx_stack_off = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("map_for_each", "flags", why) end
			flags = v
		end
		local rc = C.mapops_map_for_each(p, map_fd, callback, ctx_stack_off, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_loop(mapops_prog_t *prog, __u32 nr_loops, const char *callback, int ctx_stack_off, __u64 flags)  (MAPOPS_1.1)
	function methods.loop(self, nr_loops, callback, ctx_stack_off, flags)
		local p = handles[self]
		if not p then return not_open(self, "loop") end
		if not (type(nr_loops) == "number" and nr_loops >= 0 and nr_loops <= 4294967295 and nr_loops % 1 == 0) then
			local v, why = check.u32(nr_loops)
			if v == nil then return fail("loop", "nr_loops", why) end
			nr_loops = v
		end
		if not (type(callback) == "string" and not find(callback, "\0", 1, true)) then
			local v, why = check.label(callback)
			if v == nil then return fail("loop", "callback", why) end
			callback = v
		end
		if not (type(ctx_stack_off) == "number" and tobit(ctx_stack_off) == ctx_stack_off) then
			local v, why = check.int(ctx_stack_off)
			if v == nil then return fail("loop", "ctx_stack_off", why) end
			ctx_stack_off = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("loop", "flags", why) end
			flags = v
		end
		local rc = C.mapops_loop(p, nr_loops, callback, ctx_stack_off, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu64_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)  (MAPOPS_1.0)
	function methods.alu64_imm(self, op, dst, imm)
		local p = handles[self]
		if not p then return not_open(self, "alu64_imm") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu64_imm", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu64_imm", "dst", why) end
			dst = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("alu64_imm", "imm", why) end
			imm = v
		end
		local rc = C.mapops_alu64_imm(p, op, dst, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu64_reg(mapops_prog_t *prog, int op, int dst, int src)  (MAPOPS_1.0)
	function methods.alu64_reg(self, op, dst, src)
		local p = handles[self]
		if not p then return not_open(self, "alu64_reg") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu64_reg", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu64_reg", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("alu64_reg", "src", why) end
			src = v
		end
		local rc = C.mapops_alu64_reg(p, op, dst, src)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu32_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)  (MAPOPS_1.0)
	function methods.alu32_imm(self, op, dst, imm)
		local p = handles[self]
		if not p then return not_open(self, "alu32_imm") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu32_imm", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu32_imm", "dst", why) end
			dst = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("alu32_imm", "imm", why) end
			imm = v
		end
		local rc = C.mapops_alu32_imm(p, op, dst, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu32_reg(mapops_prog_t *prog, int op, int dst, int src)  (MAPOPS_1.0)
	function methods.alu32_reg(self, op, dst, src)
		local p = handles[self]
		if not p then return not_open(self, "alu32_reg") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu32_reg", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu32_reg", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("alu32_reg", "src", why) end
			src = v
		end
		local rc = C.mapops_alu32_reg(p, op, dst, src)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_endian(mapops_prog_t *prog, int type, int dst, int bits)  (MAPOPS_1.0)
	function methods.endian(self, type_, dst, bits)
		local p = handles[self]
		if not p then return not_open(self, "endian") end
		if not (type(type_) == "number" and tobit(type_) == type_) then
			local v, why = check.int(type_)
			if v == nil then return fail("endian", "type", why) end
			type_ = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("endian", "dst", why) end
			dst = v
		end
		if not (type(bits) == "number" and tobit(bits) == bits) then
			local v, why = check.int(bits)
			if v == nil then return fail("endian", "bits", why) end
			bits = v
		end
		local rc = C.mapops_endian(p, type_, dst, bits)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu64_signed_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)  (MAPOPS_1.1)
	function methods.alu64_signed_imm(self, op, dst, imm)
		local p = handles[self]
		if not p then return not_open(self, "alu64_signed_imm") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu64_signed_imm", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu64_signed_imm", "dst", why) end
			dst = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("alu64_signed_imm", "imm", why) end
			imm = v
		end
		local rc = C.mapops_alu64_signed_imm(p, op, dst, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu64_signed_reg(mapops_prog_t *prog, int op, int dst, int src)  (MAPOPS_1.1)
	function methods.alu64_signed_reg(self, op, dst, src)
		local p = handles[self]
		if not p then return not_open(self, "alu64_signed_reg") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu64_signed_reg", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu64_signed_reg", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("alu64_signed_reg", "src", why) end
			src = v
		end
		local rc = C.mapops_alu64_signed_reg(p, op, dst, src)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu32_signed_imm(mapops_prog_t *prog, int op, int dst, __s32 imm)  (MAPOPS_1.1)
	function methods.alu32_signed_imm(self, op, dst, imm)
		local p = handles[self]
		if not p then return not_open(self, "alu32_signed_imm") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu32_signed_imm", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu32_signed_imm", "dst", why) end
			dst = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("alu32_signed_imm", "imm", why) end
			imm = v
		end
		local rc = C.mapops_alu32_signed_imm(p, op, dst, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_alu32_signed_reg(mapops_prog_t *prog, int op, int dst, int src)  (MAPOPS_1.1)
	function methods.alu32_signed_reg(self, op, dst, src)
		local p = handles[self]
		if not p then return not_open(self, "alu32_signed_reg") end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("alu32_signed_reg", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("alu32_signed_reg", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("alu32_signed_reg", "src", why) end
			src = v
		end
		local rc = C.mapops_alu32_signed_reg(p, op, dst, src)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_movsx64(mapops_prog_t *prog, int dst, int src, int bits)  (MAPOPS_1.1)
	function methods.movsx64(self, dst, src, bits)
		local p = handles[self]
		if not p then return not_open(self, "movsx64") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("movsx64", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("movsx64", "src", why) end
			src = v
		end
		if not (type(bits) == "number" and tobit(bits) == bits) then
			local v, why = check.int(bits)
			if v == nil then return fail("movsx64", "bits", why) end
			bits = v
		end
		local rc = C.mapops_movsx64(p, dst, src, bits)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_movsx32(mapops_prog_t *prog, int dst, int src, int bits)  (MAPOPS_1.1)
	function methods.movsx32(self, dst, src, bits)
		local p = handles[self]
		if not p then return not_open(self, "movsx32") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("movsx32", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("movsx32", "src", why) end
			src = v
		end
		if not (type(bits) == "number" and tobit(bits) == bits) then
			local v, why = check.int(bits)
			if v == nil then return fail("movsx32", "bits", why) end
			bits = v
		end
		local rc = C.mapops_movsx32(p, dst, src, bits)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_bswap(mapops_prog_t *prog, int dst, int bits)  (MAPOPS_1.1)
	function methods.bswap(self, dst, bits)
		local p = handles[self]
		if not p then return not_open(self, "bswap") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("bswap", "dst", why) end
			dst = v
		end
		if not (type(bits) == "number" and tobit(bits) == bits) then
			local v, why = check.int(bits)
			if v == nil then return fail("bswap", "bits", why) end
			bits = v
		end
		local rc = C.mapops_bswap(p, dst, bits)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ldx_mem(mapops_prog_t *prog, int size, int dst, int src, int off)  (MAPOPS_1.0)
	function methods.ldx_mem(self, size, dst, src, off)
		local p = handles[self]
		if not p then return not_open(self, "ldx_mem") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("ldx_mem", "size", why) end
			size = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("ldx_mem", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("ldx_mem", "src", why) end
			src = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("ldx_mem", "off", why) end
			off = v
		end
		local rc = C.mapops_ldx_mem(p, size, dst, src, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_stx_mem(mapops_prog_t *prog, int size, int dst, int src, int off)  (MAPOPS_1.0)
	function methods.stx_mem(self, size, dst, src, off)
		local p = handles[self]
		if not p then return not_open(self, "stx_mem") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("stx_mem", "size", why) end
			size = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("stx_mem", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("stx_mem", "src", why) end
			src = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("stx_mem", "off", why) end
			off = v
		end
		local rc = C.mapops_stx_mem(p, size, dst, src, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_st_mem(mapops_prog_t *prog, int size, int dst, int off, __s32 imm)  (MAPOPS_1.0)
	function methods.st_mem(self, size, dst, off, imm)
		local p = handles[self]
		if not p then return not_open(self, "st_mem") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("st_mem", "size", why) end
			size = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("st_mem", "dst", why) end
			dst = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("st_mem", "off", why) end
			off = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("st_mem", "imm", why) end
			imm = v
		end
		local rc = C.mapops_st_mem(p, size, dst, off, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_atomic_op(mapops_prog_t *prog, int size, int op, int dst, int src, int off)  (MAPOPS_1.0)
	function methods.atomic_op(self, size, op, dst, src, off)
		local p = handles[self]
		if not p then return not_open(self, "atomic_op") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("atomic_op", "size", why) end
			size = v
		end
		if not (type(op) == "number" and tobit(op) == op) then
			local v, why = check.int(op)
			if v == nil then return fail("atomic_op", "op", why) end
			op = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("atomic_op", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("atomic_op", "src", why) end
			src = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("atomic_op", "off", why) end
			off = v
		end
		local rc = C.mapops_atomic_op(p, size, op, dst, src, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ldx_memsx(mapops_prog_t *prog, int size, int dst, int src, int off)  (MAPOPS_1.1)
	function methods.ldx_memsx(self, size, dst, src, off)
		local p = handles[self]
		if not p then return not_open(self, "ldx_memsx") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("ldx_memsx", "size", why) end
			size = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("ldx_memsx", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("ldx_memsx", "src", why) end
			src = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("ldx_memsx", "off", why) end
			off = v
		end
		local rc = C.mapops_ldx_memsx(p, size, dst, src, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_load_acquire(mapops_prog_t *prog, int size, int dst, int src, int off)  (MAPOPS_1.1)
	function methods.load_acquire(self, size, dst, src, off)
		local p = handles[self]
		if not p then return not_open(self, "load_acquire") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("load_acquire", "size", why) end
			size = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("load_acquire", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("load_acquire", "src", why) end
			src = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("load_acquire", "off", why) end
			off = v
		end
		local rc = C.mapops_load_acquire(p, size, dst, src, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_store_release(mapops_prog_t *prog, int size, int dst, int src, int off)  (MAPOPS_1.1)
	function methods.store_release(self, size, dst, src, off)
		local p = handles[self]
		if not p then return not_open(self, "store_release") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("store_release", "size", why) end
			size = v
		end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("store_release", "dst", why) end
			dst = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("store_release", "src", why) end
			src = v
		end
		if not (type(off) == "number" and tobit(off) == off) then
			local v, why = check.int(off)
			if v == nil then return fail("store_release", "off", why) end
			off = v
		end
		local rc = C.mapops_store_release(p, size, dst, src, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ld_abs(mapops_prog_t *prog, int size, __s32 imm)  (MAPOPS_1.1)
	function methods.ld_abs(self, size, imm)
		local p = handles[self]
		if not p then return not_open(self, "ld_abs") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("ld_abs", "size", why) end
			size = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("ld_abs", "imm", why) end
			imm = v
		end
		local rc = C.mapops_ld_abs(p, size, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ld_ind(mapops_prog_t *prog, int size, int src, __s32 imm)  (MAPOPS_1.1)
	function methods.ld_ind(self, size, src, imm)
		local p = handles[self]
		if not p then return not_open(self, "ld_ind") end
		if not (type(size) == "number" and tobit(size) == size) then
			local v, why = check.int(size)
			if v == nil then return fail("ld_ind", "size", why) end
			size = v
		end
		if not (type(src) == "number" and tobit(src) == src) then
			local v, why = check.int(src)
			if v == nil then return fail("ld_ind", "src", why) end
			src = v
		end
		if not (type(imm) == "number" and tobit(imm) == imm) then
			local v, why = check.int(imm)
			if v == nil then return fail("ld_ind", "imm", why) end
			imm = v
		end
		local rc = C.mapops_ld_ind(p, size, src, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ld_imm64(mapops_prog_t *prog, int dst, __u64 imm)  (MAPOPS_1.0)
	function methods.ld_imm64(self, dst, imm)
		local p = handles[self]
		if not p then return not_open(self, "ld_imm64") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("ld_imm64", "dst", why) end
			dst = v
		end
		if not (type(imm) == "number" and imm >= 0 and imm <= SAFE and imm % 1 == 0) then
			local v, why = check.u64(imm)
			if v == nil then return fail("ld_imm64", "imm", why) end
			imm = v
		end
		local rc = C.mapops_ld_imm64(p, dst, imm)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ld_map_fd(mapops_prog_t *prog, int dst, int map_fd)  (MAPOPS_1.0)
	function methods.ld_map_fd(self, dst, map_fd)
		local p = handles[self]
		if not p then return not_open(self, "ld_map_fd") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("ld_map_fd", "dst", why) end
			dst = v
		end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("ld_map_fd", "map_fd", why) end
			map_fd = v
		end
		local rc = C.mapops_ld_map_fd(p, dst, map_fd)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_call_helper(mapops_prog_t *prog, int helper_id)  (MAPOPS_1.0)
	function methods.call_helper(self, helper_id)
		local p = handles[self]
		if not p then return not_open(self, "call_helper") end
		if not (type(helper_id) == "number" and tobit(helper_id) == helper_id) then
			local v, why = check.int(helper_id)
			if v == nil then return fail("call_helper", "helper_id", why) end
			helper_id = v
		end
		local rc = C.mapops_call_helper(p, helper_id)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_call_kfunc(mapops_prog_t *prog, __s32 btf_id)  (MAPOPS_1.1)
	function methods.call_kfunc(self, btf_id)
		local p = handles[self]
		if not p then return not_open(self, "call_kfunc") end
		if not (type(btf_id) == "number" and tobit(btf_id) == btf_id) then
			local v, why = check.int(btf_id)
			if v == nil then return fail("call_kfunc", "btf_id", why) end
			btf_id = v
		end
		local rc = C.mapops_call_kfunc(p, btf_id)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_call_kfunc_name(mapops_prog_t *prog, const char *name)  (MAPOPS_1.1)
	function methods.call_kfunc_name(self, name)
		local p = handles[self]
		if not p then return not_open(self, "call_kfunc_name") end
		if not (type(name) == "string" and not find(name, "\0", 1, true)) then
			local v, why = check.label(name)
			if v == nil then return fail("call_kfunc_name", "name", why) end
			name = v
		end
		local rc = C.mapops_call_kfunc_name(p, name)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_exit(mapops_prog_t *prog)  (MAPOPS_1.0)
	function methods.exit(self)
		local p = handles[self]
		if not p then return not_open(self, "exit") end
		local rc = C.mapops_exit(p)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_lookup(mapops_prog_t *prog, int map_fd, int key_stack_off)  (MAPOPS_1.0)
	function methods.map_lookup(self, map_fd, key_stack_off)
		local p = handles[self]
		if not p then return not_open(self, "map_lookup") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_lookup", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_lookup", "key_stack_off", why) end
			key_stack_off = v
		end
		local rc = C.mapops_map_lookup(p, map_fd, key_stack_off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_lookup_ptr(mapops_prog_t *prog, int map_fd, int key_reg)  (MAPOPS_1.0)
	function methods.map_lookup_ptr(self, map_fd, key_reg)
		local p = handles[self]
		if not p then return not_open(self, "map_lookup_ptr") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_lookup_ptr", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_reg) == "number" and tobit(key_reg) == key_reg) then
			local v, why = check.int(key_reg)
			if v == nil then return fail("map_lookup_ptr", "key_reg", why) end
			key_reg = v
		end
		local rc = C.mapops_map_lookup_ptr(p, map_fd, key_reg)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_update(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, __u64 flags)  (MAPOPS_1.0)
	function methods.map_update(self, map_fd, key_stack_off, value_stack_off, flags)
		local p = handles[self]
		if not p then return not_open(self, "map_update") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_update", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_update", "key_stack_off", why) end
			key_stack_off = v
		end
		if not (type(value_stack_off) == "number" and tobit(value_stack_off) == value_stack_off) then
			local v, why = check.int(value_stack_off)
			if v == nil then return fail("map_update", "value_stack_off", why) end
			value_stack_off = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("map_update", "flags", why) end
			flags = v
		end
		local rc = C.mapops_map_update(p, map_fd, key_stack_off, value_stack_off, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_update_ptr(mapops_prog_t *prog, int map_fd, int key_reg, int value_reg, __u64 flags)  (MAPOPS_1.0)
	function methods.map_update_ptr(self, map_fd, key_reg, value_reg, flags)
		local p = handles[self]
		if not p then return not_open(self, "map_update_ptr") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_update_ptr", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_reg) == "number" and tobit(key_reg) == key_reg) then
			local v, why = check.int(key_reg)
			if v == nil then return fail("map_update_ptr", "key_reg", why) end
			key_reg = v
		end
		if not (type(value_reg) == "number" and tobit(value_reg) == value_reg) then
			local v, why = check.int(value_reg)
			if v == nil then return fail("map_update_ptr", "value_reg", why) end
			value_reg = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("map_update_ptr", "flags", why) end
			flags = v
		end
		local rc = C.mapops_map_update_ptr(p, map_fd, key_reg, value_reg, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_delete(mapops_prog_t *prog, int map_fd, int key_stack_off)  (MAPOPS_1.0)
	function methods.map_delete(self, map_fd, key_stack_off)
		local p = handles[self]
		if not p then return not_open(self, "map_delete") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_delete", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_delete", "key_stack_off", why) end
			key_stack_off = v
		end
		local rc = C.mapops_map_delete(p, map_fd, key_stack_off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_delete_ptr(mapops_prog_t *prog, int map_fd, int key_reg)  (MAPOPS_1.0)
	function methods.map_delete_ptr(self, map_fd, key_reg)
		local p = handles[self]
		if not p then return not_open(self, "map_delete_ptr") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_delete_ptr", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_reg) == "number" and tobit(key_reg) == key_reg) then
			local v, why = check.int(key_reg)
			if v == nil then return fail("map_delete_ptr", "key_reg", why) end
			key_reg = v
		end
		local rc = C.mapops_map_delete_ptr(p, map_fd, key_reg)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_increment(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, __s64 increment)  (MAPOPS_1.0)
	function methods.map_increment(self, map_fd, key_stack_off, value_stack_off, increment)
		local p = handles[self]
		if not p then return not_open(self, "map_increment") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_increment", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_increment", "key_stack_off", why) end
			key_stack_off = v
		end
		if not (type(value_stack_off) == "number" and tobit(value_stack_off) == value_stack_off) then
			local v, why = check.int(value_stack_off)
			if v == nil then return fail("map_increment", "value_stack_off", why) end
			value_stack_off = v
		end
		if not (type(increment) == "number" and increment >= -SAFE and increment <= SAFE and increment % 1 == 0) then
			local v, why = check.s64(increment)
			if v == nil then return fail("map_increment", "increment", why) end
			increment = v
		end
		local rc = C.mapops_map_increment(p, map_fd, key_stack_off, value_stack_off, increment)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_increment_atomic(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, __s64 increment)  (MAPOPS_1.0)
	function methods.map_increment_atomic(self, map_fd, key_stack_off, value_stack_off, increment)
		local p = handles[self]
		if not p then return not_open(self, "map_increment_atomic") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_increment_atomic", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_increment_atomic", "key_stack_off", why) end
			key_stack_off = v
		end
		if not (type(value_stack_off) == "number" and tobit(value_stack_off) == value_stack_off) then
			local v, why = check.int(value_stack_off)
			if v == nil then return fail("map_increment_atomic", "value_stack_off", why) end
			value_stack_off = v
		end
		if not (type(increment) == "number" and increment >= -SAFE and increment <= SAFE and increment % 1 == 0) then
			local v, why = check.s64(increment)
			if v == nil then return fail("map_increment_atomic", "increment", why) end
			increment = v
		end
		local rc = C.mapops_map_increment_atomic(p, map_fd, key_stack_off, value_stack_off, increment)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_lookup_or_init(mapops_prog_t *prog, int map_fd, int key_stack_off, int init_value_stack_off)  (MAPOPS_1.0)
	function methods.map_lookup_or_init(self, map_fd, key_stack_off, init_value_stack_off)
		local p = handles[self]
		if not p then return not_open(self, "map_lookup_or_init") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_lookup_or_init", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_lookup_or_init", "key_stack_off", why) end
			key_stack_off = v
		end
		if not (type(init_value_stack_off) == "number" and tobit(init_value_stack_off) == init_value_stack_off) then
			local v, why = check.int(init_value_stack_off)
			if v == nil then return fail("map_lookup_or_init", "init_value_stack_off", why) end
			init_value_stack_off = v
		end
		local rc = C.mapops_map_lookup_or_init(p, map_fd, key_stack_off, init_value_stack_off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ringbuf_output(mapops_prog_t *prog, int map_fd, int data_stack_off, __u32 size, __u64 flags)  (MAPOPS_1.1)
	function methods.ringbuf_output(self, map_fd, data_stack_off, size, flags)
		local p = handles[self]
		if not p then return not_open(self, "ringbuf_output") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("ringbuf_output", "map_fd", why) end
			map_fd = v
		end
		if not (type(data_stack_off) == "number" and tobit(data_stack_off) == data_stack_off) then
			local v, why = check.int(data_stack_off)
			if v == nil then return fail("ringbuf_output", "data_stack_off", why) end
			data_stack_off = v
		end
		if not (type(size) == "number" and size >= 0 and size <= 4294967295 and size % 1 == 0) then
			local v, why = check.u32(size)
			if v == nil then return fail("ringbuf_output", "size", why) end
			size = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("ringbuf_output", "flags", why) end
			flags = v
		end
		local rc = C.mapops_ringbuf_output(p, map_fd, data_stack_off, size, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ringbuf_reserve(mapops_prog_t *prog, int map_fd, __u32 size)  (MAPOPS_1.1)
	function methods.ringbuf_reserve(self, map_fd, size)
		local p = handles[self]
		if not p then return not_open(self, "ringbuf_reserve") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("ringbuf_reserve", "map_fd", why) end
			map_fd = v
		end
		if not (type(size) == "number" and size >= 0 and size <= 4294967295 and size % 1 == 0) then
			local v, why = check.u32(size)
			if v == nil then return fail("ringbuf_reserve", "size", why) end
			size = v
		end
		local rc = C.mapops_ringbuf_reserve(p, map_fd, size)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ringbuf_submit(mapops_prog_t *prog, int ptr_reg, __u64 flags)  (MAPOPS_1.1)
	function methods.ringbuf_submit(self, ptr_reg, flags)
		local p = handles[self]
		if not p then return not_open(self, "ringbuf_submit") end
		if not (type(ptr_reg) == "number" and tobit(ptr_reg) == ptr_reg) then
			local v, why = check.int(ptr_reg)
			if v == nil then return fail("ringbuf_submit", "ptr_reg", why) end
			ptr_reg = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("ringbuf_submit", "flags", why) end
			flags = v
		end
		local rc = C.mapops_ringbuf_submit(p, ptr_reg, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ringbuf_discard(mapops_prog_t *prog, int ptr_reg, __u64 flags)  (MAPOPS_1.1)
	function methods.ringbuf_discard(self, ptr_reg, flags)
		local p = handles[self]
		if not p then return not_open(self, "ringbuf_discard") end
		if not (type(ptr_reg) == "number" and tobit(ptr_reg) == ptr_reg) then
			local v, why = check.int(ptr_reg)
			if v == nil then return fail("ringbuf_discard", "ptr_reg", why) end
			ptr_reg = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("ringbuf_discard", "flags", why) end
			flags = v
		end
		local rc = C.mapops_ringbuf_discard(p, ptr_reg, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_perf_event_output(mapops_prog_t *prog, int ctx_reg, int map_fd, int data_stack_off, __u32 size, __u64 flags)  (MAPOPS_1.1)
	function methods.perf_event_output(self, ctx_reg, map_fd, data_stack_off, size, flags)
		local p = handles[self]
		if not p then return not_open(self, "perf_event_output") end
		if not (type(ctx_reg) == "number" and tobit(ctx_reg) == ctx_reg) then
			local v, why = check.int(ctx_reg)
			if v == nil then return fail("perf_event_output", "ctx_reg", why) end
			ctx_reg = v
		end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("perf_event_output", "map_fd", why) end
			map_fd = v
		end
		if not (type(data_stack_off) == "number" and tobit(data_stack_off) == data_stack_off) then
			local v, why = check.int(data_stack_off)
			if v == nil then return fail("perf_event_output", "data_stack_off", why) end
			data_stack_off = v
		end
		if not (type(size) == "number" and size >= 0 and size <= 4294967295 and size % 1 == 0) then
			local v, why = check.u32(size)
			if v == nil then return fail("perf_event_output", "size", why) end
			size = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("perf_event_output", "flags", why) end
			flags = v
		end
		local rc = C.mapops_perf_event_output(p, ctx_reg, map_fd, data_stack_off, size, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_push(mapops_prog_t *prog, int map_fd, int value_stack_off, __u64 flags)  (MAPOPS_1.1)
	function methods.map_push(self, map_fd, value_stack_off, flags)
		local p = handles[self]
		if not p then return not_open(self, "map_push") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_push", "map_fd", why) end
			map_fd = v
		end
		if not (type(value_stack_off) == "number" and tobit(value_stack_off) == value_stack_off) then
			local v, why = check.int(value_stack_off)
			if v == nil then return fail("map_push", "value_stack_off", why) end
			value_stack_off = v
		end
		if not (type(flags) == "number" and flags >= 0 and flags <= SAFE and flags % 1 == 0) then
			local v, why = check.u64(flags)
			if v == nil then return fail("map_push", "flags", why) end
			flags = v
		end
		local rc = C.mapops_map_push(p, map_fd, value_stack_off, flags)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_pop(mapops_prog_t *prog, int map_fd, int value_stack_off)  (MAPOPS_1.1)
	function methods.map_pop(self, map_fd, value_stack_off)
		local p = handles[self]
		if not p then return not_open(self, "map_pop") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_pop", "map_fd", why) end
			map_fd = v
		end
		if not (type(value_stack_off) == "number" and tobit(value_stack_off) == value_stack_off) then
			local v, why = check.int(value_stack_off)
			if v == nil then return fail("map_pop", "value_stack_off", why) end
			value_stack_off = v
		end
		local rc = C.mapops_map_pop(p, map_fd, value_stack_off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_peek(mapops_prog_t *prog, int map_fd, int value_stack_off)  (MAPOPS_1.1)
	function methods.map_peek(self, map_fd, value_stack_off)
		local p = handles[self]
		if not p then return not_open(self, "map_peek") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_peek", "map_fd", why) end
			map_fd = v
		end
		if not (type(value_stack_off) == "number" and tobit(value_stack_off) == value_stack_off) then
			local v, why = check.int(value_stack_off)
			if v == nil then return fail("map_peek", "value_stack_off", why) end
			value_stack_off = v
		end
		local rc = C.mapops_map_peek(p, map_fd, value_stack_off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_tail_call(mapops_prog_t *prog, int ctx_reg, int map_fd, __u32 index)  (MAPOPS_1.1)
	function methods.tail_call(self, ctx_reg, map_fd, index)
		local p = handles[self]
		if not p then return not_open(self, "tail_call") end
		if not (type(ctx_reg) == "number" and tobit(ctx_reg) == ctx_reg) then
			local v, why = check.int(ctx_reg)
			if v == nil then return fail("tail_call", "ctx_reg", why) end
			ctx_reg = v
		end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("tail_call", "map_fd", why) end
			map_fd = v
		end
		if not (type(index) == "number" and index >= 0 and index <= 4294967295 and index % 1 == 0) then
			local v, why = check.u32(index)
			if v == nil then return fail("tail_call", "index", why) end
			index = v
		end
		local rc = C.mapops_tail_call(p, ctx_reg, map_fd, index)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_tail_call_reg(mapops_prog_t *prog, int ctx_reg, int map_fd, int index_reg)  (MAPOPS_1.1)
	function methods.tail_call_reg(self, ctx_reg, map_fd, index_reg)
		local p = handles[self]
		if not p then return not_open(self, "tail_call_reg") end
		if not (type(ctx_reg) == "number" and tobit(ctx_reg) == ctx_reg) then
			local v, why = check.int(ctx_reg)
			if v == nil then return fail("tail_call_reg", "ctx_reg", why) end
			ctx_reg = v
		end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("tail_call_reg", "map_fd", why) end
			map_fd = v
		end
		if not (type(index_reg) == "number" and tobit(index_reg) == index_reg) then
			local v, why = check.int(index_reg)
			if v == nil then return fail("tail_call_reg", "index_reg", why) end
			index_reg = v
		end
		local rc = C.mapops_tail_call_reg(p, ctx_reg, map_fd, index_reg)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_map_lookup_percpu(mapops_prog_t *prog, int map_fd, int key_stack_off, int cpu_reg)  (MAPOPS_1.1)
	function methods.map_lookup_percpu(self, map_fd, key_stack_off, cpu_reg)
		local p = handles[self]
		if not p then return not_open(self, "map_lookup_percpu") end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("map_lookup_percpu", "map_fd", why) end
			map_fd = v
		end
		if not (type(key_stack_off) == "number" and tobit(key_stack_off) == key_stack_off) then
			local v, why = check.int(key_stack_off)
			if v == nil then return fail("map_lookup_percpu", "key_stack_off", why) end
			key_stack_off = v
		end
		if not (type(cpu_reg) == "number" and tobit(cpu_reg) == cpu_reg) then
			local v, why = check.int(cpu_reg)
			if v == nil then return fail("map_lookup_percpu", "cpu_reg", why) end
			cpu_reg = v
		end
		local rc = C.mapops_map_lookup_percpu(p, map_fd, key_stack_off, cpu_reg)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	-- int mapops_ld_map_value(mapops_prog_t *prog, int dst, int map_fd, __u32 off)  (MAPOPS_1.1)
	function methods.ld_map_value(self, dst, map_fd, off)
		local p = handles[self]
		if not p then return not_open(self, "ld_map_value") end
		if not (type(dst) == "number" and tobit(dst) == dst) then
			local v, why = check.int(dst)
			if v == nil then return fail("ld_map_value", "dst", why) end
			dst = v
		end
		if not (type(map_fd) == "number" and tobit(map_fd) == map_fd) then
			local v, why = check.int(map_fd)
			if v == nil then return fail("ld_map_value", "map_fd", why) end
			map_fd = v
		end
		if not (type(off) == "number" and off >= 0 and off <= 4294967295 and off % 1 == 0) then
			local v, why = check.u32(off)
			if v == nil then return fail("ld_map_value", "off", why) end
			off = v
		end
		local rc = C.mapops_ld_map_value(p, dst, map_fd, off)
		if rc < 0 then return lib_fail(p, rc) end
		return true
	end

	return methods
end

return API
