-- Every kind of location a finding may have, with notes, and the severity
-- and code overrides.
plancheck.rule {
  id = "report-places",
  description = "reports at every kind of place",
  severity = "warning",
  check = function(plan)
    local task = plan.directives[1]
    plancheck.report(plan, "at the plan")
    plancheck.report(task, "at a task (its label)")
    plancheck.report(task.deadlines[1], "at a deadline (its phrase)")
    plancheck.report("fixture.plan:19:8", "at file:line:col, in characters")
    plancheck.report({ file = "fixture.plan", line = 20, col = 8 }, "at {file=, line=, col=}")
    plancheck.report({ file = "api/report-places.lua", line = 3 }, "in the script itself")
    plancheck.report(task, "with notes", {
      notes = { { plan, "the plan" }, { "fixture.plan:20:5", "the second task" } },
    })
    plancheck.report(task, "as an error", { severity = "error" })
    plancheck.report(task, "as a note with its own code", { severity = "note", code = "my-code" })
    plancheck.report(task, "control characters\0 and \27[31m escapes are shown, not sent")
  end,
}
