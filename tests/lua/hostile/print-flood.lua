-- print writes to standard error, at most 1 MiB in a run; then the budget
-- stops the loop. (No .want: the output is that megabyte.)
local line = ("x"):rep(1000)
while true do
  print(line)
end
