-- A recognizer that returns a string that is not a canonical deadline:
-- script-result at the phrase, with a note at the recognizer.
plancheck.recognizer {
  id = "non-canonical",
  description = "answers in words",
  recognize = function(phrase, deadline)
    return "at the council's year-end session"
  end,
}
