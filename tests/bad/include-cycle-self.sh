# A file that includes itself by another spelling ("./case" without .plan).
printf 'plan x {\n  kind "K"\n}\ninclude "./case"\n' > case.plan
