/* Unit tests of pattern: the bounded find, match, gmatch and gsub against
 * the stock string library of the same Lua state, case by case (every
 * feature of §6.4.1, the start positions, gsub's replacements and count,
 * gmatch's empty matches, every error and its wording) and over a seeded
 * random sample of short patterns; then the budget: a pathological pattern
 * is stopped, and ordinary work is charged in proportion. */
#include <lauxlib.h>
#include <lualib.h>

#include "pattern.h"
#include "unit.h"

/* compare(name, ...) calls string[name](...) and ours with the same
 * arguments and returns nil when every result (its type and value, and the
 * number of results) or the error message is the same, else both outcomes.
 * gmatch is compared by the results of up to 100 calls of its iterator.
 * Both run through the same `call`, so an error's position and a bad
 * argument's function name are the same too. The cases may use the globals
 * ALL (every byte, for the classes), RT (a replacement table) and RF (a
 * replacement function that shows the captures it was given). */
static const char compare_lua[] =
  "local S, P = ...\n"
  "local function call(f, ...)\n"
  "  local r = table.pack(f(...))\n"
  "  return r\n"
  "end\n"
  "local function show(ok, r)\n"
  "  if not ok then return 'error ' .. tostring(r) end\n"
  "  local out = {}\n"
  "  for i = 1, r.n do\n"
  "    local v = r[i]\n"
  "    if type(v) == 'number' then out[i] = math.type(v) .. ' ' .. v\n"
  "    elseif type(v) == 'string' then out[i] = string.format('%q', v)\n"
  "    else out[i] = tostring(v) end\n"
  "  end\n"
  "  return r.n .. ': ' .. table.concat(out, ', ')\n"
  "end\n"
  "local function run(lib, name, ...)\n"
  "  if name ~= 'gmatch' then return show(pcall(call, lib[name], ...)) end\n"
  "  local ok, it = pcall(call, lib.gmatch, ...)\n"
  "  if not ok then return show(ok, it) end\n"
  "  local steps = {}\n"
  "  for _ = 1, 100 do\n"
  "    local ok2, r = pcall(call, it[1])\n"
  "    steps[#steps + 1] = show(ok2, r)\n"
  "    if not ok2 or r.n == 0 or r[1] == nil then break end\n"
  "  end\n"
  "  return table.concat(steps, ' | ')\n"
  "end\n"
  "local all = {}\n"
  "for i = 0, 255 do all[#all + 1] = string.char(i) end\n"
  "ALL = table.concat(all)\n"
  "RT = {a = 'A', b = false, c = 3, ['1'] = 'one'}\n"
  "RF = function(...) return select('#', ...) .. ':' .. table.concat({...}, ',') end\n"
  "return function(name, ...)\n"
  "  local want, got = run(S, name, ...), run(P, name, ...)\n"
  "  if want ~= got then return 'stock ' .. want .. '\\n  ours  ' .. got end\n"
  "end\n";

/* A state with the stock library and ours (in a separate table), and the
 * compare function at stack index 1. */
static lua_State *open_diff(void)
{
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_loadbuffer(L, compare_lua, sizeof compare_lua - 1, "=compare") != LUA_OK) {
    fprintf(stderr, "compare: %s\n", lua_tostring(L, -1));
    return L;
  }
  lua_getglobal(L, "string");
  lua_newtable(L);
  pt_register(L, -1, NULL);
  lua_call(L, 2, 1);
  return L;
}

typedef struct pcase {
  const char *fn;      /* find, match, gmatch or gsub */
  const char *args;    /* its arguments, as Lua source */
} pcase;

/* Runs compare(fn, args) and fails with both outcomes when they differ. */
static void check_case(lua_State *L, const pcase *c)
{
  const char *chunk, *diff = NULL;
  lua_settop(L, 1);
  chunk = lua_pushfstring(L, "local compare = ...\nreturn compare('%s', %s)", c->fn, c->args);
  if (luaL_loadstring(L, chunk) != LUA_OK) {
    diff = lua_tostring(L, -1);
  } else {
    lua_pushvalue(L, 1);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK || !lua_isnil(L, -1))
      diff = lua_tostring(L, -1);
  }
  if (diff)
    fprintf(stderr, "pattern: %s(%s):\n  %s\n", c->fn, c->args, diff);
  UT_CHECK(diff == NULL);
}

static void check_cases(const pcase *cases, size_t n)
{
  lua_State *L = open_diff();
  for (size_t i = 0; i < n; i++)
    check_case(L, &cases[i]);
  lua_close(L);
}

