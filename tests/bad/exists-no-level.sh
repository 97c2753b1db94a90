# A body's `exists` with no level after it: the closing brace comes where a
# level is expected.
printf 'body bkt "Ban Kinh tế Trung ương" central {\n  exists\n}\nplan x {\n  kind "K"\n}\n' > case.plan
