-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
--[==[
mapops.loader: the user-space half of a scripted loader -- maps, test runs,
attaching, events -- through libbpf 1.1's own functions (mapops.libbpf).
require "mapops" puts everything here into the mapops table; nothing here
has logic of its own beyond types, errors and ownership.

THE ERROR CONVENTION is the binding's: success is a true value; every
failure is nil, message, errno; nothing raises.

MAPS

  m = mapops.map(type, key_size, value_size, max_entries [, opts])
      opts: name (string, the kernel's map name), flags (map_flags),
      inner_map (a Map or an fd: the template of a map-in-map's inner maps),
      map_extra.  Ring buffers: key_size = value_size = 0, max_entries the
      size in bytes; queue/stack maps: key_size = 0.
  m.fd, m.type, m.key_size, m.value_size, m.max_entries
  m:get(k)        -> the value (a string of value_size bytes);
                     nil, message, ENOENT (2) when there is no such key
  m:get_int(k)    -> the value as an unsigned little-endian integer: a Lua
                     number up to 2^53 - 1, else uint64_t cdata (value_size
                     at most 8)
  m:set(k, v [, flags])  -> true   (flags: mapops.BPF_ANY (0), BPF_NOEXIST,
                     BPF_EXIST)
  m:delete(k)     -> true
  for k, v in m:pairs() do ... end   keys and values as strings (per-CPU
                     maps: v is the table percpu(k) returns).  pairs() on a
                     closed map returns nil, message, errno; a failure in the
                     middle ends the walk, and m:pairs_error() tells it.
  m:percpu(k)     -> { value for CPU 0, ... }: one value_size string per
                     possible CPU (libbpf_num_possible_cpus(); the kernel's
                     rounding of each to 8 bytes removed).  m:set(k, v) on a
                     per-CPU map takes such a table, or one value for all.
  m:push(v), m:pop(), m:peek()  queue and stack maps (key_size 0)
  m:pin(path)     -> true  (bpf_obj_pin; a bpf filesystem path)
  m:close()       -> true  closes the fd now; also closed when m is garbage
  mapops.map_from_fd(fd) -> a Map on a duplicate of fd (the caller keeps fd)
  mapops.map_pinned(path) -> the Map pinned at path (bpf_obj_get)

  Keys and values: Lua strings of exactly key_size / value_size bytes, or
  integers (Lua numbers that are exact non-negative integers up to 2^53 - 1,
  or int64_t / uint64_t cdata) packed little-endian unsigned to the size
  (a value that does not fit is refused).  A program array's values are
  program fds: m:set(i, prog_fd).

RUNNING

  r = mapops.test_run(prog_fd [, data [, count [, opts]]])
      BPF_PROG_TEST_RUN: r.retval, r.data (the packet after the run),
      r.duration_ns (the kernel's mean per run).  count: how many runs
      (0 and 1 both run once).  Packet program types need data of at least
      14 bytes (an Ethernet header): data = nil gives them 14 zero bytes.
      opts.ctx: a string passed as ctx_in.  Raw tracepoint programs need
      it; they and syscall programs run once (count 0 or 1, given to the
      kernel as repeat 0, the only value it takes for them).

ATTACHING (links: link:close(), also closed when garbage collected)

  mapops.attach_xdp(prog_fd, ifname [, mode])  mode "skb", "drv" or nil:
      a BPF link (bpf_link_create, BPF_XDP): it goes away with the process.
  mapops.attach_socket(prog_fd, sockfd) / mapops.detach_socket(sockfd)
      SO_ATTACH_BPF / SO_DETACH_BPF on an integer socket fd -> true.  The
      filter lives as long as the socket.
  mapops.attach_tracepoint(prog_fd, category, name)  perf_event_open of the
      tracefs event id (tracefs is mounted at /sys/kernel/tracing first if
      it is not there) and bpf_link_create(BPF_PERF_EVENT).
  mapops.attach_raw_tracepoint(prog_fd, name)  bpf_raw_tracepoint_open.
  mapops.attach_kprobe(prog_fd, func [, retprobe])  the kprobe PMU; on a
      kernel without one, nil, a message naming what is missing, EOPNOTSUPP.
  mapops.attach_cgroup(prog_fd, cgroup_v2_dir, attach_type)  a cgroup link
      (bpf_link_create), e.g. attach_type mapops.CGROUP_INET_INGRESS.
  mapops.attach_tc(prog_fd, ifname [, ingress])  bpf_tc_hook_create (the
      clsact qdisc) and bpf_tc_attach; ingress defaults to true.
  What outlives the process: the tc filter does not (link:close(), and the
  garbage collector, detach it) unless the process dies without running
  them -- a tc filter is no BPF link, so after a crash or SIGKILL it stays
  until `tc filter del`; the clsact qdisc is always left in place.  Every
  other attachment is a link or an fd and goes with the process.

EVENTS

  rb = mapops.ringbuf(map_or_fd, callback)   callback(data) for each record
  rb:poll(timeout_ms) -> records, rb:consume() -> records, rb:close()
  pb = mapops.perfbuf(map_or_fd, callback [, pages [, lost]])
      callback(cpu, data); lost(cpu, count); pages a power of 2 (8)
  pb:poll(timeout_ms) -> records, pb:close()
  A perf record is the kernel's raw sample: its size is rounded up so that
  size + 4 is a multiple of 8, with zero bytes (8 bytes output arrive as 12).
  The callbacks are C callbacks (ffi.cast) held by the buffer and freed by
  close() (or the garbage collector: a callback that refers to its own
  buffer keeps it alive, as any C callback is a root until freed, so close
  such a buffer yourself).  poll() and consume() are never
  compiled (jit.off): LuaJIT must not call back into Lua from C called by
  a compiled trace.
  A callback that raises an error stops the poll: poll() returns nil, the
  error text, ECANCELED (125), and the record whose callback raised as a
  fourth value (data for a ring buffer; { cpu = , data = } for a perf
  buffer).  libbpf 1.1 has already consumed that record when its callback
  runs, so it is in the kernel's buffer no longer: the fourth value is the
  only copy.  A ring buffer stops at that record; a perf buffer's callbacks
  cannot stop libbpf, so the records that follow in the same poll are kept
  and given to the callback first at the next poll() (pb:pending() counts
  them).
]==]

local ffi = require "ffi"
local bit = require "bit"
local libbpf = require "mapops.libbpf"

local EINVAL, ENOENT, EBADF = 22, 2, 9
local EOPNOTSUPP, ECANCELED, ENOTSUPP = 95, 125, 524
local SAFE = 2 ^ 53 - 1

local int64_t, uint64_t = ffi.typeof("int64_t"), ffi.typeof("uint64_t")
local bytes_t = ffi.typeof("uint8_t[?]")

return function(M)

local function fail(fn, fmt, ...)
	return nil, string.format("mapops.%s: " .. fmt, fn, ...), EINVAL
end

local function describe(v)
	local t = type(v)
	if t == "string" then
		if #v > 40 then v = v:sub(1, 40) .. "..." end
		return string.format("string %q", v)
	elseif t == "number" or t == "boolean" then
		return t .. " " .. tostring(v)
	elseif t == "cdata" then
		return "cdata " .. tostring(v)
	end
	return t
end

-- A non-negative integer (number or 64-bit cdata) as uint64_t, or nil.
local function as_u64(v)
	if type(v) == "number" then
		if v == v and v % 1 == 0 and v >= 0 and v <= SAFE then return ffi.cast(uint64_t, v) end
	elseif type(v) == "cdata" then
		if ffi.istype(uint64_t, v) then return v end
		if ffi.istype(int64_t, v) and v >= 0 then return ffi.cast(uint64_t, v) end
	end
	return nil
end

-- An integer in [lo, hi] as a Lua number, or nil.
local function as_int(v, lo, hi)
	if type(v) == "number" then
		if v == v and v % 1 == 0 and v >= lo and v <= hi then return v end
	elseif type(v) == "cdata" and (ffi.istype(int64_t, v) or ffi.istype(uint64_t, v)) then
		if v >= 0 or ffi.istype(int64_t, v) then
			local n = tonumber(v)
			if n >= lo and n <= hi and n % 1 == 0 then return n end
		end
	end
	return nil
end

local function fd_arg(fn, what, v)
	local fd = as_int(v, 0, 2147483647)
	if not fd then return fail(fn, "%s must be a file descriptor (an integer >= 0), got %s", what, describe(v)) end
	return fd
end

-- v packed to size bytes (a string), or nil and why.
local function pack(v, size, what)
	if type(v) == "string" then
		if #v ~= size then
			return nil, string.format("%s must be %d bytes, got a string of %d bytes", what, size, #v)
		end
		return v
	end
	local u = as_u64(v)
	if u == nil then
		return nil, string.format("%s must be a string of %d bytes or an integer >= 0 (a Lua number up to 2^53 - 1, or int64_t/uint64_t cdata), got %s",
					  what, size, describe(v))
	end
	if size < 8 and u >= bit.lshift(1ULL, 8 * size) then
		return nil, string.format("%s %s does not fit in %d bytes", what,
					  (tostring(u):gsub("ULL$", "")), size)
	end
	local b = bytes_t(size)
	for i = 0, math.min(size, 8) - 1 do
		b[i] = tonumber(bit.band(bit.rshift(u, 8 * i), 0xff))
	end
	return ffi.string(b, size)
end

-- The unsigned little-endian integer in the first n (<= 8) bytes of s.
local function unpack_int(s, n)
	local u = 0ULL
	for i = n, 1, -1 do u = u * 256 + s:byte(i) end
	if u <= SAFE then return tonumber(u) end
	return u
end

-- ---------------------------------------------------------------------------
-- File descriptors owned by a Lua object: a cdata box whose finalizer
-- closes the fd once.
-- ---------------------------------------------------------------------------

ffi.cdef [[ struct mapops_lua_fd { int fd; }; ]]
local fd_box_t = ffi.typeof("struct mapops_lua_fd")

local function close_box(b)
	if b.fd >= 0 then
		libbpf.close(b.fd)
		b.fd = -1
	end
end

local function own_fd(fd)
	return ffi.gc(fd_box_t(fd), close_box)
end

-- Reads /proc/self/fdinfo/<fd> into a table of its "key:\tvalue" lines.
local function fdinfo(fd)
	local f = io.open("/proc/self/fdinfo/" .. fd, "r")
	if not f then return nil end
	local t = {}
	for line in f:lines() do
		local k, v = line:match("^([%w_]+):%s*(.-)%s*$")
		if k then t[k] = v end
	end
	f:close()
	return t
end

-- ---------------------------------------------------------------------------
-- Maps
-- ---------------------------------------------------------------------------

local Map = {}
Map.__index = Map
local PERCPU = {}
for _, n in ipairs { "PERCPU_HASH", "PERCPU_ARRAY", "LRU_PERCPU_HASH", "PERCPU_CGROUP_STORAGE" } do
	if M["MAP_TYPE_" .. n] then PERCPU[M["MAP_TYPE_" .. n]] = true end
end

local function ncpus()
	local n, msg, err = libbpf.num_possible_cpus()
	if not n then return nil, msg, err end
	return n
end

local function new_map(fd, mtype, key_size, value_size, max_entries)
	local m = setmetatable({
		type = mtype, key_size = key_size, value_size = value_size,
		max_entries = max_entries, percpu_map = PERCPU[mtype] or false,
		_box = own_fd(fd),
	}, Map)
	return m
end

-- m.fd reads the box (-1 once closed).
function Map.__index(m, k)
	if k == "fd" then return m._box.fd end
	return Map[k]
end

function Map.__tostring(m)
	return string.format("mapops.Map(fd %d, type %d, key %d, value %d, max %d)", m._box.fd,
			     m.type, m.key_size, m.value_size, m.max_entries)
end

-- The open fd of m, or nil, message, errno.
local function map_fd(m, fn)
	if getmetatable(m) ~= Map then
		return nil, string.format("mapops.Map.%s: called on %s, not a mapops map (use m:%s(...))",
					  fn, describe(m), fn), EINVAL
	end
	local fd = m._box.fd
	if fd < 0 then return nil, string.format("mapops.Map.%s: the map is closed", fn), EBADF end
	return fd
end

function M.map(mtype, key_size, value_size, max_entries, opts)
	local t = as_int(mtype, 0, 4294967295)
	if not t then return fail("map", "type must be a map type (mapops.MAP_TYPE_*), got %s", describe(mtype)) end
	local sizes = { key_size = key_size, value_size = value_size, max_entries = max_entries }
	for _, k in ipairs { "key_size", "value_size", "max_entries" } do
		local v = as_int(sizes[k], 0, 4294967295)
		if not v then return fail("map", "%s must be an integer in [0, 2^32 - 1], got %s", k, describe(sizes[k])) end
		sizes[k] = v
	end
	local o, name
	if opts ~= nil then
		if type(opts) ~= "table" then return fail("map", "opts must be a table or nil, got %s", describe(opts)) end
		o = libbpf.MapCreateOpts()
		for k, v in pairs(opts) do
			if k == "name" then
				if type(v) ~= "string" or v:find("\0", 1, true) then
					return fail("map", "opts.name must be a string without NUL bytes, got %s", describe(v))
				end
				name = v
			elseif k == "flags" or k == "map_extra" then
				local x = k == "flags" and as_int(v, 0, 4294967295) or as_u64(v)
				if not x then return fail("map", "opts.%s must be an unsigned integer, got %s", k, describe(v)) end
				o[k == "flags" and "map_flags" or k] = x
			elseif k == "inner_map" then
				local fd
				if getmetatable(v) == Map then
					local f, msg, err = map_fd(v, "inner_map")
					if not f then return nil, "mapops.map: opts.inner_map: " .. msg, err end
					fd = f
				else
					fd = as_int(v, 0, 2147483647)
					if not fd then return fail("map", "opts.inner_map must be a Map or a map fd, got %s", describe(v)) end
				end
				o.inner_map_fd = fd
			else
				return fail("map", "opts has an unknown option %s (known: name, flags, inner_map, map_extra)", describe(k))
			end
		end
	end
	local fd, msg, err = libbpf.map_create(t, name, sizes.key_size, sizes.value_size,
					       sizes.max_entries, o)
	if not fd then return nil, "mapops.map: " .. msg, err end
	return new_map(fd, t, sizes.key_size, sizes.value_size, sizes.max_entries)
end

-- A Map for an fd this call owns (closed on failure).
local function map_of_fd(fd, fn)
	local info = fdinfo(fd)
	if not info or not info.map_type then
		libbpf.close(fd)
		return nil, string.format("mapops.%s: the fd is not a BPF map (its /proc/self/fdinfo has no map_type)", fn), EINVAL
	end
	return new_map(fd, tonumber(info.map_type), tonumber(info.key_size),
		       tonumber(info.value_size), tonumber(info.max_entries))
end

function M.map_from_fd(fd)
	local f, msg, err = fd_arg("map_from_fd", "fd", fd)
	if not f then return nil, msg, err end
	local nfd
	nfd, msg, err = libbpf.dup(f)
	if not nfd then return nil, "mapops.map_from_fd: " .. msg, err end
	return map_of_fd(nfd, "map_from_fd")
end

function M.map_pinned(path)
	if type(path) ~= "string" or path:find("\0", 1, true) then
		return fail("map_pinned", "path must be a string without NUL bytes, got %s", describe(path))
	end
	local fd, msg, err = libbpf.obj_get(path)
	if not fd then return nil, "mapops.map_pinned: " .. msg, err end
	return map_of_fd(fd, "map_pinned")
end

function Map.pin(m, path)
	local fd, msg, err = map_fd(m, "pin")
	if not fd then return nil, msg, err end
	if type(path) ~= "string" or path:find("\0", 1, true) then
		return fail("Map.pin", "path must be a string without NUL bytes, got %s", describe(path))
	end
	local ok
	ok, msg, err = libbpf.obj_pin(fd, path)
	if not ok then return nil, "mapops.Map.pin: " .. msg, err end
	return true
end

function Map.close(m)
	local fd, msg, err = map_fd(m, "close")
	if not fd then return nil, msg, err end
	ffi.gc(m._box, nil)
	close_box(m._box)
	return true
end

-- The key of a call as a string (nil for key_size 0), or nil, message, errno.
local function key_of(m, fn, k)
	if m.key_size == 0 then
		if k ~= nil then return fail("Map." .. fn, "this map has no keys (key_size 0): the key must be nil, got %s", describe(k)) end
		return false
	end
	local s, why = pack(k, m.key_size, "the key")
	if not s then return nil, "mapops.Map." .. fn .. ": " .. why, EINVAL end
	return s
end

-- The size of one lookup's value buffer.
local function value_buf_size(m)
	if not m.percpu_map then return m.value_size, 1 end
	local n, msg, err = ncpus()
	if not n then return nil, msg, err end
	local stride = bit.band(m.value_size + 7, bit.bnot(7))
	return n * stride, n, stride
end

-- The per-CPU values in buf as a table of strings.
local function split_percpu(m, buf, n, stride)
	local t = {}
	for i = 0, n - 1 do t[i + 1] = ffi.string(buf + i * stride, m.value_size) end
	return t
end

local function lookup(m, fn, fd, key)
	local size, n, stride = value_buf_size(m)
	if not size then return nil, n, stride end
	local buf = bytes_t(math.max(size, 1))
	local ok, msg, err = libbpf.map_lookup_elem(fd, key or nil, buf)
	if not ok then
		if err == ENOENT then
			return nil, "mapops.Map." .. fn .. ": no such key", ENOENT
		end
		return nil, "mapops.Map." .. fn .. ": " .. msg, err
	end
	if m.percpu_map then return split_percpu(m, buf, n, stride) end
	return ffi.string(buf, m.value_size)
end

function Map.get(m, k)
	local fd, msg, err = map_fd(m, "get")
	if not fd then return nil, msg, err end
	local key
	key, msg, err = key_of(m, "get", k)
	if key == nil then return nil, msg, err end
	return lookup(m, "get", fd, key)
end

function Map.percpu(m, k)
	local fd, msg, err = map_fd(m, "percpu")
	if not fd then return nil, msg, err end
	if not m.percpu_map then
		return fail("Map.percpu", "map type %d is not a per-CPU map", m.type)
	end
	return Map.get(m, k)
end

function Map.get_int(m, k)
	if getmetatable(m) == Map and m.value_size > 8 then
		return fail("Map.get_int", "the value is %d bytes, more than an integer's 8", m.value_size)
	end
	local v, msg, err = Map.get(m, k)
	if v == nil then return nil, msg, err end
	if type(v) == "table" then
		return fail("Map.get_int", "a per-CPU map has one value per CPU: use percpu()")
	end
	return unpack_int(v, m.value_size)
end

function Map.set(m, k, v, flags)
	local fd, msg, err = map_fd(m, "set")
	if not fd then return nil, msg, err end
	local key
	key, msg, err = key_of(m, "set", k)
	if key == nil then return nil, msg, err end
	local f = as_u64(flags or 0)
	if not f then return fail("Map.set", "flags must be an integer >= 0, got %s", describe(flags)) end
	local value
	if m.percpu_map then
		local size, n, stride = value_buf_size(m)
		if not size then return nil, n, stride end
		local buf = bytes_t(size)
		if type(v) == "table" then
			if #v ~= n then
				return fail("Map.set", "a per-CPU value table must have one value per possible CPU (%d), got %d", n, #v)
			end
		end
		for i = 0, n - 1 do
			local s, why = pack(type(v) == "table" and v[i + 1] or v, m.value_size,
					    "the value")
			if not s then return nil, "mapops.Map.set: " .. why, EINVAL end
			ffi.copy(buf + i * stride, s, m.value_size)
		end
		value = buf
	else
		local why
		value, why = pack(v, m.value_size, "the value")
		if not value then return nil, "mapops.Map.set: " .. why, EINVAL end
	end
	local ok
	ok, msg, err = libbpf.map_update_elem(fd, key or nil, value, f)
	if not ok then return nil, "mapops.Map.set: " .. msg, err end
	return true
end

function Map.delete(m, k)
	local fd, msg, err = map_fd(m, "delete")
	if not fd then return nil, msg, err end
	local key
	key, msg, err = key_of(m, "delete", k)
	if key == nil then return nil, msg, err end
	local ok
	ok, msg, err = libbpf.map_delete_elem(fd, key or nil)
	if not ok then
		if err == ENOENT then return nil, "mapops.Map.delete: no such key", ENOENT end
		return nil, "mapops.Map.delete: " .. msg, err
	end
	return true
end

function Map.push(m, v, flags)
	if getmetatable(m) == Map and m.key_size ~= 0 then
		return fail("Map.push", "push() is for queue and stack maps (key_size 0)")
	end
	return Map.set(m, nil, v, flags)
end

function Map.peek(m)
	return Map.get(m, nil)
end

function Map.pop(m)
	local fd, msg, err = map_fd(m, "pop")
	if not fd then return nil, msg, err end
	if m.key_size ~= 0 then return fail("Map.pop", "pop() is for queue and stack maps (key_size 0)") end
	local buf = bytes_t(math.max(m.value_size, 1))
	local ok
	ok, msg, err = libbpf.map_lookup_and_delete_elem(fd, nil, buf)
	if not ok then
		if err == ENOENT then return nil, "mapops.Map.pop: the map is empty", ENOENT end
		return nil, "mapops.Map.pop: " .. msg, err
	end
	return ffi.string(buf, m.value_size)
end

function Map.pairs(m)
	local fd, msg, err = map_fd(m, "pairs")
	if not fd then return nil, msg, err end
	if m.key_size == 0 then return fail("Map.pairs", "a map without keys (key_size 0) cannot be walked") end
	local ks = m.key_size
	local prev, nxt = nil, bytes_t(ks)
	m._pairs_error = nil
	return function()
		while true do
			local f = m._box.fd
			if f < 0 then
				m._pairs_error = { "mapops.Map.pairs: the map was closed during the walk", EBADF }
				return nil
			end
			local ok, emsg, eno = libbpf.map_get_next_key(f, prev, nxt)
			if not ok then
				if eno ~= ENOENT then m._pairs_error = { "mapops.Map.pairs: " .. emsg, eno } end
				return nil
			end
			local k = ffi.string(nxt, ks)
			prev = k
			local v, vmsg, verr = lookup(m, "pairs", f, k)
			if v ~= nil then return k, v end
			if verr ~= ENOENT then -- deleted since: skip it
				m._pairs_error = { vmsg, verr }
				return nil
			end
		end
	end
end

-- The failure that ended the last pairs() walk early: nil when it ran to
-- the end, else message, errno.
function Map.pairs_error(m)
	local e = m._pairs_error
	if e then return e[1], e[2] end
	return nil
end

-- ---------------------------------------------------------------------------
-- Test runs
-- ---------------------------------------------------------------------------

-- Program types whose test runs take a packet (at least an Ethernet header).
local PACKET_TYPES = {}
for _, n in ipairs { "SOCKET_FILTER", "SCHED_CLS", "SCHED_ACT", "XDP", "CGROUP_SKB",
		     "LWT_IN", "LWT_OUT", "LWT_XMIT", "LWT_SEG6LOCAL", "FLOW_DISSECTOR" } do
	if M["PROG_TYPE_" .. n] then PACKET_TYPES[M["PROG_TYPE_" .. n]] = n end
end
local TYPE_NAMES = {}
for _, c in ipairs(require("mapops._api").CONSTANTS) do
	if c[1]:find("^PROG_TYPE_") then TYPE_NAMES[c[2]] = c[1]:sub(11):lower() end
end
local ETH_HLEN = 14

local function prog_type_of(fd)
	local info = fdinfo(fd)
	return info and tonumber(info.prog_type)
end

function M.test_run(prog_fd, data, count, opts)
	local fd, msg, err = fd_arg("test_run", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	if data ~= nil and type(data) ~= "string" then
		return fail("test_run", "data must be a string or nil, got %s", describe(data))
	end
	local n = as_int(count == nil and 1 or count, 0, 2147483647)
	if not n then return fail("test_run", "count must be an integer in [0, 2^31 - 1], got %s", describe(count)) end
	local ctx
	if opts ~= nil then
		if type(opts) ~= "table" then return fail("test_run", "opts must be a table or nil, got %s", describe(opts)) end
		for k, v in pairs(opts) do
			if k ~= "ctx" then return fail("test_run", "opts has an unknown option %s (known: ctx)", describe(k)) end
			if type(v) ~= "string" then return fail("test_run", "opts.ctx must be a string, got %s", describe(v)) end
			ctx = v
		end
	end
	local ptype = prog_type_of(fd)
	if ptype == nil then
		return nil, string.format("mapops.test_run: fd %d is not a BPF program (its /proc/self/fdinfo has no prog_type)", fd), EINVAL
	end
	local tname = TYPE_NAMES[ptype] or tostring(ptype)
	if PACKET_TYPES[ptype] then
		if data == nil then data = string.rep("\0", ETH_HLEN) end
		if #data < ETH_HLEN then
			return fail("test_run", "a %s program's test run needs data of at least %d bytes (an Ethernet header), got %d",
				    tname, ETH_HLEN, #data)
		end
	end
	if ptype == M.PROG_TYPE_RAW_TRACEPOINT then
		if ctx == nil then
			return fail("test_run", "a raw_tracepoint program's test run needs opts.ctx (its u64 arguments as a string)")
		end
	end
	-- raw tracepoint and syscall programs run once, and only with repeat 0
	if ptype == M.PROG_TYPE_RAW_TRACEPOINT or ptype == M.PROG_TYPE_SYSCALL then
		if n > 1 then
			return fail("test_run", "the kernel runs a %s program once: count must be 0 or 1, got %d", tname, n)
		end
		n = 0
	end
	local o = libbpf.TestRunOpts()
	local inbuf, outbuf
	if data then
		inbuf = bytes_t(math.max(#data, 1))
		ffi.copy(inbuf, data, #data)
		o.data_in = inbuf
		o.data_size_in = #data
		-- room for what XDP's and tc's head and tail adjustments may add
		outbuf = bytes_t(#data + 4096)
		o.data_out = outbuf
		o.data_size_out = #data + 4096
	end
	local ctxbuf
	if ctx then
		ctxbuf = bytes_t(math.max(#ctx, 1))
		ffi.copy(ctxbuf, ctx, #ctx)
		o.ctx_in = ctxbuf
		o.ctx_size_in = #ctx
	end
	o["repeat"] = n
	local ok
	ok, msg, err = libbpf.prog_test_run_opts(fd, o)
	if not ok then
		if err == ENOTSUPP then
			return nil, string.format("mapops.test_run: the kernel cannot test-run %s programs (%s)", tname, msg), err
		end
		return nil, string.format("mapops.test_run: a %s program: %s", tname, msg), err
	end
	return {
		retval = tonumber(o.retval),
		data = data and ffi.string(outbuf, o.data_size_out) or nil,
		duration_ns = tonumber(o.duration),
	}
end

-- ---------------------------------------------------------------------------
-- Links
-- ---------------------------------------------------------------------------

ffi.cdef [[
struct mapops_lua_link {
	int fd;          /* the link (or raw tracepoint) fd, or -1 */
	int perf_fd;     /* the perf event under it, or -1 */
	int tc;          /* 1: a tc filter (hook and opts below) */
	struct bpf_tc_hook hook;
	struct bpf_tc_opts opts;
};
]]
local link_t = ffi.typeof("struct mapops_lua_link")

local function release_link(l)
	if l.tc ~= 0 then
		l.tc = 0
		local o = libbpf.TcOpts()
		o.handle, o.priority = l.opts.handle, l.opts.priority
		local hook = libbpf.TcHook()
		ffi.copy(hook, l.hook, ffi.sizeof(hook))
		local ok, msg, err = libbpf.tc_detach(hook, o)
		if not ok then return nil, msg, err end
	end
	if l.fd >= 0 then libbpf.close(l.fd); l.fd = -1 end
	if l.perf_fd >= 0 then libbpf.close(l.perf_fd); l.perf_fd = -1 end
	return true
end

local Link = {}
Link.__index = Link

local function new_link(kind, fd, perf_fd)
	local c = ffi.gc(link_t(), release_link)
	c.fd, c.perf_fd = fd or -1, perf_fd or -1
	return setmetatable({ kind = kind, _c = c }, Link), c
end

function Link.__tostring(l)
	return string.format("mapops.Link(%s, fd %d)", l.kind, l._c.fd)
end

function Link.close(l)
	if getmetatable(l) ~= Link then return fail("Link.close", "called on %s, not a link", describe(l)) end
	local c = l._c
	if c.fd < 0 and c.tc == 0 then return nil, "mapops.Link.close: the link is closed", EBADF end
	ffi.gc(c, nil)
	local ok, msg, err = release_link(c)
	if not ok then return nil, "mapops.Link.close: " .. msg, err end
	return true
end

-- The link fd (-1 once closed).
function Link.fd(l) return l._c.fd end

local function ifindex_of(fn, ifname)
	if type(ifname) ~= "string" or ifname == "" or ifname:find("\0", 1, true) then
		return fail(fn, "ifname must be an interface name, got %s", describe(ifname))
	end
	local idx, msg, err = libbpf.if_nametoindex(ifname)
	if not idx then return nil, string.format("mapops.%s: interface %q: %s", fn, ifname, msg), err end
	return idx
end

function M.attach_xdp(prog_fd, ifname, mode)
	local fd, msg, err = fd_arg("attach_xdp", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	local flags
	if mode == nil then flags = 0
	elseif mode == "skb" then flags = libbpf.XDP_FLAGS_SKB_MODE
	elseif mode == "drv" then flags = libbpf.XDP_FLAGS_DRV_MODE
	else return fail("attach_xdp", "mode must be \"skb\", \"drv\" or nil, got %s", describe(mode)) end
	local idx
	idx, msg, err = ifindex_of("attach_xdp", ifname)
	if not idx then return nil, msg, err end
	local o = libbpf.LinkCreateOpts()
	o.flags = flags
	local lfd
	lfd, msg, err = libbpf.link_create(fd, idx, M.XDP, o)
	if not lfd then return nil, string.format("mapops.attach_xdp(%q): %s", ifname, msg), err end
	return (new_link("xdp", lfd))
end

function M.attach_socket(prog_fd, sockfd)
	local fd, msg, err = fd_arg("attach_socket", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	local s
	s, msg, err = fd_arg("attach_socket", "sockfd", sockfd)
	if not s then return nil, msg, err end
	local ok
	ok, msg, err = libbpf.setsockopt_int(s, libbpf.SOL_SOCKET, libbpf.SO_ATTACH_BPF, fd)
	if not ok then return nil, "mapops.attach_socket: SO_ATTACH_BPF " .. msg, err end
	return true
end

function M.detach_socket(sockfd)
	local s, msg, err = fd_arg("detach_socket", "sockfd", sockfd)
	if not s then return nil, msg, err end
	local ok
	ok, msg, err = libbpf.setsockopt_int(s, libbpf.SOL_SOCKET, libbpf.SO_DETACH_BPF, 0)
	if not ok then return nil, "mapops.detach_socket: SO_DETACH_BPF " .. msg, err end
	return true
end

local TRACEFS = "/sys/kernel/tracing"

local function read_first_line(path)
	local f = io.open(path, "r")
	if not f then return nil end
	local s = f:read("*l")
	f:close()
	return s
end

-- The tracefs id of category:name, mounting tracefs if it is not mounted.
local function tracepoint_id(category, name)
	local path = TRACEFS .. "/events/" .. category .. "/" .. name .. "/id"
	local id = read_first_line(path)
	if not id and not read_first_line(TRACEFS .. "/available_events") then
		local ok, msg, err = libbpf.mount("nodev", TRACEFS, "tracefs")
		if not ok then
			return nil, "tracefs is not mounted at " .. TRACEFS .. " and mounting it failed: " .. msg, err
		end
		id = read_first_line(path)
	end
	if not id or not tonumber(id) then
		return nil, string.format("no tracepoint %s:%s (%s does not exist)", category, name, path), ENOENT
	end
	return tonumber(id)
end

-- perf_event_open(attr) on CPU 0 for every process, then a
-- BPF_PERF_EVENT link to it.
local function perf_link(fn, kind, prog_fd, attr)
	local pfd, msg, err = libbpf.perf_event_open(attr, -1, 0, -1, libbpf.PERF_FLAG_FD_CLOEXEC)
	if not pfd then return nil, "mapops." .. fn .. ": " .. msg, err end
	local lfd
	lfd, msg, err = libbpf.link_create(prog_fd, pfd, M.PERF_EVENT, nil)
	if not lfd then
		libbpf.close(pfd)
		return nil, "mapops." .. fn .. ": " .. msg, err
	end
	return (new_link(kind, lfd, pfd))
end

local function event_name(fn, what, v)
	if type(v) ~= "string" or v == "" or v:find("[/%z]") or v == "." or v == ".." then
		return fail(fn, "%s must be a tracepoint name (no '/' or NUL), got %s", what, describe(v))
	end
	return v
end

function M.attach_tracepoint(prog_fd, category, name)
	local fd, msg, err = fd_arg("attach_tracepoint", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	for what, v in pairs { category = category, name = name } do
		local ok, m2, e2 = event_name("attach_tracepoint", what, v)
		if not ok then return nil, m2, e2 end
	end
	local id
	id, msg, err = tracepoint_id(category, name)
	if not id then return nil, "mapops.attach_tracepoint: " .. msg, err end
	local attr = libbpf.PerfEventAttr()
	attr.type = libbpf.PERF_TYPE_TRACEPOINT
	attr.config = id
	attr.sample_period = 1
	attr.wakeup_events = 1
	return perf_link("attach_tracepoint", "tracepoint", fd, attr)
end

function M.attach_raw_tracepoint(prog_fd, name)
	local fd, msg, err = fd_arg("attach_raw_tracepoint", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	local ok, m2, e2 = event_name("attach_raw_tracepoint", "name", name)
	if not ok then return nil, m2, e2 end
	local lfd
	lfd, msg, err = libbpf.raw_tracepoint_open(name, fd)
	if not lfd then return nil, "mapops.attach_raw_tracepoint: " .. msg, err end
	return (new_link("raw_tracepoint", lfd))
end

local KPROBE_PMU = "/sys/bus/event_source/devices/kprobe"

function M.attach_kprobe(prog_fd, func, retprobe)
	local fd, msg, err = fd_arg("attach_kprobe", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	if type(func) ~= "string" or func == "" or func:find("\0", 1, true) then
		return fail("attach_kprobe", "func must be a kernel function name, got %s", describe(func))
	end
	if retprobe ~= nil and type(retprobe) ~= "boolean" then
		return fail("attach_kprobe", "retprobe must be true, false or nil, got %s", describe(retprobe))
	end
	local ptype = tonumber(read_first_line(KPROBE_PMU .. "/type") or "")
	if not ptype then
		return nil, string.format("mapops.attach_kprobe(%q): this kernel has no kprobe PMU (%s/type does not exist: a kernel built without CONFIG_KPROBE_EVENTS / CONFIG_KPROBES)",
					  func, KPROBE_PMU), EOPNOTSUPP
	end
	local attr = libbpf.PerfEventAttr()
	attr.type = ptype
	if retprobe then
		local bitno = tonumber((read_first_line(KPROBE_PMU .. "/format/retprobe") or ""):match("config:(%d+)"))
		if not bitno then
			return nil, string.format("mapops.attach_kprobe(%q): the kprobe PMU has no retprobe format (%s/format/retprobe)", func, KPROBE_PMU), EOPNOTSUPP
		end
		attr.config = bit.lshift(1ULL, bitno)
	end
	local name = ffi.new("char[?]", #func + 1, func)
	attr.config1 = ffi.cast("uint64_t", ffi.cast("uintptr_t", name)) -- kprobe_func
	attr.sample_period = 1
	local link
	link, msg, err = perf_link("attach_kprobe", "kprobe", fd, attr)
	if not link then return nil, msg, err end
	return link
end

function M.attach_cgroup(prog_fd, dir, attach_type)
	local fd, msg, err = fd_arg("attach_cgroup", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	if type(dir) ~= "string" or dir:find("\0", 1, true) then
		return fail("attach_cgroup", "dir must be a cgroup v2 directory path, got %s", describe(dir))
	end
	local t = as_int(attach_type, 0, 4294967295)
	if not t then return fail("attach_cgroup", "attach_type must be an attach type (mapops.CGROUP_*), got %s", describe(attach_type)) end
	local cfd
	cfd, msg, err = libbpf.open_dir(dir)
	if not cfd then return nil, "mapops.attach_cgroup: " .. msg, err end
	local lfd
	lfd, msg, err = libbpf.link_create(fd, cfd, t, nil)
	libbpf.close(cfd)
	if not lfd then
		return nil, string.format("mapops.attach_cgroup(%q): %s%s", dir, msg,
			err == EBADF and " (is it a cgroup v2 directory? mount -t cgroup2 none DIR)" or ""), err
	end
	return (new_link("cgroup", lfd))
end

function M.attach_tc(prog_fd, ifname, ingress)
	local fd, msg, err = fd_arg("attach_tc", "prog_fd", prog_fd)
	if not fd then return nil, msg, err end
	if ingress ~= nil and type(ingress) ~= "boolean" then
		return fail("attach_tc", "ingress must be true, false or nil (true), got %s", describe(ingress))
	end
	local idx
	idx, msg, err = ifindex_of("attach_tc", ifname)
	if not idx then return nil, msg, err end
	local link, c = new_link("tc", -1)
	c.hook.sz = ffi.sizeof(c.hook)
	c.hook.ifindex = idx
	c.hook.attach_point = ingress == false and libbpf.BPF_TC_EGRESS or libbpf.BPF_TC_INGRESS
	local hook = libbpf.TcHook()
	ffi.copy(hook, c.hook, ffi.sizeof(hook))
	local ok
	ok, msg, err = libbpf.tc_hook_create(hook)
	if not ok and err ~= 17 then -- EEXIST: the clsact qdisc is there already
		return nil, string.format("mapops.attach_tc(%q): %s", ifname, msg), err
	end
	local o = libbpf.TcOpts()
	o.prog_fd = fd
	ok, msg, err = libbpf.tc_attach(hook, o)
	if not ok then return nil, string.format("mapops.attach_tc(%q): %s", ifname, msg), err end
	c.opts.handle, c.opts.priority = o.handle, o.priority
	c.tc = 1
	return link
end

-- ---------------------------------------------------------------------------
-- Ring and perf buffers
-- ---------------------------------------------------------------------------

local function buffer_map_fd(fn, m, want, what)
	if getmetatable(m) == Map then
		local fd, msg, err = map_fd(m, fn)
		if not fd then return nil, msg, err end
		if m.type ~= want then
			return fail(fn, "the map (type %d) is not a %s map (mapops.MAP_TYPE_%s, %d)", m.type, what:lower(), what, want)
		end
		return fd
	end
	return fd_arg(fn, "map", m)
end

local RingBuffer = {}
RingBuffer.__index = RingBuffer

function M.ringbuf(map, callback)
	local fd, msg, err = buffer_map_fd("ringbuf", map, M.MAP_TYPE_RINGBUF, "RINGBUF")
	if not fd then return nil, msg, err end
	if type(callback) ~= "function" then
		return fail("ringbuf", "callback must be a function, got %s", describe(callback))
	end
	-- The C callback's closure holds only st, never the RingBuffer: the
	-- callback is a GC root until it is freed, and must not keep the
	-- buffer (whose finalizer frees it) alive.
	local st = { callback = callback }
	local cb = ffi.cast(libbpf.RingBufferSampleFn, function(_, data, size)
		local rec = ffi.string(data, size)
		local ok, e = pcall(st.callback, rec)
		if ok then return 0 end
		st.error, st.record = tostring(e), rec
		return -1
	end)
	local rb
	rb, msg, err = libbpf.ring_buffer_new(fd, cb)
	if not rb then
		cb:free()
		return nil, "mapops.ringbuf: " .. msg, err
	end
	return setmetatable({
		map = map, _st = st, _cb = cb,
		_rb = ffi.gc(rb, function(p)
			libbpf.ring_buffer_free(p)
			cb:free()
		end),
	}, RingBuffer)
end

local function rb_handle(self, fn)
	if getmetatable(self) ~= RingBuffer then
		return fail("RingBuffer." .. fn, "called on %s, not a ring buffer", describe(self))
	end
	if not self._rb then return nil, "mapops.RingBuffer." .. fn .. ": the ring buffer is closed", EBADF end
	return self._rb
end

local function timeout_of(fn, t)
	local v = as_int(t == nil and 100 or t, -1, 2147483647)
	if not v then return fail(fn, "timeout_ms must be an integer >= -1 (-1: wait forever), got %s", describe(t)) end
	return v
end

local function rb_result(self, fn, n, msg, err)
	local st = self._st
	if st.error then
		local e, rec = st.error, st.record
		st.error, st.record = nil, nil
		return nil, "mapops.RingBuffer." .. fn .. ": the callback raised an error: " .. e, ECANCELED, rec
	end
	if not n then return nil, "mapops.RingBuffer." .. fn .. ": " .. msg, err end
	return n
end

-- Called from C through the callback: must not run in a compiled trace.
function RingBuffer.poll(self, timeout_ms)
	local rb, msg, err = rb_handle(self, "poll")
	if not rb then return nil, msg, err end
	local t
	t, msg, err = timeout_of("RingBuffer.poll", timeout_ms)
	if not t then return nil, msg, err end
	return rb_result(self, "poll", libbpf.ring_buffer_poll(rb, t))
end
jit.off(RingBuffer.poll)

function RingBuffer.consume(self)
	local rb, msg, err = rb_handle(self, "consume")
	if not rb then return nil, msg, err end
	return rb_result(self, "consume", libbpf.ring_buffer_consume(rb))
end
jit.off(RingBuffer.consume)

function RingBuffer.close(self)
	local rb, msg, err = rb_handle(self, "close")
	if not rb then return nil, msg, err end
	ffi.gc(rb, nil)
	libbpf.ring_buffer_free(rb)
	self._cb:free()
	self._rb, self._cb = nil, nil
	return true
end

local PerfBuffer = {}
PerfBuffer.__index = PerfBuffer

function M.perfbuf(map, callback, pages, lost)
	local fd, msg, err = buffer_map_fd("perfbuf", map, M.MAP_TYPE_PERF_EVENT_ARRAY, "PERF_EVENT_ARRAY")
	if not fd then return nil, msg, err end
	if type(callback) ~= "function" then
		return fail("perfbuf", "callback must be a function, got %s", describe(callback))
	end
	local np = as_int(pages == nil and 8 or pages, 1, 2 ^ 30)
	if not np or bit.band(np, np - 1) ~= 0 then
		return fail("perfbuf", "pages must be a power of 2, got %s", describe(pages))
	end
	if lost ~= nil and type(lost) ~= "function" then
		return fail("perfbuf", "lost must be a function or nil, got %s", describe(lost))
	end
	-- as for ring buffers: the callbacks hold st only
	local st = { callback = callback, lost = lost, pending = {} }
	local cb = ffi.cast(libbpf.PerfBufferSampleFn, function(_, cpu, data, size)
		local rec = ffi.string(data, size)
		if st.error then -- after an error in this poll: kept for the next
			st.pending[#st.pending + 1] = { cpu = cpu, data = rec }
			return
		end
		local ok, e = pcall(st.callback, cpu, rec)
		if not ok then st.error, st.record = tostring(e), { cpu = cpu, data = rec } end
	end)
	local lcb
	if lost then
		lcb = ffi.cast(libbpf.PerfBufferLostFn, function(_, cpu, cnt)
			if st.error then return end
			local ok, e = pcall(st.lost, cpu, cnt <= SAFE and tonumber(cnt) or cnt)
			if not ok then st.error, st.record = tostring(e), { cpu = cpu, lost = cnt } end
		end)
	end
	local pb
	pb, msg, err = libbpf.perf_buffer_new(fd, np, cb, lcb)
	if not pb then
		cb:free()
		if lcb then lcb:free() end
		return nil, "mapops.perfbuf: " .. msg, err
	end
	return setmetatable({
		map = map, _st = st, _cb = cb, _lcb = lcb,
		_pb = ffi.gc(pb, function(p)
			libbpf.perf_buffer_free(p)
			cb:free()
			if lcb then lcb:free() end
		end),
	}, PerfBuffer)
end

local function pb_handle(self, fn)
	if getmetatable(self) ~= PerfBuffer then
		return fail("PerfBuffer." .. fn, "called on %s, not a perf buffer", describe(self))
	end
	if not self._pb then return nil, "mapops.PerfBuffer." .. fn .. ": the perf buffer is closed", EBADF end
	return self._pb
end

function PerfBuffer.pending(self) return #self._st.pending end

function PerfBuffer.poll(self, timeout_ms)
	local pb, msg, err = pb_handle(self, "poll")
	if not pb then return nil, msg, err end
	local t
	t, msg, err = timeout_of("PerfBuffer.poll", timeout_ms)
	if not t then return nil, msg, err end
	-- first the records kept after an earlier callback's error
	local st = self._st
	local done = 0
	while #st.pending > 0 do
		local r = table.remove(st.pending, 1)
		local ok, e = pcall(st.callback, r.cpu, r.data)
		if not ok then
			return nil, "mapops.PerfBuffer.poll: the callback raised an error: " .. tostring(e), ECANCELED, r
		end
		done = done + 1
	end
	if done > 0 then t = 0 end
	local n
	n, msg, err = libbpf.perf_buffer_poll(pb, t)
	if st.error then
		local e, rec = st.error, st.record
		st.error, st.record = nil, nil
		return nil, "mapops.PerfBuffer.poll: the callback raised an error: " .. e, ECANCELED, rec
	end
	if not n then return nil, "mapops.PerfBuffer.poll: " .. msg, err end
	return n + done
end
jit.off(PerfBuffer.poll)

function PerfBuffer.close(self)
	local pb, msg, err = pb_handle(self, "close")
	if not pb then return nil, msg, err end
	ffi.gc(pb, nil)
	libbpf.perf_buffer_free(pb)
	self._cb:free()
	if self._lcb then self._lcb:free() end
	self._pb, self._cb, self._lcb = nil, nil, nil
	return true
end

M.Map, M.Link, M.RingBuffer, M.PerfBuffer = Map, Link, RingBuffer, PerfBuffer
M.ECANCELED = ECANCELED
return M
end
