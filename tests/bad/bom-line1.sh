# A byte-order mark followed by an error on line 1 itself: the column of
# the stray '@' must not count the mark (column 6, not 7 or 9).
printf '\xef\xbb\xbfplan @x {\n  kind "K"\n}\n' > case.plan
