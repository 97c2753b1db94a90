# An impossible date inside the description of a parent plan (implements
# block), with day 00.
printf 'plan x {\n  kind "K"\n  implements "1-KH/TW" {\n    date 2023-01-00\n  }\n}\n' > case.plan
