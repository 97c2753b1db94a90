# A --rules directory: its *.lua files load in name order; other files,
# hidden files and a directory named like a script are left alone.
cp "$LUA_TESTS/fixture.plan" .
mkdir -p rules rules/old.lua
for n in b a c; do
  printf 'plancheck.rule { id = "rule-%s", description = "from %s.lua", severity = "note", check = function(plan) plancheck.report(plan, "rule %s") end }\n' $n $n $n >rules/$n.lua
done
echo 'error("not a script")' >rules/notes.txt
echo 'error("hidden")' >rules/.hidden.lua
echo 'error("inside a directory")' >rules/old.lua/x.lua
