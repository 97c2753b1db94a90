-- tests/i18n/lua-runtime: the errors Lua itself raises in a rule, as the
-- author of the script reads them in Vietnamese (src/luaerr.c), and those
-- of plancheck's own functions. Each rule fails in its own way.
local function rule(id, check)
  plancheck.rule { id = id, description = "Quy tắc thử lỗi " .. id .. ".", severity = "note", check = check }
end

local function deeper(t) return t.missing.field end

rule("index-nil", function() deeper({}) end)
rule("call-nil", function() helper() end)
rule("arith-nil", function() local x; return x + 1 end)
rule("compare", function() return 1 < "2" end)
rule("concat-nil", function() local title; return "kế hoạch " .. title end)
rule("bad-argument", function() plancheck.fold(nil) end)
rule("bad-option", function(plan) plancheck.each(plan, "tasks") end)
rule("pattern", function() ("x"):find("[a") end)
rule("read-only", function(plan) plan.key = "khác" end)
rule("for-step", function() for i = 1, 10, 0 do end end)
rule("own-error", function() error("kế hoạch thiếu ngày ban hành") end)
rule("own-table", function() error({}) end)
rule("returns-number", function() return 1 end)
rule("too-deep", function()
  local function down(n) return down(n + 1) + 1 end
  down(1)
end)
