-- io.open: there is no io library.
plancheck.rule {
  id = "io-open",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    io.open("/etc/passwd"):read("a")
  end,
}
io.open("/etc/passwd"):read("a")
