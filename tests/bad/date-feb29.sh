# 29 February of a year that is not a leap year (2100 is divisible by 100
# but not by 400); 2024-02-29 on line 3 is valid and must not be reported.
printf 'plan x {\n  kind "K"\n  date 2024-02-29\n  implements "1-KH/TW" {\n    date 2100-02-29\n  }\n}\n' > case.plan
