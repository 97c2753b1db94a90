-- plancheck.lang, plancheck.gettext and plancheck.day_text, in English
-- here and in Vietnamese in tests/i18n/lua-lang (the same script with
-- LANGUAGE=vi). Each finding is one answer, written key=value so that no
-- English word of the script's own is in the Vietnamese golden.
plancheck.rule {
  id = "lang",
  description = "the language functions",
  severity = "note",
  check = function(plan)
    local function say(key, value) plancheck.report(plan, key .. "=" .. value) end
    say("lang", plancheck.lang)
    -- a message of the standard scripts: in the catalogue
    say("gettext", plancheck.gettext("the issue date"))
    -- one the catalogue does not have: as it is
    say("gettext-unknown", plancheck.gettext("Văn phòng Huyện ủy"))
    -- the empty text would be the catalogue's header; a NUL cuts no text
    say("gettext-empty", "[" .. plancheck.gettext("") .. "]")
    say("gettext-nul", #plancheck.gettext("the issue date\0"))
    -- a format string of the standard scripts, filled in
    say("gettext-format", plancheck.gettext("task %s states no deadline"):format("01-KH/HU:I.1"))
    say("day_text", plancheck.day_text("2020-05-30"))
    say("day_text-leap", plancheck.day_text("2024-02-29"))
    for _, bad in ipairs { "30/5/2020", "2020-02-30", "2020-5-30" } do
      local ok, err = pcall(plancheck.day_text, bad)
      say("day_text-bad", tostring(ok) .. " " .. err)
    end
    -- not a string: an error (Lua's own message, which the script sees as is)
    say("gettext-table", tostring(pcall(plancheck.gettext, {})))
    -- a bilingual message
    local text = plancheck.lang == "vi" and "kế hoạch %s, ban hành ngày %s" or "plan %s, issued on %s"
    say("bilingual", text:format(plan.key, plancheck.day_text(plancheck.as_of)))
  end,
}
