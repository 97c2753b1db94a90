# `use` of a standard library that does not exist.
printf 'use "std/commune"\nplan x {\n  kind "K"\n}\n' > case.plan
