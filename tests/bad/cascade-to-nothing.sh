# A task's `cascade to` with no level after it.
printf 'plan x {\n  kind "K"\n  level province\n}\nsection I. "Nhiệm vụ" {\n  - "Quán triệt Nghị quyết." cascade to\n}\n' > case.plan
