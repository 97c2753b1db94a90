-- Everything fits in --lua-memory 1 but this table of 100 000 strings.
plancheck.rule {
  id = "one-mib",
  description = "keeps 100 000 strings",
  severity = "note",
  check = function(plan)
    local t = {}
    for i = 1, 100000 do t[i] = "item " .. i end
    plancheck.report(plan, #t .. " strings")
  end,
}
