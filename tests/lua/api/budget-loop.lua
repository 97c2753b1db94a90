-- A modest loop: 100 000 iterations, fine with the default budget, too
-- much for --lua-budget 10000.
plancheck.rule {
  id = "modest",
  description = "adds up numbers",
  severity = "note",
  check = function(plan)
    local n = 0
    for i = 1, 100000 do n = n + i end
    plancheck.report(plan, "sum " .. n)
  end,
}
