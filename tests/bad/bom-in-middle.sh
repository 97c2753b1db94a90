# A byte-order mark (U+FEFF) that is not at the start of the file, as left
# by concatenating two files. It is invisible, so the message must name it
# (U+FEFF) instead of quoting it: "unexpected character ''" tells nothing.
printf 'plan x {\n  kind "K"\n}\n\xef\xbb\xbf- "t"\n' > case.plan
