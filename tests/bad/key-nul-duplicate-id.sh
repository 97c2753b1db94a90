# A plan key holding a NUL byte, with two tasks of the same id (found by
# the fuzz target check): the id was made of the key and cut at the NUL
# when looked up, so the first task was not found and reporting the
# duplicate dereferenced nothing (SIGSEGV). The lexer reports the NUL and
# the parser leaves it out of the string.
printf 'plan "a\000b" {\n}\n  - "M." id "x"\n  - "H." id "x"\n' > case.plan
