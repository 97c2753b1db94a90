-- string.rep("x", 1e7) kept in a table: the memory cap (16 MiB here) stops
-- it, at the line that allocated.
plancheck.rule {
  id = "rep-accumulate",
  description = "keeps 10 MB strings",
  severity = "error",
  check = function(plan)
    local t = {}
    for i = 1, 100 do t[i] = string.rep("x", 1e7) end
  end,
}

local t = {}
for i = 1, 100 do
  t[i] = string.rep("x", 1e7)
end
