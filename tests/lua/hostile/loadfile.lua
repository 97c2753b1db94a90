-- loadfile: no file can be read.
plancheck.rule {
  id = "loadfile",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    loadfile("/etc/passwd")
  end,
}
loadfile("/etc/passwd")
