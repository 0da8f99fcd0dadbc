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
}

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

function M.map_create(map_type, name, key_size, value_size, max_entries)
	local what = string.format("bpf_map_create(%s)", tostring(name))
	if type(name) ~= "string" and name ~= nil then
		return nil, what .. ": the name must be a string or nil", EINVAL
	end
	return call(what, lib.bpf_map_create, map_type, name, key_size, value_size,
		    max_entries, nil)
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

-- The message of an errno, for callers' own messages.
M.strerror = strerror

return M
