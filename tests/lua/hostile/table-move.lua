-- table.move of 1e15 elements loops in C: charged first.
plancheck.rule {
  id = "table-move",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    table.move({}, 1, 1e15, 2)
  end,
}
table.move({}, -1e15, 1e15, 1, {})
