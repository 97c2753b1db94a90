-- debug.getregistry: the registry (and the real globals in it) is out of reach.
plancheck.rule {
  id = "debug-getregistry",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    debug.getregistry()
  end,
}
debug.getregistry()
