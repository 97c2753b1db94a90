# A FIFO with no writer given as the plan: refused at once as not a
# regular file (plancheck used to wait for a writer forever).
mkfifo fifo-plan.plan
