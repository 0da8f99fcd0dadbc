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
        and the program is unchanged, as the C API guarantees.  A
        builder method's message starts with the Lua line of the call
        ("counter.lua:57: mapops_ldx_mem: ..."); a failure found later,
        in insns(), dump() or load(), names the call that emitted the
        slot ("insn 5: emitted by mapops_ldx_mem #1", "it was emitted
        by mapops_ja #2") and, in a program made with mapops.new{ lines =
        true } (or with MAPOPS_LUA_LINES=1 in the environment), its Lua
        line: "... mapops_ldx_mem #1 at counter.lua:57".  (The two
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

  mapops.new([opts]) returns a Program (opts.lines = true: record the Lua
  line of each call; about 20x slower building, see "Lua lines" below)
  owning one mapops_prog_t, freed exactly
  once: by the garbage collector (ffi.gc with mapops_prog_free), or at once
  by prog:close(), after which every method fails with EINVAL without
  calling C (close() itself included).  The fd returned by load() belongs to
  the caller, who closes it (e.g. with ffi.C.close after declaring it).

METHODS (the C names without "mapops_", C argument order after the handle)

  The builders, every function of lib/mapops.api that takes the program
  first and returns a status, generated into mapops/_api.lua (its first
  lines list them all), e.g.:

  emit(bytes)                     bytes: Lua string of 8*n raw slot bytes
  label(name)
  jmp_imm(op, reg, imm, label)    alu64_imm(op, dst, imm)
  ldx_mem(size, dst, src, off)    ld_imm64(dst, imm)
  map_update(map_fd, key_stack_off, value_stack_off, flags)
  exit()

  The loader (mapops/loader.lua, documented there): mapops.map(),
  map_from_fd(), map_pinned(), test_run(), attach_xdp(), attach_socket(),
  detach_socket(), attach_tracepoint(), attach_raw_tracepoint(),
  attach_kprobe(), attach_cgroup(), attach_tc(), ringbuf(), perfbuf().

  The others, written here:

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
      failure (a log that does not fit is truncated: a valid program still
      loads, and a refused one fails with the verifier's own errno, never
      ENOSPC).
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
  dump()    -> the program as text                 (mapops_prog_dump_text)
      labels resolved, a line "%4d: <instruction>" a slot, "name:" label
      lines and a comment "; <call> #<index> (\"<tag>\")" before each call's
      slots (mapops_prog_dump_text(), copied into a Lua string).  Fails
      with the resolution errors of insns().

FUNCTIONS

  mapops.insn_snprint(bytes, slot) -> text         (mapops_insn_snprint)
      the instruction at slot (0-based) of bytes (a Lua string of 8*n raw
      slot bytes, as insns() returns) in the verifier log's syntax; an
      ld_imm64 at slot takes slot and slot + 1.  A slot >= n fails with
      EINVAL (22) and a message of the binding's ("mapops_insn_snprint: slot
      N of M: ..."); wrong argument types fail as the methods' do
      ("mapops.insn_snprint: ...", 22).

CONSTANTS (the kernel's values, <linux/bpf.h>, and <mapops/mapops.h>'s)
  Those of lib/mapops.api's const lines, through mapops/_api.lua: R0..R10;
  BPF_ANY BPF_NOEXIST BPF_EXIST BPF_F_LOCK; ALU ops ADD SUB MUL DIV OR AND
  LSH RSH NEG MOD XOR MOV ARSH; jumps JA JEQ JGT JGE JSET JNE JSGT JSGE JLT
  JLE JSLT JSLE; sizes B H W DW; TO_LE TO_BE; FETCH XCHG CMPXCHG;
  PROG_TYPE_UNSPEC .. (enum bpf_prog_type without "BPF_"); MAX_INSNS
  STACK_SIZE LABEL_MAX TAG_MAX MAP_LOOKUP_SLOTS MAP_UPDATE_SLOTS
  MAP_DELETE_SLOTS MAP_LOOKUP_OR_INIT_SLOTS.  And the binding's own:
  LOAD_LOG_SIZE; VERSION, the libmapops version (a string, "1.1.0").
]]

local ffi = require "ffi"

-- Every public C function is declared by the generated mapops/_api.lua
-- (from lib/mapops.api); the binding defines the structs it fills in.
local API = require "mapops._api"

ffi.cdef [[
struct bpf_insn {
	uint8_t code;
	uint8_t dst_reg:4;
	uint8_t src_reg:4;
	int16_t off;
	int32_t imm;
};

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

/* libc's strerror for the messages the binding writes itself, under a name
   of the binding's own (an asm label), so that it cannot clash with the
   caller's own declaration */
const char *mapops_lua_strerror(int errnum) __asm__("strerror");
]]

