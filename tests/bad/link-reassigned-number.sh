# A link's `reassigned` takes the reason in quotes, not a number.
printf 'plan x {\n  kind "K"\n  level district\n}\nsection I. "Nhiệm vụ" {\n  - "Quán triệt Nghị quyết." implements "1-KH/TU:I.1" reassigned 5\n}\n' > case.plan
