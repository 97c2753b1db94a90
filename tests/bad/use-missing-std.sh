# `use` of a standard library that does not exist.
printf 'use "std/hamlet"\nplan x {\n  kind "K"\n}\n' > case.plan
