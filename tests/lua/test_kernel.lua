-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- Programs built with the binding, loaded with prog:load() and run in the
-- kernel with BPF_PROG_TEST_RUN.  Maps and test runs go through libbpf
-- (mapops.libbpf): the binding itself only builds and loads.
--
-- Without bpf() (EPERM or ENOSYS from BPF_MAP_CREATE) every test here is
-- skipped with the reason printed, or fails when MAPOPS_REQUIRE_BPF=1.

local ffi = require "ffi"
local mapops = require "mapops"
local libbpf = require "mapops.libbpf"
local T = require "testlib"

local E = T.errno
local MAP_HASH, MAP_ARRAY, MAP_PERCPU_HASH =
	libbpf.MAP_TYPE_HASH, libbpf.MAP_TYPE_ARRAY, libbpf.MAP_TYPE_PERCPU_HASH
local XDP_PASS = 2

local function required()
	return os.getenv("MAPOPS_REQUIRE_BPF") == "1"
end

-- Creates a map (closed after the test).  The first refusal of bpf() skips
-- the test, or fails it when MAPOPS_REQUIRE_BPF=1.
local function map_create(t, map_type, name, key_size, value_size, max_entries)
	local fd, msg, err = libbpf.map_create(map_type, name, key_size, value_size, max_entries)
	if not fd then
		if err == E.EPERM or err == E.ENOSYS then
			local why = string.format("the kernel refuses bpf(BPF_MAP_CREATE): %s; these tests need root (or CAP_BPF) and a kernel with BPF",
						  libbpf.strerror(err))
			if required() then T.fail(why .. " (MAPOPS_REQUIRE_BPF=1)") end
			T.skip(why)
		end
		T.fail(msg)
	end
	t.defer(function() libbpf.close(fd) end)
	return fd
end

local function load(t, prog, prog_type, opts)
	local fd, msg, err = prog:load(prog_type or mapops.PROG_TYPE_SOCKET_FILTER, opts)
	if not fd then
		T.fail(string.format("prog:load() failed: errno %s: %s", tostring(err), tostring(msg)))
	end
	t.defer(function() libbpf.close(fd) end)
	return fd
end

-- Runs the program `repeat` times over a 64-byte zero packet; returns the
-- program's return value.
local function test_run(prog_fd, repeat_count)
	local data = ffi.new("uint8_t[64]")
	local o = libbpf.TestRunOpts()
	o.data_in = data
	o.data_size_in = 64
	o["repeat"] = repeat_count
	local ok, msg = libbpf.prog_test_run_opts(prog_fd, o)
	if not ok then T.fail(msg) end
	local _ = data[0] -- keeps the packet alive until the run is over
	return o.retval
end

-- The u64 counter under a u32 key; nil if absent.
local function lookup_u64(map_fd, key)
	local k = ffi.new("uint32_t[1]", key)
	local v = ffi.new("uint64_t[1]")
	local ok, msg, err = libbpf.map_lookup_elem(map_fd, k, v)
	if err == E.ENOENT then return nil end
	if not ok then T.fail(msg) end
	return v[0]
end

local function check(...)
	return T.succeeds(false, ...)
end

-- key (u32) at r10-4, then map_increment(_atomic) of increment, return 0.
local function counter_prog(map_fd, key, increment, atomic)
	local p = assert(mapops.new())
	check(p:st_mem(mapops.W, mapops.R10, -4, key))
	if atomic then
		check(p:map_increment_atomic(map_fd, -4, -16, increment))
	else
		check(p:map_increment(map_fd, -4, -16, increment))
	end
	check(p:alu64_imm(mapops.MOV, mapops.R0, 0))
	check(p:exit())
	return p
end

local N = 1000

