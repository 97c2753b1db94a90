-- std/rules.lua: the standard rules, checked in every plan named on the
-- command line. The first three were C checks (src/check.c) and keep their
-- codes, severities and messages; the others are new. Each rule reads the
-- model only (docs/LUA-API.md) and reports through plancheck.report.

-- ---- helpers ----

-- The id of a task for messages ("" when it has none, as the C check said).
local function id_of(item)
  return item.id or ""
end

-- "YYYY-MM-DD" as a number that orders like the day, whatever the number
-- of digits in the year (a string comparison would put 10000 before 9999).
local function day_number(day)
  local y, m, d = day:match("^(%-?%d+)%-(%d%d)%-(%d%d)$")
  return tonumber(y) * 10000 + tonumber(m) * 100 + tonumber(d)
end

-- Whether folded text `s` contains any of the folded words in `words`.
local function mentions(s, words)
  for _, w in ipairs(words) do
    if s:find(w, 1, true) then return true end
  end
  return false
end

-- The folded forms of a list of words (plancheck.fold needs the model, so
-- this runs inside a check, not when the script loads).
local function folded(words)
  local out = {}
  for i, w in ipairs(words) do out[i] = plancheck.fold(w) end
  return out
end

-- ---- rules moved from C ----

plancheck.rule {
  id = "owner-missing",
  description = "Every task has an owner: its own 'by', or its section's 'owner'.",
  severity = "warning",
  check = function(plan)
    for _, task in ipairs(plan.directives) do
      if #task.owners == 0 then
        plancheck.report(task, "task " .. id_of(task) .. " has no owner: give it 'by', or its section an 'owner'")
      end
    end
  end,
}

plancheck.rule {
  id = "deadline-before-issue",
  description = "No deadline ends before the plan's issue date; of a staged deadline, only the stage of the plan's own level counts.",
  severity = "error",
  check = function(plan)
    if not plan.date or not plan.date_span then return end
    local issued = day_number(plan.date)
    for _, item in ipairs(plan.items) do
      for _, due in ipairs(item.deadlines) do
        -- One finding per part that concerns this level: a staged phrase
        -- is several deadlines in one.
        for _, part in ipairs(due.parts) do
          if part.applies and part.latest and day_number(part.latest) < issued then
            plancheck.report(due, "deadline ends on " .. part.latest .. ", before the plan is issued on " .. plan.date, {
              notes = { { plan.date_span, "the issue date" } },
            })
          end
        end
      end
    end
  end,
}

plancheck.rule {
  id = "target-range",
  description = "A percentage target lies between 0% and 100%; checked in every plan, not only grassroots ones, since no plan can reach more than all of something.",
  severity = "error",
  check = function(plan)
    for _, item in ipairs(plan.items) do
      for _, m in ipairs(item.measures) do
        if m.op and m.percent and not (m.value >= 0 and m.value <= 100) then
          -- Quote the value as written ("1234567", "trên 150%"), never as
          -- Lua prints a float.
          local shown = m.phrase or (m.value_text .. "%")
          plancheck.report(m.value_span, "a percentage of " .. shown .. " makes no sense for \"" .. m.name .. "\"")
        end
      end
    end
  end,
}

-- ---- new rules ----

-- Whether a task, a task it stands in, or every sub-task of it states a
-- deadline: a bullet that announces "the following contents:" is timed
-- by its sub-bullets, and a sub-bullet by its bullet.
local function timed(task)
  if #task.deadlines > 0 then return true end
  local up = task.parent
  while up and up.kind == "task" do
    if #up.deadlines > 0 then return true end
    up = up.parent
  end
  local subtasks = 0
  for _, child in ipairs(task.children) do
    if child.kind == "task" then
      if #child.deadlines == 0 then return false end
      subtasks = subtasks + 1
    end
  end
  return subtasks > 0
end

plancheck.rule {
  id = "deadline-missing",
  description = "Every directive states a deadline (its own, its enclosing task's, or all its sub-tasks'). Off by default, since many real directives print none: turn it on with -W deadline-missing (or -Wall).",
  severity = "warning",
  enabled = false,
  check = function(plan)
    for _, task in ipairs(plan.directives) do
      if not timed(task) then
        plancheck.report(task, "task " .. id_of(task) .. " states no deadline")
      end
    end
  end,
}

plancheck.rule {
  id = "monitoring-missing",
  description = "The plan says who monitors it and reports on it: a reporting obligation (a task with 'reports'), or a directive that speaks of monitoring (kiểm tra, giám sát, theo dõi, đôn đốc) and of reporting (báo cáo).",
  severity = "warning",
  check = function(plan)
    local monitoring = folded { "kiểm tra", "giám sát", "theo dõi", "đôn đốc" }
    local reporting = folded { "báo cáo" }
    for _, task in ipairs(plan.directives) do
      if #task.reports_to > 0 then return end
      local text = plancheck.fold(task.text)
      if mentions(text, monitoring) and mentions(text, reporting) then return end
    end
    plancheck.report(plan, "plan " .. plan.key .. " has no monitoring and reporting clause: no task has 'reports' "
      .. "or speaks of monitoring (kiểm tra, giám sát, theo dõi, đôn đốc) and reporting (báo cáo)")
  end,
}

plancheck.rule {
  id = "duplicate-text",
  description = "No two directives of a plan have the same text (compared after plancheck.fold).",
  severity = "warning",
  check = function(plan)
    local first = {}
    for _, task in ipairs(plan.directives) do
      local key = plancheck.fold(task.text)
      if key ~= "" then
        local earlier = first[key]
        if earlier then
          plancheck.report(task, "task " .. id_of(task) .. " has the same text as task " .. id_of(earlier), {
            notes = { { earlier, "task " .. id_of(earlier) .. " is here" } },
          })
        else
          first[key] = task
        end
      end
    end
  end,
}
