# A progress block that is never closed.
printf 'plan x {\n  kind "K"\n}\nsection I. "A" {\n  1. "Việc"\n}\nprogress x {\n  2024-01-02 done "I.1"\n' > case.plan
