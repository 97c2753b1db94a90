# A 1 MiB string (1048576 ASCII letters) and, after it on the same line, a
# stray '@'. Column: '- "' is 1-3, the text 4-1048579, the closing quote
# 1048580, a space, then '@' at column 1048582.
s=a
for _ in {1..20}; do s=$s$s; done
printf 'plan x {\n  kind "K"\n}\n- "%s" @\n' "$s" > case.plan