T.test("kernel: hash map counter (st_mem key, map_increment, exit)", function(t)
	local map = map_create(t, MAP_HASH, "lua_hash", 4, 8, 16)
	local prog = counter_prog(map, 7, 1)
	local fd = load(t, prog, mapops.PROG_TYPE_SOCKET_FILTER, { name = "lua_counter" })
	T.eq(test_run(fd, N), 0, "program return value")
	T.eq(lookup_u64(map, 7), ffi.new("uint64_t", N), "counter after " .. N .. " runs")
	T.eq(lookup_u64(map, 0), nil, "an untouched key")
	T.ok(prog:close())
end)

T.test("kernel: one program with map_ref, loaded against two maps in turn", function(t)
	local a = map_create(t, MAP_HASH, "lua_ref_a", 4, 8, 16)
	local b = map_create(t, MAP_HASH, "lua_ref_b", 4, 8, 16)
	local p = assert(mapops.new())
	local ref = assert(p:map_ref("counters"))
	T.ok(ref < -4095, "the operand lies below the errno range: " .. tostring(ref))
	check(p:st_mem(mapops.W, mapops.R10, -4, 7))
	check(p:map_increment(ref, -4, -16, 1))
	check(p:alu64_imm(mapops.MOV, mapops.R0, 0))
	check(p:exit())
	local ok, msg, err = p:insns()
	T.eq(ok, nil, "an unbound name does not resolve")
	T.eq(err, E.ENOENT, "errno")
	T.ok(msg:find('"counters"', 1, true), "the message names the map: " .. tostring(msg))
	check(p:bind_map("counters", a))
	test_run(load(t, p), 3)
	check(p:bind_map("counters", b))
	test_run(load(t, p), 5)
	T.eq(lookup_u64(a, 7), ffi.new("uint64_t", 3), "map a")
	T.eq(lookup_u64(b, 7), ffi.new("uint64_t", 5), "map b")
	T.ok(p:close())
end)

T.test("kernel: a map operand in r6 (mapops.map_reg)", function(t)
	local m = map_create(t, MAP_HASH, "lua_reg", 4, 8, 16)
	local p = assert(mapops.new())
	check(p:ld_map_fd(mapops.R6, m))
	check(p:st_mem(mapops.W, mapops.R10, -4, 9))
	check(p:map_increment(assert(mapops.map_reg(mapops.R6)), -4, -16, 2))
	check(p:alu64_imm(mapops.MOV, mapops.R0, 0))
	check(p:exit())
	test_run(load(t, p), 4)
	T.eq(lookup_u64(m, 9), ffi.new("uint64_t", 8), "counted through r6")
	local r, _, e = mapops.map_reg(mapops.R10)
	T.eq(r, nil, "r10 is no map register")
	T.eq(e, E.EINVAL, "errno")
	T.ok(p:close())
end)

T.test("kernel: hash map counter with a 64-bit increment (int64 cdata)", function(t)
	local map = map_create(t, MAP_HASH, "lua_hash64", 4, 8, 16)
	local inc = 0x100000001LL
	local prog = counter_prog(map, 3, inc)
	local fd = load(t, prog)
	test_run(fd, 100)
	T.eq(lookup_u64(map, 3), ffi.cast("uint64_t", inc * 100), "counter")
end)

T.test("kernel: array map counter with map_increment_atomic", function(t)
	local map = map_create(t, MAP_ARRAY, "lua_array", 4, 8, 4)
	local prog = counter_prog(map, 2, 1, true)
	local fd = load(t, prog, mapops.PROG_TYPE_SCHED_CLS)
	test_run(fd, N)
	T.eq(lookup_u64(map, 2), ffi.new("uint64_t", N), "counter")
	T.eq(lookup_u64(map, 1), 0ULL, "another array element")
end)

T.test("kernel: hash map counter with map_increment_atomic (create, then add)", function(t)
	local map = map_create(t, MAP_HASH, "lua_hash_at", 4, 8, 16)
	local prog = counter_prog(map, 9, 5, true)
	local fd = load(t, prog)
	test_run(fd, N)
	T.eq(lookup_u64(map, 9), ffi.new("uint64_t", 5 * N), "counter")
end)

