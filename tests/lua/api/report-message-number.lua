-- A message that is not a string.
plancheck.rule {
  id = "report-message-number",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report(plan, 42)
  end,
}
