# folded_text on a plan whose folded texts (1.2 MB) are more than the
# scripts may hold (--lua-memory 1): what is kept is dropped when it would
# grow past that, and every text still folds right, read again after.
mkdir -p big
{
  printf 'body ubkt_hu "Ủy ban Kiểm tra Huyện ủy" district\n'
  printf 'plan "03-KH/HU" { issuer ubkt_hu level district date 2023-04-01 }\n'
  printf 'section I. "NHIỆM VỤ" owner ubkt_hu {\n'
  for i in $(seq 1 400); do
    printf '  - "Nhiệm vụ %d: ' "$i"
    for j in $(seq 1 50); do printf 'Tỉnh Uỷ KIỂM TRA, giám sát việc HOÀ giải %d. ' "$j"; done
    printf '"\n'
  done
  printf '}\n'
} >big/big.plan
cp "$LUA_TESTS/api/folded-text-bounded.lua" big/
echo big