#define CHECK_CASES(cases) check_cases(cases, sizeof cases / sizeof cases[0])

void test_pattern_find(void)
{
  static const pcase cases[] = {
    {"find", "'hello world', 'o'"},
    {"find", "'hello world', 'o', 6"},
    {"find", "'hello world', 'l+'"},
    {"find", "'hello world', 'xyz'"},
    {"find", "'', ''"},
    {"find", "'', 'a'"},
    {"find", "'', '.*'"},
    {"find", "'abc', ''"},
    {"find", "'abc', '', 3"},
    {"find", "'abc', '', 4"},
    {"find", "'abc', '', 5"},
    {"find", "'abc', '', 100"},
    {"find", "'abc', 'b', -1"},
    {"find", "'abc', 'b', -2"},
    {"find", "'abc', 'b', -3"},
    {"find", "'abc', 'b', -4"},
    {"find", "'abc', 'b', -100"},
    {"find", "'abc', 'a', 0"},
    {"find", "'abc', 'c', 3"},
    {"find", "'abc', 'c', 4"},
    {"find", "'abc', '', -1"},
    {"find", "'abc', '.', math.mininteger"},
    {"find", "'abc', '.', math.maxinteger"},
    {"find", "'abc', 'b.', -2"},
    {"find", "'abc', 'b', '2'"},
    {"find", "'abc', 'b', 2.0"},
    {"find", "'abc', 'b', 1.5"},
    {"find", "'abc', 'b', 'x'"},
    {"find", "nil, 'a'"},
    {"find", "'a', nil"},
    {"find", "'a', {}"},
    {"find", "12345, 34"},
    {"find", "12345, 3.5"},
    /* plain: asked for, or no special byte in the pattern */
    {"find", "'a.b', '.', 1, true"},
    {"find", "'a.b', '.'"},
    {"find", "'a+b', '+', 1, true"},
    {"find", "'a(b', '(', 1, true"},
    {"find", "'a%b', '%', 1, true"},
    {"find", "'a(b', '('"},
    {"find", "'a)', ')'"},
    {"find", "'a]', ']'"},
    {"find", "'a)b', 'a)', 1, false"},
    {"find", "'x', '', 2, true"},
    {"find", "'x', '', 3, true"},
    {"find", "'abcabc', 'bc', -3, true"},
    {"find", "'abcabc', 'bc', 3, 1"},
    {"find", "'abcabc', 'cab', 1, 0"},
    {"find", "'aab', 'ab'"},
    {"find", "'aaab', 'aab'"},
    {"find", "'ab', 'abc'"},
    {"find", "'a\\0b\\0c', '\\0c'"},
    {"find", "'a\\0b\\0c', '\\0c', 1, true"},
    {"find", "'a\\0b', 'b\\0'"},
    {"find", "'a\\0b.', '\\0b.'"},
    {"find", "'a\\0b.', '\\0b%.'"},
    /* anchors */
    {"find", "'aaa', '^a'"},
    {"find", "'abc', '^b'"},
    {"find", "'abc', '^'"},
    {"find", "'', '^$'"},
    {"find", "'', '$'"},
    {"find", "'aa', 'a$'"},
    {"find", "'abc', '$'"},
    {"find", "'a$b', 'a$b'"},
    {"find", "'a$', 'a$$'"},
    {"find", "'^x', '^^'"},
    {"find", "'ab^', 'b^'"},
    {"find", "'xaa', '^a', 2"},
    {"find", "'xab', '^b', 2"},
    {"find", "'abc', '^abc$'"},
    {"find", "'abcd', '^abc$'"},
    /* captures come after the positions */
    {"find", "'hello', '(l)(l)'"},
    {"find", "'hello', '()ll()'"},
    {"find", "'hello', 'l()'"},
    {"find", "'hello', '(h)(x?)'"},
    {"find", "'abc', '('"},
    {"find", "'abc', 'x('"},
  };
  CHECK_CASES(cases);
}

