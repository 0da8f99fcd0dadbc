-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- The loader (bindings/lua/mapops/loader.lua) in the kernel: maps, test
-- runs, every attach kind this kernel has with real traffic or real
-- syscalls and the count read back, ring and perf buffer events byte-exact,
-- callbacks that raise, links closed by the garbage collector, and hostile
-- arguments.
--
-- Without bpf() (EPERM or ENOSYS from BPF_MAP_CREATE) the kernel tests are
-- skipped with the reason printed, or fail when MAPOPS_REQUIRE_BPF=1.
-- Network namespaces, veth pairs, cgroups and bpffs mounts get names unique
-- to this process and are removed after each test, also when it fails.

local ffi = require "ffi"
local bit = require "bit"
local mapops = require "mapops"
local libbpf = require "mapops.libbpf"
local T = require "testlib"

local E = T.errno
local M = mapops
local PID = tonumber(T.readfile("/proc/self/stat"):match("^(%d+)"))

ffi.cdef [[
long syscall(long number, ...);
int socket(int domain, int type, int protocol);
struct mapops_test_sockaddr_in { uint16_t family; uint16_t port; uint32_t addr; uint8_t zero[8]; };
int bind(int fd, const struct mapops_test_sockaddr_in *addr, uint32_t len);
int getsockname(int fd, struct mapops_test_sockaddr_in *addr, uint32_t *len);
long sendto(int fd, const void *buf, size_t len, int flags,
	    const struct mapops_test_sockaddr_in *addr, uint32_t alen);
int close(int fd);
]]

local NR_GETPID = ({ x64 = 39, arm64 = 172 })[jit.arch]

local function required()
	return os.getenv("MAPOPS_REQUIRE_BPF") == "1"
end

local function check(...)
	return T.succeeds(true, ...)
end

-- A map closed after the test; the first refusal of bpf() skips the test
-- (or fails it with MAPOPS_REQUIRE_BPF=1).
local function map(t, ...)
	local m, msg, err = mapops.map(...)
	if not m then
		if err == E.EPERM or err == E.ENOSYS then
			local why = "the kernel refuses bpf(BPF_MAP_CREATE): " .. msg
			if required() then T.fail(why .. " (MAPOPS_REQUIRE_BPF=1)") end
			T.skip(why)
		end
		T.fail(msg)
	end
	t.defer(function() m:close() end)
	return m
end

local function load(t, prog, prog_type, opts)
	local fd, msg, err = prog:load(prog_type, opts)
	if not fd then T.fail(string.format("prog:load: errno %s: %s", tostring(err), msg)) end
	t.defer(function() libbpf.close(fd) end)
	return fd
end

-- Builds a program from { "method", args... } steps.
local function build(steps)
	local p = assert(mapops.new())
	for _, s in ipairs(steps) do
		local ok, msg = p[s[1]](p, unpack(s, 2, table.maxn(s)))
		if not ok then T.fail(s[1] .. ": " .. tostring(msg)) end
	end
	return p
end

-- Steps that add 1 to the u64 at key 0 of the array map m (clobbers r0-r5).
local function count_steps(m)
	return {
		{ "st_mem", M.W, M.R10, -4, 0 },
		{ "map_increment_atomic", m.fd, -4, -16, 1 },
	}
end

