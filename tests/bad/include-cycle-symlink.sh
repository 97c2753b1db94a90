# An include cycle through a symbolic link: case.plan includes "link.plan",
# a link to itself; the file must be recognised as the one being read.
printf 'plan x {\n  kind "K"\n}\ninclude "link.plan"\n' > case.plan
ln -s case.plan link.plan
