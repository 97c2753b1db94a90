# An include of /dev/zero: refused at once as not a regular file (it used
# to be read to the 4 GiB limit, 8.8 s, before it was refused).
printf 'plan x {\n  kind "K"\n}\ninclude "/dev/zero"\n' > case.plan
