# An include that names a directory whose name ends in .plan.
mkdir -p parts.plan
printf 'plan x {\n  kind "K"\n}\ninclude "parts.plan"\n' > case.plan
