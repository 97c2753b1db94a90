# An empty file: no plan, nothing else.
printf '' > case.plan
