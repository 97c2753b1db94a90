-- A report format that prints every field of every object reachable from
-- the plan, once each, so that a golden file pins the whole Lua view of
-- the model (tests/run, section "model").
local seen, out = {}, {}

local function scalar(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

local dump

local function value(v, indent)
  if type(v) == "userdata" then
    if seen[v] then return "<" .. tostring(v) .. ">" end
    dump(v, indent)
    return nil
  elseif type(v) == "table" then
    if #v == 0 and next(v) == nil then return "{}" end
    out[#out + 1] = indent .. "{"
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    for _, k in ipairs(keys) do
      local s = value(v[k], indent .. "  ")
      if s then out[#out + 1] = indent .. "  " .. tostring(k) .. " = " .. s
      else out[#out] = out[#out] end
    end
    out[#out + 1] = indent .. "}"
    return nil
  end
  return scalar(v)
end

function dump(obj, indent)
  seen[obj] = true
  out[#out + 1] = indent .. tostring(obj)
  for k, v in pairs(obj) do
    local before = #out
    local s = value(v, indent .. "    ")
    if s then out[#out + 1] = indent .. "  " .. k .. " = " .. s
    else table.insert(out, before + 1, indent .. "  " .. k .. ":") end
  end
end

plancheck.format {
  id = "dump",
  description = "Every field of every object of the plan (for tests).",
  render = function(plan)
    dump(plan, "")
    return table.concat(out, "\n") .. "\n"
  end,
}
