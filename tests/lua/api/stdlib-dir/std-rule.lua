-- The only script of a --stdlib directory: it replaces the standard ones.
plancheck.rule {
  id = "from-stdlib-dir",
  description = "comes from --stdlib DIR",
  severity = "note",
  check = function(plan) plancheck.report(plan, "a rule of --stdlib api/stdlib-dir") end,
}