local C = ffi.load(os.getenv("MAPOPS_LIBRARY") or "libmapops.so.1")

local EINVAL = 22
local INSN_SIZE = 8
local LOAD_LOG_SIZE = 16 * 1024 * 1024

local M = {}

-- The version of libmapops this binding belongs to (meson.build's).
M.VERSION = API.VERSION

-- ---------------------------------------------------------------------------
-- Constants: the values of <linux/bpf.h> and <mapops/mapops.h>, from the
-- description (lib/mapops.api) through mapops/_api.lua
-- ---------------------------------------------------------------------------

for _, c in ipairs(API.CONSTANTS) do M[c[1]] = c[2] end
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

-- Programs that record the Lua line of each call (mapops.new{ lines =
-- true }) are proxies of a second prototype whose builder methods wrap the
-- plain ones (see "Lua lines" below): the plain methods pay nothing.
local line_methods = {}
local line_proto = newproxy(true)
local LineProgram = getmetatable(line_proto)
LineProgram.__index = line_methods
LineProgram.__metatable = "mapops.Program"
-- lines[proxy]: { mapops_ja = { n = 2, <line #1>, <line #2>, src = {
-- <source #1>, <source #2> } }, ... }: the caller's currentline and
-- source, as debug.getinfo() gives them (line 0: src is "file:line")
local lines = setmetatable({}, { __mode = "k" })
local LINES_DEFAULT = os.getenv("MAPOPS_LUA_LINES") == "1"

function M.new(opts)
	local with_lines = LINES_DEFAULT
	if opts ~= nil then
		if type(opts) ~= "table" then
			return fail("new", "opts", "must be a table or nil, got " .. describe(opts))
		end
		for k, v in pairs(opts) do
			if k ~= "lines" then
				return fail("new", "opts", "has an unknown option " .. describe(k) .. " (known: lines)")
			end
			if type(v) ~= "boolean" then
				return fail("new", "opts.lines", "must be true or false, got " .. describe(v))
			end
			with_lines = v
		end
	end
	local raw = C.mapops_prog_new()
	if raw == nil then
		local err = ffi.errno()
		return nil, "mapops.new: mapops_prog_new: out of memory", err ~= 0 and err or 12
	end
	local self = newproxy(with_lines and line_proto or proto)
	handles[self] = ffi.gc(raw, C.mapops_prog_free)
	if with_lines then lines[self] = {} end
	return self
end

-- The builders' methods (every function of the description that takes the
-- program first and returns a status) are generated into mapops/_api.lua:
-- each checks its arguments inline (the common values: an int is a number
-- that bit.tobit() leaves unchanged, a label a string without NUL) and only
-- a value that fails that goes to the checkers here (cdata integers, and
-- every refusal with its message), so the accepted values and the failure
-- triples are exactly the checkers'.
local insn_array = ffi.typeof("struct bpf_insn[?]")

-- A Lua string of whole 8-byte slots: a struct bpf_insn array holding them
-- and their count, or nil and the reason.
local function slots(v)
	if type(v) ~= "string" then
		return nil, "must be a string of 8-byte slots, got " .. describe(v)
	end
	if #v % INSN_SIZE ~= 0 then
		return nil, string.format("must hold whole 8-byte slots, got %d bytes", #v)
	end
	local n = #v / INSN_SIZE
	local buf = insn_array(n > 0 and n or 1)
	ffi.copy(buf, v, #v)
	return buf, n
end

-- A C string or nil (NULL): a tag.
local function tag_or_nil(v)
	-- type(), not v ~= nil: a NULL cdata pointer == nil in LuaJIT, and is
	-- refused as every other cdata is
	if type(v) == "nil" then return nil end
	local s, err = cstring(v)
	if s == nil then return nil, err .. " (nil removes the tag)" end
	return s
end

local function not_open(self, method)
	local _, why = handle(self, method)
	return nil, why, EINVAL
end

-- ---------------------------------------------------------------------------
-- Lua lines
--
-- A builder call that fails names the caller's line at once ("file.lua:57:
-- " before the message): found on the failure path only, so it costs
-- nothing when calls succeed.  The slots of a program that fail later (an
-- unbound label in insns(), a verifier refusal in load()) name the Lua line
-- of the call that emitted them only when the program recorded them:
-- mapops.new{ lines = true }, or MAPOPS_LUA_LINES=1 for every program.
-- Recording costs a debug.getinfo() per call, which LuaJIT cannot compile
-- (the calls run in the interpreter): about 670 ns a call against 30 ns,
-- some 20x the C library's own time, where the plain methods stay within
-- 1.1x of C (bench/bench_build.lua --quick [--lines]) -- which is why it
-- is not the default.
-- ---------------------------------------------------------------------------

local getinfo = debug.getinfo
-- The binding's own sources, whose frames are skipped.
local OWN_SOURCES = {
	[getinfo(1, "S").source] = true,
	[getinfo(API.builders, "S").source] = true,
}

-- "file.lua:57": the first Lua frame of the caller's stack that is not
-- the binding's own (tail calls inside the binding leave no frames, so the
-- depth is not fixed).
local function caller_line()
	for l = 2, 30 do
		local info = getinfo(l, "Sl")
		if not info then return nil end
		if info.what ~= "C" and info.currentline >= 0 and not OWN_SOURCES[info.source] then
			local src = info.source:sub(1, 1) == "@" and info.source:sub(2) or info.short_src
			return src .. ":" .. info.currentline
		end
	end
	return nil
end

-- The message of a failure found after the calls (an unbound label, a
-- verifier refusal), with what the binding knows appended (the library's
-- text stays as it is, at the start): an unbound label's message names the
-- jump's slot (and, from libmapops 1.1, its call: "it was emitted by
-- mapops_ja #1"; else "; the jump is mapops_ja #1" follows); and when the
-- program recorded lines, the last call named ("mapops_ldx_mem #1" of the
-- verifier's origin line) gets " at file.lua:57".
local function annotate(self, msg)
	local last
	for c in msg:gmatch("mapops_[%w_]+ #%d+") do last = c end
	if not last then
		local what, slot = msg:match("the (%a+) at slot (%d+) names it")
		local call, index
		if slot then call, index = self:insn_origin(tonumber(slot)) end
		if call then
			last = call .. " #" .. index
			msg = string.format("%s; the %s is %s", msg, what, last)
		end
	end
	local rec = last and lines[self]
	if rec then
		local call, index = last:match("^(.*) #(%d+)$")
		local r, where = rec[call], nil
		index = tonumber(index)
		if r and r[index] then
			local src, line = r.src[index], r[index]
			if line == 0 then
				where = src -- already "file:line"
			else
				where = (src:sub(1, 1) == "@" and src:sub(2) or src) .. ":" .. line
			end
		end
		if where then msg = msg .. " at " .. where end
	end
	return msg
end

local function at_caller(rv, msg, err)
	local where = caller_line()
	if where then msg = where .. ": " .. msg end
	return rv, msg, err
end

for name, f in pairs(API.builders {
	C = C, handles = handles, SAFE = SAFE,
	not_open = function(...) return at_caller(not_open(...)) end,
	lib_fail = function(...) return at_caller(lib_fail(...)) end,
	fail = function(...) return at_caller(fail(...)) end,
	check = { int = int32, u32 = uint32, u64 = u64, s64 = s64, size = size,
		  label = cstring, tag = tag_or_nil, bytes = slots },
}) do
	methods[name] = f
	-- the same method, recording the caller's line of each call that
	-- emitted slots under the C call's name and number, as the library
	-- counts them (mapops_prog_insn_origin: calls that emitted no slot are
	-- not counted)
	local cname = "mapops_" .. name
	line_methods[name] = function(self, a1, a2, a3, a4, a5)
		local p = handles[self]
		local before = p and C.mapops_prog_len(p)
		local ok, msg, err = f(self, a1, a2, a3, a4, a5)
		if ok and p and C.mapops_prog_len(p) > before then
			local info = getinfo(2, "Sl")
			local rec = lines[self]
			local r = rec[cname]
			if not r then r = { n = 0, src = {} }; rec[cname] = r end
			local n = r.n + 1
			r.n = n
			if OWN_SOURCES[info.source] then
				r[n], r.src[n] = 0, caller_line()
			else
				r[n], r.src[n] = info.currentline, info.source
			end
		end
		return ok, msg, err
	end
end

local size_box = ffi.typeof("size_t[1]")

function methods.insns(self)
	local p, why = handle(self, "insns")
	if not p then return nil, why, EINVAL end
	local cnt = size_box()
	local insns = C.mapops_prog_insns(p, cnt)
	if insns == nil then
		local err = ffi.errno()
		return nil, annotate(self, ffi.string(C.mapops_prog_error(p))), err ~= 0 and err or EINVAL
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
	if opts == nil then
		local rc = C.mapops_prog_load(p, t, nil)
		if rc < 0 then return nil, annotate(self, ffi.string(C.mapops_prog_error(p))), -rc end
		return rc
	end
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
	if rc < 0 then return nil, annotate(self, ffi.string(C.mapops_prog_error(p))), -rc end
	if log_buf ~= nil then
		return rc, ffi.string(log_buf)
	end
	return rc
end

-- ---------------------------------------------------------------------------
-- Provenance and printing
-- ---------------------------------------------------------------------------

local ERANGE = 34

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
	if type(tag) ~= "nil" then
		local s, err = tag_or_nil(tag)
		if s == nil then return fail("set_tag", "tag", err) end
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

function methods.dump(self)
	local p, why = handle(self, "dump")
	if not p then return nil, why, EINVAL end
	-- the text belongs to the program: copied at once
	local text = C.mapops_prog_dump_text(p)
	if text == nil then
		local err = ffi.errno()
		return nil, annotate(self, ffi.string(C.mapops_prog_error(p))), err ~= 0 and err or EINVAL
	end
	return ffi.string(text)
end

-- A map operand naming a map of this program, bound later with
-- bind_map() (mapops_map_ref): pass it wherever a map fd goes.
-- The operand, or nil, message, errno (the message starts with the
-- caller's line, as a builder's does).
function methods.map_ref(self, name)
	local p, why = handle(self, "map_ref")
	if not p then return at_caller(nil, why, EINVAL) end
	local s, err = cstring(name)
	if s == nil then return at_caller(fail("map_ref", "name", err)) end
	local rc = C.mapops_map_ref(p, s)
	if rc < 0 and rc >= -4095 then return at_caller(lib_fail(p, rc)) end
	return rc
end

-- Binds the name of map_ref() to map_fd (mapops_prog_bind_map).
-- true, or nil, message, errno.
function methods.bind_map(self, name, map_fd)
	local p, why = handle(self, "bind_map")
	if not p then return at_caller(nil, why, EINVAL) end
	local s, err = cstring(name)
	if s == nil then return at_caller(fail("bind_map", "name", err)) end
	local fd, ferr = int32(map_fd)
	if fd == nil then return at_caller(fail("bind_map", "map_fd", ferr)) end
	local rc = C.mapops_prog_bind_map(p, s, fd)
	if rc < 0 then return at_caller(lib_fail(p, rc)) end
	return true
end

-- Lets the library use v4 instructions where it picks one itself (a far
-- ja becomes a gotol): allow is true or false (mapops_prog_allow_v4).
-- true, or nil, message, errno.
function methods.allow_v4(self, allow)
	local p, why = handle(self, "allow_v4")
	if not p then return nil, why, EINVAL end
	if type(allow) ~= "boolean" then
		return fail("allow_v4", "allow", "must be true or false, got " .. describe(allow))
	end
	return result(p, C.mapops_prog_allow_v4(p, allow and 1 or 0))
end

-- For a caller that loads with libbpf's bpf_prog_load() itself: fills the
-- struct bpf_prog_load_opts * cdata opts (declared by the caller, who knows
-- its libbpf's layout) with the BTF function information
-- (mapops_prog_func_info).  true, or nil, message, errno.
function methods.func_info(self, opts)
	local p, why = handle(self, "func_info")
	if not p then return nil, why, EINVAL end
	if type(opts) ~= "cdata" then
		return fail("func_info", "opts", "must be a struct bpf_prog_load_opts * (cdata), got " .. describe(opts))
	end
	return result(p, C.mapops_prog_func_info(p, ffi.cast("struct bpf_prog_load_opts *", opts)))
end

-- The map operand "the map whose pointer is in reg" (r0..r9)
-- (mapops_map_reg).  The operand, or nil, message, errno.
function M.map_reg(reg)
	local r, err = int32(reg)
	if r == nil then return fail("map_reg", "reg", err) end
	local rc = C.mapops_map_reg(r)
	if rc < 0 and rc >= -4095 then
		return nil, string.format("mapops_map_reg: reg %d is not a register r0..r9", r), -rc
	end
	return rc
end

local SNPRINT_SIZE = 256 -- more than any text the library prints

function M.insn_snprint(bytes, slot)
	local insns, n = slots(bytes)
	if insns == nil then return fail("insn_snprint", "bytes", n) end
	local s, err = size(slot)
	if s == nil then return fail("insn_snprint", "slot", err) end
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

-- The loader: maps, test runs, attaching, ring and perf buffers
-- (mapops/loader.lua, through libbpf's own functions).
require("mapops.loader")(M)

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

-- A program recording lines has every other method as it is.
for k, v in pairs(methods) do
	if line_methods[k] == nil then line_methods[k] = v end
end
LineProgram.__len, LineProgram.__tostring = Program.__len, Program.__tostring

return M
