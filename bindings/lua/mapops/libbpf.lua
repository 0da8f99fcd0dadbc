-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
--[[
mapops.libbpf: the few libbpf 1.1 calls that the binding's tests and
examples use to create maps, read them and run programs, declared once.

    local libbpf = require "mapops.libbpf"
    local fd, msg, errno = libbpf.map_create(libbpf.MAP_TYPE_HASH, "counts", 4, 8, 16)
    local key, value = ffi.new("uint32_t[1]", 7), ffi.new("uint64_t[1]")
    local ok, msg, errno = libbpf.map_lookup_elem(fd, key, value)
    libbpf.close(fd)

libbpf is loaded with ffi.load("libbpf.so.1").  Each function is the libbpf
call of the same name without "bpf_"; keys, values and data are cdata
pointers or arrays the caller owns (kept alive by the caller until the call
returns).  The error convention is the binding's: success is a true value
(true, or the fd / number asked for); any failure is nil, message, errno,
and nothing raises (a wrong argument type fails with EINVAL).

  map_create(map_type, name, key_size, value_size, max_entries) -> fd
  map_lookup_elem(fd, key, value)         -> true   (ENOENT: no such key)
  map_update_elem(fd, key, value, flags)  -> true
  map_delete_elem(fd, key)                -> true
  map_get_next_key(fd, key, next_key)     -> true   (key nil: the first key;
                                                     ENOENT: no more keys)
  prog_test_run_opts(prog_fd, opts)       -> true   (opts: a
      TestRunOpts, i.e. ffi.new("struct bpf_test_run_opts"); sz is set
      here; retval and duration are read from it afterwards)
  num_possible_cpus()                     -> n
  close(fd)                               -> true   (libc's close)

and, for the loader of mapops (bindings/lua/mapops/loader.lua):

  map_create(..., opts)                   opts: a MapCreateOpts or nil
  map_lookup_and_delete_elem(fd, key, value) -> true
  obj_pin(fd, path) -> true;  obj_get(path) -> fd
  link_create(prog_fd, target_fd, attach_type, opts) -> link fd
                                          (opts: a LinkCreateOpts or nil)
  raw_tracepoint_open(name, prog_fd)      -> fd
  prog_attach(prog_fd, target_fd, attach_type, flags) -> true
  prog_detach2(prog_fd, target_fd, attach_type) -> true
  tc_hook_create(hook), tc_hook_destroy(hook) -> true  (hook: a TcHook;
      tc_hook_create's EEXIST, "the clsact qdisc is there", is a failure
      here as in libbpf)
  tc_attach(hook, opts), tc_detach(hook, opts) -> true (opts: a TcOpts)
  ring_buffer_new(map_fd, sample_cb)      -> struct ring_buffer * (not
      garbage collected: ring_buffer_free() it); sample_cb a C callback
      of type RingBufferSampleFn that the caller keeps alive
  ring_buffer_poll(rb, timeout_ms), ring_buffer_consume(rb) -> n records
  ring_buffer_free(rb)
  perf_buffer_new(map_fd, pages, sample_cb, lost_cb) -> struct perf_buffer *
      (PerfBufferSampleFn, PerfBufferLostFn or nil; perf_buffer_free() it)
  perf_buffer_poll(pb, timeout_ms)        -> n records
  perf_buffer_free(pb)
  perf_event_open(attr, pid, cpu, group_fd, flags) -> fd  (the syscall;
      attr: a PerfEventAttr, whose size field is set here)
  setsockopt_int(sockfd, level, optname, value) -> true
  if_nametoindex(name)                    -> ifindex
  open_dir(path)                          -> fd (O_RDONLY | O_DIRECTORY |
                                             O_CLOEXEC)
  dup(fd)                                 -> a new fd (F_DUPFD_CLOEXEC)
  mount(source, target, fstype)           -> true
  errno()                                 -> the C errno now

The constants of headers other than <linux/bpf.h> that these calls take
(tests/lua/test_loader.lua compares each with the installed header):
  XDP_FLAGS_SKB_MODE, XDP_FLAGS_DRV_MODE  <linux/if_link.h>
  BPF_TC_INGRESS, BPF_TC_EGRESS           <bpf/libbpf.h>
  SOL_SOCKET, SO_ATTACH_BPF, SO_DETACH_BPF <asm-generic/socket.h>
  PERF_TYPE_TRACEPOINT, PERF_FLAG_FD_CLOEXEC <linux/perf_event.h>

  MAP_TYPE_HASH, MAP_TYPE_ARRAY, MAP_TYPE_PERCPU_HASH, MAP_TYPE_PERCPU_ARRAY
                                          (enum bpf_map_type, <linux/bpf.h>)
]]

local ffi = require "ffi"

ffi.cdef [[
struct bpf_map_create_opts;
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
/* map_type is enum bpf_map_type, whose C type is unsigned int */
int bpf_map_create(unsigned int map_type, const char *map_name,
		   uint32_t key_size, uint32_t value_size, uint32_t max_entries,
		   const struct bpf_map_create_opts *opts);
int bpf_map_lookup_elem(int fd, const void *key, void *value);
int bpf_map_update_elem(int fd, const void *key, const void *value, uint64_t flags);
int bpf_map_delete_elem(int fd, const void *key);
int bpf_map_get_next_key(int fd, const void *key, void *next_key);
int bpf_prog_test_run_opts(int prog_fd, struct bpf_test_run_opts *opts);
int libbpf_num_possible_cpus(void);

/* <bpf/bpf.h> and <bpf/libbpf.h>, libbpf 1.1: the loader's calls.  The
   headers' trailing "size_t :0;" (LuaJIT has no unnamed bit fields) only
   rounds each struct up to its alignment, which the C rules do anyway. */
struct bpf_map_create_opts {
	size_t sz;
	uint32_t btf_fd;
	uint32_t btf_key_type_id;
	uint32_t btf_value_type_id;
	uint32_t btf_vmlinux_value_type_id;
	uint32_t inner_map_fd;
	uint32_t map_flags;
	uint64_t map_extra;
	uint32_t numa_node;
	uint32_t map_ifindex;
};
int bpf_map_lookup_and_delete_elem(int fd, const void *key, void *value);
int bpf_obj_pin(int fd, const char *pathname);
int bpf_obj_get(const char *pathname);
int bpf_prog_attach(int prog_fd, int attachable_fd, unsigned int type,
		    unsigned int flags);
int bpf_prog_detach2(int prog_fd, int attachable_fd, unsigned int type);
struct bpf_link_create_opts {
	size_t sz;
	uint32_t flags;
	void *iter_info;
	uint32_t iter_info_len;
	uint32_t target_btf_id;
	union {
		struct { uint64_t bpf_cookie; } perf_event;
		struct {
			uint32_t flags;
			uint32_t cnt;
			const char **syms;
			const unsigned long *addrs;
			const uint64_t *cookies;
		} kprobe_multi;
		struct { uint64_t cookie; } tracing;
	};
};
int bpf_link_create(int prog_fd, int target_fd, unsigned int attach_type,
		    const struct bpf_link_create_opts *opts);
int bpf_raw_tracepoint_open(const char *name, int prog_fd);
struct bpf_tc_hook {
	size_t sz;
	int ifindex;
	unsigned int attach_point;
	uint32_t parent;
};
struct bpf_tc_opts {
	size_t sz;
	int prog_fd;
	uint32_t flags;
	uint32_t prog_id;
	uint32_t handle;
	uint32_t priority;
};
int bpf_tc_hook_create(struct bpf_tc_hook *hook);
int bpf_tc_hook_destroy(struct bpf_tc_hook *hook);
int bpf_tc_attach(const struct bpf_tc_hook *hook, struct bpf_tc_opts *opts);
int bpf_tc_detach(const struct bpf_tc_hook *hook, const struct bpf_tc_opts *opts);
struct ring_buffer;
typedef int (*ring_buffer_sample_fn)(void *ctx, void *data, size_t size);
struct ring_buffer *ring_buffer__new(int map_fd, ring_buffer_sample_fn sample_cb,
				     void *ctx, const void *opts);
void ring_buffer__free(struct ring_buffer *rb);
int ring_buffer__poll(struct ring_buffer *rb, int timeout_ms);
int ring_buffer__consume(struct ring_buffer *rb);
struct perf_buffer;
typedef void (*perf_buffer_sample_fn)(void *ctx, int cpu, void *data, uint32_t size);
typedef void (*perf_buffer_lost_fn)(void *ctx, int cpu, uint64_t cnt);
struct perf_buffer *perf_buffer__new(int map_fd, size_t page_cnt,
				     perf_buffer_sample_fn sample_cb,
				     perf_buffer_lost_fn lost_cb, void *ctx,
				     const void *opts);
void perf_buffer__free(struct perf_buffer *pb);
int perf_buffer__poll(struct perf_buffer *pb, int timeout_ms);

/* <linux/perf_event.h>: struct perf_event_attr up to config2
   (PERF_ATTR_SIZE_VER1, 72 bytes: the kernel takes any size it knows) */
struct mapops_perf_event_attr {
	uint32_t type;
	uint32_t size;
	uint64_t config;
	uint64_t sample_period;
	uint64_t sample_type;
	uint64_t read_format;
	uint64_t flags;
	uint32_t wakeup_events;
	uint32_t bp_type;
	uint64_t config1;
	uint64_t config2;
};
long mapops_libbpf_syscall(long number, ...) __asm__("syscall");
int mapops_libbpf_setsockopt(int fd, int level, int optname, const void *optval,
			     uint32_t optlen) __asm__("setsockopt");
unsigned int mapops_libbpf_if_nametoindex(const char *ifname) __asm__("if_nametoindex");
int mapops_libbpf_open(const char *path, int flags, ...) __asm__("open");
int mapops_libbpf_fcntl(int fd, int cmd, ...) __asm__("fcntl");
int mapops_libbpf_mount(const char *source, const char *target, const char *fstype,
			unsigned long flags, const void *data) __asm__("mount");

/* libc, under names of this module's own (asm labels), so that these cannot
   clash with the caller's own declarations of the same functions */
const char *mapops_libbpf_strerror(int errnum) __asm__("strerror");
int mapops_libbpf_close(int fd) __asm__("close");
]]

local lib = ffi.load("libbpf.so.1")

local EINVAL = 22

local M = {
	MAP_TYPE_HASH = 1, MAP_TYPE_ARRAY = 2,
	MAP_TYPE_PERCPU_HASH = 5, MAP_TYPE_PERCPU_ARRAY = 6,
	-- headers other than <linux/bpf.h> (see above; checked by the tests)
	XDP_FLAGS_SKB_MODE = 2, XDP_FLAGS_DRV_MODE = 4,
	BPF_TC_INGRESS = 1, BPF_TC_EGRESS = 2,
	SOL_SOCKET = 1, SO_ATTACH_BPF = 50, SO_DETACH_BPF = 27,
	PERF_TYPE_TRACEPOINT = 2, PERF_FLAG_FD_CLOEXEC = 8,
}

-- The syscall number of perf_event_open(2), per architecture
-- (<asm/unistd.h>; libc has no wrapper).
local NR_PERF_EVENT_OPEN = ({ x64 = 298, x86 = 336, arm64 = 241, arm = 364,
			      ppc = 319, ppc64 = 319, mips64 = 5292, s390x = 331 })[jit.arch]

M.MapCreateOpts = ffi.typeof("struct bpf_map_create_opts")
M.LinkCreateOpts = ffi.typeof("struct bpf_link_create_opts")
M.TcHook = ffi.typeof("struct bpf_tc_hook")
M.TcOpts = ffi.typeof("struct bpf_tc_opts")
M.PerfEventAttr = ffi.typeof("struct mapops_perf_event_attr")
M.RingBufferSampleFn = ffi.typeof("ring_buffer_sample_fn")
M.PerfBufferSampleFn = ffi.typeof("perf_buffer_sample_fn")
M.PerfBufferLostFn = ffi.typeof("perf_buffer_lost_fn")

M.TestRunOpts = ffi.typeof("struct bpf_test_run_opts")

local function strerror(err)
	return ffi.string(ffi.C.mapops_libbpf_strerror(err))
end

-- Calls fn(...) protected (a wrong argument type is an error of the FFI);
-- returns its result, or nil, message, errno.  what names the call.
local function call(what, fn, ...)
	local ok, rc = pcall(fn, ...)
	if not ok then
		return nil, string.format("%s: %s", what, tostring(rc)), EINVAL
	end
	if rc < 0 then
		return nil, string.format("%s: %s", what, strerror(-rc)), -rc
	end
	return rc
end

function M.map_create(map_type, name, key_size, value_size, max_entries, opts)
	local what = string.format("bpf_map_create(%s)", tostring(name))
	if type(name) ~= "string" and name ~= nil then
		return nil, what .. ": the name must be a string or nil", EINVAL
	end
	if opts ~= nil then
		if not ffi.istype(M.MapCreateOpts, opts) then
			return nil, what .. ": opts must be a struct bpf_map_create_opts", EINVAL
		end
		opts.sz = ffi.sizeof(M.MapCreateOpts)
	end
	return call(what, lib.bpf_map_create, map_type, name, key_size, value_size,
		    max_entries, opts)
end

local function ok_or_fail(rc, msg, err)
	if rc == nil then return nil, msg, err end
	return true
end

function M.map_lookup_elem(fd, key, value)
	return ok_or_fail(call("bpf_map_lookup_elem", lib.bpf_map_lookup_elem, fd, key, value))
end

function M.map_update_elem(fd, key, value, flags)
	return ok_or_fail(call("bpf_map_update_elem", lib.bpf_map_update_elem, fd, key,
			       value, flags or 0))
end

function M.map_delete_elem(fd, key)
	return ok_or_fail(call("bpf_map_delete_elem", lib.bpf_map_delete_elem, fd, key))
end

function M.map_get_next_key(fd, key, next_key)
	return ok_or_fail(call("bpf_map_get_next_key", lib.bpf_map_get_next_key, fd, key,
			       next_key))
end

function M.prog_test_run_opts(prog_fd, opts)
	if not ffi.istype(M.TestRunOpts, opts) then
		return nil, "bpf_prog_test_run_opts: opts must be a struct bpf_test_run_opts", EINVAL
	end
	opts.sz = ffi.sizeof(M.TestRunOpts)
	return ok_or_fail(call("bpf_prog_test_run_opts", lib.bpf_prog_test_run_opts, prog_fd,
			       opts))
end

function M.num_possible_cpus()
	return call("libbpf_num_possible_cpus", lib.libbpf_num_possible_cpus)
end

function M.close(fd)
	local ok, rc = pcall(ffi.C.mapops_libbpf_close, fd)
	if not ok then return nil, "close: " .. tostring(rc), EINVAL end
	if rc ~= 0 then
		local err = ffi.errno()
		return nil, "close: " .. strerror(err), err
	end
	return true
end

function M.map_lookup_and_delete_elem(fd, key, value)
	return ok_or_fail(call("bpf_map_lookup_and_delete_elem",
			       lib.bpf_map_lookup_and_delete_elem, fd, key, value))
end

function M.obj_pin(fd, path)
	return ok_or_fail(call("bpf_obj_pin(" .. tostring(path) .. ")", lib.bpf_obj_pin, fd, path))
end

function M.obj_get(path)
	return call("bpf_obj_get(" .. tostring(path) .. ")", lib.bpf_obj_get, path)
end

function M.prog_attach(prog_fd, target_fd, attach_type, flags)
	return ok_or_fail(call("bpf_prog_attach", lib.bpf_prog_attach, prog_fd, target_fd,
			       attach_type, flags or 0))
end

function M.prog_detach2(prog_fd, target_fd, attach_type)
	return ok_or_fail(call("bpf_prog_detach2", lib.bpf_prog_detach2, prog_fd, target_fd,
			       attach_type))
end

function M.link_create(prog_fd, target_fd, attach_type, opts)
	if opts ~= nil then
		if not ffi.istype(M.LinkCreateOpts, opts) then
			return nil, "bpf_link_create: opts must be a struct bpf_link_create_opts", EINVAL
		end
		opts.sz = ffi.sizeof(M.LinkCreateOpts)
	end
	return call("bpf_link_create", lib.bpf_link_create, prog_fd, target_fd, attach_type, opts)
end

function M.raw_tracepoint_open(name, prog_fd)
	return call("bpf_raw_tracepoint_open(" .. tostring(name) .. ")",
		    lib.bpf_raw_tracepoint_open, name, prog_fd)
end

local function tc_call(what, fn, hook, opts)
	if not ffi.istype(M.TcHook, hook) then
		return nil, what .. ": hook must be a struct bpf_tc_hook", EINVAL
	end
	hook.sz = ffi.sizeof(M.TcHook)
	if opts ~= nil or what == "bpf_tc_attach" or what == "bpf_tc_detach" then
		if not ffi.istype(M.TcOpts, opts) then
			return nil, what .. ": opts must be a struct bpf_tc_opts", EINVAL
		end
		opts.sz = ffi.sizeof(M.TcOpts)
		return ok_or_fail(call(what, fn, hook, opts))
	end
	return ok_or_fail(call(what, fn, hook))
end

function M.tc_hook_create(hook) return tc_call("bpf_tc_hook_create", lib.bpf_tc_hook_create, hook) end
function M.tc_hook_destroy(hook) return tc_call("bpf_tc_hook_destroy", lib.bpf_tc_hook_destroy, hook) end
function M.tc_attach(hook, opts) return tc_call("bpf_tc_attach", lib.bpf_tc_attach, hook, opts) end
function M.tc_detach(hook, opts) return tc_call("bpf_tc_detach", lib.bpf_tc_detach, hook, opts) end

-- A pointer result: it, or nil, message, errno (libbpf sets errno).
local function pointer(what, fn, ...)
	local ok, p = pcall(fn, ...)
	if not ok then return nil, string.format("%s: %s", what, tostring(p)), EINVAL end
	if p == nil then
		local err = ffi.errno()
		if err == 0 then err = EINVAL end
		return nil, string.format("%s: %s", what, strerror(err)), err
	end
	return p
end

function M.ring_buffer_new(map_fd, sample_cb)
	return pointer("ring_buffer__new", lib.ring_buffer__new, map_fd, sample_cb, nil, nil)
end
function M.ring_buffer_poll(rb, timeout_ms)
	return call("ring_buffer__poll", lib.ring_buffer__poll, rb, timeout_ms)
end
function M.ring_buffer_consume(rb)
	return call("ring_buffer__consume", lib.ring_buffer__consume, rb)
end
function M.ring_buffer_free(rb) lib.ring_buffer__free(rb) end

function M.perf_buffer_new(map_fd, pages, sample_cb, lost_cb)
	return pointer("perf_buffer__new", lib.perf_buffer__new, map_fd, pages, sample_cb,
		       lost_cb, nil, nil)
end
function M.perf_buffer_poll(pb, timeout_ms)
	return call("perf_buffer__poll", lib.perf_buffer__poll, pb, timeout_ms)
end
function M.perf_buffer_free(pb) lib.perf_buffer__free(pb) end

-- A libc call returning -1 and errno on failure: its result, or nil,
-- message, errno.
local function libc(what, fn, ...)
	local ok, rc = pcall(fn, ...)
	if not ok then return nil, string.format("%s: %s", what, tostring(rc)), EINVAL end
	if rc < 0 then
		local err = ffi.errno()
		return nil, string.format("%s: %s", what, strerror(err)), err
	end
	return tonumber(rc)
end

function M.perf_event_open(attr, pid, cpu, group_fd, flags)
	if not ffi.istype(M.PerfEventAttr, attr) then
		return nil, "perf_event_open: attr must be a PerfEventAttr", EINVAL
	end
	if not NR_PERF_EVENT_OPEN then
		return nil, "perf_event_open: its syscall number on " .. jit.arch .. " is not known here", 38
	end
	attr.size = ffi.sizeof(M.PerfEventAttr)
	return libc("perf_event_open", ffi.C.mapops_libbpf_syscall, NR_PERF_EVENT_OPEN,
		    ffi.cast("void *", attr), ffi.cast("int", pid), ffi.cast("int", cpu),
		    ffi.cast("int", group_fd), ffi.cast("unsigned long", flags))
end

local int_box = ffi.typeof("int[1]")

function M.setsockopt_int(sockfd, level, optname, value)
	local v = int_box(value)
	local rc, msg, err = libc("setsockopt", ffi.C.mapops_libbpf_setsockopt, sockfd, level,
				  optname, v, 4)
	if rc == nil then return nil, msg, err end
	return true
end

function M.if_nametoindex(name)
	local ok, idx = pcall(ffi.C.mapops_libbpf_if_nametoindex, name)
	if not ok then return nil, "if_nametoindex: " .. tostring(idx), EINVAL end
	if idx == 0 then
		local err = ffi.errno()
		return nil, "if_nametoindex: " .. strerror(err), err
	end
	return tonumber(idx)
end

local O_RDONLY, O_DIRECTORY, O_CLOEXEC = 0, 0x10000, 0x80000
local F_DUPFD_CLOEXEC = 1030

function M.open_dir(path)
	return libc("open(" .. tostring(path) .. ")", ffi.C.mapops_libbpf_open, path,
		    O_RDONLY + O_DIRECTORY + O_CLOEXEC)
end

function M.dup(fd)
	return libc("fcntl(F_DUPFD_CLOEXEC)", ffi.C.mapops_libbpf_fcntl, fd,
		    F_DUPFD_CLOEXEC, ffi.cast("int", 0))
end

function M.mount(source, target, fstype)
	local rc, msg, err = libc("mount(" .. tostring(target) .. ")", ffi.C.mapops_libbpf_mount,
				  source, target, fstype, 0, nil)
	if rc == nil then return nil, msg, err end
	return true
end

function M.errno() return ffi.errno() end

-- The message of an errno, for callers' own messages.
M.strerror = strerror

return M
