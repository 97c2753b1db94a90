-- error({}): a table as the error object; nothing of it is called.
plancheck.rule {
  id = "error-table",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    error({})
  end,
}
error({ code = 1 })
