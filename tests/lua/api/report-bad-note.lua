-- A note whose message is not a string.
plancheck.rule {
  id = "report-bad-note",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report(plan, "x", { notes = { { plan, 5 } } })
  end,
}
