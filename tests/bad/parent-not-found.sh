# A parent plan that is neither beside the plan, nor on -I or PLANPATH, nor
# described with an `unavailable` block.
printf 'plan "2-KH/HU" {\n  kind "K"\n  level district\n  implements "99-KH/TW"\n}\n' > case.plan
