# A succession dated with a day that does not exist.
printf 'body cu "Ban cũ" province\nbody moi "Ban mới" province {\n  succeeds cu from 2025-02-30\n}\nplan x {\n  kind "K"\n  level province\n}\n' > case.plan
