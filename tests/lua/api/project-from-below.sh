# Run from the plan's own directory, below its .plancheck.lua: the script
# is named relative to here.
mkdir -p proj/sub/deep
cp "$LUA_TESTS/fixture.plan" proj/sub/deep/plan.plan
printf 'plancheck.rule { id = "project-sub", description = "from proj/sub/.plancheck.lua", severity = "note", check = function(plan) plancheck.report(plan, "found above") end }\n' >proj/sub/.plancheck.lua
echo proj/sub/deep
