# A file holding only a comment declares no plan.
printf '# nothing but a comment\n' > case.plan
