-- At most 16 notes.
plancheck.rule {
  id = "report-too-many-notes",
  description = "reports a finding",
  severity = "error",
  check = function(plan)
    local notes = {}
    for i = 1, 17 do notes[i] = { plan, "note " .. i } end
    plancheck.report(plan, "x", { notes = notes })
  end,
}