T.test("kernel: per-CPU hash counter, summed over libbpf_num_possible_cpus()", function(t)
	local map = map_create(t, MAP_PERCPU_HASH, "lua_percpu", 4, 8, 16)
	local fd = load(t, counter_prog(map, 1, 1))
	test_run(fd, N)
	local ncpu = assert(libbpf.num_possible_cpus())
	T.ok(ncpu > 0, "libbpf_num_possible_cpus: " .. ncpu)
	local k = ffi.new("uint32_t[1]", 1)
	local v = ffi.new("uint64_t[?]", ncpu) -- 8-byte values: no rounding
	T.eq(libbpf.map_lookup_elem(map, k, v), true, "bpf_map_lookup_elem")
	local sum = 0ULL
	for i = 0, ncpu - 1 do sum = sum + v[i] end
	T.eq(sum, ffi.new("uint64_t", N), "sum over the CPUs")
end)

T.test("kernel: map_lookup_or_init inserts the init value once, then adds", function(t)
	local map = map_create(t, MAP_HASH, "lua_or_init", 4, 8, 16)
	-- key 6 exists already: its value is used, not the init value
	local k = ffi.new("uint32_t[1]", 6)
	local v = ffi.new("uint64_t[1]", 100)
	T.eq(libbpf.map_update_elem(map, k, v, mapops.BPF_ANY), true, "bpf_map_update_elem")
	for _, key in ipairs { 5, 6 } do
		local p = assert(mapops.new())
		check(p:st_mem(mapops.DW, mapops.R10, -16, 40))
		check(p:st_mem(mapops.W, mapops.R10, -4, key))
		check(p:map_lookup_or_init(map, -4, -16))
		check(p:jmp_imm(mapops.JEQ, mapops.R0, 0, "out"))
		check(p:ldx_mem(mapops.DW, mapops.R1, mapops.R0, 0))
		check(p:alu64_imm(mapops.ADD, mapops.R1, 2))
		check(p:stx_mem(mapops.DW, mapops.R0, mapops.R1, 0))
		check(p:label("out"))
		check(p:alu64_imm(mapops.MOV, mapops.R0, 0))
		check(p:exit())
		local fd = load(t, p)
		test_run(fd, 500)
	end
	T.eq(lookup_u64(map, 5), 1040ULL, "new key: 40 + 2 * 500")
	T.eq(lookup_u64(map, 6), 1100ULL, "existing key: 100 + 2 * 500")
end)

T.test("kernel: XDP program with load options and a verifier log", function(t)
	local map = map_create(t, MAP_HASH, "lua_xdp", 4, 8, 16)
	local p = assert(mapops.new())
	check(p:st_mem(mapops.W, mapops.R10, -4, 1))
	check(p:map_increment(map, -4, -16, 1))
	check(p:alu64_imm(mapops.MOV, mapops.R0, XDP_PASS))
	check(p:exit())
	local fd, log = p:load(mapops.PROG_TYPE_XDP, {
		name = "lua_xdp", license = "Dual BSD/GPL", log_level = 1,
		prog_flags = 0, kern_version = 0, prog_ifindex = 0,
		expected_attach_type = 0,
	})
	T.ok(fd, "load: " .. tostring(log))
	t.defer(function() libbpf.close(fd) end)
	T.ok(type(log) == "string" and log:find("processed", 1, true),
	     "the verifier log is returned with log_level 1: " .. T.fmt(log))
	T.eq(test_run(fd, 10), XDP_PASS, "XDP return value")
	T.eq(lookup_u64(map, 1), 10ULL, "counter")
	-- the same program loads again (load does not consume it)
	local fd2 = load(t, p, mapops.PROG_TYPE_XDP)
	T.ok(fd2 ~= fd, "a second load gives a new fd")
end)

