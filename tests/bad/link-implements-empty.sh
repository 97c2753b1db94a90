# A task's `implements` with no link after it: the error is at the next
# token (here the next task's bullet), which says text in quotes was wanted.
printf 'plan x {\n  kind "K"\n  level district\n}\nsection I. "Nhiệm vụ" {\n  - "Quán triệt Nghị quyết." implements\n  - "Sơ kết việc thực hiện."\n}\n' > case.plan
