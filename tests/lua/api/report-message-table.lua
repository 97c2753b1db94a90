-- A message that is a table.
plancheck.rule {
  id = "report-message-table",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report(plan, { "a", "b" })
  end,
}
