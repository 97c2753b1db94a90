-- Deep recursion in code that load() made (no script lines on most of the
-- stack): finding the script's own frame must not walk the stack once per
-- level. The memory cap (16 MiB here) stops it, at the line that called
-- the loaded code.
local deep = load("local function g() return 1 + g() end g()")
deep()
