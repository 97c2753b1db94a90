# A waiver with no `reason`, in a plan whose parent is available (the parent
# is written beside it and found by its conventional file name): the
# cascade check names the waiver and asks for a reason.
printf 'plan "1-KH/TU" {\n  kind "K"\n  level province\n  date 2023-01-01\n}\nsection I. "Nhiệm vụ" cascade to district {\n  1. "Quán triệt Nghị quyết."\n  2. "Sơ kết việc thực hiện."\n}\n' > 1-kh-tu.plan
printf 'plan "2-KH/HU" {\n  kind "K"\n  level district\n  date 2023-02-01\n  implements "1-KH/TU"\n}\nsection I. "Nhiệm vụ" {\n  1. "Quán triệt." implements "1-KH/TU:I.1"\n  waive "1-KH/TU:I.2"\n}\n' > case.plan
