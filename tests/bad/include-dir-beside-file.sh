# `include "parts"` where both a directory parts/ and a file parts.plan
# exist. ".plan may be left off", so the file is the one meant: it must be
# read, not rejected as a directory. parts.plan holds a deliberate error
# (an unknown body at 1:10) that proves it was read.
mkdir -p parts
printf 'plan x {\n  kind "K"\n}\ninclude "parts"\n' > case.plan
printf -- '- "t" by khong_co\n' > parts.plan
