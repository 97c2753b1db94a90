-- package.loadlib: no C library can be loaded.
plancheck.rule {
  id = "package-loadlib",
  description = "attacks the sandbox from a check function",
  severity = "error",
  check = function(plan)
    package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
  end,
}
package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
