# A plan that implements itself.
printf 'plan "2-KH/HU" {\n  kind "K"\n  level district\n  implements "2-KH/HU"\n}\n' > case.plan
