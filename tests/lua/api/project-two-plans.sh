# .plancheck.lua files: proj/ and proj/sub/ have one; the plan in
# proj/sub/deep/ takes the nearest (proj/sub/'s), the one in proj/ its own.
mkdir -p proj/sub/deep
sed -e 's/01-KH\/HU/02-KH\/HU/' -e 's/\(btc_hu\|vp_hu\|huyen_uy\)/\1_2/g' -e 's/Huyện ủy"/Huyện ủy 2"/' "$LUA_TESTS/fixture.plan" >proj/sub/deep/plan.plan
cp "$LUA_TESTS/fixture.plan" proj/top.plan
for d in proj proj/sub; do
  printf -- '-- the project rules of %s\nplancheck.rule { id = "project-%s", description = "from %s/.plancheck.lua", severity = "note", check = function(plan) plancheck.report(plan, "%s/.plancheck.lua ran on " .. plan.key) end }\n' \
    "$d" "$(basename "$d")" "$d" "$d" >"$d/.plancheck.lua"
done
