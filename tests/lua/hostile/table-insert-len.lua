-- insert and remove shift every element up to #t, which __len chooses.
plancheck.rule {
  id = "table-insert-len",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    table.insert(setmetatable({}, { __len = function() return 1e15 end }), 1, "x")
  end,
}
table.remove(setmetatable({}, { __len = function() return math.maxinteger end }), 1)
