# A lone carriage return inside a comment: lines end in LF or CRLF only,
# so the comment runs on to the LF and "xem lại sau" is still comment. As
# in comment-bad-byte, the syntax error on line 3 (3:8) must be reported.
printf 'plan x {\n  kind "K" # ghi chú\rxem lại sau\n  kind 5\n}\n' > case.plan
