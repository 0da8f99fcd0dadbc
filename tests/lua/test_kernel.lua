-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- Programs built with the binding, loaded with prog:load() and run in the
-- kernel with BPF_PROG_TEST_RUN.  Maps and test runs go through libbpf with
-- ffi here, in the test: the binding itself only builds and loads.
--
-- Without bpf() (EPERM or ENOSYS from BPF_MAP_CREATE) every test here is
-- skipped with the reason printed, or fails when MAPOPS_REQUIRE_BPF=1.

local ffi = require "ffi"
local mapops = require "mapops"
local T = require "testlib"

ffi.cdef [[
struct bpf_map_create_opts;
int bpf_map_create(unsigned int map_type, const char *map_name,
		   uint32_t key_size, uint32_t value_size, uint32_t max_entries,
		   const struct bpf_map_create_opts *opts);
int bpf_map_lookup_elem(int fd, const void *key, void *value);
int bpf_map_update_elem(int fd, const void *key, const void *value, uint64_t flags);

/* <bpf/bpf.h>, libbpf 1.1 */
struct bpf_test_run_opts {
	size_t sz; /* size of this struct for forward/backward compatibility */
	const void *data_in; /* optional */
	void *data_out;      /* optional */
	uint32_t data_size_in;
	uint32_t data_size_out; /* in: max length of data_out
				 * out: length of data_out
				 */
	const void *ctx_in; /* optional */
	void *ctx_out;      /* optional */
	uint32_t ctx_size_in;
	uint32_t ctx_size_out; /* in: max length of ctx_out
				* out: length of cxt_out
				*/
	uint32_t retval;        /* out: return code of the BPF program */
	int repeat;
	uint32_t duration;      /* out: average per repetition in ns */
	uint32_t flags;
	uint32_t cpu;
	uint32_t batch_size;
};
int bpf_prog_test_run_opts(int prog_fd, struct bpf_test_run_opts *opts);
int libbpf_num_possible_cpus(void);

int close(int fd);
char *strerror(int errnum);
]]

local bpf = ffi.load("libbpf.so.1")

local E = T.errno
local MAP_HASH, MAP_ARRAY, MAP_PERCPU_HASH = 1, 2, 5
local XDP_PASS = 2

local function strerror(e) return ffi.string(ffi.C.strerror(e)) end

local function required()
	return os.getenv("MAPOPS_REQUIRE_BPF") == "1"
end

-- Creates a map (closed after the test).  The first refusal of bpf() skips
-- the test, or fails it when MAPOPS_REQUIRE_BPF=1.
local function map_create(t, map_type, name, key_size, value_size, max_entries)
	local fd = bpf.bpf_map_create(map_type, name, key_size, value_size, max_entries, nil)
	if fd < 0 then
		local err = -fd
		if err == E.EPERM or err == E.ENOSYS then
			local why = string.format("the kernel refuses bpf(BPF_MAP_CREATE): %s; these tests need root (or CAP_BPF) and a kernel with BPF",
						  strerror(err))
			if required() then T.fail(why .. " (MAPOPS_REQUIRE_BPF=1)") end
			T.skip(why)
		end
		T.fail(string.format("bpf_map_create(%s): %s", name, strerror(err)))
	end
	t.defer(function() ffi.C.close(fd) end)
	return fd
end

local function load(t, prog, prog_type, opts)
	local fd, msg, err = prog:load(prog_type or mapops.PROG_TYPE_SOCKET_FILTER, opts)
	if not fd then
		T.fail(string.format("prog:load() failed: errno %s: %s", tostring(err), tostring(msg)))
	end
	t.defer(function() ffi.C.close(fd) end)
	return fd
end

-- Runs the program `repeat` times over a 64-byte zero packet; returns the
-- program's return value.
local function test_run(prog_fd, repeat_count)
	local data = ffi.new("uint8_t[64]")
	local o = ffi.new("struct bpf_test_run_opts")
	o.sz = ffi.sizeof(o)
	o.data_in = data
	o.data_size_in = 64
	o["repeat"] = repeat_count
	local rc = bpf.bpf_prog_test_run_opts(prog_fd, o)
	if rc ~= 0 then
		T.fail("bpf_prog_test_run_opts: " .. strerror(-rc))
	end
	local _ = data[0] -- keeps the packet alive until the run is over
	return o.retval
end

-- The u64 counter under a u32 key; nil if absent.
local function lookup_u64(map_fd, key)
	local k = ffi.new("uint32_t[1]", key)
	local v = ffi.new("uint64_t[1]")
	local rc = bpf.bpf_map_lookup_elem(map_fd, k, v)
	if rc == -E.ENOENT then return nil end
	if rc ~= 0 then T.fail("bpf_map_lookup_elem: " .. strerror(-rc)) end
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
	local ncpu = bpf.libbpf_num_possible_cpus()
	T.ok(ncpu > 0, "libbpf_num_possible_cpus: " .. ncpu)
	local k = ffi.new("uint32_t[1]", 1)
	local v = ffi.new("uint64_t[?]", ncpu) -- 8-byte values: no rounding
	T.eq(bpf.bpf_map_lookup_elem(map, k, v), 0, "bpf_map_lookup_elem")
	local sum = 0ULL
	for i = 0, ncpu - 1 do sum = sum + v[i] end
	T.eq(sum, ffi.new("uint64_t", N), "sum over the CPUs")
end)

T.test("kernel: map_lookup_or_init inserts the init value once, then adds", function(t)
	local map = map_create(t, MAP_HASH, "lua_or_init", 4, 8, 16)
	-- key 6 exists already: its value is used, not the init value
	local k = ffi.new("uint32_t[1]", 6)
	local v = ffi.new("uint64_t[1]", 100)
	T.eq(bpf.bpf_map_update_elem(map, k, v, mapops.BPF_ANY), 0, "bpf_map_update_elem")
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
	t.defer(function() ffi.C.close(fd) end)
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
