-- load with mode "b": asks for bytecode only, which scripts cannot load.
plancheck.rule {
  id = "load-mode-b",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    assert(load("return 1", "chunk", "b"))
  end,
}
assert(load("return 1", "chunk", "b"))
