-- Each comparison of two distinct 2 MB strings is one instruction that
-- reads 2 MB: the instruction count cannot see the work, the time limit
-- (1 s + 100 ns per instruction of the budget: 1.1 s here) stops it.
local a, b = ("x"):rep(1000):rep(2000), ("x"):rep(1000):rep(2000)
local n = 0
while a == b do n = n + 1 end
