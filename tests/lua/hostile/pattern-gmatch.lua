-- The same pattern through gmatch.
plancheck.rule {
  id = "pattern-gmatch",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    for m in ("a"):rep(1e5):gmatch(("a-"):rep(20) .. "b") do end
  end,
}
for m in ("a"):rep(1e5):gmatch(("a-"):rep(20) .. "b") do end