void test_pattern_match(void)
{
  static const pcase cases[] = {
    {"match", "'hello', '(h)(e)'"},
    {"match", "'hello', '()ll()'"},
    {"match", "'hello', 'l+'"},
    {"match", "'hello', 'x'"},
    {"match", "'key = value', '(%w+)%s*=%s*(%w+)'"},
    {"match", "'  trim me  ', '^%s*(.-)%s*$'"},
    {"match", "'abc', '^(a)'"},
    {"match", "'abc', 'b', 3"},
    {"match", "'abc', 'a', 4"},
    {"match", "'abc', '', 4"},
    {"match", "'abc', '', 5"},
    {"match", "'abc', '.', -1"},
    {"match", "'abc', '.', -10"},
    {"match", "'', ''"},
    {"match", "'', '()'"},
    {"match", "'', '(.*)'"},
    {"match", "'a)', ')'"},
    {"match", "'abc', '(a(b(c)))'"},
    {"match", "'abc', '((a)(b))(c)'"},
    {"match", "'hello', '(h)(e)(l)(l)(o)'"},
    {"match", "'abc', '(a)()(b)'"},
    {"match", "'abc', '(()a)'"},
    {"match", "'abc', '(a'"},
    {"match", "'abc', 'a)'"},
    {"match", "'abc', '(()'"},
    {"match", "'abc', '(x'"},
    /* quantifiers */
    {"match", "'aaab', 'a*'"},
    {"match", "'aaab', 'a+'"},
    {"match", "'aaab', 'a-'"},
    {"match", "'aaab', 'a-b'"},
    {"match", "'aaab', 'a?'"},
    {"match", "'aaab', 'a?a?a?a?b'"},
    {"match", "'b', 'a+'"},
    {"match", "'b', 'a*b'"},
    {"match", "'<a><b>', '<.->'"},
    {"match", "'<a><b>', '<.*>'"},
    {"match", "'<a><b>', '<(.-)>$'"},
    {"match", "'aaa', '(a*)(a)'"},
    {"match", "'aaa', '(a-)(a+)'"},
    {"match", "'aaa', '(a?)(a?)(a?)(a?)'"},
    {"match", "'*a', '*a'"},
    {"match", "'+', '+'"},
    {"match", "'-', '-'"},
    {"match", "'?', '?'"},
    {"match", "'a**', 'a**'"},
    {"match", "'a+', 'a++'"},
    {"match", "'xa-', 'a--'"},
    {"match", "'ab', 'a?b?c?'"},
    {"match", "'abc', '.-$'"},
    {"match", "'abc', '.-()$'"},
    /* back-references */
    {"match", "'aa', '(a)%1'"},
    {"match", "'abab', '(ab)%1'"},
    {"match", "'aab', '(a*)b%1'"},
    {"match", "'xyzzy', '(.)%1'"},
    {"match", "'hello hello world', '(%w+)%s+%1'"},
    {"match", "'say \"hi\" now', '([\"\\'])(.-)%1'"},
    {"match", "'aa', '()%1'"},
    {"match", "'aa', '(a%1)'"},
    {"match", "'aa', '%0'"},
    {"match", "'aa', '(a)%2'"},
    {"match", "'aa', '%1'"},
    {"match", "'aa', 'x%1'"},
    {"match", "'abcabc', '(a)(b)(c)%3%2%1'"},
    {"match", "'abccba', '(a)(b)(c)%3%2%1'"},
    {"match", "'aXa', '(a)(X)%1%2'"},
    /* %b */
    {"match", "'x(a(b)c)d', '%b()'"},
    {"match", "'((', '%b()'"},
    {"match", "'(()', '%b()'"},
    {"match", "'', '%b()'"},
    {"match", "')(', '%b)('"},
    {"match", "'a b a', '%baa'"},
    {"match", "'aaa', '%baa'"},
    {"match", "'if [[x]] end', '%b[]'"},
    {"match", "'%x%', '%b%%'"},
    {"match", "'abc', '%b'"},
    {"match", "'abc', '%b('"},
    {"match", "'xyz', 'q%b'"},
    {"match", "'(a)', '%b()+'"},
    {"match", "'(a)(b)', '(%b())(%b())'"},
    /* %f */
    {"match", "'THE (quick) fox', '%f[%a]%a+'"},
    {"match", "'THE (quick) fox', '%f[%a]%a+', 4"},
    {"match", "'hello', '%f[%w]()'"},
    {"match", "'hello', '()%f[%W]'"},
    {"match", "'abc', '%f[%c]()'"},
    {"match", "'abc', '()%f[^%c]'"},
    {"match", "'', '%f[%z]'"},
    {"match", "'ab', '%f[a]'"},
    {"match", "'ab', '%f[b]()'"},
    {"match", "'a.b', '%f[.]()'"},
    {"match", "'abc', '%f'"},
    {"match", "'abc', '%fa'"},
    {"match", "'abc', '%f['"},
    {"match", "'abc', '%f[a'"},
    {"match", "'abc', '%f[]]'"},
    {"match", "'ab]', '%f[]]()'"},
    {"match", "'aab', '%f[b]*'"},
  };
  CHECK_CASES(cases);
}

