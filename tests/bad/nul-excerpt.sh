# A NUL byte in the middle of a line: the excerpt under the error must show
# the whole line, including what follows the NUL ("2023-01-01"), not stop
# at the NUL as a C string would.
printf 'plan x {\n  kind "K"\n  date\0 2023-01-01\n}\n' > case.plan
