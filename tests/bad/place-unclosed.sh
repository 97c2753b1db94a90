# A place's block that is never closed.
printf 'place dn "thành phố Đà Nẵng" province {\n  alias "TP Đà Nẵng"\n' > case.plan
