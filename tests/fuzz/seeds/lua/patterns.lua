-- Pattern matching that backtracks, charged to the budget.
local s = ("a"):rep(1000)
local ok = pcall(string.find, s, ("a-"):rep(20) .. "b")
local _ = ("x=1, y=2"):gsub("(%w+)=(%w+)", "%2=%1")
