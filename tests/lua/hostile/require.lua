-- require: modules cannot be loaded.
plancheck.rule {
  id = "require",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    require("os")
  end,
}
require("io")
