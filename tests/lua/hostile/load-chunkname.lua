-- Code that load()s under a script's chunk name ("@...") does not pass for
-- a line of that script: the failure is at the line that called it.
plancheck.rule {
  id = "load-chunkname",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    load(("\n"):rep(1000) .. "error('boom')", "@hostile/load-chunkname.lua")()
  end,
}
load(("\n"):rep(1000) .. "error('boom')", "@canary.lua")()
