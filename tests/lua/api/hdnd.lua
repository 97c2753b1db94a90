-- "trước kỳ họp HĐND cuối năm": the People's Council meets at the end of
-- the year, so in December of the plan's year.
plancheck.recognizer {
  id = "hdnd-year-end",
  description = "trước kỳ họp HĐND cuối năm: in December of the plan's year",
  recognize = function(phrase, deadline)
    if not plancheck.fold(phrase):find("kỳ họp hđnd cuối năm", 1, true) then return nil end
    local date = deadline.item.plan.date
    return date and "within " .. date:sub(1, 4) .. "-12"
  end,
}

plancheck.rule {
  id = "hdnd-shows",
  description = "shows what the deadline became",
  severity = "note",
  check = function(plan)
    for _, task in ipairs(plan.directives) do
      local due = task.deadlines[1]
      plancheck.report(due, due.phrase .. " = " .. tostring(due.canonical) .. ", ends " .. tostring(due.latest))
    end
  end,
}