void test_pattern_classes(void)
{
  static const pcase cases[] = {
    {"gsub", "ALL, '%a', ''"}, {"gsub", "ALL, '%A', ''"},
    {"gsub", "ALL, '%c', ''"}, {"gsub", "ALL, '%C', ''"},
    {"gsub", "ALL, '%d', ''"}, {"gsub", "ALL, '%D', ''"},
    {"gsub", "ALL, '%g', ''"}, {"gsub", "ALL, '%G', ''"},
    {"gsub", "ALL, '%l', ''"}, {"gsub", "ALL, '%L', ''"},
    {"gsub", "ALL, '%p', ''"}, {"gsub", "ALL, '%P', ''"},
    {"gsub", "ALL, '%s', ''"}, {"gsub", "ALL, '%S', ''"},
    {"gsub", "ALL, '%u', ''"}, {"gsub", "ALL, '%U', ''"},
    {"gsub", "ALL, '%w', ''"}, {"gsub", "ALL, '%W', ''"},
    {"gsub", "ALL, '%x', ''"}, {"gsub", "ALL, '%X', ''"},
    {"gsub", "ALL, '[%a%d]', ''"}, {"gsub", "ALL, '[^%a%d]', ''"},
    {"gsub", "ALL, '[%S]', ''"}, {"gsub", "ALL, '[^%S]', ''"},
    {"gsub", "ALL, '.', ''"},
    {"gmatch", "ALL, '%p+'"},
    {"gmatch", "ALL, '%x+'"},
    {"find", "ALL, '%u+'"},
    {"find", "ALL, '[\\128-\\255]+'"},
    {"find", "ALL, '[\\200-\\100]'"},
    {"find", "ALL, '[\\0-\\31]+'"},
    {"match", "ALL, '[^\\0-\\127]+'"},
    {"find", "ALL, '%z'"},
    {"find", "ALL, '%Z'"},
    {"find", "ALL, '%.'"},
    {"find", "ALL, '%%'"},
    {"find", "ALL, '%]'"},
    {"find", "ALL, '%\\0'"},
    {"find", "ALL, '%\\200'"},
    {"find", "ALL, '[%z]'"},
    {"match", "'Việt Nam', '%a+'"},
    {"match", "'Việt Nam', '[\\128-\\255]+'"},
    /* sets */
    {"match", "'xcba', '[abc]+'"},
    {"match", "'xcba', '[^abc]+'"},
    {"match", "'xcbad', '[a-c]+'"},
    {"match", "'x-a-', '[a-]+'"},
    {"match", "'x-a-', '[-a]+'"},
    {"match", "'x]a]', '[]]+'"},
    {"match", "']]xa', '[^]]+'"},
    {"match", "'x]a]', '[]a]+'"},
    {"match", "'a_b1', '[%a_]+'"},
    {"match", "'x]]', '[%]]+'"},
    {"match", "'a-z-', '[a%-z]+'"},
    {"match", "'5-z', '[%d-z]+'"},
    {"match", "'dcb', '[z-a]'"},
    {"match", "'a-cde', '[a-c-e]+'"},
    {"match", "'[x', '[[]'"},
    {"match", "'[x', '[%[]'"},
    {"match", "'^x', '[^^]'"},
    {"match", "'^x', '[a^]'"},
    {"match", "'x%', '[%%]'"},
    {"match", "'a\\0b', '[\\0]'"},
    {"match", "'a\\0b', '[^\\0]+'"},
    {"match", "'a\\0b', '.\\0.'"},
    {"match", "'a]b', '[a-]]'"},
    {"match", "'b-]', '[a-%]]+'"},
    {"match", "'%-a', '[%%-a]+'"},
    {"match", "'.', '[.]'"},
    {"match", "'x', '[.]'"},
    {"match", "'a', '[%a-z]'"},
    {"match", "'-', '[%a-z]'"},
  };
  CHECK_CASES(cases);
}

