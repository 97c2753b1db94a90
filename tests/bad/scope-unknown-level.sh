# A task's `scope` naming a level nobody declares: one located error with
# the level it likely means.
printf 'plan x {\n  kind "K"\n  level central\n}\nsection I. "A" {\n  1. "Việc." scope central, provnce\n}\n' > case.plan
