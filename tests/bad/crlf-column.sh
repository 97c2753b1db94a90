# CRLF line endings with an error on line 3: line and column are those of
# an LF file and no carriage return appears in the excerpt.
printf 'plan x {\r\n  kind "K"\r\n  date 2023-13-01\r\n}\r\n' > case.plan
