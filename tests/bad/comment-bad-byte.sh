# A comment saved in a legacy 8-bit encoding (0xFA for ú, 0xE1 for á): the
# bytes are errors (2:20, 2:28), but the comment still runs to the end of
# its line; the words after a bad byte must not be parsed as code. The
# proof: the real syntax error on line 3 (3:8) is reported, where the
# leaked words ("xem", ...) would have started error recovery and hidden it.
printf 'plan x {\n  kind "K" # ghi ch\xfa: xem l\xe1i sau\n  kind 5\n}\n' > case.plan