local function concat(...)
	local out = {}
	for _, steps in ipairs { ... } do
		for _, s in ipairs(steps) do out[#out + 1] = s end
	end
	return out
end

-- Steps that jump to "out" unless the current process is this one.
local function only_this_process()
	return {
		{ "call_helper", M.FUNC_GET_CURRENT_PID_TGID },
		{ "alu64_imm", M.RSH, M.R0, 32 },
		{ "jmp_imm", M.JNE, M.R0, PID, "out" },
	}
end

local function counter_map(t)
	return map(t, M.MAP_TYPE_ARRAY, 4, 8, 1)
end

local function wait_for(fn, want, ms)
	local got
	for _ = 1, (ms or 2000) / 20 do
		got = fn()
		if got == want then return got end
		T.sh("sleep 0.02")
	end
	return got
end

-- ---------------------------------------------------------------------------
-- Maps
-- ---------------------------------------------------------------------------

T.test("loader: hash map set, get, get_int, delete, pairs; missing keys are ENOENT", function(t)
	local m = map(t, M.MAP_TYPE_HASH, 4, 8, 16, { name = "lua_hash" })
	T.ok(m.fd >= 0, "fd")
	T.eq(m.type, M.MAP_TYPE_HASH, "type")
	T.eq(m.key_size, 4, "key_size")
	check(m:set(7, 0x1122334455667788ULL))
	check(m:set("\1\0\0\0", "abcdefgh"))
	T.eq(m:get(7), "\x88\x77\x66\x55\x44\x33\x22\x11", "get(7): little-endian bytes")
	T.eq(m:get_int(7), 0x1122334455667788ULL, "get_int(7) beyond 2^53: uint64_t")
	T.eq(m:get(1), "abcdefgh", "get(1): the string key")
	check(m:set(2, 5))
	T.eq(m:get_int(2), 5, "get_int(2): a Lua number")
	local seen = {}
	for k, v in m:pairs() do seen[#seen + 1] = T.hex(k) .. "=" .. T.hex(v) end
	table.sort(seen)
	T.eq(table.concat(seen, " "), "01000000=6162636465666768 02000000=0500000000000000 07000000=8877665544332211", "pairs")
	T.eq(m:pairs_error(), nil, "pairs_error after a whole walk")
	T.fails(E.ENOENT, "no such key", m:get(99))
	check(m:delete(2))
	T.fails(E.ENOENT, "no such key", m:get(2))
	T.fails(E.ENOENT, "no such key", m:delete(2))
	T.fails(E.EEXIST, "File exists", m:set(7, 1, M.BPF_NOEXIST))
end)

T.test("loader: per-CPU array counted by a program, summed over percpu()", function(t)
	local m = map(t, M.MAP_TYPE_PERCPU_ARRAY, 4, 8, 1)
	local fd = load(t, build(concat(count_steps(m),
		{ { "alu64_imm", M.MOV, M.R0, 0 }, { "exit" } })), M.PROG_TYPE_SOCKET_FILTER)
	check(mapops.test_run(fd, nil, 1000))
	local vals = check(m:percpu(0))
	T.eq(#vals, check(libbpf.num_possible_cpus()), "one value per possible CPU")
	local sum = 0
	for _, v in ipairs(vals) do
		T.eq(#v, 8, "value size")
		sum = sum + tonumber(ffi.cast("const uint64_t *", v)[0])
	end
	T.eq(sum, 1000, "sum over CPUs")
	-- set: one value for every CPU, then a table of them
	check(m:set(0, 3))
	for _, v in ipairs(m:percpu(0)) do T.eq(v, "\3\0\0\0\0\0\0\0", "set(0, 3)") end
	local m4 = map(t, M.MAP_TYPE_PERCPU_HASH, 4, 4, 4) -- 4-byte values: 8-byte stride
	local tbl = {}
	for i = 1, #vals do tbl[i] = i end
	check(m4:set(1, tbl))
	local got = check(m4:percpu(1))
	for i = 1, #vals do T.eq(got[i], string.char(i, 0, 0, 0), "percpu value " .. i) end
	T.fails(E.EINVAL, "one value per possible CPU", m4:set(1, { 1 }))
	T.fails(E.EINVAL, "not a per-CPU map", counter_map(t):percpu(0))
end)

T.test("loader: pin, map_pinned, map_from_fd (a duplicate), close, GC", function(t)
	local dir = T.sh("mktemp -d /tmp/mapops-lua-bpffs.XXXXXX"):gsub("%s+$", "")
	t.defer(function() T.sh("umount " .. T.shquote(dir) .. "; rmdir " .. T.shquote(dir)) end)
	local m = map(t, M.MAP_TYPE_HASH, 4, 4, 4)
	local ok, msg = libbpf.mount("bpf", dir, "bpf")
	if not ok then T.skip("cannot mount a bpf filesystem: " .. msg) end
	check(m:set(1, 42))
	check(m:pin(dir .. "/m"))
	local p = check(mapops.map_pinned(dir .. "/m"))
	t.defer(function() p:close() end)
	T.eq(p.key_size, 4, "pinned key_size")
	T.eq(p.value_size, 4, "pinned value_size")
	T.eq(p.max_entries, 4, "pinned max_entries")
	T.eq(p:get_int(1), 42, "read through the pinned map")
	T.fails(E.EEXIST, "bpf_obj_pin", m:pin(dir .. "/m"))
	T.fails(E.ENOENT, "bpf_obj_get", mapops.map_pinned(dir .. "/nothing"))
	local d = check(mapops.map_from_fd(m.fd))
	T.ok(d.fd ~= m.fd, "map_from_fd duplicates the fd")
	check(d:close())
	T.eq(m:get_int(1), 42, "the caller's fd still works")
	-- a map dropped without close() has its fd closed by the collector
	local function make_and_drop()
		return check(mapops.map(M.MAP_TYPE_ARRAY, 4, 4, 1)).fd
	end
	local gfd = make_and_drop()
	collectgarbage(); collectgarbage()
	T.eq(io.open("/proc/self/fdinfo/" .. gfd) == nil or not T.readfile("/proc/self/fdinfo/" .. gfd):find("map_type"), true,
	     "fd " .. gfd .. " closed (or reused by a non-map) after GC")
	check(m:close())
	T.fails(E.EBADF, "the map is closed", m:get(1))
	T.fails(E.EBADF, "the map is closed", m:close())
	m.close = function() end -- the deferred close
end)

T.test("loader: queue push/pop/peek, program array set(i, prog_fd)", function(t)
	local q = map(t, M.MAP_TYPE_QUEUE, 0, 4, 4)
	check(q:push(1)); check(q:push("\2\0\0\0"))
	T.eq(q:peek(), "\1\0\0\0", "peek")
	T.eq(q:pop(), "\1\0\0\0", "pop 1")
	T.eq(q:pop(), "\2\0\0\0", "pop 2")
	T.fails(E.ENOENT, "empty", q:pop())
	T.fails(E.EINVAL, "key must be nil", q:set(1, 1))
	local pa = map(t, M.MAP_TYPE_PROG_ARRAY, 4, 4, 2)
	local fd = load(t, build { { "alu64_imm", M.MOV, M.R0, 0 }, { "exit" } }, M.PROG_TYPE_SOCKET_FILTER)
	check(pa:set(0, fd))
	T.fails(E.EBADF, "bpf_map_update_elem", pa:set(1, 0x7fffffff))
end)

-- ---------------------------------------------------------------------------
-- Test runs
-- ---------------------------------------------------------------------------

T.test("loader: test_run returns retval, the packet and the mean duration", function(t)
	local _ = counter_map(t) -- skips without bpf()
	-- XDP: overwrite the first byte with 0xab, return XDP_TX
	local fd = load(t, build {
		{ "ldx_mem", M.W, M.R2, M.R1, M.XDP_MD_DATA },
		{ "ldx_mem", M.W, M.R3, M.R1, M.XDP_MD_DATA_END },
		{ "alu64_reg", M.MOV, M.R4, M.R2 },
		{ "alu64_imm", M.ADD, M.R4, 1 },
		{ "jmp_reg", M.JGT, M.R4, M.R3, "out" },
		{ "st_mem", M.B, M.R2, 0, 0xab },
		{ "label", "out" },
		{ "alu64_imm", M.MOV, M.R0, M.XDP_TX },
		{ "exit" },
	}, M.PROG_TYPE_XDP)
	local r = check(mapops.test_run(fd, string.rep("\1", 20), 100))
	T.eq(r.retval, M.XDP_TX, "retval")
	T.eq(r.data, "\xab" .. string.rep("\1", 19), "data out")
	T.eq(type(r.duration_ns), "number", "duration_ns")
	r = check(mapops.test_run(fd))
	T.eq(r.data, "\xab" .. string.rep("\0", 13), "data = nil: a zeroed 14-byte frame")
	T.fails(E.EINVAL, "at least 14 bytes (an Ethernet header), got 13", mapops.test_run(fd, string.rep("\0", 13)))
	-- raw tracepoint: ctx, and count 0 or 1
	local rfd = load(t, build { { "ldx_mem", M.DW, M.R0, M.R1, 8 }, { "exit" } }, M.PROG_TYPE_RAW_TRACEPOINT)
	r = check(mapops.test_run(rfd, nil, 1, { ctx = string.rep("\0", 8) .. "\42" .. string.rep("\0", 7) }))
	T.eq(r.retval, 42, "raw tracepoint retval = args[1]")
	T.fails(E.EINVAL, "count must be 0 or 1", mapops.test_run(rfd, nil, 2, { ctx = string.rep("\0", 16) }))
	T.fails(E.EINVAL, "needs opts.ctx", mapops.test_run(rfd))
	-- kprobe programs cannot be test-run: the kernel's ENOTSUPP, said so
	local kfd = load(t, build { { "alu64_imm", M.MOV, M.R0, 0 }, { "exit" } }, M.PROG_TYPE_KPROBE)
	T.fails(E.ENOTSUPP, "cannot test-run kprobe programs", mapops.test_run(kfd))
	T.fails(E.EINVAL, "not a BPF program", mapops.test_run(0))
	T.fails(E.EINVAL, "prog_fd must be a file descriptor", mapops.test_run(-1))
end)

-- ---------------------------------------------------------------------------
-- Attaching
-- ---------------------------------------------------------------------------

-- A network namespace with one end of a veth pair, the other end here,
-- 10.199.<n>.1/30 here and .2 there; removed after the test.  Returns the
-- local interface's name and a function sending count UDP datagrams from
-- the namespace to this end.
local function veth(t)
	local n = PID % 250 + 1
	local ns, a, b = "mapops-lua-" .. PID, "mlv" .. PID .. "a", "mlv" .. PID .. "b"
	local here, there = "10.199." .. n .. ".1", "10.199." .. n .. ".2"
	t.defer(function()
		T.sh("ip link del " .. a .. " 2>/dev/null; ip netns del " .. ns .. " 2>/dev/null")
	end)
	local out, ok = T.sh(table.concat({
		"set -e",
		"ip netns add " .. ns,
		"ip link add " .. a .. " type veth peer name " .. b,
		"ip link set " .. b .. " netns " .. ns,
		"ip addr add " .. here .. "/30 dev " .. a,
		"ip link set " .. a .. " up",
		"ip -n " .. ns .. " addr add " .. there .. "/30 dev " .. b,
		"ip -n " .. ns .. " link set " .. b .. " up",
		"ip -n " .. ns .. " link set lo up" }, "\n"))
	if not ok then
		if required() then T.fail("cannot make a network namespace and veth pair: " .. out) end
		T.skip("cannot make a network namespace and veth pair: " .. out)
	end
	return a, function(count)
		local o, sent = T.sh(string.format(
			"ip netns exec %s bash -c 'for i in $(seq %d); do echo x > /dev/udp/%s/9; done'",
			ns, count, here))
		if not sent then T.fail("sending from the namespace: " .. o) end
	end
end

-- Steps: if the Ethernet frame at the packet pointers (r2 data, r3
-- data_end) is IPv4, add 1 to m[0].
local function ipv4_frame_steps(m)
	return concat({
		{ "alu64_reg", M.MOV, M.R4, M.R2 },
		{ "alu64_imm", M.ADD, M.R4, 14 },
		{ "jmp_reg", M.JGT, M.R4, M.R3, "out" },
		{ "ldx_mem", M.H, M.R4, M.R2, 12 },
		{ "endian", M.TO_BE, M.R4, 16 },
		{ "jmp_imm", M.JNE, M.R4, 0x0800, "out" },
	}, count_steps(m))
end

T.test("loader: attach_xdp on a veth end counts real UDP traffic; close() detaches", function(t)
	local m = counter_map(t)
	local fd = load(t, build(concat({
		{ "ldx_mem", M.W, M.R2, M.R1, M.XDP_MD_DATA },
		{ "ldx_mem", M.W, M.R3, M.R1, M.XDP_MD_DATA_END },
	}, ipv4_frame_steps(m), {
		{ "label", "out" }, { "alu64_imm", M.MOV, M.R0, M.XDP_PASS }, { "exit" },
	})), M.PROG_TYPE_XDP)
	local ifname, send = veth(t)
	T.fails(E.EINVAL, "mode must be", mapops.attach_xdp(fd, ifname, "hw"))
	T.fails(E.ENODEV or 19, "interface \"mapops-no-such\"", mapops.attach_xdp(fd, "mapops-no-such"))
	for _, mode in ipairs { "drv", "skb" } do
		check(m:set(0, 0))
		local link = check(mapops.attach_xdp(fd, ifname, mode))
		send(5)
		T.eq(wait_for(function() return m:get_int(0) end, 5), 5, mode .. " mode: IPv4 frames counted")
		check(link:close())
		T.fails(E.EBADF, "closed", link:close())
		send(2)
		T.eq(m:get_int(0), 5, mode .. " mode: nothing counted after close()")
	end
end)

T.test("loader: attach_tc ingress counts real traffic; close() detaches", function(t)
	local m = counter_map(t)
	local fd = load(t, build(concat({
		{ "ldx_mem", M.W, M.R2, M.R1, M.SK_BUFF_DATA },
		{ "ldx_mem", M.W, M.R3, M.R1, M.SK_BUFF_DATA_END },
	}, ipv4_frame_steps(m), {
		{ "label", "out" }, { "alu64_imm", M.MOV, M.R0, M.TC_ACT_OK }, { "exit" },
	})), M.PROG_TYPE_SCHED_CLS)
	local ifname, send = veth(t)
	local link = check(mapops.attach_tc(fd, ifname, true))
	send(4)
	T.eq(wait_for(function() return m:get_int(0) end, 4), 4, "IPv4 frames counted at tc ingress")
	check(link:close())
	local out = T.sh("tc filter show dev " .. ifname .. " ingress")
	T.eq(out, "", "no filter left after close()")
	send(2)
	T.eq(m:get_int(0), 4, "nothing counted after close()")
	-- a second attach on the same hook (the clsact qdisc exists now)
	link = nil -- luacheck: ignore
	-- made and dropped inside a function, so no stack slot still holds it
	local function attach_and_drop() check(mapops.attach_tc(fd, ifname)) end
	attach_and_drop()
	collectgarbage(); collectgarbage()
	T.eq(T.sh("tc filter show dev " .. ifname .. " ingress"), "", "the collector detached the dropped link")
end)

T.test("loader: attach_socket / detach_socket on a UDP socket on loopback", function(t)
	local m = counter_map(t)
	local fd = load(t, build(concat(count_steps(m),
		{ { "label", "out" }, { "alu64_imm", M.MOV, M.R0, -1 }, { "exit" } })), M.PROG_TYPE_SOCKET_FILTER)
	local rx, tx = ffi.C.socket(2, 2, 0), ffi.C.socket(2, 2, 0) -- AF_INET, SOCK_DGRAM
	T.ok(rx >= 0 and tx >= 0, "sockets")
	t.defer(function() ffi.C.close(rx); ffi.C.close(tx) end)
	local addr = ffi.new("struct mapops_test_sockaddr_in", { family = 2, addr = 0x0100007f })
	T.eq(ffi.C.bind(rx, addr, ffi.sizeof(addr)), 0, "bind")
	local len = ffi.new("uint32_t[1]", ffi.sizeof(addr))
	T.eq(ffi.C.getsockname(rx, addr, len), 0, "getsockname")
	local function send(n)
		for _ = 1, n do T.eq(tonumber(ffi.C.sendto(tx, "hello", 5, 0, addr, ffi.sizeof(addr))), 5, "sendto") end
	end
	check(mapops.attach_socket(fd, rx))
	send(3)
	T.eq(m:get_int(0), 3, "datagrams seen by the filter")
	check(mapops.detach_socket(rx))
	send(2)
	T.eq(m:get_int(0), 3, "nothing after detach_socket")
	T.fails(E.ENOENT, "SO_DETACH_BPF", mapops.detach_socket(rx))
	T.fails(E.ENOTSOCK or 88, "SO_ATTACH_BPF", mapops.attach_socket(fd, m.fd))
	T.fails(E.EINVAL, "sockfd must be a file descriptor", mapops.attach_socket(fd, "3"))
end)

local function getpid_n(n)
	for _ = 1, n do ffi.C.syscall(NR_GETPID) end
end

T.test("loader: attach_tracepoint syscalls:sys_enter_getpid counts 10 getpid calls", function(t)
	local m = counter_map(t)
	local fd = load(t, build(concat(only_this_process(), count_steps(m),
		{ { "label", "out" }, { "alu64_imm", M.MOV, M.R0, 0 }, { "exit" } })), M.PROG_TYPE_TRACEPOINT)
	local link = check(mapops.attach_tracepoint(fd, "syscalls", "sys_enter_getpid"))
	getpid_n(10)
	T.eq(m:get_int(0), 10, "getpid calls counted")
	check(link:close())
	getpid_n(3)
	T.eq(m:get_int(0), 10, "nothing after close()")
	T.fails(E.ENOENT, "no tracepoint syscalls:no_such_event", mapops.attach_tracepoint(fd, "syscalls", "no_such_event"))
	T.fails(E.EINVAL, "no '/'", mapops.attach_tracepoint(fd, "..", "x"))
	T.fails(E.EINVAL, "no '/'", mapops.attach_tracepoint(fd, "syscalls", "a/b"))
end)

local function raw_getpid_prog(t, m)
	return load(t, build(concat({
		{ "ldx_mem", M.DW, M.R6, M.R1, 8 }, -- sys_enter's args[1]: the syscall number
	}, only_this_process(), {
		{ "jmp_imm", M.JNE, M.R6, NR_GETPID, "out" },
	}, count_steps(m), {
		{ "label", "out" }, { "alu64_imm", M.MOV, M.R0, 0 }, { "exit" },
	})), M.PROG_TYPE_RAW_TRACEPOINT)
end

T.test("loader: attach_raw_tracepoint sys_enter; a dropped link is closed by the collector", function(t)
	local m = counter_map(t)
	local fd = raw_getpid_prog(t, m)
	-- attached and dropped inside a function, so no stack slot still holds it
	local function attach_count_and_drop()
		local link = check(mapops.attach_raw_tracepoint(fd, "sys_enter"))
		getpid_n(10)
		T.eq(m:get_int(0), 10, "getpid calls counted")
		link = nil -- luacheck: ignore
	end
	attach_count_and_drop()
	collectgarbage(); collectgarbage()
	getpid_n(5)
	T.eq(m:get_int(0), 10, "nothing counted once the collector closed the link")
	T.fails(E.ENOENT, "bpf_raw_tracepoint_open(no_such_tracepoint)", mapops.attach_raw_tracepoint(fd, "no_such_tracepoint"))
end)

T.test("loader: attach_kprobe fails naming the missing kprobe PMU (this kernel has none)", function(t)
	local _ = counter_map(t)
	local fd = load(t, build { { "alu64_imm", M.MOV, M.R0, 0 }, { "exit" } }, M.PROG_TYPE_KPROBE)
	if io.open("/sys/bus/event_source/devices/kprobe/type") then
		local link = check(mapops.attach_kprobe(fd, "do_sys_openat2"))
		check(link:close())
		T.skip("this kernel has a kprobe PMU: the attach worked; the missing-PMU error is not testable here")
	end
	T.fails(95, "no kprobe PMU (/sys/bus/event_source/devices/kprobe/type does not exist",
		mapops.attach_kprobe(fd, "do_sys_openat2"))
	T.fails(95, "no kprobe PMU", mapops.attach_kprobe(fd, "do_sys_openat2", true))
	T.fails(E.EINVAL, "retprobe must be", mapops.attach_kprobe(fd, "f", 1))
end)

-- A cgroup v2 directory of this test (removed after it), on an existing
-- cgroup2 mount or one of its own.
local function cgroup_dir(t)
	local root
	for line in io.lines("/proc/self/mounts") do
		local dir, fstype = line:match("^%S+ (%S+) (%S+)")
		if fstype == "cgroup2" then root = dir break end
	end
	if not root then
		root = T.sh("mktemp -d /tmp/mapops-lua-cg.XXXXXX"):gsub("%s+$", "")
		local ok, msg = libbpf.mount("none", root, "cgroup2")
		if not ok then
			T.sh("rmdir " .. T.shquote(root))
			T.skip("no cgroup v2 hierarchy, and mounting one failed: " .. msg)
		end
		t.defer(function() T.sh("umount " .. T.shquote(root) .. "; rmdir " .. T.shquote(root)) end)
	end
	local dir = root .. "/mapops-lua-" .. PID
	local out, ok = T.sh("mkdir " .. T.shquote(dir))
	if not ok then T.fail("mkdir " .. dir .. ": " .. out) end
	t.defer(function() T.sh("rmdir " .. T.shquote(dir)) end)
	return dir
end

T.test("loader: attach_cgroup CGROUP_INET_EGRESS counts a child's UDP sends", function(t)
	local m = counter_map(t)
	local fd = load(t, build(concat(count_steps(m),
		{ { "alu64_imm", M.MOV, M.R0, 1 }, { "exit" } })), M.PROG_TYPE_CGROUP_SKB,
		{ expected_attach_type = M.CGROUP_INET_EGRESS })
	local dir = cgroup_dir(t)
	local link = check(mapops.attach_cgroup(fd, dir, M.CGROUP_INET_EGRESS))
	local out, ok = T.sh(string.format(
		"bash -c 'echo $$ > %s/cgroup.procs && for i in 1 2 3 4 5 6; do echo x > /dev/udp/127.0.0.1/9; done'", dir))
	T.ok(ok, "the child: " .. out)
	T.eq(m:get_int(0), 6, "datagrams sent from the cgroup")
	check(link:close())
	T.fails(E.ENOENT, "open(/nonexistent/cgroup)", mapops.attach_cgroup(fd, "/nonexistent/cgroup", M.CGROUP_INET_EGRESS))
	T.fails(E.EBADF, "cgroup v2", mapops.attach_cgroup(fd, "/tmp", M.CGROUP_INET_EGRESS))
end)

-- ---------------------------------------------------------------------------
-- Ring and perf buffers
-- ---------------------------------------------------------------------------

-- A socket filter that writes 8 bytes "rec" .. i .. "\0\0\0\0" (i: the
-- byte after the Ethernet header, ld_abs's offset 0 in a socket filter)
-- with ringbuf_output or perf_event_output.
local function event_prog(t, m, perf)
	local out = perf
		and { "perf_event_output", M.R6, m.fd, -8, 8, M.F_CURRENT_CPU }
		or { "ringbuf_output", m.fd, -8, 8, 0 }
	return load(t, build {
		{ "alu64_reg", M.MOV, M.R6, M.R1 },
		{ "st_mem", M.W, M.R10, -8, 0x00636572 }, -- "rec\0"
		{ "st_mem", M.W, M.R10, -4, 0 },
		{ "ld_abs", M.B, 0 },
		{ "stx_mem", M.B, M.R10, M.R0, -5 },
		out,
		{ "alu64_imm", M.MOV, M.R0, 0 },
		{ "exit" },
	}, M.PROG_TYPE_SOCKET_FILTER)
end

local function packet(i) return string.rep("\0", 14) .. string.char(i) end
local function record(i) return "rec" .. string.char(i) .. "\0\0\0\0" end
-- a perf record: the kernel pads a raw sample so that 4 + size is a
-- multiple of 8
local function perf_record(i) return record(i) .. "\0\0\0\0" end

-- The process's open fds, as fd -> what it is ("anon_inode:[eventpoll]").
local function fd_table()
	local out = assert(T.sh("ls -l /proc/" .. PID .. "/fd"))
	local fds = {}
	for fd, what in out:gmatch("(%d+) %-> ([^\n]+)") do fds[fd] = what end
	return fds
end

-- Makes an object with make() inside a function that drops it, and checks
-- that the fds it opened (some there were) are closed once the collector
-- ran: counted by fd and kind, so that other objects the collector frees
-- at the same time, or fds opened meanwhile, do not matter.
local function check_gc_closes(what, make)
	collectgarbage(); collectgarbage()
	local before = fd_table()
	local opened = {}
	local function make_and_drop()
		local obj = make() -- luacheck: ignore
		for fd, kind in pairs(fd_table()) do
			if before[fd] ~= kind then opened[fd] = kind end
		end
		obj = nil -- luacheck: ignore
	end
	make_and_drop()
	T.ok(next(opened) ~= nil, what .. " opened fds")
	collectgarbage(); collectgarbage()
	local after = fd_table()
	for fd, kind in pairs(opened) do
		T.ok(after[fd] ~= kind, string.format("%s: fd %s (%s) closed by the collector", what, fd, kind))
	end
end

T.test("loader: ring buffer events byte-exact; a raising callback stops poll() and hands back its record", function(t)
	local m = map(t, M.MAP_TYPE_RINGBUF, 0, 0, 4096)
	local fd = event_prog(t, m, false)
	local got = {}
	local rb = check(mapops.ringbuf(m, function(data)
		if data == record(3) then error("three is bad") end
		got[#got + 1] = data
	end))
	t.defer(function() rb:close() end)
	for i = 1, 5 do check(mapops.test_run(fd, packet(i))) end
	local n, msg, err, rec = rb:poll(100)
	T.eq(n, nil, "poll fails")
	T.ok(msg:find("three is bad", 1, true), "the error's message: " .. tostring(msg))
	T.eq(err, mapops.ECANCELED, "errno")
	T.eq(rec, record(3), "the record whose callback raised")
	T.eq(table.concat(got, "|"), record(1) .. "|" .. record(2), "records before it")
	T.eq(rb:consume(), 2, "the rest, after the error")
	T.eq(table.concat(got, "|"), record(1) .. "|" .. record(2) .. "|" .. record(4) .. "|" .. record(5), "records after")
	T.eq(rb:poll(0), 0, "nothing left")
	check(rb:close())
	T.fails(E.EBADF, "closed", rb:poll(0))
	-- an fd works as well as a Map; a dropped buffer is freed by the collector
	check_gc_closes("a dropped ring buffer", function()
		return check(mapops.ringbuf(m.fd, function() end))
	end)
	T.fails(E.EINVAL, "callback must be a function", mapops.ringbuf(m, "f"))
	T.fails(E.EINVAL, "is not a ringbuf map", mapops.ringbuf(counter_map(t), function() end))
end)

T.test("loader: perf buffer events byte-exact with the CPU; a raising callback keeps the rest for the next poll", function(t)
	local ncpu = check(libbpf.num_possible_cpus())
	local m = map(t, M.MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, ncpu)
	local fd = event_prog(t, m, true)
	local got = {}
	local pb = check(mapops.perfbuf(m, function(cpu, data)
		T.ok(cpu >= 0 and cpu < ncpu, "cpu " .. cpu)
		if data == perf_record(2) then error("two is bad") end
		got[#got + 1] = data
	end, 4, function() end))
	t.defer(function() pb:close() end)
	for i = 1, 3 do check(mapops.test_run(fd, packet(i))) end
	local n, msg, err, rec = pb:poll(100)
	-- records from one test run go to one CPU's buffer, in order; the
	-- runs may have been on different CPUs, so the order across them is
	-- libbpf's
	if n == nil then
		T.eq(err, mapops.ECANCELED, "errno " .. tostring(msg))
		T.ok(msg:find("two is bad", 1, true), "message")
		T.eq(rec.data, perf_record(2), "the record whose callback raised")
		T.ok(rec.cpu >= 0, "its cpu")
		check(pb:poll(0))
	else
		T.fail("the callback's error was not reported: " .. tostring(n))
	end
	table.sort(got)
	T.eq(table.concat(got, "|"), perf_record(1) .. "|" .. perf_record(3), "every other record, byte-exact")
	T.eq(pb:pending(), 0, "nothing kept")
	check(pb:close())
	T.fails(E.EBADF, "closed", pb:poll(0))
	T.fails(E.EINVAL, "power of 2", mapops.perfbuf(m, function() end, 3))
	-- collect what earlier steps dropped first, so that only pb2's fds
	-- come and go between the two counts
	check_gc_closes("a dropped perf buffer", function()
		return check(mapops.perfbuf(m, function() end))
	end)
end)

T.test("loader: a verifier refusal names the Lua line of the call (lines = true)", function(t)
	local m = map(t, M.MAP_TYPE_HASH, 4, 8, 1)
	local this = debug.getinfo(1, "S").source:sub(2)
	local p = assert(mapops.new { lines = true })
	check(p:st_mem(M.W, M.R10, -4, 0))
	check(p:map_lookup(m.fd, -4))
	local line = debug.getinfo(1, "l").currentline + 1
	check(p:ldx_mem(M.DW, M.R1, M.R0, 0)) -- no NULL check
	check(p:alu64_imm(M.MOV, M.R0, 0))
	check(p:exit())
	local msg = T.fails(E.EACCES, "map_value_or_null", p:load(M.PROG_TYPE_SOCKET_FILTER))
	T.eq(msg:match("[^\n]*$"), string.format("insn %d: emitted by mapops_ldx_mem #1 at %s:%d",
		1 + M.MAP_LOOKUP_SLOTS, this, line), "the origin line")
	T.eq(msg, p:error() .. " at " .. this .. ":" .. line, "the library's text, then the line")
end)

-- ---------------------------------------------------------------------------
-- Hostile arguments and the constants of other headers
-- ---------------------------------------------------------------------------

T.test("loader: hostile arguments get nil, message, errno and never a crash", function(t)
	local m = map(t, M.MAP_TYPE_HASH, 4, 8, 4)
	T.fails(E.EINVAL, "must be 4 bytes, got a string of 3", m:get("abc"))
	T.fails(E.EINVAL, "must be 8 bytes, got a string of 9", m:set(1, "123456789"))
	T.fails(E.EINVAL, "does not fit in 4 bytes", m:set(2 ^ 32, 1))
	T.fails(E.EINVAL, "the key must be", m:set(-1, 1))
	T.fails(E.EINVAL, "the key must be", m:set(0.5, 1))
	T.fails(E.EINVAL, "the key must be", m:set(2 ^ 60, 1))
	T.fails(E.EINVAL, "the key must be", m:set(-1LL, 1))
	T.fails(E.EINVAL, "the value must be", m:set(1, {}))
	T.fails(E.EINVAL, "the key must be", m:get(nil))
	T.fails(E.EINVAL, "flags must be", m:set(1, 1, -1))
	check(m:set(1, 0xffffffffffffffffULL))
	T.eq(m:get_int(1), 0xffffffffffffffffULL, "2^64 - 1")
	T.fails(E.EINVAL, "not a mapops map", mapops.Map.get({}, 1))
	T.fails(E.EINVAL, "type must be", mapops.map("hash", 4, 4, 1))
	T.fails(E.EINVAL, "key_size must be", mapops.map(M.MAP_TYPE_HASH, -4, 4, 1))
	T.fails(E.EINVAL, "unknown option", mapops.map(M.MAP_TYPE_HASH, 4, 4, 1, { nmae = "x" }))
	T.fails(E.EINVAL, "bpf_map_create", mapops.map(M.MAP_TYPE_HASH, 4, 4, 0))
	T.fails(E.EINVAL, "fd must be", mapops.map_from_fd(-1))
	T.fails(E.EBADF, "fcntl", mapops.map_from_fd(100000))
	T.fails(E.EINVAL, "not a BPF map", mapops.map_from_fd(0))
	T.fails(E.EINVAL, "path must be", mapops.map_pinned("a\0b"))
	T.fails(E.EINVAL, "prog_fd must be", mapops.attach_xdp(-5, "lo"))
	T.fails(E.EINVAL, "ifname must be", mapops.attach_tc(3, ""))
	T.fails(E.EINVAL, "ingress must be", mapops.attach_tc(3, "lo", "yes"))
	T.fails(E.EINVAL, "attach_type must be", mapops.attach_cgroup(3, "/", "ingress"))
	T.fails(E.EINVAL, "count must be", mapops.test_run(0, nil, -1))
	T.fails(E.EINVAL, "timeout_ms must be", mapops.RingBuffer.poll(setmetatable({ _rb = true }, mapops.RingBuffer), "x"))
	T.fails(E.EINVAL, "not a link", mapops.Link.close({}))
	T.fails(E.EBADF, "bpf_link_create", mapops.attach_xdp(100000, "lo"))
end)

T.test("loader: the constants of other headers match the installed headers", function(t)
	local dir = T.sh("mktemp -d /tmp/mapops-lua-consts.XXXXXX"):gsub("%s+$", "")
	t.defer(function() T.sh("rm -rf " .. T.shquote(dir)) end)
	local names = { "XDP_FLAGS_SKB_MODE", "XDP_FLAGS_DRV_MODE", "BPF_TC_INGRESS", "BPF_TC_EGRESS",
			"SOL_SOCKET", "SO_ATTACH_BPF", "SO_DETACH_BPF", "PERF_TYPE_TRACEPOINT",
			"PERF_FLAG_FD_CLOEXEC" }
	local src = { "#include <stdio.h>", "#include <sys/socket.h>", "#include <linux/if_link.h>",
		      "#include <linux/perf_event.h>", "#include <bpf/libbpf.h>", "int main(void) {" }
	for _, n in ipairs(names) do src[#src + 1] = string.format('printf("%s %%lu\\n", (unsigned long)(%s));', n, n) end
	src[#src + 1] = "return 0; }"
	local f = assert(io.open(dir .. "/c.c", "w"))
	f:write(table.concat(src, "\n"))
	f:close()
	local out, ok = T.sh(string.format("cc -o %s/c %s/c.c && %s/c", dir, dir, dir))
	if not ok then T.skip("no C compiler with the libbpf headers: " .. out) end
	local n = 0
	for name, v in out:gmatch("(%S+) (%d+)") do
		T.eq(libbpf[name], tonumber(v), name)
		n = n + 1
	end
	T.eq(n, #names, "constants compared")
end)
