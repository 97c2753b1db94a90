-- The canary: one note on every plan, so that a test sees the rules after
-- a failed script still run, and that ("x"):upper() still works in this
-- script whatever another script did to the string metatable.
plancheck.rule {
  id = "canary",
  description = "Always notes that it ran.",
  severity = "note",
  check = function(plan)
    plancheck.report(plan, "canary: still running; (\"x\"):upper() is " .. ("x"):upper())
  end,
}
