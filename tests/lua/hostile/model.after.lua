-- After model.lua: the plan and its list of directives are as they were.
plancheck.rule {
  id = "model-intact",
  description = "sees the real model",
  severity = "note",
  check = function(plan)
    local list = plan.directives
    assert(#list == 2 and list[1].id == "01-KH/HU:I.1.1" and list[2].id == "01-KH/HU:I.1.2", "the list changed")
    assert(plan.key == "01-KH/HU" and list[1].text == "Tham mưu.", "the model changed")
    plancheck.report(plan, "plan.directives is still " .. list[1].id .. " and " .. list[2].id)
  end,
}
