# An include that names a directory.
mkdir -p parts
printf 'plan x {\n  kind "K"\n}\ninclude "parts"\n' > case.plan
