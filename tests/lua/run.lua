-- SPDX-License-Identifier: (LGPL-2.1-or-later OR BSD-2-Clause)
-- Runs the LuaJIT binding's tests:
--
--   MAPOPS_LIBRARY=build/lib/libmapops.so.1 MAPOPS_VECTORS=tests/vectors \
--   LUA_PATH='bindings/lua/?.lua;tests/lua/?.lua;;' luajit tests/lua/run.lua
--
-- Prints one line per test and then "N passed, N failed" (", N skipped" when
-- any was skipped); exits 1 if any test failed.

-- Find the test modules and the binding beside this script when LUA_PATH
-- does not name them (LUA_PATH comes first).
local dir = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = package.path .. ";" .. dir .. "/?.lua;" .. dir .. "/../../bindings/lua/?.lua"

local T = require "testlib"

local load_failures = {}
for _, name in ipairs { "test_api", "test_vectors", "test_kernel", "test_hostile", "test_provenance", "test_loader" } do
	local ok, err = xpcall(require, debug.traceback, name)
	if not ok then
		load_failures[#load_failures + 1] = { name = name .. " (loading)", err = err }
	end
end

local failed = T.run(load_failures)
io.stdout:flush()
os.exit(failed > 0 and 1 or 0)
