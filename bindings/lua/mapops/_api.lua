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
--   alu64_imm(op, dst, imm)
--   alu64_reg(op, dst, src)
--   alu32_imm(op, dst, imm)
--   alu32_reg(op, dst, src)
--   endian(type, dst, bits)
--   ldx_mem(size, dst, src, off)
--   stx_mem(size, dst, src, off)
--   st_mem(size, dst, off, imm)
--   atomic_op(size, op, dst, src, off)
--   ld_imm64(dst, imm)
--   ld_map_fd(dst, map_fd)
--   call_helper(helper_id)
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

local ffi = require "ffi"
local bit = require "bit"

local API = {}

API.VERSION = "1.1.0"

API.CDEF = [[
typedef struct mapops_prog mapops_prog_t;
struct bpf_insn;
struct mapops_load_opts;
mapops_prog_t *mapops_prog_new(void);
void mapops_prog_free(mapops_prog_t *prog);
size_t mapops_prog_len(const mapops_prog_t *prog);
const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog, size_t *cnt);
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
int mapops_alu64_imm(mapops_prog_t *prog, int op, int dst, int32_t imm);
int mapops_alu64_reg(mapops_prog_t *prog, int op, int dst, int src);
int mapops_alu32_imm(mapops_prog_t *prog, int op, int dst, int32_t imm);
int mapops_alu32_reg(mapops_prog_t *prog, int op, int dst, int src);
int mapops_endian(mapops_prog_t *prog, int type, int dst, int bits);
int mapops_ldx_mem(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_stx_mem(mapops_prog_t *prog, int size, int dst, int src, int off);
int mapops_st_mem(mapops_prog_t *prog, int size, int dst, int off, int32_t imm);
int mapops_atomic_op(mapops_prog_t *prog, int size, int op, int dst, int src, int off);
int mapops_ld_imm64(mapops_prog_t *prog, int dst, uint64_t imm);
int mapops_ld_map_fd(mapops_prog_t *prog, int dst, int map_fd);
int mapops_call_helper(mapops_prog_t *prog, int helper_id);
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
	{ "MAX_INSNS", 1000000, "MAPOPS_MAX_INSNS", "limits and slot counts of <mapops/mapops.h>" },
	{ "STACK_SIZE", 512, "MAPOPS_STACK_SIZE", "limits and slot counts of <mapops/mapops.h>" },
	{ "LABEL_MAX", 255, "MAPOPS_LABEL_MAX", "limits and slot counts of <mapops/mapops.h>" },
	{ "TAG_MAX", 255, "MAPOPS_TAG_MAX", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_LOOKUP_SLOTS", 5, "MAPOPS_MAP_LOOKUP_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_UPDATE_SLOTS", 8, "MAPOPS_MAP_UPDATE_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_DELETE_SLOTS", 5, "MAPOPS_MAP_DELETE_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
	{ "MAP_LOOKUP_OR_INIT_SLOTS", 19, "MAPOPS_MAP_LOOKUP_OR_INIT_SLOTS", "limits and slot counts of <mapops/mapops.h>" },
}

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

	return methods
end

return API
