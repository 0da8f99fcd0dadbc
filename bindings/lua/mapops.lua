-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
--[[
mapops: the LuaJIT binding of libmapops (include/mapops/mapops.h).

    local mapops = require "mapops"
    local prog = assert(mapops.new())
    assert(prog:st_mem(mapops.W, mapops.R10, -4, 0))
    assert(prog:map_increment(map_fd, -4, -16, 1))
    assert(prog:alu64_imm(mapops.MOV, mapops.R0, 0))
    assert(prog:exit())
    local fd, msg, errno = prog:load(mapops.PROG_TYPE_SOCKET_FILTER,
                                     { name = "counter" })

The library is loaded with ffi.load() from $MAPOPS_LIBRARY if that is set,
else by its SONAME "libmapops.so.1".

THE ERROR CONVENTION (the only one; no method ever raises an error)

  * Success: a true value.  true for the emitters; the value itself for
    insns() (a string), len() (a number), error() (a string), load() (an
    fd, plus the verifier log as a second value when log_level was given),
    dump() and mapops.insn_snprint() (a string), insn_origin() (three
    values: call name, call number, tag or nil).
  * Failure, of any kind: nil, message, errno
      - the library refused the call (it returned a negative errno):
            nil, mapops_prog_error() text, the positive errno
        and the program is unchanged, as the C API guarantees (the two
        C functions that leave no error text, mapops_prog_insn_origin and
        mapops_insn_snprint, get a message written by the binding);
      - the binding refused the arguments before calling C:
            nil, "mapops.<method>: ...", 22 (EINVAL)
        for a wrong Lua type, nil, a number that is not an integer or does
        not fit the C parameter's type, a label string with an embedded NUL,
        an emit() string whose length is not a multiple of 8, an unknown
        load() option, a call on a closed program or on something that is
        not a program.
    So `assert(prog:exit())` raises with the message, and
    `local ok, msg, errno = prog:exit()` inspects it.

Integer arguments are Lua numbers that are exact integers in the range of
the C parameter, or int64_t / uint64_t cdata (0x100000001ULL, -1LL) whose
value is in that range.  For the 64-bit parameters (ld_imm64's __u64 imm,
the increments' __s64, the update flags' __u64) Lua numbers must lie within
+-(2^53 - 1), where a double is certainly exact; larger values must be
given as int64_t/uint64_t cdata.  A negative 64-bit immediate for ld_imm64
is given as its two's complement: 0xffffffffffffffffULL, or
ffi.cast("uint64_t", -1LL).  Label names are Lua strings without NUL bytes
(any other bytes, including non-ASCII, are passed to C as they are).

OWNERSHIP

  mapops.new() returns a Program owning one mapops_prog_t, freed exactly
  once: by the garbage collector (ffi.gc with mapops_prog_free), or at once
  by prog:close(), after which every method fails with EINVAL without
  calling C (close() itself included).  The fd returned by load() belongs to
  the caller, who closes it (e.g. with ffi.C.close after declaring it).

METHODS (the C names without "mapops_", C argument order after the handle)

  emit(bytes)                     bytes: Lua string of 8*n raw slot bytes
  label(name)
  jmp_imm(op, reg, imm, label)    jmp_reg(op, dst, src, label)
  jmp32_imm(op, reg, imm, label)  jmp32_reg(op, dst, src, label)
  ja(label)
  alu64_imm(op, dst, imm)         alu64_reg(op, dst, src)
  alu32_imm(op, dst, imm)         alu32_reg(op, dst, src)
  endian(type, dst, bits)
  ldx_mem(size, dst, src, off)    stx_mem(size, dst, src, off)
  st_mem(size, dst, off, imm)     atomic_op(size, op, dst, src, off)
  ld_imm64(dst, imm)              ld_map_fd(dst, map_fd)
  call_helper(helper_id)          exit()
  map_lookup(map_fd, key_stack_off)
  map_lookup_ptr(map_fd, key_reg)
  map_update(map_fd, key_stack_off, value_stack_off, flags)
  map_update_ptr(map_fd, key_reg, value_reg, flags)
  map_delete(map_fd, key_stack_off)
  map_delete_ptr(map_fd, key_reg)
  map_increment(map_fd, key_stack_off, value_stack_off, increment)
  map_increment_atomic(map_fd, key_stack_off, value_stack_off, increment)
  map_lookup_or_init(map_fd, key_stack_off, init_value_stack_off)

  insns()   -> string of the resolved slots, 8 bytes each (mapops_prog_insns)
  len()     -> slot count (mapops_prog_len); #prog is the same
  error()   -> text of the last failure, "" if none (mapops_prog_error)
  load(prog_type [, opts]) -> fd [, log]            (mapops_prog_load)
      opts: a table with any of license, name (strings, the kernel's
      program name), expected_attach_type, prog_ifindex, prog_flags,
      kern_version, log_level (unsigned 32-bit integers); any other key is
      refused.  With a nonzero log_level the binding lends the library a
      verifier log buffer of LOAD_LOG_SIZE (16 MiB) bytes; the log is
      returned as a second value on success and is part of the message on
      failure (a log that does not fit makes the kernel fail with ENOSPC).
      Without log_level the library fetches the log itself when the
      verifier refuses the program.
  close()   -> true; frees the program now

  Provenance and printing:
  set_tag(tag)  -> true                            (mapops_prog_set_tag)
      tags what is emitted from now on (a string without NUL bytes, up to
      TAG_MAX bytes); nil removes the tag.  Emits nothing.
  insn_origin(slot) -> call, call_index, tag       (mapops_prog_insn_origin)
      three values: the C function that emitted the slot (0-based, as in C),
      e.g. "mapops_map_increment"; its call number in this program from 1;
      the tag set at the time, or nil.  slot is a size_t (as ld_imm64's imm:
      numbers up to 2^53 - 1, or uint64_t cdata).  A slot past the end
      fails with ERANGE (34) and a message of the binding's
      ("mapops_prog_insn_origin: slot N ..."): the C function leaves the
      program's error text alone.
  dump()    -> the program as text                 (mapops_prog_dump)
      labels resolved, a line "%4d: <instruction>" a slot, "name:" label
      lines and a comment "; <call> #<index> (\"<tag>\")" before each call's
      slots; the library writes it to an open_memstream() buffer.  Fails
      with the resolution errors of insns().

FUNCTIONS

  mapops.insn_snprint(bytes, slot) -> text         (mapops_insn_snprint)
      the instruction at slot (0-based) of bytes (a Lua string of 8*n raw
      slot bytes, as insns() returns) in the verifier log's syntax; an
      ld_imm64 at slot takes slot and slot + 1.  A slot >= n fails with
      EINVAL (22) and a message of the binding's ("mapops_insn_snprint: slot
      N of M: ..."); wrong argument types fail as the methods' do
      ("mapops.insn_snprint: ...", 22).

CONSTANTS (the kernel's values, <linux/bpf.h>)
  As in the Python binding: R0..R10; BPF_ANY BPF_NOEXIST BPF_EXIST
  BPF_F_LOCK; ALU ops ADD SUB MUL DIV OR AND LSH RSH NEG MOD XOR MOV ARSH;
  jumps JA JEQ JGT JGE JSET JNE JSGT JSGE JLT JLE JSLT JSLE; sizes B H W DW;
  TO_LE TO_BE; FETCH XCHG CMPXCHG; PROG_TYPE_UNSPEC .. PROG_TYPE_SYSCALL
  (enum bpf_prog_type without "BPF_"); MAX_INSNS STACK_SIZE LABEL_MAX TAG_MAX
  MAP_LOOKUP_SLOTS MAP_UPDATE_SLOTS MAP_DELETE_SLOTS
  MAP_LOOKUP_OR_INIT_SLOTS (mapops.h); LOAD_LOG_SIZE.
]]

local ffi = require "ffi"

ffi.cdef [[
struct bpf_insn {
	uint8_t code;
	uint8_t dst_reg:4;
	uint8_t src_reg:4;
	int16_t off;
	int32_t imm;
};

typedef struct mapops_prog mapops_prog_t;

struct mapops_load_opts {
	size_t sz;
	const char *prog_name;
	const char *license;
	uint32_t expected_attach_type;
	uint32_t prog_ifindex;
	uint32_t prog_flags;
	uint32_t kern_version;
	uint32_t log_level;
	uint32_t log_size;
	char *log_buf;
};

mapops_prog_t *mapops_prog_new(void);
void mapops_prog_free(mapops_prog_t *prog);
size_t mapops_prog_len(const mapops_prog_t *prog);
const struct bpf_insn *mapops_prog_insns(mapops_prog_t *prog, size_t *cnt);
const char *mapops_prog_error(const mapops_prog_t *prog);
int mapops_emit(mapops_prog_t *prog, const struct bpf_insn *insns, size_t cnt);
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
/* type is enum bpf_prog_type, whose C type is unsigned int */
int mapops_prog_load(mapops_prog_t *prog, unsigned int type, const struct mapops_load_opts *opts);
int mapops_map_lookup(mapops_prog_t *prog, int map_fd, int key_stack_off);
int mapops_map_lookup_ptr(mapops_prog_t *prog, int map_fd, int key_reg);
int mapops_map_update(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, uint64_t flags);
int mapops_map_update_ptr(mapops_prog_t *prog, int map_fd, int key_reg, int value_reg, uint64_t flags);
int mapops_map_delete(mapops_prog_t *prog, int map_fd, int key_stack_off);
int mapops_map_delete_ptr(mapops_prog_t *prog, int map_fd, int key_reg);
int mapops_map_increment(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, int64_t increment);
int mapops_map_increment_atomic(mapops_prog_t *prog, int map_fd, int key_stack_off, int value_stack_off, int64_t increment);
int mapops_map_lookup_or_init(mapops_prog_t *prog, int map_fd, int key_stack_off, int init_value_stack_off);
int mapops_prog_set_tag(mapops_prog_t *prog, const char *tag);
int mapops_prog_insn_origin(const mapops_prog_t *prog, size_t slot, const char **call, unsigned *call_index, const char **tag);
int mapops_insn_snprint(char *buf, size_t size, const struct bpf_insn *insns, size_t cnt, size_t slot);
/* out is a FILE *: declared void * so as not to define FILE for the caller */
int mapops_prog_dump(mapops_prog_t *prog, void *out);

/* libc, under names of the binding's own (asm labels), so that these cannot
   clash with the caller's own declarations of the same functions */
void *mapops_lua_open_memstream(char **ptr, size_t *sizeloc) __asm__("open_memstream");
int mapops_lua_fclose(void *stream) __asm__("fclose");
void mapops_lua_free(void *ptr) __asm__("free");
const char *mapops_lua_strerror(int errnum) __asm__("strerror");
]]

local C = ffi.load(os.getenv("MAPOPS_LIBRARY") or "libmapops.so.1")

local EINVAL = 22
local INSN_SIZE = 8
local LOAD_LOG_SIZE = 16 * 1024 * 1024

local M = {}

-- ---------------------------------------------------------------------------
-- Constants: the kernel's values from <linux/bpf.h> and <linux/bpf_common.h>
-- ---------------------------------------------------------------------------

for i = 0, 10 do M["R" .. i] = i end

M.BPF_ANY, M.BPF_NOEXIST, M.BPF_EXIST, M.BPF_F_LOCK = 0, 1, 2, 4

M.ADD, M.SUB, M.MUL, M.DIV = 0x00, 0x10, 0x20, 0x30
M.OR, M.AND, M.LSH, M.RSH = 0x40, 0x50, 0x60, 0x70
M.NEG, M.MOD, M.XOR, M.MOV, M.ARSH = 0x80, 0x90, 0xa0, 0xb0, 0xc0

M.JA, M.JEQ, M.JGT, M.JGE, M.JSET, M.JNE = 0x00, 0x10, 0x20, 0x30, 0x40, 0x50
M.JSGT, M.JSGE, M.JLT, M.JLE = 0x60, 0x70, 0xa0, 0xb0
M.JSLT, M.JSLE = 0xc0, 0xd0

M.W, M.H, M.B, M.DW = 0x00, 0x08, 0x10, 0x18

M.TO_LE, M.TO_BE = 0x00, 0x08

M.FETCH, M.XCHG, M.CMPXCHG = 0x01, 0xe1, 0xf1

-- enum bpf_prog_type, in order from 0 (BPF_PROG_TYPE_UNSPEC).
local prog_types = {
	"UNSPEC", "SOCKET_FILTER", "KPROBE", "SCHED_CLS", "SCHED_ACT",
	"TRACEPOINT", "XDP", "PERF_EVENT", "CGROUP_SKB", "CGROUP_SOCK",
	"LWT_IN", "LWT_OUT", "LWT_XMIT", "SOCK_OPS", "SK_SKB",
	"CGROUP_DEVICE", "SK_MSG", "RAW_TRACEPOINT", "CGROUP_SOCK_ADDR",
	"LWT_SEG6LOCAL", "LIRC_MODE2", "SK_REUSEPORT", "FLOW_DISSECTOR",
	"CGROUP_SYSCTL", "RAW_TRACEPOINT_WRITABLE", "CGROUP_SOCKOPT",
	"TRACING", "STRUCT_OPS", "EXT", "LSM", "SK_LOOKUP", "SYSCALL",
}
for i, name in ipairs(prog_types) do M["PROG_TYPE_" .. name] = i - 1 end

M.MAX_INSNS = 1000000
M.STACK_SIZE = 512
M.LABEL_MAX = 255
M.TAG_MAX = 255
M.MAP_LOOKUP_SLOTS = 5
M.MAP_UPDATE_SLOTS = 8
M.MAP_DELETE_SLOTS = 5
M.MAP_LOOKUP_OR_INIT_SLOTS = 19
-- The verifier log buffer load() lends the library when log_level is set.
M.LOAD_LOG_SIZE = LOAD_LOG_SIZE

-- ---------------------------------------------------------------------------
-- Argument conversion: each checker returns the value to pass to C, or nil
-- and the reason.
-- ---------------------------------------------------------------------------

local int64_t, uint64_t = ffi.typeof("int64_t"), ffi.typeof("uint64_t")
local SAFE = 2 ^ 53 - 1    -- the largest n with n and n + 1 exact doubles
local INT64_MAX = 0x7fffffffffffffffULL

local function describe(v)
	local t = type(v)
	if t == "string" then
		if #v > 40 then v = v:sub(1, 40) .. "..." end
		return string.format("string %q", v)
	elseif t == "nil" then
		return "nil"
	elseif t == "number" or t == "boolean" then
		return t .. " " .. tostring(v)
	elseif t == "cdata" then
		if ffi.istype(int64_t, v) or ffi.istype(uint64_t, v) then
			return "cdata " .. tostring(v)
		end
		return "cdata<" .. tostring(ffi.typeof(v)):match("^ctype<(.*)>$") .. ">"
	end
	return t
end

-- An integer in [lo, hi] (Lua numbers, |lo|, |hi| < 2^53), given as a number
-- or as int64_t / uint64_t cdata.  Returns it as a Lua number.
local function int_range(v, lo, hi)
	if type(v) == "number" then
		if v == v and v % 1 == 0 and v >= lo and v <= hi then
			return v
		end
	elseif type(v) == "cdata" then
		if ffi.istype(int64_t, v) then
			if v >= lo and v <= hi then return tonumber(v) end
		elseif ffi.istype(uint64_t, v) then
			if hi >= 0 and v <= hi and tonumber(v) >= lo then
				return tonumber(v)
			end
		end
	end
	return nil, string.format("must be an integer in [%.0f, %.0f], got %s",
				  lo, hi, describe(v))
end

local function int32(v) return int_range(v, -2147483648, 2147483647) end
local function uint32(v) return int_range(v, 0, 4294967295) end

local function u64(v)
	if type(v) == "number" then
		if v == v and v % 1 == 0 and v >= 0 and v <= SAFE then return v end
		if v == v and v % 1 == 0 and v > SAFE and v < 2 ^ 64 then
			return nil, "must be an integer in [0, 2^64 - 1]; a Lua number above 2^53 - 1 may have been rounded, pass uint64_t cdata (e.g. 0x123456789abcdef0ULL)"
		end
	elseif type(v) == "cdata" then
		if ffi.istype(uint64_t, v) then return v end
		if ffi.istype(int64_t, v) and v >= 0 then return v end
	end
	return nil, "must be an integer in [0, 2^64 - 1] (a number, or uint64_t cdata beyond 2^53), got " .. describe(v)
end

local function s64(v)
	if type(v) == "number" then
		if v == v and v % 1 == 0 and v >= -SAFE and v <= SAFE then return v end
		if v == v and v % 1 == 0 and v >= -2 ^ 63 and v < 2 ^ 63 then
			return nil, "must be an integer in [-2^63, 2^63 - 1]; a Lua number beyond +-(2^53 - 1) may have been rounded, pass int64_t cdata (e.g. 0x123456789abcdefLL)"
		end
	elseif type(v) == "cdata" then
		if ffi.istype(int64_t, v) then return v end
		if ffi.istype(uint64_t, v) and v <= INT64_MAX then return v end
	end
	return nil, "must be an integer in [-2^63, 2^63 - 1] (a number, or int64_t cdata beyond 2^53), got " .. describe(v)
end

-- A C string: a Lua string without NUL bytes (empty is passed on to C).
local function cstring(v)
	if type(v) ~= "string" then
		return nil, "must be a string, got " .. describe(v)
	end
	if v:find("\0", 1, true) then
		return nil, "must not contain a NUL byte, got " .. describe(v)
	end
	return v
end

-- A size_t (slot numbers): as __u64 where size_t has 64 bits.
local size = ffi.sizeof("size_t") == 8 and u64 or uint32

local function fail(method, what, why)
	return nil, string.format("mapops.%s: %s %s", method, what, why), EINVAL
end

-- ---------------------------------------------------------------------------
-- The Program object
--
-- A userdata proxy (so that #prog works: LuaJIT ignores __len on tables)
-- sharing one metatable.  handles[proxy] is the owning mapops_prog_t * cdata
-- (with its ffi.gc finalizer), or false once closed; weak keys, so an
-- unreachable proxy takes its pointer with it and the finalizer frees it.
-- ---------------------------------------------------------------------------

local handles = setmetatable({}, { __mode = "k" })
local methods = {}
local proto = newproxy(true)
local Program = getmetatable(proto)
Program.__index = methods
Program.__metatable = "mapops.Program"

-- Returns the open handle of self, or nil and the failure triple's message.
local function handle(self, method)
	local p = handles[self]
	if p then return p end
	if p == false then
		return nil, string.format("mapops.%s: the program is closed", method)
	end
	return nil, string.format("mapops.%s: called on %s, not a mapops program (use prog:%s(...))",
				  method, describe(self), method)
end

local function lib_fail(p, rc)
	return nil, ffi.string(C.mapops_prog_error(p)), -rc
end

local function result(p, rc)
	if rc < 0 then return lib_fail(p, rc) end
	return true
end

function M.new()
	local raw = C.mapops_prog_new()
	if raw == nil then
		local err = ffi.errno()
		return nil, "mapops.new: mapops_prog_new: out of memory", err ~= 0 and err or 12
	end
	local self = newproxy(proto)
	handles[self] = ffi.gc(raw, C.mapops_prog_free)
	return self
end

-- Defines a method calling mapops_<name> after checking each argument;
-- params is a list of { argument name, kind }, kind one of "int" (C int,
-- __s32), "u64", "s64", "label" (a C string).
--
-- Each method is generated as Lua source and compiled once with load(): the
-- arguments are locals, and each is checked inline by a test that the
-- compiler turns into a guard or two (an int: a number that bit.tobit()
-- leaves unchanged, i.e. an integer in the int32 range; a label: a string
-- without NUL).  Only a value that fails it goes to the general checker
-- above (cdata integers, and every refusal with its message), so the
-- accepted values and the failure triples are exactly the checkers'.
local GEN_KINDS = {
	int = {
		fast = 'type(%s) == "number" and tobit(%s) == %s',
		slow = "int32",
	},
	u64 = {
		fast = 'type(%s) == "number" and %s >= 0 and %s <= SAFE and %s % 1 == 0',
		slow = "u64",
	},
	s64 = {
		fast = 'type(%s) == "number" and %s >= -SAFE and %s <= SAFE and %s % 1 == 0',
		slow = "s64",
	},
	label = {
		fast = 'type(%s) == "string" and not find(%s, "\\0", 1, true)',
		slow = "cstring",
	},
}

local tobit, find = require("bit").tobit, string.find

local function define(name, params)
	local args = {}
	for i = 1, #params do args[i] = "a" .. i end
	local src = {
		"local C, handles, handle, lib_fail, fail, EINVAL, SAFE, type, tobit, find, int32, u64, s64, cstring = ...",
		"return function(self" .. (#args > 0 and ", " .. table.concat(args, ", ") or "") .. ")",
		"\tlocal p = handles[self]",
		"\tif not p then",
		string.format("\t\tlocal _, why = handle(self, %q)", name),
		"\t\treturn nil, why, EINVAL",
		"\tend",
	}
	for i, pr in ipairs(params) do
		local kind = assert(GEN_KINDS[pr[2]], pr[2])
		local a = args[i]
		src[#src + 1] = "\tif not (" .. (kind.fast:gsub("%%s", a)) .. ") then"
		src[#src + 1] = string.format("\t\tlocal v, err = %s(%s)", kind.slow, a)
		src[#src + 1] = string.format("\t\tif v == nil then return fail(%q, %q, err) end", name, pr[1])
		src[#src + 1] = string.format("\t\t%s = v", a)
		src[#src + 1] = "\tend"
	end
	src[#src + 1] = string.format("\tlocal rc = C.mapops_%s(p%s)", name,
		#args > 0 and ", " .. table.concat(args, ", ") or "")
	src[#src + 1] = "\tif rc < 0 then return lib_fail(p, rc) end"
	src[#src + 1] = "\treturn true"
	src[#src + 1] = "end"
	local chunk = assert(load(table.concat(src, "\n"), "=mapops." .. name))
	methods[name] = chunk(C, handles, handle, lib_fail, fail, EINVAL, SAFE,
		type, tobit, find, int32, u64, s64, cstring)
end

local I, L = "int", "label"
define("label", { { "name", L } })
define("jmp_imm", { { "op", I }, { "reg", I }, { "imm", I }, { "label", L } })
define("jmp_reg", { { "op", I }, { "dst", I }, { "src", I }, { "label", L } })
define("jmp32_imm", { { "op", I }, { "reg", I }, { "imm", I }, { "label", L } })
define("jmp32_reg", { { "op", I }, { "dst", I }, { "src", I }, { "label", L } })
define("ja", { { "label", L } })
define("alu64_imm", { { "op", I }, { "dst", I }, { "imm", I } })
define("alu64_reg", { { "op", I }, { "dst", I }, { "src", I } })
define("alu32_imm", { { "op", I }, { "dst", I }, { "imm", I } })
define("alu32_reg", { { "op", I }, { "dst", I }, { "src", I } })
define("endian", { { "type", I }, { "dst", I }, { "bits", I } })
define("ldx_mem", { { "size", I }, { "dst", I }, { "src", I }, { "off", I } })
define("stx_mem", { { "size", I }, { "dst", I }, { "src", I }, { "off", I } })
define("st_mem", { { "size", I }, { "dst", I }, { "off", I }, { "imm", I } })
define("atomic_op", { { "size", I }, { "op", I }, { "dst", I }, { "src", I }, { "off", I } })
define("ld_imm64", { { "dst", I }, { "imm", "u64" } })
define("ld_map_fd", { { "dst", I }, { "map_fd", I } })
define("call_helper", { { "helper_id", I } })
define("exit", {})
define("map_lookup", { { "map_fd", I }, { "key_stack_off", I } })
define("map_lookup_ptr", { { "map_fd", I }, { "key_reg", I } })
define("map_update", { { "map_fd", I }, { "key_stack_off", I }, { "value_stack_off", I }, { "flags", "u64" } })
define("map_update_ptr", { { "map_fd", I }, { "key_reg", I }, { "value_reg", I }, { "flags", "u64" } })
define("map_delete", { { "map_fd", I }, { "key_stack_off", I } })
define("map_delete_ptr", { { "map_fd", I }, { "key_reg", I } })
define("map_increment", { { "map_fd", I }, { "key_stack_off", I }, { "value_stack_off", I }, { "increment", "s64" } })
define("map_increment_atomic", { { "map_fd", I }, { "key_stack_off", I }, { "value_stack_off", I }, { "increment", "s64" } })
define("map_lookup_or_init", { { "map_fd", I }, { "key_stack_off", I }, { "init_value_stack_off", I } })

local insn_array = ffi.typeof("struct bpf_insn[?]")

function methods.emit(self, bytes)
	local p, why = handle(self, "emit")
	if not p then return nil, why, EINVAL end
	if type(bytes) ~= "string" then
		return fail("emit", "bytes", "must be a string of 8-byte slots, got " .. describe(bytes))
	end
	if #bytes % INSN_SIZE ~= 0 then
		return fail("emit", "bytes", string.format(
			"must hold whole 8-byte slots, got %d bytes", #bytes))
	end
	local n = #bytes / INSN_SIZE
	local buf = insn_array(n > 0 and n or 1)
	ffi.copy(buf, bytes, #bytes)
	return result(p, C.mapops_emit(p, buf, n))
end

local size_box = ffi.typeof("size_t[1]")

function methods.insns(self)
	local p, why = handle(self, "insns")
	if not p then return nil, why, EINVAL end
	local cnt = size_box()
	local insns = C.mapops_prog_insns(p, cnt)
	if insns == nil then
		local err = ffi.errno()
		return nil, ffi.string(C.mapops_prog_error(p)), err ~= 0 and err or EINVAL
	end
	return ffi.string(insns, tonumber(cnt[0]) * INSN_SIZE)
end

function methods.len(self)
	local p, why = handle(self, "len")
	if not p then return nil, why, EINVAL end
	return tonumber(C.mapops_prog_len(p))
end

function methods.error(self)
	local p, why = handle(self, "error")
	if not p then return nil, why, EINVAL end
	return ffi.string(C.mapops_prog_error(p))
end

function methods.close(self)
	local p, why = handle(self, "close")
	if not p then return nil, why, EINVAL end
	handles[self] = false
	ffi.gc(p, nil)
	C.mapops_prog_free(p)
	return true
end

local function result_fd(p, rc)
	if rc < 0 then return lib_fail(p, rc) end
	return rc
end

local opts_type = ffi.typeof("struct mapops_load_opts")
local u32_options = {
	expected_attach_type = true, prog_ifindex = true, prog_flags = true,
	kern_version = true, log_level = true,
}

function methods.load(self, prog_type, opts)
	local p, why = handle(self, "load")
	if not p then return nil, why, EINVAL end
	local t, err = uint32(prog_type)
	if t == nil then return fail("load", "prog_type", err) end
	if opts == nil then return result_fd(p, C.mapops_prog_load(p, t, nil)) end
	if type(opts) ~= "table" then
		return fail("load", "opts", "must be a table or nil, got " .. describe(opts))
	end
	local o = opts_type()
	o.sz = ffi.sizeof(opts_type)
	local name, license, log_buf
	for k, v in pairs(opts) do
		if k == "name" or k == "license" then
			local s, e = cstring(v)
			if s == nil then return fail("load", "opts." .. k, e) end
			if k == "name" then name = s else license = s end
		elseif u32_options[k] then
			local x, e = uint32(v)
			if x == nil then return fail("load", "opts." .. tostring(k), e) end
			o[k] = x
		else
			return fail("load", "opts", "has an unknown option " .. describe(k) ..
				" (known: license, name, expected_attach_type, prog_ifindex, prog_flags, kern_version, log_level)")
		end
	end
	if o.log_level ~= 0 then
		log_buf = ffi.new("char[?]", LOAD_LOG_SIZE)
		o.log_buf = log_buf
		o.log_size = LOAD_LOG_SIZE
	end
	-- The string pointers are stored last: nothing allocates (so no
	-- garbage collection step runs) between here and the end of the call.
	o.prog_name = name
	o.license = license
	local rc = C.mapops_prog_load(p, t, o)
	if rc < 0 then return lib_fail(p, rc) end
	if log_buf ~= nil then
		return rc, ffi.string(log_buf)
	end
	return rc
end

-- ---------------------------------------------------------------------------
-- Provenance and printing
-- ---------------------------------------------------------------------------

local ENOMEM, EIO, ERANGE = 12, 5, 34

local function strerror(err)
	return ffi.string(ffi.C.mapops_lua_strerror(err))
end

-- A checked size as decimal text ("7", not "7ULL" or "7e+15").
local function decimal(v)
	if type(v) == "number" then return string.format("%.0f", v) end
	return (tostring(v):gsub("U?LL$", ""))
end

function methods.set_tag(self, tag)
	local p, why = handle(self, "set_tag")
	if not p then return nil, why, EINVAL end
	-- type(), not tag ~= nil: a NULL cdata pointer == nil in LuaJIT, and
	-- is refused as every other cdata is
	if type(tag) ~= "nil" then
		local s, err = cstring(tag)
		if s == nil then
			return fail("set_tag", "tag", err .. " (nil removes the tag)")
		end
	end
	return result(p, C.mapops_prog_set_tag(p, tag))
end

local cstr_box = ffi.typeof("const char *[1]")
local unsigned_box = ffi.typeof("unsigned[1]")

function methods.insn_origin(self, slot)
	local p, why = handle(self, "insn_origin")
	if not p then return nil, why, EINVAL end
	local s, err = size(slot)
	if s == nil then return fail("insn_origin", "slot", err) end
	local call, index, tag = cstr_box(), unsigned_box(), cstr_box()
	local rc = C.mapops_prog_insn_origin(p, s, call, index, tag)
	if rc < 0 then -- this function does not set the program's error text
		local e = -rc
		if e == ERANGE then
			return nil, string.format("mapops_prog_insn_origin: slot %s is past the end of the program (%d slots): %s",
						  decimal(s), tonumber(C.mapops_prog_len(p)), strerror(e)), e
		end
		return nil, string.format("mapops_prog_insn_origin: slot %s: %s",
					  decimal(s), strerror(e)), e
	end
	-- copied now: the tag belongs to the program
	return ffi.string(call[0]), tonumber(index[0]),
	       tag[0] ~= nil and ffi.string(tag[0]) or nil
end

local char_ptr_box = ffi.typeof("char *[1]")

function methods.dump(self)
	local p, why = handle(self, "dump")
	if not p then return nil, why, EINVAL end
	local buf, len = char_ptr_box(), size_box()
	local out = ffi.C.mapops_lua_open_memstream(buf, len)
	if out == nil then
		local e = ffi.errno()
		if e == 0 then e = ENOMEM end
		return nil, "mapops.dump: open_memstream: " .. strerror(e), e
	end
	local rc = C.mapops_prog_dump(p, out)
	local closed = ffi.C.mapops_lua_fclose(out)
	local text = ""
	if buf[0] ~= nil then
		text = ffi.string(buf[0], len[0])
		ffi.C.mapops_lua_free(buf[0])
	end
	if rc < 0 then return lib_fail(p, rc) end
	if closed ~= 0 then
		return nil, "mapops.dump: writing the dump to memory failed", EIO
	end
	return text
end

local SNPRINT_SIZE = 256 -- more than any text the library prints

function M.insn_snprint(bytes, slot)
	if type(bytes) ~= "string" then
		return fail("insn_snprint", "bytes", "must be a string of 8-byte slots, got " .. describe(bytes))
	end
	if #bytes % INSN_SIZE ~= 0 then
		return fail("insn_snprint", "bytes", string.format(
			"must hold whole 8-byte slots, got %d bytes", #bytes))
	end
	local s, err = size(slot)
	if s == nil then return fail("insn_snprint", "slot", err) end
	local n = #bytes / INSN_SIZE
	local insns = insn_array(n > 0 and n or 1)
	ffi.copy(insns, bytes, #bytes)
	local out = ffi.new("char[?]", SNPRINT_SIZE)
	local rc = C.mapops_insn_snprint(out, SNPRINT_SIZE, insns, n, s)
	if rc >= SNPRINT_SIZE then -- truncated: again, into a buffer that fits
		out = ffi.new("char[?]", rc + 1)
		rc = C.mapops_insn_snprint(out, rc + 1, insns, n, s)
	end
	if rc < 0 then -- no program, so no error text: the binding writes one
		return nil, string.format("mapops_insn_snprint: slot %s of %d: %s",
					  decimal(s), n, strerror(-rc)), -rc
	end
	return ffi.string(out, rc)
end

Program.__len = function(self)
	return methods.len(self) or 0
end

Program.__tostring = function(self)
	local p = handles[self]
	if p then
		return string.format("mapops.Program(%d slots)", tonumber(C.mapops_prog_len(p)))
	end
	return "mapops.Program(closed)"
end

return M
