-- std/annex.lua: the annex table offices attach to a plan (phụ lục), one
-- row per directive:
--
--   STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
--
-- STT is the directive's number path (its id without the plan's key:
-- "III.8.1", a bullet counted by its position, "III.4#2" for the second of
-- two sections printed with the same number); Nội dung its text; chủ trì
-- its lead bodies (its own `by`, else its section's `owner`); phối hợp its
-- `with` bodies; Thời gian the deadline phrases as printed. Several bodies
-- or phrases are joined with "; " (body names themselves contain commas).
--
--   plancheck report --format annex-md plans/tuyphuoc.plan
--   plancheck report --format annex-csv plans/tuyphuoc.plan > phu-luc.csv

local HEADINGS = { "STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành" }

-- ---- the rows, shared by both formats ----

-- A body's name; a reference nobody declares stays its text (a string).
local function name_of(body)
  if type(body) == "string" then return body end
  return body.name
end

local function names(bodies)
  local out = {}
  for i, b in ipairs(bodies) do out[i] = name_of(b) end
  return table.concat(out, "; ")
end

local function phrases(deadlines)
  local out = {}
  for i, d in ipairs(deadlines) do out[i] = d.phrase end
  return table.concat(out, "; ")
end

-- The id's path below the plan ("tuyphuoc_28:III.8.1" gives "III.8.1"),
-- or the directive's position when it has no id.
local function number_of(plan, task, position)
  local prefix = plan.key .. ":"
  if task.id and task.id:sub(1, #prefix) == prefix then return task.id:sub(#prefix + 1) end
  return tostring(position)
end

local function rows(plan)
  local out = {}
  for i, task in ipairs(plan.directives) do
    out[i] = { number_of(plan, task, i), task.text, names(task.owners), names(task.with), phrases(task.deadlines) }
  end
  return out
end

-- "Kèm theo KẾ HOẠCH số 12-KH/TW ngày 28/11/2022": how an annex names its
-- plan. An unnumbered plan is named by its title.
local function attached_to(plan)
  local s = plan.kind or "Kế hoạch"
  if plan.numbered then s = s .. " số " .. plan.key end
  if plan.date then
    local y, m, d = plan.date:match("^(%d+)%-(%d+)%-(%d+)$")
    s = s .. " ngày " .. d .. "/" .. m .. "/" .. y
  end
  if not plan.numbered then s = s .. " " .. (plan.title or plan.key) end
  return s
end

-- ---- Markdown ----

-- A table cell: a backslash and a pipe are escaped (an unescaped pipe
-- would end the cell; a backslash before one would undo its escape), and
-- a paragraph break becomes <br>, since a table row is one line.
local function md_cell(s)
  s = s:gsub("\\", "\\\\"):gsub("|", "\\|"):gsub("\r?\n", "<br>")
  return s
end

local function md_row(cells)
  local out = {}
  for i, c in ipairs(cells) do out[i] = md_cell(c) end
  return "| " .. table.concat(out, " | ") .. " |\n"
end

plancheck.format {
  id = "annex-md",
  description = "The annex table (STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành) in Markdown, one row per directive.",
  render = function(plan)
    local out = {
      "## PHỤ LỤC\n\n",
      "Kèm theo " .. md_cell(attached_to(plan)) .. "\n\n",
      md_row(HEADINGS),
      "| --- | --- | --- | --- | --- |\n",
    }
    for _, row in ipairs(rows(plan)) do out[#out + 1] = md_row(row) end
    return table.concat(out) .. "\n"
  end,
}

-- ---- CSV (RFC 4180) ----

-- A field is quoted when it holds a comma, a quote or a line break, and a
-- quote inside is doubled; records end with CRLF.
local function csv_field(s)
  if s:find('[,"\r\n]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local function csv_record(cells)
  local out = {}
  for i, c in ipairs(cells) do out[i] = csv_field(c) end
  return table.concat(out, ",") .. "\r\n"
end

plancheck.format {
  id = "annex-csv",
  description = "The annex table (STT, Nội dung, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành) as RFC 4180 CSV, one record per directive.",
  render = function(plan)
    local out = { csv_record(HEADINGS) }
    for _, row in ipairs(rows(plan)) do out[#out + 1] = csv_record(row) end
    return table.concat(out)
  end,
}