void test_pattern_gmatch(void)
{
  static const pcase cases[] = {
    {"gmatch", "'hello world from Lua', '%a+'"},
    {"gmatch", "'from=world, to=Lua', '(%w+)=(%w+)'"},
    {"gmatch", "'abc', ''"},
    {"gmatch", "'', ''"},
    {"gmatch", "'abc', 'x*'"},
    {"gmatch", "'abc', '%w*'"},
    {"gmatch", "'ab  cd', '%a*'"},
    {"gmatch", "'abc', '()'"},
    {"gmatch", "'abc', '.()'"},
    {"gmatch", "'^a^a', '^a'"},
    {"gmatch", "'aaa', '^a'"},
    {"gmatch", "'abc', '.', 2"},
    {"gmatch", "'abc', '.', -1"},
    {"gmatch", "'abc', '.', -10"},
    {"gmatch", "'abc', '.', 0"},
    {"gmatch", "'abc', '.', 10"},
    {"gmatch", "'abc', '', 3"},
    {"gmatch", "'abc', '', 4"},
    {"gmatch", "'abc', '', 5"},
    {"gmatch", "'abc', '', math.maxinteger"},
    {"gmatch", "'abc', '', math.mininteger"},
    {"gmatch", "'a,b,,c', '([^,]*)'"},
    {"gmatch", "'a,b,,c,', '([^,]*),?'"},
    {"gmatch", "'abc', 'a-'"},
    {"gmatch", "'abc', '.-'"},
    {"gmatch", "'aaa', 'a?'"},
    {"gmatch", "'one two', '%f[%w]%w+'"},
    {"gmatch", "'(a)(b(c))', '%b()'"},
    {"gmatch", "'abc', '$'"},
    {"gmatch", "'abc', '.$'"},
    {"gmatch", "'abc', '['"},
    {"gmatch", "'abc', '('"},
    {"gmatch", "'abc', 'b('"},
    {"gmatch", "'abc', '%'"},
    {"gmatch", "nil, 'a'"},
    {"gmatch", "'a', nil"},
    {"gmatch", "'a', 'a', 'x'"},
    {"gmatch", "123123, 2"},
  };
  CHECK_CASES(cases);
}

void test_pattern_gsub(void)
{
  static const pcase cases[] = {
    {"gsub", "'hello world', 'o', '0'"},
    {"gsub", "'hello world', 'x', '0'"},
    {"gsub", "'hello', '', '-'"},
    {"gsub", "'', '', '-'"},
    {"gsub", "'', 'x*', '-'"},
    {"gsub", "'abc', '%w*', 'x'"},
    {"gsub", "'abc', 'x*', '-'"},
    {"gsub", "'abc d', '%w*', '<%0>'"},
    {"gsub", "'abc', '%w', '%0%0'"},
    {"gsub", "'abc', '%w', '%1'"},
    {"gsub", "'abc', '(%w)', '%1%1'"},
    {"gsub", "'abc', '(%w)', '%0%1'"},
    {"gsub", "'abc', '(b)', '%0'"},
    {"gsub", "'abc', '%w', '%2'"},
    {"gsub", "'abc', '(%w)', '%2'"},
    {"gsub", "'abc', 'x', '%2'"},
    {"gsub", "'abc', 'b', '%'"},
    {"gsub", "'abc', 'b', 'x%'"},
    {"gsub", "'abc', 'b', '%x'"},
    {"gsub", "'abc', 'b', '%%'"},
    {"gsub", "'abc', 'b', '100%%'"},
    {"gsub", "'abc', 'b', '%\\0'"},
    {"gsub", "'abc', 'b', 'a\\0b'"},
    {"gsub", "'abc', '()b', '%1'"},
    {"gsub", "'abc', '()b()', '[%1,%2]'"},
    {"gsub", "'abc', '(', 'x'"},
    {"gsub", "'abc', '(', '%1'"},
    {"gsub", "'abc', '(', '%0'"},
    {"gsub", "'abc', '(b', RT"},
    {"gsub", "'abc', '(b', RF"},
    {"gsub", "'abc', 'b)', 'x'"},
    {"gsub", "'hello world', '%w+', '%0 %0', 1"},
    {"gsub", "'hello world', '%w+', '%0 %0', 0"},
    {"gsub", "'hello world', '%w+', '%0 %0', -1"},
    {"gsub", "'hello world', '%w+', '%0 %0', 2"},
    {"gsub", "'hello world', '%w+', '%0 %0', 3"},
    {"gsub", "'hello world', '%w+', '%0 %0', '1'"},
    {"gsub", "'hello world', '%w+', '%0 %0', 1.5"},
    {"gsub", "'hello world', '%w+', '%0 %0', math.mininteger"},
    {"gsub", "'hello world', '', '.', 3"},
    {"gsub", "'abc', 'b', 5"},
    {"gsub", "'abc', 'b', 2.5"},
    {"gsub", "123, 2, 5"},
    {"gsub", "'abc', '%w', RT"},
    {"gsub", "'abc', '%w', {a = true}"},
    {"gsub", "'abc', '%w', {a = {}}"},
    {"gsub", "'abc', '%w', {}"},
    {"gsub", "'abc', '(%w)(%w)', RT"},
    {"gsub", "'a1', '(%d)', RT"},
    {"gsub", "'abc', '()', RT"},
    {"gsub", "'abc', '%w', setmetatable({}, {__index = function(_, k) return k:upper() end})"},
    {"gsub", "'abc', '%w', RF"},
    {"gsub", "'abc', '(%w)()', RF"},
    {"gsub", "'abc', '', RF"},
    {"gsub", "'abc', '%w', function() end"},
    {"gsub", "'abc', '%w', function() return false end"},
    {"gsub", "'abc', '%w', function() return {} end"},
    {"gsub", "'abc', '%w', function() return 7 end"},
    {"gsub", "'abc', '%w', function() return true end"},
    {"gsub", "'abc', '%w', function(c) return c == 'b' and 'B' end"},
    {"gsub", "'abc', '%w', function() error('boom') end"},
    {"gsub", "'abc', '%w', function(c) return (c:gsub('.', '%0%0')) end"},
    {"gsub", "'abc', '%w'"},
    {"gsub", "'abc', '%w', nil"},
    {"gsub", "'abc', '%w', true"},
    {"gsub", "'abc', '%w', nil, 'x'"},
    {"gsub", "'hh', '^h', 'x'"},
    {"gsub", "'abc', '^', 'x'"},
    {"gsub", "'abc', '^x', 'y'"},
    {"gsub", "'abc', '$', 'x'"},
    {"gsub", "'abc', '^$', 'x'"},
    {"gsub", "'', '^$', 'x'"},
    {"gsub", "'a b c', '%s', ''"},
    {"gsub", "'x = 1, y = 2', '(%w+) = (%w+)', '%2 = %1'"},
    {"gsub", "'$name is $age', '%$(%w+)', {name = 'An', age = 30}"},
    {"gsub", "'abc', '.', {a = 1, b = 2.5}"},
    {"gsub", "'abc', '[', 'x'"},
    {"gsub", "'abc', 'x[', 'y'"},
    {"gsub", "'a.b', '%.', '%%'"},
  };
  CHECK_CASES(cases);
}

