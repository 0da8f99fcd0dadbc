-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- Provenance and printing through the binding: prog:set_tag(),
-- prog:insn_origin(), prog:dump() and mapops.insn_snprint().  No kernel
-- needed (the load refusal's origin line is in test_kernel.lua).

local mapops = require "mapops"
local T = require "testlib"

local M = mapops
local E = T.errno

local function check(...)
	return T.succeeds(false, ...)
end

-- Checks a successful insn_origin(): exactly three values.
local function origin_is(p, slot, call, index, tag)
	local n = select("#", p:insn_origin(slot))
	local c, i, t = p:insn_origin(slot)
	local what = "insn_origin(" .. tostring(slot) .. ")"
	T.eq(c, call, what .. " call")
	T.eq(i, index, what .. " call_index")
	T.eq(t, tag, what .. " tag")
	T.eq(n, 3, what .. ": number of values")
end

-- The tiny program of the dump test: a tag, a forward jump to a label, an
-- untagged ld_imm64 (two slots), the label, exit.
local function tiny()
	local p = assert(mapops.new())
	check(p:set_tag("tiny"))
	check(p:alu64_imm(M.MOV, M.R0, 0))
	check(p:jmp_imm(M.JEQ, M.R1, 0, "out"))
	check(p:set_tag(nil))
	check(p:ld_imm64(M.R2, 5))
	check(p:label("out"))
	check(p:exit())
	return p
end

-- What mapops_prog_dump() prints for tiny() (the instruction lines are
-- those of `mapops-dump` for the same bytes; the whole text is the Python
-- binding's Program.dump() of the same program).
local TINY_DUMP = table.concat({
	'   ; mapops_alu64_imm #1 ("tiny")',
	"   0: r0 = 0",
	'   ; mapops_jmp_imm #1 ("tiny")',
	"   1: if r1 == 0x0 goto pc+2",
	"   ; mapops_ld_imm64 #1",
	"   2: r2 = 0x5",
	"out:",
	"   ; mapops_exit #1",
	"   4: exit",
	"",
}, "\n")

local TINY_HEX = "b700000000000000" .. "1501020000000000" ..
	"1802000005000000" .. "0000000000000000" .. "9500000000000000"

T.test("provenance: set_tag and insn_origin of each slot, call numbers", function()
	local p = assert(mapops.new())
	T.eq(p:set_tag("ingress counter"), true, "set_tag returns true")
	check(p:st_mem(M.W, M.R10, -4, 7))                -- slot 0
	check(p:map_lookup(3, -4))                        -- slots 1..5
	T.eq(p:set_tag("second"), true, "set_tag again")
	check(p:label("here"))                            -- emits nothing: not counted
	check(p:map_lookup(3, -4))                        -- slots 6..10
	T.eq(p:set_tag(nil), true, "set_tag(nil)")
	check(p:ld_imm64(M.R1, 0x123456789ULL))           -- slots 11, 12
	T.eq(p:set_tag(), true, "set_tag() (nil) again")
	check(p:exit())                                   -- slot 13
	T.eq(p:len(), 14, "len()")
	origin_is(p, 0, "mapops_st_mem", 1, "ingress counter")
	for s = 1, 5 do origin_is(p, s, "mapops_map_lookup", 1, "ingress counter") end
	for s = 6, 10 do origin_is(p, s, "mapops_map_lookup", 2, "second") end
	origin_is(p, 11, "mapops_ld_imm64", 1, nil)
	origin_is(p, 12, "mapops_ld_imm64", 1, nil)      -- the pair's second slot
	origin_is(p, 13, "mapops_exit", 1, nil)
	-- slots as int64_t / uint64_t cdata
	origin_is(p, 13ULL, "mapops_exit", 1, nil)
	origin_is(p, 6LL, "mapops_map_lookup", 2, "second")
	-- set_tag and insn_origin touch neither the slots nor the error text
	T.eq(p:len(), 14, "len() after the queries")
	T.eq(p:error(), "", "error()")
end)

T.test("provenance: insn_origin past the end is ERANGE with the binding's message", function()
	local p = assert(mapops.new())
	local msg = T.fails(E.ERANGE, "mapops_prog_insn_origin: slot 0", p:insn_origin(0))
	T.ok(msg:find("(0 slots)", 1, true), "message gives the length: " .. T.fmt(msg))
	check(p:exit())
	origin_is(p, 0, "mapops_exit", 1, nil)
	T.fails(E.ERANGE, "slot 1 is past the end of the program (1 slots)", p:insn_origin(1))
	T.fails(E.ERANGE, "slot 9007199254740991", p:insn_origin(2 ^ 53 - 1))
	T.fails(E.ERANGE, "slot 18446744073709551615", p:insn_origin(0xffffffffffffffffULL))
	-- the C function leaves the program's error text alone
	T.eq(p:error(), "", "error() after ERANGE")
	T.fails(E.ENAMETOOLONG, "mapops_prog_set_tag", p:set_tag(string.rep("x", 300)))
	local before = p:error()
	T.fails(E.ERANGE, nil, p:insn_origin(5))
	T.eq(p:error(), before, "error() keeps the last failure's text")
end)

T.test("provenance: set_tag refusals (ENAMETOOLONG) keep the previous tag", function()
	local p = assert(mapops.new())
	check(p:set_tag(string.rep("t", mapops.TAG_MAX)))          -- 255 bytes: fine
	check(p:exit())
	origin_is(p, 0, "mapops_exit", 1, string.rep("t", 255))
	check(p:set_tag("kept"))
	T.fails(E.ENAMETOOLONG, "mapops_prog_set_tag", p:set_tag(string.rep("t", 256)))
	T.fails(E.ENAMETOOLONG, "longer than 255 bytes", p:set_tag(string.rep("\195\169", 128)))
	check(p:exit())
	origin_is(p, 1, "mapops_exit", 2, "kept")
	-- any bytes but NUL: empty, non-ASCII, control characters
	check(p:set_tag(""))
	check(p:exit())
	origin_is(p, 2, "mapops_exit", 3, "")
	check(p:set_tag("\195\169t\195\169 \1\n\"\\"))
	check(p:exit())
	origin_is(p, 3, "mapops_exit", 4, "\195\169t\195\169 \1\n\"\\")
	T.eq(p:len(), 4, "len()")
end)

T.test("provenance: dump() of a tiny program with a label and a tag (exact text)", function()
	local p = tiny()
	T.eq(T.hex(assert(p:insns())), TINY_HEX, "insns()")
	local text, msg = p:dump()
	T.ok(text, "dump(): " .. tostring(msg))
	T.eq(text, TINY_DUMP, "dump()")
	T.eq(p:dump(), TINY_DUMP, "dump() again (it changes nothing)")
	T.eq(p:len(), 5, "len()")
	T.eq(p:error(), "", "error()")
	T.eq(select("#", p:dump()), 1, "dump() returns one value")
end)

T.test("provenance: dump() of an empty program, labels at the end, escapes", function()
	T.eq(assert(mapops.new()):dump(), "", "dump() of an empty program")
	local p = assert(mapops.new())
	check(p:label("start"))
	check(p:set_tag('t"\n\\\1'))
	check(p:ja("l\nx\\y\127"))
	check(p:label("l\nx\\y\127"))
	check(p:exit())
	check(p:label("end"))          -- bound after the last slot: printed last
	T.eq(p:dump(), table.concat({
		"start:",
		'   ; mapops_ja #1 ("t\\"\\x0a\\\\\\x01")',
		"   0: goto pc+0",
		"l\\x0ax\\\\y\\x7f:",
		'   ; mapops_exit #1 ("t\\"\\x0a\\\\\\x01")',
		"   1: exit",
		"end:",
		"",
	}, "\n"), "dump()")
end)

T.test("provenance: dump() fails as insns() does (unbound label), then works", function()
	local p = assert(mapops.new())
	check(p:ja("nowhere"))
	check(p:exit())
	local msg = T.fails(E.ENOENT, "nowhere", p:dump())
	T.ok(msg:find("mapops_prog_dump_text: label", 1, true), "the resolution's message, in dump's name: " .. T.fmt(msg))
	T.eq(msg, p:error(), "error()")
	T.ok(msg:find("; it was emitted by mapops_ja #1", 1, true), "the jump's call: " .. T.fmt(msg))
	T.eq(p:len(), 2, "len() after the refusal")
	-- bound past the last slot, where a jump may not go: ERANGE
	check(p:label("nowhere"))
	T.fails(E.ERANGE, "nowhere", p:dump())
	local q = assert(mapops.new())
	check(q:ja("there"))
	T.fails(E.ENOENT, "there", q:dump())
	check(q:label("there"))
	check(q:exit())
	T.eq(q:dump(), "   ; mapops_ja #1\n   0: goto pc+0\nthere:\n   ; mapops_exit #1\n   1: exit\n",
	     "dump() once the label is bound")
	-- a half ld_imm64 is refused too (EINVAL)
	local h = assert(mapops.new())
	check(h:emit("\24\1\0\0\1\0\0\0"))
	T.fails(E.EINVAL, "ld_imm64", h:dump())
end)

T.test("provenance: dump() of a large program", function()
	local p = assert(mapops.new())
	local n = 20000
	for i = 1, n do check(p:alu64_imm(M.ADD, M.R0, i)) end
	check(p:exit())
	local text = assert(p:dump())
	local lines = 0
	for _ in text:gmatch("\n") do lines = lines + 1 end
	T.eq(lines, 2 * (n + 1), "two lines a call (comment, instruction)")
	T.ok(text:find("   ; mapops_alu64_imm #20000\n19999: r0 += 20000\n", 1, true),
	     "the last add")
	local tail = "   ; mapops_exit #1\n20000: exit\n"
	T.eq(text:sub(-#tail), tail, "the end")
end)

T.test("provenance: insn_snprint of each slot, as mapops-dump prints them", function()
	local bytes = T.unhex(TINY_HEX)
	T.eq(mapops.insn_snprint(bytes, 0), "r0 = 0", "slot 0")
	T.eq(mapops.insn_snprint(bytes, 1), "if r1 == 0x0 goto pc+2", "slot 1")
	T.eq(mapops.insn_snprint(bytes, 2), "r2 = 0x5", "slot 2 (ld_imm64)")
	T.eq(mapops.insn_snprint(bytes, 4), "exit", "slot 4")
	T.eq(mapops.insn_snprint(bytes, 4ULL), "exit", "slot as uint64_t cdata")
	T.eq(mapops.insn_snprint(bytes, 1LL), "if r1 == 0x0 goto pc+2", "slot as int64_t cdata")
	T.eq(select("#", mapops.insn_snprint(bytes, 0)), 1, "one value")
	-- the second slot of an ld_imm64 printed on its own: code 0x00
	T.eq(mapops.insn_snprint(bytes, 3), "invalid insn code 0x00", "slot 3")
	-- the same texts as the program's own slots
	local p = tiny()
	T.eq(assert(p:insns()), bytes, "tiny() bytes")
	-- a few more instructions
	local map = assert(mapops.new())
	check(map:map_lookup(7, -8))
	local mb = assert(map:insns())
	local want = { "r1 = map_fd#7", nil, "r2 = r10", "r2 += -8", "call bpf_map_lookup_elem#1" }
	for s = 0, 4 do
		if want[s + 1] then
			T.eq(mapops.insn_snprint(mb, s), want[s + 1], "map_lookup slot " .. s)
		end
	end
	T.eq(mapops.insn_snprint("\255\0\0\0\0\0\0\0", 0), "invalid insn code 0xff", "unknown opcode")
	T.eq(mapops.insn_snprint("\24\1\0\0\1\0\0\0", 0),
	     "invalid insn code 0x18 (ld_imm64 without its second slot)", "half ld_imm64")
	T.eq(mapops.insn_snprint("\133\0\0\0\5\0\0\0", 0), "call bpf_ktime_get_ns#5", "helper call")
end)

T.test("provenance: insn_snprint refusals: slot >= the count is EINVAL from C", function()
	local bytes = T.unhex(TINY_HEX)
	T.fails(E.EINVAL, "mapops_insn_snprint: slot 5 of 5", mapops.insn_snprint(bytes, 5))
	T.fails(E.EINVAL, "mapops_insn_snprint: slot 0 of 0", mapops.insn_snprint("", 0))
	T.fails(E.EINVAL, "slot 18446744073709551615 of 5",
		mapops.insn_snprint(bytes, 0xffffffffffffffffULL))
	-- the binding's own refusals
	T.fails(E.EINVAL, "mapops.insn_snprint: bytes", mapops.insn_snprint(bytes .. "x", 0))
	T.fails(E.EINVAL, "mapops.insn_snprint: bytes", mapops.insn_snprint(nil, 0))
	T.fails(E.EINVAL, "mapops.insn_snprint: slot", mapops.insn_snprint(bytes, -1))
	T.fails(E.EINVAL, "mapops.insn_snprint: slot", mapops.insn_snprint(bytes))
end)

-- The instruction lines of dump() against the mapops-dump tool, when it is
-- built beside the library (MAPOPS_LIBRARY is build/lib/libmapops.so.1).
T.test("provenance: dump() and insn_snprint agree with the mapops-dump tool", function()
	local lib = os.getenv("MAPOPS_LIBRARY")
	local tool = os.getenv("MAPOPS_DUMP") or
		(lib and lib:match("^(.*)/lib/[^/]*$") and lib:match("^(.*)/lib/[^/]*$") .. "/tools/mapops-dump")
	local exists = tool and select(2, T.sh("test -x " .. T.shquote(tool)))
	if not exists then
		T.skip("mapops-dump is not built beside the library (set MAPOPS_DUMP)")
	end
	local out, ok = T.sh("printf '%s' " .. T.shquote(TINY_HEX) .. " | " .. T.shquote(tool) .. " --hex")
	T.ok(ok, "mapops-dump: " .. out)
	local instructions = {}
	for line in TINY_DUMP:gmatch("[^\n]+") do
		if line:match("^ *%d+: ") then instructions[#instructions + 1] = line end
	end
	T.eq(out, table.concat(instructions, "\n") .. "\n", "mapops-dump output")
	local bytes = T.unhex(TINY_HEX)
	for line in out:gmatch("[^\n]+") do
		local slot, text = line:match("^ *(%d+): (.*)$")
		T.eq(mapops.insn_snprint(bytes, tonumber(slot)), text, "slot " .. slot)
	end
end)

-- The Lua line of the call, in failures (bindings/lua/mapops.lua "Lua lines").
local THIS = debug.getinfo(1, "S").source:sub(2)

T.test("provenance: a refused builder call names the caller's Lua line", function()
	local p = assert(mapops.new())
	local line = debug.getinfo(1, "l").currentline + 1
	local msg = T.fails(E.EINVAL, "mapops_ldx_mem: size 0x3", p:ldx_mem(3, M.R1, M.R2, 0))
	T.eq(msg, THIS .. ":" .. line .. ": " .. p:error(), "the library's text after file:line")
	line = debug.getinfo(1, "l").currentline + 1
	msg = T.fails(E.EINVAL, "mapops.ldx_mem: off", p:ldx_mem(M.DW, M.R1, M.R2, "x"))
	T.ok(msg:find(THIS .. ":" .. line .. ": mapops.ldx_mem: off", 1, true) == 1, "binding refusal: " .. T.fmt(msg))
	-- through a helper of the caller's: the helper's line (the call)
	-- (not a tail call, which would leave no frame of the helper's)
	local function emit(prog, name, ...) local a, b, c = prog[name](prog, ...); return a, b, c end
	local hline = debug.getinfo(emit, "S").linedefined
	msg = T.fails(E.EINVAL, "mapops_ldx_mem", emit(p, "ldx_mem", 3, M.R1, M.R2, 0))
	T.ok(msg:find(THIS .. ":" .. hline .. ": ", 1, true) == 1, "through a helper: " .. T.fmt(msg))
	p:close()
	T.fails(E.EINVAL, THIS .. ":", p:exit())
end)

T.test("provenance: an unbound label names the jump's call, and its line with lines = true", function()
	local p = assert(mapops.new())
	check(p:alu64_imm(M.MOV, M.R0, 0))
	check(p:ja("nowhere"))
	check(p:exit())
	local msg = T.fails(E.ENOENT, "never bound", p:insns())
	T.eq(msg, p:error(), "without lines: the library's message")
	T.ok(msg:find("; it was emitted by mapops_ja #1", 1, true), "it names the jump's call: " .. T.fmt(msg))
	local q = assert(mapops.new { lines = true })
	check(q:alu64_imm(M.MOV, M.R0, 0))
	check(q:ja("somewhere"))
	local line = debug.getinfo(1, "l").currentline + 1
	check(q:ja("nowhere"))
	check(q:label("somewhere"))
	check(q:exit())
	msg = T.fails(E.ENOENT, "never bound", q:insns())
	T.eq(msg, q:error() .. " at " .. THIS .. ":" .. line, "with lines")
	T.ok(msg:find("it was emitted by mapops_ja #2 at ", 1, true), "the call, then its line: " .. T.fmt(msg))
	T.eq(tostring(q), "mapops.Program(4 slots)", "tostring")
	T.eq(#q, 4, "#prog")
	T.eq(getmetatable(q), "mapops.Program", "the metatable is locked alike")
	T.fails(E.EINVAL, "opts has an unknown option", mapops.new { line = true })
	T.fails(E.EINVAL, "opts.lines must be true or false", mapops.new { lines = 1 })
	T.fails(E.EINVAL, "opts must be a table", mapops.new(true))
end)
