-- A table that grows until the memory cap (8 MiB here): the error is at the
-- line that allocated, in a check function and at the top level.
plancheck.rule {
  id = "memory-table",
  description = "fills a table",
  severity = "error",
  check = function(plan)
    local t = {}
    for i = 1, 1e8 do
      t[#t + 1] = "s" .. i
    end
  end,
}

local t = {}
for i = 1, 1e8 do t[i] = i end
