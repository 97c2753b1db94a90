-- plancheck.report from a recognizer: only check functions report.
plancheck.recognizer {
  id = "reports",
  description = "reports instead of answering",
  recognize = function(phrase, deadline)
    plancheck.report(deadline, "seen " .. phrase)
  end,
}
