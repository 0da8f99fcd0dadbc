-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- The builder mix of bench/programs.h built through the LuaJIT binding.
--
-- For N = 10, 1,000 and 100,000 calls: CPU ns per call of
--   binding: mapops.new(), the calls as methods, insns(), close();
--   bare:    the same C calls through plain LuaJIT FFI (the binding's own
--            declarations), no binding in between;
--   C:       the same mix built in C (libbenchmix.so, bench/mix-lib.c),
--            timed in this process.
-- The three run in turn in every repetition; medians of the values and of
-- the ratios.  Prints one JSON object.
-- Needs MAPOPS_LIBRARY, BENCH_MIX_LIBRARY and the binding on LUA_PATH.
-- usage: luajit bench_build.lua [--quick] [--lines]
--   --lines: the binding's programs record the Lua line of each call
--            (mapops.new{ lines = true }), to measure what that costs
local mapops = require("mapops")
local ffi = require("ffi")

ffi.cdef [[
struct bench_timespec { long tv_sec; long tv_nsec; };
double bench_mix_ns_per_call(unsigned long calls, double budget_ns);
int clock_gettime(int clk, struct bench_timespec *ts);
]]
local ts = ffi.new("struct bench_timespec")
local function now_ns()
	ffi.C.clock_gettime(3, ts) -- CLOCK_THREAD_CPUTIME_ID: descheduled time is not counted
	return tonumber(ts.tv_sec) * 1e9 + tonumber(ts.tv_nsec)
end

local W, DW, JEQ, ADD, MOV = 0x00, 0x18, 0x10, 0x00, 0xb0
local R0, R1, R10, KTIME, FD = 0, 1, 10, 5, 3

local LINES = false
for _, a in ipairs(arg) do if a == "--lines" then LINES = true end end

local function build_binding(calls, names)
	local p = assert(mapops.new(LINES and { lines = true } or nil))
	local blocks = calls / 10
	for k = 0, blocks - 1 do
		local nxt = names[k + 2]
		p:label(names[k + 1])
		p:st_mem(W, R10, -4, k)
		p:map_lookup(FD, -4)
		p:jmp_imm(JEQ, R0, 0, nxt)
		p:ldx_mem(DW, R1, R0, 0)
		p:alu64_imm(ADD, R1, 1)
		p:stx_mem(DW, R10, R1, -16)
		p:map_update(FD, -4, -16, 0)
		p:call_helper(KTIME)
		p:ja(nxt)
	end
	p:label(names[blocks + 1])
	p:alu64_imm(MOV, R0, 0)
	p:exit()
	local data = assert(p:insns())
	p:close()
	return #data / 8
end

local C = ffi.load(os.getenv("MAPOPS_LIBRARY"))
local MIX = ffi.load(os.getenv("BENCH_MIX_LIBRARY"))
local cnt = ffi.new("size_t[1]")

local function build_bare(calls, names)
	local p = C.mapops_prog_new()
	local blocks = calls / 10
	for k = 0, blocks - 1 do
		local nxt = names[k + 2]
		C.mapops_label(p, names[k + 1])
		C.mapops_st_mem(p, W, R10, -4, k)
		C.mapops_map_lookup(p, FD, -4)
		C.mapops_jmp_imm(p, JEQ, R0, 0, nxt)
		C.mapops_ldx_mem(p, DW, R1, R0, 0)
		C.mapops_alu64_imm(p, ADD, R1, 1)
		C.mapops_stx_mem(p, DW, R10, R1, -16)
		C.mapops_map_update(p, FD, -4, -16, 0)
		C.mapops_call_helper(p, KTIME)
		C.mapops_ja(p, nxt)
	end
	C.mapops_label(p, names[blocks + 1])
	C.mapops_alu64_imm(p, MOV, R0, 0)
	C.mapops_exit(p)
	local insns = C.mapops_prog_insns(p, cnt)
	local data = ffi.string(insns, tonumber(cnt[0]) * 8)
	C.mapops_prog_free(p)
	return #data / 8
end

local function per_call(fn, calls, names, budget)
	local n, t0 = 0, now_ns()
	while true do
		fn(calls, names)
		n = n + 1
		local t = now_ns() - t0
		if t >= budget then return t / (n * (calls + 3)) end
	end
end

local function median(t)
	table.sort(t)
	local n = #t
	if n % 2 == 1 then return t[(n + 1) / 2] end
	return (t[n / 2] + t[n / 2 + 1]) / 2
end

local quick = false
for _, a in ipairs(arg) do if a == "--quick" then quick = true end end
local sizes = quick and { 1000 } or { 10, 1000, 100000 }
local reps = quick and 3 or 7
local budget = quick and 20e6 or 100e6

local parts = {}
for _, calls in ipairs(sizes) do
	local names = {}
	for i = 0, calls / 10 do names[i + 1] = "L" .. i end
	assert(build_binding(calls, names) == build_bare(calls, names))
	local b, r, c, qb, qc = {}, {}, {}, {}, {}
	local runs = {
		function() b[#b + 1] = per_call(build_binding, calls, names, budget) end,
		function() r[#r + 1] = per_call(build_bare, calls, names, budget) end,
		function() c[#c + 1] = MIX.bench_mix_ns_per_call(calls, budget) end,
	}
	for i = 1, reps do
		for j = 0, 2 do runs[(i + j) % 3 + 1]() end
		qb[i] = b[i] / r[i]
		qc[i] = b[i] / c[i]
	end
	parts[#parts + 1] = string.format(
		'    "%d": {"calls": %d, "ns_per_call": %.3f, "bare_ns_per_call": %.3f, "c_ns_per_call": %.3f, "ratio_to_bare": %.3f, "ratio_to_c": %.3f}',
		calls, calls + 3, median(b), median(r), median(c), median(qb),
		median(qc))
end
io.write(string.format('{\n  "reps": %d,\n  "luajit": "%s",%s\n  "builder": {\n%s\n  }\n}\n',
	reps, jit.version, LINES and '\n  "lines": true,' or "", table.concat(parts, ",\n")))