T.test("kernel: a lookup dereferenced without a NULL check is refused (EACCES)", function(t)
	local map = map_create(t, MAP_HASH, "lua_broken", 4, 8, 16)
	local p = assert(mapops.new())
	check(p:st_mem(mapops.W, mapops.R10, -4, 0))
	check(p:map_lookup(map, -4))
	check(p:ldx_mem(mapops.DW, mapops.R1, mapops.R0, 0)) -- no NULL check
	check(p:alu64_imm(mapops.MOV, mapops.R0, 0))
	check(p:exit())
	local len = p:len()
	local msg = T.fails(E.EACCES, "map_value_or_null", p:load(mapops.PROG_TYPE_SOCKET_FILTER))
	T.ok(msg:find("mapops_prog_load", 1, true), "message names the function: " .. T.fmt(msg))
	T.eq(p:error(), msg, "error()")
	T.eq(p:len(), len, "len() after the refusal")
	-- with the caller's log level the log comes from the binding's buffer
	T.fails(E.EACCES, "map_value_or_null", p:load(mapops.PROG_TYPE_SOCKET_FILTER, { log_level = 1 }))
	-- and the program is still usable
	T.ok(p:insns(), "insns() after the refusal")
end)

T.test("kernel: load refusals before the kernel (UNSPEC, unbound label)", function(t)
	local p = assert(mapops.new())
	check(p:ja("nowhere"))
	check(p:exit())
	T.fails(E.ENOENT, "nowhere", p:load(mapops.PROG_TYPE_SOCKET_FILTER))
	T.fails(E.EINVAL, "BPF_PROG_TYPE_UNSPEC", p:load(mapops.PROG_TYPE_UNSPEC))
end)

T.test("kernel: a refused load names the tagged call that emitted the failing slot", function(t)
	local map = map_create(t, MAP_HASH, "lua_origin", 4, 8, 16)
	local TAG = "ingress lookup"
	local p = assert(mapops.new())
	check(p:st_mem(mapops.W, mapops.R10, -4, 0))          -- slot 0
	check(p:set_tag(TAG))
	check(p:map_lookup(map, -4))                           -- slots 1..5
	check(p:ldx_mem(mapops.DW, mapops.R1, mapops.R0, 0))   -- slot 6: no NULL check
	check(p:set_tag(nil))
	check(p:alu64_imm(mapops.MOV, mapops.R0, 0))
	check(p:exit())
	local want_slot = 1 + mapops.MAP_LOOKUP_SLOTS
	local want_line = string.format('insn %d: emitted by mapops_ldx_mem #1 ("%s")', want_slot, TAG)
	for _, opts in ipairs { false, { log_level = 1 } } do
		local how = opts and "with log_level 1" or "without options"
		local msg = T.fails(E.EACCES, "emitted by mapops_ldx_mem #1",
				    p:load(mapops.PROG_TYPE_SOCKET_FILTER, opts or nil))
		T.ok(msg:find(TAG, 1, true), how .. ": the tag is in the message: " .. T.fmt(msg))
		T.ok(msg:find("map_value_or_null", 1, true), how .. ": the verifier's reason")
		-- the message ends with the origin line
		T.eq(msg:match("[^\n]*$"), want_line, how .. ": the last line")
		local slot = tonumber(msg:match("\ninsn (%d+): emitted by mapops_ldx_mem #1"))
		T.eq(slot, want_slot, how .. ": the slot in the origin line")
		-- insn_origin() of that slot agrees with the message
		local call, index, tag = p:insn_origin(slot)
		T.eq(call, "mapops_ldx_mem", how .. ": insn_origin call")
		T.eq(index, 1, how .. ": insn_origin call_index")
		T.eq(tag, TAG, how .. ": insn_origin tag")
		T.eq(string.format('insn %d: emitted by %s #%d ("%s")', slot, call, index, tag),
		     want_line, how .. ": the origin line rebuilt from insn_origin()")
		T.eq(p:error(), msg, how .. ": error()")
	end
	-- the neighbours: the lookup before (tagged), the untagged mov after
	local call, index, tag = p:insn_origin(want_slot - 1)
	T.eq(call .. " #" .. index .. " " .. tostring(tag), "mapops_map_lookup #1 " .. TAG, "slot before")
	call, index, tag = p:insn_origin(want_slot + 1)
	T.eq(call .. " #" .. index .. " " .. tostring(tag), "mapops_alu64_imm #1 nil", "slot after")
	-- and the dump shows the same call before the slot
	local text = assert(p:dump())
	T.ok(text:find(string.format('   ; mapops_ldx_mem #1 ("%s")\n   %d: r1 = *(u64 *)(r0 +0)\n',
				     TAG, want_slot), 1, true), "dump(): " .. T.fmt(text))
	T.eq(p:len(), want_slot + 3, "len() after the refusals")
end)

