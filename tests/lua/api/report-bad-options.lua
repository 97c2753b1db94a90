-- Options of plancheck.report of the wrong type, each in a rule of its own.
local function rule(id, options)
  plancheck.rule {
    id = id,
    description = "passes a bad option",
    severity = "warning",
    check = function(plan) plancheck.report(plan, "x", options) end,
  }
end

rule("severity-table", { severity = {} })
rule("code-number", { code = 5 })
rule("notes-string", { notes = "see the plan" })
rule("note-string", { notes = { "see the plan" } })
