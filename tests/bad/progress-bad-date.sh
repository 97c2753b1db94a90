# A date in a progress record that does not exist.
printf 'plan x {\n  kind "K"\n}\nsection I. "A" {\n  1. "Việc"\n}\nprogress x {\n  2024-02-30 done "I.1"\n}\n' > case.plan
