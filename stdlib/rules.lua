-- std/rules.lua: the standard rules, checked in every plan named on the
-- command line. The first three were C checks (src/check.c) and keep their
-- codes, severities and messages; the others are new. Each rule reads the
-- model only (docs/LUA-API.md) and reports through plancheck.report.
--
-- Messages and descriptions are written in English and translated
-- through plancheck's catalogue (po/vi.po): _() around each, a literal
-- (xgettext reads them), with :format for what varies and
-- plancheck.day_text for dates, so English output is the text itself.

local _ = plancheck.gettext

-- ---- helpers ----

-- The id of a task for messages ("" when it has none, as the C check said).
local function id_of(item)
  return item.id or ""
end

-- Whether folded text `s` contains any of the folded words in `words`.
local function mentions(s, words)
  for i = 1, #words do
    if s:find(words[i], 1, true) then return true end
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

-- The rules walk a plan's directives (and deadlines, measures) with
-- plancheck.each, which gives them one at a time: a list of them all
-- (plan.directives) would take script memory in proportion to the plan,
-- and a plan of half a million directives would fail where a small one
-- passes.

-- ---- rules moved from C ----

-- The rules below run on every plan of a national run (a million
-- directives), so they read a field only when the answer depends on it.

plancheck.rule {
  id = "owner-missing",
  description = _("Every task has an owner: its own 'by', or its section's 'owner'."),
  severity = "warning",
  check = function(plan)
    for task in plancheck.each(plan, "directives") do
      if task.owner == nil then
        plancheck.report(task, _("task %s has no owner: give it 'by', or its section an 'owner'"):format(id_of(task)))
      end
    end
  end,
}

-- Reports each part of `due` that concerns the plan's level and ends
-- before the day `issued`: a staged phrase is several deadlines
-- in one.
local function report_early_parts(plan, due, issued)
  local parts = due.parts
  for i = 1, #parts do
    local part = parts[i]
    if part.applies and part.latest and part.latest < issued then
      plancheck.report(due, _("deadline ends on %s, before the plan is issued on %s"):format(
        plancheck.day_text(part.latest), plancheck.day_text(plan.date)), {
        notes = { { plan.date_span, _("the issue date") } },
      })
    end
  end
end

plancheck.rule {
  id = "deadline-before-issue",
  description = _("No deadline ends before the plan's issue date; of a staged deadline, only the stage of the plan's own level counts."),
  severity = "error",
  check = function(plan)
    -- Dates are "YYYY-MM-DD" strings, which compare as the days do.
    local issued = plan.date
    if not issued then return end             -- and so no date_span either
    -- plan.earliest_end is the first of those ends over all its
    -- deadlines: most plans have none before their issue date, and their
    -- deadlines need not be read at all.
    local first = plan.earliest_end
    if not first or first >= issued then return end
    for due in plancheck.each(plan, "deadlines") do
      -- due.earliest_end is the first end among the parts that concern
      -- this level: only a deadline that has one before the issue date
      -- needs its parts read.
      local ends = due.earliest_end
      if ends and ends < issued then report_early_parts(plan, due, issued) end
    end
  end,
}

plancheck.rule {
  id = "target-range",
  description = _("A percentage target lies between 0% and 100%; checked in every plan, not only grassroots ones, since no plan can reach more than all of something."),
  severity = "error",
  check = function(plan)
    for m in plancheck.each(plan, "measures") do
      if m.op and m.percent and not (m.value >= 0 and m.value <= 100) then
        -- Quote the value as written ("1234567", "trên 150%"), never as
        -- Lua prints a float.
        local shown = m.phrase or (m.value_text .. "%")
        plancheck.report(m.value_span, _("a percentage of %s makes no sense for \"%s\""):format(shown, m.name))
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
  for _i, child in ipairs(task.children) do
    if child.kind == "task" then
      if #child.deadlines == 0 then return false end
      subtasks = subtasks + 1
    end
  end
  return subtasks > 0
end

plancheck.rule {
  id = "deadline-missing",
  description = _("Every directive states a deadline (its own, its enclosing task's, or all its sub-tasks'). Off by default, since many real directives print none: turn it on with -W deadline-missing (or -Wall)."),
  severity = "warning",
  enabled = false,
  check = function(plan)
    for task in plancheck.each(plan, "directives") do
      if not timed(task) then
        plancheck.report(task, _("task %s states no deadline"):format(id_of(task)))
      end
    end
  end,
}

-- Whether some directive of the plan has a reporting obligation ('reports').
local function reports_somewhere(plan)
  for task in plancheck.each(plan, "directives") do
    if #task.reports_to > 0 then return true end
  end
  return false
end

plancheck.rule {
  id = "monitoring-missing",
  description = _("The plan says who monitors it and reports on it: a reporting obligation (a task with 'reports'), or a directive that speaks of monitoring (kiểm tra, giám sát, theo dõi, đôn đốc) and of reporting (báo cáo)."),
  severity = "warning",
  check = function(plan)
    -- Either clause anywhere will do; the obligations are cheaper to look
    -- for than the words, so they are looked for first.
    if reports_somewhere(plan) then return end
    local monitoring = folded { "kiểm tra", "giám sát", "theo dõi", "đôn đốc" }
    local reporting = folded { "báo cáo" }
    for task in plancheck.each(plan, "directives") do
      local text = task.folded_text
      if mentions(text, monitoring) and mentions(text, reporting) then return end
    end
    plancheck.report(plan, _("plan %s has no monitoring and reporting clause: no task has 'reports' or speaks of monitoring (kiểm tra, giám sát, theo dõi, đôn đốc) and reporting (báo cáo)"):format(plan.key))
  end,
}

-- plancheck.same_text groups the directives in C: in Lua, each of a national
-- run's million directives would cost a table entry and a hash read.
plancheck.rule {
  id = "duplicate-text",
  description = _("No two directives of a plan have the same text (compared after plancheck.fold)."),
  severity = "warning",
  check = function(plan)
    local groups = plancheck.same_text(plan)
    for g = 1, #groups do
      local group = groups[g]
      local first = group[1]
      for i = 2, #group do
        local task = group[i]
        plancheck.report(task, _("task %s has the same text as task %s"):format(id_of(task), id_of(first)), {
          notes = { { first, _("task %s is here"):format(id_of(first)) } },
        })
      end
    end
  end,
}
