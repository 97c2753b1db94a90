-- A recognizer has no severity; a format no check.
plancheck.recognizer {
  id = "with-severity",
  description = "a recognizer with a severity",
  severity = "error",
  recognize = function(phrase) end,
}
