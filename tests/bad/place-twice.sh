# The same place identifier declared twice.
printf 'place dn "thành phố Đà Nẵng" province\nplace dn "tỉnh Quảng Nam" province\nplan x {\n  kind "K"\n}\n' > case.plan
