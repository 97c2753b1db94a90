-- ("").dump: the string metatable's __index has no dump either.
plancheck.rule {
  id = "string-dump-method",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    ("").dump(print)
  end,
}
local dump = ("").dump
dump(function() end)
