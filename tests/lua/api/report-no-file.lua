-- A location in a file that does not exist.
plancheck.rule {
  id = "report-no-file",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report("nofile:1:1", "where?")
  end,
}
