# A stray '@' before an identifier: one error at the '@'; the identifier
# after it still names its body (no unknown-body cascade).
printf 'use "std/district"\nplan x {\n  kind "K"\n  issuer @huyen_uy\n}\n' > case.plan
