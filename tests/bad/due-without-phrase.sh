# `due` with its phrase missing: the parser notices at the next line's '-'.
# The message names the unexpected token once ("unexpected '-'"), not its
# name and then its text again ("unexpected '-' -").
printf 'plan x {\n  kind "K"\n}\n- "t" due\n- "u"\n' > case.plan
