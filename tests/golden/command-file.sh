# A file named like a mistyped command ("lint") is a file all the same: it
# is checked, not reported as an unknown command.
printf 'plan lint_plan {\n  kind "KẾ HOẠCH"\n  title "Thử"\n}\n' > lint
