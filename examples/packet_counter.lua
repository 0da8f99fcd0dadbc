-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
--[[
packet_counter.lua: the LuaJIT twin of examples/packet-counter.c.

Counts IPv4 packets and bytes per IP protocol in an XDP program built
instruction by instruction with the mapops binding, which also creates the
maps, attaches the program and reads the counters (no FFI of its own):

  1. two hash maps keyed by the IPv4 protocol number (u32), u64 values:
     "packets" and "bytes" (the sum of the IPv4 total-length fields)
  2. build_program(): the XDP program, loaded with prog:load()
  3. live (the default, as root): a network namespace and a veth pair,
     the program attached to this end with mapops.attach_xdp(), real UDP
     datagrams sent from the namespace; everything is removed again, also
     on failure or Ctrl-C.  Where no namespace can be made (not root, no
     `ip`), it says so and falls back to:
     test run (--test-run): hand-built frames through mapops.test_run()
  4. the counters, read with m:pairs(); with --check compared with what
     was sent (exit 1 on a difference)

Run from the source tree (./run.sh demo-lua does this):

  MAPOPS_LIBRARY=build/lib/libmapops.so.1 LUA_PATH='bindings/lua/?.lua;;' \
      luajit examples/packet_counter.lua [--check] [--test-run]

Exit status: 0 success, 1 failure, 2 bad usage, 77 when the kernel refuses
bpf() (meson's "skipped"), or 1 instead of 77 if MAPOPS_REQUIRE_BPF=1.
]]

local mapops = require "mapops"
local m = mapops
local R0, R2, R3, R4, R7, R10 = m.R0, m.R2, m.R3, m.R4, m.R7, m.R10

local EPERM, ENOSYS = 1, 38
local ETH_P_IP, ETH_P_ARP = 0x0800, 0x0806
local IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP = 1, 6, 17
local NAMES = { [IPPROTO_ICMP] = "ICMP", [IPPROTO_TCP] = "TCP", [IPPROTO_UDP] = "UDP" }

-- The program: if the frame holds a whole IPv4 header, packets[proto] += 1
-- and bytes[proto] += tot_len; always XDP_PASS.  The stack holds the key
-- (r10-4), a zero for new "bytes" entries (r10-16) and map_increment's
-- scratch (r10-24); r7 keeps tot_len across the helper calls.
local function build_program(packets, bytes)
	local prog = assert(mapops.new())
	local steps = {
		{ "ldx_mem", m.W, R2, m.R1, m.XDP_MD_DATA },
		{ "ldx_mem", m.W, R3, m.R1, m.XDP_MD_DATA_END },
		{ "alu64_reg", m.MOV, R4, R2 },
		{ "alu64_imm", m.ADD, R4, 14 + 20 },          -- Ethernet + IPv4 header
		{ "jmp_reg", m.JGT, R4, R3, "pass" },
		{ "ldx_mem", m.H, R4, R2, 12 },               -- ethertype
		{ "endian", m.TO_BE, R4, 16 },
		{ "jmp_imm", m.JNE, R4, ETH_P_IP, "pass" },
		{ "ldx_mem", m.B, R4, R2, 14 + 9 },           -- protocol
		{ "stx_mem", m.W, R10, R4, -4 },
		{ "ldx_mem", m.H, R7, R2, 14 + 2 },           -- total length
		{ "endian", m.TO_BE, R7, 16 },
		{ "map_increment_atomic", packets.fd, -4, -24, 1 },
		{ "st_mem", m.DW, R10, -16, 0 },
		{ "map_lookup_or_init", bytes.fd, -4, -16 },
		{ "jmp_imm", m.JEQ, R0, 0, "pass" },
		{ "atomic_op", m.DW, m.ADD, R0, R7, 0 },
		{ "label", "pass" },
		{ "alu64_imm", m.MOV, R0, m.XDP_PASS },
		{ "exit" },
	}
	for _, s in ipairs(steps) do
		local ok, msg = prog[s[1]](prog, unpack(s, 2, table.maxn(s)))
		if not ok then return nil, msg end
	end
	return prog
end

-- ---------------------------------------------------------------------------
-- Live: a namespace, a veth pair, real datagrams
-- ---------------------------------------------------------------------------

local function sh(cmd)
	return os.execute(cmd .. " >/dev/null 2>&1") == 0
end

-- Sends (count, payload bytes) UDP datagrams from the namespace; returns
-- the expected counters.
local SENDS = { { 5, 2 }, { 3, 100 } }

local function live(prog_fd, cleanup)
	-- names and a subnet of this process's own (its pid)
	local f = io.open("/proc/self/stat")
	local pid = tonumber(f and f:read("*l"):match("^%d+") or os.time() % 1000000)
	if f then f:close() end
	local id, net = tostring(pid), string.format("10.198.%d", pid % 256)
	local ns, here, there = "mapops-demo-" .. id, "mdv" .. id .. "a", "mdv" .. id .. "b"
	cleanup[#cleanup + 1] = function()
		sh("ip link del " .. here); sh("ip netns del " .. ns)
	end
	if not (sh("ip netns add " .. ns) and sh("ip link add " .. here .. " type veth peer name " .. there)
		and sh("ip link set " .. there .. " netns " .. ns)
		and sh("ip addr add " .. net .. ".1/30 dev " .. here) and sh("ip link set " .. here .. " up")
		and sh("ip -n " .. ns .. " addr add " .. net .. ".2/30 dev " .. there)
		and sh("ip -n " .. ns .. " link set " .. there .. " up")) then
		return nil, "cannot create a network namespace and a veth pair (root and iproute2 needed)"
	end
	local link, msg = mapops.attach_xdp(prog_fd, here)
	if not link then return nil, msg end
	cleanup[#cleanup + 1] = function() link:close() end
	print(string.format("XDP program attached to %s; sending UDP from namespace %s", here, ns))
	local want = { [IPPROTO_UDP] = { packets = 0, bytes = 0 } }
	for _, s in ipairs(SENDS) do
		local count, size = s[1], s[2]
		local payload = size == 2 and "echo x" or string.format("printf %%0%dd 0", size)
		if not sh(string.format("ip netns exec %s bash -c 'for i in $(seq %d); do %s > /dev/udp/%s.1/9; done'",
					ns, count, payload, net)) then
			return nil, "sending from the namespace failed"
		end
		want[IPPROTO_UDP].packets = want[IPPROTO_UDP].packets + count
		want[IPPROTO_UDP].bytes = want[IPPROTO_UDP].bytes + count * (20 + 8 + size)
	end
	os.execute("sleep 0.2") -- let the last frames through
	return want
end

-- ---------------------------------------------------------------------------
-- Test run: hand-built frames
-- ---------------------------------------------------------------------------

local function be16(v) return string.char(math.floor(v / 256) % 256, v % 256) end

-- An Ethernet frame with an IPv4 header (tot_len, proto) and zero payload.
local function frame(ethertype, proto, tot_len)
	local f = string.rep("\2", 12) .. be16(ethertype)
	if ethertype ~= ETH_P_IP then return f .. string.rep("\0", 28) end
	return f .. "\69\0" .. be16(tot_len) .. string.rep("\0", 4) .. string.char(64, proto)
		.. string.rep("\0", 10) .. string.rep("\0", tot_len - 20)
end

-- { frame, how many times, counted as }: what test_run() is given.
local FRAMES = {
	{ frame(ETH_P_IP, IPPROTO_TCP, 60), 1 }, { frame(ETH_P_IP, IPPROTO_TCP, 1500), 3 },
	{ frame(ETH_P_IP, IPPROTO_UDP, 71), 2 }, { frame(ETH_P_IP, IPPROTO_ICMP, 84), 2 },
	{ frame(ETH_P_ARP, 0, 0), 1 },                        -- not IPv4: not counted
	{ frame(ETH_P_IP, IPPROTO_UDP, 28):sub(1, 30), 1 },   -- truncated: not counted
}

local function test_runs(prog_fd)
	local want = {}
	for _, f in ipairs(FRAMES) do
		local r, msg = mapops.test_run(prog_fd, f[1], f[2])
		if not r then return nil, msg end
		if r.retval ~= m.XDP_PASS then return nil, "the program returned " .. r.retval end
		local d = f[1]
		if #d >= 34 and d:byte(13) * 256 + d:byte(14) == ETH_P_IP then
			local w = want[d:byte(24)] or { packets = 0, bytes = 0 }
			w.packets = w.packets + f[2]
			w.bytes = w.bytes + (d:byte(17) * 256 + d:byte(18)) * f[2]
			want[d:byte(24)] = w
		end
	end
	print(string.format("ran %d frames through BPF_PROG_TEST_RUN (mapops.test_run)", #FRAMES))
	return want
end

-- ---------------------------------------------------------------------------
-- main
-- ---------------------------------------------------------------------------

local function main(argv)
	local check, force_test_run = false, false
	for _, a in ipairs(argv) do
		if a == "--check" then check = true
		elseif a == "--test-run" then force_test_run = true
		elseif a == "--help" or a == "-h" then
			print("usage: luajit packet_counter.lua [--check] [--test-run]")
			return 0
		else
			io.stderr:write("usage: luajit packet_counter.lua [--check] [--test-run]\n")
			return 2
		end
	end
	local cleanup = {}
	local function run()
		local packets, msg, err = mapops.map(m.MAP_TYPE_HASH, 4, 8, 256, { name = "packets" })
		if not packets then
			io.stderr:write("example: ", msg, "\n")
			if (err == EPERM or err == ENOSYS) and os.getenv("MAPOPS_REQUIRE_BPF") ~= "1" then
				io.stderr:write("example: skipped: the kernel refuses bpf() (root or CAP_BPF needed)\n")
				return 77
			end
			return 1
		end
		cleanup[#cleanup + 1] = function() packets:close() end
		local bytes = assert(mapops.map(m.MAP_TYPE_HASH, 4, 8, 256, { name = "bytes" }))
		cleanup[#cleanup + 1] = function() bytes:close() end
		local prog
		prog, msg = build_program(packets, bytes)
		if not prog then io.stderr:write("example: ", msg, "\n") return 1 end
		local fd
		fd, msg = prog:load(m.PROG_TYPE_XDP, { name = "packet_counter" })
		if not fd then io.stderr:write("example: ", msg, "\n") return 1 end
		print(string.format("XDP program: %d slots, built with libmapops and loaded", #prog))
		local want
		if not force_test_run then
			want, msg = live(fd, cleanup)
			if not want then print("example: live traffic not possible here: " .. msg .. "; using test runs") end
		end
		if not want then
			want, msg = test_runs(fd)
			if not want then io.stderr:write("example: ", msg, "\n") return 1 end
		end
		local got = {}
		for k, v in packets:pairs() do
			local p = k:byte(1)
			got[p] = { packets = packets:get_int(k), bytes = bytes:get_int(k) or 0 }
		end
		print(string.format("\n%-8s %5s %10s %10s", "protocol", "num", "packets", "bytes"))
		for p = 0, 255 do
			if got[p] then
				print(string.format("%-8s %5d %10d %10d", NAMES[p] or "other", p, got[p].packets, got[p].bytes))
			end
		end
		if check then
			for p = 0, 255 do
				local g, w = got[p] or {}, want[p] or {}
				if g.packets ~= w.packets or g.bytes ~= w.bytes then
					io.stderr:write(string.format("example: protocol %d: counted %s packets, %s bytes; sent %s, %s\n",
						p, tostring(g.packets), tostring(g.bytes), tostring(w.packets), tostring(w.bytes)))
					return 1
				end
			end
			print("example: counters match")
		end
		return 0
	end
	-- cleanup runs whatever happens, also after an error or Ctrl-C
	local ok, status = xpcall(run, debug.traceback)
	for i = #cleanup, 1, -1 do pcall(cleanup[i]) end
	if not ok then io.stderr:write("example: ", tostring(status), "\n") return 1 end
	return status
end

local status = main(arg or {})
io.stdout:flush()
os.exit(status)
