# A body that says it succeeds a body nobody declares.
printf 'body moi "Ban mới" province {\n  succeeds ban_cu from 2025-03-01\n}\nplan x {\n  kind "K"\n  level province\n}\n' > case.plan