/* Malformed patterns, the capture limit and the nesting limit. */
void test_pattern_errors(void)
{
  static const pcase cases[] = {
    {"find", "'abc', '%'"},
    {"find", "'abc', 'a%'"},
    {"find", "'abc', 'x%'"},
    {"find", "'abc', '['"},
    {"find", "'abc', '[a'"},
    {"find", "'abc', '[^'"},
    {"find", "'abc', '[]'"},
    {"find", "'abc', '[^]'"},
    {"find", "'abc', '[%'"},
    {"find", "'abc', '[a%'"},
    {"find", "'abc', '[a%]'"},
    {"find", "'abc', 'x['"},
    {"find", "'abc', '[x]['"},
    {"find", "'abc', '[a]['"},
    {"find", "'abc', ')'"},
    {"find", "'abc', '(a))'"},
    {"find", "'abc', '%1'"},
    {"find", "'abc', '(a)%2'"},
    {"find", "'abc', '%0'"},
    {"find", "'abc', '%9'"},
    {"find", "'abc', '%b'"},
    {"find", "'abc', '%bx'"},
    {"find", "'abc', '%f'"},
    {"find", "'abc', '%fx'"},
    {"find", "'abc', '%f[x'"},
    {"match", "'abc', '(a'"},
    {"match", "'abc', '(()'"},
    {"match", "'abc', string.rep('()', 32)"},
    {"match", "'abc', string.rep('()', 33)"},
    {"find", "'abc', string.rep('(', 33)"},
    {"find", "'abc', string.rep('(', 32) .. 'x'"},
    {"gsub", "'abc', string.rep('()', 32), '%9'"},
    {"gsub", "'abc', string.rep('(a)', 10), '%1'"},
    {"find", "string.rep('a', 300), string.rep('a?', 199)"},
    {"find", "string.rep('a', 300), string.rep('a?', 200)"},
    {"find", "string.rep('b', 300), string.rep('a?', 300)"},
    {"find", "string.rep('a', 300), string.rep('a*', 199)"},
    {"find", "string.rep('a', 300), string.rep('a*', 200)"},
    {"find", "string.rep('a', 300), string.rep('a-', 199)"},
    {"find", "string.rep('a', 300), string.rep('a-', 200)"},
    {"find", "string.rep('ab', 300), string.rep('a+b', 199)"},
    {"find", "string.rep('ab', 300), string.rep('a+b', 200)"},
    {"find", "string.rep('a', 300), string.rep('a', 300)"},
    {"find", "string.rep('a', 300), string.rep('.', 300) .. '$'"},
    {"match", "string.rep('a', 300), string.rep('()a?', 32) .. string.rep('a?', 167)"},
    {"match", "string.rep('a', 300), string.rep('()a?', 32) .. string.rep('a?', 168)"},
    {"match", "string.rep('a', 300), string.rep('(a?)', 32) .. string.rep('a?', 120)"},
    {"match", "string.rep('a', 300), string.rep('%f[a]a?', 200)"},
    {"match", "string.rep('ab', 300), string.rep('%bab', 300)"},
    {"gmatch", "string.rep('a', 300), string.rep('a?', 200)"},
    {"gsub", "string.rep('a', 300), string.rep('a?', 200), 'x'"},
    {"find", "string.rep('a', 5000), '.-b'"},
    {"find", "string.rep('a', 100) .. 'b', string.rep('a-', 3) .. 'b'"},
  };
  CHECK_CASES(cases);
}

