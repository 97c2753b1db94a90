# A long line of Vietnamese (NFC) text, then a stray '@': the column counts
# code points, not bytes. "Tiếng Việt " is 11 code points (15 bytes); 100 of
# them fill columns 4-1103, the quote is 1104, a space, '@' is 1106.
s=
for _ in {1..100}; do s="${s}Tiếng Việt "; done
printf 'plan x {\n  kind "K"\n}\n- "%s" @\n' "$s" > case.plan
