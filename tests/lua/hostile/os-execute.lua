-- os.execute: there is no os library, in a check function or at the top level.
plancheck.rule {
  id = "os-execute",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    os.execute("echo pwned >&2")
  end,
}
os.execute("echo pwned >&2")
