-- Two rules with one id: the second is an error that names the first's place.
plancheck.rule {
  id = "twice",
  description = "the first",
  severity = "note",
  check = function(plan) plancheck.report(plan, "the first 'twice' runs") end,
}

plancheck.rule {
  id = "twice",
  description = "the second",
  severity = "note",
  check = function(plan) plancheck.report(plan, "the second 'twice' runs") end,
}