/* ---- fuzz -------------------------------------------------------------- */

static unsigned rng_state;

static unsigned rng(unsigned n)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state % n;
}

static const char *const atoms[] = {
  "a", "b", "x", ".", "%a", "%d", "%s", "%W", "%", "%%", "%.", "[ab]", "[^a]",
  "[a-c]", "[%a]", "[]", "[", "]", "(", ")", "()", "%1", "%2", "*", "+", "-",
  "?", "^", "$", "%b()", "%bab", "%b", "%f[a]", "%f[%w]", "%f[^a]", "%f",
  "a*", "b+", ".-", "x?", "(a)", "(.-)", "[(]", "%)", "[]]", "[^]]", "%z",
  "(a*)", "%3", "%0", "(()", "%1*", "()%1", "%b))", "[\x80-\xff]",
};
static const char subject_bytes[] = "aaab()x1 .%]\xc3";
static const char *const templates[] = {
  "<%0>", "%1", "%2", "x", "%%", "%", "", "[%1|%0]", "%a",
};

static void fuzz_args(lua_State *L, char *pat, char *subj)
{
  size_t n = 0, natoms = 1 + rng(4), nsub = rng(16);
  for (size_t i = 0; i < natoms; i++) {
    const char *a = atoms[rng(sizeof atoms / sizeof atoms[0])];
    memcpy(pat + n, a, strlen(a));
    n += strlen(a);
  }
  pat[n] = 0;
  for (size_t i = 0; i < nsub; i++)
    subj[i] = subject_bytes[rng(sizeof subject_bytes - 1)];
  subj[nsub] = 0;
  lua_pushstring(L, subj);
  lua_pushstring(L, pat);
}

/* Pushes the name and arguments of one call of `fn`; its argument count. */
static int fuzz_call(lua_State *L, const char *fn, const char *subj, const char *pat)
{
  int n = 3;
  lua_pushstring(L, fn);
  lua_pushstring(L, subj);
  lua_pushstring(L, pat);
  if (fn[1] == 's') {  /* gsub: a template, the table or the function; a max */
    unsigned r = rng(12);
    if (r < 9)
      lua_pushstring(L, templates[r]);
    else
      lua_getglobal(L, r == 9 ? "RT" : "RF");
    if (rng(2) == 0)
      return n + 1;
    lua_pushinteger(L, (lua_Integer)rng(4) - 1);
    return n + 2;
  }
  if (rng(2)) {
    lua_pushinteger(L, (lua_Integer)rng(16) - 6);
    n++;
    if (fn[0] == 'f' && rng(4) == 0) {
      lua_pushboolean(L, 1);
      n++;
    }
  }
  return n;
}

enum { FUZZ_PATTERNS = 6000 };

void test_pattern_fuzz(void)
{
  static const char *const fns[] = {"find", "match", "gmatch", "gsub"};
  lua_State *L = open_diff();
  char pat[128], subj[24];
  int mismatches = 0, cases = 0;
  rng_state = 20240601u;
  for (int i = 0; i < FUZZ_PATTERNS; i++) {
    fuzz_args(L, pat, subj);
    lua_pop(L, 2);
    for (int f = 0; f < 4; f++, cases++) {
      int nargs;
      lua_settop(L, 1);
      lua_pushvalue(L, 1);
      nargs = fuzz_call(L, fns[f], subj, pat);
      if (lua_pcall(L, nargs, 1, 0) == LUA_OK && lua_isnil(L, -1))
        continue;
      if (++mismatches <= 10)
        fprintf(stderr, "pattern fuzz: %s(\"%s\", \"%s\", ...):\n  %s\n",
                fns[f], subj, pat, lua_tostring(L, -1));
    }
  }
  UT_EQ_INT(mismatches, 0);
  UT_EQ_INT(cases, 4 * FUZZ_PATTERNS);
  lua_close(L);
}

