-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- Hostile use of the binding: every method fed wrong types, nil, huge,
-- negative and fractional numbers, odd label names, calls after close, on
-- non-programs, double close.  Each must return nil, message, errno; no
-- method may raise an error or crash, and a refused call changes nothing.

local ffi = require "ffi"
local mapops = require "mapops"
local API = require "mapops._api"
local T = require "testlib"

local E = T.errno
local EINVAL = E.EINVAL

-- Every builder method of the description (mapops/_api.lua), with valid
-- arguments (the description's example, on a program where the label "top"
-- may be bound) and each argument's check: int (C int / __s32), u64, s64,
-- label (C string), tag (C string or nil), size (size_t), bytes (emit's
-- slots).  A new builder is covered here with no edit.
local MOV_R0_0 = "\183\0\0\0\0\0\0\0" -- b7 00 00 00 00 00 00 00: r0 = 0
local M = mapops
-- Valid values of the checks the description gives no example for.
local VALID = { bytes = MOV_R0_0 }
local METHODS = {}
for _, f in ipairs(API.FUNCTIONS) do
	if f.builder then
		local checks, valid = {}, {}
		for i, prm in ipairs(f.params) do
			checks[i] = prm.check
			if f.example then
				valid[i] = f.example[i]
			else
				valid[i] = VALID[prm.check]
				assert(valid[i] ~= nil, f.name .. ": no example and no valid " .. prm.check)
			end
		end
		METHODS[#METHODS + 1] = { f.short, checks, valid }
	end
end
assert(#METHODS > 20, "the builders of mapops/_api.lua")

-- The methods that are not emitters, with valid arguments.
local OTHERS = {
	{ "insns", {} }, { "len", {} }, { "error", {} },
	{ "load", { mapops.PROG_TYPE_SOCKET_FILTER } },
	{ "set_tag", { "T" } }, { "set_tag", {} }, { "insn_origin", { 0 } },
	{ "dump", {} },
}
-- Those of them that take arguments, with each argument's kind:
--   tag (a C string or nil), size (a size_t: slot numbers).
local QUERIES = {
	{ "set_tag", { "tag" }, { "T" } },
	{ "insn_origin", { "size" }, { 0 } },
}

-- Values that are wrong for every kind (the binding must refuse them).
local function common_bad()
	return {
		{ "nil", nil }, { "true", true }, { "false", false }, { "table", {} },
		{ "function", print }, { "coroutine", coroutine.create(print) },
		{ "userdata", newproxy() }, { "io file", io.stdout },
		{ "int32_t cdata", ffi.new("int32_t", 1) },
		{ "double cdata", ffi.new("double", 1) },
		{ "NULL pointer", ffi.cast("void *", 0) },
		{ "int array", ffi.new("int[2]") },
		{ "mapops program", mapops.new() },
		{ "the module", mapops },
	}
end

local BAD = {
	int = {
		{ "string '1'", "1" }, { "string 'x'", "x" }, { "empty string", "" },
		{ "1.5", 1.5 }, { "-0.5", -0.5 }, { "1e-300", 1e-300 },
		{ "2^31", 2 ^ 31 }, { "-2^31 - 1", -2 ^ 31 - 1 }, { "2^32", 2 ^ 32 },
		{ "2^53", 2 ^ 53 }, { "2^64", 2 ^ 64 }, { "-2^63", -2 ^ 63 },
		{ "1e300", 1e300 }, { "inf", 1 / 0 }, { "-inf", -1 / 0 }, { "nan", 0 / 0 },
		{ "0x80000000LL", 0x80000000LL }, { "-0x80000001LL", -0x80000001LL },
		{ "0xffffffffffffffffULL", 0xffffffffffffffffULL },
		{ "0x80000000ULL", 0x80000000ULL },
	},
	u32 = {
		{ "string '1'", "1" }, { "-1", -1 }, { "1.5", 1.5 }, { "2^32", 2 ^ 32 },
		{ "-0.5", -0.5 }, { "inf", 1 / 0 }, { "nan", 0 / 0 },
		{ "0x100000000ULL", 0x100000000ULL }, { "-1LL", -1LL },
	},
	u64 = {
		{ "string '1'", "1" }, { "-1", -1 }, { "-1LL", -1LL },
		{ "-0x8000000000000000LL", -0x7fffffffffffffffLL - 1 },
		{ "1.5", 1.5 }, { "2^53 (maybe rounded)", 2 ^ 53 }, { "2^63", 2 ^ 63 },
		{ "2^64", 2 ^ 64 }, { "inf", 1 / 0 }, { "nan", 0 / 0 }, { "-0.5", -0.5 },
	},
	s64 = {
		{ "string '1'", "1" }, { "1.5", 1.5 }, { "2^53 (maybe rounded)", 2 ^ 53 },
		{ "-2^53 (maybe rounded)", -2 ^ 53 }, { "2^63", 2 ^ 63 }, { "-2^64", -2 ^ 64 },
		{ "0x8000000000000000ULL", 0x8000000000000000ULL },
		{ "0xffffffffffffffffULL", 0xffffffffffffffffULL },
		{ "inf", 1 / 0 }, { "-inf", -1 / 0 }, { "nan", 0 / 0 },
	},
	label = {
		{ "number", 1 }, { "embedded NUL", "a\0b" }, { "NUL only", "\0" },
		{ "trailing NUL", "out\0" }, { "char* cdata", ffi.cast("const char *", "L") },
		{ "256 bytes with a NUL", string.rep("a", 200) .. "\0" .. string.rep("b", 55) },
	},
	tag = {
		{ "number", 1 }, { "embedded NUL", "a\0b" }, { "NUL only", "\0" },
		{ "trailing NUL", "tag\0" }, { "char* cdata", ffi.cast("const char *", "T") },
		{ "256 bytes with a NUL", string.rep("a", 200) .. "\0" .. string.rep("b", 55) },
	},
	size = {
		{ "string '0'", "0" }, { "-1", -1 }, { "-1LL", -1LL }, { "1.5", 1.5 },
		{ "-0.5", -0.5 }, { "2^53 (maybe rounded)", 2 ^ 53 }, { "2^64", 2 ^ 64 },
		{ "inf", 1 / 0 }, { "-inf", -1 / 0 }, { "nan", 0 / 0 },
		{ "-0x8000000000000000LL", -0x7fffffffffffffffLL - 1 },
	},
	bytes = {
		{ "number", 8 }, { "7 bytes", "1234567" }, { "9 bytes", "123456789" },
		{ "1 byte", "\0" }, { "table of slots", { "b700000000000000" } },
		{ "uint8_t array", ffi.new("uint8_t[8]") },
	},
}

local function all_bad(kind)
	local list = {}
	for _, b in ipairs(common_bad()) do
		-- nil is a valid tag (it removes the tag)
		if not (kind == "tag" and b[1] == "nil") then list[#list + 1] = b end
	end
	for _, b in ipairs(BAD[kind]) do list[#list + 1] = b end
	return list
end

-- Calls prog:name(args) protected; fails the test if it raised.
local function call(prog, name, args, n)
	local r = { pcall(function()
		local f = mapops.new()[name] -- the method, whatever prog is
		return f(prog, unpack(args, 1, n))
	end) }
	if not r[1] then
		T.fail(string.format("%s raised an error: %s", name, tostring(r[2])))
	end
	return unpack(r, 2, 4)
end

local function args_with(valid, i, v)
	local a = {}
	for j = 1, #valid do a[j] = valid[j] end
	a[i] = v
	return a
end

T.test("hostile: every method accepts its valid arguments", function()
	for _, m in ipairs(METHODS) do
		local prog = mapops.new()
		T.eq(call(prog, m[1], m[3], #m[3]), true, m[1] .. " with valid arguments")
		T.ok(prog:len() > 0 or m[1] == "label", m[1] .. " appended nothing")
	end
end)

for _, m in ipairs(METHODS) do
	local name, kinds, valid = m[1], m[2], m[3]
	T.test("hostile: " .. name .. " refuses wrong arguments with EINVAL, changing nothing", function()
		local prog = mapops.new()
		T.ok(prog:exit())
		local before = prog:insns()
		for i, kind in ipairs(kinds) do
			for _, b in ipairs(all_bad(kind)) do
				local what = string.format("%s argument %d (%s) = %s", name, i, kind, b[1])
				local r, msg, err = call(prog, name, args_with(valid, i, b[2]), #valid)
				local ok, e = pcall(T.fails, EINVAL, "mapops." .. name .. ":", r, msg, err)
				if not ok then T.fail(what .. ": " .. tostring(e)) end
				T.ok(msg:find(kind == "bytes" and "bytes" or "", 1, true), what)
				T.eq(prog:len(), 1, what .. ": len()")
			end
		end
		-- a missing trailing argument is nil too
		if #valid > 0 then
			local r, msg, err = call(prog, name, valid, #valid - 1)
			T.fails(EINVAL, "mapops." .. name .. ":", r, msg, err)
		end
		T.eq(prog:insns(), before, "insns() after all the refusals")
		-- the refusals were the binding's: the library's error text is untouched
		T.eq(prog:error(), "", "error() (no C call was made)")
	end)
end

T.test("hostile: extreme in-range integers reach C", function()
	local p = mapops.new()
	T.ok(p:jmp_imm(M.JEQ, 1, -2147483648, "L"))
	T.ok(p:jmp_imm(M.JEQ, 1, 2147483647, "L"))
	T.ok(p:jmp_imm(M.JEQ, 1, -0x80000000LL, "L"))  -- int64_t cdata in range
	T.ok(p:jmp_imm(M.JEQ, 1, 0x7fffffffULL, "L"))  -- uint64_t cdata in range
	T.ok(p:label("L"))
	T.ok(p:ld_imm64(1, 0xffffffffffffffffULL))
	T.ok(p:ld_imm64(1, 2 ^ 53 - 1))
	T.ok(p:ld_imm64(1, 0x7fffffffffffffffLL))
	T.ok(p:map_increment(3, -4, -16, -0x7fffffffffffffffLL - 1))
	T.ok(p:map_increment(3, -4, -16, -(2 ^ 53 - 1)))
	local bytes = assert(p:insns())
	-- ld_imm64 of all ones: imm -1 in both halves
	T.ok(T.hex(bytes):find("18010000ffffffff00000000ffffffff", 1, true),
	     "ld_imm64 0xffffffffffffffffULL encoding")
	-- out-of-range values inside the C type go to C, which refuses them
	T.fails(EINVAL, "mapops_alu64_imm", p:alu64_imm(M.ADD, 11, 0))
	T.fails(EINVAL, "mapops_alu64_imm", p:alu64_imm(M.ADD, -2147483648, 0))
	T.fails(E.EBADF, "mapops_map_lookup", p:map_lookup(-1, -8))
	T.fails(EINVAL, "flags", p:map_update(3, -8, -16, 0x100000000ULL))
	T.fails(EINVAL, nil, p:map_update(3, -8, -16, 0xffffffffffffffffULL))
end)

T.test("hostile: label names: empty, too long, non-ASCII, 255 bytes", function()
	local p = mapops.new()
	T.fails(EINVAL, "mapops_label", p:label(""))
	T.fails(EINVAL, "mapops_ja", p:ja(""))
	T.fails(E.ENAMETOOLONG, "mapops_label", p:label(string.rep("x", 256)))
	T.fails(E.ENAMETOOLONG, "mapops_ja", p:ja(string.rep("x", 256)))
	T.fails(E.ENAMETOOLONG, "mapops_label", p:label(string.rep("\195\169", 128))) -- 256 bytes
	T.eq(p:len(), 0, "len() after the refusals")
	local names = {
		string.rep("y", 255), "\195\169t\195\169", "\240\159\144\157", "\255\254\1\127",
		"a b\tc\n", "%s%n%p", "\"quoted\"",
	}
	for _, n in ipairs(names) do T.ok(p:ja(n)) end
	T.ok(p:exit())
	for _, n in ipairs(names) do T.ok(p:label(n)) end
	T.fails(E.EEXIST, "mapops_label", p:label(names[2]))
	T.ok(p:alu64_imm(M.MOV, 0, 0))
	T.ok(p:exit())
	local bytes, msg = p:insns()
	T.ok(bytes, "insns(): " .. tostring(msg))
	T.eq(#bytes, 8 * p:len(), "insns() length")
	-- an unbound non-ASCII label is named in the resolution error
	local q = mapops.new()
	T.ok(q:ja("\195\169"))
	T.fails(E.ENOENT, "\195\169", q:insns())
end)

T.test("hostile: use after close, double close, close on non-programs", function()
	local p = mapops.new()
	T.ok(p:exit())
	T.eq(p:close(), true, "first close()")
	T.fails(EINVAL, "closed", p:close())
	T.fails(EINVAL, "closed", p:close())
	for _, m in ipairs(METHODS) do
		T.fails(EINVAL, "mapops." .. m[1] .. ": the program is closed",
			call(p, m[1], m[3], #m[3]))
		-- bad arguments on a closed program: still nil, message, EINVAL
		T.fails(EINVAL, "closed", call(p, m[1], {}, 5))
	end
	for _, m in ipairs(OTHERS) do
		T.fails(EINVAL, "closed", call(p, m[1], m[2], #m[2]))
	end
	T.eq(#p, 0, "#prog after close")
	T.eq(tostring(p), "mapops.Program(closed)", "tostring")
	collectgarbage()
	collectgarbage()
	T.fails(EINVAL, "closed", p:len())
end)

T.test("hostile: methods called on things that are not programs", function()
	local others = { nil, 1, "prog", {}, true, mapops, ffi.new("int[1]"), newproxy(true) }
	for _, m in ipairs(METHODS) do
		for i = 1, 8 do
			T.fails(EINVAL, "not a mapops program", call(others[i], m[1], m[3], #m[3]))
		end
	end
	for _, m in ipairs(OTHERS) do
		for i = 1, 8 do
			T.fails(EINVAL, "not a mapops program", call(others[i], m[1], m[2], #m[2]))
		end
	end
	for i = 1, 8 do
		T.fails(EINVAL, "not a mapops program", call(others[i], "close", {}, 0))
	end
	-- a method called with "." instead of ":"
	local p = mapops.new()
	T.fails(EINVAL, "not a mapops program", p.exit())
	T.fails(EINVAL, "not a mapops program", p.map_lookup(3, -8))
	T.eq(p:len(), 0, "len()")
end)

T.test("hostile: load() with wrong prog_type and options", function()
	local p = mapops.new()
	T.ok(p:alu64_imm(M.MOV, 0, 0))
	T.ok(p:exit())
	local bad_types = { nil, "xdp", 1.5, -1, 2 ^ 32, 0 / 0, {}, true }
	for i = 1, #bad_types + 1 do
		T.fails(EINVAL, "mapops.load: prog_type", p:load(bad_types[i]))
	end
	local bad_opts = {
		"GPL", 5, true, print,
		{ bogus = 1 }, { [1] = "GPL" }, { Name = "x" },
		{ name = 5 }, { name = "a\0b" }, { license = {} }, { license = "GPL\0" },
		{ log_level = -1 }, { log_level = 2 ^ 32 }, { log_level = 0.5 },
		{ log_level = "1" }, { prog_flags = -1 }, { kern_version = 1e20 },
		{ expected_attach_type = 0 / 0 }, { prog_ifindex = {} },
		{ log_size = 100 }, { log_buf = "x" }, { sz = 8 },
	}
	for _, o in ipairs(bad_opts) do
		local r, msg, err = p:load(mapops.PROG_TYPE_SOCKET_FILTER, o)
		T.fails(EINVAL, "mapops.load: opts", r, msg, err)
	end
	T.eq(p:error(), "", "error(): no C call was made")
	T.eq(p:len(), 2, "len()")
end)

T.test("hostile: emit() raw bytes: empty, odd lengths, an open ld_imm64", function()
	local p = mapops.new()
	T.eq(p:emit(""), true, "emit of nothing")
	T.eq(p:len(), 0, "len()")
	T.fails(EINVAL, "whole 8-byte slots", p:emit(string.rep("\0", 12)))
	-- a register field above r10 is the library's refusal
	T.fails(EINVAL, "mapops_emit", p:emit("\183\11\0\0\0\0\0\0"))
	-- the first half of an ld_imm64, then a builder call: refused by C
	T.ok(p:emit("\24\1\0\0\1\0\0\0"))
	T.fails(EINVAL, "ld_imm64", p:exit())
	T.fails(EINVAL, "ld_imm64", p:insns())
	T.ok(p:emit(string.rep("\0", 8)))
	T.ok(p:exit())
	T.eq(T.hex(assert(p:insns())), "18010000010000000000000000000000" .. "9500000000000000", "insns()")
	-- a large emit
	local big = string.rep(MOV_R0_0, 100000)
	T.ok(p:emit(big))
	T.eq(p:len(), 100003, "len() after a 100000-slot emit")
end)

T.test("hostile: the program limit gives E2BIG, not a crash", function()
	local p = mapops.new()
	T.ok(p:emit(string.rep(MOV_R0_0, mapops.MAX_INSNS - 1)))
	T.fails(E.E2BIG, "mapops_ld_imm64", p:ld_imm64(1, 1))
	T.ok(p:exit())
	T.fails(E.E2BIG, nil, p:exit())
	T.eq(#p, mapops.MAX_INSNS, "#prog")
	T.eq(#assert(p:insns()), 8 * mapops.MAX_INSNS, "insns() length")
	T.ok(p:close())
end)

T.test("hostile: many programs collected by the GC, some closed first", function()
	for i = 1, 2000 do
		local p = mapops.new()
		p:map_lookup(3, -8)
		p:label("l" .. i)
		if i % 2 == 0 then p:close() end
		if i % 3 == 0 then p:close() end -- double close for some
	end
	collectgarbage()
	collectgarbage()
	local keep = {}
	for i = 1, 100 do keep[i] = mapops.new(); keep[i]:exit() end
	collectgarbage()
	for i = 1, 100 do T.eq(#keep[i], 1, "a live program survives the GC") end
end)

T.test("hostile: the success values and __len, __tostring", function()
	local p = mapops.new()
	T.eq(tostring(p), "mapops.Program(0 slots)", "tostring")
	T.eq(p:len(), 0, "len() of an empty program")
	T.eq(p:insns(), "", "insns() of an empty program")
	T.eq(p:error(), "", "error() with no failure")
	T.eq(p:ld_imm64(2, 0x0123456789abcdefULL), true, "ld_imm64 returns true")
	T.eq(#p, 2, "#prog")
	T.eq(tostring(p), "mapops.Program(2 slots)", "tostring")
	T.eq(getmetatable(p), "mapops.Program", "the metatable is protected")
	T.eq(p.no_such_method, nil, "unknown method")
end)

T.test("hostile: set_tag, insn_origin, dump accept their valid arguments", function()
	local p = mapops.new()
	T.eq(call(p, "set_tag", { "T" }, 1), true, "set_tag(\"T\")")
	T.eq(call(p, "set_tag", { nil }, 1), true, "set_tag(nil)")
	T.eq(call(p, "set_tag", {}, 0), true, "set_tag()")
	T.eq(call(p, "set_tag", { "" }, 1), true, "set_tag(\"\")")
	T.eq(call(p, "set_tag", { string.rep("\255", mapops.TAG_MAX) }, 1), true, "set_tag(255 bytes)")
	T.eq(p:len(), 0, "set_tag emits nothing")
	T.ok(p:exit())
	local c, i, t = call(p, "insn_origin", { 0 }, 1)
	T.eq(c, "mapops_exit", "insn_origin call")
	T.eq(i, 1, "insn_origin call_index")
	T.eq(t, string.rep("\255", 255), "insn_origin tag")
	T.eq(call(p, "dump", {}, 0), '   ; mapops_exit #1 ("' .. string.rep("\255", 255) .. '")\n   0: exit\n', "dump()")
	-- extra arguments are ignored, as by every method
	T.eq(call(p, "dump", { 1, 2, 3 }, 3), p:dump(), "dump(1, 2, 3)")
	T.eq(mapops.insn_snprint(MOV_R0_0, 0), "r0 = 0", "insn_snprint")
end)

for _, m in ipairs(QUERIES) do
	local name, kinds, valid = m[1], m[2], m[3]
	T.test("hostile: " .. name .. " refuses wrong arguments with EINVAL, changing nothing", function()
		local prog = mapops.new()
		T.ok(prog:set_tag("before"))
		T.ok(prog:exit())
		local before, dump = prog:insns(), prog:dump()
		for i, kind in ipairs(kinds) do
			for _, b in ipairs(all_bad(kind)) do
				local what = string.format("%s argument %d (%s) = %s", name, i, kind, b[1])
				local r, msg, err = call(prog, name, args_with(valid, i, b[2]), #valid)
				local ok, e = pcall(T.fails, EINVAL, "mapops." .. name .. ": " .. (kind == "size" and "slot" or "tag"), r, msg, err)
				if not ok then T.fail(what .. ": " .. tostring(e)) end
				T.eq(prog:len(), 1, what .. ": len()")
			end
		end
		T.eq(prog:insns(), before, "insns() after all the refusals")
		T.eq(prog:dump(), dump, "dump() after all the refusals (the tag is kept)")
		T.eq(select(3, prog:insn_origin(0)), "before", "the tag")
		T.eq(prog:error(), "", "error() (no C call was made)")
	end)
end

T.test("hostile: insn_origin slots out of range, extreme but valid", function()
	local p = mapops.new()
	for _, slot in ipairs { 0, 1, 2 ^ 32, 2 ^ 53 - 1, 0x7fffffffffffffffLL,
				0xffffffffffffffffULL, 0x100000000ULL } do
		T.fails(E.ERANGE, "mapops_prog_insn_origin: slot", call(p, "insn_origin", { slot }, 1))
	end
	T.ok(p:exit())
	T.fails(E.ERANGE, "(1 slots)", p:insn_origin(1))
	T.eq(p:error(), "", "error(): insn_origin leaves it alone")
	-- a tag that is refused by C changes nothing
	T.ok(p:set_tag("kept"))
	T.fails(E.ENAMETOOLONG, "mapops_prog_set_tag", p:set_tag(string.rep("x", 256)))
	T.fails(E.ENAMETOOLONG, "mapops_prog_set_tag", p:set_tag(string.rep("x", 100000)))
	T.ok(p:exit())
	T.eq(select(3, p:insn_origin(1)), "kept", "the tag after the refusals")
end)

T.test("hostile: insn_snprint refuses wrong arguments with EINVAL, never raises", function()
	local function snprint(n, ...)
		local args = { ... }
		local r = { pcall(function() return mapops.insn_snprint(unpack(args, 1, n)) end) }
		if not r[1] then T.fail("insn_snprint raised an error: " .. tostring(r[2])) end
		return unpack(r, 2, 4)
	end
	for _, b in ipairs(all_bad("bytes")) do
		T.fails(EINVAL, "mapops.insn_snprint: bytes", snprint(2, b[2], 0))
	end
	for _, b in ipairs(all_bad("size")) do
		T.fails(EINVAL, "mapops.insn_snprint: slot", snprint(2, MOV_R0_0, b[2]))
	end
	T.fails(EINVAL, "mapops.insn_snprint: bytes", snprint(0))
	T.fails(EINVAL, "mapops.insn_snprint: slot", snprint(1, MOV_R0_0))
	-- in range for size_t, past the bytes: C refuses
	for _, slot in ipairs { 1, 2 ^ 53 - 1, 0xffffffffffffffffULL } do
		T.fails(EINVAL, "mapops_insn_snprint: slot", snprint(2, MOV_R0_0, slot))
	end
	T.fails(EINVAL, "of 0", snprint(2, "", 0))
	-- any bytes print as something: every first byte, junk in the rest
	local all = {}
	for c = 0, 255 do
		all[#all + 1] = string.char(c) .. "\255\255\255\255\255\255\255"
	end
	local bytes = table.concat(all)
	for slot = 0, 255 do
		local text, msg = snprint(2, bytes, slot)
		T.ok(type(text) == "string" and text ~= "", "slot " .. slot .. ": " .. tostring(msg))
	end
	local text = snprint(2, "\24\1\0\0\1\0\0\0", 0)
	T.ok(text:find("^invalid insn code 0x18"), "a lone half ld_imm64: " .. T.fmt(text))
	-- a 100000-slot string is fine
	T.eq(snprint(2, string.rep(MOV_R0_0, 100000), 99999), "r0 = 0", "the last of 100000 slots")
	-- it is a function of the module, not a method: a program is no bytes
	T.fails(EINVAL, "mapops.insn_snprint: bytes", snprint(2, mapops.new(), 0))
	T.eq(mapops.new().insn_snprint, nil, "no insn_snprint method")
end)

T.test("hostile: dump() of hostile programs (odd names, half ld_imm64, closed)", function()
	local p = mapops.new()
	T.ok(p:set_tag("%s%n%p"))
	T.ok(p:label("%n%n%n"))
	T.ok(p:exit())
	T.eq(p:dump(), '%n%n%n:\n   ; mapops_exit #1 ("%s%n%p")\n   0: exit\n', "format strings are text")
	T.ok(p:emit("\24\1\0\0\1\0\0\0"))
	T.fails(EINVAL, "ld_imm64", p:dump())
	T.ok(p:emit(string.rep("\0", 8)))
	T.ok(p:dump():find("r1 = 0x1\n", 1, true), "dump() after completing the ld_imm64")
	T.ok(p:close())
	T.fails(EINVAL, "mapops.dump: the program is closed", p:dump())
	T.fails(EINVAL, "mapops.set_tag: the program is closed", p:set_tag("x"))
	T.fails(EINVAL, "mapops.insn_origin: the program is closed", p:insn_origin(0))
	-- many dumps: no leak of FILE or buffer is visible, but nothing breaks
	local q = mapops.new()
	T.ok(q:exit())
	for _ = 1, 5000 do assert(q:dump()) end
end)
