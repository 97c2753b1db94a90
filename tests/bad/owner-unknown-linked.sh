# A linked task whose first owner names no body (once a crash in the owner
# comparison): the unknown body is reported, the known owner is compared.
printf 'use "std/all"\nplan "1-KH/TW" {\n  kind "K"\n  level central\n  date 2023-01-01\n}\nsection I. "Nhiệm vụ" owner btc_tw {\n  1. "Sửa đổi quy định." due "hoàn thành trong năm 2023"\n}\n' > 1-kh-tw.plan
printf 'use "std/all"\nplan "2-CTr/TU" {\n  kind "K"\n  level province\n  date 2023-02-01\n  implements "1-KH/TW"\n}\nsection I. "Nhiệm vụ" {\n  1. "Tham mưu sửa đổi." by "Không có", vp_tu implements "1-KH/TW:I.1" due "hoàn thành trong năm 2023"\n}\n' > case.plan
