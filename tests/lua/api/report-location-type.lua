-- A location that is a number.
plancheck.rule {
  id = "report-location-type",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    plancheck.report(12, "a number")
  end,
}
