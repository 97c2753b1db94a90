# An unterminated string in a CRLF file: the carriage return ends the line,
# it is not part of the string, and the next lines parse normally (the error
# on line 3 is reported at its own column).
printf 'plan x {\r\n  kind "K\r\n  date 2023-13-01\r\n}\r\n' > case.plan
