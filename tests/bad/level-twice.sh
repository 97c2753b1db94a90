# A level declared twice.
printf 'level province "cấp tỉnh"\nplan x {\n  kind "K"\n  level province\n}\n' > case.plan
