-- error() with a 100 000-character message: cut to 1000 bytes.
plancheck.rule {
  id = "error-long",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    error(string.rep("é", 50000))
  end,
}
error(string.rep("x", 100000))
