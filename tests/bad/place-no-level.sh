# A place declared without its level.
printf 'place hn "thành phố Hà Nội"\nplan x {\n  kind "K"\n}\n' > case.plan
