# A body's `addresses` list ending in a comma: the closing brace comes where
# a level is expected.
printf 'body tccsd "Các tổ chức cơ sở đảng" district {\n  addresses grassroots,\n}\nplan x {\n  kind "K"\n}\n' > case.plan
