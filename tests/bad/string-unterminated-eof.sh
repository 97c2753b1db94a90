# A string still open when the file ends (no final newline). The task is
# otherwise complete, so the only error is the string, at its opening quote.
printf 'plan x {\n  kind "K"\n}\n- "văn bản chưa đóng' > case.plan
