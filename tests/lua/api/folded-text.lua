-- item.folded_text is plancheck.fold(item.text), for every item, read
-- once or several times, in this plan or (through an object kept from an
-- earlier plan) after that plan's rules are done; equal folded texts have
-- equal folded_hash.
local kept = {}

plancheck.rule {
  id = "folded-text",
  description = "Notes each task's folded text and checks it against plancheck.fold.",
  severity = "note",
  check = function(plan)
    for _, item in ipairs(plan.items) do
      local once, again = item.folded_text, item.folded_text
      if once ~= plancheck.fold(item.text) or again ~= once then
        error("folded_text of " .. tostring(item) .. " is \"" .. once .. "\", not plancheck.fold(text)")
      end
      if item.kind == "task" then plancheck.report(item, "folded: \"" .. once .. "\"") end
    end
    local tasks = plan.directives
    if #tasks == 2 then
      local same_hash = tasks[1].folded_hash == tasks[2].folded_hash
      local differs = tasks[1].folded_hash ~= plan.items[1].folded_hash
      plancheck.report(plan, "equal texts hash alike: " .. tostring(same_hash) .. ", another differs: " .. tostring(differs)
        .. ", a whole number: " .. tostring(math.type(tasks[1].folded_hash) == "integer"))
    end
    for _, item in ipairs(kept) do
      plancheck.report(plan, "kept from before: " .. item.id .. " \"" .. item.folded_text .. "\"")
    end
    kept[#kept + 1] = plan.directives[1]
  end,
}
