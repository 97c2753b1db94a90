-- collectgarbage: not available.
plancheck.rule {
  id = "collectgarbage",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    collectgarbage("stop")
  end,
}
collectgarbage()
