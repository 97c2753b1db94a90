-- plancheck.rule takes a table.
plancheck.rule("a rule")
