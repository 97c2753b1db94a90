# An include that names a FIFO with no writer: refused at once (opening it
# for reading used to wait for a writer forever).
mkfifo parts
printf 'plan x {\n  kind "K"\n}\ninclude "parts"\n' > case.plan