/* ---- budget ------------------------------------------------------------ */

typedef struct budget {
  unsigned long spent, limit, calls;
} budget;

static void spend(lua_State *L, void *ud, unsigned long steps)
{
  budget *b = ud;
  b->spent += steps;
  b->calls++;
  if (b->spent > b->limit)
    luaL_error(L, "budget");
}

/* A state whose string library is ours, charged to *b. */
static lua_State *open_budget(const pt_meter *meter)
{
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_getglobal(L, "string");
  pt_register(L, -1, meter);
  UT_EQ_INT(lua_gettop(L), 1);  /* the table is left where it was */
  lua_pop(L, 1);
  return L;
}

/* Runs `code` against the budget; its error message, or "" when it ran. */
static const char *run_budget(lua_State *L, budget *b, unsigned long limit,
                              const char *code)
{
  b->spent = b->calls = 0;
  b->limit = limit;
  lua_settop(L, 0);
  if (luaL_dostring(L, code) == LUA_OK)
    return "";
  return lua_tostring(L, -1);
}

void test_pattern_budget_stops(void)
{
  static const char *const runaway[] = {
    "return ('a'):rep(100000):find(('a-'):rep(20) .. 'b')",
    "return ('a'):rep(100000):match(('a*'):rep(20) .. 'b')",
    "for _ in ('a'):rep(100000):gmatch(('a-'):rep(20) .. 'b') do end",
    "return ('a'):rep(100000):gsub(('a-'):rep(20) .. 'b', 'x')",
    "return ('a'):rep(200000):find(('a'):rep(100000) .. 'b', 1, true)",
    "return ('a'):rep(200000):find(('a'):rep(100000) .. 'b')",
    "return ('('):rep(100000):find(('%b()'):rep(100) .. 'x')",
  };
  budget b;
  pt_meter meter = {spend, &b};
  lua_State *L = open_budget(&meter);
  for (size_t i = 0; i < sizeof runaway / sizeof runaway[0]; i++) {
    const char *msg = run_budget(L, &b, 10000000, runaway[i]);
    UT_CHECK(strstr(msg, "budget") != NULL);
    /* stopped within a batch or so of the limit, not after the work */
    UT_CHECK(b.spent > b.limit && b.spent < b.limit + 200000);
  }
  lua_close(L);
}

void test_pattern_budget_proportional(void)
{
  budget b;
  pt_meter meter = {spend, &b};
  lua_State *L = open_budget(&meter);
  unsigned long small, large;
  run_budget(L, &b, (unsigned long)-1, "return ('a'):rep(10000):find('b+')");
  small = b.spent;
  run_budget(L, &b, (unsigned long)-1, "return ('a'):rep(100000):find('b+')");
  large = b.spent;
  UT_CHECK(small >= 10000 && small < 100000);
  UT_CHECK(large > 9 * small && large < 11 * small);
  UT_CHECK(b.calls < large / 500);  /* charged in batches */
  /* every function pays, even for work that finds nothing */
  UT_EQ_STR(run_budget(L, &b, 100000, "for _ in ('ab '):rep(1000):gmatch('%a+') do end"), "");
  UT_CHECK(b.spent >= 3000 && b.spent < 30000);
  UT_EQ_STR(run_budget(L, &b, 100000, "return ('ab '):rep(1000):gsub('%a+', '%0%0')"), "");
  UT_CHECK(b.spent >= 3000 && b.spent < 30000);
  UT_EQ_STR(run_budget(L, &b, 100000, "return ('ab '):rep(1000):find('abc', 1, true)"), "");
  UT_CHECK(b.spent >= 3000 && b.spent < 30000);
  UT_EQ_STR(run_budget(L, &b, 100000, "return ('ab '):rep(1000):match('%s$')"), "");
  UT_CHECK(b.spent >= 3000 && b.spent < 30000);
  /* a long replacement costs its length at each match */
  UT_CHECK(strstr(run_budget(L, &b, 1000000, "return ('a'):rep(1000):gsub('a', ('x'):rep(10000))"),
                  "budget") != NULL);
  lua_close(L);
}
