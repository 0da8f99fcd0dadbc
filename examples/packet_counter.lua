-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
--[[
packet_counter.lua: the LuaJIT twin of examples/packet-counter.c.

Counts IPv4 packets and bytes per IP protocol in an XDP program that is
built instruction by instruction with the mapops binding, then loaded and
exercised through libbpf (the module mapops.libbpf: the binding itself only
builds and loads programs):

  1. create two hash maps, keyed by the IPv4 protocol number (u32):
       "packets"  value u64: how many packets carried that protocol
       "bytes"    value u64: the sum of their IPv4 total-length fields
  2. build_program(): emit the XDP program with the binding
  3. load it with prog:load() (the library puts the verifier log in the
     error message when the kernel refuses it)
  4. make_packets() + run_batch(): feed hand-built Ethernet frames to the
     program through BPF_PROG_TEST_RUN (no network interface is needed)
  5. print_table(): read both maps back from user space
  6. with --check: compare them with counters computed here in Lua from the
     same frames, and exit non-zero on any difference

Run from the source tree:

  MAPOPS_LIBRARY=build/lib/libmapops.so.1 LUA_PATH='bindings/lua/?.lua;;' \
      luajit examples/packet_counter.lua [--check]

Exit status: 0 success, 1 failure, 2 bad usage, 77 when the kernel refuses
bpf() (meson's "skipped"), or 1 instead of 77 if MAPOPS_REQUIRE_BPF=1.
]]

local ffi = require "ffi"
local bit = require "bit"
local mapops = require "mapops"

-- libbpf, for the maps and the test runs: mapops.libbpf declares the few
-- calls used here once, for the binding's tests and examples alike.
local libbpf = require "mapops.libbpf"

local XDP_PASS = 2
local EPERM, ENOENT, ENOSYS = 1, 2, 38

-- ---------------------------------------------------------------------------
-- The packet layout the program reads (all offsets from the frame start)
-- ---------------------------------------------------------------------------

local ETH_HLEN = 14
local ETH_P_IP, ETH_P_ARP = 0x0800, 0x0806
local IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP = 1, 6, 17

local ETHERTYPE_OFF = 12                -- u16, network byte order
local IP_HDR_OFF = ETH_HLEN             -- 14: IPv4 header follows Ethernet
local IP_TOT_LEN_OFF = IP_HDR_OFF + 2   -- 16: u16 total length, big-endian
local IP_PROTO_OFF = IP_HDR_OFF + 9     -- 23: u8 protocol
local MIN_IPV4_FRAME = ETH_HLEN + 20    -- 34: Ethernet + minimal IPv4 header

-- The program's stack frame: offsets from r10, the frame pointer.
local KEY_OFF = -4       -- u32 key: the protocol number
local ZERO_OFF = -16     -- u64 0: the initial "bytes" value
local SCRATCH_OFF = -24  -- u64 scratch for map_increment()

-- One value per possible protocol number, so neither map can fill up.
local MAX_PROTOCOLS = 256

-- ---------------------------------------------------------------------------
-- Building the XDP program
--
-- Every method returns true, or nil, message, errno, and a failed call
-- appends nothing.  emit_all() stops at the first failure and returns its
-- message.
-- ---------------------------------------------------------------------------

local m = mapops
local R0, R1, R2, R3, R4, R7, R10 = m.R0, m.R1, m.R2, m.R3, m.R4, m.R7, m.R10

-- Runs { "method", args... } steps on prog; true, or nil and the message.
local function emit_all(prog, steps)
	for _, s in ipairs(steps) do
		local ok, msg = prog[s[1]](prog, unpack(s, 2, table.maxn(s)))
		if not ok then return nil, msg end
	end
	return true
end

-- Reads the packet, leaving the key on the stack and the IPv4 total length
-- in r7; jumps to "pass" for anything that is not a complete IPv4 header.
--
-- On entry r1 holds the context, a struct xdp_md *.  Its data and data_end
-- fields (offsets 0 and 4) are read with 32-bit loads; the verifier turns
-- them into packet pointers and accepts a packet read only after a compare
-- against data_end has proved it in bounds.  Everything from the packet is
-- read before any map operation: their helper calls clobber r1..r5, and
-- only r6..r9 and the stack survive them.
local function parse_steps()
	return {
		-- r2 = ctx->data; r3 = ctx->data_end
		{ "ldx_mem", m.W, R2, R1, 0 },
		{ "ldx_mem", m.W, R3, R1, 4 },
		-- if (data + 34 > data_end) goto pass
		{ "alu64_reg", m.MOV, R4, R2 },
		{ "alu64_imm", m.ADD, R4, MIN_IPV4_FRAME },
		{ "jmp_reg", m.JGT, R4, R3, "pass" },
		-- r4 = be16(eth->h_proto); if (r4 != ETH_P_IP) goto pass
		{ "ldx_mem", m.H, R4, R2, ETHERTYPE_OFF },
		{ "endian", m.TO_BE, R4, 16 },
		{ "jmp_imm", m.JNE, R4, ETH_P_IP, "pass" },
		-- key = ip->protocol, stored as a u32 at r10 - 4
		{ "ldx_mem", m.B, R4, R2, IP_PROTO_OFF },
		{ "stx_mem", m.W, R10, R4, KEY_OFF },
		-- r7 = be16(ip->tot_len): callee-saved, so it survives the helper
		-- calls of the two map operations below
		{ "ldx_mem", m.H, R7, R2, IP_TOT_LEN_OFF },
		{ "endian", m.TO_BE, R7, 16 },
	}
end

-- Updates both maps for the key at r10 + KEY_OFF and the length in r7.
local function count_steps(packets_fd, bytes_fd)
	return {
		-- packets[key] += 1, creating the entry if it is new.  Not atomic:
		-- fine where one CPU runs the tests; a program on a multi-queue NIC
		-- would use map_increment_atomic() or a per-CPU map.
		{ "map_increment", packets_fd, KEY_OFF, SCRATCH_OFF, 1 },
		-- r0 = &bytes[key], inserting the zero at r10 - 16 first if new
		{ "st_mem", m.DW, R10, ZERO_OFF, 0 },
		{ "map_lookup_or_init", bytes_fd, KEY_OFF, ZERO_OFF },
		-- r0 is NULL only if the insert failed; the verifier refuses the
		-- program unless it is checked before the dereference
		{ "jmp_imm", m.JEQ, R0, 0, "pass" },
		-- lock *(u64 *)(r0 + 0) += r7
		{ "atomic_op", m.DW, m.ADD, R0, R7, 0 },
	}
end

-- The common exit, "pass": return XDP_PASS, whatever the packet was.
local function pass_steps()
	return {
		{ "label", "pass" },
		{ "alu64_imm", m.MOV, R0, XDP_PASS },
		{ "exit" },
	}
end

-- Builds the whole program: the Program, or nil and the reason.
local function build_program(packets_fd, bytes_fd)
	local prog, msg = mapops.new()
	if not prog then return nil, msg end
	for _, steps in ipairs { parse_steps(), count_steps(packets_fd, bytes_fd), pass_steps() } do
		local ok, err = emit_all(prog, steps)
		if not ok then
			prog:close()
			return nil, "building the program failed: " .. err
		end
	end
	return prog
end

-- ---------------------------------------------------------------------------
-- The test packets
-- ---------------------------------------------------------------------------

-- How make_packets() builds each frame: what, ethertype, protocol (IPv4
-- only), IPv4 total length, how many times in a row it is fed to the
-- program, and a length to cut the frame to (if any).
local specs = {
	-- 5 TCP packets
	{ "TCP SYN", ETH_P_IP, IPPROTO_TCP, 60, 1 },
	{ "TCP full-size segment", ETH_P_IP, IPPROTO_TCP, 1500, 3 },
	{ "TCP ACK", ETH_P_IP, IPPROTO_TCP, 40, 1 },
	-- 3 UDP packets
	{ "UDP DNS query", ETH_P_IP, IPPROTO_UDP, 71, 2 },
	{ "UDP DNS answer", ETH_P_IP, IPPROTO_UDP, 312, 1 },
	-- 2 ICMP packets
	{ "ICMP echo request", ETH_P_IP, IPPROTO_ICMP, 84, 1 },
	{ "ICMP echo reply", ETH_P_IP, IPPROTO_ICMP, 84, 1 },
	-- Frames that must not be counted
	{ "ARP request", ETH_P_ARP, 0, 0, 1 },
	{ "truncated IPv4 (30 bytes)", ETH_P_IP, IPPROTO_UDP, 28, 1, 30 },
}

local function be16(v)
	return string.char(bit.band(bit.rshift(v, 8), 0xff), bit.band(v, 0xff))
end

-- The IPv4 header checksum (RFC 1071) over the string s.
local function ip_checksum(s)
	local sum = 0
	for i = 1, #s - 1, 2 do
		sum = sum + s:byte(i) * 256 + s:byte(i + 1)
	end
	while sum > 0xffff do
		sum = bit.band(sum, 0xffff) + bit.rshift(sum, 16)
	end
	return bit.band(bit.bnot(sum), 0xffff)
end

-- A 20-byte IPv4 header from 192.0.2.1 to 198.51.100.7.
local function ipv4_header(protocol, ip_len, id)
	local function header(csum)
		return string.char(0x45, 0)          -- version 4, IHL 5; DSCP/ECN
			.. be16(ip_len) .. be16(id)  -- total length; identification
			.. be16(0x4000)              -- don't fragment
			.. string.char(64, protocol) -- TTL; protocol
			.. be16(csum)
			.. string.char(192, 0, 2, 1, 198, 51, 100, 7)
	end
	return header(ip_checksum(header(0)))
end

-- An ARP request "who has 192.0.2.2? tell 192.0.2.1" (28 bytes).
local ARP_REQUEST = string.char(
	0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01,              -- Ethernet/IPv4, request
	0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 192, 0, 2, 1,      -- sender
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 192, 0, 2, 2)      -- target

local MACS = string.char(0x02, 0, 0, 0, 0, 0x02, -- destination
			 0x02, 0, 0, 0, 0, 0x01) -- source

-- The frames described by specs: { what, data (a string), repeat }.
local function make_packets()
	local pkts = {}
	for i, s in ipairs(specs) do
		local what, ethertype, protocol, ip_len, repeat_count, truncate_to =
			s[1], s[2], s[3], s[4], s[5], s[6]
		local frame = MACS .. be16(ethertype)
		if ethertype == ETH_P_IP then
			local payload = {}
			-- a recognisable payload after the 20-byte header
			for j = IP_HDR_OFF + 20, ETH_HLEN + ip_len - 1 do
				payload[#payload + 1] = string.char(j % 256)
			end
			frame = frame .. ipv4_header(protocol, ip_len, i) .. table.concat(payload)
		else
			frame = frame .. ARP_REQUEST
		end
		if truncate_to then frame = frame:sub(1, truncate_to) end
		pkts[i] = { what = what, data = frame, repeat_count = repeat_count }
	end
	return pkts
end

-- ---------------------------------------------------------------------------
-- Running them
-- ---------------------------------------------------------------------------

-- Feeds every frame to the program with BPF_PROG_TEST_RUN, repeat_count
-- times each.  Fails unless every run returned XDP_PASS.  Returns the number
-- of runs, or nil and the reason.
local function run_batch(prog_fd, pkts)
	local runs = 0
	for _, p in ipairs(pkts) do
		local data = ffi.new("uint8_t[?]", #p.data)
		ffi.copy(data, p.data, #p.data)
		local opts = libbpf.TestRunOpts()
		opts.data_in = data
		opts.data_size_in = #p.data
		opts["repeat"] = p.repeat_count
		local ok, msg = libbpf.prog_test_run_opts(prog_fd, opts)
		if not ok then
			return nil, string.format('BPF_PROG_TEST_RUN on "%s": %s', p.what, msg)
		end
		if opts.retval ~= XDP_PASS then
			return nil, string.format('"%s": the program returned %d, not XDP_PASS (%d)',
						  p.what, opts.retval, XDP_PASS)
		end
		runs = runs + p.repeat_count
	end
	return runs
end

-- ---------------------------------------------------------------------------
-- Reading the counters back
-- ---------------------------------------------------------------------------

-- Reads one map into table[protocol][field] (u64 cdata): walks it with
-- bpf_map_get_next_key() (NULL starts the walk; ENOENT ends it).  Returns
-- true, or nil and the reason.
local function read_map(map_fd, name, table_, field)
	local key, next_key = ffi.new("uint32_t[1]"), ffi.new("uint32_t[1]")
	local value = ffi.new("uint64_t[1]")
	local prev = nil
	while true do
		local ok, msg, err = libbpf.map_get_next_key(map_fd, prev, next_key)
		if err == ENOENT then break end
		if not ok then
			return nil, string.format("%s: %s", name, msg)
		end
		local k = next_key[0]
		if k >= MAX_PROTOCOLS then
			return nil, string.format("map %s holds key %d, not a protocol number", name, k)
		end
		ok, msg = libbpf.map_lookup_elem(map_fd, next_key, value)
		if not ok then
			return nil, string.format("%s, key %d: %s", name, k, msg)
		end
		local row = table_[k] or { packets = 0ULL, bytes = 0ULL }
		row[field] = value[0]
		table_[k] = row
		key[0] = k
		prev = key
	end
	return true
end

-- Reads both maps; a protocol is present if either map holds its key.
local function read_counters(packets_fd, bytes_fd)
	local t = {}
	local ok, err = read_map(packets_fd, "packets", t, "packets")
	if ok then ok, err = read_map(bytes_fd, "bytes", t, "bytes") end
	if not ok then return nil, err end
	return t
end

local function protocol_name(p)
	if p == IPPROTO_ICMP then return "ICMP" end
	if p == IPPROTO_TCP then return "TCP" end
	if p == IPPROTO_UDP then return "UDP" end
	return "other"
end

local function u64_text(v)
	return (tostring(v):gsub("U?LL$", ""))
end

-- Prints one row per protocol found in the maps, in protocol order.
local function print_table(t)
	print(string.format("%-8s %5s %10s %10s", "protocol", "num", "packets", "bytes"))
	for p = 0, MAX_PROTOCOLS - 1 do
		local row = t[p]
		if row then
			print(string.format("%-8s %5d %10s %10s", protocol_name(p), p,
					    u64_text(row.packets), u64_text(row.bytes)))
		end
	end
end

-- ---------------------------------------------------------------------------
-- --check: the same counting, done in Lua
-- ---------------------------------------------------------------------------

-- Counts the frames exactly as the XDP program is meant to.
local function expected_counters(pkts)
	local t = {}
	for _, p in ipairs(pkts) do
		local d = p.data
		if #d >= MIN_IPV4_FRAME and
		   d:byte(ETHERTYPE_OFF + 1) * 256 + d:byte(ETHERTYPE_OFF + 2) == ETH_P_IP then
			local protocol = d:byte(IP_PROTO_OFF + 1)
			local ip_len = d:byte(IP_TOT_LEN_OFF + 1) * 256 + d:byte(IP_TOT_LEN_OFF + 2)
			local row = t[protocol] or { packets = 0ULL, bytes = 0ULL }
			row.packets = row.packets + p.repeat_count
			row.bytes = row.bytes + ip_len * p.repeat_count
			t[protocol] = row
		end
	end
	return t
end

-- Returns the number of protocols whose counters differ, printing each.
local function compare_counters(got, want)
	local bad = 0
	for p = 0, MAX_PROTOCOLS - 1 do
		local g, w = got[p], want[p]
		local gp, gb = g and g.packets or 0ULL, g and g.bytes or 0ULL
		local wp, wb = w and w.packets or 0ULL, w and w.bytes or 0ULL
		if (g == nil) ~= (w == nil) or gp ~= wp or gb ~= wb then
			io.stderr:write(string.format(
				"example: protocol %d (%s): maps have %s%s packets, %s bytes; expected %s%s packets, %s bytes\n",
				p, protocol_name(p), g and "" or "no entry, ", u64_text(gp), u64_text(gb),
				w and "" or "no entry, ", u64_text(wp), u64_text(wb)))
			bad = bad + 1
		end
	end
	return bad
end

-- ---------------------------------------------------------------------------
-- main
-- ---------------------------------------------------------------------------

-- True when MAPOPS_REQUIRE_BPF=1: a refused bpf() is then a failure.
local function bpf_required()
	return os.getenv("MAPOPS_REQUIRE_BPF") == "1"
end

-- Creates a hash map from u32 protocol numbers to u64 counters.  Returns the
-- fd; or nil, the reason, and whether the kernel refuses bpf() altogether.
local function create_map(name)
	local fd, msg, err = libbpf.map_create(libbpf.MAP_TYPE_HASH, name, 4, 8, MAX_PROTOCOLS)
	if fd then return fd end
	if err == EPERM or err == ENOSYS then
		return nil, string.format(
			"example: %s: the kernel refuses bpf(BPF_MAP_CREATE) (%s); this example needs root (or CAP_BPF) and a kernel with BPF enabled%s",
			bpf_required() and "FAILED" or "skipped", libbpf.strerror(err),
			bpf_required() and " (MAPOPS_REQUIRE_BPF=1)" or ""), true
	end
	return nil, msg, false
end

local function usage(f)
	f:write("usage: luajit packet_counter.lua [--check]\n",
		"Counts test packets per IPv4 protocol with an XDP program built by libmapops.\n",
		"  --check  also compare the counters with the expected values; exit 1 on a mismatch\n")
end

local function main(argv)
	local check = false
	if #argv == 1 and argv[1] == "--check" then
		check = true
	elseif #argv == 1 and (argv[1] == "--help" or argv[1] == "-h") then
		usage(io.stdout)
		return 0
	elseif #argv ~= 0 then
		usage(io.stderr)
		return 2
	end

	local fds = {}
	local prog
	local function cleanup()
		for i = #fds, 1, -1 do libbpf.close(fds[i]) end
		if prog then prog:close() end
	end
	local function fail(msg)
		io.stderr:write(msg, "\n")
		cleanup()
		return 1
	end

	local packets_fd, err, refused = create_map("packets")
	if not packets_fd then
		io.stderr:write(err, "\n")
		-- 77 tells meson the test was skipped, not failed
		return (refused and not bpf_required()) and 77 or 1
	end
	fds[#fds + 1] = packets_fd
	local bytes_fd
	bytes_fd, err = create_map("bytes")
	if not bytes_fd then return fail(err) end
	fds[#fds + 1] = bytes_fd

	prog, err = build_program(packets_fd, bytes_fd)
	if not prog then return fail(err) end

	-- Without a log level the library loads once more with its own buffer
	-- when the verifier refuses the program, and the message holds the log.
	local prog_fd, msg = prog:load(mapops.PROG_TYPE_XDP, { name = "packet_counter" })
	if not prog_fd then return fail("prog:load: " .. msg) end
	fds[#fds + 1] = prog_fd
	print(string.format("XDP program: %d slots, built with libmapops and loaded", #prog))

	local pkts = make_packets()
	local runs
	runs, err = run_batch(prog_fd, pkts)
	if not runs then return fail(err) end
	print(string.format("ran %d test packets (%d distinct frames) through BPF_PROG_TEST_RUN\n",
			    runs, #pkts))

	local got
	got, err = read_counters(packets_fd, bytes_fd)
	if not got then return fail(err) end
	print_table(got)

	if check then
		if compare_counters(got, expected_counters(pkts)) > 0 then
			return fail("example: counters DIFFER")
		end
		print("example: counters match")
	end
	cleanup()
	return 0
end

local status = main(arg or {})
io.stdout:flush()
os.exit(status)
