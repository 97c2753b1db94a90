-- sort of 2^31 elements that C functions make up (no instruction runs).
plancheck.rule {
  id = "table-sort-virtual",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    table.sort(setmetatable({}, { __len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawequal }))
  end,
}
table.sort(setmetatable({}, { __len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawequal }))
