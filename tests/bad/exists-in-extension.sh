# `exists` in a block that only adds aliases to a body declared elsewhere.
printf 'use "std/central"\nbody bkt_tw { exists central }\nplan x {\n  kind "K"\n}\n' > case.plan
