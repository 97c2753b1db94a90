# A structure whose span ends before it starts.
printf 'structure s_x "Thử" from 2025-07-01 until 2025-06-30 {\n  levels central, province\n}\nplan x {\n  kind "K"\n  level province\n}\n' > case.plan
