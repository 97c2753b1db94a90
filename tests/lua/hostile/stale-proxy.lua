-- stale-proxy: a plan, an item and a deadline kept in globals from the
-- first part of a check in parts (--batch 1 -j 1: one worker checks both
-- parts, one after the other) and read in the second, when the first
-- part's model is gone. Each must be refused, not read from freed memory.
local kept
plancheck.rule {
  id = "stale-proxy",
  description = "keeps model objects from one part for the next",
  severity = "error",
  check = function(plan)
    if not kept then
      local item = plan.directives[1]
      kept = { plan = plan, item = item, due = item and item.deadlines[1] }
      return
    end
    local ok, err = pcall(function() return kept.item.text end)
    plancheck.report(plan, "the kept item: " .. tostring(ok) .. ", " .. tostring(err))
    local ok2, err2 = pcall(function() return tostring(kept.due) end)
    plancheck.report(plan, "the kept deadline: " .. tostring(ok2) .. ", " .. tostring(err2))
    return kept.plan.key
  end,
}
