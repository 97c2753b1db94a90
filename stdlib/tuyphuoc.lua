-- std/tuyphuoc.lua: the reporting conventions of Huyện ủy Tuy Phước, as an
-- example of a local convention script. Copy it, change the constants below
-- and the two rules, give the rules ids of your own (this file loads too,
-- and an id can be defined once), and load your copy with `--rules FILE`
-- or put it in a `.plancheck.lua` beside your plans (docs/LUA-API.md).
--
-- The convention comes from the Huyện ủy's plan on grassroots party
-- organisations (seed 004, line 267; plans/tuyphuoc-tccsd.plan, section IV):
--
--   "Các cơ quan tham mưu, giúp việc của Huyện ủy, ... và TCCSĐ trực thuộc
--   định kỳ tháng 11 hằng năm báo cáo sơ kết, quý IV năm 2024 báo cáo tổng
--   kết kết quả thực hiện Kế hoạch này cho Huyện ủy (qua Ban Tổ chức Huyện
--   ủy)."
--
-- That is, whoever carries out the plan reports to the Huyện ủy
--   1. every year, in November (a yearly review, "sơ kết"), and
--   2. once at the end, within the fourth quarter of 2024 and not later
--      (the final review, "tổng kết").
--
-- The rules check the plan itself and every plan that carries it out: one
-- that lists it among its parents (`implements "tuyphuoc_tccsd"`), loaded
-- or declared unavailable, or that reaches it further up its chain.
--
-- In the plan language such an obligation is a task with `reports` and one
-- `due` per report:
--
--   task "... định kỳ tháng 11 hằng năm báo cáo sơ kết, quý IV năm 2024 báo
--         cáo tổng kết ... cho Huyện ủy (qua Ban Tổ chức Huyện ủy)."
--     reports huyen_uy via btc_hu
--     due "định kỳ tháng 11 hằng năm" for "báo cáo sơ kết"
--     due "quý IV năm 2024" for "báo cáo tổng kết"
--
-- plancheck has already read each phrase into parts (deadline.parts): the
-- first is {kind = "recurring", period = "year", month = 11}, the second
-- {kind = "within", earliest = "2024-10-01", latest = "2024-12-31"}. The
-- rules compare those parts, never the words, so "tháng 11 hằng năm" and
-- "định kỳ tháng 11 hằng năm" are the same deadline.
--
-- The messages are written in English and translated through plancheck's
-- catalogue, since this file is loaded in every run: _() and
-- plancheck.day_text below. A copy of your own need not: write its
-- messages in your users' language directly (docs/LUA-API.md, "Messages
-- in the user's language").

local _ = plancheck.gettext

-- ---- the convention: change these for another district ----

local PLAN = "tuyphuoc_tccsd"          -- the plan that sets the convention
local RECIPIENT = "huyen_uy"           -- whom the reports go to (a body id)
local RECIPIENT_NAME = "Huyện ủy"
local YEARLY_MONTH = 11                -- the yearly report: November ...
local YEARLY_SAID = _("November (định kỳ tháng 11 hằng năm)")   -- ... in messages
local FINAL_WORD = "tổng kết"          -- what the plans call the final report
local FINAL_FIRST = "2024-10-01"       -- the final report: within 2024-Q4 ...
local FINAL_LAST = "2024-12-31"        -- ... and not later
local FINAL_QUARTER = _("2024-Q4 (quý IV năm 2024)")

-- ---- which plans the convention governs ----

-- The plan itself, and a plan that names it as a parent: directly, or
-- through its loaded ancestors. plan.parents lists every `implements`,
-- loaded or declared unavailable, so a chi bộ plan under a đảng ủy plan
-- under PLAN is governed even when the text of PLAN is not at hand.
--
-- Both rules ask about every plan of a run, and the plans of a district
-- share their ancestors, so the answer is kept for each plan, ancestors
-- included (weak keys: a plan nobody holds any more is forgotten): a
-- plan's own answer then costs a look at its parents and their kept
-- answers, not a walk of its whole chain.
local governed_plans = setmetatable({}, { __mode = "k" })
local asking = {}                       -- plans being answered, for cycles

