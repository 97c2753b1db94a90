-- A check function that reports without end: at most 10000 findings on a
-- plan, then it fails. (No .want: the output is those findings.)
plancheck.rule {
  id = "report-flood",
  description = "reports for ever",
  severity = "note",
  check = function(plan)
    while true do
      plancheck.report(plan, "again")
    end
  end,
}
