# A UTF-8 byte-order mark, then a valid plan with one error on line 3: the
# mark is skipped and takes no column, on line 1 or anywhere else. The bad
# date is at column 8 of line 3.
printf '\xef\xbb\xbfplan x {\n  kind "K"\n  date 2023-02-30\n}\n' > case.plan
