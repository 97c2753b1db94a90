-- s = s .. "x" in a loop copies the whole string each time: the
-- allocator charges what it copies, so the budget stops it.
plancheck.rule {
  id = "concat-loop",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    local s = ""
    for i = 1, 1e9 do s = s .. "abcdefgh" end
  end,
}
local s = ""
for i = 1, 1e9 do s = s .. "abcdefgh" end
