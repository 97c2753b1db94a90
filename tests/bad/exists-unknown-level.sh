# `exists` naming something that is no level.
printf 'body bkt "Ban Kinh tế Trung ương" central { exists nation }\nplan x {\n  kind "K"\n}\n' > case.plan
