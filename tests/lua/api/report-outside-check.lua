-- plancheck.report when the script loads: there is no rule to report for.
plancheck.report("fixture.plan:1:1", "too early")
