-- plancheck.rule called from a check function: definitions are made when
-- a script loads.
plancheck.rule {
  id = "defines-later",
  description = "defines a rule from its check function",
  severity = "error",
  check = function(plan)
    plancheck.rule { id = "late", description = "too late", severity = "error", check = function() end }
  end,
}
