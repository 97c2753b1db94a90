# A FIFO with no writer given to --progress: refused at once as not a
# regular file (plancheck used to wait for a writer forever).
printf 'plan x {\n  kind "K"\n}\n' > fifo-progress.plan
mkfifo fifo.progress
