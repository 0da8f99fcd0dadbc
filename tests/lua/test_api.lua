-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- The binding against the C header: the ffi.cdef of mapops/_api.lua (what
-- the binding declares) against include/mapops/mapops.h's declarations,
-- every described function reachable from Lua (builders as methods), and
-- the version against meson.build.

local ffi = require "ffi"
local mapops = require "mapops"
local API = require "mapops._api"
local T = require "testlib"

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local TOP = here .. "/../.."
local HEADER = TOP .. "/include/mapops/mapops.h"

-- "const char*  x" -> "const char * x"
local function norm(s)
	return (s:gsub("%*", " * "):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- { name = { ret = type, params = { { type, name }, ... } } } of the
-- declarations "RET mapops_x(PARAMS);" in text, each after prefix.
local function prototypes(text, prefix)
	text = text:gsub("/%*.-%*/", " ")
	local out, order = {}, {}
	for ret, name, params in text:gmatch(prefix .. "([^;(]-)%f[%w_](mapops_[%w_]+)%s*%(([^)]*)%)%s*;") do
		local ps = {}
		for p in params:gmatch("[^,]+") do
			p = norm(p)
			if p ~= "void" then
				local ptype, pname = p:match("^(.-) ([%w_]+)$")
				ps[#ps + 1] = { ptype or p, pname }
			end
		end
		if out[name] then error("declared twice: " .. name) end
		out[name] = { ret = norm(ret), params = ps }
		order[#order + 1] = name
	end
	return out, order
end

-- The header's types as the cdef spells them (LuaJIT knows <stdint.h>'s
-- names, not the kernel's; FILE stays opaque; enum bpf_prog_type has only
-- non-negative values, so the C compiler makes it an unsigned int).
local CDEF_SPELLING = {
	["__s32"] = "int32_t", ["__u32"] = "uint32_t",
	["__s64"] = "int64_t", ["__u64"] = "uint64_t",
	["FILE *"] = "void *", ["enum bpf_prog_type"] = "unsigned int",
}

local function spelled(t)
	return CDEF_SPELLING[t] or t
end

T.test("api: the cdef declares every header function exactly as the header does", function()
	local text = T.readfile(HEADER)
	if not text then T.skip("no " .. HEADER) end
	local header, order = prototypes(text, "MAPOPS_API%s+")
	local cdef = prototypes(API.CDEF, "%f[^\n%z]")
	T.ok(#order > 30, "header functions found: " .. #order)
	for _, name in ipairs(order) do
		local h, c = header[name], cdef[name]
		if not c then T.fail(name .. " is in the header but not in the binding's cdef (mapops/_api.lua)") end
		T.eq(c.ret, spelled(h.ret), name .. ": result type")
		T.eq(#c.params, #h.params, name .. ": number of parameters")
		for i, hp in ipairs(h.params) do
			T.eq(c.params[i][1], spelled(hp[1]), name .. ": type of parameter " .. i)
			T.eq(c.params[i][2], hp[2], name .. ": name of parameter " .. i)
		end
	end
	for name in pairs(cdef) do
		T.ok(header[name], name .. " is in the binding's cdef but not in the header")
	end
end)

T.test("api: the description's table and the cdef agree", function()
	local cdef = prototypes(API.CDEF, "%f[^\n%z]")
	local seen = {}
	for _, f in ipairs(API.FUNCTIONS) do
		local c = cdef[f.name]
		T.ok(c, f.name .. " is described but not declared")
		T.eq(#c.params, #f.args, f.name .. ": number of parameters")
		for i, a in ipairs(f.args) do
			T.eq(c.params[i][2], a.name, f.name .. ": parameter " .. i)
			T.eq(c.params[i][1], spelled(norm(a.ctype)), f.name .. ": type of " .. a.name)
		end
		seen[f.name] = true
	end
	for name in pairs(cdef) do T.ok(seen[name], name .. " is declared but not described") end
end)

-- The Lua side of each function that is not a builder (written by hand in
-- mapops.lua): a new one fails the next test until it is wrapped and
-- listed here.
local NOT_BUILDERS = {
	mapops_prog_new = { mapops, "new" },
	mapops_prog_free = { "method", "close" },
	mapops_prog_len = { "method", "len" },
	mapops_prog_insns = { "method", "insns" },
	mapops_prog_error = { "method", "error" },
	mapops_prog_load = { "method", "load" },
	mapops_prog_set_tag = { "method", "set_tag" },
	mapops_prog_insn_origin = { "method", "insn_origin" },
	mapops_prog_dump = { "method", "dump" }, -- its text, through mapops_prog_dump_text
	mapops_prog_dump_text = { "method", "dump" },
	mapops_insn_snprint = { mapops, "insn_snprint" },
	mapops_prog_func_info = { "method", "func_info" },
	mapops_prog_allow_v4 = { "method", "allow_v4" },
	mapops_map_reg = { mapops, "map_reg" },
	mapops_map_ref = { "method", "map_ref" },
	mapops_prog_bind_map = { "method", "bind_map" },
}

T.test("api: every described function is in the library and reachable from Lua", function()
	local C = ffi.load(os.getenv("MAPOPS_LIBRARY") or "libmapops.so.1")
	local p = mapops.new()
	local builders = 0
	for _, f in ipairs(API.FUNCTIONS) do
		local ok, err = pcall(function() return C[f.name] end)
		T.ok(ok, f.name .. ": not in the library: " .. tostring(err))
		if f.builder then
			builders = builders + 1
			T.eq(type(p[f.short]), "function", f.name .. ": the method prog:" .. f.short)
			T.ok(f.params, f.name .. ": its Lua parameters")
		else
			local where = NOT_BUILDERS[f.name]
			T.ok(where, f.name .. " is not a builder and has no hand-written Lua function: " ..
				    "wrap it in bindings/lua/mapops.lua and list it in tests/lua/test_api.lua")
			local fn = where[1] == "method" and p[where[2]] or where[1][where[2]]
			T.eq(type(fn), "function", f.name .. ": " .. where[2])
		end
	end
	T.ok(builders > 20, "builders: " .. builders)
	for name in pairs(NOT_BUILDERS) do
		local described = false
		for _, f in ipairs(API.FUNCTIONS) do described = described or f.name == name end
		T.ok(described, name .. " is listed as hand-written but not described")
	end
end)

T.test("api: mapops.VERSION is meson.build's version", function()
	local text = T.readfile(TOP .. "/meson.build")
	if not text then T.skip("no meson.build") end
	local version = text:match("\n%s*version:%s*'([^']+)'")
	T.eq(mapops.VERSION, version, "mapops.VERSION")
	T.eq(API.VERSION, version, "API.VERSION")
end)
