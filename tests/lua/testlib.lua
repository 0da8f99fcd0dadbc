-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- A tiny test framework for the LuaJIT binding's tests (no dependencies).
--
--   local T = require "testlib"
--   T.test("name", function(t)
--       T.ok(cond, "message")          -- fail unless cond
--       T.eq(got, want, "what")        -- fail unless got == want
--       T.fails(22, "substring", prog:exit())   -- the nil, message, errno triple
--       t.defer(function() ... end)    -- cleanup, run even on failure
--       T.skip("reason")               -- end the test as skipped
--   end)
--
-- tests/lua/run.lua loads the test files, which register their tests, and
-- then calls T.run().

local T = {}

local tests = {}

T.errno = {
	EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, E2BIG = 7,
	EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14,
	EEXIST = 17, EINVAL = 22, ENOSPC = 28, ERANGE = 34,
	ENAMETOOLONG = 36, ENOSYS = 38, ENOTSUPP = 524,
}

function T.test(name, fn)
	tests[#tests + 1] = { name = name, fn = fn }
end

local Skip = {}

function T.skip(reason)
	error(setmetatable({ reason = reason }, Skip), 0)
end

local function fmt(v)
	if type(v) == "string" then
		if #v > 200 then v = v:sub(1, 200) .. "..." end
		return string.format("%q", v)
	end
	return tostring(v)
end
T.fmt = fmt

function T.fail(msg)
	error(msg, 2)
end

function T.ok(cond, msg)
	if not cond then error(msg or "assertion failed", 2) end
	return cond
end

function T.eq(got, want, what)
	if got ~= want then
		error(string.format("%s: got %s, want %s", what or "value",
				    fmt(got), fmt(want)), 2)
	end
end

-- Checks a failure triple: nil, a message (containing substr if given),
-- and the errno want_errno.  Returns the message.
function T.fails(want_errno, substr, ...)
	local n = select("#", ...)
	local v, msg, err = ...
	if v ~= nil then
		error(string.format("expected failure (nil, message, %s), got %s, %s, %s",
				    tostring(want_errno), fmt(v), fmt(msg), fmt(err)), 2)
	end
	if n ~= 3 then
		error(string.format("expected 3 return values, got %d", n), 2)
	end
	if type(msg) ~= "string" or msg == "" then
		error("failure message is not a non-empty string: " .. fmt(msg), 2)
	end
	if type(err) ~= "number" then
		error("failure errno is not a number: " .. fmt(err), 2)
	end
	if want_errno and err ~= want_errno then
		error(string.format("errno %d, want %d (message %s)", err,
				    want_errno, fmt(msg)), 2)
	end
	if substr and not msg:find(substr, 1, true) then
		error(string.format("message %s does not contain %s", fmt(msg),
				    fmt(substr)), 2)
	end
	return msg
end

-- Checks success: the first value is true (or truthy when any is set).
function T.succeeds(any, ...)
	local v, msg, err = ...
	if v == nil or v == false or (not any and v ~= true) then
		error(string.format("expected success, got %s, %s, %s", fmt(v),
				    fmt(msg), fmt(err)), 2)
	end
	return v
end

function T.hex(s)
	return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

function T.unhex(h)
	assert(#h % 2 == 0 and not h:find("[^%x]"), "bad hex string " .. fmt(h))
	return (h:gsub("%x%x", function(x) return string.char(tonumber(x, 16)) end))
end

function T.shquote(s)
	return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- Runs a shell command; returns its output (stdout and stderr) and whether
-- it exited with status 0 (LuaJIT's popen():close() does not tell).
function T.sh(cmd)
	local f = io.popen("(" .. cmd .. ") 2>&1; echo \"@exit $?\"")
	if not f then return "", false end
	local out = f:read("*a")
	f:close()
	local body, status = out:match("^(.-)@exit (%d+)%s*$")
	if not body then return out, false end
	return body, status == "0"
end

-- Lists a directory's entries (sorted), or nil and the reason.
function T.listdir(dir)
	local out, ok = T.sh("ls -1 -- " .. T.shquote(dir))
	if not ok then return nil, "cannot list " .. dir .. ": " .. out end
	local names = {}
	for line in out:gmatch("[^\n]+") do names[#names + 1] = line end
	table.sort(names)
	return names
end

function T.readfile(path)
	local f, err = io.open(path, "rb")
	if not f then return nil, err end
	local s = f:read("*a")
	f:close()
	return s
end

-- Runs every registered test; prints one line per test and the totals;
-- returns the number of failures.
function T.run(load_failures)
	local passed, failed, skipped = 0, 0, 0
	for _, lf in ipairs(load_failures or {}) do
		print(string.format("FAIL %s\n     %s", lf.name, lf.err))
		failed = failed + 1
	end
	for _, t in ipairs(tests) do
		local cleanups = {}
		local ctx = { defer = function(f) cleanups[#cleanups + 1] = f end }
		local ok, err = xpcall(t.fn, function(e)
			if getmetatable(e) == Skip then return e end
			return debug.traceback(tostring(e), 2)
		end, ctx)
		for i = #cleanups, 1, -1 do
			local cok, cerr = pcall(cleanups[i])
			if not cok and ok then ok, err = false, "cleanup: " .. tostring(cerr) end
		end
		if ok then
			passed = passed + 1
			print("ok   " .. t.name)
		elseif getmetatable(err) == Skip then
			skipped = skipped + 1
			print(string.format("skip %s: %s", t.name, err.reason))
		else
			failed = failed + 1
			print(string.format("FAIL %s\n     %s", t.name,
					    tostring(err):gsub("\n", "\n     ")))
		end
		collectgarbage()
	end
	local line = string.format("%d passed, %d failed", passed, failed)
	if skipped > 0 then line = line .. string.format(", %d skipped", skipped) end
	print(line)
	return failed
end

return T
