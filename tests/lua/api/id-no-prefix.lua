-- An id -Wno-ID could not switch on or off is refused: "no-owner" would
-- read as "disable owner".
plancheck.rule {
  id = "no-owner",
  description = "owners",
  severity = "warning",
  check = function(plan) end,
}
