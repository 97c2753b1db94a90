# An entry dated after the as-of day (today, by default): far in the future.
printf 'plan x {\n  kind "K"\n}\nsection I. "A" {\n  1. "Việc"\n}\nprogress x {\n  9000-01-01 done "I.1"\n}\n' > case.plan
