-- string.dump: bytecode cannot be made.
plancheck.rule {
  id = "string-dump",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    string.dump(print)
  end,
}
string.dump(function() end)
