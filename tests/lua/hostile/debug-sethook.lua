-- debug.sethook: there is no debug library to lift the budget with.
plancheck.rule {
  id = "debug-sethook",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    debug.sethook()
  end,
}
debug.sethook()
