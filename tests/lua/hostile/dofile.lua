-- dofile: no file can be run.
plancheck.rule {
  id = "dofile",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    dofile("/etc/passwd")
  end,
}
dofile("/etc/passwd")
