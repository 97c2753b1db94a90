# A `cascade to` naming a level nothing declares, nor any near it.
printf 'plan x {\n  kind "K"\n  level province\n}\nsection I. "Nhiệm vụ" {\n  - "Quán triệt." cascade to commune, "thôn"\n}\n' > case.plan
