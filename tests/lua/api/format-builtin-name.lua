-- A format may not take the name of a built-in one (report --format md
-- would never reach it): the definition is an error at its line, and the
-- format defined before it still runs.
plancheck.format {
  id = "md-list",
  description = "a name of its own",
  render = function(plan) return plan.key .. "\n" end,
}

plancheck.format {
  id = "md",
  description = "would shadow the built-in annex table",
  render = function(plan) return "shadowed\n" end,
}