-- Returns the answer, and whether it may be short because a cycle of
-- parents led back to a plan still being answered (such an answer is
-- not kept; the first plan asked still gets the whole answer, since that
-- plan's own walk goes on to everything the cycle leads to).
local function governed(plan)
  local known = governed_plans[plan]
  if known ~= nil then return known, false end
  if asking[plan] then return false, true end
  asking[plan] = true
  local found, short = plan.key == PLAN, false
  local parents = plan.parents
  for i = 1, #parents do
    if found then break end
    local parent = parents[i]
    found = parent.number == PLAN
    local above = not found and parent.plan
    if above then
      local cut
      found, cut = governed(above)
      short = short or cut
    end
  end
  asking[plan] = nil
  if found or not short then governed_plans[plan] = found end
  return found, short and not found
end

-- ---- reading the plan ----

-- Whether a reference in a body list is the recipient. A body the plan
-- names but nobody declares stays a string (its text as written), so
-- compare that by its folded text.
local function is_recipient(body)
  if type(body) == "string" then
    return plancheck.fold(body) == plancheck.fold(RECIPIENT_NAME)
  end
  return body.id == RECIPIENT
end

-- The plan's reporting obligations to the recipient: tasks with
-- `reports RECIPIENT`.
local function reports_to_recipient(plan)
  local found = {}
  for _i, task in ipairs(plan.directives) do
    for _i, body in ipairs(task.reports_to) do
      if is_recipient(body) then
        found[#found + 1] = task
        break
      end
    end
  end
  return found
end

-- Calls fn(due, part, task) for every deadline part of those obligations
-- that concerns the plan's level (a staged phrase may name other levels).
local function each_part(tasks, fn)
  for _i, task in ipairs(tasks) do
    for _i, due in ipairs(task.deadlines) do
      for _i, part in ipairs(due.parts) do
        if part.applies then fn(due, part, task) end
      end
    end
  end
end

-- Where the convention is written, for a note: the obligation in the plan
-- that sets it, when that plan is loaded and is not the one being checked.
local function convention_notes(plan)
  local source = plancheck.plan(PLAN)
  if not source or source == plan then return nil end
  local task = reports_to_recipient(source)[1]
  if not task then return nil end
  return { { task, _("the convention: %s asks for these reports here"):format(PLAN) } }
end

-- ---- rule 1: a yearly report in November ----

plancheck.rule {
  id = "tuyphuoc-yearly-report",
  description = _("Tuy Phước: a plan under %s reports to the %s every year in %s."):format(PLAN, RECIPIENT_NAME,
    YEARLY_SAID),
  severity = "warning",
  check = function(plan)
    if not governed(plan) then return end
    local obligations = reports_to_recipient(plan)
    local in_month, other = false, {}
    each_part(obligations, function(due, part)
      if part.kind == "recurring" and part.period == "year" then
        if part.month == YEARLY_MONTH then in_month = true
        else other[#other + 1] = { due, part } end
      end
    end)
    if in_month then return end
    -- A yearly report in another month (or none named): point at it.
    for _i, found in ipairs(other) do
      local due, part = found[1], found[2]
      local said = part.month
        and _("the yearly report to the %s is due in month %d; the convention is %s"):format(RECIPIENT_NAME,
          part.month, YEARLY_SAID)
        or _("the yearly report to the %s names no month; the convention is %s"):format(RECIPIENT_NAME, YEARLY_SAID)
      plancheck.report(due, said, { notes = convention_notes(plan) })
    end
    if #other > 0 then return end
    plancheck.report(plan, _("plan %s has no yearly report to the %s (a task with 'reports %s'): the convention asks for one every %s"):format(
      plan.key, RECIPIENT_NAME, RECIPIENT, YEARLY_SAID), { notes = convention_notes(plan) })
  end,
}

-- ---- rule 2: a final report within 2024-Q4 ----

-- The final report is the once-off, dated report ("within", "before",
-- "by": a part with a last day) that the plan calls FINAL_WORD, in its
-- `for` or, without one, in the task's text; when none is called so, the
-- once-off report that ends last.
local function final_reports(plan)
  local dated, named = {}, {}
  local word = plancheck.fold(FINAL_WORD)
  each_part(reports_to_recipient(plan), function(due, part, task)
    if part.kind == "recurring" or part.kind == "continuous" or not part.latest then return end
    local entry = { due = due, part = part }
    dated[#dated + 1] = entry
    local says = plancheck.fold(due.what or task.text)
    if says:find(word, 1, true) then named[#named + 1] = entry end
  end)
  if #named > 0 or #dated == 0 then return named end
  table.sort(dated, function(a, b) return a.part.latest > b.part.latest end)
  return { dated[1] }
end

plancheck.rule {
  id = "tuyphuoc-final-report",
  description = _("Tuy Phước: a plan under %s gives the %s its final report (%s) within %s, not later."):format(PLAN,
    RECIPIENT_NAME, FINAL_WORD, FINAL_QUARTER),
  severity = "warning",
  check = function(plan)
    if not governed(plan) then return end
    local finals = final_reports(plan)
    if #finals == 0 then
      plancheck.report(plan, _("plan %s has no final report to the %s: the convention asks for one within %s"):format(
        plan.key, RECIPIENT_NAME, FINAL_QUARTER), { notes = convention_notes(plan) })
      return
    end
    for _i, final in ipairs(finals) do
      -- Dates are "YYYY-MM-DD" strings, which compare as the days do.
      local last = final.part.latest
      local problem = last > FINAL_LAST and _("the final report to the %s is due by %s, later than %s, which the convention sets")
        or last < FINAL_FIRST and _("the final report to the %s is due by %s, before %s, which the convention sets")
        or nil
      if problem then
        plancheck.report(final.due, problem:format(RECIPIENT_NAME, plancheck.day_text(last), FINAL_QUARTER),
          { notes = convention_notes(plan) })
      end
    end
  end,
}
