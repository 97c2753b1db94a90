# A progress entry written without its date.
printf 'plan x {\n  kind "K"\n}\nsection I. "A" {\n  1. "Việc" due "trong năm 2024"\n}\nprogress x {\n  done "I.1"\n}\n' > case.plan
