-- A recognizer, asked about every phrase the built-in one does not know.
plancheck.recognizer {
  id = "fuzz-recognizer",
  description = "any phrase naming a year",
  recognize = function(phrase, deadline)
    local y = phrase:match("(%d%d%d%d)")
    if y then return "within " .. y end
  end,
}
