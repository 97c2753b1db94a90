-- Rules to switch: a warning, an error, a note and one off by default.
plancheck.rule {
  id = "sw-warning",
  description = "a warning",
  severity = "warning",
  check = function(plan) plancheck.report(plan, "a warning") end,
}

plancheck.rule {
  id = "sw-note-as-warning",
  description = "a note that reports one finding as a warning",
  severity = "note",
  check = function(plan)
    plancheck.report(plan, "a note")
    plancheck.report(plan, "a warning given by the finding", { severity = "warning" })
  end,
}

plancheck.rule {
  id = "sw-off",
  description = "off until -W sw-off or -Wall",
  severity = "warning",
  enabled = false,
  check = function(plan) plancheck.report(plan, "enabled") end,
}

plancheck.recognizer {
  id = "sw-recognizer",
  description = "answers nothing",
  recognize = function(phrase) return nil end,
}

plancheck.format {
  id = "sw-format",
  description = "the plan's key",
  render = function(plan) return plan.key .. "\n" end,
}
