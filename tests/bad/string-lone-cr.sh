# A lone carriage return (not followed by LF) inside a string. CR is valid
# UTF-8, so the error at 3:11 must not call it an invalid UTF-8 byte.
printf 'plan x {\n  kind "K"\n  title "a\rb"\n}\n' > case.plan
