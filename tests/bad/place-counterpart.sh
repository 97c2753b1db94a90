# A place's block holds only `alias`.
printf 'place dn "thành phố Đà Nẵng" province {\n  counterpart x\n}\nplan x {\n  kind "K"\n}\n' > case.plan
