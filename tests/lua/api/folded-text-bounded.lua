-- Reads every task's folded_text twice over and counts those equal to
-- plancheck.fold(text) (run by folded-text-bounded.sh).
plancheck.rule {
  id = "folded-bounded",
  description = "Counts the tasks whose folded_text is plancheck.fold(text).",
  severity = "note",
  check = function(plan)
    local tasks, right, bytes = plan.directives, 0, 0
    for pass = 1, 2 do
      for i = 1, #tasks do
        local f = tasks[i].folded_text
        if f == plancheck.fold(tasks[i].text) then right = right + 1 end
        bytes = bytes + #f
      end
    end
    plancheck.report(plan, right .. " of " .. 2 * #tasks .. " folded right, " .. bytes .. " bytes")
  end,
}
