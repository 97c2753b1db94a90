-- Report formats: one that works, one whose render returns nil, one
-- that fails.
plancheck.format {
  id = "keys",
  description = "the plan's key and its directives",
  render = function(plan)
    local lines = { "# " .. plan.key }
    for _, task in ipairs(plan.directives) do lines[#lines + 1] = task.id .. "\t" .. task.text end
    return table.concat(lines, "\n") .. "\n"
  end,
}

plancheck.format {
  id = "returns-nil",
  description = "forgets to return the document",
  render = function(plan)
    local doc = "# " .. plan.key
  end,
}

plancheck.format {
  id = "fails",
  description = "fails half-way",
  render = function(plan)
    return "# " .. plan.missing_field
  end,
}
