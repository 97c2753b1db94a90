-- A location in a file that is not part of the run.
plancheck.rule {
  id = "report-foreign-file",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report("/etc/passwd:1:1", "not ours")
  end,
}
