-- A recognizer that returns a table: script-result, at its definition; the
-- phrase stays unrecognised.
plancheck.recognizer {
  id = "returns-table",
  description = "answers with a table",
  recognize = function(phrase, deadline)
    return { "within 2024-12" }
  end,
}