T.test("libbpf shim: every failure is nil, message, errno; nothing raises", function()
	T.fails(E.EBADF, "bpf_map_lookup_elem", libbpf.map_lookup_elem(-1, ffi.new("uint32_t[1]"), ffi.new("uint64_t[1]")))
	T.fails(E.EBADF, "bpf_map_update_elem", libbpf.map_update_elem(-1, ffi.new("uint32_t[1]"), ffi.new("uint64_t[1]"), 0))
	T.fails(E.EBADF, "bpf_map_delete_elem", libbpf.map_delete_elem(-1, ffi.new("uint32_t[1]")))
	T.fails(E.EBADF, "bpf_map_get_next_key", libbpf.map_get_next_key(-1, nil, ffi.new("uint32_t[1]")))
	T.fails(E.EINVAL, "bpf_map_lookup_elem", libbpf.map_lookup_elem("x", {}, 1))
	T.fails(E.EINVAL, "bpf_map_create", libbpf.map_create(libbpf.MAP_TYPE_HASH, 5, 4, 8, 1))
	T.fails(E.EINVAL, "bpf_map_create", libbpf.map_create(libbpf.MAP_TYPE_HASH, "m", "4", 8, 1))
	T.fails(E.EINVAL, "opts", libbpf.prog_test_run_opts(-1, {}))
	T.fails(E.EBADF, "bpf_prog_test_run_opts", libbpf.prog_test_run_opts(-1, libbpf.TestRunOpts()))
	T.fails(E.EBADF, "close", libbpf.close(-1))
	T.fails(E.EINVAL, "close", libbpf.close("x"))
	local n = libbpf.num_possible_cpus()
	T.ok(type(n) == "number" and n > 0, "num_possible_cpus: " .. tostring(n))
end)

T.test("libbpf shim: a hash map's elements, walked with map_get_next_key", function(t)
	local map = map_create(t, MAP_HASH, "lua_shim", 4, 8, 4)
	local k, v = ffi.new("uint32_t[1]"), ffi.new("uint64_t[1]")
	for i = 1, 3 do
		k[0], v[0] = i, i * 10
		T.eq(libbpf.map_update_elem(map, k, v, mapops.BPF_NOEXIST), true, "update " .. i)
	end
	T.fails(E.EEXIST, "bpf_map_update_elem", libbpf.map_update_elem(map, k, v, mapops.BPF_NOEXIST))
	k[0] = 2
	T.eq(libbpf.map_delete_elem(map, k), true, "delete")
	T.fails(E.ENOENT, "bpf_map_delete_elem", libbpf.map_delete_elem(map, k))
	local seen, key, nxt = {}, nil, ffi.new("uint32_t[1]")
	while true do
		local ok, _, err = libbpf.map_get_next_key(map, key, nxt)
		if not ok then T.eq(err, E.ENOENT, "the walk ends with ENOENT"); break end
		T.eq(libbpf.map_lookup_elem(map, nxt, v), true, "lookup")
		seen[#seen + 1] = tonumber(nxt[0]) .. "=" .. tonumber(v[0])
		key = key or ffi.new("uint32_t[1]")
		key[0] = nxt[0]
	end
	table.sort(seen)
	T.eq(table.concat(seen, " "), "1=10 3=30", "the elements")
end)
