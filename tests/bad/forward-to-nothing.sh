# A `forward ... to` with no level after `to`.
printf 'plan x {\n  kind "K"\n  level district\n}\nsection I. "Nhiệm vụ" {\n  forward "1-KH/TU:I.2" to\n}\n' > case.plan
