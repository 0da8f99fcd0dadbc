-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- The shared vectors (tests/vectors/*.json, format in tests/vectors/README.md)
-- run through the LuaJIT binding, one test per case; and the binding's
-- constants compared with the C headers.

local ffi = require "ffi"
local cjson = require "cjson"
local mapops = require "mapops"
local API = require "mapops._api"
local T = require "testlib"

local VECTORS = os.getenv("MAPOPS_VECTORS")

-- The calls a vector may make: the builders of the description (the C
-- names without "mapops_") and bind_map (mapops_prog_bind_map), their
-- 64-bit parameters by position after the handle, from mapops/_api.lua,
-- and which parameters are map operands (they take {"map_ref": NAME}).
local CALLS, WIDE, BYTES, MAPS = {}, {}, {}, {}
for _, f in ipairs(API.FUNCTIONS) do
	if f.name == "mapops_prog_bind_map" then
		CALLS.bind_map = true
		MAPS.bind_map = { [2] = true }
	end
	if f.builder then
		CALLS[f.short] = true
		for i, prm in ipairs(f.params) do
			if prm.kind == "map" then
				MAPS[f.short] = MAPS[f.short] or {}
				MAPS[f.short][i] = true
			end
			if prm.check == "u64" or prm.check == "s64" then
				WIDE[f.short] = WIDE[f.short] or {}
				WIDE[f.short][i] = prm.check
			elseif prm.check == "bytes" then
				BYTES[f.short] = BYTES[f.short] or {}
				BYTES[f.short][i] = true
			end
		end
	end
end

local u64_t, s64_t = ffi.typeof("uint64_t"), ffi.typeof("int64_t")

-- Parses "123", "-0x1f", ... into the two's-complement bits as uint64_t.
local function parse_int(text)
	local sign, body = tostring(text):match("^(%-?)(.+)$")
	if not body then error("bad integer text " .. T.fmt(text)) end
	local base, digits = 10, body
	if body:match("^0[xX]") then base, digits = 16, body:sub(3) end
	if digits == "" or digits:find(base == 16 and "[^%x]" or "[^%d]") then
		error("bad integer text " .. T.fmt(text))
	end
	local v, max = u64_t(0), u64_t(0xffffffffffffffffULL)
	for c in digits:gmatch(".") do
		local d = tonumber(c, 16)
		if v > (max - d) / base then error("integer text out of range " .. T.fmt(text)) end
		v = v * base + d
	end
	if sign == "-" then
		if v > 0x8000000000000000ULL then error("integer text out of range " .. T.fmt(text)) end
		v = -v
	end
	return v, sign == "-"
end

-- Converts one JSON argument of call `name` at position i as C would pass it.
local function convert_arg(name, i, a)
	local wide = WIDE[name] and WIDE[name][i]
	if type(a) == "table" and a.int ~= nil then
		local bits, negative = parse_int(a.int)
		if wide == "u64" then return u64_t(bits) end
		if wide == "s64" or negative then return ffi.cast(s64_t, bits) end
		return bits
	end
	if type(a) == "number" and wide and a % 1 == 0 then
		-- A JSON number outside the parameter's range wraps as in C.
		if wide == "u64" and a < 0 then return ffi.cast(u64_t, s64_t(a)) end
		if wide == "s64" and a >= 2 ^ 63 then return ffi.cast(s64_t, u64_t(a)) end
	end
	return a
end

local function emit_bytes(slots)
	if type(slots) ~= "table" then error("emit takes a list of hex slots") end
	local parts = {}
	for i, h in ipairs(slots) do
		if type(h) ~= "string" or #h ~= 16 or h:find("[^%x]") then
			error("emit slot " .. i .. " is not 16 hex digits: " .. T.fmt(h))
		end
		parts[i] = T.unhex(h)
	end
	return table.concat(parts)
end

local function do_call(prog, call)
	if type(call) ~= "table" or type(call[1]) ~= "string" then
		error("a call must be a list starting with a name, got " .. T.fmt(call))
	end
	local name = call[1]
	if not CALLS[name] then error("unknown call " .. T.fmt(name)) end
	local args = {}
	local n = #call - 1
	for i = 1, n do
		local a = call[i + 1]
		if type(a) == "table" and a.map_ref ~= nil then
			-- {"map_ref": NAME}: the operand, taken just before the call
			if not (MAPS[name] and MAPS[name][i]) then
				error(string.format("argument %d of %s is {map_ref}, but only a map operand takes it", i, name))
			end
			if type(a.map_ref) ~= "string" or next(a, "map_ref") ~= nil or next(a) ~= "map_ref" then
				error("not {\"map_ref\": \"NAME\"}: " .. T.fmt(a))
			end
			local op, msg = prog:map_ref(a.map_ref)
			if not op then error("map_ref(" .. T.fmt(a.map_ref) .. ") failed: " .. T.fmt(msg)) end
			a = op
		elseif BYTES[name] and BYTES[name][i] then a = emit_bytes(a) else a = convert_arg(name, i, a) end
		args[i] = a
	end
	return prog[name](prog, unpack(args, 1, n))
end

local function describe_call(call)
	local parts = {}
	for i = 2, #call do
		local a = call[i]
		if type(a) == "table" then
			a = a.int and ("{int " .. a.int .. "}") or
				a.map_ref and ("{map_ref " .. tostring(a.map_ref) .. "}") or "[...]"
		end
		parts[#parts + 1] = tostring(a)
	end
	return string.format("%s(%s)", tostring(call[1]), table.concat(parts, ", "))
end

local function want_insns(case)
	local parts = {}
	for i, h in ipairs(case.insns) do
		if type(h) ~= "string" or #h ~= 16 then
			error("insns[" .. i .. "] is not 16 hex digits: " .. T.fmt(h))
		end
		parts[i] = h:lower()
	end
	return table.concat(parts, " ")
end

local function slots_hex(bytes)
	local parts = {}
	for i = 1, #bytes, 8 do parts[#parts + 1] = T.hex(bytes:sub(i, i + 7)) end
	return table.concat(parts, " ")
end

local function errno_of(spec, field)
	local e = T.errno[spec.errno]
	if not e then error(field .. ": unknown errno name " .. T.fmt(spec.errno)) end
	return e
end

local function run_case(case)
	local prog = assert(mapops.new())
	local calls = case.calls
	T.ok(type(calls) == "table", "case has no calls list")
	local last = #calls
	if case.error then
		T.ok(last >= 1, "an error case needs at least one call")
		last = last - 1
	end
	for i = 1, last do
		local ok, msg, err = do_call(prog, calls[i])
		if ok ~= true then
			T.fail(string.format("call %d %s failed: %s (errno %s)", i,
					     describe_call(calls[i]), T.fmt(msg), tostring(err)))
		end
	end

	if case.error then
		local want_errno = errno_of(case.error, "error")
		local before, bmsg, berr = prog:insns()
		local len_before = prog:len()
		local call = calls[#calls]
		local ok, msg, err = do_call(prog, call)
		T.ok(ok == nil, string.format("last call %s succeeded, expected %s",
					       describe_call(call), case.error.errno))
		T.fails(want_errno, case.error.message, ok, msg, err)
		-- the message is the library's text after the caller's line
		T.eq((msg:gsub("^[^\n]-%.lua:%d+: ", "", 1)), prog:error(), "error() after the failed call")
		T.ok(msg:find("^[^\n]-test_vectors%.lua:%d+: "), "the message starts with the caller's line: " .. T.fmt(msg))
		T.eq(prog:len(), len_before, "len() after the failed call")
		local after, amsg, aerr = prog:insns()
		if before then
			T.ok(after, "insns() fails after the failed call: " .. T.fmt(amsg))
			T.eq(slots_hex(after), slots_hex(before), "insns() after the failed call (vs before)")
		else
			T.ok(not after, "insns() failed before the failed call (" .. T.fmt(bmsg) ..
			     ") but succeeds after it")
			T.eq(aerr, berr, "insns() errno before and after the failed call")
		end
		if case.insns then
			T.ok(after, "insns() fails: " .. T.fmt(amsg))
			T.eq(slots_hex(after), want_insns(case), "insns()")
		end
	elseif case.resolve_error then
		local want_errno = errno_of(case.resolve_error, "resolve_error")
		local len_before = prog:len()
		T.fails(want_errno, case.resolve_error.message, prog:insns())
		T.eq(prog:len(), len_before, "len() after the failed resolution")
		-- a failed resolution changes nothing: it fails the same way again
		T.fails(want_errno, case.resolve_error.message, prog:insns())
	else
		T.ok(case.insns, "case has neither insns nor error nor resolve_error")
		local got, msg, err = prog:insns()
		T.ok(got, string.format("insns() failed: %s (errno %s)", T.fmt(msg), tostring(err)))
		T.eq(slots_hex(got), want_insns(case), "insns()")
		T.eq(prog:len(), #case.insns, "len()")
		T.eq(#prog, #case.insns, "#prog")
	end
	T.ok(prog:close(), "close()")
end

-- Register one test per case, reading the directory now.
local total = 0
local problem
if not VECTORS or VECTORS == "" then
	problem = "MAPOPS_VECTORS is not set"
else
	local names, err = T.listdir(VECTORS)
	if not names then
		problem = err
	else
		for _, file in ipairs(names) do
			if file:match("%.json$") then
				local path = VECTORS .. "/" .. file
				local text, rerr = T.readfile(path)
				local ok, doc = false, rerr
				if text then ok, doc = pcall(cjson.decode, text) end
				if not ok or type(doc) ~= "table" or type(doc.cases) ~= "table" then
					T.test("vectors " .. file, function()
						T.fail("cannot read the cases: " .. tostring(doc))
					end)
				else
					local seen = {}
					for i, case in ipairs(doc.cases) do
						local name = type(case) == "table" and case.name or ("case " .. i)
						local label = string.format("vectors %s: %s", file, tostring(name))
						if seen[name] then label = label .. " (#" .. i .. ")" end
						seen[name] = true
						total = total + 1
						T.test(label, function() run_case(case) end)
					end
				end
			end
		end
	end
end

T.test("vectors: at least one case was found", function()
	T.ok(not problem, problem)
	T.ok(total > 0, "no vector cases found in " .. tostring(VECTORS))
end)

-- The constants against the C headers: compile a program printing them.
T.test("constants equal the values in <linux/bpf.h> and <mapops/mapops.h>", function(t)
	local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
	local include = here .. "/../../include"
	local names = {}
	local lines = { "#include <stddef.h>", "#include <stdio.h>", "#include <linux/bpf.h>" }
	for _, h in ipairs(API.CONSTANT_HEADERS) do lines[#lines + 1] = "#include <" .. h .. ">" end
	lines[#lines + 1] = "#include <mapops/mapops.h>"
	lines[#lines + 1] = "int main(void) {"
	local function add(lua_name, c_expr)
		names[#names + 1] = lua_name
		lines[#lines + 1] = string.format('printf("%s %%lld\\n", (long long)(%s));', lua_name, c_expr)
	end
	-- every constant of the description, by its C expression
	for _, c in ipairs(API.CONSTANTS) do add(c[1], c[3]) end
	T.ok(#names > 60, "constants in mapops/_api.lua: " .. #names)
	lines[#lines + 1] = "return 0; }"
	local src, exe = os.tmpname(), os.tmpname()
	t.defer(function() os.remove(src); os.remove(src .. ".c"); os.remove(exe) end)
	local f = assert(io.open(src .. ".c", "w"))
	f:write(table.concat(lines, "\n"), "\n")
	f:close()
	local cc = os.getenv("CC") or "cc"
	local out, ok = T.sh(string.format("command -v %s >/dev/null", cc))
	if not ok then T.skip("no C compiler (" .. cc .. ") to read the headers with") end
	out, ok = T.sh(string.format("%s -I%s -o %s %s", cc, T.shquote(include),
				     T.shquote(exe), T.shquote(src .. ".c")))
	if not ok then T.fail("compiling the constants program failed:\n" .. out) end
	out, ok = T.sh(T.shquote(exe))
	if not ok then T.fail("running the constants program failed:\n" .. out) end
	local got = {}
	for line in out:gmatch("[^\n]+") do
		local n, v = line:match("^(%S+) (%-?%d+)$")
		if n then got[n] = tonumber(v) end
	end
	for _, n in ipairs(names) do
		T.eq(mapops[n], got[n], "mapops." .. n)
	end
	T.eq(mapops.LOAD_LOG_SIZE, 16 * 1024 * 1024, "mapops.LOAD_LOG_SIZE")
end)
