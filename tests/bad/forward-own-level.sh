# A province plan that "forwards" a directive to its own level answers
# nothing: the forward is an error and the directive stays uncovered.
printf 'use "std/all"\nplan "1-KH/TW" {\n  kind "K"\n  level central\n  date 2023-01-01\n}\nsection I. "Nhiệm vụ" owner btc_tw {\n  1. "Sửa đổi quy định."\n}\n' > 1-kh-tw.plan
printf 'use "std/all"\nplan "2-CTr/TU" {\n  kind "K"\n  level province\n  date 2023-02-01\n  implements "1-KH/TW"\n}\nforward "1-KH/TW:I.1" to province\n' > case.plan
