# Two plans that implement each other, each found by its conventional name.
printf 'plan "2-KH/HU" {\n  kind "K"\n  level district\n  implements "3-KH/HU"\n}\n' > case.plan
printf 'plan "3-KH/HU" {\n  kind "K"\n  level district\n  implements "2-KH/HU"\n}\n' > 3-kh-hu.plan
