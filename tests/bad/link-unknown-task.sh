# A link to a task the (available) parent does not have: I.7 of a parent
# with two tasks; the second link of the list.
printf 'plan "1-KH/TU" {\n  kind "K"\n  level province\n  date 2023-01-01\n}\nsection I. "Nhiệm vụ" cascade to district {\n  1. "Quán triệt Nghị quyết."\n  2. "Sơ kết việc thực hiện."\n}\n' > 1-kh-tu.plan
printf 'plan "2-KH/HU" {\n  kind "K"\n  level district\n  date 2023-02-01\n  implements "1-KH/TU"\n}\nsection I. "Nhiệm vụ" {\n  1. "Quán triệt." implements "1-KH/TU:I.1", "1-KH/TU:I.7"\n  2. "Sơ kết." implements "1-KH/TU:I.2"\n}\n' > case.plan
