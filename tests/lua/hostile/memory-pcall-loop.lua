-- Deep recursion in code that load() made, until the memory cap, again and
-- again under pcall: each refusal is followed by a full collection and an
-- unwinding of the whole stack, where no hook runs, and finding the
-- script's own frame walks a stack hundreds of thousands of levels deep.
-- The time limit (1 s + 100 ns per instruction of the budget: 3 s here)
-- must still hold (tests/run times this case: NAME.seconds).
local deep = load("local function g() return 1 + g() end g()")
while true do pcall(deep) end
